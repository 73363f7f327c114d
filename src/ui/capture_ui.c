/*
 * The capture screen's commands (see capture_ui.h), each a call to the
 * browsing model (capture/browse.h).  Opening a connection replays it
 * into a lecture-mode session, played to the end, with each command's
 * capture time so the ladder's time column shows when each segment was
 * captured (as a flow graph does); the reader steps back with p or Left,
 * as in `tcpteach play`.
 */
#include <config.h>

#include <stdlib.h>

#include "lib/i18n.h"
#include "lib/xalloc.h"
#include "ui/capture_ui.h"

/* The move commands' data is where they move the choice. */
static int
capui_h_move(SCREEN_CMD_ARGS)
{
	struct capui *cu = sc->state;

	return cap_browse_move(&cu->b, *(const enum scroll_move *)c->data) ?
	    UI_R_ALL : 0;
}

/* query: a new search (an empty one does nothing); NULL: the last one
 * again, from the next row. */
static int
capui_find(struct screen *sc, const char *query)
{
	struct capui *cu = sc->state;
	enum cap_found f = cap_browse_search(&cu->b, query);

	if (f == CAP_NOT_FOUND)
		/* TRANSLATORS: what was searched for. */
		screen_message(sc, true, _("No connection matches \"%s\"."),
		    cu->b.query);
	else if (f == CAP_NO_QUERY && query == NULL)
		screen_message(sc, false, _("Press / to search first."));
	return f == CAP_NO_QUERY && query != NULL ? 0 : UI_R_ALL;
}

static int
capui_h_search(SCREEN_CMD_ARGS)
{
	screen_prompt(sc, "/", NULL, capui_find);
	return UI_R_ALL;
}

static int
capui_h_search_next(SCREEN_CMD_ARGS)
{
	return capui_find(sc, NULL);
}

/* The connection's screen has a def while its struct ui is made. */
static void
capui_close_conn(struct capui *cu)
{
	if (cu->conn.def != NULL)
		ui_state_free(&cu->ui);
	cu->conn.def = NULL;
}

static int
capui_h_open(SCREEN_CMD_ARGS)
{
	struct capui *cu = sc->state;
	unsigned long long id;

	if (cu->b.l.n == 0)
		return 0;
	id = (unsigned long long)cu->b.l.rows[cu->b.sel].id;
	capui_close_conn(cu);
	ui_state_init(&cu->ui, &cu->o);
	cu->ui.v.num = LADDER_NUM_RAW;
	if (!cap_browse_replay(&cu->b, &cu->ui.s)) {
		ui_state_free(&cu->ui);
		/* TRANSLATORS: a connection number. */
		screen_message(sc, true, _("Connection %llu cannot be "
		    "replayed."), id);
		return UI_R_ALL;
	}
	cu->ui.frames = cu->b.frames;
	cu->ui.nframes = cu->b.nframes;
	cu->ui.app = sc->app;
	cu->conn = (struct screen){ .def = &ui_play_def, .state = &cu->ui };
	app_push(sc->app, &cu->conn);
	/* TRANSLATORS: a connection number. */
	screen_message(&cu->conn, false, _("Connection %llu, replayed to its "
	    "end: p or Left steps back, m switches raw and relative numbers, "
	    "q returns to the list."), id);
	return UI_R_ALL;
}

static void
capui_leave(struct screen *sc)
{
	struct capui *cu = sc->state;

	capui_close_conn(cu);
	cap_browse_free(&cu->b);
	free(cu);
}

#define CMD(name, help, fn) { name, help, fn, NULL, 0, NULL }
#define MOVE(name, to, help) { name, help, capui_h_move, \
	(const enum scroll_move[]){ to }, 0, NULL }

static const struct screen_cmd capui_cmds[] = {
	MOVE("conn-up", SCROLL_UP, N_("choose the connection above")),
	MOVE("conn-down", SCROLL_DOWN, N_("choose the connection below")),
	MOVE("conn-page-up", SCROLL_PAGE_UP, N_("a page of connections up")),
	MOVE("conn-page-down", SCROLL_PAGE_DOWN,
	    N_("a page of connections down")),
	MOVE("conn-first", SCROLL_FIRST, N_("choose the first connection")),
	MOVE("conn-last", SCROLL_LAST, N_("choose the last connection")),
	CMD("search", N_("search the connections (addresses, ports, "
	    "states, flags)"), capui_h_search),
	CMD("search-next", N_("next connection that matches the search"),
	    capui_h_search_next),
	CMD("conn-open", N_("show the chosen connection on the ladder"),
	    capui_h_open),
	CMD("help", N_("this help"), screen_h_help),
	CMD("redraw", N_("redraw the screen"), screen_h_redraw),
	CMD("quit", N_("quit"), screen_h_close),
};

#define K(k, cmd, shown) { k, 0, cmd, 0, shown }

static const struct screen_key capui_keys[] = {
	K(UI_K_UP, "conn-up", "Up"), K('k', "conn-up", "k"),
	K(UI_K_DOWN, "conn-down", "Down"), K('j', "conn-down", "j"),
	K(UI_K_PGUP, "conn-page-up", "PgUp"),
	K(UI_K_PGDN, "conn-page-down", "PgDn"),
	K(UI_K_HOME, "conn-first", "Home"), K(UI_K_END, "conn-last", "End"),
	K('/', "search", "/"), K('n', "search-next", "n"),
	SCREEN_ENTER_KEYS("conn-open"), K(UI_K_RIGHT, "conn-open", NULL),
	K('?', "help", "?"), K(UI_K_F1, "help", "F1"),
	K(UI_CTRL('l'), "redraw", "^L"), K('q', "quit", "q"),
};

const struct screen_def capui_list_def = {
	.name = "capture", SCREEN_TABLES(capui_cmds, capui_keys),
	.min_rows = 10, .min_cols = 60, .leave = capui_leave
};

struct capui *
capui_new(const char *file, const struct ui_opts *o, int *rc, char **msg)
{
	struct capui *cu = xcalloc(1, sizeof(*cu));

	cu->o = *o;
	cu->o.play = NULL;
	cu->list = (struct screen){ .def = &capui_list_def, .state = cu };
	*rc = cap_browse_read(&cu->b, file, msg);
	if (*rc == TT_EXIT_USAGE) {
		capui_leave(&cu->list);
		return NULL;
	}
	return cu;
}
