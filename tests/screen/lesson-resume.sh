#!/bin/sh
# Progress is kept: open lesson 2 directly, reach step 3, leave; the list
# shows 3/11 and the file says so; opening it again resumes at step 3.
# Going back to reread and leaving keeps step 3 as the place (the list
# still shows 3/11), and step 2, skipped, is still not done.
# Also: a lesson that does not exist is exit 2 with a clear message, and
# the lesson screen lays out Chinese text by display width.
. "${top_srcdir:-.}/tests/screen/lesson_lib.sh"

out=$(XDG_STATE_HOME=$LESSON_STATE "$TCPTEACH" lesson 99 2>&1)
rc=$?
if [ $rc -ne 2 ] || ! echo "$out" | grep -q "no lesson '99'"; then
	echo "FAIL: lesson 99: status $rc: $out" >&2
	exit 1
fi

lesson_start "Step 1/11: Someone must be listening" lesson 2
screen_step L "Done — press n"
screen_step n "Step 2/11"
# n on an unfinished step warns once, then skips.
screen_step n "This step is not done yet: press n again to skip it."
screen_step n "Step 3/11"
screen_step q "3/11  02  The three-way handshake"
lesson_progress | grep -qx "02-handshake 3 open 1" || {
	echo "FAIL: progress file:" >&2; lesson_progress >&2; exit 1; }
screen_keys q
screen_expect "EXITED 0"
screen_cleanup

screen_socket 1
lesson_start "Step 3/11" lesson 02
screen_expect "Welcome back: you left this lesson at step 3."
screen_expect "Lesson 02, step 3/11"
# Resizing: the panel moves beside the hosts on a wide terminal, a tiny
# one says it is too small, and 80x24 comes back as it was.
$TMUX_CMD resize-window -x 140 -y 34
screen_expect "│ Step 3/11"
$TMUX_CMD resize-window -x 50 -y 15
screen_expect "Terminal too small"
$TMUX_CMD resize-window -x 80 -y 24
screen_expect " Step 3/11"
screen_expect_not "│ Step 3/11"
screen_expect "Lesson 02, step 3/11"
# Back and restart keep the learner inside the lesson.
screen_step p "Step 2/11: The client calls connect()"
screen_expect_not "done before"
screen_step R "The step starts again."
screen_step p "Step 1/11: Someone must be listening"
screen_step q "3/11  02  The three-way handshake"
screen_keys q
screen_expect "EXITED 0"
lesson_progress | grep -qx "02-handshake 3 open 1" || {
	echo "FAIL: progress after back:" >&2; lesson_progress >&2; exit 1; }
screen_cleanup

# Chinese, from the start: the step's text is wrapped by display width,
# so nothing spills over and the status line stays on the last row.
rm -f "$LESSON_STATE/tcpteach/progress"
screen_socket 2
lesson_start "先要有人监听" --lang=zh_CN lesson 2
screen_expect "让服务器进入监听。"
screen_expect "这是一次被动打开"
last=$(screen_capture | sed -n 24p)
case $last in
*"02"*"1/11"*) ;;
*)	echo "FAIL: status line not on row 24: $last" >&2
	screen_capture >&2
	exit 1 ;;
esac
screen_keys q q
screen_expect "EXITED 0"
exit 0
