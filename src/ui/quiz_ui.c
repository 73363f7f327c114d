/*
 * The interactive drill (`tcpteach quiz`) and the main loop it shares
 * with the timed exam (exam_ui.c).
 *
 * The drill asks its questions one at a time and judges each answer at
 * once; at the end it shows the score and lets the learner walk through
 * the questions they missed.  It keeps its answers in an exam session
 * that is never saved, so scoring is the exam's own.  The loop blocks in
 * wget_wch with no timeout unless an exam countdown runs, when it wakes
 * on each second of the clock; KEY_RESIZE is handled here only, and the
 * terminal set-up and signal handling are ui.c's (ui_term_*).
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
#include "quiz/cli.h"
#include "ui/quiz_int.h"
#include "ui/ui.h"

void
qui_message(struct qui *qu, bool err, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(qu->msg, sizeof(qu->msg), fmt, ap);
	va_end(ap);
	qu->msg_err = err;
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
	qu->ntyped = 0;
}

/* How long the loop may block: until the countdown's next second, or
 * for ever (-1) when nothing runs by itself. */
static int
qui_timeout(const struct qui *qu)
{
	uint64_t rem;

	if (qu->mode != QUI_EXAM || qu->done || qu->es.limit_ms == 0)
		return -1;
	rem = exam_session_remaining(&qu->es) % 1000;
	return rem == 0 ? 1000 : (int)rem;
}

static int
qui_loop_key(struct qui *qu, int r, wint_t wch)
{
	if (r == KEY_CODE_YES && wch == KEY_RESIZE) {
		qui_layout(qu);
		return QR_LAYOUT;
	}
	if (qu->small) {
		if (wch == 'q' || wch == 3)
			qu->quit = true;
		return 0;
	}
	return qui_key(qu, r, wch);
}

/* The loop proper; returns when q was confirmed or a quit signal came. */
static void
qui_loop_run(struct qui *qu)
{
	int redraw = QR_ALL;

	qu->last_ms = ui_now_ms();
	while (!qu->quit && ui_term_signal() == 0) {
		WINDOW *in = qu->small ? stdscr : qu->wentry;
		wint_t wch;
		int r;

		if (redraw != 0) {
			qui_draw(qu, redraw);
			doupdate();
		}
		wtimeout(in, qui_timeout(qu));
		r = wget_wch(in, &wch);
		redraw = qu->mode == QUI_EXAM ? qui_exam_tick(qu) : 0;
		if (r != ERR)
			redraw |= qui_loop_key(qu, r, wch);
	}
}

int
qui_refuse(bool exam)
{
	const char *why = ui_term_unusable();

	if (why == NULL)
		return 0;
	/* TRANSLATORS: the program name, then the reason. */
	fprintf(stderr, exam ? _("%s: the timed exam needs a terminal: "
	    "%s.\n") : _("%s: the interactive drill needs a terminal: %s.\n"),
	    PACKAGE, why);
	fprintf(stderr, exam ? _("To print the exam instead, use: %s exam "
	    "--seed S --print\n") : _("Without a terminal, use: %s quiz "
	    "--plain\n"), PACKAGE);
	return UI_EXIT_USAGE;
}

/* Curses on, the loop, curses off; the caller frees what it made. */
int
qui_run(struct qui *qu)
{
	if (!ui_term_start(qu->ascii, &qu->lk))
		return UI_EXIT_USAGE;
	keypad(stdscr, TRUE);
	qdoc_init(&qu->doc, 0);
	qui_layout(qu);
	qui_loop_run(qu);
	ui_term_end();
	qdoc_free(&qu->doc);
	return UI_EXIT_OK;
}

void
qui_free(struct qui *qu)
{
	exam_session_free(&qu->es);
	if (qu->has_offer)
		exam_session_free(&qu->offer);
	free(qu->review);
	free(qu->dir);
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

int
ui_quiz_main(const struct quiz_cli_tui *t, const struct ui_opts *o)
{
	struct qui qu;
	struct exam_score sc;
	int rc;

	if ((rc = qui_refuse(false)) != 0)
		return rc;
	memset(&qu, 0, sizeof(qu));
	qu.mode = QUI_DRILL;
	qu.ascii = o->ascii;
	if (!qui_session(&qu.es, &t->params)) {
		fprintf(stderr, _("%s: no question fits these topics.\n"),
		    PACKAGE);
		return 1;
	}
	rc = qui_run(&qu);
	sc = exam_session_score(&qu.es);
	if (rc == UI_EXIT_OK && sc.answered > 0 && ui_term_signal() == 0)
		printf(_("Drill score: %u of %u.\n"), sc.right, sc.total);
	qui_free(&qu);
	ui_term_reraise();
	return rc;
}
