/*
 * The lesson browser and the lesson screen: making them, pushing them on
 * the loop's stack, and the view of a step the walk entered (see
 * lesson_int.h for the data; the walk itself is src/lesson/walk.c).  No
 * curses: the painters are lesson_list.c and lesson_draw.c.
 */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "lib/i18n.h"
#include "lesson/browse.h"
#include "lib/xalloc.h"
#include "ui/lesson_int.h"

/* The view after the walk entered a step (lwalk_enter): no choice, no
 * scroll, the step's run lines animated, the panel at its top; a place
 * that could not be saved is said. */
void
lui_entered(struct lui *lu)
{
	lu->ui.sel = 0;
	lu->ui.mark = 0;
	lu->ui.scroll = 0;
	lu->ui.whatif = false;
	ui_start_anim(&lu->ui);
	lu->skip_at = 0;
	lu->list.app->msg[0] = '\0';
	lu->hint_para = SIZE_MAX;	/* until the panel shows a hint */
	lu->ptop = 0;
	lu->pfollow = false;
	lu->pentry = true;
	if (lu->walk.err[0] != '\0')
		lui_message(lu, true, "%s", lu->walk.err);
}

void
lui_enter(struct lui *lu)
{
	(void)lwalk_enter(&lu->walk);
	lui_entered(lu);
}

/* The first panel line to show in body rows: a new step opens at the top
 * of its text (the narration first, as it is read); new feedback
 * scrolls to the end, or to the hint's start while one is shown;
 * otherwise the learner's place is kept. */
size_t
lui_panel_top(struct lui *lu, int body)
{
	const struct lpanel *lp = &lu->panel;
	size_t top;

	if (lu->pentry && !lu->pfollow) {
		top = lpanel_scroll(lp, body, 0, SIZE_MAX);
	} else if (lu->pfollow && lu->hint_para != SIZE_MAX) {
		/* A hint opens at its first line, the key to press, with
		 * the feedback under it as far as it fits. */
		size_t l = lpanel_line_of(lp, lu->hint_para);

		top = lpanel_scroll(lp, body, l, l);
	} else
		top = lpanel_scroll(lp, body, lu->ptop, lu->pfollow &&
		    lp->nl > 0 ? lp->nl - 1 : SIZE_MAX);
	lu->pfollow = lu->pentry = false;
	return top;
}

/* After the learner's world changed: is the task done? */
void
lui_changed(void *arg)
{
	struct lui *lu = arg;

	lwalk_changed(&lu->walk, lu->ui.sel);
	lu->pfollow = true;
}

static void
lui_open_error(struct lui *lu, const struct lesson_info *li,
    const struct lesson_err *e)
{
	/* TRANSLATORS: lesson name, line number, the parser's message. */
	snprintf(lu->note, sizeof(lu->note), _("Cannot open lesson %s: line "
	    "%u: %s"), li->name, e->line, e->msg);
	lu->note_kind = LUI_NOTE_OPEN_ERR;
}

static void
lui_sim_init(struct lui *lu)
{
	ui_state_init(&lu->ui, &lu->o);
	/* Lesson text quotes the numbers the world really carries (its
	 * author picked readable ISNs), so the ladder starts raw to match;
	 * m still switches to relative or symbolic. */
	lu->ui.v.num = LADDER_NUM_RAW;
	lu->ui.in_lesson = true;
	lu->ui.app = lu->list.app;
	lu->ui.changed = lui_changed;
	lu->ui.changed_arg = lu;
	lu->sim.def = &ui_sim_def;
	lu->sim.state = &lu->ui;
	lu->sim.app = lu->list.app;
}

/* Open lesson idx at the step the learner left it at, over the list. */
bool
lui_open(struct lui *lu, size_t idx)
{
	const struct lesson_info *li = &lu->cat.v[idx];
	struct lesson_err e;

	if (!lwalk_open(&lu->walk, &lu->cat, li, &lu->prog, &lu->ui.s, &e)) {
		lui_open_error(lu, li, &e);
		return false;
	}
	lu->open = true;
	lui_sim_init(lu);
	lpanel_init(&lu->panel);
	app_push(lu->list.app, &lu->lesson);
	lui_enter(lu);
	/* The list's note about a damaged progress file is said once more
	 * here, for `tcpteach lesson N`, which shows no list first; the
	 * list's "Lesson 01 complete" is not news in lesson 02, nor is
	 * another lesson's failure to open. */
	if (lu->note[0] != '\0' && lu->note_kind == LUI_NOTE_PROGRESS)
		lui_message(lu, true, "%s", lu->note);
	lu->note[0] = '\0';
	lu->note_kind = LUI_NOTE_NEWS;
	if (lu->list.app->msg[0] == '\0' && lu->walk.lr.step > 0) {
		lui_message(lu, false, _("Welcome back: you left this lesson "
		    "at step %zu."), lu->walk.lr.step + 1);
		lu->pfollow = false;
	}
	return true;
}

/* The lesson screen is popped: back to the list; the place is saved
 * unless the lesson was finished. */
void
lui_lesson_leave(struct screen *sc)
{
	struct lui *lu = sc->state;

	if (!lu->open)
		return;
	lwalk_close(&lu->walk);
	ui_state_free(&lu->ui);
	lpanel_free(&lu->panel);
	lu->open = false;
	lu->list.app->msg[0] = '\0';
}

/* The list and the progress file; NULL (msg says why) when the lesson
 * directory cannot be read. */
struct lui *
lui_new(const struct ui_opts *o, char *msg, size_t size)
{
	struct lui *lu = xcalloc(1, sizeof(*lu));
	char pmsg[512];

	lu->o = *o;
	lu->o.play = NULL;
	lu->list.def = &lui_list_def;
	lu->lesson.def = &lui_lesson_def;
	lu->list.state = lu->lesson.state = lu;
	if (!lesson_catalog_load(&lu->cat, NULL, msg, size)) {
		lui_list_leave(&lu->list);
		return NULL;
	}
	lu->nsteps = lbrowse_nsteps(&lu->cat);
	if (lesson_progress_load(&lu->prog, NULL, pmsg, sizeof(pmsg)) !=
	    LESSON_PROGRESS_OK) {
		snprintf(lu->note, sizeof(lu->note), "%s", pmsg);
		lu->note_kind = LUI_NOTE_PROGRESS;
	}
	return lu;
}

void
lui_push(struct lui *lu, struct app *a)
{
	app_push(a, &lu->list);
	lu->lesson.app = lu->sim.app = a;
}

/* The list is popped: everything goes. */
void
lui_list_leave(struct screen *sc)
{
	struct lui *lu = sc->state;

	lesson_catalog_free(&lu->cat);
	lesson_progress_free(&lu->prog);
	free(lu->nsteps);
	free(lu);
}

/* The simulator's "lessons" command: the browser, over it, until q. */
int
ui_lessons_push(struct app *a, const struct ui_opts *o)
{
	char msg[512];
	struct lui *lu = lui_new(o, msg, sizeof(msg));

	if (lu == NULL) {
		snprintf(a->msg, sizeof(a->msg), "%s", msg);
		a->msg_err = true;
		return UI_R_ALL;
	}
	lui_push(lu, a);
	return UI_R_ALL | UI_R_LAYOUT;
}
