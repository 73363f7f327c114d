/*
 * The lesson file parser: one line at a time, one keyword per line.
 *
 * Data model: a line is "KEYWORD: TEXT" (the colon may be left out when no
 * text follows).  lesson_keywords[] lists the keywords and lp_fns[] (same
 * order) the function that takes each one's text into the lesson under
 * construction; struct lp remembers where we are: the current step and
 * which keyword came last, so that consecutive say: lines make one
 * paragraph.  Scenario commands (setup, run, check, solution, peek) go to
 * src/script's parser, and its column is shifted to the lesson line.  Each
 * step is checked for completeness when the next one starts or the file
 * ends, and the error names the line that is missing its partner.
 */
#include <config.h>

#include <assert.h>
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/i18n.h"
#include "lib/utf8.h"
#include "lib/slurp.h"
#include "lib/xalloc.h"
#include "lesson/parse_int.h"

const struct lesson_keyword lesson_keywords[] = {
	{ "title", false, N_("The lesson's title (once).") },
	{ "summary", false, N_("One line saying what the lesson teaches.") },
	{ "setup", false, N_("A scenario command played before step 1.") },
	{ "step", true, N_("Starts a step; the text is its title.") },
	{ "fresh", true, N_("This step starts from a new world: earlier "
	    "steps are not replayed.") },
	{ "say", true, N_("Narration; lines join, an empty say: "
	    "starts a paragraph.") },
	{ "run", true, N_("A scenario command played when the step starts.") },
	{ "do", true, N_("A task for the learner.") },
	{ "goal", true, N_("A state to reach in any way.") },
	{ "check", true, N_("An expect command that passes when the task "
	    "is done.") },
	{ "hint", true, N_("One hint, shown on request, in order.") },
	{ "solution", true, N_("A scenario command that does the task.") },
	{ "question", true, N_("A question for the learner.") },
	{ "choice", true, N_("A wrong answer to pick from.") },
	{ "correct", true, N_("The right answer to pick from.") },
	{ "order", true, N_("An item to put in order (listed in order).") },
	{ "peek", true, N_("A command played on a scratch copy of the world "
	    "before answer-from is evaluated.") },
	{ "answer-from", true, N_("The answer, computed from the world.") },
	{ "answer", true, N_("The answer, typed (not about the "
	    "simulation).") },
	{ "explain", true, N_("Shown after the question is answered.") },
};
const size_t lesson_nkeywords =
    sizeof(lesson_keywords) / sizeof(lesson_keywords[0]);

bool
lp_fail(struct lp *p, unsigned col, const char *fmt, ...)
{
	va_list ap;

	p->err->line = p->line;
	p->err->column = col;
	va_start(ap, fmt);
	vsnprintf(p->err->msg, sizeof(p->err->msg), fmt, ap);
	va_end(ap);
	return false;
}

/* Prose is shown on a terminal: valid UTF-8, no control bytes. */
static bool
lp_check_bytes(struct lp *p, const char *s, size_t n)
{
	for (size_t i = 0; i < n; ) {
		const unsigned char *u = (const unsigned char *)s + i;
		size_t k = 1;

		if (*u >= 0x80 && (k = utf8_valid_len(u, n - i)) == 0)
			return lp_fail(p, utf8_chars(s, i) + 1,
			    _("invalid UTF-8 byte 0x%02x"), *u);
		if ((*u < 0x20 && *u != '\t' && *u != '\r') || *u == 0x7f)
			return lp_fail(p, utf8_chars(s, i) + 1,
			    _("invalid byte 0x%02x"), *u);
		i += k;
	}
	return true;
}

/* ------------------------------------------------------------ storing */

/* Consecutive lines of the same prose join with a space, or with nothing
 * where both sides are Chinese (utf8_join_space). */
void
lp_text_add(struct lp *p, struct lesson_text *t, bool join)
{
	size_t old, add = strlen(p->text);
	char *s;

	if (t->s == NULL) {
		t->s = xstrdup(p->text);
		t->line = p->line;
		return;
	}
	old = strlen(t->s);
	s = xmalloc(old + add + 2);
	memcpy(s, t->s, old);
	if (!join || add == 0)
		s[old++] = '\n';
	else if (old > 0 && s[old - 1] != '\n' &&
	    utf8_join_space(t->s, p->text))
		s[old++] = ' ';
	memcpy(s + old, p->text, add + 1);
	free(t->s);
	t->s = s;
}

struct lesson_text *
lp_list_add(struct lp *p, struct lesson_text **v, size_t *n)
{
	/* The capacity is implicit: the next power of two, so a lesson with
	 * many hints grows its list in O(n), not one element at a time. */
	if ((*n & (*n - 1)) == 0)
		*v = xreallocarray(*v, *n ? *n * 2 : 1, sizeof(**v));
	(*v)[*n].s = xstrdup(p->text);
	(*v)[*n].line = p->line;
	return &(*v)[(*n)++];
}

bool
lp_need_text(struct lp *p, const char *what)
{
	if (p->text[0] != '\0')
		return true;
	return lp_fail(p, p->col, _("'%s' needs text after the colon"), what);
}

bool
lp_prose(struct lp *p, struct lesson_text *t, enum lp_key k)
{
	struct lesson_err e;

	if (!lesson_text_check(p->text, &e))
		return lp_fail(p, p->col + e.column - 1, "%s", e.msg);
	lp_text_add(p, t, p->last == k);
	return true;
}

/* A scenario command: parsed by src/script, its column moved to ours. */
bool
lp_cmd(struct lp *p, struct script *s, struct cmd *out)
{
	struct script_err se;
	struct cmd c;
	int r = script_parse_line(p->text, p->line, &c, &se);

	if (r < 0)
		return lp_fail(p, p->col + (se.column ? se.column - 1 : 0),
		    "%s", se.msg);
	if (r == 0)
		return lp_fail(p, p->col, _("a scenario command is missing"));
	if (s != NULL)
		script_append(s, &c);
	if (out != NULL)
		*out = c;
	return true;
}

/* Setup commands come before the first event, along the path the lesson
 * plays: setup, then each step's run lines and then its solution. */
static bool
lp_played(struct lp *p, struct script *s, bool *started)
{
	struct cmd c;

	if (!lp_cmd(p, s, &c))
		return false;
	if (cmd_is_setup(c.kind) && *started)
		return lp_fail(p, p->col, _("'%s' is a setup command; it must "
		    "come before the first event of the lesson"),
		    script_commands[c.kind].name);
	if (!cmd_is_setup(c.kind) && !cmd_is_expect(c.kind))
		*started = true;
	return true;
}

/* ----------------------------------------------------------- keywords */

static bool
lp_title(struct lp *p)
{
	if (p->l->title.s != NULL)
		return lp_fail(p, 1, _("the title is given twice"));
	if (!lp_need_text(p, "title"))
		return false;
	lp_text_add(p, &p->l->title, false);
	return true;
}

static bool
lp_summary(struct lp *p)
{
	if (p->l->summary.s != NULL)
		return lp_fail(p, 1, _("the summary is given twice"));
	if (!lp_need_text(p, "summary"))
		return false;
	lp_text_add(p, &p->l->summary, false);
	return true;
}

static bool
lp_setup(struct lp *p)
{
	return lp_played(p, &p->l->setup, &p->started);
}

static bool
lp_step(struct lp *p)
{
	struct lesson *l = p->l;

	if (p->st != NULL && !lp_step_done(p))
		return false;
	if (l->title.s == NULL || l->summary.s == NULL)
		return lp_fail(p, 1, _("a lesson starts with title: and "
		    "summary: before its first step"));
	xgrow(&l->steps, &l->capsteps, l->nsteps + 1, sizeof(*l->steps));
	p->st = &l->steps[l->nsteps++];
	memset(p->st, 0, sizeof(*p->st));
	p->st->line = p->line;
	p->st->correct = -1;
	if (p->text[0] != '\0')
		lp_text_add(p, &p->st->title, false);
	return true;
}

static bool
lp_fresh(struct lp *p)
{
	if (p->st->run.n > 0 || p->st->kind != LESSON_SAY || p->st->fresh)
		return lp_fail(p, 1, _("fresh: comes once, before the step's "
		    "run: lines"));
	if (p->text[0] != '\0')
		return lp_fail(p, p->col, _("fresh: takes no text"));
	p->st->fresh = true;
	p->started = false;
	return true;
}

static bool
lp_say(struct lp *p)
{
	return lp_prose(p, &p->st->say, K_SAY);
}

static bool
lp_run(struct lp *p)
{
	if (p->st->kind != LESSON_SAY)
		return lp_fail(p, 1, _("run: lines come before the step's "
		    "do:, goal: or question:"));
	return lp_played(p, &p->st->run, &p->started);
}

static bool
lp_task(struct lp *p, bool goal, enum lp_key k)
{
	struct lesson_step *st = p->st;

	if (st->kind == LESSON_QUESTION || (st->kind == LESSON_TASK &&
	    (st->goal != goal || p->last != k)))
		return lp_fail(p, 1, _("a step has one task or question"));
	if (!lp_need_text(p, goal ? "goal" : "do"))
		return false;
	st->kind = LESSON_TASK;
	st->goal = goal;
	return lp_prose(p, &st->task, k);
}

static bool
lp_do(struct lp *p)
{
	return lp_task(p, false, K_DO);
}

static bool
lp_goal(struct lp *p)
{
	return lp_task(p, true, K_GOAL);
}

static bool
lp_in_task(struct lp *p, const char *what)
{
	if (p->st->kind == LESSON_TASK)
		return true;
	return lp_fail(p, 1, _("'%s' belongs to a do: or goal: that comes "
	    "before it in the same step"), what);
}

static bool
lp_check(struct lp *p)
{
	struct cmd c;

	if (!lp_in_task(p, "check") || !lp_cmd(p, NULL, &c))
		return false;
	if (!cmd_is_expect(c.kind))
		return lp_fail(p, p->col, _("check: takes an expect command"));
	script_append(&p->st->check, &c);
	return true;
}

static bool
lp_hint(struct lp *p)
{
	struct lesson_err e;

	if (!lp_in_task(p, "hint") || !lp_need_text(p, "hint"))
		return false;
	if (!lesson_text_check(p->text, &e))
		return lp_fail(p, p->col + e.column - 1, "%s", e.msg);
	lp_list_add(p, &p->st->hints, &p->st->nhints);
	return true;
}

static bool
lp_solution(struct lp *p)
{
	struct cmd c;

	if (!lp_in_task(p, "solution") || !lp_cmd(p, NULL, &c))
		return false;
	if (cmd_is_setup(c.kind))
		return lp_fail(p, p->col, _("a solution cannot change the "
		    "set-up; use setup: or run:"));
	script_append(&p->st->solution, &c);
	return true;
}

static bool (*const lp_fns[])(struct lp *) = {
	lp_title, lp_summary, lp_setup, lp_step, lp_fresh, lp_say, lp_run,
	lp_do, lp_goal, lp_check, lp_hint, lp_solution, lp_question, lp_choice,
	lp_correct, lp_order, lp_peek, lp_answer_from, lp_answer, lp_explain
};

/* ---------------------------------------------------------------- lines */

/* Split "keyword: text"; returns the keyword or K_NONE (error set). */
static enum lp_key
lp_keyword(struct lp *p, char *s, size_t indent)
{
	size_t n = 0, i;

	while (isalpha((unsigned char)s[n]) || s[n] == '-')
		n++;
	for (i = 0; i < lesson_nkeywords; i++)
		if (strlen(lesson_keywords[i].name) == n &&
		    strncmp(s, lesson_keywords[i].name, n) == 0)
			break;
	if (i == lesson_nkeywords) {
		char word[40];

		snprintf(word, sizeof(word), "%.*s", n ? (int)(n < 32 ? n : 32)
		    : 1, s);
		lp_fail(p, (unsigned)indent + 1, _("unknown keyword '%s' "
		    "(a line is KEYWORD: TEXT; see doc/lesson-format.md)"),
		    word);
		return K_NONE;
	}
	s += n;
	while (*s == ' ' || *s == '\t')
		s++;
	if (*s != ':' && *s != '\0') {
		lp_fail(p, (unsigned)(indent + n) + 1, _("a colon must follow "
		    "'%s'"), lesson_keywords[i].name);
		return K_NONE;
	}
	if (*s == ':')
		s++;
	while (*s == ' ' || *s == '\t')
		s++;
	p->text = s;
	return (enum lp_key)i;
}

static bool
lp_line(struct lp *p, char *s, size_t len)
{
	size_t indent = 0;
	enum lp_key k;

	while (len > 0 && (s[len - 1] == '\r' || s[len - 1] == ' ' ||
	    s[len - 1] == '\t'))
		s[--len] = '\0';
	if (!lp_check_bytes(p, s, len))
		return false;
	while (s[indent] == ' ' || s[indent] == '\t')
		indent++;
	if (s[indent] == '\0' || s[indent] == '#') {
		p->last = K_NONE;
		return true;
	}
	if ((k = lp_keyword(p, s + indent, indent)) == K_NONE)
		return false;
	p->col = utf8_chars(s, (size_t)(p->text - s)) + 1;
	if (lesson_keywords[k].in_step && k != K_STEP && p->st == NULL)
		return lp_fail(p, (unsigned)indent + 1, _("'%s' belongs in a "
		    "step; start one with a step: line"),
		    lesson_keywords[k].name);
	if (!lesson_keywords[k].in_step && p->st != NULL)
		return lp_fail(p, (unsigned)indent + 1, _("'%s' belongs "
		    "before the first step"), lesson_keywords[k].name);
	if (!lp_fns[k](p))
		return false;
	p->last = k;
	return true;
}

static void
lp_names(struct lesson *l, const char *file)
{
	const char *base = strrchr(file, '/');
	size_t n;

	base = base != NULL ? base + 1 : file;
	n = strlen(base);
	if (n > 7 && strcmp(base + n - 7, ".lesson") == 0)
		n -= 7;
	l->file = xstrdup(file);
	l->name = xstrndup(base, n);
	l->num = (unsigned)strtoul(l->name, NULL, 10);
}

static bool
lp_finish(struct lp *p)
{
	if (p->st != NULL)
		return lp_step_done(p);
	p->line = p->line > 0 ? p->line : 1;
	if (p->l->title.s == NULL)
		return lp_fail(p, 0, _("the lesson has no title: line"));
	if (p->l->summary.s == NULL)
		return lp_fail(p, 0, _("the lesson has no summary: line"));
	return lp_fail(p, 0, _("the lesson has no step"));
}

bool
lesson_parse_buf(const char *file, const char *buf, size_t len,
    struct lesson *l, struct lesson_err *err)
{
	struct lp p = { .l = l, .err = err, .last = K_NONE };
	char *copy = xstrndup(buf, len);
	size_t i;
	bool ok = true;

	assert(sizeof(lp_fns) / sizeof(lp_fns[0]) == lesson_nkeywords);
	memset(l, 0, sizeof(*l));
	memset(err, 0, sizeof(*err));
	snprintf(err->file, sizeof(err->file), "%s", file);
	if (strlen(copy) != len) {
		p.line = 1;
		for (size_t j = 0; buf[j] != '\0'; j++)
			p.line += buf[j] == '\n';
		ok = lp_fail(&p, 0, _("the file contains a NUL byte"));
	}
	i = slurp_bom(copy, len);
	while (ok && i < len) {
		char *nl = memchr(copy + i, '\n', len - i);
		size_t end = nl != NULL ? (size_t)(nl - copy) : len;
		size_t cr = slurp_lone_cr(copy + i, end - i);

		copy[end] = '\0';
		p.line++;
		if (cr < end - i)
			ok = lp_fail(&p, utf8_chars(copy + i, cr) + 1, "%s",
			    slurp_cr_msg());
		else
			ok = lp_line(&p, copy + i, end - i);
		i = end + 1;
	}
	if (ok)
		ok = lp_finish(&p);
	free(copy);
	if (!ok) {
		lesson_free(l);
		return false;
	}
	lp_names(l, file);
	return true;
}
