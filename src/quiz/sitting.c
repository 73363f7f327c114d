/*
 * A sitting of the drill or the exam (see sitting.h): answering, moving
 * between questions and pages, the exam's clock, submitting, and the
 * attempt file.
 *
 * The drill asks its questions one at a time, judges each answer at
 * once and goes forward only; at the end it reviews the missed ones.
 * The exam gives no feedback until the end: answers can be changed until
 * it is submitted, by the student or by the clock, and the attempt file
 * is rewritten after every change, on leaving and every few seconds of a
 * countdown, so an interrupted attempt resumes with the time it had used.
 */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/i18n.h"
#include "lib/xalloc.h"
#include "quiz/sitting.h"

void
sitting_init(struct sitting *s, enum sitting_mode mode)
{
	memset(s, 0, sizeof(*s));
	s->mode = mode;
}

void
sitting_free(struct sitting *s)
{
	exam_session_free(&s->es);
	if (s->has_offer)
		exam_session_free(&s->offer);
	free(s->review);
	free(s->dir);
}

unsigned
sitting_current(const struct sitting *s)
{
	return s->es.current < s->es.ex.n ? s->es.current : 0;
}

const struct quiz_question *
sitting_question(const struct sitting *s)
{
	return &s->es.ex.q[sitting_current(s)];
}

bool
sitting_judged(const struct sitting *s)
{
	return s->done || (s->mode == SITTING_DRILL &&
	    s->es.ans[sitting_current(s)].given);
}

bool
sitting_typing_due(const struct sitting *s)
{
	return s->page == SITTING_QUESTION && !sitting_judged(s) &&
	    sitting_question(s)->type != QUIZ_T_CHOICE;
}

static enum sitting_change
sitting_say(struct sitting *s, bool err, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(s->say, sizeof(s->say), fmt, ap);
	va_end(ap);
	s->say_err = err;
	return SITTING_SAID;
}

static enum sitting_change
sitting_nothing(struct sitting *s)
{
	return sitting_say(s, true, "%s", _("That key does nothing here. "
	    "Press ? for the list of keys."));
}

/* Can the question on the page still take an answer? Says why not. */
static bool
sitting_open(struct sitting *s)
{
	if (s->page != SITTING_QUESTION) {
		sitting_nothing(s);
		return false;
	}
	if (sitting_judged(s)) {
		sitting_say(s, false, "%s", s->done ? _("The answers are "
		    "final now: n and p walk through them.") : _("This "
		    "question is answered: press Enter for the next one."));
		return false;
	}
	return true;
}

bool
sitting_save(struct sitting *s)
{
	if (s->es.path == NULL)
		return false;
	if (exam_session_save(&s->es) < 0) {
		sitting_say(s, true, "%s", s->es.save_err);
		return false;
	}
	s->saved_elapsed = s->es.elapsed_ms;
	return true;
}

/* An answer was recorded: judge it (drill) or save it (exam). */
static enum sitting_change
sitting_answered(struct sitting *s)
{
	if (s->mode == SITTING_DRILL)
		return SITTING_JUDGED;
	sitting_save(s);
	return SITTING_REDRAW;
}

enum sitting_change
sitting_letter(struct sitting *s, unsigned pos)
{
	const struct quiz_question *q = sitting_question(s);

	if (!sitting_open(s))
		return SITTING_SAID;
	if (q->type == QUIZ_T_NUMERIC)
		return sitting_say(s, true, "%s", quiz_numeric_hint(q));
	if (pos >= q->nopt)
		return sitting_say(s, true, _("Only A to %c here."),
		    exam_label(q->nopt - 1));
	if (q->type != QUIZ_T_CHOICE)
		return SITTING_TYPE;
	exam_session_choose(&s->es, sitting_current(s), pos);
	return sitting_answered(s);
}

enum sitting_change
sitting_digit(struct sitting *s)
{
	if (!sitting_open(s))
		return SITTING_SAID;
	if (sitting_question(s)->type != QUIZ_T_NUMERIC)
		return sitting_say(s, true, "%s", _("Digits answer the "
		    "questions that ask for seconds; here, press a letter."));
	return SITTING_TYPE;
}

/* Text that does not parse is to be fixed: SITTING_TYPE again. */
enum sitting_change
sitting_typed(struct sitting *s, const char *text)
{
	const struct quiz_question *q = sitting_question(s);
	unsigned cur = sitting_current(s);
	struct exam_answer a;

	if (*text == '\0')
		return SITTING_SAID;
	if (!exam_answer_parse(q, text, &a)) {
		sitting_say(s, true, "%s", exam_answer_how(q));
		return SITTING_TYPE;
	}
	if (q->type == QUIZ_T_ORDER)
		exam_session_order(&s->es, cur, a.order, q->nopt);
	else
		exam_session_number(&s->es, cur, a.number_ms);
	return sitting_answered(s);
}

enum sitting_change
sitting_clear(struct sitting *s)
{
	if (!sitting_open(s))
		return SITTING_SAID;
	exam_session_clear(&s->es, sitting_current(s));
	sitting_save(s);
	return SITTING_REDRAW;
}

/* Open a question of the review, or the chosen one of the list. */
static enum sitting_change
sitting_open_question(struct sitting *s, unsigned i)
{
	s->es.current = i;
	s->page = SITTING_QUESTION;
	return SITTING_NEW_PAGE;
}

/* Answers are final: list what n and p walk (the drill's missed
 * questions, every question of the exam), and show the report. */
static void
sitting_finish(struct sitting *s)
{
	exam_session_submit(&s->es);
	s->done = true;
	free(s->review);
	s->review = xcalloc(s->es.ex.n ? s->es.ex.n : 1, sizeof(*s->review));
	s->rpos = 0;
	s->nreview = 0;
	for (unsigned i = 0; i < s->es.ex.n; i++)
		if (s->mode == SITTING_EXAM ||
		    !exam_answer_right(&s->es.ex.q[i], &s->es.ans[i]))
			s->review[s->nreview++] = i;
	s->page = SITTING_REPORT;
}

enum sitting_change
sitting_enter(struct sitting *s)
{
	if (s->page == SITTING_LIST)
		return sitting_open_question(s, s->listsel);
	if (s->page == SITTING_REPORT)
		return s->nreview == 0 ? sitting_nothing(s) :
		    sitting_open_question(s, s->review[s->rpos]);
	if (!sitting_judged(s) && s->mode == SITTING_DRILL)
		return sitting_say(s, false, "%s", _("Answer first, or press "
		    "n to skip this question."));
	return sitting_move(s, 1);
}

static enum sitting_change
sitting_move_review(struct sitting *s, int d)
{
	if (s->nreview == 0) {
		s->page = SITTING_REPORT;
		return SITTING_REDRAW;
	}
	if (s->page == SITTING_QUESTION && (d < 0 ? s->rpos == 0 :
	    s->rpos + 1 >= s->nreview))
		return sitting_say(s, false, "%s", _("That is all: l shows "
		    "the report, q quits."));
	if (s->page == SITTING_QUESTION)
		s->rpos = d < 0 ? s->rpos - 1 : s->rpos + 1;
	return sitting_open_question(s, s->review[s->rpos]);
}

/* The drill goes forward only; an unanswered question is skipped. */
static enum sitting_change
sitting_move_drill(struct sitting *s, int d)
{
	unsigned cur = sitting_current(s);

	if (d < 0)
		return sitting_say(s, false, "%s", _("The drill goes forward "
		    "only; at the end you can review what you missed."));
	if (cur + 1 >= s->es.ex.n) {
		sitting_finish(s);
		return SITTING_NEW_PAGE;
	}
	return sitting_open_question(s, cur + 1);
}

enum sitting_change
sitting_move(struct sitting *s, int d)
{
	unsigned cur = sitting_current(s);

	if (s->page == SITTING_LIST)
		return sitting_list_move(s, d);
	if (s->done)
		return sitting_move_review(s, d);
	if (s->mode == SITTING_DRILL)
		return sitting_move_drill(s, d);
	if (d < 0 ? cur == 0 : cur + 1 >= s->es.ex.n)
		return sitting_say(s, false, "%s", d < 0 ? _("This is the "
		    "first question.") : _("This is the last question: S "
		    "submits the exam."));
	return sitting_open_question(s, d < 0 ? cur - 1 : cur + 1);
}

enum sitting_change
sitting_list_move(struct sitting *s, int step)
{
	step += (int)s->listsel;
	step = step < 0 ? 0 : step;
	s->listsel = (unsigned)step >= s->es.ex.n ?
	    (unsigned)s->es.ex.n - 1 : (unsigned)step;
	return SITTING_MOVED;
}

enum sitting_change
sitting_list(struct sitting *s)
{
	if (s->done && s->page == SITTING_REPORT)
		return s->nreview ? sitting_open_question(s,
		    s->review[s->rpos]) : SITTING_NONE;
	if (s->done) {
		s->page = SITTING_REPORT;
		return SITTING_NEW_PAGE;
	}
	if (s->mode == SITTING_DRILL)
		return sitting_say(s, false, "%s", _("The report comes at the "
		    "end of the drill."));
	s->listsel = sitting_current(s);
	s->page = s->page == SITTING_LIST ? SITTING_QUESTION : SITTING_LIST;
	return SITTING_NEW_PAGE;
}

/* Esc: back from the list to the question. */
enum sitting_change
sitting_back(struct sitting *s)
{
	s->page = SITTING_QUESTION;
	return SITTING_REDRAW;
}

const char *
sitting_submit_ask(struct sitting *s, char *buf, size_t size)
{
	struct exam_score score = exam_session_score(&s->es);

	if (s->done) {
		sitting_say(s, false, "%s", _("The exam is submitted "
		    "already."));
		return NULL;
	}
	snprintf(buf, size, _("Submit now? %u of %u answered. y: submit, "
	    "other key: back"), score.answered, score.total);
	return buf;
}

enum sitting_change
sitting_submit(struct sitting *s, bool timeout, int64_t now_epoch)
{
	/* A submission that was not written is no submission: no key. */
	if (!exam_session_submit_save(&s->es, now_epoch)) {
		sitting_say(s, true, _("NOT submitted: %s"), s->es.save_err);
		return SITTING_REDRAW;
	}
	sitting_finish(s);
	sitting_say(s, timeout, "%s", timeout ? _("Time is up: your "
	    "answers were submitted.") : _("Submitted."));
	return SITTING_NEW_PAGE;
}

const char *
sitting_quit_ask(const struct sitting *s)
{
	if (s->mode != SITTING_EXAM || s->done)
		return NULL;
	return s->es.save_failed ? _("Quit? Your answers are NOT saved and "
	    "will be lost. y: quit, other key: back") : _("Quit? Answers "
	    "stay saved, not submitted. y: quit, other key: back");
}

enum sitting_change
sitting_tick(struct sitting *s, uint64_t delta_ms, int64_t now_epoch)
{
	if (s->done || s->has_offer)
		return SITTING_NONE;
	if (exam_session_tick(&s->es, delta_ms))
		return sitting_submit(s, true, now_epoch);
	if (s->es.limit_ms == 0)
		return SITTING_NONE;
	if (s->es.elapsed_ms - s->saved_elapsed >= SITTING_SAVE_EVERY_MS)
		sitting_save(s);
	return SITTING_CLOCK;
}

int
sitting_next_tick(const struct sitting *s)
{
	return s->done ? -1 : exam_session_next_second(&s->es);
}

/* An unsubmitted attempt at the very same exam, if one is lying there. */
static void
sitting_find_offer(struct sitting *s, const struct exam_params *p)
{
	char *latest = exam_attempt_latest(s->dir, p), err[512];

	if (latest == NULL)
		return;
	if (exam_session_resume(&s->offer, latest, err, sizeof(err))) {
		s->has_offer = !s->offer.submitted &&
		    exam_params_same(&s->offer.ex.p, p);
		if (!s->has_offer)
			exam_session_free(&s->offer);
	}
	free(latest);
}

/* The results directory and its lock: one running exam per student. */
static bool
sitting_lock(struct sitting *s, long pid, char *err, size_t errsize)
{
	return exam_results_ready(s->dir, err, errsize) &&
	    exam_session_lock(&s->es, s->dir, pid, err, errsize);
}

int
sitting_exam_open(struct sitting *s, const struct quiz_cli_tui *t,
    long pid, int64_t now_epoch, char *err, size_t errsize)
{
	/* A resumed attempt stays in its own directory. */
	s->dir = t->results_dir != NULL ? xstrdup(t->results_dir) :
	    t->resume != NULL ? exam_attempt_dir(t->resume) :
	    exam_results_dir();
	if (t->resume != NULL) {
		if (!exam_session_resume(&s->es, t->resume, err, errsize) ||
		    !sitting_lock(s, pid, err, errsize))
			return TT_EXIT_USAGE;
		exam_session_note(&s->es, EXAM_EV_RESUME, now_epoch);
		return TT_EXIT_OK;
	}
	if (!exam_session_start_lang(&s->es, &t->params, now_epoch)) {
		snprintf(err, errsize, "%s", _("no question fits these "
		    "topics."));
		return TT_EXIT_FAIL;
	}
	if (!sitting_lock(s, pid, err, errsize))
		return TT_EXIT_USAGE;
	s->es.path = exam_attempt_path(s->dir, &s->es);
	sitting_find_offer(s, &t->params);
	/* Before the screen is up a failed save has nobody to tell but
	 * the status line, which says NOT saved. */
	if (!s->has_offer && !sitting_save(s))
		s->say[0] = '\0';
	return TT_EXIT_OK;
}

enum sitting_change
sitting_resume(struct sitting *s, bool yes, int64_t now_epoch)
{
	if (yes) {
		exam_session_adopt(&s->es, &s->offer, now_epoch);
		sitting_say(s, false, _("Resumed the attempt in %s."),
		    s->es.path);
	} else {
		exam_session_afresh(&s->es, &s->offer, now_epoch);
		exam_session_free(&s->offer);
	}
	s->has_offer = false;
	sitting_save(s);
	return SITTING_REDRAW;
}

void
sitting_leave(struct sitting *s, int64_t now_epoch)
{
	if (s->es.submitted || s->has_offer)
		return;
	exam_session_note(&s->es, EXAM_EV_SUSPEND, now_epoch);
	sitting_save(s);
}
