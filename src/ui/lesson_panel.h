/*
 * The lesson screens' layout, without curses: where the step panel goes
 * and how a row of the lesson list reads.  The curses
 * side (lesson_draw.c) only paints what these functions computed, so the
 * arithmetic is tested in Check (tests/check_lesson_ui.c).
 *
 * Data model: a struct lgeom is the geometry of the lesson screen for one
 * terminal size.  The step panel's text is a struct lpanel
 * (lesson/panel.h), the same model as the quiz's questions and reports.
 */
#ifndef TCPTEACH_UI_LESSON_PANEL_H
#define TCPTEACH_UI_LESSON_PANEL_H

#include <stdbool.h>
#include <stddef.h>

#include "lesson/panel.h"
#include "lesson/progress.h"

/* The simulator's minimum (UI_MIN_COLS, UI_MIN_ROWS in ui_int.h). */
#define LGEOM_MIN_COLS 64
#define LGEOM_MIN_ROWS 20
#define LGEOM_BOX_H 7
#define LGEOM_MENU_H 3
#define LGEOM_SIDE_MIN 40	/* narrowest panel worth putting beside */

struct lgeom {
	bool small;		/* below the minimum: say so, draw nothing */
	bool side;		/* panel beside the hosts, else below them */
	int sim_cols;		/* width of boxes, ladder, narration */
	int lad_h, nar_h;	/* nar_h 0: no narration window */
	int lad_y, nar_y, menu_y;
	int py, px, ph, pw;	/* the step panel */
};

void lgeom_compute(int rows, int cols, struct lgeom *g);

/* The progress mark of a lesson in the list: "✓", "3/9", "·" (ASCII:
 * "[x]", "3/9", "-").  nsteps 0: unknown. */
const char *lbrowse_mark(const struct lesson_mark *m, size_t nsteps,
    bool ascii, char *buf, size_t size);
/* The rest of a list row, "02  Title   summary", padded by display width:
 * the title takes title_w columns, the summary what is left of cols. */
char *lbrowse_row(unsigned num, const char *title, const char *summary,
    int title_w, int cols, char *buf, size_t size);

/* The same on two lines, when the list has room for them: the summary
 * goes on under itself (l2 is empty when it fits on one). */
void lbrowse_row2(unsigned num, const char *title, const char *summary,
    int title_w, int cols, char *l1, char *l2, size_t size);

/* Lay footer items ("key label") into rows of cols columns, two spaces
 * apart: row i holds items[rows[i]..rows[i + 1]) (rows has max + 1
 * entries).  Returns the rows used; items past max rows are left out. */
size_t lfoot_rows(const char *const *items, size_t n, int cols,
    size_t *rows, size_t max);

#endif
