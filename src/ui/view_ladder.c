/*
 * Ladder geometry, kept apart from curses so it can be tested.
 *
 * One row per segment.  The label sits against the sender's time line and
 * the shaft grows from it towards the receiver, the head at the arrow's
 * progress: half-way while in flight, touching the receiver's time line
 * once delivered.  A label too long for the gap is shortened by
 * ladder_label_fit to the room left by a few cells of shaft.
 */
#include <config.h>

#include "ui/view.h"

#define VIEW_MIN_SHAFT 4

void
view_geom(enum sim_dir dir, unsigned shown, int xc, int xs, int lw,
    struct view_geom *g)
{
	int gap = xs - xc - 1, span;

	if (lw > gap - VIEW_MIN_SHAFT - 1)
		lw = gap - VIEW_MIN_SHAFT - 1;
	if (lw < 0)
		lw = 0;
	g->label_w = lw;
	g->rightward = dir == DIR_C2S;
	if (g->rightward) {
		g->label_x = xc + 1;
		g->shaft_lo = xc + 1 + lw + 1;
		span = (xs - 1) - g->shaft_lo;
		g->head_x = g->shaft_lo + (int)((long)shown * span /
		    VIEW_END);
		g->shaft_hi = g->head_x - 1;
	} else {
		g->label_x = xs - lw;
		g->shaft_hi = g->label_x - 2;
		span = g->shaft_hi - (xc + 1);
		g->head_x = g->shaft_hi - (int)((long)shown * span /
		    VIEW_END);
		g->shaft_lo = g->head_x + 1;
	}
}

int
view_label_room(int xc, int xs)
{
	int room = xs - xc - 1 - VIEW_MIN_SHAFT - 1;

	return room > 0 ? room : 0;
}

int
view_cross_room(int xc, int xs)
{
	int mid = (xc + xs) / 2;
	int left = mid - xc - 2, right = xs - mid - 2;
	int room = left < right ? left : right;

	if (room > view_label_room(xc, xs))
		room = view_label_room(xc, xs);
	return room > 0 ? room : 0;
}

/* The mark's column does not depend on how far the arrow is drawn, so
 * it stays put while the arrow moves: the middle, or a quarter of the way
 * from the label's end; shown once the shaft reaches it. */
int
view_cross_x(const struct view_geom *g, int xc, int xs)
{
	int mid = (xc + xs) / 2, lo, hi, x;

	if (g->rightward) {
		lo = g->label_x + g->label_w + 1;
		x = lo <= mid ? mid : lo + ((xs - 1) - lo) / 4;
	} else {
		hi = g->label_x - 2;
		x = hi >= mid ? mid : hi - (hi - (xc + 1)) / 4;
	}
	return g->shaft_lo <= x && x <= g->shaft_hi ? x : -1;
}

size_t
view_first_row(const struct view *v, int rows, size_t *scroll)
{
	size_t h = rows > 0 ? (size_t)rows : 1;
	size_t maxback = v->lad.nrows > h ? v->lad.nrows - h : 0;

	if (*scroll > maxback)
		*scroll = maxback;
	return maxback - *scroll;
}
