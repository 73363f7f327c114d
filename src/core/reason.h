/*
 * Why the core did something: every state change, segment and discard
 * carries one of these, and each names the RFC section that prescribes it.
 * Narration, the trace, lessons and the quiz read this table; nothing else
 * invents explanations.
 */
#ifndef TCPTEACH_CORE_REASON_H
#define TCPTEACH_CORE_REASON_H

#ifndef N_
#define N_(s) (s)	/* mark a msgid for xgettext; translated by callers */
#endif

enum tcp_why {
	TCP_W_NONE,
	/* user calls */
	TCP_W_OPEN_PASSIVE,
	TCP_W_OPEN_ACTIVE,
	TCP_W_OPEN_LISTEN_ACTIVE,
	TCP_W_SEND_DATA,
	TCP_W_CLOSE_LISTEN,
	TCP_W_CLOSE_SYN_SENT,
	TCP_W_CLOSE_FIN,
	TCP_W_CLOSE_WAIT_FIN,
	TCP_W_CLOSE_AFTER_SHUTDOWN,
	TCP_W_SHUTDOWN_FIN,
	TCP_W_ABORT_RST,
	TCP_W_CLOSE_UNREAD_RST,
	TCP_W_APP_READ,
	TCP_W_APP_READ_EOF,
	TCP_W_ABORT_SILENT,
	TCP_W_CRASH,
	/* segment arrives: CLOSED, LISTEN, SYN-SENT */
	TCP_W_CLOSED_RST_REPLY,
	TCP_W_CLOSED_RST_DROP,
	TCP_W_LISTEN_RST,
	TCP_W_LISTEN_ACK,
	TCP_W_LISTEN_SYN,
	TCP_W_LISTEN_OTHER,
	TCP_W_SYNSENT_BAD_ACK,
	TCP_W_SYNSENT_BAD_ACK_RST,
	TCP_W_SYNSENT_RST,
	TCP_W_SYNSENT_RST_NOACK,
	TCP_W_SYNSENT_SYNACK,
	TCP_W_SYNSENT_SYN,
	TCP_W_SYNSENT_OTHER,
	/* segment arrives: other states, in the RFC's order */
	TCP_W_SEQ_BAD,
	TCP_W_SEQ_BAD_RST,
	TCP_W_TW_FIN_AGAIN,
	TCP_W_RST_CHALLENGE,
	TCP_W_RST_SYNRCVD_PASSIVE,
	TCP_W_RST_SYNRCVD_ACTIVE,
	TCP_W_RST_RESET,
	TCP_W_RST_CLOSING,
	TCP_W_SYN_SYNRCVD_PASSIVE,
	TCP_W_SYN_CHALLENGE,
	TCP_W_NO_ACK,
	TCP_W_SYNRCVD_ACK,
	TCP_W_SYNRCVD_SYNACK,
	TCP_W_SYNRCVD_BAD_ACK,
	TCP_W_ACK_TOO_NEW,
	TCP_W_ACK_OF_FIN,
	TCP_W_CLOSING_ACK_OF_FIN,
	TCP_W_LAST_ACK_ACK_OF_FIN,
	TCP_W_DATA,
	TCP_W_DATA_IGNORED,
	TCP_W_DATA_AFTER_CLOSE,
	TCP_W_OUT_OF_ORDER,
	TCP_W_FIN,
	TCP_W_FIN_SIMULTANEOUS,
	TCP_W_FIN_WITH_ACK,
	TCP_W_FIN_IN_FIN_WAIT_2,
	TCP_W_TIME_WAIT_OFF,
	TCP_W_HANDSHAKE_TWO,
	/* linux profile (tcp_linux.c) */
	TCP_W_ACK_THROTTLED,
	TCP_W_ACK_TOO_OLD,
	TCP_W_SYNRCVD_SYN_AGAIN,
	TCP_W_SYNRCVD_SYN_RST,
	TCP_W_RST_MINUS_ONE_RESET,
	TCP_W_RST_MINUS_ONE,
	TCP_W_FW2_ORPHAN_RST,
	TCP_W_TW_QUIET,
	TCP_W_TW_NEW_SYN,
	TCP_W_TW_RST_IGNORED,
	TCP_W_TW_ACK,
	/* timers */
	TCP_W_REXMIT,
	TCP_W_GIVE_UP,
	TCP_W_GIVE_UP_PASSIVE,
	TCP_W_TIME_WAIT_DONE,
	TCP_W_FIN_WAIT_2_TIMEOUT,
	TCP_W_DELACK,
	TCP_W_TLP,
	TCP_W_TIMER
};
#define TCP_NWHY (TCP_W_TIMER + 1)

/* "3.10.7.4", "RFC 5961 3.2", ...: the section that prescribes it. */
const char *tcp_why_rfc(enum tcp_why w);
/* A short English clause (a msgid), e.g. "ACK of our FIN". */
const char *tcp_why_text(enum tcp_why w);

#endif
