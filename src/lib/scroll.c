/*
 * Scrolling arithmetic on row numbers (see scroll.h for the data
 * model).  Rows are size_t, and a move is a long, so scrolling up past
 * the first row is a negative row that clamps to 0 and never wraps.
 */
#include <config.h>

#include "lib/scroll.h"

size_t
scroll_clamp(long to, size_t n)
{
	if (to < 0 || n == 0)
		return 0;
	return (size_t)to >= n ? n - 1 : (size_t)to;
}

void
scroll_by(struct scroll *s, long rows)
{
	s->top = scroll_clamp((long)s->top + rows, s->n);
}

size_t
scroll_keep(size_t top, size_t n, size_t h, size_t want)
{
	if (want < n && want < top)
		top = want;
	if (want < n && want >= top + h)
		top = want + 1 - h;
	return top;
}

size_t
scroll_fit(size_t top, size_t n, size_t h)
{
	if (n <= h)
		return 0;
	return top > n - h ? n - h : top;
}
