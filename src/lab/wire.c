/*
 * The lab's wire.  A packet a kernel writes to its TUN becomes a segment
 * in flight with the next id; `deliver` writes its bytes, unchanged, to
 * the other host's TUN, `drop` forgets it, `dup` puts a copy in flight,
 * `inject` a crafted one.  After each command the wire listens until the
 * kernels fall silent for quiet_ms (their answers to a segment come within
 * a millisecond or two; the margin is for a loaded machine), blocking in
 * poll() on both TUNs, never spinning.  `wait` listens for real time;
 * `wait timer` until the kernel's next timer (as inet_diag reports it)
 * has sent a segment or changed a state.  In-flight segments never
 * expire here: the lab's wire keeps them as long as the learner likes.
 */
#include <config.h>

#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/seq.h"
#include "lab/lab_int.h"
#include "lib/i18n.h"
#include "lib/mono.h"
#include "lib/pcapw.h"
#include "lib/xalloc.h"

#define WIRE_TIMER_SLACK 1500	/* ms past a timer's due time, at most */

uint64_t
lab_now(const struct lab *l)
{
	return mono_ms() - l->t0;
}

static uint64_t
wire_wall_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (uint64_t)ts.tv_sec * 1000000 + (uint64_t)ts.tv_nsec / 1000;
}

/* The numbers a state box shows, as far as the wire tells them; true if
 * s was sent before.  A SYN with a new ISN begins a new incarnation of
 * the connection (the same ports, RFC 9293 3.4.1 on ISN selection): what
 * the old one sent says nothing about the new one's, whose ISN may lie
 * anywhere, below the old SND.NXT too (Linux's ISN clock wraps in about
 * 275 s, so half the time a later connection's ISN is "before" it). */
bool
lab_wire_nums(struct lab *l, int h, const struct tcp_seg *s)
{
	struct lab_host *hh = &l->host[h];
	struct sim_nums *n = &hh->nums, *peer = &l->host[1 - h].nums;
	uint32_t end = s->seq + tcp_seg_seqlen(s);
	/* A SYN with a new ISN opens a new connection: not sent again. */
	bool again = hh->has_sent && tcp_seg_seqlen(s) > 0 &&
	    ((s->flags & TCP_SYN) ? s->seq == n->iss :
	    seq_leq(end, n->snd_nxt));
	bool fresh = !hh->has_sent || ((s->flags & TCP_SYN) && !again);

	if (fresh && (s->flags & TCP_SYN)) {
		n->iss = s->seq;
		n->snd_una = s->seq;
	}
	if (fresh || seq_gt(end, n->snd_nxt))
		n->snd_nxt = end;
	if (s->flags & TCP_ACK) {
		n->rcv_nxt = s->ack;
		n->irs_valid = true;
		peer->snd_una = s->ack;
	}
	return again;
}

static void
wire_put(struct lab *l, int from, const unsigned char *pkt, size_t len,
    enum sim_ev_kind kind, uint32_t dup_of)
{
	struct lab_flight *lf;
	struct sim_ev ev = { .kind = kind, .time = lab_now(l),
	    .host = (enum sim_host_id)from };

	xgrow(&l->wire, &l->capwire, l->nwire + 1, sizeof(*l->wire));
	lf = &l->wire[l->nwire++];
	memset(lf, 0, sizeof(*lf));
	lf->pkt = xmalloc(len);
	memcpy(lf->pkt, pkt, len);
	lf->len = len;
	(void)lab_pkt_parse(pkt, len, &lf->f.seg);
	lf->f.id = l->next_id++;
	lf->f.dir = (enum sim_dir)from;
	lf->f.sent_at = ev.time;
	lf->f.dup_of = dup_of;
	lf->f.origin = kind == SIM_EV_DUP ? ORIGIN_DUP : kind ==
	    SIM_EV_INJECT ? ORIGIN_INJECT : ORIGIN_SENT;
	if (l->pcap != NULL &&
	    pcapw_record(l->pcap, wire_wall_us(), pkt, len))
		(void)fflush(l->pcap);
	if (kind == SIM_EV_TCP) {
		ev.tcp.kind = TCP_EV_SEND;
		ev.tcp.seg = lf->f.seg;
		ev.tcp.rexmit = lab_wire_nums(l, from, &lf->f.seg);
		if (ev.tcp.rexmit)
			lf->f.origin = ORIGIN_REXMIT;
		l->host[from].has_sent = true;
		l->host[from].last_sent = lf->f;
	}
	ev.flight = lf->f;
	lab_trace(l, &ev);
}

/* Every packet waiting on host h's TUN; true if there was one. */
static bool
wire_read(struct lab *l, int h)
{
	static unsigned char buf[LAB_MTU];
	struct tcp_seg seg;
	bool any = false;
	ssize_t n;

	while ((n = read(l->host[h].tun, buf, sizeof(buf))) > 0) {
		/* Only TCP is a segment of the scenario; with IPv6 off
		 * nothing else is expected. */
		if (!lab_pkt_parse(buf, (size_t)n, &seg))
			continue;
		wire_put(l, h, buf, (size_t)n, SIM_EV_TCP, 0);
		any = true;
	}
	return any;
}

/* One poll of both TUNs; true if a packet came. */
static bool
wire_poll(struct lab *l, int timeout)
{
	struct pollfd p[2] = {
		{ .fd = l->host[0].tun, .events = POLLIN },
		{ .fd = l->host[1].tun, .events = POLLIN }
	};
	bool any;

	if (poll(p, 2, timeout) <= 0)
		return false;
	/* A kernel changes state before it sends what the change makes it
	 * send (SYN_SENT, then the SYN): read the states first, so that the
	 * trace tells the cause before the segment and the ladder writes the
	 * state on that segment's row, not on a note after it. */
	(void)lab_states(l);
	any = wire_read(l, 0);
	any = wire_read(l, 1) || any;
	if (any) {
		lab_app_poll(l);
		(void)lab_states(l);
	}
	return any;
}

static bool wire_next_timer(const struct lab *l, uint32_t *ms);

/* How long one poll may block: until `quiet` ms of silence, or (quiet 0)
 * until just past the kernels' next timer, so that what a timer does
 * without a segment (a TIME_WAIT ending, a connect timing out) is seen
 * when it happens.  A timer already due is looked at again every 20ms. */
static uint64_t
wire_block_ms(const struct lab *l, uint64_t left, unsigned quiet)
{
	uint32_t ms;

	if (quiet != 0)
		return left < quiet ? left : quiet;
	if (wire_next_timer(l, &ms) && (uint64_t)ms + 20 < left)
		return ms < 20 ? 20 : ms + 2;
	return left < 3600000 ? left : 3600000;
}

/* As a wait begins and once a whole second of it has passed since
 * `start`, tell the one who waits (its screen would otherwise stand still
 * for all of a 70 s wait); true if it asked to stop.  said: the last
 * time told, UINT64_MAX before the first. */
static bool
wire_tick(struct lab *l, uint64_t start, uint64_t total, uint64_t *said)
{
	uint64_t waited = mono_ms() - start;

	if (l->during == NULL || waited / 1000 == *said / 1000)
		return false;
	*said = waited;
	return l->during(l->during_arg, waited, total);
}

/* How long a poll of a wait may block: no longer than to the next whole
 * second, when the one who waits hears of it. */
static int
wire_tick_ms(const struct lab *l, uint64_t start, uint64_t block)
{
	uint64_t to = 1000 - (mono_ms() - start) % 1000;

	return (int)(l->during != NULL && to < block ? to : block);
}

/* quiet 0: listen until the deadline whatever comes. */
void
lab_collect(struct lab *l, unsigned quiet, uint64_t deadline)
{
	uint64_t now, start = mono_ms(), said = UINT64_MAX;

	while ((now = mono_ms()) < deadline) {
		uint64_t block = wire_block_ms(l, deadline - now, quiet);

		if (quiet == 0 && wire_tick(l, start, deadline - start, &said))
			break;
		if (quiet == 0)
			block = (uint64_t)wire_tick_ms(l, start, block);
		if (wire_poll(l, (int)block))
			continue;
		if (quiet != 0)
			break;
		lab_app_poll(l);
		(void)lab_states(l);
	}
	lab_app_poll(l);
	(void)lab_states(l);
}

/* After a command: until the kernels are quiet. */
static void
wire_settle(struct lab *l)
{
	lab_collect(l, l->quiet_ms, mono_ms() + 2000);
}

static size_t
wire_index(const struct lab *l, const struct cmd_sel *sel)
{
	for (size_t i = 0; i < l->nwire; i++)
		if (sim_sel_matches(sel, &l->wire[i].f))
			return i;
	return SIZE_MAX;
}

const struct lab_flight *
lab_find(const struct lab *l, const struct cmd_sel *sel)
{
	size_t i = wire_index(l, sel);

	return i == SIZE_MAX ? NULL : &l->wire[i];
}

static struct lab_flight
wire_take(struct lab *l, size_t i)
{
	struct lab_flight f = l->wire[i];

	memmove(l->wire + i, l->wire + i + 1,
	    (l->nwire - i - 1) * sizeof(*l->wire));
	l->nwire--;
	return f;
}

static void
wire_event(struct lab *l, enum sim_ev_kind k, const struct flight *f)
{
	struct sim_ev ev = { .kind = k, .time = lab_now(l), .flight = *f,
	    .host = (enum sim_host_id)(1 - f->dir) };

	lab_trace(l, &ev);
}

static enum sim_status
wire_deliver(struct lab *l, size_t i, struct sim_result *res)
{
	struct lab_flight f = wire_take(l, i);
	int to = 1 - (int)f.f.dir;
	ssize_t n = write(l->host[to].tun, f.pkt, f.len);

	free(f.pkt);
	if (n != (ssize_t)f.len)
		return sim_fail(res, SIM_IMPOSSIBLE, _("deliver: the TUN "
		    "device refused the packet: %s"), strerror(errno));
	wire_event(l, SIM_EV_DELIVER, &f.f);
	wire_settle(l);
	return SIM_OK;
}

void
lab_during(struct wbackend *b, lab_during_fn *fn, void *arg)
{
	struct lab *l = b->self;

	l->during = fn;
	l->during_arg = arg;
}

void
lab_wire_free(struct lab *l)
{
	for (size_t i = 0; i < l->nwire; i++)
		free(l->wire[i].pkt);
	free(l->wire);
	l->wire = NULL;
	l->nwire = l->capwire = 0;
}

static enum sim_status
wire_none(const struct cmd_sel *sel, struct sim_result *res)
{
	if (sel->kind == SEL_ID)
		return sim_fail(res, SIM_IMPOSSIBLE,
		    _("segment #%lu is not in flight"), (unsigned long)sel->id);
	if (sel->kind == SEL_DIR)
		return sim_fail(res, SIM_IMPOSSIBLE,
		    _("no segment is in flight %s"), sim_dir_name(sel->dir));
	return sim_fail(res, SIM_IMPOSSIBLE, _("nothing is in flight"));
}

/* Linux's TIME_WAIT is 60s, fixed: an MSL of 30s, as the linux profile. */
static uint64_t
wire_wait_ms(const struct cmd *c)
{
	return c->dur.msl != 0 ? (uint64_t)c->dur.msl * LAB_MSL_MS : c->dur.ms;
}

/* The kernels' earliest pending timer, in ms from now. */
static bool
wire_next_timer(const struct lab *l, uint32_t *ms)
{
	struct lab_sk sk;
	bool found = false;

	for (int h = 0; h < 2; h++) {
		if (lab_diag(l, h, &sk) != 1 || sk.timer == 0 ||
		    (found && sk.expires >= *ms))
			continue;
		found = true;
		*ms = sk.expires;
	}
	return found;
}

/* The commands of the wire; any other that reaches it is one the lab
 * does not know (a command added to the language later). */
static bool
wire_is_wire(enum cmd_kind k)
{
	return k == CMD_DELIVER || k == CMD_DROP || k == CMD_DUP ||
	    k == CMD_INJECT || k == CMD_SETTLE || k == CMD_WAIT ||
	    k == CMD_WAIT_TIMER;
}

enum sim_status
lab_wire_check(const struct lab *l, const struct cmd *c,
    struct sim_result *res)
{
	uint32_t ms;

	if (!wire_is_wire(c->kind))
		return sim_fail(res, SIM_IMPOSSIBLE, _("the kernel lab cannot "
		    "do this command yet"));
	if ((c->kind == CMD_DELIVER || c->kind == CMD_DROP ||
	    c->kind == CMD_DUP) && wire_index(l, &c->sel) == SIZE_MAX)
		return wire_none(&c->sel, res);
	if (c->kind == CMD_WAIT && wire_wait_ms(c) > LAB_WAIT_MAX_MS)
		return sim_fail(res, SIM_IMPOSSIBLE, _("wait: the lab waits in "
		    "real time, at most 30min at once"));
	if (c->kind == CMD_WAIT_TIMER && !wire_next_timer(l, &ms))
		return sim_fail(res, SIM_IMPOSSIBLE, _("no timer is running "
		    "(the kernels report none)"));
	return SIM_OK;
}

/* Until a segment is sent or a state changes, at most a while past the
 * earliest timer's due time. */
static void
wire_wait_timer(struct lab *l)
{
	uint32_t ms = 0;
	uint64_t due, bound, start = mono_ms(), said = UINT64_MAX;
	uint32_t id = l->next_id;

	(void)wire_next_timer(l, &ms);
	due = start + ms;
	bound = due + WIRE_TIMER_SLACK + ms / 4;
	while (mono_ms() < bound && l->next_id == id) {
		uint64_t now = mono_ms();
		int t = now < due ? (int)(due - now) + 2 : 20;

		if (wire_tick(l, start, ms, &said))
			break;
		if (wire_poll(l, wire_tick_ms(l, start, (uint64_t)t)))
			break;
		if (now >= due && lab_states(l))
			break;
	}
	wire_settle(l);
}

static void
wire_settle_all(struct lab *l, struct sim_result *res)
{
	for (int k = 0; k < LAB_SETTLE_MAX && l->nwire > 0; k++)
		if (wire_deliver(l, 0, res) != SIM_OK)
			return;
}

enum sim_status
lab_wire_apply(struct lab *l, const struct cmd *c, struct sim_result *res)
{
	static unsigned char pkt[LAB_MTU];
	size_t i = wire_index(l, &c->sel);

	if (c->kind == CMD_DELIVER)
		return wire_deliver(l, i, res);
	if (c->kind == CMD_DROP) {
		struct lab_flight f = wire_take(l, i);

		wire_event(l, SIM_EV_LOST, &f.f);
		free(f.pkt);
	} else if (c->kind == CMD_DUP) {
		struct lab_flight *f = &l->wire[i];

		wire_put(l, (int)f->f.dir, f->pkt, f->len, SIM_EV_DUP, f->f.id);
	} else if (c->kind == CMD_INJECT) {
		wire_put(l, (int)c->dir, pkt, lab_pkt_craft(pkt, (int)c->dir,
		    &c->seg), SIM_EV_INJECT, 0);
	} else if (c->kind == CMD_SETTLE) {
		wire_settle_all(l, res);
		return res->status;
	} else if (c->kind == CMD_WAIT) {
		lab_collect(l, 0, mono_ms() + wire_wait_ms(c));
	} else if (c->kind == CMD_WAIT_TIMER) {
		wire_wait_timer(l);
	}
	return SIM_OK;
}
