/*
 * A host's state box beside the ladder, as text: its state and the
 * colour phase of it, what its application sees, its numbers in the
 * ladder's number mode and its armed timers with the time left on the
 * simulated clock (never the wall clock).  No curses: the simulator's
 * boxes, the kernel lab's and any other front end fill one and draw it.
 *
 * Data model: struct ladder_box holds finished lines of text; the state
 * and numbers shown are the world's own unless the caller passes those
 * of another moment (the simulator, while an arrow still moves, shows
 * them as they stood when it left).  The ISN incarnations the numbers
 * count from are the ladder's (sim/ladder.h).  ladder_box.c.
 */
#ifndef TCPTEACH_SIM_LADDER_BOX_H
#define TCPTEACH_SIM_LADDER_BOX_H

#include <stdbool.h>

#include "core/tcp.h"
#include "sim/ladder.h"
#include "sim/ladder_text.h"
#include "sim/world.h"

/* The phase of the connection a state belongs to: its box's colour. */
enum ladder_phase {
	LADDER_PH_CLOSED,
	LADDER_PH_OPENING,
	LADDER_PH_ESTAB,
	LADDER_PH_CLOSING,
	LADDER_PH_TIME_WAIT
};

struct ladder_box {
	char state[32];
	enum ladder_phase phase;
	bool hilite;		/* the state changed in the newest step */
	char app[160];
	char nums[2][96];	/* "ISS .. RCV.NXT ..", "SND.UNA .." */
	char timers[160];
};

enum ladder_phase ladder_phase_of(enum tcp_state s);
/* Host h's box in number mode m; st and n, if not NULL, are the state
 * and numbers to show instead of h's TCB's own. */
void ladder_box_build(const struct ladder *l, const struct world *w,
    enum sim_host_id h, enum ladder_num m, const enum tcp_state *st,
    const struct sim_nums *n, struct ladder_box *out);
/* The timers line alone: tcb's armed timers, time left at w->now. */
void ladder_box_timers(const struct world *w, const struct tcp_tcb *tcb,
    struct ladder_box *out);

#endif
