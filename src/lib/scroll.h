/*
 * A list or a text that scrolls, without a screen: any front end keeps
 * one for each thing it shows a part of (the help, the event log, a
 * lesson panel, a list of lessons, of questions or of connections).
 *
 * Data model: struct scroll is a text of n rows of which top is the
 * first shown.  Scrolling by lines or pages stops at its first and its
 * last row (an empty one stays at row 0).  How many rows fit is the
 * caller's to say, since only the front end knows its height: a chosen
 * row is kept in view, and a text never shows empty rows past its end
 * when it is longer than the screen.  A list's choice moves by rows,
 * pages or to its ends (enum scroll_move) and stops at them too.
 */
#ifndef TCPTEACH_LIB_SCROLL_H
#define TCPTEACH_LIB_SCROLL_H

#include <stdbool.h>
#include <stddef.h>

struct scroll {
	size_t top;		/* the first row shown */
	size_t n;		/* how many rows there are */
};

/* Row to, kept within a list or text of n rows (0 when it is empty). */
size_t scroll_clamp(long to, size_t n);
/* Scroll s by rows (up when negative), within its rows. */
void scroll_by(struct scroll *s, long rows);
/* How the choice of a list moves. */
enum scroll_move {
	SCROLL_UP, SCROLL_DOWN, SCROLL_PAGE_UP, SCROLL_PAGE_DOWN,
	SCROLL_FIRST, SCROLL_LAST
};
/* Move the choice *sel of a list of n rows by m, a page being page rows;
 * false, and nothing moved, when the list is empty. */
bool scroll_choose(size_t *sel, size_t n, size_t page, enum scroll_move m);
/* The first of h rows shown, moved from top as little as shows row want
 * (none wanted: want >= n). */
size_t scroll_keep(size_t top, size_t n, size_t h, size_t want);
/* The first of h rows shown, from top, with no empty rows below the
 * last of n (0 when all fit). */
size_t scroll_fit(size_t top, size_t n, size_t h);

#endif
