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

bool
scroll_choose(size_t *sel, size_t n, size_t page, enum scroll_move m)
{
	const long p = (long)page, all = (long)n;
	const long by[] = { [SCROLL_UP] = -1, [SCROLL_DOWN] = 1,
	    [SCROLL_PAGE_UP] = -p, [SCROLL_PAGE_DOWN] = p,
	    [SCROLL_FIRST] = -all, [SCROLL_LAST] = all };

	if (n == 0)
		return false;
	*sel = scroll_clamp((long)*sel + by[m], n);
	return true;
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
