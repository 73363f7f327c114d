#!/bin/sh
# Issue 13, the simulator at 80x24: digits pick a segment by its #N,
# relative numbers never go negative (RFC 9293 Figure 9: half-open
# connection discovery), raw labels are shortened, never cut inside a
# number; what-if switches on the status line; crossing FINs; time.
. "${top_srcdir:-.}/tests/screen/lib.sh"

screen_cmd() {
	screen_keys :
	screen_type "$1"
}

screen_start -- --no-animation
# Digits pick by label: after L c + d the wire holds #2 and #3.
screen_keys L c + d
screen_expect "#3 SYN+ACK"
screen_keys 2 d
screen_expect "step 5/5"
screen_expect "#2 SYN seq=0 [copy of #1]"
screen_keys 7
screen_expect "No segment #7 is in flight."
screen_keys R
screen_expect "step 0/"

# RFC 9293 Figure 9: half-open connection discovery.  The crashed
# client's new SYN is its own incarnation; the server's ACK and the RST
# carry old numbers: raw and marked.
screen_cmd "isn client 99 400"
screen_cmd "isn server 299"
screen_keys L c e k c d d
screen_expect "#5 ACK seq=1 ack=100 [raw]"
screen_expect "#6 RST seq=100 [raw]"
screen_expect "#4 SYN seq=0"
screen_expect_not "=-"
screen_expect_not "RCV.NXT -3"
screen_expect "ISS 400"
screen_keys R
screen_expect "step 0/"
screen_keys q
screen_socket 1

# Raw numbers at 80 columns: the label is abbreviated by the rule (field
# names, then flags), len=100 is whole.
screen_start -- --no-animation
screen_cmd "isn client 2433363336"
screen_cmd "isn server 3203108257"
screen_keys L c e s m m
screen_expect "raw"
screen_expect "#4 PA s=2433363337 a=3203108258 l=100"
screen_expect_not "len=1 "
screen_keys q
screen_socket 2

# A what-if switch stays on the status line and is not a step; e on an
# empty wire does nothing.
screen_start -- --no-animation
screen_keys o 2 Escape
screen_expect "step 0/0 t=0.000s relative rfc9293 no TIME_WAIT"
screen_keys e
screen_expect "Nothing is in flight."
screen_expect "step 0/0"
screen_keys R
screen_expect "step 0/"

# A simultaneous close: the FINs are drawn crossing, and both hosts'
# CLOSING -> TIME_WAIT have their reason.
screen_keys L c e x X
screen_expect "#4 and #5 cross on the wire"
screen_keys d d
screen_expect "client: FIN_WAIT_1 -> CLOSING"
[ "$(screen_capture | grep -c "╳")" -eq 2 ] || {
	echo "FAIL: the crossing FINs should both be marked" >&2
	screen_capture >&2
	exit 1
}
screen_keys e
screen_expect "server: CLOSING -> TIME_WAIT: ACK of our FIN in CLOSING, RFC"
screen_keys R
screen_expect "step 0/"

# Time: lost SYNs are retransmitted at 1s and 3s, which the time column
# shows; the clock has milliseconds after wait 50ms.
screen_keys c z t z t
screen_expect "#3 SYN seq=0 [rexmit]"
screen_cmd "wait 50ms"
screen_expect "t=3.050s"
screen_capture | grep -q "^1.000s .*#2 SYN" &&
    screen_capture | grep -q "^3.000s .*#3 SYN" || {
	echo "FAIL: the time column should show 1.000s and 3.000s" >&2
	screen_capture >&2
	exit 1
}
screen_keys q
exit 0
