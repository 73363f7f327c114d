/*
 * Feedback for a stuck learner, from the simulation: "you went past the
 * goal" when a task's check held earlier in the step but no longer does,
 * and why a typed answer is wrong when it is another number of the same
 * segment ("that is the seq, not the ack").
 *
 * Data model: nothing is kept.  The learner's world is rebuilt from the
 * session's commands on a scratch world with its trace kept, and every
 * happening of the learner's own commands (those after the step's) is
 * compared with the first check that fails now: a host entering the
 * expected state, or a segment the check is about being delivered or
 * dropped.  A wrong answer is compared with the same query asked of the
 * segment's other fields and of the other host.
 */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "lib/i18n.h"
#include "lesson/run.h"

struct past {
	const struct cmd *check;	/* the first failing check */
	size_t base;			/* the learner's first command */
	bool seen;
	char why[320];
};

static bool
past_seg_matches(const struct cmd *c, const struct flight *f)
{
	const struct cmd_segspec *s = &c->seg;

	if (c->sel.kind == SEL_ID && c->sel.id != f->id)
		return false;
	if (c->sel.kind == SEL_DIR && c->sel.dir != f->dir)
		return false;
	return s->flags == f->seg.flags && (!s->has_seq ||
	    s->seq == f->seg.seq) && (!s->has_ack || s->ack == f->seg.ack) &&
	    (!s->has_len || s->len == f->seg.len);
}

static void
past_event(struct past *p, const struct world *w, const struct sim_ev *e)
{
	const struct cmd *c = p->check;
	char fl[TCP_FLAGS_BUFSZ];

	if (c->kind == CMD_EXPECT_STATE && e->kind == SIM_EV_TCP &&
	    e->host == c->host && e->tcp.kind == TCP_EV_STATE &&
	    e->tcp.to == c->state) {
		/* TRANSLATORS: host, the state the step wanted, the state
		 * it is in now. */
		snprintf(p->why, sizeof(p->why), _("You went past the goal: "
		    "%s was in %s earlier in this step and is now in %s. Press "
		    "u to undo your last events."), _(sim_host_name(c->host)),
		    tcp_state_name(c->state),
		    tcp_state_name(w->host[c->host].tcb.state));
		p->seen = true;
	} else if (c->kind == CMD_EXPECT_INFLIGHT && (e->kind ==
	    SIM_EV_DELIVER || e->kind == SIM_EV_LOST) &&
	    past_seg_matches(c, &e->flight)) {
		/* TRANSLATORS: the segment's number and flags. */
		snprintf(p->why, sizeof(p->why), e->kind == SIM_EV_DELIVER ?
		    _("You went past the goal: #%lu %s, the segment this step "
		    "is about, was delivered. Press u to undo your last "
		    "events.") : _("You went past the goal: #%lu %s, the "
		    "segment this step is about, was dropped. Press u to undo "
		    "your last events."), (unsigned long)e->flight.id,
		    tcp_flags_str(e->flight.seg.flags, fl));
		p->seen = true;
	}
}

static bool
past_each(void *arg, struct world *w, size_t i, const struct sim_result *res)
{
	struct past *p = arg;

	(void)res;
	if (i < p->base)
		return true;
	for (size_t k = 0; k < w->ntrace; k++)
		past_event(p, w, &w->trace[k]);
	return true;
}

static bool
past_go_on(void *arg, struct world *w, size_t i, const struct sim_result *res)
{
	(void)arg;
	(void)w;
	(void)i;
	(void)res;
	return true;
}

void
lrun_play_session(struct world *w, const struct cmd *cmds, size_t n)
{
	struct sim_result res;

	(void)world_replay(w, cmds, n, &res, past_go_on, NULL);
}

bool
lrun_past_goal(const struct lrun *lr, const struct cmd *cmds, size_t base,
    size_t pos, char *why, size_t whysize)
{
	const struct lesson_step *st = lrun_cur(lr);
	struct past p = { NULL, base, false, "" };
	struct sim_result res;
	struct world w;

	if (st->kind != LESSON_TASK || pos <= base)
		return false;
	/* What fails now, in the learner's world. */
	world_init(&w);
	lrun_play_session(&w, cmds, pos);
	for (size_t i = 0; i < st->check.n && p.check == NULL; i++)
		if (world_expect(&w, &st->check.cmds[i], &lr->base, &res) !=
		    SIM_OK)
			p.check = &st->check.cmds[i];
	world_free(&w);
	if (p.check == NULL)
		return false;
	world_init(&w);
	w.keep_trace = true;
	(void)world_replay(&w, cmds, pos, &res, past_each, &p);
	world_free(&w);
	if (p.seen)
		snprintf(why, whysize, "%s", p.why);
	return p.seen;
}

static bool
past_flights_alike(const struct flight *a, const struct flight *b)
{
	return a->id == b->id && a->dir == b->dir &&
	    a->seg.flags == b->seg.flags && a->seg.seq == b->seg.seq &&
	    a->seg.ack == b->seg.ack && a->seg.len == b->seg.len;
}

/* Alike as a learner sees them: the clock, each host's state and
 * numbers, and what is in flight. */
bool
lrun_worlds_alike(const struct world *a, const struct world *b)
{
	if (a->now != b->now || a->nwire != b->nwire)
		return false;
	for (int h = 0; h < 2; h++) {
		const struct tcp_tcb *x = &a->host[h].tcb, *y = &b->host[h].tcb;

		if (x->state != y->state || x->snd_una != y->snd_una ||
		    x->snd_nxt != y->snd_nxt || x->rcv_nxt != y->rcv_nxt)
			return false;
	}
	for (size_t i = 0; i < a->nwire; i++)
		if (!past_flights_alike(&a->wire[i], &b->wire[i]))
			return false;
	return true;
}

bool
lrun_world_is_solved(const struct lrun *lr, const struct world *w)
{
	const struct lesson_step *st = lrun_cur(lr);
	struct world sol;
	char err[256];
	unsigned line;
	bool alike;

	world_init(&sol);
	alike = lrun_play_cmds(&sol, lr->entry.cmds, lr->entry.n, &line, err,
	    sizeof(err)) && lrun_play_cmds(&sol, st->solution.cmds,
	    st->solution.n, &line, err, sizeof(err)) &&
	    lrun_worlds_alike(&sol, w);
	world_free(&sol);
	return alike;
}

static const char *
past_field_name(enum lq_field f)
{
	switch (f) {
	case LQ_F_SEQ:
		return "seq";
	case LQ_F_ACK:
		return "ack";
	case LQ_F_LEN:
		return "len";
	case LQ_F_FLAGS:
		return _("flags");
	case LQ_F_ID:
		return _("segment number");
	case LQ_F_NEXT:
		return _("next sequence number");
	}
	return "?";
}

/* Does the query q, evaluated in w, give what was typed? */
static bool
past_gives(const struct world *w, const struct lrun *lr,
    const struct lesson_query *q, const char *typed)
{
	struct lesson_ctx ctx = { w, &lr->hist, NULL };
	struct lesson_value v;
	char why[256];

	return lesson_query_eval(q, &ctx, &v, why, sizeof(why)) &&
	    lesson_value_matches(&v, typed);
}

/* Another field of the same segment, or the same field of the other
 * host's, in w (the world the answer was computed in). */
static bool
past_other(const struct world *w, const struct lrun *lr, const char *typed,
    char *why, size_t whysize)
{
	const struct lesson_query *asked = &lrun_cur(lr)->query;
	const struct lesson_term *t = &asked->t[0];
	struct lesson_query q;

	for (int f = LQ_F_SEQ; f <= LQ_F_NEXT; f++) {
		q = *asked;
		q.t[0].field = (enum lq_field)f;
		if (f == (int)t->field || !past_gives(w, lr, &q, typed))
			continue;
		/* TRANSLATORS: two fields of a segment: seq, ack, len. */
		snprintf(why, whysize, _("That is the %s, not the %s."),
		    past_field_name((enum lq_field)f),
		    past_field_name(t->field));
		return true;
	}
	if (t->kind != LQ_SENT)
		return false;
	q = *asked;
	q.t[0].host = t->host == HOST_CLIENT ? HOST_SERVER : HOST_CLIENT;
	if (!past_gives(w, lr, &q, typed))
		return false;
	/* TRANSLATORS: a field, then the host that sent it, twice. */
	snprintf(why, whysize, _("That is the %s of the %s's segment; the "
	    "question asks about the %s's."), past_field_name(t->field),
	    _(sim_host_name(q.t[0].host)), _(sim_host_name(t->host)));
	return true;
}

bool
lrun_wrong_why(const struct lrun *lr, const char *typed, char *why,
    size_t whysize)
{
	const struct lesson_step *st = lrun_cur(lr);
	const struct lesson_term *t = &st->query.t[0];
	struct world w;
	char err[256];
	unsigned line;
	bool ok;

	if (st->kind != LESSON_QUESTION || st->qkind != LESSON_Q_VALUE ||
	    !st->has_query || st->query.nterms != 1 ||
	    (t->kind != LQ_SENT && t->kind != LQ_INFLIGHT))
		return false;
	/* The world the answer came from: the step's, then its peek. */
	world_init(&w);
	ok = lrun_play_cmds(&w, lr->entry.cmds, lr->entry.n, &line, err,
	    sizeof(err)) && lrun_play_cmds(&w, st->peek.cmds, st->peek.n,
	    &line, err, sizeof(err)) && past_other(&w, lr, typed, why,
	    whysize);
	world_free(&w);
	return ok;
}
