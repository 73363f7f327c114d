#!/bin/sh
# `tcpteach lab`: a long `wait` runs in real time and the screen shows
# it.  The client in TIME_WAIT, `:wait 70s`: the prompt goes at once, the
# status line counts the seconds waited, the box's 2MSL countdown moves
# while the wait runs, and a key stops the wait, which the session keeps
# as the wait that really happened (what undo and save repeat).  English,
# then Chinese.  Skipped (77) where namespaces cannot be made.
. "${top_srcdir:-.}/tests/screen/lib.sh"

screen_need_lab

# The 2MSL line of the client's box, as on screen now.
countdown() {
	screen_capture | grep -o '2MSL [0-9.]*s' | head -n 1
}

# to_time_wait WORD: open and close, the client first, to TIME_WAIT
# (WORD: how the client's box spells it, letters spaced).
to_time_wait() {
	screen_step L "$1"
	screen_keys c d d x d e X e
}

COLS=120 ROWS=40 screen_start -- lab --no-animation
to_time_wait "L I S T E N"
screen_expect "T I M E _ W A I T"
screen_keys :
screen_type "wait 70s"
screen_wait_re "Waiting in real time: [0-9]+ s of 70 s" || {
	echo "FAIL: no progress of the wait on screen" >&2
	screen_capture >&2
	exit 1
}
screen_expect_not ":wait 70s"
# While the wait runs the countdown moves (once a second; 5 s at most).
first=$(countdown)
tries=100
while [ "$(countdown)" = "$first" ] && [ $tries -gt 0 ]; do
	sleep 0.05
	tries=$((tries - 1))
done
second=$(countdown)
if [ -z "$first" ] || [ "$first" = "$second" ]; then
	echo "FAIL: the 2MSL countdown stood still: '$first', '$second'" >&2
	screen_capture >&2
	exit 1
fi
screen_keys Space
stopped='The wait stopped after [0-9]+\.[0-9] s; '
stopped=$stopped'it is kept as "wait [0-9]+ms"'
screen_wait_re "$stopped" || {
	echo "FAIL: the stopped wait is not said" >&2
	screen_capture >&2
	exit 1
}
screen_expect "T I M E _ W A I T"
screen_expect_not "Waiting in real time"
screen_keys q
screen_cleanup

screen_socket 1
COLS=120 ROWS=40 screen_start -- --lang=zh_CN lab --no-animation
to_time_wait "L I S T E N"
screen_expect "T I M E _ W A I T"
screen_keys :
screen_type "wait 70s"
screen_wait_re "正在按真实时间等待：已等 [0-9]+ 秒，共 70 秒" || {
	echo "FAIL: no progress of the wait on the Chinese screen" >&2
	screen_capture >&2
	exit 1
}
screen_keys Space
screen_wait_re '等待在 [0-9]+\.[0-9] 秒后停止' || {
	echo "FAIL: the stopped wait is not said in Chinese" >&2
	screen_capture >&2
	exit 1
}
screen_keys q
exit 0
