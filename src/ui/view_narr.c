/*
 * Narration and the state boxes of the view model.
 *
 * Narration turns each trace record into one plain sentence, built from
 * the core's reason (tcp_why_text) and the RFC section that prescribes it
 * (tcp_why_rfc); records that only matter to the core (timers armed and
 * stopped) say nothing.  The state box is read from the world at drawing
 * time: the TCB's numbers and armed timers, shown as countdowns from the
 * simulated clock, never from the wall clock.
 */
#include <config.h>

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "lib/i18n.h"
#include "ui/view.h"

/* "3.10.7.4" becomes "RFC 9293 3.10.7.4"; "RFC 5961 3.2" stays. */
static const char *
view_rfc(enum tcp_why why, char *buf, size_t size)
{
	const char *r = tcp_why_rfc(why);

	if (r == NULL || *r == '\0')
		return NULL;
	if (strncmp(r, "RFC", 3) == 0)
		snprintf(buf, size, "%s", r);
	else
		snprintf(buf, size, "RFC 9293 %s", r);
	return buf;
}

/* The reason follows the event, once: a segment the same host sends for
 * the reason just given for its state change does not repeat it.  A state
 * change always has its reason, even when the other host's change just
 * had the same one (both sides of a simultaneous close). */
static char *
view_because(const struct view *v, const struct sim_ev *ev, const char *head,
    char *buf, size_t size)
{
	char rfc[64];
	enum tcp_why why = ev->tcp.why;
	const char *text = tcp_why_text(why);

	if (why == TCP_W_NONE || text == NULL || *text == '\0' ||
	    (ev->tcp.kind == TCP_EV_SEND && why == v->told &&
	    ev->host == v->told_host))
		/* TRANSLATORS: a whole sentence of narration; only the full
		 * stop is to be translated. */
		snprintf(buf, size, _("%s."), head);
	else if (view_rfc(why, rfc, sizeof(rfc)) == NULL)
		/* TRANSLATORS: an event, then the reason for it. */
		snprintf(buf, size, _("%s: %s."), head, _(text));
	else
		/* TRANSLATORS: an event, the reason, the RFC section. */
		snprintf(buf, size, _("%s: %s, %s."), head, _(text), rfc);
	return buf;
}

static const char *
view_notice_text(enum tcp_notice n)
{
	switch (n) {
	case TCP_N_CONNECTED:
		return _("connected");
	case TCP_N_REFUSED:
		return _("connection refused");
	case TCP_N_RESET:
		return _("connection reset by the peer");
	case TCP_N_TIMEOUT:
		return _("connection timed out");
	case TCP_N_EOF:
		return _("end of file: the peer will send no more data");
	case TCP_N_CLOSED:
		return _("the connection is closed");
	}
	return "";
}

static char *
view_tcp_text(const struct view *v, const struct sim_ev *ev, char *buf,
    size_t size)
{
	const struct tcp_ev *te = &ev->tcp;
	const char *host = view_host_name(ev->host);
	const struct ladder_arrow *a;
	char head[256], lab[128];

	switch (te->kind) {
	case TCP_EV_STATE:
		/* TRANSLATORS: host, old state, new state. */
		snprintf(head, sizeof(head), _("%s: %s -> %s"), host,
		    tcp_state_name(te->from), tcp_state_name(te->to));
		return view_because(v, ev, head, buf, size);
	case TCP_EV_SEND:
		a = ladder_arrow_by_id(&v->lad, ev->flight.id);
		if (a == NULL)
			return NULL;
		view_label(v, a, v->num, lab, sizeof(lab));
		if (te->rexmit)
			/* TRANSLATORS: host, then a segment label. */
			snprintf(head, sizeof(head), _("%s retransmits %s"),
			    host, lab);
		else
			/* TRANSLATORS: host, then a segment label. */
			snprintf(head, sizeof(head), _("%s sends %s"), host,
			    lab);
		return view_because(v, ev, head, buf, size);
	case TCP_EV_NOTICE:
		/* TRANSLATORS: host, then what its application is told. */
		snprintf(buf, size, _("The %s application is told: %s."),
		    host, view_notice_text(te->notice));
		return buf;
	case TCP_EV_TIMER_FIRE:
		/* TRANSLATORS: host, then the name of a timer. */
		snprintf(buf, size, _("The %s's %s timer expires."), host,
		    _(tcp_timer_name(te->timer)));
		return buf;
	case TCP_EV_DROP:
		/* TRANSLATORS: host. */
		snprintf(head, sizeof(head), _("%s discards the segment"),
		    host);
		return view_because(v, ev, head, buf, size);
	case TCP_EV_DATA:
		/* TRANSLATORS: host, number of bytes. */
		snprintf(buf, size, _("The %s application reads %" PRIu32
		    " bytes."), host, te->bytes);
		return buf;
	case TCP_EV_TIMER_ARM:
	case TCP_EV_TIMER_STOP:
		return NULL;
	}
	return NULL;
}

char *
view_event_text(struct view *v, const struct sim_ev *ev, char *buf,
    size_t size)
{
	uint32_t id = ev->flight.id;

	switch (ev->kind) {
	case SIM_EV_TCP:
		buf = view_tcp_text(v, ev, buf, size);
		if (buf != NULL && ev->tcp.why != TCP_W_NONE &&
		    (ev->tcp.kind == TCP_EV_STATE ||
		    ev->tcp.kind == TCP_EV_SEND)) {
			v->told = ev->tcp.why;
			v->told_host = ev->host;
		}
		return buf;
	case SIM_EV_DELIVER:
		snprintf(buf, size, _("Segment #%" PRIu32 " arrives at the "
		    "%s."), id, view_host_name((enum sim_host_id)
		    (1 - ev->flight.dir)));
		return buf;
	case SIM_EV_LOST:
		snprintf(buf, size, _("Segment #%" PRIu32 " is lost in the "
		    "network."), id);
		return buf;
	case SIM_EV_EXPIRED:
		snprintf(buf, size, _("Segment #%" PRIu32 " has been in "
		    "flight longer than the MSL: the simulator discards it, "
		    "enforcing the bound TCP assumes."), id);
		return buf;
	case SIM_EV_DUP:
		snprintf(buf, size, _("The network duplicates #%" PRIu32
		    ": the copy is #%" PRIu32 "."), ev->flight.dup_of, id);
		return buf;
	case SIM_EV_INJECT:
		snprintf(buf, size, _("An old duplicate segment #%" PRIu32
		    " appears on the wire."), id);
		return buf;
	}
	return NULL;
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
		view_dur(left, d, sizeof(d));
		off += (size_t)snprintf(out->timers + off,
		    sizeof(out->timers) - off, "%s%s %s", off ? "  " : "",
		    view_timer_short((enum tcp_timer)t), d);
		if (off >= sizeof(out->timers))
			break;
	}
}

void
view_box_build(const struct view *v, const struct world *w,
    enum sim_host_id h, enum view_num m, struct view_box *out)
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
	    view_app_text(&shown, tcb));
	if (shown.state == TCP_CLOSED || shown.state == TCP_LISTEN)
		return;
	/* Relative to itself the ISS is always 0; raw it is the base the
	 * other numbers count from, and shows a new incarnation's ISN. */
	view_num(v, m == VIEW_NUM_REL ? VIEW_NUM_RAW : m, h, mine, n.iss, a,
	    sizeof(a));
	if (n.irs_valid)
		view_num(v, m, peer, theirs, n.rcv_nxt, b, sizeof(b));
	else
		snprintf(b, sizeof(b), "-");
	snprintf(out->nums[0], sizeof(out->nums[0]), "ISS %-10s RCV.NXT %s",
	    a, b);
	view_num(v, m, h, mine, n.snd_una, a, sizeof(a));
	view_num(v, m, h, mine, n.snd_nxt, b, sizeof(b));
	snprintf(out->nums[1], sizeof(out->nums[1]), "SND.UNA %-10s "
	    "SND.NXT %s", a, b);
	view_box_timers(w, tcb, out);
}

/* The commands the what-if keys make (menu_whatif). */
static bool
view_is_whatif(const struct cmd *c)
{
	return c->kind == CMD_PROFILE || (c->kind == CMD_SET &&
	    (c->key == SET_TIME_WAIT || c->key == SET_HANDSHAKE ||
	    c->key == SET_DELAYED_ACK));
}

/* What-if switches change the rules, not the connection: they are not
 * steps of the story the learner tells (issue 13), so the step count
 * leaves them out. */
size_t
view_steps(const struct cmd *c, size_t n)
{
	size_t k = 0;

	for (size_t i = 0; i < n; i++)
		k += !view_is_whatif(&c[i]);
	return k;
}

static void
view_add_word(char *buf, size_t size, const char *w)
{
	size_t o = strlen(buf);

	snprintf(buf + o, size - o, "%s%s", o > 0 ? " " : "", w);
}

/* The profile and each what-if switch that differs from its default, for
 * the status line: once set, a switch stays in sight. */
char *
view_switches(const struct world *w, char *buf, size_t size)
{
	struct tcp_config def;
	const struct tcp_config *c = &w->cfg;

	if (w->profile == PROFILE_LINUX)
		tcp_config_linux(&def);
	else
		tcp_config_rfc9293(&def);
	snprintf(buf, size, "%s", sim_profile_name(w->profile));
	if (c->time_wait != def.time_wait)
		/* TRANSLATORS: status line, the what-if switch is set. */
		view_add_word(buf, size, c->time_wait ? _("TIME_WAIT on") :
		    _("no TIME_WAIT"));
	if (c->handshake_two != def.handshake_two)
		/* TRANSLATORS: status line, what-if: no SYN_RECEIVED. */
		view_add_word(buf, size, c->handshake_two ?
		    _("2-way handshake") : _("3-way handshake"));
	if (c->delayed_ack != def.delayed_ack)
		/* TRANSLATORS: status line, what-if switch. */
		view_add_word(buf, size, c->delayed_ack ? _("delayed ACK") :
		    _("no delayed ACK"));
	return buf;
}
