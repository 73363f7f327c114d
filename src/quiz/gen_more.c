/*
 * More generated kinds, in the manner of the 408 exam and of Kurose and
 * Ross's interactive problems: fill in a seq or ack number, find the one
 * wrong statement, diagnose which segment was lost from the states, count
 * the segments of a whole connection, and the state after a close-phase
 * event.
 *
 * Data model: each builds its situation as commands (a story or a plan),
 * replays it, and takes every number, state and statement from the
 * simulation.  Options carry `expect` probes; a number carries one unshown
 * witness probe.  Distractors come from named wrong models: the peer's or
 * the previous state, an ack off by one, a FIN that uses no number, the
 * ACK flag confused with the ack field.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/i18n.h"
#include "lib/xalloc.h"
#include "quiz/quiz_internal.h"

/* The last segment host h sent during c[from..n), replayed from 0. */
static bool
last_sent(const struct cmd *c, unsigned from, unsigned n, enum sim_host_id h,
    struct tcp_seg *out)
{
	struct world w;
	struct sim_result res;
	bool ok = quiz_replay(&w, c, from), found = false;

	for (unsigned i = from; i < n && ok; i++) {
		world_trace_clear(&w);
		ok = world_apply(&w, &c[i], &res) == SIM_OK;
		for (size_t j = 0; j < w.ntrace; j++)
			if (w.trace[j].kind == SIM_EV_TCP &&
			    w.trace[j].host == h &&
			    w.trace[j].tcp.kind == TCP_EV_SEND) {
				*out = w.trace[j].tcp.seg;
				found = true;
			}
	}
	world_free(&w);
	return ok && found;
}

static char *
seg_probe(enum sim_host_id h, const struct tcp_seg *s)
{
	char seg[96];

	return quiz_strdupf("expect sent %s %s len=%u\n", sim_host_name(h),
	    sim_seg_text(s, NULL, NULL, SIM_SEG_NO_LEN, seg, sizeof(seg)),
	    (unsigned)s->len);
}

/* ------------------------------------------------------------ numbers */

static uint32_t
numbers_isn(struct quiz_rng *r)
{
	if (quiz_rng_below(r, 3) == 0)		/* wraps during the exchange */
		return 0xffffffffU - quiz_rng_below(r, 1500);
	return 100 * (1 + quiz_rng_below(r, 900)) - 1;
}

/* ISNs, the handshake and one to three writes, each delivered and
 * acknowledged: the exchange the student counts through. */
static void
numbers_prefix(struct plan *p, struct quiz_rng *r)
{
	static const uint16_t sizes[] = { 100, 300, 512, 1000, 1460 };
	unsigned nsend = 1 + quiz_rng_below(r, 3);
	struct cmd c;

	for (int k = 0; k < 2; k++) {
		c = quiz_cmd_host(CMD_ISN, (enum sim_host_id)k);
		c.nisn = 1;
		c.isn[0] = numbers_isn(r);
		plan_add(p, c);
	}
	plan_open(p);
	for (unsigned i = 0; i < nsend; i++) {
		c = quiz_cmd_host(CMD_SEND, (enum sim_host_id)quiz_rng_below(r,
		    2));
		c.num = sizes[quiz_rng_below(r, 5)];
		plan_add(p, c);
		plan_add(p, quiz_cmd(CMD_DELIVER));
		plan_add(p, quiz_cmd(CMD_DELIVER));
	}
	p->nprefix = p->n;
}

/* ask 0: the seq of h's FIN; 1: the ack the peer gives that FIN; 2: the
 * ack the peer gives h's next write of len bytes. */
static void
numbers_stem(struct quiz_question *q, unsigned ask, enum sim_host_id h,
    unsigned len)
{
	enum sim_host_id peer = (enum sim_host_id)(1 - h);

	if (ask == 0)
		q->stem = quiz_strdupf(_("The scenario below has run (the "
		    "numbers are not shown). Now the %s's application closes. "
		    "What is the seq number of the FIN it sends?"),
		    quiz_host_str(h));
	else if (ask == 1)
		q->stem = quiz_strdupf(_("The scenario below has run (the "
		    "numbers are not shown). Now the %s's application closes, "
		    "and its FIN arrives. What ack number does the %s's reply "
		    "carry?"), quiz_host_str(h), quiz_host_str(peer));
	else
		q->stem = quiz_strdupf(ngettext("The scenario below has run "
		    "(the numbers are not shown). Now the %s's application "
		    "writes %u byte, and the segment arrives. What ack number "
		    "does the %s's reply carry?", "The scenario below has run "
		    "(the numbers are not shown). Now the %s's application "
		    "writes %u bytes, and the segment arrives. What ack number "
		    "does the %s's reply carry?", len), quiz_host_str(h), len,
		    quiz_host_str(peer));
}

bool
quiz_gen_numbers(struct quiz_rng *r, struct quiz_question *q)
{
	struct plan p = { .n = 0 };
	unsigned ask = quiz_rng_below(r, 3), len = 100 * (1 +
	    quiz_rng_below(r, 14));
	enum sim_host_id h = (enum sim_host_id)quiz_rng_below(r, 2);
	struct tcp_seg seg;
	struct cmd c;
	char *probe;

	numbers_prefix(&p, r);
	c = quiz_cmd_host(ask == 2 ? CMD_SEND : CMD_CLOSE, h);
	c.num = len;
	plan_add(&p, c);
	if (ask != 0)
		plan_add(&p, quiz_cmd(CMD_DELIVER));
	q->host = ask == 0 ? h : (enum sim_host_id)(1 - h);
	if (!last_sent(p.c, p.nprefix, p.n, q->host, &seg))
		return false;
	q->type = QUIZ_T_NUMERIC;
	q->count = true;
	q->answer_ms = (uint64_t)(ask == 0 ? seg.seq : seg.ack) * 1000;
	probe = seg_probe(q->host, &seg);
	(void)quiz_opt_add(q, ask == 0 ? "seq" : "ack", probe);
	free(probe);
	q->topics = QUIZ_TOPIC_BIT(QUIZ_TOP_NUMBERS);
	if (ask != 2)
		q->topics |= QUIZ_TOPIC_BIT(QUIZ_TOP_CLOSE);
	q->scenario = plan_text(&p, 0, p.nprefix);
	q->then = plan_text(&p, p.nprefix, p.n);
	q->figure = xstrdup(q->scenario);
	numbers_stem(q, ask, h, len);
	q->explain = xstrdup(_("Count from the ISN: the SYN uses one number, "
	    "so the first data byte is ISN+1; each write of N bytes moves the "
	    "next seq on by N; a FIN uses one number too; an ack names the "
	    "next number expected. All of it is modulo 2^32, so past "
	    "4294967295 the count goes on from 0."));
	return true;
}

/* -------------------------------------------------------------- wrong */

/* subject: what the claim is about (0/1: a host's state, 2: the wire,
 * 3/4: a host's last segment), so the wrong claim never sits beside the
 * true one about the same thing, which would give it away. */
struct claim {
	char *text, *probe;
	int subject;
};

static void
claim_add(struct claim *c, unsigned *n, int subject, char *text,
    char *probe)
{
	c[*n].text = text;
	c[*n].probe = probe;
	c[*n].subject = subject;
	(*n)++;
}

static void
claim_seg(struct claim *c, unsigned *n, enum sim_host_id h,
    const struct tcp_seg *seg)
{
	char segs[96];

	claim_add(c, n, 3 + (int)h, quiz_strdupf(_("The last segment the %s "
	    "sent was %s."), quiz_host_str(h), quiz_seg_str(seg, segs,
	    sizeof(segs))), seg_probe(h, seg));
}

/* True statements about the world after c[0..k), then false ones made by
 * named wrong models; returns how many are true. */
static unsigned
wrong_claims(const struct story *st, unsigned k, struct claim *c,
    unsigned *n)
{
	struct world w;
	enum tcp_state s[2], before[2];
	struct tcp_seg seg;
	unsigned ntrue;

	quiz_replay(&w, st->cmd, k - 1);
	before[0] = w.host[0].tcb.state;
	before[1] = w.host[1].tcb.state;
	world_free(&w);
	quiz_replay(&w, st->cmd, k);
	s[0] = w.host[0].tcb.state;
	s[1] = w.host[1].tcb.state;
	for (int h = 0; h < 2; h++)
		claim_add(c, n, h, quiz_strdupf(_("The %s is in %s."),
		    quiz_host_str((enum sim_host_id)h), tcp_state_name(s[h])),
		    quiz_strdupf("expect %s %s\n", sim_host_name(
		    (enum sim_host_id)h), tcp_state_name(s[h])));
	if (w.nwire == 0)
		claim_add(c, n, 2, xstrdup(_("No segment is in flight.")),
		    xstrdup("expect inflight none\n"));
	world_free(&w);
	for (int h = 0; h < 2; h++)
		if (last_sent(st->cmd, 0, k, (enum sim_host_id)h, &seg))
			claim_seg(c, n, (enum sim_host_id)h, &seg);
	ntrue = *n;
	/* Wrong models: one step behind, the two sides swapped, an ack off
	 * by one, the ACK flag forgotten while an ack is given. */
	for (int h = 0; h < 2; h++) {
		enum tcp_state bad = before[h] != s[h] ? before[h] : s[1 - h];

		if (bad != s[h])
			claim_add(c, n, h, quiz_strdupf(_("The %s is in %s."),
			    quiz_host_str((enum sim_host_id)h),
			    tcp_state_name(bad)), quiz_strdupf("expect %s %s\n",
			    sim_host_name((enum sim_host_id)h),
			    tcp_state_name(bad)));
	}
	for (int h = 0; h < 2; h++) {
		if (!last_sent(st->cmd, 0, k, (enum sim_host_id)h, &seg) ||
		    !(seg.flags & TCP_ACK))
			continue;
		seg.ack++;
		claim_seg(c, n, (enum sim_host_id)h, &seg);
		seg.ack--;
		seg.flags &= (uint8_t)~TCP_ACK;
		if (seg.flags != 0)
			claim_seg(c, n, (enum sim_host_id)h, &seg);
	}
	return ntrue;
}

bool
quiz_gen_wrong(struct quiz_rng *r, struct quiz_question *q)
{
	struct story st;
	struct claim c[16];
	unsigned n = 0, ntrue, k, pick[3], np = 0, f = 0, other = 0;
	bool ok;

	quiz_story_build(&st, r);
	if (st.n <= st.nsetup + 3)
		return false;
	k = st.nsetup + 3 + quiz_rng_below(r, st.n - st.nsetup - 2);
	ntrue = wrong_claims(&st, k, c, &n);
	ok = n > ntrue;
	if (ok) {
		f = ntrue + quiz_rng_below(r, n - ntrue);
		for (unsigned i = 0; i < ntrue; i++)
			other += c[i].subject != c[f].subject;
		ok = other >= 3;
		while (ok && np < 3) {
			unsigned t = quiz_rng_below(r, ntrue);
			bool dup = c[t].subject == c[f].subject;

			for (unsigned i = 0; i < np; i++)
				dup = dup || pick[i] == t;
			if (!dup)
				pick[np++] = t;
		}
	}
	if (ok) {
		q->type = QUIZ_T_CHOICE;
		(void)quiz_opt_add(q, c[f].text, c[f].probe);
		for (unsigned i = 0; i < 3; i++)
			(void)quiz_opt_add(q, c[pick[i]].text,
			    c[pick[i]].probe);
		q->correct = 0;
		ok = q->nopt == 4;
	}
	for (unsigned i = 0; i < n; i++) {
		free(c[i].text);
		free(c[i].probe);
	}
	if (!ok)
		return false;
	quiz_opt_shuffle(q, r);
	q->topics = quiz_story_topics(&st, k - 1) |
	    QUIZ_TOPIC_BIT(QUIZ_TOP_NUMBERS);
	q->stem = xstrdup(_("The scenario below has just run. Which "
	    "statement is wrong?"));
	q->scenario = quiz_scenario_text(st.cmd, k, false);
	q->figure = xstrdup(q->scenario);
	q->explain = quiz_strdupf(_("The simulator confirms the other three; "
	    "this one is wrong: %s"), q->opt[q->correct].text);
	return true;
}

/* ----------------------------------------------------------- diagnose */

/* The events after the setup: listen and connect (open), or an
 * established connection that x closes and y closes as soon as it has
 * read the end of the stream; every segment delivered in order, except
 * the drop-th one (none when drop < 0).  Returns the commands after the
 * setup as scenario text; items (if not NULL) gets each segment the loop
 * handles, in order, as the options name them. */
static char *
diagnose_run(const struct cmd *setup, unsigned nsetup, bool close,
    enum sim_host_id x, int drop, enum tcp_state st[2], char **items,
    unsigned *nitems)
{
	struct plan p = { .n = 0 };
	struct world w;
	struct sim_result res;
	bool ok, y_closed = false;
	int sent = 0;
	enum sim_host_id y = (enum sim_host_id)(1 - x);

	for (unsigned i = 0; i < nsetup; i++)
		plan_add(&p, setup[i]);
	if (close) {
		plan_open(&p);
		plan_host(&p, CMD_CLOSE, x);
	} else {
		plan_host(&p, CMD_LISTEN, HOST_SERVER);
		plan_host(&p, CMD_CONNECT, HOST_CLIENT);
	}
	ok = quiz_replay(&w, p.c, p.n);
	while (ok && w.nwire > 0 && p.n < STORY_MAX - 1) {
		struct cmd c = quiz_cmd(sent == drop ? CMD_DROP :
		    CMD_DELIVER);
		const struct flight *f = world_find(&w, &c.sel);

		if (items != NULL && f != NULL && *nitems < STORY_MAX)
			items[(*nitems)++] = quiz_order_item(
			    (enum sim_host_id)f->dir, &f->seg);
		sent++;
		ok = world_apply(&w, &c, &res) == SIM_OK;
		plan_add(&p, c);
		if (close && !y_closed && w.host[y].tcb.state ==
		    TCP_CLOSE_WAIT) {
			c = quiz_cmd_host(CMD_CLOSE, y);
			ok = ok && world_apply(&w, &c, &res) == SIM_OK;
			plan_add(&p, c);
			y_closed = true;
		}
	}
	st[0] = w.host[0].tcb.state;
	st[1] = w.host[1].tcb.state;
	world_free(&w);
	return ok && drop < sent ? plan_text(&p, nsetup, p.n) : NULL;
}

static bool
diagnose_options(struct quiz_question *q, const struct cmd *setup,
    unsigned nsetup, bool close, enum sim_host_id x, int lost,
    enum tcp_state want[2])
{
	char *items[STORY_MAX], *all;
	unsigned n = 0;
	enum tcp_state none[2];

	all = diagnose_run(setup, nsetup, close, x, -1, none, items, &n);
	free(all);
	for (unsigned k = 0; k < n; k++) {
		enum tcp_state st[2];
		char *run = diagnose_run(setup, nsetup, close, x, (int)k, st,
		    NULL, NULL);

		if (run != NULL) {
			char *probe = quiz_strdupf("%sexpect client %s\n"
			    "expect server %s\n", run, tcp_state_name(want[0]),
			    tcp_state_name(want[1]));

			if ((int)k == lost)
				q->correct = q->nopt;
			/* The right one must be there to be asked about. */
			if (!quiz_opt_add(q, items[k], probe) &&
			    (int)k == lost)
				lost = -1;
			free(probe);
		}
		free(run);
		free(items[k]);
	}
	return lost >= 0 && (unsigned)lost < n;
}

bool
quiz_gen_diagnose(struct quiz_rng *r, struct quiz_question *q)
{
	struct plan setup = { .n = 0 };
	bool close = quiz_rng_below(r, 2) == 0;
	enum sim_host_id x = (enum sim_host_id)quiz_rng_below(r, 2);
	enum tcp_state st[2], none[2];
	int lost = (int)quiz_rng_below(r, close ? 4 : 3);
	char *run;

	plan_isns(&setup, r);
	run = diagnose_run(setup.c, setup.n, close, x, lost, st, NULL, NULL);
	if (run == NULL)
		return false;
	free(run);
	/* States that nothing lost gives as well say nothing was lost: the
	 * stem's "exactly one is lost" would be a lie. */
	free(diagnose_run(setup.c, setup.n, close, x, -1, none, NULL, NULL));
	if (none[0] == st[0] && none[1] == st[1])
		return false;
	q->type = QUIZ_T_CHOICE;
	if (!diagnose_options(q, setup.c, setup.n, close, x, lost, st) ||
	    !quiz_filter_options(q, setup.c, setup.n, 3))
		return false;
	quiz_opt_shuffle(q, r);
	q->topics = QUIZ_TOPIC_BIT(close ? QUIZ_TOP_CLOSE :
	    QUIZ_TOP_HANDSHAKE);
	q->scenario = plan_text(&setup, 0, setup.n);
	if (close)
		q->stem = quiz_strdupf(_("A connection is established. The %s "
		    "closes, and the %s closes as soon as it has read the end "
		    "of "
		    "the stream. Every segment is delivered in the order sent, "
		    "except that exactly one is lost, and no timer has expired "
		    "yet. Now the client is in %s and the server in %s. Which "
		    "segment was lost?"), quiz_host_str(x),
		    quiz_host_str((enum sim_host_id)(1 - x)),
		    tcp_state_name(st[0]), tcp_state_name(st[1]));
	else
		q->stem = quiz_strdupf(_("The server listens and the client "
		    "connects. Every segment is delivered in the order sent, "
		    "except that exactly one is lost, and no timer has expired "
		    "yet. Now the client is in %s and the server in %s. Which "
		    "segment was lost?"), tcp_state_name(st[0]),
		    tcp_state_name(st[1]));
	q->explain = quiz_strdupf(_("Follow the exchange until the lost "
	    "segment: everything after it that depends on it never happens, "
	    "so the sender waits for an ACK and the receiver stays where it "
	    "was. Losing %s leaves exactly these states."),
	    q->opt[q->correct].text);
	return true;
}
