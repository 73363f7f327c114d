# Helpers for the lesson screen tests, on top of lib.sh: a private
# XDG_STATE_HOME per test run (progress is written there, never to the
# tester's home), starting tcpteach on the lesson list or a lesson, and
# reading the number an item of a shuffled ordering is shown under.

. "${top_srcdir:-.}/tests/screen/lib.sh"

LESSON_STATE=${TMPDIR:-/tmp}/tcpteach-lesson-test.$$
rm -rf "$LESSON_STATE"
mkdir -p "$LESSON_STATE"
lesson_cleanup() {
	screen_cleanup_all
	rm -rf "$LESSON_STATE" 2>/dev/null || true
}
trap lesson_cleanup EXIT

# lesson_start WAIT_TEXT ARGS...: start tcpteach ARGS at 80x24 with the
# private state directory, and wait until WAIT_TEXT shows.
lesson_start() {
	wait_for=$1
	shift
	$TMUX_CMD new-session -d -x "${COLS:-80}" -y "${ROWS:-24}" \
	    "env LC_ALL=C.UTF-8 TERM=screen XDG_STATE_HOME=$LESSON_STATE \
	    $LESSON_ENV $TCPTEACH --no-animation $*; echo EXITED \$?; sleep 30"
	$TMUX_CMD set-option -g remain-on-exit on >/dev/null 2>&1 || true
	screen_expect "$wait_for"
}

# lesson_item TEXT: the number shown before the item containing TEXT.
lesson_item() {
	screen_capture | sed -n "s/^ *\([1-9]\)) .*$1.*/\1/p" | head -n 1
}

lesson_progress() {
	cat "$LESSON_STATE/tcpteach/progress" 2>/dev/null
}
