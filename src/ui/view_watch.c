/*
 * The view model as a session's watch.
 *
 * The session (script/session.h) applies the learner's commands and
 * hands over each one's trace and how it came out; the view folds the
 * trace into its ladder and narrates the verdicts in the words of
 * script/session_text.c (a check quoted in the arrows' number mode).
 * The number mode outlives a replay.
 */
#include <config.h>

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

/* A check's verdict, or why an event was refused, as narration. */
static void
view_watch_marked(void *arg, const struct session *s, const struct cmd *c,
    enum session_mark m)
{
	struct view *v = arg;
	char line[256], buf[640];

	if (session_mark_text(m, session_check_line(s, c, &v->lad, v->num,
	    line, sizeof(line)), s->last.msg, buf, sizeof(buf)) != NULL)
		view_narrate(v, buf);
}

/* What the session adds about a step (the lab's profile linux). */
static void
view_watch_say(void *arg, const char *sentence)
{
	view_narrate(arg, sentence);
}

static const struct session_watch view_watch_ops = {
	.reset = view_watch_reset,
	.fold = view_watch_fold,
	.marked = view_watch_marked,
	.settle = view_watch_settle,
	.say = view_watch_say,
};

void
view_watch(struct view *v, struct session *s)
{
	session_watch(s, &view_watch_ops, v);
}
