/*
 * The state diagram's edges.  Labels follow the state diagram
 * (RFC 9293 Figure 5): "event / action"; TEXT edges come from Section 3.10's prose and
 * LINUX edges from the linux profile.
 */
#include "core/edges.h"

#define E(f, t, ev, rfc, k) { TCP_##f, TCP_##t, ev, rfc, TCP_EDGE_##k }

const struct tcp_edge tcp_edges[] = {
	E(CLOSED, LISTEN, N_("passive OPEN"), "3.10.1", DIAGRAM),
	E(CLOSED, SYN_SENT, N_("active OPEN / snd SYN"), "3.10.1", DIAGRAM),
	E(LISTEN, SYN_RECEIVED, N_("rcv SYN / snd SYN,ACK"), "3.10.7.2", DIAGRAM),
	E(LISTEN, SYN_SENT, N_("SEND (active OPEN) / snd SYN"), "3.10.1", DIAGRAM),
	E(LISTEN, CLOSED, N_("CLOSE / delete TCB"), "3.10.4", DIAGRAM),
	E(SYN_SENT, SYN_RECEIVED, N_("rcv SYN / snd SYN,ACK"), "3.10.7.3", DIAGRAM),
	E(SYN_SENT, ESTABLISHED, N_("rcv SYN,ACK / snd ACK"), "3.10.7.3", DIAGRAM),
	E(SYN_SENT, CLOSED, N_("CLOSE / delete TCB"), "3.10.4", DIAGRAM),
	E(SYN_RECEIVED, ESTABLISHED, N_("rcv ACK of SYN"), "3.10.7.4", DIAGRAM),
	E(SYN_RECEIVED, FIN_WAIT_1, N_("CLOSE / snd FIN"), "3.10.4", DIAGRAM),
	E(ESTABLISHED, FIN_WAIT_1, N_("CLOSE / snd FIN"), "3.10.4", DIAGRAM),
	E(ESTABLISHED, CLOSE_WAIT, N_("rcv FIN / snd ACK"), "3.10.7.4", DIAGRAM),
	E(FIN_WAIT_1, FIN_WAIT_2, N_("rcv ACK of FIN"), "3.10.7.4", DIAGRAM),
	E(FIN_WAIT_1, CLOSING, N_("rcv FIN / snd ACK"), "3.10.7.4", DIAGRAM),
	E(FIN_WAIT_2, TIME_WAIT, N_("rcv FIN / snd ACK"), "3.10.7.4", DIAGRAM),
	E(CLOSING, TIME_WAIT, N_("rcv ACK of FIN"), "3.10.7.4", DIAGRAM),
	E(CLOSE_WAIT, LAST_ACK, N_("CLOSE / snd FIN"), "3.10.4", DIAGRAM),
	E(LAST_ACK, CLOSED, N_("rcv ACK of FIN / delete TCB"), "3.10.7.4", DIAGRAM),
	E(TIME_WAIT, CLOSED, N_("timeout=2MSL / delete TCB"), "3.10.8", DIAGRAM),
	E(FIN_WAIT_1, TIME_WAIT, N_("rcv FIN,ACK of FIN / snd ACK"), "3.10.7.4", TEXT),
	E(SYN_SENT, CLOSED, N_("rcv RST,ACK of SYN (refused)"), "3.10.7.3", TEXT),
	E(SYN_RECEIVED, LISTEN, N_("rcv RST (passive OPEN)"), "3.10.7.4", TEXT),
	E(SYN_RECEIVED, CLOSED, N_("rcv RST (active OPEN)"), "3.10.7.4", TEXT),
	E(ESTABLISHED, CLOSED, N_("rcv RST / reset"), "3.10.7.4", TEXT),
	E(FIN_WAIT_1, CLOSED, N_("rcv RST / reset"), "3.10.7.4", TEXT),
	E(FIN_WAIT_2, CLOSED, N_("rcv RST / reset"), "3.10.7.4", TEXT),
	E(CLOSE_WAIT, CLOSED, N_("rcv RST / reset"), "3.10.7.4", TEXT),
	E(CLOSING, CLOSED, N_("rcv RST / delete TCB"), "3.10.7.4", TEXT),
	E(LAST_ACK, CLOSED, N_("rcv RST / delete TCB"), "3.10.7.4", TEXT),
	E(TIME_WAIT, CLOSED, N_("rcv RST / delete TCB"), "3.10.7.4", TEXT),
	E(ESTABLISHED, CLOSED, N_("ABORT / snd RST"), "3.10.5", TEXT),
	E(FIN_WAIT_1, CLOSED, N_("rcv data after CLOSE / snd RST"), "3.6.1", TEXT),
	E(FIN_WAIT_2, CLOSED, N_("rcv data after CLOSE / snd RST"), "3.6.1", TEXT),
	E(ESTABLISHED, CLOSED, N_("CLOSE with data unread / snd RST"), "3.6.1",
	  TEXT),
	E(CLOSE_WAIT, CLOSED, N_("CLOSE with data unread / snd RST"), "3.6.1",
	  TEXT),
	E(SYN_SENT, CLOSED, N_("retransmissions exhausted / timeout"), "3.8.3", TEXT),
	E(SYN_RECEIVED, LISTEN, N_("SYN,ACK retransmissions exhausted"), "3.8.3", TEXT),
	E(ESTABLISHED, FIN_WAIT_1, N_("shutdown / snd FIN"), "3.6.1", TEXT),
	E(FIN_WAIT_2, CLOSED, N_("tcp_fin_timeout after close"), "Linux", LINUX),
};

const size_t tcp_nedges = sizeof(tcp_edges) / sizeof(tcp_edges[0]);
