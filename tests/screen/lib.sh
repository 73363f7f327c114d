# Helpers for the headless screen tests: tcpteach runs inside a detached
# tmux server on a socket of its own; keys go in with send-keys and the
# screen comes back with capture-pane.  Waiting is polling with a bound,
# never a fixed sleep, so the tests are quick and not flaky.
#
# Sourced by tests/screen/*.sh; needs TCPTEACH (set by make check).

: "${TCPTEACH:?TCPTEACH must name the tcpteach binary}"
if ! command -v tmux >/dev/null 2>&1; then
	echo "tmux not found: skipping" >&2
	exit 77
fi

# screen_socket N: use socket number N of this run (a fresh server).
# Every socket used is remembered, so the cleanup stops every server
# (and the tcpteach in it), not only the last one.
SOCKS=
screen_socket() {
	SOCK="tcpteach-test-$$-$1"
	TMUX_CMD="tmux -L $SOCK -f /dev/null"
	case " $SOCKS " in *" $SOCK "*) ;; *) SOCKS="$SOCKS $SOCK" ;; esac
}
screen_socket 0

# screen_cleanup stops the current server (a test may go on with
# another); screen_cleanup_all, for the EXIT traps, stops every one.
screen_cleanup() {
	$TMUX_CMD kill-server >/dev/null 2>&1 || true
}
screen_cleanup_all() {
	for s in $SOCKS; do
		tmux -L "$s" -f /dev/null kill-server >/dev/null 2>&1 || true
	done
}
trap screen_cleanup_all EXIT

# screen_need_lab: skip the test (77) where the kernel lab cannot start.
# Without a terminal the lab starts (then refuses the terminal, exit 2):
# the message tells whether the namespaces could be made here.
screen_need_lab() {
	why=$($TCPTEACH lab </dev/null 2>&1 >/dev/null)
	case $why in
	*"needs a terminal"*) ;;
	*)
		echo "the kernel lab cannot start here: skipping ($why)" >&2
		exit 77 ;;
	esac
}

# screen_start [ENV=VALUE...] -- ARGS...: start tcpteach at 80x24.
screen_start() {
	env_args=
	while [ $# -gt 0 ] && [ "$1" != -- ]; do
		env_args="$env_args $1"
		shift
	done
	[ "$1" = -- ] && shift
	$TMUX_CMD new-session -d -x "${COLS:-80}" -y "${ROWS:-24}" \
	    "env LC_ALL=C.UTF-8 TERM=screen $env_args $TCPTEACH $*; sleep 30"
	$TMUX_CMD set-option -g remain-on-exit on >/dev/null 2>&1 || true
	# The status bar's step counter, in English or Chinese: one poll for
	# either, so a Chinese screen does not wait out an English timeout.
	screen_wait_re 'step [0-9]|第 [0-9]+/[0-9]+ 步'
}

screen_keys() {
	for k in "$@"; do
		$TMUX_CMD send-keys -- "$k"
	done
}

# screen_click ROW: the left button pressed and released at column 30 of
# screen line ROW (1-based), as a terminal reports it (X10 encoding,
# TERM=screen).
screen_click() {
	_e=$(printf '\033')
	_b=$(printf "\\$(printf %o 32)")
	_r=$(printf "\\$(printf %o 35)")
	_x=$(printf "\\$(printf %o $((32 + 30)))")
	_y=$(printf "\\$(printf %o $((32 + $1)))")
	$TMUX_CMD send-keys -l -- "${_e}[M$_b$_x$_y"
	$TMUX_CMD send-keys -l -- "${_e}[M$_r$_x$_y"
}

# Type literal text (for the : prompt), then Enter.
screen_type() {
	$TMUX_CMD send-keys -l -- "$1"
	$TMUX_CMD send-keys Enter
}

screen_capture() {
	$TMUX_CMD capture-pane -p "$@" 2>/dev/null
}

# screen_poll GREP-FLAG PATTERN TRIES: poll until grep finds PATTERN on
# the screen (-F a fixed string, -E an extended regex).
screen_poll() {
	tries=$3
	while [ "$tries" -gt 0 ]; do
		if screen_capture | grep "$1" -q -- "$2"; then
			return 0
		fi
		$TMUX_CMD has-session 2>/dev/null || return 1
		sleep 0.05
		tries=$((tries - 1))
	done
	return 1
}

# screen_wait TEXT [TRIES]: poll until TEXT is on the screen (fixed string).
# The default allows 20 s: a sanitizer build under a parallel make check on
# a 2-core machine can be that slow; a passing test waits no longer.
screen_wait() {
	screen_poll -F "$1" "${2:-400}"
}

# screen_wait_re ERE [TRIES]: as screen_wait, for an extended regex.
screen_wait_re() {
	screen_poll -E "$1" "${2:-400}"
}

# screen_expect TEXT: fail the test, showing the screen, unless TEXT shows.
screen_expect() {
	if ! screen_wait "$1"; then
		echo "FAIL: expected on screen: $1" >&2
		screen_capture >&2
		exit 1
	fi
}

screen_expect_not() {
	if screen_capture | grep -F -q -- "$1"; then
		echo "FAIL: not expected on screen: $1" >&2
		screen_capture >&2
		exit 1
	fi
}

# screen_step KEY EXPECT: press KEY, then wait for EXPECT.
screen_step() {
	screen_keys "$1"
	screen_expect "$2"
}
