/*
 * The harness behind the check_tcp_* suites (see check_tcp_util.h).
 *
 * The core calls back into H through struct tcp_io: choose_iss hands out
 * A(0), then A(1000), A(2000), ... and event() appends to H.ev.  Every
 * call into the core is followed by tcp_check(), so any test that drives
 * the core also checks the TCB invariants after every step.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_tcp_util.h"

struct h_ctx H;

/* h_use_linux() before a fixture: the next h_begin() takes linux. */
static bool h_linux_next;

static const uint32_t h_isns[H_NVARIANTS][2] = {
	{ 100, 300 },			/* the RFC's figures */
	{ 0xFFFFFFFFu, 0xFFFFFFF0u },	/* our SYN wraps to 0 */
	{ 0xFFFFFFF0u, 0xFFFFFFFFu }	/* the peer's SYN wraps to 0 */
};

static uint32_t
h_choose_iss(void *ctx)
{
	struct h_ctx *h = ctx;

	return h->a0 + 1000u * h->niss++;
}

static void
h_event(void *ctx, const struct tcp_ev *ev)
{
	struct h_ctx *h = ctx;

	if (h->nev == H_MAXEV) {
		h->overflow = true;
		return;
	}
	h->ev[h->nev++] = *ev;
}

static void
h_checked(const char *what)
{
	const char *broken = tcp_check(&H.tcb);

	ck_assert_msg(broken == NULL, "after %s: tcp_check: %s", what,
	    broken == NULL ? "" : broken);
	ck_assert_msg(!H.overflow, "event log overflow");
}

void
h_begin(int variant)
{
	memset(&H, 0, sizeof(H));
	ck_assert(variant >= 0 && variant < H_NVARIANTS);
	H.a0 = h_isns[variant][0];
	H.p0 = h_isns[variant][1];
	if (h_linux_next)
		tcp_config_linux(&H.cfg);
	else
		tcp_config_rfc9293(&H.cfg);
	h_linux_next = false;
	tcp_init(&H.tcb);
	H.io.now = 0;
	H.io.cfg = &H.cfg;
	H.io.ctx = &H;
	H.io.choose_iss = h_choose_iss;
	H.io.event = h_event;
	/* The tests put segments a little ahead of RCV.NXT in the window. */
	ck_assert_uint_ge(H.cfg.rcv_wnd, 1000);
	h_checked("tcp_init");
}

void
h_use_linux(void)
{
	h_linux_next = true;
}

void
h_clear(void)
{
	H.nev = 0;
	H.overflow = false;
}

void
h_input(struct tcp_seg seg)
{
	tcp_input(&H.tcb, &H.io, &seg);
	h_checked("tcp_input");
}

/*
 * A user call.  tcp_call_check must predict its result, and a refused call
 * must change nothing: no event, same state.
 */
enum tcp_err
h_call(enum tcp_call call, uint16_t nbytes)
{
	enum tcp_err predicted, err = TCP_OK;
	enum tcp_state before = H.tcb.state;
	size_t nev = H.nev;

	predicted = tcp_call_check(&H.tcb, call, nbytes);
	switch (call) {
	case TCP_CALL_LISTEN:
		err = tcp_listen(&H.tcb, &H.io);
		break;
	case TCP_CALL_CONNECT:
		err = tcp_connect(&H.tcb, &H.io);
		break;
	case TCP_CALL_SEND:
		err = tcp_send(&H.tcb, &H.io, nbytes);
		break;
	case TCP_CALL_CLOSE:
		err = tcp_close(&H.tcb, &H.io);
		break;
	case TCP_CALL_SHUTDOWN:
		err = tcp_shutdown(&H.tcb, &H.io);
		break;
	case TCP_CALL_ABORT:
		err = tcp_abort(&H.tcb, &H.io);
		break;
	case TCP_CALL_READ:
		err = tcp_read(&H.tcb, &H.io, nbytes);
		break;
	}
	h_checked(tcp_call_name(call));
	ck_assert_msg(err == predicted, "%s returned %d, tcp_call_check "
	    "said %d", tcp_call_name(call), (int)err, (int)predicted);
	if (err != TCP_OK) {
		ck_assert_msg(H.nev == nev, "refused %s reported events",
		    tcp_call_name(call));
		ck_assert_msg(H.tcb.state == before, "refused %s changed "
		    "the state", tcp_call_name(call));
	}
	return err;
}

/* Advance the clock to the earliest timer and fire it. */
bool
h_fire_next(enum tcp_timer *which)
{
	enum tcp_timer t;
	uint64_t due;

	if (!tcp_next_timer(&H.tcb, &t, &due))
		return false;
	ck_assert_msg(due >= H.io.now, "timer due in the past");
	H.io.now = due;
	tcp_timer_fire(&H.tcb, &H.io, t);
	h_checked("tcp_timer_fire");
	if (which != NULL)
		*which = t;
	return true;
}

/* Advance the clock by ms, firing every timer that falls due on the way. */
void
h_advance(uint64_t ms)
{
	uint64_t end = H.io.now + ms, due;
	enum tcp_timer t;

	while (tcp_next_timer(&H.tcb, &t, &due) && due <= end) {
		H.io.now = due;
		tcp_timer_fire(&H.tcb, &H.io, t);
		h_checked("tcp_timer_fire");
	}
	H.io.now = end;
}

bool
h_timer(enum tcp_timer t, uint64_t *due)
{
	if (!H.tcb.armed[t])
		return false;
	if (due != NULL)
		*due = H.tcb.due[t];
	return true;
}

size_t
h_count(enum tcp_ev_kind kind)
{
	size_t i, n = 0;

	for (i = 0; i < H.nev; i++)
		if (H.ev[i].kind == kind)
			n++;
	return n;
}

size_t
h_nsent(void)
{
	return h_count(TCP_EV_SEND);
}

const struct tcp_ev *
h_sent_ev(size_t i)
{
	size_t k;

	for (k = 0; k < H.nev; k++)
		if (H.ev[k].kind == TCP_EV_SEND && i-- == 0)
			return &H.ev[k];
	return NULL;
}

const struct tcp_seg *
h_sent(size_t i)
{
	const struct tcp_ev *ev = h_sent_ev(i);

	return ev == NULL ? NULL : &ev->seg;
}

bool
h_has_state(enum tcp_state from, enum tcp_state to, enum tcp_why *why)
{
	size_t i;

	for (i = 0; i < H.nev; i++) {
		if (H.ev[i].kind != TCP_EV_STATE || H.ev[i].from != from ||
		    H.ev[i].to != to)
			continue;
		if (why != NULL)
			*why = H.ev[i].why;
		return true;
	}
	return false;
}

size_t
h_notices(enum tcp_notice n)
{
	size_t i, count = 0;

	for (i = 0; i < H.nev; i++)
		if (H.ev[i].kind == TCP_EV_NOTICE && H.ev[i].notice == n)
			count++;
	return count;
}

bool
h_has_why(enum tcp_ev_kind kind, enum tcp_why why)
{
	size_t i;

	for (i = 0; i < H.nev; i++)
		if (H.ev[i].kind == kind && H.ev[i].why == why)
			return true;
	return false;
}

/* Our own names, so a failure message does not depend on the core. */
const char *
h_state_str(enum tcp_state s)
{
	static const char *const names[TCP_NSTATES] = {
		"CLOSED", "LISTEN", "SYN_SENT", "SYN_RECEIVED",
		"ESTABLISHED", "FIN_WAIT_1", "FIN_WAIT_2", "CLOSE_WAIT",
		"CLOSING", "LAST_ACK", "TIME_WAIT"
	};

	if ((unsigned)s >= TCP_NSTATES)
		return "(bad state)";
	return names[s];
}

const char *
h_flags_str(uint8_t flags, char *buf, size_t size)
{
	static const char *const names[] = {
		"FIN", "SYN", "RST", "PSH", "ACK", "URG"
	};
	size_t i, used = 0;

	buf[0] = '\0';
	for (i = 0; i < 6; i++) {
		if ((flags & (1u << i)) == 0)
			continue;
		used += (size_t)snprintf(buf + used, size - used, "%s%s",
		    used > 0 ? "+" : "", names[i]);
		if (used >= size)
			break;
	}
	if (buf[0] == '\0')
		snprintf(buf, size, "(none)");
	return buf;
}

/* Fixtures. */

static void
fx_reached(enum tcp_state s)
{
	ck_assert_msg(H.tcb.state == s, "fixture: in %s, expected %s",
	    h_state_str(H.tcb.state), h_state_str(s));
	h_clear();
}

void
fx_closed(int v)
{
	h_begin(v);
	fx_reached(TCP_CLOSED);
}

void
fx_listen(int v)
{
	h_begin(v);
	ck_assert_int_eq(h_call(TCP_CALL_LISTEN, 0), TCP_OK);
	fx_reached(TCP_LISTEN);
}

void
fx_syn_sent(int v)
{
	h_begin(v);
	ck_assert_int_eq(h_call(TCP_CALL_CONNECT, 0), TCP_OK);
	fx_reached(TCP_SYN_SENT);
}

void
fx_syn_rcvd(int v)
{
	fx_listen(v);
	IN(.flags = TCP_SYN, .seq = P(0));
	fx_reached(TCP_SYN_RECEIVED);
}

void
fx_syn_rcvd_active(int v)
{
	fx_syn_sent(v);
	IN(.flags = TCP_SYN, .seq = P(0));
	fx_reached(TCP_SYN_RECEIVED);
}

void
fx_established(int v)
{
	fx_syn_sent(v);
	IN(.flags = SYNACK, .seq = P(0), .ack = A(1));
	fx_reached(TCP_ESTABLISHED);
}

void
fx_established_passive(int v)
{
	fx_syn_rcvd(v);
	IN(.flags = TCP_ACK, .seq = P(1), .ack = A(1));
	fx_reached(TCP_ESTABLISHED);
}

void
fx_fin_wait_1(int v)
{
	fx_established(v);
	ck_assert_int_eq(h_call(TCP_CALL_CLOSE, 0), TCP_OK);
	fx_reached(TCP_FIN_WAIT_1);
}

void
fx_fin_wait_1_shut(int v)
{
	fx_established(v);
	ck_assert_int_eq(h_call(TCP_CALL_SHUTDOWN, 0), TCP_OK);
	fx_reached(TCP_FIN_WAIT_1);
}

void
fx_fin_wait_2(int v)
{
	fx_fin_wait_1(v);
	IN(.flags = TCP_ACK, .seq = P(1), .ack = A(2));
	fx_reached(TCP_FIN_WAIT_2);
}

void
fx_fin_wait_2_shut(int v)
{
	fx_fin_wait_1_shut(v);
	IN(.flags = TCP_ACK, .seq = P(1), .ack = A(2));
	fx_reached(TCP_FIN_WAIT_2);
}

void
fx_close_wait(int v)
{
	fx_established(v);
	IN(.flags = FINACK, .seq = P(1), .ack = A(1));
	fx_reached(TCP_CLOSE_WAIT);
}

void
fx_closing(int v)
{
	fx_fin_wait_1(v);
	IN(.flags = FINACK, .seq = P(1), .ack = A(1));
	fx_reached(TCP_CLOSING);
}

void
fx_last_ack(int v)
{
	fx_close_wait(v);
	ck_assert_int_eq(h_call(TCP_CALL_CLOSE, 0), TCP_OK);
	fx_reached(TCP_LAST_ACK);
}

void
fx_time_wait(int v)
{
	fx_fin_wait_2(v);
	IN(.flags = FINACK, .seq = P(1), .ack = A(2));
	fx_reached(TCP_TIME_WAIT);
}

int
h_run(Suite *s)
{
	SRunner *sr = srunner_create(s);
	int nfailed;

	srunner_run_all(sr, CK_ENV);
	nfailed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return nfailed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
