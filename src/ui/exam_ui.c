/*
 * The timed exam's screen (`tcpteach exam` without --print, --key or
 * --export) over its sitting (src/quiz/sitting.h): the monotonic clock
 * handed to the sitting at each tick, the offer to resume an attempt
 * found lying there, and, after the terminal is restored, where the
 * attempt is.  The wall clock and the process id come from here too:
 * the sitting never reads a clock.
 */
#include <config.h>

#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "lib/diag.h"
#include "lib/i18n.h"
#include "lib/mono.h"
#include "quiz/cli.h"
#include "ui/quiz_int.h"
#include "ui/ui_int.h"

/* Once the exam is submitted (or was tried), a yes/no question of this
 * screen is moot. */
static void
qui_exam_unask(struct qui *qu)
{
	if (qu->sc.app != NULL && qu->sc.app->askscreen == &qu->sc)
		qu->sc.app->ask = APP_ASK_NONE;
}

int
qui_exam_submit(struct qui *qu, bool timeout)
{
	qui_exam_unask(qu);
	return qui_did(qu, sitting_submit(&qu->sit, timeout,
	    (int64_t)time(NULL)));
}

/* Let the monotonic clock's time pass into the sitting. */
int
qui_exam_tick(struct screen *sc, uint64_t now)
{
	struct qui *qu = sc->state;
	uint64_t d = now - qu->last_ms;
	enum sitting_change c;

	qu->last_ms = now;
	c = sitting_tick(&qu->sit, d, (int64_t)time(NULL));
	if (c == SITTING_NONE)
		return 0;
	if (c != SITTING_CLOCK)		/* the time is up: submitted */
		qui_exam_unask(qu);
	return qui_did(qu, c);
}

/* How long the loop may block: until the countdown's next second, or
 * for ever (-1) when nothing runs by itself. */
int
qui_exam_busy(const struct screen *sc, uint64_t now)
{
	const struct qui *qu = sc->state;

	(void)now;
	return sitting_next_tick(&qu->sit);
}

static int
qui_exam_resume_done(struct screen *sc, bool yes)
{
	struct qui *qu = sc->state;
	int what = qui_did(qu, sitting_resume(&qu->sit, yes,
	    (int64_t)time(NULL)));

	qu->last_ms = mono_ms();
	return what;
}

/* Ask about an attempt found lying there, once the screen is up. */
void
qui_exam_offer(struct qui *qu)
{
	if (qu->sit.has_offer)
		screen_ask(&qu->sc, APP_ASK_STRICT, _("Resume that attempt? y: "
		    "resume, n: start afresh"), qui_exam_resume_done);
}

int
qui_exam_open(struct qui *qu, const struct quiz_cli_tui *t)
{
	char err[1024];
	int rc = sitting_exam_open(&qu->sit, t, (long)getpid(),
	    (int64_t)time(NULL), err, sizeof(err));

	if (rc == TT_EXIT_FAIL)		/* worded as the drill says it */
		fprintf(stderr, _("%s: no question fits these topics.\n"),
		    diag_prog());
	else if (rc != TT_EXIT_OK)
		fprintf(stderr, "%s: %s\n", diag_prog(), err);
	return rc;
}

/* After the terminal is restored: where the attempt is, for the student
 * to resume it and the teacher to collect it. */
int
qui_exam_goodbye(struct qui *qu)
{
	const struct sitting *s = &qu->sit;

	sitting_leave(&qu->sit, (int64_t)time(NULL));
	if (s->es.save_failed) {
		fprintf(stderr, "%s: %s\n", diag_prog(), s->es.save_err);
		fprintf(stderr, "%s\n", _("Your answers are NOT saved and the "
		    "exam is NOT submitted. Tell the person running the "
		    "exam."));
		return 1;
	}
	if (s->es.path == NULL || s->has_offer)
		return TT_EXIT_OK;
	printf(_("Your attempt is saved in %s\n"), s->es.path);
	if (!s->es.submitted)
		printf(_("It is not submitted yet; to go on, run: %s exam "
		    "--resume %s\n"), PACKAGE, s->es.path);
	printf(_("Results directory: %s\n"), s->dir);
	return TT_EXIT_OK;
}
