#!/bin/sh
# A full connection driven only through keys: the three-way handshake,
# 100 bytes of data, and the four-way close, with known ISNs; checks both
# state boxes, arrow labels in all three number modes, and the narration.
. "${top_srcdir:-.}/tests/screen/lib.sh"

screen_start -- --no-animation
screen_keys :
screen_type "isn client 99"
screen_expect "step 1/1"
screen_keys :
screen_type "isn server 299"
screen_expect "step 2/2"

# Handshake: server listens, client connects, three deliveries.
screen_step L "L I S T E N"
screen_step c "S Y N _ S E N T"
screen_expect "#1 SYN seq=0"
screen_step d "S Y N _ R E C E I V E D"
screen_expect "#2 SYN+ACK seq=0 ack=1"
screen_step d "#3 ACK seq=1 ack=1"
screen_step d "server: SYN_RECEIVED -> ESTABLISHED: the ACK acknowledges our SYN, RFC"
screen_expect "accept() returned"
screen_expect "connect() returned"

# Data from the client, and its ACK.
screen_step s "#4 PSH+ACK seq=1 ack=1 len=100"
screen_step d "#5 ACK seq=1 ack=101"
screen_step d "step 10/10"

# Four-way close.
screen_step x "F I N _ W A I T _ 1"
screen_expect "#6 FIN+ACK seq=101 ack=1"
screen_step d "C L O S E _ W A I T"
screen_expect "read() got EOF"
screen_step d "F I N _ W A I T _ 2"
screen_step X "L A S T _ A C K"
screen_expect "#8 FIN+ACK seq=1 ack=102"
screen_step d "T I M E _ W A I T"
screen_expect "2MSL 4:00"
screen_step d "server: LAST_ACK -> CLOSED"
screen_expect "#9 ACK seq=102 ack=2"

# The same labels in raw and symbolic numbers.
screen_step m "symbolic"
screen_expect "#2 SYN+ACK seq=K ack=J+1"
screen_expect "#9 ACK seq=J+102 ack=K+2"
screen_step m "raw"
screen_expect "#8 FIN+ACK seq=300 ack=201"
screen_expect "ISS 99"

# TIME_WAIT ends when its timer fires.
screen_step t "client: TIME_WAIT -> CLOSED"
screen_keys q
exit 0
