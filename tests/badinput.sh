#!/bin/sh
# Bad input files get a clear message and exit 2, never a hang, a crash or
# unbounded memory: devices, FIFOs, directories, endless standard input,
# CR-only line endings; a UTF-8 byte-order mark and CRLF are accepted.
T=${TCPTEACH:-./tcpteach}
pass=0 fail=0
tmp=${TMPDIR:-/tmp}/badinput.$$
mkdir -p "$tmp"
trap 'rm -rf "$tmp"' EXIT

run() {	# name expected-status command...  (10 s at most: no hang)
	name=$1 want=$2
	shift 2
	timeout 10 "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
	got=$?
	if [ "$got" -eq "$want" ]; then pass=$((pass + 1)); else
		fail=$((fail + 1)); echo "FAIL $name: status $got, wanted $want"
		cat "$tmp/out" "$tmp/err"; fi
}
has() {	# name file fixed-string
	if grep -qF -- "$3" "$2"; then pass=$((pass + 1)); else
		fail=$((fail + 1)); echo "FAIL $1: '$3' not in $2"; cat "$2"; fi
}
lacks() {
	if grep -qF -- "$3" "$2"; then fail=$((fail + 1))
		echo "FAIL $1: '$3' in $2"; cat "$2"; else pass=$((pass + 1)); fi
}

run zero-script 2 "$T" script /dev/zero
has zero-script-msg "$tmp/err" "/dev/zero: it is a device"
run zero-play 2 "$T" play /dev/zero
has zero-play-msg "$tmp/err" "it is a device"
mkfifo "$tmp/fifo"
run fifo-script 2 "$T" script "$tmp/fifo"
has fifo-script-msg "$tmp/err" "FIFO"
run fifo-lesson 2 "$T" lessons --check "$tmp/fifo"
has fifo-lesson-msg "$tmp/err" "FIFO"
run dir-lesson 2 "$T" lessons --check "$tmp"
has dir-lesson-msg "$tmp/err" "$tmp: it is a directory"
lacks dir-lesson-no-zero "$tmp/err" ":0:0:"

# Endless standard input stops at the limit, with a message.
timeout 20 sh -c "head -c 70000000 /dev/zero | '$T' script -" \
    >"$tmp/out" 2>"$tmp/err"
st=$?
if [ "$st" -eq 2 ]; then pass=$((pass + 1)); else fail=$((fail + 1))
	echo "FAIL stdin-limit: status $st"; cat "$tmp/err"; fi
has stdin-limit-msg "$tmp/err" "larger than 64 MiB"
# One endless line in a regular file stops at the line limit.
head -c 100000 /dev/zero | tr '\0' 'x' >"$tmp/long.scn"
run long-line 2 "$T" script "$tmp/long.scn"
has long-line-msg "$tmp/err" "long.scn:1: the line is longer than 64 KiB"

# A byte-order mark and CRLF line endings are fine; CR-only is named.
printf '\357\273\277server listen\r\nclient connect\r\nsettle\r\nexpect client ESTABLISHED\r\n' >"$tmp/bom.scn"
run bom-script 0 "$T" script --quiet "$tmp/bom.scn"
printf 'server listen\rclient connect\rsettle\r' >"$tmp/cr.scn"
run cr-script 2 "$T" script "$tmp/cr.scn"
has cr-script-msg "$tmp/err" "cr.scn:1:14: a carriage return (CR)"
lesson=${top_srcdir:-.}/lessons/en/02-handshake.lesson
{ printf '\357\273\277'; cat "$lesson"; } >"$tmp/bom.lesson"
run bom-lesson 0 "$T" lessons --check "$tmp/bom.lesson"
tr '\n' '\r' <"$lesson" >"$tmp/cr.lesson"
run cr-lesson 2 "$T" lessons --check "$tmp/cr.lesson"
has cr-lesson-msg "$tmp/err" "old Mac line endings"
lacks bom-no-byte "$tmp/err" "0xef"

# Too long is too long, however long.
printf 'wait 99999999999999999999999ms\n' >"$tmp/w1.scn"
printf 'wait 18446744073709551615ms\n' >"$tmp/w2.scn"
run wait-huge 2 "$T" script "$tmp/w1.scn"
has wait-huge-msg "$tmp/err" "is too long"
run wait-u64 2 "$T" script "$tmp/w2.scn"
has wait-u64-msg "$tmp/err" "is too long"

# A progress file that is a FIFO does not hang the lesson list.
mkdir -p "$tmp/state/tcpteach"
mkfifo "$tmp/state/tcpteach/progress"
run progress-fifo 0 env XDG_STATE_HOME="$tmp/state" "$T" lessons --list

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
