/*
 * What a sitting's pages say (see sitting.h): the title with its clock,
 * the score line, and the page itself as a struct qdoc of paragraphs
 * built by doc.c, so any front end shows them and the tests read them
 * without a terminal.  A front end adds only its keys and its painting.
 */
#include <config.h>

#include <stdio.h>

#include "lib/i18n.h"
#include "quiz/exam.h"
#include "quiz/sitting.h"

void
sitting_title(const struct sitting *s, char *left, size_t lsize,
    char *right, size_t rsize)
{
	unsigned cur = sitting_current(s) + 1, n = (unsigned)s->es.ex.n;
	bool exam = s->mode == SITTING_EXAM;

	if (s->page == SITTING_REPORT)
		snprintf(left, lsize, "%s", exam ? _(" Exam submitted: the "
		    "report") : _(" Drill over: the report"));
	else if (s->page == SITTING_LIST)
		/* TRANSLATORS: title of the exam's list of questions. */
		snprintf(left, lsize, _(" Exam: %u questions"), n);
	else
		snprintf(left, lsize, exam ? _(" Exam: question %u of %u") :
		    _(" Drill: question %u of %u"), cur, n);
	right[0] = '\0';
	/* While the offer is up the clock is the offered attempt's: the
	 * time it has left, as the page says the time it has used. */
	if (exam && s->has_offer)
		exam_session_clock_text(&s->offer, right, rsize);
	else if (exam && !s->done)
		exam_session_clock_text(&s->es, right, rsize);
}

void
sitting_score_line(const struct sitting *s, char *buf, size_t size)
{
	struct exam_score sc = exam_session_score(&s->es);

	if (s->done || s->mode == SITTING_DRILL)
		/* TRANSLATORS: the running score of the drill. */
		snprintf(buf, size, _(" Score: %u right of %u answered"),
		    sc.right, sc.answered);
	else if (s->es.save_failed)
		/* TRANSLATORS: status bar while the attempt cannot be
		 * written: the answers exist only on screen. */
		snprintf(buf, size, _(" NOT saved: %u of %u answered on "
		    "screen only"), sc.answered, sc.total);
	else
		snprintf(buf, size, _(" Answered %u of %u"), sc.answered,
		    sc.total);
}

/* The drill's keys name how the question up is answered: its letters,
 * the order typed as letters, or a number typed with digits. */
static const char *
sitting_drill_keys(const struct sitting *s, char *buf, size_t size)
{
	const struct quiz_question *q = sitting_question(s);

	if (sitting_judged(s))
		return _("Enter next  ? help  q quit ");
	switch (q->type) {
	case QUIZ_T_CHOICE:
		/* TRANSLATORS: %c is the last option's letter (A-D). */
		snprintf(buf, size, _("A-%c answer  Enter next  ? help  "
		    "q quit "), exam_label(q->nopt - 1));
		return buf;
	case QUIZ_T_ORDER:
		/* TRANSLATORS: %c is the last item's letter (A-F). */
		snprintf(buf, size, _("A-%c type the order  ? help  "
		    "q quit "), exam_label(q->nopt - 1));
		return buf;
	case QUIZ_T_NUMERIC:
		return _("0-9 type the number  ? help  q quit ");
	}
	return "";
}

const char *
sitting_keys(const struct sitting *s, char *buf, size_t size)
{
	if (s->done)
		return _("n/p review  l report  ? help  q quit ");
	if (s->mode == SITTING_EXAM)
		return _("n/p move  l list  S submit  ? help  q quit ");
	return sitting_drill_keys(s, buf, size);
}

/* The offer made when an unsubmitted attempt at this exam was found. */
static void
sitting_doc_offer(const struct sitting *s, struct qdoc *d)
{
	struct exam_score sc = exam_session_score(&s->offer);
	char buf[640];

	qdoc_text(d, 0, 0, LP_TITLE, _("This exam was started before and "
	    "not submitted."));
	/* TRANSLATORS: file name, answered, questions, then the exam time
	 * used as minutes:seconds. */
	snprintf(buf, sizeof(buf), _("The attempt in %s has %u of %u "
	    "questions answered and has used %llu:%02llu of exam time."),
	    s->offer.path, sc.answered, sc.total,
	    (unsigned long long)(s->offer.elapsed_ms / 60000),
	    (unsigned long long)(s->offer.elapsed_ms / 1000 % 60));
	qdoc_blank(d);
	qdoc_text(d, 0, 0, LP_TEXT, buf);
}

void
sitting_doc(const struct sitting *s, struct qdoc *d)
{
	char buf[640];

	qdoc_clear(d);
	if (s->has_offer) {
		sitting_doc_offer(s, d);
		return;
	}
	switch (s->page) {
	case SITTING_QUESTION:
		qdoc_question(d, sitting_question(s),
		    &s->es.ans[sitting_current(s)], sitting_judged(s) ?
		    QDOC_JUDGED : QDOC_ASK);
		break;
	case SITTING_LIST:
		qdoc_overview(d, &s->es);
		break;
	case SITTING_REPORT:
		if (s->mode == SITTING_EXAM && s->es.path != NULL) {
			snprintf(buf, sizeof(buf), _("Your attempt is saved "
			    "in %s"), s->es.path);
			qdoc_text(d, 0, 0, LP_DIM, buf);
		}
		qdoc_report(d, &s->es, s->mode == SITTING_DRILL);
		break;
	}
}
