#!/bin/sh
# Run every shipped example scenario through `tcpteach script --quiet`
# (each must exit 0), then a few broken scenarios that must fail the way
# the spec says: exit 1 and "FILE:LINE: expected ..." for a failed expect,
# exit 1 and "FILE:LINE: " for an impossible event, exit 2 and
# "FILE:LINE:COLUMN: " for a parse error, with nothing run.
#
# Environment: TCPTEACH (the program) and top_srcdir, as make check sets
# them; both default to something sensible when run by hand.

: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${TCPTEACH:=./tcpteach}"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/scenarios.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT INT TERM

passed=0
failed=0

pass() {
	passed=$((passed + 1))
	echo "PASS: $1"
}

fail() {
	failed=$((failed + 1))
	echo "FAIL: $1"
	if [ -s "$tmp/err" ]; then
		sed 's/^/  | /' "$tmp/err"
	fi
}

# must_run FILE: the scenario passes.
must_run() {
	"$TCPTEACH" script --quiet "$1" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	if [ "$rc" -eq 0 ]; then
		pass "$1"
	else
		fail "$1 (exit $rc)"
	fi
}

# must_fail NAME STATUS PATTERN TEXT: a scenario with TEXT exits STATUS
# and its standard error matches the grep pattern PATTERN, in which
# the word FILE stands for the scenario's path.
must_fail() {
	name=$1
	want=$2
	file="$tmp/$name.scn"
	pattern=$(printf '%s' "$3" | sed "s|FILE|$file|")
	printf '%s\n' "$4" >"$file"
	"$TCPTEACH" script --quiet "$file" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	if [ "$rc" -ne "$want" ]; then
		fail "$name: exit $rc, expected $want"
	elif ! grep -q "^$pattern" "$tmp/err"; then
		fail "$name: standard error does not match '^$pattern'"
	else
		pass "$name"
	fi
}

n=0
for scn in "$top_srcdir"/examples/*.scn; do
	[ -f "$scn" ] || continue
	n=$((n + 1))
	must_run "$scn"
done
if [ "$n" -lt 18 ]; then
	failed=$((failed + 1))
	echo "FAIL: only $n examples in $top_srcdir/examples"
fi

# Regression scenarios of the core and the linux profile's captures.
for scn in "$top_srcdir"/tests/core/*.scn "$top_srcdir"/tests/linux/*.scn; do
	[ -f "$scn" ] || continue
	must_run "$scn"
done

# Exit 1: a failed expect names the file and line.
must_fail wrong-state 1 'FILE:3: expected ' \
'server listen
client connect
expect client ESTABLISHED'

must_fail wrong-flags 1 'FILE:4: expected ' \
'isn client 100
server listen
client connect
expect inflight c>s SYN+ACK seq=100'

must_fail wrong-seq 1 'FILE:5: expected ' \
'isn client 100
server listen
client connect
# SYN+ACK does not match a bare SYN, nor does seq=101 match 100.
expect inflight c>s SYN seq=101'

must_fail wrong-notice 1 'FILE:4: expected ' \
'server listen
client connect
settle
expect notice client refused'

must_fail nothing-in-flight 1 'FILE:2: expected ' \
'client connect
expect inflight none'

# Exit 1: an impossible event.
must_fail close-twice 1 'FILE:5: ' \
'server listen
client connect
settle
client close
client close'

must_fail deliver-nothing 1 'FILE:1: ' \
'deliver'

# At most 64 unacknowledged sends: the 65th is refused (line 4 + 65); the
# FIN of close has a slot of its own (tests/core/close-after-full-queue).
must_fail queue-full 1 'FILE:69: client: send is impossible' \
'isn client 100
server listen
client connect
settle
'"$(i=0; while [ $i -lt 65 ]; do echo 'client send 1'; i=$((i + 1)); done)"'
client close'

# An ACK war (the client accepted data the server never sent): settle
# gives up after 10000 deliveries and says so; exit 1.
must_fail settle-ack-war 1 'FILE:7: settle: stopped after 10000' \
'isn client 100
isn server 300
server listen
client connect
settle
inject s>c PSH+ACK seq=301 ack=101 len=10
settle'

# Linux's tcp_syn_retries takes 1..127: 0 is refused under profile linux,
# whichever comes first.
must_fail linux-syn-retries-0 1 'FILE:2: set: under profile linux' \
'profile linux
set syn_retries 0'

must_fail linux-after-syn-retries-0 1 'FILE:2: profile linux: syn_retries' \
'set syn_retries 0
profile linux'

# With stdout and stderr sent to one file, the error follows the trace.
printf 'server listen\nclient connect\nsettle\nexpect client CLOSED\n' \
    >"$tmp/mixed.scn"
"$TCPTEACH" script "$tmp/mixed.scn" >"$tmp/mixed" 2>&1
if tail -n 1 "$tmp/mixed" | grep -q "^$tmp/mixed.scn:4: expected" &&
    [ "$(grep -c 'expected client' "$tmp/mixed")" -eq 1 ]; then
	pass "error-after-trace"
else
	fail "error-after-trace"
fi

# Exit 2: parse errors name the line and the column of the bad word.
must_fail typo-command 2 'FILE:2:8: ' \
'server listen
client conect'

must_fail typo-host 2 'FILE:1:1: ' \
'sever listen'

must_fail bad-state 2 'FILE:3:15: ' \
'server listen
client connect
expect client SYN_SEND'

must_fail bad-duration 2 'FILE:2:6: ' \
'client connect
wait 5 parsecs'

must_fail setup-after-event 2 'FILE:2:1: ' \
'server listen
seed 3'

# Settle's stop is in the trace too, not only on standard error.
cat >"$tmp/war.scn" <<'EOF'
isn client 100
isn server 300
server listen
client connect
settle
inject s>c PSH+ACK seq=301 ack=101 len=10
settle
EOF
"$TCPTEACH" script "$tmp/war.scn" >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ "$rc" -eq 1 ] && grep -q 'world   settle: stopped after 10000' "$tmp/out"
then
	pass "settle-stop-in-trace"
else
	fail "settle-stop-in-trace (exit $rc)"
fi

# A failed expect stops the file: nothing after it runs.
printf 'expect client LISTEN\nclient connect\n' >"$tmp/stop.scn"
"$TCPTEACH" script "$tmp/stop.scn" >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ "$rc" -eq 1 ] && ! grep -q SYN_SENT "$tmp/out"; then
	pass "expect-stops-the-file"
else
	fail "expect-stops-the-file (exit $rc)"
fi

# A parse error anywhere runs nothing of the file.
printf 'client connect\nclient conect\n' >"$tmp/norun.scn"
"$TCPTEACH" script "$tmp/norun.scn" >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ "$rc" -eq 2 ] && ! grep -q SYN_SENT "$tmp/out"; then
	pass "parse-error-runs-nothing"
else
	fail "parse-error-runs-nothing (exit $rc)"
fi

# The trace's reasons say what happened: a SYN retransmitted within the
# linear timeouts keeps its RTO; an ACK-less SYN leaves TIME_WAIT's timer.
must_say() {
	"$TCPTEACH" script "$1" >"$tmp/out" 2>"$tmp/err"
	if grep -q "$2" "$tmp/out" && ! grep -q "$3" "$tmp/out"; then
		pass "says: $2"
	else
		fail "$1 does not say '$2' (or says '$3')"
	fi
}
must_say "$top_srcdir/examples/linux-syn-timeout.scn" \
    ' 2\.000s  client  sends .*SYN sent again, RTO kept' \
    ' [1-4]\.000s  client  sends .*RTO doubled'
must_say "$top_srcdir/tests/linux/time-wait-ackless-syn.scn" \
    'without ACK in TIME-WAIT: ACK sent, 2MSL not restarted' \
    '2MSL restarted'

# Standard input.
if "$TCPTEACH" script --quiet - \
    <"$top_srcdir/examples/fig06-basic-handshake.scn" >"$tmp/out" 2>"$tmp/err"
then
	pass "standard-input"
else
	fail "standard-input"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
