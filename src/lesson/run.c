/*
 * The lesson runner (see run.h): entering steps, checking tasks and
 * answers.
 *
 * Data model: entering step k replays the canonical path to it into
 * lr->w, recording state-entry times in lr->hist and the notice counts in
 * lr->base, so that "expect notice" in a check means "since the step
 * began".  A question's correct answer is fixed on entry: from the file,
 * or by evaluating its answer-from query on a scratch world that has also
 * played the question's peek lines.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/i18n.h"
#include "lib/xalloc.h"
#include "lesson/run.h"

static bool
lrun_feed(void *arg, struct world *w, size_t i, const struct sim_result *res)
{
	(void)i;
	if (res->status != SIM_OK)
		return false;
	if (arg != NULL)
		lesson_hist_feed(arg, w);
	return true;
}

/* Apply cmds to w; on failure say which line and why. */
static bool
lrun_play(struct world *w, struct lesson_hist *hist, const struct cmd *cmds,
    size_t n, unsigned *line, char *why, size_t whysize)
{
	struct sim_result res = { SIM_OK, "" };
	size_t k = world_replay(w, cmds, n, &res, lrun_feed, hist);
	char text[256];

	if (res.status == SIM_OK)
		return true;
	*line = cmds[k - 1].line;
	snprintf(why, whysize, "%s: %s", script_format(&cmds[k - 1], text,
	    sizeof(text)), res.msg);
	return false;
}

bool
lrun_play_cmds(struct world *w, const struct cmd *cmds, size_t n,
    unsigned *line, char *why, size_t whysize)
{
	return lrun_play(w, NULL, cmds, n, line, why, whysize);
}

bool
lrun_replay(struct world *w, const struct lrun *lr)
{
	unsigned line;
	char why[320];

	return lrun_play(w, NULL, lr->entry.cmds, lr->entry.n, &line, why,
	    sizeof(why));
}

static void
lrun_append(struct script *s, const struct script *from)
{
	for (size_t i = 0; i < from->n; i++)
		script_append(s, &from->cmds[i]);
}

static void
lrun_build_entry(struct lrun *lr)
{
	const struct lesson *l = lr->l;
	size_t start = lr->step;

	script_free(&lr->entry);
	memset(&lr->entry, 0, sizeof(lr->entry));
	while (start > 0 && !l->steps[start].fresh)
		start--;
	if (!l->steps[start].fresh)
		lrun_append(&lr->entry, &l->setup);
	for (size_t i = start; i < lr->step; i++) {
		lrun_append(&lr->entry, &l->steps[i].run);
		if (l->steps[i].kind == LESSON_TASK)
			lrun_append(&lr->entry, &l->steps[i].solution);
	}
	lr->nprefix = lr->entry.n;
	lrun_append(&lr->entry, &l->steps[lr->step].run);
}

static struct lesson_ctx
lrun_ctx(const struct lrun *lr, const char *answer)
{
	struct lesson_ctx ctx = { &lr->w, &lr->hist, answer };

	return ctx;
}

/* The value of answer-from, evaluated after the peek lines. */
static bool
lrun_compute(struct lrun *lr, const struct lesson_step *st)
{
	struct world w;
	struct lesson_hist hist = lr->hist;
	struct lesson_ctx ctx = { &w, &hist, NULL };
	bool ok;

	world_init(&w);
	ok = lrun_play(&w, NULL, lr->entry.cmds, lr->entry.n, &lr->err_line,
	    lr->err, sizeof(lr->err)) && lrun_play(&w, &hist, st->peek.cmds,
	    st->peek.n, &lr->err_line, lr->err, sizeof(lr->err));
	if (ok && !lesson_query_eval(&st->query, &ctx, &lr->answer, lr->err,
	    sizeof(lr->err))) {
		lr->err_line = st->query_line;
		ok = false;
	}
	world_free(&w);
	return ok;
}

/* The one choice that says the computed value. */
static bool
lrun_match_choice(struct lrun *lr, const struct lesson_step *st)
{
	char text[256], val[64];

	lr->correct = -1;
	for (size_t i = 0; i < st->nchoices; i++) {
		lrun_expand(lr, st->choices[i].s, text, sizeof(text));
		if (!lesson_value_matches(&lr->answer, text))
			continue;
		if (lr->correct >= 0) {
			lr->correct = -1;
			break;
		}
		lr->correct = (int)i;
	}
	if (lr->correct >= 0)
		return true;
	lr->err_line = st->query_line;
	snprintf(lr->err, sizeof(lr->err), _("answer-from gives %s, which "
	    "must be the text of exactly one choice"),
	    lesson_value_str(&lr->answer, val, sizeof(val)));
	return false;
}

static void
lrun_order_text(struct lrun *lr, const struct lesson_step *st)
{
	char item[256];

	for (size_t i = 0; i < st->nchoices; i++) {
		size_t n = strlen(lr->answer_text);

		lrun_expand(lr, st->choices[i].s, item, sizeof(item));
		snprintf(lr->answer_text + n, sizeof(lr->answer_text) - n,
		    "%s%s", i > 0 ? " \u2192 " : "", item);
	}
}

static bool
lrun_prepare_answer(struct lrun *lr, const struct lesson_step *st)
{
	memset(&lr->answer, 0, sizeof(lr->answer));
	lr->correct = st->correct;
	lr->answer_text[0] = '\0';
	if (st->qkind == LESSON_Q_ORDER) {
		lrun_order_text(lr, st);
		return true;
	}
	if (st->has_query) {
		if (!lrun_compute(lr, st))
			return false;
		if (st->nchoices > 0 && !lrun_match_choice(lr, st))
			return false;
	} else if (st->answer.s != NULL) {
		snprintf(lr->answer.word, sizeof(lr->answer.word), "%s",
		    st->answer.s);
	}
	if (lr->correct >= 0)
		lrun_expand(lr, st->choices[lr->correct].s, lr->answer_text,
		    sizeof(lr->answer_text));
	else
		lesson_value_str(&lr->answer, lr->answer_text,
		    sizeof(lr->answer_text));
	return true;
}

bool
lrun_goto(struct lrun *lr, size_t step)
{
	const struct lesson_step *st;

	if (step >= lr->l->nsteps)
		step = lr->l->nsteps - 1;
	lr->step = step;
	st = &lr->l->steps[step];
	lr->nhints = 0;
	lr->done = lr->answered = false;
	lr->tries = 0;
	lr->err[0] = '\0';
	lr->err_line = 0;
	lr->answer_ok = false;
	lr->broken = false;
	lrun_build_entry(lr);
	world_free(&lr->w);
	world_init(&lr->w);
	memset(&lr->hist, 0, sizeof(lr->hist));
	if (!lrun_play(&lr->w, &lr->hist, lr->entry.cmds, lr->entry.n,
	    &lr->err_line, lr->err, sizeof(lr->err))) {
		lr->broken = true;
		return false;
	}
	world_notices(&lr->w, &lr->base);
	if (st->kind == LESSON_QUESTION)
		lr->answer_ok = lrun_prepare_answer(lr, st);
	return st->kind != LESSON_QUESTION || lr->answer_ok;
}

bool
lrun_start(struct lrun *lr, const struct lesson *l, size_t step)
{
	memset(lr, 0, sizeof(*lr));
	lr->l = l;
	world_init(&lr->w);
	return lrun_goto(lr, step);
}

void
lrun_free(struct lrun *lr)
{
	world_free(&lr->w);
	script_free(&lr->entry);
	memset(lr, 0, sizeof(*lr));
}

bool
lrun_next(struct lrun *lr)
{
	if (lr->step + 1 >= lr->l->nsteps)
		return false;
	return lrun_goto(lr, lr->step + 1);
}

bool
lrun_back(struct lrun *lr)
{
	if (lr->step == 0)
		return false;
	return lrun_goto(lr, lr->step - 1);
}

bool
lrun_restart_step(struct lrun *lr)
{
	return lrun_goto(lr, lr->step);
}

const struct lesson_step *
lrun_cur(const struct lrun *lr)
{
	return &lr->l->steps[lr->step];
}

bool
lrun_at_end(const struct lrun *lr)
{
	return lr->step + 1 >= lr->l->nsteps;
}

const struct cmd *
lrun_step_cmds(const struct lrun *lr, size_t *n, size_t *nprefix)
{
	*n = lr->entry.n;
	if (nprefix != NULL)
		*nprefix = lr->nprefix;
	return lr->entry.cmds;
}

const struct cmd *
lrun_solution(const struct lrun *lr, size_t *n)
{
	*n = lrun_cur(lr)->solution.n;
	return lrun_cur(lr)->solution.cmds;
}

enum lrun_check
lrun_check(struct lrun *lr, const struct world *w, char *why, size_t whysize)
{
	const struct lesson_step *st = lrun_cur(lr);

	if (whysize > 0)
		why[0] = '\0';
	if (st->kind != LESSON_TASK)
		return LRUN_NO_TASK;
	for (size_t i = 0; i < st->check.n; i++) {
		struct sim_result res = { SIM_OK, "" };

		/* Notices count from the step's start. */
		if (world_expect(w, &st->check.cmds[i], &lr->base, &res) !=
		    SIM_OK) {
			/* Said to a learner: in words, not the scenario's. */
			(void)lrun_check_words(lr, w, why, whysize);
			return LRUN_NOT_YET;
		}
	}
	lr->done = true;
	return LRUN_PASSED;
}

const char *
lrun_hint(struct lrun *lr)
{
	const struct lesson_step *st = lrun_cur(lr);

	if (lr->nhints >= st->nhints)
		return NULL;
	return st->hints[lr->nhints++].s;
}

bool
lrun_expand(const struct lrun *lr, const char *text, char *buf, size_t size)
{
	struct lesson_ctx ctx = lrun_ctx(lr, lr->answer_text[0] != '\0' ?
	    lr->answer_text : NULL);
	char why[256];

	return lesson_expand(text, &ctx, buf, size, why, sizeof(why));
}
