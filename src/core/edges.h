/*
 * The connection state diagram (RFC 9293 Figure 5) as data, plus the edges
 * the RFC's text adds (RST, timeouts, ABORT, simultaneous open) and the
 * Linux FIN_WAIT_2 timeout.  The UI draws the diagram from this table and a
 * test drives every edge through the real code.
 */
#ifndef TCPTEACH_CORE_EDGES_H
#define TCPTEACH_CORE_EDGES_H

#include <stddef.h>

#include "core/tcp.h"

enum tcp_edge_kind {
	TCP_EDGE_DIAGRAM,	/* drawn in the state diagram (Figure 5) */
	TCP_EDGE_TEXT,		/* from Section 3.10's text (RST, ABORT, ...) */
	TCP_EDGE_LINUX		/* Linux behaviour, linux profile only */
};

struct tcp_edge {
	enum tcp_state from, to;
	const char *event;	/* msgid, e.g. "rcv SYN / snd SYN,ACK" */
	const char *rfc;	/* section */
	enum tcp_edge_kind kind;
};

extern const struct tcp_edge tcp_edges[];
extern const size_t tcp_nedges;

#endif
