#!/bin/sh
# The table of doc/lab.md: every life-cycle under tests/lab run on the
# kernel lab, on the simulated core (profile linux), and compared.
#
#   tests/lab-table.sh [TCPTEACH] > table.md
#
# For each side (from the totals line of `script --compare`): the
# segments the hosts sent and where each host ended; "same?" is the
# verdict of `script --compare` against tests/lab/known-differences.  Needs what the lab needs (root or a user
# namespace, /dev/net/tun).  Not a test: doc/lab.md quotes its output.

: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
tt=${1:-./tcpteach}
dir=$top_srcdir/tests/lab
tmp=$(mktemp -d "${TMPDIR:-/tmp}/labtab.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT INT TERM

echo "| life-cycle | kernel | profile linux | same? |"
echo "|---|---|---|---|"
for f in "$dir"/*.scn; do
	name=$(basename "$f" .scn)
	"$tt" script --compare --known "$dir/known-differences" "$f" \
	    >"$tmp/cmp" 2>&1
	rc=$?
	known=$(tail -n 1 "$tmp/cmp" | sed -n 's/.* \([0-9]*\) known$/\1/p')
	if [ "$rc" -ne 0 ]; then
		same=no
	elif [ "${known:-0}" -gt 0 ]; then
		same="yes ($known known)"
	else
		same=yes
	fi
	# "# core: N segments sent, client S, server S | kernel: ..."
	tot=$(tail -n 2 "$tmp/cmp" | head -n 1)
	core=$(echo "$tot" | sed 's/^# core: \(.*\) | kernel: .*/\1/')
	kern=$(echo "$tot" | sed 's/.* | kernel: //')
	echo "| $name | $kern | $core | $same |"
done
