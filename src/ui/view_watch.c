/*
 * The view model as a session's watch.
 *
 * The session (script/session.h) applies the learner's commands and
 * hands over each one's trace and how it came out; the view folds the
 * trace into its ladder and narrates the verdicts.  A check is quoted in
 * the number mode the arrows are drawn in, so that the check and the
 * ladder never seem to disagree.  The number mode outlives a replay.
 */
#include <config.h>

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/i18n.h"
#include "lib/xalloc.h"
#include "script/parse.h"
#include "script/session.h"
#include "ui/view.h"

static void
view_watch_reset(void *arg)
{
	struct view *v = arg;
	enum ladder_num num = v->num;

	view_reset(v);
	v->num = num;
}

static void
view_watch_fold(void *arg, const struct sim_ev *ev, size_t n,
    const uint64_t *clock)
{
	struct view *v = arg;

	view_begin(v);
	if (clock != NULL)
		ladder_set_clock(&v->lad, *clock);
	view_feed(v, ev, n);
	view_end(v);
}

static void
view_watch_settle(void *arg)
{
	view_settle(arg);
}

/* Replace " key=RAW" in line by the number as the view shows it. */
static void
view_renum(const struct view *v, char *line, size_t size, const char *key,
    enum sim_host_id owner, uint32_t raw)
{
	const struct ladder_host *vh = &v->lad.host[owner];
	char pat[32], num[32], *at, *rest;

	snprintf(pat, sizeof(pat), " %s=%" PRIu32, key, raw);
	at = strstr(line, pat);
	if (at == NULL || vh->niss == 0)
		return;
	rest = xstrdup(at + strlen(pat));
	ladder_num(&v->lad, v->num, owner, vh->niss - 1, raw, num, sizeof(num));
	snprintf(at, size - (size_t)(at - line), " %s=%s%s", key, num, rest);
	free(rest);
}

/* An expect line in the number mode the arrows are drawn in.  A segment
 * chosen by its #N (the capture replay's checks) is renumbered by the
 * direction of that segment in flight; one no longer there stays raw. */
static void
view_expect_text(const struct view *v, const struct session *s,
    const struct cmd *c, char *line, size_t size)
{
	const struct flight *f = NULL;
	enum sim_host_id from;

	script_format(c, line, size);
	if (v->num == LADDER_NUM_RAW || c->kind != CMD_EXPECT_INFLIGHT)
		return;
	if (c->sel.kind == SEL_ID && (f = world_find(&s->w, &c->sel)) == NULL)
		return;
	if (c->sel.kind != SEL_DIR && f == NULL)
		return;
	from = (f != NULL ? f->dir : c->sel.dir) == DIR_C2S ? HOST_CLIENT :
	    HOST_SERVER;
	if (c->seg.has_seq)
		view_renum(v, line, size, "seq", from, c->seg.seq);
	if (c->seg.has_ack)
		view_renum(v, line, size, "ack", from == HOST_CLIENT ?
		    HOST_SERVER : HOST_CLIENT, c->seg.ack);
}

/* A check's verdict, or why an event was refused, as narration. */
static void
view_watch_marked(void *arg, const struct session *s, const struct cmd *c,
    enum session_mark m)
{
	struct view *v = arg;
	char line[256], buf[640];

	switch (m) {
	case SESSION_NONE:
		return;
	case SESSION_BAD:
		view_narrate(v, s->last.msg);
		return;
	case SESSION_PASS:
		view_expect_text(v, s, c, line, sizeof(line));
		/* TRANSLATORS: a scenario line such as "expect client LISTEN". */
		snprintf(buf, sizeof(buf), _("Check passed: %s"), line);
		break;
	case SESSION_FAIL:
		view_expect_text(v, s, c, line, sizeof(line));
		/* TRANSLATORS: a scenario line, then what went wrong. */
		snprintf(buf, sizeof(buf), _("Check failed: %s: %s"), line,
		    s->last.msg);
		break;
	}
	view_narrate(v, buf);
}

static const struct session_watch view_watch_ops = {
	.reset = view_watch_reset,
	.fold = view_watch_fold,
	.marked = view_watch_marked,
	.settle = view_watch_settle,
};

void
view_watch(struct view *v, struct session *s)
{
	session_watch(s, &view_watch_ops, v);
}
