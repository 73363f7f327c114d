/*
 * What the runner prints for a run: one trace line per world event, or an
 * RFC 9293-style two-column sequence diagram.
 *
 * Data model: both consume struct sim_ev records in the order the world
 * produced them and keep nothing of the world.  A trace line is a pure
 * function of one event.  The diagram folds the events through the shared
 * ladder model (sim/ladder.h: the arrows, their fates, the hosts' states),
 * trimmed after every command so memory stays flat, and keeps one pending
 * figure row (a segment sent may still merge with its delivery), a reply
 * held below an older segment's arrival, and the finished rows of a batch
 * (printed together, with one middle width); it hands every line to an
 * emit callback, so the runner prints it and a test or the UI can collect
 * it.
 */
#ifndef TCPTEACH_SCRIPT_TRACE_H
#define TCPTEACH_SCRIPT_TRACE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sim/ladder.h"
#include "sim/world.h"

/* "    0.250s  client  sends #1 c>s SYN seq=99 len=0 (...)"; returns buf. */
char *script_trace_line(const struct sim_ev *ev, char *buf, size_t size);
/* "    9.000s  world   MSG": what the world itself has to say, e.g. that
 * settle gave up with segments still in flight. */
char *script_note_line(uint64_t time, const char *msg, char *buf,
    size_t size);
/* "#1 c>s SYN+ACK seq=299 ack=100 len=0": a flight as the trace shows it. */
char *script_flight_str(const struct flight *f, char *buf, size_t size);

/* Width of the middle column of the diagram (segment text and marks). */
#define DIAGRAM_MID 37

enum diagram_slot { DSLOT_NONE, DSLOT_ARROW, DSLOT_DOTS, DSLOT_LOST };

struct diagram_row {
	bool used;
	bool pure;			/* state changes only */
	unsigned actors;		/* pure: bit h set if host h changed */
	unsigned cmd;			/* command that opened or ended it */
	bool discarded;			/* the receiver discarded it */
	bool show[2];			/* print this host's state */
	enum tcp_state state[2];
	bool has_seg;
	uint32_t id;			/* the flight this row shows */
	enum sim_dir dir;
	enum diagram_slot from, to;	/* sender's and receiver's ends */
	bool delivered;
	bool expired;			/* its segment outlived its life */
	bool reply;			/* sent as the sender got a segment */
	uint64_t time;			/* ms when the row began */
	char mid[112];			/* "<SEQ=100><CTL=SYN> (rexmit)" */
	const char *call[2];		/* "(Close)" above a host's state */
};

/* Rows are printed in batches of at most this many, each batch with one
 * middle width, so that memory stays flat however long the run. */
#define DIAGRAM_BATCH 4096

struct diagram {
	void (*emit)(void *ctx, const char *line);
	void *ctx;
	unsigned rowno;			/* rows printed */
	unsigned nrows;			/* rows finished */
	struct ladder lad;	/* step: commands begun so far; host states */
	struct diagram_row row;		/* the pending row */
	struct diagram_row held;	/* a reply drawn after an older
					 * segment's arrival */
	unsigned got_step[2];		/* step in which host h last got
					 * a segment */
	uint64_t last_time;		/* ms of the newest finished row */
	struct diagram_row *done;	/* finished rows not yet printed */
	size_t ndone, capdone;
	size_t mid;			/* middle width so far */
	int numw;			/* row number width so far */
};

void diagram_init(struct diagram *d, void (*emit)(void *, const char *),
    void *ctx);
/* A command begins: a state change after it starts a row of its own. */
void diagram_command(struct diagram *d);
void diagram_event(struct diagram *d, const struct sim_ev *ev);
/* Emit the pending row; frees what the diagram holds. */
void diagram_finish(struct diagram *d);

#endif
