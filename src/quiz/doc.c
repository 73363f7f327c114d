/*
 * Building the text of the quiz screens (see doc.h).
 *
 * Paragraphs are wrapped by lpanel_wrap (utf8_wrap: display columns, CJK
 * text broken between any two characters), so a Chinese stem fills the
 * width as an English one does.  Nothing here knows the terminal: the
 * painter wraps the text to its width and paints the lines.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/i18n.h"
#include "lib/xalloc.h"
#include "quiz/doc.h"

void
qdoc_clear(struct qdoc *d)
{
	lpanel_clear(&d->p);
	d->mark = 0;
}

void
qdoc_text(struct qdoc *d, int indent, int hang, enum lpanel_role r,
    const char *s)
{
	lpanel_addx(&d->p, r, indent, hang, false, s);
}

void
qdoc_blank(struct qdoc *d)
{
	lpanel_addx(&d->p, LP_TEXT, 0, 0, false, "");
}

char *
qdoc_answer_str(const struct quiz_question *q, const struct exam_answer *a,
    char *buf, size_t size)
{
	size_t o = 0;

	buf[0] = '\0';
	if (!a->given)
		return buf;
	switch (q->type) {
	case QUIZ_T_CHOICE:
		snprintf(buf, size, "%c", exam_label(a->choice));
		break;
	case QUIZ_T_ORDER:
		for (unsigned j = 0; j < q->nopt && o + 3 < size; j++) {
			if (j > 0)
				buf[o++] = ' ';
			buf[o++] = exam_label(a->order[j]);
		}
		buf[o] = '\0';
		break;
	case QUIZ_T_NUMERIC:
		quiz_seconds_str(a->number_ms, buf, size);
		break;
	}
	return buf;
}

static enum lpanel_role
qdoc_opt_role(const struct quiz_question *q, const struct exam_answer *a,
    unsigned pos, enum qdoc_show show, bool *picked)
{
	*picked = q->type == QUIZ_T_CHOICE && a->given && a->choice == pos;
	if (show == QDOC_JUDGED && q->type == QUIZ_T_CHOICE) {
		if (pos == q->correct)
			return LP_OK;
		return *picked ? LP_BAD : LP_TEXT;
	}
	return *picked ? LP_PICK : LP_TEXT;
}

static void
qdoc_options(struct qdoc *d, const struct quiz_question *q,
    const struct exam_answer *a, enum qdoc_show show)
{
	char *line;
	bool picked;

	if (q->type == QUIZ_T_ORDER)
		qdoc_text(d, 0, 0, LP_DIM, _("Type the letters in the order "
		    "the segments are sent, then press Enter."));
	for (unsigned pos = 0; pos < q->nopt; pos++) {
		enum lpanel_role r = qdoc_opt_role(q, a, pos, show, &picked);

		line = xmalloc(strlen(q->opt[quiz_shown(q, pos)].text) + 8);
		sprintf(line, "%s%c) %s", picked ? "> " : "  ",
		    exam_label(pos), q->opt[quiz_shown(q, pos)].text);
		qdoc_text(d, 0, 5, r, line);
		free(line);
	}
}

static void
qdoc_verdict(struct qdoc *d, const struct quiz_question *q,
    const struct exam_answer *a)
{
	char *right = exam_answer_str(q), buf[256];

	qdoc_blank(d);
	d->mark = d->p.np;
	if (exam_answer_right(q, a))
		qdoc_text(d, 0, 0, LP_OK, _("Right."));
	else {
		/* TRANSLATORS: the right answer: "B", "C A D B" or "4.15". */
		snprintf(buf, sizeof(buf), a->given ? _("Not quite: the "
		    "answer is %s.") : _("Not answered: the answer is %s."),
		    right);
		qdoc_text(d, 0, 0, LP_BAD, buf);
	}
	if (q->explain != NULL)
		qdoc_text(d, 0, 0, LP_TEXT, q->explain);
	free(right);
}

void
qdoc_question(struct qdoc *d, const struct quiz_question *q,
    const struct exam_answer *a, enum qdoc_show show)
{
	char ans[64], buf[160];

	qdoc_text(d, 0, 0, LP_TEXT, q->stem);
	if (q->figure != NULL) {
		qdoc_blank(d);
		lpanel_addx(&d->p, LP_TEXT, 2, 0, true, q->figure);
	}
	qdoc_blank(d);
	if (q->type == QUIZ_T_NUMERIC)
		qdoc_text(d, 0, 0, LP_DIM, quiz_numeric_hint(q));
	else
		qdoc_options(d, q, a, show);
	d->mark = d->p.np;
	if (a->given && q->type != QUIZ_T_CHOICE) {
		qdoc_blank(d);
		/* TRANSLATORS: "C A D B", or a number of seconds. */
		snprintf(buf, sizeof(buf), _("Your answer: %s"),
		    qdoc_answer_str(q, a, ans, sizeof(ans)));
		qdoc_text(d, 0, 0, LP_TASK, buf);
	}
	if (show == QDOC_JUDGED)
		qdoc_verdict(d, q, a);
}

void
qdoc_overview(struct qdoc *d, const struct exam_session *s)
{
	char ans[64], *line;

	for (size_t i = 0; i < s->ex.n; i++) {
		const struct quiz_question *q = &s->ex.q[i];
		const struct exam_answer *a = &s->ans[i];
		const char *st = a->given ?
		    qdoc_answer_str(q, a, ans, sizeof(ans)) :
		    /* TRANSLATORS: in the list of questions; short. */
		    _("not answered");
		size_t n = strlen(st) + strlen(q->stem) + 32;

		line = xmalloc(n);
		snprintf(line, n, "%3zu. [%s] %s", i + 1, st, q->stem);
		/* One line per question: the painter cuts it at the edge. */
		for (char *p = line; *p != '\0'; p++)
			if (*p == '\n')
				*p = ' ';
		lpanel_addx(&d->p, a->given ? LP_TEXT : LP_TASK, 0, 0, true,
		    line);
		free(line);
	}
}

static void
qdoc_report_one(struct qdoc *d, const struct exam_session *s, size_t i)
{
	const struct quiz_question *q = &s->ex.q[i];
	const struct exam_answer *a = &s->ans[i];
	bool right = exam_answer_right(q, a);
	char ans[64], buf[256], num[24], *key = exam_answer_str(q);

	qdoc_blank(d);
	snprintf(num, sizeof(num), "%zu. ", i + 1);
	snprintf(buf, sizeof(buf), "%s%s", num, right ? _("right") :
	    a->given ? _("wrong") : _("not answered"));
	qdoc_text(d, 0, 0, right ? LP_OK : LP_BAD, buf);
	qdoc_text(d, 3, 0, LP_TEXT, q->stem);
	/* TRANSLATORS: the student's answer, then the right one. */
	snprintf(buf, sizeof(buf), _("Your answer: %s; the answer: %s"),
	    a->given ? qdoc_answer_str(q, a, ans, sizeof(ans)) : "-", key);
	qdoc_text(d, 3, 0, LP_TASK, buf);
	if (q->explain != NULL)
		qdoc_text(d, 3, 0, LP_DIM, q->explain);
	free(key);
}

void
qdoc_report(struct qdoc *d, const struct exam_session *s, bool missed_only)
{
	struct exam_score sc = exam_session_score(s);
	char buf[256];

	/* TRANSLATORS: right answers, questions, percent. */
	snprintf(buf, sizeof(buf), _("Score: %u of %u (%u%%)."), sc.right,
	    sc.total, sc.percent);
	qdoc_text(d, 0, 0, LP_TITLE, buf);
	snprintf(buf, sizeof(buf), _("Answered: %u of %u."), sc.answered,
	    sc.total);
	qdoc_text(d, 0, 0, LP_TEXT, buf);
	if (missed_only && sc.right == sc.total) {
		qdoc_blank(d);
		qdoc_text(d, 0, 0, LP_OK, _("Every answer was right."));
	} else if (missed_only) {
		qdoc_blank(d);
		qdoc_text(d, 0, 0, LP_DIM, _("The questions you missed (n "
		    "and p show each one in full):"));
	}
	for (size_t i = 0; i < s->ex.n; i++)
		if (!missed_only || !exam_answer_right(&s->ex.q[i],
		    &s->ans[i]))
			qdoc_report_one(d, s, i);
	d->mark = d->p.np;
}
