/*
 * The interactive drill (`tcpteach quiz`) and what it shares with the
 * timed exam (exam_ui.c): the state, the questions, the end.
 *
 * The drill asks its questions one at a time and judges each answer at
 * once; at the end it shows the score and lets the learner walk through
 * the questions they missed.  It keeps its answers in an exam session
 * that is never saved, so scoring is the exam's own.  No curses here.
 */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lib/i18n.h"
#include "lib/xalloc.h"
#include "quiz/bank.h"
#include "ui/quiz_int.h"

void
qui_init(struct qui *qu, enum qui_mode mode)
{
	memset(qu, 0, sizeof(*qu));
	qu->mode = mode;
	qu->sc.def = mode == QUI_EXAM ? &qui_exam_def : &qui_drill_def;
	qu->sc.state = qu;
	qu->body_rows = 1;
	lpanel_init(&qu->doc.p);
}

unsigned
qui_current(const struct qui *qu)
{
	return qu->es.current < qu->es.ex.n ? qu->es.current : 0;
}

/* Answers are final: list what n and p walk, and show the report. */
void
qui_finish(struct qui *qu)
{
	exam_session_submit(&qu->es);
	qu->done = true;
	free(qu->review);
	qu->review = xcalloc(qu->es.ex.n ? qu->es.ex.n : 1,
	    sizeof(*qu->review));
	qu->nreview = qu->rpos = 0;
	for (size_t i = 0; i < qu->es.ex.n; i++)
		if (qu->mode == QUI_EXAM ||
		    !exam_answer_right(&qu->es.ex.q[i], &qu->es.ans[i]))
			qu->review[qu->nreview++] = (unsigned)i;
	qu->screen = QUI_S_REPORT;
	qu->top = 0;
}

void
qui_free(struct qui *qu)
{
	exam_session_free(&qu->es);
	if (qu->has_offer)
		exam_session_free(&qu->offer);
	free(qu->review);
	free(qu->dir);
	lpanel_free(&qu->doc.p);
}

/* The session with its questions, from the bank of the language asked
 * for (unless --no-bank); false if no question fits. */
bool
qui_session(struct exam_session *s, const struct exam_params *p)
{
	struct quiz_bank bank;
	struct script_err e;
	bool ok;

	quiz_bank_init(&bank);
	if (!p->generated_only)
		(void)quiz_bank_load_lang(&bank, p->lang, &e);
	ok = exam_session_start(s, p, &bank, (int64_t)time(NULL));
	quiz_bank_free(&bank);
	return ok;
}
