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

quiz_give "$a3"
screen_expect "Right."
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
exit 0
