/*
 * The question as data: its PRNG, names of topics and kinds, options, and
 * the small text buffer every other file of the module builds text in.
 *
 * Data model: a question owns all its strings (heap copies); copying is a
 * deep copy and freeing leaves an empty question.  Options are stored
 * with the right one anywhere (CHOICE) or in their right order (ORDER).
 */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/i18n.h"
#include "lib/rand.h"
#include "lib/xalloc.h"
#include "quiz/quiz_internal.h"
#include "sim/ladder_text.h"

uint64_t
quiz_rng_next(struct quiz_rng *r)
{
	return splitmix64(&r->s);
}

unsigned
quiz_rng_below(struct quiz_rng *r, unsigned n)
{
	return (unsigned)((quiz_rng_next(r) >> 32) % n);
}

uint64_t
quiz_mix(uint64_t a, uint64_t b)
{
	struct quiz_rng r = { a ^ (b * 0xd1342543de82ef95ULL) };

	quiz_rng_next(&r);
	return quiz_rng_next(&r);
}

uint64_t
quiz_hash_str(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	for (; *s != '\0'; s++) {
		h ^= (unsigned char)*s;
		h *= 0x100000001b3ULL;
	}
	return quiz_mix(h, 0);
}

static const char *const quiz_topic_names[QUIZ_NTOPICS] = {
	"handshake", "close", "timewait", "rst", "timers", "numbers"
};

const char *
quiz_topic_name(enum quiz_topic t)
{
	return (unsigned)t < QUIZ_NTOPICS ? quiz_topic_names[t] : "?";
}

bool
quiz_topic_parse(const char *word, enum quiz_topic *out)
{
	for (unsigned i = 0; i < QUIZ_NTOPICS; i++)
		if (strcmp(word, quiz_topic_names[i]) == 0) {
			*out = (enum quiz_topic)i;
			return true;
		}
	return false;
}

const char *
quiz_kind_name(enum quiz_kind k)
{
	static const char *const names[QUIZ_NKINDS] = {
		"state", "segment", "event", "order", "time", "whatif",
		"numbers", "wrong", "losstime", "diagnose", "count", "giveup",
		"ports", "closestate", "bank"
	};

	return (unsigned)k < QUIZ_NKINDS ? names[k] : "?";
}

void
quiz_question_init(struct quiz_question *q)
{
	memset(q, 0, sizeof(*q));
}

void
quiz_question_free(struct quiz_question *q)
{
	free(q->stem);
	free(q->figure);
	free(q->scenario);
	free(q->then);
	free(q->explain);
	free(q->alts);
	for (unsigned i = 0; i < q->nopt; i++) {
		free(q->opt[i].text);
		free(q->opt[i].probe);
	}
	quiz_question_init(q);
}

static char *
dup_or_null(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

void
quiz_question_copy(struct quiz_question *dst, const struct quiz_question *src)
{
	*dst = *src;
	dst->stem = dup_or_null(src->stem);
	dst->figure = dup_or_null(src->figure);
	dst->scenario = dup_or_null(src->scenario);
	dst->then = dup_or_null(src->then);
	dst->explain = dup_or_null(src->explain);
	dst->alts = dup_or_null(src->alts);
	for (unsigned i = 0; i < src->nopt; i++) {
		dst->opt[i].text = dup_or_null(src->opt[i].text);
		dst->opt[i].probe = dup_or_null(src->opt[i].probe);
	}
}

unsigned
quiz_shown(const struct quiz_question *q, unsigned pos)
{
	return q->type == QUIZ_T_ORDER ? q->shown[pos] : pos;
}

bool
quiz_opt_add(struct quiz_question *q, const char *text, const char *probe)
{
	if (q->nopt >= QUIZ_MAXOPT)
		return false;
	for (unsigned i = 0; i < q->nopt; i++)
		if (strcmp(q->opt[i].text, text) == 0)
			return false;
	q->opt[q->nopt].text = xstrdup(text);
	q->opt[q->nopt].probe = dup_or_null(probe);
	q->shown[q->nopt] = q->nopt;
	q->nopt++;
	return true;
}

/* Fisher-Yates; for ORDER the items stay put and shown[] is permuted, and a
 * presentation that happens to be the answer is rotated once. */
void
quiz_opt_shuffle(struct quiz_question *q, struct quiz_rng *r)
{
	for (unsigned i = q->nopt; i > 1; i--) {
		unsigned j = quiz_rng_below(r, i), t;

		if (q->type == QUIZ_T_ORDER) {
			t = q->shown[i - 1];
			q->shown[i - 1] = q->shown[j];
			q->shown[j] = t;
			continue;
		}
		struct quiz_option o = q->opt[i - 1];
		q->opt[i - 1] = q->opt[j];
		q->opt[j] = o;
		if (q->correct == i - 1)
			q->correct = j;
		else if (q->correct == j)
			q->correct = i - 1;
	}
	if (q->type == QUIZ_T_ORDER && q->nopt > 1 && q->shown[0] == 0) {
		unsigned first = q->shown[0];

		memmove(q->shown, q->shown + 1, (q->nopt - 1) *
		    sizeof(q->shown[0]));
		q->shown[q->nopt - 1] = first;
	}
}

void
quiz_sentence_gap(struct sbuf *b)
{
	static const char *const full[] = { "\u3002", "\uff01", "\uff1f",
	    "\uff09" };

	for (size_t i = 0; i < sizeof(full) / sizeof(full[0]); i++) {
		size_t n = strlen(full[i]);

		if (b->len >= n && memcmp(b->p + b->len - n, full[i], n) == 0)
			return;
	}
	sbuf_addn(b, " ", 1);
}

char *
quiz_strdupf(const char *fmt, ...)
{
	va_list ap;
	char *p;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	p = xmalloc(n > 0 ? (size_t)n + 1 : 1);
	p[0] = '\0';
	va_start(ap, fmt);
	if (n > 0)
		vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

/* Seconds with as many decimals as needed, at most three: "4", "4.15". */
char *
quiz_seconds_str(uint64_t ms, char *buf, size_t size)
{
	return sim_seconds_text(ms, buf, size);
}

const char *
quiz_numeric_unit(const struct quiz_question *q)
{
	/* TRANSLATORS: the unit after a number of seconds, with its space. */
	return q->count ? "" : _(" s");
}

const char *
quiz_answer_label(const struct quiz_question *q)
{
	/* TRANSLATORS: prompts of the entry line; keep them short. */
	if (q->type == QUIZ_T_ORDER)
		return _("Order: ");
	return q->count ? _("Number: ") : _("Seconds: ");
}

const char *
quiz_numeric_hint(const struct quiz_question *q)
{
	return q->count ? _("Type a whole number, e.g. 1461.") :
	    _("Type a number of seconds, e.g. 4.25.");
}
