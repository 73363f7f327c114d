/*
 * The world (src/sim): the wire, the clock and the scenario language's
 * rules as the spec states them -- segment ids never reused, the deliver,
 * drop and dup selectors, lifetime expiry after one MSL, timers in time
 * order, `wait timer`, `settle`, setup only before the first event,
 * notices counted since the last `expect notice`, impossible events that
 * change nothing, and determinism.
 *
 * Commands are built in C (check_sim_util.h), not parsed.  W is the world
 * of the current test; Check forks per test, so it is private to it.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "check_sim_util.h"

static struct world W;

static void
w_setup(void)
{
	world_init(&W);
	W.keep_trace = true;
}

static void
w_teardown(void)
{
	world_free(&W);
}

static enum sim_status
w_try(struct cmd c)
{
	struct sim_result res;

	memset(&res, 0, sizeof(res));
	return world_apply(&W, &c, &res);
}

#define OK(c) do {							\
	struct sim_result r_;						\
	struct cmd c_ = (c);						\
	memset(&r_, 0, sizeof(r_));					\
	ck_assert_msg(world_apply(&W, &c_, &r_) == SIM_OK,		\
	    "command kind %d failed: %s", (int)c_.kind, r_.msg);	\
} while (0)

#define STATE(h) (W.host[(h)].tcb.state)

/* The handshake with the RFC's numbers: client 100, server 300. */
static void
w_established(void)
{
	OK(c_isn(HOST_CLIENT, 100, 1100));
	OK(c_isn(HOST_SERVER, 300, 1300));
	OK(c_host(CMD_LISTEN, HOST_SERVER));
	OK(c_host(CMD_CONNECT, HOST_CLIENT));
	OK(c_kind(CMD_SETTLE));
	ck_assert_int_eq(STATE(HOST_CLIENT), TCP_ESTABLISHED);
	ck_assert_int_eq(STATE(HOST_SERVER), TCP_ESTABLISHED);
}

/* The id of the flight a trace event put on the wire, or 0. */
static uint32_t
ev_new_id(const struct sim_ev *ev)
{
	if (ev->kind == SIM_EV_DUP || ev->kind == SIM_EV_INJECT)
		return ev->flight.id;
	if (ev->kind == SIM_EV_TCP && ev->tcp.kind == TCP_EV_SEND)
		return ev->flight.id;
	return 0;
}

static size_t
count_ev(enum sim_ev_kind k)
{
	size_t i, n = 0;

	for (i = 0; i < W.ntrace; i++)
		if (W.trace[i].kind == k)
			n++;
	return n;
}

START_TEST(test_wire_ids_never_reused)
{
	uint32_t next = 1, id;
	size_t i, j;

	OK(c_host(CMD_LISTEN, HOST_SERVER));
	OK(c_host(CMD_CONNECT, HOST_CLIENT));
	OK(c_sel_id(CMD_DUP, 1));
	OK(c_sel_id(CMD_DROP, 1));
	OK(c_sel_id(CMD_DELIVER, 2));
	OK(c_inject(DIR_S2C, TCP_ACK, 1, 1, 0));
	OK(c_kind(CMD_WAIT_TIMER));
	OK(c_wait(10000));
	OK(c_kind(CMD_SETTLE));
	OK(c_host(CMD_ABORT, HOST_CLIENT));
	OK(c_kind(CMD_SETTLE));
	for (i = 0; i < W.ntrace; i++) {
		if ((id = ev_new_id(&W.trace[i])) == 0)
			continue;
		ck_assert_msg(id == next, "trace event %zu put #%u on the "
		    "wire, expected #%u", i, (unsigned)id, (unsigned)next);
		next++;
	}
	ck_assert_uint_ge(next, 8);
	ck_assert_uint_eq(W.next_id, next);
	for (i = 0; i < W.nwire; i++)
		for (j = i + 1; j < W.nwire; j++)
			ck_assert_uint_ne(W.wire[i].id, W.wire[j].id);
}
END_TEST

START_TEST(test_wire_selectors)
{
	struct cmd_sel sel = { .kind = SEL_ANY };
	const struct flight *f;

	OK(c_host(CMD_CONNECT, HOST_CLIENT));		/* #1 c>s SYN */
	OK(c_host(CMD_CONNECT, HOST_SERVER));		/* #2 s>c SYN */
	OK(c_inject(DIR_C2S, TCP_ACK, 7, 8, 0));	/* #3 c>s */
	ck_assert_uint_eq(W.nwire, 3);
	f = world_find(&W, &sel);
	ck_assert(f != NULL && f->id == 1);
	sel.kind = SEL_DIR;
	sel.dir = DIR_S2C;
	f = world_find(&W, &sel);
	ck_assert(f != NULL && f->id == 2 && f->dir == DIR_S2C);
	sel.kind = SEL_ID;
	sel.id = 3;
	f = world_find(&W, &sel);
	ck_assert(f != NULL && f->origin == ORIGIN_INJECT);
	ck_assert_uint_eq(f->seg.seq, 7);
	ck_assert_uint_eq(f->seg.ack, 8);
	sel.id = 4;
	ck_assert(world_find(&W, &sel) == NULL);

	/* deliver s>c takes #2, though #1 is older. */
	OK(c_sel_dir(CMD_DELIVER, DIR_S2C));
	ck_assert_int_eq(STATE(HOST_CLIENT), TCP_SYN_RECEIVED);
	ck_assert_int_eq(STATE(HOST_SERVER), TCP_SYN_SENT);
	/* drop with no selector loses the oldest, #1. */
	W.ntrace = 0;
	OK(c_sel_id(CMD_DROP, 0));
	ck_assert_uint_eq(count_ev(SIM_EV_LOST), 1);
	ck_assert_uint_eq(W.trace[0].flight.id, 1);
	ck_assert_int_eq(STATE(HOST_SERVER), TCP_SYN_SENT);
	ck_assert_int_eq(W.wire[0].id, 3);
	/* Selectors that match nothing are impossible, not crashes. */
	ck_assert_int_eq(w_try(c_sel_id(CMD_DELIVER, 1)), SIM_IMPOSSIBLE);
	ck_assert_int_eq(w_try(c_sel_id(CMD_DUP, 99)), SIM_IMPOSSIBLE);
	OK(c_sel_dir(CMD_DELIVER, DIR_C2S));
	OK(c_kind(CMD_SETTLE));
	ck_assert_int_eq(w_try(c_sel_dir(CMD_DROP, DIR_S2C)), SIM_IMPOSSIBLE);
	ck_assert_int_eq(w_try(c_sel_id(CMD_DELIVER, 0)), SIM_IMPOSSIBLE);
}
END_TEST

START_TEST(test_wire_dup_copies_contents)
{
	OK(c_host(CMD_LISTEN, HOST_SERVER));
	OK(c_host(CMD_CONNECT, HOST_CLIENT));
	OK(c_sel_id(CMD_DUP, 1));
	ck_assert_uint_eq(W.nwire, 2);
	ck_assert_uint_eq(W.wire[1].id, 2);
	ck_assert_int_eq(W.wire[1].origin, ORIGIN_DUP);
	ck_assert_uint_eq(W.wire[1].dup_of, 1);
	ck_assert_uint_eq(W.wire[1].seg.seq, W.wire[0].seg.seq);
	ck_assert_uint_eq(W.wire[1].seg.flags, W.wire[0].seg.flags);
	ck_assert_uint_eq(count_ev(SIM_EV_DUP), 1);
	/* Both arrive: the second SYN meets SYN_RECEIVED. */
	OK(c_sel_id(CMD_DELIVER, 2));
	OK(c_sel_id(CMD_DELIVER, 1));
	ck_assert_int_eq(STATE(HOST_SERVER), TCP_SYN_RECEIVED);
}
END_TEST

START_TEST(test_wire_msl_expiry_during_wait)
{
	size_t i;

	OK(c_set(SET_MSL, true, 0, 10000));
	OK(c_inject(DIR_C2S, TCP_ACK, 1, 1, 0));
	OK(c_wait(9999));
	ck_assert_uint_eq(W.nwire, 1);
	OK(c_wait(2));
	ck_assert_uint_eq(W.nwire, 0);
	ck_assert_uint_eq(W.now, 10001);
	ck_assert_uint_eq(count_ev(SIM_EV_EXPIRED), 1);
	for (i = 0; i < W.ntrace; i++)
		if (W.trace[i].kind == SIM_EV_EXPIRED)
			ck_assert(W.trace[i].time >= 10000 &&
			    W.trace[i].time <= 10001);
	/* Nothing reached the server: it stays quiet, no RST in flight. */
	ck_assert_uint_eq(W.nsegs_processed, 0);
}
END_TEST

START_TEST(test_wire_timers_fire_in_time_order)
{
	static const uint64_t want[] = { 1000, 1300, 3000, 3300, 7000, 7300 };
	uint64_t last = 0;
	size_t i, n = 0;

	OK(c_host(CMD_CONNECT, HOST_CLIENT));
	OK(c_wait(300));
	OK(c_host(CMD_CONNECT, HOST_SERVER));
	W.ntrace = 0;
	OK(c_wait(8000));
	for (i = 0; i < W.ntrace; i++) {
		const struct sim_ev *ev = &W.trace[i];

		ck_assert_msg(ev->time >= last, "trace goes back in time");
		last = ev->time;
		if (ev->kind != SIM_EV_TCP || ev->tcp.kind != TCP_EV_TIMER_FIRE)
			continue;
		ck_assert_uint_lt(n, 6);
		ck_assert_uint_eq(ev->time, want[n]);
		ck_assert_int_eq(ev->host, n % 2 == 0 ? HOST_CLIENT :
		    HOST_SERVER);
		n++;
	}
	ck_assert_uint_eq(n, 6);
	ck_assert_uint_eq(W.now, 8300);
}
END_TEST

START_TEST(test_wire_wait_timer)
{
	OK(c_host(CMD_CONNECT, HOST_CLIENT));
	OK(c_kind(CMD_WAIT_TIMER));
	ck_assert_uint_eq(W.now, 1000);
	ck_assert_uint_eq(W.nwire, 2);
	ck_assert_int_eq(W.wire[1].origin, ORIGIN_REXMIT);
	OK(c_kind(CMD_WAIT_TIMER));
	ck_assert_uint_eq(W.now, 3000);
	OK(c_host(CMD_ABORT, HOST_CLIENT));
	ck_assert_int_eq(w_try(c_kind(CMD_WAIT_TIMER)), SIM_IMPOSSIBLE);
	ck_assert_uint_eq(W.now, 3000);
}
END_TEST

START_TEST(test_wire_wait_timer_expires_on_the_way)
{
	OK(c_set(SET_MSL, true, 0, 500));
	OK(c_host(CMD_CONNECT, HOST_CLIENT));
	OK(c_kind(CMD_WAIT_TIMER));
	ck_assert_uint_eq(W.now, 1000);
	ck_assert_uint_eq(count_ev(SIM_EV_EXPIRED), 1);
	ck_assert_uint_eq(W.nwire, 1);
	ck_assert_int_eq(W.wire[0].origin, ORIGIN_REXMIT);
}
END_TEST

START_TEST(test_wire_settle)
{
	uint64_t before;

	w_established();
	OK(c_kind(CMD_SETTLE));			/* nothing in flight: fine */
	ck_assert_uint_eq(W.nwire, 0);
	OK(c_send(HOST_CLIENT, 10));
	OK(c_send(HOST_SERVER, 20));
	before = W.nsegs_processed;
	OK(c_kind(CMD_SETTLE));
	ck_assert_uint_eq(W.nwire, 0);
	ck_assert_uint_le(W.nsegs_processed - before, 10000);
	ck_assert_uint_eq(W.host[HOST_CLIENT].tcb.rcv_nxt,
	    W.host[HOST_SERVER].tcb.snd_nxt);
	ck_assert_uint_eq(W.host[HOST_SERVER].tcb.rcv_nxt,
	    W.host[HOST_CLIENT].tcb.snd_nxt);
}
END_TEST

/*
 * An ACK war: the client is ESTABLISHED, the server still in SYN_RECEIVED
 * with a RCV.NXT (5001) the client never sent, after an injected SYN.  The
 * server answers each client ACK as out of window; the client answers
 * each server ACK as acknowledging something not yet sent (RFC 9293
 * 3.10.7.4).  Without the bound, settle would never end.
 */
START_TEST(test_wire_settle_bound)
{
	struct cmd synack = c_inject(DIR_S2C, TCP_SYN | TCP_ACK, 300, 101, 0);
	enum sim_status st;
	uint64_t before;

	OK(c_isn(HOST_CLIENT, 100, 1100));
	OK(c_isn(HOST_SERVER, 300, 1300));
	OK(c_host(CMD_LISTEN, HOST_SERVER));
	OK(c_host(CMD_CONNECT, HOST_CLIENT));
	OK(c_sel_id(CMD_DROP, 1));
	OK(c_inject(DIR_C2S, TCP_SYN, 5000, 0, 0));
	OK(c_sel_id(CMD_DELIVER, 2));
	OK(c_sel_id(CMD_DELIVER, 3));
	OK(c_sel_id(CMD_DROP, 4));
	OK(synack);
	OK(c_sel_id(CMD_DELIVER, 5));
	ck_assert_int_eq(STATE(HOST_CLIENT), TCP_ESTABLISHED);
	ck_assert_int_eq(STATE(HOST_SERVER), TCP_SYN_RECEIVED);
	before = W.nsegs_processed;
	st = w_try(c_kind(CMD_SETTLE));
	ck_assert_int_eq(st, SIM_STOPPED);
	ck_assert_uint_eq(W.nsegs_processed - before, 10000);
	ck_assert_uint_eq(W.nwire, 1);
	ck_assert_ptr_null(tcp_check(&W.host[HOST_CLIENT].tcb));
	ck_assert_ptr_null(tcp_check(&W.host[HOST_SERVER].tcb));
}
END_TEST

/* The runner and the UI show why settle stopped: the message says how
 * many deliveries ran and that segments are still in flight. */
START_TEST(test_wire_settle_bound_says_why)
{
	struct cmd c = c_kind(CMD_SETTLE);
	struct sim_result res;

	w_established();
	OK(c_inject(DIR_S2C, TCP_PSH | TCP_ACK, 301, 101, 10));
	memset(&res, 0, sizeof(res));
	ck_assert_int_eq(world_apply(&W, &c, &res), SIM_STOPPED);
	ck_assert_uint_gt(W.nwire, 0);
	ck_assert_msg(strstr(res.msg, "10000 deliveries") != NULL &&
	    strstr(res.msg, "still in flight") != NULL, "message: %s",
	    res.msg);
}
END_TEST

START_TEST(test_world_setup_after_first_event_rejected)
{
	struct cmd seed = c_kind(CMD_SEED), prof = c_kind(CMD_PROFILE);
	uint32_t msl;

	seed.num = 42;
	prof.profile = PROFILE_LINUX;
	OK(seed);
	OK(c_isn(HOST_CLIENT, 1, 2));
	OK(c_set(SET_MSL, true, 0, 1000));
	OK(c_set(SET_MSL, true, 0, 2000));
	/* Expectations are not events. */
	OK(c_expect_state(HOST_CLIENT, TCP_CLOSED));
	OK(c_host(CMD_LISTEN, HOST_SERVER));
	msl = W.cfg.msl_ms;
	ck_assert_uint_eq(msl, 2000);
	ck_assert_int_eq(w_try(seed), SIM_IMPOSSIBLE);
	ck_assert_int_eq(w_try(c_isn(HOST_CLIENT, 3, 4)), SIM_IMPOSSIBLE);
	ck_assert_int_eq(w_try(prof), SIM_IMPOSSIBLE);
	ck_assert_int_eq(w_try(c_set(SET_MSL, true, 0, 5)), SIM_IMPOSSIBLE);
	ck_assert_uint_eq(W.cfg.msl_ms, msl);
	ck_assert_int_eq(W.profile, PROFILE_RFC9293);
}
END_TEST

START_TEST(test_world_impossible_changes_nothing)
{
	struct sim_result res;
	struct cmd c = c_host(CMD_CLOSE, HOST_CLIENT);
	size_t ntrace = W.ntrace;

	memset(&res, 0, sizeof(res));
	ck_assert_int_eq(world_apply(&W, &c, &res), SIM_IMPOSSIBLE);
	ck_assert_int_eq(res.status, SIM_IMPOSSIBLE);
	ck_assert(res.msg[0] != '\0');
	ck_assert_uint_eq(W.ntrace, ntrace);
	w_established();
	ck_assert_int_eq(w_try(c_send(HOST_CLIENT, 0)), SIM_IMPOSSIBLE);
	ck_assert_int_eq(w_try(c_send(HOST_CLIENT, 65536)), SIM_IMPOSSIBLE);
	ck_assert_int_eq(w_try(c_host(CMD_CONNECT, HOST_CLIENT)),
	    SIM_IMPOSSIBLE);
	OK(c_host(CMD_CLOSE, HOST_CLIENT));
	ntrace = W.ntrace;
	ck_assert_int_eq(w_try(c_host(CMD_CLOSE, HOST_CLIENT)),
	    SIM_IMPOSSIBLE);
	ck_assert_uint_eq(W.ntrace, ntrace);
	ck_assert_int_eq(STATE(HOST_CLIENT), TCP_FIN_WAIT_1);
	/* world_can agrees and changes nothing either. */
	ck_assert_int_eq(world_can(&W, &c, &res), SIM_IMPOSSIBLE);
}
END_TEST

START_TEST(test_world_notices_since_last_expect)
{
	w_established();
	OK(c_expect_notice(HOST_CLIENT, TCP_N_CONNECTED));
	ck_assert_int_eq(w_try(c_expect_notice(HOST_CLIENT,
	    TCP_N_CONNECTED)), SIM_EXPECT_FAILED);
	OK(c_expect_notice(HOST_SERVER, TCP_N_CONNECTED));
	OK(c_host(CMD_CLOSE, HOST_CLIENT));
	OK(c_kind(CMD_SETTLE));
	OK(c_expect_notice(HOST_SERVER, TCP_N_EOF));
	OK(c_host(CMD_CLOSE, HOST_SERVER));
	OK(c_kind(CMD_SETTLE));
	ck_assert_int_eq(STATE(HOST_SERVER), TCP_CLOSED);
	ck_assert_int_eq(STATE(HOST_CLIENT), TCP_TIME_WAIT);
	ck_assert_int_eq(w_try(c_expect_notice(HOST_SERVER, TCP_N_EOF)),
	    SIM_EXPECT_FAILED);
}
END_TEST

/* world_expect only reads: asked twice it answers the same, and the
 * notice counters only grow; a lesson counts from its own mark. */
START_TEST(test_estab_expect_notice_changes_nothing)
{
	struct cmd c = c_expect_notice(HOST_CLIENT, TCP_N_CONNECTED);
	struct sim_notices zero, now;
	struct sim_result res;

	w_established();
	memset(&zero, 0, sizeof(zero));
	ck_assert_int_eq(world_expect(&W, &c, NULL, &res), SIM_OK);
	ck_assert_int_eq(world_expect(&W, &c, NULL, &res), SIM_OK);
	world_notices(&W, &now);
	ck_assert_uint_eq(now.n[HOST_CLIENT][TCP_N_CONNECTED], 1);
	OK(c);
	/* Applied, it moves the scenario's mark, not the counters. */
	ck_assert_int_eq(world_expect(&W, &c, NULL, &res), SIM_EXPECT_FAILED);
	ck_assert_uint_eq(W.host[HOST_CLIENT].notices[TCP_N_CONNECTED], 1);
	ck_assert_int_eq(world_expect(&W, &c, &zero, &res), SIM_OK);
	ck_assert_int_eq(world_expect(&W, &c, &now, &res), SIM_EXPECT_FAILED);
}
END_TEST

START_TEST(test_world_expect_failures_say_expected)
{
	struct sim_result res;
	struct cmd c = c_expect_state(HOST_CLIENT, TCP_ESTABLISHED);

	memset(&res, 0, sizeof(res));
	ck_assert_int_eq(world_apply(&W, &c, &res), SIM_EXPECT_FAILED);
	ck_assert_ptr_nonnull(strstr(res.msg, "expected"));
	ck_assert_ptr_nonnull(strstr(res.msg, "CLOSED"));
	OK(c_host(CMD_LISTEN, HOST_SERVER));
	OK(c_host(CMD_CONNECT, HOST_CLIENT));
	c = c_sel_dir(CMD_EXPECT_INFLIGHT, DIR_C2S);
	c.seg.flags = TCP_SYN | TCP_ACK;
	ck_assert_int_eq(w_try(c), SIM_EXPECT_FAILED);
	c.seg.flags = TCP_SYN;
	OK(c);
	c.sel.kind = SEL_ANY;
	OK(c);
	c.seg.has_len = true;
	c.seg.len = 1;
	ck_assert_int_eq(w_try(c), SIM_EXPECT_FAILED);
	ck_assert_int_eq(w_try(c_kind(CMD_EXPECT_INFLIGHT_NONE)),
	    SIM_EXPECT_FAILED);
	c = c_host(CMD_EXPECT_SENT, HOST_SERVER);
	c.seg.flags = TCP_SYN | TCP_ACK;
	ck_assert_int_eq(w_try(c), SIM_EXPECT_FAILED);
	OK(c_kind(CMD_SETTLE));
	OK(c);
	OK(c_kind(CMD_EXPECT_INFLIGHT_NONE));
}
END_TEST

/* expect time: the clock reads exactly the duration, in the scenario's
 * words; an MSL multiple counts the MSL in force. */
START_TEST(test_world_expect_time_reads_the_clock)
{
	struct sim_result res;
	struct cmd c = c_kind(CMD_EXPECT_TIME), wait = c_kind(CMD_WAIT);

	OK(c);
	c.dur.ms = 50;
	memset(&res, 0, sizeof(res));
	ck_assert_int_eq(world_apply(&W, &c, &res), SIM_EXPECT_FAILED);
	ck_assert_str_eq(res.msg, "expected time 50ms, got 0ms");
	wait.dur.ms = 50;
	OK(wait);
	OK(c);
	wait.dur.ms = 950;
	OK(wait);
	ck_assert_int_eq(world_apply(&W, &c, &res), SIM_EXPECT_FAILED);
	ck_assert_str_eq(res.msg, "expected time 50ms, got 1s");
	c.dur.ms = 0;
	c.dur.msl = 1;
	ck_assert_int_eq(w_try(c), SIM_EXPECT_FAILED);
	wait.dur.ms = world_dur_ms(&W, &c.dur) - 1000;
	OK(wait);
	OK(c);
}
END_TEST

START_TEST(test_world_isn_list_then_prng)
{
	struct world other;
	struct cmd seed = c_kind(CMD_SEED);
	struct sim_result res;
	uint32_t prng_isn;

	OK(c_isn(HOST_CLIENT, 5, 0xFFFFFFFFu));
	OK(c_host(CMD_CONNECT, HOST_CLIENT));
	ck_assert_uint_eq(W.wire[0].seg.seq, 5);
	OK(c_host(CMD_ABORT, HOST_CLIENT));
	OK(c_host(CMD_CONNECT, HOST_CLIENT));
	ck_assert_uint_eq(W.wire[1].seg.seq, 0xFFFFFFFFu);
	OK(c_host(CMD_ABORT, HOST_CLIENT));
	OK(c_host(CMD_CONNECT, HOST_CLIENT));
	prng_isn = W.wire[2].seg.seq;

	/* Same default seed, same PRNG ISN; another seed, another. */
	world_init(&other);
	seed.num = 1;
	ck_assert_int_eq(world_apply(&other, &seed, &res), SIM_OK);
	seed = c_host(CMD_CONNECT, HOST_CLIENT);
	ck_assert_int_eq(world_apply(&other, &seed, &res), SIM_OK);
	ck_assert_uint_eq(other.wire[0].seg.seq, prng_isn);
	world_free(&other);
	world_init(&other);
	seed = c_kind(CMD_SEED);
	seed.num = 2;
	ck_assert_int_eq(world_apply(&other, &seed, &res), SIM_OK);
	seed = c_host(CMD_CONNECT, HOST_CLIENT);
	ck_assert_int_eq(world_apply(&other, &seed, &res), SIM_OK);
	ck_assert_uint_ne(other.wire[0].seg.seq, prng_isn);
	world_free(&other);
}
END_TEST

START_TEST(test_world_crash_then_rst)
{
	w_established();
	OK(c_host(CMD_CRASH, HOST_CLIENT));
	ck_assert_int_eq(STATE(HOST_CLIENT), TCP_CLOSED);
	ck_assert_uint_eq(W.nwire, 0);
	OK(c_send(HOST_SERVER, 10));
	OK(c_kind(CMD_DELIVER));
	ck_assert_uint_eq(W.nwire, 1);
	ck_assert_uint_eq(W.wire[0].seg.flags, TCP_RST);
	ck_assert_uint_eq(W.wire[0].seg.seq, 101);
	OK(c_kind(CMD_DELIVER));
	ck_assert_int_eq(STATE(HOST_SERVER), TCP_CLOSED);
	OK(c_expect_notice(HOST_SERVER, TCP_N_RESET));
}
END_TEST

START_TEST(test_world_durations_in_msl)
{
	struct cmd_dur d = { .msl = 2 };
	struct cmd prof = c_kind(CMD_PROFILE);

	ck_assert_uint_eq(world_dur_ms(&W, &d), 240000);
	prof.profile = PROFILE_LINUX;
	OK(prof);
	ck_assert_uint_eq(world_dur_ms(&W, &d), 60000);
	w_established();
	OK(c_host(CMD_CLOSE, HOST_CLIENT));
	OK(c_kind(CMD_SETTLE));
	OK(c_host(CMD_CLOSE, HOST_SERVER));
	OK(c_kind(CMD_SETTLE));
	ck_assert_int_eq(STATE(HOST_CLIENT), TCP_TIME_WAIT);
	OK(c_wait(59999));
	ck_assert_int_eq(STATE(HOST_CLIENT), TCP_TIME_WAIT);
	OK(c_wait_msl(1));
	ck_assert_int_eq(STATE(HOST_CLIENT), TCP_CLOSED);
}
END_TEST

/* set rto, syn_retries, fin_wait_2_timeout and retries reach the core. */
START_TEST(test_world_settings)
{
	OK(c_set(SET_RTO, true, 0, 200));
	OK(c_set(SET_SYN_RETRIES, true, 1, 0));
	OK(c_set(SET_FIN_WAIT_2_TIMEOUT, true, 0, 5000));
	OK(c_set(SET_RETRIES, true, 0, 0));
	OK(c_host(CMD_CONNECT, HOST_CLIENT));
	OK(c_kind(CMD_WAIT_TIMER));
	ck_assert_uint_eq(W.now, 200);
	ck_assert_uint_eq(W.nwire, 2);
	OK(c_kind(CMD_WAIT_TIMER));
	ck_assert_uint_eq(W.now, 600);
	ck_assert_int_eq(STATE(HOST_CLIENT), TCP_CLOSED);
	OK(c_expect_notice(HOST_CLIENT, TCP_N_TIMEOUT));
	/* A FIN_WAIT_2 timeout even in the rfc9293 profile, after close. */
	OK(c_kind(CMD_SETTLE));
	OK(c_host(CMD_LISTEN, HOST_SERVER));
	OK(c_host(CMD_CONNECT, HOST_CLIENT));
	OK(c_kind(CMD_SETTLE));
	OK(c_host(CMD_CLOSE, HOST_CLIENT));
	OK(c_kind(CMD_SETTLE));
	ck_assert_int_eq(STATE(HOST_CLIENT), TCP_FIN_WAIT_2);
	OK(c_wait(4999));
	ck_assert_int_eq(STATE(HOST_CLIENT), TCP_FIN_WAIT_2);
	OK(c_wait(1));
	ck_assert_int_eq(STATE(HOST_CLIENT), TCP_CLOSED);
	/* retries 0: unacknowledged data gives up after one RTO. */
	OK(c_send(HOST_SERVER, 10));
	OK(c_sel_id(CMD_DROP, 0));
	OK(c_wait(200));
	ck_assert_int_eq(STATE(HOST_SERVER), TCP_CLOSED);
	OK(c_expect_notice(HOST_SERVER, TCP_N_TIMEOUT));
}
END_TEST

/* set syn_linear_timeouts: 0 gives the older kernels' doubling (give-up
 * at 127 s), and a later `profile` keeps the setting; over 100 is
 * refused. */
START_TEST(test_world_syn_linear_timeouts_setting)
{
	struct cmd prof = c_kind(CMD_PROFILE);

	prof.profile = PROFILE_LINUX;
	OK(prof);
	ck_assert_uint_eq(W.cfg.syn_linear, 4);
	OK(c_set(SET_SYN_LINEAR, true, 0, 0));
	OK(prof);
	ck_assert_uint_eq(W.cfg.syn_linear, 0);
	ck_assert_int_eq(w_try(c_set(SET_SYN_LINEAR, true, 101, 0)),
	    SIM_IMPOSSIBLE);
	OK(c_host(CMD_CONNECT, HOST_CLIENT));
	OK(c_kind(CMD_WAIT_TIMER));
	ck_assert_uint_eq(W.now, 1000);
	OK(c_kind(CMD_WAIT_TIMER));
	ck_assert_uint_eq(W.now, 3000);
	OK(c_wait(124000));
	ck_assert_int_eq(STATE(HOST_CLIENT), TCP_CLOSED);
	ck_assert_uint_eq(W.now, 127000);
}
END_TEST

START_TEST(test_world_same_commands_same_trace)
{
	struct world a, b;
	struct cmd cmds[] = {
		c_host(CMD_LISTEN, HOST_SERVER),
		c_host(CMD_CONNECT, HOST_CLIENT),
		c_sel_id(CMD_DUP, 1), c_kind(CMD_SETTLE),
		c_send(HOST_CLIENT, 100), c_sel_id(CMD_DROP, 0),
		c_wait(5000), c_host(CMD_CLOSE, HOST_CLIENT),
		c_kind(CMD_SETTLE), c_wait_msl(3)
	};
	struct sim_result res;
	size_t i;

	world_init(&a);
	world_init(&b);
	a.keep_trace = b.keep_trace = true;
	for (i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++) {
		ck_assert_int_eq(world_apply(&a, &cmds[i], &res),
		    world_apply(&b, &cmds[i], &res));
	}
	ck_assert_uint_eq(a.ntrace, b.ntrace);
	ck_assert_uint_gt(a.ntrace, 10);
	for (i = 0; i < a.ntrace; i++) {
		ck_assert_int_eq(a.trace[i].kind, b.trace[i].kind);
		ck_assert_uint_eq(a.trace[i].time, b.trace[i].time);
		ck_assert_int_eq(a.trace[i].host, b.trace[i].host);
		ck_assert_uint_eq(a.trace[i].flight.id, b.trace[i].flight.id);
		ck_assert_uint_eq(a.trace[i].flight.seg.seq,
		    b.trace[i].flight.seg.seq);
		ck_assert_int_eq(a.trace[i].tcp.kind, b.trace[i].tcp.kind);
		ck_assert_int_eq(a.trace[i].tcp.why, b.trace[i].tcp.why);
	}
	world_free(&a);
	world_free(&b);
}
END_TEST

START_TEST(test_world_trace_clear_and_counting)
{
	uint64_t n;

	w_established();
	n = W.nevents;
	ck_assert_uint_ge(n, W.ntrace);
	world_trace_clear(&W);
	ck_assert_uint_eq(W.ntrace, 0);
	W.keep_trace = false;
	OK(c_send(HOST_CLIENT, 1));
	ck_assert_uint_eq(W.ntrace, 0);
	ck_assert_uint_gt(W.nevents, n);
}
END_TEST

/* world_can explains why read is impossible: auto mode, nothing waiting. */
START_TEST(test_world_read_explains_why_impossible)
{
	struct cmd rd = c_host(CMD_READ, HOST_SERVER);
	struct sim_result res;

	w_established();
	memset(&res, 0, sizeof(res));
	ck_assert_int_eq(world_can(&W, &rd, &res), SIM_IMPOSSIBLE);
	ck_assert_msg(strstr(res.msg, "set app_read manual") != NULL,
	    "message: %s", res.msg);
	W.cfg.app_read_manual = true;
	memset(&res, 0, sizeof(res));
	ck_assert_int_eq(world_can(&W, &rd, &res), SIM_IMPOSSIBLE);
	ck_assert_msg(strstr(res.msg, "no data waits to be read") != NULL,
	    "message: %s", res.msg);
	OK(c_send(HOST_CLIENT, 10));
	OK(c_kind(CMD_SETTLE));
	ck_assert_int_eq(world_can(&W, &rd, &res), SIM_OK);
	OK(rd);
	ck_assert_uint_eq(W.host[HOST_SERVER].tcb.rcv_unread, 0);
}
END_TEST

/* A later profile keeps an earlier set app_read. */
START_TEST(test_world_app_read_survives_profile)
{
	struct cmd set = c_kind(CMD_SET), prof = c_kind(CMD_PROFILE);

	set.key = SET_APP_READ;
	set.on = false;
	OK(set);
	prof.profile = PROFILE_LINUX;
	OK(prof);
	ck_assert(W.cfg.app_read_manual);
	ck_assert(W.cfg.linux_input);
}
END_TEST

/* Tab and S-Tab go round the segments in flight in the order they were
 * sent, from the oldest when none is chosen; digits typed make #12 while
 * some segment's number starts with them, else start again. */
START_TEST(test_wire_step_round_and_typed_ids)
{
	bool more;

	ck_assert_ptr_null(world_wire_step(&W, 0, 1));
	OK(c_host(CMD_LISTEN, HOST_SERVER));
	OK(c_host(CMD_CONNECT, HOST_CLIENT));
	for (int i = 0; i < 11; i++)
		OK(c_sel_id(CMD_DUP, 1));
	ck_assert_uint_eq(W.nwire, 12);
	ck_assert_uint_eq(world_wire_step(&W, 0, 1)->id, 2);
	ck_assert_uint_eq(world_wire_step(&W, 99, -1)->id, 12);
	ck_assert_uint_eq(world_wire_step(&W, 12, 1)->id, 1);
	ck_assert_uint_eq(world_wire_step(&W, 1, -1)->id, 12);
	ck_assert_uint_eq(world_wire_step(&W, 5, -1)->id, 4);
	ck_assert_uint_eq(world_wire_typed(&W, 0, 1, &more), 1);
	ck_assert(more);
	ck_assert_uint_eq(world_wire_typed(&W, 1, 2, &more), 12);
	ck_assert(more);
	ck_assert_uint_eq(world_wire_typed(&W, 12, 3, &more), 3);
	ck_assert(more);
	ck_assert_uint_eq(world_wire_typed(&W, 1, 5, &more), 5);
	ck_assert_uint_eq(world_wire_typed(&W, 0, 0, &more), 0);
	ck_assert(!more);
	ck_assert_uint_eq(world_wire_typed(&W, UINT32_MAX / 10, 1, &more),
	    1);
}
END_TEST

static Suite *
sim_suite(void)
{
	Suite *s = suite_create("sim");
	TCase *tc;

	tc = tcase_create("wire");
	tcase_add_checked_fixture(tc, w_setup, w_teardown);
	tcase_add_test(tc, test_wire_ids_never_reused);
	tcase_add_test(tc, test_wire_selectors);
	tcase_add_test(tc, test_wire_dup_copies_contents);
	tcase_add_test(tc, test_wire_msl_expiry_during_wait);
	tcase_add_test(tc, test_wire_timers_fire_in_time_order);
	tcase_add_test(tc, test_wire_wait_timer);
	tcase_add_test(tc, test_wire_wait_timer_expires_on_the_way);
	tcase_add_test(tc, test_wire_settle);
	tcase_add_test(tc, test_wire_settle_bound);
	tcase_add_test(tc, test_wire_settle_bound_says_why);
	tcase_add_test(tc, test_wire_step_round_and_typed_ids);
	suite_add_tcase(s, tc);

	tc = tcase_create("world");
	tcase_add_checked_fixture(tc, w_setup, w_teardown);
	tcase_add_test(tc, test_world_setup_after_first_event_rejected);
	tcase_add_test(tc, test_world_impossible_changes_nothing);
	tcase_add_test(tc, test_world_notices_since_last_expect);
	tcase_add_test(tc, test_estab_expect_notice_changes_nothing);
	tcase_add_test(tc, test_world_expect_failures_say_expected);
	tcase_add_test(tc, test_world_expect_time_reads_the_clock);
	tcase_add_test(tc, test_world_isn_list_then_prng);
	tcase_add_test(tc, test_world_crash_then_rst);
	tcase_add_test(tc, test_world_durations_in_msl);
	tcase_add_test(tc, test_world_settings);
	tcase_add_test(tc, test_world_read_explains_why_impossible);
	tcase_add_test(tc, test_world_app_read_survives_profile);
	tcase_add_test(tc, test_world_syn_linear_timeouts_setting);
	tcase_add_test(tc, test_world_same_commands_same_trace);
	tcase_add_test(tc, test_world_trace_clear_and_counting);
	suite_add_tcase(s, tc);
	suite_add_tcase(s, ladder_tcase());
	suite_add_tcase(s, ladder_text_tcase());
	lib_add_tcases(s);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(sim_suite());
	int nfailed;

	srunner_run_all(sr, CK_ENV);
	nfailed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return nfailed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
