/*
 * The state box of a host (see ladder_box.h): its state, what its
 * application sees, its numbers and its armed timers as text, read from
 * the world and the ladder when asked.  Relative to itself the ISS is
 * always 0, so the box shows it raw in relative mode: it is the base the
 * other numbers count from, and tells a new incarnation's ISN.
 */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "lib/i18n.h"
#include "sim/ladder_box.h"

enum ladder_phase
ladder_phase_of(enum tcp_state s)
{
	switch (s) {
	case TCP_CLOSED:
	case TCP_LISTEN:
		return LADDER_PH_CLOSED;
	case TCP_SYN_SENT:
	case TCP_SYN_RECEIVED:
		return LADDER_PH_OPENING;
	case TCP_ESTABLISHED:
		return LADDER_PH_ESTAB;
	case TCP_FIN_WAIT_1:
	case TCP_FIN_WAIT_2:
	case TCP_CLOSE_WAIT:
	case TCP_CLOSING:
	case TCP_LAST_ACK:
		return LADDER_PH_CLOSING;
	case TCP_TIME_WAIT:
		return LADDER_PH_TIME_WAIT;
	}
	return LADDER_PH_CLOSED;
}

static const char *
ladder_timer_short(enum tcp_timer t)
{
	switch (t) {
	case TCP_T_REXMT:
		/* TRANSLATORS: short name of the retransmission timer. */
		return _("RTO");
	case TCP_T_TIME_WAIT:
		return "2MSL";
	case TCP_T_FIN_WAIT_2:
		return "FIN_WAIT_2";
	case TCP_T_DELACK:
		/* TRANSLATORS: short name of the delayed-ACK timer. */
		return _("delayed ACK");
	}
	return "";
}

void
ladder_box_timers(const struct world *w, const struct tcp_tcb *tcb,
    struct ladder_box *out)
{
	size_t off = 0;

	out->timers[0] = '\0';
	for (int t = 0; t < TCP_NTIMERS; t++) {
		char d[32];
		uint64_t left;

		if (!tcb->armed[t])
			continue;
		left = tcb->due[t] > w->now ? tcb->due[t] - w->now : 0;
		sim_dur_text(left, d, sizeof(d));
		off += (size_t)snprintf(out->timers + off,
		    sizeof(out->timers) - off, "%s%s %s", off ? "  " : "",
		    ladder_timer_short((enum tcp_timer)t), d);
		if (off >= sizeof(out->timers))
			break;
	}
}

/* The two lines of numbers, each in the incarnation it belongs to. */
static void
ladder_box_nums(const struct ladder *l, enum sim_host_id h,
    enum ladder_num m, const struct sim_nums *n, struct ladder_box *out)
{
	enum sim_host_id peer = (enum sim_host_id)(1 - h);
	uint32_t mine = ladder_inc(l, h), theirs = ladder_inc(l, peer);
	char a[32], b[32];

	ladder_num(l, m == LADDER_NUM_REL ? LADDER_NUM_RAW : m, h, mine,
	    n->iss, a, sizeof(a));
	if (n->irs_valid)
		ladder_num(l, m, peer, theirs, n->rcv_nxt, b, sizeof(b));
	else
		snprintf(b, sizeof(b), "-");
	snprintf(out->nums[0], sizeof(out->nums[0]), "ISS %-10s RCV.NXT %s",
	    a, b);
	ladder_num(l, m, h, mine, n->snd_una, a, sizeof(a));
	ladder_num(l, m, h, mine, n->snd_nxt, b, sizeof(b));
	snprintf(out->nums[1], sizeof(out->nums[1]), "SND.UNA %-10s "
	    "SND.NXT %s", a, b);
}

void
ladder_box_build(const struct ladder *l, const struct world *w,
    enum sim_host_id h, enum ladder_num m, const enum tcp_state *st,
    const struct sim_nums *n, struct ladder_box *out)
{
	const struct tcp_tcb *tcb = &w->host[h].tcb;
	struct sim_nums own = { tcb->iss, tcb->snd_una, tcb->snd_nxt,
	    tcb->rcv_nxt, tcb->irs_valid };
	struct ladder_host shown = l->host[h];

	memset(out, 0, sizeof(*out));
	shown.state = st != NULL ? *st : tcb->state;
	snprintf(out->state, sizeof(out->state), "%s",
	    tcp_state_name(shown.state));
	out->phase = ladder_phase_of(shown.state);
	out->hilite = l->host[h].changed;
	snprintf(out->app, sizeof(out->app), "%s",
	    ladder_app_text(&shown, tcb));
	if (shown.state == TCP_CLOSED || shown.state == TCP_LISTEN)
		return;
	ladder_box_nums(l, h, m, n != NULL ? n : &own, out);
	ladder_box_timers(w, tcb, out);
}
