/*
 * The words of a computed hint (see hint.h): what is true in the
 * learner's world (in flight, states, pending timers), then the first
 * move of the way found, by its key and by what the core does when it is
 * played on a copy of that world.
 *
 * Data model: nothing is kept; each sentence is a whole translated
 * message, joined to the text before it with a space or, between Chinese
 * sentences, without one (utf8_join_space).
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/i18n.h"
#include "sim/ladder_text.h"
#include "lib/sbuf.h"
#include "lib/utf8.h"
#include "lib/xalloc.h"
#include "lesson/hint.h"

#define HINT_EFFECTS 3		/* consequences told of the first move */

static void
hint_say(struct sbuf *b, const char *s)
{
	if (b->len > 0 && utf8_join_space(b->p, s))
		sbuf_add(b, " ");
	sbuf_add(b, "%s", s);
}

/* Seconds as the lessons write them: "1", "1.2", "0.05". */
static char *
hint_secs(uint64_t ms, char *buf, size_t size)
{
	struct lesson_value v = { true, (int64_t)ms, "", false };

	return lesson_value_str(&v, buf, size);
}

/* "#5 SYN+ACK (s>c)" */
static char *
hint_flight(const struct flight *f, char *buf, size_t size)
{
	char fl[TCP_FLAGS_BUFSZ];

	snprintf(buf, size, "#%lu %s (%s)", (unsigned long)f->id,
	    tcp_flags_str(f->seg.flags, fl), sim_dir_name(f->dir));
	return buf;
}

static void
hint_wire(struct sbuf *b, const struct world *w)
{
	char list[512] = "", one[64], s[640];
	size_t o = 0;

	if (w->nwire == 0) {
		hint_say(b, _("Nothing is in flight now."));
		return;
	}
	for (size_t i = 0; i < w->nwire && o + 80 < sizeof(list); i++)
		o += (size_t)snprintf(list + o, sizeof(list) - o, "%s%s",
		    i > 0 ? ", " : "", hint_flight(&w->wire[i], one,
		    sizeof(one)));
	/* TRANSLATORS: a list such as "#5 SYN+ACK (s>c), #6 ACK (c>s)". */
	snprintf(s, sizeof(s), _("In flight now: %s."), list);
	hint_say(b, s);
}

/* Each host's state, then each pending timer, soonest first. */
static void
hint_hosts(struct sbuf *b, const struct world *w, const struct lhint *lh)
{
	char s[320], t[32];
	bool told[2][TCP_NTIMERS] = { { false } };
	enum sim_host_id fh;
	enum tcp_timer ft;
	uint64_t due;

	/* The timer the hint's key fires is told there, not twice. */
	if (lh->way == LHINT_FOUND && lh->moves[0].kind == CMD_WAIT_TIMER &&
	    world_next_timer(w, &fh, &ft, &due))
		told[fh][ft] = true;

	/* TRANSLATORS: the client's state, then the server's. */
	snprintf(s, sizeof(s), _("The client is in %s and the server in %s."),
	    tcp_state_name(w->host[HOST_CLIENT].tcb.state),
	    tcp_state_name(w->host[HOST_SERVER].tcb.state));
	hint_say(b, s);
	for (;;) {
		int bh = -1, bk = 0;

		for (int h = 0; h < 2; h++)
			for (int k = 0; k < TCP_NTIMERS; k++)
				if (w->host[h].tcb.armed[k] && !told[h][k] &&
				    (bh < 0 || w->host[h].tcb.due[k] <
				    w->host[bh].tcb.due[bk])) {
					bh = h;
					bk = k;
				}
		if (bh < 0)
			return;
		told[bh][bk] = true;
		/* TRANSLATORS: host, timer name, seconds. */
		snprintf(s, sizeof(s), _("The %s's %s timer fires at %s s."),
		    sim_host_text((enum sim_host_id)bh),
		    _(tcp_timer_name((enum tcp_timer)bk)),
		    hint_secs(w->host[bh].tcb.due[bk], t, sizeof(t)));
		hint_say(b, s);
	}
}

/* The menu's key for each event, and the socket call it makes. */
static const struct {
	enum cmd_kind k;
	char key;
	const char *call;
} hint_keys[] = {
	{ CMD_LISTEN, 'l', "listen" }, { CMD_CONNECT, 'c', "connect" },
	{ CMD_SEND, 's', "send" }, { CMD_READ, 'v', "read" },
	{ CMD_CLOSE, 'x', "close" }, { CMD_SHUTDOWN, 'h', "shutdown" },
	{ CMD_ABORT, 'a', "abort" }, { CMD_CRASH, 'k', NULL },
	{ CMD_DELIVER, 'd', NULL }, { CMD_DROP, 'z', NULL },
	{ CMD_DUP, '+', NULL }, { CMD_SETTLE, 'e', NULL },
	{ CMD_WAIT_TIMER, 't', NULL }
};
#define HINT_NKEYS (sizeof(hint_keys) / sizeof(hint_keys[0]))

static size_t
hint_key_of(const struct cmd *c)
{
	for (size_t i = 0; i < HINT_NKEYS; i++)
		if (hint_keys[i].k == c->kind)
			return i;
	return HINT_NKEYS;
}

static char
hint_letter(const struct cmd *c)
{
	size_t i = hint_key_of(c);

	if (i == HINT_NKEYS || (c->kind == CMD_SEND && c->num != 100))
		return 0;
	return c->kind <= CMD_READ && c->host == HOST_SERVER ?
	    (char)(hint_keys[i].key - 'a' + 'A') : hint_keys[i].key;
}

char *
lhint_key(const struct cmd *c, const struct world *w, uint32_t sel,
    char *buf, size_t size)
{
	char key = hint_letter(c), line[256];
	const struct flight *f = world_find(w, &c->sel);
	uint32_t chosen = w->nwire > 0 ? w->wire[0].id : 0;

	for (size_t i = 0; i < w->nwire; i++)
		if (w->wire[i].id == sel)
			chosen = sel;
	if (key == 0)
		/* TRANSLATORS: follows "Press"; a scenario command. */
		snprintf(buf, size, _(": and type `%s`"), script_format(c, line,
		    sizeof(line)));
	else if (f != NULL && c->sel.kind == SEL_ID && f->id != chosen)
		/* TRANSLATORS: follows "Press"; a segment's number picks
		 * it, then the key acts on it. */
		snprintf(buf, size, _("%lu, then %c"), (unsigned long)f->id,
		    key);
	else
		snprintf(buf, size, "%c", key);
	return buf;
}

/* What the move itself is, as a clause after "Press KEY:". */
static char *
hint_clause(const struct cmd *c, const struct world *w, char *buf,
    size_t size)
{
	const struct flight *f = world_find(w, &c->sel);
	char fl[TCP_FLAGS_BUFSZ], t[32], line[256];
	enum sim_host_id h;
	enum tcp_timer tm;
	uint64_t due;

	if (f != NULL && c->kind == CMD_DELIVER)
		snprintf(buf, size, _("#%lu %s arrives at the %s"),
		    (unsigned long)f->id, tcp_flags_str(f->seg.flags, fl),
		    sim_host_text((enum sim_host_id)(1 - f->dir)));
	else if (f != NULL && c->kind == CMD_DROP)
		snprintf(buf, size, _("#%lu %s is dropped"),
		    (unsigned long)f->id, tcp_flags_str(f->seg.flags, fl));
	else if (c->kind == CMD_WAIT_TIMER && world_next_timer(w, &h, &tm,
	    &due))
		/* TRANSLATORS: host, timer name, seconds. */
		snprintf(buf, size, _("the %s's %s timer fires at %s s"),
		    sim_host_text(h), _(tcp_timer_name(tm)), hint_secs(due, t,
		    sizeof(t)));
	else if (c->kind == CMD_SETTLE)
		snprintf(buf, size, "%s", _("everything in flight is "
		    "delivered, and every answer to it"));
	else if (c->kind == CMD_WAIT)
		snprintf(buf, size, _("the clock moves on by %s s"),
		    hint_secs(world_dur_ms(w, &c->dur), t, sizeof(t)));
	else if (hint_key_of(c) < HINT_NKEYS &&
	    hint_keys[hint_key_of(c)].call != NULL)
		/* TRANSLATORS: host, then a socket call such as close. */
		snprintf(buf, size, _("the %s calls %s()"), sim_host_text(c->host),
		    hint_keys[hint_key_of(c)].call);
	else
		snprintf(buf, size, _("`%s` is played"), script_format(c, line,
		    sizeof(line)));
	return buf;
}

/* One consequence of the move from its trace, or false. */
static bool
hint_effect(const struct sim_ev *e, bool settle, char *buf, size_t size)
{
	char fl[TCP_FLAGS_BUFSZ];

	if (e->kind != SIM_EV_TCP)
		return false;
	if (e->tcp.kind == TCP_EV_STATE) {
		/* TRANSLATORS: host, state. */
		snprintf(buf, size, _("The %s enters %s."), sim_host_text(e->host),
		    tcp_state_name(e->tcp.to));
		return true;
	}
	if (e->tcp.kind != TCP_EV_SEND || settle)
		return false;
	tcp_flags_str(e->flight.seg.flags, fl);
	if (e->tcp.rexmit)
		/* TRANSLATORS: host, flags, the copy's segment number. */
		snprintf(buf, size, _("The %s resends its %s as #%lu."),
		    sim_host_text(e->host), fl, (unsigned long)e->flight.id);
	else
		/* TRANSLATORS: host, segment number, flags. */
		snprintf(buf, size, _("The %s sends #%lu %s."),
		    sim_host_text(e->host), (unsigned long)e->flight.id, fl);
	return true;
}

/* "Press t: the server's retransmission timer fires at 1 s." and what
 * then happens, from the core's own trace of the move. */
static void
hint_first(struct sbuf *b, const struct cmd *c, const struct world *w,
    uint32_t sel)
{
	char key[320], clause[320], s[800];
	struct sim_result res;
	struct world t;
	int told = 0;

	/* TRANSLATORS: a key (or "7, then d"), then what it does. */
	snprintf(s, sizeof(s), _("Press %s: %s."), lhint_key(c, w, sel, key,
	    sizeof(key)), hint_clause(c, w, clause, sizeof(clause)));
	hint_say(b, s);
	world_copy(&t, w);
	t.keep_trace = true;
	(void)world_apply(&t, c, &res);
	for (size_t i = 0; i < t.ntrace && told < HINT_EFFECTS; i++)
		if (hint_effect(&t.trace[i], c->kind == CMD_SETTLE, s,
		    sizeof(s))) {
			hint_say(b, s);
			told++;
		}
	world_free(&t);
}

static void
hint_way(struct sbuf *b, const struct lhint *h, const struct world *w,
    uint32_t sel)
{
	char s[400];

	switch (h->way) {
	case LHINT_DONE:
		hint_say(b, _("The goal is reached: press n for the next "
		    "step."));
		return;
	case LHINT_FOUND:
		hint_first(b, &h->moves[0], w, sel);
		snprintf(s, sizeof(s), ngettext("From here the goal is %zu "
		    "move away.", "From here the goal is %zu moves away.",
		    h->nmoves), h->nmoves);
		hint_say(b, s);
		return;
	case LHINT_GONE:
		hint_say(b, _("From here the goal can no longer be reached: "
		    "press u to undo your last event, or R to restart the "
		    "step."));
		return;
	case LHINT_FAR:
		snprintf(s, sizeof(s), _("No way to the goal within %d moves "
		    "from here: press u to undo your last event, or R to "
		    "restart the step."), LHINT_DEPTH);
		hint_say(b, s);
		return;
	}
}

void
lhint_describe(struct lhint *h, const struct world *w, uint32_t sel)
{
	struct sbuf b = { h->text, sizeof(h->text), 0, false };

	h->text[0] = '\0';
	if (h->past)
		hint_say(&b, _("You went past the goal."));
	/* The key first: a short panel shows the start of the hint. */
	hint_way(&b, h, w, sel);
	hint_wire(&b, w);
	hint_hosts(&b, w, h);
}

/* Which check the learner's move broke: it held before (wb) and fails
 * after (wa), told as what had to stay true; false when none can be
 * told so. */
static bool
hint_need(const struct lrun *lr, const struct world *wb,
    const struct world *wa, char *buf, size_t size)
{
	const struct script *ck = &lrun_cur(lr)->check;
	char fl[TCP_FLAGS_BUFSZ];

	for (size_t i = 0; i < ck->n; i++) {
		const struct cmd *c = &ck->cmds[i];
		struct sim_result res = { SIM_OK, "" };

		if (world_expect(wb, c, &lr->base, &res) != SIM_OK ||
		    world_expect(wa, c, &lr->base, &res) == SIM_OK)
			continue;
		tcp_flags_str(c->seg.flags, fl);
		if (c->kind == CMD_EXPECT_STATE)
			/* TRANSLATORS: host, state. */
			snprintf(buf, size, _("the %s had to stay in %s"),
			    sim_host_text(c->host), tcp_state_name(c->state));
		else if (c->kind == CMD_EXPECT_INFLIGHT &&
		    c->sel.kind == SEL_ID)
			/* TRANSLATORS: segment number, flags. */
			snprintf(buf, size, _("#%lu %s had to stay in flight"),
			    (unsigned long)c->sel.id, fl);
		else if (c->kind == CMD_EXPECT_INFLIGHT)
			/* TRANSLATORS: flags, the host that sent it. */
			snprintf(buf, size, _("the %s from the %s had to stay "
			    "in flight"), fl, sim_host_text(c->sel.kind == SEL_DIR ?
			    (enum sim_host_id)c->sel.dir : HOST_CLIENT));
		else
			continue;
		return true;
	}
	return false;
}

/* "You pressed d: ..." or "You typed `wait 10min`: ...": the learner's
 * move as they made it, and what it did in wb. */
static void
hint_yours(struct sbuf *b, const struct cmd *c, const struct world *wb)
{
	char key[320], clause[320], line[256], s[800];

	hint_clause(c, wb, clause, sizeof(clause));
	if (hint_letter(c) != 0)
		/* TRANSLATORS: the learner's key(s), what the move did. */
		snprintf(s, sizeof(s), _("You pressed %s: %s."),
		    lhint_key(c, wb, 0, key, sizeof(key)), clause);
	else
		/* TRANSLATORS: a scenario command the learner typed after
		 * ":", then what it did. */
		snprintf(s, sizeof(s), _("You typed `%s`: %s."),
		    script_format(c, line, sizeof(line)), clause);
	hint_say(b, s);
}

bool
lhint_stray_text(const struct lrun *lr, const struct cmd *cmds, size_t base,
    size_t pos, char *buf, size_t size)
{
	struct sbuf b = { buf, size, 0, false };
	struct lhint *before = xcalloc(1, sizeof(*before));
	char need[320], key[320], s[800];
	struct world wb, wa;
	size_t at;
	bool found = lhint_stray(lr, cmds, base, pos, &at, before) &&
	    before->way == LHINT_FOUND;

	if (!found) {
		free(before);
		return false;
	}
	buf[0] = '\0';
	world_init(&wb);
	wb.keep_trace = false;
	lrun_play_session(&wb, cmds, at);
	world_copy(&wa, &wb);
	lrun_play_session(&wa, &cmds[at], 1);
	hint_yours(&b, &cmds[at], &wb);
	if (hint_need(lr, &wb, &wa, need, sizeof(need)))
		/* TRANSLATORS: what had to stay true, e.g. "#1 SYN had to
		 * stay in flight". */
		snprintf(s, sizeof(s), _("From there the goal can no longer "
		    "be reached: %s."), need);
	else
		snprintf(s, sizeof(s), "%s", _("From there the goal can no "
		    "longer be reached with this step's events."));
	hint_say(&b, s);
	if (at + 1 == pos)
		/* TRANSLATORS: the key that goes the step's way instead. */
		snprintf(s, sizeof(s), _("Press u, then %s."),
		    lhint_key(&before->moves[0], &wb, 0, key, sizeof(key)));
	else
		snprintf(s, sizeof(s), "%s", _("Press u until it is undone."));
	hint_say(&b, s);
	world_free(&wa);
	world_free(&wb);
	free(before);
	return true;
}
