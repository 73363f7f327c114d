/*
 * The one loop of every full-screen mode, and the parts that are the
 * same on every screen: the painters attached to each kind of screen, the
 * too-small screen, the help screen, the prompt and yes/no line.
 *
 * Idle, the loop blocks in wget_wch with no timeout, so tcpteach uses no
 * CPU while the learner thinks; it wakes early only when a screen of the
 * stack is busy (an arrow moves, an exam clock runs: app_timeout) and
 * then ticks them (app_tick).  Keys are read here and nowhere else, from
 * the terminal's key window (term.c), and turned into UI_K_* codes only
 * when curses says they are function keys, so a typed U+0102 stays a
 * character.  KEY_RESIZE is handled here and nowhere else.  The loop
 * ends on q, when the stack is empty, or when a quit signal arrived
 * (term.c).
 */
#include <config.h>

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "lib/i18n.h"
#include "lib/mono.h"
#include "ui/capture_ui.h"
#include "ui/draw_int.h"
#include "ui/lesson_int.h"
#include "ui/quiz_int.h"

static WINDOW *ui_line;		/* the prompt's, over the bottom line */

/* Each screen's painter; a new kind of screen adds a line. */
static void ui_help_attach(struct screen *sc);

static const struct {
	const struct screen_def *def;
	void (*attach)(struct screen *);
} ui_painters[] = {
	{ &ui_sim_def, ui_paint_attach },
	{ &ui_play_def, ui_paint_attach },
	{ &ui_lab_def, ui_paint_attach },
	{ &lui_list_def, lui_paint_attach },
	{ &lui_lesson_def, lui_paint_attach },
	{ &qui_drill_def, qui_paint_attach },
	{ &qui_exam_def, qui_paint_attach },
	{ &screen_help_def, ui_help_attach },
	{ &capui_list_def, capui_paint_attach },
	{ &ui_log_def, ui_log_attach },
};

static void
ui_attach(struct screen *sc)
{
	for (size_t i = 0; i < SCREEN_NELEM(ui_painters); i++)
		if (ui_painters[i].def == sc->def)
			ui_painters[i].attach(sc);
}

void
ui_app_init(struct app *a)
{
	app_init(a);
	a->attach = ui_attach;
}

/* The help's rows (screen.c makes them from the commands and key table
 * of the screen below), from the first one scrolled to. */
static void
ui_help_draw(struct screen *sc, int what)
{
	struct screen_helpst *h = sc->state;
	int kw = 14, y = 1;

	(void)what;
	werase(stdscr);
	/* Space scrolls too: "any key closes" would be wrong. */
	ui_draw_bar(stdscr, 0, sc->cols, _("tcpteach keys: Space, PgDn, "
	    "PgUp, Up, Down scroll; any other key closes"), "");
	for (size_t i = h->text.top; i < h->text.n && y < sc->rows; i++) {
		const struct screen_help_row *r = &h->rows[i];

		if (r->keys[0] == '\0') {
			ui_draw_text(stdscr, y++, 1, sc->cols - 2, r->help,
			    ui_look.role[ROLE_TITLE]);
			continue;
		}
		ui_draw_text(stdscr, y, 1, sc->cols - 2, r->keys,
		    ui_look.role[ROLE_KEY]);
		/* Keys too many for their column get a row of their own:
		 * cut, "Space n Right" read as "Space n R" (restart). */
		if (utf8_width(r->keys) > kw && ++y >= sc->rows)
			break;
		y += ui_draw_para(stdscr, y, kw + 2, sc->cols - kw - 3,
		    sc->rows - y, r->help, A_NORMAL);
	}
	wnoutrefresh(stdscr);
}

static void
ui_help_attach(struct screen *sc)
{
	sc->draw = ui_help_draw;
}

static bool
ui_small(const struct screen *sc)
{
	return sc->rows < sc->def->min_rows || sc->cols < sc->def->min_cols;
}

static void
ui_draw_small(const struct screen *sc)
{
	char buf[256];

	werase(stdscr);
	/* TRANSLATORS: current columns x rows, needed columns x rows. */
	snprintf(buf, sizeof(buf), _("Terminal too small: %dx%d. tcpteach "
	    "needs at least %dx%d. Enlarge the window, or press q to quit."),
	    sc->cols, sc->rows, sc->def->min_cols, sc->def->min_rows);
	ui_draw_para(stdscr, 0, 1, sc->cols - 2, sc->rows, buf, A_BOLD);
	curs_set(0);
	wnoutrefresh(stdscr);
}

/* The prompt or the yes/no question, over the bottom line. */
static void
ui_draw_line(const struct app *a, const struct screen *sc)
{
	char buf[LINEEDIT_BYTES];
	int hw, used;

	if (a->plabel == NULL && a->ask == APP_ASK_NONE) {
		curs_set(0);
		return;
	}
	ui_line = ui_win(ui_line, 1, sc->cols, sc->rows - 1, 0);
	if (a->plabel == NULL) {
		ui_draw_text(ui_line, 0, 1, sc->cols - 2, a->asktext, A_BOLD |
		    ui_look.role[ROLE_KEY]);
		curs_set(0);
		wnoutrefresh(ui_line);
		return;
	}
	hw = utf8_width(a->plabel);
	lineedit_text(&a->ed, buf, sizeof(buf));
	ui_draw_text(ui_line, 0, 0, sc->cols, a->plabel, A_BOLD);
	ui_draw_text(ui_line, 0, hw, sc->cols - hw - 1, buf, A_NORMAL);
	utf8_fit(buf, sc->cols - hw - 1, &used);
	wmove(ui_line, 0, hw + used);
	curs_set(1);
	wnoutrefresh(ui_line);
}

static void
ui_paint(struct app *a, struct screen *sc, int what)
{
	if (what & UI_R_LAYOUT) {
		getmaxyx(stdscr, sc->rows, sc->cols);
		if (!ui_small(sc) && sc->layout != NULL)
			sc->layout(sc);
		what |= UI_R_ALL;
	}
	if (what & UI_R_CLEAR)
		clearok(curscr, TRUE);
	if (ui_small(sc)) {
		ui_draw_small(sc);
		return;
	}
	if (sc->draw != NULL)
		sc->draw(sc, what);
	ui_draw_line(a, sc);
}

#define UI_WAIT_FDS 8

/* Wait until a key, a tick or a descriptor of a screen of the stack (the
 * kernel lab's TUN devices).  With no such descriptor it is wget_wch's
 * own wait; with some, one poll() on them and the terminal, so an idle
 * lab uses no CPU either.  A readable descriptor is handed to its screen
 * (redraw gets what to repaint); returns whether a key may be read now. */
static bool
ui_wait(struct app *a, int timeout, int *redraw)
{
	struct pollfd p[1 + UI_WAIT_FDS];
	struct screen *of[1 + UI_WAIT_FDS];
	nfds_t n = 1;
	int fds[UI_WAIT_FDS];

	for (size_t i = 0; i < a->depth; i++) {
		struct screen *sc = a->stack[i];
		int k = sc->fds != NULL ? sc->fds(sc, fds,
		    UI_WAIT_FDS - (int)(n - 1)) : 0;

		for (int j = 0; j < k; j++) {
			p[n].fd = fds[j];
			p[n].events = POLLIN;
			of[n++] = sc;
		}
	}
	if (n == 1) {
		wtimeout(ui_term_keys(), timeout);
		return true;
	}
	p[0].fd = STDIN_FILENO;
	p[0].events = POLLIN;
	if (poll(p, n, timeout) < 0)
		return errno == EINTR;	/* a resize is a key */
	for (nfds_t i = 1; i < n; i++)
		if (p[i].revents != 0 && of[i]->fd_ready != NULL &&
		    (i == 1 || of[i] != of[i - 1] || p[i - 1].revents == 0))
			*redraw |= of[i]->fd_ready(of[i]);
	wtimeout(ui_term_keys(), 0);
	return p[0].revents != 0;
}

static int
ui_key_code(int r, wint_t wch)
{
	static const struct {
		int curses, ui;
	} map[] = {
		{ KEY_UP, UI_K_UP }, { KEY_DOWN, UI_K_DOWN },
		{ KEY_LEFT, UI_K_LEFT }, { KEY_RIGHT, UI_K_RIGHT },
		{ KEY_PPAGE, UI_K_PGUP }, { KEY_NPAGE, UI_K_PGDN },
		{ KEY_HOME, UI_K_HOME }, { KEY_END, UI_K_END },
		{ KEY_BTAB, UI_K_BTAB }, { KEY_ENTER, UI_K_ENTER },
		{ KEY_BACKSPACE, UI_K_BACKSPACE }, { KEY_DC, UI_K_DEL },
		{ KEY_F(1), UI_K_F1 }, { KEY_SF, UI_K_SF }, { KEY_SR, UI_K_SR },
	};

	if (r != KEY_CODE_YES)
		return (int)wch;
	for (size_t i = 0; i < SCREEN_NELEM(map); i++)
		if ((int)wch == map[i].curses)
			return map[i].ui;
	return UI_K_OTHER;
}

/* A mouse event as a key: a click (where it was goes in a), or the
 * wheel as Up and Down; 0 for what nothing uses (a release), and for
 * any click while a prompt or a question waits for its keys. */
static int
ui_mouse_key(struct app *a)
{
	MEVENT ev;

	if (getmouse(&ev) != OK || a->plabel != NULL ||
	    a->ask != APP_ASK_NONE)
		return 0;
	if (ev.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)) {
		a->mouse_y = ev.y;
		a->mouse_x = ev.x;
		return UI_K_CLICK;
	}
	if (ev.bstate & BUTTON4_PRESSED)
		return UI_K_UP;
	return ev.bstate & BUTTON5_PRESSED ? UI_K_DOWN : 0;
}

void
ui_repaint(struct app *a, int what)
{
	struct screen *sc = app_top(a);

	if (sc == NULL)
		return;
	ui_paint(a, sc, what);
	doupdate();
}

/* The one place keys are read: false when none was there; else true with
 * key a Unicode character or a UI_K_* code, or -1 for a resize (redraw
 * told) or a mouse event that means nothing. */
static bool
ui_read_key(struct app *a, int *key, int *redraw)
{
	wint_t wch;
	int r = wget_wch(ui_term_keys(), &wch), m;

	*key = -1;
	if (r == ERR)
		return false;
	if (r == KEY_CODE_YES && wch == KEY_RESIZE)
		*redraw |= UI_R_LAYOUT | UI_R_CLEAR;
	else if (r == KEY_CODE_YES && wch == KEY_MOUSE)
		*key = (m = ui_mouse_key(a)) != 0 ? m : -1;
	else
		*key = ui_key_code(r, wch);
	return true;
}

bool
ui_key_pressed(struct app *a)
{
	int key, redraw = 0;

	wtimeout(ui_term_keys(), 0);
	while (ui_read_key(a, &key, &redraw)) {
		if (key >= 0)
			return true;
		if (redraw != 0)
			ui_repaint(a, redraw);
		redraw = 0;
	}
	return false;
}

void
ui_run(struct app *a)
{
	struct screen *shown = NULL;
	int redraw = 0;

	while (!a->quit && ui_term_signal() == 0 &&
	    app_top(a) != NULL) {
		struct screen *sc = app_top(a);
		bool got;
		int key;

		/* Another screen, or a new size: forget what is on the
		 * glass (the first frame starts from a clear screen). */
		if (sc != shown)
			redraw |= UI_R_LAYOUT | (shown != NULL ? UI_R_CLEAR : 0);
		shown = sc;
		if (redraw != 0) {
			ui_paint(a, sc, redraw);
			doupdate();
		}
		redraw = 0;
		if (!ui_wait(a, app_timeout(a, mono_ms()), &redraw)) {
			redraw |= app_tick(a, mono_ms());
			continue;
		}
		got = ui_read_key(a, &key, &redraw);
		redraw |= app_tick(a, mono_ms());
		if (!got || key < 0)
			continue;
		if (ui_small(sc))
			a->quit = key == 'q' || key == UI_CTRL('c');
		else
			redraw |= app_key(a, key);
	}
	ui_delwin(&ui_line);
}
