/*
 * Painting the capture screen, and its entry point.
 *
 * Top to bottom: the title bar, the statistics (two lines), the column
 * heading of --list, one row per connection (the chosen one reversed),
 * the message, and the key bar.  The list paints stdscr, as the lesson
 * list does; a connection opens on the simulator's own painter.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lib/diag.h"
#include "lib/i18n.h"
#include "lib/utf8.h"
#include "ui/capture_ui.h"
#include "ui/draw_int.h"
#include "ui/ui.h"

#define CAPUI_HEAD 5	/* title, two statistics lines, heading, rule */
#define CAPUI_INDENT 6	/* a row's second line starts under the ends */

/*
 * The rule for a row wider than the screen: it is broken where a column
 * begins (two spaces in a --list line), at the last such place that
 * fits, and goes on in a second line under the endpoints, so that every
 * column keeps its whole value (80 columns cut the states and the resets
 * before).  Returns the bytes of the first line; the whole line fits when
 * that is all of it.
 */
static size_t
capui_break(const char *line, int cols)
{
	int used;
	size_t fit = utf8_fit(line, cols, &used);

	if (line[fit] == '\0')
		return fit;
	for (size_t i = fit; i > CAPUI_INDENT; i--)
		if (line[i - 1] == ' ' && line[i] == ' ')
			return i - 1;
	return fit;
}

/* One row in one or two lines (lines says which); returns the next y. */
static int
capui_draw_row(const char *line, int y, int lines, int cols, attr_t attr)
{
	size_t n = capui_break(line, cols - 1);
	char first[512];

	snprintf(first, sizeof(first), "%.*s", (int)n, line);
	ui_draw_text(stdscr, y++, 0, cols - 1, first, attr);
	if (lines < 2)
		return y;
	while (line[n] == ' ')
		n++;
	if (attr != A_NORMAL) {		/* a reversed bar spans the row */
		wattrset(stdscr, attr);
		for (int x = 0; x < CAPUI_INDENT; x++)
			mvwaddch(stdscr, y, x, ' ');
		wattrset(stdscr, A_NORMAL);
	}
	ui_draw_text(stdscr, y++, CAPUI_INDENT, cols - 1 - CAPUI_INDENT,
	    line + n, attr);
	return y;
}

/* Lines per row: two when any row (or the heading) needs the rule. */
static int
capui_row_lines(const struct capui *cu, int cols)
{
	const char *head = _("  id  client > server  segments  handshake  "
	    "closed-first  client/server-states  rexmit  rst  flags");

	if (head[capui_break(head, cols - 1)] != '\0')
		return 2;
	for (size_t i = 0; i < cu->l.n; i++)
		if (cu->l.rows[i].line[capui_break(cu->l.rows[i].line,
		    cols - 1)] != '\0')
			return 2;
	return 1;
}

/* The chosen connection's real times: when its first segment was
 * captured (local time, as tcpdump -r prints it), how long after the
 * capture's first segment, and how long it lasted. */
static void
capui_draw_times(const struct capui *cu, int y, int cols)
{
	const struct cap_row *r = &cu->l.rows[cu->sel];
	time_t t = (time_t)(r->first_us / 1000000);
	struct tm tm;
	char when[64], line[256];

	if (localtime_r(&t, &tm) == NULL ||
	    strftime(when, sizeof(when), "%Y-%m-%d %H:%M:%S", &tm) == 0)
		snprintf(when, sizeof(when), "?");
	/* TRANSLATORS: connection number, date and time, its microseconds,
	 * seconds since the capture began, seconds it lasted. */
	snprintf(line, sizeof(line), _("Connection %llu: %s.%06u, "
	    "+%.6f s, lasted %.6f s"), (unsigned long long)r->id,
	    when, (unsigned)(r->first_us % 1000000),
	    (double)(r->first_us - cu->l.t0_us) / 1e6,
	    (double)(r->last_us - r->first_us) / 1e6);
	ui_draw_text(stdscr, y, 1, cols - 2, line, ui_look.role[ROLE_DIM]);
}

static void
capui_draw_stats(const struct capui *cu, int cols, int lines)
{
	const struct cap_stats *s = &cu->l.st;
	char line[512];

	snprintf(line, sizeof(line), _("Connections %llu   handshakes: %llu "
	    "complete, %llu incomplete, %llu refused, %llu not seen"),
	    (unsigned long long)s->conns, (unsigned long long)s->hs_complete,
	    (unsigned long long)s->hs_incomplete,
	    (unsigned long long)s->hs_refused,
	    (unsigned long long)s->hs_none);
	ui_draw_text(stdscr, 1, 1, cols - 2, line, A_BOLD);
	snprintf(line, sizeof(line), _("Closed first by client %llu, server "
	    "%llu   reset %llu   retransmissions %llu"),
	    (unsigned long long)s->closed_by[0],
	    (unsigned long long)s->closed_by[1],
	    (unsigned long long)s->reset, (unsigned long long)s->rexmit);
	ui_draw_text(stdscr, 2, 1, cols - 2, line, A_BOLD);
	capui_draw_row(_("  id  client > server  segments  handshake  "
	    "closed-first  client/server-states  rexmit  rst  flags"), 3,
	    lines, cols, ui_look.role[ROLE_DIM]);
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
	int cols = sc->cols, foot = sc->rows - 1, rows;
	int lines = capui_row_lines(cu, cols), head = CAPUI_HEAD + lines - 1;
	char right[128], left[400];

	(void)what;
	werase(stdscr);
	snprintf(right, sizeof(right), _("connections: %zu "), cu->l.n);
	/* TRANSLATORS: the capture file's name. */
	snprintf(left, sizeof(left), _(" tcpteach \u2014 capture %s"),
	    cu->file);
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
	if (cu->l.n > 0)
		capui_draw_times(cu, --foot, cols);
	rows = (foot - head) / lines;	/* connections shown */
	if (rows < 1)
		rows = 1;
	cu->rows = rows;
	if (cu->sel < cu->top)
		cu->top = cu->sel;
	if (cu->sel >= cu->top + (size_t)rows)
		cu->top = cu->sel + 1 - (size_t)rows;
	for (int r = 0, y = head; r < rows && cu->top + (size_t)r < cu->l.n;
	    r++) {
		size_t i = cu->top + (size_t)r;

		y = capui_draw_row(cu->l.rows[i].line, y, lines, cols,
		    i == cu->sel ? A_REVERSE : A_NORMAL);
	}
	if (cu->l.n == 0)
		ui_draw_text(stdscr, head + 1, 2, cols - 4, _("The "
		    "capture has no TCP connection."), ui_look.role[ROLE_DIM]);
	wnoutrefresh(stdscr);
}

void
capui_paint_attach(struct screen *sc)
{
	sc->draw = capui_draw;
}

/* The reader's "tcpteach: FILE: frame 8: truncated" without the program
 * and the file, which the title already shows: a long path must not push
 * the reason off the two message lines. */
static const char *
capui_reason(const char *msg, const char *file)
{
	size_t n = strlen(diag_prog()), f = strlen(file);

	if (strncmp(msg, diag_prog(), n) == 0 && strncmp(msg + n, ": ", 2) == 0)
		msg += n + 2;
	if (strncmp(msg, file, f) == 0 && strncmp(msg + f, ": ", 2) == 0)
		msg += f + 2;
	return msg;
}

int
ui_capture_main(const char *file, const struct ui_opts *o)
{
	struct capui *cu;
	struct app a;
	char *emsg = NULL;
	size_t elen = 0;
	FILE *ef;
	int rc;

	if (ui_term_unusable() != NULL)
		return UI_CAPTURE_NO_TERMINAL;
	/* The reader's message, kept to show on the screen: what goes to
	 * stderr now would be painted over. */
	ef = open_memstream(&emsg, &elen);
	if (ef == NULL)
		return TT_EXIT_USAGE;
	cu = capui_new(file, o, ef, &rc);
	fclose(ef);
	if (cu == NULL || !ui_term_start(o->ascii)) {
		fputs(emsg, stderr);
		free(emsg);
		if (cu == NULL)
			return rc;
		cap_list_free(&cu->l);
		free(cu);
		return TT_EXIT_USAGE;
	}
	ui_app_init(&a);
	capui_push(cu, &a);
	if (elen > 0 && emsg[elen - 1] == '\n')
		emsg[elen - 1] = '\0';
	if (elen > 0)
		screen_message(&cu->list, rc != 0, "%s", capui_reason(emsg,
		    file));
	free(emsg);
	ui_run(&a);
	app_free(&a);
	ui_term_end();
	ui_term_reraise();
	return rc;
}
