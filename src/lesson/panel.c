/*
 * A text of paragraphs wrapped by display width (see panel.h).  No
 * terminal here: widths come from utf8_wrap, which counts display columns
 * and breaks CJK text between any two characters, so a Chinese paragraph
 * fills the width as an English one does.
 */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lesson/panel.h"
#include "lib/scroll.h"
#include "lib/utf8.h"
#include "lib/xalloc.h"

#define LP_WRAP_MAX 256		/* lines of one paragraph */
#define LP_MIN_COLS 8

void
lpanel_init(struct lpanel *lp)
{
	memset(lp, 0, sizeof(*lp));
}

void
lpanel_clear(struct lpanel *lp)
{
	for (size_t i = 0; i < lp->np; i++)
		free(lp->p[i].text);
	lp->np = lp->nl = 0;
}

void
lpanel_free(struct lpanel *lp)
{
	lpanel_clear(lp);
	free(lp->p);
	free(lp->l);
	memset(lp, 0, sizeof(*lp));
}

void
lpanel_addx(struct lpanel *lp, enum lpanel_role role, int indent, int hang,
    bool cut, const char *text)
{
	const char *s = text, *nl;

	do {
		struct lpanel_para *p;

		nl = strchr(s, '\n');
		xgrow(&lp->p, &lp->capp, lp->np + 1, sizeof(*lp->p));
		p = &lp->p[lp->np++];
		memset(p, 0, sizeof(*p));
		p->text = nl != NULL ? xstrndup(s, (size_t)(nl - s)) :
		    xstrdup(s);
		p->role = role;
		p->indent = indent;
		p->hang = hang;
		p->cut = cut;
		s = nl != NULL ? nl + 1 : NULL;
	} while (s != NULL);
}

void
lpanel_add(struct lpanel *lp, enum lpanel_role role, int hang, bool gap,
    const char *text)
{
	size_t first = lp->np;

	lpanel_addx(lp, role, 0, hang, false, text);
	lp->p[first].gap = gap;
}

static void
lpanel_push(struct lpanel *lp, size_t para, size_t off, size_t len, int x)
{
	struct lpanel_line *l;

	xgrow(&lp->l, &lp->capl, lp->nl + 1, sizeof(*lp->l));
	l = &lp->l[lp->nl++];
	l->para = para;
	l->off = off;
	l->len = len;
	l->x = x;
}

/* Continuation lines hang under the text after a prefix such as "1) ",
 * so every line is wrapped to the narrower width. */
size_t
lpanel_wrap(struct lpanel *lp, int cols)
{
	size_t st[LP_WRAP_MAX], ln[LP_WRAP_MAX];

	lp->nl = 0;
	lp->cols = cols;
	for (size_t i = 0; i < lp->np; i++) {
		const struct lpanel_para *p = &lp->p[i];
		int w = cols - p->indent > LP_MIN_COLS ? cols - p->indent :
		    LP_MIN_COLS;
		int hang = p->hang < w / 2 ? p->hang : 0;
		size_t n;

		if (p->gap && lp->nl > 0)
			lpanel_push(lp, SIZE_MAX, 0, 0, 0);
		if (p->cut) {
			lpanel_push(lp, i, 0, strlen(p->text), p->indent);
			continue;
		}
		n = utf8_wrap(p->text, w - hang, st, ln, LP_WRAP_MAX);
		if (n == 0)
			lpanel_push(lp, SIZE_MAX, 0, 0, 0);
		for (size_t k = 0; k < n; k++)
			lpanel_push(lp, i, st[k], ln[k], p->indent +
			    (k > 0 ? hang : 0));
	}
	return lp->nl;
}

size_t
lpanel_line_of(const struct lpanel *lp, size_t para)
{
	for (size_t i = 0; i < lp->nl; i++)
		if (lp->l[i].para != SIZE_MAX && lp->l[i].para >= para)
			return i;
	return lp->nl;
}

size_t
lpanel_scroll(const struct lpanel *lp, int rows, size_t top, size_t want)
{
	size_t h = rows > 0 ? (size_t)rows : 1;

	return scroll_fit(scroll_keep(top, lp->nl, h, want), lp->nl, h);
}

size_t
lpanel_item_rows(const char *const *items, size_t n, int cols, size_t *rows,
    size_t max)
{
	size_t r = 0, i = 0;

	while (i < n && r < max) {
		int x = 0;

		rows[r] = i;
		while (i < n) {
			int w = utf8_width(items[i]);

			if (x > 0 && x + 2 + w > cols)
				break;
			x += (x > 0 ? 2 : 0) + w;
			i++;
		}
		r++;
	}
	rows[r] = i;
	return r;
}
