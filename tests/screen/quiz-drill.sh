#!/bin/sh
# The interactive drill answered with keys: right and wrong at once, with
# the right answer; the running score; the report of the missed question
# at the end, and the missed question itself with n.
. "${top_srcdir:-.}/tests/screen/quiz_lib.sh"

quiz_key --seed 2 --count 3 --no-bank
a1=$(quiz_answer 1)
a2=$(quiz_answer 2)
a3=$(quiz_answer 3)
quiz_start "Drill: question 1 of 3" quiz --seed 2 --count 3 --no-bank
screen_expect "Score: 0 right of 0 answered"
# A number question: the status bar offers digits, not letters.
screen_expect "0-9 type the number"
screen_expect_not "A-H"

quiz_give "$a1"
screen_expect "Right."
screen_expect "Score: 1 right of 1 answered"
screen_keys Enter
screen_expect "Drill: question 2 of 3"
screen_expect_not "Right."

quiz_give "$(quiz_wrong "$a2")"
screen_expect "Not quite: the answer is $(quiz_bare "$a2")."
screen_expect "Score: 1 right of 2 answered"
screen_keys Enter
screen_expect "Drill: question 3 of 3"

# A choice question: only its own letters.
screen_wait_re "A-[B-H] answer  Enter next" ||
    { echo "FAIL: choice keys" >&2; screen_capture >&2; exit 1; }
screen_expect_not "0-9 type"
quiz_give "$a3"
screen_expect "Right."
screen_expect "Enter next  ? help"
screen_expect_not "A-"
screen_expect "Score: 2 right of 3 answered"
screen_keys Enter
screen_expect "Drill over: the report"
screen_expect "Score: 2 of 3 (66%)."
screen_expect "2. wrong"

# The review: the missed question in full, then help and quit.
screen_keys n
screen_expect "Drill: question 2 of 3"
screen_expect "Not quite: the answer is"
screen_keys '?'
screen_expect "this help"
screen_keys Escape
screen_expect "Drill: question 2 of 3"
screen_keys q
screen_expect "Drill score: 2 of 3."
screen_cleanup

# The same in Chinese.
screen_socket 1
quiz_start "0-9 输入数值" quiz --seed 2 --count 3 --no-bank --lang zh_CN
screen_expect_not "A-H"
screen_expect_not "作答  Enter"
exit 0
