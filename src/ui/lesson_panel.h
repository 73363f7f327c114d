/*
 * The lesson screen's layout, without curses: where the step panel goes.
 * The curses side (lesson_draw.c) only paints what this computed, so the
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

#endif
