/*
 * "Put these segments in the order they are sent."
 *
 * Data model: a story whose order a student can work out from its
 * description alone (a normal opening, maybe one write, a close by one
 * side or a half-close) is replayed and every segment sent is read from
 * the trace.  A window of four to six consecutive, distinct segments is
 * asked; the items are stored in the order sent and shown shuffled.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/i18n.h"
#include "lib/xalloc.h"
#include "quiz/quiz_internal.h"

struct sent {
	enum sim_host_id host;
	struct tcp_seg seg;
	unsigned char phase;
};

static unsigned
order_sends(const struct story *st, struct sent *out, unsigned max)
{
	struct world w;
	struct sim_result res;
	unsigned n = 0;

	world_init(&w);
	for (unsigned i = 0; i < st->n; i++) {
		world_trace_clear(&w);
		(void)world_apply(&w, &st->cmd[i], &res);
		for (size_t j = 0; j < w.ntrace && n < max; j++) {
			const struct sim_ev *e = &w.trace[j];

			if (e->kind != SIM_EV_TCP || e->tcp.kind != TCP_EV_SEND)
				continue;
			out[n].host = e->host;
			out[n].seg = e->tcp.seg;
			out[n++].phase = st->phase[i];
		}
	}
	world_free(&w);
	return n;
}

char *
quiz_order_item(enum sim_host_id from, const struct tcp_seg *seg)
{
	char s[96];

	/* TRANSLATORS: between a label and what it labels; Chinese uses a
	 * full-width colon. */
	return quiz_strdupf("%s \u2192 %s%s%s", quiz_host_str(from),
	    quiz_host_str((enum sim_host_id)(1 - from)), _(": "),
	    quiz_seg_str(seg, s, sizeof(s)));
}

static uint16_t
story_send_len(const struct story *st, enum story_phase ph)
{
	for (unsigned i = 0; i < st->n; i++)
		if (st->cmd[i].kind == CMD_SEND && st->phase[i] == ph)
			return (uint16_t)st->cmd[i].num;
	return 0;
}

/* Linux delays the ACK of data and of a FIN (its delayed ACK, the
 * 3-segment close), so "everything acknowledged" would be false there and
 * the ACK of a FIN rides on the next segment: the student is told. */
static void
order_stem_linux(struct sbuf *b, const struct story *st)
{
	enum sim_host_id x = st->closer, y = (enum sim_host_id)(1 - x);

	sbuf_add(b, "%s", _("Both hosts run Linux's TCP (profile linux), "
	    "which holds back the ACK of data or of a FIN so that it can ride "
	    "on the next segment the host sends."));
	quiz_sentence_gap(b);
	if (st->close == CLOSE_HALF)
		sbuf_add(b, ngettext("When everything sent so far has "
		    "arrived, the %s shuts down its sending side; as soon as "
		    "that FIN arrives, the %s writes %u more byte and closes "
		    "at once.", "When everything sent so far has arrived, the "
		    "%s shuts down its sending side; as soon as that FIN "
		    "arrives, the %s writes %u more bytes and closes at once.",
		    story_send_len(st, PH_CLOSE)), quiz_host_str(x),
		    quiz_host_str(y), (unsigned)story_send_len(st, PH_CLOSE));
	else
		sbuf_add(b, _("When everything sent so far has arrived, the %s "
		    "closes, and the %s closes as soon as it has read the end "
		    "of the stream."), quiz_host_str(x), quiz_host_str(y));
}

static void
order_stem(struct quiz_question *q, const struct story *st)
{
	struct sbuf b = { 0 };
	enum sim_host_id x = st->closer, y = (enum sim_host_id)(1 - x);

	sbuf_add(&b, _("The server listens and the client connects (client ISN "
	    "%lu, server ISN %lu)."), (unsigned long)st->isn[0],
	    (unsigned long)st->isn[1]);
	if (st->data)
		quiz_sentence_gap(&b);
	if (st->data)
		sbuf_add(&b, ngettext("When the connection is established, "
		    "the %s's application writes %u byte.", "When the "
		    "connection is established, the %s's application writes "
		    "%u bytes.", st->data_len),
		    quiz_host_str(st->data_from), (unsigned)st->data_len);
	quiz_sentence_gap(&b);
	if (st->linux)
		order_stem_linux(&b, st);
	else if (st->close == CLOSE_HALF)
		sbuf_add(&b, ngettext("When everything sent so far is "
		    "acknowledged, the %s shuts down its sending side; as "
		    "soon as that FIN arrives, the %s writes %u more byte and "
		    "closes at once.", "When everything sent so far is "
		    "acknowledged, the %s shuts down its sending side; as "
		    "soon as that FIN arrives, the %s writes %u more bytes and "
		    "closes at once.",
		    story_send_len(st, PH_CLOSE)), quiz_host_str(x),
		    quiz_host_str(y), (unsigned)story_send_len(st, PH_CLOSE));
	else
		sbuf_add(&b, _("When everything sent so far is acknowledged, "
		    "the %s closes, and the %s closes as soon as it has read "
		    "the end of the stream."), quiz_host_str(x),
		    quiz_host_str(y));
	if (st->delayed_ack && !st->linux) {
		quiz_sentence_gap(&b);
		sbuf_add(&b, "%s", _("Delayed ACK is on: the ACK of a FIN "
		    "waits to ride on the next segment."));
	}
	quiz_sentence_gap(&b);
	sbuf_add(&b, "%s", _("Nothing is lost and no timer expires. Put these "
	    "segments in the order they are sent."));
	q->stem = sbuf_take(&b);
}

/* Two items from one host with the same numbers: then the numbers alone
 * do not tell their order, cause and effect do. */
static bool
order_same_numbers(const struct sent *s, unsigned start, unsigned len)
{
	for (unsigned i = start; i < start + len; i++)
		for (unsigned j = i + 1; j < start + len; j++)
			if (s[i].host == s[j].host &&
			    s[i].seg.seq == s[j].seg.seq &&
			    (s[i].seg.flags & s[j].seg.flags & TCP_ACK) &&
			    s[i].seg.ack == s[j].seg.ack)
				return true;
	return false;
}

static char *
order_explain(const struct sent *s, unsigned start, unsigned len)
{
	if (order_same_numbers(s, start, len))
		return xstrdup(_("Each segment's seq continues where that "
		    "host's previous one ended (a SYN or FIN counts as one), "
		    "and each ack names the next byte the host expects. Two "
		    "segments here carry the same numbers, so cause and effect "
		    "decide between them: a host acknowledges a segment when "
		    "it arrives, and sends its own FIN only when its "
		    "application closes."));
	return xstrdup(_("Each segment's seq continues where that host's "
	    "previous one ended (a SYN or FIN counts as one), and each ack "
	    "names the next byte the host expects, so the numbers give the "
	    "order away."));
}

static bool
order_window(const struct sent *s, unsigned n, unsigned start, unsigned len)
{
	if (start + len > n)
		return false;
	for (unsigned i = start; i < start + len; i++)
		for (unsigned j = i + 1; j < start + len; j++)
			if (s[i].host == s[j].host && s[i].seg.flags ==
			    s[j].seg.flags && s[i].seg.seq == s[j].seg.seq &&
			    s[i].seg.ack == s[j].seg.ack)
				return false;
	return true;
}

bool
quiz_gen_order(struct quiz_rng *r, struct quiz_question *q)
{
	struct story st;
	struct sent s[STORY_MAX];
	unsigned n, len, start;

	quiz_story_build(&st, r);
	if (st.open != OPEN_NORMAL || (st.close != CLOSE_CLIENT &&
	    st.close != CLOSE_SERVER && st.close != CLOSE_HALF))
		return false;
	n = order_sends(&st, s, STORY_MAX);
	len = 4 + quiz_rng_below(r, 3);
	if (n < len)
		return false;
	start = quiz_rng_below(r, n - len + 1);
	if (!order_window(s, n, start, len))
		return false;
	q->type = QUIZ_T_ORDER;
	for (unsigned i = start; i < start + len; i++) {
		char *item = quiz_order_item(s[i].host, &s[i].seg);

		(void)quiz_opt_add(q, item, NULL);
		free(item);
		if (s[i].phase == PH_OPEN)
			q->topics |= QUIZ_TOPIC_BIT(QUIZ_TOP_HANDSHAKE);
		if (s[i].phase == PH_CLOSE)
			q->topics |= QUIZ_TOPIC_BIT(QUIZ_TOP_CLOSE);
	}
	if (q->nopt != len)
		return false;
	q->topics |= QUIZ_TOPIC_BIT(QUIZ_TOP_NUMBERS);
	quiz_opt_shuffle(q, r);
	order_stem(q, &st);
	q->scenario = quiz_scenario_text(st.cmd, st.n, false);
	q->alts = quiz_story_alts(&st);
	q->explain = order_explain(s, start, len);
	return true;
}
