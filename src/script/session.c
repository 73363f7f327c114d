/*
 * Sessions: applying, undoing and saving the learner's commands (see
 * session.h).  Every command goes through world_apply or the backend;
 * the session never touches a TCB.  Expect commands are marked passed or
 * failed so lecture mode can show its checks; the watch is told, and
 * says it in its own words.  With a backend, w mirrors what the menu
 * and the status line read (the segments in flight, the timers, the
 * clock), kept from the backend's trace as it goes.
 */
#include <config.h>

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "lib/xalloc.h"
#include "script/parse.h"
#include "script/session.h"

static void session_mark(struct session *s, const struct sim_result *res);

/* What w says is in force with a backend at its start: the kernels'
 * (profile linux, delayed ACKs on), for the what-if switches. */
void
session_be_world(struct session *s)
{
	s->w.profile = PROFILE_LINUX;
	s->w.cfg.delayed_ack = true;
}

static void
session_fresh(struct session *s)
{
	world_free(&s->w);
	world_init(&s->w);
	s->w.keep_trace = true;
	if (s->be != NULL && s->rebuild != NULL && !s->rebuild(s))
		s->be = NULL;
	if (s->be != NULL)
		session_be_world(s);
	if (s->watch != NULL && s->watch->reset != NULL)
		s->watch->reset(s->watch_arg);
	s->pos = 0;
	s->npass = s->nfail = 0;
	memset(&s->last, 0, sizeof(s->last));
}

void
session_init(struct session *s)
{
	memset(s, 0, sizeof(*s));
	world_init(&s->w);
	s->w.keep_trace = true;
}

void
session_watch(struct session *s, const struct session_watch *watch,
    void *arg)
{
	s->watch = watch;
	s->watch_arg = arg;
}

/* Forget what observe said of a step (it is being done again). */
static void
session_rec_unsay(struct session_rec *r)
{
	for (size_t i = 0; i < r->nsays; i++)
		free(r->says[i]);
	free(r->says);
	r->says = NULL;
	r->nsays = 0;
}

void
session_free(struct session *s)
{
	world_free(&s->w);
	free(s->cmds);
	free(s->marks);
	free(s->clock);
	for (size_t i = 0; i < s->caprecs; i++) {
		session_rec_unsay(&s->recs[i]);
		free(s->recs[i].ev);
	}
	free(s->recs);
	memset(s, 0, sizeof(*s));
}

static void
session_store(struct session *s, size_t at, const struct cmd *c)
{
	xgrow(&s->cmds, &s->capcmds, at + 1, sizeof(*s->cmds));
	s->marks = xreallocarray(s->marks, s->capcmds, sizeof(*s->marks));
	s->cmds[at] = *c;
	s->marks[at] = SESSION_NONE;
	s->ncmds = at + 1;
}

void
session_load(struct session *s, const struct cmd *cmds, size_t n)
{
	session_fresh(s);
	s->ncmds = 0;
	for (size_t i = 0; i < n; i++)
		session_store(s, i, &cmds[i]);
}

/* Hand a trace to the watch, with the capture time of cmds[pos] when
 * the session has one. */
static void
session_tell(struct session *s, const struct sim_ev *ev, size_t n,
    const uint64_t *clock)
{
	if (s->watch != NULL && s->watch->fold != NULL)
		s->watch->fold(s->watch_arg, ev, n, clock);
}

/* After cmds[pos] was applied: hand its trace to the watch, mark it. */
static bool
session_fold(void *arg, struct world *w, size_t i,
    const struct sim_result *res)
{
	struct session *s = arg;

	(void)i;
	assert(s->pos < s->ncmds && w == &s->w);
	s->last = *res;
	session_tell(s, w->trace, w->ntrace,
	    s->pos < s->nclock ? &s->clock[s->pos] : NULL);
	session_mark(s, res);
	return true;
}

/* cmds[pos] was applied and its trace folded: mark it (a check passed
 * or failed, an event refused) and move on. */
static void
session_mark(struct session *s, const struct sim_result *res)
{
	const struct cmd *c = &s->cmds[s->pos];
	enum session_mark m = SESSION_NONE;

	if (cmd_is_expect(c->kind)) {
		m = res->status == SIM_OK ? SESSION_PASS : SESSION_FAIL;
		if (m == SESSION_PASS)
			s->npass++;
		else
			s->nfail++;
	} else if (res->status != SIM_OK)
		m = SESSION_BAD;
	s->marks[s->pos] = m;
	if (m != SESSION_NONE && s->watch != NULL &&
	    s->watch->marked != NULL)
		s->watch->marked(s->watch_arg, s, c, m);
	s->pos++;
}

/* The segments in flight and the clock, as the backend's trace told
 * them, copied into w: the menu, the segment choice and the status bar
 * read them there.  Nothing else of w is used with a backend. */
static void
session_mirror_timer(struct session *s, const struct sim_ev *e)
{
	struct tcp_tcb *tcb = &s->w.host[e->host].tcb;
	const struct tcp_ev *t = &e->tcp;

	if (e->kind != SIM_EV_TCP)
		return;
	/* A kernel socket has one timer (as inet_diag reports it): a new
	 * one replaces whatever ran before. */
	if (t->kind == TCP_EV_TIMER_ARM) {
		memset(tcb->armed, 0, sizeof(tcb->armed));
		tcb->armed[t->timer] = true;
		tcb->due[t->timer] = t->due;
	} else if (t->kind == TCP_EV_TIMER_STOP ||
	    t->kind == TCP_EV_TIMER_FIRE)
		tcb->armed[t->timer] = false;
	else if (t->kind == TCP_EV_STATE && t->to == TCP_CLOSED)
		memset(tcb->armed, 0, sizeof(tcb->armed));
}

/* A segment put on the wire (sent, copied, injected) joins w's wire in
 * the order it was sent; one whose fate came (delivered, lost, expired)
 * leaves it. */
static void
session_mirror_wire(struct session *s, const struct sim_ev *e)
{
	struct world *w = &s->w;
	size_t i;

	switch (e->kind) {
	case SIM_EV_TCP:
		if (e->tcp.kind != TCP_EV_SEND)
			return;
		/* FALLTHROUGH */
	case SIM_EV_DUP:
	case SIM_EV_INJECT:
		xgrow(&w->wire, &w->capwire, w->nwire + 1, sizeof(*w->wire));
		w->wire[w->nwire++] = e->flight;
		return;
	case SIM_EV_DELIVER:
	case SIM_EV_LOST:
	case SIM_EV_EXPIRED:
		for (i = 0; i < w->nwire && w->wire[i].id != e->flight.id; i++)
			;
		if (i == w->nwire)
			return;
		memmove(&w->wire[i], &w->wire[i + 1],
		    (w->nwire - i - 1) * sizeof(*w->wire));
		w->nwire--;
		return;
	}
}

static void
session_mirror(struct session *s, const struct sim_ev *ev, size_t n)
{
	if (n > 0 && ev[n - 1].time > s->w.now)
		s->w.now = ev[n - 1].time;
	for (size_t i = 0; i < n; i++) {
		session_mirror_timer(s, &ev[i]);
		session_mirror_wire(s, &ev[i]);
	}
}

/* Keep what step at did (c: its own trace, replacing what a replay
 * recorded before; NULL: more, which the backend did by itself). */
static void
session_record(struct session *s, size_t at, const struct cmd *c,
    const struct sim_ev *ev, size_t n)
{
	struct session_rec *r;
	size_t cap = s->caprecs;

	if (cap <= at) {
		xgrow(&s->recs, &s->caprecs, at + 1, sizeof(*s->recs));
		memset(s->recs + cap, 0, (s->caprecs - cap) *
		    sizeof(*s->recs));
	}
	r = &s->recs[at];
	if (c != NULL) {
		r->n = 0;
		session_rec_unsay(r);
	}
	if (n == 0)
		return;
	xgrow(&r->ev, &r->cap, r->n + n, sizeof(*r->ev));
	memcpy(r->ev + r->n, ev, n * sizeof(*ev));
	r->n += n;
}

/* One more sentence about the step whose record is r (NULL: none, the
 * lab's own start): kept with the step, so the event log tells it too,
 * and handed to the watch. */
static void
session_say(struct session *s, struct session_rec *r, const char *line)
{
	if (r != NULL) {
		r->says = xreallocarray(r->says, r->nsays + 1,
		    sizeof(*r->says));
		r->says[r->nsays++] = xstrdup(line);
	}
	if (s->watch != NULL && s->watch->say != NULL)
		s->watch->say(s->watch_arg, line);
}

static void
session_feed(struct session *s, const struct cmd *c)
{
	struct wbackend *b = s->be;
	const struct sim_ev *ev;
	struct session_rec *r = NULL;
	char line[1024];
	size_t n;

	ev = b->ops->trace(b->self, &n);
	if (c != NULL || s->pos > 0) {
		size_t at = c != NULL ? s->pos : s->pos - 1;

		session_record(s, at, c, ev, n);
		r = &s->recs[at];
	}
	session_tell(s, ev, n, NULL);
	session_mirror(s, ev, n);
	if (s->observe != NULL && s->observe(s, c, ev, n, line, sizeof(line)))
		session_say(s, r, line);
	b->ops->trace_clear(b->self);
}

void
session_feed_be(struct session *s)
{
	session_feed(s, NULL);
}

/* The same for a backend: its trace is read and emptied each time. */
static void
session_fold_be(struct session *s, const struct sim_result *res)
{
	s->last = *res;
	session_feed(s, &s->cmds[s->pos]);
	s->recs[s->pos].res = *res;
	session_mark(s, res);
}

/* The what-if switches flip what w says is in force: with a backend,
 * w follows the settings the backend accepted. */
static void
session_mirror_set(struct session *s, const struct cmd *c,
    const struct sim_result *res)
{
	if (res->status != SIM_OK)
		return;
	if (c->kind == CMD_SET && c->key == SET_DELAYED_ACK)
		s->w.cfg.delayed_ack = c->on;
	else if (c->kind == CMD_PROFILE)
		s->w.profile = c->profile;
}

/* Apply cmds[pos] and hand its trace to the watch. */
static void
session_step(struct session *s)
{
	struct sim_result res;

	if (s->be == NULL) {
		(void)world_replay(&s->w, &s->cmds[s->pos], 1, &res,
		    session_fold, s);
		return;
	}
	memset(&res, 0, sizeof(res));
	(void)wbackend_apply(s->be, &s->cmds[s->pos], &res);
	session_mirror_set(s, &s->cmds[s->pos], &res);
	session_fold_be(s, &res);
}

/* Whether c is possible now, and if not why, in s->last. */
static enum sim_status
session_can(struct session *s, const struct cmd *c)
{
	if (s->be != NULL)
		return s->be->ops->can(s->be->self, c, &s->last);
	return world_can(&s->w, c, &s->last);
}

/* Newly made (undo, goto): apply cmds[0..pos) again. */
static void
session_replay(struct session *s, size_t pos)
{
	if (s->be == NULL) {
		(void)world_replay(&s->w, s->cmds, pos, &s->last,
		    session_fold, s);
		return;
	}
	while (s->pos < pos)
		session_step(s);
}

enum sim_status
session_do(struct session *s, const struct cmd *c)
{
	memset(&s->last, 0, sizeof(s->last));
	if (!cmd_is_expect(c->kind) &&
	    session_can(s, c) != SIM_OK)
		return s->last.status == SIM_OK ? SIM_IMPOSSIBLE :
		    s->last.status;
	if (s->pos < s->nclock)
		s->nclock = s->pos;
	session_store(s, s->pos, c);
	session_step(s);
	s->unsaved = true;
	return s->last.status;
}

void
session_clock(struct session *s, const uint64_t *ms, size_t n)
{
	s->clock = xreallocarray(s->clock, n > 0 ? n : 1, sizeof(*ms));
	if (n > 0)
		memcpy(s->clock, ms, n * sizeof(*ms));
	s->nclock = n;
}

uint64_t
session_now(const struct session *s)
{
	if (s->pos > 0 && s->pos <= s->nclock)
		return s->clock[s->pos - 1];
	return s->w.now;
}

bool
session_redo(struct session *s)
{
	if (s->pos >= s->ncmds)
		return false;
	session_step(s);
	return true;
}

void
session_goto(struct session *s, size_t pos)
{
	if (pos > s->ncmds)
		pos = s->ncmds;
	session_fresh(s);
	session_replay(s, pos);
	if (s->watch != NULL && s->watch->settle != NULL)
		s->watch->settle(s->watch_arg);
}

bool
session_undo(struct session *s)
{
	if (s->pos == 0)
		return false;
	session_goto(s, s->pos - 1);
	return true;
}

/* cmds[0..pos): what the learner sees applied, not what redo holds. */
bool
session_save(struct session *s, const char *path, char *err,
    size_t errsize)
{
	if (!script_save_file(s->cmds, s->pos, path, err, errsize))
		return false;
	s->unsaved = false;
	return true;
}

bool
session_unsaved(const struct session *s)
{
	return s->unsaved && s->pos > 0;
}
