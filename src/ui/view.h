/*
 * The view model of the interactive simulator: plain data, no curses.
 *
 * Data model: the world hands out a trace of struct sim_ev records after
 * every command; view_feed() folds them into the shared ladder model
 * (sim/ladder.h: one row per segment or note, each host's state, notice
 * and ISNs), and keeps on top of it only what is the screen's: how far
 * each arrow is drawn across the ladder (struct view_anim, indexed like
 * the ladder's arrows), the number mode, and the narration of the last
 * command as a list of translated sentences.  The words (labels,
 * numbers, sentences) are the ladder's own, sim/ladder_text.h, and so
 * is the text of the state boxes, sim/ladder_box.h: the view only says
 * which moment a box shows while arrows move.
 *
 * Animation is a queue of (arrow, target progress) moves replayed in trace
 * order, so during `settle` each segment only starts when the one that
 * caused it has arrived.  Progress counts permille of the ladder's width.
 */
#ifndef TCPTEACH_UI_VIEW_H
#define TCPTEACH_UI_VIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/tcp.h"
#include "lib/utf8.h"
#include "sim/ladder.h"
#include "sim/ladder_box.h"
#include "sim/ladder_text.h"
#include "sim/world.h"

#define VIEW_MID 500		/* in flight: stopped half-way */
#define VIEW_END 1000		/* arrived */

/* How far the ladder's arrow of the same index is drawn. */
struct view_anim {
	unsigned shown;		/* progress drawn, 0..VIEW_END */
	bool started;		/* its first move has begun */
};

struct view_move {
	size_t arrow;
	unsigned target;
	enum tcp_state st[2];	/* the hosts' states while it moves */
	struct sim_nums nums[2];	/* and their numbers */
};

struct view {
	struct ladder lad;	/* rows, arrows, hosts: the shared model */
	struct view_anim *anim;	/* per ladder arrow */
	size_t capanim;
	char **narr;		/* sentences about the last command */
	size_t nnarr, capnarr;
	struct view_move *moves;	/* pending animation */
	size_t nmoves, capmoves, headmove;
	enum ladder_num num;	/* number mode of new narration */
	struct ladder_told told;	/* the narration's memory */
};

void view_init(struct view *v);
void view_free(struct view *v);
void view_reset(struct view *v);

/* Fold one command's trace; view_begin clears the narration first and
 * view_end places state changes that found no segment. */
void view_begin(struct view *v);
void view_feed(struct view *v, const struct sim_ev *ev, size_t n);
void view_end(struct view *v);
void view_narrate(struct view *v, const char *sentence);

/* Animation: advance by delta permille; true while something moves. */
bool view_animating(const struct view *v);
bool view_tick(struct view *v, unsigned delta);
void view_settle(struct view *v);
/* While arrows move, the state a box should show (the world is already
 * ahead); false when nothing moves. */
bool view_anim_state(const struct view *v, enum sim_host_id h,
    enum tcp_state *st);
bool view_anim_nums(const struct view *v, enum sim_host_id h,
    struct sim_nums *nums);


/* Ladder geometry (view_ladder.c): where an arrow going dir, drawn
 * shown permille of the way, with a label of width lw goes between the
 * time lines at columns xc (client) and xs (server). */
struct view_geom {
	int label_x, label_w;	/* label_w may be less than asked */
	int shaft_lo, shaft_hi;	/* inclusive; empty when lo > hi */
	int head_x;
	bool rightward;
};

void view_geom(enum sim_dir dir, unsigned shown, int xc, int xs, int lw,
    struct view_geom *g);
/* The widest label view_geom leaves whole between those time lines. */
int view_label_room(int xc, int xs);
/* The widest label that leaves the ladder's middle column to the shaft,
 * where both arrows of a crossing pair carry their mark. */
int view_cross_room(int xc, int xs);
/* The column of a crossing arrow's mark: the ladder's middle when its
 * label leaves it free, else a quarter of the way from the label's end (a
 * label that could not be shortened enough must not hide the mark); -1
 * while the shaft drawn does not reach it. */
int view_cross_x(const struct view_geom *g, int xc, int xs);
/* The first ladder row shown in a window of height rows, scrolled back
 * by scroll rows from the newest (clamped; updates *scroll). */
size_t view_first_row(const struct view *v, int rows, size_t *scroll);

/* Host h's state box (sim/ladder_box.h) as the animation stands: while
 * arrows move, the state and numbers as they stood when the moving
 * segment left, so the boxes keep step with the arrows. */
void view_box_build(const struct view *v, const struct world *w,
    enum sim_host_id h, enum ladder_num m, struct ladder_box *out);

/* The view folds what a session does (view_watch.c): its traces, the
 * verdicts of its checks, its replays. */
struct session;
void view_watch(struct view *v, struct session *s);

#endif
