/*
 * What a front end says about a session's steps, as the scenario
 * language writes them: why an event the learner chose cannot be done
 * now, a check's verdict, and a check's line in the number mode the
 * ladder's arrows are drawn in, so that the check and the ladder never
 * seem to disagree.
 *
 * Data model: none of its own; it reads the session (its world and the
 * newest result) and the ladder's ISN incarnations (sim/ladder.h), and
 * writes translated sentences into the caller's buffers.
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
#include "script/session.h"

bool
session_try(struct session *s, const struct cmd *c, char *why, size_t size)
{
	char line[256];
	size_t before = s->pos;

	(void)session_do(s, c);
	/* A new event is recorded after the current one, or refused. */
	assert(s->pos == before || s->pos == before + 1);
	if (s->pos != before)
		return true;
	script_format(c, line, sizeof(line));
	/* TRANSLATORS: a scenario command, then why it is impossible. */
	snprintf(why, size, _("Cannot do \"%s\" now: %s"), line, s->last.msg);
	return false;
}

/* Replace " key=RAW" in line by the number as mode m shows it. */
static void
session_renum(const struct ladder *l, enum ladder_num m, char *line,
    size_t size, const char *key, enum sim_host_id owner, uint32_t raw)
{
	char pat[32], num[32], *at, *rest;

	snprintf(pat, sizeof(pat), " %s=%" PRIu32, key, raw);
	at = strstr(line, pat);
	if (at == NULL || ladder_inc(l, owner) == LADDER_NOINC)
		return;
	rest = xstrdup(at + strlen(pat));
	ladder_num(l, m, owner, ladder_inc(l, owner), raw, num, sizeof(num));
	snprintf(at, size - (size_t)(at - line), " %s=%s%s", key, num, rest);
	free(rest);
}

/* A segment chosen by its #N (the capture replay's checks) is renumbered
 * by the direction of that segment in flight; one no longer there stays
 * raw. */
char *
session_check_line(const struct session *s, const struct cmd *c,
    const struct ladder *l, enum ladder_num m, char *line, size_t size)
{
	const struct flight *f = NULL;
	enum sim_host_id from;

	script_format(c, line, size);
	if (m == LADDER_NUM_RAW || c->kind != CMD_EXPECT_INFLIGHT)
		return line;
	if (c->sel.kind == SEL_ID && (f = world_find(&s->w, &c->sel)) == NULL)
		return line;
	if (c->sel.kind != SEL_DIR && f == NULL)
		return line;
	from = (f != NULL ? f->dir : c->sel.dir) == DIR_C2S ? HOST_CLIENT :
	    HOST_SERVER;
	if (c->seg.has_seq)
		session_renum(l, m, line, size, "seq", from, c->seg.seq);
	if (c->seg.has_ack)
		session_renum(l, m, line, size, "ack", from == HOST_CLIENT ?
		    HOST_SERVER : HOST_CLIENT, c->seg.ack);
	return line;
}

char *
session_mark_text(enum session_mark m, const char *line, const char *msg,
    char *buf, size_t size)
{
	switch (m) {
	case SESSION_NONE:
		return NULL;
	case SESSION_BAD:
		snprintf(buf, size, "%s", msg);
		break;
	case SESSION_PASS:
		/* TRANSLATORS: a scenario line such as "expect client
		 * LISTEN". */
		snprintf(buf, size, _("Check passed: %s"), line);
		break;
	case SESSION_FAIL:
		/* TRANSLATORS: a scenario line, then what went wrong. */
		snprintf(buf, size, _("Check failed: %s: %s"), line, msg);
		break;
	}
	return buf;
}
