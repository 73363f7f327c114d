#!/bin/sh
# `tcpteach lab`: the narration says where profile linux (the simulated
# core, run beside the kernels on the same commands and the lab's clock)
# would have acted otherwise, and nothing more where they agree.
#
# A handshake and a close agree with the model step by step: no line.
# RFC 9293 Figure 8 (recovery from an old duplicate SYN) from the menu's
# "old SYN" (10 below the client's real ISS): the server answers it with SYN+ACK ack=ISS-9, the client in
# SYN_SENT resets it with <SEQ=ISS-9><CTL=RST> and the server goes back
# to LISTEN, as the figure says; Linux also sends its SYN again at once,
# which the narration names as the known difference.  Delivering that
# extra SYN is a step the model cannot follow, and says so; undo makes
# it follow again.  Skipped (77) where namespaces cannot be made.
. "${top_srcdir:-.}/tests/screen/lib.sh"

screen_need_lab

# Wide and tall: the narration's lines are whole on screen.
COLS=120 ROWS=40 screen_start -- lab --no-animation
screen_step L "L I S T E N"
screen_step c "S Y N _ S E N T"
screen_step d "S Y N _ R E C E I V E D"
screen_step d "E S T A B L I S H E D"
screen_expect "#3 ACK seq="
screen_expect_not "Profile linux"
screen_step d "server: SYN_RECEIVED -> ESTABLISHED"
screen_expect_not "Profile linux"
screen_step x "F I N _ W A I T _ 1"
screen_expect_not "Profile linux"
# The FIN arrives: the kernel's ACK of it comes at the next tick, the
# model's after its 4 ms delayed-ACK timer: the same step, no line.
screen_step d "C L O S E _ W A I T"
screen_expect "ACK seq="
screen_expect_not "Profile linux"
screen_step e "F I N _ W A I T _ 2"
screen_expect_not "Profile linux"
screen_step X "L A S T _ A C K"
screen_step e "T I M E _ W A I T"
screen_expect "server: LAST_ACK -> CLOSED"
screen_expect_not "Profile linux"
screen_keys q
screen_cleanup

# Figure 8 (recovery from an old duplicate SYN).  The keys go in at once: the client must not have
# retransmitted its SYN (1 s) before the SYN+ACK of the old one reaches it.
# The kernels run in real time, so the client's next SYN (1 s on) can
# replace the narration's line under the ladder before the screen is
# read; the event log (E) keeps every step's lines, profile linux's
# included, so the comparison is read there.
screen_socket 1
COLS=120 ROWS=40 screen_start -- lab --no-animation
screen_keys L c i :
screen_type "deliver #2"
screen_keys :
screen_type "deliver #3"
screen_expect "RST seq="
isn=$(screen_capture | sed -n 's/.*#1 SYN seq=\([0-9]*\).*/\1/p' | head -n 1)
old=$(( (isn + 4294967296 - 10) % 4294967296 ))
screen_expect "#2 SYN seq=$old [old dup]"
screen_expect "ack=$(( (old + 1) % 4294967296 ))"
if screen_capture | grep -q "#4 RST seq=$(( (old + 1) % 4294967296 ))"; then
	# The figure's RST, then Linux's own SYN again, named as known.
	screen_expect "#5 SYN seq=$isn [rexmit]"
	screen_step E "Profile linux would not have sent c>s SYN seq=0 here. A"
	screen_expect "known difference: kernel: after rejecting the SYN+ACK"
	# A second gone by (a loaded machine) and the server has sent its
	# SYN+ACK again (#6) before #4 and #5 are delivered: the steps below
	# assume it has not.
	late=$(screen_capture | grep -c "retransmits #6 " || true)
	screen_keys q
fi
if [ "${late:-1}" -eq 0 ]; then
	screen_keys :
	screen_type "deliver #4"
	screen_step E "server: SYN_RECEIVED -> LISTEN"
	screen_keys q
	screen_keys :
	screen_type "deliver #5"
	screen_step E "Profile linux cannot do \"deliver #5\" here (no such"
	screen_keys q
	# Undo: new namespaces, a new model beside them, following again.
	screen_step u "the kernels chose new ISNs"
	screen_expect_not "Profile linux cannot"
elif [ -n "${late:-}" ]; then
	echo "note: the server retransmitted its SYN+ACK before #4 was" \
	    "delivered (a loaded machine): the steps after it are not" \
	    "checked" >&2
else
	echo "note: the client retransmitted its SYN before the old SYN's" \
	    "SYN+ACK reached it (a loaded machine): Linux's SYN after the" \
	    "RST is not checked" >&2
	screen_expect "RST seq=$(( (old + 1) % 4294967296 ))"
fi
screen_keys q
exit 0
