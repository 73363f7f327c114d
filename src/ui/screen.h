/*
 * The shape of every full-screen mode (tmux's window modes, htop's
 * ScreenManager), without curses: a test links this and runs any command
 * of any screen by name with no terminal.
 *
 * Data model: a struct screen_def is a kind of screen: its named commands
 * (struct screen_cmd: a name, a help msgid, a handler, an applies()
 * predicate), its key table (struct screen_key: a key or a range of keys
 * bound to a command name, with the offset in the range as the command's
 * argument), and what it does with an unbound key, on a tick, while busy
 * and when popped; a screen may hold an inner one (a lesson holds a
 * simulator) that gets its unbound keys.  A struct screen is one instance:
 * its def, its state, the painters the curses side attached (layout, draw)
 * and the text it scrolls with the shared line and page commands, if any
 * (struct scroll, lib/scroll.h).  struct app is the one loop's state: the
 * stack of screens (the top one gets the keys), the message or refusal
 * shown, the line being typed at a prompt with its history
 * (lib/lineedit.h), a yes/no question, and whether to quit.  Handlers
 * change the state, say what to repaint (UI_R_* bits, each screen naming
 * its own parts) and never call curses.  Keys are Unicode characters or
 * UI_K_* codes above Unicode, so a typed character can never be taken for
 * a function key.
 */
#ifndef TCPTEACH_UI_SCREEN_H
#define TCPTEACH_UI_SCREEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lib/lineedit.h"
#include "lib/scroll.h"

/* What to repaint: five parts, named by each screen, and the whole. */
#define UI_R_P0		0x01
#define UI_R_P1		0x02
#define UI_R_P2		0x04
#define UI_R_P3		0x08
#define UI_R_P4		0x10
#define UI_R_ALL	0x1f
#define UI_R_LAYOUT	0x20	/* the windows must be made again */
#define UI_R_CLEAR	0x40	/* forget what is on the glass */

/* Function keys, above every Unicode character. */
enum ui_key {
	UI_K_BASE = 0x200000,
	UI_K_UP, UI_K_DOWN, UI_K_LEFT, UI_K_RIGHT, UI_K_PGUP, UI_K_PGDN,
	UI_K_HOME, UI_K_END, UI_K_BTAB, UI_K_ENTER, UI_K_BACKSPACE, UI_K_DEL,
	UI_K_F1, UI_K_SF, UI_K_SR, UI_K_OTHER,
	UI_K_CLICK	/* a mouse click, at the app's mouse_y, mouse_x */
};
#define UI_CTRL(c) ((c) & 0x1f)
#define UI_ESC 27

struct screen;
struct screen_cmd;

/* The parameters of every command handler; most use only sc. */
#define SCREEN_CMD_ARGS struct screen *sc, \
    const struct screen_cmd *c __attribute__((unused)), \
    int arg __attribute__((unused))

/* Returned by a fallback that did nothing with the key. */
#define UI_UNBOUND (-1)

#define SCREEN_CMD_NOHELP 0x1	/* left out of the help screen */

struct screen_cmd {
	const char *name;
	const char *help;	/* msgid */
	int (*fn)(struct screen *sc, const struct screen_cmd *c, int arg);
	const void *data;	/* what the handler acts on (an event) */
	unsigned flags;
	/* NULL: always; else whether it acts now (else the key falls
	 * through to the screen's fallback). */
	bool (*applies)(const struct screen *sc);
};

struct screen_key {
	int key, last;		/* last 0: the one key */
	const char *cmd;
	int arg;		/* plus the key's offset in key..last */
	const char *shown;	/* how help names the key(s); NULL: alias */
};

struct screen_def {
	const char *name;
	const struct screen_cmd *cmds;
	size_t ncmds;
	const struct screen_key *keys;
	size_t nkeys;
	int min_rows, min_cols;
	/* An unbound key: what to repaint, or UI_UNBOUND (NULL: the inner
	 * screen's keys, if any). */
	int (*fallback)(struct screen *sc, int key);
	/* Time passed (monotonic ms): what to repaint. */
	int (*tick)(struct screen *sc, uint64_t now);
	/* How long the loop may sleep (ms), or -1: until a key comes. */
	int (*busy)(const struct screen *sc, uint64_t now);
	/* The screen is popped: free what it owns. */
	void (*leave)(struct screen *sc);
	/* A screen whose entries help lists after this one's (a lesson's
	 * simulator), or NULL. */
	struct screen *(*inner)(const struct screen *sc);
	/* Whether, as an inner screen, it takes every key now (the
	 * simulator's what-if switches are open), or NULL. */
	bool (*grabs)(const struct screen *sc);
	/* The heading help lists command c under, after the others: its
	 * keys mean it only in another mode (the what-if switches' digits
	 * are segment numbers otherwise).  NULL, or NULL returned: the
	 * screen's own list. */
	const char *(*section)(const struct screen_cmd *c);
	/* Whether help lists command c here, or NULL: all of them (the lab
	 * shares the simulator's tables but cannot crash a host). */
	bool (*offers)(const struct screen_cmd *c);
};

/* A screen's two tables with their lengths, for a screen_def's
 * designated initialiser, which then names only what differs:
 * { .name = "log", SCREEN_TABLES(log_cmds, log_keys), .min_rows = 10 }. */
#define SCREEN_NELEM(a) (sizeof(a) / sizeof((a)[0]))
#define SCREEN_TABLES(c, k) .cmds = (c), .ncmds = SCREEN_NELEM(c), \
	.keys = (k), .nkeys = SCREEN_NELEM(k)

struct screen {
	const struct screen_def *def;
	void *state;
	struct app *app;
	int rows, cols;
	/* Attached by the curses side; NULL in tests. */
	void (*layout)(struct screen *sc);
	void (*draw)(struct screen *sc, int what);
	void (*detach)(struct screen *sc);	/* free the windows */
	/* Descriptors the loop waits on with the terminal (the kernel
	 * lab's TUN devices): up to max in fds, the count; and what to do
	 * when one is readable (what to repaint).  NULL: none. */
	int (*fds)(struct screen *sc, int *fds, int max);
	int (*fd_ready)(struct screen *sc);
	/* The text SCREEN_TEXT_CMDS scroll (the help, the event log). */
	struct scroll *text;
};

#define APP_DEPTH 8

enum app_ask { APP_ASK_NONE, APP_ASK_YESNO, APP_ASK_STRICT };

struct app {
	struct screen *stack[APP_DEPTH];
	size_t depth;
	char msg[640];
	bool msg_err;
	/* The prompt: a label, and the line typed so far with the lines
	 * entered before, each with its prompt's label (Up and Down recall
	 * those of the same prompt). */
	const char *plabel;	/* NULL: no prompt */
	struct lineedit ed;
	struct screen *pscreen;
	int (*pdone)(struct screen *sc, const char *text);
	/* Tab: the line completed into out, the candidates listed in
	 * list (NULL: Tab does nothing at this prompt). */
	size_t (*pcomplete)(const char *line, char *out, size_t size,
	    char *list, size_t lsize);
	/* A yes/no question. */
	enum app_ask ask;
	char asktext[320];
	struct screen *askscreen;
	int (*askdone)(struct screen *sc, bool yes);
	int askkey;		/* the key that answered (y, n, Esc ...) */
	unsigned long nkeys;	/* keys handled so far, this one included */
	int mouse_y, mouse_x;	/* where the last UI_K_CLICK was */
	bool quit;
	/* Called on every push: the curses side attaches its painters. */
	void (*attach)(struct screen *sc);
};

void app_init(struct app *a);
/* Pop every screen left (each leave()s). */
void app_free(struct app *a);
struct screen *app_top(const struct app *a);
void app_push(struct app *a, struct screen *sc);
/* Pop the top screen; the loop ends when none is left. */
void app_pop(struct app *a);

void screen_message(struct screen *sc, bool err, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void screen_prompt(struct screen *sc, const char *label, const char *text,
    int (*done)(struct screen *sc, const char *text));
/* After screen_prompt: Tab completes with fn. */
void screen_prompt_complete(struct screen *sc, size_t (*fn)(const char *line,
    char *out, size_t size, char *list, size_t lsize));
void screen_ask(struct screen *sc, enum app_ask kind, const char *text,
    int (*done)(struct screen *sc, bool yes));

/* How help shows the first key bound to cmd, or NULL. */
const char *screen_key_shown(const struct screen_def *d, const char *cmd);
/* Run a command by name (tests, fallbacks); UI_UNBOUND if none. */
int screen_run(struct screen *sc, const char *name, int arg);
/* The binding of key on this screen whose command applies now. */
const struct screen_key *screen_binding(const struct screen *sc, int key,
    const struct screen_cmd **cmd);
/* A key for the screen: to its inner screen if that grabs keys now, else
 * its binding whose command applies, else its fallback or its inner
 * screen. */
int screen_key(struct screen *sc, int key);
/* A key for the app: the prompt, the question, else the top screen. */
int app_key(struct app *a, int key);
/* The shortest sleep (ms) any screen of the stack asks for, or -1: until
 * a key comes. */
int app_timeout(const struct app *a, uint64_t now);
/* Time passed for every screen of the stack (an exam's clock runs under
 * its help); what the top one, the one shown, must repaint. */
int app_tick(struct app *a, uint64_t now);

/* A row of the help screen: the keys bound to a command, joined as help
 * shows them, and what it does; a heading's keys are "". */
#define SCREEN_HELP_KEYS 64
struct screen_help_row {
	char keys[SCREEN_HELP_KEYS];
	const char *help;	/* translated */
};
/* The help of sc: its commands bound to keys, each mode's under its
 * heading, then those of its inner screen not shadowed.  Returns how
 * many rows; *rows is the caller's to free. */
size_t screen_help(const struct screen *sc, struct screen_help_row **rows);

/* Commands every screen has: open the help screen (generated from the
 * screen's commands and key table), repaint everything, and close the
 * screen (pop it: back to the one under it, or out). */
int screen_h_help(SCREEN_CMD_ARGS);
int screen_h_redraw(SCREEN_CMD_ARGS);
int screen_h_close(SCREEN_CMD_ARGS);

/* A text that scrolls (sc->text): its "line" and "page" (half the
 * screen's height) commands, with their help msgids, and their keys;
 * arg is the direction. */
int screen_h_line(SCREEN_CMD_ARGS);
int screen_h_page(SCREEN_CMD_ARGS);
#define SCREEN_TEXT_CMDS(line_help, page_help) \
	{ "line", line_help, screen_h_line, NULL, 0, NULL }, \
	{ "page", page_help, screen_h_page, NULL, 0, NULL }
#define SCREEN_SCROLL_KEYS \
	{ UI_K_DOWN, 0, "line", 1, "Down" }, \
	{ UI_K_UP, 0, "line", -1, "Up" }, \
	{ UI_K_PGDN, 0, "page", 1, "PgDn" }, \
	{ ' ', 0, "page", 1, "Space" }, \
	{ UI_K_PGUP, 0, "page", -1, "PgUp" }
/* Enter, as a terminal may send it (CR, LF or the keypad's), bound to
 * cmd and shown once. */
#define SCREEN_ENTER_KEYS(cmd) \
	{ '\r', 0, cmd, 0, "Enter" }, { '\n', 0, cmd, 0, NULL }, \
	{ UI_K_ENTER, 0, cmd, 0, NULL }

/* The help screen's state: whose keys, its rows and how they are
 * scrolled. */
struct screen_helpst {
	struct screen sc;
	const struct screen *of;
	struct screen_help_row *rows;
	struct scroll text;
};
extern const struct screen_def screen_help_def;

#endif
