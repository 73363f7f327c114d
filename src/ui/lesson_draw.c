/*
 * Painting the lesson screen: the step panel beside or below the
 * simulator's views, and the status line (its words and what gives way
 * are status_lesson_fit's); and making its windows.
 *
 * The panel's text is rebuilt by the learner's walk (lwalk_panel in
 * src/lesson/walk_text.c) on every paint and wrapped to the panel's
 * width here, so a resize or a change of step can never show stale
 * text; its heading and key bar are the walk's words too.  As elsewhere,
 * each window ends in wnoutrefresh and the loop calls doupdate once.
 */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/i18n.h"
#include "lib/xalloc.h"
#include "script/status.h"
#include "ui/draw_int.h"
#include "ui/lesson_int.h"

struct lui_wins {
	WINDOW *panel;
	struct ui_wins sim;
};

#define LUI_HEAD_MAX 4096

static int
lui_draw_footer(struct lui *lu, WINDOW *w, int x0, int cols, int bottom,
    size_t maxrows)
{
	struct lwalk_key f[LWALK_KEYS_MAX];
	char text[LWALK_KEYS_MAX][96];
	const char *items[LWALK_KEYS_MAX];
	size_t n = lwalk_keys(&lu->walk, lu->overflow, f);
	size_t rows[LWALK_KEYS_MAX + 1], nr;

	for (size_t i = 0; i < n; i++) {
		snprintf(text[i], sizeof(text[i]), "%s %s", f[i].key,
		    f[i].label);
		items[i] = text[i];
	}
	nr = lpanel_item_rows(items, n, cols, rows, maxrows);
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
	char head[LUI_HEAD_MAX];
	const char *more = above && below ? "\u2191\u2193" : above ? "\u2191" :
	    below ? "\u2193" : "";
	attr_t a = lu->geo.side ? ui_look.role[ROLE_TITLE] :
	    ui_look.role[ROLE_STATUS];
	int mw;

	if (ui_look.ascii)
		more = above && below ? "^v" : above ? "^" : below ? "v" : "";
	mw = utf8_width(more);
	lwalk_head(&lu->walk, ui_look.ascii, head, sizeof(head));
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
	const struct app *a = lu->ui.app;

	werase(w);
	/* The step's text, with the lesson's messages and the
	 * simulator's said under it. */
	lu->hint_para = lwalk_panel(&lu->walk, &lu->panel, ui_look.ascii,
	    a->msg, a->msg_err);
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

/* The words are status_lesson_fit's; Enter inspects the selected arrow
 * unless the lesson takes Enter itself. */
static void
lui_draw_status(struct lui *lu)
{
	WINDOW *w = lu->ui.win->stat;
	char left[256], keys[256];
	const struct screen_cmd *enter;
	struct status_lesson in = { .w = &lu->ui.s.w,
	    .lesson = lu->walk.li->num, .step = lu->walk.lr.step + 1,
	    .nsteps = lu->walk.l.nsteps, .num = lu->ui.v.num };

	if (screen_binding(&lu->lesson, '\r', &enter) == NULL &&
	    ladder_arrow_by_id(&lu->ui.v.lad, lu->ui.mark) != NULL)
		in.mark = lu->ui.mark;
	status_lesson_fit(&in, lu->cols, left, sizeof(left), keys,
	    sizeof(keys));
	ui_draw_bar(w, 0, lu->cols, left, keys);
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
