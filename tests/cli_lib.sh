# Helpers for the command-line tests (sourced): each assertion counts a
# pass or a fail and shows what it saw on a fail; the script ends with
# cli_done, whose status is the test's.  Set NAME before sourcing: the
# scratch directory is $TMPDIR/NAME.PID, removed on exit.
T=${TCPTEACH:-./tcpteach}
pass=0 fail=0
tmp=${TMPDIR:-/tmp}/${NAME:-cli}.$$
mkdir -p "$tmp"
trap 'rm -rf "$tmp"' EXIT

check() {	# name expected-status command...: output in $tmp/out, err
	name=$1 want=$2
	shift 2
	"$@" >"$tmp/out" 2>"$tmp/err"
	got=$?
	if [ "$got" -eq "$want" ]; then pass=$((pass + 1)); else
		fail=$((fail + 1))
		echo "FAIL $name: status $got, wanted $want"
		cat "$tmp/out" "$tmp/err"
	fi
}
has() {	# name file pattern
	if grep -q -- "$3" "$2"; then pass=$((pass + 1)); else
		fail=$((fail + 1)); echo "FAIL $1: '$3' not in $2"; cat "$2"; fi
}
hasnt() {	# name file pattern
	if ! grep -q -- "$3" "$2"; then pass=$((pass + 1)); else
		fail=$((fail + 1)); echo "FAIL $1: '$3' in $2"; cat "$2"; fi
}
empty() {	# name file
	if [ ! -s "$2" ]; then pass=$((pass + 1)); else
		fail=$((fail + 1)); echo "FAIL $1: $2 not empty"; cat "$2"; fi
}
