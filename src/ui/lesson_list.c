/*
 * Painting the lesson list.
 *
 * The list is one row per lesson: its progress mark, number, title and
 * as much of its summary as fits, all cut by display width (the rows'
 * text and the counts are lesson/browse.c's).  Below it the chosen
 * lesson's summary in full, then a note (a damaged progress file, a
 * finished lesson) and the keys.  The list paints stdscr; the lesson
 * screen has windows of its own (lesson_draw.c).
 */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lesson/browse.h"
#include "lib/i18n.h"
#include "ui/draw_int.h"
#include "ui/lesson_int.h"

#define LUI_MARK_W 5
#define LUI_WRAP_MAX 8

static int
lui_para_rows(const char *s, int cols, int max)
{
	size_t st[LUI_WRAP_MAX], ln[LUI_WRAP_MAX];
	int n = (int)utf8_wrap(s, cols > 0 ? cols : 1, st, ln, LUI_WRAP_MAX);

	return n < max ? n : max;
}

/* Row i of the list at y; two lines (the summary wrapped) when two. */
static void
lui_list_row(struct lui *lu, size_t i, int y, int tw, bool two)
{
	const struct lesson_info *li = &lu->cat.v[i];
	const struct lesson_mark *m = lesson_progress_get(&lu->prog, li->name);
	char mark[32], row[1024], row2[1024] = "";
	int x = 1 + LUI_MARK_W + 2, mw;
	attr_t a = i == lu->sel ? A_REVERSE : A_NORMAL, ma;

	lbrowse_mark(m, lu->nsteps[i], ui_look.ascii, mark, sizeof(mark));
	mw = utf8_width(mark);
	ma = m == NULL ? ui_look.role[ROLE_DIM] : m->done ?
	    ui_look.role[ROLE_OK] | A_BOLD : ui_look.role[ROLE_KEY];
	ui_draw_text(stdscr, y, 1 + LUI_MARK_W - mw, mw, mark, ma);
	if (li->title == NULL) {
		/* TRANSLATORS: a lesson's file name that does not parse. */
		snprintf(row, sizeof(row), _("%02u  %s (cannot be read)"),
		    li->num, li->name);
		a |= ui_look.role[ROLE_ERROR];
	} else if (two)
		lbrowse_row2(li->num, li->title, li->summary, tw, lu->cols -
		    x - 1, row, row2, sizeof(row));
	else
		lbrowse_row(li->num, li->title, li->summary, tw, lu->cols - x -
		    1, row, sizeof(row));
	ui_draw_text(stdscr, y, x, lu->cols - x - 1, row, a);
	if (row2[0] != '\0')
		ui_draw_text(stdscr, y + 1, x, lu->cols - x - 1, row2, a);
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
	const char *msg = lu->list.app->msg;

	ui_draw_bar(stdscr, y, lu->cols, _(" Up/Down choose  Enter open  "
	    "? help  q quit"), "");
	if (msg[0] != '\0') {
		n = lui_para_rows(msg, cols, 2);
		y -= n;
		ui_draw_para(stdscr, y, 1, cols, n, msg,
		    ui_look.role[lu->list.app->msg_err ? ROLE_ERROR : ROLE_OK]);
	}
	if (lu->note[0] != '\0') {
		n = lui_para_rows(lu->note, cols, 4);
		y -= n;
		ui_draw_para(stdscr, y, 1, cols, n, lu->note,
		    ui_look.role[lu->note_kind != LUI_NOTE_NEWS ? ROLE_ERROR :
		    ROLE_OK] | A_BOLD);
	}
	n = lui_para_rows(sum, cols, 2);
	y -= n;
	ui_draw_para(stdscr, y, 1, cols, n, sum, A_NORMAL);
	y--;
	wattrset(stdscr, ui_look.role[ROLE_DIM]);
	for (int x = 0; x < lu->cols; x++)
		mvwaddstr(stdscr, y, x, ui_look.g->hline);
	wattrset(stdscr, A_NORMAL);
	return y;
}

static void
lui_draw_list(struct lui *lu)
{
	char right[128];
	int bottom, rows;
	int tw = lbrowse_title_width(&lu->cat, (lu->cols - LUI_MARK_W - 8) *
	    3 / 5);
	bool two;

	werase(stdscr);
	snprintf(right, sizeof(right), _("%zu of %zu done "),
	    lbrowse_done(&lu->cat, &lu->prog), lu->cat.n);
	ui_draw_bar(stdscr, 0, lu->cols, _(" tcpteach \u2014 lessons"), right);
	bottom = lui_list_foot(lu);
	rows = bottom - 2;
	if (rows < 1)
		rows = 1;
	/* A wide, tall terminal: every lesson on two lines, so that the
	 * summaries are read, not guessed from their first words. */
	two = lu->cols >= 100 && (size_t)rows >= 2 * lu->cat.n;
	if (two) {
		lu->top = 0;
		for (size_t i = 0; i < lu->cat.n; i++)
			lui_list_row(lu, i, 1 + 2 * (int)i, tw, true);
		wnoutrefresh(stdscr);
		return;
	}
	lu->top = scroll_keep(lu->top, lu->cat.n, (size_t)rows, lu->sel);
	for (int r = 0; r < rows && lu->top + (size_t)r < lu->cat.n; r++)
		lui_list_row(lu, lu->top + (size_t)r, 1 + r, tw, false);
	if (lu->cat.n == 0)
		ui_draw_text(stdscr, 2, 2, lu->cols - 4, _("No lessons were "
		    "found."), ui_look.role[ROLE_ERROR]);
	wnoutrefresh(stdscr);
}

static void
lui_list_draw(struct screen *sc, int what)
{
	struct lui *lu = sc->state;

	(void)what;
	lu->rows = sc->rows;
	lu->cols = sc->cols;
	lui_draw_list(lu);
}

void
lui_paint_attach(struct screen *sc)
{
	if (sc->def == &lui_lesson_def) {
		lui_lesson_attach(sc);
		return;
	}
	sc->draw = lui_list_draw;
}
