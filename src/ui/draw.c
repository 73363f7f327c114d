/*
 * Painting the view model.
 *
 * The screen, top to bottom: the two state boxes (client left, server
 * right), the ladder whose time lines hang from the boxes, the narration,
 * the event menu and a status line.  Each part is its own window, painted
 * only when a handler says it changed; every paint ends in wnoutrefresh and
 * the main loop calls doupdate once, so curses sends only changed cells.
 * Text is cut by display width (utf8_fit), never by bytes.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/i18n.h"
#include "script/menu.h"
#include "script/parse.h"
#include "ui/draw_int.h"

#define BOX_H 7

static int
ui_narr_rows(int rows)
{
	if (rows >= 36)
		return 6;
	return rows >= 22 ? 4 : 3;
}

/* Make the windows for rows x cols: boxes, ladder, narration, menu,
 * status line. */
void
ui_layout_wins(struct ui *ui, struct ui_wins *w, int rows, int cols)
{
	/* A presenter hides the menu: its rows go to the narration. */
	int menu = ui->o->present ? 0 : 3;
	int half = cols / 2, nar = ui_narr_rows(rows) + 3 - menu;
	int lad = rows - BOX_H - nar - menu - 1;

	w->rows = rows;
	w->cols = cols;
	w->box[0] = ui_win(w->box[0], BOX_H, half, 0, 0);
	w->box[1] = ui_win(w->box[1], BOX_H, cols - half, 0, half);
	w->lad = ui_win(w->lad, lad, cols, BOX_H, 0);
	w->nar = ui_win(w->nar, nar, cols, BOX_H + lad, 0);
	w->menu = ui_win(w->menu, 3, cols, menu > 0 ? BOX_H + lad + nar :
	    rows - 3, 0);
	w->stat = ui_win(w->stat, 1, cols, rows - 1, 0);
	ui->lad_rows = lad;
	/* High contrast for a projector: every character bold. */
	if (ui->o->present)
		for (size_t i = 0; i < 6; i++)
			wbkgdset((WINDOW *[]){ w->box[0], w->box[1], w->lad,
			    w->nar, w->menu, w->stat }[i], ' ' | A_BOLD);
}

/* The columns of the two time lines; the margins hold state names, and
 * left of the client's a time column (UI_TIME_W) when the screen is wide
 * enough to keep room for the labels. */
void
ui_timelines(const struct ui *ui, int *xc, int *xs)
{
	*xc = ui->win->cols >= 72 ? 13 + UI_TIME_W : 13;
	*xs = ui->win->cols - 15;
}

static void
ui_frame(const struct ui *ui, WINDOW *w, const char *title, int tee)
{
	int wd = getmaxx(w);

	if (ui->o->ascii)
		wborder(w, '|', '|', '-', '-', '+', '+', '+', '+');
	else
		box(w, 0, 0);
	if (tee > 0 && tee < wd - 1)
		mvwaddstr(w, BOX_H - 1, tee, ui_look.g->tee);
	mvwaddstr(w, 0, 2, " ");
	ui_draw_text(w, 0, 3, wd - 6, title, ui_look.role[ROLE_TITLE]);
	waddstr(w, " ");
}

/* "ESTABLISHED" as "E S T A B L I S H E D": the large type of a box. */
static void
ui_big(char *out, size_t size, const char *s)
{
	size_t o = 0;

	for (; *s != '\0' && o + 3 < size; s++) {
		if (o > 0)
			out[o++] = ' ';
		out[o++] = *s;
	}
	out[o] = '\0';
}

static void
ui_draw_box(struct ui *ui, enum sim_host_id h)
{
	WINDOW *w = ui->win->box[h];
	struct ladder_box b;
	int wd = getmaxx(w), xc, xs;
	char big[64], title[96];
	attr_t a;

	if (ui->s.be != NULL) {
		ui_lab_box(ui, h, &b);
		(void)ui_lab_title(ui, h, title, sizeof(title));
	} else {
		view_box_build(&ui->v, &ui->s.w, h, ui->v.num, &b);
		snprintf(title, sizeof(title), "%s", sim_host_text(h));
	}
	werase(w);
	ui_timelines(ui, &xc, &xs);
	ui_frame(ui, w, title, h == HOST_CLIENT ? xc :
	    xs - getbegx(w));
	ui_big(big, sizeof(big), b.state);
	if (utf8_width(big) > wd - 4)
		snprintf(big, sizeof(big), "%s", b.state);
	a = ui_phase_attr(b.phase) | A_BOLD;
	if (b.hilite)
		a |= A_REVERSE;
	ui_draw_text(w, 1, 2, wd - 4, big, a);
	ui_draw_text(w, 2, 2, wd - 4, b.app, A_NORMAL);
	/* Two ten-digit raw numbers with their labels take 37 columns: at
	 * 80 columns that is the box's inside without the right margin. */
	ui_draw_text(w, 3, 2, wd - 3, b.nums[0], ui_look.role[ROLE_DIM]);
	ui_draw_text(w, 4, 2, wd - 3, b.nums[1], ui_look.role[ROLE_DIM]);
	ui_draw_text(w, 5, 2, wd - 4, b.timers, ui_look.role[ROLE_KEY]);
	wnoutrefresh(w);
}

/* The last sentence of a check or a refused step is its verdict. */
static attr_t
ui_narr_last_role(const struct ui *ui)
{
	if (ui->s.pos == 0)
		return A_NORMAL;
	switch (ui->s.marks[ui->s.pos - 1]) {
	case SESSION_PASS:
		return ui_look.role[ROLE_OK];
	case SESSION_FAIL:
	case SESSION_BAD:
		return ui_look.role[ROLE_ERROR];
	case SESSION_NONE:
		break;
	}
	return A_NORMAL;
}

/* Lecture mode's line above the narration: the scenario line Space
 * applies next, or how to get back on the script. */
static const char *
ui_narr_lecture(const struct ui *ui, char *buf, size_t size)
{
	char line[256];

	if (ui->lec.branched)
		/* TRANSLATORS: lecture mode after the lecturer's own event. */
		snprintf(buf, size, _("Off the script since step %zu: b goes "
		    "back to it."), ui->lec.branch_at);
	else if (ui->s.pos < ui->s.ncmds) {
		script_format(&ui->s.cmds[ui->s.pos], line, sizeof(line));
		/* TRANSLATORS: lecture mode, the scenario line Space
		 * applies. */
		snprintf(buf, size, _("Next: %s"), line);
	} else
		return NULL;
	return buf;
}

/* Lecture mode's lines, the message, then the narration, each cut to the
 * rows left; "..." says when sentences did not fit. */
static void
ui_draw_narr(struct ui *ui)
{
	WINDOW *w = ui->win->nar;
	int h = getmaxy(w), y = 0, wd = ui->win->cols - 2;
	const char *msg = ui->in_lesson || ui->app == NULL ? NULL :
	    ui->app->msg;
	const char *lec;
	char buf[320];
	bool more = false;

	werase(w);
	if (ui->o->play != NULL) {
		if ((lec = ui_narr_lecture(ui, buf, sizeof(buf))) != NULL)
			ui_draw_text(w, y++, 1, wd, lec,
			    ui_look.role[ROLE_KEY]);
		if ((lec = lecture_caption(&ui->lec, &ui->s)) != NULL)
			y += ui_draw_para(w, y, 1, wd, h - y, lec, A_BOLD);
	}
	if (msg != NULL && msg[0] != '\0')
		y += ui_draw_para(w, y, 1, wd, h - y, msg,
		    ui_look.role[ui->app->msg_err ? ROLE_ERROR : ROLE_OK]);
	for (size_t k = 0; k < ui->v.nnarr && y < h; k++) {
		attr_t a = k + 1 == ui->v.nnarr ? ui_narr_last_role(ui) :
		    A_NORMAL;

		mvwaddstr(w, y, 0, ui_look.g->bullet);
		y += ui_draw_para(w, y, 2, wd - 2, h - y, ui->v.narr[k], a);
		/* Cut short: say so rather than hide it silently. */
		more = y >= h && k + 1 < ui->v.nnarr;
	}
	if (more)
		ui_draw_text(w, h - 1, ui->win->cols - 4, 4, "...",
		    ui_look.role[ROLE_KEY]);
	wnoutrefresh(w);
}

void
ui_draw(struct ui *ui, int what)
{
	if (what & UI_R_BOXES) {
		ui_draw_box(ui, HOST_CLIENT);
		ui_draw_box(ui, HOST_SERVER);
	}
	if (what & UI_R_LADDER)
		ui_draw_ladder(ui);
	if ((what & UI_R_NARR) && ui->win->nar != NULL)
		ui_draw_narr(ui);
	if ((what & UI_R_MENU) && !ui->o->present)
		ui_draw_menu(ui);
	if (what & UI_R_STATUS)
		ui_draw_status(ui);
}

static void
ui_sim_layout(struct screen *sc)
{
	struct ui *ui = sc->state;

	ui_layout_wins(ui, ui->win, sc->rows, sc->cols);
}

static void
ui_sim_draw(struct screen *sc, int what)
{
	ui_draw(sc->state, what);
}

void
ui_wins_free(struct ui_wins *w)
{
	WINDOW **const all[] = { &w->box[0], &w->box[1], &w->lad, &w->nar,
	    &w->menu, &w->stat };

	ui_delwins(all, SCREEN_NELEM(all));
}

static void
ui_sim_detach(struct screen *sc)
{
	struct ui *ui = sc->state;

	ui_wins_free(ui->win);
	free(ui->win);
	ui->win = NULL;
}

void
ui_paint_attach(struct screen *sc)
{
	struct ui *ui = sc->state;

	ui->win = ui_paint_wins(sc, sizeof(*ui->win), ui_sim_layout,
	    ui_sim_draw, ui_sim_detach);
}
