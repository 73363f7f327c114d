/*
 * Painting the quiz screens.
 *
 * Top to bottom: a title bar (which question, and the countdown), the
 * body (the question, the exam's list, or the report: the sitting's page
 * as a struct qdoc, scrolled by top), the entry line (what is being
 * typed, or a message) and the status line (score or progress, and the
 * main keys; the loop writes a yes/no question over it).  The words are
 * the sitting's (src/quiz/sitting_text.c) but the keys.  Each part is its
 * own window, painted only when a handler says so; the entry line is
 * painted last, so the cursor rests there while an answer is typed.
 * Text is cut by display width, never by bytes.
 */
#include <config.h>

#include <stdlib.h>

#include "lib/i18n.h"
#include "ui/draw_int.h"
#include "ui/quiz_int.h"

struct qui_wins {
	WINDOW *title, *body, *entry, *stat;
};

/* Make the windows for the terminal's size. */
static void
qui_layout(struct screen *sc)
{
	struct qui *qu = sc->state;
	struct qui_wins *w = qu->win;

	w->title = ui_win(w->title, 1, sc->cols, 0, 0);
	w->body = ui_win(w->body, sc->rows - 3, sc->cols, 1, 0);
	w->entry = ui_win(w->entry, 1, sc->cols, sc->rows - 2, 0);
	w->stat = ui_win(w->stat, 1, sc->cols, sc->rows - 1, 0);
	qu->body_rows = sc->rows - 3;
}

/* Keep the list's choice, or newly shown feedback, in view. */
static void
qui_clamp_top(struct qui *qu, int h)
{
	size_t n = qu->doc.p.nl, rows = (size_t)h, top = (size_t)qu->top,
	    mark = lpanel_line_of(&qu->doc.p, qu->doc.mark);

	if (qu->sit.page == SITTING_LIST &&
	    qu->sc.app->ask == APP_ASK_NONE)
		top = scroll_keep(top, n, rows, qu->sit.listsel);
	if (qu->to_mark && top + rows < n)
		top = mark < n - rows ? mark : n - rows;
	qu->to_mark = false;
	qu->top = (int)scroll_fit(top, n, rows);
}

static void
qui_draw_body(struct qui *qu)
{
	WINDOW *w = qu->win->body;
	int h = getmaxy(w);

	werase(w);
	sitting_doc(&qu->sit, &qu->doc);
	lpanel_wrap(&qu->doc.p, qu->sc.cols - 2);
	qui_clamp_top(qu, h);
	for (int y = 0; y < h && qu->top + y < (int)qu->doc.p.nl; y++) {
		const struct lpanel_line *l = &qu->doc.p.l[qu->top + y];
		const struct lpanel_para *p;
		attr_t a;
		bool sel = qu->sit.page == SITTING_LIST && qu->top + y ==
		    (int)qu->sit.listsel && qu->sc.app->ask == APP_ASK_NONE;

		if (l->para == SIZE_MAX)
			continue;
		p = &qu->doc.p.p[l->para];
		a = ui_panel_attr(p->role) | (sel ? A_REVERSE : 0);
		if (sel)
			mvwaddstr(w, y, 0, ">");
		if (p->cut)
			ui_draw_text(w, y, 1 + l->x, qu->sc.cols - 2 - l->x,
			    p->text, a);
		else
			ui_draw_text_n(w, y, 1 + l->x, p->text + l->off,
			    l->len, a);
	}
	wnoutrefresh(w);
}

static void
qui_draw_title(struct qui *qu)
{
	char left[256], right[64];

	sitting_title(&qu->sit, left, sizeof(left), right, sizeof(right));
	ui_draw_bar(qu->win->title, 0, qu->sc.cols, left, right);
	wnoutrefresh(qu->win->title);
}

static void
qui_draw_status(struct qui *qu)
{
	char left[256], keys[128];
	const char *right = sitting_keys(&qu->sit, keys, sizeof(keys));

	sitting_score_line(&qu->sit, left, sizeof(left));
	ui_draw_bar(qu->win->stat, 0, qu->sc.cols, left, right);
	wnoutrefresh(qu->win->stat);
}

static void
qui_draw_entry(struct qui *qu)
{
	WINDOW *w = qu->win->entry;
	const struct app *a = qu->sc.app;
	bool below = qu->top + qu->body_rows < (int)qu->doc.p.nl;
	/* TRANSLATORS: the body scrolls; these keys show the rest. */
	const char *more = below && qu->top > 0 ? _("more: Up Down") :
	    below ? _("more: Down PgDn") : _("more: Up PgUp");
	bool due = false;
	int mw = utf8_width(more);

	werase(w);
	if (a->msg[0] != '\0')
		ui_draw_text(w, 0, 1, qu->sc.cols - 2, a->msg,
		    ui_look.role[a->msg_err ? ROLE_ERROR : ROLE_OK]);
	else if (a->ask == APP_ASK_NONE && sitting_typing_due(&qu->sit)) {
		/* The loop's prompt opens at the first letter or digit. */
		ui_draw_text(w, 0, 1, qu->sc.cols - 2, quiz_answer_label(
		    sitting_question(&qu->sit)), A_BOLD);
		due = true;
	}
	if (!due && a->ask == APP_ASK_NONE && a->msg[0] == '\0' &&
	    (below || qu->top > 0) && mw + 2 < qu->sc.cols)
		ui_draw_text(w, 0, qu->sc.cols - mw - 1, mw, more,
		    ui_look.role[ROLE_DIM]);
	wnoutrefresh(w);
}

static void
qui_draw(struct screen *sc, int what)
{
	struct qui *qu = sc->state;

	if (what & QR_TITLE)
		qui_draw_title(qu);
	if (what & QR_BODY)
		qui_draw_body(qu);
	if (what & QR_STATUS)
		qui_draw_status(qu);
	qui_draw_entry(qu);
}

static void
qui_detach(struct screen *sc)
{
	struct qui *qu = sc->state;
	WINDOW **const all[] = { &qu->win->title, &qu->win->body,
	    &qu->win->entry, &qu->win->stat };

	ui_delwins(all, sizeof(all) / sizeof(all[0]));
	free(qu->win);
	qu->win = NULL;
}

void
qui_paint_attach(struct screen *sc)
{
	struct qui *qu = sc->state;

	qu->win = ui_paint_wins(sc, sizeof(*qu->win), qui_layout, qui_draw,
	    qui_detach);
}
