/*
 * The ladder: the world's trace folded into rows, the one model behind the
 * simulator's ladder, `script --diagram` and the quiz paper's small
 * ladders.  No curses, no animation, no layout: each of those draws or
 * prints these rows in its own way.
 *
 * Data model: every segment ever put on the wire (sent, retransmitted,
 * duplicated, injected) becomes a struct ladder_arrow, kept in the order
 * they were sent and found by segment id; it records its fate, the time
 * it was sent and the time its fate came, the id of a segment it passed
 * going the other way, and the ISN incarnations its numbers belong to.
 * The rows (struct ladder_row), newest last, are each an arrow or a note:
 * a state change with no segment to carry it, or (when the caller asks
 * for them) a notice to an application.  A state change is written in the
 * margin of the row that explains it: the arriving segment's row on the
 * receiver's side, or the row of the segment the host sends because of a
 * call such as connect() or close(); a host's margin always reads in time
 * order.  Each row has its time (an arrow's: when it was sent) and the
 * step (command) that made it; a state is written beside a row only if
 * it changed at the row's time, so a late arrival's state goes on the
 * receiver's next segment or a note of its own.
 * Each host keeps its state, the newest notice its application got, and
 * the ISNs it has chosen (one per incarnation of the connection), which
 * the three number modes need.
 *
 * Times are the world's simulated clock unless the caller sets a clock
 * of its own for a step (a replayed capture's timestamps).  With such a
 * clock a row is where and when the capture saw its segment: a segment
 * the model sent earlier gets its arrival's time and moves down to it,
 * so the rows read in capture order (the model sends with no latency;
 * the capture has it).
 */
#ifndef TCPTEACH_SIM_LADDER_H
#define TCPTEACH_SIM_LADDER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/tcp.h"
#include "sim/world.h"

enum ladder_fate {
	LADDER_FLIGHT,		/* still on the wire */
	LADDER_DELIVERED,
	LADDER_LOST,		/* dropped by the learner */
	LADDER_EXPIRED		/* outlived the MSL */
};

enum ladder_note { LADDER_N_STATE, LADDER_N_NOTICE };

#define LADDER_NOINC UINT32_MAX		/* no ISN known for this number */
#define LADDER_ISS_MAX 16
#define LADDER_NOTIME UINT64_MAX	/* not arrived yet */
#define LADDER_NOROW SIZE_MAX		/* its row was trimmed away */

/* What the last ladder_event did, for a printer that follows the fold
 * event by event (the RFC-figure diagram). */
enum ladder_did {
	LADDER_DID_NONE,
	LADDER_DID_ARROW,	/* did_flight was put on the wire */
	LADDER_DID_FATE,	/* did_flight arrived, was lost or expired */
	LADDER_DID_STATE,	/* did_host changed state, for did_why */
	LADDER_DID_DISCARD	/* did_host discarded what arrived */
};

struct ladder_arrow {
	struct flight f;	/* f.origin tells sent, dup or injected */
	bool rexmit;
	uint32_t seq_inc;	/* sender's ISN incarnation, or LADDER_NOINC */
	uint32_t ack_inc;	/* receiver's ISN incarnation */
	enum ladder_fate fate;
	size_t row;		/* its row, or LADDER_NOROW */
	uint32_t crossed;	/* the id of a segment it passed on the
				 * wire going the other way, or 0 */
	uint64_t sent;		/* ms: the row's time */
	uint64_t arrived;	/* ms its fate came, or LADDER_NOTIME */
};

struct ladder_row {
	bool is_arrow;
	size_t arrow;		/* index in arrows when is_arrow */
	enum ladder_note note;		/* notes: which kind */
	enum sim_host_id note_host;	/* notes: whose time line */
	enum tcp_why why;		/* state notes: why it changed */
	uint32_t cause;		/* state notes: the segment whose arrival
				 * changed it, or 0 */
	enum tcp_notice notice;		/* notice notes */
	bool has_state[2];
	enum tcp_state state[2];	/* each host's state after the row */
	unsigned step;
	uint64_t time;		/* ms when it happened */
};

struct ladder_host {
	enum tcp_state state;
	bool changed;		/* in the newest step */
	bool has_notice;
	enum tcp_notice notice;	/* the newest notice */
	bool crashed;
	bool shut_wr;		/* the application called shutdown() */
	uint64_t bytes_in;
	struct sim_nums nums;	/* as of the last happening folded */
	unsigned niss;
	uint32_t iss[LADDER_ISS_MAX];
};

struct ladder {
	struct ladder_arrow *arrows;
	size_t narrows, caparrows;
	struct ladder_row *rows;
	size_t nrows, caprows;
	struct ladder_host host[2];
	unsigned step;
	uint64_t now;		/* ms of the happening folded */
	bool notice_rows;	/* the caller wants notices as notes */
	bool has_clock;		/* this step's time is clock, not the trace's */
	uint64_t clock;
	/* where the step being folded stands */
	bool delivering;
	size_t deliver_arrow;
	bool pend[2];
	enum tcp_state pend_state[2];
	enum tcp_why pend_why[2];
	uint32_t pend_cause[2];
	size_t state_row[2];	/* newest row with a state, per host, +1 */
	/* what the last event did (valid until the next) */
	enum ladder_did did;
	const struct flight *did_flight;	/* the event's own */
	enum ladder_fate did_fate;
	enum sim_host_id did_host;
	enum tcp_why did_why;
};

void ladder_init(struct ladder *l);
void ladder_free(struct ladder *l);

/* Fold one step's trace: ladder_begin starts the step, ladder_event
 * folds one happening, ladder_end places the state changes that found
 * no segment. */
void ladder_begin(struct ladder *l);
void ladder_event(struct ladder *l, const struct sim_ev *ev);
void ladder_end(struct ladder *l);
void ladder_feed(struct ladder *l, const struct sim_ev *ev, size_t n);
/* Forget the rows and the arrows no longer in flight, between steps: a
 * printer that streams (the diagram) keeps its memory flat. */
void ladder_trim(struct ladder *l);
/* The rows of this step carry ms (a capture's own time) instead of the
 * trace's simulated clock, and a segment delivered in it is seen now
 * (see above); ladder_begin forgets it. */
void ladder_set_clock(struct ladder *l, uint64_t ms);

/* The arrow of segment id, or NULL; its index, or narrows. */
const struct ladder_arrow *ladder_arrow_by_id(const struct ladder *l,
    uint32_t id);
size_t ladder_arrow_index(const struct ladder *l, uint32_t id);
/* Walking the arrows as a ladder shows them, by rows: the first arrow
 * in rows lo..hi-1 from the top (by > 0) or the bottom (by < 0), and the
 * arrow above (by < 0) or below a.  Only arrows[0..shown) count: a front
 * end that animates draws them in the order they were sent.  NULL when
 * there is none. */
const struct ladder_arrow *ladder_arrow_scan(const struct ladder *l,
    size_t lo, size_t hi, int by, size_t shown);
const struct ladder_arrow *ladder_arrow_next(const struct ladder *l,
    const struct ladder_arrow *a, int by, size_t shown);
/* Host h's newest ISN incarnation, or LADDER_NOINC. */
uint32_t ladder_inc(const struct ladder *l, enum sim_host_id h);

#endif
