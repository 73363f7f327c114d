/*
 * The lesson screens' commands and key tables, with no curses.  The list
 * and the lesson are two screens; the lesson hands every key it does not
 * bind to the simulator screen inside it, so every event key and the `:`
 * prompt work in a lesson, and the simulator tells the lesson when the
 * learner's world changed, so the step's check runs.  Entries that act
 * only while a question is asked say so in applies(), so that otherwise
 * their keys reach the simulator (digits choose a segment there).
 * Handlers are thin: the learner's walk (src/lesson/walk.h) moves,
 * judges and says why not; a handler shows what it said and returns
 * what to repaint.  The list's choice moves as any list's does
 * (lib/scroll.h); leaving the list is screen.c's close, which every
 * screen that only pops itself shares.
 */
#include <config.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "lib/i18n.h"
#include "ui/lesson_int.h"

static bool
lui_asking_pick(const struct screen *sc)
{
	const struct lui *lu = sc->state;

	return lwalk_asking(&lu->walk, LESSON_Q_CHOICE) ||
	    lwalk_asking(&lu->walk, LESSON_Q_ORDER) ||
	    lwalk_asking(&lu->walk, LESSON_Q_VALUE);
}

static bool
lui_asking_order(const struct screen *sc)
{
	const struct lui *lu = sc->state;

	return lwalk_asking(&lu->walk, LESSON_Q_ORDER);
}

static bool
lui_asking_value(const struct screen *sc)
{
	const struct lui *lu = sc->state;

	return lwalk_asking(&lu->walk, LESSON_Q_VALUE);
}

/* The list's choice moves as the entry's data says. */
static int
lui_h_move(SCREEN_CMD_ARGS)
{
	struct lui *lu = sc->state;

	return scroll_choose(&lu->sel, lu->cat.n, 1,
	    *(const enum scroll_move *)c->data) ? UI_R_ALL : 0;
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

/* What the screen does after the walk moved. */
static int
lui_moved(struct lui *lu, enum lwalk_move m)
{
	switch (m) {
	case LWALK_STAY:
		lui_message(lu, false, "%s", _("This is the first step."));
		break;
	case LWALK_PAGE:
		break;
	case LWALK_STEP:
		lui_entered(lu);
		break;
	case LWALK_END:
		lu->list.app->msg[0] = '\0';
		lu->ptop = 0;
		if (lu->walk.err[0] != '\0')
			lui_message(lu, true, "%s", lu->walk.err);
		break;
	case LWALK_LEAVE:
		(void)lwalk_end_note(&lu->walk, lu->note, sizeof(lu->note));
		lu->note_kind = LUI_NOTE_NEWS;
		app_pop(lu->list.app);
		return UI_R_ALL | UI_R_LAYOUT;
	}
	return UI_R_ALL;
}

static int
lui_h_back(SCREEN_CMD_ARGS)
{
	struct lui *lu = sc->state;

	if (lu->walk.finished)
		return lui_moved(lu, LWALK_LEAVE);
	return screen_h_close(sc, c, arg);
}

static bool
lui_offers_next(const struct screen *sc)
{
	const struct lui *lu = sc->state;

	return lu->walk.finished && lwalk_next_lesson(&lu->walk) != NULL;
}

/* At the end of a lesson, Enter opens the next one. */
static int
lui_h_next_lesson(SCREEN_CMD_ARGS)
{
	struct lui *lu = sc->state;
	size_t i = (size_t)(lwalk_next_lesson(&lu->walk) - lu->cat.v);

	app_pop(lu->list.app);
	lu->sel = i;
	(void)lui_open(lu, i);
	return UI_R_ALL | UI_R_LAYOUT;
}

/* A step not done asks for a second n before it is skipped. */
static int
lui_h_next(SCREEN_CMD_ARGS)
{
	struct lui *lu = sc->state;

	if (!lu->walk.finished && !lwalk_step_done(&lu->walk) &&
	    (lu->skip_at == 0 || lu->skip_at + 1 != sc->app->nkeys)) {
		lu->skip_at = sc->app->nkeys;
		lui_message(lu, false, "%s", _("This step is not done yet: "
		    "press n again to skip it."));
		return UI_R_ALL;
	}
	return lui_moved(lu, lwalk_next(&lu->walk));
}

static int
lui_h_prev(SCREEN_CMD_ARGS)
{
	struct lui *lu = sc->state;

	return lui_moved(lu, lwalk_back(&lu->walk));
}

static int
lui_h_restart(SCREEN_CMD_ARGS)
{
	struct lui *lu = sc->state;

	(void)lui_moved(lu, lwalk_restart(&lu->walk));
	lui_message(lu, false, "%s", _("The step starts again."));
	lu->pfollow = false;	/* read again from the top */
	return UI_R_ALL;
}

/* Say what the walk said, if anything. */
static int
lui_say(struct lui *lu, const char *said)
{
	if (said != NULL)
		lui_message(lu, false, "%s", said);
	lu->pfollow = true;
	return UI_R_ALL;
}

static int
lui_h_hint(SCREEN_CMD_ARGS)
{
	struct lui *lu = sc->state;

	return lui_say(lu, lwalk_hint(&lu->walk, lu->ui.sel));
}

/* Tasks: restart the step and play the solution, animated; questions:
 * show the answer and the explanation. */
static int
lui_h_solution(SCREEN_CMD_ARGS)
{
	struct lui *lu = sc->state;
	char *said;
	const char *why = lwalk_solve(&lu->walk, &said);

	if (said == NULL)
		return lui_say(lu, why);
	lui_entered(lu);
	/* TRANSLATORS: scenario commands separated by semicolons. */
	lui_message(lu, false, _("The solution, played from the step's "
	    "start: %s"), said);
	free(said);
	return UI_R_ALL;
}

static int
lui_h_undo(SCREEN_CMD_ARGS)
{
	struct lui *lu = sc->state;
	const char *why = lwalk_undo(&lu->walk);

	if (why != NULL)
		return lui_say(lu, why);
	lu->list.app->msg[0] = '\0';
	lu->ui.sel = 0;
	lu->ui.mark = 0;
	lu->ui.scroll = 0;
	lu->pfollow = true;
	return UI_R_ALL;
}

static int
lui_said(struct lui *lu, enum lwalk_said said)
{
	switch (said) {
	case LWALK_INVALID:
		lui_message(lu, true, "%s", _("That is not an answer to this "
		    "question."));
		break;
	case LWALK_MORE:
		return UI_R_ALL;
	case LWALK_JUDGED:
		break;
	}
	lu->pfollow = true;
	return UI_R_ALL;
}

static int
lui_answer_done(struct screen *sc, const char *text)
{
	struct lui *lu = sc->state;

	return lui_said(lu, lwalk_answer(&lu->walk, text));
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
	screen_prompt(sc, lwalk_answer_prompt(&lu->walk), first,
	    lui_answer_done);
	return UI_R_ALL;
}

/* A key that can start the awaited answer starts it; otherwise the
 * simulator gets the key. */
static int
lui_fallback(struct screen *sc, int key)
{
	struct lui *lu = sc->state;

	if (lwalk_asking(&lu->walk, LESSON_Q_VALUE) &&
	    !lwalk_answered(&lu->walk) && key > 0 && key < UI_K_BASE &&
	    lwalk_starts_answer(&lu->walk, key))
		return lui_prompt_answer(sc, key);
	return screen_key(&lu->sim, key);
}

/* arg: the choice, 0 for the first (key 1). */
static int
lui_h_pick(SCREEN_CMD_ARGS)
{
	struct lui *lu = sc->state;

	if (lwalk_answered(&lu->walk)) {
		lui_message(lu, false, "%s", _("Answered: press n for the next "
		    "step."));
		return UI_R_ALL;
	}
	if (lwalk_asking(&lu->walk, LESSON_Q_VALUE))
		return lui_prompt_answer(sc, '1' + arg);
	return lui_said(lu, lwalk_pick(&lu->walk, (size_t)arg));
}

static int
lui_h_unpick(SCREEN_CMD_ARGS)
{
	struct lui *lu = sc->state;

	lwalk_unpick(&lu->walk);
	return UI_R_ALL;
}

static int
lui_h_answer(SCREEN_CMD_ARGS)
{
	struct lui *lu = sc->state;

	if (lwalk_answered(&lu->walk))
		return lui_h_pick(sc, c, arg);
	return lui_prompt_answer(sc, 0);
}

/* The step text by a page, down or up as the entry's data says (kept
 * within the text when the panel is painted, lui_panel_top). */
static int
lui_h_panel(SCREEN_CMD_ARGS)
{
	struct lui *lu = sc->state;
	size_t page = (size_t)(lu->prows > 4 ? lu->prows - 3 : 1);

	if (*(const enum scroll_move *)c->data == SCROLL_PAGE_DOWN)
		lu->ptop += page;
	else
		lu->ptop = lu->ptop > page ? lu->ptop - page : 0;
	lu->pfollow = false;
	return UI_R_ALL;
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
#define MOVE(name, to, help) { name, help, lui_h_move, \
	(const enum scroll_move[]){ to }, 0, NULL }
#define PANEL(name, to, help) { name, help, lui_h_panel, \
	(const enum scroll_move[]){ to }, 0, NULL }

static const struct screen_cmd lui_list_cmds[] = {
	MOVE("lesson-up", SCROLL_UP, N_("choose the lesson above")),
	MOVE("lesson-down", SCROLL_DOWN, N_("choose the lesson below")),
	MOVE("lesson-first", SCROLL_FIRST, N_("choose the first lesson")),
	MOVE("lesson-last", SCROLL_LAST, N_("choose the last lesson")),
	CMD("lesson-open", N_("open the chosen lesson where you left it"),
	    lui_h_open),
	CMD("help", N_("this help"), screen_h_help),
	CMD("redraw", N_("redraw the screen"), screen_h_redraw),
	CMD("quit", N_("leave the lessons"), screen_h_close),
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
	SCREEN_ENTER_KEYS("lesson-open"),
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
	PANEL("panel-down", SCROLL_PAGE_DOWN, N_("scroll the step text down")),
	PANEL("panel-up", SCROLL_PAGE_UP, N_("scroll the step text up")),
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
	SCREEN_ENTER_KEYS("answer-type"),
	{ '=', 0, "answer-type", 0, "=" },
	SCREEN_ENTER_KEYS("lesson-next"),
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
