/*
 * Building an exam from its parameters.
 *
 * Data model: question i is drawn with the sub-seed mix(seed, i), so it
 * does not depend on how hard earlier questions were to make.  Kinds are
 * dealt from a deck (each generated kind once, the bank once) shuffled
 * anew for each round, which spreads the kinds evenly (a 40-question exam
 * holds every kind two or three times); bank questions are
 * taken from a shuffled list without repeats and their options shuffled.
 * A generated question that reads exactly like an earlier one of the same
 * exam (stem, figure, options) is drawn again from a derived sub-seed.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/xalloc.h"
#include "quiz/exam.h"
#include "quiz/quiz_internal.h"

#define EXAM_DECK (QUIZ_NGENKINDS + 1)
#define EXAM_REDRAWS 16		/* tries for a question not yet asked */

void
exam_params_init(struct exam_params *p)
{
	memset(p, 0, sizeof(*p));
	p->count = 10;
	p->topics = QUIZ_TOPICS_ALL;
	snprintf(p->lang, sizeof(p->lang), "en");
}

uint64_t
exam_seed(const struct exam_params *p)
{
	if (p->student[0] == '\0')
		return p->seed;
	return quiz_mix(p->seed, quiz_hash_str(p->student));
}

static void
shuffle_u(unsigned *a, unsigned n, struct quiz_rng *r)
{
	for (unsigned i = n; i > 1; i--) {
		unsigned j = quiz_rng_below(r, i), t = a[i - 1];

		a[i - 1] = a[j];
		a[j] = t;
	}
}

/* The bank questions that fit the topics, shuffled. */
static unsigned *
bank_order(const struct quiz_bank *bank, unsigned topics, unsigned *n,
    struct quiz_rng *r)
{
	unsigned *idx = xcalloc(bank != NULL && bank->n ? bank->n : 1,
	    sizeof(*idx));

	*n = 0;
	for (size_t i = 0; bank != NULL && i < bank->n; i++)
		if (bank->q[i].topics & topics)
			idx[(*n)++] = (unsigned)i;
	shuffle_u(idx, *n, r);
	return idx;
}

static unsigned
exam_deck(const struct exam_params *p, bool bank, unsigned *deck)
{
	unsigned n = 0;

	for (unsigned k = 0; k < QUIZ_NGENKINDS; k++)
		if (quiz_kind_topics((enum quiz_kind)k) & p->topics)
			deck[n++] = k;
	if (bank)
		deck[n++] = QUIZ_K_BANK;
	return n;
}

/* Are a and b the same question as a student reads it: the same stem,
 * figure and options (in any order)? */
static bool
exam_same(const struct quiz_question *a, const struct quiz_question *b)
{
	if (a->nopt != b->nopt || strcmp(a->stem, b->stem) != 0 ||
	    (a->figure == NULL) != (b->figure == NULL) ||
	    (a->figure != NULL && strcmp(a->figure, b->figure) != 0))
		return false;
	for (unsigned i = 0; i < a->nopt; i++) {
		bool found = false;

		for (unsigned j = 0; j < b->nopt && !found; j++)
			found = strcmp(a->opt[i].text, b->opt[j].text) == 0;
		if (!found)
			return false;
	}
	return true;
}

static bool
exam_repeats(const struct exam *ex, const struct quiz_question *q)
{
	for (size_t i = 0; i < ex->n; i++)
		if (exam_same(&ex->q[i], q))
			return true;
	return false;
}

/* Question i of kind, from the sub-seed mix(seed, i); one that repeats an
 * earlier question word for word is drawn again from a derived seed. */
static bool
exam_generate(struct exam *ex, unsigned i, enum quiz_kind kind,
    struct quiz_question *q)
{
	uint64_t sub = quiz_mix(ex->seed, i);

	for (unsigned tries = 0; tries < EXAM_REDRAWS; tries++) {
		if (!quiz_generate(kind, sub, ex->p.topics, q))
			return false;
		if (!exam_repeats(ex, q))
			return true;
		quiz_question_free(q);
		sub = quiz_mix(sub, tries + 1);
	}
	return false;
}

static bool
exam_one(struct exam *ex, unsigned i, enum quiz_kind kind,
    const struct quiz_bank *bank, const unsigned *bidx, unsigned *bnext,
    unsigned nb, struct quiz_rng *r)
{
	struct quiz_question *q = &ex->q[ex->n];

	if (kind == QUIZ_K_BANK) {
		if (*bnext >= nb)
			return false;
		quiz_question_copy(q, &bank->q[bidx[(*bnext)++]]);
		quiz_opt_shuffle(q, r);
		ex->n++;
		return true;
	}
	if (!exam_generate(ex, i, kind, q))
		return false;
	ex->n++;
	return true;
}

bool
exam_build(struct exam *ex, const struct exam_params *p,
    const struct quiz_bank *bank)
{
	struct quiz_rng r;
	unsigned deck[EXAM_DECK], nd, nb, bnext = 0, *bidx;

	memset(ex, 0, sizeof(*ex));
	ex->p = *p;
	ex->seed = exam_seed(p);
	r.s = ex->seed;
	bidx = bank_order(p->generated_only ? NULL : bank, p->topics, &nb, &r);
	nd = exam_deck(p, nb > 0, deck);
	ex->q = xcalloc(p->count ? p->count : 1, sizeof(*ex->q));
	for (unsigned i = 0; i < p->count && nd > 0; i++) {
		if (i % nd == 0)
			shuffle_u(deck, nd, &r);
		/* A kind that cannot deliver falls back to the next one. */
		for (unsigned k = 0; k < nd; k++)
			if (exam_one(ex, i, (enum quiz_kind)deck[(i + k) % nd],
			    bank, bidx, &bnext, nb, &r))
				break;
	}
	free(bidx);
	return ex->n > 0;
}

void
exam_free(struct exam *ex)
{
	for (size_t i = 0; i < ex->n; i++)
		quiz_question_free(&ex->q[i]);
	free(ex->q);
	memset(ex, 0, sizeof(*ex));
}

char
exam_label(unsigned pos)
{
	return (char)('A' + pos);
}

char *
exam_answer_str(const struct quiz_question *q)
{
	struct sbuf b = { 0 };
	char s[32];

	switch (q->type) {
	case QUIZ_T_CHOICE:
		sbuf_add(&b, "%c", exam_label(q->correct));
		break;
	case QUIZ_T_ORDER:
		for (unsigned j = 0; j < q->nopt; j++)
			for (unsigned pos = 0; pos < q->nopt; pos++)
				if (q->shown[pos] == j)
					sbuf_add(&b, j ? " %c" : "%c",
					    exam_label(pos));
		break;
	case QUIZ_T_NUMERIC:
		sbuf_add(&b, "%s", quiz_seconds_str(q->answer_ms, s, sizeof(s)));
		break;
	}
	return sbuf_take(&b);
}
