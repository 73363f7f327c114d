/*
 * The capture screen's state and commands (see capture_ui.h).  Opening a
 * connection reads the file again watching that connection (memory stays
 * bounded by the connections open at once, as for --show) and loads the
 * commands into a lecture-mode session, played to the end, with each
 * command's capture time so the ladder's time column shows when each
 * segment was captured (as a flow graph does); the reader steps back with
 * p or Left, as in `tcpteach play`.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "lib/i18n.h"
#include "lib/xalloc.h"
#include "ui/capture_ui.h"

static int
capui_h_move(struct screen *sc, long by)
{
	struct capui *cu = sc->state;

	if (cu->l.n == 0)
		return 0;
	cu->sel = screen_row_clamp((long)cu->sel + by, cu->l.n);
	return UI_R_ALL;
}

static long
capui_page(const struct capui *cu)
{
	return cu->rows > 1 ? cu->rows - 1 : 1;
}

static int
capui_h_up(SCREEN_CMD_ARGS)
{
	return capui_h_move(sc, -1);
}

static int
capui_h_down(SCREEN_CMD_ARGS)
{
	return capui_h_move(sc, 1);
}

static int
capui_h_pgup(SCREEN_CMD_ARGS)
{
	return capui_h_move(sc, -capui_page(sc->state));
}

static int
capui_h_pgdn(SCREEN_CMD_ARGS)
{
	return capui_h_move(sc, capui_page(sc->state));
}

static int
capui_h_first(SCREEN_CMD_ARGS)
{
	return capui_h_move(sc, -(long)((struct capui *)sc->state)->l.n);
}

static int
capui_h_last(SCREEN_CMD_ARGS)
{
	return capui_h_move(sc, (long)((struct capui *)sc->state)->l.n);
}

/* From the row after from, wrapping round to it. */
static int
capui_find(struct screen *sc, size_t from)
{
	struct capui *cu = sc->state;
	size_t i;

	if (cu->query[0] == '\0')
		return 0;
	i = cu->l.n == 0 ? 0 : cap_list_find(&cu->l, cu->query, from);
	if (i >= cu->l.n) {
		/* TRANSLATORS: what was searched for. */
		screen_message(sc, true, _("No connection matches \"%s\"."),
		    cu->query);
		return UI_R_ALL;
	}
	cu->sel = i;
	return UI_R_ALL;
}

static int
capui_search_done(struct screen *sc, const char *text)
{
	struct capui *cu = sc->state;

	snprintf(cu->query, sizeof(cu->query), "%s", text);
	return capui_find(sc, cu->sel);
}

static int
capui_h_search(SCREEN_CMD_ARGS)
{
	screen_prompt(sc, "/", NULL, capui_search_done);
	return UI_R_ALL;
}

static int
capui_h_search_next(SCREEN_CMD_ARGS)
{
	struct capui *cu = sc->state;

	if (cu->query[0] == '\0') {
		screen_message(sc, false, _("Press / to search first."));
		return UI_R_ALL;
	}
	return capui_find(sc, cu->sel + 1);
}

static void
capui_close_conn(struct capui *cu)
{
	if (cu->ui_open)
		ui_state_free(&cu->ui);
	cu->ui_open = false;
	free(cu->frames);
	cu->frames = NULL;
	cu->nframes = 0;
}

static int
capui_h_open(SCREEN_CMD_ARGS)
{
	struct capui *cu = sc->state;
	struct cmd *cmds = NULL;
	uint64_t *ms = NULL;
	size_t n = 0;
	uint64_t id;

	if (cu->l.n == 0)
		return 0;
	id = cu->l.rows[cu->sel].id;
	if (!cap_list_cmds(cu->file, id, &cmds, &ms, &n, NULL)) {
		free(cmds);
		free(ms);
		/* TRANSLATORS: a connection number. */
		screen_message(sc, true, _("Connection %llu cannot be "
		    "replayed."), (unsigned long long)id);
		return UI_R_ALL;
	}
	capui_close_conn(cu);
	ui_state_init(&cu->ui, &cu->o);
	cu->ui.v.num = LADDER_NUM_RAW;
	session_load(&cu->ui.s, cmds, n);
	session_clock(&cu->ui.s, ms, n);
	free(cmds);
	free(ms);
	session_goto(&cu->ui.s, n);
	/* The inspector shows each segment as the file has it. */
	if (!cap_list_frames(cu->file, id, &cu->frames, &cu->nframes)) {
		free(cu->frames);
		cu->frames = NULL;
		cu->nframes = 0;
	}
	cu->ui.frames = cu->frames;
	cu->ui.nframes = cu->nframes;
	cu->ui_open = true;
	cu->ui.app = sc->app;
	memset(&cu->conn, 0, sizeof(cu->conn));
	cu->conn.def = &ui_play_def;
	cu->conn.state = &cu->ui;
	app_push(sc->app, &cu->conn);
	/* TRANSLATORS: a connection number. */
	screen_message(&cu->conn, false, _("Connection %llu, replayed to its "
	    "end: p or Left steps back, m switches raw and relative numbers, "
	    "q returns to the list."), (unsigned long long)id);
	return UI_R_ALL;
}

static int
capui_h_quit(SCREEN_CMD_ARGS)
{
	app_pop(sc->app);
	return UI_R_ALL;
}

static void
capui_leave(struct screen *sc)
{
	struct capui *cu = sc->state;

	capui_close_conn(cu);
	cap_list_free(&cu->l);
	free(cu);
}

#define CMD(name, help, fn) { name, help, fn, NULL, 0, NULL }

static const struct screen_cmd capui_cmds[] = {
	CMD("conn-up", N_("choose the connection above"), capui_h_up),
	CMD("conn-down", N_("choose the connection below"), capui_h_down),
	CMD("conn-page-up", N_("a page of connections up"), capui_h_pgup),
	CMD("conn-page-down", N_("a page of connections down"),
	    capui_h_pgdn),
	CMD("conn-first", N_("choose the first connection"), capui_h_first),
	CMD("conn-last", N_("choose the last connection"), capui_h_last),
	CMD("search", N_("search the connections (addresses, ports, "
	    "states, flags)"), capui_h_search),
	CMD("search-next", N_("next connection that matches the search"),
	    capui_h_search_next),
	CMD("conn-open", N_("show the chosen connection on the ladder"),
	    capui_h_open),
	CMD("help", N_("this help"), screen_h_help),
	CMD("redraw", N_("redraw the screen"), screen_h_redraw),
	CMD("quit", N_("quit"), capui_h_quit),
};

#define K(k, cmd, shown) { k, 0, cmd, 0, shown }

static const struct screen_key capui_keys[] = {
	K(UI_K_UP, "conn-up", "Up"), K('k', "conn-up", "k"),
	K(UI_K_DOWN, "conn-down", "Down"), K('j', "conn-down", "j"),
	K(UI_K_PGUP, "conn-page-up", "PgUp"),
	K(UI_K_PGDN, "conn-page-down", "PgDn"),
	K(UI_K_HOME, "conn-first", "Home"), K(UI_K_END, "conn-last", "End"),
	K('/', "search", "/"), K('n', "search-next", "n"),
	K('\r', "conn-open", "Enter"), K('\n', "conn-open", NULL),
	K(UI_K_ENTER, "conn-open", NULL), K(UI_K_RIGHT, "conn-open", NULL),
	K('?', "help", "?"), K(UI_K_F1, "help", "F1"),
	K(UI_CTRL('l'), "redraw", "^L"), K('q', "quit", "q"),
};

const struct screen_def capui_list_def = {
	.name = "capture", SCREEN_TABLES(capui_cmds, capui_keys),
	.min_rows = 10, .min_cols = 60, .leave = capui_leave
};

struct capui *
capui_new(const char *file, const struct ui_opts *o, FILE *err, int *rc)
{
	struct capui *cu = xcalloc(1, sizeof(*cu));

	cu->file = file;
	cu->o = *o;
	cu->o.play = NULL;
	cu->list.def = &capui_list_def;
	cu->list.state = cu;
	*rc = cap_list_read(file, &cu->l, err);
	if (*rc == TT_EXIT_USAGE) {
		cap_list_free(&cu->l);
		free(cu);
		return NULL;
	}
	return cu;
}

void
capui_push(struct capui *cu, struct app *a)
{
	app_push(a, &cu->list);
}
