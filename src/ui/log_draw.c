/*
 * Painting the event log (log_ui.c): a title bar naming the keys, then
 * the lines from the first one shown, each wrapped whole by display
 * width at the columns script/evlog gives its rows (a heading's further
 * rows hang under it), step headings in the title role.  It draws on
 * stdscr, as help does, so it has no windows of its own to make or
 * free.
 */
#include <config.h>

#include "lib/i18n.h"
#include "lib/utf8.h"
#include "ui/draw_int.h"

/* Line i of the log from row y, at most rows rows, each wrapped row at
 * the column the model gives it; the rows used. */
static int
log_draw_line(const struct evlog *lg, size_t i, int y, int cols, int rows)
{
	size_t st[16], ln[16];
	int w = evlog_width(lg, i, cols), r;
	size_t n = utf8_wrap(lg->lines[i], w > 0 ? w : 1, st, ln, 16);
	attr_t a = lg->heads[i] ? ui_look.role[ROLE_TITLE] : A_NORMAL;

	for (r = 0; r < (int)n && r < rows; r++)
		ui_draw_text_n(stdscr, y + r, evlog_indent(lg, i, r),
		    lg->lines[i] + st[r], ln[r], a);
	return r;
}

static void
log_draw(struct screen *sc, int what)
{
	struct ui_log *lg = sc->state;
	int y = 1;

	(void)what;
	werase(stdscr);
	/* TRANSLATORS: the event log's and the inspector's title bars. */
	ui_draw_bar(stdscr, 0, sc->cols, lg->seg == 0 ? _("Event log: "
	    "Space, PgDn, PgUp, Up, Down scroll; q or Esc closes") :
	    _("Segment inspector: Left, Right other segments; q, Esc or "
	    "Enter closes"), "");
	for (size_t i = lg->text.top; i < lg->log.n && y < sc->rows; i++)
		y += log_draw_line(&lg->log, i, y, sc->cols, sc->rows - y);
	wnoutrefresh(stdscr);
}

void
ui_log_attach(struct screen *sc)
{
	sc->draw = log_draw;
}
