#!/bin/sh
# The tester's report (round 4) items 1, 2, 6 and 7 at 80x24, in English
# and Chinese: the event log numbers the steps of a replayed capture as
# the status line does (its profile linux is a setting, not Step 1); a
# check's heading shows the numbers its verdict and the ladder show (a
# number of no incarnation marked raw); the capture's time column keeps
# its unit past 10 s; a heading that wraps hangs under itself.
. "${top_srcdir:-.}/tests/screen/lib.sh"

PCAP="${top_srcdir:-.}/fuzz/corpus/pcap"
FIG08="${top_srcdir:-.}/examples/fig08-old-duplicate-syn.scn"

run() {
	$TMUX_CMD new-session -d -x 80 -y 24 \
	    "env LC_ALL=C.UTF-8 TERM=screen NO_COLOR=1 $TCPTEACH $*; sleep 30"
	$TMUX_CMD set-option -g remain-on-exit on >/dev/null 2>&1 || true
}

# Item 1: step 35/35 on the status line, Step 35 last in the log.
run --no-animation capture "'$PCAP/real-close-data-rst.pcap'"
screen_expect "Connections"
screen_step Enter "step 35/35"
screen_step E "Step 35: expect server CLOSED"
screen_expect_not "Step 36"
screen_step Home "Setting: profile linux"
screen_expect " Step 1: isn client "
screen_expect_not "Step 1: profile linux"
screen_keys q q q
screen_cleanup

# Item 6: the SYNs at 15 s and 31 s keep their "s"; item 1 again.
screen_socket 1
run --no-animation capture "'$PCAP/syn-timeout.pcap'"
screen_expect "Connections"
screen_step Enter "step 20/20"
screen_expect "15.00000s "
screen_expect "31.00000s "
screen_expect_not "15.000000 "
screen_step E "Step 20: deliver #11"
screen_expect_not "Step 21"
screen_keys q q q
screen_cleanup

# Item 2: heading and verdict in the same numbers, ack=91 marked raw as
# on the arrow.  Item 7: at 50 columns the heading's second row hangs
# at column 5, a sentence's at column 3.
screen_socket 2
run play "'$FIG08'"
screen_keys j
screen_type 20
screen_expect "step 20/28"
screen_expect "#3 SYN+ACK seq=0 ack=91 [raw]"
screen_step E " Step 12: expect inflight #3 SYN+ACK seq=0 ack=91 [raw]"
screen_expect "   Check passed: expect inflight #3 SYN+ACK seq=0 ack=91 [raw]"
screen_expect_not "seq=300"
$TMUX_CMD resize-window -x 50 -y 24
screen_expect " Step 12: expect inflight #3 SYN+ACK seq=0"
if ! screen_capture | grep -q "^     ack=91 \[raw\]$"; then
	echo "FAIL: the heading's second row does not hang at column 5" >&2
	screen_capture >&2
	exit 1
fi
screen_expect "   ack=91 [raw]"
screen_keys q q
screen_cleanup

screen_socket 3
run --lang=zh_CN play "'$FIG08'"
screen_keys j
screen_type 20
screen_expect "第 20/28 步"
screen_step E "第 12 步：expect inflight #3 SYN+ACK seq=0 ack=91 [原始值]"
screen_expect "检查通过：expect inflight #3 SYN+ACK seq=0 ack=91 [原始值]"
screen_expect_not "seq=300"
screen_keys q q
screen_cleanup

screen_socket 4
run --lang=zh_CN --no-animation capture \
    "'$PCAP/real-close-data-rst.pcap'"
screen_expect "1"
screen_keys Enter
screen_expect "第 35/35 步"
screen_step E "第 35 步：expect server CLOSED"
screen_step Home "设置：profile linux"
screen_keys q q q
exit 0
