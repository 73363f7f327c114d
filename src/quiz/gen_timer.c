/*
 * Timers with a loss: "the last ACK is lost: when does each side reach
 * CLOSED?", "when does a server give up in SYN_RECEIVED or LAST_ACK?" and
 * "how many connections per second do the ephemeral ports allow, given
 * TIME_WAIT?".
 *
 * Data model: each builds a plan (prefix up to "now", then what follows)
 * and reads every number from the simulated trace: the answer, and also
 * the timer values the stem gives the student (a retransmission timeout as
 * the core applies it, the length of TIME_WAIT under a profile), so the
 * questions follow the core when its timers change.  A question whose
 * timers do not follow the rule the stem states (doubling, or constant) is
 * not asked.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/i18n.h"
#include "lib/xalloc.h"
#include "quiz/quiz_internal.h"

#define SENDS_MAX 16

/* The times host h sent segments with flag f during the plan after its
 * prefix (relative to it), and the time of h's last state change. */
struct timeline {
	uint64_t send[SENDS_MAX];
	unsigned nsend;
	uint64_t last;
	enum tcp_state last_to;
	bool changed;
};

static bool
timeline_read(const struct plan *p, enum sim_host_id h, uint8_t f,
    struct timeline *tl)
{
	struct world w;
	struct sim_result res;
	bool ok = quiz_replay(&w, p->c, p->nprefix);
	uint64_t t0 = w.now;

	memset(tl, 0, sizeof(*tl));
	for (unsigned i = p->nprefix; i < p->n && ok; i++) {
		world_trace_clear(&w);
		ok = world_apply(&w, &p->c[i], &res) == SIM_OK;
		for (size_t j = 0; j < w.ntrace; j++) {
			const struct sim_ev *e = &w.trace[j];

			if (e->kind != SIM_EV_TCP || e->host != h)
				continue;
			if (e->tcp.kind == TCP_EV_SEND && (e->tcp.seg.flags &
			    f) && tl->nsend < SENDS_MAX)
				tl->send[tl->nsend++] = e->time - t0;
			if (e->tcp.kind == TCP_EV_STATE) {
				tl->last = e->time - t0;
				tl->last_to = e->tcp.to;
				tl->changed = true;
			}
		}
	}
	world_free(&w);
	return ok && tl->changed;
}

/* ------------------------------------------------------------ losstime */

/* x closes now; y closes as soon as it reads the end of the stream; x's
 * last ACK is lost; y retransmits its FIN; every segment takes rtt/2. */
static void
loss_plan(struct plan *p, struct quiz_rng *r, enum sim_host_id x,
    uint64_t rtt, uint64_t msl)
{
	enum sim_host_id y = (enum sim_host_id)(1 - x);

	plan_set(p, SET_MSL, msl, 0, true);
	plan_isns(p, r);
	plan_open(p);
	plan_host(p, CMD_CLOSE, x);
	p->nprefix = p->n;
	plan_wait(p, rtt / 2);
	plan_add(p, quiz_cmd(CMD_DELIVER));	/* FIN at y, ACK leaves */
	plan_host(p, CMD_CLOSE, y);
	plan_wait(p, rtt / 2);
	plan_add(p, quiz_cmd(CMD_DELIVER));	/* ACK at x */
	plan_add(p, quiz_cmd(CMD_DELIVER));	/* FIN at x: TIME_WAIT */
	plan_add(p, quiz_cmd(CMD_DROP));	/* the last ACK is lost */
	plan_add(p, quiz_cmd(CMD_WAIT_TIMER));	/* y sends its FIN again */
	plan_wait(p, rtt / 2);
	plan_add(p, quiz_cmd(CMD_DELIVER));	/* FIN at x: 2MSL anew */
	plan_wait(p, rtt / 2);
	plan_add(p, quiz_cmd(CMD_DELIVER));	/* ACK at y: CLOSED */
	plan_wait(p, 2 * msl);
}

bool
quiz_gen_losstime(struct quiz_rng *r, struct quiz_question *q)
{
	static const uint64_t msls[] = { 1000, 5000, 10000, 30000, 60000 };
	struct plan p = { .n = 0 };
	uint64_t rtt = 20 * (2 + quiz_rng_below(r, 29));
	uint64_t msl = msls[quiz_rng_below(r, 5)], rto;
	enum sim_host_id x = (enum sim_host_id)quiz_rng_below(r, 2);
	enum sim_host_id y = (enum sim_host_id)(1 - x);
	struct timeline ty, th;
	char srtt[16], smsl[16], srto[16];

	q->type = QUIZ_T_NUMERIC;
	q->host = quiz_rng_below(r, 2) ? x : y;
	loss_plan(&p, r, x, rtt, msl);
	/* y's FIN and its retransmission give the timeout the core uses. */
	if (!timeline_read(&p, y, TCP_FIN, &ty) || ty.nsend != 2 ||
	    !timeline_read(&p, q->host, 0, &th) || th.last_to != TCP_CLOSED)
		return false;
	rto = ty.send[1] - ty.send[0];
	if (rto == 0 || rto + rtt >= 2 * msl)
		return false;
	q->answer_ms = th.last;
	q->topics = QUIZ_TOPIC_BIT(QUIZ_TOP_TIMEWAIT) |
	    QUIZ_TOPIC_BIT(QUIZ_TOP_TIMERS) | QUIZ_TOPIC_BIT(QUIZ_TOP_CLOSE);
	q->stem = quiz_strdupf(_("The connection is established. Now the "
	    "%s's application calls close(), and the %s's application closes "
	    "as soon as it reads the end of the stream. Each segment takes "
	    "%s s (half the round-trip time), MSL is %s s, and the %s "
	    "retransmits an unacknowledged FIN %s s after sending it. The "
	    "%s's last ACK is lost; nothing else is. How many seconds from "
	    "now until the %s reaches CLOSED?"), quiz_host_str(x),
	    quiz_host_str(y), quiz_seconds_str(rtt / 2, srtt, sizeof(srtt)),
	    quiz_seconds_str(msl, smsl, sizeof(smsl)), quiz_host_str(y),
	    quiz_seconds_str(rto, srto, sizeof(srto)), quiz_host_str(x),
	    quiz_host_str(q->host));
	q->explain = quiz_strdupf(q->host == x ?
	    _("The %s's FIN reaches the %s after one RTT and puts it in "
	    "TIME_WAIT. Its ACK is lost, so the FIN is sent again when the "
	    "timer expires; it arrives half an RTT later, the %s acknowledges "
	    "it and TIME_WAIT starts over: 2MSL from that second FIN.") :
	    _("The %s sends its FIN half an RTT from now. The ACK is lost, "
	    "so its timer expires and it sends the FIN again; the %s, still "
	    "in TIME_WAIT, acknowledges it, and that ACK reaches the %s one "
	    "RTT after the retransmission."), quiz_host_str(y),
	    quiz_host_str(x), quiz_host_str(q->host == x ? x : y));
	q->scenario = plan_text(&p, 0, p.nprefix);
	q->then = plan_text(&p, p.nprefix, p.n);
	return true;
}

/* -------------------------------------------------------------- giveup */

/* Until the server leaves state s: every segment it sends is lost and
 * its timer runs out, up to 40 steps. */
static void
giveup_steps(struct plan *p, enum tcp_state s)
{
	struct world w;
	struct sim_result res;
	bool ok = quiz_replay(&w, p->c, p->n);

	for (unsigned i = 0; ok && i < 40 && w.host[HOST_SERVER].tcb.state ==
	    s && p->n < STORY_MAX; i++) {
		struct cmd c = quiz_cmd(w.nwire > 0 ? CMD_DROP :
		    CMD_WAIT_TIMER);

		ok = world_apply(&w, &c, &res) == SIM_OK;
		plan_add(p, c);
	}
	world_free(&w);
}

/* Describe the timeouts measured: the first one, and whether each
 * doubles or stays the same; false if they do neither. */
static bool
giveup_rule(const struct timeline *tl, uint64_t *first, bool *doubles)
{
	uint64_t gap[SENDS_MAX];
	unsigned n = tl->nsend;

	if (n < 2)
		return false;
	for (unsigned i = 0; i + 1 < n; i++)
		gap[i] = tl->send[i + 1] - tl->send[i];
	gap[n - 1] = tl->last - tl->send[n - 1];
	*first = gap[0];
	*doubles = n > 1 && gap[1] == 2 * gap[0];
	for (unsigned i = 1; i < n; i++)
		if (gap[i] != (*doubles ? 2 * gap[i - 1] : gap[0]))
			return false;
	return *first > 0;
}

/* The server in SYN_RECEIVED (the client's SYN just arrived) or in
 * LAST_ACK (the client closed first), the client gone; then every segment
 * the server sends is lost until it gives up. */
static void
giveup_plan(struct plan *p, struct quiz_rng *r, bool synrcvd,
    unsigned retries)
{
	static const uint64_t rtos[] = { 500, 1000, 1000, 2000, 3000 };

	plan_set(p, SET_RTO, rtos[quiz_rng_below(r, 5)], 0, true);
	plan_set(p, synrcvd ? SET_SYNACK_RETRIES : SET_RETRIES, 0, retries,
	    true);
	plan_isns(p, r);
	plan_host(p, CMD_LISTEN, HOST_SERVER);
	plan_host(p, CMD_CONNECT, HOST_CLIENT);
	plan_add(p, quiz_cmd(CMD_DELIVER));		/* SYN at the server */
	if (!synrcvd) {
		plan_add(p, quiz_cmd(CMD_DELIVER));
		plan_add(p, quiz_cmd(CMD_DELIVER));
		plan_host(p, CMD_CLOSE, HOST_CLIENT);
		plan_add(p, quiz_cmd(CMD_DELIVER));
		plan_add(p, quiz_cmd(CMD_DELIVER));
	}
	plan_host(p, CMD_CRASH, HOST_CLIENT);
	if (!synrcvd)
		plan_host(p, CMD_CLOSE, HOST_SERVER);
	p->nprefix = p->n;
	giveup_steps(p, synrcvd ? TCP_SYN_RECEIVED : TCP_LAST_ACK);
}

static char *
giveup_stem(bool synrcvd, const char *first, bool doubles, unsigned retries)
{
	const char *how = doubles ? _("doubles") : _("stays the same");

	if (synrcvd)
		return quiz_strdupf(ngettext("A client's SYN has just reached "
		    "a listening server, which answered with SYN+ACK; then "
		    "the client vanished (it sends nothing more), and every "
		    "SYN+ACK is lost. The server's first retransmission "
		    "timeout is %s s and %s after each retransmission; it "
		    "retransmits the SYN+ACK at most %u time and gives up "
		    "when the timeout after the last one expires. How many "
		    "seconds from now until the server gives up (leaves "
		    "SYN_RECEIVED)?", "A client's SYN has just reached a "
		    "listening server, which answered with SYN+ACK; then the "
		    "client vanished (it sends nothing more), and every "
		    "SYN+ACK is lost. The server's first retransmission "
		    "timeout is %s s and %s after each retransmission; it "
		    "retransmits the SYN+ACK at most %u times and gives up "
		    "when the timeout after the last one expires. How many "
		    "seconds from now until the server gives up (leaves "
		    "SYN_RECEIVED)?", retries), first, how, retries);
	return quiz_strdupf(ngettext("The client closed, the server "
	    "acknowledged, and then the client vanished (it sends nothing "
	    "more). Now the server's application closes; every FIN it sends "
	    "is lost. The server's first retransmission timeout is %s s and "
	    "%s after each retransmission; it retransmits the FIN at most %u "
	    "time and gives up when the timeout after the last one expires. "
	    "How many seconds from now until the server gives up (leaves "
	    "LAST_ACK)?", "The client closed, the server acknowledged, "
	    "and then the client vanished (it sends nothing more). Now the "
	    "server's application closes; every FIN it sends is lost. The "
	    "server's first retransmission timeout is %s s and %s after each "
	    "retransmission; it retransmits the FIN at most %u times and "
	    "gives up when the timeout after the last one expires. How many "
	    "seconds from now until the server gives up (leaves LAST_ACK)?",
	    retries), first, how, retries);
}

bool
quiz_gen_giveup(struct quiz_rng *r, struct quiz_question *q)
{
	struct plan p = { .n = 0 };
	bool synrcvd = quiz_rng_below(r, 2) == 0, doubles;
	unsigned retries = 2 + quiz_rng_below(r, 4);
	uint64_t first;
	struct timeline tl;
	char sfirst[16];

	giveup_plan(&p, r, synrcvd, retries);
	q->type = QUIZ_T_NUMERIC;
	q->host = HOST_SERVER;
	if (!timeline_read(&p, HOST_SERVER, synrcvd ? TCP_SYN : TCP_FIN,
	    &tl) || tl.nsend != retries || tl.last_to == (synrcvd ?
	    TCP_SYN_RECEIVED : TCP_LAST_ACK))
		return false;
	/* The first transmission went out at "now", the end of the prefix. */
	memmove(tl.send + 1, tl.send, tl.nsend * sizeof(tl.send[0]));
	tl.send[0] = 0;
	tl.nsend++;
	if (!giveup_rule(&tl, &first, &doubles))
		return false;
	q->answer_ms = tl.last;
	q->topics = QUIZ_TOPIC_BIT(QUIZ_TOP_TIMERS) | QUIZ_TOPIC_BIT(synrcvd ?
	    QUIZ_TOP_HANDSHAKE : QUIZ_TOP_CLOSE);
	q->stem = giveup_stem(synrcvd, quiz_seconds_str(first, sfirst,
	    sizeof(sfirst)), doubles, retries);
	q->explain = xstrdup(doubles ? _("The waits are the first timeout, "
	    "then twice it, four times it, ...: one after the first "
	    "transmission and one after each retransmission, so the total is "
	    "the first timeout times (2 to the power of retries+1, minus 1).") :
	    _("Every wait is the same: one after the first transmission and "
	    "one after each retransmission, so the total is the timeout "
	    "times (retries + 1)."));
	q->scenario = plan_text(&p, 0, p.nprefix);
	q->then = plan_text(&p, p.nprefix, p.n);
	return true;
}

/* --------------------------------------------------------------- ports */

/* How long TIME_WAIT lasts under the setup c (a profile or an MSL). */
static bool
ports_time_wait(const struct cmd *setup, struct quiz_rng *r, uint64_t *tw,
    struct plan *p)
{
	struct timeline tl;

	if (setup != NULL)
		plan_add(p, *setup);
	plan_isns(p, r);
	plan_open(p);
	/* The server closes once the client's FIN has arrived; whether its
	 * ACK goes at once (rfc9293) or rides on its FIN (linux's delayed
	 * ACK, the 3-segment close) is the profile's business, so settle
	 * rather than count the segments.  The client is in TIME_WAIT. */
	plan_host(p, CMD_CLOSE, HOST_CLIENT);
	plan_add(p, quiz_cmd(CMD_DELIVER));
	plan_host(p, CMD_CLOSE, HOST_SERVER);
	plan_add(p, quiz_cmd(CMD_SETTLE));
	p->nprefix = p->n;
	plan_add(p, quiz_cmd(CMD_WAIT_TIMER));
	if (!timeline_read(p, HOST_CLIENT, 0, &tl) ||
	    tl.last_to != TCP_CLOSED || tl.last < 1000)
		return false;
	*tw = tl.last;
	return true;
}

/* TIME_WAIT under a profile, measured on a scratch plan. */
static uint64_t
ports_profile_tw(enum sim_profile prof, struct quiz_rng *r)
{
	struct plan p = { .n = 0 };
	struct cmd c = quiz_cmd(CMD_PROFILE);
	uint64_t tw = 0;

	c.profile = prof;
	return ports_time_wait(&c, r, &tw, &p) ? tw : 0;
}

/* The answer and, as distractors, what wrong models give: MSL taken for
 * TIME_WAIT, the other profile's TIME_WAIT, 2MSL counted twice. */
static void
ports_options(struct quiz_question *q, unsigned nports, uint64_t tw,
    uint64_t tw_other)
{
	const uint64_t div[] = { tw, tw / 2, tw_other, 2 * tw };
	char num[24];

	for (size_t i = 0; i < sizeof(div) / sizeof(div[0]); i++) {
		if (div[i] == 0)
			continue;
		snprintf(num, sizeof(num), "%llu", (unsigned long long)
		    ((uint64_t)nports * 1000 / div[i]));
		(void)quiz_opt_add(q, num, NULL);
	}
	q->correct = 0;
}

static void
ports_how(struct cmd *c, unsigned setup, struct quiz_rng *r, char *how,
    size_t size)
{
	static const uint64_t msls[] = { 15000, 30000, 60000 };
	char smsl[16];

	if (setup == 2) {
		*c = quiz_cmd(CMD_SET);
		c->key = SET_MSL;
		c->dur.ms = msls[quiz_rng_below(r, 3)];
		snprintf(how, size, _("an MSL of %s s"),
		    quiz_seconds_str(c->dur.ms, smsl, sizeof(smsl)));
		return;
	}
	*c = quiz_cmd(CMD_PROFILE);
	c->profile = setup == 0 ? PROFILE_LINUX : PROFILE_RFC9293;
	snprintf(how, size, "%s", setup == 0 ? _("Linux's timers (profile "
	    "linux)") : _("RFC 9293's timers (profile rfc9293)"));
}

bool
quiz_gen_ports(struct quiz_rng *r, struct quiz_question *q)
{
	static const unsigned range[][2] = { { 32768, 60999 },
	    { 49152, 65535 }, { 1024, 65535 }, { 10000, 19999 } };
	unsigned pick = quiz_rng_below(r, 4), setup = quiz_rng_below(r, 3);
	unsigned lo = range[pick][0], hi = range[pick][1], nports = hi - lo + 1;
	bool choice = quiz_rng_below(r, 2) == 0;
	struct plan p = { .n = 0 };
	struct cmd c;
	char how[96], stw[16], slin[16], srfc[16];
	uint64_t tw, tw_lin = ports_profile_tw(PROFILE_LINUX, r);
	uint64_t tw_rfc = ports_profile_tw(PROFILE_RFC9293, r);

	ports_how(&c, setup, r, how, sizeof(how));
	if (!ports_time_wait(&c, r, &tw, &p) || tw_lin == 0 || tw_rfc == 0)
		return false;
	q->host = HOST_CLIENT;
	q->answer_ms = (uint64_t)nports * 1000 / tw * 1000;
	q->type = choice ? QUIZ_T_CHOICE : QUIZ_T_NUMERIC;
	q->count = !choice;
	if (choice) {
		ports_options(q, nports, tw, setup == 1 ? tw_lin : tw_rfc);
		if (q->nopt < 4)
			return false;
		quiz_opt_shuffle(q, r);
	}
	q->topics = QUIZ_TOPIC_BIT(QUIZ_TOP_TIMEWAIT) |
	    QUIZ_TOPIC_BIT(QUIZ_TOP_TIMERS);
	q->stem = quiz_strdupf(_("A client opens many short connections to "
	    "one server address and port, and always closes first, so each "
	    "connection leaves its local port in TIME_WAIT. Its ephemeral "
	    "ports are %u to %u and its timers follow %s. How many new "
	    "connections per second can it keep up, at most, before it runs "
	    "out of ports? (Round down.)"), lo, hi, how);
	quiz_seconds_str(tw, stw, sizeof(stw));
	q->explain = quiz_strdupf(_("A port is free again only when its "
	    "TIME_WAIT ends: %s s here (under profile linux TIME_WAIT is %s s "
	    "whatever the MSL; under profile rfc9293 it is 2MSL, %s s). So %u "
	    "ports last %s s: %u / %s, rounded down."), stw,
	    quiz_seconds_str(tw_lin, slin, sizeof(slin)),
	    quiz_seconds_str(tw_rfc, srfc, sizeof(srfc)), nports, stw, nports,
	    stw);
	q->scenario = plan_text(&p, 0, p.nprefix);
	q->then = plan_text(&p, p.nprefix, p.n);
	return true;
}
