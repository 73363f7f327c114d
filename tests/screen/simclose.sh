#!/bin/sh
# Simultaneous close (RFC 9293 Figure 13, simultaneous close sequence)
# through keys: both FINs cross, both hosts pass through CLOSING, then
# TIME_WAIT.
. "${top_srcdir:-.}/tests/screen/lib.sh"

screen_start -- --no-animation
screen_keys L c
screen_step e "E S T A B L I S H E D"
screen_step x "F I N _ W A I T _ 1"
screen_step X "#5 FIN+ACK seq=1 ack=1"
# Deliver the client's FIN (the oldest), then the server's.
screen_step d "server: FIN_WAIT_1 -> CLOSING"
screen_step d "client: FIN_WAIT_1 -> CLOSING"
[ "$(screen_capture | grep -o "C L O S I N G" | wc -l)" -eq 2 ] || {
	echo "FAIL: both boxes should read CLOSING" >&2
	screen_capture >&2
	exit 1
}
screen_step e "step 8/8"
[ "$(screen_capture | grep -o "T I M E _ W A I T" | wc -l)" -eq 2 ] || {
	echo "FAIL: both boxes should read TIME_WAIT" >&2
	screen_capture >&2
	exit 1
}
screen_keys q
exit 0
