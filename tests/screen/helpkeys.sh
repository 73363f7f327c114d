#!/bin/sh
# The tester's report, items 8 and 15, at 80x24: help lists Up and Down
# once, with one meaning (walk the ladder's arrows), and Tab/S-Tab for the
# wire; a click while help is open keeps it unless it is on help's title
# bar; a click on the ladder's empty space clears the selection.
. "${top_srcdir:-.}/tests/screen/lib.sh"

screen_start NO_COLOR=1 -- --no-animation
screen_keys L c
screen_expect "#1 SYN"
screen_step '?' "any other key closes"
screen_keys NPage
screen_expect "Up Down"
[ "$(screen_capture | grep -c "Up Down")" -eq 1 ] || {
	echo "FAIL: help should list Up Down once" >&2
	screen_capture >&2
	exit 1
}
screen_expect_not "Tab Down"
screen_expect_not "S-Tab Up"
screen_expect "Tab            choose the next segment in flight"
# A click in the help's body (where the ladder was) keeps it open.
screen_click 12
sleep 0.3
screen_expect "any other key closes"
# On its title bar it closes.
screen_click 1
screen_expect "u undo  : command  ? help  q quit"
# Down with nothing selected takes the oldest arrow in view, in flight
# or not: here #1, the only one.
screen_keys Down
screen_expect "Enter inspect #1"
# A click on the ladder's empty space clears the selection.
screen_click 14
screen_expect "u undo  : command  ? help  q quit"
screen_expect_not "Enter inspect"
screen_keys q
exit 0
