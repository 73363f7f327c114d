/*
 * A learner's walk through a lesson (see walk.h for the data): opening
 * it at the saved place, entering a step, the learner's world changing,
 * hints, undo and the solution, moving between steps, finishing, and
 * judging a question's answers.
 *
 * Each step starts by loading the learner's session with the runner's
 * commands for it, so the learner's world is always the one the lesson's
 * author checked; the place is saved on every step change and on
 * leaving.  The place saved is the furthest step reached, so going back
 * to reread and then leaving loses nothing.  A step counts as done when
 * it was passed, answered or shown, in this visit or an earlier one (the
 * progress file keeps each step's mark); going back and forward keeps
 * the marks, so a step once done never asks to be skipped.  A
 * lesson is complete only when no task or question step is left undone:
 * skipping reaches the end, but does not pass.
 */
#include <config.h>

#include <assert.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/tcp.h"
#include "lesson/hint.h"
#include "lesson/walk.h"
#include "lib/i18n.h"
#include "lib/sbuf.h"
#include "lib/xalloc.h"
#include "script/parse.h"

bool
lwalk_open(struct lwalk *w, const struct lesson_catalog *cat,
    const struct lesson_info *li, struct lesson_progress *prog,
    struct session *s, struct lesson_err *e)
{
	const struct lesson_mark *m;
	size_t step = 0;

	memset(w, 0, sizeof(*w));
	memset(e, 0, sizeof(*e));
	if (li->title == NULL) {
		*e = li->err;
		return false;
	}
	if (!lesson_load(li->path, &w->l, e) || w->l.nsteps == 0) {
		lesson_free(&w->l);
		return false;
	}
	if ((m = lesson_progress_get(prog, li->name)) != NULL && m->step > 0)
		step = m->step - 1;
	if (step >= w->l.nsteps)	/* the lesson was cut short since */
		step = w->l.nsteps - 1;
	w->cat = cat;
	w->li = li;
	w->prog = prog;
	w->s = s;
	w->reached = step;
	w->stepdone = xcalloc(w->l.nsteps, sizeof(*w->stepdone));
	for (size_t i = 0; i < w->l.nsteps; i++)
		w->stepdone[i] = lesson_mark_step_done(m, i);
	(void)lrun_start(&w->lr, &w->l, step);
	return true;
}

/* Save the place as step (0-based) with each step's mark, the current
 * one's as it stands; done: the lesson is complete. */
static bool
lwalk_save_at(struct lwalk *w, size_t step, bool done)
{
	uint64_t steps = 0;

	for (size_t i = 0; i < w->l.nsteps && i < LESSON_MARK_STEPS; i++)
		if (w->stepdone[i] || (i == w->lr.step && lwalk_step_done(w)))
			steps |= (uint64_t)1 << i;
	w->err[0] = '\0';
	return lesson_progress_keep(w->prog, w->li->name, done ? 1 :
	    (unsigned)step + 1, done, steps, w->err, sizeof(w->err)) ==
	    LESSON_PROGRESS_OK;
}

/* The furthest step reached is the place, not the one shown. */
static bool
lwalk_save(struct lwalk *w, bool done)
{
	return lwalk_save_at(w, w->reached, done);
}

void
lwalk_close(struct lwalk *w)
{
	if (!w->finished)
		(void)lwalk_save(w, false);
	lrun_free(&w->lr);
	lesson_free(&w->l);
	free(w->stepdone);
	w->stepdone = NULL;
}

/* Load the step's world: the commands before its run lines at once,
 * then its run lines one by one, so that a front end can animate them. */
bool
lwalk_enter(struct lwalk *w)
{
	const struct lesson_step *st = lrun_cur(&w->lr);
	const struct cmd *cmds;
	size_t n, np;

	cmds = lrun_step_cmds(&w->lr, &n, &np);
	session_load(w->s, cmds, n);
	session_goto(w->s, np);
	while (session_redo(w->s))
		continue;
	w->base = w->s->pos;
	w->checked = w->has_verdict = w->revealed = w->solved = false;
	w->finished = false;
	w->why[0] = w->wrong[0] = '\0';
	w->past = w->replaced = w->asked = w->offpath = false;
	w->hint[0] = w->stray[0] = '\0';
	w->npick = 0;
	if (st->kind == LESSON_QUESTION && st->qkind == LESSON_Q_ORDER &&
	    st->nchoices <= LWALK_MAXORDER)
		lrun_order_shuffle(&w->lr, w->perm);
	if (w->lr.step > w->reached)
		w->reached = w->lr.step;
	return lwalk_save(w, false);
}

/* The hint from the learner's own world once it has left the step's
 * path (an author's hint would talk about segments and timers that are
 * not there any more).  Off the path, the event that made the goal
 * unreachable is named (nothing while it is in reach: any way counts);
 * the hint's search runs only once a hint was asked for in this step,
 * and then after every event, so the hint stays true. */
static void
lwalk_hint_update(struct lwalk *w, uint32_t sel)
{
	const struct session *s = w->s;
	struct lhint h;

	w->offpath = false;
	w->hint[0] = w->stray[0] = '\0';
	if (lrun_cur(&w->lr)->kind != LESSON_TASK || w->lr.done ||
	    w->lr.broken || s->pos <= w->base ||
	    lhint_on_path(&w->lr, &s->w))
		return;
	w->offpath = true;
	(void)lhint_stray_text(&w->lr, s->cmds, w->base, s->pos, w->stray,
	    sizeof(w->stray));
	if (!w->asked)
		return;
	lhint_compute(&w->lr, s->cmds, w->base, s->pos, sel, &h);
	snprintf(w->hint, sizeof(w->hint), "%s", h.text);
}

void
lwalk_changed(struct lwalk *w, uint32_t sel)
{
	const struct session *s = w->s;

	if (lrun_cur(&w->lr)->kind != LESSON_TASK || w->lr.broken)
		return;
	w->past = false;
	if (lrun_check(&w->lr, &s->w, w->why, sizeof(w->why)) ==
	    LRUN_NOT_YET)
		w->past = lrun_past_goal(&w->lr, s->cmds, w->base, s->pos,
		    w->why, sizeof(w->why));
	/* Back at the step's start: nothing of the learner's to judge. */
	w->checked = s->pos > w->base || w->lr.done;
	lwalk_hint_update(w, sel);
}

/* Off the path the hint is the one computed from the learner's world;
 * on it, the author's next one. */
const char *
lwalk_hint(struct lwalk *w, uint32_t sel)
{
	if (lrun_cur(&w->lr)->kind != LESSON_TASK)
		return _("No hint here; for a question, $ shows the answer.");
	w->asked = true;
	lwalk_hint_update(w, sel);
	if (!w->offpath && lrun_hint(&w->lr) == NULL)
		return _("No more hints: $ shows the solution.");
	return NULL;
}

const char *
lwalk_undo(struct lwalk *w)
{
	/* The learner's events come after the step's own. */
	assert(w->base <= w->s->pos);
	if (w->s->pos <= w->base)
		return _("This is where the step starts: nothing of yours to "
		    "undo (R restarts the step).");
	(void)session_undo(w->s);
	lwalk_changed(w, 0);
	return NULL;
}

const char *
lwalk_solve(struct lwalk *w, char **said)
{
	const struct cmd *sol;
	struct sbuf text = { 0 };
	char line[256];
	size_t n;

	*said = NULL;
	if (lrun_cur(&w->lr)->kind == LESSON_QUESTION) {
		w->revealed = true;
		return NULL;
	}
	if (lrun_cur(&w->lr)->kind != LESSON_TASK || w->lr.broken)
		return _("Nothing to solve here: press n to go on.");
	(void)lwalk_restart(w);
	sol = lrun_solution(&w->lr, &n);
	for (size_t i = 0; i < n; i++) {
		(void)session_do(w->s, &sol[i]);
		sbuf_add(&text, "%s%s", i > 0 ? "; " : "",
		    script_format(&sol[i], line, sizeof(line)));
	}
	w->solved = true;
	lwalk_changed(w, 0);
	*said = sbuf_take(&text);
	return NULL;
}

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
	if (undone == SIZE_MAX) {
		(void)lwalk_save(w, true);
	} else {
		/* Resumed there, unless a later step is entered. */
		w->reached = undone;
		(void)lwalk_save_at(w, undone, false);
	}
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
