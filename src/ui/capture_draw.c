/*
 * Painting the capture screen, and its entry point.
 *
 * Top to bottom: the title bar, the statistics (two lines), the column
 * heading of --list, one row per connection (the chosen one reversed),
 * the message, and the key bar.  The list paints stdscr, as the lesson
 * list does; a connection opens on the simulator's own painter.  The
 * words and where a wide row breaks are the browsing model's
 * (capture/browse.h); this file only paints them.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>

#include "lib/i18n.h"
#include "lib/utf8.h"
#include "ui/capture_ui.h"
#include "ui/draw_int.h"
#include "ui/ui.h"

#define CAPUI_HEAD 5	/* title, two statistics lines, heading, rule */

/* One row in one or two lines (lines says which, cap_browse_break
 * where); returns the next y. */
static int
capui_draw_row(const char *line, int y, int lines, int cols, attr_t attr)
{
	size_t n = cap_browse_break(line, cols - 1);	/* it fits */

	ui_draw_text_n(stdscr, y++, 0, line, n, attr);
	if (lines < 2)
		return y;
	while (line[n] == ' ')
		n++;
	if (attr != A_NORMAL)		/* a reversed bar spans the row */
		mvwhline(stdscr, y, 0, ' ' | attr, CAP_BROWSE_INDENT);
	ui_draw_text(stdscr, y++, CAP_BROWSE_INDENT,
	    cols - 1 - CAP_BROWSE_INDENT, line + n, attr);
	return y;
}

static void
capui_draw_stats(const struct capui *cu, int cols, int lines)
{
	char line1[512], line2[512];

	cap_browse_stats(&cu->b, line1, line2, sizeof(line1));
	ui_draw_text(stdscr, 1, 1, cols - 2, line1, A_BOLD);
	ui_draw_text(stdscr, 2, 1, cols - 2, line2, A_BOLD);
	capui_draw_row(cap_browse_heading(), 3, lines, cols,
	    ui_look.role[ROLE_DIM]);
	wattrset(stdscr, ui_look.role[ROLE_DIM]);
	for (int x = 0; x < cols; x++)
		mvwaddstr(stdscr, 2 + lines + 1, x, ui_look.g->hline);
	wattrset(stdscr, A_NORMAL);
}

static void
capui_draw(struct screen *sc, int what)
{
	struct capui *cu = sc->state;
	const char *msg = sc->app->msg;
	int cols = sc->cols, foot = sc->rows - 1, rows, y;
	int lines = cap_browse_row_lines(&cu->b, cols - 1);
	int head = CAPUI_HEAD + lines - 1;
	char right[128], left[400], times[256];

	(void)what;
	werase(stdscr);
	snprintf(right, sizeof(right), _("connections: %zu "), cu->b.l.n);
	/* TRANSLATORS: the capture file's name. */
	snprintf(left, sizeof(left), _(" tcpteach \u2014 capture %s"),
	    cu->b.file);
	ui_draw_bar(stdscr, 0, cols, left, right);
	capui_draw_stats(cu, cols, lines);
	ui_draw_bar(stdscr, foot, cols, _(" Up/Down choose  Enter open  "
	    "/ search  ? help  q quit"), "");
	if (msg[0] != '\0') {
		int n = utf8_width(msg) > cols - 2 ? 2 : 1;

		foot -= n;
		ui_draw_para(stdscr, foot, 1, cols - 2, n, msg,
		    ui_look.role[sc->app->msg_err ? ROLE_ERROR : ROLE_OK]);
	}
	if (cu->b.l.n > 0) {
		cap_browse_times(&cu->b, times, sizeof(times));
		ui_draw_text(stdscr, --foot, 1, cols - 2, times,
		    ui_look.role[ROLE_DIM]);
	}
	rows = (foot - head) / lines;	/* connections shown */
	cap_browse_scroll(&cu->b, rows < 1 ? 1 : rows);
	y = head;
	for (size_t i = cu->b.top; i < cu->b.l.n &&
	    i < cu->b.top + (size_t)cu->b.rows; i++)
		y = capui_draw_row(cu->b.l.rows[i].line, y, lines, cols,
		    i == cu->b.sel ? A_REVERSE : A_NORMAL);
	if (cu->b.l.n == 0)
		ui_draw_text(stdscr, head + 1, 2, cols - 4, _("The "
		    "capture has no TCP connection."), ui_look.role[ROLE_DIM]);
	wnoutrefresh(stdscr);
}

void
capui_paint_attach(struct screen *sc)
{
	sc->draw = capui_draw;
}

int
ui_capture_main(const char *file, const struct ui_opts *o)
{
	struct capui *cu;
	struct app a;
	char *msg = NULL;
	int rc;

	if (ui_term_unusable() != NULL)
		return UI_CAPTURE_NO_TERMINAL;
	/* The reader's message is kept to show on the screen: what goes to
	 * stderr now would be painted over. */
	cu = capui_new(file, o, &rc, &msg);
	if (cu == NULL || !ui_term_start(o->ascii)) {
		if (msg != NULL)
			fprintf(stderr, "%s\n", msg);
		free(msg);
		if (cu == NULL)
			return rc;
		cu->list.def->leave(&cu->list);		/* frees cu */
		return TT_EXIT_USAGE;
	}
	ui_app_init(&a);
	app_push(&a, &cu->list);
	if (msg != NULL)
		screen_message(&cu->list, rc != 0, "%s",
		    cap_browse_reason(msg, file));
	free(msg);
	ui_run(&a);
	app_free(&a);
	ui_term_end();
	ui_term_reraise();
	return rc;
}
