/*
 * Lecture mode's commands, with no curses: the keys of `tcpteach play`
 * over the script model of script/lecture.h (struct ui's lec: stepping
 * with the checks, branching off and back, jumping, captions), and what
 * the lecturer is told at each.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/i18n.h"
#include "ui/ui_int.h"

void
ui_play_branched(struct screen *sc, size_t at)
{
	struct ui *ui = sc->state;

	if (lecture_branch(&ui->lec, at))
		screen_message(sc, false, _("Your own event: the script is "
		    "kept. Press b to go back to it at step %zu."), at);
}

int
ui_play_h_resume(SCREEN_CMD_ARGS)
{
	struct ui *ui = sc->state;

	if (!lecture_resume(&ui->lec, &ui->s)) {
		screen_message(sc, false, "%s", _("You are on the script "
		    "already."));
		return UI_R_NARR;
	}
	screen_message(sc, false, _("Back on the script at step %zu/%zu."),
	    ui->s.pos, ui->s.ncmds);
	return ui_view_reset(ui);
}

/* The next step: an event and the checks that follow it. */
int
ui_play_h_next(SCREEN_CMD_ARGS)
{
	struct ui *ui = sc->state;

	if (!lecture_next(&ui->s)) {
		if (ui->lec.branched)
			screen_message(sc, false, _("Your own events end here. "
			    "Press b to go back to the script at step %zu."),
			    ui->lec.branch_at);
		else
			screen_message(sc, false, "%s", _("This is the end of "
			    "the scenario."));
		return UI_R_NARR;
	}
	ui_start_anim(ui);
	return ui_view_reset(ui);
}

/* Back to where the step before began: its checks and its event. */
int
ui_play_h_back(SCREEN_CMD_ARGS)
{
	struct ui *ui = sc->state;

	if (!lecture_back(&ui->s)) {
		screen_message(sc, false, "%s", _("This is the beginning: "
		    "nothing to undo."));
		return UI_R_NARR;
	}
	return ui_view_reset(ui);
}

static int
play_jump_done(struct screen *sc, const char *text)
{
	struct ui *ui = sc->state;
	char *end;
	unsigned long n = strtoul(text, &end, 10);

	if (*text == '\0')
		return 0;
	if (end == text || *end != '\0') {
		screen_message(sc, true, _("Not a step number: %s"), text);
		return UI_R_NARR;
	}
	lecture_jump(&ui->lec, &ui->s, (size_t)n);
	screen_message(sc, false, _("Step %zu/%zu."), ui->s.pos,
	    ui->s.ncmds);
	return ui_view_reset(ui);
}

int
ui_play_h_jump(SCREEN_CMD_ARGS)
{
	screen_prompt(sc, _("Go to step: "), NULL, play_jump_done);
	return UI_R_STATUS;
}
