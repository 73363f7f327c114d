/*
 * Painting the lesson screen: the step panel beside or below the
 * simulator's views, and the status line; and making its windows.
 *
 * The panel's text is rebuilt from the runner and the learner's answers
 * on every paint (a few short strings) and wrapped by lesson_panel.c, so
 * a resize or a change of step can never show stale text.  As elsewhere,
 * each window ends in wnoutrefresh and the loop calls doupdate once.
 */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/i18n.h"
#include "lib/xalloc.h"
#include "script/parse.h"
#include "ui/draw_int.h"
#include "ui/lesson_int.h"
#include "ui/status.h"

struct lui_wins {
	WINDOW *panel;
	struct ui_wins sim;
};

#define LUI_TEXT_MAX 4096
#define LUI_FOOT_MAX 12

static const char *
lui_tick_mark(void)
{
	return ui_look.ascii ? "[ok]" : "\u2713";
}

static const char *
lui_cross_mark(void)
{
	return ui_look.ascii ? "[x]" : "\u2717";
}

/* Text expanded against the step's world ({QUERY} placeholders). */
static const char *
lui_x(const struct lui *lu, const char *text, char *buf, size_t size)
{
	buf[0] = '\0';
	if (text != NULL)
		(void)lrun_expand(&lu->lr, text, buf, size);
	return buf;
}

static void
lui_add(struct lui *lu, enum lpanel_role role, bool gap, const char *text)
{
	char exp[LUI_TEXT_MAX];

	if (text != NULL)
		lpanel_add(&lu->panel, role, 0, gap, lui_x(lu, text, exp,
		    sizeof(exp)));
}

static void
lui_build_task(struct lui *lu, const struct lesson_step *st)
{
	char exp[LUI_TEXT_MAX], buf[LUI_TEXT_MAX + 64];

	lui_x(lu, st->task.s, exp, sizeof(exp));
	snprintf(buf, sizeof(buf), st->goal ? _("Goal: %s") : _("Task: %s"),
	    exp);
	lpanel_add(&lu->panel, LP_TASK, 0, true, buf);
	if (lu->offpath && lu->hint[0] != '\0') {
		lu->hint_para = lu->panel.np;
		/* TRANSLATORS: a hint computed from the learner's world. */
		snprintf(buf, sizeof(buf), _("Hint from your world: %s"),
		    lu->hint);
		lpanel_add(&lu->panel, LP_HINT, 0, false, buf);
	}
	for (size_t i = 0; !lu->offpath && i < lu->lr.nhints &&
	    i < st->nhints; i++) {
		lui_x(lu, st->hints[i].s, exp, sizeof(exp));
		snprintf(buf, sizeof(buf), _("Hint: %s"), exp);
		/* The newest hint is the one the panel opens at. */
		lu->hint_para = lu->panel.np;
		lpanel_add(&lu->panel, LP_HINT, 0, false, buf);
	}
	if (lu->lr.done) {
		snprintf(buf, sizeof(buf), _("%s Done \u2014 press n for the "
		    "next step."), lui_tick_mark());
		lpanel_add(&lu->panel, LP_OK, 0, true, buf);
	} else if (lu->checked && lu->why[0] != '\0') {
		snprintf(buf, sizeof(buf), lu->past ? "%s" : _("Not yet: %s"),
		    lu->why);
		lpanel_add(&lu->panel, LP_BAD, 0, true, buf);
	}
	if (!lu->lr.done && lu->stray[0] != '\0')
		lpanel_add(&lu->panel, LP_BAD, 0, false, lu->stray);
	if (!lu->lr.done && lu->offpath && lu->hint[0] == '\0')
		lpanel_add(&lu->panel, LP_DIM, 0, false, _("Press ! for a "
		    "hint from where you are now."));
}

/* "3 1 _ _": the display numbers picked so far for an ordering. */
static void
lui_build_picks(struct lui *lu, size_t n)
{
	char buf[64] = "", out[256];
	size_t o = 0;

	for (size_t i = 0; i < n && o + 4 < sizeof(buf); i++) {
		if (i < lu->npick)
			o += (size_t)snprintf(buf + o, sizeof(buf) - o, "%zu ",
			    lu->pick[i] + 1);
		else
			o += (size_t)snprintf(buf + o, sizeof(buf) - o, "_ ");
	}
	snprintf(out, sizeof(out), _("Your order: %s"), buf);
	lpanel_add(&lu->panel, LP_DIM, 0, false, out);
}

static void
lui_build_items(struct lui *lu, const struct lesson_step *st, bool order)
{
	size_t n = st->nchoices;
	int right = lu->lr.done ? lrun_correct_choice(&lu->lr) : -1;
	char exp[LUI_TEXT_MAX], buf[LUI_TEXT_MAX + 64];

	for (size_t k = 0; k < n && (!order || k < LUI_MAXORDER); k++) {
		size_t i = order ? lu->perm[k] : k;
		char mark[32] = "";

		for (size_t j = 0; order && j < lu->npick; j++)
			if (lu->pick[j] == k)
				snprintf(mark, sizeof(mark), "  [%zu]", j + 1);
		if ((int)i == right)
			snprintf(mark, sizeof(mark), "  \u2190");
		lui_x(lu, st->choices[i].s, exp, sizeof(exp));
		snprintf(buf, sizeof(buf), "%zu) %s%s", k + 1, exp, mark);
		lpanel_add(&lu->panel, (int)i == right ? LP_OK : LP_CHOICE, 3,
		    false, buf);
	}
	if (order)
		lui_build_picks(lu, n);
}

static void
lui_build_verdict(struct lui *lu, const struct lesson_step *st)
{
	char buf[512];

	if (lu->has_verdict && lu->verdict == LRUN_RIGHT) {
		snprintf(buf, sizeof(buf), _("%s Right!"), lui_tick_mark());
		lpanel_add(&lu->panel, LP_OK, 0, true, buf);
	} else if (lu->has_verdict && !lu->revealed) {
		snprintf(buf, sizeof(buf), _("%s Not right. Try again, or "
		    "press $ to see the answer."), lui_cross_mark());
		lpanel_add(&lu->panel, LP_BAD, 0, true, buf);
		if (lu->wrong[0] != '\0')
			lpanel_add(&lu->panel, LP_BAD, 0, false, lu->wrong);
	}
	if (!lu->lr.done && !lu->revealed)
		return;
	if (!lu->lr.done) {
		snprintf(buf, sizeof(buf), _("The answer: %s"),
		    lu->lr.answer_text);
		lpanel_add(&lu->panel, LP_OK, 0, true, buf);
	}
	lui_add(lu, LP_TEXT, true, st->explain.s);
	lpanel_add(&lu->panel, LP_DIM, 0, false, _("Press n for the next "
	    "step."));
}

/* How to answer, in the words of the answer's kind. */
static const char *
lui_value_how(const struct lui *lu)
{
	switch (lui_answer_kind(lu)) {
	case LUI_A_NUMBER:
		return _("Press Enter, or just start typing the number, to "
		    "answer.");
	case LUI_A_STATE:
		return _("Press Enter, or just start typing the state "
		    "(e.g. TIME_WAIT), to answer.");
	case LUI_A_FLAGS:
		return _("Press Enter, or just start typing the flags "
		    "(e.g. FIN+ACK), to answer.");
	case LUI_A_WORD:
		break;
	}
	return _("Press Enter, or just start typing, to answer.");
}

static void
lui_build_question(struct lui *lu, const struct lesson_step *st)
{
	lui_add(lu, LP_QUESTION, true, st->question.s);
	switch (st->qkind) {
	case LESSON_Q_CHOICE:
		lui_build_items(lu, st, false);
		if (!lu->lr.done && !lu->revealed)
			lpanel_add(&lu->panel, LP_DIM, 0, false, _("Press the "
			    "number of your answer."));
		break;
	case LESSON_Q_ORDER:
		lui_build_items(lu, st, true);
		if (!lu->lr.done && !lu->revealed)
			lpanel_add(&lu->panel, LP_DIM, 0, false, _("Press the "
			    "numbers in the right order (Backspace takes one "
			    "back)."));
		break;
	case LESSON_Q_VALUE:
		if (!lu->lr.done && !lu->revealed)
			lpanel_add(&lu->panel, LP_DIM, 0, false,
			    lui_value_how(lu));
		break;
	}
	if (!lu->lr.answer_ok) {
		char buf[512];

		snprintf(buf, sizeof(buf), _("This question cannot be asked: "
		    "%s"), lu->lr.err);
		lpanel_add(&lu->panel, LP_BAD, 0, true, buf);
	}
	lui_build_verdict(lu, st);
}

static void
lui_build_done(struct lui *lu)
{
	const struct lesson_info *next;
	size_t undone = lui_first_undone(lu);
	char buf[512];

	if (undone != SIZE_MAX) {
		/* TRANSLATORS: a step number. */
		snprintf(buf, sizeof(buf), _("This is the end of the lesson, "
		    "but step %zu is not done yet, so the lesson is not "
		    "complete. Press n or q for the list of lessons: the "
		    "lesson resumes at that step."), undone + 1);
		lpanel_add(&lu->panel, LP_BAD, 0, false, buf);
		return;
	}
	snprintf(buf, sizeof(buf), _("%s Lesson complete!"), lui_tick_mark());
	lpanel_add(&lu->panel, LP_OK, 0, false, buf);
	/* TRANSLATORS: the lesson's title. */
	snprintf(buf, sizeof(buf), _("You have finished \u201c%s\u201d and "
	    "your progress is saved. Press n or q to go back to the list of "
	    "lessons."), lu->li->title);
	lpanel_add(&lu->panel, LP_TEXT, 0, true, buf);
	if ((next = lui_next_lesson(lu)) != NULL && next->title != NULL) {
		/* TRANSLATORS: the next lesson's number and title. */
		snprintf(buf, sizeof(buf), _("Next: lesson %02u, "
		    "\u201c%s\u201d. Press Enter to start it."), next->num,
		    next->title);
		lpanel_add(&lu->panel, LP_TASK, 0, true, buf);
	}
}

/* The panel's text for the current state of the step. */
void
lui_panel_build(struct lui *lu)
{
	const struct lesson_step *st = lrun_cur(&lu->lr);
	const struct ui *ui = &lu->ui;

	lpanel_clear(&lu->panel);
	lu->hint_para = SIZE_MAX;
	if (lu->finished) {
		lui_build_done(lu);
		return;
	}
	if (lu->lr.broken) {
		char buf[512];

		snprintf(buf, sizeof(buf), _("This step cannot be played "
		    "(line %u): %s"), lu->lr.err_line, lu->lr.err);
		lpanel_add(&lu->panel, LP_BAD, 0, false, buf);
	}
	/* Said first, where a new step is read from. */
	if (lu->replaced)
		lpanel_add(&lu->panel, LP_BAD, 0, false, _("Your events were "
		    "set aside: this step starts from the lesson's own "
		    "world."));
	lui_add(lu, LP_TEXT, lu->replaced, st->say.s);
	switch (st->kind) {
	case LESSON_TASK:
		lui_build_task(lu, st);
		break;
	case LESSON_QUESTION:
		lui_build_question(lu, st);
		break;
	case LESSON_SAY:
		lpanel_add(&lu->panel, LP_DIM, 0, true, _("Press n to go on."));
		break;
	}
	/* The lesson's messages and the simulator's are said here. */
	if (ui->app->msg[0] != '\0')
		lpanel_add(&lu->panel, ui->app->msg_err ? LP_BAD : LP_OK, 0,
		    true, ui->app->msg);
}

struct lui_foot {
	const char *key, *label;
};

/* The keys that answer the question asked: those that start a typed
 * answer (lesson_cmd.c), or the choices' digits. */
static const char *
lui_answer_keys(const struct lui *lu)
{
	if (lrun_cur(&lu->lr)->qkind != LESSON_Q_VALUE)
		return "1-9";
	/* Capitals also start a state or flags; the bar names the keys
	 * that always work. */
	return lui_answer_kind(lu) == LUI_A_NUMBER ? "0-9/Enter" : "Enter";
}

/* The keys that matter now, most useful first. */
static size_t
lui_footer(const struct lui *lu, struct lui_foot *f)
{
	const struct lesson_step *st = lrun_cur(&lu->lr);
	bool open = !lu->lr.done && !lu->revealed;
	size_t n = 0;

	if (lu->finished) {
		if (lui_next_lesson(lu) != NULL)
			f[n++] = (struct lui_foot){ "Enter", _("next lesson") };
		f[n++] = (struct lui_foot){ "n q", _("back to the list") };
		f[n++] = (struct lui_foot){ "p", _("last step") };
		return n;
	}
	if (st->kind == LESSON_TASK && !lu->lr.done)
		f[n++] = (struct lui_foot){ "!", _("hint") };
	if (st->kind == LESSON_TASK)
		f[n++] = (struct lui_foot){ "$", _("solution") };
	if (st->kind == LESSON_QUESTION && open) {
		f[n++] = (struct lui_foot){ lui_answer_keys(lu),
		    _("answer") };
		f[n++] = (struct lui_foot){ "$", _("show answer") };
	}
	f[n++] = (struct lui_foot){ "n", _("next") };
	f[n++] = (struct lui_foot){ "p", _("back") };
	/* The way out before the rest: a narrow bar drops the last ones. */
	f[n++] = (struct lui_foot){ "q", _("list") };
	if (lu->overflow)
		f[n++] = (struct lui_foot){ "f/b", _("scroll") };
	f[n++] = (struct lui_foot){ "R", _("restart step") };
	f[n++] = (struct lui_foot){ "?", _("help") };
	return n;
}

static int
lui_draw_footer(struct lui *lu, WINDOW *w, int x0, int cols, int bottom,
    size_t maxrows)
{
	struct lui_foot f[LUI_FOOT_MAX];
	char text[LUI_FOOT_MAX][96];
	const char *items[LUI_FOOT_MAX];
	size_t n = lui_footer(lu, f), rows[LUI_FOOT_MAX + 1], nr;

	for (size_t i = 0; i < n; i++) {
		snprintf(text[i], sizeof(text[i]), "%s %s", f[i].key,
		    f[i].label);
		items[i] = text[i];
	}
	nr = lfoot_rows(items, n, cols, rows, maxrows);
	for (size_t r = 0; r < nr; r++) {
		int y = bottom - (int)nr + 1 + (int)r, x = x0;

		for (size_t i = rows[r]; i < rows[r + 1]; i++) {
			int kw = utf8_width(f[i].key);

			ui_draw_text(w, y, x, x0 + cols - x, f[i].key,
			    ui_look.role[ROLE_KEY]);
			ui_draw_text(w, y, x + kw + 1, x0 + cols - x - kw - 1,
			    f[i].label, A_NORMAL);
			x += utf8_width(items[i]) + 2;
		}
	}
	return (int)nr;
}

static void
lui_draw_head(struct lui *lu, WINDOW *w, int x0, int cols, bool above,
    bool below)
{
	const struct lesson_step *st = lrun_cur(&lu->lr);
	char head[LUI_TEXT_MAX], title[LUI_TEXT_MAX] = "";
	const char *more = above && below ? "\u2191\u2193" : above ? "\u2191" :
	    below ? "\u2193" : "";
	attr_t a = lu->geo.side ? ui_look.role[ROLE_TITLE] :
	    ui_look.role[ROLE_STATUS];
	int mw;

	if (ui_look.ascii)
		more = above && below ? "^v" : above ? "^" : below ? "v" : "";
	mw = utf8_width(more);
	if (st->title.s != NULL)
		(void)lrun_expand(&lu->lr, st->title.s, title, sizeof(title));
	/* TRANSLATORS: step k of n, then the step's title (may be empty). */
	snprintf(head, sizeof(head), _("Step %zu/%zu%s%s"), lu->lr.step + 1,
	    lu->l.nsteps, title[0] != '\0' ? _(": ") : "", title);
	/* A step done before and not yet redone: one n moves on.  In the
	 * heading, so that the panel's text keeps its lines. */
	if (lu->stepdone[lu->lr.step] && !lu->lr.done && !lu->finished &&
	    st->kind != LESSON_SAY) {
		size_t n = strlen(head);

		snprintf(head + n, sizeof(head) - n, _("  %s done before"),
		    lui_tick_mark());
	}
	if (!lu->geo.side) {
		wattrset(w, a);
		mvwhline(w, 0, 0, ' ', getmaxx(w));
	}
	ui_draw_text(w, 0, x0, cols - mw - 1, head, a);
	ui_draw_text(w, 0, x0 + cols - mw, mw, more, a);
}

static void
lui_draw_panel(struct lui *lu)
{
	WINDOW *w = lu->win->panel;
	int h = getmaxy(w), wd = getmaxx(w);
	int x0 = lu->geo.side ? 2 : 1, cols = wd - x0 - 1, nf, body;
	const struct lpanel *lp = &lu->panel;

	werase(w);
	lui_panel_build(lu);
	lpanel_wrap(&lu->panel, cols);
	lu->overflow = lp->nl + 2 > (size_t)h;
	nf = lui_draw_footer(lu, w, x0, cols, h - 1, lu->geo.side ? 3 : 1);
	body = h - 1 - nf;
	lu->ptop = lui_panel_top(lu, body);
	if (lu->geo.side)
		for (int y = 0; y < h; y++)
			mvwaddstr(w, y, 0, ui_look.g->vline);
	lui_draw_head(lu, w, x0, cols, lu->ptop > 0,
	    lu->ptop + (size_t)body < lp->nl);
	for (int y = 0; y < body && lu->ptop + (size_t)y < lp->nl; y++) {
		const struct lpanel_line *l = &lp->l[lu->ptop + (size_t)y];
		const struct lpanel_para *p;

		if (l->para == SIZE_MAX)
			continue;
		p = &lp->p[l->para];
		ui_draw_text_n(w, 1 + y, x0 + l->x, p->text + l->off, l->len,
		    ui_panel_attr(p->role));
	}
	wnoutrefresh(w);
}

/* Fit the status line in cols, losing what the panel's key bar also
 * says first: its "? help", then the double spaces, then ": command"
 * and "u undo"; never "q list", the way out (issue 13 item 17). */
static void
lui_status_fit(char *left, const char **keys, int cols)
{
	const char *shorter[] = { _("u undo  : command  q list "),
	    _("u undo  q list "), _("q list ") };
	char *d = left;

	if (utf8_width(left) + 2 + utf8_width(*keys) <= cols)
		return;
	*keys = shorter[0];
	if (utf8_width(left) + 2 + utf8_width(*keys) <= cols)
		return;
	for (const char *s = left; *s != '\0'; s++)
		if (!(s[0] == ' ' && s[1] == ' '))
			*d++ = *s;
	*d = '\0';
	for (size_t i = 0; i < sizeof(shorter) / sizeof(shorter[0]) &&
	    utf8_width(left) + 2 + utf8_width(*keys) > cols; i++)
		*keys = shorter[i];
}

static void
lui_draw_status(struct lui *lu)
{
	WINDOW *w = lu->ui.win->stat;
	char left[256], t[32], keys[256], sw[128];
	const char *k = _("u undo  : command  ? help  q list ");
	const struct screen_cmd *enter;
	size_t n;

	ui_clock_str(lu->ui.s.w.now, t, sizeof(t));
	/* TRANSLATORS: lesson number, step k of n, simulated time, number
	 * mode. */
	snprintf(left, sizeof(left), _(" Lesson %02u, step %zu/%zu  t=%s  %s"),
	    lu->li->num, lu->lr.step + 1, lu->l.nsteps, t,
	    ladder_num_short(lu->ui.v.num));
	/* The profile and the what-if switches the lesson set (lesson 7
	 * runs with delayed ACKs), as the simulator's status line says;
	 * to keep them at 80 columns the panel's own "? help" goes. */
	n = strlen(left);
	snprintf(left + n, sizeof(left) - n, "  %s",
	    world_switches_text(&lu->ui.s.w, sw, sizeof(sw)));
	lui_status_fit(left, &k, lu->cols);
	/* Enter inspects the selected arrow unless the lesson takes it. */
	if (screen_binding(&lu->lesson, '\r', &enter) == NULL)
		k = ui_status_keys(&lu->ui, left, lu->cols, k, keys,
		    sizeof(keys));
	ui_draw_bar(w, 0, lu->cols, left, k);
	wnoutrefresh(w);
}

/* The lesson screen: the simulator's parts, the panel, the status. */
static void
lui_draw_lesson(struct screen *sc, int what)
{
	struct lui *lu = sc->state;

	what &= ~UI_R_STATUS;
	if (lu->ui.win->nar == NULL)
		what &= ~UI_R_NARR;
	ui_draw(&lu->ui, what);
	lui_draw_status(lu);
	lui_draw_panel(lu);
}

/* The simulator's windows where lgeom_compute put them; their width is
 * the simulator's part only, so its painters keep inside it. */
static void
lui_layout(struct screen *sc)
{
	struct lui *lu = sc->state;
	const struct lgeom *g = &lu->geo;
	struct ui_wins *w = &lu->win->sim;
	int half;

	lu->rows = sc->rows;
	lu->cols = sc->cols;
	lgeom_compute(lu->rows, lu->cols, &lu->geo);
	if (g->small)
		return;
	half = g->sim_cols / 2;
	w->rows = lu->rows;
	w->cols = g->sim_cols;
	w->box[0] = ui_win(w->box[0], LGEOM_BOX_H, half, 0, 0);
	w->box[1] = ui_win(w->box[1], LGEOM_BOX_H, g->sim_cols - half, 0,
	    half);
	w->lad = ui_win(w->lad, g->lad_h, g->sim_cols, g->lad_y, 0);
	ui_delwin(&w->nar);
	if (g->nar_h > 0)
		w->nar = ui_win(NULL, g->nar_h, g->sim_cols, g->nar_y, 0);
	w->menu = ui_win(w->menu, LGEOM_MENU_H, g->sim_cols, g->menu_y, 0);
	w->stat = ui_win(w->stat, 1, lu->cols, lu->rows - 1, 0);
	lu->win->panel = ui_win(lu->win->panel, g->ph, g->pw, g->py, g->px);
	lu->ui.lad_rows = g->lad_h;
	lu->prows = g->ph;
}

static void
lui_detach(struct screen *sc)
{
	struct lui *lu = sc->state;

	ui_wins_free(&lu->win->sim);
	ui_delwin(&lu->win->panel);
	free(lu->win);
	lu->win = NULL;
	lu->ui.win = NULL;
}

void
lui_lesson_attach(struct screen *sc)
{
	struct lui *lu = sc->state;

	lu->win = xcalloc(1, sizeof(*lu->win));
	lu->ui.win = &lu->win->sim;
	sc->layout = lui_layout;
	sc->draw = lui_draw_lesson;
	sc->detach = lui_detach;
}
