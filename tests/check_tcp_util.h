/*
 * A harness for driving one TCP endpoint (src/core) from Check tests.
 *
 * Data model: the whole harness is one global, H: a TCB, the configuration
 * it runs with, the struct tcp_io that points back at H, and every event the
 * core reported since the last h_clear().  Each test runs in its own forked
 * process, so the global is private to the test.
 *
 * Sequence numbers in tests are relative: A(k) is our ISS plus k and P(k)
 * the peer's ISS plus k.  Every state test runs once per ISN pair in
 * h_isns[] (tcase_add_loop_test), one of which puts both ISNs just below
 * 2^32 so that every comparison in the core meets the wrap.
 *
 * The fixtures (fx_*) put the TCB into a state through the real user calls
 * and segment arrivals, assert that it got there, and clear the event log,
 * so a test sees only what its own stimulus caused.
 */
#ifndef TCPTEACH_TESTS_CHECK_TCP_UTIL_H
#define TCPTEACH_TESTS_CHECK_TCP_UTIL_H

#include <check.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/reason.h"
#include "core/seq.h"
#include "core/tcp.h"

#define H_MAXEV 1024
#define H_WND 65535		/* the window the simulated peer advertises */
#define H_NVARIANTS 3		/* ISN pairs, see h_isns[] in the .c */

struct h_ctx {
	struct tcp_tcb tcb;
	struct tcp_config cfg;
	struct tcp_io io;
	uint32_t a0;		/* our first ISS */
	uint32_t p0;		/* the peer's ISS */
	unsigned niss;		/* how many times the core chose an ISS */
	struct tcp_ev ev[H_MAXEV];
	size_t nev;
	bool overflow;
};

extern struct h_ctx H;

#define A(k) ((uint32_t)(H.a0 + (uint32_t)(k)))
#define P(k) ((uint32_t)(H.p0 + (uint32_t)(k)))

/* A segment from the peer; fields not named are zero, the window is open. */
#define IN(...) h_input((struct tcp_seg){ .wnd = H_WND, __VA_ARGS__ })
#define SYNACK (TCP_SYN | TCP_ACK)
#define FINACK (TCP_FIN | TCP_ACK)
#define RSTACK (TCP_RST | TCP_ACK)
#define PSHACK (TCP_PSH | TCP_ACK)

void h_begin(int variant);
void h_use_linux(void);	/* the next fixture runs the linux profile */
void h_clear(void);
void h_input(struct tcp_seg seg);
enum tcp_err h_call(enum tcp_call call, uint16_t nbytes);
bool h_fire_next(enum tcp_timer *which);
void h_advance(uint64_t ms);
bool h_timer(enum tcp_timer t, uint64_t *due);

size_t h_count(enum tcp_ev_kind kind);
size_t h_nsent(void);
const struct tcp_ev *h_sent_ev(size_t i);
const struct tcp_seg *h_sent(size_t i);
bool h_has_state(enum tcp_state from, enum tcp_state to, enum tcp_why *why);
size_t h_notices(enum tcp_notice n);
bool h_has_why(enum tcp_ev_kind kind, enum tcp_why why);
const char *h_state_str(enum tcp_state s);
const char *h_flags_str(uint8_t flags, char *buf, size_t size);

/* Fixtures: the TCB ends in the named state with an empty event log. */
void fx_closed(int v);
void fx_listen(int v);
void fx_syn_sent(int v);
void fx_syn_rcvd(int v);
void fx_syn_rcvd_active(int v);
void fx_established(int v);
void fx_established_passive(int v);
void fx_fin_wait_1(int v);
void fx_fin_wait_1_shut(int v);
void fx_fin_wait_2(int v);
void fx_fin_wait_2_shut(int v);
void fx_close_wait(int v);
void fx_closing(int v);
void fx_last_ack(int v);
void fx_time_wait(int v);

int h_run(Suite *s);

/* The state now. */
#define CK_STATE(s) ck_assert_msg(H.tcb.state == (s),			\
	"state %s, expected %s", h_state_str(H.tcb.state), h_state_str(s))

/* Exactly n segments were sent since the last h_clear(). */
#define CK_NSENT(n) ck_assert_msg(h_nsent() == (size_t)(n),		\
	"%zu segments sent, expected %zu", h_nsent(), (size_t)(n))

/* Segment i (0 = first since h_clear) has exactly these flags and fields;
 * the ACK field is compared only when ACK is among the flags. */
#define CK_SENT(i, fl, sq, ak, ln) do {					\
	const struct tcp_seg *s_ = h_sent(i);				\
	char b1_[40], b2_[40];						\
	ck_assert_msg(s_ != NULL, "segment %d was not sent", (int)(i));	\
	ck_assert_msg(s_->flags == (fl), "segment %d: flags %s, "	\
	    "expected %s", (int)(i), h_flags_str(s_->flags, b1_,	\
	    sizeof(b1_)), h_flags_str((fl), b2_, sizeof(b2_)));		\
	ck_assert_msg(s_->seq == (uint32_t)(sq), "segment %d: seq %u, "	\
	    "expected %u", (int)(i), (unsigned)s_->seq,			\
	    (unsigned)(uint32_t)(sq));					\
	if ((fl) & TCP_ACK)						\
		ck_assert_msg(s_->ack == (uint32_t)(ak), "segment %d: "	\
		    "ack %u, expected %u", (int)(i), (unsigned)s_->ack,	\
		    (unsigned)(uint32_t)(ak));				\
	ck_assert_msg(s_->len == (ln), "segment %d: len %u, "		\
	    "expected %u", (int)(i), (unsigned)s_->len, (unsigned)(ln));\
} while (0)

/* A transition from -> to happened since h_clear(), for reason w. */
#define CK_EDGE(from, to, w) do {					\
	enum tcp_why w_;						\
	ck_assert_msg(h_has_state((from), (to), &w_),			\
	    "no transition %s -> %s", h_state_str(from),		\
	    h_state_str(to));						\
	ck_assert_msg(w_ == (w), "%s -> %s for reason %d (%s), "	\
	    "expected %d (%s)", h_state_str(from), h_state_str(to),	\
	    (int)w_, tcp_why_text(w_), (int)(w), tcp_why_text(w));	\
} while (0)

/* No state change at all since h_clear(). */
#define CK_NO_STATE_CHANGE() ck_assert_msg(h_count(TCP_EV_STATE) == 0,	\
	"unexpected state change to %s", h_state_str(H.tcb.state))

#define CK_NOTICE(n, count) ck_assert_msg(h_notices(n) == (count),	\
	"notice %s given %zu times, expected %d", tcp_notice_name(n),	\
	h_notices(n), (int)(count))

#define ADD_LOOP(tc, t) tcase_add_loop_test((tc), (t), 0, H_NVARIANTS)

#endif
