/*
 * Prose with placeholders: "the server acks {sent server ack}" is shown
 * with the number the simulation produced, so lesson text cannot drift
 * from what the learner sees on the wire.
 *
 * Data model: a text is plain UTF-8 in which "{QUERY}" is a query (see
 * query.c) and "{{" a literal brace.  lesson_text_check() parses every
 * placeholder (the lesson parser calls it, so a typo is a parse error with
 * its column); lesson_expand() evaluates them against a lesson_ctx.
 * lesson_hist_feed() keeps the times at which hosts entered states, which
 * the world itself forgets.
 */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "lib/i18n.h"
#include "lib/utf8.h"
#include "lesson/lesson.h"

/* Calls fn for each literal run and each placeholder, in order. */
struct tx_walk {
	bool (*lit)(struct tx_walk *, const char *, size_t);
	bool (*query)(struct tx_walk *, const char *, size_t, unsigned col);
	struct lesson_err *err;
};

static bool
tx_walk(const char *text, struct tx_walk *tw)
{
	const char *s = text, *close;

	for (;;) {
		const char *open = strchr(s, '{');

		if (open == NULL)
			return tw->lit(tw, s, strlen(s));
		if (!tw->lit(tw, s, (size_t)(open - s)))
			return false;
		if (open[1] == '{') {
			if (!tw->lit(tw, "{", 1))
				return false;
			s = open + 2;
			continue;
		}
		if ((close = strchr(open + 1, '}')) == NULL) {
			tw->err->column = 1 +
			    utf8_chars(text, (size_t)(open - text));
			snprintf(tw->err->msg, sizeof(tw->err->msg),
			    _("'{' without a closing '}' (write {{ for a "
			    "brace)"));
			return false;
		}
		if (!tw->query(tw, open + 1, (size_t)(close - open - 1),
		    utf8_chars(text, (size_t)(open - text)) + 2))
			return false;
		s = close + 1;
	}
}

static bool
tx_lit_ok(struct tx_walk *tw, const char *s, size_t n)
{
	(void)tw, (void)s, (void)n;
	return true;
}

static bool
tx_query_ok(struct tx_walk *tw, const char *s, size_t n, unsigned col)
{
	struct lesson_query q;

	if (lesson_query_parse(s, n, &q, tw->err))
		return true;
	tw->err->column += col - 1;
	return false;
}

bool
lesson_text_check(const char *text, struct lesson_err *err)
{
	struct tx_walk tw = { tx_lit_ok, tx_query_ok, err };

	return tx_walk(text, &tw);
}

/* Expansion: the walk appends to a bounded buffer. */
struct tx_out {
	struct tx_walk tw;
	const struct lesson_ctx *ctx;
	char *buf;
	size_t size, len;
	char *why;
	size_t whysize;
	bool ok;
};

static bool
tx_lit_add(struct tx_walk *tw, const char *s, size_t n)
{
	struct tx_out *o = (struct tx_out *)tw;

	if (o->size == 0)
		return true;
	if (n > o->size - 1 - o->len)
		n = o->size - 1 - o->len;
	memcpy(o->buf + o->len, s, n);
	o->len += n;
	o->buf[o->len] = '\0';
	return true;
}

static bool
tx_query_add(struct tx_walk *tw, const char *s, size_t n, unsigned col)
{
	struct tx_out *o = (struct tx_out *)tw;
	struct lesson_query q;
	struct lesson_value v;
	char val[64];

	(void)col;
	if (!lesson_query_parse(s, n, &q, tw->err)) {
		if (o->ok)
			snprintf(o->why, o->whysize, "%s", tw->err->msg);
		o->ok = false;
		return tx_lit_add(tw, "?", 1);
	}
	if (!lesson_query_eval(&q, o->ctx, &v, val, sizeof(val))) {
		if (o->ok)
			snprintf(o->why, o->whysize, "{%.*s}: %s", (int)n, s,
			    val);
		o->ok = false;
		return tx_lit_add(tw, "?", 1);
	}
	lesson_value_str(&v, val, sizeof(val));
	return tx_lit_add(tw, val, strlen(val));
}

bool
lesson_expand(const char *text, const struct lesson_ctx *ctx, char *buf,
    size_t size, char *why, size_t whysize)
{
	struct lesson_err err;
	struct tx_out o = { { tx_lit_add, tx_query_add, &err }, ctx, buf,
	    size, 0, why, whysize, true };

	if (size > 0)
		buf[0] = '\0';
	if (whysize > 0)
		why[0] = '\0';
	if (text == NULL)
		return true;
	if (!tx_walk(text, &o.tw)) {
		snprintf(why, whysize, "%s", err.msg);
		return false;
	}
	return o.ok;
}

void
lesson_hist_feed(struct lesson_hist *hist, const struct world *w)
{
	for (size_t i = 0; i < w->ntrace; i++) {
		const struct sim_ev *ev = &w->trace[i];

		if (ev->kind != SIM_EV_TCP)
			continue;
		if (ev->tcp.kind == TCP_EV_NOTICE) {
			hist->has_notice[ev->host] = true;
			hist->notice[ev->host] = ev->tcp.notice;
		}
		if (ev->tcp.kind != TCP_EV_STATE)
			continue;
		hist->has[ev->host][ev->tcp.to] = true;
		hist->at[ev->host][ev->tcp.to] = ev->time;
	}
}
