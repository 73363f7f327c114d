/*
 * Painting the lesson list, the lesson screens' help and the "too small"
 * screen, and choosing which of them to paint.
 *
 * The list is one row per lesson: its progress mark, number, title and
 * as much of its summary as fits, all cut by display width.  Below it the
 * chosen lesson's summary in full, then a note (a damaged progress file,
 * a finished lesson) and the keys.  The list and the help screen paint
 * stdscr; the lesson screen has windows of its own (lesson_draw.c).
 */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/i18n.h"
#include "ui/draw_int.h"
#include "ui/lesson_int.h"
#include "ui/ui_cmd.h"

#define LUI_MARK_W 5
#define LUI_WRAP_MAX 8

/* Wrapped text from row y up to rows rows; returns the rows used. */
static int
lui_para(WINDOW *w, int y, int x, int cols, int rows, const char *s,
    attr_t a)
{
	size_t st[LUI_WRAP_MAX], ln[LUI_WRAP_MAX];
	size_t n = view_wrap(s, cols > 0 ? cols : 1, st, ln, LUI_WRAP_MAX);
	int i;

	for (i = 0; i < (int)n && i < rows; i++)
		ui_draw_text_n(w, y + i, x, s + st[i], ln[i], a);
	return i;
}

static int
lui_para_rows(const char *s, int cols, int max)
{
	size_t st[LUI_WRAP_MAX], ln[LUI_WRAP_MAX];
	int n = (int)view_wrap(s, cols > 0 ? cols : 1, st, ln, LUI_WRAP_MAX);

	return n < max ? n : max;
}

static void
lui_bar(struct lui *lu, int y, const char *left, const char *right)
{
	attr_t a = lu->lk.role[ROLE_STATUS];
	int rw = view_width(right);

	wattrset(stdscr, a);
	mvwhline(stdscr, y, 0, ' ', lu->cols);
	ui_draw_text(stdscr, y, 0, lu->cols - rw - 1, left, a);
	ui_draw_text(stdscr, y, lu->cols - rw > 0 ? lu->cols - rw : 0, rw,
	    right, a);
}

static int
lui_title_width(const struct lui *lu)
{
	int w = 0, cap = (lu->cols - LUI_MARK_W - 8) * 3 / 5;

	for (size_t i = 0; i < lu->cat.n; i++)
		if (lu->cat.v[i].title != NULL &&
		    view_width(lu->cat.v[i].title) > w)
			w = view_width(lu->cat.v[i].title);
	return w < cap ? w : cap;
}

static void
lui_list_row(struct lui *lu, size_t i, int y, int tw)
{
	const struct lesson_info *li = &lu->cat.v[i];
	const struct lesson_mark *m = lesson_progress_get(&lu->prog, li->name);
	char mark[32], row[1024];
	int x = 1 + LUI_MARK_W + 2, mw;
	attr_t a = i == lu->sel ? A_REVERSE : A_NORMAL, ma;

	lbrowse_mark(m, lu->nsteps[i], lu->ascii, mark, sizeof(mark));
	mw = view_width(mark);
	ma = m == NULL ? lu->lk.role[ROLE_DIM] : m->done ?
	    lu->lk.role[ROLE_OK] | A_BOLD : lu->lk.role[ROLE_KEY];
	ui_draw_text(stdscr, y, 1 + LUI_MARK_W - mw, mw, mark, ma);
	if (li->title == NULL) {
		/* TRANSLATORS: a lesson's file name that does not parse. */
		snprintf(row, sizeof(row), _("%02u  %s (cannot be read)"),
		    li->num, li->name);
		a |= lu->lk.role[ROLE_ERROR];
	} else
		lbrowse_row(li->num, li->title, li->summary, tw, lu->cols - x -
		    1, row, sizeof(row));
	ui_draw_text(stdscr, y, x, lu->cols - x - 1, row, a);
}

static size_t
lui_done_count(const struct lui *lu)
{
	size_t n = 0;

	for (size_t i = 0; i < lu->cat.n; i++) {
		const struct lesson_mark *m = lesson_progress_get(&lu->prog,
		    lu->cat.v[i].name);

		n += m != NULL && m->done;
	}
	return n;
}

/* The summary, note and message under the list; returns its top row. */
static int
lui_list_foot(struct lui *lu)
{
	const struct lesson_info *li = lu->sel < lu->cat.n ?
	    &lu->cat.v[lu->sel] : NULL;
	const char *sum = li == NULL ? "" : li->title != NULL ? li->summary :
	    li->err.msg;
	int cols = lu->cols - 2, y = lu->rows - 1, n;

	lui_bar(lu, y, _(" Up/Down choose  Enter open  ? help  q quit"), "");
	if (lu->msg[0] != '\0') {
		n = lui_para_rows(lu->msg, cols, 2);
		y -= n;
		lui_para(stdscr, y, 1, cols, n, lu->msg,
		    lu->lk.role[lu->msg_err ? ROLE_ERROR : ROLE_OK]);
	}
	if (lu->note[0] != '\0') {
		n = lui_para_rows(lu->note, cols, 4);
		y -= n;
		lui_para(stdscr, y, 1, cols, n, lu->note,
		    lu->lk.role[lu->note_err ? ROLE_ERROR : ROLE_OK] | A_BOLD);
	}
	n = lui_para_rows(sum, cols, 2);
	y -= n;
	lui_para(stdscr, y, 1, cols, n, sum, A_NORMAL);
	y--;
	wattrset(stdscr, lu->lk.role[ROLE_DIM]);
	for (int x = 0; x < lu->cols; x++)
		mvwaddstr(stdscr, y, x, lu->lk.g->hline);
	wattrset(stdscr, A_NORMAL);
	return y;
}

static void
lui_draw_list(struct lui *lu)
{
	char right[128];
	int bottom, rows, tw = lui_title_width(lu);

	werase(stdscr);
	snprintf(right, sizeof(right), _("%zu of %zu done "),
	    lui_done_count(lu), lu->cat.n);
	lui_bar(lu, 0, _(" tcpteach \u2014 lessons"), right);
	bottom = lui_list_foot(lu);
	rows = bottom - 2;
	if (rows < 1)
		rows = 1;
	if (lu->sel < lu->top)
		lu->top = lu->sel;
	if (lu->sel >= lu->top + (size_t)rows)
		lu->top = lu->sel + 1 - (size_t)rows;
	for (int r = 0; r < rows && lu->top + (size_t)r < lu->cat.n; r++)
		lui_list_row(lu, lu->top + (size_t)r, 1 + r, tw);
	if (lu->cat.n == 0)
		ui_draw_text(stdscr, 2, 2, lu->cols - 4, _("No lessons were "
		    "found."), lu->lk.role[ROLE_ERROR]);
	wnoutrefresh(stdscr);
}

static int
lui_help_row(struct lui *lu, int *y, int *skip, const char *keys,
    const char *help, attr_t a)
{
	if ((*skip)-- > 0)
		return 0;
	if (*y >= lu->rows - 1)
		return 1;
	ui_draw_text(stdscr, *y, 1, 12, keys, lu->lk.role[ROLE_KEY]);
	ui_draw_text(stdscr, *y, 14, lu->cols - 15, help, a);
	(*y)++;
	return 0;
}

/* Generated from lui_cmds, then the simulator's entries still reachable. */
static void
lui_draw_help(struct lui *lu)
{
	int y = 1, skip = lu->help_top;

	werase(stdscr);
	lui_bar(lu, 0, _(" Lesson keys (any other key closes this help; "
	    "PgDn/PgUp scroll)"), "");
	for (size_t i = 0; i < lui_ncmds; i++)
		if ((lui_cmds[i].screens & (1u << lu->screen)) != 0)
			lui_help_row(lu, &y, &skip, lui_cmds[i].keyname,
			    _(lui_cmds[i].help), A_NORMAL);
	if (lu->screen == LUI_LESSON) {
		lui_help_row(lu, &y, &skip, "", _("Simulator keys, as in the "
		    "simulator:"), lu->lk.role[ROLE_TITLE]);
		for (size_t i = 0; i < ui_ncmds; i++)
			if (!lui_shadowed(&ui_cmds[i]))
				lui_help_row(lu, &y, &skip, ui_cmds[i].keyname,
				    _(ui_cmds[i].help), A_NORMAL);
	}
	wnoutrefresh(stdscr);
}

static void
lui_draw_small(struct lui *lu)
{
	char buf[256];

	werase(stdscr);
	/* TRANSLATORS: current columns x rows, needed columns x rows. */
	snprintf(buf, sizeof(buf), _("Terminal too small: %dx%d. tcpteach "
	    "needs at least %dx%d. Enlarge the window, or press q to quit."),
	    lu->cols, lu->rows, LGEOM_MIN_COLS, LGEOM_MIN_ROWS);
	lui_para(stdscr, 0, 1, lu->cols - 2, lu->rows, buf, A_BOLD);
	wnoutrefresh(stdscr);
}

void
lui_draw(struct lui *lu, int what)
{
	if (lu->geo.small) {
		lui_draw_small(lu);
		return;
	}
	if (lu->help) {
		lui_draw_help(lu);
		return;
	}
	if (lu->screen == LUI_LIST) {
		if (what & UI_R_LAYOUT)
			clearok(curscr, TRUE);
		lui_draw_list(lu);
		return;
	}
	lui_draw_lesson(lu, what);
}
