/*
 * The curses main loop: terminal set-up and restoration, colour roles,
 * animation timing and dispatch of keys to the command table.
 *
 * Idle, the loop blocks in wget_wch with no timeout, so tcpteach uses no
 * CPU while the learner thinks; only while an arrow moves or a state box
 * is highlighted does it wake every frame.  KEY_RESIZE is handled here
 * and nowhere else.  The terminal is restored on q, on SIGINT, SIGTERM
 * and SIGHUP (the handler only sets a flag the loop reads), and on fatal
 * signals (the handler calls endwin, then re-raises the signal).
 */
#include <config.h>

#include <langinfo.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "lib/i18n.h"
#include "script/parse.h"
#include "ui/ui_int.h"

#define UI_FRAME_MS 33
#define UI_CROSS_MS 900.0	/* one arrow across the ladder at 1x */
#define UI_HILITE_MS 1500

static volatile sig_atomic_t ui_signal;
static bool ui_curses_on;

static const struct ui_glyphs ui_utf8 = {
	"\u2500", "\u2502", "\u25b6", "\u25c0", "\u2717", "\u252c", "\u2022"
};
static const struct ui_glyphs ui_ascii = {
	"-", "|", ">", "<", "X", "+", "*"
};

uint64_t
ui_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

void
ui_message(struct ui *ui, bool err, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(ui->msg, sizeof(ui->msg), fmt, ap);
	va_end(ap);
	ui->msg_err = err;
}

void
ui_start_anim(struct ui *ui)
{
	if (!ui->anim) {
		view_settle(&ui->s.v);
		return;
	}
	ui->last_tick = ui_now_ms();
	ui->hilite_until = ui->last_tick + UI_HILITE_MS;
}

static void
ui_on_signal(int sig)
{
	ui_signal = sig;
}

static void
ui_on_fatal(int sig)
{
	if (ui_curses_on)
		endwin();
	signal(sig, SIG_DFL);
	raise(sig);
}

/* Installed before curses starts, so ncurses keeps its hands off them;
 * no SA_RESTART, so a signal wakes the blocking read. */
static void
ui_signals(void)
{
	static const int quit[] = { SIGINT, SIGTERM, SIGHUP };
	static const int fatal[] = { SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL };
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = ui_on_signal;
	for (size_t i = 0; i < sizeof(quit) / sizeof(quit[0]); i++)
		sigaction(quit[i], &sa, NULL);
	sa.sa_handler = ui_on_fatal;
	sa.sa_flags = SA_RESETHAND;
	for (size_t i = 0; i < sizeof(fatal) / sizeof(fatal[0]); i++)
		sigaction(fatal[i], &sa, NULL);
}

static void
ui_roles(struct ui_look *lk)
{
	static const short fg[UI_NROLES] = {
		-1, -1, COLOR_YELLOW, COLOR_GREEN, COLOR_MAGENTA, COLOR_BLUE,
		COLOR_CYAN, COLOR_YELLOW, COLOR_RED, COLOR_YELLOW, -1,
		COLOR_RED, COLOR_GREEN, -1, -1
	};
	static const attr_t mono[UI_NROLES] = {
		A_NORMAL, A_NORMAL, A_UNDERLINE, A_BOLD, A_BOLD | A_UNDERLINE,
		A_DIM | A_BOLD, A_NORMAL, A_NORMAL, A_BOLD, A_BOLD, A_DIM,
		A_BOLD, A_NORMAL, A_REVERSE, A_BOLD
	};
	const char *nc = getenv("NO_COLOR");

	lk->color = has_colors() && (nc == NULL || *nc == '\0');
	if (lk->color) {
		start_color();
		use_default_colors();
	}
	for (int r = 0; r < UI_NROLES; r++) {
		lk->role[r] = mono[r];
		if (!lk->color || fg[r] == -1)
			continue;
		init_pair((short)r, fg[r], -1);
		lk->role[r] = COLOR_PAIR(r) | (mono[r] & (A_BOLD | A_DIM));
	}
	lk->role[ROLE_PH_TIME_WAIT] |= lk->color ? A_BOLD : 0;
	lk->role[ROLE_KEY] |= lk->color ? A_BOLD : 0;
}

/* Why no full-screen program can work here, or NULL: shared with the
 * quiz, which says what to use instead in its own words. */
const char *
ui_term_unusable(void)
{
	const char *term = getenv("TERM");

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return _("standard input and output must be a terminal");
	if (term == NULL || *term == '\0' || strcmp(term, "dumb") == 0)
		return _("the terminal type (TERM) is unset or \"dumb\"");
	return NULL;
}

/* Refuse before drawing anything where a full-screen program cannot work. */
static bool
ui_refuse(void)
{
	const char *why = ui_term_unusable();

	if (why == NULL)
		return false;
	/* TRANSLATORS: the program name, then the reason. */
	fprintf(stderr, _("%s: the interactive simulator needs a terminal: "
	    "%s.\n"), PACKAGE, why);
	fprintf(stderr, _("To run a scenario without a terminal, use: "
	    "%s script FILE\n"), PACKAGE);
	return true;
}

/* Signals, curses modes, colour roles and glyphs: everything a full-screen
 * mode needs, for the simulator and the quiz alike. */
bool
ui_term_start(bool ascii, struct ui_look *lk)
{
	const char *cs = nl_langinfo(CODESET);

	ui_signals();
	if (newterm(NULL, stdout, stdin) == NULL) {
		fprintf(stderr, _("%s: cannot use this terminal (TERM=%s).\n"),
		    PACKAGE, getenv("TERM"));
		return false;
	}
	ui_curses_on = true;
	cbreak();
	noecho();
	nonl();
	curs_set(0);
	set_escdelay(25);
	ui_roles(lk);
	lk->g = ascii || cs == NULL || strcmp(cs, "UTF-8") != 0 ?
	    &ui_ascii : &ui_utf8;
	wnoutrefresh(stdscr);
	return true;
}

void
ui_term_end(void)
{
	if (ui_curses_on)
		endwin();
	ui_curses_on = false;
}

/* The quit signal that ended the loop (SIGINT, SIGTERM, SIGHUP), or 0. */
int
ui_term_signal(void)
{
	return ui_signal;
}

/* After cleaning up, die of the quit signal as the shell expects. */
void
ui_term_reraise(void)
{
	int sig = ui_signal;

	if (sig != 0) {
		signal(sig, SIG_DFL);
		raise(sig);
	}
}

static bool
ui_start(struct ui *ui)
{
	struct ui_look lk;

	if (!ui_term_start(ui->o->ascii, &lk))
		return false;
	ui->color = lk.color;
	ui->g = lk.g;
	memcpy(ui->role, lk.role, sizeof(ui->role));
	ui_layout(ui);
	return true;
}

/* A frame of animation: move arrows by the time elapsed, not by frames,
 * so a slow terminal does not slow the lesson down.  The lesson screen's
 * loop calls it too. */
int
ui_frame_tick(struct ui *ui)
{
	uint64_t now = ui_now_ms();
	double d = (double)(now - ui->last_tick) * ui->speed * VIEW_END /
	    UI_CROSS_MS;
	int redraw = 0;

	if (view_animating(&ui->s.v) && d >= 1) {
		size_t head = ui->s.v.headmove;

		view_tick(&ui->s.v, (unsigned)d);
		ui->last_tick = now;
		redraw |= UI_R_LADDER;
		/* A finished move may change what the boxes show. */
		if (head != ui->s.v.headmove || !view_animating(&ui->s.v))
			redraw |= UI_R_BOXES;
	}
	if (ui->hilite_until != 0 && now >= ui->hilite_until) {
		ui->hilite_until = 0;
		ui->s.v.host[0].changed = ui->s.v.host[1].changed = false;
		redraw |= UI_R_BOXES;
	}
	return redraw;
}

static void
ui_loop(struct ui *ui)
{
	int redraw = UI_R_ALL;

	while (!ui->quit && ui_signal == 0) {
		wint_t wch;
		int r;
		bool busy = ui->anim && (view_animating(&ui->s.v) ||
		    ui->hilite_until != 0);

		if (redraw != 0) {
			ui_draw(ui, redraw);
			doupdate();
		}
		redraw = 0;
		wtimeout(ui->small ? stdscr : ui->wstat, busy ? UI_FRAME_MS :
		    -1);
		r = wget_wch(ui->small ? stdscr : ui->wstat, &wch);
		if (r == ERR) {
			if (busy)
				redraw = ui_frame_tick(ui);
			continue;
		}
		if (r == KEY_CODE_YES && wch == KEY_RESIZE) {
			ui_layout(ui);
			redraw = UI_R_LAYOUT;
			continue;
		}
		if (ui->small) {
			ui->quit = wch == 'q' || wch == 3;
			continue;
		}
		redraw = ui_key(ui, r, wch);
	}
}

static bool
ui_load(struct ui *ui)
{
	struct script sc;
	struct script_err err;

	memset(&sc, 0, sizeof(sc));
	memset(&err, 0, sizeof(err));
	if (!script_load(ui->o->play, &sc, &err)) {
		const char *f = err.file[0] ? err.file : ui->o->play;

		if (err.line == 0)
			fprintf(stderr, "%s: %s\n", f, err.msg);
		else
			fprintf(stderr, "%s:%u:%u: %s\n", f, err.line,
			    err.column, err.msg);
		return false;
	}
	session_load(&ui->s, sc.cmds, sc.n);
	script_free(&sc);
	return true;
}

int
ui_main(const struct ui_opts *o)
{
	struct ui ui;

	memset(&ui, 0, sizeof(ui));
	ui.o = o;
	ui.anim = !o->no_animation;
	ui.speed = o->speed > 0 ? o->speed : 1.0;
	session_init(&ui.s);
	ui.s.v.num = VIEW_NUM_REL;
	if ((o->play != NULL && !ui_load(&ui)) || ui_refuse()) {
		session_free(&ui.s);
		return UI_EXIT_USAGE;
	}
	if (!ui_start(&ui)) {
		session_free(&ui.s);
		return UI_EXIT_USAGE;
	}
	if (o->play != NULL)
		ui_message(&ui, false, _("Lecture mode: press Space, n or Right "
		    "for the next step, p or Left to go back."));
	ui_loop(&ui);
	ui_term_end();
	session_free(&ui.s);
	ui_term_reraise();
	return UI_EXIT_OK;
}
