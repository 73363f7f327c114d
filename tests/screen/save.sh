#!/bin/sh
# Saving never loses work: w on an existing file asks first (n leaves it
# as it was), and q with unsaved steps offers to save them (Esc stays,
# y saves then quits).
. "${top_srcdir:-.}/tests/screen/lib.sh"

dir=$(mktemp -d)
trap 'screen_cleanup_all; rm -rf "$dir"' EXIT
echo "keep me" > "$dir/old.scn"

screen_start -- --no-animation
screen_keys L c
screen_expect "step 2/2"
screen_keys w
screen_expect "session.scn"
screen_keys C-u
screen_type "$dir/old.scn"
screen_expect "old.scn exists. Overwrite it? y/n"
screen_step n "Not overwritten"
screen_keys Escape
[ "$(cat "$dir/old.scn")" = "keep me" ] || exit 1
screen_step q "Save the 2 steps before quitting?"
screen_keys Escape
screen_expect "u undo  : command"
screen_step q "Save the 2 steps before quitting?"
screen_keys y C-u
screen_type "$dir/new.scn"
i=0
while [ ! -s "$dir/new.scn" ] && [ $i -lt 100 ]; do
	sleep 0.05
	i=$((i + 1))
done
grep -q "^client connect" "$dir/new.scn" || exit 1
exit 0
