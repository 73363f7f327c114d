#!/bin/sh
# Lecture mode: a scenario steps forward on Space, n and Right, back on p
# and Left; expect lines show as passed or failed checks.  A file that
# does not parse is reported as FILE:LINE:COLUMN with status 2 before the
# terminal is touched.
. "${top_srcdir:-.}/tests/screen/lib.sh"

dir=$(mktemp -d)
trap 'screen_cleanup; rm -rf "$dir"' EXIT
cat > "$dir/fig12.tcp" <<'SCEN'
isn client 99
isn server 299
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
screen_keys Space n Right Space Space
screen_expect "step 5/11"
screen_expect "E S T A B L I S H E D"
screen_step n "Check passed: expect client ESTABLISHED"
screen_keys n
screen_step n "Check passed: expect inflight"
screen_keys n n
screen_step n "Check failed: expect server LISTEN"
screen_expect "1 failed"
screen_step p "step 10/11"
screen_step Left "step 9/11"
screen_expect "F I N _ W A I T _ 1"
screen_step n "C L O S E _ W A I T"
screen_keys q
exit 0
