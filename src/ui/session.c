/*
 * Sessions: applying, undoing and saving the learner's commands (see
 * session.h).  Every command goes through world_apply; the session never
 * touches a TCB.  Expect commands are marked passed or failed so lecture
 * mode can show its checks.
 */
#include <config.h>

#include <assert.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/i18n.h"
#include "lib/xalloc.h"
#include "script/parse.h"
#include "ui/session.h"

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
	enum view_num num = s->v.num;

	world_free(&s->w);
	world_init(&s->w);
	s->w.keep_trace = true;
	if (s->be != NULL && s->rebuild != NULL && !s->rebuild(s))
		s->be = NULL;
	if (s->be != NULL)
		session_be_world(s);
	view_reset(&s->v);
	s->v.num = num;
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
	view_init(&s->v);
}

void
session_free(struct session *s)
{
	world_free(&s->w);
	view_free(&s->v);
	free(s->cmds);
	free(s->marks);
	free(s->clock);
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

/* Replace " key=RAW" in line by the number as the view shows it. */
static void
session_renum(const struct session *s, char *line, size_t size,
    const char *key, enum sim_host_id owner, uint32_t raw)
{
	const struct ladder_host *vh = &s->v.lad.host[owner];
	char pat[32], num[32], *at, *rest;

	snprintf(pat, sizeof(pat), " %s=%" PRIu32, key, raw);
	at = strstr(line, pat);
	if (at == NULL || vh->niss == 0)
		return;
	rest = xstrdup(at + strlen(pat));
	view_num(&s->v, s->v.num, owner, vh->niss - 1, raw, num, sizeof(num));
	snprintf(at, size - (size_t)(at - line), " %s=%s%s", key, num, rest);
	free(rest);
}

/* An expect line in the number mode the arrows are drawn in, so that the
 * check and the ladder never seem to disagree. */
static void
session_expect_text(const struct session *s, const struct cmd *c,
    char *line, size_t size)
{
	enum sim_host_id from;

	script_format(c, line, size);
	if (s->v.num == VIEW_NUM_RAW || c->kind != CMD_EXPECT_INFLIGHT ||
	    c->sel.kind != SEL_DIR)
		return;
	from = c->sel.dir == DIR_C2S ? HOST_CLIENT : HOST_SERVER;
	if (c->seg.has_seq)
		session_renum(s, line, size, "seq", from, c->seg.seq);
	if (c->seg.has_ack)
		session_renum(s, line, size, "ack", from == HOST_CLIENT ?
		    HOST_SERVER : HOST_CLIENT, c->seg.ack);
}

static void
session_check(struct session *s, const struct cmd *c, enum sim_status st)
{
	char line[256], buf[640];

	session_expect_text(s, c, line, sizeof(line));
	if (st == SIM_OK) {
		s->npass++;
		s->marks[s->pos] = SESSION_PASS;
		/* TRANSLATORS: a scenario line such as "expect client LISTEN". */
		snprintf(buf, sizeof(buf), _("Check passed: %s"), line);
	} else {
		s->nfail++;
		s->marks[s->pos] = SESSION_FAIL;
		/* TRANSLATORS: a scenario line, then what went wrong. */
		snprintf(buf, sizeof(buf), _("Check failed: %s: %s"), line,
		    s->last.msg);
	}
	view_narrate(&s->v, buf);
}

/* After cmds[pos] was applied: fold its trace into the view, mark it. */
static bool
session_fold(void *arg, struct world *w, size_t i,
    const struct sim_result *res)
{
	struct session *s = arg;

	(void)i;
	assert(s->pos < s->ncmds && w == &s->w);
	s->last = *res;
	view_begin(&s->v);
	if (s->pos < s->nclock)
		ladder_set_clock(&s->v.lad, s->clock[s->pos]);
	view_feed(&s->v, w->trace, w->ntrace);
	view_end(&s->v);
	session_mark(s, res);
	return true;
}

/* cmds[pos] was applied and its trace folded: mark it (a check passed
 * or failed, an event refused) and move on. */
static void
session_mark(struct session *s, const struct sim_result *res)
{
	const struct cmd *c = &s->cmds[s->pos];

	if (cmd_is_expect(c->kind))
		session_check(s, c, res->status);
	else if (res->status != SIM_OK) {
		s->marks[s->pos] = SESSION_BAD;
		view_narrate(&s->v, s->last.msg);
	}
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

static void
session_mirror(struct session *s, const struct sim_ev *ev, size_t n)
{
	const struct view *v = &s->v;

	if (n > 0 && ev[n - 1].time > s->w.now)
		s->w.now = ev[n - 1].time;
	for (size_t i = 0; i < n; i++)
		session_mirror_timer(s, &ev[i]);
	s->w.nwire = 0;
	for (size_t i = 0; i < v->lad.narrows; i++) {
		if (v->lad.arrows[i].fate != LADDER_FLIGHT)
			continue;
		xgrow(&s->w.wire, &s->w.capwire, s->w.nwire + 1,
		    sizeof(*s->w.wire));
		s->w.wire[s->w.nwire++] = v->lad.arrows[i].f;
	}
}

static void
session_feed(struct session *s, const struct cmd *c)
{
	struct wbackend *b = s->be;
	const struct sim_ev *ev;
	size_t n;

	ev = b->ops->trace(b->self, &n);
	view_begin(&s->v);
	view_feed(&s->v, ev, n);
	view_end(&s->v);
	session_mirror(s, ev, n);
	if (s->observe != NULL)
		s->observe(s, c, ev, n);
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

/* Apply cmds[pos] and fold its trace into the view. */
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
	view_settle(&s->v);
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
session_save(const struct session *s, const char *path, char *err,
    size_t errsize)
{
	return script_save_file(s->cmds, s->pos, path, err, errsize);
}
