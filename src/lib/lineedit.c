/*
 * The one-line editor and its history (see lineedit.h for the data
 * model).  The history is a window on the last LINEEDIT_HIST lines: when
 * it is full the oldest line gives way.  A line recalled replaces what
 * was typed; Down past the newest line gives an empty one.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "lib/lineedit.h"
#include "lib/xalloc.h"

void
lineedit_free(struct lineedit *e)
{
	while (e->nhist > 0)
		free(e->hist[--e->nhist]);
}

void
lineedit_set(struct lineedit *e, const char *text)
{
	size_t n = text != NULL ? mbstowcs(e->line, text, LINEEDIT_MAX - 1) :
	    0;

	/* Text the locale cannot read leaves the line empty. */
	e->len = n == (size_t)-1 ? 0 : n;
}

void
lineedit_start(struct lineedit *e, const void *tag, const char *text)
{
	lineedit_set(e, text);
	e->tag = tag;
	e->hpos = e->nhist;
}

void
lineedit_text(const struct lineedit *e, char *buf, size_t size)
{
	wchar_t w[LINEEDIT_MAX];
	size_t n;

	memcpy(w, e->line, e->len * sizeof(w[0]));
	w[e->len] = L'\0';
	n = wcstombs(buf, w, size - 1);
	buf[n == (size_t)-1 ? 0 : n] = '\0';
}

bool
lineedit_insert(struct lineedit *e, wchar_t c)
{
	if (e->len + 1 >= LINEEDIT_MAX)
		return false;
	e->line[e->len++] = c;
	return true;
}

void
lineedit_erase(struct lineedit *e)
{
	if (e->len > 0)
		e->len--;
}

bool
lineedit_recall(struct lineedit *e, int d)
{
	size_t i = e->hpos;

	do {
		if (d < 0 ? i == 0 : i >= e->nhist)
			return false;
		i = d < 0 ? i - 1 : i + 1;
	} while (i < e->nhist && e->histtag[i] != e->tag);
	e->hpos = i;
	lineedit_set(e, i < e->nhist ? e->hist[i] : NULL);
	return true;
}

void
lineedit_enter(struct lineedit *e, char *buf, size_t size)
{
	lineedit_text(e, buf, size);
	if (*buf == '\0')
		return;
	if (e->nhist == LINEEDIT_HIST) {
		free(e->hist[0]);
		memmove(e->hist, e->hist + 1, sizeof(e->hist[0]) *
		    (LINEEDIT_HIST - 1));
		memmove(e->histtag, e->histtag + 1, sizeof(e->histtag[0]) *
		    (LINEEDIT_HIST - 1));
		e->nhist--;
	}
	e->hist[e->nhist] = xstrdup(buf);
	e->histtag[e->nhist++] = e->tag;
}
