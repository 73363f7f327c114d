/*
 * The trace: one line per world event, in the order they happened.
 *
 * Data model: a line is a pure function of one struct sim_ev: the
 * simulated time in seconds with milliseconds, who acted (a host, or the
 * wire for losses, expiries, copies and injected segments), and a sentence.
 * Segments are written the way the scenario language writes them
 * (`#3 s>c SYN+ACK seq=299 ack=100 len=0`) so that a student can copy a
 * trace line into an `expect`.  Reasons come from the core's table
 * (tcp_why_text, tcp_why_rfc); nothing here invents an explanation.
 */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "lib/i18n.h"
#include "lib/sbuf.h"
#include "script/script_internal.h"
#include "script/trace.h"


static void
t_seg(struct sbuf *t, const struct tcp_seg *seg)
{
	char text[96];

	sbuf_add(t, "%s", sim_seg_text(seg, NULL, NULL, SIM_SEG_LEN, text,
	    sizeof(text)));
}

char *
script_flight_str(const struct flight *f, char *buf, size_t size)
{
	struct sbuf t = { buf, size, 0, false };

	if (size == 0)
		return buf;
	buf[0] = '\0';
	sbuf_add(&t, "#%lu %s ", (unsigned long)f->id,
	    f->dir == DIR_C2S ? "c>s" : "s>c");
	t_seg(&t, &f->seg);
	return buf;
}

/* " (why) [RFC 9293 3.10.7.4]", or nothing when the core gave no reason. */
static void
t_why(struct sbuf *t, enum tcp_why why)
{
	const char *rfc = tcp_why_rfc(why), *text = tcp_why_text(why);

	if (text != NULL && text[0] != '\0')
		/* TRANSLATORS: the reason after a state change or a
		 * segment; Chinese text takes full-width brackets. */
		sbuf_add(t, _(" (%s)"), _(text));
	if (rfc != NULL && rfc[0] >= '0' && rfc[0] <= '9')
		sbuf_add(t, " [RFC 9293 %s]", rfc);
	else if (rfc != NULL && rfc[0] != '\0')
		sbuf_add(t, " [%s]", rfc);
}

static void
t_time(struct sbuf *t, uint64_t ms)
{
	sbuf_add(t, "%6llu.%03llus", (unsigned long long)(ms / 1000),
	    (unsigned long long)(ms % 1000));
}

static void
t_tcp(struct sbuf *t, const struct sim_ev *ev)
{
	const struct tcp_ev *e = &ev->tcp;
	char fl[80], due[24];
	struct sbuf d = { due, sizeof(due), 0, false };

	switch (e->kind) {
	case TCP_EV_STATE:
		sbuf_add(t, "%s -> %s", tcp_state_name(e->from),
		    tcp_state_name(e->to));
		t_why(t, e->why);
		break;
	case TCP_EV_SEND:
		sbuf_add(t, e->rexmit ? _("sends %s again") : _("sends %s"),
		    script_flight_str(&ev->flight, fl, sizeof(fl)));
		t_why(t, e->why);
		break;
	case TCP_EV_NOTICE:
		sbuf_add(t, _("tells the application: %s"),
		    tcp_notice_name(e->notice));
		break;
	case TCP_EV_TIMER_ARM:
		t_time(&d, e->due);
		sbuf_add(t, _("starts the %s timer, due at %s"),
		    _(tcp_timer_name(e->timer)), due + strspn(due, " "));
		break;
	case TCP_EV_TIMER_STOP:
		sbuf_add(t, _("stops the %s timer"), _(tcp_timer_name(e->timer)));
		break;
	case TCP_EV_TIMER_FIRE:
		sbuf_add(t, _("the %s timer fires"), _(tcp_timer_name(e->timer)));
		break;
	case TCP_EV_DROP:
		sbuf_add(t, _("discards the segment "));
		t_seg(t, &e->seg);
		t_why(t, e->why);
		break;
	case TCP_EV_DATA:
		sbuf_add(t, _("hands %lu bytes to the application"),
		    (unsigned long)e->bytes);
		break;
	}
}

char *
script_trace_line(const struct sim_ev *ev, char *buf, size_t size)
{
	struct sbuf t = { buf, size, 0, false };
	const char *who = ev->host == HOST_SERVER ? "server" : "client";
	char fl[80];

	if (size == 0)
		return buf;
	buf[0] = '\0';
	t_time(&t, ev->time);
	script_flight_str(&ev->flight, fl, sizeof(fl));
	switch (ev->kind) {
	case SIM_EV_TCP:
		sbuf_add(&t, "  %-6s  ", who);
		t_tcp(&t, ev);
		break;
	case SIM_EV_DELIVER:
		sbuf_add(&t, "  %-6s  ", who);
		sbuf_add(&t, _("receives %s"), fl);
		break;
	case SIM_EV_LOST:
		sbuf_add(&t, "  %-6s  ", "wire");
		sbuf_add(&t, _("loses %s"), fl);
		break;
	case SIM_EV_EXPIRED:
		sbuf_add(&t, "  %-6s  ", "wire");
		sbuf_add(&t, _("discards %s: in flight longer than the MSL"), fl);
		break;
	case SIM_EV_DUP:
		sbuf_add(&t, "  %-6s  ", "wire");
		sbuf_add(&t, _("copies #%lu as %s"),
		    (unsigned long)ev->flight.dup_of, fl);
		break;
	case SIM_EV_INJECT:
		sbuf_add(&t, "  %-6s  ", "wire");
		sbuf_add(&t, _("injects %s"), fl);
		break;
	}
	return buf;
}

char *
script_note_line(uint64_t time, const char *msg, char *buf, size_t size)
{
	struct sbuf t = { buf, size, 0, false };

	if (size == 0)
		return buf;
	buf[0] = '\0';
	t_time(&t, time);
	sbuf_add(&t, "  %-6s  %s", "world", msg);
	return buf;
}
