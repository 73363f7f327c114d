/*
 * Writing the simulator's session to a file, and quitting it, with no
 * curses.  w asks for a name (session.scn) and writes the session as a
 * scenario; W, or `:pcap FILE`, writes it as a pcap that tcpdump and
 * Wireshark open (session.pcap), built by the same writer as `script
 * --pcap`.  Either asks before a file that exists is replaced, and writes
 * through lib/atomic (the file keeps its mode, a symbolic link is written
 * through).  q with events typed since the last save offers y (save, then
 * quit), n (quit) or Esc (stay).  `:pcap FILE` is read by the script
 * layer's script_colon_parse and lands in ui_pcap_to.
 *
 * Data model: struct ui's askpath (the name an overwrite question is
 * about; one question is open at a time) and quit_after (the save was
 * asked for by q, so a successful one quits); whether events were typed
 * since the last save is the session's (session_unsaved).  The capture
 * is the session's applied commands cmds[0..pos) replayed by
 * script_pcap_write, so it holds every segment even though the live
 * world's trace was folded into the view and cleared.
 */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "lib/i18n.h"
#include "script/pcap.h"
#include "ui/ui_int.h"

#define UI_PCAP_DEFAULT "session.pcap"

/* The two kinds of file the simulator writes. */
enum ui_file { UI_FILE_SCENARIO, UI_FILE_PCAP };

static int ui_save_done(struct screen *sc, const char *path);
static int ui_save_now(struct screen *sc, const char *path);
static int ui_overwrite_done(struct screen *sc, bool yes);
static int ui_pcap_write(struct screen *sc, const char *path);
static int ui_pcap_overwrite(struct screen *sc, bool yes);

/* Write path as kind now if nothing is there; else keep its name and ask
 * before replacing it (a scenario strictly y or n, as q's question). */
static int
ui_write_or_ask(struct screen *sc, enum ui_file kind, const char *path)
{
	struct ui *ui = sc->state;
	struct stat st;
	char q[400];
	bool pcap = kind == UI_FILE_PCAP;

	if (stat(path, &st) != 0)
		return pcap ? ui_pcap_write(sc, path) : ui_save_now(sc, path);
	if (strlen(path) >= sizeof(ui->askpath)) {
		ui->quit_after = false;
		screen_message(sc, true, _("Cannot write %s: %s"), path,
		    strerror(ENAMETOOLONG));
		return UI_R_ALL;
	}
	snprintf(ui->askpath, sizeof(ui->askpath), "%s", path);
	if (pcap) {
		/* TRANSLATORS: a file name; the answer is y or n. */
		snprintf(q, sizeof(q), _("%s exists. Replace it? (y/n)"), path);
		screen_ask(sc, APP_ASK_YESNO, q, ui_pcap_overwrite);
		return UI_R_STATUS;
	}
	/* TRANSLATORS: a file name; y and n are the keys to press. */
	snprintf(q, sizeof(q), _("%s exists. Overwrite it? y/n"), path);
	screen_ask(sc, APP_ASK_STRICT, q, ui_overwrite_done);
	return UI_R_ALL;
}

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
		return ui_save_now(sc, ui->askpath);
	screen_prompt(sc, _("Save as: "), ui->askpath, ui_save_done);
	screen_message(sc, false, "%s", _("Not overwritten: type another "
	    "name, or Esc."));
	return UI_R_ALL;
}

static int
ui_save_done(struct screen *sc, const char *path)
{
	struct ui *ui = sc->state;

	if (*path == '\0') {
		ui->quit_after = false;
		return 0;
	}
	return ui_write_or_ask(sc, UI_FILE_SCENARIO, path);
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

	if (session_unsaved(&ui->s) && !ui->in_lesson) {
		/* TRANSLATORS: y, n, Esc are the keys to press. */
		snprintf(q, sizeof(q), _("Save the %zu steps before quitting? "
		    "y: save, n: quit without saving, Esc: stay"), ui->s.pos);
		screen_ask(sc, APP_ASK_STRICT, q, ui_quit_done);
		return UI_R_ALL;
	}
	app_pop(sc->app);
	return UI_R_ALL;
}

static int
ui_pcap_write(struct screen *sc, const char *path)
{
	struct ui *ui = sc->state;
	char err[640];
	size_t n = 0;

	if (script_pcap_write(ui->s.cmds, ui->s.pos, path, &n, err,
	    sizeof(err)))
		/* TRANSLATORS: number of segments, then the file name twice. */
		screen_message(sc, false, ngettext("Wrote %zu segment to %s. "
		    "Read it with: tcpdump -nr %s", "Wrote %zu segments to %s. "
		    "Read it with: tcpdump -nr %s", n), n, path, path);
	else
		screen_message(sc, true, "%s", err);
	return UI_R_ALL;
}

static int
ui_pcap_overwrite(struct screen *sc, bool yes)
{
	struct ui *ui = sc->state;

	if (!yes) {
		screen_message(sc, false, _("Not written."));
		return UI_R_ALL;
	}
	return ui_pcap_write(sc, ui->askpath);
}

/* Write to path, asking first if a file is there already. */
int
ui_pcap_to(struct screen *sc, const char *path)
{
	if (*path == '\0')
		return 0;
	return ui_write_or_ask(sc, UI_FILE_PCAP, path);
}

int
ui_h_pcap(SCREEN_CMD_ARGS)
{
	screen_prompt(sc, _("Write capture as: "), UI_PCAP_DEFAULT, ui_pcap_to);
	return UI_R_STATUS;
}
