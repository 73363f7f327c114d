/*
 * The entry points of the full-screen modes, for main.c: each refuses
 * where no terminal can be used, makes its first screen, and runs the
 * one loop (loop.c) until the stack is empty; then restores the terminal
 * and, after a quit signal, dies of it as the shell expects.
 */
#include <config.h>

#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "lib/diag.h"
#include "lib/i18n.h"
#include "lib/mono.h"
#include "quiz/cli.h"
#include "script/parse.h"
#include "ui/draw_int.h"
#include "ui/lesson_int.h"
#include "ui/quiz_int.h"

/* Run the app from its first screen to the end. */
static void
ui_main_run(struct app *a)
{
	ui_run(a);
	app_free(a);
	ui_term_end();
}

/* `play -`: the scenario came on standard input, so the keys come from
 * the terminal itself, as less(1) does.  Without one, standard input
 * stays as it was and the terminal check refuses as usual. */
static void
ui_keys_from_tty(void)
{
	int fd;

	clearerr(stdin);
	if (isatty(STDIN_FILENO) ||
	    (fd = open("/dev/tty", O_RDONLY | O_CLOEXEC)) < 0)
		return;
	(void)dup2(fd, STDIN_FILENO);
	close(fd);
}

static bool
ui_load(struct ui *ui)
{
	struct script_err err;

	if (!lecture_open(&ui->lec, &ui->s, ui->o->play, &err)) {
		script_err_print(stderr, &err, ui->o->play);
		return false;
	}
	if (strcmp(ui->o->play, "-") == 0)
		ui_keys_from_tty();
	return true;
}

int
ui_main(const struct ui_opts *o)
{
	struct ui ui;
	struct screen sc;
	struct app a;

	ui_state_init(&ui, o);
	ui.v.num = LADDER_NUM_REL;
	/* TRANSLATORS: the program name, then the reason. */
	if ((o->play != NULL && !ui_load(&ui)) ||
	    ui_term_refuse(_("%s: the interactive simulator needs a terminal: "
	    "%s.\n"), _("To run a scenario without a terminal, use: "
	    "%s script FILE\n")) || !ui_term_start(o->ascii)) {
		ui_state_free(&ui);
		return TT_EXIT_USAGE;
	}
	ui_app_init(&a);
	memset(&sc, 0, sizeof(sc));
	sc.def = o->play != NULL ? &ui_play_def : &ui_sim_def;
	sc.state = &ui;
	ui.app = &a;
	app_push(&a, &sc);
	if (o->play != NULL)
		screen_message(&sc, false, "%s", _("Lecture mode: press Space, "
		    "n or Right for the next step, p or Left to go back."));
	ui_main_run(&a);
	ui_state_free(&ui);
	ui_term_reraise();
	return TT_EXIT_OK;
}

int
ui_lessons_main(const struct ui_opts *o, const char *which)
{
	struct lui *lu;
	struct app a;
	char msg[512];
	size_t idx = SIZE_MAX;

	if ((lu = lui_new(o, msg, sizeof(msg))) == NULL) {
		fprintf(stderr, "%s: %s\n", diag_prog(), msg);
		return TT_EXIT_USAGE;
	}
	if (which != NULL) {
		const struct lesson_info *li = lesson_catalog_find(&lu->cat,
		    which);

		if (li == NULL) {
			fprintf(stderr, _("%s: there is no lesson '%s'; "
			    "'%s lessons --list' lists them.\n"), diag_prog(),
			    which, PACKAGE);
			lui_list_leave(&lu->list);
			return TT_EXIT_USAGE;
		}
		idx = (size_t)(li - lu->cat.v);
	}
	/* TRANSLATORS: the program name, then the reason. */
	if (ui_term_refuse(_("%s: the lessons need a terminal: %s.\n"),
	    _("To list them without a terminal, use: %s lessons --list\n")) ||
	    !ui_term_start(o->ascii)) {
		lui_list_leave(&lu->list);
		return TT_EXIT_USAGE;
	}
	ui_app_init(&a);
	lui_push(lu, &a);
	if (idx != SIZE_MAX) {
		lu->sel = idx;
		(void)lui_open(lu, idx);
	}
	ui_main_run(&a);
	ui_term_reraise();
	return TT_EXIT_OK;
}

static int
ui_quiz_refuse(bool exam)
{
	/* TRANSLATORS: the program name, then the reason. */
	if (exam ? ui_term_refuse(_("%s: the timed exam needs a terminal: "
	    "%s.\n"), _("To print the exam instead, use: %s exam --seed S "
	    "--print\n")) : ui_term_refuse(_("%s: the interactive drill needs "
	    "a terminal: %s.\n"), _("Without a terminal, use: %s quiz "
	    "--plain\n")))
		return TT_EXIT_USAGE;
	return 0;
}

static int
ui_quiz_run(struct qui *qu, bool ascii)
{
	struct app a;

	if (!ui_term_start(ascii))
		return TT_EXIT_USAGE;
	ui_app_init(&a);
	qu->last_ms = mono_ms();
	app_push(&a, &qu->sc);
	qui_exam_offer(qu);
	ui_main_run(&a);
	qu->sc.app = NULL;	/* a is gone; the goodbye may still save */
	return TT_EXIT_OK;
}

int
ui_quiz_main(const struct quiz_cli_tui *t, const struct ui_opts *o)
{
	struct qui qu;
	struct exam_score sc;
	int rc;

	if ((rc = ui_quiz_refuse(false)) != 0)
		return rc;
	qui_init(&qu, SITTING_DRILL);
	if (!exam_session_start_lang(&qu.sit.es, &t->params,
	    (int64_t)time(NULL))) {
		fprintf(stderr, _("%s: no question fits these topics.\n"),
		    diag_prog());
		qui_free(&qu);
		return 1;
	}
	rc = ui_quiz_run(&qu, o->ascii);
	sc = exam_session_score(&qu.sit.es);
	if (rc == TT_EXIT_OK && sc.answered > 0 && ui_term_signal() == 0)
		printf(_("Drill score: %u of %u.\n"), sc.right, sc.total);
	qui_free(&qu);
	ui_term_reraise();
	return rc;
}

int
ui_exam_main(const struct quiz_cli_tui *t, const struct ui_opts *o)
{
	struct qui qu;
	int rc;

	if ((rc = ui_quiz_refuse(true)) != 0)
		return rc;
	qui_init(&qu, SITTING_EXAM);
	if ((rc = qui_exam_open(&qu, t)) != TT_EXIT_OK) {
		qui_free(&qu);
		return rc;
	}
	rc = ui_quiz_run(&qu, o->ascii);
	if (rc == TT_EXIT_OK)
		rc = qui_exam_goodbye(&qu);
	qui_free(&qu);
	ui_term_reraise();
	return rc;
}
