#!/bin/sh
# The timed exam answered with keys: no feedback before submitting, an
# answer changed, the list of questions, submitting with confirmation,
# the report, and the attempt's JSON file with its seed and score.
. "${top_srcdir:-.}/tests/screen/quiz_lib.sh"

args="--seed 5 --count 4 --no-bank --student t1"
quiz_key $args
a1=$(quiz_answer 1)
a2=$(quiz_answer 2)
a4=$(quiz_answer 4)
quiz_start "Exam: question 1 of 4" exam $args --minutes 30
screen_expect "30:00 left"
screen_expect "Answered 0 of 4"

# Question 1: a wrong answer, then changed to the right one.
quiz_give "$(quiz_wrong "$a1")"
screen_expect "Answered 1 of 4"
quiz_give "$a1"
screen_expect "Answered 1 of 4"
screen_expect_not "Right."
screen_expect_not "Not quite"

screen_keys n
screen_expect "Exam: question 2 of 4"
quiz_give "$a2"
screen_expect "Answered 2 of 4"
screen_keys n n
screen_expect "Exam: question 4 of 4"
quiz_give "$(quiz_wrong "$a4")"
screen_expect "Answered 3 of 4"

# The list shows which question is still open; p and n move back and on.
screen_keys l
screen_expect "3. [not answered]"
screen_keys l
screen_expect "Exam: question 4 of 4"
screen_keys p
screen_expect "Exam: question 3 of 4"

# Submitting asks first; any key but y goes back.
screen_keys S
screen_expect "Submit now? 3 of 4 answered."
screen_keys n
screen_expect_not "Submit now?"
screen_keys S
screen_expect "Submit now?"
screen_keys y
screen_expect "Exam submitted: the report"
screen_expect "Score: 2 of 4 (50%)."
screen_expect "1. right"
screen_keys NPage
screen_expect "3. not answered"

f=$(ls "$QTMP"/tcpteach/results/t1-5-*.json 2>/dev/null)
[ -n "$f" ] && [ -f "$f" ] || { echo "FAIL: no attempt file" >&2; exit 1; }
quiz_file_wait "$f" '"submitted": true'
quiz_file_wait "$f" '"seed": 5,'
quiz_file_wait "$f" '"student": "t1"'
quiz_file_wait "$f" '"score": {"right": 2, "answered": 3, "total": 4'

screen_keys q
screen_expect "Your attempt is saved in $QTMP"
screen_expect "Results directory: $QTMP/tcpteach/results"

# The teacher's grader re-marks the file: 2 of 4, question 3 unanswered,
# nothing to flag; and the submitted attempt is never reopened.
"$TCPTEACH" exam --grade "$QTMP/tcpteach/results" >"$QTMP/marks.csv" \
    2>"$QTMP/summary" || { echo "FAIL: exam --grade" >&2; exit 1; }
grep -q "^t1,5,$(basename "$f"),50,2,3,4,1,1,0,0,\$" "$QTMP/marks.csv" || {
	echo "FAIL: grade row" >&2; cat "$QTMP/marks.csv" >&2; exit 1; }
grep -q "^Graded 1 attempt\.$" "$QTMP/summary" ||
    { echo "FAIL: grade summary" >&2; exit 1; }
screen_cleanup
screen_socket 1
quiz_start "a submitted attempt is never reopened" exam --resume "$f"
exit 0
