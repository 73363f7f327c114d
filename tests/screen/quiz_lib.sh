# Helpers for the drill and exam screen tests, on top of lib.sh: start
# `tcpteach quiz` or `tcpteach exam` with a results directory of its own,
# and answer with the right (or a wrong) answer read from `exam --key`,
# which builds the very questions the drill and the exam ask.
#
# Sourced by tests/screen/quiz*.sh and exam*.sh; needs TCPTEACH.
. "${top_srcdir:-.}/tests/screen/lib.sh"

: "${TCPTEACH_DATADIR:=${top_srcdir:-.}}"
export TCPTEACH_DATADIR
QTMP=$(mktemp -d) || exit 1
trap 'screen_cleanup_all; rm -rf "$QTMP"' EXIT

# quiz_start READY ARGS...: run tcpteach ARGS at 80x24 and wait for READY.
quiz_start() {
	ready=$1
	shift
	$TMUX_CMD new-session -d -x 80 -y 24 "env LC_ALL=C.UTF-8 \
TERM=screen XDG_DATA_HOME=$QTMP TCPTEACH_DATADIR=$TCPTEACH_DATADIR \
$TCPTEACH $*; sleep 30"
	$TMUX_CMD set-option -g remain-on-exit on >/dev/null 2>&1 || true
	screen_expect "$ready"
}

# quiz_key ARGS...: keep the answers of `exam ARGS --key`, one a line:
# "D", "0.48 s" or "B C D F E A".
quiz_key() {
	"$TCPTEACH" exam "$@" --key |
	    sed -n 's/^[0-9][0-9]*\. \([^(]*\).*/\1/p' |
	    sed 's/ *$//' >"$QTMP/key"
}

quiz_answer() {
	sed -n "${1}p" "$QTMP/key"
}

# quiz_give ANSWER: type it as a student would (a letter; or letters or
# seconds, then Enter).
quiz_give() {
	case $1 in
	*" s")
		screen_type "${1% s}" ;;
	?)
		$TMUX_CMD send-keys -l -- "$1" ;;
	*)
		screen_type "$(echo "$1" | tr -d ' ')" ;;
	esac
}

# quiz_wrong ANSWER: a wrong answer to the same question.
quiz_wrong() {
	case $1 in
	*" s")
		echo "999 s" ;;
	A)
		echo B ;;
	?)
		echo A ;;
	*)
		echo "$1" | awk '{ for (i = NF; i > 0; i--)
		    printf "%s%s", $i, (i > 1 ? " " : "\n") }' ;;
	esac
}

# The answer as the verdict writes it ("0.48", not "0.48 s").
quiz_bare() {
	echo "${1% s}"
}

# quiz_file_wait FILE TEXT: poll until FILE holds TEXT.
quiz_file_wait() {
	tries=400
	while [ "$tries" -gt 0 ]; do
		grep -F -q -- "$2" "$1" 2>/dev/null && return 0
		sleep 0.05
		tries=$((tries - 1))
	done
	echo "FAIL: $1 does not hold: $2" >&2
	cat "$1" >&2 2>/dev/null
	exit 1
}
