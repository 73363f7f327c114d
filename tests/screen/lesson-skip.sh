#!/bin/sh
# A lesson is complete only when every task and question is done: lesson
# 01 with step 3 (a question) and step 5 (a task) skipped by n n ends
# "not complete", the list shows no tick and resumes at step 3.  Going
# back a step and forward again keeps the mark of a step already done.
. "${top_srcdir:-.}/tests/screen/lesson_lib.sh"
nles=$(ls "${top_srcdir:-.}"/lessons/en/*.lesson | wc -l)

lesson_start "Step 1/9" lesson 1
screen_step n "Step 2/9"
screen_keys '$' n
screen_expect "Step 3/9"
# Skipped: n asks, n again skips.
screen_step n "This step is not done yet: press n again to skip it."
screen_step n "Step 4/9"
screen_step '$' "Done — press n for the next step."
screen_step n "Step 5/9"
# Back to step 4, a task done before: it says so, and one n moves on.
screen_step p "Step 4/9: The server's answer  ✓ done before"
screen_step n "Step 5/9"
screen_expect_not "This step is not done yet"
screen_step n "This step is not done yet"
screen_step n "Step 6/9"
for s in 6 7 8 9; do
	screen_expect "Step $s/9"
	screen_keys '$' n
done
screen_expect "but step 3 is not done yet"
screen_expect "not complete."
screen_expect_not "Lesson complete!"
screen_keys n
screen_expect "Lesson 01 is not complete: step 3 is not done yet."
screen_expect "0 of $nles done"
lesson_progress | grep -q '^01-header 3 open 1-2,4,6-9$' || {
	echo "FAIL: progress is not 'open' at step 3:" >&2
	lesson_progress >&2; exit 1; }
# Reopened, it resumes at the step not done; doing the rest completes it.
screen_step Enter "Step 3/9"
screen_keys '$' n
screen_expect "Step 4/9"
for s in 4 5 6 7 8 9; do
	screen_expect "Step $s/9"
	screen_keys '$' n
done
screen_expect "Lesson complete!"
screen_keys n
screen_expect "1 of $nles done"
screen_keys q
screen_expect "EXITED 0"

# The same in Chinese: the heading's mark and the unfinished end.
screen_socket 1
rm -f "$LESSON_STATE/tcpteach/progress"
lesson_start "第 1/9 步" --lang=zh_CN lesson 1
screen_step n "第 2/9 步"
screen_keys '$' n
screen_expect "第 3/9 步"
screen_step p "之前已完成"
screen_step n "第 3/9 步"
screen_keys n n
for s in 4 5 6 7 8 9; do
	screen_expect "第 $s/9 步"
	screen_keys '$' n
done
screen_expect "但第 3 步还没有做"
screen_step n "第 01 课尚未完成：第 3 步还没有做。"
exit 0
