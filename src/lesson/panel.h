/*
 * A text of paragraphs and the lines they wrap into at a width, with no
 * terminal: the lesson's step panel and the quiz's questions and reports
 * alike, so their layout is checked without one.
 *
 * Data model: a struct lpanel holds paragraphs, each with a role (how a
 * front end paints it), an indent and a hanging indent, and the lines
 * they wrap into at cols display columns.  Lines point into their
 * paragraph's text (offset and length in bytes), so wrapping copies
 * nothing; widths are display columns (wcwidth), so Chinese wraps as it
 * shows.
 */
#ifndef TCPTEACH_LESSON_PANEL_H
#define TCPTEACH_LESSON_PANEL_H

#include <stdbool.h>
#include <stddef.h>

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

/* Lay items (a key bar's "key label") into rows of cols columns, two spaces
 * apart: row i holds items[rows[i]..rows[i + 1]) (rows has max + 1
 * entries).  Returns the rows used; items past max rows are left out. */
size_t lpanel_item_rows(const char *const *items, size_t n, int cols,
    size_t *rows, size_t max);

#endif
