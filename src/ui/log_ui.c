/*
 * The event log: every step of the session so far with everything it
 * made happen, each sentence whole with its RFC reason, on a screen of
 * its own that scrolls (the narration under the ladder has only a few
 * rows and must cut).  No curses here; log_draw.c paints it.
 *
 * Data model: struct ui_log holds the lines, made once when the log is
 * opened by replaying the session's commands into a scratch session (the
 * view narrates one command at a time, so this is the only way to have
 * every command's sentences), and the first line shown.  A heading line
 * names each step and its scenario line; the sentences follow it.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/i18n.h"
#include "lib/xalloc.h"
#include "script/parse.h"
#include "ui/ui_int.h"

static void
log_add(struct ui_log *lg, bool head, const char *text)
{
	xgrow(&lg->lines, &lg->cap, lg->n + 1, sizeof(*lg->lines));
	xgrow(&lg->heads, &lg->caph, lg->n + 1, sizeof(*lg->heads));
	lg->lines[lg->n] = xstrdup(text);
	lg->heads[lg->n++] = head;
}

/* Replay cmds[0..pos) and keep every sentence narrated. */
static void
log_fill(struct ui_log *lg, const struct session *from)
{
	struct session s;
	char line[256], head[320];

	session_init(&s);
	s.v.num = from->v.num;
	session_load(&s, from->cmds, from->pos);
	for (size_t i = 0; i < from->pos; i++) {
		(void)session_redo(&s);
		script_format(&from->cmds[i], line, sizeof(line));
		/* TRANSLATORS: the event log: step number, scenario line. */
		snprintf(head, sizeof(head), _("Step %zu: %s"), i + 1, line);
		log_add(lg, true, head);
		for (size_t k = 0; k < s.v.nnarr; k++)
			log_add(lg, false, s.v.narr[k]);
	}
	if (from->pos == 0)
		log_add(lg, false, _("Nothing has happened yet."));
	session_free(&s);
}

static void
log_leave(struct screen *sc)
{
	struct ui_log *lg = sc->state;

	for (size_t i = 0; i < lg->n; i++)
		free(lg->lines[i]);
	free(lg->lines);
	free(lg->heads);
	free(lg);
}

static int
log_scroll(struct screen *sc, int by)
{
	struct ui_log *lg = sc->state;
	long top = (long)lg->top + by;

	if (top > (long)lg->n - 1)
		top = (long)lg->n - 1;
	if (top < 0)
		top = 0;
	lg->top = (size_t)top;
	return UI_R_ALL;
}

static int
log_h_line(SCREEN_CMD_ARGS)
{
	return log_scroll(sc, arg);
}

static int
log_h_page(SCREEN_CMD_ARGS)
{
	int page = sc->rows > 4 ? sc->rows / 2 : 1;

	return log_scroll(sc, arg * page);
}

static int
log_h_end(SCREEN_CMD_ARGS)
{
	struct ui_log *lg = sc->state;

	lg->top = arg < 0 ? 0 : (lg->n > 0 ? lg->n - 1 : 0);
	return UI_R_ALL;
}

static int
log_h_close(SCREEN_CMD_ARGS)
{
	app_pop(sc->app);
	return UI_R_ALL | UI_R_LAYOUT;
}

static const struct screen_cmd log_cmds[] = {
	{ "line", N_("scroll the log by a line"), log_h_line, NULL, 0, NULL },
	{ "page", N_("scroll the log by half a page"), log_h_page, NULL, 0,
	    NULL },
	{ "ends", N_("the first or the last step"), log_h_end, NULL, 0,
	    NULL },
	{ "close", N_("close the event log"), log_h_close, NULL, 0, NULL },
};

static const struct screen_key log_keys[] = {
	{ UI_K_DOWN, 0, "line", 1, "Down" },
	{ UI_K_UP, 0, "line", -1, "Up" },
	{ UI_K_PGDN, 0, "page", 1, "PgDn" },
	{ ' ', 0, "page", 1, "Space" },
	{ UI_K_PGUP, 0, "page", -1, "PgUp" },
	{ UI_K_HOME, 0, "ends", -1, "Home" },
	{ UI_K_END, 0, "ends", 1, "End" },
	{ 'q', 0, "close", 0, "q" },
	{ UI_ESC, 0, "close", 0, "Esc" },
	{ 'E', 0, "close", 0, "E" },
};

const struct screen_def ui_log_def = {
	"log", log_cmds, sizeof(log_cmds) / sizeof(log_cmds[0]), log_keys,
	sizeof(log_keys) / sizeof(log_keys[0]), 10, 40, NULL, NULL, NULL,
	log_leave, NULL, NULL
};

/* Open the log on the simulator's session, showing its newest step. */
int
ui_log_push(struct screen *sc)
{
	struct ui *ui = sc->state;
	struct ui_log *lg = xcalloc(1, sizeof(*lg));

	log_fill(lg, &ui->s);
	lg->top = 0;
	for (size_t i = 0; i < lg->n; i++)
		if (lg->heads[i])
			lg->top = i;
	lg->sc.def = &ui_log_def;
	lg->sc.state = lg;
	app_push(sc->app, &lg->sc);
	return UI_R_ALL | UI_R_LAYOUT;
}
