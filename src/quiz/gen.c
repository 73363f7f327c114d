/*
 * Generating a question: choose the generator for the kind, retry with
 * derived seeds until one fits the wanted topics, and check every option
 * by simulation before handing the question out.
 *
 * Data model: a generator fills a question from a struct quiz_rng and
 * returns false when the story it drew does not suit it (too short, no
 * segment to ask about); the caller then draws again from the next
 * derived seed.  The attempt number is part of the seed, so the result
 * still depends on the seed alone.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/i18n.h"
#include "quiz/quiz_internal.h"

#define QUIZ_ATTEMPTS 400

typedef bool (*quiz_gen_fn)(struct quiz_rng *, struct quiz_question *);

static const struct {
	quiz_gen_fn fn;
	unsigned topics;
} quiz_gens[QUIZ_NGENKINDS] = {
	[QUIZ_K_STATE] = { quiz_gen_state, QUIZ_TOPICS_ALL &
	    ~QUIZ_TOPIC_BIT(QUIZ_TOP_NUMBERS) },
	[QUIZ_K_SEGMENT] = { quiz_gen_segment, QUIZ_TOPICS_ALL },
	[QUIZ_K_EVENT] = { quiz_gen_event, QUIZ_TOPICS_ALL },
	[QUIZ_K_ORDER] = { quiz_gen_order, QUIZ_TOPIC_BIT(QUIZ_TOP_HANDSHAKE) |
	    QUIZ_TOPIC_BIT(QUIZ_TOP_CLOSE) | QUIZ_TOPIC_BIT(QUIZ_TOP_NUMBERS) },
	[QUIZ_K_TIME] = { quiz_gen_time, QUIZ_TOPIC_BIT(QUIZ_TOP_TIMERS) |
	    QUIZ_TOPIC_BIT(QUIZ_TOP_TIMEWAIT) | QUIZ_TOPIC_BIT(QUIZ_TOP_CLOSE) |
	    QUIZ_TOPIC_BIT(QUIZ_TOP_HANDSHAKE) },
	[QUIZ_K_WHATIF] = { quiz_gen_whatif, QUIZ_TOPIC_BIT(QUIZ_TOP_TIMEWAIT) |
	    QUIZ_TOPIC_BIT(QUIZ_TOP_RST) | QUIZ_TOPIC_BIT(QUIZ_TOP_CLOSE) },
	[QUIZ_K_NUMBERS] = { quiz_gen_numbers,
	    QUIZ_TOPIC_BIT(QUIZ_TOP_NUMBERS) | QUIZ_TOPIC_BIT(QUIZ_TOP_CLOSE) },
	[QUIZ_K_WRONG] = { quiz_gen_wrong, QUIZ_TOPICS_ALL },
	[QUIZ_K_LOSSTIME] = { quiz_gen_losstime,
	    QUIZ_TOPIC_BIT(QUIZ_TOP_TIMEWAIT) |
	    QUIZ_TOPIC_BIT(QUIZ_TOP_TIMERS) | QUIZ_TOPIC_BIT(QUIZ_TOP_CLOSE) },
	[QUIZ_K_DIAGNOSE] = { quiz_gen_diagnose,
	    QUIZ_TOPIC_BIT(QUIZ_TOP_HANDSHAKE) |
	    QUIZ_TOPIC_BIT(QUIZ_TOP_CLOSE) },
	[QUIZ_K_COUNT] = { quiz_gen_count, QUIZ_TOPIC_BIT(QUIZ_TOP_HANDSHAKE) |
	    QUIZ_TOPIC_BIT(QUIZ_TOP_CLOSE) | QUIZ_TOPIC_BIT(QUIZ_TOP_RST) },
	[QUIZ_K_GIVEUP] = { quiz_gen_giveup, QUIZ_TOPIC_BIT(QUIZ_TOP_TIMERS) |
	    QUIZ_TOPIC_BIT(QUIZ_TOP_HANDSHAKE) |
	    QUIZ_TOPIC_BIT(QUIZ_TOP_CLOSE) },
	[QUIZ_K_PORTS] = { quiz_gen_ports, QUIZ_TOPIC_BIT(QUIZ_TOP_TIMEWAIT) |
	    QUIZ_TOPIC_BIT(QUIZ_TOP_TIMERS) },
	[QUIZ_K_CLOSESTATE] = { quiz_gen_closestate,
	    QUIZ_TOPIC_BIT(QUIZ_TOP_CLOSE) | QUIZ_TOPIC_BIT(QUIZ_TOP_TIMEWAIT) |
	    QUIZ_TOPIC_BIT(QUIZ_TOP_TIMERS) },
};

unsigned
quiz_kind_topics(enum quiz_kind kind)
{
	if ((unsigned)kind >= QUIZ_NGENKINDS)
		return 0;
	return quiz_gens[kind].topics;
}

bool
quiz_generate(enum quiz_kind kind, uint64_t seed, unsigned want,
    struct quiz_question *q)
{
	quiz_question_init(q);
	if ((quiz_kind_topics(kind) & want) == 0)
		return false;
	for (unsigned a = 0; a < QUIZ_ATTEMPTS; a++) {
		struct quiz_rng r = { quiz_mix(seed, ((uint64_t)kind << 32) |
		    a) };

		q->kind = kind;
		/* A question with two defensible answers is never asked. */
		if (quiz_gens[kind].fn(&r, q) && (q->topics & want) != 0 &&
		    quiz_check_unique(q)) {
			snprintf(q->id, sizeof(q->id), "%s-%016llx",
			    quiz_kind_name(kind), (unsigned long long)seed);
			return true;
		}
		quiz_question_free(q);
	}
	return false;
}

/*
 * Keep the right option only if its probe passes, and the wrong ones only
 * if theirs fail: a distractor that turns out to be true as well (or that
 * cannot even be checked) is dropped, never shown.  False when the
 * question is not worth asking.
 */
bool
quiz_filter_options(struct quiz_question *q, const struct cmd *c, unsigned n,
    unsigned min)
{
	unsigned keep = 0;

	for (unsigned i = 0; i < q->nopt; i++) {
		int pass = quiz_probe_run(c, n, q->opt[i].probe);

		if (i == q->correct && pass != 1)
			return false;
		if (i != q->correct && pass != 0) {
			free(q->opt[i].text);
			free(q->opt[i].probe);
			continue;
		}
		if (i == q->correct)
			q->correct = keep;
		q->opt[keep++] = q->opt[i];
	}
	q->nopt = keep;
	return keep >= min;
}

/* "the ACK of our FIN (RFC 9293 3.10.7.4)", translated. */
char *
quiz_why_str(enum tcp_why why, char *buf, size_t size)
{
	const char *rfc = tcp_why_rfc(why), *text = tcp_why_text(why);

	if (rfc[0] >= '0' && rfc[0] <= '9')
		snprintf(buf, size, "%s (RFC 9293 %s)", _(text), rfc);
	else if (rfc[0] != '\0')
		snprintf(buf, size, "%s (%s)", _(text), rfc);
	else
		snprintf(buf, size, "%s", _(text));
	return buf;
}

/* The last state change of host h while replaying c[0..n). */
bool
quiz_last_change(const struct cmd *c, unsigned n, enum sim_host_id h,
    struct tcp_ev *out)
{
	struct world w;
	struct sim_result res;
	bool found = false;

	world_init(&w);
	for (unsigned i = 0; i < n; i++) {
		world_trace_clear(&w);
		(void)world_apply(&w, &c[i], &res);
		for (size_t j = 0; j < w.ntrace; j++) {
			const struct sim_ev *e = &w.trace[j];

			if (e->kind == SIM_EV_TCP && e->host == h &&
			    e->tcp.kind == TCP_EV_STATE) {
				*out = e->tcp;
				found = true;
			}
		}
	}
	world_free(&w);
	return found;
}

const char *
quiz_host_str(enum sim_host_id h)
{
	return _(sim_host_name(h));
}
