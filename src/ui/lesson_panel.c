/*
 * The lesson screens' layout arithmetic (see lesson_panel.h).  No curses:
 * widths come from utf8_width and utf8_wrap, which count display columns.
 * The text of the step panel is lesson/panel.c's.
 */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "lib/utf8.h"
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
