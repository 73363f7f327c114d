#!/bin/sh
# Lesson 03's two-way handshake step: the ladder's note on the server's
# ESTABLISHED names the what-if in the learner's language.  In Chinese it
# says 假设为两次握手, not the English switch name with its translation
# beside it ("handshake two（两次握手）"); in English it keeps its words.
# The progress file opens the lesson at step 7, where `set handshake two`
# is in force, and $ plays the solution (deliver #2).
. "${top_srcdir:-.}/tests/screen/lesson_lib.sh"

at_step7() {
	mkdir -p "$LESSON_STATE/tcpteach"
	printf 'tcpteach-progress 2\n03-why-three 7 open 1-6\n' \
	    >"$LESSON_STATE/tcpteach/progress"
}

at_step7
lesson_start "第 7/10 步：两次握手" --lang=zh_CN lesson 3
screen_keys '$'
screen_expect "• #2: 假设为两次握手：发出 SYN+ACK"
screen_expect_not "handshake two（"
screen_keys q q
screen_expect "EXITED 0"
screen_cleanup

screen_socket 1
at_step7
lesson_start "Step 7/10" lesson 3
screen_keys '$'
screen_expect "• #2: handshake two: ESTABLISHED as soon"
screen_keys q q
screen_expect "EXITED 0"
exit 0
