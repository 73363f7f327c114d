/*
 * The simulator's named commands, its key tables and its handlers, with
 * no curses (a Check suite runs every one by name).  Event commands carry
 * a struct ui_event; the handler builds the scenario command from it and
 * hands it to the session, which applies it with world_apply: the UI never
 * changes a TCB itself, and an event the world refuses is explained, not
 * ignored (session_try says why; a typed line is read by
 * script_colon_parse).  The simulator and lecture mode share every command but the
 * step ones, so they are two key tables over one command table.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/i18n.h"
#include "lib/mono.h"
#include "script/complete.h"
#include "script/labsess.h"
#include "script/menu.h"
#include "ui/ui_int.h"

#define UI_CROSS_MS 900.0	/* one arrow across the ladder at 1x */
#define UI_HILITE_MS 1500

void
ui_state_init(struct ui *ui, const struct ui_opts *o)
{
	memset(ui, 0, sizeof(*ui));
	ui->o = o;
	ui->anim = !o->no_animation;
	ui->speed = o->speed > 0 ? o->speed : 1.0;
	ui->lad_rows = 1;
	session_init(&ui->s);
	view_init(&ui->v);
	view_watch(&ui->v, &ui->s);
}

void
ui_state_free(struct ui *ui)
{
	session_free(&ui->s);
	view_free(&ui->v);
	lecture_free(&ui->lec);
}

void
ui_start_anim(struct ui *ui)
{
	if (!ui->anim) {
		view_settle(&ui->v);
		return;
	}
	ui->last_tick = mono_ms();
	ui->hilite_until = ui->last_tick + UI_HILITE_MS;
}

/* A frame of animation: move arrows by the time elapsed, not by frames,
 * so a slow terminal does not slow the lesson down. */
int
ui_frame_tick(struct screen *sc, uint64_t now)
{
	struct ui *ui = sc->state;
	double d = (double)(now - ui->last_tick) * ui->speed * VIEW_END /
	    UI_CROSS_MS;
	int redraw = 0;

	if (view_animating(&ui->v) && d >= 1) {
		size_t head = ui->v.headmove;

		view_tick(&ui->v, (unsigned)d);
		ui->last_tick = now;
		redraw |= UI_R_LADDER;
		/* A finished move may change what the boxes show. */
		if (head != ui->v.headmove || !view_animating(&ui->v))
			redraw |= UI_R_BOXES;
	}
	if (ui->hilite_until != 0 && now >= ui->hilite_until) {
		ui->hilite_until = 0;
		ui->v.lad.host[0].changed = ui->v.lad.host[1].changed = false;
		redraw |= UI_R_BOXES;
	}
	return redraw;
}

int
ui_busy(const struct screen *sc, uint64_t now)
{
	const struct ui *ui = sc->state;

	(void)now;
	return ui->anim && (view_animating(&ui->v) ||
	    ui->hilite_until != 0) ? UI_FRAME_MS : -1;
}

static bool
ui_plain(const struct screen *sc)
{
	return !((const struct ui *)sc->state)->whatif;
}

static bool
ui_in_whatif(const struct screen *sc)
{
	return ((const struct ui *)sc->state)->whatif;
}

void
ui_event_cmd(const struct ui *ui, const struct ui_event *e, struct cmd *c)
{
	if (e->group == UI_G_WHATIF)
		menu_whatif(&ui->s.w, (enum menu_whatif)e->kind, c);
	else {
		menu_make(&ui->s.w, (enum cmd_kind)e->kind,
		    (enum sim_host_id)e->host, ui->sel, c);
		/* In the lab, an old duplicate SYN is below the ISS the
		 * kernel chose, not the simulation's fixed one. */
		if (ui->s.be != NULL)
			labsess_old_syn(&ui->v.lad, c);
	}
}

static void
ui_changed(struct ui *ui)
{
	if (ui->changed != NULL)
		ui->changed(ui->changed_arg);
}

/* Apply a command chosen by the learner, or say why it cannot be. */
int
ui_event(struct screen *sc, const struct cmd *c)
{
	struct ui *ui = sc->state;
	char why[sizeof(sc->app->msg)];
	size_t before = ui->s.pos;

	if (!session_try(&ui->s, c, why, sizeof(why))) {
		screen_message(sc, true, "%s", why);
		return UI_R_NARR;
	}
	if (menu_selected(&ui->s.w, ui->sel) == NULL ||
	    menu_selected(&ui->s.w, ui->sel)->id != ui->sel)
		ui->sel = 0;
	ui->pick = 0;
	ui->mark = 0;
	ui->scroll = 0;
	if (ui->o->play != NULL)
		ui_play_branched(sc, before);
	ui_start_anim(ui);
	ui_changed(ui);
	return UI_R_ALL;
}

static int
ui_h_event(SCREEN_CMD_ARGS)
{
	struct ui *ui = sc->state;
	struct cmd cmd;

	ui_event_cmd(ui, c->data, &cmd);
	/* Settling an empty wire would be a step in which nothing happens. */
	if (cmd.kind == CMD_SETTLE && ui->s.w.nwire == 0) {
		screen_message(sc, true, "%s", _("Nothing is in flight."));
		return UI_R_NARR;
	}
	return ui_event(sc, &cmd) | UI_R_MENU;
}

/* A new place in the session (undo, redo, a step, a jump): nothing
 * chosen, selected or scrolled back. */
int
ui_view_reset(struct ui *ui)
{
	ui->sel = 0;
	ui->pick = 0;
	ui->mark = 0;
	ui->scroll = 0;
	ui_changed(ui);
	return UI_R_ALL;
}

static int
ui_h_redo(SCREEN_CMD_ARGS)
{
	struct ui *ui = sc->state;

	if (!session_redo(&ui->s)) {
		screen_message(sc, false, "%s", ui->o->play ?
		    _("This is the end of the scenario.") :
		    _("Nothing to redo."));
		return UI_R_NARR;
	}
	ui_start_anim(ui);
	return ui_view_reset(ui);
}

static int
ui_h_undo(SCREEN_CMD_ARGS)
{
	struct ui *ui = sc->state;

	if (!session_undo(&ui->s)) {
		screen_message(sc, false, "%s", _("This is the beginning: "
		    "nothing to undo."));
		return UI_R_NARR;
	}
	return ui_view_reset(ui);
}

static int
ui_h_restart(SCREEN_CMD_ARGS)
{
	struct ui *ui = sc->state;

	session_goto(&ui->s, 0);
	return ui_view_reset(ui);
}

static int
ui_h_numbers(SCREEN_CMD_ARGS)
{
	struct ui *ui = sc->state;

	/* Replay so that the narration speaks the new mode too. */
	ui->v.num = (enum ladder_num)((ui->v.num + 1) % LADDER_NNUM);
	session_goto(&ui->s, ui->s.pos);
	/* TRANSLATORS: "raw numbers", "relative numbers", ... */
	screen_message(sc, false, _("Now showing %s."),
	    ladder_num_name(ui->v.num));
	return UI_R_ALL;
}

static int
ui_speed(struct screen *sc, double factor)
{
	struct ui *ui = sc->state;

	if (ui->speed * factor <= 64 && ui->speed * factor >= 1.0 / 16)
		ui->speed *= factor;
	screen_message(sc, false, _("Animation speed: %gx."), ui->speed);
	return UI_R_NARR | UI_R_STATUS;
}

static int
ui_h_faster(SCREEN_CMD_ARGS)
{
	return ui_speed(sc, 2);
}

static int
ui_h_slower(SCREEN_CMD_ARGS)
{
	return ui_speed(sc, 0.5);
}

static int
ui_h_page_back(SCREEN_CMD_ARGS)
{
	struct ui *ui = sc->state;

	ui->scroll += (size_t)(ui->lad_rows > 1 ? ui->lad_rows - 1 : 1);
	return UI_R_LADDER;
}

static int
ui_h_page_fwd(SCREEN_CMD_ARGS)
{
	struct ui *ui = sc->state;
	size_t page = (size_t)(ui->lad_rows > 1 ? ui->lad_rows - 1 : 1);

	ui->scroll = ui->scroll > page ? ui->scroll - page : 0;
	return UI_R_LADDER;
}

static int
ui_h_newest(SCREEN_CMD_ARGS)
{
	((struct ui *)sc->state)->scroll = 0;
	return UI_R_LADDER;
}

static int
ui_h_oldest(SCREEN_CMD_ARGS)
{
	((struct ui *)sc->state)->scroll = (size_t)-1 / 2;
	return UI_R_LADDER;
}

static int
ui_cmd_done(struct screen *sc, const char *text)
{
	struct script_colon l;
	int r = UI_R_ALL;

	script_colon_parse(text, &l);
	switch (l.kind) {
	case SCRIPT_COLON_CMD:
		r = ui_event(sc, &l.cmd);
		break;
	case SCRIPT_COLON_NONE:
		break;
	case SCRIPT_COLON_HELP:
		screen_message(sc, false, "%s", l.text);
		break;
	case SCRIPT_COLON_PCAP:
		r = l.text[0] != '\0' ? ui_pcap_to(sc, l.text) :
		    ui_h_pcap(sc, NULL, 0);
		break;
	case SCRIPT_COLON_ERROR:
		/* The line closes: left open with the old text, the next
		 * keys typed as commands would be glued to it.  History
		 * keeps it for Up. */
		/* TRANSLATORS: the line typed, column number, the parser's
		 * message. */
		screen_message(sc, true, _(":%s  column %u: %s (: then Up "
		    "brings the line back to fix it)"), text, l.column,
		    l.text);
		break;
	}
	return r;
}

static int
ui_h_command(SCREEN_CMD_ARGS)
{
	screen_prompt(sc, ":", NULL, ui_cmd_done);
	screen_prompt_complete(sc, script_complete);
	return UI_R_STATUS;
}

static int
ui_h_log(SCREEN_CMD_ARGS)
{
	return ui_log_push(sc);
}

static int
ui_h_inspect(SCREEN_CMD_ARGS)
{
	return ui_inspect_push(sc);
}

static int
ui_h_lessons(SCREEN_CMD_ARGS)
{
	struct ui *ui = sc->state;

	return ui_lessons_push(sc->app, ui->o);
}

static int
ui_h_whatif_open(SCREEN_CMD_ARGS)
{
	((struct ui *)sc->state)->whatif = true;
	return UI_R_ALL;
}

static int
ui_h_whatif_close(SCREEN_CMD_ARGS)
{
	((struct ui *)sc->state)->whatif = false;
	return UI_R_ALL;
}


/* Help: the what-if switches' digits under a heading of their own, so
 * they do not seem to contradict 0-9 choosing a segment. */
static const char *
ui_help_section(const struct screen_cmd *c)
{
	if (c->applies == ui_in_whatif)
		return _("While the what-if switches are open (o; Esc or q "
		    "closes them):");
	return NULL;
}

#define EV(name, help, g, menu, kind, host) \
	{ name, help, ui_h_event, &(const struct ui_event){ g, menu, kind, \
	    host }, 0, ui_plain }
#define WI(name, help, menu, which) \
	{ name, help, ui_h_event, &(const struct ui_event){ UI_G_WHATIF, \
	    menu, which, 0 }, 0, ui_in_whatif }
#define CMD(name, help, fn) { name, help, fn, NULL, 0, ui_plain }

/* Both tables list the same commands; only the step ones differ. */
#define UI_COMMON_CMDS \
	EV("client-connect", N_("client: connect() (active open)"), \
	    UI_G_CLIENT, N_("connect"), CMD_CONNECT, HOST_CLIENT), \
	EV("client-listen", N_("client: listen() (passive open)"), \
	    UI_G_CLIENT, N_("listen"), CMD_LISTEN, HOST_CLIENT), \
	EV("client-send", N_("client: send() 100 bytes"), UI_G_CLIENT, \
	    N_("send"), CMD_SEND, HOST_CLIENT), \
	EV("client-read", N_("client: read() all the data waiting"), \
	    UI_G_CLIENT, N_("read"), CMD_READ, HOST_CLIENT), \
	EV("client-close", N_("client: close()"), UI_G_CLIENT, \
	    N_("close"), CMD_CLOSE, HOST_CLIENT), \
	EV("client-shutdown", N_("client: shutdown(SHUT_WR)"), UI_G_CLIENT, \
	    N_("shutdown"), CMD_SHUTDOWN, HOST_CLIENT), \
	EV("client-abort", N_("client: abort (RST)"), UI_G_CLIENT, \
	    N_("abort"), CMD_ABORT, HOST_CLIENT), \
	EV("client-crash", N_("client: the host crashes"), UI_G_CLIENT, \
	    N_("crash"), CMD_CRASH, HOST_CLIENT), \
	EV("server-connect", N_("server: connect() (active open)"), \
	    UI_G_SERVER, N_("connect"), CMD_CONNECT, HOST_SERVER), \
	EV("server-listen", N_("server: listen() (passive open)"), \
	    UI_G_SERVER, N_("listen"), CMD_LISTEN, HOST_SERVER), \
	EV("server-send", N_("server: send() 100 bytes"), UI_G_SERVER, \
	    N_("send"), CMD_SEND, HOST_SERVER), \
	EV("server-read", N_("server: read() all the data waiting"), \
	    UI_G_SERVER, N_("read"), CMD_READ, HOST_SERVER), \
	EV("server-close", N_("server: close()"), UI_G_SERVER, \
	    N_("close"), CMD_CLOSE, HOST_SERVER), \
	EV("server-shutdown", N_("server: shutdown(SHUT_WR)"), UI_G_SERVER, \
	    N_("shutdown"), CMD_SHUTDOWN, HOST_SERVER), \
	EV("server-abort", N_("server: abort (RST)"), UI_G_SERVER, \
	    N_("abort"), CMD_ABORT, HOST_SERVER), \
	EV("server-crash", N_("server: the host crashes"), UI_G_SERVER, \
	    N_("crash"), CMD_CRASH, HOST_SERVER), \
	EV("deliver", N_("deliver the chosen segment"), UI_G_WIRE, \
	    N_("deliver"), CMD_DELIVER, 0), \
	EV("drop", N_("lose the chosen segment"), UI_G_WIRE, N_("drop"), \
	    CMD_DROP, 0), \
	EV("dup", N_("duplicate the chosen segment"), UI_G_WIRE, N_("dup"), \
	    CMD_DUP, 0), \
	EV("settle", N_("deliver everything in flight"), UI_G_TIME, \
	    N_("settle"), CMD_SETTLE, 0), \
	EV("wait-timer", N_("let the next timer fire"), UI_G_TIME, \
	    N_("wait timer"), CMD_WAIT_TIMER, 0), \
	EV("inject-client", N_("inject an old duplicate SYN from the " \
	    "client"), UI_G_TIME, N_("old SYN"), CMD_INJECT, DIR_C2S), \
	EV("inject-server", N_("inject an old duplicate SYN from the " \
	    "server"), UI_G_TIME, NULL, CMD_INJECT, DIR_S2C), \
	CMD("choose-next", N_("choose the next segment in flight"), \
	    ui_h_next_seg), \
	CMD("choose-prev", N_("choose the previous segment in flight"), \
	    ui_h_prev_seg), \
	CMD("choose-nth", N_("choose the segment in flight by its #N"), \
	    ui_h_nth_seg), \
	{ "select-move", N_("select the arrow above or below on the " \
	    "ladder (Enter inspects it)"), ui_h_mark_move, NULL, 0, \
	    ui_mark_walks }, \
	{ "select-clear", N_("clear the selection"), ui_h_mark_clear, NULL, \
	    0, ui_mark_active }, \
	CMD("select-at", N_("select the arrow clicked; a second click " \
	    "inspects it"), ui_h_mark_click), \
	CMD("what-if", N_("what-if switches (before the first event)"), \
	    ui_h_whatif_open), \
	WI("profile", N_("what-if: rfc9293 or linux timers"), \
	    N_("profile"), MENU_WI_PROFILE), \
	WI("time-wait", N_("what-if: TIME_WAIT on or off"), \
	    N_("TIME_WAIT on/off"), MENU_WI_TIME_WAIT), \
	WI("handshake", N_("what-if: three-way or two-way handshake"), \
	    N_("handshake 3/2"), MENU_WI_HANDSHAKE), \
	WI("delayed-ack", N_("what-if: delayed ACK on or off"), \
	    N_("delayed ACK"), MENU_WI_DELACK), \
	{ "what-if-close", N_("close the what-if switches"), \
	    ui_h_whatif_close, NULL, SCREEN_CMD_NOHELP, ui_in_whatif }

#define UI_TAIL_CMDS \
	CMD("numbers", N_("numbers: raw, relative, symbolic"), \
	    ui_h_numbers), \
	CMD("faster", N_("animate faster"), ui_h_faster), \
	CMD("slower", N_("animate slower"), ui_h_slower), \
	CMD("redraw", N_("redraw the screen"), screen_h_redraw), \
	CMD("scroll-up", N_("scroll the ladder back"), ui_h_page_back), \
	CMD("scroll-down", N_("scroll the ladder forward"), ui_h_page_fwd), \
	CMD("scroll-oldest", N_("oldest row of the ladder"), ui_h_oldest), \
	CMD("scroll-newest", N_("newest row of the ladder"), ui_h_newest), \
	CMD("command", N_("type a scenario command"), ui_h_command), \
	CMD("event-log", N_("the event log: every step, every reason, " \
	    "in full"), ui_h_log), \
	CMD("inspect", N_("inspect the chosen segment: every field, why " \
	    "it was sent, what became of it"), ui_h_inspect), \
	CMD("save", N_("save the session as a scenario file"), ui_h_save), \
	CMD("pcap", N_("write the session as a pcap capture"), ui_h_pcap), \
	CMD("lessons", N_("guided lessons: the list, with your progress"), \
	    ui_h_lessons), \
	{ "help", N_("this help"), screen_h_help, NULL, 0, NULL }, \
	CMD("quit", N_("quit"), ui_h_quit)

static const struct screen_cmd ui_sim_cmds[] = {
	UI_COMMON_CMDS,
	CMD("undo", N_("undo the last event"), ui_h_undo),
	CMD("redo", N_("redo an undone event"), ui_h_redo),
	CMD("restart", N_("restart from the beginning: every event undone "
	    "at once (the redo keys bring them back)"), ui_h_restart),
	UI_TAIL_CMDS,
};

static const struct screen_cmd ui_play_cmds[] = {
	UI_COMMON_CMDS,
	CMD("back", N_("previous step (lecture mode) or undo"),
	    ui_play_h_back),
	CMD("next", N_("next step with its checks (lecture mode)"),
	    ui_play_h_next),
	CMD("resume", N_("back to the script after your own events"),
	    ui_play_h_resume),
	CMD("jump", N_("go to step N of the script"), ui_play_h_jump),
	CMD("restart", N_("restart: back to before the script's first "
	    "step (the next-step keys step through it again)"),
	    ui_h_restart),
	UI_TAIL_CMDS,
};

#define K(k, cmd, shown) { k, 0, cmd, 0, shown }

/* The what-if keys come first: while the switches are open, digits
 * switch them and Esc or q closes them. */
#define UI_COMMON_KEYS \
	K('1', "profile", "1"), K('2', "time-wait", "2"), \
	K('3', "handshake", "3"), K('4', "delayed-ack", "4"), \
	K(UI_ESC, "what-if-close", NULL), K('q', "what-if-close", NULL), \
	{ UI_K_UP, 0, "select-move", -1, "Up" }, \
	{ UI_K_DOWN, 0, "select-move", 1, "Down" }, \
	K(UI_ESC, "select-clear", "Esc"), \
	/* TRANSLATORS: the mouse's click, named in help's keys column. */ \
	K(UI_K_CLICK, "select-at", N_("click")), \
	K('c', "client-connect", "c"), K('l', "client-listen", "l"), \
	K('s', "client-send", "s"), K('v', "client-read", "v"), \
	K('x', "client-close", "x"), \
	K('h', "client-shutdown", "h"), K('a', "client-abort", "a"), \
	K('k', "client-crash", "k"), K('C', "server-connect", "C"), \
	K('L', "server-listen", "L"), K('S', "server-send", "S"), \
	K('V', "server-read", "V"), \
	K('X', "server-close", "X"), K('H', "server-shutdown", "H"), \
	K('A', "server-abort", "A"), K('K', "server-crash", "K"), \
	K('d', "deliver", "d"), K('z', "drop", "z"), K('+', "dup", "+"), \
	K('e', "settle", "e"), K('t', "wait-timer", "t"), \
	K('i', "inject-client", "i"), K('I', "inject-server", "I"), \
	K('\t', "choose-next", "Tab"), K(UI_K_BTAB, "choose-prev", "S-Tab"), \
	{ '0', '9', "choose-nth", 0, "0-9" }, \
	K('o', "what-if", "o"), \
	K('m', "numbers", "m"), K(']', "faster", "]"), \
	K('[', "slower", "["), K(UI_CTRL('l'), "redraw", "^L"), \
	K(UI_K_PGUP, "scroll-up", "PgUp"), \
	K(UI_K_PGDN, "scroll-down", "PgDn"), \
	K(UI_K_HOME, "scroll-oldest", "Home"), \
	K(UI_K_END, "scroll-newest", "End"), \
	K(':', "command", ":"), K('w', "save", "w"), \
	K('W', "pcap", "W"), \
	K('E', "event-log", "E"), K('\r', "inspect", "Enter"), \
	K('\n', "inspect", NULL), K(UI_K_ENTER, "inspect", NULL), \
	K('g', "lessons", "g"), K('?', "help", "?"), \
	K(UI_K_F1, "help", "F1"), K('q', "quit", "q"), \
	K('R', "restart", "R")

static const struct screen_key ui_sim_keys[] = {
	UI_COMMON_KEYS,
	K('u', "undo", "u"), K('p', "undo", "p"), K(UI_K_LEFT, "undo", "Left"),
	K('r', "redo", "r"), K(UI_CTRL('r'), "redo", "^R"),
	K(' ', "redo", "Space"), K('n', "redo", "n"),
	K(UI_K_RIGHT, "redo", "Right"),
};

static const struct screen_key ui_play_keys[] = {
	UI_COMMON_KEYS,
	K(' ', "next", "Space"), K('n', "next", "n"),
	K(UI_K_RIGHT, "next", "Right"), K('r', "next", "r"),
	K(UI_CTRL('r'), "next", "^R"),
	K('p', "back", "p"), K(UI_K_LEFT, "back", "Left"), K('u', "back", "u"),
	K('b', "resume", "b"), K('j', "jump", "j"),
};

const struct screen_def ui_sim_def = {
	.name = "simulator", SCREEN_TABLES(ui_sim_cmds, ui_sim_keys),
	.min_rows = UI_MIN_ROWS, .min_cols = UI_MIN_COLS,
	.tick = ui_frame_tick, .busy = ui_busy, .grabs = ui_in_whatif,
	.section = ui_help_section
};

/* `tcpteach lab`: the same commands and keys on the kernels. */
/* The lab's help leaves out a host crash, which the lab always refuses
 * (a real kernel cannot forget its connections silently). */
static bool
ui_lab_offers(const struct screen_cmd *c)
{
	const struct ui_event *e = c->data;

	return c->fn != ui_h_event || e->group == UI_G_WHATIF ||
	    e->kind != CMD_CRASH;
}

const struct screen_def ui_lab_def = {
	.name = "lab", SCREEN_TABLES(ui_sim_cmds, ui_sim_keys),
	.min_rows = UI_MIN_ROWS, .min_cols = UI_MIN_COLS,
	.tick = ui_lab_tick, .busy = ui_lab_busy, .grabs = ui_in_whatif,
	.section = ui_help_section, .offers = ui_lab_offers
};

const struct screen_def ui_play_def = {
	.name = "play", SCREEN_TABLES(ui_play_cmds, ui_play_keys),
	.min_rows = UI_MIN_ROWS, .min_cols = UI_MIN_COLS,
	.tick = ui_frame_tick, .busy = ui_busy, .grabs = ui_in_whatif,
	.section = ui_help_section
};
