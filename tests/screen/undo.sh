#!/bin/sh
# Time travel: undo steps back exactly (replayed from a fresh world), redo
# steps forward again, restart goes to the beginning, and a saved session
# replays with `tcpteach script`.
. "${top_srcdir:-.}/tests/screen/lib.sh"

dir=$(mktemp -d)
trap 'screen_cleanup_all; rm -rf "$dir"' EXIT

screen_start -- --no-animation
screen_keys L c d
screen_expect "S Y N _ R E C E I V E D"
screen_expect "step 3/3"
screen_step u "step 2/3"
screen_expect "L I S T E N"
screen_expect_not "#2 SYN+ACK"
screen_step u "step 1/3"
screen_expect_not "#1 SYN"
screen_step r "step 2/3"
screen_expect "#1 SYN seq=0"
screen_step r "S Y N _ R E C E I V E D"
screen_step R "step 0/3"
screen_expect "C L O S E D"
screen_keys r r r d d
screen_expect "step 5/5"
screen_expect "E S T A B L I S H E D"

# An impossible event is explained, not ignored.
screen_step L "Cannot do \"server listen\" now"

# Save, and check the file replays with the script runner.
screen_keys w C-u
screen_type "$dir/s.tcp"
screen_expect "Saved 5 commands"
grep -q "^client connect" "$dir/s.tcp" || { cat "$dir/s.tcp"; exit 1; }
printf 'expect client ESTABLISHED\nexpect server ESTABLISHED\n' >> "$dir/s.tcp"
"$TCPTEACH" script --quiet "$dir/s.tcp" || exit 1

# A typed command with a mistake shows the column of the bad word.
screen_keys :
screen_type "client conect"
screen_expect "column 8"
screen_keys q
exit 0
