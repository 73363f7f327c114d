/*
 * Painting the view model.
 *
 * The screen, top to bottom: the two state boxes (client left, server
 * right), the ladder whose time lines hang from the boxes, the narration,
 * the event menu and a status line.  Each part is its own window, painted
 * only when a handler says it changed; every paint ends in wnoutrefresh and
 * the main loop calls doupdate once, so curses sends only changed cells.
 * Text is cut by display width (view_fit), never by bytes.
 */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "lib/i18n.h"
#include "script/parse.h"
#include "ui/draw_int.h"
#include "ui/menu.h"
#include "ui/ui_int.h"

#define BOX_H 7

void
ui_draw_text_n(WINDOW *w, int y, int x, const char *s, size_t n, attr_t a)
{
	wattrset(w, a);
	mvwaddnstr(w, y, x, s, (int)n);
	wattrset(w, A_NORMAL);
}

void
ui_draw_text(WINDOW *w, int y, int x, int cols, const char *s, attr_t a)
{
	int used;
	size_t n;

	if (cols <= 0)
		return;
	n = view_fit(s, cols, &used);
	wattrset(w, a);
	mvwaddnstr(w, y, x, s, (int)n);
	wattrset(w, A_NORMAL);
}

static WINDOW *
ui_win(WINDOW *old, int h, int w, int y, int x)
{
	if (old != NULL)
		delwin(old);
	return newwin(h > 0 ? h : 1, w, y, x);
}

static int
ui_narr_rows(int rows)
{
	if (rows >= 36)
		return 6;
	return rows >= 22 ? 4 : 3;
}

/* Recreate the windows for the terminal's size (main loop only). */
void
ui_layout(struct ui *ui)
{
	int half, nar, lad;

	getmaxyx(stdscr, ui->rows, ui->cols);
	ui->small = ui->rows < UI_MIN_ROWS || ui->cols < UI_MIN_COLS;
	if (ui->small)
		return;
	half = ui->cols / 2;
	nar = ui_narr_rows(ui->rows);
	lad = ui->rows - BOX_H - nar - 3 - 1;
	ui->wbox[0] = ui_win(ui->wbox[0], BOX_H, half, 0, 0);
	ui->wbox[1] = ui_win(ui->wbox[1], BOX_H, ui->cols - half, 0, half);
	ui->wlad = ui_win(ui->wlad, lad, ui->cols, BOX_H, 0);
	ui->wnar = ui_win(ui->wnar, nar, ui->cols, BOX_H + lad, 0);
	ui->wmenu = ui_win(ui->wmenu, 3, ui->cols, BOX_H + lad + nar, 0);
	ui->wstat = ui_win(ui->wstat, 1, ui->cols, ui->rows - 1, 0);
	keypad(ui->wstat, TRUE);
}

/* The columns of the two time lines; the margins hold state names. */
void
ui_timelines(const struct ui *ui, int *xc, int *xs)
{
	*xc = 13;
	*xs = ui->cols - 15;
}

static attr_t
ui_phase_role(const struct ui *ui, enum view_phase p)
{
	return ui->role[ROLE_PH_CLOSED + (int)p];
}

static void
ui_frame(const struct ui *ui, WINDOW *w, const char *title, int tee)
{
	int h, wd;

	getmaxyx(w, h, wd);
	if (ui->o->ascii) {
		wborder(w, '|', '|', '-', '-', '+', '+', '+', '+');
	} else
		box(w, 0, 0);
	(void)h;
	if (tee > 0 && tee < wd - 1)
		mvwaddstr(w, BOX_H - 1, tee, ui->g->tee);
	mvwaddstr(w, 0, 2, " ");
	ui_draw_text(w, 0, 3, wd - 6, title, ui->role[ROLE_TITLE]);
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
	WINDOW *w = ui->wbox[h];
	struct view_box b;
	int wd = getmaxx(w), xc, xs;
	char big[64];
	attr_t a;

	view_box_build(&ui->s.v, &ui->s.w, h, ui->s.v.num, &b);
	werase(w);
	ui_timelines(ui, &xc, &xs);
	ui_frame(ui, w, view_host_name(h), h == HOST_CLIENT ? xc :
	    xs - getbegx(w));
	ui_big(big, sizeof(big), b.state);
	if (view_width(big) > wd - 4)
		snprintf(big, sizeof(big), "%s", b.state);
	a = ui_phase_role(ui, b.phase) | A_BOLD;
	if (b.hilite)
		a |= A_REVERSE;
	ui_draw_text(w, 1, 2, wd - 4, big, a);
	ui_draw_text(w, 2, 2, wd - 4, b.app, A_NORMAL);
	/* Two ten-digit raw numbers with their labels take 37 columns: at
	 * 80 columns that is the box's inside without the right margin. */
	ui_draw_text(w, 3, 2, wd - 3, b.nums[0], ui->role[ROLE_DIM]);
	ui_draw_text(w, 4, 2, wd - 3, b.nums[1], ui->role[ROLE_DIM]);
	ui_draw_text(w, 5, 2, wd - 4, b.timers, ui->role[ROLE_KEY]);
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
		return ui->role[ROLE_OK];
	case SESSION_FAIL:
	case SESSION_BAD:
		return ui->role[ROLE_ERROR];
	case SESSION_NONE:
		break;
	}
	return A_NORMAL;
}

static void
ui_draw_narr(struct ui *ui)
{
	WINDOW *w = ui->wnar;
	int h = getmaxy(w), y = 0, wd = ui->cols - 2;
	size_t st[16], ln[16], n;
	bool more = false;

	werase(w);
	if (ui->o->play != NULL && ui->s.pos < ui->s.ncmds) {
		char line[256], buf[320];

		script_format(&ui->s.cmds[ui->s.pos], line, sizeof(line));
		/* TRANSLATORS: lecture mode, the scenario line Space applies. */
		snprintf(buf, sizeof(buf), _("Next: %s"), line);
		ui_draw_text(w, y++, 1, wd, buf, ui->role[ROLE_KEY]);
	}
	if (ui->msg[0] != '\0') {
		n = view_wrap(ui->msg, wd, st, ln, 16);
		for (size_t i = 0; i < n && y < h; i++, y++)
			ui_draw_text_n(w, y, 1, ui->msg + st[i], ln[i],
			    ui->role[ui->msg_err ? ROLE_ERROR : ROLE_OK]);
	}
	for (size_t k = 0; k < ui->s.v.nnarr && y < h; k++) {
		const char *s = ui->s.v.narr[k];
		attr_t a = A_NORMAL;

		if (k + 1 == ui->s.v.nnarr)
			a = ui_narr_last_role(ui);

		n = view_wrap(s, wd - 2, st, ln, 16);
		for (size_t i = 0; i < n && y < h; i++, y++) {
			if (i == 0)
				mvwaddstr(w, y, 0, ui->g->bullet);
			ui_draw_text_n(w, y, 2, s + st[i], ln[i], a);
		}
		/* Cut short: say so rather than hide it silently. */
		if (y >= h && (k + 1 < ui->s.v.nnarr || n > 0))
			more = k + 1 < ui->s.v.nnarr;
	}
	if (more)
		ui_draw_text(w, h - 1, ui->cols - 4, 4, "...",
		    ui->role[ROLE_KEY]);
	wnoutrefresh(w);
}

static void
ui_draw_small(struct ui *ui)
{
	char buf[256];

	erase();
	/* TRANSLATORS: current columns x rows, needed columns x rows. */
	snprintf(buf, sizeof(buf), _("Terminal too small: %dx%d. tcpteach "
	    "needs at least %dx%d. Enlarge the window, or press q to quit."),
	    ui->cols, ui->rows, UI_MIN_COLS, UI_MIN_ROWS);
	{
		size_t st[8], ln[8], n = view_wrap(buf, ui->cols > 2 ?
		    ui->cols - 2 : 1, st, ln, 8);

		for (size_t i = 0; i < n && (int)i < ui->rows; i++)
			ui_draw_text_n(stdscr, (int)i, 1, buf + st[i], ln[i],
			    A_BOLD);
	}
	wnoutrefresh(stdscr);
}

void
ui_draw(struct ui *ui, int what)
{
	if (ui->small) {
		ui_draw_small(ui);
		return;
	}
	if (what & UI_R_LAYOUT) {
		/* Forget what is on the glass after a resize. */
		clearok(curscr, TRUE);
		what = UI_R_ALL;
	}
	if (ui->overlay == UI_O_HELP) {
		ui_draw_help(ui);
		ui_draw_status(ui);
		return;
	}
	if (what & UI_R_BOXES) {
		ui_draw_box(ui, HOST_CLIENT);
		ui_draw_box(ui, HOST_SERVER);
	}
	if (what & UI_R_LADDER)
		ui_draw_ladder(ui);
	if (what & UI_R_NARR)
		ui_draw_narr(ui);
	if (what & UI_R_MENU)
		ui_draw_menu(ui);
	if (what & UI_R_STATUS)
		ui_draw_status(ui);
}
