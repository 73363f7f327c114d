#!/bin/sh
# One exam per student and seed.  The resume command printed on quit works
# as printed (its lock goes beside the attempt, not into a default results
# directory that cannot be made here); once a second attempt started
# afresh is submitted, showing the key, the first cannot be resumed and no
# new attempt can be started.
. "${top_srcdir:-.}/tests/screen/quiz_lib.sh"

args="--seed 7 --count 3 --no-bank --student s1"
res="$QTMP/res"
: >"$QTMP/blocker"	# a file: no default results directory under it
quiz_key $args
a1=$(quiz_answer 1)

# oe_start READY ARGS...: like quiz_start, with no usable default.
oe_start() {
	ready=$1
	shift
	$TMUX_CMD new-session -d -x 200 -y 24 "env LC_ALL=C.UTF-8 \
TERM=screen XDG_DATA_HOME=$QTMP/blocker/x HOME=$QTMP/blocker/x \
TCPTEACH_DATADIR=$TCPTEACH_DATADIR $TCPTEACH $* \
2>$QTMP/err; echo rc=\$?; sleep 30"
	$TMUX_CMD set-option -g remain-on-exit on >/dev/null 2>&1 || true
	screen_expect "$ready"
}

oe_start "Exam: question 1 of 3" exam $args --results "$res"
quiz_give "$a1"
screen_expect "Answered 1 of 3"
screen_keys q
screen_expect "Quit? Answers stay saved"
screen_keys y
screen_expect "exam --resume"
cmd=$(screen_capture | sed -n 's/.*to go on, run: tcpteach \(exam --resume [^ ]*\)$/\1/p')
[ -n "$cmd" ] || { echo "FAIL: no resume command" >&2; exit 1; }
f=${cmd#exam --resume }
screen_cleanup

# Run it exactly as printed.
screen_socket 1
oe_start "Exam: question 1 of 3" $cmd
screen_expect "Answered 1 of 3"
screen_keys q y
screen_expect "Results directory: $res"
screen_expect "rc=0"
screen_cleanup

# Start afresh (maybe within the same second: it gets a file of its own)
# and submit that attempt.
screen_socket 2
oe_start "Resume that attempt?" exam $args --results "$res"
screen_keys n
screen_expect "Answered 0 of 3"
screen_keys S
screen_expect "Submit now?"
screen_keys y
screen_expect "Exam submitted: the report"
screen_keys q
screen_expect "rc=0"
screen_cleanup

# The first attempt is closed now, and so is the exam.
n=3
for how in "--resume $f" "$args --results $res"; do
	screen_socket $n
	n=$((n + 1))
	oe_start "rc=" exam $how
	screen_expect "rc=2"
	grep -q "already submitted" "$QTMP/err" || {
		echo "FAIL: exam $how" >&2
		cat "$QTMP/err" >&2
		exit 1
	}
	screen_cleanup
done
exit 0
