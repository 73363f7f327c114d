#!/bin/sh
# `tcpteach lab`: the simulator screen on two real Linux TCP stacks.  A
# real handshake driven by keys with the final ACK held: the kernel
# reports the server in SYN_RECEIVED and the ladder shows the kernels'
# own sequence numbers; a `:` expect checks it, delivering the ACK
# establishes the server, undo (new namespaces, replay) holds it again;
# then the close, and TIME_WAIT counting down with no key pressed.
# Then 120x40 in Chinese, and a lab that cannot start: exit 2, one line,
# the terminal untouched.  Skipped (77) where namespaces cannot be made.
. "${top_srcdir:-.}/tests/screen/lib.sh"

screen_need_lab

screen_start -- lab --no-animation
screen_expect "client, kernel Linux"
screen_expect "server, kernel Linux"
screen_step L "L I S T E N"
screen_step c "S Y N _ S E N T"
screen_expect "#1 SYN seq="
screen_expect "not exposed"
screen_step d "S Y N _ R E C E I V E D"
screen_expect "#2 SYN+ACK seq="
# Tester 3, item 17: the kernel's state is read before the segment it
# sends, so SYN_SENT is on the SYN's row (not a note after it) and the
# server's SYN_RECEIVED on its SYN+ACK's, told before that is sent.
lab_on_row() {
	screen_capture | grep -F -- "$1" | grep -q -F -- "$2" || {
		echo "FAIL: $2 should be on the row of $1" >&2
		screen_capture >&2
		exit 1
	}
}
lab_on_row "#1 SYN seq=" "SYN_SENT"
lab_on_row "#2 SYN+ACK" "SYN_RECEIVED"
screen_capture | awk '/server: LISTEN -> SYN_RECEIVED/ { st = NR }
    /server sends #2 SYN\+ACK/ { sent = NR }
    END { exit !(st > 0 && sent > st) }' || {
	echo "FAIL: the narration should tell SYN_RECEIVED, then the SYN+ACK" >&2
	screen_capture >&2
	exit 1
}
screen_expect_not "as the kernel reports it │ SYN_RECEIVED"
screen_step d "E S T A B L I S H E D"
# The final ACK is held: the kernel still has the server half-open.
screen_expect "#3 ACK seq="
screen_expect "S Y N _ R E C E I V E D"
screen_expect "#3 ACK c>s: d deliver"
# Real numbers: the SYN's sequence number plus one is the ACK's.
isn=$(screen_capture | sed -n 's/.*#1 SYN seq=\([0-9]*\).*/\1/p' | head -n 1)
screen_expect "#3 ACK seq=$(( (isn + 1) % 4294967296 ))"
# The event log tells the kernels' run (their ISN), not the model's.
screen_step E "What the kernels did at each step"
screen_expect "client sends #1 SYN seq=$isn"
screen_expect_not "seq=2433363436"
screen_keys q
screen_keys :
screen_type "expect server SYN_RECEIVED"
screen_expect "Check passed: expect server SYN_RECEIVED"
screen_keys :
screen_type "deliver"
screen_expect "server: SYN_RECEIVED -> ESTABLISHED"
# Undo rebuilds the namespaces and replays: the ACK is held again.
screen_step u "step 5/6"
screen_expect "the kernels chose new ISNs"
screen_expect "S Y N _ R E C E I V E D"
# The close, to TIME_WAIT, whose kernel timer counts down by itself.
# Settle (e) delivers everything in flight, retransmissions too: on a
# loaded machine the kernels' 200 ms RTO may beat the keys.
screen_step e "SYN_RECEIVED -> ESTABLISHED"
screen_step x "F I N _ W A I T _ 1"
screen_step e "C L O S E _ W A I T"
screen_expect "F I N _ W A I T _ 2"
screen_step X "L A S T _ A C K"
screen_step e "T I M E _ W A I T"
screen_expect "server: LAST_ACK -> CLOSED"
screen_expect "2MSL 5"
left() { screen_capture | sed -n 's/.*2MSL \([0-9.]*s\).*/\1/p' | head -n 1; }
first=$(left)
tries=100
while [ "$(left)" = "$first" ] && [ $tries -gt 0 ]; do
	sleep 0.1
	tries=$((tries - 1))
done
if [ "$(left)" = "$first" ]; then
	echo "FAIL: TIME_WAIT does not count down (2MSL $first)" >&2
	screen_capture >&2
	exit 1
fi
screen_keys q
screen_cleanup

# 120x40, in Chinese.
screen_socket 1
COLS=120 ROWS=40 screen_start -- --lang=zh_CN lab --no-animation
screen_expect "第 0/0 步"
screen_expect "客户端，内核 Linux"
screen_step L "L I S T E N"
screen_step c "S Y N _ S E N T"
screen_expect "#1 SYN seq="
screen_expect "客户端发送 #1 SYN seq="
screen_expect "第 2/2 步"
# A key sent as an escape sequence through the loop's poll(): Left undoes.
screen_keys Left
screen_expect "第 1/2 步"
screen_keys q
screen_cleanup

# A lab that cannot start: no terminal output at all, exit 2, the reason.
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null 2>&1 &&
    [ "$(stat -c %a /dev/net/tun 2>/dev/null)" = 600 ]; then
	out=$(mktemp)
	rc=0
	setpriv --reuid=65534 --regid=65534 --clear-groups \
	    $TCPTEACH lab >"$out" 2>"$out.err" || rc=$?
	if [ "$rc" != 2 ] || [ -s "$out" ] ||
	    ! grep -q "/dev/net/tun" "$out.err"; then
		echo "FAIL: a lab that cannot start: exit $rc" >&2
		cat "$out" "$out.err" >&2
		rm -f "$out" "$out.err"
		exit 1
	fi
	rm -f "$out" "$out.err"
fi
exit 0
