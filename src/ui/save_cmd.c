/*
 * Saving the simulator's session and quitting it, with no curses: w asks
 * for a name (session.scn), asks again before overwriting a file that
 * exists, and writes through lib/atomic (the file keeps its mode, a
 * symbolic link is written through); q with events typed since the last
 * save offers y (save, then quit), n (quit) or Esc (stay).
 *
 * Data model: struct ui's dirty (events since the last save), savepath
 * (the name an overwrite question is about) and quit_after (the save was
 * asked for by q, so a successful one quits).
 */
#include <config.h>

#include <stdio.h>
#include <sys/stat.h>

#include "lib/i18n.h"
#include "ui/ui_int.h"

static int ui_save_done(struct screen *sc, const char *path);

static int
ui_save_now(struct screen *sc, const char *path)
{
	struct ui *ui = sc->state;
	char err[512];

	if (!session_save(&ui->s, path, err, sizeof(err))) {
		ui->quit_after = false;
		screen_message(sc, true, "%s", err);
		return UI_R_ALL;
	}
	ui->dirty = false;
	if (ui->quit_after) {
		app_pop(sc->app);
		return UI_R_ALL;
	}
	/* TRANSLATORS: number of commands, file name. */
	screen_message(sc, false, _("Saved %zu commands to %s. Replay "
	    "them with: tcpteach play %s"), ui->s.pos, path, path);
	return UI_R_ALL;
}

/* y: overwrite; anything else: back to the prompt to pick a name. */
static int
ui_overwrite_done(struct screen *sc, bool yes)
{
	struct ui *ui = sc->state;

	if (yes)
		return ui_save_now(sc, ui->savepath);
	screen_prompt(sc, _("Save as: "), ui->savepath, ui_save_done);
	screen_message(sc, false, "%s", _("Not overwritten: type another "
	    "name, or Esc."));
	return UI_R_ALL;
}

static int
ui_save_done(struct screen *sc, const char *path)
{
	struct ui *ui = sc->state;
	struct stat st;
	char q[400];

	if (*path == '\0') {
		ui->quit_after = false;
		return 0;
	}
	if (stat(path, &st) != 0)
		return ui_save_now(sc, path);
	snprintf(ui->savepath, sizeof(ui->savepath), "%s", path);
	/* TRANSLATORS: a file name; y and n are the keys to press. */
	snprintf(q, sizeof(q), _("%s exists. Overwrite it? y/n"), path);
	screen_ask(sc, APP_ASK_STRICT, q, ui_overwrite_done);
	return UI_R_ALL;
}

int
ui_h_save(SCREEN_CMD_ARGS)
{
	struct ui *ui = sc->state;

	ui->quit_after = false;
	screen_prompt(sc, _("Save as: "), ui->o->play ? ui->o->play :
	    "session.scn", ui_save_done);
	return UI_R_STATUS;
}

/* y: save, then quit; n: quit without saving; Esc or q: stay. */
static int
ui_quit_done(struct screen *sc, bool yes)
{
	struct ui *ui = sc->state;
	int k = sc->app->askkey;

	if (yes) {
		(void)ui_h_save(sc, NULL, 0);
		ui->quit_after = true;
		return UI_R_ALL;
	}
	if (k == 'n' || k == 'N')
		app_pop(sc->app);
	return UI_R_ALL;
}

int
ui_h_quit(SCREEN_CMD_ARGS)
{
	struct ui *ui = sc->state;
	char q[256];

	if (ui->dirty && ui->s.pos > 0 && !ui->in_lesson) {
		/* TRANSLATORS: y, n, Esc are the keys to press. */
		snprintf(q, sizeof(q), _("Save the %zu steps before quitting? "
		    "y: save, n: quit without saving, Esc: stay"), ui->s.pos);
		screen_ask(sc, APP_ASK_STRICT, q, ui_quit_done);
		return UI_R_ALL;
	}
	app_pop(sc->app);
	return UI_R_ALL;
}
