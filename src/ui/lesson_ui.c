/*
 * The lesson browser and the lesson screen: making them, pushing them on
 * the loop's stack, and moving between steps (see lesson_int.h for the
 * data).  No curses: the painters are lesson_list.c and lesson_draw.c.
 *
 * Each step starts by loading the session with the runner's commands for
 * it, so the learner's world is always the one the lesson's author
 * checked; progress is saved on every step change and on leaving.
 */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/i18n.h"
#include "lib/xalloc.h"
#include "lesson/hint.h"
#include "ui/lesson_int.h"

/* Save the place as step (0-based); done: the lesson is complete. */
void
lui_save_at(struct lui *lu, size_t step, bool done)
{
	char msg[512];

	if (lesson_progress_set(&lu->prog, lu->li->name, done ? 1 :
	    (unsigned)step + 1, done, msg, sizeof(msg)) != LESSON_PROGRESS_OK)
		lui_message(lu, true, "%s", msg);
}

void
lui_save(struct lui *lu, bool done)
{
	lui_save_at(lu, lu->lr.step, done);
}

/* Load the step's world: the commands before its run lines at once,
 * then its run lines one by one, so that they animate. */
void
lui_enter(struct lui *lu)
{
	struct session *s = &lu->ui.s;
	const struct lesson_step *st = lrun_cur(&lu->lr);
	const struct cmd *cmds;
	size_t n, np;

	cmds = lrun_step_cmds(&lu->lr, &n, &np);
	session_load(s, cmds, n);
	session_goto(s, np);
	while (session_redo(s))
		continue;
	lu->base = s->pos;
	lu->ui.sel = 0;
	lu->ui.mark = 0;
	lu->ui.scroll = 0;
	lu->ui.whatif = false;
	ui_start_anim(&lu->ui);
	lu->checked = lu->has_verdict = lu->revealed = lu->solved = false;
	lu->finished = false;
	lu->skip_at = 0;
	lu->why[0] = lu->list.app->msg[0] = lu->wrong[0] = '\0';
	lu->past = lu->replaced = lu->asked = lu->offpath = false;
	lu->hint[0] = lu->stray[0] = '\0';
	lu->hint_para = SIZE_MAX;	/* until the panel shows a hint */
	lu->npick = 0;
	lu->ptop = 0;
	lu->pfollow = false;
	lu->pentry = true;
	if (st->kind == LESSON_QUESTION && st->qkind == LESSON_Q_ORDER &&
	    st->nchoices <= LUI_MAXORDER)
		lrun_order_shuffle(&lu->lr, lu->perm);
	lui_save(lu, false);
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

/* What kind of answer is wanted: the right answer tells. */
enum lui_akind
lui_answer_kind(const struct lui *lu)
{
	const struct lesson_value *v = &lu->lr.answer;
	enum tcp_state st;

	if (!lu->lr.answer_ok || v->is_num)
		return LUI_A_NUMBER;
	if (tcp_state_parse(v->word, &st))
		return LUI_A_STATE;
	if (strchr(v->word, '+') != NULL || strspn(v->word,
	    "ACKFINPSHRSTSYNURG") == strlen(v->word))
		return LUI_A_FLAGS;
	return LUI_A_WORD;
}

/* The hint from the learner's own world once it has left the step's
 * path (an author's hint would talk about segments and timers that are
 * not there any more).  Off the path, the event that made the goal
 * unreachable is named (nothing while it is in reach: any way counts);
 * the hint's search runs only once a hint was asked for in this step,
 * and then after every event, so the hint stays true. */
static void
lui_hint_update(struct lui *lu)
{
	struct lhint h;

	lu->offpath = false;
	lu->hint[0] = lu->stray[0] = '\0';
	if (lrun_cur(&lu->lr)->kind != LESSON_TASK || lu->lr.done ||
	    lu->lr.broken || lu->ui.s.pos <= lu->base ||
	    lhint_on_path(&lu->lr, &lu->ui.s.w))
		return;
	lu->offpath = true;
	(void)lhint_stray_text(&lu->lr, lu->ui.s.cmds, lu->base,
	    lu->ui.s.pos, lu->stray, sizeof(lu->stray));
	if (!lu->asked)
		return;
	lhint_compute(&lu->lr, lu->ui.s.cmds, lu->base, lu->ui.s.pos,
	    lu->ui.sel, &h);
	snprintf(lu->hint, sizeof(lu->hint), "%s", h.text);
}

/* The learner asks for a hint: true when it is the computed one. */
bool
lui_hint_ask(struct lui *lu)
{
	lu->asked = true;
	lui_hint_update(lu);
	return lu->offpath;
}

/* After the learner's world changed: is the task done? */
void
lui_changed(void *arg)
{
	struct lui *lu = arg;

	if (lrun_cur(&lu->lr)->kind != LESSON_TASK || lu->lr.broken)
		return;
	lu->past = false;
	if (lrun_check(&lu->lr, &lu->ui.s.w, lu->why, sizeof(lu->why)) ==
	    LRUN_NOT_YET)
		lu->past = lrun_past_goal(&lu->lr, lu->ui.s.cmds, lu->base,
		    lu->ui.s.pos, lu->why, sizeof(lu->why));
	/* Back at the step's start: nothing of the learner's to judge. */
	lu->checked = lu->ui.s.pos > lu->base || lu->lr.done;
	lui_hint_update(lu);
	lu->pfollow = true;
}

static void
lui_open_error(struct lui *lu, const struct lesson_info *li,
    const struct lesson_err *e)
{
	/* TRANSLATORS: lesson name, line number, the parser's message. */
	snprintf(lu->note, sizeof(lu->note), _("Cannot open lesson %s: line "
	    "%u: %s"), li->name, e->line, e->msg);
	lu->note_err = true;
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
	const struct lesson_mark *m;
	struct lesson_err e;
	size_t step = 0;

	memset(&e, 0, sizeof(e));
	memset(&lu->l, 0, sizeof(lu->l));
	if (li->title == NULL || !lesson_load(li->path, &lu->l, &e) ||
	    lu->l.nsteps == 0) {
		lesson_free(&lu->l);
		lui_open_error(lu, li, li->title == NULL ? &li->err : &e);
		return false;
	}
	if ((m = lesson_progress_get(&lu->prog, li->name)) != NULL &&
	    m->step > 0)
		step = m->step - 1;
	lu->li = li;
	lu->open = true;
	/* The progress file keeps the place, not each step's mark: the
	 * steps before it were passed (a finish with a step not done saves
	 * that step as the place), and a complete lesson's all were. */
	lu->stepdone = xcalloc(lu->l.nsteps, sizeof(*lu->stepdone));
	for (size_t i = 0; i < lu->l.nsteps; i++)
		lu->stepdone[i] = i < step || (m != NULL && m->done);
	lui_sim_init(lu);
	(void)lrun_start(&lu->lr, &lu->l, step);
	lpanel_init(&lu->panel);
	app_push(lu->list.app, &lu->lesson);
	lui_enter(lu);
	/* A note from the list (a damaged progress file) is said once more
	 * here, for `tcpteach lesson N`, which shows no list first; the
	 * list's "Lesson 01 complete" is not news in lesson 02. */
	if (lu->note[0] != '\0' && lu->note_err)
		lui_message(lu, lu->note_err, "%s", lu->note);
	lu->note[0] = '\0';
	lu->note_err = false;
	if (lu->list.app->msg[0] == '\0' && step > 0) {
		lui_message(lu, false, _("Welcome back: you left this lesson "
		    "at step %zu."), step + 1);
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
	if (!lu->finished)
		lui_save(lu, false);
	lrun_free(&lu->lr);
	lesson_free(&lu->l);
	free(lu->stepdone);
	lu->stepdone = NULL;
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
	lu->nsteps = xcalloc(lu->cat.n ? lu->cat.n : 1, sizeof(*lu->nsteps));
	for (size_t i = 0; i < lu->cat.n; i++) {
		struct lesson l;
		struct lesson_err e;

		memset(&l, 0, sizeof(l));
		if (lu->cat.v[i].title != NULL &&
		    lesson_load(lu->cat.v[i].path, &l, &e))
			lu->nsteps[i] = l.nsteps;
		lesson_free(&l);
	}
	if (lesson_progress_load(&lu->prog, NULL, pmsg, sizeof(pmsg)) !=
	    LESSON_PROGRESS_OK) {
		snprintf(lu->note, sizeof(lu->note), "%s", pmsg);
		lu->note_err = true;
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
