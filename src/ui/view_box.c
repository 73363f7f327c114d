/*
 * The state boxes of the simulator's view: a host's state, what its
 * application sees, its numbers and its armed timers, read from the
 * world at drawing time.  While arrows still move the box shows the
 * state and numbers as they stood when the moving segment left, so the
 * boxes keep step with the animation; timers count down from the
 * simulated clock, never the wall clock.  A state's colour is its phase.
 */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "lib/i18n.h"
#include "ui/view.h"

enum view_phase
view_phase_of(enum tcp_state s)
{
	switch (s) {
	case TCP_CLOSED:
	case TCP_LISTEN:
		return VIEW_PH_CLOSED;
	case TCP_SYN_SENT:
	case TCP_SYN_RECEIVED:
		return VIEW_PH_OPENING;
	case TCP_ESTABLISHED:
		return VIEW_PH_ESTAB;
	case TCP_FIN_WAIT_1:
	case TCP_FIN_WAIT_2:
	case TCP_CLOSE_WAIT:
	case TCP_CLOSING:
	case TCP_LAST_ACK:
		return VIEW_PH_CLOSING;
	case TCP_TIME_WAIT:
		return VIEW_PH_TIME_WAIT;
	}
	return VIEW_PH_CLOSED;
}

static const char *
view_timer_short(enum tcp_timer t)
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
view_box_timers(const struct world *w, const struct tcp_tcb *tcb,
    struct view_box *out)
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
		    view_timer_short((enum tcp_timer)t), d);
		if (off >= sizeof(out->timers))
			break;
	}
}

void
view_box_build(const struct view *v, const struct world *w,
    enum sim_host_id h, enum ladder_num m, struct view_box *out)
{
	const struct tcp_tcb *tcb = &w->host[h].tcb;
	const struct ladder_host *vh = &v->lad.host[h];
	enum sim_host_id peer = (enum sim_host_id)(1 - h);
	struct sim_nums n = { tcb->iss, tcb->snd_una, tcb->snd_nxt,
	    tcb->rcv_nxt, tcb->irs_valid };
	uint32_t mine = vh->niss ? vh->niss - 1 : LADDER_NOINC;
	uint32_t theirs = v->lad.host[peer].niss ? v->lad.host[peer].niss - 1 :
	    LADDER_NOINC;
	char a[32], b[32];

	struct ladder_host shown = *vh;

	memset(out, 0, sizeof(*out));
	shown.state = tcb->state;
	view_anim_state(v, h, &shown.state);
	view_anim_nums(v, h, &n);	/* the boxes keep step with the arrows */
	snprintf(out->state, sizeof(out->state), "%s",
	    tcp_state_name(shown.state));
	out->phase = view_phase_of(shown.state);
	out->hilite = vh->changed;
	snprintf(out->app, sizeof(out->app), "%s",
	    ladder_app_text(&shown, tcb));
	if (shown.state == TCP_CLOSED || shown.state == TCP_LISTEN)
		return;
	/* Relative to itself the ISS is always 0; raw it is the base the
	 * other numbers count from, and shows a new incarnation's ISN. */
	ladder_num(&v->lad, m == LADDER_NUM_REL ? LADDER_NUM_RAW : m, h, mine,
	    n.iss, a, sizeof(a));
	if (n.irs_valid)
		ladder_num(&v->lad, m, peer, theirs, n.rcv_nxt, b, sizeof(b));
	else
		snprintf(b, sizeof(b), "-");
	snprintf(out->nums[0], sizeof(out->nums[0]), "ISS %-10s RCV.NXT %s",
	    a, b);
	ladder_num(&v->lad, m, h, mine, n.snd_una, a, sizeof(a));
	ladder_num(&v->lad, m, h, mine, n.snd_nxt, b, sizeof(b));
	snprintf(out->nums[1], sizeof(out->nums[1]), "SND.UNA %-10s "
	    "SND.NXT %s", a, b);
	view_box_timers(w, tcb, out);
}
