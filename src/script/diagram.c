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
 * A reply still on its way waits below the arrival of an older segment
 * going the same way (see dg_defer), as RFC 9293 draws crossing segments.
 * A row whose clock moved on since the row above carries "(t=3s)", so
 * that a SYN's back-off or 2 MSL shows; so does every row of a segment
 * that expired.
 *
 * Layout: "NNN.  " then the client's state in 12 columns and a space, a
 * 3-column end, a space, the middle (segment text and marks), the other
 * 3-column end, a space and the server's state.  Finished rows are kept
 * and printed in batches (DIAGRAM_BATCH, so memory stays flat); the
 * middle is DIAGRAM_MID columns or as wide as the longest text printed
 * so far, so the far column is straight in any diagram of up to
 * DIAGRAM_BATCH rows.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/i18n.h"
#include "lib/xalloc.h"
#include "lib/utf8.h"
#include "script/script_internal.h"
#include "script/trace.h"
#include "sim/ladder_text.h"

void
diagram_init(struct diagram *d, void (*emit)(void *, const char *),
    void *ctx)
{
	memset(d, 0, sizeof(*d));
	d->emit = emit;
	d->ctx = ctx;
	d->mid = DIAGRAM_MID;
	d->numw = 3;
	ladder_init(&d->lad);
	d->lad.host[0].state = d->lad.host[1].state = TCP_CLOSED;
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

/* Emit line without its trailing blanks. */
static void
dg_emit(struct diagram *d, char *line, int n)
{
	if (n < 0)
		n = 0;
	while (n > 0 && line[n - 1] == ' ')
		line[--n] = '\0';
	d->emit(d->ctx, line);
}

/* A line of the two margins alone: the header, a row's calls. */
static void
dg_margins(struct diagram *d, const char *num, const char *left,
    const char *right)
{
	char line[384];

	dg_emit(d, line, snprintf(line, sizeof(line), "%*s %-*s%s",
	    d->numw + 2, num, 13 + 3 + 1 + (int)d->mid + 3 + 1, left, right));
}

static void
dg_print_row(struct diagram *d, const struct diagram_row *r)
{
	bool right = r->dir == DIR_C2S;
	enum diagram_slot ls = right ? r->from : r->to;
	enum diagram_slot rs = right ? r->to : r->from;
	char line[384], padded[256];
	int n;

	if (r->call[0] != NULL || r->call[1] != NULL)
		dg_margins(d, "", r->call[0] ? r->call[0] : "",
		    r->call[1] ? r->call[1] : "");
	d->rowno++;
	/* Widths are display columns: marks such as "(lost)" are
	 * translated, and Chinese takes two columns a character. */
	n = snprintf(line, sizeof(line), "%*u.  %-12s %-3s %s%-3s %s",
	    d->numw, d->rowno, r->show[0] ? tcp_state_name(r->state[0]) : "",
	    r->has_seg ? dg_slot(ls, right, true) : "",
	    utf8_pad(r->mid, (int)d->mid, padded, sizeof(padded)),
	    r->has_seg ? dg_slot(rs, right, false) : "",
	    r->show[1] ? tcp_state_name(r->state[1]) : "");
	if ((size_t)n >= sizeof(line))
		n = (int)sizeof(line) - 1;
	dg_emit(d, line, n);
}

/* Print the finished rows with one middle width, wide enough for the
 * longest segment text among them, so that the far column stays
 * straight (RFC 9293 widens Figure 6 (basic three-way handshake) alike
 * for its line 5). */
static void
dg_print(struct diagram *d)
{
	for (size_t i = 0; i < d->ndone; i++) {
		size_t w = (size_t)utf8_width(d->done[i].mid) + 1;

		if (w > d->mid)
			d->mid = w;
	}
	/* Row numbers take 3 columns, or as many as the batch's last. */
	for (unsigned n = d->rowno + (unsigned)d->ndone, w = 1; n > 0;
	    n /= 10, w++)
		if (w > (unsigned)d->numw)
			d->numw = (int)w;
	if (d->rowno == 0 && d->ndone > 0)
		dg_margins(d, "", "client", "server");
	for (size_t i = 0; i < d->ndone; i++)
		dg_print_row(d, &d->done[i]);
	d->ndone = 0;
}

static void
dg_mark(struct diagram_row *r, const char *mark)
{
	size_t n = strlen(r->mid);

	snprintf(r->mid + n, sizeof(r->mid) - n, n ? " %s" : "%s", mark);
}

/* "0.015s", "63s", "120.001s", "240s": every time in one unit, seconds
 * with the milliseconds only where there are some, so that rows compare
 * at a glance (minutes beside milliseconds did not). */
static char *
dg_time_str(uint64_t ms, char *buf, size_t size)
{
	char n[32];

	snprintf(buf, size, "%ss", sim_seconds_text(ms, n, sizeof(n)));
	return buf;
}

static void
dg_keep(struct diagram *d, const struct diagram_row *r)
{
	xgrow(&d->done, &d->capdone, d->ndone + 1, sizeof(*d->done));
	d->done[d->ndone++] = *r;
	d->nrows++;
	if (d->ndone == DIAGRAM_BATCH)
		dg_print(d);
}

/* A finished row.  A row whose clock moved on since the row above says
 * when it happened, so that waits (a SYN's back-off, 2 MSL) show. */
static void
dg_store(struct diagram *d, struct diagram_row *r)
{
	char t[32], note[48];

	if (d->nrows == 0 && !r->pure) {
		/* RFC 9293's figures open with both hosts' states. */
		struct diagram_row first = { .used = true, .pure = true,
		    .show = { true, true } };

		first.state[0] = first.state[1] = TCP_CLOSED;
		dg_keep(d, &first);
	}
	/* A segment that expired says when, even beside another at the same
	 * moment: no command was there to date it. */
	if (r->time != d->last_time || r->expired) {
		snprintf(note, sizeof(note), _("(t=%s)"),
		    dg_time_str(r->time, t, sizeof(t)));
		dg_mark(r, note);
		d->last_time = r->time;
	}
	dg_keep(d, r);
}

/* Finish the open row; a held reply becomes the open row. */
static void
dg_flush(struct diagram *d)
{
	if (!d->row.used)
		return;
	dg_store(d, &d->row);
	d->row = d->held;
	memset(&d->held, 0, sizeof(d->held));
}

/* Finish every open row, to start a new one. */
static void
dg_clear(struct diagram *d)
{
	while (d->row.used)
		dg_flush(d);
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

	dg_clear(d);
	r->used = true;
	r->time = d->lad.now;
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
	r->reply = d->got_step[h] == d->lad.step;
	r->call[h] = call;
	r->show[h] = true;
	r->state[h] = d->lad.host[h].state;
}

/* RFC 9293 draws the arrival of a segment before the reply its sender
 * made to something that arrived meanwhile (Figure 7 (simultaneous
 * open): line 4, the SYN's arrival, before line 5, the SYN,ACK answering
 * the other SYN; Figure 13 (simultaneous close) alike): the older
 * segment is ahead of the reply on the wire.  So a reply still on its
 * way, from an earlier command, waits below the arrival of an older
 * segment going the same way. */
static bool
dg_defer(const struct diagram *d, const struct flight *f)
{
	const struct diagram_row *r = &d->row;

	return r->used && r->has_seg && r->reply && !d->held.used &&
	    r->from == DSLOT_ARROW && r->to == DSLOT_DOTS &&
	    r->dir == f->dir && f->id < r->id && r->cmd != d->lad.step;
}

static void
dg_deliver(struct diagram *d, enum sim_host_id to, const struct flight *f)
{
	struct diagram_row *r = &d->row;

	d->got_step[to] = d->lad.step;
	if (dg_pending(d, f->id)) {
		r->to = DSLOT_ARROW;
		r->cmd = d->lad.step;
	} else {
		if (dg_defer(d, f)) {
			d->held = *r;
			memset(r, 0, sizeof(*r));
		}
		r = dg_seg_row(d, f, DSLOT_DOTS, DSLOT_ARROW);
	}
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
		dg_clear(d);
		r->used = true;
		r->pure = true;
		r->cmd = d->lad.step;
		r->time = d->lad.now;
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
 * the row that carries the FIN, "(2 MSL)" above TIME_WAIT's end, and the
 * crash above the CLOSED it leaves (Figures 9 and 10 (half-open
 * connection discovery, active side causes half-open connection
 * discovery) write "(REBOOT)" there).  Like the state names these are
 * the RFC's and the scenario's words and are not translated. */
static const char *
dg_call(enum tcp_why why)
{
	if (why == TCP_W_CRASH)
		return "(Crash)";
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
		d->row.expired = true;
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
	dg_clear(d);
	dg_print(d);
	free(d->done);
	d->done = NULL;
	d->ndone = d->capdone = 0;
	ladder_free(&d->lad);
}
