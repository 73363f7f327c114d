#!/bin/sh
# An interrupted exam: one answer given, then the terminal goes away (tmux
# kill-server hangs the program up).  The attempt file keeps the answer;
# --resume brings it back, so does the offer made when the same exam is
# started again, and a countdown that runs out submits by itself.
. "${top_srcdir:-.}/tests/screen/quiz_lib.sh"

args="--seed 7 --count 3 --no-bank --student r1"
quiz_key $args
a1=$(quiz_answer 1)
quiz_start "Exam: question 1 of 3" exam $args --minutes 1
quiz_give "$a1"
screen_expect "Answered 1 of 3"
f=$(ls "$QTMP"/tcpteach/results/r1-7-*.json 2>/dev/null)
[ -n "$f" ] || { echo "FAIL: no attempt file" >&2; exit 1; }
quiz_file_wait "$f" '"answer": "'
$TMUX_CMD kill-server >/dev/null 2>&1
quiz_file_wait "$f" '"submitted": false'

# --resume FILE: the answer is still there.
case $a1 in
?)	shown="> $a1)" ;;
*)	shown="Your answer: $(quiz_bare "$a1")" ;;
esac
screen_socket 1
quiz_start "Exam: question 1 of 3" exam --resume "$f"
screen_expect "Answered 1 of 3"
screen_expect "$shown"
screen_keys q
screen_expect "Quit? Answers stay saved"
screen_keys y
screen_expect "exam --resume"
screen_cleanup

# Starting the same exam again offers to resume it.  Four seconds used
# (set by hand): the page counts seconds ("0:04", not "0 minutes"), and
# the title's clock is that attempt's, 0:56 left, before and after y.
sed 's/"elapsed_ms": [0-9]*/"elapsed_ms": 4000/' "$f" >"$QTMP/used.json"
mv "$QTMP/used.json" "$f"
screen_socket 2
quiz_start "This exam was started before" exam $args --minutes 1
screen_expect "Resume that attempt?"
screen_expect "has used 0:04"
screen_expect "of exam time."
screen_expect "0:56 left"
screen_expect_not "1:00 left"
screen_keys y
screen_expect "Answered 1 of 3"
screen_wait_re "0:5[0-6] left" || { echo "FAIL: resumed clock" >&2; exit 1; }
screen_expect "$shown"
screen_keys q y
screen_expect "exam --resume"
screen_cleanup
[ "$(ls "$QTMP"/tcpteach/results | wc -l)" -eq 1 ] ||
    { echo "FAIL: resuming made a new attempt file" >&2; exit 1; }

# With a second and a half left, the clock submits the exam.
sed 's/"elapsed_ms": [0-9]*/"elapsed_ms": 58500/' "$f" >"$QTMP/late.json"
mv "$QTMP/late.json" "$f"
screen_socket 3
quiz_start "Exam: question 1 of 3" exam --resume "$f"
screen_expect "0:02 left"
screen_expect "Time is up: your answers were submitted."
screen_expect "Exam submitted: the report"
quiz_file_wait "$f" '"submitted": true'
screen_keys q
screen_expect "Results directory:"

# The grader sees the hand edit and the interruptions.
"$TCPTEACH" exam --grade "$QTMP/tcpteach/results" >"$QTMP/marks.csv" \
    2>/dev/null || { echo "FAIL: exam --grade" >&2; exit 1; }
grep -q '^r1,7,.*edited.*resumed:' "$QTMP/marks.csv" || {
	echo "FAIL: grade flags" >&2; cat "$QTMP/marks.csv" >&2; exit 1; }
exit 0
