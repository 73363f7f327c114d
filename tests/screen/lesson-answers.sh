#!/bin/sh
# Lesson answers and feedback as a learner writes and reads them, in
# English and Chinese at 80x24: lesson 07 runs with delayed ACKs and its
# status line says so (profile and switch, with q list kept); its
# millisecond answer is taken as "200ms", and "0.2" is told it is in
# seconds.  In lesson 04, S (the server's data) where s is asked names
# the segment going the other way.
. "${top_srcdir:-.}/tests/screen/lesson_lib.sh"

status() { screen_capture | sed -n 24p; }
status_has() {
	case $(status) in
	*"$1"*) ;;
	*)	echo "FAIL: status line lacks '$1': $(status)" >&2; exit 1 ;;
	esac
}

lesson_start "Step 1/6" lesson 7
status_has "rfc9293 delayed ACK"
status_has "q list"
screen_keys m
screen_expect "relative"
status_has "rfc9293 delayed ACK"
status_has "u undo"
screen_keys m m
for s in 1 2 3 4 5; do
	screen_expect "Step $s/6"
	screen_keys '$' n
done
screen_expect "Step 6/6"
screen_expect "How many milliseconds"
screen_keys Enter
screen_type "0.2"
screen_expect "Not right. Try again"
screen_expect "The question counts milliseconds, not seconds."
screen_keys Enter
screen_type "200ms"
screen_expect "Right!"
screen_keys q q
screen_expect "EXITED 0"

screen_socket 1
rm -f "$LESSON_STATE/tcpteach/progress"
lesson_start "Step 1/8" lesson 4
screen_keys '$' n
screen_expect "Step 2/8: Send data"
screen_step S "goes the other way, from the server"
screen_expect "#4 PSH+ACK"

screen_socket 2
rm -f "$LESSON_STATE/tcpteach/progress"
lesson_start "第 1/6 步" --lang=zh_CN lesson 7
status_has "rfc9293 延迟确认"
status_has "q 列表"
screen_keys q q
screen_expect "EXITED 0"

screen_socket 3
rm -f "$LESSON_STATE/tcpteach/progress"
lesson_start "第 1/8 步" --lang=zh_CN lesson 4
screen_keys '$' n
screen_expect "第 2/8 步"
screen_step S "方向相反，由服务器发出"
exit 0
