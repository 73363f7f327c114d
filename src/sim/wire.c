/*
 * The wire and the clock.  In-flight segments sit in send order; the
 * learner picks which arrives, is lost or is copied (a front end goes
 * round them in that order, or takes one by its #N typed digit by
 * digit: world_wire_step, world_wire_typed).  Time passes only on
 * `wait`: timers fire and segments older than the MSL expire, in time
 * order (at equal times expiries first, then the client's timers, then the
 * server's).
 */
#include <config.h>

#include <string.h>

#include "lib/i18n.h"
#include "lib/xalloc.h"
#include "sim/sim_internal.h"

#define SIM_SETTLE_MAX 10000

void
wire_put(struct world *w, const struct flight *f, enum sim_ev_kind k)
{
	xgrow(&w->wire, &w->capwire, w->nwire + 1, sizeof(*w->wire));
	w->wire[w->nwire++] = *f;
	if (k != SIM_EV_TCP) {
		struct sim_ev ev = { .kind = k, .time = w->now, .flight = *f,
		    .host = (enum sim_host_id)f->dir };
		sim_trace(w, &ev);
	}
}

bool
sim_sel_matches(const struct cmd_sel *sel, const struct flight *f)
{
	switch (sel->kind) {
	case SEL_ANY:
		return true;
	case SEL_ID:
		return f->id == sel->id;
	case SEL_DIR:
		return f->dir == sel->dir;
	}
	return false;
}

static size_t
wire_index(const struct world *w, const struct cmd_sel *sel)
{
	for (size_t i = 0; i < w->nwire; i++)
		if (sim_sel_matches(sel, &w->wire[i]))
			return i;
	return SIZE_MAX;
}

const struct flight *
world_find(const struct world *w, const struct cmd_sel *sel)
{
	size_t i = wire_index(w, sel);

	return i == SIZE_MAX ? NULL : &w->wire[i];
}

const struct flight *
world_wire_step(const struct world *w, uint32_t id, int by)
{
	struct cmd_sel sel = { .kind = SEL_ID, .id = id };
	size_t i = wire_index(w, &sel);

	if (w->nwire == 0)
		return NULL;
	if (i == SIZE_MAX)
		i = 0;
	return &w->wire[(by < 0 ? i + w->nwire - 1 : i + 1) % w->nwire];
}

/* Some in-flight segment's number starts with the digits of n. */
static bool
wire_id_prefix(const struct world *w, uint32_t n)
{
	for (size_t i = 0; n > 0 && i < w->nwire; i++)
		for (uint32_t x = w->wire[i].id; x >= n; x /= 10)
			if (x == n)
				return true;
	return false;
}

uint32_t
world_wire_typed(const struct world *w, uint32_t typed, unsigned digit,
    bool *more)
{
	uint32_t n = digit;

	if (typed != 0 && typed <= UINT32_MAX / 10 - 1 &&
	    wire_id_prefix(w, typed * 10 + digit))
		n = typed * 10 + digit;
	*more = wire_id_prefix(w, n);
	return n;
}

static struct flight
wire_take(struct world *w, size_t i)
{
	struct flight f = w->wire[i];

	memmove(w->wire + i, w->wire + i + 1,
	    (w->nwire - i - 1) * sizeof(*w->wire));
	w->nwire--;
	return f;
}

static void
wire_event(struct world *w, enum sim_ev_kind k, const struct flight *f)
{
	struct sim_ev ev;

	if (!w->keep_trace) {	/* counted, no record built */
		w->nevents++;
		return;
	}
	ev = (struct sim_ev){ .kind = k, .time = w->now, .flight = *f,
	    .host = (enum sim_host_id)(1 - f->dir) };
	sim_trace(w, &ev);
}

static void
wire_deliver(struct world *w, size_t i)
{
	struct flight f = wire_take(w, i);
	enum sim_host_id to = (enum sim_host_id)(1 - f.dir);
	struct sim_ctx ctx;
	struct tcp_io io;

	wire_event(w, SIM_EV_DELIVER, &f);
	w->nsegs_processed++;
	sim_io(w, to, &ctx, &io);
	tcp_input(&w->host[to].tcb, &io, &f.seg);
	sim_check(&w->host[to].tcb);
}

bool
world_wire_id(struct world *w, enum cmd_kind kind, uint32_t id)
{
	struct cmd_sel sel = { .kind = SEL_ID, .id = id };
	size_t i = wire_index(w, &sel);
	struct flight f;

	if (i == SIZE_MAX || (kind != CMD_DELIVER && kind != CMD_DROP))
		return false;
	w->started = true;
	if (kind == CMD_DELIVER) {
		wire_deliver(w, i);
		return true;
	}
	f = wire_take(w, i);
	wire_event(w, SIM_EV_LOST, &f);
	return true;
}

static void
wire_dup(struct world *w, size_t i)
{
	struct flight f = w->wire[i];

	f.dup_of = f.id;
	f.id = w->next_id++;
	f.origin = ORIGIN_DUP;
	wire_put(w, &f, SIM_EV_DUP);
}

static void
wire_inject(struct world *w, const struct cmd *c)
{
	struct flight f = { .id = w->next_id++, .dir = c->dir,
	    .origin = ORIGIN_INJECT, .sent_at = w->now };

	f.seg.flags = c->seg.flags;
	f.seg.seq = c->seg.seq;
	f.seg.ack = c->seg.ack;
	f.seg.len = c->seg.len;
	f.seg.wnd = w->cfg.rcv_wnd;
	wire_put(w, &f, SIM_EV_INJECT);
}

/* What happens next in time, up to limit: an expiry or a timer. */
struct wire_next {
	uint64_t at;
	bool is_timer;
	size_t idx;			/* expiry: wire index */
	enum sim_host_id host;		/* timer */
	enum tcp_timer timer;
};

static bool
wire_next_expiry(const struct world *w, struct wire_next *n)
{
	bool found = false;

	for (size_t i = 0; i < w->nwire; i++) {
		/* "In flight longer than MSL": alive at exactly MSL. */
		uint64_t at = w->wire[i].sent_at + w->cfg.msl_ms + 1;

		if (found && at >= n->at)
			continue;
		found = true;
		n->at = at;
		n->idx = i;
		n->is_timer = false;
	}
	return found;
}

static bool
wire_next(const struct world *w, uint64_t limit, bool timers,
    struct wire_next *n)
{
	struct wire_next t = { 0 };
	bool have = wire_next_expiry(w, n);

	if (timers && world_next_timer(w, &t.host, &t.timer, &t.at) &&
	    (!have || t.at < n->at)) {
		t.is_timer = true;
		*n = t;
		have = true;
	}
	return have && n->at <= limit;
}

static void
wire_fire(struct world *w, enum sim_host_id h, enum tcp_timer t)
{
	struct sim_ctx ctx;
	struct tcp_io io;

	sim_io(w, h, &ctx, &io);
	tcp_timer_fire(&w->host[h].tcb, &io, t);
	sim_check(&w->host[h].tcb);
}

/* Let time pass until target, handling what falls due on the way. */
static void
wire_advance(struct world *w, uint64_t target, bool timers)
{
	struct wire_next n = { 0 };

	while (wire_next(w, target, timers, &n)) {
		if (n.at > w->now)
			w->now = n.at;
		if (n.is_timer) {
			wire_fire(w, n.host, n.timer);
		} else {
			struct flight f = wire_take(w, n.idx);

			wire_event(w, SIM_EV_EXPIRED, &f);
		}
	}
	if (target > w->now)
		w->now = target;
}

static enum sim_status
wire_no_segment(const struct cmd_sel *sel, struct sim_result *res)
{
	if (sel->kind == SEL_ID)
		return sim_fail(res, SIM_IMPOSSIBLE,
		    _("segment #%lu is not in flight"), (unsigned long)sel->id);
	if (sel->kind == SEL_DIR)
		return sim_fail(res, SIM_IMPOSSIBLE,
		    _("no segment is in flight %s"), sim_dir_name(sel->dir));
	return sim_fail(res, SIM_IMPOSSIBLE, _("nothing is in flight"));
}

enum sim_status
wire_check(const struct world *w, const struct cmd *c, struct sim_result *res)
{
	enum sim_host_id h;
	enum tcp_timer t;
	uint64_t due;

	if (c->kind == CMD_DELIVER || c->kind == CMD_DROP || c->kind == CMD_DUP) {
		if (wire_index(w, &c->sel) == SIZE_MAX)
			return wire_no_segment(&c->sel, res);
	} else if (c->kind == CMD_WAIT_TIMER) {
		if (!world_next_timer(w, &h, &t, &due))
			return sim_fail(res, SIM_IMPOSSIBLE,
			    _("no timer is running"));
	}
	return SIM_OK;
}

enum sim_status
wire_apply(struct world *w, const struct cmd *c, struct sim_result *res)
{
	size_t i = wire_index(w, &c->sel);
	struct wire_next n = { 0 };
	int k;

	if (c->kind == CMD_DELIVER) {
		wire_deliver(w, i);
	} else if (c->kind == CMD_DROP) {
		struct flight f = wire_take(w, i);

		wire_event(w, SIM_EV_LOST, &f);
	} else if (c->kind == CMD_DUP) {
		wire_dup(w, i);
	} else if (c->kind == CMD_INJECT) {
		wire_inject(w, c);
	} else if (c->kind == CMD_SETTLE) {
		for (k = 0; k < SIM_SETTLE_MAX && w->nwire > 0; k++)
			wire_deliver(w, 0);
		if (w->nwire > 0)
			return sim_fail(res, SIM_STOPPED,
			    _("settle: stopped after %d deliveries, still in "
			    "flight: %zu; the hosts answer each other without "
			    "end (an ACK war)"),
			    SIM_SETTLE_MAX, w->nwire);
	} else if (c->kind == CMD_WAIT) {
		uint64_t d = world_dur_ms(w, &c->dur);

		wire_advance(w, d > UINT64_MAX - w->now ? UINT64_MAX :
		    w->now + d, true);
	} else if (c->kind == CMD_WAIT_TIMER) {
		if (!world_next_timer(w, &n.host, &n.timer, &n.at))
			return SIM_OK;
		wire_advance(w, n.at, false);
		wire_fire(w, n.host, n.timer);
	}
	return SIM_OK;
}
