#!/bin/sh
# --ascii paints ASCII on every screen (the tester's report 4, item 5):
# a lesson's "[ok] Done - press n", the right choice marked "<-", the
# lesson list's title and the closing "...", play with its help, log and
# switches, the drill and the exam, and a capture.  Any byte above 127
# on the screen fails the test.  In Chinese the marks fold the same way
# ("完成--按 n") and the Chinese text stays.
. "${top_srcdir:-.}/tests/screen/lesson_lib.sh"

LESSON_ENV="XDG_DATA_HOME=$LESSON_STATE"

# ascii_only WHERE: the screen holds no byte that is not ASCII.
ascii_only() {
	if screen_capture | LC_ALL=C grep -q "$(printf '[\200-\377]')"; then
		echo "FAIL: not ASCII on the screen ($1):" >&2
		screen_capture | LC_ALL=C grep -n "$(printf '[\200-\377]')" >&2
		exit 1
	fi
}

# 40 rows: the choices, the verdict and the explanation all show.
ROWS=40 lesson_start "Step 1/11" --ascii lesson 2
screen_keys '$'
screen_expect "[ok] Done - press n for the next step."
ascii_only "a done task"
for s in 2 3 4 5 6; do
	screen_keys n
	screen_expect "Step $s/11"
	[ "$s" -lt 6 ] && screen_keys '$'
done
screen_expect "How are the two initial sequence numbers"
screen_keys "$(lesson_item "Each side picks its own")"
screen_expect "Right!"
screen_expect "the other only acknowledges it.  <-"
ascii_only "a revealed choice"
screen_keys '?'
screen_expect "tcpteach keys:"
ascii_only "the lesson's help"
screen_keys Escape
for s in 7 8 9 10 11; do
	screen_keys n
	screen_expect "Step $s/11"
	screen_keys '$'
done
screen_keys n
screen_expect "Lesson complete!"
screen_expect "You have finished \"The three-way handshake\""
ascii_only "a finished lesson"
screen_keys q
screen_expect "tcpteach - lessons"
ascii_only "the lesson list"
screen_keys q
screen_expect "EXITED 0"
screen_cleanup

# In Chinese the marks fold too; the Chinese text stays.
screen_socket 5
lesson_start "11" --ascii --lang=zh_CN lesson 2
screen_keys '$'
screen_expect "[ok] 完成--按 n 进入下一步。"
screen_expect_not "——"
screen_keys q
screen_expect " tcpteach - 课程"
screen_expect_not "—"
screen_cleanup

screen_socket 1
lesson_start "step 0/" --ascii play \
    "${top_srcdir:-.}/examples/fig08-old-duplicate-syn.scn"
screen_keys j 2 0 Enter
screen_expect "step 20/"
ascii_only "play"
screen_keys E
screen_expect "Step 12: expect"
ascii_only "the event log"
screen_keys Escape '?'
screen_expect "tcpteach keys:"
ascii_only "play's help"
screen_keys Escape o
ascii_only "the what-if switches"
screen_cleanup

screen_socket 2
lesson_start "Drill: question 1 of 3" --ascii quiz --seed 1 --count 3 \
    --no-bank
ascii_only "the drill"
screen_keys a
screen_expect "Score: "
ascii_only "a judged drill question"
screen_cleanup

screen_socket 3
lesson_start "Exam: question 1 of 4" --ascii exam --seed 1 --count 4 \
    --no-bank --student asc
screen_keys n n n
screen_expect "Exam: question 4 of 4"
ascii_only "an ordering question"
screen_keys l
screen_expect "Exam: 4 questions"
ascii_only "the exam's list"
screen_cleanup

screen_socket 4
lesson_start "capture" --ascii capture \
    "${top_srcdir:-.}/lessons/captures/handshake-18989.pcap"
ascii_only "a capture"
screen_keys Enter
ascii_only "a capture's ladder"
exit 0
