/*
 * Folding the world's trace into the view model (see view.h).
 *
 * A segment becomes an arrow and a ladder row when it is put on the wire
 * (sent, retransmitted, duplicated or injected).  A state change is written
 * in the margin of the row that explains it: the arriving segment's row on
 * the receiver's side, or the row of the segment the host sends because of
 * a call such as connect() or close().  A state change with neither (a
 * timer, a crash, an abort that sends nothing) gets a note row of its own.
 */
#include <config.h>

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/i18n.h"
#include "lib/xalloc.h"
#include "ui/view.h"

void
view_init(struct view *v)
{
	memset(v, 0, sizeof(*v));
}

void
view_free(struct view *v)
{
	for (size_t i = 0; i < v->nnarr; i++)
		free(v->narr[i]);
	free(v->narr);
	free(v->arrows);
	free(v->lines);
	free(v->moves);
	memset(v, 0, sizeof(*v));
}

void
view_reset(struct view *v)
{
	view_free(v);
	view_init(v);
}

char *
view_cross_text(const struct view_arrow *a, char *buf, size_t size)
{
	/* TRANSLATORS: two segment numbers; drawn as crossing arrows. */
	snprintf(buf, size, _("#%" PRIu32 " and #%" PRIu32 " cross on the "
	    "wire: each was sent before the other arrived."), a->crossed,
	    a->f.id);
	return buf;
}

void
view_narrate(struct view *v, const char *sentence)
{
	xgrow(&v->narr, &v->capnarr, v->nnarr + 1, sizeof(*v->narr));
	v->narr[v->nnarr++] = xstrdup(sentence);
}

void
view_begin(struct view *v)
{
	for (size_t i = 0; i < v->nnarr; i++)
		free(v->narr[i]);
	v->nnarr = 0;
	v->step++;
	v->delivering = false;
	v->told = TCP_W_NONE;
	for (int h = 0; h < 2; h++) {
		v->host[h].changed = false;
		v->pend[h] = false;
	}
}

static struct view_line *
view_add_line(struct view *v)
{
	struct view_line *l;

	xgrow(&v->lines, &v->caplines, v->nlines + 1, sizeof(*v->lines));
	l = &v->lines[v->nlines++];
	memset(l, 0, sizeof(*l));
	l->step = v->step;
	l->time = v->now;
	return l;
}

static void
view_move(struct view *v, size_t arrow, unsigned target)
{
	xgrow(&v->moves, &v->capmoves, v->nmoves + 1, sizeof(*v->moves));
	v->moves[v->nmoves].arrow = arrow;
	v->moves[v->nmoves].target = target;
	v->moves[v->nmoves].st[0] = v->host[0].state;
	v->moves[v->nmoves].st[1] = v->host[1].state;
	v->moves[v->nmoves].nums[0] = v->host[0].nums;
	v->moves[v->nmoves].nums[1] = v->host[1].nums;
	v->nmoves++;
}

static void
view_note(struct view *v, enum sim_host_id h)
{
	struct view_line *l = view_add_line(v);

	l->note_host = h;
	l->why = v->pend_why[h];
	l->has_state[h] = true;
	l->state[h] = v->pend_state[h];
	v->pend[h] = false;
	v->state_row[h] = v->nlines;
}

/* A host chose a new ISS when its own TCP sends a SYN with a new number. */
static void
view_track_iss(struct view *v, enum sim_host_id h, const struct flight *f)
{
	struct view_host *vh = &v->host[h];

	if (f->origin != ORIGIN_SENT || !(f->seg.flags & TCP_SYN))
		return;
	if (vh->niss > 0 && vh->iss[vh->niss - 1] == f->seg.seq)
		return;
	if (vh->niss == VIEW_ISS_MAX) {
		memmove(vh->iss, vh->iss + 1, (VIEW_ISS_MAX - 1) *
		    sizeof(vh->iss[0]));
		vh->niss--;
	}
	vh->iss[vh->niss++] = f->seg.seq;
}

static uint32_t
view_inc(const struct view *v, enum sim_host_id h)
{
	return v->host[h].niss ? v->host[h].niss - 1 : VIEW_NOINC;
}

/* Segments going opposite ways that are on the wire at once pass each
 * other (both FINs of a simultaneous close): one row per segment cannot
 * show that by position, so each is marked with the other's number. */
static void
view_cross(struct view *v, struct view_arrow *a)
{
	for (size_t i = v->narrows; i-- > 0; ) {
		struct view_arrow *o = &v->arrows[i];

		if (o->fate == VIEW_FLIGHT && o->f.dir != a->f.dir &&
		    o->crossed == 0) {
			o->crossed = a->f.id;
			a->crossed = o->f.id;
			return;
		}
	}
}

static void
view_add_arrow(struct view *v, const struct flight *f, bool rexmit)
{
	enum sim_host_id from = (enum sim_host_id)f->dir;
	enum sim_host_id to = (enum sim_host_id)(1 - f->dir);
	struct view_arrow *a;
	struct view_line *l;

	view_track_iss(v, from, f);
	xgrow(&v->arrows, &v->caparrows, v->narrows + 1, sizeof(*v->arrows));
	a = &v->arrows[v->narrows];
	memset(a, 0, sizeof(*a));
	a->f = *f;
	a->rexmit = rexmit;
	a->seq_inc = view_inc(v, from);
	a->ack_inc = view_inc(v, to);
	a->fate = VIEW_FLIGHT;
	l = view_add_line(v);
	l->is_arrow = true;
	l->arrow = v->narrows;
	a->line = v->nlines - 1;
	if (v->pend[from]) {
		l->has_state[from] = true;
		l->state[from] = v->pend_state[from];
		v->pend[from] = false;
		v->state_row[from] = v->nlines;
	}
	view_move(v, v->narrows, VIEW_MID);
	view_cross(v, a);
	v->narrows++;
}

static struct view_arrow *
view_arrow_mut(struct view *v, uint32_t id, size_t *idx)
{
	/* Newest first: recent segments are the ones that move. */
	for (size_t i = v->narrows; i-- > 0; )
		if (v->arrows[i].f.id == id) {
			*idx = i;
			return &v->arrows[i];
		}
	return NULL;
}

const struct view_arrow *
view_arrow_by_id(const struct view *v, uint32_t id)
{
	for (size_t i = v->narrows; i-- > 0; )
		if (v->arrows[i].f.id == id)
			return &v->arrows[i];
	return NULL;
}

static void
view_fate(struct view *v, const struct flight *f, enum view_fate fate)
{
	struct view_arrow *a;
	size_t idx;

	if ((a = view_arrow_mut(v, f->id, &idx)) == NULL)
		return;
	a->fate = fate;
	if (fate == VIEW_DELIVERED) {
		view_move(v, idx, VIEW_END);
		v->delivering = true;
		v->deliver_arrow = idx;
	}
}

/* A state change: on the delivered segment's row when the receiver
 * changed because of it, else held for the host's next segment.  Each
 * host's margin must read in time order, so a late arrival on an old row
 * counts as having no row. */
static void
view_state(struct view *v, enum sim_host_id h, const struct tcp_ev *te)
{
	struct view_host *vh = &v->host[h];

	vh->state = te->to;
	vh->changed = true;
	if (te->why == TCP_W_CRASH)
		vh->crashed = true;
	else if (te->from == TCP_CLOSED || te->to != TCP_CLOSED)
		vh->crashed = false;
	if (te->to == TCP_CLOSED || te->from == TCP_CLOSED) {
		vh->shut_wr = false;
		if (te->from == TCP_CLOSED)
			vh->has_notice = false;
	}
	if (te->why == TCP_W_SHUTDOWN_FIN)
		vh->shut_wr = true;
	if (v->delivering) {
		const struct view_arrow *a = &v->arrows[v->deliver_arrow];
		struct view_line *l = &v->lines[a->line];

		if ((enum sim_host_id)(1 - a->f.dir) == h &&
		    !l->has_state[h] && a->line + 1 >= v->state_row[h]) {
			l->has_state[h] = true;
			l->state[h] = te->to;
			v->state_row[h] = a->line + 1;
			return;
		}
	}
	if (v->pend[h])
		view_note(v, h);
	v->pend[h] = true;
	v->pend_state[h] = te->to;
	v->pend_why[h] = te->why;
}

static void
view_tcp(struct view *v, const struct sim_ev *ev)
{
	const struct tcp_ev *te = &ev->tcp;
	struct view_host *vh = &v->host[ev->host];

	switch (te->kind) {
	case TCP_EV_STATE:
		view_state(v, ev->host, te);
		break;
	case TCP_EV_SEND:
		view_add_arrow(v, &ev->flight, te->rexmit);
		break;
	case TCP_EV_NOTICE:
		vh->has_notice = true;
		vh->notice = te->notice;
		break;
	case TCP_EV_DATA:
		vh->bytes_in += te->bytes;
		break;
	case TCP_EV_TIMER_ARM:
	case TCP_EV_TIMER_STOP:
	case TCP_EV_TIMER_FIRE:
	case TCP_EV_DROP:
		break;
	}
}

/* This event put a segment on the wire that passes another. */
static bool
view_new_crossing(const struct view *v, const struct sim_ev *ev)
{
	bool sent = ev->kind == SIM_EV_DUP || ev->kind == SIM_EV_INJECT ||
	    (ev->kind == SIM_EV_TCP && ev->tcp.kind == TCP_EV_SEND);

	return sent && v->narrows > 0 &&
	    v->arrows[v->narrows - 1].f.id == ev->flight.id &&
	    v->arrows[v->narrows - 1].crossed != 0;
}

static void
view_one(struct view *v, const struct sim_ev *ev, bool quiet)
{
	char buf[512];

	switch (ev->kind) {
	case SIM_EV_TCP:
		view_tcp(v, ev);
		break;
	case SIM_EV_DELIVER:
		view_fate(v, &ev->flight, VIEW_DELIVERED);
		break;
	case SIM_EV_LOST:
		view_fate(v, &ev->flight, VIEW_LOST);
		break;
	case SIM_EV_EXPIRED:
		view_fate(v, &ev->flight, VIEW_EXPIRED);
		break;
	case SIM_EV_DUP:
	case SIM_EV_INJECT:
		view_add_arrow(v, &ev->flight, false);
		break;
	}
	if (!quiet && view_event_text(v, ev, buf, sizeof(buf)) != NULL)
		view_narrate(v, buf);
	if (!quiet && view_new_crossing(v, ev))
		view_narrate(v, view_cross_text(&v->arrows[v->narrows - 1],
		    buf, sizeof(buf)));
}

void
view_feed(struct view *v, const struct sim_ev *ev, size_t n)
{
	/* An arrival is told by what the receiver does with it; only an
	 * arrival with no consequence gets a sentence of its own. */
	for (size_t i = 0; i < n; i++) {
		v->now = ev[i].time;
		v->host[0].nums = ev[i].nums[0];
		v->host[1].nums = ev[i].nums[1];
		view_one(v, &ev[i], ev[i].kind == SIM_EV_DELIVER && i + 1 < n &&
		    ev[i + 1].kind == SIM_EV_TCP);
	}
}

void
view_end(struct view *v)
{
	for (int h = 0; h < 2; h++)
		if (v->pend[h])
			view_note(v, (enum sim_host_id)h);
	v->delivering = false;
}

bool
view_animating(const struct view *v)
{
	return v->headmove < v->nmoves;
}

/* Move the head of the queue; a finished move hands the rest of delta to
 * the next, so a fast speed never stalls on short moves. */
bool
view_tick(struct view *v, unsigned delta)
{
	while (delta > 0 && v->headmove < v->nmoves) {
		struct view_move *m = &v->moves[v->headmove];
		struct view_arrow *a = &v->arrows[m->arrow];
		unsigned gap;

		a->started = true;
		if (a->shown >= m->target) {
			v->headmove++;
			continue;
		}
		gap = m->target - a->shown;
		if (delta < gap) {
			a->shown += delta;
			return true;
		}
		a->shown = m->target;
		delta -= gap;
		v->headmove++;
	}
	if (v->headmove == v->nmoves)
		v->headmove = v->nmoves = 0;
	return view_animating(v);
}

void
view_settle(struct view *v)
{
	for (size_t i = v->headmove; i < v->nmoves; i++) {
		struct view_arrow *a = &v->arrows[v->moves[i].arrow];

		a->started = true;
		if (a->shown < v->moves[i].target)
			a->shown = v->moves[i].target;
	}
	v->headmove = v->nmoves = 0;
}

/* A move is queued before the receiver reacts to the arrival, so its
 * snapshot is what the boxes showed while the segment was on its way. */
bool
view_anim_nums(const struct view *v, enum sim_host_id h,
    struct sim_nums *nums)
{
	if (!view_animating(v))
		return false;
	*nums = v->moves[v->headmove].nums[h];
	return true;
}

bool
view_anim_state(const struct view *v, enum sim_host_id h, enum tcp_state *st)
{
	if (!view_animating(v))
		return false;
	*st = v->moves[v->headmove].st[h];
	return true;
}
