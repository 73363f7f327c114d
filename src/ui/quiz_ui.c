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

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/i18n.h"
#include "lib/xalloc.h"
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
	qu->rpos = 0;
	qu->nreview = exam_session_review(&qu->es, qu->mode == QUI_DRILL,
	    qu->review);
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
