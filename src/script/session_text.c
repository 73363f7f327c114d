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

/* Replace " key=RAW" in line by the number as mode m shows it; false
 * when it stays raw (it belongs to no incarnation the ladder knows). */
static bool
session_renum(const struct ladder *l, enum ladder_num m, char *line,
    size_t size, const char *key, enum sim_host_id owner, uint32_t raw)
{
	char pat[32], num[32], *at, *rest;
	uint32_t inc = ladder_inc(l, owner);

	snprintf(pat, sizeof(pat), " %s=%" PRIu32, key, raw);
	at = strstr(line, pat);
	if (at == NULL || inc == LADDER_NOINC ||
	    ladder_num_is_raw(l, m, owner, inc, raw))
		return false;
	rest = xstrdup(at + strlen(pat));
	ladder_num(l, m, owner, inc, raw, num, sizeof(num));
	snprintf(at, size - (size_t)(at - line), " %s=%s%s", key, num, rest);
	free(rest);
	return true;
}

/* Each number of check c in mode m, the segment's direction that of f
 * (else c's); true when one of them stays raw. */
static bool
session_check_renum(const struct cmd *c, const struct flight *f,
    const struct ladder *l, enum ladder_num m, char *line, size_t size)
{
	enum sim_host_id from, to;
	bool raw = false;

	from = (f != NULL ? f->dir : c->sel.dir) == DIR_C2S ? HOST_CLIENT :
	    HOST_SERVER;
	to = from == HOST_CLIENT ? HOST_SERVER : HOST_CLIENT;
	if (c->seg.has_seq)
		raw = !session_renum(l, m, line, size, "seq", from,
		    c->seg.seq);
	if (c->seg.has_ack)
		raw = !session_renum(l, m, line, size, "ack", to,
		    c->seg.ack) || raw;
	return raw;
}

/* A segment chosen by its #N (the capture replay's checks) is renumbered
 * by the direction of that segment in flight; one no longer there stays
 * raw.  Numbers that stay raw are marked as the ladder marks its label
 * (the tester's report item 2: "seq=0 ack=91" read as two relative
 * numbers); an injected segment's stay raw unmarked, as its arrow's. */
char *
session_check_line(const struct session *s, const struct cmd *c,
    const struct ladder *l, enum ladder_num m, char *line, size_t size)
{
	const struct flight *f = NULL;
	bool raw;
	size_t o;

	script_format(c, line, size);
	if (m == LADDER_NUM_RAW || c->kind != CMD_EXPECT_INFLIGHT)
		return line;
	if (c->sel.kind == SEL_ID)
		f = world_find(&s->w, &c->sel);
	if (f != NULL && f->origin == ORIGIN_INJECT)
		return line;
	if (c->sel.kind != SEL_DIR && f == NULL)
		raw = c->seg.has_seq || c->seg.has_ack;
	else
		raw = session_check_renum(c, f, l, m, line, size);
	o = strlen(line);
	if (raw)
		snprintf(line + o, size - o, "%s", _(" [raw]"));
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
