/*
 * Painting the event log (log_ui.c): a title bar naming the keys, then
 * the lines from the first one shown, each wrapped whole by display
 * width, step headings in the title role.  It draws on stdscr, as help
 * does, so it has no windows of its own to make or free.
 */
#include <config.h>

#include "lib/i18n.h"
#include "ui/draw_int.h"

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
	for (size_t i = lg->text.top; i < lg->log.n && y < sc->rows; i++) {
		bool h = lg->log.heads[i];

		y += ui_draw_para(stdscr, y, h ? 1 : 3,
		    evlog_width(&lg->log, i, sc->cols), sc->rows - y,
		    lg->log.lines[i], h ? ui_look.role[ROLE_TITLE] : A_NORMAL);
	}
	wnoutrefresh(stdscr);
}

void
ui_log_attach(struct screen *sc)
{
	sc->draw = log_draw;
}
