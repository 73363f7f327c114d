/*
 * The attempt model: recording answers, time, submitting and scoring.
 * Files (JSON, saving, resuming) are in session_io.c.
 *
 * Data model: see session.h.  An ORDER answer is right only when every
 * segment is in its place; a NUMERIC one when it is within a millisecond
 * of the simulated time.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/i18n.h"
#include "lib/xalloc.h"
#include "quiz/bank.h"
#include "quiz/session.h"

bool
exam_session_start(struct exam_session *s, const struct exam_params *p,
    const struct quiz_bank *bank, int64_t now_epoch)
{
	memset(s, 0, sizeof(*s));
	if (!exam_build(&s->ex, p, bank)) {
		exam_free(&s->ex);
		return false;
	}
	s->ans = xcalloc(s->ex.n ? s->ex.n : 1, sizeof(*s->ans));
	s->limit_ms = (uint64_t)p->minutes * 60000;
	s->started = now_epoch;
	exam_session_note(s, EXAM_EV_START, now_epoch);
	return true;
}

bool
exam_session_start_lang(struct exam_session *s, const struct exam_params *p,
    int64_t now_epoch)
{
	struct quiz_bank bank;
	struct script_err e;
	bool ok;

	quiz_bank_init(&bank);
	if (!p->generated_only)
		(void)quiz_bank_load_lang(&bank, p->lang, &e);
	ok = exam_session_start(s, p, &bank, now_epoch);
	quiz_bank_free(&bank);
	return ok;
}

bool
exam_params_same(const struct exam_params *a, const struct exam_params *b)
{
	return a->count == b->count && a->topics == b->topics &&
	    a->minutes == b->minutes &&
	    a->generated_only == b->generated_only &&
	    strcmp(a->lang, b->lang) == 0;
}

void
exam_session_free(struct exam_session *s)
{
	exam_session_unlock(s);
	exam_free(&s->ex);
	free(s->ans);
	free(s->path);
	free(s->ev);
	memset(s, 0, sizeof(*s));
}

static struct quiz_question *
session_q(struct exam_session *s, unsigned qi, enum quiz_type t)
{
	/* Out of time, answers are closed even if submitting failed. */
	if (s->submitted || qi >= s->ex.n || s->ex.q[qi].type != t ||
	    (s->limit_ms > 0 && s->elapsed_ms >= s->limit_ms))
		return NULL;
	return &s->ex.q[qi];
}

bool
exam_session_choose(struct exam_session *s, unsigned qi, unsigned pos)
{
	struct quiz_question *q = session_q(s, qi, QUIZ_T_CHOICE);

	if (q == NULL || pos >= q->nopt)
		return false;
	s->ans[qi].given = true;
	s->ans[qi].choice = pos;
	return true;
}

bool
exam_session_order(struct exam_session *s, unsigned qi, const unsigned *pos,
    unsigned n)
{
	struct quiz_question *q = session_q(s, qi, QUIZ_T_ORDER);
	unsigned seen = 0;

	if (q == NULL || n != q->nopt)
		return false;
	for (unsigned i = 0; i < n; i++) {
		if (pos[i] >= n || (seen & (1u << pos[i])))
			return false;
		seen |= 1u << pos[i];
	}
	s->ans[qi].given = true;
	memcpy(s->ans[qi].order, pos, n * sizeof(*pos));
	return true;
}

bool
exam_session_number(struct exam_session *s, unsigned qi, uint64_t ms)
{
	if (session_q(s, qi, QUIZ_T_NUMERIC) == NULL)
		return false;
	s->ans[qi].given = true;
	s->ans[qi].number_ms = ms;
	return true;
}

bool
exam_session_clear(struct exam_session *s, unsigned qi)
{
	if (s->submitted || qi >= s->ex.n ||
	    (s->limit_ms > 0 && s->elapsed_ms >= s->limit_ms))
		return false;
	memset(&s->ans[qi], 0, sizeof(s->ans[qi]));
	return true;
}

bool
exam_session_tick(struct exam_session *s, uint64_t delta_ms)
{
	if (!s->submitted)
		s->elapsed_ms += delta_ms;
	return s->limit_ms > 0 && s->elapsed_ms >= s->limit_ms;
}

uint64_t
exam_session_remaining(const struct exam_session *s)
{
	if (s->limit_ms == 0)
		return UINT64_MAX;
	return s->elapsed_ms >= s->limit_ms ? 0 : s->limit_ms - s->elapsed_ms;
}

char *
exam_session_clock_text(const struct exam_session *s, char *buf,
    size_t size)
{
	uint64_t sec;

	if (s->limit_ms == 0) {
		sec = s->elapsed_ms / 1000;
		snprintf(buf, size, "%llu:%02llu",
		    (unsigned long long)(sec / 60),
		    (unsigned long long)(sec % 60));
		return buf;
	}
	sec = (exam_session_remaining(s) + 999) / 1000;
	/* TRANSLATORS: minutes:seconds of the exam still to go. */
	snprintf(buf, size, _("%llu:%02llu left"),
	    (unsigned long long)(sec / 60), (unsigned long long)(sec % 60));
	return buf;
}

int
exam_session_next_second(const struct exam_session *s)
{
	uint64_t rem;

	if (s->submitted || s->limit_ms == 0)
		return -1;
	rem = exam_session_remaining(s) % 1000;
	return rem == 0 ? 1000 : (int)rem;
}

void
exam_session_submit(struct exam_session *s)
{
	s->submitted = true;
}

/* Seconds with up to three decimals, in milliseconds. */
static bool
parse_seconds(const char *t, uint64_t *ms)
{
	uint64_t v = 0, frac = 0;
	unsigned nd = 0;

	if (*t < '0' || *t > '9')
		return false;
	for (; *t >= '0' && *t <= '9' && v < 100000000000000ULL; t++)
		v = v * 10 + (uint64_t)(*t - '0');
	if (*t == '.' || *t == ',')
		for (t++; *t >= '0' && *t <= '9' && nd < 3; t++, nd++)
			frac = frac * 10 + (uint64_t)(*t - '0');
	while (nd > 0 && nd++ < 3)
		frac *= 10;
	while (*t == ' ' || *t == 's')
		t++;
	*ms = v * 1000 + frac;
	return *t == '\0';
}

static int
label_pos(char c, unsigned n)
{
	if (c >= 'a' && c <= 'z')
		c = (char)(c - 'a' + 'A');
	return c >= 'A' && (unsigned)(c - 'A') < n ? c - 'A' : -1;
}

bool
exam_answer_parse(const struct quiz_question *q, const char *text,
    struct exam_answer *a)
{
	unsigned n = 0, seen = 0;
	int p;

	memset(a, 0, sizeof(*a));
	while (*text == ' ')
		text++;
	if (q->type == QUIZ_T_NUMERIC)
		return (a->given = parse_seconds(text, &a->number_ms));
	for (; *text != '\0'; text++) {
		if (strchr(" ,\t\n", *text) != NULL)
			continue;
		if ((p = label_pos(*text, q->nopt)) < 0 || n >= q->nopt ||
		    (seen & (1u << p)))
			return false;
		seen |= 1u << p;
		a->order[n++] = (unsigned)p;
	}
	if (q->type == QUIZ_T_CHOICE && n == 1)
		a->choice = a->order[0];
	a->given = q->type == QUIZ_T_CHOICE ? n == 1 : n == q->nopt;
	return a->given;
}

const char *
exam_answer_how(const struct quiz_question *q)
{
	switch (q->type) {
	case QUIZ_T_NUMERIC:
		return quiz_numeric_hint(q);
	case QUIZ_T_ORDER:
		return _("Type every letter once, in order, e.g. C A D B.");
	case QUIZ_T_CHOICE:
		break;
	}
	return _("Type one letter.");
}

bool
exam_answer_right(const struct quiz_question *q, const struct exam_answer *a)
{
	if (!a->given)
		return false;
	switch (q->type) {
	case QUIZ_T_CHOICE:
		return a->choice == q->correct;
	case QUIZ_T_ORDER:
		for (unsigned j = 0; j < q->nopt; j++)
			if (a->order[j] >= q->nopt ||
			    q->shown[a->order[j]] != j)
				return false;
		return true;
	case QUIZ_T_NUMERIC:
		return (a->number_ms > q->answer_ms ? a->number_ms -
		    q->answer_ms : q->answer_ms - a->number_ms) <= 1;
	}
	return false;
}

struct exam_score
exam_session_score(const struct exam_session *s)
{
	struct exam_score sc = { 0, 0, (unsigned)s->ex.n, 0 };

	for (size_t i = 0; i < s->ex.n; i++) {
		sc.answered += s->ans[i].given;
		sc.right += exam_answer_right(&s->ex.q[i], &s->ans[i]);
	}
	sc.percent = sc.total ? 100 * sc.right / sc.total : 0;
	return sc;
}
