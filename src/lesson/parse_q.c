/*
 * The lesson parser, second half: the question keywords, the check that
 * a finished step has everything it needs, and reading files.
 *
 * Data model: see parse.c and parse_int.h.  A question's kind follows
 * from its lines: choice:/correct: make a multiple choice, order: an
 * ordering, and otherwise the learner types a value (answer: or
 * answer-from:).
 */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lib/i18n.h"
#include "lib/slurp.h"
#include "lib/xalloc.h"
#include "lesson/parse_int.h"

bool
lp_question(struct lp *p)
{
	struct lesson_step *st = p->st;

	if (st->kind == LESSON_TASK || (st->kind == LESSON_QUESTION &&
	    p->last != K_QUESTION))
		return lp_fail(p, 1, _("a step has one task or question"));
	if (!lp_need_text(p, "question"))
		return false;
	st->kind = LESSON_QUESTION;
	st->qkind = LESSON_Q_VALUE;
	return lp_prose(p, &st->question, K_QUESTION);
}

static bool
lp_in_question(struct lp *p, const char *what)
{
	if (p->st->kind == LESSON_QUESTION)
		return true;
	return lp_fail(p, 1, _("'%s' belongs to a question: that comes "
	    "before it in the same step"), what);
}

/* choice:, correct: and order: make a list; the first sets its kind. */
static bool
lp_item(struct lp *p, const char *what, enum lesson_qkind kind)
{
	struct lesson_step *st = p->st;
	struct lesson_err e;

	if (!lp_in_question(p, what) || !lp_need_text(p, what))
		return false;
	if (st->nchoices > 0 && st->qkind != kind)
		return lp_fail(p, 1, _("a question has either choices or "
		    "order: items, not both"));
	if (!lesson_text_check(p->text, &e))
		return lp_fail(p, p->col + e.column - 1, "%s", e.msg);
	/* Two items with the same text look like two answers and only one
	 * counts: a learner picking the first would be told wrong. */
	for (size_t i = 0; i < st->nchoices; i++)
		if (strcasecmp(st->choices[i].s, p->text) == 0)
			return lp_fail(p, p->col, _("'%s' repeats the item on "
			    "line %u"), p->text, st->choices[i].line);
	st->qkind = kind;
	lp_list_add(p, &st->choices, &st->nchoices);
	return true;
}

bool
lp_choice(struct lp *p)
{
	return lp_item(p, "choice", LESSON_Q_CHOICE);
}

bool
lp_correct(struct lp *p)
{
	if (p->st->correct >= 0 && p->st->kind == LESSON_QUESTION)
		return lp_fail(p, 1, _("a question has one correct: choice"));
	if (!lp_item(p, "correct", LESSON_Q_CHOICE))
		return false;
	p->st->correct = (int)p->st->nchoices - 1;
	return true;
}

bool
lp_order(struct lp *p)
{
	return lp_item(p, "order", LESSON_Q_ORDER);
}

bool
lp_peek(struct lp *p)
{
	struct cmd c;

	if (!lp_in_question(p, "peek") || !lp_cmd(p, NULL, &c))
		return false;
	if (cmd_is_setup(c.kind))
		return lp_fail(p, p->col, _("peek: cannot change the set-up"));
	script_append(&p->st->peek, &c);
	return true;
}

bool
lp_answer_from(struct lp *p)
{
	struct lesson_step *st = p->st;
	struct lesson_err e;

	if (!lp_in_question(p, "answer-from"))
		return false;
	if (st->has_query || st->answer.s != NULL)
		return lp_fail(p, 1, _("a question has one answer"));
	if (!lesson_query_parse(p->text, strlen(p->text), &st->query, &e))
		return lp_fail(p, p->col + e.column - 1, "%s", e.msg);
	if (st->query.t[0].kind == LQ_ANSWER)
		return lp_fail(p, p->col, _("answer-from: cannot be {answer}"));
	st->has_query = true;
	st->query_line = p->line;
	return true;
}

bool
lp_answer(struct lp *p)
{
	struct lesson_step *st = p->st;

	if (!lp_in_question(p, "answer") || !lp_need_text(p, "answer"))
		return false;
	if (st->has_query || st->answer.s != NULL)
		return lp_fail(p, 1, _("a question has one answer"));
	lp_text_add(p, &st->answer, false);
	return true;
}

bool
lp_explain(struct lp *p)
{
	if (!lp_in_question(p, "explain"))
		return false;
	return lp_prose(p, &p->st->explain, K_EXPLAIN);
}

/* ------------------------------------------------------ step complete */

static bool
lp_step_fail(struct lp *p, unsigned line, const char *msg)
{
	p->line = line;
	return lp_fail(p, 1, "%s", msg);
}

static bool
lp_task_done(struct lp *p, const struct lesson_step *st)
{
	const char *k = st->goal ? "goal" : "do";
	char msg[128];

	if (st->check.n == 0) {
		snprintf(msg, sizeof(msg), _("this %s: has no check: line"), k);
		return lp_step_fail(p, st->task.line, msg);
	}
	if (st->solution.n == 0) {
		snprintf(msg, sizeof(msg), _("this %s: has no solution: "
		    "line"), k);
		return lp_step_fail(p, st->task.line, msg);
	}
	for (size_t i = 0; i < st->solution.n; i++)
		if (!cmd_is_expect(st->solution.cmds[i].kind))
			p->started = true;
	return true;
}

static bool
lp_question_done(struct lp *p, const struct lesson_step *st)
{
	unsigned ln = st->question.line;
	bool choice = st->qkind == LESSON_Q_CHOICE && st->nchoices > 0;

	if (st->explain.s == NULL)
		return lp_step_fail(p, ln, _("this question has no explain:"));
	if (st->nchoices == 1)
		return lp_step_fail(p, ln, _("a question needs at least two "
		    "choices or order: items"));
	if (choice && st->has_query == (st->correct >= 0))
		return lp_step_fail(p, ln, _("choices need exactly one of: a "
		    "correct: line, or answer-from:"));
	if (choice && st->answer.s != NULL)
		return lp_step_fail(p, ln, _("choices take correct:, not "
		    "answer:"));
	if (st->qkind == LESSON_Q_ORDER && (st->has_query ||
	    st->answer.s != NULL))
		return lp_step_fail(p, ln, _("order: items are the answer; "
		    "drop answer: and answer-from:"));
	if (st->nchoices == 0 && !st->has_query && st->answer.s == NULL)
		return lp_step_fail(p, ln, _("this question has no answer: "
		    "or answer-from:"));
	if (st->peek.n > 0 && !st->has_query)
		return lp_step_fail(p, ln, _("peek: is only useful with "
		    "answer-from:"));
	return true;
}

bool
lp_step_done(struct lp *p)
{
	const struct lesson_step *st = p->st;
	unsigned line = p->line;
	bool ok = true;

	if (st->kind == LESSON_TASK)
		ok = lp_task_done(p, st);
	else if (st->kind == LESSON_QUESTION)
		ok = lp_question_done(p, st);
	else if (st->say.s == NULL && st->run.n == 0)
		ok = lp_step_fail(p, st->line, _("this step is empty"));
	if (ok)
		p->line = line;
	return ok;
}


/* ------------------------------------------------------------- files */

#define LESSON_MAXSIZE (1 << 20)

bool
lesson_load(const char *path, struct lesson *l, struct lesson_err *err)
{
	char *buf;
	size_t len;
	bool ok;

	memset(l, 0, sizeof(*l));
	memset(err, 0, sizeof(*err));
	snprintf(err->file, sizeof(err->file), "%s", path);
	buf = slurp_file(path, LESSON_MAXSIZE, &len, err->msg,
	    sizeof(err->msg));
	if (buf == NULL)
		return false;
	ok = lesson_parse_buf(path, buf, len, l, err);
	free(buf);
	return ok;
}

static void
lesson_texts_free(struct lesson_text *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].s);
	free(v);
}

static void
lesson_step_free(struct lesson_step *st)
{
	free(st->title.s);
	free(st->say.s);
	script_free(&st->run);
	free(st->task.s);
	script_free(&st->check);
	lesson_texts_free(st->hints, st->nhints);
	script_free(&st->solution);
	free(st->question.s);
	lesson_texts_free(st->choices, st->nchoices);
	script_free(&st->peek);
	free(st->answer.s);
	free(st->explain.s);
}

void
lesson_free(struct lesson *l)
{
	for (size_t i = 0; i < l->nsteps; i++)
		lesson_step_free(&l->steps[i]);
	free(l->steps);
	free(l->file);
	free(l->name);
	free(l->title.s);
	free(l->summary.s);
	script_free(&l->setup);
	memset(l, 0, sizeof(*l));
}
