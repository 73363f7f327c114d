/*
 * Real captures: TCP segments grouped into connections, and each
 * connection replayed through the simulated world so that the core says
 * what state each end was in after every segment, and why.
 *
 * Data model: a tracker holds the connections open at once in a hash
 * table keyed by their two endpoints.  A connection owns a struct world
 * (the same two hosts the simulator runs) and drives it with scenario
 * commands inferred from what it sees: the ISNs from the SYNs, `listen`
 * when the server answers with SYN+ACK, `connect`, `send`, `close` and
 * `abort` when an endpoint's segment needs one (a first FIN is `close`,
 * or `shutdown` when the host went on acknowledging the peer's data: the
 * FIN and what follows it wait in the pending list until that is known),
 * then `deliver` of the world's matching segment, or `inject` of the
 * captured one when the model would not have sent it (a retransmission, a
 * coalesced ACK).  Segments the
 * model sent but the wire did not carry are dropped.  A finished
 * connection (both ends CLOSED or TIME_WAIT) keeps its world for 2MSL of
 * capture time after its last segment: a segment in that time (a FIN
 * retransmitted to a TIME_WAIT end, the ACK that answers it) belongs to
 * it, as it does to the watched one, so every view counts the same
 * segments; only a SYN with a new ISN starts a new connection (a reused
 * 4-tuple).  Then it is reported to the caller and forgotten.  At most
 * CAP_LINGER_LIVE_MAX finished worlds are kept: past that the oldest is
 * reported early and its world freed, so a busy capture's memory stays
 * bounded; what is left of it (its endpoints, ISNs and final states,
 * about 200 bytes) stays to the end of its 2MSL, so that a late segment
 * is known as such, a new ISN as a reused 4-tuple, and a TIME_WAIT end
 * is still counted in the statistics.  A handshake that has
 * seen no segment for CAP_OPEN_IDLE_US of capture time (longer than Linux
 * retries a SYN) is reported as it stands, so a SYN flood or a port scan
 * cannot hold a world per address for ever.  Memory grows with the
 * connections open at once (and those closed within the last 2MSL), not
 * with the file.  The watched connection keeps its world to the end.
 *
 * One connection can be watched: its world keeps its trace, and the caller
 * gets, per captured segment, the world's events rewritten so that the
 * segment on the wire is the captured one (for the trace, the diagram and
 * the ladder), and every command applied (for --to-scenario).
 */
#ifndef TCPTEACH_CAPTURE_CAPTURE_H
#define TCPTEACH_CAPTURE_CAPTURE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "capture/decode.h"
#include "sim/world.h"

/* What is unusual about a connection or one of its segments. */
enum cap_flag {
	CAP_F_REXMIT = 1 << 0,		/* a retransmission */
	CAP_F_GAP = 1 << 1,		/* sequence numbers skipped: loss */
	CAP_F_RST = 1 << 2,		/* a reset */
	CAP_F_INCOMPLETE = 1 << 3,	/* the handshake never completed */
	CAP_F_FIN_ACK = 1 << 4,		/* 3-segment close: FIN with the ACK */
	CAP_F_SERVER_TW = 1 << 5,	/* the server ends in TIME_WAIT */
	CAP_F_DATA_AFTER_FIN = 1 << 6,	/* data after a FIN */
	CAP_F_REUSED = 1 << 7,		/* the 4-tuple was used before */
	CAP_F_NO_HANDSHAKE = 1 << 8,	/* began before the capture did */
	CAP_F_UNSEEN = 1 << 9,		/* ACKs data the capture lacks */
	CAP_F_UNMODELLED = 1 << 10,	/* the model would not send it */
	CAP_F_CROSSED = 1 << 11		/* sent before the peer's came */
};
#define CAP_NFLAGS 12

enum cap_handshake {
	CAP_HS_NONE,		/* not in the capture */
	CAP_HS_COMPLETE,
	CAP_HS_INCOMPLETE,	/* SYN without the rest */
	CAP_HS_REFUSED		/* SYN answered by RST */
};

#define CAP_PENDING 8
/* At most this many finished connections keep their worlds (about 6 MB):
 * enough for 2MSL of a quiet capture, and for the seconds in which a
 * busy one's retransmitted FINs come. */
#define CAP_LINGER_LIVE_MAX 1024

/* What a connection needs only while it is open. */
struct cap_live {
	/* Read for every segment: next to the world's first bytes (its
	 * configuration, also read for every segment), not 5 KB after. */
	bool holding;		/* pending[0] is a first FIN, see below */
	unsigned npending;
	/* Crossing segments: cross_next says the next segment released was
	 * sent before the peer's next one arrived (that one's ACK does not
	 * cover it), so it stays in flight (deferred, flight def_id, drawn
	 * as def_f) until the peer's segment has been delivered. */
	bool cross_next, deferred;
	uint32_t def_id;
	struct flight def_f;
	struct world w;
	struct cap_pkt pending[CAP_PENDING];
};

struct cap_conn {
	/* What a lookup reads, in the first 64 bytes: one cache line a
	 * connection on a hash chain. */
	struct cap_conn *hnext;		/* hash chain */
	struct cap_live *live;		/* NULL once reported */
	uint64_t id;			/* 1, 2, ... in order of first segment */
	bool v6;
	struct cap_end end[2];		/* [HOST_CLIENT], [HOST_SERVER] */
	uint64_t first_us, last_us;
	uint64_t nsegs, nbytes[2];
	uint64_t ndone;			/* segments through the world */
	uint64_t nrexmit, nrst;
	unsigned flags;			/* enum cap_flag */
	unsigned rst_by;		/* bit h: host h sent a RST */
	int first_fin;			/* host that closed first, or -1 */
	enum cap_handshake hs;
	enum tcp_state final[2];	/* the states when it was reported */
	bool started, watched;
	uint32_t isn[2], hi[2], fin_seq[2];
	bool isn_known[2], hi_valid[2], fin_seen[2], fin_acked[2];
	bool got_syn[2];
	bool half_close[2];		/* host h's FIN was shutdown() */
	enum tcp_state counted[2];	/* as counted in the tracker's stats */
	uint64_t deadline;		/* finished: when to report it */
	struct cap_conn *fprev, *fnext;	/* finished list */
	struct cap_conn *oprev, *onext;	/* opening list */
	struct cap_conn *lprev, *lnext;	/* lingering with its world */
	bool finished, opening, lingering;
	/* Watched, and past CAP_LINGER_LIVE_MAX where it would have been
	 * reported early: its later segments are late, as they would be if
	 * it were not watched (every view counts alike). */
	bool sealed;
};

/* Connection-level statistics kept while the file streams by. */
#define CAP_PLOT_COLS 60
struct cap_stats {
	uint64_t conns, hs_complete, hs_incomplete, hs_refused, hs_none;
	uint64_t closed_by[2], reset, rexmit, reused, open_max, late;
	uint64_t abandoned;		/* handshakes given up for idleness */
	uint64_t now_in[TCP_NSTATES];		/* endpoints in each state */
	uint64_t plot[CAP_PLOT_COLS][TCP_NSTATES];	/* max per column */
	uint64_t plot_t0, plot_width_us;	/* column width, doubles */
	unsigned plot_col;			/* the column of now */
	bool plot_started;
};

struct cap_obs {
	void *ctx;
	/* A connection is over (or the file ended): report it. */
	void (*done)(void *ctx, const struct cap_conn *c);
	/* Watched connection: one captured segment and what it did. */
	void (*segment)(void *ctx, const struct cap_conn *c,
	    const struct cap_pkt *k, enum sim_dir dir, unsigned notes,
	    const struct sim_ev *ev, size_t nev);
	/* Watched connection: a command applied to its world, with a reason
	 * to print as a comment (NULL for none). */
	void (*command)(void *ctx, const struct cap_conn *c,
	    const struct cmd *cmd, const char *why);
};

/* A hash table of connections by 4-tuple (chained, power-of-2 size). */
struct cap_tab {
	struct cap_conn **b;
	size_t size, n;
};

struct cap_tracker {
	/* Open connections and reported ones lingering apart: lookups of
	 * the few open ones do not wade through the many lingering. */
	struct cap_tab open, gone;
	size_t nopen, nlive;		/* tracked; of them not reported */
	struct cap_conn *fhead, *ftail;		/* finished, by deadline */
	struct cap_conn *ohead, *otail;		/* opening, by last segment */
	/* Finished, not yet reported, world kept, oldest first: nlinger of
	 * the nlive (see conn.c, CAP_LINGER_LIVE_MAX). */
	struct cap_conn *lhead, *ltail;
	size_t nlinger;
	uint64_t next_id, watch, linger_us, now_us;
	struct cap_stats st;
	struct cap_obs obs;
	struct sim_ev *evs;			/* scratch for segment() */
	size_t capevs;
	/* Count endpoints in each state over time (st.now_in, st.plot);
	 * true unless the caller shows no plot (capture --list). */
	bool count_states;
	/* A world after world_init and `profile linux`: copied into each
	 * connection not watched (one copy instead of clearing 5 KB, setting
	 * up both TCBs and applying the profile). */
	struct world fresh;
};

void cap_tracker_init(struct cap_tracker *t, const struct cap_obs *obs,
    uint64_t watch);
void cap_tracker_packet(struct cap_tracker *t, const struct cap_pkt *k);
/* End of file: report every connection still open, in id order. */
void cap_tracker_finish(struct cap_tracker *t);
void cap_tracker_free(struct cap_tracker *t);

/* infer.c: one captured segment through a started connection's world. */
void cap_infer(struct cap_tracker *t, struct cap_conn *c,
    const struct cap_pkt *k, enum sim_dir dir);
/* Start the world: setup commands, the listen, an assumed handshake. */
void cap_infer_start(struct cap_tracker *t, struct cap_conn *c);
/* held[0] is host a's first FIN, held[1..n-1] what followed it: decide
 * whether close() or shutdown() sent it (c->half_close[a]); false while
 * the segments do not tell yet and more may come (final false). */
bool cap_fin_decide(struct cap_conn *c, const struct cap_pkt *held,
    unsigned n, enum sim_dir a, bool final);
/* held[0] is a first FIN: true when the peer's next segment in held was
 * sent before that FIN arrived (the FINs of a simultaneous close cross). */
bool cap_fin_crossed(const struct cap_pkt *held, unsigned n);

/* stats.c */
void cap_stats_count(struct cap_stats *s, struct cap_conn *c, bool gone);
void cap_stats_tick(struct cap_stats *s, uint64_t now_us);
void cap_stats_done(struct cap_stats *s, const struct cap_conn *c);

/* Microseconds since the connection's first segment; 0 for a segment
 * stamped earlier (capture clocks may step back). */
static inline uint64_t
cap_since(const struct cap_conn *c, const struct cap_pkt *k)
{
	return k->ts_us > c->first_us ? k->ts_us - c->first_us : 0;
}

const char *cap_flag_text(enum cap_flag f);	/* msgid */
const char *cap_flag_word(enum cap_flag f);	/* "rexmit" */

#endif
