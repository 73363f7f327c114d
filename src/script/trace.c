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
#include "script/script_internal.h"
#include "script/trace.h"

struct tbuf {
	char *p;
	size_t size, len;
};

#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static void
t_add(struct tbuf *t, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (t->len + 1 >= t->size)
		return;
	va_start(ap, fmt);
	n = vsnprintf(t->p + t->len, t->size - t->len, fmt, ap);
	va_end(ap);
	if (n > 0)
		t->len += (size_t)n < t->size - t->len ? (size_t)n :
		    t->size - t->len - 1;
}

static void
t_seg(struct tbuf *t, const struct tcp_seg *seg)
{
	char flags[TCP_FLAGS_BUFSZ];

	t_add(t, "%s seq=%lu", seg->flags ? script_flags_str(seg->flags,
	    flags) : "-", (unsigned long)seg->seq);
	if (seg->flags & TCP_ACK)
		t_add(t, " ack=%lu", (unsigned long)seg->ack);
	t_add(t, " len=%u", (unsigned)seg->len);
}

char *
script_flight_str(const struct flight *f, char *buf, size_t size)
{
	struct tbuf t = { buf, size, 0 };

	if (size == 0)
		return buf;
	buf[0] = '\0';
	t_add(&t, "#%lu %s ", (unsigned long)f->id,
	    f->dir == DIR_C2S ? "c>s" : "s>c");
	t_seg(&t, &f->seg);
	return buf;
}

/* " (why) [RFC 9293 3.10.7.4]", or nothing when the core gave no reason. */
static void
t_why(struct tbuf *t, enum tcp_why why)
{
	const char *rfc = tcp_why_rfc(why), *text = tcp_why_text(why);

	if (text != NULL && text[0] != '\0')
		t_add(t, " (%s)", _(text));
	if (rfc != NULL && rfc[0] >= '0' && rfc[0] <= '9')
		t_add(t, " [RFC 9293 %s]", rfc);
	else if (rfc != NULL && rfc[0] != '\0')
		t_add(t, " [%s]", rfc);
}

static void
t_time(struct tbuf *t, uint64_t ms)
{
	t_add(t, "%6llu.%03llus", (unsigned long long)(ms / 1000),
	    (unsigned long long)(ms % 1000));
}

static void
t_tcp(struct tbuf *t, const struct sim_ev *ev)
{
	const struct tcp_ev *e = &ev->tcp;
	char fl[80], due[24];
	struct tbuf d = { due, sizeof(due), 0 };

	switch (e->kind) {
	case TCP_EV_STATE:
		t_add(t, "%s -> %s", tcp_state_name(e->from),
		    tcp_state_name(e->to));
		t_why(t, e->why);
		break;
	case TCP_EV_SEND:
		t_add(t, e->rexmit ? _("sends %s again") : _("sends %s"),
		    script_flight_str(&ev->flight, fl, sizeof(fl)));
		t_why(t, e->why);
		break;
	case TCP_EV_NOTICE:
		t_add(t, _("tells the application: %s"),
		    tcp_notice_name(e->notice));
		break;
	case TCP_EV_TIMER_ARM:
		t_time(&d, e->due);
		t_add(t, _("starts the %s timer, due at %s"),
		    _(tcp_timer_name(e->timer)), due + strspn(due, " "));
		break;
	case TCP_EV_TIMER_STOP:
		t_add(t, _("stops the %s timer"), _(tcp_timer_name(e->timer)));
		break;
	case TCP_EV_TIMER_FIRE:
		t_add(t, _("the %s timer fires"), _(tcp_timer_name(e->timer)));
		break;
	case TCP_EV_DROP:
		t_add(t, _("discards the segment "));
		t_seg(t, &e->seg);
		t_why(t, e->why);
		break;
	case TCP_EV_DATA:
		t_add(t, _("hands %lu bytes to the application"),
		    (unsigned long)e->bytes);
		break;
	}
}

char *
script_trace_line(const struct sim_ev *ev, char *buf, size_t size)
{
	struct tbuf t = { buf, size, 0 };
	const char *who = ev->host == HOST_SERVER ? "server" : "client";
	char fl[80];

	if (size == 0)
		return buf;
	buf[0] = '\0';
	t_time(&t, ev->time);
	script_flight_str(&ev->flight, fl, sizeof(fl));
	switch (ev->kind) {
	case SIM_EV_TCP:
		t_add(&t, "  %-6s  ", who);
		t_tcp(&t, ev);
		break;
	case SIM_EV_DELIVER:
		t_add(&t, "  %-6s  ", who);
		t_add(&t, _("receives %s"), fl);
		break;
	case SIM_EV_LOST:
		t_add(&t, "  %-6s  ", "wire");
		t_add(&t, _("loses %s"), fl);
		break;
	case SIM_EV_EXPIRED:
		t_add(&t, "  %-6s  ", "wire");
		t_add(&t, _("discards %s: in flight longer than the MSL"), fl);
		break;
	case SIM_EV_DUP:
		t_add(&t, "  %-6s  ", "wire");
		t_add(&t, _("copies #%lu as %s"),
		    (unsigned long)ev->flight.dup_of, fl);
		break;
	case SIM_EV_INJECT:
		t_add(&t, "  %-6s  ", "wire");
		t_add(&t, _("injects %s"), fl);
		break;
	}
	return buf;
}
