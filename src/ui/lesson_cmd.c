/*
 * The lesson screens' commands and key tables, with no curses.  The list
 * and the lesson are two screens; the lesson hands every key it does not
 * bind to the simulator screen inside it, so every event key and the `:`
 * prompt work in a lesson, and the simulator tells the lesson when the
 * learner's world changed, so the step's check runs.  Entries that act
 * only while a question is asked say so in applies(), so that otherwise
 * their keys reach the simulator (digits choose a segment there).
 */
#include <config.h>

#include <assert.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "core/tcp.h"
#include "lib/i18n.h"
#include "lib/sbuf.h"
#include "script/parse.h"
#include "ui/lesson_int.h"

static int lui_finish(struct lui *);

static const struct lesson_step *
lui_step(const struct lui *lu)
{
	return lrun_cur(&lu->lr);
}

/* A question the learner can still answer, of kind k. */
static bool
lui_asking(const struct lui *lu, enum lesson_qkind k)
{
	const struct lesson_step *st = lui_step(lu);

	return st->kind == LESSON_QUESTION &&
	    st->qkind == k && lu->lr.answer_ok && !lu->finished;
}

static bool
lui_asking_pick(const struct screen *sc)
{
	const struct lui *lu = sc->state;

	return lui_asking(lu, LESSON_Q_CHOICE) ||
	    lui_asking(lu, LESSON_Q_ORDER) || lui_asking(lu, LESSON_Q_VALUE);
}

static bool
lui_asking_order(const struct screen *sc)
{
	return lui_asking(sc->state, LESSON_Q_ORDER);
}

static bool
lui_asking_value(const struct screen *sc)
{
	return lui_asking(sc->state, LESSON_Q_VALUE);
}

static int
lui_move(struct lui *lu, long to)
{
	if (lu->cat.n == 0)
		return 0;
	lu->sel = screen_row_clamp(to, lu->cat.n);
	return UI_R_ALL;
}

static int
lui_h_up(SCREEN_CMD_ARGS)
{
	struct lui *lu = sc->state;

	return lui_move(lu, (long)lu->sel - 1);
}

static int
lui_h_down(SCREEN_CMD_ARGS)
{
	struct lui *lu = sc->state;

	return lui_move(lu, (long)lu->sel + 1);
}

static int
lui_h_first(SCREEN_CMD_ARGS)
{
	return lui_move(sc->state, 0);
}

static int
lui_h_last(SCREEN_CMD_ARGS)
{
	struct lui *lu = sc->state;

	return lui_move(lu, (long)lu->cat.n);
}

static int
lui_h_open(SCREEN_CMD_ARGS)
{
	struct lui *lu = sc->state;

	if (lu->sel >= lu->cat.n)
		return 0;
	(void)lui_open(lu, lu->sel);
	return UI_R_ALL | UI_R_LAYOUT;
}

static int
lui_h_leave(SCREEN_CMD_ARGS)
{
	app_pop(sc->app);
	return UI_R_ALL | UI_R_LAYOUT;
}

static int
lui_h_back(SCREEN_CMD_ARGS)
{
	struct lui *lu = sc->state;

	if (lu->finished)
		return lui_finish(lu);
	app_pop(sc->app);
	return UI_R_ALL | UI_R_LAYOUT;
}

/* Done enough to move on without a second press of n. */
static bool
lui_step_done(const struct lui *lu)
{
	return lui_step(lu)->kind == LESSON_SAY || lu->lr.done ||
	    lu->revealed || lu->lr.broken || lu->stepdone[lu->lr.step];
}

/* Remember the step as done before leaving it, so that going back and
 * forward again does not ask to skip a step already done. */
static void
lui_mark_step(struct lui *lu)
{
	if (lui_step_done(lu))
		lu->stepdone[lu->lr.step] = true;
}

/* The first task or question step not done, or SIZE_MAX: a lesson is
 * complete only when none is left (n n skips, but does not pass). */
size_t
lui_first_undone(const struct lui *lu)
{
	for (size_t i = 0; i < lu->l.nsteps; i++)
		if (lu->l.steps[i].kind != LESSON_SAY && !lu->stepdone[i])
			return i;
	return SIZE_MAX;
}

/* The last step passed: the lesson is complete. */
static int
lui_finish(struct lui *lu)
{
	size_t undone = lui_first_undone(lu);

	if (lu->finished) {
		if (undone == SIZE_MAX)
			snprintf(lu->note, sizeof(lu->note), _("Lesson %02u "
			    "complete: %s."), lu->li->num, lu->li->title);
		else
			snprintf(lu->note, sizeof(lu->note), _("Lesson %02u "
			    "is not complete: step %zu is not done yet."),
			    lu->li->num, undone + 1);
		lu->note_err = false;
		app_pop(lu->list.app);
		return UI_R_ALL | UI_R_LAYOUT;
	}
	lu->finished = true;
	lu->list.app->msg[0] = '\0';
	lu->ptop = 0;
	if (undone == SIZE_MAX)
		lui_save(lu, true);
	else
		lui_save_at(lu, undone, false);
	return UI_R_ALL;
}

/* The lesson after the open one in the list, or NULL at the end. */
const struct lesson_info *
lui_next_lesson(const struct lui *lu)
{
	size_t i = (size_t)(lu->li - lu->cat.v) + 1;

	return lu->open && i < lu->cat.n ? &lu->cat.v[i] : NULL;
}

static bool
lui_offers_next(const struct screen *sc)
{
	const struct lui *lu = sc->state;

	return lu->finished && lui_next_lesson(lu) != NULL;
}

/* At the end of a lesson, Enter opens the next one. */
static int
lui_h_next_lesson(SCREEN_CMD_ARGS)
{
	struct lui *lu = sc->state;
	size_t i = (size_t)(lui_next_lesson(lu) - lu->cat.v);

	app_pop(lu->list.app);
	lu->sel = i;
	(void)lui_open(lu, i);
	return UI_R_ALL | UI_R_LAYOUT;
}

/* Did the learner's events lead somewhere other than the world the next
 * step starts from, without reaching the goal?  Then moving on replaces
 * the learner's world and says so. */
static bool
lui_world_replaced(const struct lui *lu)
{
	return lu->ui.s.pos > lu->base &&
	    lrun_sets_aside(&lu->lr, &lu->ui.s.w);
}

static int
lui_h_next(SCREEN_CMD_ARGS)
{
	struct lui *lu = sc->state;
	bool replaced;

	if (!lu->finished && !lui_step_done(lu) &&
	    (lu->skip_at == 0 || lu->skip_at + 1 != sc->app->nkeys)) {
		lu->skip_at = sc->app->nkeys;
		lui_message(lu, false, "%s", _("This step is not done yet: "
		    "press n again to skip it."));
		return UI_R_ALL;
	}
	if (!lu->finished)
		lui_mark_step(lu);
	if (lu->finished || lrun_at_end(&lu->lr))
		return lui_finish(lu);
	replaced = lui_world_replaced(lu);
	(void)lrun_next(&lu->lr);
	lui_enter(lu);
	lu->replaced = replaced;
	return UI_R_ALL;
}

static int
lui_h_prev(SCREEN_CMD_ARGS)
{
	struct lui *lu = sc->state;

	if (lu->finished) {
		lu->finished = false;
		return UI_R_ALL;
	}
	if (lu->lr.step == 0) {
		lui_message(lu, false, "%s", _("This is the first step."));
		return UI_R_ALL;
	}
	lui_mark_step(lu);
	(void)lrun_back(&lu->lr);
	lui_enter(lu);
	return UI_R_ALL;
}

static int
lui_h_restart(SCREEN_CMD_ARGS)
{
	struct lui *lu = sc->state;

	(void)lrun_restart_step(&lu->lr);
	lui_enter(lu);
	lui_message(lu, false, "%s", _("The step starts again."));
	lu->pfollow = false;	/* read again from the top */
	return UI_R_ALL;
}

static int
lui_h_hint(SCREEN_CMD_ARGS)
{
	struct lui *lu = sc->state;

	if (lui_step(lu)->kind != LESSON_TASK)
		lui_message(lu, false, "%s", _("No hint here; for a question, "
		    "$ shows the answer."));
	else if (!lui_hint_ask(lu) && lrun_hint(&lu->lr) == NULL)
		lui_message(lu, false, "%s", _("No more hints: $ shows the "
		    "solution."));
	lu->pfollow = true;
	return UI_R_ALL;
}

/* Tasks: restart the step and play the solution, animated; questions:
 * show the answer and the explanation. */
static int
lui_h_solution(SCREEN_CMD_ARGS)
{
	struct lui *lu = sc->state;
	const struct cmd *sol;
	struct sbuf said = { 0 };
	char line[256], *text;
	size_t n;

	lu->pfollow = true;
	if (lui_step(lu)->kind == LESSON_QUESTION) {
		lu->revealed = true;
		return UI_R_ALL;
	}
	if (lui_step(lu)->kind != LESSON_TASK || lu->lr.broken) {
		lui_message(lu, false, "%s", _("Nothing to solve here: press "
		    "n to go on."));
		return UI_R_ALL;
	}
	(void)lrun_restart_step(&lu->lr);
	lui_enter(lu);
	sol = lrun_solution(&lu->lr, &n);
	for (size_t i = 0; i < n; i++) {
		(void)session_do(&lu->ui.s, &sol[i]);
		sbuf_add(&said, "%s%s", i > 0 ? "; " : "",
		    script_format(&sol[i], line, sizeof(line)));
	}
	ui_start_anim(&lu->ui);
	lu->solved = true;
	lui_changed(lu);
	/* TRANSLATORS: scenario commands separated by semicolons. */
	text = sbuf_take(&said);
	lui_message(lu, false, _("The solution, played from the step's "
	    "start: %s"), text);
	free(text);
	return UI_R_ALL;
}

static int
lui_h_undo(SCREEN_CMD_ARGS)
{
	struct lui *lu = sc->state;

	/* The learner's events come after the step's own. */
	assert(lu->base <= lu->ui.s.pos);
	if (lu->ui.s.pos <= lu->base) {
		lui_message(lu, false, "%s", _("This is where the step starts: "
		    "nothing of yours to undo (R restarts the step)."));
		return UI_R_ALL;
	}
	(void)session_undo(&lu->ui.s);
	lu->list.app->msg[0] = '\0';
	lu->ui.sel = 0;
	lu->ui.mark = 0;
	lu->ui.scroll = 0;
	lui_changed(lu);
	return UI_R_ALL;
}

static int
lui_verdict(struct lui *lu, enum lrun_verdict v)
{
	lu->pfollow = true;
	if (v == LRUN_INVALID) {
		lui_message(lu, true, "%s", _("That is not an answer to this "
		    "question."));
		return UI_R_ALL;
	}
	lu->has_verdict = true;
	lu->verdict = v;
	return UI_R_ALL;
}

/* An ordering: each digit puts the next item in place; the last one
 * sends the whole order. */
static int
lui_pick_order(struct lui *lu, size_t k)
{
	size_t n = lui_step(lu)->nchoices, order[LUI_MAXORDER];
	enum lrun_verdict v;

	if (k >= n || n > LUI_MAXORDER)
		return lui_verdict(lu, LRUN_INVALID);
	for (size_t i = 0; i < lu->npick; i++)
		if (lu->pick[i] == k)
			return UI_R_ALL;
	lu->pick[lu->npick++] = k;
	lu->has_verdict = false;
	if (lu->npick < n)
		return UI_R_ALL;
	for (size_t i = 0; i < n; i++)
		order[i] = lu->perm[lu->pick[i]];
	v = lrun_answer_order(&lu->lr, order, n);
	if (v == LRUN_WRONG)
		lu->npick = 0;
	return lui_verdict(lu, v);
}

static int
lui_answer_done(struct screen *sc, const char *text)
{
	struct lui *lu = sc->state;
	enum lrun_verdict v = lrun_answer_text(&lu->lr, text);

	lu->wrong[0] = '\0';
	if (v == LRUN_WRONG)
		(void)lrun_wrong_why(&lu->lr, text, lu->wrong,
		    sizeof(lu->wrong));
	return lui_verdict(lu, v);
}

/* The prompt names the kind of answer wanted. */
static const char *
lui_answer_label(const struct lui *lu)
{
	switch (lui_answer_kind(lu)) {
	case LUI_A_NUMBER:
		return _("Answer (a number): ");
	case LUI_A_STATE:
		return _("Answer (a state, e.g. TIME_WAIT): ");
	case LUI_A_FLAGS:
		return _("Answer (flags, e.g. FIN+ACK): ");
	case LUI_A_WORD:
		break;
	}
	return _("Answer: ");
}

/* Open the answer prompt with key already typed (0: empty). */
static int
lui_prompt_answer(struct screen *sc, int key)
{
	struct lui *lu = sc->state;
	char first[MB_LEN_MAX + 1] = "";
	mbstate_t ps;
	size_t n;

	memset(&ps, 0, sizeof(ps));
	if (key > 0 && (n = wcrtomb(first, (wchar_t)key, &ps)) !=
	    (size_t)-1)
		first[n] = '\0';
	else
		first[0] = '\0';
	screen_prompt(sc, lui_answer_label(lu), first, lui_answer_done);
	return UI_R_ALL;
}

/* Can key be the first character of the answer awaited?  A number
 * starts with a digit; flags and states with a capital of their names
 * (typing FIN+ACK must not inject, duplicate, abort and crash); so t, d
 * and the other keys the simulator's bar shows stay the simulator's. */
static bool
lui_starts_answer(const struct lui *lu, int key)
{
	switch (lui_answer_kind(lu)) {
	case LUI_A_NUMBER:
		return key >= '0' && key <= '9';
	case LUI_A_STATE:
		return key < 128 && strchr("CEFLST", key) != NULL;
	case LUI_A_FLAGS:
		return key < 128 && strchr("ACEFPRSU", key) != NULL;
	case LUI_A_WORD:
		break;
	}
	return key > ' ' && key != 127 && key < UI_K_BASE;
}

/* A key that can start the awaited answer starts it; otherwise the
 * simulator gets the key. */
static int
lui_fallback(struct screen *sc, int key)
{
	struct lui *lu = sc->state;

	if (lui_asking(lu, LESSON_Q_VALUE) && !lu->lr.done &&
	    !lu->revealed && key > 0 && lui_starts_answer(lu, key))
		return lui_prompt_answer(sc, key);
	return screen_key(&lu->sim, key);
}

/* arg: the choice, 0 for the first (key 1). */
static int
lui_h_pick(SCREEN_CMD_ARGS)
{
	struct lui *lu = sc->state;

	if (lu->lr.done || lu->revealed) {
		lui_message(lu, false, "%s", _("Answered: press n for the next "
		    "step."));
		return UI_R_ALL;
	}
	if (lui_asking(lu, LESSON_Q_VALUE))
		return lui_prompt_answer(sc, '1' + arg);
	if (lui_asking(lu, LESSON_Q_ORDER))
		return lui_pick_order(lu, (size_t)arg);
	return lui_verdict(lu, lrun_answer_choice(&lu->lr, (size_t)arg));
}

static int
lui_h_unpick(SCREEN_CMD_ARGS)
{
	struct lui *lu = sc->state;

	if (lu->npick > 0 && !lu->lr.done)
		lu->npick--;
	return UI_R_ALL;
}

static int
lui_h_answer(SCREEN_CMD_ARGS)
{
	struct lui *lu = sc->state;

	if (lu->lr.done || lu->revealed)
		return lui_h_pick(sc, c, arg);
	return lui_prompt_answer(sc, 0);
}

static int
lui_scroll(struct lui *lu, int d)
{
	size_t page = (size_t)(lu->prows > 4 ? lu->prows - 3 : 1);

	if (d > 0)
		lu->ptop += page;
	else
		lu->ptop = lu->ptop > page ? lu->ptop - page : 0;
	lu->pfollow = false;
	return UI_R_ALL;
}

static int
lui_h_panel_down(SCREEN_CMD_ARGS)
{
	return lui_scroll(sc->state, 1);
}

static int
lui_h_panel_up(SCREEN_CMD_ARGS)
{
	return lui_scroll(sc->state, -1);
}

static int
lui_tick(struct screen *sc, uint64_t now)
{
	struct lui *lu = sc->state;

	return ui_frame_tick(&lu->sim, now);
}

static int
lui_busy(const struct screen *sc, uint64_t now)
{
	const struct lui *lu = sc->state;

	return ui_busy(&lu->sim, now);
}

static struct screen *
lui_inner(const struct screen *sc)
{
	struct lui *lu = sc->state;

	return &lu->sim;
}

#define CMD(name, help, fn) { name, help, fn, NULL, 0, NULL }

static const struct screen_cmd lui_list_cmds[] = {
	CMD("lesson-up", N_("choose the lesson above"), lui_h_up),
	CMD("lesson-down", N_("choose the lesson below"), lui_h_down),
	CMD("lesson-first", N_("choose the first lesson"), lui_h_first),
	CMD("lesson-last", N_("choose the last lesson"), lui_h_last),
	CMD("lesson-open", N_("open the chosen lesson where you left it"),
	    lui_h_open),
	CMD("help", N_("this help"), screen_h_help),
	CMD("redraw", N_("redraw the screen"), screen_h_redraw),
	CMD("quit", N_("leave the lessons"), lui_h_leave),
};

static const struct screen_key lui_list_keys[] = {
	{ UI_K_UP, 0, "lesson-up", 0, "Up" },
	{ 'k', 0, "lesson-up", 0, "k" },
	{ UI_K_DOWN, 0, "lesson-down", 0, "Down" },
	{ 'j', 0, "lesson-down", 0, "j" },
	{ '\t', 0, "lesson-down", 0, NULL },
	{ UI_K_HOME, 0, "lesson-first", 0, "Home" },
	{ UI_K_PGUP, 0, "lesson-first", 0, NULL },
	{ UI_K_END, 0, "lesson-last", 0, "End" },
	{ UI_K_PGDN, 0, "lesson-last", 0, NULL },
	{ '\r', 0, "lesson-open", 0, "Enter" },
	{ '\n', 0, "lesson-open", 0, NULL },
	{ UI_K_ENTER, 0, "lesson-open", 0, NULL },
	{ UI_K_RIGHT, 0, "lesson-open", 0, NULL },
	{ '?', 0, "help", 0, "?" },
	{ UI_K_F1, 0, "help", 0, "F1" },
	{ UI_CTRL('l'), 0, "redraw", 0, "^L" },
	{ 'q', 0, "quit", 0, "q" },
	{ UI_ESC, 0, "quit", 0, NULL },
};

static const struct screen_cmd lui_lesson_cmds[] = {
	CMD("step-next", N_("lesson: next step"), lui_h_next),
	CMD("step-back", N_("lesson: previous step"), lui_h_prev),
	CMD("step-hint", N_("lesson: a hint (press again for the next)"),
	    lui_h_hint),
	CMD("step-solution", N_("lesson: show the solution or the answer"),
	    lui_h_solution),
	CMD("step-restart", N_("lesson: restart this step"), lui_h_restart),
	CMD("step-undo", N_("undo your last event (not past the step's "
	    "start)"), lui_h_undo),
	{ "answer-pick", N_("question: pick a choice, or the next item of an "
	    "ordering"), lui_h_pick, NULL, 0, lui_asking_pick },
	{ "answer-unpick", N_("question: take back the last item of an "
	    "ordering"), lui_h_unpick, NULL, 0, lui_asking_order },
	{ "answer-type", N_("question: type the answer"), lui_h_answer, NULL,
	    0, lui_asking_value },
	{ "lesson-next", N_("at the end of a lesson: open the next one"),
	    lui_h_next_lesson, NULL, 0, lui_offers_next },
	CMD("panel-down", N_("scroll the step text down"), lui_h_panel_down),
	CMD("panel-up", N_("scroll the step text up"), lui_h_panel_up),
	CMD("help", N_("this help"), screen_h_help),
	CMD("lesson-list", N_("back to the list of lessons (your place is "
	    "saved)"), lui_h_back),
};

static const struct screen_key lui_lesson_keys[] = {
	{ 'n', 0, "step-next", 0, "n" },
	{ ' ', 0, "step-next", 0, "Space" },
	{ UI_K_RIGHT, 0, "step-next", 0, NULL },
	{ 'p', 0, "step-back", 0, "p" },
	{ UI_K_LEFT, 0, "step-back", 0, "Left" },
	{ '!', 0, "step-hint", 0, "!" },
	{ '$', 0, "step-solution", 0, "$" },
	{ 'R', 0, "step-restart", 0, "R" },
	{ 'u', 0, "step-undo", 0, "u" },
	{ '1', '9', "answer-pick", 0, "1-9" },
	{ UI_K_BACKSPACE, 0, "answer-unpick", 0, "Bksp" },
	{ 127, 0, "answer-unpick", 0, NULL },
	{ 8, 0, "answer-unpick", 0, NULL },
	{ '\r', 0, "answer-type", 0, "Enter" },
	{ '\n', 0, "answer-type", 0, NULL },
	{ UI_K_ENTER, 0, "answer-type", 0, NULL },
	{ '=', 0, "answer-type", 0, "=" },
	{ '\r', 0, "lesson-next", 0, "Enter" },
	{ '\n', 0, "lesson-next", 0, NULL },
	{ UI_K_ENTER, 0, "lesson-next", 0, NULL },
	{ 'f', 0, "panel-down", 0, "f" },
	{ UI_K_SF, 0, "panel-down", 0, NULL },
	{ 'b', 0, "panel-up", 0, "b" },
	{ UI_K_SR, 0, "panel-up", 0, NULL },
	{ '?', 0, "help", 0, "?" },
	{ UI_K_F1, 0, "help", 0, "F1" },
	{ 'q', 0, "lesson-list", 0, "q" },
	{ 'g', 0, "lesson-list", 0, "g" },
};

const struct screen_def lui_list_def = {
	.name = "lessons", SCREEN_TABLES(lui_list_cmds, lui_list_keys),
	.min_rows = LGEOM_MIN_ROWS, .min_cols = LGEOM_MIN_COLS,
	.leave = lui_list_leave
};

const struct screen_def lui_lesson_def = {
	.name = "lesson", SCREEN_TABLES(lui_lesson_cmds, lui_lesson_keys),
	.min_rows = LGEOM_MIN_ROWS, .min_cols = LGEOM_MIN_COLS,
	.fallback = lui_fallback, .tick = lui_tick, .busy = lui_busy,
	.leave = lui_lesson_leave, .inner = lui_inner
};
