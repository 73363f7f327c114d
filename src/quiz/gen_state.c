/*
 * "Which state is HOST in now?" and "which segment does HOST send next?".
 *
 * Data model: both cut a story.  The state question replays the commands
 * before the cut and reads the host's state; its distractors are the
 * states next to it in the diagram (the edge table), the state the host
 * was in one step earlier and the peer's state.  The segment question
 * replays up to a command that makes the host send exactly one segment and
 * reads it from the trace; its distractors are the same segment with an
 * off-by-one seq or ack, seq and ack swapped, the ACK flag missing while an
 * ack number is still given, or a neighbouring flag combination.  Each
 * option's probe is an `expect` line, and quiz_filter_options drops any
 * distractor the simulator says is also true.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/edges.h"
#include "lib/i18n.h"
#include "lib/xalloc.h"
#include "quiz/quiz_internal.h"
#include "script/parse.h"

static void
add_state_opt(struct quiz_question *q, enum sim_host_id h, enum tcp_state s)
{
	char probe[96];

	snprintf(probe, sizeof(probe), "expect %s %s", sim_host_name(h),
	    tcp_state_name(s));
	(void)quiz_opt_add(q, tcp_state_name(s), probe);
}

/* Candidates in order of plausibility, then shuffled within the top. */
static unsigned
state_candidates(enum tcp_state ans, enum tcp_state before,
    enum tcp_state peer, enum tcp_state *cand)
{
	unsigned n = 0;

	cand[n++] = before;
	cand[n++] = peer;
	for (size_t i = 0; i < tcp_nedges; i++) {
		if (tcp_edges[i].from == ans)
			cand[n++] = tcp_edges[i].to;
		if (tcp_edges[i].to == ans)
			cand[n++] = tcp_edges[i].from;
	}
	return n;
}

static void
state_options(struct quiz_question *q, struct quiz_rng *r,
    enum tcp_state ans, enum tcp_state before, enum tcp_state peer)
{
	enum tcp_state cand[2 + 2 * 64];
	unsigned n = state_candidates(ans, before, peer, cand);

	add_state_opt(q, q->host, ans);
	q->correct = 0;
	/* Prefer the earlier state and the peer's, then random neighbours. */
	for (unsigned i = 0; i < 2 && q->nopt < 4; i++)
		if (cand[i] != ans && quiz_rng_below(r, 3) != 0)
			add_state_opt(q, q->host, cand[i]);
	for (unsigned tries = 0; tries < 32 && q->nopt < 4; tries++) {
		enum tcp_state s = cand[quiz_rng_below(r, n)];

		if (s != ans)
			add_state_opt(q, q->host, s);
	}
	for (unsigned s = 0; s < TCP_NSTATES && q->nopt < 4; s++)
		if ((enum tcp_state)s != ans && s != TCP_CLOSED)
			add_state_opt(q, q->host, (enum tcp_state)s);
}

static void
state_explain(struct quiz_question *q, const struct story *st, unsigned k,
    enum tcp_state ans)
{
	struct tcp_ev ev;
	char why[256];

	if (!quiz_last_change(st->cmd, k, q->host, &ev)) {
		q->explain = quiz_strdupf(_("Nothing has changed the %s's "
		    "state yet: it is still %s."), quiz_host_str(q->host),
		    tcp_state_name(ans));
		return;
	}
	q->explain = quiz_strdupf(_("The %s went from %s to %s: %s."),
	    quiz_host_str(q->host), tcp_state_name(ev.from),
	    tcp_state_name(ev.to), quiz_why_str(ev.why, why, sizeof(why)));
}

bool
quiz_gen_state(struct quiz_rng *r, struct quiz_question *q)
{
	struct story st;
	unsigned k;

	quiz_story_build(&st, r);
	if (st.n <= st.nsetup + 1)
		return false;
	k = st.nsetup + 1 + quiz_rng_below(r, st.n - st.nsetup);
	q->host = (enum sim_host_id)quiz_rng_below(r, 2);
	/* "The client connects: which state is it in?" teaches nothing. */
	if ((st.cmd[k - 1].kind == CMD_CONNECT ||
	    st.cmd[k - 1].kind == CMD_LISTEN) && st.cmd[k - 1].host == q->host)
		return false;
	return quiz_state_question(q, r, &st, k);
}

bool
quiz_state_question(struct quiz_question *q, struct quiz_rng *r,
    const struct story *s, unsigned k)
{
	const struct story st = *s;
	struct world w;
	enum tcp_state ans, before, peer;

	q->type = QUIZ_T_CHOICE;
	quiz_replay(&w, st.cmd, k - 1);
	before = w.host[q->host].tcb.state;
	world_free(&w);
	quiz_replay(&w, st.cmd, k);
	ans = w.host[q->host].tcb.state;
	peer = w.host[1 - q->host].tcb.state;
	world_free(&w);
	state_options(q, r, ans, before, peer);
	if (!quiz_filter_options(q, st.cmd, k, 4))
		return false;
	quiz_opt_shuffle(q, r);
	q->topics = quiz_story_topics(&st, k - 1);
	if (ans == TCP_TIME_WAIT)
		q->topics |= QUIZ_TOPIC_BIT(QUIZ_TOP_TIMEWAIT);
	q->stem = quiz_strdupf(_("The scenario below has just run. Which "
	    "state is the %s in now?"), quiz_host_str(q->host));
	q->scenario = quiz_scenario_text(st.cmd, k, true);
	q->figure = xstrdup(q->scenario);
	state_explain(q, &st, k, ans);
	return true;
}

/* ------------------------------------------------------------ segment */

struct segcand {
	uint8_t flags;
	uint32_t seq, ack;
	bool show_ack;
	uint16_t len;		/* shown when not 0, as the ladder does */
};

static void
add_seg_opt(struct quiz_question *q, const struct segcand *c)
{
	char text[96], fl[TCP_FLAGS_BUFSZ], probe[160];
	int n;

	if (c->flags == 0)
		return;		/* a segment without flags is no option */
	n = snprintf(text, sizeof(text), "%s seq=%lu",
	    tcp_flags_str(c->flags, fl), (unsigned long)c->seq);
	if (c->show_ack && n > 0 && (size_t)n < sizeof(text))
		n += snprintf(text + n, sizeof(text) - (size_t)n, " ack=%lu",
		    (unsigned long)c->ack);
	if (c->len > 0 && n > 0 && (size_t)n < sizeof(text))
		snprintf(text + n, sizeof(text) - (size_t)n, " len=%u",
		    (unsigned)c->len);
	snprintf(probe, sizeof(probe), "expect sent %s %s",
	    sim_host_name(q->host), text);
	(void)quiz_opt_add(q, text, probe);
}

/* Neighbouring flag combinations: what people confuse a segment with. */
static uint8_t
flag_confusion(uint8_t f, unsigned which)
{
	static const uint8_t pairs[][2] = {
		{ TCP_SYN, TCP_SYN | TCP_ACK },
		{ TCP_FIN | TCP_ACK, TCP_FIN },
		{ TCP_FIN | TCP_ACK, TCP_ACK },
		{ TCP_ACK, TCP_FIN | TCP_ACK },
		{ TCP_RST, TCP_RST | TCP_ACK },
		{ TCP_RST | TCP_ACK, TCP_RST },
		{ TCP_PSH | TCP_ACK, TCP_ACK },
		{ TCP_RST, TCP_FIN | TCP_ACK },
	};
	unsigned seen = 0;

	for (size_t i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++)
		if (pairs[i][0] == f && seen++ == which)
			return pairs[i][1];
	return f ^ TCP_ACK;
}

static unsigned
seg_candidates(const struct tcp_seg *s, uint32_t rcv_nxt, struct segcand *c)
{
	bool ack = (s->flags & TCP_ACK) != 0;
	uint32_t a = ack ? s->ack : rcv_nxt;
	unsigned n = 0;

	c[n++] = (struct segcand){ s->flags, s->seq + 1, a, ack, 0 };
	c[n++] = (struct segcand){ s->flags, s->seq - 1, a, ack, 0 };
	if (ack) {
		c[n++] = (struct segcand){ s->flags, s->seq, a + 1, true, 0 };
		c[n++] = (struct segcand){ s->flags, s->seq, a - 1, true, 0 };
		c[n++] = (struct segcand){ s->flags, a, s->seq, true, 0 };
		c[n++] = (struct segcand){ s->flags & ~TCP_ACK, s->seq, a,
		    true, 0 };
	}
	for (unsigned i = 0; i < 2; i++) {
		uint8_t f = flag_confusion(s->flags, i);

		c[n++] = (struct segcand){ f, s->seq, a, (f & TCP_ACK) != 0,
		    0 };
	}
	/* A data segment is named with its length (the write said how many
	 * bytes); a confusion without PSH carries none. */
	for (unsigned i = 0; i < n; i++)
		c[i].len = (c[i].flags & TCP_PSH) ? s->len : 0;
	return n;
}

static void
seg_options(struct quiz_question *q, struct quiz_rng *r,
    const struct tcp_seg *s, uint32_t rcv_nxt)
{
	struct segcand c[16], right = { s->flags, s->seq, s->ack,
	    (s->flags & TCP_ACK) != 0, s->len };
	unsigned n = seg_candidates(s, rcv_nxt, c);

	add_seg_opt(q, &right);
	q->correct = 0;
	for (unsigned tries = 0; tries < 24 && q->nopt < 4; tries++)
		add_seg_opt(q, &c[quiz_rng_below(r, n)]);
}

/* Indexes t where c[t] makes host h send exactly one segment. */
static unsigned
seg_triggers(const struct story *st, unsigned *t, enum sim_host_id *h,
    struct tcp_seg *seg)
{
	struct world w;
	struct sim_result res;
	unsigned n = 0;

	world_init(&w);
	for (unsigned i = 0; i < st->n; i++) {
		unsigned cnt[2] = { 0, 0 };
		struct tcp_seg last[2];

		world_trace_clear(&w);
		(void)world_apply(&w, &st->cmd[i], &res);
		for (size_t j = 0; j < w.ntrace; j++) {
			const struct sim_ev *e = &w.trace[j];

			if (e->kind == SIM_EV_TCP &&
			    e->tcp.kind == TCP_EV_SEND) {
				cnt[e->host]++;
				last[e->host] = e->tcp.seg;
			}
		}
		/* The SYN of connect() is given away by the ISN: skip it. */
		for (int x = 0; x < 2; x++)
			if (cnt[x] == 1 && n < STORY_MAX &&
			    st->cmd[i].kind != CMD_CONNECT) {
				t[n] = i;
				h[n] = (enum sim_host_id)x;
				seg[n++] = last[x];
			}
	}
	world_free(&w);
	return n;
}

/*
 * Why this segment has these numbers.  The rule differs by segment: a SYN
 * carries the ISN (also when retransmitted), a retransmission repeats the
 * oldest unacknowledged byte, a RST without ACK has no ack at all, and only
 * the ordinary segment takes SND.NXT and RCV.NXT.
 */
static char *
seg_explain(enum sim_host_id h, const struct tcp_seg *s, enum cmd_kind why)
{
	char seg[96];
	const char *host = quiz_host_str(h), *text = quiz_seg_str(s, seg,
	    sizeof(seg));

	if (s->flags & TCP_SYN)
		return quiz_strdupf(_("The %s sends %s. A SYN's seq is the "
		    "host's initial sequence number (ISS), on every "
		    "retransmission too; a SYN+ACK's ack is the peer's ISN "
		    "plus "
		    "one, since the SYN uses up one number."), host, text);
	if ((s->flags & TCP_RST) && !(s->flags & TCP_ACK))
		return quiz_strdupf(why == CMD_ABORT ?
		    _("The %s sends %s. An abort sends a RST whose seq is the "
		    "next number the host would have sent (SND.NXT); it has no "
		    "ACK flag, so there is no ack to give.") :
		    _("The %s sends %s. This RST answers a segment that "
		    "carried an ACK: its seq is that segment's ack "
		    "(<SEQ=SEG.ACK><CTL=RST>), and it has no ACK flag, so "
		    "there "
		    "is no ack to give."), host, text);
	if (s->flags & TCP_RST)
		return quiz_strdupf(_("The %s sends %s. This RST answers a "
		    "segment without ACK: its seq is 0 and its ack covers that "
		    "segment (SEG.SEQ plus its length), so the peer can tell "
		    "it is meant for it."), host, text);
	if (why == CMD_WAIT_TIMER)
		return quiz_strdupf(_("The %s sends %s. The retransmission "
		    "timer expired, so it repeats its oldest unacknowledged "
		    "segment: seq is SND.UNA, and the ack is the next number "
		    "it "
		    "expects from the peer (RCV.NXT)."), host, text);
	return quiz_strdupf(_("The %s sends %s. Its seq is the first sequence "
	    "number it has not sent yet (SND.NXT) and its ack the next one it "
	    "expects from the peer (RCV.NXT); a SYN and a FIN each use up one "
	    "sequence number, and the ACK flag says whether the ack field "
	    "means anything."), host, text);
}

static void
seg_text(struct quiz_question *q, const struct story *st, unsigned t,
    const struct tcp_seg *s)
{
	char *line = quiz_step_text(st->cmd, t), *note, *end;

	/* "deliver   # #7 c>s ..." reads better as "deliver" (#7 c>s ...). */
	note = strchr(line, '#');
	end = note != NULL ? note : line + strlen(line);
	while (end > line && end[-1] == ' ')
		end--;
	if (note != NULL)
		q->stem = quiz_strdupf(_("After the scenario below, the next "
		    "step is '%.*s' (%s). Which segment does the %s send?"),
		    (int)(end - line), line, note + 2, quiz_host_str(q->host));
	else
		q->stem = quiz_strdupf(_("After the scenario below, the next "
		    "step is '%s'. Which segment does the %s send?"), line,
		    quiz_host_str(q->host));
	q->scenario = quiz_scenario_text(st->cmd, t, true);
	q->figure = xstrdup(q->scenario);
	q->then = quiz_strdupf("%s\n", line);
	free(line);
	q->explain = seg_explain(q->host, s, st->cmd[t].kind);
}

bool
quiz_gen_segment(struct quiz_rng *r, struct quiz_question *q)
{
	struct story st;
	unsigned t[STORY_MAX], n, pick;
	enum sim_host_id h[STORY_MAX];
	struct tcp_seg seg[STORY_MAX];
	struct world w;
	uint32_t rcv_nxt;

	quiz_story_build(&st, r);
	if ((n = seg_triggers(&st, t, h, seg)) == 0)
		return false;
	pick = quiz_rng_below(r, n);
	q->type = QUIZ_T_CHOICE;
	q->host = h[pick];
	quiz_replay(&w, st.cmd, t[pick]);
	rcv_nxt = w.host[q->host].tcb.rcv_nxt;
	world_free(&w);
	seg_options(q, r, &seg[pick], rcv_nxt);
	if (!quiz_filter_options(q, st.cmd, t[pick] + 1, 4))
		return false;
	quiz_opt_shuffle(q, r);
	q->topics = quiz_story_topics(&st, t[pick]) |
	    QUIZ_TOPIC_BIT(QUIZ_TOP_NUMBERS);
	if (seg[pick].flags & TCP_RST)
		q->topics |= QUIZ_TOPIC_BIT(QUIZ_TOP_RST);
	seg_text(q, &st, t[pick], &seg[pick]);
	return true;
}
