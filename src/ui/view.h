/*
 * The view model of the interactive simulator: plain data, no curses.
 *
 * Data model: the world hands out a trace of struct sim_ev records after
 * every command; view_feed() folds them into what the screen shows.  Every
 * segment ever put on the wire becomes a struct view_arrow (its fate and how
 * far across the ladder it is drawn); the ladder is a list of struct
 * view_line rows, newest last, each either an arrow or a note (a state
 * change with no segment, such as TIME_WAIT expiring), with the state names
 * written in the margins beside it.  Each host keeps its state, the last
 * notice its application got, and the ISNs it has chosen (one per
 * incarnation of the connection), which the three number modes need.  The
 * narration of the last command is a list of translated sentences.
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
#include "sim/world.h"

enum view_num { VIEW_NUM_RAW, VIEW_NUM_REL, VIEW_NUM_SYM };
#define VIEW_NNUM 3

enum view_phase {
	VIEW_PH_CLOSED,
	VIEW_PH_OPENING,
	VIEW_PH_ESTAB,
	VIEW_PH_CLOSING,
	VIEW_PH_TIME_WAIT
};

enum view_fate { VIEW_FLIGHT, VIEW_DELIVERED, VIEW_LOST, VIEW_EXPIRED };

#define VIEW_MID 500		/* in flight: stopped half-way */
#define VIEW_END 1000		/* arrived */
#define VIEW_NOINC UINT32_MAX	/* no ISN known for this number */
#define VIEW_ISS_MAX 16

struct view_arrow {
	struct flight f;
	bool rexmit;
	uint32_t seq_inc;	/* sender's ISN incarnation, or VIEW_NOINC */
	uint32_t ack_inc;	/* receiver's ISN incarnation */
	enum view_fate fate;
	unsigned shown;		/* progress drawn, 0..VIEW_END */
	bool started;		/* its first move has begun */
	size_t line;		/* its row in the ladder */
	uint32_t crossed;	/* the id of a segment it passed on the
				 * wire going the other way, or 0 */
};

struct view_line {
	bool is_arrow;
	size_t arrow;		/* index in arrows when is_arrow */
	enum sim_host_id note_host;	/* notes: whose time line */
	enum tcp_why why;		/* notes: why the state changed */
	bool has_state[2];
	enum tcp_state state[2];	/* margin text per host */
	unsigned step;
	uint64_t time;		/* simulated ms when it happened */
};

struct view_host {
	enum tcp_state state;
	bool changed;		/* in the last command: highlight the box */
	bool has_notice;
	enum tcp_notice notice;	/* the newest notice */
	bool crashed;
	bool shut_wr;		/* the application called shutdown() */
	uint64_t bytes_in;
	struct sim_nums nums;	/* as of the last happening folded */
	unsigned niss;
	uint32_t iss[VIEW_ISS_MAX];
};

struct view_move {
	size_t arrow;
	unsigned target;
	enum tcp_state st[2];	/* the hosts' states while it moves */
	struct sim_nums nums[2];	/* and their numbers */
};

struct view {
	struct view_arrow *arrows;
	size_t narrows, caparrows;
	struct view_line *lines;
	size_t nlines, caplines;
	struct view_host host[2];
	char **narr;		/* sentences about the last command */
	size_t nnarr, capnarr;
	struct view_move *moves;	/* pending animation */
	size_t nmoves, capmoves, headmove;
	unsigned step;
	uint64_t now;		/* simulated ms of the happening folded */
	enum view_num num;	/* number mode of new narration */
	/* where the command being folded stands */
	bool delivering;
	size_t deliver_arrow;
	bool pend[2];
	enum tcp_state pend_state[2];
	enum tcp_why pend_why[2];
	size_t state_row[2];	/* newest row with a state, per host, +1 */
	enum tcp_why told;	/* the last reason narrated */
	enum sim_host_id told_host;	/* and whose it was */
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
char *view_cross_text(const struct view_arrow *a, char *buf, size_t size);

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

const struct view_arrow *view_arrow_by_id(const struct view *v, uint32_t id);

/* Text (view_text.c). */
enum view_phase view_phase_of(enum tcp_state s);
char *view_num(const struct view *v, enum view_num m, enum sim_host_id owner,
    uint32_t inc, uint32_t x, char *buf, size_t size);
bool view_num_is_raw(const struct view *v, enum view_num m,
    enum sim_host_id owner, uint32_t inc, uint32_t x);
char *view_label(const struct view *v, const struct view_arrow *a,
    enum view_num m, char *buf, size_t size);
char *view_label_fit(const struct view *v, const struct view_arrow *a,
    enum view_num m, int width, char *buf, size_t size);
const char *view_num_name(enum view_num m);
const char *view_num_short(enum view_num m);
const char *view_app_text(const struct view_host *h,
    const struct tcp_tcb *tcb);
const char *view_host_name(enum sim_host_id h);
char *view_dur(uint64_t ms, char *buf, size_t size);
char *view_event_text(struct view *v, const struct sim_ev *ev,
    char *buf, size_t size);


/* Ladder geometry (view_ladder.c): where an arrow of label width lw is
 * drawn between the time lines at columns xc (client) and xs (server). */
struct view_geom {
	int label_x, label_w;	/* label_w may be less than asked */
	int shaft_lo, shaft_hi;	/* inclusive; empty when lo > hi */
	int head_x;
	bool rightward;
};

void view_geom(const struct view_arrow *a, int xc, int xs, int lw,
    struct view_geom *g);
/* The widest label view_geom leaves whole between those time lines. */
int view_label_room(int xc, int xs);
/* The first ladder row shown in a window of height rows, scrolled back
 * by scroll rows from the newest (clamped; updates *scroll). */
size_t view_first_row(const struct view *v, int rows, size_t *scroll);

/* State box content (view_narr.c). */
struct view_box {
	char state[32];
	enum view_phase phase;
	bool hilite;
	char app[160];
	char nums[2][96];
	char timers[160];
};

/* Status line (view_narr.c): steps that are not what-if switches, and
 * the profile with the switches that differ from its defaults. */
size_t view_steps(const struct cmd *c, size_t n);
char *view_switches(const struct world *w, char *buf, size_t size);

void view_box_build(const struct view *v, const struct world *w,
    enum sim_host_id h, enum view_num m, struct view_box *out);
/* The timers line alone: tcb's armed timers, time left at w->now. */
void view_box_timers(const struct world *w, const struct tcp_tcb *tcb,
    struct view_box *out);

#endif
