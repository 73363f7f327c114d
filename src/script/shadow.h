/*
 * The lab screen's shadow: the simulated core (profile linux) playing the
 * learner's commands beside the kernels, so the narration can say where
 * the model would have acted differently.
 *
 * Data model: struct shadow is a simulated world and, for each side
 * (0 profile linux, 1 the kernels), the ISNs it has seen and the segments
 * it has sent since the last comparison (numbers relative to the
 * sender's and the receiver's ISN, as `script --compare` reads them).  A
 * comparison pairs each kernel segment with the model's of the same
 * contents, so that `deliver #N` of the kernels' segment N delivers its
 * pair in the model; a segment only the kernels sent has none.
 * The world's clock follows the lab's (real time since the lab started):
 * it is moved on before the comparison of each step and of each segment
 * the kernels send by themselves.  Comparisons ignore order within a
 * step: two kernels answer independently.  A segment one side sent and
 * the other not (yet) stays in its pool, held, for one more comparison
 * (timers and late answers); a known difference is said at once, and its
 * kernel segment stays to meet the model's later one.  Once profile
 * linux cannot do a command the kernels did (the segment is not in its
 * flight), it stops following until the shadow is made anew (undo).
 */
#ifndef TCPTEACH_SCRIPT_SHADOW_H
#define TCPTEACH_SCRIPT_SHADOW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sim/world.h"

#define SHADOW_MAXSEG 32

struct shadow_seg {
	uint32_t id;			/* on its side's wire */
	enum sim_dir dir;
	uint8_t flags;
	uint32_t seq, ack;		/* relative */
	uint16_t len;
	bool carried;	/* a known early one, kept to meet the model's */
	bool held;	/* unmet at one look: kept for one more before it
			 * is said */
	bool after_rst;	/* its host's segment before it was a RST */
};

struct shadow_side {
	bool has_isn[2];
	uint32_t isn[2];
	bool last_rst[2];	/* each host's newest segment was a RST */
	/* Since the last look: what the hosts sent, and the segments the
	 * learner put on the wire (dup, inject), which pair in order. */
	struct shadow_seg pool[SHADOW_MAXSEG];
	size_t npool;
	uint32_t made[SHADOW_MAXSEG];
	size_t nmade;
};

struct shadow {
	struct world w;
	bool following;
	struct shadow_side side[2];	/* 0 profile linux, 1 the kernels */
	/* pair[k - 1]: the model's segment that is the kernels' #k (the
	 * same contents in the same look), 0 where the model has none. */
	uint32_t *pair;
	size_t npair, cappair;
};

void shadow_init(struct shadow *sh);
void shadow_free(struct shadow *sh);

/* Command c was applied to the kernels (res: how it went there); kev[n]
 * is what they did, kstate their states after it, now the lab's clock in
 * ms.  Applies c to profile linux and compares.  True with one sentence
 * in buf where the two differ (or profile linux stops following here);
 * false where they agree or there is nothing to compare (an expect). */
bool shadow_step(struct shadow *sh, const struct cmd *c,
    const struct sim_result *res, const struct sim_ev *kev, size_t n,
    const enum tcp_state kstate[2], uint64_t now, char *buf, size_t size);
/* The same for what the kernels did by themselves by lab time now. */
bool shadow_tick(struct shadow *sh, const struct sim_ev *kev, size_t n,
    const enum tcp_state kstate[2], uint64_t now, char *buf, size_t size);

#endif
