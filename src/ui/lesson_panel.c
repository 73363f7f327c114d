/*
 * The lesson screen's layout arithmetic (see lesson_panel.h).  No curses.
 * The text of the step panel is the lesson walk's (lesson/walk_text.c),
 * the list's rows lesson/browse.c's.
 */
#include <config.h>

#include <string.h>

#include "ui/lesson_panel.h"

static int
lgeom_clamp(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/* Beside the hosts when the simulator keeps its minimum width and the
 * panel gets at least LGEOM_SIDE_MIN columns; else between the ladder and
 * the event menu, the narration giving way on short terminals (the panel
 * says what matters for the step, the boxes and ladder show the rest). */
void
lgeom_compute(int rows, int cols, struct lgeom *g)
{
	int rest;

	memset(g, 0, sizeof(*g));
	g->small = rows < LGEOM_MIN_ROWS || cols < LGEOM_MIN_COLS;
	if (g->small)
		return;
	g->pw = lgeom_clamp(cols * 2 / 5, LGEOM_SIDE_MIN, 64);
	if (cols - g->pw < LGEOM_MIN_COLS)
		g->pw = cols - LGEOM_MIN_COLS;
	g->side = g->pw >= LGEOM_SIDE_MIN;
	rest = rows - LGEOM_BOX_H - LGEOM_MENU_H - 1;
	if (g->side) {
		g->sim_cols = cols - g->pw;
		g->px = g->sim_cols;
		g->ph = rows - 1;
		g->nar_h = rows >= 36 ? 6 : rows >= 22 ? 4 : 3;
		g->lad_h = rest - g->nar_h;
	} else {
		g->sim_cols = g->pw = cols;
		g->nar_h = rows >= 32 ? 3 : 0;
		rest -= g->nar_h;
		g->ph = lgeom_clamp(rest - lgeom_clamp(rest * 2 / 5, 4, rest),
		    6, 14);
		g->lad_h = rest - g->ph;
	}
	g->lad_y = LGEOM_BOX_H;
	g->nar_y = g->lad_y + g->lad_h;
	g->menu_y = g->nar_y + g->nar_h;
	if (!g->side) {
		g->py = g->menu_y;
		g->menu_y += g->ph;
	}
}
