/*
 * The world: two hosts (client and server) joined by a wire the learner
 * controls, a simulated clock, and a trace of everything that happened.
 *
 * Data model: each host is one struct tcp_tcb plus what the scenario
 * language needs to know about it (its ISN list, the notices its
 * application has received, the last segment it sent).  The wire is an
 * array of in-flight segments in the order they were sent; each has an id
 * (#1, #2, ...) that is never reused.  Applying a command appends struct
 * sim_ev records to the trace; the consumer (runner, UI) reads them and
 * calls world_trace_clear(), so memory stays flat however long the session.
 *
 * The world is deterministic: the same commands from world_init() give the
 * same trace, byte for byte.  Undo is "replay all but the last command".
 */
#ifndef TCPTEACH_SIM_WORLD_H
#define TCPTEACH_SIM_WORLD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/tcp.h"
#include "sim/cmd.h"

enum flight_origin {
	ORIGIN_SENT,		/* sent by the host's TCP */
	ORIGIN_REXMIT,		/* a retransmission by the host's TCP */
	ORIGIN_DUP,		/* a copy made by the network (dup) */
	ORIGIN_INJECT		/* crafted by the learner (inject) */
};

struct flight {
	uint32_t id;
	enum sim_dir dir;
	enum flight_origin origin;
	uint32_t dup_of;	/* ORIGIN_DUP: the id copied */
	uint64_t sent_at;	/* ms; the lifetime (MSL) counts from here */
	struct tcp_seg seg;
};

enum sim_ev_kind {
	SIM_EV_TCP,		/* host's core reported tcp (SEND: see flight) */
	SIM_EV_DELIVER,		/* flight arrives at its destination */
	SIM_EV_LOST,		/* flight dropped by the learner */
	SIM_EV_EXPIRED,		/* flight outlived the MSL */
	SIM_EV_DUP,		/* flight is a new copy of flight.dup_of */
	SIM_EV_INJECT		/* flight was crafted by the learner */
};

/* The numbers a host's state box shows, as they stood at one happening:
 * lets a view animate a burst of events with the boxes keeping step. */
struct sim_nums {
	uint32_t iss, snd_una, snd_nxt, rcv_nxt;
	bool irs_valid;
};

struct sim_ev {
	enum sim_ev_kind kind;
	uint64_t time;
	enum sim_host_id host;	/* SIM_EV_TCP: which host */
	struct tcp_ev tcp;	/* SIM_EV_TCP */
	struct flight flight;	/* wire events, and TCP SEND events */
	struct sim_nums nums[2];	/* both hosts, as of this happening */
};

/* SIM_STOPPED: the event ran but could not finish (settle reached its
 * bound with segments still in flight); the world has changed. */
enum sim_status { SIM_OK, SIM_IMPOSSIBLE, SIM_EXPECT_FAILED, SIM_STOPPED };

struct sim_result {
	enum sim_status status;
	char msg[320];		/* translated explanation when not SIM_OK */
};


struct sim_host {
	struct tcp_tcb tcb;
	uint32_t isn[CMD_ISN_MAX];	/* from the isn command */
	unsigned nisn, isn_next;
	/* Notices the application got, ever (they only grow), and their
	 * counts at the last applied `expect notice` for this host. */
	unsigned notices[TCP_NNOTICES];
	unsigned notice_mark[TCP_NNOTICES];
	bool has_sent;
	struct flight last_sent;
};

struct world {
	enum sim_profile profile;
	struct tcp_config cfg;
	uint64_t rng;			/* PRNG state (splitmix64) */
	uint64_t now;			/* ms */
	bool started;			/* an event has happened */
	struct sim_host host[2];
	struct flight *wire;
	size_t nwire, capwire;
	uint32_t next_id;
	struct sim_ev *trace;
	size_t ntrace, captrace;
	bool keep_trace;		/* false: events are counted, not kept */
	uint64_t nevents;		/* trace events ever produced */
	uint64_t nsegs_processed;	/* segments that reached tcp_input */
};

void world_init(struct world *w);
void world_free(struct world *w);
/* Apply one command.  Never crashes on any command; an impossible event or
 * a failing expect is reported in res and leaves the world consistent. */
enum sim_status world_apply(struct world *w, const struct cmd *c,
    struct sim_result *res);
/* `deliver #id` or `drop #id` (kind) as world_apply does them, without
 * the checks and the result a learner's command needs: for a caller that
 * applies many (reading a capture).  False, changing nothing, when no
 * segment #id is in flight or kind is another command. */
bool world_wire_id(struct world *w, enum cmd_kind kind, uint32_t id);
/* Would this command be possible now?  Changes nothing (used by the UI's
 * event menu to explain instead of doing nothing). */
enum sim_status world_can(const struct world *w, const struct cmd *c,
    struct sim_result *res);
/* dst (not initialised) becomes a copy of src without its trace; free
 * it with world_free. */
void world_copy(struct world *dst, const struct world *src);
void world_trace_clear(struct world *w);
/* Apply c[0..n) to w as it is (world_init first for a fresh world), each
 * in turn; after each, each(arg, w, i, res) may read its trace (if kept)
 * and says whether to go on, then the trace is cleared.  Without each, it
 * stops at the first command that is not SIM_OK.  Returns how many were
 * applied; res holds the last one's result.  One copy of "replay these
 * commands" for sessions, lessons and the quiz. */
size_t world_replay(struct world *w, const struct cmd *c, size_t n,
    struct sim_result *res,
    bool (*each)(void *arg, struct world *w, size_t i,
    const struct sim_result *res), void *arg);

/* Queries. */
const struct flight *world_find(const struct world *w,
    const struct cmd_sel *sel);
/* Choosing among the segments in flight, as a front end lets the
 * learner: the one by places (-1, 1) from segment id in the order they
 * were sent, going round, counted from the oldest when id is not in
 * flight (NULL: nothing is); and the #N typed digit by digit: digit after
 * the number typed so far (0: none) makes a longer number while some
 * in-flight segment's number starts with it, else starts anew; *more
 * says whether one still does, so that another digit may follow. */
const struct flight *world_wire_step(const struct world *w, uint32_t id,
    int by);
uint32_t world_wire_typed(const struct world *w, uint32_t typed,
    unsigned digit, bool *more);
/* Does the in-flight segment f match a selector (#N, a direction, any)?
 * One rule for the world and the kernel lab. */
bool sim_sel_matches(const struct cmd_sel *sel, const struct flight *f);
bool world_next_timer(const struct world *w, enum sim_host_id *host,
    enum tcp_timer *t, uint64_t *due);
uint64_t world_dur_ms(const struct world *w, const struct cmd_dur *d);
/* How a segment reads everywhere: "SYN+ACK seq=299 ack=100 len=0": the
 * flags, seq, ack when the ACK flag is set, then the length as len says.
 * seq and ack are the numbers as shown (relative, symbolic), or NULL for
 * the raw ones. */
enum sim_seg_len { SIM_SEG_LEN, SIM_SEG_LEN_NONZERO, SIM_SEG_NO_LEN };
char *sim_seg_text(const struct tcp_seg *seg, const char *seq,
    const char *ack, enum sim_seg_len len, char *buf, size_t size);
const char *sim_host_name(enum sim_host_id h);		/* "client" */
const char *sim_dir_name(enum sim_dir d);		/* "c>s" */
const char *sim_profile_name(enum sim_profile p);	/* "rfc9293" */
/* The timer and switch defaults of profile p (before any `set`). */
void sim_profile_config(enum sim_profile p, struct tcp_config *out);
/* Check an expect command; changes nothing, so a lesson or a UI may ask
 * as often as it likes.  `expect notice` counts the notices after since
 * (per host; NULL: the world's own marks, as a scenario means it).
 * world_apply calls it, and then moves the marks for `expect notice`. */
struct sim_notices {
	unsigned n[2][TCP_NNOTICES];
};
enum sim_status world_expect(const struct world *w, const struct cmd *c,
    const struct sim_notices *since, struct sim_result *res);
/* The notice counts now, for a later world_expect(..., since, ...). */
void world_notices(const struct world *w, struct sim_notices *out);
/* A failed result: res gets st and the message; returns st (the kernel
 * lab's backend fails through it too). */
enum sim_status sim_fail(struct sim_result *res, enum sim_status st,
    const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* The verdict on an expect command from what it reads, the same for the
 * simulated world and the kernel lab, so both fail in the same words:
 * c->host's state, the flight c->sel finds, c->host's last segment sent,
 * the oldest in flight and how many, c->host's notice counts and those
 * already seen. */
struct sim_expect_in {
	enum tcp_state state;
	const struct flight *found, *sent, *oldest;
	size_t nwire;
	const unsigned *notices, *since;
	bool has_clock;			/* false: no simulated clock (lab) */
	uint64_t now, want;		/* ms: the clock, expect time's */
};
enum sim_status sim_expect_check(const struct cmd *c,
    const struct sim_expect_in *in, struct sim_result *res);
/* The segment a check wants as it names it: flags with the numbers given
 * ("ACK seq=101 ack=301"). */
char *sim_segspec_str(const struct cmd_segspec *s, char *buf, size_t size);

#endif
