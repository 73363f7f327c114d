#!/bin/sh
# Ctrl-S is a key, not flow control: on every screen (the simulator, its
# help, the lesson list and a lesson, the drill) pressing it must not
# freeze the display; the next key still acts and shows at once.
. "${top_srcdir:-.}/tests/screen/quiz_lib.sh"

screen_start -- --no-animation
screen_keys C-s c
screen_expect "S Y N _ S E N T"
screen_keys '?'
screen_expect "tcpteach keys"
screen_keys C-s C-s L
screen_expect "L I S T E N"
# The lesson list over the simulator, then a lesson.
screen_keys g
screen_expect "0 of 16 done"
screen_keys C-s Down Enter
screen_expect "Step 1/"
screen_keys C-s L
screen_expect "L I S T E N"
screen_keys q q C-s
screen_expect "u undo  : command"
screen_cleanup

screen_socket 1
quiz_start "Drill: question 1 of 2" quiz --seed 3 --count 2 --no-bank
screen_keys C-s n
screen_expect "Drill: question 2 of 2"
