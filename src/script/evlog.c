/*
 * The event log's and the inspector's lines (see evlog.h).  A sentence
 * is about a segment when it names it by its #N; the step that sent a
 * segment or decided its fate also says why it was sent or what its
 * receiver did in sentences that name no segment, so those count when
 * they stand next to one that names it.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/tcp.h"
#include "lib/i18n.h"
#include "lib/utf8.h"
#include "lib/xalloc.h"
#include "script/evlog.h"
#include "script/parse.h"
#include "script/session.h"

void
evlog_add(struct evlog *lg, bool head, const char *text)
{
	xgrow(&lg->lines, &lg->cap, lg->n + 1, sizeof(*lg->lines));
	xgrow(&lg->heads, &lg->caph, lg->n + 1, sizeof(*lg->heads));
	lg->lines[lg->n] = xstrdup(text);
	lg->heads[lg->n++] = head;
}

void
evlog_clear(struct evlog *lg)
{
	for (size_t i = 0; i < lg->n; i++)
		free(lg->lines[i]);
	lg->n = 0;
	lg->steps = 0;
}

void
evlog_free(struct evlog *lg)
{
	evlog_clear(lg);
	free(lg->lines);
	free(lg->heads);
	memset(lg, 0, sizeof(*lg));
}

/* Does a sentence name segment #id (not #id0 ...)? */
static bool
evlog_names(const char *text, uint32_t id)
{
	char tag[16];
	const char *p = text;
	size_t n = (size_t)snprintf(tag, sizeof(tag), "#%u", (unsigned)id);

	while ((p = strstr(p, tag)) != NULL) {
		p += n;
		if (*p < '0' || *p > '9')
			return true;
	}
	return false;
}

/* Does a sentence name some segment other than #id? */
static bool
evlog_names_other(const char *text, uint32_t id)
{
	for (const char *p = text; (p = strchr(p, '#')) != NULL; p++)
		if (p[1] >= '0' && p[1] <= '9' &&
		    strtoul(p + 1, NULL, 10) != id)
			return true;
	return false;
}

/* Sentence k of the step is about seg: it names it, or (in the step
 * that sent it or decided its fate) it names no other segment and stands
 * next to one about it, before (why it was sent) or after (what the
 * receiver did). */
static bool
evlog_about(char *const *narr, size_t n, uint32_t seg, bool fated, size_t k)
{
	if (evlog_names(narr[k], seg))
		return true;
	if (!fated || evlog_names_other(narr[k], seg))
		return false;
	for (size_t b = k; b-- > 0 && !evlog_names_other(narr[b], seg);)
		if (evlog_names(narr[b], seg))
			return true;
	for (size_t f = k + 1; f < n && !evlog_names_other(narr[f], seg);
	    f++)
		if (evlog_names(narr[f], seg))
			return true;
	return false;
}

/* One step's sentences about seg under its heading; not the whole step:
 * `wait 10min` tells of every retransmission and expiry (the tester's
 * report item 6). */
static void
evlog_seg_lines(struct evlog *lg, char *const *narr, size_t n, uint32_t seg,
    bool fated, const char *head)
{
	bool named = false, any = false;

	for (size_t k = 0; k < n; k++)
		any = any || evlog_names(narr[k], seg);
	for (size_t k = 0; k < n; k++) {
		/* A delivery's sentences may not name it: what its
		 * receiver did comes first, up to what it sent. */
		if (fated && !any && evlog_names_other(narr[k], seg))
			break;
		if (!evlog_about(narr, n, seg, fated, k) && (any || !fated))
			continue;
		if (!named)
			evlog_add(lg, true, head);
		named = true;
		evlog_add(lg, false, narr[k]);
	}
}

/* The heading of the next step: numbered as the status line counts
 * (the tester's report item 1: a capture's profile linux was Step 1 in
 * the log, not on the status line), a check's numbers as its verdict
 * shows them (item 2: seq=300 above seq=0). */
static void
evlog_heading(struct evlog *lg, const struct session *s,
    const struct ladder *lad, enum ladder_num m, const struct cmd *c,
    char *head, size_t size)
{
	char line[256];

	if (s != NULL)
		session_check_line(s, c, lad, m, line, sizeof(line));
	else
		script_format(c, line, sizeof(line));
	if (!lg->every && cmd_steps(c, 1) == 0) {
		/* TRANSLATORS: the event log: a what-if switch or profile,
		 * which is not counted as a step. */
		snprintf(head, size, _("Setting: %s"), line);
		return;
	}
	/* TRANSLATORS: the event log: step number, scenario line. */
	snprintf(head, size, _("Step %zu: %s"), ++lg->steps, line);
}

void
evlog_step(struct evlog *lg, struct evlog_seg *sg, const struct ladder *lad,
    const struct session *s, enum ladder_num m, const struct cmd *c,
    char *const *narr, size_t n)
{
	const struct ladder_arrow *a;
	char head[320];
	bool fated;

	evlog_heading(lg, s, lad, m, c, head, sizeof(head));
	if (sg == NULL) {
		evlog_add(lg, true, head);
		for (size_t k = 0; k < n; k++)
			evlog_add(lg, false, narr[k]);
		return;
	}
	/* The step that decided its fate: all it says is what the
	 * receiver did (or that it was lost); and the step that sent it:
	 * all it says is why. */
	a = ladder_arrow_by_id(lad, sg->id);
	fated = a != NULL && ((a->fate != LADDER_FLIGHT && !sg->fated) ||
	    !sg->sent);
	sg->sent = a != NULL;
	sg->fated = a != NULL && a->fate != LADDER_FLIGHT;
	evlog_seg_lines(lg, narr, n, sg->id, fated, head);
}

static const char *
evlog_origin(enum flight_origin o)
{
	switch (o) {
	case ORIGIN_SENT:
		return _("sent by its host's TCP");
	case ORIGIN_REXMIT:
		return _("a retransmission by its host's TCP");
	case ORIGIN_DUP:
		return _("a copy made by the network");
	case ORIGIN_INJECT:
		return _("injected (an old duplicate)");
	}
	return "";
}

static const char *
evlog_fate(enum ladder_fate f)
{
	switch (f) {
	case LADDER_FLIGHT:
		return _("still in flight");
	case LADDER_DELIVERED:
		return _("delivered");
	case LADDER_LOST:
		return _("lost");
	case LADDER_EXPIRED:
		return _("expired (older than the MSL)");
	}
	return "";
}

/* When it was sent and when its fate came (the tester's report item 6:
 * six lost SYNs looked alike in the inspector). */
static void
evlog_times(struct evlog *lg, const struct ladder_arrow *a)
{
	char buf[160], t0[32], t1[32];

	sim_clock_text(a->sent, t0, sizeof(t0));
	if (a->fate == LADDER_FLIGHT || a->arrived == LADDER_NOTIME) {
		/* TRANSLATORS: the time it was sent, seconds. */
		snprintf(buf, sizeof(buf), _("sent at t=%s; not arrived yet"),
		    t0);
		evlog_add(lg, false, buf);
		return;
	}
	sim_clock_text(a->arrived, t1, sizeof(t1));
	if (a->fate == LADDER_DELIVERED)
		/* TRANSLATORS: the times it was sent and arrived. */
		snprintf(buf, sizeof(buf), _("sent at t=%s, arrived at t=%s"),
		    t0, t1);
	else
		/* TRANSLATORS: the times it was sent and lost (or expired). */
		snprintf(buf, sizeof(buf), _("sent at t=%s, lost at t=%s"),
		    t0, t1);
	evlog_add(lg, false, buf);
}

/* On a replayed capture: the frame number, the capture's time (to the
 * microsecond) and the window as captured, not the model's (the tester's
 * report item 6: 65535 shown for a SYN captured with 65495), or that the
 * model inferred the segment. */
static void
evlog_captured(struct evlog *lg, const struct ladder_arrow *a,
    const struct evlog_frame *f)
{
	char buf[200];

	if (!f->found) {
		snprintf(buf, sizeof(buf), _("payload %u bytes"),
		    (unsigned)a->f.seg.len);
		evlog_add(lg, false, buf);
		evlog_add(lg, false, _("not in the capture: the model "
		    "inferred this segment"));
		return;
	}
	/* TRANSLATORS: frame number in the file, seconds since the
	 * connection's first segment (6 decimals). */
	snprintf(buf, sizeof(buf), _("frame %llu of the capture, at "
	    "+%llu.%06llu s"), (unsigned long long)f->num,
	    (unsigned long long)(f->us / 1000000),
	    (unsigned long long)(f->us % 1000000));
	evlog_add(lg, false, buf);
	/* TRANSLATORS: payload bytes, the window field as captured. */
	snprintf(buf, sizeof(buf), _("payload %u bytes, window %u as "
	    "captured"), (unsigned)f->len, (unsigned)f->wnd);
	evlog_add(lg, false, buf);
}

/* The header fields of arrow a, each on a line of its own. */
void
evlog_fields(struct evlog *lg, const struct ladder *lad, enum ladder_num m,
    const struct ladder_arrow *a, const struct evlog_frame *cap)
{
	const struct tcp_seg *g = &a->f.seg;
	enum sim_host_id from = (enum sim_host_id)a->f.dir;
	char buf[320], fl[TCP_FLAGS_BUFSZ], sq[32], ak[32];

	ladder_num(lad, m, from, a->seq_inc, g->seq, sq, sizeof(sq));
	ladder_num(lad, m, (enum sim_host_id)(1 - from), a->ack_inc, g->ack,
	    ak, sizeof(ak));
	/* TRANSLATORS: segment number, sender, receiver. */
	snprintf(buf, sizeof(buf), _("Segment #%u, %s to %s"),
	    (unsigned)a->f.id, sim_host_text(from),
	    sim_host_text((enum sim_host_id)(1 - from)));
	evlog_add(lg, true, buf);
	snprintf(buf, sizeof(buf), _("flags %s"), tcp_flags_str(g->flags,
	    fl));
	evlog_add(lg, false, buf);
	/* TRANSLATORS: the number as shown, the number on the wire. */
	snprintf(buf, sizeof(buf), _("seq %s (on the wire %u)"), sq,
	    (unsigned)g->seq);
	evlog_add(lg, false, buf);
	if (g->flags & TCP_ACK)
		snprintf(buf, sizeof(buf), _("ack %s (on the wire %u)"), ak,
		    (unsigned)g->ack);
	else
		snprintf(buf, sizeof(buf), "%s", _("ack: none (no ACK flag)"));
	evlog_add(lg, false, buf);
	if (cap != NULL)
		evlog_captured(lg, a, cap);
	else {
		snprintf(buf, sizeof(buf), _("payload %u bytes, window %u"),
		    (unsigned)g->len, (unsigned)g->wnd);
		evlog_add(lg, false, buf);
	}
	/* TRANSLATORS: where it came from, then what became of it. */
	snprintf(buf, sizeof(buf), _("origin: %s; now %s"),
	    evlog_origin(a->f.origin), evlog_fate(a->fate));
	evlog_add(lg, false, buf);
	evlog_times(lg, a);
}

const char *
evlog_verdict(const struct session *s, size_t i, char *buf, size_t size)
{
	const struct session_rec *r = i < s->caprecs ? &s->recs[i] : NULL;
	char line[256];

	if (r == NULL)
		return NULL;
	return session_mark_text(s->marks[i], script_format(&s->cmds[i], line,
	    sizeof(line)), r->res.msg, buf, size);
}

/* Item 7 of the tester's report: a heading's second row at column 1
 * read as a heading of its own. */
int
evlog_width(const struct evlog *lg, size_t i, int cols)
{
	return cols - (lg->heads[i] ? 6 : 4);
}

int
evlog_indent(const struct evlog *lg, size_t i, int r)
{
	if (!lg->heads[i])
		return 3;
	return r == 0 ? 1 : 5;
}

size_t
evlog_tail_top(const struct evlog *lg, int rows, int cols)
{
	size_t top = lg->n;
	int used = 0;

	while (top > 0) {
		size_t st[16], ln[16];
		int w = evlog_width(lg, top - 1, cols);
		int k = (int)utf8_wrap(lg->lines[top - 1], w > 0 ? w : 1, st,
		    ln, 16);

		if (used + k > rows - 1)
			break;
		used += k;
		top--;
	}
	/* Not even the last line fits (no size known yet): start there. */
	return top == lg->n && top > 0 ? top - 1 : top;
}
