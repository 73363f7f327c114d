/*
 * The search behind a computed hint (see hint.h): is the learner on the
 * step's path, which moves the menu offers, and the shortest way from the
 * learner's world to the step's goal.
 *
 * Data model: the search is breadth-first over nodes that keep only their
 * parent and the move that made them; a node's world is rebuilt when it
 * is expanded, by copying the learner's world and replaying the few moves
 * on its path, so memory stays at a few bytes a node.  A hash set of
 * world signatures (everything a check can read: states, numbers,
 * timers, the clock, notices, the newest segment each host sent, what is
 * in flight) keeps one node per world.
 */
#include <config.h>

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "lib/xalloc.h"
#include "lesson/hint.h"

struct hint_node {
	size_t parent;		/* SIZE_MAX: the learner's world */
	unsigned depth;
	struct cmd move;
};

struct hint_search {
	const struct lrun *lr;
	const struct world *root;
	uint8_t untaught;	/* SYN, RST: flags the step never sends */
	bool own;		/* only the kinds of move the solution plays */
	uint32_t fresh_from;	/* the learner's untaught segments' first id */
	struct hint_node *v;
	size_t n, cap;
	uint64_t *seen;		/* open addressing; 0 is empty */
	size_t seencap;
};

static bool
hint_apply(struct world *w, const struct cmd *c)
{
	struct sim_result res = { SIM_OK, "" };
	enum sim_status st = world_apply(w, c, &res);

	world_trace_clear(w);
	return st == SIM_OK;
}

/* A settle in the solution is the learner's d, d, d: any of the worlds
 * between its deliveries is on the path too. */
static bool
hint_path_step(struct world *p, const struct cmd *c, const struct world *w)
{
	struct cmd d = { .kind = CMD_DELIVER };

	if (c->kind != CMD_SETTLE)
		return hint_apply(p, c) && lrun_worlds_alike(p, w);
	for (int k = 0; k < 64 && p->nwire > 0; k++)
		if (hint_apply(p, &d) && lrun_worlds_alike(p, w))
			return true;
	return false;
}

/* Is w on the path?  *next: the solution command the path plays next
 * (solution.n at its end; a settle when w is between its deliveries). */
static bool
hint_path_at(const struct lrun *lr, const struct world *w, size_t *next)
{
	const struct script *sol = &lrun_cur(lr)->solution;
	struct world p;
	bool on;

	world_init(&p);
	*next = 0;
	on = lrun_replay(&p, lr) && lrun_worlds_alike(&p, w);
	p.keep_trace = false;
	for (size_t i = 0; !on && i < sol->n; i++) {
		on = hint_path_step(&p, &sol->cmds[i], w);
		*next = on && sol->cmds[i].kind == CMD_SETTLE && p.nwire > 0 ?
		    i : i + 1;
	}
	world_free(&p);
	return on;
}

bool
lhint_on_path(const struct lrun *lr, const struct world *w)
{
	size_t next;

	return hint_path_at(lr, w, &next);
}

static void
hint_offer(const struct world *w, struct cmd *out, size_t *n, size_t max,
    const struct cmd *c)
{
	struct sim_result res;

	if (*n < max && world_can(w, c, &res) == SIM_OK)
		out[(*n)++] = *c;
}

static void
hint_offer_wire(const struct world *w, enum cmd_kind k, struct cmd *out,
    size_t *n, size_t max)
{
	for (size_t i = 0; i < w->nwire; i++) {
		struct cmd c = { .kind = k };

		c.sel.kind = SEL_ID;
		c.sel.id = w->wire[i].id;
		hint_offer(w, out, n, max, &c);
	}
}

/* Does the step's solution play an event of this kind (by this host)? */
static bool
hint_in_solution(const struct lrun *lr, enum cmd_kind k,
    enum sim_host_id h)
{
	const struct script *sol = &lrun_cur(lr)->solution;

	for (size_t i = 0; i < sol->n; i++)
		if (sol->cmds[i].kind == k && (k == CMD_DROP ||
		    sol->cmds[i].host == h))
			return true;
	return false;
}

/* The menu's host calls that the step is about: those its solution
 * makes (a hint to close a connection in a step about delivering would
 * teach nothing), client keys first. */
static void
hint_offer_calls(const struct lrun *lr, const struct world *w,
    struct cmd *out, size_t *n, size_t max)
{
	static const enum cmd_kind calls[] = { CMD_LISTEN, CMD_CONNECT,
	    CMD_SEND, CMD_READ, CMD_CLOSE, CMD_SHUTDOWN };

	for (int h = HOST_CLIENT; h <= HOST_SERVER; h++)
		for (size_t i = 0; i < sizeof(calls) / sizeof(calls[0]); i++) {
			struct cmd c = { .kind = calls[i] };

			c.host = (enum sim_host_id)h;
			c.num = calls[i] == CMD_SEND ? 100 : 0;
			if (hint_in_solution(lr, c.kind, c.host))
				hint_offer(w, out, n, max, &c);
		}
}

/* Solution commands the menu has no key for (wait 50ms, send 300,
 * abort), and a wait to the clock an `expect time` check reads. */
static void
hint_offer_step(const struct lrun *lr, const struct world *w,
    struct cmd *out, size_t *n, size_t max)
{
	const struct lesson_step *st = lrun_cur(lr);

	for (size_t i = 0; i < st->solution.n; i++) {
		const struct cmd *c = &st->solution.cmds[i];

		if (c->kind == CMD_WAIT || c->kind == CMD_ABORT ||
		    c->kind == CMD_CRASH || c->kind == CMD_DUP ||
		    c->kind == CMD_INJECT || (c->kind == CMD_SEND &&
		    c->num != 100))
			hint_offer(w, out, n, max, c);
	}
	for (size_t i = 0; i < st->check.n; i++) {
		const struct cmd *c = &st->check.cmds[i];
		uint64_t want = world_dur_ms(w, &c->dur);
		struct cmd wait = { .kind = CMD_WAIT };

		if (c->kind != CMD_EXPECT_TIME || want <= w->now)
			continue;
		wait.dur.ms = want - w->now;
		hint_offer(w, out, n, max, &wait);
	}
}

/* Where the step's solution first plays a move of c's kind. */
static size_t
hint_rank(const struct lrun *lr, const struct cmd *c)
{
	const struct script *sol = &lrun_cur(lr)->solution;

	for (size_t i = 0; i < sol->n; i++)
		if (sol->cmds[i].kind == c->kind)
			return i;
	return sol->n;
}

/* The step's own way first: moves in the order the solution plays their
 * kinds (a stable sort, so the menu's order stays among the rest). */
static void
hint_sort(const struct lrun *lr, struct cmd *v, size_t n)
{
	for (size_t i = 1; i < n; i++) {
		struct cmd c = v[i];
		size_t r = hint_rank(lr, &c), j = i;

		for (; j > 0 && hint_rank(lr, &v[j - 1]) > r; j--)
			v[j] = v[j - 1];
		v[j] = c;
	}
}

size_t
lhint_moves(const struct lrun *lr, const struct world *w, struct cmd *out,
    size_t max)
{
	struct cmd timer = { .kind = CMD_WAIT_TIMER };
	struct cmd settle = { .kind = CMD_SETTLE };
	size_t n = 0;

	hint_offer_wire(w, CMD_DELIVER, out, &n, max);
	hint_offer(w, out, &n, max, &timer);
	if (w->nwire > 0)
		hint_offer(w, out, &n, max, &settle);
	hint_offer_calls(lr, w, out, &n, max);
	if (hint_in_solution(lr, CMD_DROP, HOST_CLIENT))
		hint_offer_wire(w, CMD_DROP, out, &n, max);
	hint_offer_step(lr, w, out, &n, max);
	hint_sort(lr, out, n);
	return n;
}

static uint64_t
hint_mix(uint64_t h, uint64_t x)
{
	for (int i = 0; i < 8; i++, x >>= 8)
		h = (h ^ (x & 0xff)) * 0x100000001b3ULL;
	return h;
}

static uint64_t
hint_mix_flight(uint64_t h, const struct flight *f)
{
	h = hint_mix(h, (uint64_t)f->id << 48 | (uint64_t)f->dir << 40 |
	    (uint64_t)f->seg.flags << 32 | f->seg.len);
	return hint_mix(h, (uint64_t)f->seg.seq << 32 | f->seg.ack);
}

/* What a check can see of w: the clock, each host's state, numbers,
 * timers, notices and newest segment, and what is in flight (by #N, as
 * `expect inflight #2` asks). */
static uint64_t
hint_sig(const struct world *w)
{
	uint64_t h = hint_mix(0xcbf29ce484222325ULL, w->now);

	for (int i = 0; i < 2; i++) {
		const struct sim_host *sh = &w->host[i];
		const struct tcp_tcb *t = &sh->tcb;

		h = hint_mix(h, (uint64_t)t->state << 32 | t->snd_una);
		h = hint_mix(h, (uint64_t)t->snd_nxt << 32 | t->rcv_nxt);
		for (int k = 0; k < TCP_NTIMERS; k++)
			h = hint_mix(h, t->armed[k] ? t->due[k] + 1 : 0);
		for (int k = 0; k < TCP_NNOTICES; k++)
			h = hint_mix(h, sh->notices[k]);
		if (sh->has_sent)
			h = hint_mix_flight(h, &sh->last_sent);
	}
	for (size_t i = 0; i < w->nwire; i++)
		h = hint_mix_flight(h, &w->wire[i]);
	return h != 0 ? h : 1;
}

/* Add sig to the set; false when it was there. */
static bool
hint_see(struct hint_search *s, uint64_t sig)
{
	size_t i = (size_t)sig & (s->seencap - 1);

	while (s->seen[i] != 0) {
		if (s->seen[i] == sig)
			return false;
		i = (i + 1) & (s->seencap - 1);
	}
	s->seen[i] = sig;
	return true;
}

/* The world of node i: a copy of the learner's, then the moves on its
 * path replayed. */
static void
hint_world(const struct hint_search *s, size_t i, struct world *w)
{
	struct cmd path[LHINT_DEPTH];
	struct sim_result res;
	size_t n = s->v[i].depth;

	assert(n >= 1 && n <= LHINT_DEPTH);
	for (size_t k = n; k > 0; i = s->v[i].parent)
		path[--k] = s->v[i].move;
	world_copy(w, s->root);
	w->keep_trace = false;
	(void)world_replay(w, path, n, &res, NULL, NULL);
}

/* The control flags of the segments sent anew while w plays c, and
 * (*fresh) of those delivered that were sent from id `from` on. */
static uint8_t
hint_sends(struct world *w, const struct cmd *c, uint32_t from,
    uint8_t *fresh, bool *ok)
{
	struct sim_result res = { SIM_OK, "" };
	uint8_t fl = 0;

	world_trace_clear(w);
	w->keep_trace = true;
	*ok = world_apply(w, c, &res) == SIM_OK;
	*fresh = 0;
	/* A retransmission resends what the step sent already. */
	for (size_t i = 0; i < w->ntrace; i++) {
		const struct sim_ev *e = &w->trace[i];

		if (e->kind == SIM_EV_TCP && e->tcp.kind == TCP_EV_SEND &&
		    !e->tcp.rexmit)
			fl |= e->flight.seg.flags;
		if (e->kind == SIM_EV_DELIVER && e->flight.id >= from)
			*fresh |= e->flight.seg.flags;
	}
	world_trace_clear(w);
	w->keep_trace = false;
	return fl;
}

/* SYN and RST, unless the step's own way sends them: a way that resets
 * TIME_WAIT, or reconnects where a retransmission is taught, reaches
 * the check lines by a route the step does not teach. */
static uint8_t
hint_untaught(const struct lrun *lr)
{
	const struct script *sol = &lrun_cur(lr)->solution;
	uint8_t fl = 0, fresh;
	struct world p;
	bool ok;

	world_init(&p);
	p.keep_trace = false;
	if (lrun_replay(&p, lr))
		for (size_t i = 0; i < sol->n; i++)
			fl |= hint_sends(&p, &sol->cmds[i], UINT32_MAX,
			    &fresh, &ok);
	world_free(&p);
	return (uint8_t)((TCP_SYN | TCP_RST) & ~fl);
}

/* Play c on w: false when it fails, sends what the step never sends,
 * or delivers what the learner's untaught event sent (the SYN of a
 * reconnect: whatever answers it is not the step's way). */
static bool
hint_apply_taught(const struct hint_search *s, struct world *w,
    const struct cmd *c)
{
	uint8_t fresh;
	bool ok;

	return (hint_sends(w, c, s->fresh_from, &fresh, &ok) &
	    s->untaught) == 0 && (fresh & s->untaught) == 0 && ok;
}

static void
hint_push(struct hint_search *s, size_t parent, unsigned depth,
    const struct cmd *move)
{
	xgrow(&s->v, &s->cap, s->n + 1, sizeof(*s->v));
	s->v[s->n].parent = parent;
	s->v[s->n].depth = depth;
	s->v[s->n].move = *move;
	s->n++;
}

/* Expand node `from` (SIZE_MAX: the root) at depth; the index of a node
 * that reaches the goal, or SIZE_MAX. */
static size_t
hint_expand(struct hint_search *s, size_t from, unsigned depth,
    struct world *w, bool *budget)
{
	struct cmd moves[LHINT_MOVES];
	size_t nm = lhint_moves(s->lr, w, moves, LHINT_MOVES);

	for (size_t k = 0; k < nm; k++) {
		struct world t;
		bool ok, goal;

		if (s->own && hint_rank(s->lr, &moves[k]) ==
		    lrun_cur(s->lr)->solution.n)
			continue;
		if (s->n >= LHINT_BUDGET) {
			*budget = true;
			return SIZE_MAX;
		}
		world_copy(&t, w);
		ok = hint_apply_taught(s, &t, &moves[k]) &&
		    hint_see(s, hint_sig(&t));
		goal = ok && lrun_goal_holds(s->lr, &t);
		world_free(&t);
		if (!ok)
			continue;
		hint_push(s, from, depth + 1, &moves[k]);
		if (goal)
			return s->n - 1;
	}
	return SIZE_MAX;
}

/* Breadth first from s->root; fills h's way and moves. */
static void
hint_search(struct hint_search *s, struct lhint *h)
{
	struct world w;
	bool budget = false;
	size_t hit, next = 0;

	world_copy(&w, s->root);
	w.keep_trace = false;
	(void)hint_see(s, hint_sig(&w));
	hit = hint_expand(s, SIZE_MAX, 0, &w, &budget);
	world_free(&w);
	for (; hit == SIZE_MAX && !budget && next < s->n; next++) {
		if (s->v[next].depth >= LHINT_DEPTH)
			break;
		hint_world(s, next, &w);
		hit = hint_expand(s, next, s->v[next].depth, &w, &budget);
		world_free(&w);
	}
	h->tried = s->n;
	if (hit == SIZE_MAX) {
		h->way = next >= s->n && !budget ? LHINT_GONE : LHINT_FAR;
		return;
	}
	h->way = LHINT_FOUND;
	h->nmoves = s->v[hit].depth;
	for (size_t i = hit, k = h->nmoves; i != SIZE_MAX && k > 0;
	    i = s->v[i].parent)
		h->moves[--k] = s->v[i].move;
}

/* The first segment number of the learner's events cmds[base..pos) when
 * they sent what the step never does (a SYN of a reconnect, an RST);
 * UINT32_MAX when they did not. */
static uint32_t
hint_tainted(const struct cmd *cmds, size_t base, size_t pos,
    uint8_t untaught)
{
	uint8_t fl = 0, fresh;
	uint32_t from;
	struct world w;
	bool ok;

	world_init(&w);
	w.keep_trace = false;
	lrun_play_session(&w, cmds, base);
	from = w.next_id;
	for (size_t i = base; i < pos && (fl & untaught) == 0; i++)
		fl |= hint_sends(&w, &cmds[i], UINT32_MAX, &fresh, &ok);
	world_free(&w);
	return (fl & untaught) != 0 ? from : UINT32_MAX;
}

/* Search from the learner's world w, which cmds[0..pos) made (its way,
 * moves and text). */
static void
hint_run(const struct lrun *lr, struct world *w, const struct cmd *cmds,
    size_t base, size_t pos, uint32_t sel, struct lhint *h)
{
	struct hint_search s = { lr, NULL, 0, true, 0, NULL, 0, 0, NULL, 0 };

	if (lrun_goal_holds(lr, w)) {
		h->way = LHINT_DONE;
	} else {
		s.root = w;
		s.untaught = hint_untaught(lr);
		s.fresh_from = hint_tainted(cmds, base, pos, s.untaught);
		s.seencap = 1;
		while (s.seencap < 2 * LHINT_BUDGET)
			s.seencap <<= 1;
		/* The step's own kinds of move first, then the menu's. */
		for (int pass = 0; pass < 2 && h->way != LHINT_FOUND;
		    pass++) {
			s.own = pass == 0;
			s.n = 0;
			s.seen = xcalloc(s.seencap, sizeof(*s.seen));
			hint_search(&s, h);
			free(s.seen);
		}
		free(s.v);
	}
	lhint_describe(h, w, sel);
}

void
lhint_compute(const struct lrun *lr, const struct cmd *cmds, size_t base,
    size_t pos, uint32_t sel, struct lhint *h)
{
	struct world w;
	char why[320];

	memset(h, 0, sizeof(*h));
	world_init(&w);
	w.keep_trace = false;
	lrun_play_session(&w, cmds, pos);
	h->on_path = lhint_on_path(lr, &w);
	h->past = lrun_past_goal(lr, cmds, base, pos, why, sizeof(why));
	hint_run(lr, &w, cmds, base, pos, sel, h);
	world_free(&w);
}

static bool
hint_reachable(const struct lhint *h)
{
	return h->way == LHINT_FOUND || h->way == LHINT_DONE;
}

bool
lhint_stray(const struct lrun *lr, const struct cmd *cmds, size_t base,
    size_t pos, size_t *at, struct lhint *before)
{
	struct lhint *h = xcalloc(1, sizeof(*h));
	bool found = false;
	struct world w;

	world_init(&w);
	w.keep_trace = false;
	lrun_play_session(&w, cmds, pos);
	hint_run(lr, &w, cmds, base, pos, 0, h);
	world_free(&w);
	/* The latest of the learner's events after which the goal was
	 * still within reach made it unreachable. */
	for (size_t i = pos; !hint_reachable(h) && i > base && !found; i--) {
		memset(h, 0, sizeof(*h));
		world_init(&w);
		w.keep_trace = false;
		lrun_play_session(&w, cmds, i - 1);
		hint_run(lr, &w, cmds, base, i - 1, 0, h);
		world_free(&w);
		found = hint_reachable(h);
		*at = i - 1;
	}
	if (found)
		*before = *h;
	free(h);
	return found;
}
