/*
 * The terminal every full-screen mode runs on: its set-up and
 * restoration, the colour roles and glyphs (the look, one per terminal,
 * as curses itself is), and the signals.
 *
 * Flow control is off (IXON cleared), so Ctrl-S cannot freeze the
 * screen.  The terminal is restored on q, on SIGINT, SIGTERM and SIGHUP
 * (the handler only sets a flag the loop reads through ui_term_signal),
 * and on fatal signals (the handler calls endwin, then re-raises the
 * signal).  Keys are read by the loop (loop.c) from a window made here
 * that is never painted, so reading never repaints anything.
 */
#include <config.h>

#include <langinfo.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "lib/diag.h"
#include "lib/i18n.h"
#include "ui/draw_int.h"

struct ui_look ui_look;

static volatile sig_atomic_t ui_signal;
static bool ui_curses_on;
static WINDOW *ui_in;

static const struct ui_glyphs ui_utf8 = {
	"\u2500", "\u2502", "\u25b6", "\u25c0", "\u2717", "\u252c", "\u2022",
	"\u2573"
};
static const struct ui_glyphs ui_ascii = {
	"-", "|", ">", "<", "X", "+", "*", "x"
};

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

/* Why no full-screen program can work here, or NULL. */
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

/* what: "%s: the lessons need a terminal: %s.\n" and the like; instead:
 * what to use without one, with %s for the program name. */
bool
ui_term_refuse(const char *what, const char *instead)
{
	const char *why = ui_term_unusable();

	if (why == NULL)
		return false;
	/* Each mode says it in its own translated words, so the formats
	 * come from the caller's gettext calls. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	fprintf(stderr, what, diag_prog(), why);
	fprintf(stderr, instead, PACKAGE);
#pragma GCC diagnostic pop
	return true;
}

/* Ctrl-S and Ctrl-Q are keys, not flow control: a learner who presses
 * Ctrl-S (to save, out of habit) must not freeze the screen.  curses
 * keeps the modes it set as its "program mode", so it is saved again. */
static void
ui_no_flow_control(void)
{
	struct termios t;

	if (tcgetattr(STDIN_FILENO, &t) != 0)
		return;
	t.c_iflag &= ~(tcflag_t)(IXON | IXOFF);
	(void)tcsetattr(STDIN_FILENO, TCSANOW, &t);
	def_prog_mode();
}

bool
ui_term_start(bool ascii)
{
	const char *cs = nl_langinfo(CODESET);

	ui_signals();
	if (newterm(NULL, stdout, stdin) == NULL) {
		fprintf(stderr, _("%s: cannot use this terminal (TERM=%s).\n"),
		    diag_prog(), getenv("TERM"));
		return false;
	}
	ui_curses_on = true;
	cbreak();
	noecho();
	nonl();
	curs_set(0);
	set_escdelay(25);
	ui_no_flow_control();
	ui_roles(&ui_look);
	ui_look.ascii = ascii || cs == NULL || strcmp(cs, "UTF-8") != 0;
	ui_look.g = ui_look.ascii ? &ui_ascii : &ui_utf8;
	/* Keys are read from a window that is never painted, so reading
	 * never repaints anything. */
	ui_in = newwin(1, 1, 0, 0);
	keypad(ui_in, TRUE);
	/* A press is a click at once: no wait to tell it from a double. */
	mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED |
	    BUTTON5_PRESSED, NULL);
	mouseinterval(0);
	untouchwin(ui_in);
	wnoutrefresh(stdscr);
	return true;
}

void
ui_term_end(void)
{
	ui_delwin(&ui_in);
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
/* The window keys are read from (loop.c). */
WINDOW *
ui_term_keys(void)
{
	return ui_in;
}
