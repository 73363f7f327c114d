/*
 * One TCP endpoint: the transmission control block and RFC 9293 Section 3.10
 * event processing for connection management.
 *
 * Data model: a struct tcp_tcb holds the RFC's variables plus the
 * reassembly queue (ranges received ahead of RCV.NXT), the
 * retransmission queue (sequence ranges, not bytes: tcpteach moves no
 * payload, but each range remembers when it was sent, for RTT samples and
 * for Linux's time-based give-up), the RFC 6298 round-trip estimate, the
 * state of Linux's delayed-ACK engine, and four timers as absolute due
 * times.  Everything the endpoint
 * does is reported through struct tcp_io: segments it sends, state changes
 * with their reason, notices to the application, timers armed, stopped and
 * fired.  The caller (src/sim) owns time and randomness and passes them in,
 * so the core is pure: same inputs, same events.
 *
 * The core never allocates, prints or exits.  Strings it hands out are
 * English msgids marked with N_() for the caller to translate.
 */
#ifndef TCPTEACH_CORE_TCP_H
#define TCPTEACH_CORE_TCP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/reason.h"

enum tcp_state {
	TCP_CLOSED,
	TCP_LISTEN,
	TCP_SYN_SENT,
	TCP_SYN_RECEIVED,
	TCP_ESTABLISHED,
	TCP_FIN_WAIT_1,
	TCP_FIN_WAIT_2,
	TCP_CLOSE_WAIT,
	TCP_CLOSING,
	TCP_LAST_ACK,
	TCP_TIME_WAIT
};
#define TCP_NSTATES 11

/* Header bit values (RFC 9293 Section 3.1). */
#define TCP_FIN 0x01
#define TCP_SYN 0x02
#define TCP_RST 0x04
#define TCP_PSH 0x08
#define TCP_ACK 0x10
#define TCP_URG 0x20
#define TCP_FLAGS_ALL 0x3f

struct tcp_seg {
	uint32_t seq;
	uint32_t ack;		/* meaningful only with TCP_ACK */
	uint16_t len;		/* payload bytes, SYN and FIN not counted */
	uint16_t wnd;
	uint8_t  flags;
};

enum tcp_timer {
	TCP_T_REXMT,		/* retransmission (RFC 6298) */
	TCP_T_TIME_WAIT,	/* 2MSL (RFC 9293 3.10.8) */
	TCP_T_FIN_WAIT_2,	/* Linux tcp_fin_timeout for orphans */
	TCP_T_DELACK		/* delayed ACK (RFC 9293 3.8.6.3; Linux ATO) */
};
#define TCP_NTIMERS 4

enum tcp_notice {
	TCP_N_CONNECTED,	/* connect() or accept() returned */
	TCP_N_REFUSED,		/* RST answered our SYN */
	TCP_N_RESET,		/* RST in a synchronized state */
	TCP_N_TIMEOUT,		/* gave up retransmitting */
	TCP_N_EOF,		/* the peer's FIN arrived (RFC: "connection closing") */
	TCP_N_CLOSED		/* the TCB was deleted without an error */
};
#define TCP_NNOTICES 6

/* Why a user call cannot happen now (RFC 9293 3.10 "error: ..."). */
enum tcp_err {
	TCP_OK,
	TCP_E_EXISTS,		/* connection already exists */
	TCP_E_NOCONN,		/* connection does not exist */
	TCP_E_CLOSING,		/* connection closing */
	TCP_E_NOTCONN,		/* not yet established */
	TCP_E_LISTENING,	/* a listening socket cannot send */
	TCP_E_SHUT,		/* already shut down for writing */
	TCP_E_WINDOW,		/* the peer's receive window is full */
	TCP_E_QUEUE,		/* retransmission queue full */
	TCP_E_NODATA,		/* read: nothing waits to be read */
	TCP_E_RDCLOSED		/* read: the application closed the socket */
};

enum tcp_call {
	TCP_CALL_LISTEN,
	TCP_CALL_CONNECT,
	TCP_CALL_SEND,
	TCP_CALL_CLOSE,
	TCP_CALL_SHUTDOWN,
	TCP_CALL_ABORT,
	TCP_CALL_READ		/* RECEIVE (3.10.3), with app_read_manual */
};
#define TCP_NCALLS 7

struct tcp_config {
	uint32_t msl_ms;
	uint32_t rto_ms;		/* initial RTO */
	uint32_t rto_max_ms;		/* 0: no ceiling */
	uint32_t rto_min_ms;		/* floor of an RTO from RTT samples */
	uint32_t rttvar_min_ms;		/* floor of the 4*RTTVAR term */
	uint32_t fin_wait_2_ms;		/* 0: no FIN_WAIT_2 timeout */
	uint32_t delack_ms;		/* delayed_ack without linux_ack */
	uint16_t rcv_wnd;
	unsigned syn_retries;
	unsigned synack_retries;
	unsigned retries;		/* data and FIN */
	unsigned orphan_retries;	/* linux_timeouts, after close() */
	unsigned syn_linear;		/* Linux tcp_syn_linear_timeouts */
	bool linux_timeouts;		/* give up as Linux does: by time */
	bool rtt_timestamps;		/* samples also from retransmissions */
	bool tlp;			/* Linux's tail loss probe (RFC 8985) */
	bool delayed_ack;
	bool linux_ack;			/* delayed_ack follows Linux's rules */
	bool time_wait;			/* what-if: false skips TIME_WAIT */
	bool handshake_two;		/* what-if: passive side skips SYN_RECEIVED */
	bool rst_ack_on_abort;		/* Linux sends RST+ACK on ABORT */
	bool app_read_manual;		/* data waits for tcp_read() */
	/* Linux's input path (tcp_linux.c): throttled challenge ACKs,
	 * TIME-WAIT, RST at RCV.NXT-1, the RFC 5961 5 ACK check, ... */
	bool linux_input;
	uint32_t invalid_ratelimit_ms;	/* Linux tcp_invalid_ratelimit */
};

enum tcp_ev_kind {
	TCP_EV_STATE,		/* from -> to */
	TCP_EV_SEND,		/* seg put on the wire */
	TCP_EV_NOTICE,		/* notice to the application */
	TCP_EV_TIMER_ARM,	/* timer armed for due */
	TCP_EV_TIMER_STOP,	/* timer stopped before firing */
	TCP_EV_TIMER_FIRE,	/* timer expired */
	TCP_EV_DROP,		/* arriving segment discarded */
	TCP_EV_DATA		/* bytes handed to the application */
};

struct tcp_ev {
	enum tcp_ev_kind kind;
	enum tcp_why why;
	enum tcp_state from, to;
	enum tcp_notice notice;
	enum tcp_timer timer;
	uint64_t due;
	uint32_t bytes;
	struct tcp_seg seg;
	bool rexmit;		/* SEND: a retransmission */
};

/* What the caller provides for one call into the core. */
struct tcp_io {
	uint64_t now;			/* milliseconds */
	const struct tcp_config *cfg;
	void *ctx;
	uint32_t (*choose_iss)(void *ctx);
	void (*event)(void *ctx, const struct tcp_ev *ev);
};

/* One unacknowledged segment: enough to send it again, and to time it. */
struct tcp_rtx {
	uint64_t first;		/* ms of its first transmission */
	uint64_t last;		/* ms of its latest transmission */
	uint32_t seq;
	uint16_t len;
	uint8_t  flags;		/* TCP_SYN, TCP_FIN, TCP_PSH as first sent */
	bool rexmit;		/* sent more than once (Karn's rule) */
};
#define TCP_RTXQ_MAX 64		/* SEND refuses beyond this; a FIN may follow */

/* Sequence space received ahead of RCV.NXT (the reassembly queue). */
struct tcp_range {
	uint32_t seq;
	uint32_t len;
};
#define TCP_REASM_MAX 64	/* ranges kept; beyond, segments are dropped */
#define TCP_MAX_QUICKACKS 16	/* Linux: ACKs at once after first data */

struct tcp_tcb {
	enum tcp_state state;
	bool passive;		/* SYN_RECEIVED reached from LISTEN (MUST-11) */
	bool irs_valid;
	bool fin_sent;		/* our FIN occupies fin_seq */
	bool rd_closed;		/* close(): the application reads no more */
	bool wr_closed;		/* close() or shutdown(): no more SENDs */
	bool ack_delayed;	/* an ACK is being held (delayed_ack) */
	bool fin_unread;	/* app_read_manual: peer's FIN not yet read */
	uint32_t rcv_unread;	/* app_read_manual: bytes not yet read */
	uint32_t fin_seq;
	uint32_t iss, irs;
	uint32_t snd_una, snd_nxt, snd_wnd, snd_wl1, snd_wl2;
	uint32_t rcv_nxt, rcv_wnd;
	uint64_t due[TCP_NTIMERS];	/* absolute ms; valid when armed */
	bool armed[TCP_NTIMERS];
	uint32_t rto;		/* current RTO, doubled by back-off */
	uint32_t srtt, rttvar;	/* RFC 6298, ms; valid with rtt_valid */
	bool rtt_valid;
	bool syn_timed_out;	/* RFC 6298 5.7: our SYN was retransmitted */
	unsigned nrexmit;	/* retransmissions of the queue head */
	bool tlp_pending;	/* the REXMT timer is a tail loss probe */
	bool tlp_out;		/* a probe was sent, not yet answered */
	bool in_loss;		/* after an RTO, until loss_high is ACKed */
	uint32_t loss_high;	/* SND.NXT when the RTO fired */
	/* Linux's delayed-ACK engine (tcp_event_data_recv, pingpong). */
	bool ack_owed;		/* data or a FIN not yet acknowledged */
	bool pingpong;		/* interactive: hold ACKs for a reply */
	bool ack_pushed;	/* a small segment waits for its ACK */
	bool ack_pushed2;	/* ... and another one after it */
	unsigned quick;		/* ACKs still to send at once */
	uint32_t ato;		/* ms; 0 until the first data arrives */
	uint32_t rcv_mss;	/* largest segment seen (Linux rcv_mss) */
	uint32_t rcv_unacked;	/* bytes received since our last ACK */
	uint64_t lrcvtime;	/* ms of the last data arrival */
	unsigned rtxq_len;
	struct tcp_rtx rtxq[TCP_RTXQ_MAX + 1];	/* + the FIN's own slot */
	/* Reassembly (tcp_reasm.c): sorted, disjoint, beyond RCV.NXT. */
	unsigned reasm_len;
	struct tcp_range reasm[TCP_REASM_MAX];
	bool reasm_fin;		/* the peer's FIN arrived ahead of data */
	uint32_t reasm_fin_seq;	/* ... and occupies this number */
	/* linux profile only (tcp_linux.c) */
	bool oow_acked;		/* a challenge/out-of-window ACK went out */
	uint64_t oow_ack_at;	/* ... at this time (RFC 5961 7 throttle) */
	uint32_t max_snd_wnd;	/* largest window the peer offered */
	uint32_t bytes_acked;	/* sequence space acknowledged so far */
};

/* Names and formatting (pure; results are static or in caller buffers). */
const char *tcp_state_name(enum tcp_state s);		/* "SYN_SENT" */
bool tcp_state_parse(const char *word, enum tcp_state *out);
bool tcp_state_synchronized(enum tcp_state s);
const char *tcp_timer_name(enum tcp_timer t);		/* msgid */
const char *tcp_notice_name(enum tcp_notice n);		/* "eof" */
bool tcp_notice_parse(const char *word, enum tcp_notice *out);
const char *tcp_err_text(enum tcp_err e);		/* msgid */
const char *tcp_call_name(enum tcp_call c);		/* "connect" */
/* "SYN+ACK"; buf needs at least TCP_FLAGS_BUFSZ bytes. */
#define TCP_FLAGS_BUFSZ 24
char *tcp_flags_str(uint8_t flags, char *buf);
uint32_t tcp_seg_seqlen(const struct tcp_seg *seg);	/* len + SYN + FIN */

/* Configuration defaults of the two profiles. */
void tcp_config_rfc9293(struct tcp_config *cfg);
void tcp_config_linux(struct tcp_config *cfg);

/* User calls (RFC 9293 3.10.1 to 3.10.5).  tcp_call_check says, without
 * changing anything, whether the call is possible now and if not why. */
void tcp_init(struct tcp_tcb *tcb);
enum tcp_err tcp_call_check(const struct tcp_tcb *tcb, enum tcp_call call,
    uint16_t nbytes);
enum tcp_err tcp_listen(struct tcp_tcb *tcb, const struct tcp_io *io);
enum tcp_err tcp_connect(struct tcp_tcb *tcb, const struct tcp_io *io);
enum tcp_err tcp_send(struct tcp_tcb *tcb, const struct tcp_io *io,
    uint16_t nbytes);
enum tcp_err tcp_close(struct tcp_tcb *tcb, const struct tcp_io *io);
enum tcp_err tcp_shutdown(struct tcp_tcb *tcb, const struct tcp_io *io);
enum tcp_err tcp_abort(struct tcp_tcb *tcb, const struct tcp_io *io);
/* RECEIVE: the application reads nbytes (0: all that waits). */
enum tcp_err tcp_read(struct tcp_tcb *tcb, const struct tcp_io *io,
    uint32_t nbytes);
/* The host loses its state silently: no segment, no notice. */
void tcp_crash(struct tcp_tcb *tcb, const struct tcp_io *io);

/* SEGMENT ARRIVES (RFC 9293 3.10.7). */
void tcp_input(struct tcp_tcb *tcb, const struct tcp_io *io,
    const struct tcp_seg *seg);

/* Timers (RFC 9293 3.10.8): the earliest armed timer, and firing it. */
bool tcp_next_timer(const struct tcp_tcb *tcb, enum tcp_timer *which,
    uint64_t *due);
void tcp_timer_fire(struct tcp_tcb *tcb, const struct tcp_io *io,
    enum tcp_timer t);

/* Invariants that must hold after every call; returns NULL or what broke. */
const char *tcp_check(const struct tcp_tcb *tcb);

#endif
