/*
 * Folding the world's trace into the view model (see view.h): the shared
 * ladder model (sim/ladder.c) places rows and states; this adds the
 * animation queue and keeps the narration (its sentences are the
 * ladder's, sim/ladder_narr.c), one happening at a time, so that each
 * sentence reads the ladder as it stood then.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "lib/xalloc.h"
#include "ui/view.h"

void
view_init(struct view *v)
{
	memset(v, 0, sizeof(*v));
	ladder_init(&v->lad);
}

void
view_free(struct view *v)
{
	for (size_t i = 0; i < v->nnarr; i++)
		free(v->narr[i]);
	free(v->narr);
	ladder_free(&v->lad);
	free(v->anim);
	free(v->moves);
	memset(v, 0, sizeof(*v));
}

void
view_reset(struct view *v)
{
	view_free(v);
	view_init(v);
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
	v->told.why = TCP_W_NONE;
	ladder_begin(&v->lad);
}

static void
view_move(struct view *v, size_t arrow, unsigned target)
{
	xgrow(&v->moves, &v->capmoves, v->nmoves + 1, sizeof(*v->moves));
	v->moves[v->nmoves].arrow = arrow;
	v->moves[v->nmoves].target = target;
	v->moves[v->nmoves].st[0] = v->lad.host[0].state;
	v->moves[v->nmoves].st[1] = v->lad.host[1].state;
	v->moves[v->nmoves].nums[0] = v->lad.host[0].nums;
	v->moves[v->nmoves].nums[1] = v->lad.host[1].nums;
	v->nmoves++;
}

/* What ev did to the ladder, as moves: a new arrow starts for the middle
 * of the ladder, a delivered one goes on to the receiver. */
static void
view_animate(struct view *v, const struct sim_ev *ev, size_t narrows)
{
	size_t i;

	if (v->lad.narrows > narrows) {
		xgrow(&v->anim, &v->capanim, v->lad.narrows,
		    sizeof(*v->anim));
		memset(&v->anim[narrows], 0, sizeof(*v->anim));
		view_move(v, narrows, VIEW_MID);
	} else if (ev->kind == SIM_EV_DELIVER &&
	    (i = ladder_arrow_index(&v->lad, ev->flight.id)) <
	    v->lad.narrows)
		view_move(v, i, VIEW_END);
}

static void
view_one(struct view *v, const struct sim_ev *ev, bool quiet)
{
	size_t narrows = v->lad.narrows;
	char buf[512];

	ladder_event(&v->lad, ev);
	view_animate(v, ev, narrows);
	if (!quiet && ladder_event_text(&v->lad, v->num, &v->told, ev, buf,
	    sizeof(buf)) != NULL)
		view_narrate(v, buf);
	if (!quiet && ladder_cross_text(&v->lad, ev, buf, sizeof(buf)) != NULL)
		view_narrate(v, buf);
}

void
view_feed(struct view *v, const struct sim_ev *ev, size_t n)
{
	/* An arrival is told by what the receiver does with it; only an
	 * arrival with no consequence gets a sentence of its own. */
	for (size_t i = 0; i < n; i++)
		view_one(v, &ev[i], ev[i].kind == SIM_EV_DELIVER && i + 1 < n &&
		    ev[i + 1].kind == SIM_EV_TCP);
}

void
view_end(struct view *v)
{
	ladder_end(&v->lad);
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
		struct view_anim *a = &v->anim[m->arrow];
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
		struct view_anim *a = &v->anim[v->moves[i].arrow];

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

void
view_box_build(const struct view *v, const struct world *w,
    enum sim_host_id h, enum ladder_num m, struct ladder_box *out)
{
	enum tcp_state st;
	struct sim_nums n;

	ladder_box_build(&v->lad, w, h, m, view_anim_state(v, h, &st) ?
	    &st : NULL, view_anim_nums(v, h, &n) ? &n : NULL, out);
}

bool
view_anim_state(const struct view *v, enum sim_host_id h, enum tcp_state *st)
{
	if (!view_animating(v))
		return false;
	*st = v->moves[v->headmove].st[h];
	return true;
}
