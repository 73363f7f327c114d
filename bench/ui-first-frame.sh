#!/bin/sh
# Time from exec to the first complete frame (the status line's "quit" is
# painted by the same doupdate as everything else), tcpteach against a
# minimal ncurses program drawing the same boxes.  Aim: at most 1.3x.
# Usage: TCPTEACH=./tcpteach top_srcdir=. sh bench/ui-first-frame.sh
set -e
: "${TCPTEACH:=./tcpteach}" "${top_srcdir:=.}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
${CC:-cc} -O2 -o "$tmp/minimal" "$top_srcdir/bench/ui_minimal.c" \
    $(pkg-config --cflags --libs ncursesw)
py="python3 $top_srcdir/bench/ui_pty.py first-frame quit"
for i in 1 2 3 4 5 6 7; do
	printf 'minimal  %s\n' "$($py "$tmp/minimal")"
	printf 'tcpteach %s\n' "$($py "$TCPTEACH" --no-animation)"
done | sort | awk '
	{ t[$1] = t[$1] " " $2; n[$1]++; s[$1] += $2 }
	END {
		for (k in s) printf "%-8s mean %.2f ms over %d runs:%s\n",
		    k, s[k] / n[k], n[k], t[k]
		printf "ratio tcpteach/minimal: %.2f\n",
		    (s["tcpteach"] / n["tcpteach"]) / (s["minimal"] / n["minimal"])
	}'
