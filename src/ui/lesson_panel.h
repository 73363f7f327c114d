/*
 * The lesson screens' layout, without curses: where the step panel goes,
 * how its text wraps, and how a row of the lesson list reads.  The curses
 * side (lesson_draw.c) only paints what these functions computed, so the
 * arithmetic is tested in Check (tests/check_lesson_ui.c).
 *
 * Data model: a struct lpanel is a text of paragraphs, each with a role
 * (how it is painted), an indent and a hanging indent, and the lines they
 * wrap into at a width: the lesson's step panel and the quiz's questions
 * and reports alike.  Lines point into their paragraph's text
 * (offset and length in bytes), so wrapping copies nothing; widths are
 * display columns (wcwidth), so Chinese wraps as it shows.  A struct lgeom
 * is the geometry of the lesson screen for one terminal size.
 */
#ifndef TCPTEACH_UI_LESSON_PANEL_H
#define TCPTEACH_UI_LESSON_PANEL_H

#include <stdbool.h>
#include <stddef.h>

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

enum lpanel_role {
	LP_TEXT,		/* narration of the step */
	LP_TASK,		/* what to do */
	LP_QUESTION,
	LP_CHOICE,
	LP_HINT,
	LP_OK,			/* done, right */
	LP_BAD,			/* not yet, wrong */
	LP_DIM,			/* how to answer, small print */
	LP_TITLE,
	LP_PICK			/* the option picked */
};

struct lpanel_para {
	char *text;
	enum lpanel_role role;
	int indent;		/* columns every line is indented */
	int hang;		/* columns continuation lines are indented */
	bool gap;		/* an empty line before it */
	bool cut;		/* one line, cut at the edge (figures) */
};

struct lpanel_line {
	size_t para;		/* SIZE_MAX: an empty line */
	size_t off, len;	/* bytes of the paragraph's text */
	int x;			/* column within the panel's text area */
};

struct lpanel {
	struct lpanel_para *p;
	size_t np, capp;
	struct lpanel_line *l;
	size_t nl, capl;
	int cols;		/* width the lines were wrapped to */
};

void lpanel_init(struct lpanel *lp);
void lpanel_free(struct lpanel *lp);
void lpanel_clear(struct lpanel *lp);
/* Add text as paragraphs of one role: "\n" in text starts a new one;
 * gap puts an empty line before the first. */
void lpanel_add(struct lpanel *lp, enum lpanel_role role, int hang,
    bool gap, const char *text);
/* The same, every line indent columns in, or (cut) each "\n"-separated
 * line kept whole for the painter to cut at the edge. */
void lpanel_addx(struct lpanel *lp, enum lpanel_role role, int indent,
    int hang, bool cut, const char *text);
/* Wrap every paragraph to cols display columns; returns the line count. */
size_t lpanel_wrap(struct lpanel *lp, int cols);
/* The first line of paragraph para or a later one (nl if none). */
size_t lpanel_line_of(const struct lpanel *lp, size_t para);
/* The first line to show in rows rows so that line `want` is visible,
 * starting from top (clamped to the text). */
size_t lpanel_scroll(const struct lpanel *lp, int rows, size_t top,
    size_t want);

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
