/*
 * The lesson screens' layout arithmetic (see lesson_panel.h).  No curses:
 * widths come from utf8_width and utf8_wrap, which count display columns.
 */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "lib/xalloc.h"
#include "ui/lesson_panel.h"
#include "ui/view.h"

#define LP_WRAP_MAX 256		/* lines of one paragraph */
#define LP_MIN_COLS 8

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

	if (want < lp->nl && want < top)
		top = want;
	if (want < lp->nl && want >= top + h)
		top = want + 1 - h;
	if (lp->nl <= h)
		return 0;
	return top > lp->nl - h ? lp->nl - h : top;
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

size_t
lfoot_rows(const char *const *items, size_t n, int cols, size_t *rows,
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
