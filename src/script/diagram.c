/*
 * The run as a two-column sequence diagram in the manner of RFC 9293's
 * figures: the client's state on the left, the server's on the right, the
 * segments between them.
 *
 * Data model: the shared ladder model (sim/ladder.h) folds each event: it
 * says what the event did (an arrow put on the wire, an arrow's fate, a
 * state change, a discard) and holds the arrows still in flight and the
 * hosts' states; this file only groups that into the figure's rows and
 * lays them out.  It keeps one pending row (struct diagram_row).  A row
 * shows one segment, or only state changes.  A segment's row
 * is kept open after it is sent: if its delivery (or loss) is the next
 * thing that happens on the wire, the same row gets the arrow at the
 * receiver, otherwise the row is printed with "..." at the receiver's end
 * and the delivery gets a row of its own that starts with "...", as in
 * RFC 9293's simultaneous close figure.  A host's state is printed on a
 * row when that host sent, received or changed state in it; a row of state
 * changes alone prints both hosts.  State changes attach to the open row
 * only during the command that opened or completed it: TIME_WAIT ending
 * minutes later is a row of its own; but a row of state changes alone
 * takes the other host's LISTEN from a later command too (both listen),
 * and a diagram that starts with a segment gets a first row of both
 * hosts' initial states, as RFC 9293's figures have.
 *
 * Layout (76 columns): "NNN.  " then the client's state in 12 columns
 * and a space, a 3-column end, a space, DIAGRAM_MID columns of segment
 * text and marks, the other 3-column end, a space and the server's state.
 * A longer middle (ten-digit sequence numbers) pushes the far end right.
 */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "lib/i18n.h"
#include "lib/utf8.h"
#include "script/script_internal.h"
#include "script/trace.h"

void
diagram_init(struct diagram *d, void (*emit)(void *, const char *),
    void *ctx)
{
	char line[128];

	memset(d, 0, sizeof(*d));
	d->emit = emit;
	d->ctx = ctx;
	ladder_init(&d->lad);
	d->lad.host[0].state = d->lad.host[1].state = TCP_CLOSED;
	snprintf(line, sizeof(line), "      %-*s%s", 13 + 3 + 1 +
	    DIAGRAM_MID + 3 + 1, "client", "server");
	d->emit(d->ctx, line);
}

void
diagram_command(struct diagram *d)
{
	ladder_end(&d->lad);
	ladder_trim(&d->lad);
	ladder_begin(&d->lad);
}

/* The end of a segment's arrow at one side; "left" is the client's. */
static const char *
dg_slot(enum diagram_slot s, bool rightward, bool left)
{
	switch (s) {
	case DSLOT_NONE:
		return "";
	case DSLOT_ARROW:
		return rightward ? "-->" : "<--";
	case DSLOT_DOTS:
		return "...";
	case DSLOT_LOST:
		return left ? " x-" : "-x";
	}
	return "";
}

static void
dg_flush(struct diagram *d)
{
	const struct diagram_row *r = &d->row;
	bool right = r->dir == DIR_C2S;
	enum diagram_slot ls = right ? r->from : r->to;
	enum diagram_slot rs = right ? r->to : r->from;
	char line[384], padded[192];
	size_t mid;
	int n;

	if (!r->used)
		return;
	if (d->rowno == 0 && !r->pure) {
		/* RFC 9293's figures open with both hosts' states. */
		d->rowno++;
		snprintf(line, sizeof(line), "%3u.  %-*s%s", d->rowno,
		    13 + 3 + 1 + DIAGRAM_MID + 3 + 1,
		    tcp_state_name(TCP_CLOSED), tcp_state_name(TCP_CLOSED));
		d->emit(d->ctx, line);
	}
	if (r->call[0] != NULL || r->call[1] != NULL) {
		snprintf(line, sizeof(line), "      %-*s%s",
		    13 + 3 + 1 + DIAGRAM_MID + 3 + 1,
		    r->call[0] ? r->call[0] : "", r->call[1] ? r->call[1] : "");
		n = (int)strlen(line);
		while (n > 0 && line[n - 1] == ' ')
			line[--n] = '\0';
		d->emit(d->ctx, line);
	}
	d->rowno++;
	/* A long middle pushes the far end right but never touches it.
	 * Widths are display columns: marks such as "(lost)" are
	 * translated, and Chinese takes two columns a character. */
	mid = (size_t)utf8_width(r->mid) < DIAGRAM_MID ? DIAGRAM_MID :
	    (size_t)utf8_width(r->mid) + 1;
	n = snprintf(line, sizeof(line), "%3u.  %-12s %-3s %s%-3s %s",
	    d->rowno, r->show[0] ? tcp_state_name(r->state[0]) : "",
	    r->has_seg ? dg_slot(ls, right, true) : "",
	    utf8_pad(r->mid, (int)mid, padded, sizeof(padded)),
	    r->has_seg ? dg_slot(rs, right, false) : "",
	    r->show[1] ? tcp_state_name(r->state[1]) : "");
	if (n < 0)
		n = 0;
	if ((size_t)n >= sizeof(line))
		n = (int)sizeof(line) - 1;
	while (n > 0 && line[n - 1] == ' ')
		line[--n] = '\0';
	d->emit(d->ctx, line);
	memset(&d->row, 0, sizeof(d->row));
}

static void
dg_mark(struct diagram_row *r, const char *mark)
{
	size_t n = strlen(r->mid);

	snprintf(r->mid + n, sizeof(r->mid) - n, " %s", mark);
}

/* "<SEQ=100><ACK=300><CTL=FIN,ACK><DATA=5>" */
static void
dg_seg_text(struct diagram_row *r, const struct tcp_seg *seg)
{
	char fl[TCP_FLAGS_BUFSZ];
	size_t n;

	n = (size_t)snprintf(r->mid, sizeof(r->mid), "<SEQ=%lu>",
	    (unsigned long)seg->seq);
	if (seg->flags & TCP_ACK)
		n += (size_t)snprintf(r->mid + n, sizeof(r->mid) - n,
		    "<ACK=%lu>", (unsigned long)seg->ack);
	if (seg->flags != 0) {
		script_flags_str(seg->flags, fl);
		for (char *p = fl; *p != '\0'; p++)
			if (*p == '+')
				*p = ',';
		n += (size_t)snprintf(r->mid + n, sizeof(r->mid) - n,
		    "<CTL=%s>", fl);
	}
	if (seg->len > 0)
		snprintf(r->mid + n, sizeof(r->mid) - n, "<DATA=%u>",
		    (unsigned)seg->len);
}

static void
dg_origin_mark(struct diagram_row *r, const struct flight *f)
{
	char buf[40];

	switch (f->origin) {
	case ORIGIN_SENT:
		break;
	case ORIGIN_REXMIT:
		dg_mark(r, _("(rexmit)"));
		break;
	case ORIGIN_DUP:
		snprintf(buf, sizeof(buf), _("(dup #%lu)"),
		    (unsigned long)f->dup_of);
		dg_mark(r, buf);
		break;
	case ORIGIN_INJECT:
		dg_mark(r, _("(injected)"));
		break;
	}
}

/* Start a row for flight f with the given ends. */
static struct diagram_row *
dg_seg_row(struct diagram *d, const struct flight *f, enum diagram_slot from,
    enum diagram_slot to)
{
	struct diagram_row *r = &d->row;

	dg_flush(d);
	r->used = true;
	r->has_seg = true;
	r->cmd = d->lad.step;
	r->id = f->id;
	r->dir = f->dir;
	r->from = from;
	r->to = to;
	dg_seg_text(r, &f->seg);
	dg_origin_mark(r, f);
	return r;
}

/* Does the open row show flight id still on its way? */
static bool
dg_pending(const struct diagram *d, uint32_t id)
{
	const struct diagram_row *r = &d->row;

	return r->used && r->has_seg && r->id == id && r->to == DSLOT_DOTS;
}

static void
dg_send(struct diagram *d, enum sim_host_id h, const struct flight *f)
{
	struct diagram_row *r = &d->row;

	/* A state change this host made just before sending, in the same
	 * command, belongs to the send row (connect: SYN_SENT, SYN). */
	bool fold = r->used && r->pure && r->cmd == d->lad.step &&
	    r->actors == (1u << h);
	const char *call = fold ? r->call[h] : NULL;

	if (fold)
		memset(r, 0, sizeof(*r));
	r = dg_seg_row(d, f, DSLOT_ARROW, DSLOT_DOTS);
	r->call[h] = call;
	r->show[h] = true;
	r->state[h] = d->lad.host[h].state;
}

static void
dg_deliver(struct diagram *d, enum sim_host_id to, const struct flight *f)
{
	struct diagram_row *r = &d->row;

	if (dg_pending(d, f->id)) {
		r->to = DSLOT_ARROW;
		r->cmd = d->lad.step;
	} else
		r = dg_seg_row(d, f, DSLOT_DOTS, DSLOT_ARROW);
	r->delivered = true;
	r->show[to] = true;
	r->state[to] = d->lad.host[to].state;
}

static void
dg_lost(struct diagram *d, const struct flight *f, const char *mark)
{
	struct diagram_row *r = &d->row;

	if (dg_pending(d, f->id)) {
		r->to = DSLOT_LOST;
		r->cmd = d->lad.step;
	} else
		r = dg_seg_row(d, f, DSLOT_DOTS, DSLOT_LOST);
	dg_mark(r, mark);
}

/* Does host h take part in the open row, during this command? */
static bool
dg_involved(const struct diagram *d, enum sim_host_id h)
{
	const struct diagram_row *r = &d->row;

	if (!r->used || r->cmd != d->lad.step)
		return false;
	if (r->pure)
		return true;
	if ((enum sim_host_id)r->dir == h)
		return r->from == DSLOT_ARROW;
	return r->delivered;
}

static void
dg_state(struct diagram *d, enum sim_host_id h, enum tcp_state to)
{
	struct diagram_row *r = &d->row;

	/* Both hosts listening make one row, as in RFC 9293's figures:
	 * a passive OPEN sends nothing that could come between. */
	if (to == TCP_LISTEN && r->used && r->pure && r->cmd != d->lad.step &&
	    (r->actors & (1u << h)) == 0 && r->call[0] == NULL &&
	    r->call[1] == NULL)
		r->cmd = d->lad.step;
	if (!dg_involved(d, h)) {
		dg_flush(d);
		r->used = true;
		r->pure = true;
		r->cmd = d->lad.step;
	}
	if (r->pure) {
		r->actors |= 1u << h;
		r->show[0] = r->show[1] = true;
		r->state[0] = d->lad.host[0].state;
		r->state[1] = d->lad.host[1].state;
	} else {
		r->show[h] = true;
		r->state[h] = to;
	}
}

/* The application's call in the RFC figures' notation: "(Close)" above
 * the row that carries the FIN, "(2 MSL)" above TIME_WAIT's end.  Like
 * the state names these are the RFC's words and are not translated. */
static const char *
dg_call(enum tcp_why why)
{
	if (why == TCP_W_SHUTDOWN_FIN)
		return "(Shutdown)";
	if (why == TCP_W_CLOSE_FIN || why == TCP_W_CLOSE_WAIT_FIN)
		return "(Close)";
	return why == TCP_W_TIME_WAIT_DONE ? "(2 MSL)" : NULL;
}

/* What arrived, or was lost on the way. */
static void
dg_fate(struct diagram *d, const struct flight *f, enum ladder_fate fate)
{
	switch (fate) {
	case LADDER_DELIVERED:
		dg_deliver(d, (enum sim_host_id)(1 - f->dir), f);
		break;
	case LADDER_LOST:
		dg_lost(d, f, _("(lost)"));
		break;
	case LADDER_EXPIRED:
		dg_lost(d, f, _("(expired)"));
		break;
	case LADDER_FLIGHT:
		break;
	}
}

static void
dg_discard(struct diagram *d, enum sim_host_id h)
{
	struct diagram_row *r = &d->row;

	if (r->used && r->delivered && !r->discarded &&
	    (enum sim_host_id)r->dir != h) {
		r->discarded = true;
		dg_mark(r, _("(discarded)"));
	}
}

void
diagram_event(struct diagram *d, const struct sim_ev *ev)
{
	const struct ladder *l = &d->lad;
	const struct flight *f;

	ladder_event(&d->lad, ev);
	f = l->did_flight;
	switch (l->did) {
	case LADDER_DID_NONE:
		break;
	case LADDER_DID_ARROW:
		/* A host's TCP sent it; the network or the learner put the
		 * others on the wire, from no host's time line. */
		if (f->origin == ORIGIN_SENT || f->origin == ORIGIN_REXMIT)
			dg_send(d, (enum sim_host_id)f->dir, f);
		else
			dg_seg_row(d, f, DSLOT_DOTS, DSLOT_DOTS);
		break;
	case LADDER_DID_FATE:
		dg_fate(d, f, l->did_fate);
		break;
	case LADDER_DID_STATE:
		dg_state(d, l->did_host, l->host[l->did_host].state);
		if (dg_call(l->did_why) != NULL)
			d->row.call[l->did_host] = dg_call(l->did_why);
		break;
	case LADDER_DID_DISCARD:
		dg_discard(d, l->did_host);
		break;
	}
}

void
diagram_finish(struct diagram *d)
{
	dg_flush(d);
	ladder_free(&d->lad);
}
