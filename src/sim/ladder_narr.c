/*
 * Narration of the ladder: each trace record as one plain sentence,
 * built from the core's reason (tcp_why_text) and the RFC section that
 * prescribes it (tcp_why_rfc), with segments labelled as the ladder
 * shows them; records that only matter to the core (timers armed and
 * stopped) say nothing, and segments that cross on the wire are told
 * as such once.  Also the status line's words about the rules in
 * force: the steps that are not what-if switches, the profile and the
 * switches that differ from its defaults, or all of them in a sentence.
 *
 * Data model: struct ladder_told is all the narration remembers between
 * sentences, the last reason told and whose it was, so that a reason is
 * not repeated by the segment sent because of it.
 */
#include <config.h>

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "lib/i18n.h"
#include "sim/ladder_text.h"

/* "3.10.7.4" becomes "RFC 9293 3.10.7.4"; "RFC 5961 3.2" stays. */
static const char *
ladder_rfc(enum tcp_why why, char *buf, size_t size)
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
ladder_because(const struct ladder_told *told, const struct sim_ev *ev,
    const char *head, char *buf, size_t size)
{
	char rfc[64];
	enum tcp_why why = ev->tcp.why;
	const char *text = tcp_why_text(why);

	if (why == TCP_W_NONE || text == NULL || *text == '\0' ||
	    (ev->tcp.kind == TCP_EV_SEND && why == told->why &&
	    ev->host == told->host))
		/* TRANSLATORS: a whole sentence of narration; only the full
		 * stop is to be translated. */
		snprintf(buf, size, _("%s."), head);
	else if (ladder_rfc(why, rfc, sizeof(rfc)) == NULL)
		/* TRANSLATORS: an event, then the reason for it. */
		snprintf(buf, size, _("%s: %s."), head, _(text));
	else
		/* TRANSLATORS: an event, the reason, the RFC section. */
		snprintf(buf, size, _("%s: %s, %s."), head, _(text), rfc);
	return buf;
}

static const char *
ladder_notice_text(enum tcp_notice n)
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
ladder_tcp_text(const struct ladder *l, enum ladder_num m,
    const struct ladder_told *told, const struct sim_ev *ev, char *buf,
    size_t size)
{
	const struct tcp_ev *te = &ev->tcp;
	const char *host = sim_host_text(ev->host);
	const struct ladder_arrow *a;
	char head[256], lab[128];

	switch (te->kind) {
	case TCP_EV_STATE:
		/* TRANSLATORS: host, old state, new state. */
		snprintf(head, sizeof(head), _("%s: %s -> %s"), host,
		    tcp_state_name(te->from), tcp_state_name(te->to));
		return ladder_because(told, ev, head, buf, size);
	case TCP_EV_SEND:
		a = ladder_arrow_by_id(l, ev->flight.id);
		if (a == NULL)
			return NULL;
		ladder_label(l, a, m, lab, sizeof(lab));
		if (te->rexmit)
			/* TRANSLATORS: host, then a segment label. */
			snprintf(head, sizeof(head), _("%s retransmits %s"),
			    host, lab);
		else
			/* TRANSLATORS: host, then a segment label. */
			snprintf(head, sizeof(head), _("%s sends %s"), host,
			    lab);
		return ladder_because(told, ev, head, buf, size);
	case TCP_EV_NOTICE:
		/* TRANSLATORS: host, then what its application is told. */
		snprintf(buf, size, _("The %s application is told: %s."),
		    host, ladder_notice_text(te->notice));
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
		return ladder_because(told, ev, head, buf, size);
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
ladder_event_text(const struct ladder *l, enum ladder_num m,
    struct ladder_told *told, const struct sim_ev *ev, char *buf,
    size_t size)
{
	uint32_t id = ev->flight.id;

	switch (ev->kind) {
	case SIM_EV_TCP:
		buf = ladder_tcp_text(l, m, told, ev, buf, size);
		if (buf != NULL && ev->tcp.why != TCP_W_NONE &&
		    (ev->tcp.kind == TCP_EV_STATE ||
		    ev->tcp.kind == TCP_EV_SEND)) {
			told->why = ev->tcp.why;
			told->host = ev->host;
		}
		return buf;
	case SIM_EV_DELIVER:
		snprintf(buf, size, _("Segment #%" PRIu32 " arrives at the "
		    "%s."), id, sim_host_text((enum sim_host_id)
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

/* Segments passing on the wire are drawn crossing; say why, once, when
 * the second of the pair is put on the wire. */
char *
ladder_cross_text(const struct ladder *l, const struct sim_ev *ev,
    char *buf, size_t size)
{
	bool sent = ev->kind == SIM_EV_DUP || ev->kind == SIM_EV_INJECT ||
	    (ev->kind == SIM_EV_TCP && ev->tcp.kind == TCP_EV_SEND);
	const struct ladder_arrow *a;

	if (!sent || l->narrows == 0)
		return NULL;
	a = &l->arrows[l->narrows - 1];
	if (a->f.id != ev->flight.id || a->crossed == 0)
		return NULL;
	/* TRANSLATORS: two segment numbers; drawn as crossing arrows. */
	snprintf(buf, size, _("#%" PRIu32 " and #%" PRIu32 " cross on the "
	    "wire: each was sent before the other arrived."), a->crossed,
	    a->f.id);
	return buf;
}

/* The commands the what-if keys make (menu_whatif). */
static bool
cmd_is_whatif(const struct cmd *c)
{
	return c->kind == CMD_PROFILE || (c->kind == CMD_SET &&
	    (c->key == SET_TIME_WAIT || c->key == SET_HANDSHAKE ||
	    c->key == SET_DELAYED_ACK));
}

/* What-if switches change the rules, not the connection: they are not
 * steps of the story the learner tells (issue 13), so the step count
 * leaves them out. */
size_t
cmd_steps(const struct cmd *c, size_t n)
{
	size_t k = 0;

	for (size_t i = 0; i < n; i++)
		k += !cmd_is_whatif(&c[i]);
	return k;
}

static void
sim_add_word(char *buf, size_t size, const char *w)
{
	size_t o = strlen(buf);

	snprintf(buf + o, size - o, "%s%s", o > 0 ? " " : "", w);
}

/* Each what-if switch that differs from the profile's default, in a
 * fixed order, in its full and its brief form: once set, a switch stays
 * in sight on the status line. */
size_t
world_switches(const struct world *w, struct world_switch out[WORLD_NSWITCH])
{
	struct tcp_config def;
	const struct tcp_config *c = &w->cfg;
	size_t n = 0;

	sim_profile_config(w->profile, &def);
	if (c->time_wait != def.time_wait)
		/* TRANSLATORS: status line, the what-if switch is set, and
		 * its brief form when 80 columns are short. */
		out[n++] = c->time_wait ? (struct world_switch){
		    _("TIME_WAIT on"), _("TW on") } : (struct world_switch){
		    _("no TIME_WAIT"), _("no TW") };
	if (c->handshake_two != def.handshake_two)
		/* TRANSLATORS: status line, what-if: no SYN_RECEIVED. */
		out[n++] = c->handshake_two ? (struct world_switch){
		    _("2-way handshake"), _("2-way") } : (struct world_switch){
		    _("3-way handshake"), _("3-way") };
	if (c->delayed_ack != def.delayed_ack)
		/* TRANSLATORS: status line, what-if switch. */
		out[n++] = c->delayed_ack ? (struct world_switch){
		    _("delayed ACK"), _("delACK") } : (struct world_switch){
		    _("no delayed ACK"), _("no delACK") };
	return n;
}

/* The profile and the switches set, as one line. */
char *
world_switches_text(const struct world *w, char *buf, size_t size)
{
	struct world_switch sw[WORLD_NSWITCH];
	size_t n = world_switches(w, sw);

	snprintf(buf, size, "%s", sim_profile_name(w->profile));
	for (size_t i = 0; i < n; i++)
		sim_add_word(buf, size, sw[i].full);
	return buf;
}

/* Every rule in force, switched or not, in a sentence: what the what-if
 * switches would change. */
char *
world_rules_text(const struct world *w, char *buf, size_t size)
{
	const struct tcp_config *c = &w->cfg;

	/* TRANSLATORS: profile name, then on/off words of the switches. */
	snprintf(buf, size, _("Now: profile %s, TIME_WAIT %s, %s handshake, "
	    "delayed ACK %s."), sim_profile_name(w->profile),
	    c->time_wait ? _("on") : _("off"),
	    c->handshake_two ? _("two-way") : _("three-way"),
	    c->delayed_ack ? _("on") : _("off"));
	return buf;
}
