/*
 * The curses side: the look shared by every screen (colour roles and
 * glyphs, chosen once when the terminal starts: term.c), what every
 * painter shares (paint.c), the painters of each screen, and the loop
 * (loop.c) that runs the stack of screens.
 *
 * Data model: a painter is attached to a screen when it is pushed (its
 * layout and draw functions, and its windows in sc->paint); the look is
 * one per terminal, as curses itself is.
 */
#ifndef TCPTEACH_UI_DRAW_INT_H
#define TCPTEACH_UI_DRAW_INT_H

#include <curses.h>

#include "ui/lesson_panel.h"
#include "ui/screen.h"
#include "ui/ui_int.h"

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

#define UI_TIME_W 9	/* the ladder's time column, "599.999s" and a gap */

struct ui_glyphs {
	const char *hline, *vline, *rhead, *lhead, *lost, *tee, *bullet;
	const char *cross;	/* where two segments pass on the wire */
};

struct ui_look {
	bool color;
	bool ascii;
	const struct ui_glyphs *g;
	attr_t role[UI_NROLES];
};

extern struct ui_look ui_look;

/* The simulator's windows (struct ui's win). */
struct ui_wins {
	WINDOW *box[2], *lad, *nar, *menu, *stat;
	int rows, cols;
};

/* term.c: the terminal. */
const char *ui_term_unusable(void);
/* Say on stderr why no full-screen program can run here; true if so. */
bool ui_term_refuse(const char *what, const char *instead);
bool ui_term_start(bool ascii);
void ui_term_end(void);
int ui_term_signal(void);
void ui_term_reraise(void);
/* The window the loop reads keys from (never painted). */
WINDOW *ui_term_keys(void);

/* loop.c: the one loop. */
/* An app whose screens get their painters when pushed. */
void ui_app_init(struct app *a);
/* Run the app until its stack is empty, q, or a quit signal. */
void ui_run(struct app *a);
/* Inside a long command (a lab's `wait`): paint the top screen now, and
 * whether a key was pressed meanwhile (read and dropped; a resize is
 * not a key, it repaints). */
void ui_repaint(struct app *a, int what);
bool ui_key_pressed(struct app *a);

/* paint.c: what every painter shares. */
WINDOW *ui_win(WINDOW *old, int h, int w, int y, int x);
void ui_delwin(WINDOW **w);
/* Delete the windows *all[0..n), each left NULL. */
void ui_delwins(WINDOW **const *all, size_t n);
/* Attach a painter that keeps windows: returns their struct, size bytes
 * zeroed, for the screen's state to hold until detach frees it. */
void *ui_paint_wins(struct screen *sc, size_t size,
    void (*layout)(struct screen *sc),
    void (*draw)(struct screen *sc, int what),
    void (*detach)(struct screen *sc));
void ui_draw_text(WINDOW *w, int y, int x, int cols, const char *s,
    attr_t a);
void ui_draw_text_n(WINDOW *w, int y, int x, const char *s, size_t n,
    attr_t a);
attr_t ui_panel_attr(enum lpanel_role r);
attr_t ui_phase_attr(enum ladder_phase p);
void ui_draw_bar(WINDOW *w, int y, int cols, const char *left,
    const char *right);
/* Wrapped text from row y, at most rows rows; returns the rows used. */
int ui_draw_para(WINDOW *w, int y, int x, int cols, int rows,
    const char *s, attr_t a);

/* draw.c, draw_ladder.c, draw_menu.c: the simulator. */
void ui_paint_attach(struct screen *sc);
void ui_layout_wins(struct ui *ui, struct ui_wins *w, int rows, int cols);
void ui_draw(struct ui *ui, int what);
void ui_wins_free(struct ui_wins *w);
void ui_timelines(const struct ui *ui, int *xc, int *xs);
void ui_draw_ladder(struct ui *ui);
void ui_draw_menu(struct ui *ui);
void ui_draw_status(struct ui *ui);

/* lesson_list.c, lesson_draw.c */
void lui_paint_attach(struct screen *sc);
void lui_lesson_attach(struct screen *sc);
/* log_draw.c */
void ui_log_attach(struct screen *sc);
/* quiz_draw.c */
void qui_paint_attach(struct screen *sc);
/* capture_draw.c */
void capui_paint_attach(struct screen *sc);

#endif
