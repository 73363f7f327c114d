#!/bin/sh
# NO_COLOR: no colour escapes at all, only attributes; without it the
# same screen has colours (so the test would notice a broken check).
. "${top_srcdir:-.}/tests/screen/lib.sh"

esc=$(printf '\033')
has_colour() {
	screen_capture -e | grep -E -q "${esc}\[([0-9;]*;)?(3[0-7]|38;|9[0-7])[;m0-9]"
}

screen_start NO_COLOR=1 -- --no-animation
screen_keys L c
screen_expect "S Y N _ S E N T"
if has_colour; then
	echo "FAIL: colour escapes with NO_COLOR set" >&2
	screen_capture -e | cat -v >&2
	exit 1
fi
screen_keys q
screen_cleanup

screen_socket 1
screen_start -- --no-animation
screen_keys L c
screen_expect "S Y N _ S E N T"
has_colour || { echo "FAIL: no colour without NO_COLOR" >&2; exit 1; }
screen_keys q
exit 0
