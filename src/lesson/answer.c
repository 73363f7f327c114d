/*
 * Answering questions, and proving a lesson works (`lessons --check`).
 *
 * Data model: the correct answer was fixed when the step was entered
 * (run.c); answering compares with it and records that the question was
 * answered.  lesson_validate() walks every step with a runner exactly as
 * a learner would: it enters the step, plays the solution on the learner's
 * side and asks lrun_check(), and expands every text, so that what --check
 * accepts is what the UI can show.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/i18n.h"
#include "lesson/run.h"

static enum lrun_verdict
lrun_verdict(struct lrun *lr, bool right)
{
	lr->answered = true;
	lr->tries++;
	if (right)
		lr->done = true;
	return right ? LRUN_RIGHT : LRUN_WRONG;
}

static bool
lrun_asks(const struct lrun *lr, enum lesson_qkind k)
{
	const struct lesson_step *st = lrun_cur(lr);

	return st->kind == LESSON_QUESTION && st->qkind == k && lr->answer_ok;
}

enum lrun_verdict
lrun_answer_choice(struct lrun *lr, size_t i)
{
	if (!lrun_asks(lr, LESSON_Q_CHOICE) || i >= lrun_cur(lr)->nchoices)
		return LRUN_INVALID;
	return lrun_verdict(lr, (int)i == lr->correct);
}

enum lrun_verdict
lrun_answer_text(struct lrun *lr, const char *typed)
{
	if (!lrun_asks(lr, LESSON_Q_VALUE) || typed[strspn(typed, " \t")] ==
	    '\0')
		return LRUN_INVALID;
	return lrun_verdict(lr, lesson_value_matches(&lr->answer, typed));
}

enum lrun_verdict
lrun_answer_order(struct lrun *lr, const size_t *order, size_t n)
{
	const struct lesson_step *st = lrun_cur(lr);
	bool right = true;

	if (!lrun_asks(lr, LESSON_Q_ORDER) || n != st->nchoices)
		return LRUN_INVALID;
	for (size_t i = 0; i < n; i++) {
		if (order[i] >= n)
			return LRUN_INVALID;
		for (size_t j = 0; j < i; j++)
			if (order[j] == order[i])
				return LRUN_INVALID;
		right = right && order[i] == i;
	}
	return lrun_verdict(lr, right);
}

/* A fixed shuffle (the step's line seeds it), never the identity. */
void
lrun_order_shuffle(const struct lrun *lr, size_t *perm)
{
	const struct lesson_step *st = lrun_cur(lr);
	uint64_t x = st->line * 2654435761u + 1;
	size_t n = st->nchoices;

	for (size_t i = 0; i < n; i++)
		perm[i] = i;
	for (size_t i = n; i > 1; i--) {
		size_t j, t;

		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		j = (size_t)(x % i);
		t = perm[i - 1], perm[i - 1] = perm[j], perm[j] = t;
	}
	if (n > 1 && perm[0] == 0 && perm[1] == 1) {
		perm[0] = 1;
		perm[1] = 0;
	}
}

int
lrun_correct_choice(const struct lrun *lr)
{
	return lr->correct;
}

/* ----------------------------------------------------------- validate */

struct lv {
	struct lrun *lr;
	void (*report)(void *, unsigned, const char *);
	void *ctx;
	unsigned n;
	unsigned last_line;		/* the previous report, not repeated */
	char last[400];
};

static void
lv_bad(struct lv *v, unsigned line, const char *msg)
{
	/* A failing solution also breaks the next step's entry. */
	if (v->n > 0 && line == v->last_line && strcmp(msg, v->last) == 0)
		return;
	v->last_line = line;
	snprintf(v->last, sizeof(v->last), "%s", msg);
	v->report(v->ctx, line, msg);
	v->n++;
}

static void
lv_text(struct lv *v, const struct lesson_text *t)
{
	struct lesson_ctx ctx = { &v->lr->w, &v->lr->hist,
	    v->lr->answer_text[0] != '\0' ? v->lr->answer_text : NULL };
	char buf[2048], why[256];

	if (t->s != NULL && !lesson_expand(t->s, &ctx, buf, sizeof(buf), why,
	    sizeof(why)))
		lv_bad(v, t->line, why);
}

static void
lv_texts(struct lv *v, const struct lesson_step *st)
{
	lv_text(v, &st->title);
	lv_text(v, &st->say);
	lv_text(v, &st->task);
	lv_text(v, &st->question);
	lv_text(v, &st->explain);
	for (size_t i = 0; i < st->nhints; i++)
		lv_text(v, &st->hints[i]);
	for (size_t i = 0; i < st->nchoices; i++)
		lv_text(v, &st->choices[i]);
}

/* The solution, played where the learner plays, must pass the check,
 * and the check must not pass before anything is done. */
static void
lv_task(struct lv *v, const struct lesson_step *st)
{
	struct world w;
	char why[400];
	unsigned line = 0;

	if (lrun_check(v->lr, &v->lr->w, why, sizeof(why)) == LRUN_PASSED)
		lv_bad(v, st->task.line, _("the check already passes before "
		    "the learner does anything"));
	world_init(&w);
	if (!lrun_replay(&w, v->lr) || !lrun_play_cmds(&w, st->solution.cmds,
	    st->solution.n, &line, why, sizeof(why)))
		lv_bad(v, line ? line : st->task.line, why);
	else if (lrun_check(v->lr, &w, why, sizeof(why)) != LRUN_PASSED) {
		char msg[480];

		snprintf(msg, sizeof(msg), _("after the solution the check "
		    "fails: %s"), why);
		lv_bad(v, st->check.cmds[0].line, msg);
	}
	world_free(&w);
	v->lr->done = false;
}

unsigned
lesson_validate(const struct lesson *l,
    void (*report)(void *, unsigned, const char *), void *ctx)
{
	struct lrun lr;
	struct lv v = { &lr, report, ctx, 0, 0, "" };
	bool ok = lrun_start(&lr, l, 0);
	unsigned line;

	for (size_t i = 0; i < l->nsteps; i++) {
		const struct lesson_step *st = &l->steps[i];

		if (i > 0)
			ok = lrun_goto(&lr, i);
		line = lr.err_line ? lr.err_line : st->line;
		if (lr.broken) {
			/* Later steps start from this one: stop here. */
			lv_bad(&v, line, lr.err);
			break;
		}
		if (!ok)
			lv_bad(&v, line, lr.err);
		lv_texts(&v, st);
		if (st->kind == LESSON_TASK)
			lv_task(&v, st);
	}
	lrun_free(&lr);
	return v.n;
}
