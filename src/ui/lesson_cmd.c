/*
 * The lesson screens' command table and its handlers.  As in ui_cmd.c,
 * every key is one entry with a name, a help msgid and a handler that
 * returns what to redraw; the help screen is generated from this table
 * followed by the simulator's entries it does not shadow.  A key that is
 * not a lesson key goes to the simulator's table, so every event key and
 * the `:` prompt work in a lesson; after each, the step's check runs.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/i18n.h"
#include "script/parse.h"
#include "ui/lesson_int.h"
#include "ui/ui_cmd.h"

#define ESC 27
#define LIST (1u << LUI_LIST)
#define LESSON (1u << LUI_LESSON)
#define BOTH (LIST | LESSON)

static int lui_h_move(struct lui *, const struct lui_cmd *);
static int lui_h_open(struct lui *, const struct lui_cmd *);
static int lui_h_quit(struct lui *, const struct lui_cmd *);
static int lui_h_help(struct lui *, const struct lui_cmd *);
static int lui_h_step(struct lui *, const struct lui_cmd *);
static int lui_h_hint(struct lui *, const struct lui_cmd *);
static int lui_h_solution(struct lui *, const struct lui_cmd *);
static int lui_h_undo(struct lui *, const struct lui_cmd *);
static int lui_h_pick(struct lui *, const struct lui_cmd *);
static int lui_h_unpick(struct lui *, const struct lui_cmd *);
static int lui_h_answer(struct lui *, const struct lui_cmd *);
static int lui_h_scroll(struct lui *, const struct lui_cmd *);
static int lui_finish(struct lui *);

const struct lui_cmd lui_cmds[] = {
	{ "lesson-up", LIST, { KEY_UP, 'k', 0, 0 }, "Up k",
	    N_("choose the lesson above"), lui_h_move, -1 },
	{ "lesson-down", LIST, { KEY_DOWN, 'j', '\t', 0 }, "Down j",
	    N_("choose the lesson below"), lui_h_move, 1 },
	{ "lesson-first", LIST, { KEY_HOME, KEY_PPAGE, 0, 0 }, "Home",
	    N_("choose the first lesson"), lui_h_move, -1000 },
	{ "lesson-last", LIST, { KEY_END, KEY_NPAGE, 0, 0 }, "End",
	    N_("choose the last lesson"), lui_h_move, 1000 },
	{ "lesson-open", LIST, { '\r', '\n', KEY_ENTER, KEY_RIGHT }, "Enter",
	    N_("open the chosen lesson where you left it"), lui_h_open, 0 },
	{ "step-next", LESSON, { 'n', ' ', KEY_RIGHT, 0 }, "n Space",
	    N_("lesson: next step"), lui_h_step, 1 },
	{ "step-back", LESSON, { 'p', KEY_LEFT, 0, 0 }, "p Left",
	    N_("lesson: previous step"), lui_h_step, -1 },
	{ "step-hint", LESSON, { '!', 0, 0, 0 }, "!",
	    N_("lesson: a hint (press again for the next)"), lui_h_hint, 0 },
	{ "step-solution", LESSON, { '$', 0, 0, 0 }, "$",
	    N_("lesson: show the solution or the answer"), lui_h_solution,
	    0 },
	{ "step-restart", LESSON, { 'R', 0, 0, 0 }, "R",
	    N_("lesson: restart this step"), lui_h_step, 0 },
	{ "step-undo", LESSON, { 'u', 0, 0, 0 }, "u",
	    N_("undo your last event (not past the step's start)"),
	    lui_h_undo, 0 },
	{ "answer-pick", LESSON, { '1', 0, 0, 0 }, "1-9",
	    N_("question: pick a choice, or the next item of an ordering"),
	    lui_h_pick, 0 },
	{ "answer-unpick", LESSON, { KEY_BACKSPACE, 127, 8, 0 }, "Bksp",
	    N_("question: take back the last item of an ordering"),
	    lui_h_unpick, 0 },
	{ "answer-type", LESSON, { '\r', '\n', KEY_ENTER, '=' }, "Enter =",
	    N_("question: type the answer"), lui_h_answer, 0 },
	{ "panel-down", LESSON, { 'f', KEY_SF, 0, 0 }, "f",
	    N_("scroll the step text down"), lui_h_scroll, 1 },
	{ "panel-up", LESSON, { 'b', KEY_SR, 0, 0 }, "b",
	    N_("scroll the step text up"), lui_h_scroll, -1 },
	{ "help", BOTH, { '?', KEY_F(1), 0, 0 }, "? F1",
	    N_("this help"), lui_h_help, 0 },
	{ "lesson-list", LESSON, { 'q', 'g', 0, 0 }, "q g",
	    N_("back to the list of lessons (your place is saved)"),
	    lui_h_quit, 0 },
	{ "quit", LIST, { 'q', ESC, 0, 0 }, "q", N_("leave the lessons"),
	    lui_h_quit, 0 },
};
const size_t lui_ncmds = sizeof(lui_cmds) / sizeof(lui_cmds[0]);

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

	return lu->screen == LUI_LESSON && st->kind == LESSON_QUESTION &&
	    st->qkind == k && lu->lr.answer_ok && !lu->finished;
}

/* Entries that only act while a question is asked, so that otherwise
 * their keys reach the simulator (digits choose a segment there). */
static bool
lui_applies(const struct lui *lu, const struct lui_cmd *c)
{
	if (c->fn == lui_h_pick)
		return lui_asking(lu, LESSON_Q_CHOICE) ||
		    lui_asking(lu, LESSON_Q_ORDER) ||
		    lui_asking(lu, LESSON_Q_VALUE);
	if (c->fn == lui_h_unpick)
		return lui_asking(lu, LESSON_Q_ORDER);
	if (c->fn == lui_h_answer)
		return lui_asking(lu, LESSON_Q_VALUE);
	return true;
}

static bool
lui_has_key(const struct lui_cmd *c, int r, int key)
{
	if (c->fn == lui_h_pick && r != KEY_CODE_YES)
		return key >= '1' && key <= '9';
	for (int k = 0; k < 4 && c->keys[k] != 0; k++)
		if (c->keys[k] == key && (c->keys[k] >= KEY_MIN) ==
		    (r == KEY_CODE_YES))
			return true;
	return false;
}

static const struct lui_cmd *
lui_lookup(const struct lui *lu, int r, int key)
{
	for (size_t i = 0; i < lui_ncmds; i++) {
		const struct lui_cmd *c = &lui_cmds[i];

		if ((c->screens & (1u << lu->screen)) != 0 &&
		    lui_has_key(c, r, key) && lui_applies(lu, c))
			return c;
	}
	return NULL;
}

/* Is every key of a simulator entry taken by a lesson entry that always
 * applies?  Then the help screen leaves it out. */
bool
lui_shadowed(const struct ui_cmd *uc)
{
	for (int k = 0; k < 3 && uc->keys[k] != 0; k++) {
		int r = uc->keys[k] >= KEY_MIN ? KEY_CODE_YES : OK;
		bool taken = false;

		for (size_t i = 0; i < lui_ncmds && !taken; i++)
			taken = (lui_cmds[i].screens & LESSON) != 0 &&
			    lui_cmds[i].fn != lui_h_pick &&
			    lui_cmds[i].fn != lui_h_unpick &&
			    lui_cmds[i].fn != lui_h_answer &&
			    lui_has_key(&lui_cmds[i], r, uc->keys[k]);
		if (!taken)
			return false;
	}
	return true;
}

static int
lui_h_move(struct lui *lu, const struct lui_cmd *c)
{
	long s = (long)lu->sel + c->arg;

	if (lu->cat.n == 0)
		return 0;
	if (s < 0)
		s = 0;
	if (s >= (long)lu->cat.n)
		s = (long)lu->cat.n - 1;
	lu->sel = (size_t)s;
	return 0;
}

static int
lui_h_open(struct lui *lu, const struct lui_cmd *c)
{
	(void)c;
	if (lu->sel >= lu->cat.n)
		return 0;
	(void)lui_open(lu, lu->sel);
	return UI_R_LAYOUT;
}

static int
lui_h_quit(struct lui *lu, const struct lui_cmd *c)
{
	(void)c;
	if (lu->screen == LUI_LIST) {
		lu->quit = true;
		return 0;
	}
	if (lu->finished)
		return lui_finish(lu);
	lui_close(lu);
	return UI_R_LAYOUT;
}

static int
lui_h_help(struct lui *lu, const struct lui_cmd *c)
{
	(void)c;
	lu->help = true;
	lu->help_top = 0;
	return UI_R_ALL;
}

/* Done enough to move on without a second press of n. */
static bool
lui_step_done(const struct lui *lu)
{
	return lui_step(lu)->kind == LESSON_SAY || lu->lr.done ||
	    lu->revealed || lu->lr.broken;
}

/* The last step passed: the lesson is complete. */
static int
lui_finish(struct lui *lu)
{
	if (lu->finished) {
		snprintf(lu->note, sizeof(lu->note), _("Lesson %02u complete: "
		    "%s."), lu->li->num, lu->li->title);
		lu->note_err = false;
		lui_close(lu);
		return UI_R_LAYOUT;
	}
	lu->finished = true;
	lu->msg[0] = '\0';
	lu->ptop = 0;
	lui_save(lu, true);
	return UI_R_ALL;
}

static int
lui_h_step(struct lui *lu, const struct lui_cmd *c)
{
	if (c->arg > 0 && !lu->finished && !lui_step_done(lu) && !lu->skip) {
		lu->skip = true;
		lui_message(lu, false, "%s", _("This step is not done yet: "
		    "press n again to skip it."));
		return 0;
	}
	if (c->arg > 0 && (lu->finished || lrun_at_end(&lu->lr)))
		return lui_finish(lu);
	if (c->arg < 0 && lu->finished) {
		lu->finished = false;
		return UI_R_ALL;
	}
	if (c->arg < 0 && lu->lr.step == 0) {
		lui_message(lu, false, "%s", _("This is the first step."));
		return 0;
	}
	if (c->arg > 0)
		(void)lrun_next(&lu->lr);
	else if (c->arg < 0)
		(void)lrun_back(&lu->lr);
	else
		(void)lrun_restart_step(&lu->lr);
	lui_enter(lu);
	if (c->arg == 0)
		lui_message(lu, false, "%s", _("The step starts again."));
	return UI_R_ALL;
}

static int
lui_h_hint(struct lui *lu, const struct lui_cmd *c)
{
	(void)c;
	if (lui_step(lu)->kind != LESSON_TASK)
		lui_message(lu, false, "%s", _("No hint here; for a question, "
		    "$ shows the answer."));
	else if (lrun_hint(&lu->lr) == NULL)
		lui_message(lu, false, "%s", _("No more hints: $ shows the "
		    "solution."));
	else
		lu->pfollow = true;
	return 0;
}

/* Tasks: restart the step and play the solution, animated; questions:
 * show the answer and the explanation. */
static int
lui_h_solution(struct lui *lu, const struct lui_cmd *c)
{
	const struct cmd *sol;
	char said[400] = "", line[256];
	size_t n, o = 0;

	(void)c;
	lu->pfollow = true;
	if (lui_step(lu)->kind == LESSON_QUESTION) {
		lu->revealed = true;
		return 0;
	}
	if (lui_step(lu)->kind != LESSON_TASK || lu->lr.broken) {
		lui_message(lu, false, "%s", _("Nothing to solve here: press "
		    "n to go on."));
		return 0;
	}
	(void)lrun_restart_step(&lu->lr);
	lui_enter(lu);
	sol = lrun_solution(&lu->lr, &n);
	for (size_t i = 0; i < n; i++) {
		(void)session_do(&lu->ui.s, &sol[i]);
		script_format(&sol[i], line, sizeof(line));
		o += (size_t)snprintf(said + o, o < sizeof(said) ?
		    sizeof(said) - o : 0, "%s%s", i > 0 ? "; " : "", line);
		if (o >= sizeof(said))
			o = sizeof(said) - 1;
	}
	ui_start_anim(&lu->ui);
	lu->solved = true;
	(void)lui_changed(lu);
	/* TRANSLATORS: scenario commands separated by semicolons. */
	lui_message(lu, false, _("The solution, played from the step's "
	    "start: %s"), said);
	return UI_R_ALL;
}

static int
lui_h_undo(struct lui *lu, const struct lui_cmd *c)
{
	(void)c;
	if (lu->ui.s.pos <= lu->base) {
		lui_message(lu, false, "%s", _("This is where the step starts: "
		    "nothing of yours to undo (R restarts the step)."));
		return 0;
	}
	(void)session_undo(&lu->ui.s);
	lu->ui.sel = 0;
	lu->ui.scroll = 0;
	return UI_R_ALL | lui_changed(lu);
}

static int
lui_verdict(struct lui *lu, enum lrun_verdict v)
{
	lu->pfollow = true;
	if (v == LRUN_INVALID) {
		lui_message(lu, true, "%s", _("That is not an answer to this "
		    "question."));
		return 0;
	}
	lu->has_verdict = true;
	lu->verdict = v;
	return 0;
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
			return 0;
	lu->pick[lu->npick++] = k;
	lu->has_verdict = false;
	if (lu->npick < n)
		return 0;
	for (size_t i = 0; i < n; i++)
		order[i] = lu->perm[lu->pick[i]];
	v = lrun_answer_order(&lu->lr, order, n);
	if (v == LRUN_WRONG)
		lu->npick = 0;
	return lui_verdict(lu, v);
}

static int
lui_h_pick(struct lui *lu, const struct lui_cmd *c)
{
	size_t k = (size_t)(lu->key - '1');

	(void)c;
	if (lu->lr.done || lu->revealed) {
		lui_message(lu, false, "%s", _("Answered: press n for the next "
		    "step."));
		return 0;
	}
	if (lui_asking(lu, LESSON_Q_VALUE)) {
		lu->answering = true;
		lu->abuf[0] = (wchar_t)lu->key;
		lu->alen = 1;
		return 0;
	}
	if (lui_asking(lu, LESSON_Q_ORDER))
		return lui_pick_order(lu, k);
	return lui_verdict(lu, lrun_answer_choice(&lu->lr, k));
}

static int
lui_h_unpick(struct lui *lu, const struct lui_cmd *c)
{
	(void)c;
	if (lu->npick > 0 && !lu->lr.done)
		lu->npick--;
	return 0;
}

static int
lui_h_answer(struct lui *lu, const struct lui_cmd *c)
{
	(void)c;
	if (lu->lr.done || lu->revealed)
		return lui_h_pick(lu, c);
	lu->answering = true;
	lu->alen = 0;
	return 0;
}

static int
lui_h_scroll(struct lui *lu, const struct lui_cmd *c)
{
	int page = lu->wpanel != NULL ? getmaxy(lu->wpanel) - 3 : 1;

	if (page < 1)
		page = 1;
	if (c->arg > 0)
		lu->ptop += (size_t)page;
	else
		lu->ptop = lu->ptop > (size_t)page ? lu->ptop - (size_t)page :
		    0;
	lu->pfollow = false;
	return 0;
}

static int
lui_answer_submit(struct lui *lu)
{
	char buf[LUI_ANSWER_MAX * 4 + 1];
	size_t n;

	lu->abuf[lu->alen] = L'\0';
	n = wcstombs(buf, lu->abuf, sizeof(buf) - 1);
	buf[n == (size_t)-1 ? 0 : n] = '\0';
	lu->answering = false;
	return lui_verdict(lu, lrun_answer_text(&lu->lr, buf));
}

/* The Answer: prompt, a state of the loop like the simulator's `:`. */
static int
lui_answer_key(struct lui *lu, int r, wint_t wch)
{
	if (r == KEY_CODE_YES && wch == KEY_ENTER)
		return lui_answer_submit(lu);
	if ((r == KEY_CODE_YES && wch == KEY_BACKSPACE) || (r != KEY_CODE_YES
	    && (wch == 127 || wch == 8))) {
		if (lu->alen > 0)
			lu->alen--;
		return 0;
	}
	if (r == KEY_CODE_YES)
		return 0;
	if (wch == '\r' || wch == '\n')
		return lui_answer_submit(lu);
	if (wch == ESC || wch == 7) {
		lu->answering = false;
		return 0;
	}
	if (wch >= ' ' && lu->alen + 1 < LUI_ANSWER_MAX)
		lu->abuf[lu->alen++] = (wchar_t)wch;
	return 0;
}

static int
lui_help_key(struct lui *lu, int key)
{
	switch (key) {
	case KEY_NPAGE:
	case KEY_DOWN:
	case ' ':
		lu->help_top += key == KEY_DOWN ? 1 : lu->rows / 2;
		return UI_R_ALL;
	case KEY_PPAGE:
	case KEY_UP:
		lu->help_top -= key == KEY_UP ? 1 : lu->rows / 2;
		if (lu->help_top < 0)
			lu->help_top = 0;
		return UI_R_ALL;
	default:
		break;
	}
	lu->help = false;
	return UI_R_LAYOUT;
}

/* A key for the simulator; if the learner's world changed, check. */
static int
lui_sim_key(struct lui *lu, int r, wint_t wch)
{
	size_t pos = lu->ui.s.pos;
	int redraw = ui_key(&lu->ui, r, wch);

	lu->ui.quit = false;
	if (lu->ui.s.pos != pos)
		redraw |= lui_changed(lu);
	return redraw;
}

int
lui_key(struct lui *lu, int r, wint_t wch)
{
	const struct lui_cmd *c;
	int key = (int)wch;

	if (lu->answering)
		return lui_answer_key(lu, r, wch);
	if (lu->help)
		return lui_help_key(lu, key);
	if (lu->screen == LUI_LESSON && (lu->ui.prompt != UI_P_NONE ||
	    lu->ui.overlay == UI_O_WHATIF))
		return lui_sim_key(lu, r, wch);
	lu->key = key;
	if ((c = lui_lookup(lu, r, key)) != NULL) {
		if (c->fn != lui_h_step)
			lu->skip = false;
		lu->msg[0] = '\0';
		return c->fn(lu, c);
	}
	if (lu->screen == LUI_LESSON) {
		lu->msg[0] = '\0';
		lu->skip = false;
		return lui_sim_key(lu, r, wch);
	}
	lui_message(lu, true, "%s", _("That key does nothing here. Press ? "
	    "for the list of keys."));
	return 0;
}
