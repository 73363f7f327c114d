/*
 * A learner's walk through a lesson (see walk.h for the data): moving
 * between steps, the marks of the steps done, finishing, and judging a
 * question's answers.
 *
 * A step counts as done when it was passed, answered or shown in this
 * visit (or before the saved place); going back and forward again keeps
 * the marks, so a step once done never asks to be skipped.  A lesson is
 * complete only when no task or question step is left undone: skipping
 * reaches the end, but does not pass.
 */
#include <config.h>

#include <stdint.h>
#include <string.h>

#include "core/tcp.h"
#include "lesson/walk.h"

bool
lwalk_step_done(const struct lwalk *w)
{
	return lrun_cur(&w->lr)->kind == LESSON_SAY || w->lr.done ||
	    w->revealed || w->lr.broken || w->stepdone[w->lr.step];
}

/* Remember the step as done before leaving it, so that going back and
 * forward again does not ask to skip a step already done. */
static void
lwalk_mark_step(struct lwalk *w)
{
	if (lwalk_step_done(w))
		w->stepdone[w->lr.step] = true;
}

size_t
lwalk_first_undone(const struct lwalk *w)
{
	for (size_t i = 0; i < w->l.nsteps; i++)
		if (w->l.steps[i].kind != LESSON_SAY && !w->stepdone[i])
			return i;
	return SIZE_MAX;
}

const struct lesson_info *
lwalk_next_lesson(const struct lwalk *w)
{
	size_t i = (size_t)(w->li - w->cat->v) + 1;

	return i < w->cat->n ? &w->cat->v[i] : NULL;
}

/* Past the last step: the last page, which saves the lesson complete or
 * its first undone step as the place; from the last page, out. */
static enum lwalk_move
lwalk_finish(struct lwalk *w)
{
	size_t undone = lwalk_first_undone(w);

	if (w->finished)
		return LWALK_LEAVE;
	w->finished = true;
	if (undone == SIZE_MAX)
		(void)lwalk_save(w, true);
	else
		(void)lwalk_save_at(w, undone, false);
	return LWALK_END;
}

/* Did the learner's events lead somewhere other than the world the next
 * step starts from, without reaching the goal?  Then moving on replaces
 * the learner's world and says so. */
enum lwalk_move
lwalk_next(struct lwalk *w)
{
	bool replaced;

	if (!w->finished)
		lwalk_mark_step(w);
	if (w->finished || lrun_at_end(&w->lr))
		return lwalk_finish(w);
	replaced = w->s->pos > w->base && lrun_sets_aside(&w->lr, &w->s->w);
	(void)lrun_next(&w->lr);
	(void)lwalk_enter(w);
	w->replaced = replaced;
	return LWALK_STEP;
}

enum lwalk_move
lwalk_back(struct lwalk *w)
{
	if (w->finished) {
		w->finished = false;
		return LWALK_PAGE;
	}
	if (w->lr.step == 0)
		return LWALK_STAY;
	lwalk_mark_step(w);
	(void)lrun_back(&w->lr);
	(void)lwalk_enter(w);
	return LWALK_STEP;
}

enum lwalk_move
lwalk_restart(struct lwalk *w)
{
	(void)lrun_restart_step(&w->lr);
	(void)lwalk_enter(w);
	return LWALK_STEP;
}

bool
lwalk_asking(const struct lwalk *w, enum lesson_qkind k)
{
	const struct lesson_step *st = lrun_cur(&w->lr);

	return st->kind == LESSON_QUESTION && st->qkind == k &&
	    w->lr.answer_ok && !w->finished;
}

bool
lwalk_answered(const struct lwalk *w)
{
	return w->lr.done || w->revealed;
}

static enum lwalk_said
lwalk_judged(struct lwalk *w, enum lrun_verdict v)
{
	if (v == LRUN_INVALID)
		return LWALK_INVALID;
	w->has_verdict = true;
	w->verdict = v;
	return LWALK_JUDGED;
}

/* An ordering: each choice puts the next item in place (again: no
 * change); the last one sends the whole order, and a wrong order starts
 * again from none. */
static enum lwalk_said
lwalk_pick_order(struct lwalk *w, size_t k)
{
	size_t n = lrun_cur(&w->lr)->nchoices, order[LWALK_MAXORDER];
	enum lrun_verdict v;

	if (k >= n || n > LWALK_MAXORDER)
		return LWALK_INVALID;
	for (size_t i = 0; i < w->npick; i++)
		if (w->pick[i] == k)
			return LWALK_MORE;
	w->pick[w->npick++] = k;
	w->has_verdict = false;
	if (w->npick < n)
		return LWALK_MORE;
	for (size_t i = 0; i < n; i++)
		order[i] = w->perm[w->pick[i]];
	v = lrun_answer_order(&w->lr, order, n);
	if (v == LRUN_WRONG)
		w->npick = 0;
	return lwalk_judged(w, v);
}

enum lwalk_said
lwalk_pick(struct lwalk *w, size_t k)
{
	if (lwalk_asking(w, LESSON_Q_ORDER))
		return lwalk_pick_order(w, k);
	return lwalk_judged(w, lrun_answer_choice(&w->lr, k));
}

void
lwalk_unpick(struct lwalk *w)
{
	if (w->npick > 0 && !w->lr.done)
		w->npick--;
}

/* A typed answer; a wrong one that is another field of the same
 * segment, or the other host's, says which in w->wrong. */
enum lwalk_said
lwalk_answer(struct lwalk *w, const char *typed)
{
	enum lrun_verdict v = lrun_answer_text(&w->lr, typed);

	w->wrong[0] = '\0';
	if (v == LRUN_WRONG)
		(void)lrun_wrong_why(&w->lr, typed, w->wrong,
		    sizeof(w->wrong));
	return lwalk_judged(w, v);
}

enum lwalk_akind
lwalk_answer_kind(const struct lwalk *w)
{
	const struct lesson_value *v = &w->lr.answer;
	enum tcp_state st;

	if (!w->lr.answer_ok || v->is_num)
		return LWALK_A_NUMBER;
	if (tcp_state_parse(v->word, &st))
		return LWALK_A_STATE;
	if (strchr(v->word, '+') != NULL || strspn(v->word,
	    "ACKFINPSHRSTSYNURG") == strlen(v->word))
		return LWALK_A_FLAGS;
	return LWALK_A_WORD;
}

/* Capitals for flags and states, so that typing FIN+ACK cannot inject,
 * duplicate, abort and crash, and t, d and the other keys a simulator
 * binds stay its own. */
bool
lwalk_starts_answer(const struct lwalk *w, int ch)
{
	switch (lwalk_answer_kind(w)) {
	case LWALK_A_NUMBER:
		return ch >= '0' && ch <= '9';
	case LWALK_A_STATE:
		return ch > 0 && ch < 128 && strchr("CEFLST", ch) != NULL;
	case LWALK_A_FLAGS:
		return ch > 0 && ch < 128 && strchr("ACEFPRSU", ch) != NULL;
	case LWALK_A_WORD:
		break;
	}
	return ch > ' ' && ch != 127;
}
