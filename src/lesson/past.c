/*
 * Feedback for a stuck learner, from the simulation: "you went past the
 * goal" when every check of a task held at some moment of the learner's
 * events and the first that fails now was broken after it, and why a
 * typed answer is wrong when it is another number of the same segment
 * ("that is the seq, not the ack").
 *
 * Data model: nothing is kept.  The learner's events are replayed on a
 * scratch world with its trace kept, a settle one delivery at a time
 * (the goal may hold between two of them); once every check has held,
 * the happening that broke the check failing now (the host leaving the
 * state, the segment leaving the wire) is the one named.  A goal never
 * reached is never "past".  A wrong answer is compared with the same
 * query asked of the segment's other fields and of the other host.
 */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "lib/i18n.h"
#include "lesson/run.h"

struct past {
	const struct lrun *lr;
	const struct cmd *check;	/* the first failing check */
	bool held;			/* every check held at some moment */
	bool seen;			/* and then ev broke check */
	struct sim_ev ev;
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

/* Did e take the world away from what the failing check wants: the host
 * left the state, or the segment left the wire? */
static bool
past_breaks(const struct cmd *c, const struct sim_ev *e)
{
	if (c->kind == CMD_EXPECT_STATE)
		return e->kind == SIM_EV_TCP && e->host == c->host &&
		    e->tcp.kind == TCP_EV_STATE && e->tcp.from == c->state;
	if (c->kind == CMD_EXPECT_INFLIGHT)
		return (e->kind == SIM_EV_DELIVER || e->kind == SIM_EV_LOST ||
		    e->kind == SIM_EV_EXPIRED) &&
		    past_seg_matches(c, &e->flight);
	return false;
}

/* Do all of the step's checks hold in w? */
bool
lrun_goal_holds(const struct lrun *lr, const struct world *w)
{
	const struct lesson_step *st = lrun_cur(lr);

	for (size_t i = 0; i < st->check.n; i++) {
		struct sim_result res = { SIM_OK, "" };

		if (world_expect(w, &st->check.cmds[i], &lr->base, &res) !=
		    SIM_OK)
			return false;
	}
	return st->check.n > 0;
}

static void
past_one(struct past *p, struct world *w, const struct cmd *c)
{
	struct sim_result res;

	world_trace_clear(w);
	(void)world_apply(w, c, &res);
	for (size_t k = 0; p->held && !p->seen && k < w->ntrace; k++)
		if (past_breaks(p->check, &w->trace[k])) {
			p->ev = w->trace[k];
			p->seen = true;
		}
	if (lrun_goal_holds(p->lr, w)) {
		p->held = true;
		p->seen = false;
	}
	world_trace_clear(w);
}

/* A settle is the learner's d, d, d: the goal may hold between two of
 * its deliveries. */
static void
past_play(struct past *p, struct world *w, const struct cmd *c)
{
	struct cmd d = { .kind = CMD_DELIVER };

	if (c->kind != CMD_SETTLE) {
		past_one(p, w, c);
		return;
	}
	for (int k = 0; k < 64 && w->nwire > 0; k++)
		past_one(p, w, &d);
}

static void
past_say(const struct past *p, const struct world *w, char *why,
    size_t whysize)
{
	const struct cmd *c = p->check;
	const struct flight *f = &p->ev.flight;
	char fl[TCP_FLAGS_BUFSZ];

	if (!p->seen)
		snprintf(why, whysize, "%s", _("You went past the goal: every "
		    "check of this step held earlier, and no longer does. "
		    "Press u to undo your last events."));
	else if (c->kind == CMD_EXPECT_STATE)
		/* TRANSLATORS: host, the state the step wanted, the state
		 * it is in now. */
		snprintf(why, whysize, _("You went past the goal: %s was in "
		    "%s earlier in this step and is now in %s. Press u to undo "
		    "your last events."), _(sim_host_name(c->host)),
		    tcp_state_name(c->state),
		    tcp_state_name(w->host[c->host].tcb.state));
	else
		/* TRANSLATORS: the segment's number and flags. */
		snprintf(why, whysize, p->ev.kind == SIM_EV_DELIVER ?
		    _("You went past the goal: #%lu %s, the segment this step "
		    "is about, was delivered. Press u to undo your last "
		    "events.") : _("You went past the goal: #%lu %s, the "
		    "segment this step is about, was dropped. Press u to undo "
		    "your last events."), (unsigned long)f->id,
		    tcp_flags_str(f->seg.flags, fl));
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

/* Past the goal only when it was really reached: every check held at
 * some moment of the learner's events, and the first that fails now was
 * broken after that moment (the event that broke it is named). */
bool
lrun_past_goal(const struct lrun *lr, const struct cmd *cmds, size_t base,
    size_t pos, char *why, size_t whysize)
{
	const struct lesson_step *st = lrun_cur(lr);
	struct past p = { lr, NULL, false, false, { 0 } };
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
	lrun_play_session(&w, cmds, base);
	w.keep_trace = true;
	for (size_t i = base; i < pos; i++)
		past_play(&p, &w, &cmds[i]);
	if (p.held)
		past_say(&p, &w, why, whysize);
	world_free(&w);
	return p.held;
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
lrun_sets_aside(const struct lrun *lr, const struct world *w)
{
	return !lr->done && !lrun_world_is_solved(lr, w);
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

/* A time counted in milliseconds answered in seconds ("0.2", "200 s"). */
static bool
past_unit(const struct lrun *lr, const char *typed, char *why,
    size_t whysize)
{
	struct lesson_value secs = lr->answer, bare = lr->answer;

	if (!lr->answer.is_num || !lr->answer.in_ms)
		return false;
	secs.in_ms = false;
	bare.in_ms = false;
	bare.milli /= 1000;
	if (!lesson_value_matches(&secs, typed) &&
	    (lr->answer.milli % 1000 != 0 ||
	    !lesson_value_matches(&bare, typed)))
		return false;
	snprintf(why, whysize, "%s", _("The question counts milliseconds, "
	    "not seconds."));
	return true;
}

/* An ack one short: the seq of the SYN or FIN it acknowledges. */
static bool
past_one_short(const struct lrun *lr, const char *typed, char *why,
    size_t whysize)
{
	const struct lesson_step *st = lrun_cur(lr);
	struct lesson_value v = lr->answer;

	if (!v.is_num || st->query.t[0].field != LQ_F_ACK ||
	    (st->query.t[0].kind != LQ_SENT &&
	    st->query.t[0].kind != LQ_INFLIGHT))
		return false;
	v.milli -= 1000;
	if (!lesson_value_matches(&v, typed))
		return false;
	snprintf(why, whysize, "%s", _("One short: an ack names the next "
	    "sequence number expected, and a SYN or FIN occupies one."));
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

	if (st->kind == LESSON_QUESTION && st->qkind == LESSON_Q_VALUE &&
	    lr->answer_ok && past_unit(lr, typed, why, whysize))
		return true;
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
	return ok || (lr->answer_ok && past_one_short(lr, typed, why,
	    whysize));
}
