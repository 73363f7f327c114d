#!/bin/sh
# Golden outputs of `tcpteach script`: every tests/golden/NAME.scn must run
# with exit status 0, print exactly NAME.trace, and with --diagram exactly
# NAME.diagram.  After a deliberate change of output, regenerate the files
# and review the diff before committing:
#
#   tests/golden.sh --update        (from a build directory)
#
# `make check` sets TCPTEACH and top_srcdir; by hand they default to
# ./tcpteach and the directory above this script.
set -u
: "${TCPTEACH:=./tcpteach}"
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
dir="$top_srcdir/tests/golden"
update=no
[ "${1:-}" = "--update" ] && update=yes
tmp=$(mktemp -d "${TMPDIR:-/tmp}/golden.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
# The same bytes whatever the caller's language.
LC_ALL=C.UTF-8; export LC_ALL; unset LANGUAGE

fail=0
n=0
for scn in "$dir"/*.scn; do
	name=$(basename "$scn" .scn)
	n=$((n + 1))
	for mode in trace diagram; do
		opt=""
		[ "$mode" = diagram ] && opt="--diagram"
		# Run from the directory so that file names in errors are short.
		(cd "$dir" && "$TCPTEACH" script $opt "$name.scn") \
		    >"$tmp/out" 2>"$tmp/err"
		rc=$?
		if [ $rc -ne 0 ]; then
			echo "FAIL: $name ($mode): exit $rc"
			cat "$tmp/err"
			fail=1
			continue
		fi
		if [ $update = yes ]; then
			cp "$tmp/out" "$dir/$name.$mode"
		elif ! cmp -s "$tmp/out" "$dir/$name.$mode"; then
			echo "FAIL: $name.$mode differs:"
			diff -u "$dir/$name.$mode" "$tmp/out" | head -40
			fail=1
		else
			echo "PASS: $name.$mode"
		fi
	done
done
if [ $n -eq 0 ]; then
	echo "no golden scenarios in $dir"
	exit 99
fi
[ $update = yes ] && echo "updated $n scenarios in $dir"
exit $fail
