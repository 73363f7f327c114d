/*
 * "How many segments does the whole connection take?" and "which state is
 * HOST in after this close-phase event?".
 *
 * Data model: the count question runs a whole connection told in a few
 * words (an opening, maybe one write, a way of closing, delayed ACK on or
 * off) and counts the segments the trace shows, after letting every timer
 * run out.  The stem pins the timing the plan follows: a close waits until
 * everything sent has been acknowledged (a held-back ACK goes out when its
 * timer expires), so no other reading gives another count.  The
 * close-state question cuts a story inside its closing (simultaneous
 * closes weighted up, so CLOSING is asked) and hands it to the state
 * question.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/i18n.h"
#include "lib/xalloc.h"
#include "quiz/quiz_internal.h"

enum count_close { CC_NORMAL, CC_ABORT, CC_SIMULTANEOUS };

/* Run the world on: deliver what is in flight (y closes right when it
 * reads the end of the stream), and when nothing is, let the next timer
 * fire, until nothing is left (quiet: only held ACKs count as pending). */
static bool
count_run(struct plan *p, struct world *w, enum sim_host_id y,
    bool *y_closed, bool quiet)
{
	struct sim_result res;
	enum sim_host_id th;
	enum tcp_timer t;
	uint64_t due;
	bool ok = true;

	while (ok && p->n < STORY_MAX - 2) {
		struct cmd c = quiz_cmd(CMD_DELIVER);

		if (w->nwire == 0 && (!world_next_timer(w, &th, &t, &due) ||
		    (quiet && t != TCP_T_DELACK)))
			break;
		if (w->nwire == 0)
			c = quiz_cmd(CMD_WAIT_TIMER);
		ok = world_apply(w, &c, &res) == SIM_OK;
		plan_add(p, c);
		if (!*y_closed && w->host[y].tcb.state == TCP_CLOSE_WAIT) {
			c = quiz_cmd_host(CMD_CLOSE, y);
			ok = ok && world_apply(w, &c, &res) == SIM_OK;
			plan_add(p, c);
			*y_closed = true;
		}
	}
	return ok && p->n < STORY_MAX - 2;
}

/* at[0]: where the write starts, at[1]: where the close starts. */
static bool
count_plan(struct plan *p, enum count_close how, enum sim_host_id x,
    bool data, enum sim_host_id from, uint16_t len, unsigned at[2])
{
	struct world w;
	struct sim_result res;
	struct cmd c;
	enum sim_host_id y = (enum sim_host_id)(1 - x);
	bool ok, y_closed = true;

	plan_open(p);
	ok = quiz_replay(&w, p->c, p->n);
	at[0] = p->n;
	if (data) {
		c = quiz_cmd_host(CMD_SEND, from);
		c.num = len;
		ok = ok && world_apply(&w, &c, &res) == SIM_OK;
		plan_add(p, c);
		ok = ok && count_run(p, &w, y, &y_closed, true);
	}
	at[1] = p->n;
	c = quiz_cmd_host(how == CC_ABORT ? CMD_ABORT : CMD_CLOSE, x);
	ok = ok && world_apply(&w, &c, &res) == SIM_OK;
	plan_add(p, c);
	if (how == CC_SIMULTANEOUS) {
		c = quiz_cmd_host(CMD_CLOSE, y);
		ok = ok && world_apply(&w, &c, &res) == SIM_OK;
		plan_add(p, c);
	}
	y_closed = how != CC_NORMAL;
	ok = ok && count_run(p, &w, y, &y_closed, false);
	world_free(&w);
	return ok;
}

/* Segments sent in each part: open, write, close. */
static unsigned
count_sends(const struct plan *p, const unsigned at[2], unsigned part[3],
    bool *all_closed, bool *rst)
{
	struct world w;
	struct sim_result res;
	bool ok = true;

	world_init(&w);
	part[0] = part[1] = part[2] = 0;
	*rst = false;
	for (unsigned i = 0; i < p->n && ok; i++) {
		world_trace_clear(&w);
		ok = world_apply(&w, &p->c[i], &res) == SIM_OK;
		for (size_t j = 0; j < w.ntrace; j++) {
			const struct sim_ev *e = &w.trace[j];
			bool send = e->kind == SIM_EV_TCP &&
			    e->tcp.kind == TCP_EV_SEND;

			part[i >= at[1] ? 2 : i >= at[0] ? 1 : 0] += send;
			*rst = *rst || (send && (e->tcp.seg.flags & TCP_RST));
		}
	}
	*all_closed = ok && w.host[0].tcb.state == TCP_CLOSED &&
	    w.host[1].tcb.state == TCP_CLOSED;
	world_free(&w);
	return part[0] + part[1] + part[2];
}

static const char *
count_why(enum count_close how, bool delayed)
{
	switch (how) {
	case CC_ABORT:
		return _("An abort sends one RST and no FIN, and nobody "
		    "answers a RST.");
	case CC_SIMULTANEOUS:
		return delayed ? _("The two FINs cross; each side holds back "
		    "its ACK of the other's FIN, and with nothing to ride on "
		    "it "
		    "goes alone: four segments.") : _("The two FINs cross and "
		    "each is acknowledged: four segments, as in a normal "
		    "close.");
	case CC_NORMAL:
		break;
	}
	return delayed ? _("The ACK of the first FIN is held back and rides "
	    "on the peer's FIN, sent at once: a three-segment close, as real "
	    "captures often show.") : _("Each side's FIN and the ACK of it: "
	    "four segments.");
}

static void
count_stem(struct quiz_question *q, enum count_close how, enum sim_host_id x,
    bool data, enum sim_host_id from, uint16_t len, bool delayed)
{
	struct sbuf b = { 0 };
	enum sim_host_id y = (enum sim_host_id)(1 - x);

	sbuf_add(&b, "%s", _("The server listens and the client connects."));
	if (data) {
		quiz_sentence_gap(&b);
		sbuf_add(&b, ngettext("Then the %s's application writes %u "
		    "byte.", "Then the %s's application writes %u bytes.",
		    len),
		    quiz_host_str(from), (unsigned)len);
	}
	quiz_sentence_gap(&b);
	if (how == CC_ABORT)
		sbuf_add(&b, _("When everything sent so far has arrived and "
		    "been acknowledged, the %s aborts the connection (close() "
		    "with SO_LINGER 0)."),
		    quiz_host_str(x));
	else if (how == CC_SIMULTANEOUS)
		sbuf_add(&b, "%s", _("When everything sent so far has arrived "
		    "and been acknowledged, both applications call close() at "
		    "the same moment."));
	else
		sbuf_add(&b, _("When everything sent so far has arrived and "
		    "been acknowledged, the %s closes, and the %s closes as "
		    "soon as it has read the end of the stream."),
		    quiz_host_str(x), quiz_host_str(y));
	quiz_sentence_gap(&b);
	sbuf_add(&b, "%s", delayed ? _("Delayed ACK is on: an ACK is held back "
	    "until the delayed-ACK timer expires, unless it can ride on a "
	    "segment the host sends before then.") :
	    _("Delayed ACK is off: every ACK goes out at once."));
	quiz_sentence_gap(&b);
	sbuf_add(&b, "%s", _("Nothing is lost. How many segments do the two "
	    "hosts send in all, from the first SYN until both are CLOSED?"));
	q->stem = sbuf_take(&b);
}

bool
quiz_gen_count(struct quiz_rng *r, struct quiz_question *q)
{
	static const uint16_t sizes[] = { 100, 500, 1000 };
	struct plan p = { .n = 0 };
	enum count_close how = (enum count_close)(quiz_rng_below(r, 5) % 3);
	enum sim_host_id x = (enum sim_host_id)quiz_rng_below(r, 2);
	enum sim_host_id from = (enum sim_host_id)quiz_rng_below(r, 2);
	bool data = quiz_rng_below(r, 2), delayed = quiz_rng_below(r, 2),
	    closed, rst;
	uint16_t len = sizes[quiz_rng_below(r, 3)];
	unsigned n, at[2], part[3];

	plan_isns(&p, r);
	if (delayed)
		plan_set(&p, SET_DELAYED_ACK, 0, 0, true);
	if (!count_plan(&p, how, x, data, from, len, at))
		return false;
	n = count_sends(&p, at, part, &closed, &rst);
	/* The explanations below describe FIN closes and one abort: a
	 * connection the core ends otherwise is not asked about. */
	if (!closed || rst != (how == CC_ABORT))
		return false;
	q->type = QUIZ_T_NUMERIC;
	q->count = true;
	q->answer_ms = (uint64_t)n * 1000;
	q->topics = QUIZ_TOPIC_BIT(QUIZ_TOP_HANDSHAKE) |
	    QUIZ_TOPIC_BIT(how == CC_ABORT ? QUIZ_TOP_RST : QUIZ_TOP_CLOSE);
	q->scenario = plan_text(&p, 0, p.n);
	count_stem(q, how, x, data, from, len, delayed);
	/* A question without a write does not mention one in its answer. */
	if (data)
		q->explain = quiz_strdupf(_("%u for the handshake, %u for the "
		    "write (the data and its ACK) and %u for the end. %s"),
		    part[0], part[1], part[2], count_why(how, delayed));
	else
		q->explain = quiz_strdupf(_("%u for the handshake and %u for "
		    "the end; nothing is written. %s"), part[0], part[2],
		    count_why(how, delayed));
	return true;
}

/* --------------------------------------------------------- closestate */

bool
quiz_gen_closestate(struct quiz_rng *r, struct quiz_question *q)
{
	static const int closes[] = { CLOSE_SIMULTANEOUS, CLOSE_SIMULTANEOUS,
	    CLOSE_SIMULTANEOUS, CLOSE_CLIENT, CLOSE_SERVER, CLOSE_HALF,
	    CLOSE_LOST_ACK };
	struct story st;
	unsigned first = 0, n = 0, k;

	quiz_story_build_as(&st, r, OPEN_NORMAL,
	    closes[quiz_rng_below(r, 7)]);
	for (unsigned i = 0; i < st.n; i++)
		if (st.phase[i] == PH_CLOSE && st.cmd[i].kind != CMD_WAIT) {
			if (n++ == 0)
				first = i;
		}
	if (n == 0)
		return false;
	k = first + 1 + quiz_rng_below(r, n);
	q->host = (enum sim_host_id)quiz_rng_below(r, 2);
	if (!quiz_state_question(q, r, &st, k))
		return false;
	q->topics |= QUIZ_TOPIC_BIT(QUIZ_TOP_CLOSE);
	return true;
}
