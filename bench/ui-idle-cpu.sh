#!/bin/sh
# CPU used by an idle tcpteach (blocked in getch, no timeout): aim 0.
# Usage: TCPTEACH=./tcpteach top_srcdir=. sh bench/ui-idle-cpu.sh
: "${TCPTEACH:=./tcpteach}" "${top_srcdir:=.}"
python3 "$top_srcdir/bench/ui_pty.py" idle-cpu "$TCPTEACH"
