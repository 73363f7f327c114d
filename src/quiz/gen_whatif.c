/*
 * "What goes wrong when TIME_WAIT is switched off here?", in two families:
 * the peer's FIN comes again (a duplicate, or a retransmission after the
 * last ACK was lost) and meets a host that has forgotten the connection;
 * or a new connection between the same ports (a new incarnation) opens
 * at once and a delayed duplicate of the old connection's data arrives in
 * its window.
 *
 * Data model: the situation is a plan with TIME_WAIT off: the prefix is
 * shown, the rest (then) is described.  Options are claims, each with an
 * `expect` probe run after the whole plan; the right claim is the one the
 * simulator confirms, the others come from wrong models of TIME_WAIT (it
 * would still acknowledge, the peer would wait forever, the old segment
 * would be recognised as old) and are kept only if the simulator refutes
 * them.  Claims are worded to similar lengths so the right one does not
 * stand out.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/i18n.h"
#include "lib/xalloc.h"
#include "quiz/quiz_internal.h"

/* ----------------------------------------------- the FIN comes again */

/* Claims about what follows, probed on the active closer x or its peer
 * y: "expect [sent] HOST WHAT". */
static const struct {
	bool sent;
	bool peer;
	const char *what;
} whatif_claims[] = {
	{ true, false, "RST" },
	{ true, false, "ACK" },
	{ false, true, "LAST_ACK" },
	{ false, false, "TIME_WAIT" },
	{ true, false, "SYN" },
};
#define NCLAIMS (sizeof(whatif_claims) / sizeof(whatif_claims[0]))

static char *
claim_text(size_t i, const char *x, const char *y)
{
	switch (i) {
	case 0:
		return quiz_strdupf(_("The %s no longer knows the connection "
		    "at all and answers the %s's FIN with a RST."), x, y);
	case 1:
		return quiz_strdupf(_("The %s acknowledges the %s's FIN once "
		    "more, exactly as it would from TIME_WAIT."), x, y);
	case 2:
		return quiz_strdupf(_("The %s silently ignores that FIN, so "
		    "the "
		    "%s stays waiting in LAST_ACK for good."), x, y);
	case 3:
		return quiz_strdupf(_("The %s goes straight back into "
		    "TIME_WAIT "
		    "as soon as the %s's FIN arrives there again."), x, y);
	default:
		return quiz_strdupf(_("The %s answers with a SYN of its own, "
		    "and the %s's connection opens once again."), x, y);
	}
}

static void
fin_plan(struct plan *p, struct quiz_rng *r, enum sim_host_id x, bool dup)
{
	enum sim_host_id y = (enum sim_host_id)(1 - x);

	plan_set(p, SET_TIME_WAIT, 0, 0, false);
	plan_isns(p, r);
	plan_open(p);
	plan_host(p, CMD_CLOSE, x);
	plan_add(p, quiz_cmd(CMD_DELIVER));
	plan_add(p, quiz_cmd(CMD_DELIVER));
	plan_host(p, CMD_CLOSE, y);
	if (dup)
		plan_add(p, quiz_cmd(CMD_DUP));	/* the network copies the FIN */
	plan_add(p, quiz_cmd(CMD_DELIVER));	/* FIN at x */
	if (!dup)
		plan_add(p, quiz_cmd(CMD_DROP));	/* last ACK lost */
	p->nprefix = p->n;
	if (!dup)
		plan_add(p, quiz_cmd(CMD_WAIT_TIMER));	/* y sends FIN again */
	plan_add(p, quiz_cmd(CMD_DELIVER));
	plan_add(p, quiz_cmd(CMD_DELIVER));
}

static void
fin_options(struct quiz_question *q, const struct plan *p,
    enum sim_host_id x)
{
	enum sim_host_id y = (enum sim_host_id)(1 - x);
	char *text, probe[64];

	for (size_t i = 0; i < NCLAIMS; i++) {
		snprintf(probe, sizeof(probe), "expect %s%s %s",
		    whatif_claims[i].sent ? "sent " : "",
		    sim_host_name(whatif_claims[i].peer ? y : x),
		    whatif_claims[i].what);
		if (quiz_probe_passes(p->c, p->n, probe) != (q->nopt == 0))
			continue;
		text = claim_text(i, quiz_host_str(x), quiz_host_str(y));
		(void)quiz_opt_add(q, text, probe);
		free(text);
		if (q->nopt == 1)
			i = (size_t)-1;		/* now collect the false ones */
	}
	q->correct = 0;
}

static const char *
fin_explain(bool dup)
{
	return dup ? _("Without TIME_WAIT the closed host no longer "
	    "recognises a delayed duplicate of the peer's FIN and answers it "
	    "with a RST; in TIME_WAIT it would acknowledge it and restart the "
	    "2MSL timer, which is why TIME_WAIT lasts long enough for old "
	    "segments to die out.") :
	    _("The last ACK was lost, so the peer sends its FIN again. In "
	    "TIME_WAIT the active closer would acknowledge it; without "
	    "TIME_WAIT it has forgotten the connection and answers with a "
	    "RST, so the peer's orderly close ends in an error.");
}

/* ------------------------------------------------- a new incarnation */

/* The oldest segment in flight other than the one with id keep. */
static struct cmd
deliver_other(const struct world *w, uint32_t keep)
{
	struct cmd c = quiz_cmd(CMD_DELIVER);

	for (size_t i = 0; i < w->nwire; i++)
		if (w->wire[i].id != keep) {
			c.sel.kind = SEL_ID;
			c.sel.id = w->wire[i].id;
			break;
		}
	return c;
}

static bool
push(struct plan *p, struct world *w, struct cmd c)
{
	struct sim_result res;

	plan_add(p, c);
	return world_apply(w, &c, &res) == SIM_OK;
}

/*
 * Connection 1 carries len bytes from the client, the network keeps a
 * copy, both close (TIME_WAIT off, so the client is CLOSED at once), and
 * connection 2 opens between the same ports and both sides pick their ISNs
 * again (ISNs from a clock can repeat on a quick reconnect), which puts
 * the old bytes exactly where the server expects new ones.  The old copy
 * arrives now.
 */
static bool
incarnation_plan(struct plan *p, struct quiz_rng *r, uint16_t len,
    uint32_t *rcv_nxt)
{
	struct world w;
	struct cmd c = quiz_cmd_host(CMD_ISN, HOST_CLIENT);
	uint32_t isn = 100 * (10 + quiz_rng_below(r, 80)) - 1, copy;
	bool ok;

	plan_set(p, SET_TIME_WAIT, 0, 0, false);
	c.nisn = 2;
	c.isn[0] = isn;
	c.isn[1] = isn;		/* a quick reconnect may pick the same ISN */
	plan_add(p, c);
	c = quiz_cmd_host(CMD_ISN, HOST_SERVER);
	c.nisn = 2;
	c.isn[0] = 100 * (100 + quiz_rng_below(r, 50)) - 1;
	c.isn[1] = c.isn[0];
	plan_add(p, c);
	plan_open(p);
	ok = quiz_replay(&w, p->c, p->n);
	c = quiz_cmd_host(CMD_SEND, HOST_CLIENT);
	c.num = len;
	ok = ok && push(p, &w, c);
	copy = w.next_id;
	c = quiz_cmd(CMD_DUP);			/* the network keeps a copy */
	ok = ok && push(p, &w, c);
	for (int i = 0; ok && i < 2; i++)
		ok = push(p, &w, deliver_other(&w, copy));
	ok = ok && push(p, &w, quiz_cmd_host(CMD_CLOSE, HOST_CLIENT));
	for (int i = 0; ok && i < 2; i++)
		ok = push(p, &w, deliver_other(&w, copy));
	ok = ok && push(p, &w, quiz_cmd_host(CMD_CLOSE, HOST_SERVER));
	for (int i = 0; ok && i < 2; i++)
		ok = push(p, &w, deliver_other(&w, copy));
	ok = ok && push(p, &w, quiz_cmd_host(CMD_LISTEN, HOST_SERVER)) &&
	    push(p, &w, quiz_cmd_host(CMD_CONNECT, HOST_CLIENT));
	for (int i = 0; ok && i < 3; i++)
		ok = push(p, &w, deliver_other(&w, copy));
	*rcv_nxt = w.host[HOST_SERVER].tcb.rcv_nxt;
	ok = ok && w.host[HOST_SERVER].tcb.state == TCP_ESTABLISHED &&
	    w.nwire == 1 && w.wire[0].id == copy;
	p->nprefix = p->n;
	c = quiz_cmd(CMD_DELIVER);		/* the old copy arrives */
	plan_add(p, c);
	world_free(&w);
	return ok;
}

static void
incarnation_options(struct quiz_question *q, uint32_t rcv_nxt, uint16_t len)
{
	char *t, *pr;

	t = xstrdup(_("The server takes the old bytes as if the client had "
	    "just sent them on the new connection."));
	pr = quiz_strdupf("expect sent server ACK ack=%lu",
	    (unsigned long)(rcv_nxt + len));
	(void)quiz_opt_add(q, t, pr);
	free(t);
	free(pr);
	t = xstrdup(_("The server sees that the bytes belong to the old "
	    "connection, drops them and acknowledges nothing new."));
	pr = quiz_strdupf("expect sent server ACK ack=%lu",
	    (unsigned long)rcv_nxt);
	(void)quiz_opt_add(q, t, pr);
	free(t);
	free(pr);
	t = xstrdup(_("The server answers the stray segment with a RST, and "
	    "the new connection is torn down at once."));
	(void)quiz_opt_add(q, t, "expect sent server RST");
	free(t);
	t = xstrdup(_("The client could not have connected again: its port "
	    "would still be held, so nothing arrives."));
	(void)quiz_opt_add(q, t, "expect client TIME_WAIT");
	free(t);
	q->correct = 0;
}

static bool
whatif_incarnation(struct quiz_rng *r, struct quiz_question *q,
    struct plan *p)
{
	static const uint16_t sizes[] = { 100, 200, 300 };
	uint16_t len = sizes[quiz_rng_below(r, 3)];
	uint32_t rcv_nxt;

	if (!incarnation_plan(p, r, len, &rcv_nxt))
		return false;
	incarnation_options(q, rcv_nxt, len);
	q->stem = xstrdup(_("TIME_WAIT is switched off in the scenario below "
	    "(set time_wait off). The network kept a copy of the client's "
	    "data segment; both sides closed, and a new connection between "
	    "the same ports opened at once, each side picking the same ISN as "
	    "before. Now the old copy arrives. What happens?"));
	q->explain = xstrdup(_("The new connection's numbers put the old "
	    "bytes inside the server's window, and nothing in the segment "
	    "says it is old, so they are delivered as new data: the silent "
	    "corruption TIME_WAIT prevents by keeping the old connection "
	    "(and its ports) around for 2MSL, until such copies have died "
	    "out (RFC 9293 3.4.2, RFC 1337)."));
	q->topics = QUIZ_TOPIC_BIT(QUIZ_TOP_TIMEWAIT) |
	    QUIZ_TOPIC_BIT(QUIZ_TOP_NUMBERS);
	return true;
}

/* "wait timer; deliver; deliver": the steps on one line. */
static char *
whatif_steps(const char *then)
{
	struct sbuf b = { 0 };

	while (*then != '\0') {
		size_t n = strcspn(then, "\n");

		sbuf_add(&b, "%s%.*s", b.len ? "; " : "", (int)n, then);
		then += n + (then[n] != '\0');
	}
	return sbuf_take(&b);
}

/*
 * The listing: what has run, then (for the FIN family) the very steps the
 * stem names, after a "# then:" comment, so the text and the figure cannot
 * describe different steps: both come from the plan after its prefix.
 */
static char *
whatif_figure(const char *scenario, const char *then)
{
	struct sbuf b = { 0 };

	sbuf_add(&b, "%s", scenario);
	if (then != NULL)
		sbuf_add(&b, "# then:\n%s", then);
	return sbuf_take(&b);
}

bool
quiz_gen_whatif(struct quiz_rng *r, struct quiz_question *q)
{
	struct plan p = { .n = 0 };
	enum sim_host_id x = (enum sim_host_id)quiz_rng_below(r, 2);
	unsigned family = quiz_rng_below(r, 3);
	char *steps;

	q->type = QUIZ_T_CHOICE;
	q->host = x;
	if (family == 2) {
		if (!whatif_incarnation(r, q, &p))
			return false;
	} else {
		fin_plan(&p, r, x, family == 0);
		fin_options(q, &p, x);
		steps = plan_text(&p, p.nprefix, p.n);
		q->then = whatif_steps(steps);
		free(steps);
		q->stem = quiz_strdupf(_("TIME_WAIT is switched off in the "
		    "scenario below (set time_wait off). It has run up to the "
		    "line \"# then:\"; then the steps listed after it run: "
		    "%s. What happens?"), q->then);
		free(q->then);
		q->explain = xstrdup(fin_explain(family == 0));
		q->topics = QUIZ_TOPIC_BIT(QUIZ_TOP_TIMEWAIT) |
		    QUIZ_TOPIC_BIT(QUIZ_TOP_CLOSE) |
		    QUIZ_TOPIC_BIT(QUIZ_TOP_RST);
	}
	if (!quiz_filter_options(q, p.c, p.n, 3))
		return false;
	while (q->nopt > 4) {
		unsigned k = quiz_rng_below(r, q->nopt);

		if (k == q->correct)
			continue;
		free(q->opt[k].text);
		free(q->opt[k].probe);
		q->opt[k] = q->opt[--q->nopt];
		if (q->correct == q->nopt)
			q->correct = k;
	}
	quiz_opt_shuffle(q, r);
	q->scenario = quiz_scenario_text(p.c, p.nprefix, true);
	q->then = plan_text(&p, p.nprefix, p.n);
	q->figure = whatif_figure(q->scenario, family == 2 ? NULL : q->then);
	return true;
}
