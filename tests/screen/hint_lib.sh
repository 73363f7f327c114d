# Helpers for the computed-hint screen tests, on top of lesson_lib.sh.
# The step panel wraps its text anywhere in Chinese and at spaces in
# English, so a sentence is looked for in the screen's lines joined, with
# every space taken out of both.

hint_joined() {
	screen_capture | sed 's/[↑↓]$//' | tr -d ' \n'
}

# hint_expect TEXT...: wait until TEXT shows, however it is wrapped (a
# long TEXT may be given in pieces).
hint_expect() {
	want=$(printf '%s' "$*" | tr -d ' ')
	tries=200
	while [ "$tries" -gt 0 ]; do
		case $(hint_joined) in
		*"$want"*) return 0 ;;
		esac
		sleep 0.05
		tries=$((tries - 1))
	done
	echo "FAIL: expected on screen (wrapped): $*" >&2
	screen_capture >&2
	exit 1
}

# hint_wait_not TEXT: wait until TEXT has gone.
hint_wait_not() {
	want=$(printf '%s' "$1" | tr -d ' ')
	tries=200
	while [ "$tries" -gt 0 ]; do
		case $(hint_joined) in
		*"$want"*) ;;
		*) return 0 ;;
		esac
		sleep 0.05
		tries=$((tries - 1))
	done
	echo "FAIL: still on screen: $1" >&2
	screen_capture >&2
	exit 1
}

# The host boxes keep both borders and no line is wider than the
# terminal: every double-width character was counted as two columns.
hint_widths() {
	screen_capture > "$LESSON_STATE/screen"
	w=$(LC_ALL=C.UTF-8 wc -L < "$LESSON_STATE/screen")
	if [ "$w" -gt "${COLS:-80}" ]; then
		echo "FAIL: a line is $w columns wide" >&2
		cat "$LESSON_STATE/screen" >&2
		exit 1
	fi
	bad=$(sed -n '1,7p' "$LESSON_STATE/screen" | grep -c -v '[┐│┘]$')
	if [ "$bad" -ne 0 ]; then
		echo "FAIL: a host box lost its right border" >&2
		cat "$LESSON_STATE/screen" >&2
		exit 1
	fi
}
