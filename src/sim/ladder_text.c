/*
 * The ladder model's text, for every front end that shows a ladder:
 * sequence numbers in the three modes, arrow labels (whole, or fitted to
 * a width without cutting a number, a crossing arrow's leaving room for
 * its mark when it can), a state note's words, durations of simulated
 * time, and what a host's application sees.
 *
 * Numbers: raw is the 32-bit value; relative subtracts the ISN of the
 * host whose sequence space it belongs to (the sender's for seq, the
 * receiver's for ack, as Wireshark does); symbolic names the client's ISN
 * J and the server's K, with a prime for each later incarnation.  The
 * ISNs per incarnation are the ladder's (struct ladder_host).  A value
 * far from every known ISN (an injected segment, say) stays raw.  Widths
 * are display columns, measured with wcwidth so CJK text lines up.
 */
#include <config.h>

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "lib/i18n.h"
#include "lib/utf8.h"
#include "sim/ladder_text.h"

#define LADDER_NEAR (1L << 20)

const char *
ladder_num_name(enum ladder_num m)
{
	switch (m) {
	case LADDER_NUM_RAW:
		/* TRANSLATORS: sequence numbers shown as they are on the wire. */
		return _("raw numbers");
	case LADDER_NUM_REL:
		/* TRANSLATORS: sequence numbers minus the ISN, as Wireshark. */
		return _("relative numbers");
	case LADDER_NUM_SYM:
		/* TRANSLATORS: sequence numbers as J, J+1, K, K+1. */
		return _("symbolic numbers");
	}
	return "";
}

const char *
ladder_num_short(enum ladder_num m)
{
	switch (m) {
	case LADDER_NUM_RAW:
		/* TRANSLATORS: short form of "raw numbers", status line. */
		return _("raw");
	case LADDER_NUM_REL:
		/* TRANSLATORS: short form of "relative numbers". */
		return _("relative");
	case LADDER_NUM_SYM:
		/* TRANSLATORS: short form of "symbolic numbers". */
		return _("symbolic");
	}
	return "";
}

const char *
sim_host_text(enum sim_host_id h)
{
	/* TRANSLATORS: the host on the left, which usually connects. */
	return h == HOST_CLIENT ? _("client") : _("server");
}

/* The distance of x from the ISN of incarnation inc, when x belongs to
 * it: below the ISN the number is from an earlier incarnation (a negative
 * relative number would hide that), far above it is unrelated. */
static bool
ladder_place(const struct ladder *l, enum sim_host_id owner, uint32_t inc,
    uint32_t x, int32_t *d)
{
	const struct ladder_host *vh = &l->host[owner];

	if (inc == LADDER_NOINC || inc >= vh->niss)
		return false;
	*d = (int32_t)(x - vh->iss[inc]);
	return *d >= 0 && *d < LADDER_NEAR;
}

bool
ladder_num_is_raw(const struct ladder *l, enum ladder_num m,
    enum sim_host_id owner, uint32_t inc, uint32_t x)
{
	int32_t d;

	return m != LADDER_NUM_RAW && !ladder_place(l, owner, inc, x, &d);
}

char *
ladder_num(const struct ladder *l, enum ladder_num m, enum sim_host_id owner,
    uint32_t inc, uint32_t x, char *buf, size_t size)
{
	char sym[8];
	int32_t d;

	if (m == LADDER_NUM_RAW || !ladder_place(l, owner, inc, x, &d)) {
		snprintf(buf, size, "%" PRIu32, x);
		return buf;
	}
	if (m == LADDER_NUM_REL) {
		snprintf(buf, size, "%" PRId32, d);
		return buf;
	}
	snprintf(sym, sizeof(sym), "%c%.*s", owner == HOST_CLIENT ? 'J' : 'K',
	    (int)(inc < 3 ? inc : 3), "\'\'\'");
	if (d == 0)
		snprintf(buf, size, "%s", sym);
	else
		snprintf(buf, size, "%s%+" PRId32, sym, d);
	return buf;
}

static const char *
ladder_tag(const struct ladder_arrow *a, char *buf, size_t size)
{
	switch (a->fate) {
	case LADDER_LOST:
		return _("lost");
	case LADDER_EXPIRED:
		/* TRANSLATORS: the segment outlived the MSL on the wire. */
		return _("expired");
	case LADDER_FLIGHT:
	case LADDER_DELIVERED:
		break;
	}
	switch (a->f.origin) {
	case ORIGIN_REXMIT:
		/* TRANSLATORS: short tag on a retransmitted segment. */
		return _("rexmit");
	case ORIGIN_DUP:
		/* TRANSLATORS: short tag, "a copy of segment #3". */
		snprintf(buf, size, _("copy of #%" PRIu32), a->f.dup_of);
		return buf;
	case ORIGIN_INJECT:
		/* TRANSLATORS: short tag, an old duplicate the learner made. */
		return _("old dup");
	case ORIGIN_SENT:
		break;
	}
	return a->rexmit ? _("rexmit") : NULL;
}

char *
ladder_label(const struct ladder *l, const struct ladder_arrow *a,
    enum ladder_num m, char *buf, size_t size)
{
	enum sim_host_id from = (enum sim_host_id)a->f.dir;
	enum sim_host_id to = (enum sim_host_id)(1 - a->f.dir);
	char sq[32], ak[32], tb[64], seg[128];
	const char *tag = ladder_tag(a, tb, sizeof(tb));
	/* An injected old duplicate belongs to no incarnation we know: its
	 * tag already says it is old, its numbers are raw. */
	bool old = a->f.origin == ORIGIN_INJECT;
	uint32_t si = old ? LADDER_NOINC : a->seq_inc;
	uint32_t ai = old ? LADDER_NOINC : a->ack_inc;
	bool raw = m != LADDER_NUM_RAW && !old && (
	    ladder_num_is_raw(l, m, from, si, a->f.seg.seq) ||
	    ((a->f.seg.flags & TCP_ACK) &&
	    ladder_num_is_raw(l, m, to, ai, a->f.seg.ack)));

	ladder_num(l, m, from, si, a->f.seg.seq, sq, sizeof(sq));
	ladder_num(l, m, to, ai, a->f.seg.ack, ak, sizeof(ak));
	snprintf(buf, size, "#%" PRIu32 " %s%s%s%s%s", a->f.id,
	    sim_seg_text(&a->f.seg, sq, ak, SIM_SEG_LEN_NONZERO, seg,
	    sizeof(seg)), tag ? " [" : "", tag ? tag : "", tag ? "]" : "",
	    /* TRANSLATORS: mark on a label whose numbers are shown raw
	     * because they belong to no current connection. */
	    raw ? _(" [raw]") : "");
	return buf;
}

/* "PSH+ACK" as "PA": the first letter of each flag. */
static void
ladder_flags_short(uint8_t flags, char *buf, size_t size)
{
	char fl[TCP_FLAGS_BUFSZ];
	size_t o = 0;

	tcp_flags_str(flags, fl);
	for (const char *p = fl; *p != '\0' && o + 1 < size; p++)
		if (p == fl || p[-1] == '+')
			buf[o++] = *p;
	buf[o] = '\0';
}

/* Shorter forms of a label, by a fixed rule: 1 abbreviates the field
 * names (s= a= l=), 2 the flags too, 3 also leaves out the tag.  Every
 * number stays whole. */
static void
ladder_label_short(const struct ladder *l, const struct ladder_arrow *a,
    enum ladder_num m, int stage, char *buf, size_t size)
{
	char full[160], fl[TCP_FLAGS_BUFSZ], *t, *sp;
	size_t o = 0;
	int k = 0;

	const char *mark = _(" [raw]");
	size_t fl_len, mk_len = strlen(mark);
	bool raw;

	ladder_label(l, a, m, full, sizeof(full));
	fl_len = strlen(full);
	/* The [raw] mark stays: without it a raw number reads as relative. */
	raw = fl_len > mk_len && strcmp(full + fl_len - mk_len, mark) == 0;
	/* The tag starts at the first " [": numbers come before it. */
	t = strstr(full, " [");
	if (t != NULL && stage >= 3)
		*t = '\0';
	/* Words: "#N", the flags, then the numbers and the tag. */
	for (char *p = strtok_r(full, " ", &sp); p != NULL && o + 1 < size;
	    p = strtok_r(NULL, " ", &sp), k++) {
		const char *name = NULL;

		if (strncmp(p, "seq=", 4) == 0)
			name = "s=";
		else if (strncmp(p, "ack=", 4) == 0)
			name = "a=";
		else if (strncmp(p, "len=", 4) == 0)
			name = "l=";
		if (o > 0)
			buf[o++] = ' ';
		if (name != NULL && (t == NULL || p < t))
			o += (size_t)snprintf(buf + o, size - o, "%s%s",
			    name, p + 4);
		else if (stage >= 2 && k == 1) {
			ladder_flags_short(a->f.seg.flags, fl, sizeof(fl));
			o += (size_t)snprintf(buf + o, size - o, "%s", fl);
		} else
			o += (size_t)snprintf(buf + o, size - o, "%s", p);
		if (o >= size)
			o = size - 1;
	}
	buf[o] = '\0';
	if (stage >= 3 && raw && o < size)
		snprintf(buf + o, size - o, "%s", mark);
}

/* A label for width columns (issue 13: a cut label showed len=1 for 100
 * bytes).  The full label if it fits, else the shorter forms in turn, else
 * whole words of the shortest and " ..": never part of a number. */
char *
ladder_label_fit(const struct ladder *l, const struct ladder_arrow *a,
    enum ladder_num m, int width, char *buf, size_t size)
{
	size_t cut = 0;

	ladder_label(l, a, m, buf, size);
	for (int stage = 1; utf8_width(buf) > width && stage <= 3; stage++)
		ladder_label_short(l, a, m, stage, buf, size);
	if (utf8_width(buf) <= width)
		return buf;
	for (size_t i = 0; buf[i] != '\0'; i++)
		if (buf[i] == ' ') {
			char c = buf[i];

			buf[i] = '\0';
			if (utf8_width(buf) + 3 <= width)
				cut = i;
			buf[i] = c;
		}
	/* A word of its own, so no number looks longer than it is. */
	if (cut == 0)
		snprintf(buf, size, "%s", width >= 2 ? ".." : "");
	else
		snprintf(buf + cut, size - cut, " ..");
	return buf;
}

static int
ladder_tags(const char *s)
{
	int n = 0;

	while ((s = strchr(s, '[')) != NULL) {
		n++;
		s++;
	}
	return n;
}

/* A crossing arrow's label is shortened by the usual rule to cross_width,
 * leaving the ladder's middle free for the crossing mark, unless that
 * would cut a number or drop a tag such as [copy of #1]: then it keeps
 * the usual width and the mark moves into its shaft. */
char *
ladder_label_cross(const struct ladder *l, const struct ladder_arrow *a,
    enum ladder_num m, int width, int cross_width, char *buf, size_t size)
{
	if (a->crossed != 0) {
		char full[160];

		ladder_label(l, a, m, full, sizeof(full));
		ladder_label_fit(l, a, m, cross_width, buf, size);
		if (strstr(buf, "..") == NULL &&
		    ladder_tags(buf) == ladder_tags(full))
			return buf;
	}
	return ladder_label_fit(l, a, m, width, buf, size);
}

char *
ladder_note_text(const struct ladder_row *r, const char *bullet, char *buf,
    size_t size)
{
	const char *why = tcp_why_text(r->why);

	/* The kernel lab gives no reason (an empty msgid would translate
	 * to the catalog's header): say whose word the state is. */
	why = why[0] != '\0' ? _(why) : _("as the kernel reports it");
	/* A state changed by a segment that arrived after its row's time
	 * names that segment. */
	if (r->cause != 0)
		snprintf(buf, size, "%s #%" PRIu32 ": %s", bullet, r->cause,
		    why);
	else
		snprintf(buf, size, "%s %s", bullet, why);
	return buf;
}

/* Milliseconds only when they are there: 50 ms is 0.050s, not 0.0s. */
char *
sim_dur_text(uint64_t ms, char *buf, size_t size)
{
	if (ms < 60000 && ms % 100 != 0)
		snprintf(buf, size, "%" PRIu64 ".%03" PRIu64 "s", ms / 1000,
		    ms % 1000);
	else if (ms < 60000 && ms % 1000 != 0)
		snprintf(buf, size, "%" PRIu64 ".%" PRIu64 "s", ms / 1000,
		    ms % 1000 / 100);
	else if (ms < 60000)
		snprintf(buf, size, "%" PRIu64 "s", ms / 1000);
	else
		snprintf(buf, size, "%" PRIu64 ":%02" PRIu64, ms / 60000,
		    ms / 1000 % 60);
	return buf;
}

char *
sim_clock_text(uint64_t ms, char *buf, size_t size)
{
	snprintf(buf, size, "%" PRIu64 ".%03" PRIu64 "s", ms / 1000,
	    ms % 1000);
	return buf;
}

char *
sim_seconds_text(uint64_t ms, char *buf, size_t size)
{
	unsigned long long s = ms / 1000, f = ms % 1000;

	if (f == 0)
		snprintf(buf, size, "%llu", s);
	else if (f % 100 == 0)
		snprintf(buf, size, "%llu.%llu", s, f / 100);
	else if (f % 10 == 0)
		snprintf(buf, size, "%llu.%02llu", s, f / 10);
	else
		snprintf(buf, size, "%llu.%03llu", s, f);
	return buf;
}

char *
sim_clock_us_text(uint64_t us, char *buf, size_t size)
{
	snprintf(buf, size, "%" PRIu64 ".%06" PRIu64 "s", us / 1000000,
	    us % 1000000);
	return buf;
}

static const char *
ladder_app_notice(const struct ladder_host *h)
{
	if (h->crashed)
		return _("the host crashed: its application is gone");
	if (!h->has_notice)
		return NULL;
	switch (h->notice) {
	case TCP_N_REFUSED:
		return _("connect() failed: connection refused");
	case TCP_N_RESET:
		return _("connection reset: read() fails");
	case TCP_N_TIMEOUT:
		return _("connection timed out");
	case TCP_N_CLOSED:
		return _("close() finished");
	case TCP_N_CONNECTED:
	case TCP_N_EOF:
		break;
	}
	return NULL;
}

static const char *
ladder_app_open(const struct ladder_host *h, const struct tcp_tcb *tcb)
{
	if (h->bytes_in > 0 && !tcb->rd_closed)
		return _("read() returns data");
	if (tcb->passive)
		return _("accept() returned");
	return _("connect() returned");
}

const char *
ladder_app_text(const struct ladder_host *h, const struct tcp_tcb *tcb)
{
	const char *n = ladder_app_notice(h);

	switch (h->state) {
	case TCP_CLOSED:
		return n ? n : _("no connection");
	case TCP_LISTEN:
		return _("listen()/accept() waiting");
	case TCP_SYN_SENT:
		return _("connect() waiting");
	case TCP_SYN_RECEIVED:
		return tcb->passive ? _("accept() still waiting") :
		    _("connect() waiting");
	case TCP_ESTABLISHED:
		return ladder_app_open(h, tcb);
	case TCP_CLOSE_WAIT:
		return _("read() got EOF");
	case TCP_FIN_WAIT_1:
	case TCP_FIN_WAIT_2:
		return h->shut_wr ? _("shutdown() done, read() still works") :
		    _("close() returned");
	case TCP_CLOSING:
	case TCP_LAST_ACK:
		return _("close() returned");
	case TCP_TIME_WAIT:
		return _("close() returned; waiting 2MSL");
	}
	return "";
}
