/*
 * The lesson list's counts and rows (see browse.h).  Widths come from
 * utf8_width and utf8_wrap, which count display columns.
 */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "lesson/browse.h"
#include "lib/utf8.h"
#include "lib/xalloc.h"

size_t *
lbrowse_nsteps(const struct lesson_catalog *cat)
{
	size_t *n = xcalloc(cat->n ? cat->n : 1, sizeof(*n));

	for (size_t i = 0; i < cat->n; i++) {
		struct lesson l;
		struct lesson_err e;

		memset(&l, 0, sizeof(l));
		if (cat->v[i].title != NULL &&
		    lesson_load(cat->v[i].path, &l, &e))
			n[i] = l.nsteps;
		lesson_free(&l);
	}
	return n;
}

size_t
lbrowse_done(const struct lesson_catalog *cat,
    const struct lesson_progress *p)
{
	size_t n = 0;

	for (size_t i = 0; i < cat->n; i++) {
		const struct lesson_mark *m = lesson_progress_get(p,
		    cat->v[i].name);

		n += m != NULL && m->done;
	}
	return n;
}

int
lbrowse_title_width(const struct lesson_catalog *cat, int cap)
{
	int w = 0;

	for (size_t i = 0; i < cat->n; i++)
		if (cat->v[i].title != NULL && utf8_width(cat->v[i].title) > w)
			w = utf8_width(cat->v[i].title);
	return w < cap ? w : cap;
}

const char *
lbrowse_mark(const struct lesson_mark *m, size_t nsteps, bool ascii,
    char *buf, size_t size)
{
	if (m == NULL)
		snprintf(buf, size, "%s", ascii ? "-" : "\u00b7");
	else if (m->done)
		snprintf(buf, size, "%s", ascii ? "[x]" : "\u2713");
	else if (nsteps > 0)
		snprintf(buf, size, "%u/%zu", m->step, nsteps);
	else
		snprintf(buf, size, "%u", m->step);
	return buf;
}

/* Append s cut to cols columns and padded with spaces to exactly cols. */
static size_t
lbrowse_cell(char *buf, size_t size, size_t o, const char *s, int cols)
{
	int used;
	size_t n = utf8_fit(s, cols, &used);

	if (o + n + (size_t)(cols - used) + 1 > size)
		return o;
	memcpy(buf + o, s, n);
	o += n;
	for (; used < cols; used++)
		buf[o++] = ' ';
	buf[o] = '\0';
	return o;
}

/* A summary too long for cols ends at a word boundary with "...", so no
 * word shows in part; Chinese, written without spaces, may end after any
 * character. */
static const char *
lbrowse_short(const char *s, int cols, char *buf, size_t size)
{
	int used;
	size_t cut;

	if (utf8_width(s) <= cols)
		return s;
	if (cols <= 3)
		return "";
	cut = utf8_fit(s, cols - 3, &used);
	if (cut > 0 && s[cut] != ' ' && (unsigned char)s[cut] < 0x80 &&
	    (unsigned char)s[cut - 1] < 0x80) {
		size_t k = cut;

		/* Back to the space or Chinese character before the word. */
		while (k > 0 && s[k - 1] != ' ' &&
		    (unsigned char)s[k - 1] < 0x80)
			k--;
		if (k > 0)
			cut = k;
	}
	for (;;) {
		if (cut > 0 && strchr(" ,;:", s[cut - 1]) != NULL)
			cut--;
		else if (cut >= 3 && (memcmp(s + cut - 3, "\u3001", 3) == 0 ||
		    memcmp(s + cut - 3, "\uff0c", 3) == 0))
			cut -= 3;	/* the Chinese enumeration comma, comma */
		else
			break;
	}
	snprintf(buf, size, "%.*s...", (int)cut, s);
	return buf;
}

char *
lbrowse_row(unsigned num, const char *title, const char *summary,
    int title_w, int cols, char *buf, size_t size)
{
	char head[16], sum[512];
	size_t o;
	int rest;

	snprintf(head, sizeof(head), "%02u  ", num);
	buf[0] = '\0';
	o = lbrowse_cell(buf, size, 0, head, 4);
	if (cols - 4 <= title_w + 2 || summary == NULL) {
		lbrowse_cell(buf, size, o, title, cols - 4 > 0 ? cols - 4 : 0);
		return buf;
	}
	o = lbrowse_cell(buf, size, o, title, title_w);
	o = lbrowse_cell(buf, size, o, "", 2);
	rest = cols - 4 - title_w - 2;
	lbrowse_cell(buf, size, o, lbrowse_short(summary, rest, sum,
	    sizeof(sum)), rest);
	return buf;
}

void
lbrowse_row2(unsigned num, const char *title, const char *summary,
    int title_w, int cols, char *l1, char *l2, size_t size)
{
	int rest = cols - 4 - title_w - 2;
	size_t st[2], ln[2], n;
	char first[512], sum[512];

	l2[0] = '\0';
	if (summary == NULL || rest < 10 || size == 0) {
		lbrowse_row(num, title, summary, title_w, cols, l1, size);
		return;
	}
	n = utf8_wrap(summary, rest, st, ln, 2);
	if (n < 2) {
		lbrowse_row(num, title, summary, title_w, cols, l1, size);
		return;
	}
	snprintf(first, sizeof(first), "%.*s", (int)ln[0], summary + st[0]);
	lbrowse_row(num, title, first, title_w, cols, l1, size);
	(void)lbrowse_cell(l2, size, lbrowse_cell(l2, size, 0, "", 4 +
	    title_w + 2), lbrowse_short(summary + st[1], rest, sum,
	    sizeof(sum)), rest);
}
