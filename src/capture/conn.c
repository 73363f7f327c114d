/*
 * The tracker: connections by 4-tuple, their life from first segment to
 * report (see capture.h for the data model).
 *
 * A connection's first segments wait in a short pending list until the
 * handshake has told both ISNs (the world needs them before its first
 * event) or a segment shows there is no handshake to wait for.  A SYN
 * with a new ISN on a 4-tuple already known starts a new connection.
 * Later the same list holds a first FIN and the segments after it, until
 * they tell whether close() or shutdown() sent it (infer.c).
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "capture/capture.h"
#include "lib/xalloc.h"

/* Linux's TIME_WAIT (2MSL): how long a finished connection may still get
 * a late segment. */
#define CAP_LINGER_US (60ULL * 1000000)
/* Linux gives up a SYN after 127 s (6 retries from 1 s): a handshake idle
 * longer than that is over, whatever else the capture holds. */
#define CAP_OPEN_IDLE_US (130ULL * 1000000)
/* At most this many reported connections linger (about 64 MB): a capture
 * of millions of short connections within 2MSL forgets the oldest early. */
#define CAP_GONE_MAX 262144

static void
tab_init(struct cap_tab *tb)
{
	tb->size = 1024;
	tb->n = 0;
	tb->b = xcalloc(tb->size, sizeof(*tb->b));
}

void
cap_tracker_init(struct cap_tracker *t, const struct cap_obs *obs,
    uint64_t watch)
{
	struct cmd prof = { .kind = CMD_PROFILE, .profile = PROFILE_LINUX };
	struct sim_result res;

	memset(t, 0, sizeof(*t));
	tab_init(&t->open);
	tab_init(&t->gone);
	world_init(&t->fresh);
	(void)world_apply(&t->fresh, &prof, &res);
	t->obs = *obs;
	t->watch = watch;
	t->next_id = 1;
	t->linger_us = CAP_LINGER_US;
	t->count_states = true;
}

static bool
end_eq(const struct cap_end *a, const struct cap_end *b)
{
	return a->port == b->port && memcmp(a->addr, b->addr, 16) == 0;
}

static uint64_t
end_hash(const struct cap_end *e)
{
	uint64_t h = e->port, w;

	for (int i = 0; i < 16; i += 8) {
		memcpy(&w, e->addr + i, 8);
		h = (h ^ w) * 0x9e3779b97f4a7c15ULL;
		h ^= h >> 29;
	}
	return h;
}

/* Symmetric: both directions of a connection hash alike. */
static size_t
key_hash(const struct cap_tab *tb, const struct cap_end *a,
    const struct cap_end *b)
{
	uint64_t h = end_hash(a) + end_hash(b);

	h ^= h >> 31;
	return (size_t)(h * 0xbf58476d1ce4e5b9ULL >> 20) & (tb->size - 1);
}

static struct cap_conn **
tab_find(struct cap_tab *tb, const struct cap_pkt *k)
{
	struct cap_conn **pp = &tb->b[key_hash(tb, &k->src, &k->dst)];

	for (; *pp != NULL; pp = &(*pp)->hnext) {
		struct cap_conn *c = *pp;

		if (c->v6 == k->v6 && ((end_eq(&c->end[0], &k->src) &&
		    end_eq(&c->end[1], &k->dst)) || (end_eq(&c->end[0],
		    &k->dst) && end_eq(&c->end[1], &k->src))))
			return pp;
	}
	return pp;
}

static void
tab_link(struct cap_tab *tb, struct cap_conn *c)
{
	size_t j = key_hash(tb, &c->end[0], &c->end[1]);

	c->hnext = tb->b[j];
	tb->b[j] = c;
}

static void
tab_insert(struct cap_tab *tb, struct cap_conn *c)
{
	if (++tb->n > tb->size / 2) {	/* short chains */
		struct cap_conn **old = tb->b;
		size_t n = tb->size;

		tb->size *= 2;
		tb->b = xcalloc(tb->size, sizeof(*tb->b));
		for (size_t i = 0; i < n; i++)
			while (old[i] != NULL) {
				struct cap_conn *o = old[i];

				old[i] = o->hnext;
				tab_link(tb, o);
			}
		free(old);
	}
	tab_link(tb, c);
}

static void
tab_remove(struct cap_tab *tb, struct cap_conn *c)
{
	struct cap_conn **pp = &tb->b[key_hash(tb, &c->end[0], &c->end[1])];

	while (*pp != c)
		pp = &(*pp)->hnext;
	*pp = c->hnext;
	tb->n--;
}

static void
tab_free(struct cap_tab *tb)
{
	for (size_t i = 0; i < tb->size; i++)
		while (tb->b[i] != NULL) {
			struct cap_conn *c = tb->b[i];

			tb->b[i] = c->hnext;
			if (c->live != NULL)
				world_free(&c->live->w);
			free(c->live);
			free(c);
		}
	free(tb->b);
}

static enum sim_dir
conn_dir(const struct cap_conn *c, const struct cap_pkt *k)
{
	return end_eq(&k->src, &c->end[HOST_CLIENT]) ? DIR_C2S : DIR_S2C;
}

static void
fin_unlink(struct cap_tracker *t, struct cap_conn *c)
{
	if (!c->finished)
		return;
	*(c->fprev ? &c->fprev->fnext : &t->fhead) = c->fnext;
	*(c->fnext ? &c->fnext->fprev : &t->ftail) = c->fprev;
	c->fprev = c->fnext = NULL;
	c->finished = false;
}

static void
fin_append(struct cap_tracker *t, struct cap_conn *c)
{
	fin_unlink(t, c);
	c->deadline = t->now_us + t->linger_us;
	c->fprev = t->ftail;
	*(t->ftail ? &t->ftail->fnext : &t->fhead) = c;
	t->ftail = c;
	c->finished = true;
}

static void
open_unlink(struct cap_tracker *t, struct cap_conn *c)
{
	if (!c->opening)
		return;
	*(c->oprev ? &c->oprev->onext : &t->ohead) = c->onext;
	*(c->onext ? &c->onext->oprev : &t->otail) = c->oprev;
	c->oprev = c->onext = NULL;
	c->opening = false;
}

/* The opening list is in order of last segment: touched ones go last. */
static void
open_touch(struct cap_tracker *t, struct cap_conn *c)
{
	open_unlink(t, c);
	c->oprev = t->otail;
	*(t->otail ? &t->otail->onext : &t->ohead) = c;
	t->otail = c;
	c->opening = true;
}

static void
linger_unlink(struct cap_tracker *t, struct cap_conn *c)
{
	if (!c->lingering)
		return;
	*(c->lprev ? &c->lprev->lnext : &t->lhead) = c->lnext;
	*(c->lnext ? &c->lnext->lprev : &t->ltail) = c->lprev;
	c->lprev = c->lnext = NULL;
	c->lingering = false;
	t->nlinger--;
}

/* A finished connection keeps its world: it goes last, as the newest. */
static void
linger_append(struct cap_tracker *t, struct cap_conn *c)
{
	linger_unlink(t, c);
	c->lprev = t->ltail;
	*(t->ltail ? &t->ltail->lnext : &t->lhead) = c;
	t->ltail = c;
	c->lingering = true;
	t->nlinger++;
}

static void
conn_start(struct cap_tracker *t, struct cap_conn *c)
{
	c->started = true;
	cap_infer_start(t, c);
	for (unsigned i = 0; i < c->live->npending; i++)
		cap_infer(t, c, &c->live->pending[i],
		    conn_dir(c, &c->live->pending[i]));
	c->live->npending = 0;
}

/* The held segments through the world, once the FIN that began the hold
 * is explained (or nothing more will come: final). */
static void
conn_release(struct cap_tracker *t, struct cap_conn *c, bool final)
{
	struct cap_live *l = c->live;

	if (!cap_fin_decide(c, l->pending, l->npending,
	    conn_dir(c, &l->pending[0]), final))
		return;
	l->holding = false;
	l->cross_next = cap_fin_crossed(l->pending, l->npending);
	for (unsigned i = 0; i < l->npending; i++)
		cap_infer(t, c, &l->pending[i], conn_dir(c, &l->pending[i]));
	l->npending = 0;
}

/* A started connection: a host's first FIN (neither side has sent one)
 * is held with what follows until close() and shutdown() can be told
 * apart; everything else goes through the world at once. */
static void
conn_step(struct cap_tracker *t, struct cap_conn *c, const struct cap_pkt *k,
    enum sim_dir d)
{
	struct cap_live *l = c->live;
	uint8_t fl = k->seg.flags;

	if (!l->holding && (!(fl & TCP_FIN) || (fl & (TCP_SYN | TCP_RST)) ||
	    c->fin_seen[0] || c->fin_seen[1])) {
		cap_infer(t, c, k, d);
		return;
	}
	l->holding = true;
	l->pending[l->npending++] = *k;
	conn_release(t, c, false);
}

/* Report the connection and free its world; the rest lingers. */
static void
conn_report(struct cap_tracker *t, struct cap_conn *c)
{
	if (c->live == NULL)
		return;
	linger_unlink(t, c);
	if (!c->started)
		conn_start(t, c);
	if (c->live->holding)
		conn_release(t, c, true);
	for (int h = 0; h < 2; h++)
		c->final[h] = c->live->w.host[h].tcb.state;
	if (c->hs == CAP_HS_INCOMPLETE)
		c->flags |= CAP_F_INCOMPLETE;
	cap_stats_done(&t->st, c);
	if (t->obs.done != NULL)
		t->obs.done(t->obs.ctx, c);
	world_free(&c->live->w);
	free(c->live);
	c->live = NULL;
	t->nlive--;
	tab_remove(&t->open, c);
	tab_insert(&t->gone, c);
}

/* Too many finished worlds: the oldest is reported early.  The watched
 * one keeps its world (the caller reads it to the end) but takes no more
 * segments, as if it had been reported. */
static void
linger_evict(struct cap_tracker *t, struct cap_conn *c)
{
	if (!c->watched) {
		conn_report(t, c);
		return;
	}
	linger_unlink(t, c);
	c->sealed = true;
}

/* Report the connection if need be, and forget it. */
static void
conn_retire(struct cap_tracker *t, struct cap_conn *c)
{
	conn_report(t, c);
	tab_remove(&t->gone, c);
	fin_unlink(t, c);
	open_unlink(t, c);
	t->nopen--;
	if (t->count_states)
		cap_stats_count(&t->st, c, true);
	free(c);
}

static struct cap_conn *
conn_new(struct cap_tracker *t, const struct cap_pkt *k, bool reused)
{
	struct cap_conn *c = xcalloc(1, sizeof(*c));
	uint8_t fl = k->seg.flags;
	bool src_client;

	if ((fl & TCP_SYN) && !(fl & TCP_ACK))
		src_client = true;
	else if (fl & TCP_SYN)
		src_client = false;
	else	/* no handshake seen: the ephemeral (higher) port connected */
		src_client = k->src.port >= k->dst.port;
	c->id = t->next_id++;
	c->v6 = k->v6;
	c->end[HOST_CLIENT] = src_client ? k->src : k->dst;
	c->end[HOST_SERVER] = src_client ? k->dst : k->src;
	c->first_us = k->ts_us;
	c->first_fin = -1;
	c->flags = reused ? CAP_F_REUSED : 0;
	c->watched = c->id == t->watch;
	c->live = xmalloc(sizeof(*c->live));	/* the world is set below */
	c->live->npending = 0;
	c->live->holding = false;
	c->live->cross_next = c->live->deferred = false;
	c->live->def_id = 0;
	/* The watched connection applies its profile as a command, which
	 * --to-scenario prints (cap_infer_start). */
	if (c->watched)
		world_init(&c->live->w);
	else
		c->live->w = t->fresh;
	c->live->w.keep_trace = c->watched;
	t->nopen++;
	/* Open at once: a finished one keeping its world is not open. */
	if (++t->nlive - t->nlinger > t->st.open_max)
		t->st.open_max = t->nlive - t->nlinger;
	tab_insert(&t->open, c);
	return c;
}

/* A SYN with an ISN other than the one this side used: a new connection
 * on a reused 4-tuple. */
static bool
conn_new_syn(const struct cap_conn *c, const struct cap_pkt *k,
    enum sim_dir d)
{
	return (k->seg.flags & (TCP_SYN | TCP_ACK)) == TCP_SYN &&
	    c->isn_known[d] && k->seg.seq != c->isn[d];
}

static void
conn_feed(struct cap_tracker *t, struct cap_conn *c, const struct cap_pkt *k,
    enum sim_dir d)
{
	uint8_t fl = k->seg.flags;

	c->nsegs++;
	c->last_us = k->ts_us;
	c->nbytes[d] += k->seg.len;
	if ((fl & TCP_SYN) && !c->isn_known[d]) {
		c->isn_known[d] = true;
		c->isn[d] = k->seg.seq;
	}
	if (c->started) {
		conn_step(t, c, k, d);
		return;
	}
	c->live->pending[c->live->npending++] = *k;
	if (!(fl & TCP_SYN) || (fl & TCP_ACK) || c->live->npending == CAP_PENDING ||
	    (c->isn_known[0] && c->isn_known[1]))
		conn_start(t, c);
}

static bool
conn_over(const struct cap_conn *c)
{
	if (c->live == NULL)
		return true;
	for (int h = 0; h < 2; h++) {
		enum tcp_state s = c->live->w.host[h].tcb.state;

		if (s != TCP_CLOSED && s != TCP_TIME_WAIT)
			return false;
	}
	return c->started;
}

void
cap_tracker_packet(struct cap_tracker *t, const struct cap_pkt *k)
{
	struct cap_conn *c;
	bool reused = false;
	enum sim_dir d = DIR_C2S;

	t->now_us = k->ts_us;
	while (t->fhead != NULL && t->fhead->deadline <= t->now_us)
		conn_retire(t, t->fhead);
	while (t->ohead != NULL && t->ohead->last_us + CAP_OPEN_IDLE_US <=
	    t->now_us) {
		t->st.abandoned++;
		conn_retire(t, t->ohead);
	}
	if (t->count_states)
		cap_stats_tick(&t->st, t->now_us);
	c = *tab_find(&t->open, k);
	if (c == NULL)
		c = *tab_find(&t->gone, k);
	if (c != NULL) {
		d = conn_dir(c, k);
		if (conn_new_syn(c, k, d)) {
			conn_retire(t, c);
			c = NULL;
			reused = true;
		}
	}
	if (c == NULL) {
		c = conn_new(t, k, reused);
		d = conn_dir(c, k);
	}
	if (c->live == NULL || c->sealed) {	/* late: a reported one's */
		t->st.late++;
		return;
	}
	conn_feed(t, c, k, d);
	if (!c->started || c->hs == CAP_HS_INCOMPLETE)
		open_touch(t, c);
	else
		open_unlink(t, c);
	if (!conn_over(c)) {
		fin_unlink(t, c);
		linger_unlink(t, c);
		return;
	}
	/* Reported at its deadline (conn_retire), watched or not: until
	 * then its segments go through its world. */
	linger_append(t, c);
	fin_append(t, c);
	while (t->nlinger > CAP_LINGER_LIVE_MAX)
		linger_evict(t, t->lhead);
	while (t->gone.n > CAP_GONE_MAX && t->fhead != NULL)
		conn_retire(t, t->fhead);
}

static int
conn_cmp_id(const void *a, const void *b)
{
	const struct cap_conn *x = *(struct cap_conn *const *)a;
	const struct cap_conn *y = *(struct cap_conn *const *)b;

	return x->id < y->id ? -1 : x->id > y->id;
}

/* End of file: the open ones are reported in id order. */
void
cap_tracker_finish(struct cap_tracker *t)
{
	struct cap_conn **all = xcalloc(t->open.n + 1, sizeof(*all));
	size_t n = 0;

	for (size_t i = 0; i < t->open.size; i++)
		for (struct cap_conn *c = t->open.b[i]; c; c = c->hnext)
			all[n++] = c;
	qsort(all, n, sizeof(*all), conn_cmp_id);
	for (size_t i = 0; i < n; i++)
		conn_retire(t, all[i]);
	free(all);
	for (size_t i = 0; i < t->gone.size; i++)
		while (t->gone.b[i] != NULL)
			conn_retire(t, t->gone.b[i]);
}

void
cap_tracker_free(struct cap_tracker *t)
{
	tab_free(&t->open);
	tab_free(&t->gone);
	world_free(&t->fresh);
	free(t->evs);
	memset(t, 0, sizeof(*t));
}
