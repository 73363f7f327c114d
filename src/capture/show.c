/*
 * The watched connection printed three ways: trace lines (each captured
 * segment with both ends' states after it, the core's reasons and what is
 * unusual), the RFC 9293-style diagram that `script --diagram` draws, or
 * a scenario whose commands replay it in the simulator.
 *
 * Data model: nothing but struct cap_cli; the tracker hands over one
 * segment's events at a time and they are printed at once.  The handshake
 * times kept here say where the capture was taken: at the client the SYN
 * waits a round trip for its SYN+ACK and the ACK follows at once; at the
 * server it is the other way round.
 */
#include <config.h>

#include <string.h>

#include "capture/cli_int.h"
#include "lib/i18n.h"
#include "script/parse.h"

static void
show_emit(void *ctx, const char *line)
{
	fputs(line, (FILE *)ctx);
	fputc('\n', (FILE *)ctx);
}

static void
show_times(struct cap_cli *o, const struct cap_pkt *k, enum sim_dir d)
{
	uint8_t f = k->seg.flags & (TCP_SYN | TCP_ACK);

	if (d == DIR_C2S && f == TCP_SYN && o->t_syn == 0)
		o->t_syn = k->ts_us + 1;
	else if (d == DIR_S2C && f == (TCP_SYN | TCP_ACK) && o->t_synack == 0)
		o->t_synack = k->ts_us + 1;
	else if (d == DIR_C2S && f == TCP_ACK && o->t_synack && !o->t_ack)
		o->t_ack = k->ts_us + 1;
}

/* Host h's ISN: its TCB's while it has one (not CLOSED, not LISTEN), else
 * the last one seen, so that the ACK that closes a host still counts from
 * that host's ISN. */
static uint32_t
show_iss(struct cap_cli *o, const struct cap_conn *c, int h)
{
	const struct tcp_tcb *t = &c->live->w.host[h].tcb;

	if (t->state != TCP_CLOSED && t->state != TCP_LISTEN) {
		o->has_iss[h] = true;
		o->iss[h] = t->iss;
	}
	return o->has_iss[h] ? o->iss[h] : t->iss;
}

/* Wireshark's relative numbers: each side's from its own ISN. */
static struct tcp_seg
show_seg(struct cap_cli *o, const struct cap_conn *c,
    const struct tcp_seg *s, enum sim_dir d)
{
	struct tcp_seg r = *s;

	if (o->relative) {
		r.seq -= show_iss(o, c, d);
		if (r.flags & TCP_ACK)
			r.ack -= show_iss(o, c, 1 - d);
	}
	return r;
}

static void
show_header(struct cap_cli *o, const struct cap_conn *c)
{
	char a[CAP_END_BUFSZ], b[CAP_END_BUFSZ];

	if (o->header)
		return;
	o->header = true;
	if (o->diagram) {
		fprintf(o->out, _("connection %llu: client %s, server %s\n\n"),
		    (unsigned long long)c->id,
		    cap_end_str(&c->end[0], c->v6, a),
		    cap_end_str(&c->end[1], c->v6, b));
		diagram_init(&o->dg, show_emit, o->out);
		return;
	}
	fprintf(o->out, _("connection %llu: client %s, server %s\n"),
	    (unsigned long long)c->id, cap_end_str(&c->end[0], c->v6, a),
	    cap_end_str(&c->end[1], c->v6, b));
}

/* A world event as the trace prints it, without its time column. */
static void
show_event(FILE *out, const struct sim_ev *ev)
{
	char line[512];
	const char *p;

	if (ev->kind != SIM_EV_TCP || (ev->tcp.kind != TCP_EV_STATE &&
	    ev->tcp.kind != TCP_EV_NOTICE && ev->tcp.kind != TCP_EV_DROP))
		return;
	script_trace_line(ev, line, sizeof(line));
	p = strchr(line, 's');
	fprintf(out, "            %s\n", p ? p + 3 : line);
}

static void
show_line(struct cap_cli *o, const struct cap_conn *c, const struct cap_pkt *k,
    enum sim_dir d, unsigned notes)
{
	struct tcp_seg s = show_seg(o, c, &k->seg, d);
	struct flight f = { .id = (uint32_t)c->ndone, .dir = d, .seg = s };
	uint64_t us = cap_since(c, k);
	char fl[96];

	fprintf(o->out, "%4llu.%06llus  %s  ", (unsigned long long)(us /
	    1000000), (unsigned long long)(us % 1000000),
	    script_flight_str(&f, fl, sizeof(fl)));
	fprintf(o->out, _("(frame %llu)\n"), (unsigned long long)k->num);
	for (int i = 0; i < CAP_NFLAGS; i++)
		if (notes & (1u << i))
			fprintf(o->out, "            ! %s\n",
			    _(cap_flag_text((enum cap_flag)(1u << i))));
	(void)c;
}

void
cap_show_segment(void *ctx, const struct cap_conn *c, const struct cap_pkt *k,
    enum sim_dir d, unsigned notes, const struct sim_ev *ev, size_t nev)
{
	struct cap_cli *o = ctx;

	o->found = true;
	if (o->mode != CAP_M_SHOW)
		return;
	show_header(o, c);
	if (k != NULL)
		show_times(o, k, d);
	if (o->diagram) {
		diagram_command(&o->dg);
		for (size_t i = 0; i < nev; i++) {
			struct sim_ev e = ev[i];

			e.flight.seg = show_seg(o, c, &e.flight.seg,
			    e.flight.dir);
			diagram_event(&o->dg, &e);
		}
		return;
	}
	if (k == NULL)
		fputs(_("   (assumed: the handshake happened before the "
		    "capture began)\n"), o->out);
	else
		show_line(o, c, k, d, notes);
	for (size_t i = 0; i < nev; i++)
		show_event(o->out, &ev[i]);
	if (k != NULL)
		/* TRANSLATORS: both ends' states after a frame, as in
		 * "final states: client %s, server %s". */
		fprintf(o->out, _("            = client %s, server %s\n"),
		    tcp_state_name(c->live->w.host[0].tcb.state),
		    tcp_state_name(c->live->w.host[1].tcb.state));
}

void
cap_show_command(void *ctx, const struct cap_conn *c, const struct cmd *cmd,
    const char *why)
{
	struct cap_cli *o = ctx;
	char line[512], a[CAP_END_BUFSZ], b[CAP_END_BUFSZ];

	o->found = true;
	if (o->mode != CAP_M_SCENARIO)
		return;
	if (!o->header) {
		o->header = true;
		fprintf(o->out, _("# Connection %llu of %s: client %s, server "
		    "%s.\n# Made by 'tcpteach capture --to-scenario'; run it "
		    "with 'tcpteach script'.\n"), (unsigned long long)c->id,
		    o->file, cap_end_str(&c->end[0], c->v6, a),
		    cap_end_str(&c->end[1], c->v6, b));
	}
	script_format(cmd, line, sizeof(line));
	if (why != NULL)
		fprintf(o->out, "%-40s # %s\n", line, _(why));
	else
		fprintf(o->out, "%s\n", line);
}

static bool
show_local(const struct cap_conn *c)
{
	const uint8_t *a = c->end[0].addr, *b = c->end[1].addr;
	static const uint8_t lo6[16] = { [15] = 1 };

	if (memcmp(a, b, 16) == 0)
		return true;
	return c->v6 ? memcmp(a, lo6, 16) == 0 : a[0] == 127;
}

/* Where the capture was taken, from the handshake's timing. */
static void
show_vantage(const struct cap_cli *o, const struct cap_conn *c)
{
	const char *msg;
	uint64_t d1, d2;

	if (show_local(c))
		msg = N_("both ends are on one host: each segment is seen "
		    "as it leaves and as it arrives, at the same moment");
	else if (!o->t_syn || !o->t_synack || !o->t_ack)
		msg = N_("unknown (no complete handshake); segments are "
		    "taken to arrive when the capture saw them");
	else {
		d1 = o->t_synack - o->t_syn;
		d2 = o->t_ack - o->t_synack;
		msg = d1 > 2 * d2 ? N_("near the client: the server's "
		    "segments are seen when they arrive, so the server's "
		    "states are inferred at the client's clock") :
		    d2 > 2 * d1 ? N_("near the server: the client's segments "
		    "are seen when they arrive, so the client's states are "
		    "inferred at the server's clock") :
		    N_("between the two ends; each end's states are "
		    "inferred at the capture's clock");
	}
	fprintf(o->out, _("capture point: %s\n"), _(msg));
}

void
cap_show_done(struct cap_cli *o, const struct cap_conn *c)
{
	o->found = true;
	if (o->mode == CAP_M_SCENARIO) {
		fprintf(o->out, _("# Final states: client %s, server %s.\n"),
		    tcp_state_name(c->live->w.host[0].tcb.state),
		    tcp_state_name(c->live->w.host[1].tcb.state));
		return;
	}
	show_header(o, c);
	if (o->diagram)
		diagram_finish(&o->dg);
	fputc('\n', o->out);
	fprintf(o->out, _("final states: client %s, server %s; handshake %s; "),
	    tcp_state_name(c->live->w.host[0].tcb.state),
	    tcp_state_name(c->live->w.host[1].tcb.state), cap_hs_word(c->hs));
	/* TRANSLATORS: "1 retransmission, 2 resets"; the two counts. */
	fprintf(o->out, ngettext("%llu retransmission, ",
	    "%llu retransmissions, ", c->nrexmit),
	    (unsigned long long)c->nrexmit);
	fprintf(o->out, ngettext("%llu reset\n", "%llu resets\n", c->nrst),
	    (unsigned long long)c->nrst);
	show_vantage(o, c);
}
