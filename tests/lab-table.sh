#!/bin/sh
# The table of doc/lab.md: every life-cycle under tests/lab run on the
# kernel lab, on the simulated core (profile linux), and compared.
#
#   tests/lab-table.sh [TCPTEACH] > table.md
#
# For each side: the segments put on the wire and where each host ended;
# "same?" is the verdict of `script --compare` against
# tests/lab/known-differences.  Needs what the lab needs (root or a user
# namespace, /dev/net/tun).  Not a test: doc/lab.md quotes its output.

: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
tt=${1:-./tcpteach}
dir=$top_srcdir/tests/lab
tmp=$(mktemp -d "${TMPDIR:-/tmp}/labtab.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT INT TERM

# "N segments; client STATE, server STATE" from a trace.
summary() {
	awk '/ sends #/ { n++ }
	    $4 == "->" { last[$2] = $5 }
	    END { printf "%d segments; client %s, server %s", n,
	        last["client"] ? last["client"] : "CLOSED",
	        last["server"] ? last["server"] : "CLOSED" }' "$1"
}

echo "| life-cycle | kernel | profile linux | same? |"
echo "|---|---|---|---|"
for f in "$dir"/*.scn; do
	name=$(basename "$f" .scn)
	"$tt" script --lab "$f" >"$tmp/lab" 2>/dev/null
	{ echo "profile linux"; cat "$f"; } >"$tmp/core.scn"
	"$tt" script "$tmp/core.scn" >"$tmp/core" 2>/dev/null
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
	echo "| $name | $(summary "$tmp/lab") | $(summary "$tmp/core") | $same |"
done
