#!/bin/sh
# A damaged progress file is never silently reset: the list says so, the
# file is kept aside (renamed, its bytes intact), and progress is then
# saved afresh next to it.  Also --ascii marks and the help screen.
. "${top_srcdir:-.}/tests/screen/lesson_lib.sh"
# The course size, so that a new lesson does not break this test.
nles=$(ls "${top_srcdir:-.}"/lessons/en/*.lesson | wc -l)

dir=$LESSON_STATE/tcpteach
mkdir -p "$dir"
printf 'tcpteach-progress 1\n02-handshake three open\n' >"$dir/progress"

lesson_start "0 of $nles done" --ascii lessons
screen_expect "Your lesson progress file was"
screen_expect "progress starts afresh."
set -- "$dir"/progress.bad-*
if [ ! -f "$1" ] || [ -e "$dir/progress" ]; then
	echo "FAIL: damaged file not renamed aside:" >&2
	ls -l "$dir" >&2
	exit 1
fi
grep -q "02-handshake three open" "$1" || {
	echo "FAIL: the damaged file's bytes changed" >&2; exit 1; }
bad=$1
# ASCII marks: "-" for a lesson not started.
screen_expect "  -  01  "

# The help screen lists the list's keys from the command table.
screen_step '?' "open the chosen lesson where you left it"
screen_keys x
screen_expect "0 of $nles done"

# Opening a lesson repeats the warning there, then saves afresh.
screen_keys Enter
screen_expect "Step 1/"
screen_expect "Your lesson progress file was"
# The lesson's help lists the lesson keys and the simulator's.
screen_step '?' "lesson: a hint (press again for the next)"
screen_expect "lesson: restart this step"
screen_expect "client: connect() (active open)"
screen_expect_not "previous step (lecture mode) or undo"
screen_keys x
screen_step q "1/9  01  Header fields that matter"
screen_keys q
screen_expect "EXITED 0"
grep -qx "01-header 1 open 1" "$dir/progress" || {
	echo "FAIL: progress not saved afresh:" >&2
	cat "$dir/progress" >&2; exit 1; }
[ -f "$bad" ] || { echo "FAIL: the damaged copy is gone" >&2; exit 1; }
screen_cleanup

# From the simulator, g opens the same list and q comes back.
screen_socket 1
lesson_start "step 0/0"
screen_step g "0 of $nles done"
screen_expect "1/9  01  Header fields that matter"
screen_step q "step 0/0"
screen_keys q
screen_expect "EXITED 0"
exit 0
