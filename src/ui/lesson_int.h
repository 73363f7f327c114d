/*
 * Inside the lesson screens: the lesson list and the lesson being played,
 * two screens over one state, without curses.
 *
 * Data model: struct lui is the whole lesson UI.  The list half holds the
 * catalog (lesson files of the interface language), the number of steps
 * of each, and the learner's progress file.  The lesson half holds the
 * parsed lesson and its runner (src/lesson/run.h), which owns the
 * canonical world of the current step, and a struct ui, the simulator's
 * own state, with a simulator screen over it (sim) that is never pushed:
 * the lesson screen hands it every key it does not bind itself.  Its
 * session is the learner's world: it is loaded with the step's commands
 * (lrun_step_cmds), so its first `base` commands are the step's and
 * everything after them is the learner's.  What the panel says is rebuilt
 * from these on every paint; only the learner's answers so far (the
 * verdict, the items picked for an ordering, whether the solution was
 * shown) and the hint computed from the learner's world after their last
 * event (when it has left the step's path) are kept here.  The windows are the painter's (lui_wins).
 */
#ifndef TCPTEACH_UI_LESSON_INT_H
#define TCPTEACH_UI_LESSON_INT_H

#include "lesson/catalog.h"
#include "lesson/progress.h"
#include "lesson/run.h"
#include "ui/lesson_panel.h"
#include "ui/ui_int.h"

#define LUI_MAXORDER 9		/* items of an ordering (digits) */

struct lui_wins;

struct lui {
	struct ui_opts o;		/* the caller's, never lecture mode */
	struct screen list, lesson, sim;
	int rows, cols;
	struct lgeom geo;
	struct lui_wins *win;
	/* The list. */
	struct lesson_catalog cat;
	size_t *nsteps;			/* per lesson; 0: unknown */
	size_t sel, top;
	struct lesson_progress prog;
	char note[640];			/* under the list */
	bool note_err;
	/* The lesson. */
	bool open;
	const struct lesson_info *li;
	struct lesson l;
	struct lrun lr;
	struct ui ui;
	struct lpanel panel;
	size_t ptop;
	int prows;			/* the panel's height, for paging */
	bool pfollow;			/* scroll to the newest feedback */
	bool overflow;			/* more text than panel */
	bool pentry;			/* a new step: show its task */
	size_t base;			/* session commands of the step */
	bool checked;			/* lrun_check ran since entry */
	char why[320];			/* its not-yet reason */
	bool past;			/* why: the learner went past it */
	bool replaced;			/* n set the learner's world aside */
	bool asked;			/* a hint was asked for in this step */
	bool offpath;			/* the world left the step's path */
	char hint[1536];		/* computed from it (lesson/hint.h) */
	size_t hint_para;		/* the panel's first hint paragraph */
	char stray[640];		/* the event that made the goal
					 * unreachable, and the way back */
	char wrong[320];		/* why the typed answer is wrong */
	bool has_verdict, revealed, solved, finished;
	bool *stepdone;			/* per step: done (or answered, or
					 * shown) in this visit; steps before
					 * the saved place count as done */
	unsigned long skip_at;		/* the key that offered to skip */
	enum lrun_verdict verdict;
	size_t perm[LUI_MAXORDER], pick[LUI_MAXORDER], npick;
};

extern const struct screen_def lui_list_def, lui_lesson_def;

/* lesson_ui.c */
/* The screen's message, which the panel scrolls to. */
#define lui_message(lu, ...) \
	(screen_message(&(lu)->list, __VA_ARGS__), (lu)->pfollow = true)
struct lui *lui_new(const struct ui_opts *o, char *msg, size_t size);
void lui_push(struct lui *lu, struct app *a);
bool lui_open(struct lui *lu, size_t idx);
void lui_enter(struct lui *lu);
void lui_save(struct lui *lu, bool done);
void lui_save_at(struct lui *lu, size_t step, bool done);
void lui_changed(void *arg);
bool lui_hint_ask(struct lui *lu);
size_t lui_panel_top(struct lui *lu, int body);
void lui_list_leave(struct screen *sc);
void lui_lesson_leave(struct screen *sc);

enum lui_akind { LUI_A_NUMBER, LUI_A_STATE, LUI_A_FLAGS, LUI_A_WORD };
enum lui_akind lui_answer_kind(const struct lui *lu);

/* lesson_cmd.c */
const struct lesson_info *lui_next_lesson(const struct lui *lu);
size_t lui_first_undone(const struct lui *lu);

/* lesson_draw.c */
void lui_panel_build(struct lui *lu);

#endif
