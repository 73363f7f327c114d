/*
 * "How long from now until HOST reaches CLOSED?" (what goes wrong without
 * TIME_WAIT is gen_whatif.c's).
 *
 * Data model: the scenario is two command lists: the prefix (up to
 * "now") and what happens next (then).  A round-trip time is realised as
 * `wait` commands of half the RTT between deliveries, so the answer is
 * read from the simulated clock: the time of the host's change to CLOSED
 * in the trace of `then`, minus the clock at the end of the prefix.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/i18n.h"
#include "lib/xalloc.h"
#include "quiz/quiz_internal.h"
#include "script/parse.h"

/* When does host h reach CLOSED after the prefix?  False if it never does
 * or a step is impossible. */
static bool
plan_closed_after(const struct plan *p, enum sim_host_id h, uint64_t *ms)
{
	struct world w;
	struct sim_result res;
	uint64_t t0;
	bool ok = quiz_replay(&w, p->c, p->nprefix), found = false;

	t0 = w.now;
	for (unsigned i = p->nprefix; i < p->n && ok && !found; i++) {
		world_trace_clear(&w);
		ok = world_apply(&w, &p->c[i], &res) == SIM_OK;
		for (size_t j = 0; j < w.ntrace && !found; j++) {
			const struct sim_ev *e = &w.trace[j];

			if (e->kind == SIM_EV_TCP && e->host == h &&
			    e->tcp.kind == TCP_EV_STATE &&
			    e->tcp.to == TCP_CLOSED) {
				*ms = e->time - t0;
				found = true;
			}
		}
	}
	world_free(&w);
	return ok && found;
}

/* The closer x closes now; the peer's application closes d ms after it
 * reads the end of the stream; every segment takes rtt/2. */
static void
time_close_plan(struct plan *p, struct quiz_rng *r, enum sim_host_id x,
    uint64_t rtt, uint64_t d, uint64_t msl)
{
	enum sim_host_id y = (enum sim_host_id)(1 - x);

	plan_set(p, SET_MSL, msl, 0, true);
	plan_isns(p, r);
	plan_open(p);
	plan_host(p, CMD_CLOSE, x);
	p->nprefix = p->n;
	plan_wait(p, rtt / 2);
	plan_add(p, quiz_cmd(CMD_DELIVER));	/* FIN at y, ACK leaves */
	plan_wait(p, d);
	plan_host(p, CMD_CLOSE, y);
	plan_wait(p, rtt / 2);
	plan_add(p, quiz_cmd(CMD_DELIVER));		/* ACK at x */
	plan_add(p, quiz_cmd(CMD_DELIVER));	/* FIN at x: TIME_WAIT */
	plan_wait(p, rtt / 2);
	plan_add(p, quiz_cmd(CMD_DELIVER));		/* last ACK at y */
	plan_wait(p, 2 * msl);
}

static bool
gen_time_close(struct quiz_rng *r, struct quiz_question *q)
{
	static const uint64_t msls[] = { 1000, 5000, 30000, 60000, 120000 };
	struct plan p = { .n = 0 };
	uint64_t rtt = 20 * (2 + quiz_rng_below(r, 29));
	uint64_t d = quiz_rng_below(r, 2) ? 0 : 50 * quiz_rng_below(r, 9);
	uint64_t msl = msls[quiz_rng_below(r, 5)];
	enum sim_host_id x = (enum sim_host_id)quiz_rng_below(r, 2);
	char srtt[16], sd[16], smsl[16];

	q->host = quiz_rng_below(r, 3) ? x : (enum sim_host_id)(1 - x);
	time_close_plan(&p, r, x, rtt, d, msl);
	if (!plan_closed_after(&p, q->host, &q->answer_ms))
		return false;
	q->topics = QUIZ_TOPIC_BIT(QUIZ_TOP_CLOSE) |
	    QUIZ_TOPIC_BIT(QUIZ_TOP_TIMERS);
	if (q->host == x)
		q->topics |= QUIZ_TOPIC_BIT(QUIZ_TOP_TIMEWAIT);
	quiz_seconds_str(rtt, srtt, sizeof(srtt));
	quiz_seconds_str(d, sd, sizeof(sd));
	quiz_seconds_str(msl, smsl, sizeof(smsl));
	if (d == 0)
		q->stem = quiz_strdupf(_("The connection is established. Now "
		    "the %s's application calls close(). The round-trip time "
		    "is %s s (each segment takes half of it), the %s's "
		    "application calls close() as soon as it has read the end "
		    "of the stream, MSL is %s s, and nothing is lost. How many "
		    "seconds from now until the %s reaches CLOSED?"),
		    quiz_host_str(x), srtt,
		    quiz_host_str((enum sim_host_id)(1 - x)), smsl,
		    quiz_host_str(q->host));
	else
		q->stem = quiz_strdupf(_("The connection is established. Now "
		    "the %s's application calls close(). The round-trip time "
		    "is %s s (each segment takes half of it), the %s's "
		    "application waits %s s after it has read the end of the "
		    "stream before it calls close(), MSL is %s s, and nothing "
		    "is lost. How many seconds from now until the %s reaches "
		    "CLOSED?"), quiz_host_str(x), srtt,
		    quiz_host_str((enum sim_host_id)(1 - x)), sd, smsl,
		    quiz_host_str(q->host));
	q->explain = xstrdup(q->host == x ?
	    _("The active closer enters TIME_WAIT when the peer's FIN "
	    "arrives: half an RTT after the peer closes, which is one RTT "
	    "plus the peer's delay from now. It then stays 2MSL.") :
	    _("The passive closer is done when the ACK of its FIN arrives: "
	    "half an RTT for our FIN to reach it, its own delay, then a "
	    "full RTT for its FIN and the ACK. It never enters TIME_WAIT."));
	q->scenario = plan_text(&p, 0, p.nprefix);
	q->then = plan_text(&p, p.nprefix, p.n);
	return true;
}

/* Every SYN is lost: the client gives up after syn_retries
 * retransmissions and one more RTO, the RTO doubling each time. */
static bool
gen_time_syn(struct quiz_rng *r, struct quiz_question *q)
{
	static const uint64_t rtos[] = { 500, 1000, 1000, 2000, 3000 };
	struct plan p = { .n = 0 };
	uint64_t rto = rtos[quiz_rng_below(r, 5)];
	unsigned retries = 1 + quiz_rng_below(r, 6);
	char srto[16];

	plan_set(&p, SET_RTO, rto, 0, true);
	plan_set(&p, SET_SYN_RETRIES, 0, retries, true);
	plan_isns(&p, r);
	plan_host(&p, CMD_CONNECT, HOST_CLIENT);
	p.nprefix = p.n;
	for (unsigned i = 0; i <= retries; i++) {
		plan_add(&p, quiz_cmd(CMD_DROP));
		plan_add(&p, quiz_cmd(CMD_WAIT_TIMER));
	}
	q->host = HOST_CLIENT;
	if (!plan_closed_after(&p, q->host, &q->answer_ms))
		return false;
	q->topics = QUIZ_TOPIC_BIT(QUIZ_TOP_TIMERS) |
	    QUIZ_TOPIC_BIT(QUIZ_TOP_HANDSHAKE);
	q->stem = quiz_strdupf(_("The client calls connect(), but every SYN "
	    "it sends is lost. The first retransmission timeout is %s s and "
	    "doubles after each retransmission; the SYN retry limit "
	    "(syn_retries) is %u, and the client gives up when the timer "
	    "expires after the last retry. How many seconds after connect() "
	    "does the client reach CLOSED?"),
	    quiz_seconds_str(rto, srto, sizeof(srto)), retries);
	q->explain = xstrdup(_("The waits are RTO, 2 RTO, 4 RTO, ...: one "
	    "for the first SYN and one for each retransmission, doubling "
	    "each time, so they add up to RTO times (2 to the power of "
	    "retries+1, minus 1)."));
	q->scenario = plan_text(&p, 0, p.nprefix);
	q->then = plan_text(&p, p.nprefix, p.n);
	return true;
}

bool
quiz_gen_time(struct quiz_rng *r, struct quiz_question *q)
{
	q->type = QUIZ_T_NUMERIC;
	if (quiz_rng_below(r, 3) == 0)
		return gen_time_syn(r, q);
	return gen_time_close(r, q);
}
