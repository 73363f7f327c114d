#!/bin/sh
# Resizing: below the minimum the screen says so plainly; growing back
# brings the simulator back as it was.
. "${top_srcdir:-.}/tests/screen/lib.sh"

screen_start -- --no-animation
screen_keys L c
screen_expect "S Y N _ S E N T"
$TMUX_CMD resize-window -x 50 -y 15
screen_expect "Terminal too small"
$TMUX_CMD resize-window -x 80 -y 24
screen_expect "S Y N _ S E N T"
screen_expect "#1 SYN seq=0"
$TMUX_CMD resize-window -x 120 -y 40
screen_expect "#1 SYN seq=0"
screen_keys q
exit 0
