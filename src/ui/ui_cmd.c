/*
 * The command table and its handlers.  Keys are looked up here and
 * nowhere else; the menu and the help screen are generated from the same
 * table.  Event handlers build a struct cmd and hand it to the session,
 * which applies it with world_apply: the UI never changes a TCB itself,
 * and an event the world refuses is explained, not ignored.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/i18n.h"
#include "script/parse.h"
#include "ui/lesson_ui.h"
#include "ui/menu.h"
#include "ui/ui_cmd.h"

#define CTRL(c) ((c) & 0x1f)
#define ESC 27

static int ui_h_event(struct ui *, const struct ui_cmd *);
static int ui_h_whatif(struct ui *, const struct ui_cmd *);
static int ui_h_select(struct ui *, const struct ui_cmd *);
static int ui_h_history(struct ui *, const struct ui_cmd *);
static int ui_h_view(struct ui *, const struct ui_cmd *);
static int ui_h_scroll(struct ui *, const struct ui_cmd *);
static int ui_h_prompt(struct ui *, const struct ui_cmd *);
static int ui_h_overlay(struct ui *, const struct ui_cmd *);

#define HOST(name, k, kn, help, menu, g, kind, h) \
	{ name, { k, 0, 0 }, kn, help, menu, g, ui_h_event, kind, h }

const struct ui_cmd ui_cmds[] = {
	HOST("client-connect", 'c', "c", N_("client: connect() (active open)"),
	    N_("connect"), UI_G_CLIENT, CMD_CONNECT, HOST_CLIENT),
	HOST("client-listen", 'l', "l", N_("client: listen() (passive open)"),
	    N_("listen"), UI_G_CLIENT, CMD_LISTEN, HOST_CLIENT),
	HOST("client-send", 's', "s", N_("client: send() 100 bytes"),
	    N_("send"), UI_G_CLIENT, CMD_SEND, HOST_CLIENT),
	HOST("client-close", 'x', "x", N_("client: close()"),
	    N_("close"), UI_G_CLIENT, CMD_CLOSE, HOST_CLIENT),
	HOST("client-shutdown", 'h', "h", N_("client: shutdown(SHUT_WR)"),
	    N_("shutdown"), UI_G_CLIENT, CMD_SHUTDOWN, HOST_CLIENT),
	HOST("client-abort", 'a', "a", N_("client: abort (RST)"),
	    N_("abort"), UI_G_CLIENT, CMD_ABORT, HOST_CLIENT),
	HOST("client-crash", 'k', "k", N_("client: the host crashes"),
	    N_("crash"), UI_G_CLIENT, CMD_CRASH, HOST_CLIENT),
	HOST("server-connect", 'C', "C", N_("server: connect() (active open)"),
	    N_("connect"), UI_G_SERVER, CMD_CONNECT, HOST_SERVER),
	HOST("server-listen", 'L', "L", N_("server: listen() (passive open)"),
	    N_("listen"), UI_G_SERVER, CMD_LISTEN, HOST_SERVER),
	HOST("server-send", 'S', "S", N_("server: send() 100 bytes"),
	    N_("send"), UI_G_SERVER, CMD_SEND, HOST_SERVER),
	HOST("server-close", 'X', "X", N_("server: close()"),
	    N_("close"), UI_G_SERVER, CMD_CLOSE, HOST_SERVER),
	HOST("server-shutdown", 'H', "H", N_("server: shutdown(SHUT_WR)"),
	    N_("shutdown"), UI_G_SERVER, CMD_SHUTDOWN, HOST_SERVER),
	HOST("server-abort", 'A', "A", N_("server: abort (RST)"),
	    N_("abort"), UI_G_SERVER, CMD_ABORT, HOST_SERVER),
	HOST("server-crash", 'K', "K", N_("server: the host crashes"),
	    N_("crash"), UI_G_SERVER, CMD_CRASH, HOST_SERVER),
	HOST("deliver", 'd', "d", N_("deliver the chosen segment"),
	    N_("deliver"), UI_G_WIRE, CMD_DELIVER, 0),
	HOST("drop", 'z', "z", N_("lose the chosen segment"),
	    N_("drop"), UI_G_WIRE, CMD_DROP, 0),
	HOST("dup", '+', "+", N_("duplicate the chosen segment"),
	    N_("dup"), UI_G_WIRE, CMD_DUP, 0),
	HOST("settle", 'e', "e", N_("deliver everything in flight"),
	    N_("settle"), UI_G_TIME, CMD_SETTLE, 0),
	HOST("wait-timer", 't', "t", N_("let the next timer fire"),
	    N_("wait timer"), UI_G_TIME, CMD_WAIT_TIMER, 0),
	HOST("inject-client", 'i', "i",
	    N_("inject an old duplicate SYN from the client"),
	    N_("old SYN"), UI_G_TIME, CMD_INJECT, DIR_C2S),
	HOST("inject-server", 'I', "I",
	    N_("inject an old duplicate SYN from the server"),
	    NULL, UI_G_TIME, CMD_INJECT, DIR_S2C),
	{ "choose-next", { '\t', KEY_DOWN, 0 }, "Tab Down",
	    N_("choose the next segment in flight"), NULL, UI_G_NONE,
	    ui_h_select, 1, 0 },
	{ "choose-prev", { KEY_BTAB, KEY_UP, 0 }, "S-Tab Up",
	    N_("choose the previous segment in flight"), NULL, UI_G_NONE,
	    ui_h_select, -1, 0 },
	{ "choose-nth", { '1', 0, 0 }, "1-9",
	    N_("choose the Nth segment in flight"), NULL, UI_G_NONE,
	    ui_h_select, 0, 0 },
	{ "what-if", { 'o', 0, 0 }, "o",
	    N_("what-if switches (before the first event)"), NULL, UI_G_NONE,
	    ui_h_overlay, UI_O_WHATIF, 0 },
	{ "profile", { '1', 0, 0 }, "1", N_("what-if: rfc9293 or linux timers"),
	    N_("profile"), UI_G_WHATIF, ui_h_whatif, MENU_WI_PROFILE, 0 },
	{ "time-wait", { '2', 0, 0 }, "2", N_("what-if: TIME_WAIT on or off"),
	    N_("TIME_WAIT on/off"), UI_G_WHATIF, ui_h_whatif,
	    MENU_WI_TIME_WAIT, 0 },
	{ "handshake", { '3', 0, 0 }, "3",
	    N_("what-if: three-way or two-way handshake"),
	    N_("handshake 3/2"), UI_G_WHATIF, ui_h_whatif, MENU_WI_HANDSHAKE,
	    0 },
	{ "delayed-ack", { '4', 0, 0 }, "4", N_("what-if: delayed ACK on or off"),
	    N_("delayed ACK"), UI_G_WHATIF, ui_h_whatif, MENU_WI_DELACK, 0 },
	{ "next", { ' ', 'n', KEY_RIGHT }, "Space n Right",
	    N_("next step (lecture mode) or redo"), NULL, UI_G_NONE,
	    ui_h_history, 1, 0 },
	{ "back", { 'p', KEY_LEFT, 0 }, "p Left",
	    N_("previous step (lecture mode) or undo"), NULL, UI_G_NONE,
	    ui_h_history, -1, 0 },
	{ "undo", { 'u', 0, 0 }, "u", N_("undo the last event"), NULL,
	    UI_G_NONE, ui_h_history, -1, 0 },
	{ "redo", { 'r', CTRL('r'), 0 }, "r ^R", N_("redo an undone event"),
	    NULL, UI_G_NONE, ui_h_history, 1, 0 },
	{ "restart", { 'R', 0, 0 }, "R",
	    N_("restart from the beginning (r redoes)"), NULL, UI_G_NONE,
	    ui_h_history, 0, 0 },
	{ "numbers", { 'm', 0, 0 }, "m",
	    N_("numbers: raw, relative, symbolic"), NULL, UI_G_NONE,
	    ui_h_view, 0, 0 },
	{ "faster", { ']', 0, 0 }, "]", N_("animate faster"), NULL,
	    UI_G_NONE, ui_h_view, 1, 0 },
	{ "slower", { '[', 0, 0 }, "[", N_("animate slower"), NULL,
	    UI_G_NONE, ui_h_view, 2, 0 },
	{ "redraw", { CTRL('l'), 0, 0 }, "^L", N_("redraw the screen"), NULL,
	    UI_G_NONE, ui_h_view, 3, 0 },
	{ "scroll-up", { KEY_PPAGE, 0, 0 }, "PgUp",
	    N_("scroll the ladder back"), NULL, UI_G_NONE, ui_h_scroll, 1, 0 },
	{ "scroll-down", { KEY_NPAGE, 0, 0 }, "PgDn",
	    N_("scroll the ladder forward"), NULL, UI_G_NONE, ui_h_scroll, -1,
	    0 },
	{ "scroll-end", { KEY_END, KEY_HOME, 0 }, "End Home",
	    N_("newest or oldest row of the ladder"), NULL, UI_G_NONE,
	    ui_h_scroll, 0, 0 },
	{ "command", { ':', 0, 0 }, ":",
	    N_("type a scenario command"), NULL, UI_G_NONE, ui_h_prompt,
	    UI_P_CMD, 0 },
	{ "save", { 'w', 0, 0 }, "w",
	    N_("save the session as a scenario file"), NULL, UI_G_NONE,
	    ui_h_prompt, UI_P_SAVE, 0 },
	{ "lessons", { 'g', 0, 0 }, "g",
	    N_("guided lessons: the list, with your progress"), NULL,
	    UI_G_NONE, ui_h_lessons, 0, 0 },
	{ "help", { '?', KEY_F(1), 0 }, "? F1", N_("this help"), NULL,
	    UI_G_NONE, ui_h_overlay, UI_O_HELP, 0 },
	{ "quit", { 'q', 0, 0 }, "q", N_("quit"), NULL, UI_G_NONE,
	    ui_h_overlay, -1, 0 },
};
const size_t ui_ncmds = sizeof(ui_cmds) / sizeof(ui_cmds[0]);

const struct ui_cmd *
ui_cmd_find(const char *name)
{
	for (size_t i = 0; i < ui_ncmds; i++)
		if (strcmp(ui_cmds[i].name, name) == 0)
			return &ui_cmds[i];
	return NULL;
}

bool
ui_cmd_cmd(const struct ui *ui, const struct ui_cmd *uc, struct cmd *c)
{
	if (uc->fn == ui_h_event) {
		menu_make(&ui->s.w, (enum cmd_kind)uc->arg,
		    (enum sim_host_id)uc->host, ui->sel, c);
		return true;
	}
	if (uc->fn == ui_h_whatif) {
		menu_whatif(&ui->s.w, (enum menu_whatif)uc->arg, c);
		return true;
	}
	return false;
}

/* Apply a command chosen by the learner, or say why it cannot be. */
int
ui_event(struct ui *ui, const struct cmd *c)
{
	char line[256];
	size_t before = ui->s.pos;

	session_do(&ui->s, c);
	if (ui->s.pos == before) {
		script_format(c, line, sizeof(line));
		/* TRANSLATORS: a scenario command, then why it is impossible. */
		ui_message(ui, true, _("Cannot do \"%s\" now: %s"), line,
		    ui->s.last.msg);
		return UI_R_NARR;
	}
	if (menu_selected(&ui->s.w, ui->sel) == NULL ||
	    menu_selected(&ui->s.w, ui->sel)->id != ui->sel)
		ui->sel = 0;
	ui->scroll = 0;
	ui_start_anim(ui);
	return UI_R_ALL;
}

static int
ui_h_event(struct ui *ui, const struct ui_cmd *uc)
{
	struct cmd c;

	ui_cmd_cmd(ui, uc, &c);
	return ui_event(ui, &c);
}

static int
ui_h_whatif(struct ui *ui, const struct ui_cmd *uc)
{
	struct cmd c;

	ui_cmd_cmd(ui, uc, &c);
	return ui_event(ui, &c) | UI_R_MENU;
}

/* Cycle through the in-flight segments, or pick the Nth with a digit. */
static int
ui_h_select(struct ui *ui, const struct ui_cmd *uc)
{
	const struct world *w = &ui->s.w;
	const struct flight *f = menu_selected(w, ui->sel);
	size_t i;

	if (w->nwire == 0) {
		ui_message(ui, true, "%s", _("Nothing is in flight."));
		return UI_R_NARR;
	}
	i = (size_t)(f - w->wire);
	if (uc->arg == 0)
		i = (size_t)ui->digit - 1;
	else
		i = (i + w->nwire + (size_t)(long)uc->arg) % w->nwire;
	if (i >= w->nwire) {
		ui_message(ui, true, _("Only %zu segments are in flight."),
		    w->nwire);
		return UI_R_NARR;
	}
	ui->sel = w->wire[i].id;
	return UI_R_LADDER | UI_R_MENU;
}

static int
ui_h_history(struct ui *ui, const struct ui_cmd *uc)
{
	struct session *s = &ui->s;

	if (uc->arg > 0 && !session_redo(s)) {
		ui_message(ui, false, "%s", ui->o->play ?
		    _("This is the end of the scenario.") :
		    _("Nothing to redo."));
		return UI_R_NARR;
	}
	if (uc->arg < 0 && !session_undo(s)) {
		ui_message(ui, false, "%s", _("This is the beginning: "
		    "nothing to undo."));
		return UI_R_NARR;
	}
	if (uc->arg == 0)
		session_goto(s, 0);
	if (uc->arg > 0)
		ui_start_anim(ui);
	ui->sel = 0;
	ui->scroll = 0;
	return UI_R_ALL;
}

static int
ui_h_view(struct ui *ui, const struct ui_cmd *uc)
{
	switch (uc->arg) {
	case 0:
		/* Replay so that the narration speaks the new mode too. */
		ui->s.v.num = (enum view_num)((ui->s.v.num + 1) % VIEW_NNUM);
		session_goto(&ui->s, ui->s.pos);
		/* TRANSLATORS: "raw numbers", "relative numbers", ... */
		ui_message(ui, false, _("Now showing %s."),
		    view_num_name(ui->s.v.num));
		return UI_R_ALL;
	case 1:
	case 2:
		if (uc->arg == 1 && ui->speed < 64)
			ui->speed *= 2;
		if (uc->arg == 2 && ui->speed > 1.0 / 16)
			ui->speed /= 2;
		ui_message(ui, false, _("Animation speed: %gx."), ui->speed);
		return UI_R_NARR | UI_R_STATUS;
	default:
		clearok(curscr, TRUE);
		return UI_R_ALL;
	}
}

static int
ui_h_scroll(struct ui *ui, const struct ui_cmd *uc)
{
	size_t page = (size_t)(ui->wlad ? getmaxy(ui->wlad) - 1 : 1);

	if (uc->arg > 0)
		ui->scroll += page;
	else if (uc->arg < 0)
		ui->scroll = ui->scroll > page ? ui->scroll - page : 0;
	else
		ui->scroll = ui->key == KEY_HOME ? (size_t)-1 / 2 : 0;
	return UI_R_LADDER;
}

static int
ui_h_prompt(struct ui *ui, const struct ui_cmd *uc)
{
	ui->prompt = (enum ui_prompt)uc->arg;
	ui->plen = 0;
	if (ui->prompt == UI_P_SAVE) {
		const char *def = ui->o->play ? ui->o->play : "session.tcp";

		ui->plen = mbstowcs(ui->pbuf, def, UI_PROMPT_MAX - 1);
		if (ui->plen == (size_t)-1)
			ui->plen = 0;
	}
	return UI_R_STATUS;
}

static int
ui_h_overlay(struct ui *ui, const struct ui_cmd *uc)
{
	if (uc->arg < 0) {
		ui->quit = true;
		return 0;
	}
	ui->overlay = (enum ui_overlay)uc->arg;
	ui->help_top = 0;
	return UI_R_ALL;
}

static const struct ui_cmd *
ui_lookup(const struct ui *ui, int key)
{
	bool whatif = ui->overlay == UI_O_WHATIF;

	for (size_t i = 0; i < ui_ncmds; i++) {
		const struct ui_cmd *uc = &ui_cmds[i];

		if ((uc->group == UI_G_WHATIF) != whatif)
			continue;
		if (!whatif && uc->fn == ui_h_select && uc->arg == 0 &&
		    key >= '1' && key <= '9')
			return uc;
		for (int k = 0; k < 3; k++)
			if (uc->keys[k] != 0 && uc->keys[k] == key)
				return uc;
	}
	return NULL;
}

/* One key from the main loop; returns what to redraw. */
int
ui_key(struct ui *ui, int r, wint_t wch)
{
	int key = (int)wch, redraw = 0;
	const struct ui_cmd *uc;

	if (ui->prompt != UI_P_NONE)
		return ui_prompt_key(ui, r, wch);
	if (ui->msg[0] != '\0') {
		ui->msg[0] = '\0';
		redraw |= UI_R_NARR;
	}
	if (ui->overlay == UI_O_HELP)
		return ui_help_key(ui, key) | redraw;
	if (key == ESC && ui->overlay != UI_O_NONE) {
		ui->overlay = UI_O_NONE;
		return UI_R_ALL;
	}
	ui->key = key;
	ui->digit = key - '0';
	if ((uc = ui_lookup(ui, key)) == NULL) {
		if (ui->overlay == UI_O_WHATIF && key == 'q') {
			ui->overlay = UI_O_NONE;
			return UI_R_ALL;
		}
		if (r == KEY_CODE_YES || key > ' ')
			ui_message(ui, true, "%s", _("That key does nothing "
			    "here. Press ? for the list of keys."));
		return redraw | UI_R_NARR;
	}
	return redraw | uc->fn(ui, uc);
}
