/*
 * The timed exam (`tcpteach exam` without --print, --key or --export).
 *
 * No feedback until the end: answers can be changed until the exam is
 * submitted, by the student (S, confirmed) or by the clock.  The attempt
 * is one JSON file in the results directory, rewritten atomically after
 * every change, on quitting, on a quit signal and every few seconds of a
 * countdown, so an interrupted attempt resumes where it stopped, with the
 * time it had used (--resume FILE, or the offer made when an unsubmitted
 * attempt at the same exam is found).  Time is measured with the
 * monotonic clock and handed to the session, which never reads a clock.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "lib/diag.h"
#include "lib/i18n.h"
#include "lib/mono.h"
#include "lib/xalloc.h"
#include "quiz/cli.h"
#include "ui/quiz_int.h"
#include "ui/ui_int.h"

static bool
qui_exam_save(struct qui *qu)
{
	if (qu->es.path == NULL)
		return false;
	if (exam_session_save(&qu->es) < 0) {
		qui_message(qu, true, "%s", qu->es.save_err);
		return false;
	}
	qu->saved_elapsed = qu->es.elapsed_ms;
	return true;
}

int
qui_exam_changed(struct qui *qu)
{
	qui_exam_save(qu);
	return UI_R_ALL;
}

int
qui_exam_submit(struct qui *qu, bool timeout)
{
	if (qu->sc.app != NULL && qu->sc.app->askscreen == &qu->sc)
		qu->sc.app->ask = APP_ASK_NONE;
	/* A submission that was not written is no submission: no key. */
	if (!exam_session_submit_save(&qu->es, (int64_t)time(NULL))) {
		qui_message(qu, true, _("NOT submitted: %s"), qu->es.save_err);
		return UI_R_ALL;
	}
	qui_finish(qu);
	qui_message(qu, timeout, "%s", timeout ? _("Time is up: your "
	    "answers were submitted.") : _("Submitted."));
	return UI_R_ALL;
}

/* Let the monotonic clock's time pass into the session. */
int
qui_exam_tick(struct screen *sc, uint64_t now)
{
	struct qui *qu = sc->state;
	uint64_t d = now - qu->last_ms;

	qu->last_ms = now;
	if (qu->done || qu->has_offer)
		return 0;
	if (exam_session_tick(&qu->es, d))
		return qui_exam_submit(qu, true);
	if (qu->es.limit_ms == 0)
		return 0;
	if (qu->es.elapsed_ms - qu->saved_elapsed >= QUI_SAVE_EVERY_MS)
		qui_exam_save(qu);
	return QR_TITLE | QR_STATUS;
}

/* How long the loop may block: until the countdown's next second, or
 * for ever (-1) when nothing runs by itself. */
int
qui_exam_busy(const struct screen *sc, uint64_t now)
{
	const struct qui *qu = sc->state;

	(void)now;
	return qu->done ? -1 : exam_session_next_second(&qu->es);
}

static int
qui_exam_resume_done(struct screen *sc, bool yes)
{
	struct qui *qu = sc->state;

	if (yes) {
		exam_session_adopt(&qu->es, &qu->offer, (int64_t)time(NULL));
		qui_message(qu, false, _("Resumed the attempt in %s."),
		    qu->es.path);
	} else {
		exam_session_afresh(&qu->es, &qu->offer, (int64_t)time(NULL));
		exam_session_free(&qu->offer);
	}
	qu->has_offer = false;
	qu->last_ms = mono_ms();
	qui_exam_save(qu);
	return UI_R_ALL;
}

/* Ask about an attempt found lying there, once the screen is up. */
void
qui_exam_offer(struct qui *qu)
{
	if (qu->has_offer)
		screen_ask(&qu->sc, APP_ASK_STRICT, _("Resume that attempt? y: "
		    "resume, n: start afresh"), qui_exam_resume_done);
}

/* An unsubmitted attempt at the very same exam, if one is lying there. */
static void
qui_exam_find_offer(struct qui *qu, const struct exam_params *p)
{
	char *latest = exam_attempt_latest(qu->dir, p), err[512];

	if (latest == NULL)
		return;
	if (exam_session_resume(&qu->offer, latest, err, sizeof(err))) {
		qu->has_offer = !qu->offer.submitted &&
		    exam_params_same(&qu->offer.ex.p, p);
		if (!qu->has_offer)
			exam_session_free(&qu->offer);
	}
	free(latest);
}

int
qui_exam_open(struct qui *qu, const struct quiz_cli_tui *t)
{
	char err[1024];

	if (t->resume != NULL) {
		if (!exam_session_resume(&qu->es, t->resume, err,
		    sizeof(err)) || !exam_results_ready(qu->dir, err,
		    sizeof(err)) || !exam_session_lock(&qu->es, qu->dir,
		    (long)getpid(), err, sizeof(err))) {
			fprintf(stderr, "%s: %s\n", diag_prog(), err);
			return TT_EXIT_USAGE;
		}
		exam_session_note(&qu->es, EXAM_EV_RESUME, (int64_t)time(NULL));
		return TT_EXIT_OK;
	}
	if (!exam_session_start_lang(&qu->es, &t->params,
	    (int64_t)time(NULL))) {
		fprintf(stderr, _("%s: no question fits these topics.\n"),
		    diag_prog());
		return 1;
	}
	if (!exam_results_ready(qu->dir, err, sizeof(err)) ||
	    !exam_session_lock(&qu->es, qu->dir, (long)getpid(), err,
	    sizeof(err))) {
		fprintf(stderr, "%s: %s\n", diag_prog(), err);
		return TT_EXIT_USAGE;
	}
	qu->es.path = exam_attempt_path(qu->dir, &qu->es);
	qui_exam_find_offer(qu, &t->params);
	if (!qu->has_offer)
		qui_exam_save(qu);
	return TT_EXIT_OK;
}

/* After the terminal is restored: where the attempt is, for the student
 * to resume it and the teacher to collect it. */
int
qui_exam_goodbye(struct qui *qu)
{
	if (!qu->es.submitted && !qu->has_offer) {
		exam_session_note(&qu->es, EXAM_EV_SUSPEND,
		    (int64_t)time(NULL));
		qui_exam_save(qu);
	}
	if (qu->es.save_failed) {
		fprintf(stderr, "%s: %s\n", diag_prog(), qu->es.save_err);
		fprintf(stderr, "%s\n", _("Your answers are NOT saved and the "
		    "exam is NOT submitted. Tell the person running the "
		    "exam."));
		return 1;
	}
	if (qu->es.path == NULL || qu->has_offer)
		return TT_EXIT_OK;
	printf(_("Your attempt is saved in %s\n"), qu->es.path);
	if (!qu->es.submitted)
		printf(_("It is not submitted yet; to go on, run: %s exam "
		    "--resume %s\n"), PACKAGE, qu->es.path);
	printf(_("Results directory: %s\n"), qu->dir);
	return TT_EXIT_OK;
}
