#!/bin/sh
# Issue 13 item 4: the learner selects an arrow on the ladder, with the
# keys or a click, sees it highlighted (reverse video and a mark, so it
# shows without colour) and named on the status bar at 80x24 with the
# other keys, and Enter inspects that arrow, not the newest; in the
# simulator, in lecture mode and in a lesson.
. "${top_srcdir:-.}/tests/screen/lesson_lib.sh"

esc=$(printf '\033')

# The screen line (1-based) showing TEXT.
row_of() {
	screen_capture | grep -n -F -- "$1" | head -n 1 | cut -d: -f1
}


screen_start NO_COLOR=1 -- --no-animation
screen_keys L c d d s
screen_expect "#4 PSH+ACK"
screen_expect "u undo  : command  ? help  q quit"
# Up: the segment in flight, then up the ladder past delivered arrows.
screen_keys Up Up Up
screen_expect "Enter inspect #2  u undo  ? help  q quit"
screen_expect " step 5/5 t=0.000s relative "
line=$(screen_capture | grep -F "#2 SYN+ACK")
case $line in
*"ESTABLISHED▶│◀"*) ;;
*)	echo "FAIL: no selection mark beside #2: $line" >&2
	screen_capture >&2
	exit 1 ;;
esac
if ! screen_capture -e | grep -E -q "${esc}\[([0-9]+;)*7m#2 SYN\+ACK"; then
	echo "FAIL: #2 is not in reverse video" >&2
	screen_capture -e | cat -v >&2
	exit 1
fi
# Enter: the inspector on #2, every field and what became of it.
screen_step Enter "Segment #2, server to client"
screen_expect "flags SYN+ACK"
screen_expect "origin: sent by its host's TCP; now delivered"
screen_expect_not "Segment #4"
screen_keys q
screen_expect "Enter inspect #2"
# Esc clears the selection; the key bar is as before.
screen_keys Escape
screen_expect "u undo  : command  ? help  q quit"
screen_expect "relative rfc9293"
screen_expect_not "Enter inspect"
# A digit chooses #3 for d and selects it for Enter: the two agree.
screen_step 3 "Enter inspect #3"
screen_expect "wire    #3 ACK c>s:"
# A click on #1's row selects it; a second click inspects it.
screen_click "$(row_of "#1 SYN")"
screen_expect "Enter inspect #1"
screen_click "$(row_of "#1 SYN")"
screen_expect "Segment #1, client to server"
screen_expect "flags SYN"
screen_keys q
screen_expect "Enter inspect #1"
screen_keys q
screen_cleanup

# Lecture mode: the same selection, the key bar keeps the step keys, and
# the next step clears the selection.
screen_socket 1
screen_start -- play --no-animation \
    "${top_srcdir:-.}/examples/fig06-basic-handshake.scn"
screen_keys Space Space Space Space
screen_expect "#1 SYN c>s:"
screen_keys Up
screen_expect "Enter #1  Space/p step  j jump  ? help  q quit"
screen_step Enter "Segment #1, client to server"
screen_keys q
screen_expect "Enter #1  Space"
screen_keys Space
screen_expect "Space/p step  j jump  ? help  q quit"
screen_expect_not "Enter inspect"
screen_keys q
screen_cleanup

# A lesson's key bar keeps "q list" and says what Enter does; Enter
# inspects, since the step asks no typed answer.
screen_socket 2
lesson_start "Step 1/11" lesson 2
screen_keys L c
screen_expect "#1 SYN seq=1000"
screen_keys Up
screen_expect "Enter inspect #1  u undo  : command  q list"
screen_expect " Lesson 02, step 1/11 "
screen_step Enter "Segment #1, client to server"
exit 0
