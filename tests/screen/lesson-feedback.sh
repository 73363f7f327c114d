#!/bin/sh
# What a learner who takes another way, or a wrong one, is told at 80x24,
# in English and in Chinese (the independent tester's walks):
# - lesson 03 "The ghost arrives first": d delivers the real SYN #1, not
#   the old duplicate #2.  The goal was never reached, so it is not "past
#   the goal"; the key that made it unreachable is named, with why and
#   the keys that go the step's way;
# - lesson 08 "Both close": the server closing first (X) is a correct
#   way: nothing says it left the step's way, and x completes it;
# - lesson 02 "Hold the ACK back": after z the hint opens at its key;
# - lesson 02 step 3, a number question: t and d stay the simulator's
#   keys (as its bar says), a digit starts the answer;
# - lesson 02 "Third segment" done through a duplicate: moving on does
#   not say the learner's events were set aside.
. "${top_srcdir:-.}/tests/screen/lesson_lib.sh"
. "${top_srcdir:-.}/tests/screen/hint_lib.sh"

# Each walk starts at the lesson's first step: no saved place.
lesson_fresh() {
	rm -rf "$LESSON_STATE/tcpteach"
}

lesson_fresh
lesson_start "Step 1/" lesson 3
screen_step n "Step 2/10: The ghost arrives first"
screen_keys d
hint_expect "You pressed d: #1 SYN arrives at the server. From there the" \
    "goal can no longer be reached: #1 SYN had to stay in flight." \
    "Press u, then 2, then d."
screen_expect_not "past the goal"
screen_expect_not "expected"
screen_step u "Lesson 03, step 2/10"
hint_wait_not "You pressed d"
screen_keys 2 d
screen_expect "Done — press n for the next step."
screen_keys q q
screen_expect "EXITED 0"

screen_socket 1
lesson_fresh
lesson_start "Step 1/6" lesson 8
screen_keys X
screen_expect "Lesson 08, step 1/6"
screen_expect_not "You pressed"
screen_expect_not "where the step's own way"
screen_step x "Done — press n for the next step."
screen_keys q q
screen_expect "EXITED 0"

screen_socket 2
lesson_fresh
lesson_start "Step 1/11" lesson 2
for s in 2 3 4 5 6 7 8 9; do
	screen_keys '$' n
	screen_expect "Step $s/11"
done
screen_expect "Step 9/11: Hold the ACK back"
screen_keys z '!'
# The key to press is on screen when the hint opens.
screen_expect "Hint from your world: Press t: the server's retransmission"
hint_widths
screen_keys q
screen_expect "02  The three-way handshake"
screen_keys q
screen_expect "EXITED 0"

screen_socket 3
lesson_fresh
lesson_start "Step 1/11" lesson 2
screen_keys '$' n
screen_expect "Step 2/11"
screen_keys '$' n
screen_expect "what acknowledgment number will the server send?"
screen_expect "0-9/Enter answer"
screen_keys t
screen_expect "#2 SYN"
screen_expect_not "Answer (a number)"
screen_keys d
screen_expect_not "Answer (a number)"
screen_keys 1
screen_expect "Answer (a number): 1"
screen_type "001"
screen_expect "Right!"
screen_keys q q
screen_expect "EXITED 0"

# Lesson 02 "Third segment" done by another way (the SYN+ACK duplicated,
# then delivered): moving on does not say the events were set aside.
screen_socket 7
lesson_fresh
lesson_start "Step 1/11" lesson 2
for s in 2 3 4 5 6 7; do
	screen_keys '$' n
	screen_expect "Step $s/11"
done
screen_expect "Step 7/11: Third segment"
screen_keys + d
screen_expect "Done — press n for the next step."
screen_step n "Step 8/11"
screen_expect_not "set aside"
screen_keys q q
screen_expect "EXITED 0"

# The same in Chinese.
screen_socket 4
lesson_fresh
lesson_start "第 1/10 步" --lang=zh_CN lesson 3
screen_step n "第 2/10 步"
screen_keys d
hint_expect "你按了 d：#1 SYN 到达服务器。" \
    "从那一步起已经无法达到目标：#1 SYN 必须保持在途。" \
    "按 u，再按 2，再按 d。"
screen_expect_not "越过了目标"
screen_expect_not "预期"
hint_widths
screen_keys q q
screen_expect "EXITED 0"

screen_socket 5
lesson_fresh
lesson_start "第 1/6 步" --lang=zh_CN lesson 8
screen_keys X
screen_expect "第 08 课 第 1/6 步"
screen_expect_not "你按了"
screen_expect_not "你执行的是"
screen_keys q q
screen_expect "EXITED 0"

screen_socket 6
lesson_fresh
lesson_start "第 1/11 步" --lang=zh_CN lesson 2
screen_keys '$' n
screen_expect "第 2/11 步"
screen_keys '$' n
screen_expect "0-9/Enter"
screen_keys t
screen_expect_not "答案（一个数）"
screen_keys 1
screen_type "001"
screen_expect "答对了！"
exit 0
