#!/bin/sh
# Bytes tcpteach writes per animation frame while one arrow (the SYN)
# moves across the ladder, at normal speed.  Aim: well under 200.
# Usage: TCPTEACH=./tcpteach top_srcdir=. sh bench/ui-frame-bytes.sh
: "${TCPTEACH:=./tcpteach}" "${top_srcdir:=.}"
python3 "$top_srcdir/bench/ui_pty.py" frame-bytes "$TCPTEACH"
