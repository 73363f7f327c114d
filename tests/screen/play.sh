#!/bin/sh
# Lecture mode: a scenario steps forward on Space, n and Right, back on p
# and Left; a step is an event with the expect lines after it, whose
# results show as passed or failed checks.  The scenario's comments are
# captions.  A stray key branches off the script and b brings it back; j
# jumps to a step.  A file that does not parse is reported as
# FILE:LINE:COLUMN with status 2 before the terminal is touched.
. "${top_srcdir:-.}/tests/screen/lib.sh"

dir=$(mktemp -d)
trap 'screen_cleanup_all; rm -rf "$dir"' EXIT
cat > "$dir/fig12.tcp" <<'SCEN'
isn client 99
isn server 299
# The server opens first.
server listen
client connect
settle
expect client ESTABLISHED
client close
expect inflight c>s FIN+ACK seq=100 ack=300
deliver
expect server CLOSE_WAIT
expect server LISTEN
SCEN
printf 'server listen\nclient conect\n' > "$dir/bad.tcp"

"$TCPTEACH" play "$dir/bad.tcp" 2> "$dir/err" && exit 1
[ $? -eq 2 ] || exit 1
grep -q "bad.tcp:2:8:" "$dir/err" || { cat "$dir/err"; exit 1; }

screen_start -- play --no-animation "$dir/fig12.tcp"
screen_expect "Lecture mode"
screen_expect "step 0/11"
screen_keys Space n Right
screen_expect "step 3/11"
screen_expect "The server opens first."
screen_keys Space
screen_expect "step 4/11"
# A stray key: the lecturer's own event, the script kept.
screen_step z "Off the script since step 4: b goes back to it."
screen_step n "Press b to go back to the script at step 4."
screen_step b "Back on the script at step 4/11."
screen_expect "S Y N _ S E N T"
# The settle and its check in one key.
screen_step Space "step 6/11"
screen_expect "E S T A B L I S H E D"
screen_expect "Check passed: expect client ESTABLISHED"
screen_step n "Check passed: expect inflight c>s FIN+ACK seq=1 ack=1"
screen_expect "step 8/11"
screen_step n "Check failed: expect server LISTEN"
screen_expect "1 failed"
screen_expect "step 11/11"
screen_step p "step 8/11"
screen_expect "F I N _ W A I T _ 1"
screen_step Left "step 6/11"
screen_step n "step 8/11"
screen_step n "C L O S E _ W A I T"
# E: the event log, every step in full; q closes it.
screen_step E "Step 11: expect server LISTEN"
screen_step Home "Step 1: isn client 99"
screen_expect "RFC 9293 3.10.1"
screen_keys q
screen_expect "Space/p step  j jump"
# Enter: the inspector on the newest segment, every field and its fate.
screen_step Enter "Segment inspector: Left, Right other segments"
screen_expect "origin: sent by its host's TCP"
screen_step Left "Segment #"
screen_keys q
screen_expect "Space/p step  j jump"
# Help says which keys scroll it and which close it.
screen_step '?' "Space, PgDn, PgUp, Up, Down scroll; any other key closes"
screen_step Space "any other key closes"
screen_keys q
screen_expect "Space/p step  j jump"
screen_keys j
screen_type 4
screen_expect "step 4/11"
screen_keys q

# --present: bold everywhere, the event menu hidden, the steps still go.
screen_socket 1
screen_start -- play --present --no-animation "$dir/fig12.tcp"
screen_step Space "step 1/11"
screen_expect "Space/p step"
screen_expect_not "c connect"
# The ladder's empty rows are plain in the simulator, bold here.
screen_capture -e | grep -q "$(printf '\033')\[1m *│" || {
	echo "FAIL: --present draws no bold text" >&2
	exit 1
}
screen_keys q

# play -: the scenario on standard input, the keys from the terminal.
screen_socket 2
screen_start -- play --no-animation - "<" "$dir/fig12.tcp"
screen_expect "step 0/11"
screen_step Space "step 1/11"
screen_step n "step 2/11"
screen_keys q
# Without a terminal to read keys from, the refusal says why.
printf 'server listen\n' | setsid -w "$TCPTEACH" play - 2>"$dir/err"
[ $? -eq 2 ] || { cat "$dir/err"; exit 1; }
grep -q "^tcpteach play: .*needs a terminal" "$dir/err" ||
    { cat "$dir/err"; exit 1; }
exit 0
