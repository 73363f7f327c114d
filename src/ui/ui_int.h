/*
 * Inside the curses layer: the state of the running UI, the windows it
 * paints into, colour roles and the table of named commands.
 *
 * Data model: struct ui owns the session (world, view model, commands) and
 * only presentation besides it: number mode, which in-flight segment is
 * chosen, how far the ladder is scrolled back, the message of the last
 * refused event, the prompt being typed, and which overlay is open.  Each
 * command handler returns the parts of the screen it invalidated (UI_R_*);
 * the main loop repaints only those, then one doupdate().
 */
#ifndef TCPTEACH_UI_UI_INT_H
#define TCPTEACH_UI_UI_INT_H

#include <curses.h>
#include <stdbool.h>
#include <stdint.h>
#include <wchar.h>

#include "ui/session.h"
#include "ui/ui.h"

#define UI_R_BOXES	0x01
#define UI_R_LADDER	0x02
#define UI_R_NARR	0x04
#define UI_R_MENU	0x08
#define UI_R_STATUS	0x10
#define UI_R_ALL	0x1f
#define UI_R_LAYOUT	0x20

#define UI_MIN_COLS 64
#define UI_MIN_ROWS 20

enum ui_role {
	ROLE_NORMAL,
	ROLE_PH_CLOSED,
	ROLE_PH_OPENING,
	ROLE_PH_ESTAB,
	ROLE_PH_CLOSING,
	ROLE_PH_TIME_WAIT,
	ROLE_C2S,
	ROLE_S2C,
	ROLE_LOST,
	ROLE_KEY,
	ROLE_DIM,
	ROLE_ERROR,
	ROLE_OK,
	ROLE_STATUS,
	ROLE_TITLE
};
#define UI_NROLES (ROLE_TITLE + 1)

enum ui_prompt { UI_P_NONE, UI_P_CMD, UI_P_SAVE };
enum ui_overlay { UI_O_NONE, UI_O_HELP, UI_O_WHATIF };

struct ui_glyphs {
	const char *hline, *vline, *rhead, *lhead, *lost, *tee, *bullet;
};

#define UI_PROMPT_MAX 256

struct ui {
	struct session s;
	const struct ui_opts *o;
	bool color;
	const struct ui_glyphs *g;
	attr_t role[UI_NROLES];
	bool anim;
	double speed;
	uint64_t last_tick;	/* ms, monotonic, while animating */
	uint64_t hilite_until;	/* ms; 0: no box highlighted */
	uint32_t sel;		/* chosen in-flight segment id, 0: oldest */
	size_t scroll;		/* ladder rows scrolled back from newest */
	int rows, cols;
	bool small;
	WINDOW *wbox[2], *wlad, *wnar, *wmenu, *wstat;
	int key;		/* the key being handled */
	int digit;
	enum ui_overlay overlay;
	int help_top;
	enum ui_prompt prompt;
	wchar_t pbuf[UI_PROMPT_MAX];
	size_t plen;
	char msg[640];
	bool msg_err;
	bool quit;
};

/* ui_cmd.c */
int ui_key(struct ui *ui, int r, wint_t wch);
int ui_event(struct ui *ui, const struct cmd *c);

/* ui_prompt.c */
int ui_prompt_key(struct ui *ui, int r, wint_t wch);
int ui_help_key(struct ui *ui, int key);

/* ui.c */
void ui_message(struct ui *ui, bool err, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void ui_start_anim(struct ui *ui);

/* ui.c: the terminal, shared by every full-screen mode (the simulator and
 * the quiz).  ui_term_start installs the signal handlers and starts
 * curses; after the loop, ui_term_end restores the terminal and
 * ui_term_reraise dies of the quit signal that ended it, if any. */
struct ui_look {
	bool color;
	const struct ui_glyphs *g;
	attr_t role[UI_NROLES];
};

const char *ui_term_unusable(void);
bool ui_term_start(bool ascii, struct ui_look *lk);
void ui_term_end(void);
int ui_term_signal(void);
void ui_term_reraise(void);
uint64_t ui_now_ms(void);
/* One animation frame of ui's session; returns what to redraw. */
int ui_frame_tick(struct ui *ui);

/* draw.c */
void ui_layout(struct ui *ui);
void ui_draw(struct ui *ui, int what);
void ui_draw_text(WINDOW *w, int y, int x, int cols, const char *s,
    attr_t a);

#endif
