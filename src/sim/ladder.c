/*
 * Folding the world's trace into ladder rows (see ladder.h).
 *
 * A segment becomes an arrow and a row when it is put on the wire (sent,
 * retransmitted, duplicated or injected).  A state change is written in
 * the margin of the row that explains it: the arriving segment's row on
 * the receiver's side, or the row of the segment the host sends because
 * of a call such as connect() or close().  A state change with neither (a
 * timer, a crash, an abort that sends nothing) is held until the end of
 * the step and then gets a note row of its own.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "lib/xalloc.h"
#include "sim/ladder.h"

void
ladder_init(struct ladder *l)
{
	memset(l, 0, sizeof(*l));
}

void
ladder_free(struct ladder *l)
{
	free(l->arrows);
	free(l->rows);
	memset(l, 0, sizeof(*l));
}

void
ladder_begin(struct ladder *l)
{
	l->step++;
	l->delivering = false;
	l->has_clock = false;
	for (int h = 0; h < 2; h++) {
		l->host[h].changed = false;
		l->pend[h] = false;
	}
}

void
ladder_set_clock(struct ladder *l, uint64_t ms)
{
	l->has_clock = true;
	l->clock = ms;
}

static struct ladder_row *
ladder_add_row(struct ladder *l)
{
	struct ladder_row *r;

	xgrow(&l->rows, &l->caprows, l->nrows + 1, sizeof(*l->rows));
	r = &l->rows[l->nrows++];
	memset(r, 0, sizeof(*r));
	r->step = l->step;
	r->time = l->now;
	return r;
}

static void
ladder_state_note(struct ladder *l, enum sim_host_id h)
{
	struct ladder_row *r = ladder_add_row(l);

	r->note = LADDER_N_STATE;
	r->note_host = h;
	r->why = l->pend_why[h];
	r->cause = l->pend_cause[h];
	r->has_state[h] = true;
	r->state[h] = l->pend_state[h];
	l->pend[h] = false;
	l->state_row[h] = l->nrows;
}

/* A host chose a new ISS when its own TCP sends a SYN with a new number. */
static void
ladder_track_iss(struct ladder *l, enum sim_host_id h, const struct flight *f)
{
	struct ladder_host *lh = &l->host[h];

	if (f->origin != ORIGIN_SENT || !(f->seg.flags & TCP_SYN))
		return;
	if (lh->niss > 0 && lh->iss[lh->niss - 1] == f->seg.seq)
		return;
	if (lh->niss == LADDER_ISS_MAX) {
		memmove(lh->iss, lh->iss + 1, (LADDER_ISS_MAX - 1) *
		    sizeof(lh->iss[0]));
		lh->niss--;
	}
	lh->iss[lh->niss++] = f->seg.seq;
}

uint32_t
ladder_inc(const struct ladder *l, enum sim_host_id h)
{
	return l->host[h].niss ? l->host[h].niss - 1 : LADDER_NOINC;
}

/* Segments going opposite ways that are on the wire at once pass each
 * other (both FINs of a simultaneous close): one row per segment cannot
 * show that by position, so each is marked with the other's number. */
static void
ladder_cross(struct ladder *l, struct ladder_arrow *a)
{
	for (size_t i = l->narrows; i-- > 0; ) {
		struct ladder_arrow *o = &l->arrows[i];

		if (o->fate == LADDER_FLIGHT && o->f.dir != a->f.dir &&
		    o->crossed == 0) {
			o->crossed = a->f.id;
			a->crossed = o->f.id;
			return;
		}
	}
}

static void
ladder_add_arrow(struct ladder *l, const struct flight *f, bool rexmit)
{
	enum sim_host_id from = (enum sim_host_id)f->dir;
	enum sim_host_id to = (enum sim_host_id)(1 - f->dir);
	struct ladder_arrow *a;
	struct ladder_row *r;

	ladder_track_iss(l, from, f);
	l->did = LADDER_DID_ARROW;
	xgrow(&l->arrows, &l->caparrows, l->narrows + 1, sizeof(*l->arrows));
	a = &l->arrows[l->narrows];
	memset(a, 0, sizeof(*a));
	a->f = *f;
	a->rexmit = rexmit;
	a->seq_inc = ladder_inc(l, from);
	a->ack_inc = ladder_inc(l, to);
	a->fate = LADDER_FLIGHT;
	a->sent = l->now;
	a->arrived = LADDER_NOTIME;
	r = ladder_add_row(l);
	r->is_arrow = true;
	r->arrow = l->narrows;
	a->row = l->nrows - 1;
	if (l->pend[from]) {
		r->has_state[from] = true;
		r->state[from] = l->pend_state[from];
		l->pend[from] = false;
		l->state_row[from] = l->nrows;
	}
	ladder_cross(l, a);
	l->narrows++;
}

size_t
ladder_arrow_index(const struct ladder *l, uint32_t id)
{
	/* Newest first: recent segments are the ones that move. */
	for (size_t i = l->narrows; i-- > 0; )
		if (l->arrows[i].f.id == id)
			return i;
	return l->narrows;
}

const struct ladder_arrow *
ladder_arrow_by_id(const struct ladder *l, uint32_t id)
{
	size_t i = ladder_arrow_index(l, id);

	return i < l->narrows ? &l->arrows[i] : NULL;
}

const struct ladder_arrow *
ladder_arrow_scan(const struct ladder *l, size_t lo, size_t hi, int by,
    size_t shown)
{
	for (size_t k = 0; lo + k < hi; k++) {
		const struct ladder_row *r = &l->rows[by > 0 ? lo + k :
		    hi - 1 - k];

		if (r->is_arrow && r->arrow < shown)
			return &l->arrows[r->arrow];
	}
	return NULL;
}

const struct ladder_arrow *
ladder_arrow_next(const struct ladder *l, const struct ladder_arrow *a,
    int by, size_t shown)
{
	if (a->row == LADDER_NOROW)
		return NULL;
	return by < 0 ? ladder_arrow_scan(l, 0, a->row, -1, shown) :
	    ladder_arrow_scan(l, a->row + 1, l->nrows, 1, shown);
}

/* With a capture's clock, a segment's row is where the capture saw it,
 * which for a segment the model sent earlier is when it arrived (the
 * model has no latency; the capture has): the row takes that time and
 * moves down past the rows made since, so the rows and their times read
 * in capture order, as a flow graph does. */
static void
ladder_seen(struct ladder *l, struct ladder_arrow *a)
{
	size_t from = a->row;
	struct ladder_row r;

	a->sent = l->now;
	if (from == LADDER_NOROW)
		return;
	r = l->rows[from];
	r.time = l->now;
	memmove(&l->rows[from], &l->rows[from + 1], (l->nrows - from - 1) *
	    sizeof(r));
	l->rows[l->nrows - 1] = r;
	/* Only the rows below it move up: a capture's reply is seldom far
	 * behind, so this stays short however long the connection. */
	for (size_t i = from; i + 1 < l->nrows; i++)
		if (l->rows[i].is_arrow)
			l->arrows[l->rows[i].arrow].row = i;
	a->row = l->nrows - 1;
	for (int h = 0; h < 2; h++) {
		if (r.has_state[h] && l->state_row[h] == from + 1)
			l->state_row[h] = l->nrows;
		else if (l->state_row[h] > from + 1)
			l->state_row[h]--;
	}
}

static void
ladder_fate(struct ladder *l, const struct flight *f, enum ladder_fate fate)
{
	size_t i = ladder_arrow_index(l, f->id);

	l->did = LADDER_DID_FATE;
	l->did_fate = fate;
	if (i == l->narrows)
		return;
	l->arrows[i].fate = fate;
	l->arrows[i].arrived = l->now;
	if (fate == LADDER_DELIVERED && l->has_clock)
		ladder_seen(l, &l->arrows[i]);
	if (fate == LADDER_DELIVERED) {
		l->delivering = true;
		l->deliver_arrow = i;
	}
}

static void
ladder_host_state(struct ladder_host *lh, const struct tcp_ev *te)
{
	lh->state = te->to;
	lh->changed = true;
	if (te->why == TCP_W_CRASH)
		lh->crashed = true;
	else if (te->from == TCP_CLOSED || te->to != TCP_CLOSED)
		lh->crashed = false;
	if (te->to == TCP_CLOSED || te->from == TCP_CLOSED) {
		lh->shut_wr = false;
		if (te->from == TCP_CLOSED)
			lh->has_notice = false;
	}
	if (te->why == TCP_W_SHUTDOWN_FIN)
		lh->shut_wr = true;
}

/* The receiver's new state on the row of the segment it just got, if
 * that row is still there and keeps the host's margin in time order.  A
 * row's time is when its segment was sent: a state that changed later,
 * on a late arrival (latency, or a wait before delivering), is not
 * written there but with the time it changed, on the next segment the
 * host sends or a note of its own, so the time column never contradicts
 * the margin. */
static bool
ladder_on_arrival(struct ladder *l, enum sim_host_id h, enum tcp_state to)
{
	const struct ladder_arrow *a = &l->arrows[l->deliver_arrow];
	struct ladder_row *r;

	if ((enum sim_host_id)(1 - a->f.dir) != h || a->row == LADDER_NOROW ||
	    a->row + 1 < l->state_row[h] || l->rows[a->row].time != l->now)
		return false;
	r = &l->rows[a->row];
	if (r->has_state[h])
		return false;
	r->has_state[h] = true;
	r->state[h] = to;
	l->state_row[h] = a->row + 1;
	return true;
}

/* A state change: on the delivered segment's row when the receiver
 * changed because of it, else held for the host's next segment.  Each
 * host's margin must read in time order, so a late arrival on an old row
 * counts as having no row. */
static void
ladder_state(struct ladder *l, enum sim_host_id h, const struct tcp_ev *te)
{
	ladder_host_state(&l->host[h], te);
	l->did = LADDER_DID_STATE;
	l->did_host = h;
	l->did_why = te->why;
	if (l->delivering && ladder_on_arrival(l, h, te->to))
		return;
	if (l->pend[h])
		ladder_state_note(l, h);
	l->pend[h] = true;
	l->pend_state[h] = te->to;
	l->pend_why[h] = te->why;
	/* A note names the segment whose arrival made the change, since it
	 * is not on that segment's row. */
	l->pend_cause[h] = 0;
	if (l->delivering && (enum sim_host_id)(1 -
	    l->arrows[l->deliver_arrow].f.dir) == h)
		l->pend_cause[h] = l->arrows[l->deliver_arrow].f.id;
}

/* A notice as a note of its own, after the state change that caused it
 * (the caller asked for notices in the rows). */
static void
ladder_notice(struct ladder *l, enum sim_host_id h, enum tcp_notice n)
{
	struct ladder_row *r;

	l->host[h].has_notice = true;
	l->host[h].notice = n;
	if (!l->notice_rows)
		return;
	if (l->pend[h])
		ladder_state_note(l, h);
	r = ladder_add_row(l);
	r->note = LADDER_N_NOTICE;
	r->note_host = h;
	r->notice = n;
}

static void
ladder_tcp(struct ladder *l, const struct sim_ev *ev)
{
	const struct tcp_ev *te = &ev->tcp;

	switch (te->kind) {
	case TCP_EV_STATE:
		ladder_state(l, ev->host, te);
		break;
	case TCP_EV_SEND:
		ladder_add_arrow(l, &ev->flight, te->rexmit);
		break;
	case TCP_EV_NOTICE:
		ladder_notice(l, ev->host, te->notice);
		break;
	case TCP_EV_DATA:
		l->host[ev->host].bytes_in += te->bytes;
		break;
	case TCP_EV_DROP:
		l->did = LADDER_DID_DISCARD;
		l->did_host = ev->host;
		break;
	case TCP_EV_TIMER_ARM:
	case TCP_EV_TIMER_STOP:
	case TCP_EV_TIMER_FIRE:
		break;
	}
}

void
ladder_event(struct ladder *l, const struct sim_ev *ev)
{
	l->now = l->has_clock ? l->clock : ev->time;
	l->did = LADDER_DID_NONE;
	l->did_flight = &ev->flight;
	l->host[0].nums = ev->nums[0];
	l->host[1].nums = ev->nums[1];
	switch (ev->kind) {
	case SIM_EV_TCP:
		ladder_tcp(l, ev);
		break;
	case SIM_EV_DELIVER:
		ladder_fate(l, &ev->flight, LADDER_DELIVERED);
		break;
	case SIM_EV_LOST:
		ladder_fate(l, &ev->flight, LADDER_LOST);
		break;
	case SIM_EV_EXPIRED:
		ladder_fate(l, &ev->flight, LADDER_EXPIRED);
		break;
	case SIM_EV_DUP:
	case SIM_EV_INJECT:
		ladder_add_arrow(l, &ev->flight, false);
		break;
	}
}

void
ladder_end(struct ladder *l)
{
	for (int h = 0; h < 2; h++)
		if (l->pend[h])
			ladder_state_note(l, (enum sim_host_id)h);
	l->delivering = false;
}

void
ladder_trim(struct ladder *l)
{
	size_t n = 0;

	for (size_t i = 0; i < l->narrows; i++)
		if (l->arrows[i].fate == LADDER_FLIGHT) {
			l->arrows[n] = l->arrows[i];
			l->arrows[n++].row = LADDER_NOROW;
		}
	l->narrows = n;
	l->nrows = 0;
	l->state_row[0] = l->state_row[1] = 0;
	l->delivering = false;
}

void
ladder_feed(struct ladder *l, const struct sim_ev *ev, size_t n)
{
	for (size_t i = 0; i < n; i++)
		ladder_event(l, &ev[i]);
}
