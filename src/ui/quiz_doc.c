/*
 * Building the lines of the quiz screens (see quiz_doc.h).
 *
 * Every sentence goes through view_wrap, which measures display columns
 * with wcwidth and may break CJK text between any two characters, so a
 * Chinese stem fills the width as an English one does.  Nothing here
 * knows the terminal: the painter takes a width and gets lines back.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/i18n.h"
#include "lib/xalloc.h"
#include "ui/quiz_doc.h"
#include "ui/view.h"

#define QDOC_MIN_COLS 8

void
qdoc_init(struct qdoc *d, int width)
{
	memset(d, 0, sizeof(*d));
	d->width = width;
}

void
qdoc_free(struct qdoc *d)
{
	for (size_t i = 0; i < d->n; i++)
		free(d->l[i].text);
	free(d->l);
	memset(d, 0, sizeof(*d));
}

void
qdoc_clear(struct qdoc *d, int width)
{
	for (size_t i = 0; i < d->n; i++)
		free(d->l[i].text);
	d->n = 0;
	d->mark = 0;
	d->width = width;
}

static void
qdoc_add(struct qdoc *d, int indent, enum qdoc_role r, const char *s,
    size_t len)
{
	xgrow(&d->l, &d->cap, d->n + 1, sizeof(*d->l));
	d->l[d->n].text = xstrndup(s, len);
	d->l[d->n].indent = indent;
	d->l[d->n].role = r;
	d->n++;
}

void
qdoc_blank(struct qdoc *d)
{
	qdoc_add(d, 0, QD_TEXT, "", 0);
}

/* One paragraph (no newline), broken greedily; continuation lines are
 * narrower by hang columns. */
static void
qdoc_para(struct qdoc *d, int indent, int hang, enum qdoc_role r,
    const char *p)
{
	size_t off = 0, len = strlen(p), st[1], ln[1];
	int cols = d->width - indent;
	bool first = true;

	if (len == 0) {
		qdoc_blank(d);
		return;
	}
	while (off < len) {
		if (cols < QDOC_MIN_COLS)
			cols = QDOC_MIN_COLS;
		if (view_wrap(p + off, cols, st, ln, 1) == 0)
			break;
		qdoc_add(d, indent, r, p + off + st[0], ln[0]);
		off += st[0] + ln[0];
		while (off < len && p[off] == ' ')
			off++;
		if (first) {
			indent += hang;
			cols -= hang;
			first = false;
		}
	}
}

void
qdoc_text(struct qdoc *d, int indent, int hang, enum qdoc_role r,
    const char *s)
{
	while (s != NULL) {
		const char *nl = strchr(s, '\n');
		char *p = nl ? xstrndup(s, (size_t)(nl - s)) : xstrdup(s);

		qdoc_para(d, indent, hang, r, p);
		free(p);
		s = nl ? nl + 1 : NULL;
	}
}

/* Figures keep their columns: one line each, cut by the painter. */
static void
qdoc_figure(struct qdoc *d, const char *fig)
{
	const char *p = fig;

	while (*p != '\0') {
		size_t n = strcspn(p, "\n");

		qdoc_add(d, 2, QD_FIG, p, n);
		p += n + (p[n] != '\0');
	}
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

static enum qdoc_role
qdoc_opt_role(const struct quiz_question *q, const struct exam_answer *a,
    unsigned pos, enum qdoc_show show, bool *picked)
{
	*picked = q->type == QUIZ_T_CHOICE && a->given && a->choice == pos;
	if (show == QDOC_JUDGED && q->type == QUIZ_T_CHOICE) {
		if (pos == q->correct)
			return QD_OK;
		return *picked ? QD_ERR : QD_TEXT;
	}
	return *picked ? QD_PICK : QD_TEXT;
}

static void
qdoc_options(struct qdoc *d, const struct quiz_question *q,
    const struct exam_answer *a, enum qdoc_show show)
{
	char *line;
	bool picked;

	if (q->type == QUIZ_T_ORDER)
		qdoc_text(d, 0, 0, QD_DIM, _("Type the letters in the order "
		    "the segments are sent, then press Enter."));
	for (unsigned pos = 0; pos < q->nopt; pos++) {
		enum qdoc_role r = qdoc_opt_role(q, a, pos, show, &picked);

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
	d->mark = d->n;
	if (exam_answer_right(q, a))
		qdoc_text(d, 0, 0, QD_OK, _("Right."));
	else {
		/* TRANSLATORS: the right answer: "B", "C A D B" or "4.15". */
		snprintf(buf, sizeof(buf), a->given ? _("Not quite: the "
		    "answer is %s.") : _("Not answered: the answer is %s."),
		    right);
		qdoc_text(d, 0, 0, QD_ERR, buf);
	}
	if (q->explain != NULL)
		qdoc_text(d, 0, 0, QD_TEXT, q->explain);
	free(right);
}

void
qdoc_question(struct qdoc *d, const struct quiz_question *q,
    const struct exam_answer *a, enum qdoc_show show)
{
	char ans[64], buf[160];

	qdoc_text(d, 0, 0, QD_TEXT, q->stem);
	if (q->figure != NULL) {
		qdoc_blank(d);
		qdoc_figure(d, q->figure);
	}
	qdoc_blank(d);
	if (q->type == QUIZ_T_NUMERIC)
		qdoc_text(d, 0, 0, QD_DIM, quiz_numeric_hint(q));
	else
		qdoc_options(d, q, a, show);
	d->mark = d->n;
	if (a->given && q->type != QUIZ_T_CHOICE) {
		qdoc_blank(d);
		/* TRANSLATORS: "C A D B", or a number of seconds. */
		snprintf(buf, sizeof(buf), _("Your answer: %s"),
		    qdoc_answer_str(q, a, ans, sizeof(ans)));
		qdoc_text(d, 0, 0, QD_KEY, buf);
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
		qdoc_add(d, 0, a->given ? QD_TEXT : QD_KEY, line,
		    strlen(line));
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
	qdoc_text(d, 0, 0, right ? QD_OK : QD_ERR, buf);
	qdoc_text(d, 3, 0, QD_TEXT, q->stem);
	/* TRANSLATORS: the student's answer, then the right one. */
	snprintf(buf, sizeof(buf), _("Your answer: %s; the answer: %s"),
	    a->given ? qdoc_answer_str(q, a, ans, sizeof(ans)) : "-", key);
	qdoc_text(d, 3, 0, QD_KEY, buf);
	if (q->explain != NULL)
		qdoc_text(d, 3, 0, QD_DIM, q->explain);
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
	qdoc_text(d, 0, 0, QD_TITLE, buf);
	snprintf(buf, sizeof(buf), _("Answered: %u of %u."), sc.answered,
	    sc.total);
	qdoc_text(d, 0, 0, QD_TEXT, buf);
	if (missed_only && sc.right == sc.total) {
		qdoc_blank(d);
		qdoc_text(d, 0, 0, QD_OK, _("Every answer was right."));
	} else if (missed_only) {
		qdoc_blank(d);
		qdoc_text(d, 0, 0, QD_DIM, _("The questions you missed (n "
		    "and p show each one in full):"));
	}
	for (size_t i = 0; i < s->ex.n; i++)
		if (!missed_only || !exam_answer_right(&s->ex.q[i],
		    &s->ans[i]))
			qdoc_report_one(d, s, i);
	d->mark = d->n;
}
