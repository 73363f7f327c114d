/*
 * What every painter shares: making and freeing windows, text cut or
 * wrapped by display width, status bars, and how a paragraph of a lesson
 * panel or a quiz text is painted.
 *
 * Data model: none kept; widths are display columns (lib/utf8), so
 * Chinese text is cut and wrapped where it shows, and attributes come
 * from the look's roles (term.c).  With --ascii (or a terminal that is
 * not UTF-8) text is folded to ASCII look-alikes as it is painted.
 */
#include <config.h>

#include <stdlib.h>

#include "lib/utf8.h"
#include "lib/xalloc.h"
#include "ui/draw_int.h"

/* A painter with windows of its own: its three functions on the screen,
 * and the struct that will hold its windows, zeroed. */
void *
ui_paint_wins(struct screen *sc, size_t size,
    void (*layout)(struct screen *sc),
    void (*draw)(struct screen *sc, int what),
    void (*detach)(struct screen *sc))
{
	sc->layout = layout;
	sc->draw = draw;
	sc->detach = detach;
	return xcalloc(1, size);
}

void
ui_delwins(WINDOW **const *all, size_t n)
{
	for (size_t i = 0; i < n; i++)
		ui_delwin(all[i]);
}

WINDOW *
ui_win(WINDOW *old, int h, int w, int y, int x)
{
	if (old != NULL)
		delwin(old);
	return newwin(h > 0 ? h : 1, w > 0 ? w : 1, y, x);
}

void
ui_delwin(WINDOW **w)
{
	if (*w != NULL)
		delwin(*w);
	*w = NULL;
}

/* Every piece of text is painted here, so an ASCII terminal gets ASCII
 * whatever the text (translations, lessons, captures' names) holds. */
void
ui_draw_text_n(WINDOW *w, int y, int x, const char *s, size_t n, attr_t a)
{
	char buf[512], *plain = buf;

	if (ui_look.ascii) {
		if (n >= sizeof(buf))
			plain = xmalloc(n + 1);
		n = utf8_ascii(s, n, plain);
		s = plain;
	}
	wattrset(w, a);
	mvwaddnstr(w, y, x, s, (int)n);
	wattrset(w, A_NORMAL);
	if (plain != buf)
		free(plain);
}

void
ui_draw_text(WINDOW *w, int y, int x, int cols, const char *s, attr_t a)
{
	int used;
	size_t n;

	if (cols <= 0)
		return;
	n = utf8_fit(s, cols, &used);
	ui_draw_text_n(w, y, x, s, n, a);
}

/* A state's colour by its phase: a box's big name, a margin's. */
attr_t
ui_phase_attr(enum ladder_phase p)
{
	return ui_look.role[ROLE_PH_CLOSED + (int)p];
}

/* How a paragraph of a lesson panel or a quiz text is painted. */
attr_t
ui_panel_attr(enum lpanel_role r)
{
	switch (r) {
	case LP_TEXT:
	case LP_CHOICE:
		return A_NORMAL;
	case LP_TASK:
		return ui_look.role[ROLE_KEY];
	case LP_QUESTION:
		return A_BOLD;
	case LP_HINT:
		return ui_look.role[ROLE_C2S];
	case LP_OK:
		return ui_look.role[ROLE_OK] | A_BOLD;
	case LP_BAD:
		return ui_look.role[ROLE_ERROR];
	case LP_DIM:
		return ui_look.role[ROLE_DIM];
	case LP_TITLE:
		return ui_look.role[ROLE_TITLE];
	case LP_PICK:
		return ui_look.role[ROLE_KEY] | A_BOLD;
	}
	return A_NORMAL;
}

/* A status bar: left text, and right text one column from the right
 * edge (curses cannot write the last cell of the screen as plain text);
 * on a narrow terminal the left one keeps its room and the right one is
 * cut. */
void
ui_draw_bar(WINDOW *w, int y, int cols, const char *left, const char *right)
{
	attr_t a = ui_look.role[ROLE_STATUS];
	int rw = utf8_width(right), room = cols - utf8_width(left) - 2;

	if (rw > room)
		rw = room > 0 ? room : 0;
	wattrset(w, a);
	mvwhline(w, y, 0, ' ', cols);
	ui_draw_text(w, y, 0, cols - rw - 1, left, a);
	if (rw > 0)
		ui_draw_text(w, y, cols - rw - 1, rw, right, a);
	wattrset(w, A_NORMAL);
}

int
ui_draw_para(WINDOW *w, int y, int x, int cols, int rows, const char *s,
    attr_t a)
{
	size_t st[16], ln[16];
	size_t n = utf8_wrap(s, cols > 0 ? cols : 1, st, ln, 16);
	int i;

	for (i = 0; i < (int)n && i < rows; i++)
		ui_draw_text_n(w, y + i, x, s + st[i], ln[i], a);
	return i;
}
