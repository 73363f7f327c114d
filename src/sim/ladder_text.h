/*
 * The ladder's words, for any front end that shows a ladder (the
 * simulator's screen, the event log, the lesson and capture screens):
 * numbers in three modes, segment labels, notes, narration sentences
 * with their RFC reasons, what an application sees, durations, the status
 * line's switches and the rules in force.  Translated text; no curses,
 * no layout beyond a width in display columns.  ladder_text.c and
 * ladder_narr.c.
 */
#ifndef TCPTEACH_SIM_LADDER_TEXT_H
#define TCPTEACH_SIM_LADDER_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/tcp.h"
#include "sim/ladder.h"
#include "sim/world.h"

/* How sequence numbers are shown: as on the wire, minus the ISN of
 * their incarnation, or as J+1, K'+1. */
enum ladder_num { LADDER_NUM_RAW, LADDER_NUM_REL, LADDER_NUM_SYM };
#define LADDER_NNUM 3

const char *ladder_num_name(enum ladder_num m);		/* "raw numbers" */
const char *ladder_num_short(enum ladder_num m);	/* "raw" */
/* x of owner's sequence space, incarnation inc, in mode m. */
char *ladder_num(const struct ladder *l, enum ladder_num m,
    enum sim_host_id owner, uint32_t inc, uint32_t x, char *buf,
    size_t size);
/* Whether mode m must show x raw: it belongs to no known incarnation. */
bool ladder_num_is_raw(const struct ladder *l, enum ladder_num m,
    enum sim_host_id owner, uint32_t inc, uint32_t x);
/* "#2 SYN+ACK seq=0 ack=1 [rexmit]" */
char *ladder_label(const struct ladder *l, const struct ladder_arrow *a,
    enum ladder_num m, char *buf, size_t size);
/* The label in width display columns, shortened by fixed rules. */
char *ladder_label_fit(const struct ladder *l, const struct ladder_arrow *a,
    enum ladder_num m, int width, char *buf, size_t size);
/* The label of an arrow that may cross another: in cross_width (which
 * leaves room for the crossing mark) when that keeps every number and
 * tag whole, else in width; an arrow that crosses none, in width. */
char *ladder_label_cross(const struct ladder *l, const struct ladder_arrow *a,
    enum ladder_num m, int width, int cross_width, char *buf, size_t size);
/* A state note's words after bullet: why the state changed, and the
 * segment whose arrival changed it ("• #3: the ACK acknowledges our
 * SYN"). */
char *ladder_note_text(const struct ladder_row *r, const char *bullet,
    char *buf, size_t size);
/* What the host's application sees ("connect() waiting"). */
const char *ladder_app_text(const struct ladder_host *h,
    const struct tcp_tcb *tcb);
const char *sim_host_text(enum sim_host_id h);	/* "client", translated */
char *sim_dur_text(uint64_t ms, char *buf, size_t size);	/* "1.5s" */
/* A time on the clock, always to the millisecond: "63.050s". */
char *sim_clock_text(uint64_t ms, char *buf, size_t size);
/* Seconds with only the decimals needed, at most three, no unit: "4",
 * "4.15", "120.001" (the diagram's times, the quiz's answers). */
char *sim_seconds_text(uint64_t ms, char *buf, size_t size);
/* A capture's time to the microsecond, "0.000014s": captures of a
 * loopback connection last less than a millisecond. */
char *sim_clock_us_text(uint64_t us, char *buf, size_t size);

/* What the narration remembers between sentences. */
struct ladder_told {
	enum tcp_why why;		/* the last reason narrated */
	enum sim_host_id host;		/* and whose it was */
};

/* One trace record as a sentence, or NULL when it says nothing; labels
 * come from l in mode m.  Call after folding ev into l. */
char *ladder_event_text(const struct ladder *l, enum ladder_num m,
    struct ladder_told *told, const struct sim_ev *ev, char *buf,
    size_t size);

/* When ev put on the wire a segment that passes another going the other
 * way (folded into l already), the sentence saying so; else NULL. */
char *ladder_cross_text(const struct ladder *l, const struct sim_ev *ev,
    char *buf, size_t size);

/* Status line: steps that are not what-if switches, the switches that
 * differ from the profile's defaults (full and brief), and the profile
 * with those switches as one line. */
size_t cmd_steps(const struct cmd *c, size_t n);
struct world_switch {
	const char *full;	/* "no TIME_WAIT" */
	const char *brief;	/* "no TW" */
};
#define WORLD_NSWITCH 3
size_t world_switches(const struct world *w,
    struct world_switch out[WORLD_NSWITCH]);
char *world_switches_text(const struct world *w, char *buf, size_t size);
/* "Now: profile rfc9293, TIME_WAIT on, three-way handshake, ..." */
char *world_rules_text(const struct world *w, char *buf, size_t size);

#endif
