/*
 * Queries: how a lesson asks the simulated world for a number or a name,
 * for answer-from: lines and for {QUERY} placeholders in prose.
 *
 * Data model: a query is a few words ("sent server ack", "entered client
 * TIME_WAIT s") parsed into struct lesson_query; evaluating it against a
 * struct lesson_ctx (a world and the times each host entered each state)
 * gives a struct lesson_value.  Numbers are kept in thousandths so that a
 * time in seconds such as 0.15 compares exactly with what a learner types.
 * Nothing here changes the world.
 */
#include <config.h>

#include <ctype.h>
#include <stdarg.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lib/i18n.h"
#include "lesson/lesson.h"

#define LQ_MAXWORDS 12

struct lq_words {
	const char *s[LQ_MAXWORDS];
	size_t len[LQ_MAXWORDS];
	unsigned col[LQ_MAXWORDS];
	unsigned n, endcol;
};

static const char *const lq_fields[] = { "seq", "ack", "len", "flags", "id",
    "next" };

static bool lq_fail(struct lesson_err *, unsigned, const char *, ...)
    __attribute__((format(printf, 3, 4)));

static bool
lq_fail(struct lesson_err *err, unsigned col, const char *fmt, ...)
{
	va_list ap;

	err->column = col;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	return false;
}

static bool
lq_split(const char *text, size_t len, struct lq_words *ws,
    struct lesson_err *err)
{
	unsigned col = 1;

	memset(ws, 0, sizeof(*ws));
	for (size_t i = 0; i < len; ) {
		size_t j = i;

		if (text[i] == ' ' || text[i] == '\t') {
			i++, col++;
			continue;
		}
		while (j < len && text[j] != ' ' && text[j] != '\t')
			j++;
		if (ws->n == LQ_MAXWORDS)
			return lq_fail(err, col, _("too many words in the "
			    "query at '%.*s'"), (int)(j - i), text + i);
		ws->s[ws->n] = text + i;
		ws->len[ws->n] = j - i;
		ws->col[ws->n++] = col;
		for (; i < j; i++)
			col += ((unsigned char)text[i] & 0xc0) != 0x80;
	}
	ws->endcol = col;
	return true;
}

static bool
lq_is(const struct lq_words *ws, unsigned i, const char *kw)
{
	return i < ws->n && strlen(kw) == ws->len[i] &&
	    strncasecmp(ws->s[i], kw, ws->len[i]) == 0;
}

static bool
lq_host(const struct lq_words *ws, unsigned i, struct lesson_term *q,
    struct lesson_err *err)
{
	if (lq_is(ws, i, "client") || lq_is(ws, i, "a"))
		q->host = HOST_CLIENT;
	else if (lq_is(ws, i, "server") || lq_is(ws, i, "b"))
		q->host = HOST_SERVER;
	else if (i >= ws->n)
		return lq_fail(err, ws->endcol, _("a host (client or server) "
		    "is missing"));
	else
		return lq_fail(err, ws->col[i], _("'%.*s' is not a host "
		    "(client or server)"), (int)ws->len[i], ws->s[i]);
	return true;
}

static bool
lq_sel(const struct lq_words *ws, unsigned i, struct lesson_term *q,
    struct lesson_err *err)
{
	char *end;

	if (lq_is(ws, i, "c>s") || lq_is(ws, i, "s>c")) {
		q->sel.kind = SEL_DIR;
		q->sel.dir = ws->s[i][0] == 'c' ? DIR_C2S : DIR_S2C;
	} else if (lq_is(ws, i, "oldest"))
		q->sel.kind = SEL_ANY;
	else if (i < ws->n && ws->s[i][0] == '#' && ws->len[i] > 1 &&
	    ws->len[i] < 11 && isdigit((unsigned char)ws->s[i][1])) {
		q->sel.kind = SEL_ID;
		q->sel.id = (uint32_t)strtoul(ws->s[i] + 1, &end, 10);
		if (end != ws->s[i] + ws->len[i])
			return lq_fail(err, ws->col[i], _("'%.*s' is not a "
			    "segment (#N, c>s, s>c or oldest)"),
			    (int)ws->len[i], ws->s[i]);
	} else if (i >= ws->n)
		return lq_fail(err, ws->endcol, _("a segment (#N, c>s, s>c or "
		    "oldest) is missing"));
	else
		return lq_fail(err, ws->col[i], _("'%.*s' is not a segment "
		    "(#N, c>s, s>c or oldest)"), (int)ws->len[i], ws->s[i]);
	return true;
}

static bool
lq_field(const struct lq_words *ws, unsigned i, struct lesson_term *q,
    struct lesson_err *err)
{
	for (size_t k = 0; k < sizeof(lq_fields) / sizeof(lq_fields[0]); k++)
		if (lq_is(ws, i, lq_fields[k])) {
			q->field = (enum lq_field)k;
			return true;
		}
	if (i >= ws->n)
		return lq_fail(err, ws->endcol, _("a field (seq, ack, len, "
		    "flags, id or next) is missing"));
	return lq_fail(err, ws->col[i], _("'%.*s' is not a field (seq, ack, "
	    "len, flags, id or next)"), (int)ws->len[i], ws->s[i]);
}

static bool
lq_state(const struct lq_words *ws, unsigned i, struct lesson_term *q,
    struct lesson_err *err)
{
	char word[24];

	if (i >= ws->n)
		return lq_fail(err, ws->endcol, _("a state is missing"));
	snprintf(word, sizeof(word), "%.*s", (int)ws->len[i], ws->s[i]);
	if (ws->len[i] >= sizeof(word) || !tcp_state_parse(word, &q->state))
		return lq_fail(err, ws->col[i], _("'%.*s' is not a TCP state"),
		    (int)ws->len[i], ws->s[i]);
	return true;
}

/* An optional unit, then the end of the query. */
static bool
lq_unit_end(const struct lq_words *ws, unsigned i, bool unit,
    struct lesson_term *q, struct lesson_err *err)
{
	if (unit && (lq_is(ws, i, "s") || lq_is(ws, i, "ms"))) {
		q->seconds = ws->len[i] == 1;
		i++;
	}
	if (i < ws->n)
		return lq_fail(err, ws->col[i], _("unexpected '%.*s' at the "
		    "end of the query"), (int)ws->len[i], ws->s[i]);
	return true;
}

static bool
lq_term(const struct lq_words *w, struct lesson_term *q,
    struct lesson_err *err)
{
	const struct lq_words ws = *w;
	char *end;

	if (ws.n == 1 && isdigit((unsigned char)ws.s[0][0])) {
		unsigned long n = strtoul(ws.s[0], &end, 10);

		q->kind = LQ_NUM;
		q->num = (uint32_t)n;
		if (end == ws.s[0] + ws.len[0] && ws.len[0] < 10)
			return true;
		return lq_fail(err, ws.col[0], _("'%.*s' is not a number "
		    "below 1000000000"), (int)ws.len[0], ws.s[0]);
	}
	if (lq_is(&ws, 0, "state")) {
		q->kind = LQ_STATE;
		return lq_host(&ws, 1, q, err) && lq_unit_end(&ws, 2, false,
		    q, err);
	}
	if (lq_is(&ws, 0, "notice")) {
		q->kind = LQ_NOTICE;
		return lq_host(&ws, 1, q, err) && lq_unit_end(&ws, 2, false,
		    q, err);
	}
	if (lq_is(&ws, 0, "isn")) {
		q->kind = LQ_ISN;
		return lq_host(&ws, 1, q, err) && lq_unit_end(&ws, 2, false,
		    q, err);
	}
	if (lq_is(&ws, 0, "sent")) {
		q->kind = LQ_SENT;
		return lq_host(&ws, 1, q, err) && lq_field(&ws, 2, q, err) &&
		    lq_unit_end(&ws, 3, false, q, err);
	}
	if (lq_is(&ws, 0, "inflight")) {
		q->kind = LQ_INFLIGHT;
		return lq_sel(&ws, 1, q, err) && lq_field(&ws, 2, q, err) &&
		    lq_unit_end(&ws, 3, false, q, err);
	}
	if (lq_is(&ws, 0, "entered")) {
		q->kind = LQ_ENTERED;
		return lq_host(&ws, 1, q, err) && lq_state(&ws, 2, q, err) &&
		    lq_unit_end(&ws, 3, true, q, err);
	}
	q->kind = lq_is(&ws, 0, "time") ? LQ_TIME : lq_is(&ws, 0, "msl") ?
	    LQ_MSL : LQ_ANSWER;
	if (q->kind != LQ_ANSWER || lq_is(&ws, 0, "answer"))
		return lq_unit_end(&ws, 1, q->kind != LQ_ANSWER, q, err);
	if (ws.n == 0)
		return lq_fail(err, ws.endcol, _("a query is missing"));
	return lq_fail(err, 1, _("unknown query '%.*s' (state, notice, isn, "
	    "sent, inflight, time, entered, msl or answer)"), (int)ws.len[0],
	    ws.s[0]);
}

/* Words from..to-1 of ws, as a list of their own. */
static void
lq_slice(const struct lq_words *ws, unsigned from, unsigned to,
    struct lq_words *out)
{
	memset(out, 0, sizeof(*out));
	for (unsigned i = from; i < to; i++) {
		out->s[out->n] = ws->s[i];
		out->len[out->n] = ws->len[i];
		out->col[out->n++] = ws->col[i];
	}
	out->endcol = to < ws->n ? ws->col[to] : ws->endcol;
}

bool
lesson_query_parse(const char *text, size_t len, struct lesson_query *q,
    struct lesson_err *err)
{
	struct lq_words ws, term;
	unsigned from = 0;

	memset(q, 0, sizeof(*q));
	if (!lq_split(text, len, &ws, err))
		return false;
	q->op[0] = '+';
	for (unsigned k = 0; k <= ws.n; k++) {
		if (k < ws.n && !lq_is(&ws, k, "+") && !lq_is(&ws, k, "-"))
			continue;
		if (q->nterms == LQ_MAXTERMS)
			return lq_fail(err, ws.col[from], _("at most %d terms "
			    "may be added or subtracted"), LQ_MAXTERMS);
		lq_slice(&ws, from, k, &term);
		if (!lq_term(&term, &q->t[q->nterms], err))
			return false;
		if (k < ws.n && q->nterms + 1 < LQ_MAXTERMS)
			q->op[q->nterms + 1] = ws.s[k][0];
		q->nterms++;
		from = k + 1;
	}
	return true;
}

/* ---------------------------------------------------------- evaluate */

static void
lq_num(struct lesson_value *v, int64_t n)
{
	memset(v, 0, sizeof(*v));
	v->is_num = true;
	v->milli = n * 1000;
}

static void
lq_ms(struct lesson_value *v, uint64_t ms, bool seconds)
{
	lq_num(v, (int64_t)ms);
	if (seconds)
		v->milli = (int64_t)ms;
	v->in_ms = !seconds;
}

static void
lq_word(struct lesson_value *v, const char *w)
{
	memset(v, 0, sizeof(*v));
	snprintf(v->word, sizeof(v->word), "%s", w);
}

static void
lq_seg(const struct lesson_term *q, const struct flight *f,
    struct lesson_value *v)
{
	char fl[TCP_FLAGS_BUFSZ];

	switch (q->field) {
	case LQ_F_SEQ:
		lq_num(v, f->seg.seq);
		break;
	case LQ_F_ACK:
		lq_num(v, f->seg.ack);
		break;
	case LQ_F_LEN:
		lq_num(v, f->seg.len);
		break;
	case LQ_F_FLAGS:
		lq_word(v, tcp_flags_str(f->seg.flags, fl));
		break;
	case LQ_F_ID:
		lq_num(v, f->id);
		break;
	case LQ_F_NEXT:
		lq_num(v, (uint32_t)(f->seg.seq + tcp_seg_seqlen(&f->seg)));
		break;
	}
}

static bool
lq_eval(const struct lesson_term *q, const struct lesson_ctx *ctx,
    struct lesson_value *v, char *why, size_t whysize)
{
	const struct world *w = ctx->w;
	const struct sim_host *h = &w->host[q->host];
	const struct flight *f;

	switch (q->kind) {
	case LQ_STATE:
		lq_word(v, tcp_state_name(h->tcb.state));
		return true;
	case LQ_NOTICE:
		if (ctx->hist == NULL || !ctx->hist->has_notice[q->host]) {
			snprintf(why, whysize, _("the %s's application has had "
			    "no notice"), _(sim_host_name(q->host)));
			return false;
		}
		lq_word(v, tcp_notice_name(ctx->hist->notice[q->host]));
		return true;
	case LQ_ISN:
		if (h->tcb.state == TCP_CLOSED || h->tcb.state == TCP_LISTEN) {
			snprintf(why, whysize, _("the %s has no connection, so "
			    "no ISN"), _(sim_host_name(q->host)));
			return false;
		}
		lq_num(v, h->tcb.iss);
		return true;
	case LQ_SENT:
		if (!h->has_sent) {
			snprintf(why, whysize, _("the %s has sent nothing yet"),
			    _(sim_host_name(q->host)));
			return false;
		}
		lq_seg(q, &h->last_sent, v);
		return true;
	case LQ_INFLIGHT:
		if ((f = world_find(w, &q->sel)) == NULL) {
			snprintf(why, whysize, _("no such segment is in "
			    "flight"));
			return false;
		}
		lq_seg(q, f, v);
		return true;
	case LQ_TIME:
		lq_ms(v, w->now, q->seconds);
		return true;
	case LQ_ENTERED:
		if (ctx->hist == NULL || !ctx->hist->has[q->host][q->state]) {
			snprintf(why, whysize, _("the %s has not entered %s"),
			    _(sim_host_name(q->host)),
			    tcp_state_name(q->state));
			return false;
		}
		lq_ms(v, ctx->hist->at[q->host][q->state], q->seconds);
		return true;
	case LQ_MSL:
		lq_ms(v, w->cfg.msl_ms, q->seconds);
		return true;
	case LQ_ANSWER:
		if (ctx->answer == NULL) {
			snprintf(why, whysize, _("{answer} is known only in "
			    "explain: text"));
			return false;
		}
		lq_word(v, ctx->answer);
		return true;
	case LQ_NUM:
		lq_num(v, q->num);
		return true;
	}
	return false;
}

bool
lesson_query_eval(const struct lesson_query *q, const struct lesson_ctx *ctx,
    struct lesson_value *v, char *why, size_t whysize)
{
	struct lesson_value b;

	if (!lq_eval(&q->t[0], ctx, v, why, whysize))
		return false;
	for (unsigned i = 1; i < q->nterms; i++) {
		if (!lq_eval(&q->t[i], ctx, &b, why, whysize))
			return false;
		if (!v->is_num || !b.is_num) {
			snprintf(why, whysize, _("+ and - need numbers"));
			return false;
		}
		v->milli += q->op[i] == '+' ? b.milli : -b.milli;
		v->in_ms = v->in_ms || b.in_ms;
	}
	return true;
}

char *
lesson_value_str(const struct lesson_value *v, char *buf, size_t size)
{
	int64_t m = v->milli, whole, frac;
	int digits = 3;

	if (!v->is_num) {
		snprintf(buf, size, "%s", v->word);
		return buf;
	}
	whole = m / 1000;
	frac = (m < 0 ? -m : m) % 1000;
	if (frac == 0) {
		snprintf(buf, size, "%" PRId64, whole);
		return buf;
	}
	while (frac % 10 == 0) {
		frac /= 10;
		digits--;
	}
	snprintf(buf, size, "%s%" PRId64 ".%0*" PRId64, m < 0 && whole == 0 ?
	    "-" : "", whole, digits, frac);
	return buf;
}

/* "300", "1.5", "-2": a number in thousandths (at most 3 decimals). */
static bool
lq_parse_num(const char *s, int64_t *out)
{
	int64_t v = 0, scale = 1000;
	bool neg = *s == '-', digits = false;

	if (neg)
		s++;
	for (; isdigit((unsigned char)*s); s++, digits = true) {
		if (v > INT64_MAX / 10000)
			return false;
		v = v * 10 + (*s - '0');
	}
	v *= 1000;
	if (*s == '.' || *s == ',')
		for (s++; isdigit((unsigned char)*s); s++, digits = true) {
			scale /= 10;
			if (scale == 0)
				return false;
			v += (*s - '0') * scale;
		}
	*out = neg ? -v : v;
	return digits && *s == '\0';
}

/* What a learner types for a time: "240", "240s", "240 s", "4min",
 * "240000ms", or the clock form the program itself shows, "4:00".  The
 * value is in thousandths of a second, like the answer; *unit says
 * whether the learner named a unit (a bare number is in the question's). */
static bool
lq_parse_answer_num(const char *s, int64_t *out, bool *unit)
{
	/* A unit that ends another ("毫秒", "秒") comes first. */
	static const struct { const char *unit; int64_t mul, div; } units[] = {
		{ "ms", 1, 1000 }, { "s", 1, 1 }, { "sec", 1, 1 },
		{ "min", 60, 1 }, { "毫秒", 1, 1000 }, { "秒", 1, 1 },
		{ "分钟", 60, 1 },
	};
	char num[64];
	const char *colon = strchr(s, ':');
	size_t n = strlen(s);
	int64_t v, rest;
	bool sub;

	*unit = false;
	if (lq_parse_num(s, out))
		return true;
	*unit = true;
	if (colon != NULL && colon - s < 20) {	/* M:SS */
		snprintf(num, sizeof(num), "%.*s", (int)(colon - s), s);
		if (!lq_parse_num(num, &v) || v < 0 || v % 1000 != 0 ||
		    !isdigit((unsigned char)colon[1]) ||
		    !isdigit((unsigned char)colon[2]) ||
		    !lq_parse_answer_num(colon + 1, &rest, &sub) ||
		    rest >= 60000 || v > INT64_MAX / 120)
			return false;
		*out = v * 60 + rest;
		return true;
	}
	for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
		size_t u = strlen(units[i].unit);

		if (n <= u || strcasecmp(s + n - u, units[i].unit) != 0)
			continue;
		snprintf(num, sizeof(num), "%.*s", (int)(n - u), s);
		n = strlen(num);
		while (n > 0 && num[n - 1] == ' ')
			num[--n] = '\0';
		if (!lq_parse_num(num, &v) || v > INT64_MAX / 60)
			return false;
		*out = v * units[i].mul / units[i].div;
		return true;
	}
	return false;
}

/* A typed time in the answer's unit: "200ms" and "0.2 s" both answer a
 * question counted in milliseconds whose answer is 200. */
static bool
lq_typed_num(const struct lesson_value *v, const char *s, int64_t *out)
{
	bool unit;

	if (!lq_parse_answer_num(s, out, &unit))
		return false;
	if (unit && v->in_ms) {
		if (*out > INT64_MAX / 1000 || *out < INT64_MIN / 1000)
			return false;
		*out *= 1000;
	}
	return true;
}

/* Flags as a bit set, so "ACK+SYN", "syn,ack" and "ACK PSH" all match
 * "SYN+ACK" / "PSH+ACK". */
static bool
lq_parse_flags(const char *s, uint8_t *out)
{
	static const char *const names[] = { "FIN", "SYN", "RST", "PSH",
	    "ACK", "URG" };

	*out = 0;
	for (s += strspn(s, "+, "); *s != '\0'; s += strspn(s, "+, ")) {
		size_t n = strcspn(s, "+, "), k;

		for (k = 0; k < 6; k++)
			if (strlen(names[k]) == n &&
			    strncasecmp(s, names[k], n) == 0)
				break;
		if (k == 6)
			return false;
		*out |= (uint8_t)(1u << k);
		s += n;
	}
	return *out != 0;
}

static bool
lq_words_match(const char *want, const char *got)
{
	enum tcp_state a, b;
	uint8_t fa, fb;

	if (strcasecmp(want, got) == 0)
		return true;
	if (tcp_state_parse(want, &a) && tcp_state_parse(got, &b))
		return a == b;
	return lq_parse_flags(want, &fa) && lq_parse_flags(got, &fb) &&
	    fa == fb;
}

bool
lesson_value_matches(const struct lesson_value *v, const char *typed)
{
	char buf[64];
	size_t n;
	int64_t m;

	while (isspace((unsigned char)*typed))
		typed++;
	n = strlen(typed);
	while (n > 0 && isspace((unsigned char)typed[n - 1]))
		n--;
	if (n == 0 || n >= sizeof(buf))
		return false;
	memcpy(buf, typed, n);
	buf[n] = '\0';
	if (v->is_num)
		return lq_typed_num(v, buf, &m) && m == v->milli;
	if (lq_parse_num(v->word, &m)) {
		int64_t t;

		return lq_typed_num(v, buf, &t) && t == m;
	}
	return lq_words_match(v->word, buf);
}
