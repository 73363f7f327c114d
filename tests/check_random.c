/*
 * A seeded random walk through the world: many short sequences of random
 * commands (listen, connect, send, close, shutdown, abort, crash, deliver,
 * drop, dup, inject, wait, wait timer, settle) with random hosts, sizes,
 * selectors and crafted segments, after random setup.  Impossible events
 * are expected; they must be reported, never crash.
 *
 * After every command these invariants must hold:
 *
 *  1. world_apply returns SIM_OK or SIM_IMPOSSIBLE for an event, and the
 *     same status world_can predicted; an impossible event changes neither
 *     host's state, the clock, the wire nor the next segment id.
 *  2. tcp_check() returns NULL for both hosts.
 *  3. Both states are within CLOSED..TIME_WAIT.
 *  4. SND.UNA =< SND.NXT (modulo 2^32, seq_leq) on both hosts.
 *  5. In SYN_RECEIVED and every later state, the IRS is known.
 *  6. The clock never goes back, and the wire holds segments in send order
 *     (ids strictly increasing), every id below next_id.
 *  7. When nothing is in flight, no timer is armed on either host and both
 *     are ESTABLISHED, each host's RCV.NXT equals the other's SND.NXT and
 *     SND.UNA == SND.NXT on both -- unless the sequence injected crafted
 *     segments or replayed ISNs, which may legitimately desynchronize.
 *
 *  8. Every segment a host's TCP sends is well formed: a RST carries no
 *     SYN, FIN or data; SYN and FIN never go together; data goes as
 *     PSH+ACK; and everything but a RST or the first SYN carries ACK.
 *  9. Every state change has an edge with the same FROM and TO in
 *     tcp_edges[], except those of a crash and of the what-if switches.
 *
 * And per sequence (10): replaying its commands on a fresh world gives the
 * same states, sequence variables, clock and segment count.
 *
 * TCPTEACH_RANDOM_SCALE multiplies the number of sequences (default 1:
 * 150,000 sequences); TCPTEACH_RANDOM_SEED changes the seed.  A failing
 * sequence is printed to standard error as a scenario, up to the command
 * that broke an invariant, so `tcpteach script` can replay it.
 */
#include <check.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/rand.h"
#include "core/edges.h"
#include "core/seq.h"
#include "script/parse.h"
#include "check_sim_util.h"

#define RND_SLICES 10
#define RND_PER_SLICE 15000
#define RND_MAXSETUP 14
#define RND_MAXEVENTS 20

struct rnd {
	uint64_t s;
};

static uint64_t
rnd_next(struct rnd *r)
{
	return splitmix64(&r->s);
}

static uint32_t
rnd_below(struct rnd *r, uint32_t n)
{
	return (uint32_t)(rnd_next(r) % n);
}

static bool
rnd_chance(struct rnd *r, unsigned percent)
{
	return rnd_below(r, 100) < percent;
}

static uint64_t
env_u64(const char *name, uint64_t def)
{
	const char *v = getenv(name);

	return v != NULL && *v != '\0' ? strtoull(v, NULL, 0) : def;
}

/* What one slice of the walk did, to show it went somewhere. */
static struct {
	uint64_t ncmds, nok, nimpossible, nsynced;
	uint64_t seen[TCP_NSTATES];
} rnd_stats;

/* A sequence: its commands, and whether invariant 7 applies to it. */
struct rnd_seq {
	struct cmd c[RND_MAXSETUP + RND_MAXEVENTS];
	size_t n;
	bool desync_ok;
};

static void
rnd_setup(struct rnd *r, struct rnd_seq *q)
{
	static const uint32_t wrap[] = {
		0xFFFFFFFFu, 0xFFFFFFF0u, 0xFFFFFFFEu, 0x7FFFFFFFu, 0
	};
	struct cmd c;
	int h;

	if (rnd_chance(r, 50)) {
		c = c_kind(CMD_SEED);
		c.num = rnd_next(r);
		q->c[q->n++] = c;
	}
	for (h = 0; h < 2; h++) {
		if (!rnd_chance(r, 40))
			continue;
		c = c_host(CMD_ISN, (enum sim_host_id)h);
		c.nisn = rnd_chance(r, 70) ? 1 : 3;
		c.isn[0] = wrap[rnd_below(r, 5)];
		c.isn[1] = c.isn[0] + rnd_below(r, 3);
		c.isn[2] = c.isn[0] - 1;
		if (c.nisn > 1)
			q->desync_ok = true;
		q->c[q->n++] = c;
	}
	if (rnd_chance(r, 30)) {
		c = c_kind(CMD_PROFILE);
		c.profile = PROFILE_LINUX;
		q->c[q->n++] = c;
	}
	if (rnd_chance(r, 30))
		q->c[q->n++] = c_set(SET_MSL, true, 0,
		    500 + rnd_below(r, 5000));
	if (rnd_chance(r, 30))
		q->c[q->n++] = c_set(SET_DELAYED_ACK, true, 0, 0);
	if (rnd_chance(r, 10))
		q->c[q->n++] = c_set(SET_TIME_WAIT, false, 0, 0);
	if (rnd_chance(r, 10))
		q->c[q->n++] = c_set(SET_HANDSHAKE, false, 0, 0);
	if (rnd_chance(r, 20))
		q->c[q->n++] = c_set(SET_SYN_RETRIES, true, rnd_below(r, 4), 0);
	if (rnd_chance(r, 20))
		q->c[q->n++] = c_set(SET_RETRIES, true, rnd_below(r, 4), 0);
	if (rnd_chance(r, 25))
		q->c[q->n++] = c_set(SET_APP_READ, false, 0, 0);
}

/* A sequence number near something the destination cares about. */
static uint32_t
rnd_seq_near(struct rnd *r, uint32_t base)
{
	switch (rnd_below(r, 4)) {
	case 0:
		return base;
	case 1:
		return base + rnd_below(r, 4) - 2;
	case 2:
		return base + rnd_below(r, 70000);
	default:
		return (uint32_t)rnd_next(r);
	}
}

static struct cmd
rnd_inject(struct rnd *r, const struct world *w)
{
	static const uint8_t flags[] = {
		TCP_SYN, TCP_SYN | TCP_ACK, TCP_ACK, TCP_RST,
		TCP_RST | TCP_ACK, TCP_FIN | TCP_ACK, TCP_PSH | TCP_ACK, TCP_FIN
	};
	enum sim_dir d = (enum sim_dir)rnd_below(r, 2);
	const struct tcp_tcb *to = &w->host[1 - d].tcb;
	uint8_t fl = rnd_chance(r, 90) ? flags[rnd_below(r, 8)] :
	    (uint8_t)rnd_below(r, 64);

	return c_inject(d, fl, rnd_seq_near(r, to->rcv_nxt),
	    rnd_seq_near(r, to->snd_nxt),
	    (uint16_t)(fl & (TCP_SYN | TCP_RST) ? 0 : rnd_below(r, 12)));
}

static struct cmd
rnd_sel(struct rnd *r, enum cmd_kind k, const struct world *w)
{
	switch (rnd_below(r, 3)) {
	case 0:
		return c_sel_id(k, 0);
	case 1:
		return c_sel_dir(k, (enum sim_dir)rnd_below(r, 2));
	default:
		return c_sel_id(k, 1 + rnd_below(r, w->next_id + 1));
	}
}

static struct cmd
rnd_event(struct rnd *r, const struct world *w, struct rnd_seq *q)
{
	static const uint64_t waits[] = {
		1, 100, 200, 1000, 3000, 30000, 60000, 240000
	};
	enum sim_host_id h = (enum sim_host_id)rnd_below(r, 2);
	uint32_t x = rnd_below(r, 100);

	/* Segments in flight usually arrive. */
	if (w->nwire > 0 && rnd_chance(r, 35))
		return rnd_chance(r, 70) ? c_sel_id(CMD_DELIVER, 0) :
		    c_sel_dir(CMD_DELIVER, (enum sim_dir)rnd_below(r, 2));

	if (x < 6)
		return c_host(CMD_LISTEN, h);
	if (x < 14)
		return c_host(CMD_CONNECT, h);
	if (x < 21)
		return c_send(h, rnd_chance(r, 3) ? rnd_below(r, 70000) :
		    1 + rnd_below(r, 3000));
	if (x < 28)
		return c_host(CMD_CLOSE, h);
	if (x < 32)
		return c_host(CMD_SHUTDOWN, h);
	if (x < 35)
		return c_host(CMD_ABORT, h);
	if (x < 37)
		return c_host(CMD_CRASH, h);
	if (x < 55)
		return rnd_sel(r, CMD_DELIVER, w);
	if (x < 60)
		return rnd_sel(r, CMD_DROP, w);
	if (x < 64)
		return rnd_sel(r, CMD_DUP, w);
	if (x < 69) {
		q->desync_ok = true;
		return rnd_inject(r, w);
	}
	if (x < 78)
		return rnd_chance(r, 15) ? c_wait_msl(1 + rnd_below(r, 2)) :
		    c_wait(waits[rnd_below(r, 8)]);
	if (x < 85)
		return c_kind(CMD_WAIT_TIMER);
	if (x < 92)
		return c_kind(CMD_SETTLE);
	if (x < 96) {
		struct cmd c = c_host(CMD_READ, h);

		c.num = rnd_chance(r, 50) ? 0 : 1 + rnd_below(r, 5000);
		return c;
	}
	return c_sel_id(CMD_DELIVER, 0);
}

/* The failing sequence as a scenario file, ready for `tcpteach script`. */
static void
rnd_dump(const struct rnd_seq *q)
{
	char line[256];
	size_t i;

	for (i = 0; i < q->n; i++)
		fprintf(stderr, "%s\n", script_format(&q->c[i], line,
		    sizeof(line)));
}

static bool
rnd_timers_idle(const struct world *w)
{
	enum sim_host_id h;
	enum tcp_timer t;
	uint64_t due;

	return !world_next_timer(w, &h, &t, &due);
}

/* Invariants 2 to 7; NULL or what broke. */
static const char *
rnd_invariants(const struct world *w, uint64_t then, bool desync_ok)
{
	const struct tcp_tcb *a = &w->host[0].tcb, *b = &w->host[1].tcb;
	size_t i;
	int h;

	for (h = 0; h < 2; h++) {
		const struct tcp_tcb *t = &w->host[h].tcb;
		const char *broken = tcp_check(t);

		if (broken != NULL)
			return broken;
		if ((unsigned)t->state > TCP_TIME_WAIT)
			return "state out of range";
		if (!seq_leq(t->snd_una, t->snd_nxt))
			return "SND.UNA > SND.NXT";
		if (t->state >= TCP_SYN_RECEIVED && !t->irs_valid)
			return "synchronized without an IRS";
	}
	if (w->now < then)
		return "the clock went back";
	for (i = 0; i < w->nwire; i++) {
		if (w->wire[i].id >= w->next_id)
			return "a segment id at or beyond next_id";
		if (i > 0 && w->wire[i].id <= w->wire[i - 1].id)
			return "the wire is not in send order";
	}
	if (desync_ok || w->nwire > 0 || !rnd_timers_idle(w) ||
	    a->state != TCP_ESTABLISHED || b->state != TCP_ESTABLISHED)
		return NULL;
	rnd_stats.nsynced++;
	if (a->rcv_nxt != b->snd_nxt || b->rcv_nxt != a->snd_nxt)
		return "idle ESTABLISHED pair: RCV.NXT != peer's SND.NXT";
	if (a->snd_una != a->snd_nxt || b->snd_una != b->snd_nxt)
		return "idle ESTABLISHED pair: SND.UNA != SND.NXT";
	return NULL;
}

static bool
rnd_in_table(enum tcp_state from, enum tcp_state to)
{
	size_t k;

	for (k = 0; k < tcp_nedges; k++)
		if (tcp_edges[k].from == from && tcp_edges[k].to == to)
			return true;
	return false;
}

/* Invariants 8 and 9 over the trace since it was last cleared. */
static const char *
rnd_trace(const struct world *w)
{
	size_t i;

	for (i = 0; i < w->ntrace; i++) {
		const struct sim_ev *ev = &w->trace[i];
		uint8_t f = ev->flight.seg.flags;

		if (ev->kind == SIM_EV_TCP && ev->tcp.kind == TCP_EV_STATE &&
		    ev->tcp.why != TCP_W_CRASH &&
		    ev->tcp.why != TCP_W_HANDSHAKE_TWO &&
		    ev->tcp.why != TCP_W_TIME_WAIT_OFF &&
		    !rnd_in_table(ev->tcp.from, ev->tcp.to))
			return "a state change with no edge in tcp_edges[]";
		if (ev->kind != SIM_EV_TCP || ev->tcp.kind != TCP_EV_SEND)
			continue;
		if ((f & TCP_RST) && (f & (TCP_SYN | TCP_FIN | TCP_PSH) ||
		    ev->flight.seg.len > 0))
			return "a RST with SYN, FIN or data";
		if ((f & TCP_SYN) && (f & TCP_FIN))
			return "SYN and FIN in one segment";
		if (ev->flight.seg.len > 0 && (f & (TCP_PSH | TCP_ACK)) !=
		    (TCP_PSH | TCP_ACK))
			return "data without PSH+ACK";
		if ((f & (TCP_RST | TCP_ACK)) == 0 && f != TCP_SYN)
			return "a segment without ACK";
	}
	return NULL;
}

/* Invariant 1 for one command; NULL or what broke. */
static const char *
rnd_apply(struct world *w, const struct cmd *c)
{
	struct sim_result res;
	enum sim_status can, st;
	enum tcp_state s0 = w->host[0].tcb.state, s1 = w->host[1].tcb.state;
	uint64_t now = w->now;
	uint32_t next_id = w->next_id;
	size_t nwire = w->nwire;

	can = world_can(w, c, &res);
	st = world_apply(w, c, &res);
	rnd_stats.ncmds++;
	rnd_stats.nok += st == SIM_OK;
	rnd_stats.nimpossible += st == SIM_IMPOSSIBLE;
	if ((unsigned)w->host[0].tcb.state < TCP_NSTATES &&
	    (unsigned)w->host[1].tcb.state < TCP_NSTATES) {
		rnd_stats.seen[w->host[0].tcb.state]++;
		rnd_stats.seen[w->host[1].tcb.state]++;
	}
	/* Settle may run into its bound: possible, done, but unfinished. */
	if (st != can && !(st == SIM_STOPPED && can == SIM_OK &&
	    c->kind == CMD_SETTLE && res.msg[0] != '\0'))
		return "world_can disagrees with world_apply";
	if (st == SIM_EXPECT_FAILED)
		return "an event reported a failed expect";
	if (st == SIM_IMPOSSIBLE && (res.msg[0] == '\0' ||
	    w->host[0].tcb.state != s0 || w->host[1].tcb.state != s1 ||
	    w->now != now || w->next_id != next_id || w->nwire != nwire))
		return "an impossible event changed the world or said nothing";
	return NULL;
}

static void
rnd_fail(const struct rnd_seq *q, uint64_t seed, size_t at, const char *why)
{
	fprintf(stderr, "# random sequence seed %#" PRIx64 ", after command "
	    "%zu: %s\n", seed, at + 1, why);
	rnd_dump(q);
	ck_abort_msg("random sequence seed %#" PRIx64 ": %s", seed, why);
}

static void
rnd_one(uint64_t seed)
{
	struct rnd r = { seed };
	struct rnd_seq q;
	struct world w, again;
	const char *why;
	size_t i, ntotal;
	enum sim_host_id h;
	uint32_t pick;
	uint64_t then;

	memset(&q, 0, sizeof(q));
	rnd_setup(&r, &q);
	/* Most sequences open a connection first, some simultaneously. */
	pick = rnd_below(&r, 100);
	h = (enum sim_host_id)rnd_below(&r, 2);
	if (pick < 70)
		q.c[q.n++] = c_host(pick < 60 ? CMD_LISTEN : CMD_CONNECT, h);
	if (pick < 70)
		q.c[q.n++] = c_host(CMD_CONNECT, (enum sim_host_id)(1 - h));
	ntotal = q.n + 6 + rnd_below(&r, RND_MAXEVENTS - 6 + 1);
	world_init(&w);
	w.keep_trace = true;
	for (i = 0; i < ntotal; i++) {
		if (i >= q.n)
			q.c[q.n++] = rnd_event(&r, &w, &q);
		then = w.now;
		world_trace_clear(&w);
		if ((why = rnd_apply(&w, &q.c[i])) == NULL)
			why = rnd_invariants(&w, then, q.desync_ok);
		if (why == NULL)
			why = rnd_trace(&w);
		if (why != NULL)
			rnd_fail(&q, seed, i, why);
	}
	world_init(&again);
	again.keep_trace = false;
	for (i = 0; i < q.n; i++) {
		struct sim_result res;

		(void)world_apply(&again, &q.c[i], &res);
	}
	for (i = 0; i < 2; i++) {
		const struct tcp_tcb *x = &w.host[i].tcb;
		const struct tcp_tcb *y = &again.host[i].tcb;

		if (x->state != y->state || x->snd_nxt != y->snd_nxt ||
		    x->rcv_nxt != y->rcv_nxt || x->snd_una != y->snd_una)
			rnd_fail(&q, seed, q.n, "replay differs");
	}
	if (w.now != again.now || w.next_id != again.next_id ||
	    w.nevents != again.nevents)
		rnd_fail(&q, seed, q.n, "replay differs (clock or wire)");
	world_free(&w);
	world_free(&again);
}

START_TEST(test_random_sequences)
{
	uint64_t base = env_u64("TCPTEACH_RANDOM_SEED", 0x7c97eac4ULL);
	uint64_t scale = env_u64("TCPTEACH_RANDOM_SCALE", 1);
	uint64_t k, n = RND_PER_SLICE * scale;

	int st;

	memset(&rnd_stats, 0, sizeof(rnd_stats));
	for (k = 0; k < n; k++)
		rnd_one(base ^ ((uint64_t)_i << 40) ^ (k * 0x100000001b3ULL));
	printf("slice %d: %" PRIu64 " sequences, %" PRIu64 " commands "
	    "(%" PRIu64 " ok, %" PRIu64 " impossible), %" PRIu64
	    " idle ESTABLISHED pairs checked\n", _i, n, rnd_stats.ncmds,
	    rnd_stats.nok, rnd_stats.nimpossible, rnd_stats.nsynced);
	/* The walk is only worth something if it reaches every state. */
	for (st = 0; st < TCP_NSTATES; st++)
		ck_assert_msg(rnd_stats.seen[st] > 0, "the walk never "
		    "reached state %d", st);
	ck_assert_uint_gt(rnd_stats.nsynced, 0);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("random");
	TCase *tc = tcase_create("world");
	SRunner *sr;
	int nfailed;

	tcase_set_timeout(tc, 600);
	tcase_add_loop_test(tc, test_random_sequences, 0, RND_SLICES);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_ENV);
	nfailed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return nfailed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
