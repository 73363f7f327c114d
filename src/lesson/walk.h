/*
 * A learner's walk through one lesson: which step is current, which are
 * done, what they answered, what the step's check and the hints say, and
 * where the lesson is left in the progress file.  No curses: the lesson
 * screen is a thin set of commands over it, and the tests drive it with
 * no terminal.
 *
 * Data model: struct lwalk holds the parsed lesson and its runner
 * (run.h), which owns the canonical world of the current step, and points
 * at the learner's world, a session owned by the caller (a front end's
 * simulator).  Entering a step loads that session with the step's
 * commands (lrun_step_cmds), so its first `base` commands are the step's
 * and everything after them is the learner's.  Kept here are only what
 * cannot be recomputed: the marks of the steps done in this visit, the
 * learner's answers so far (the verdict, the items picked for an
 * ordering, whether the answer was shown or the solution played), the
 * task's last check and the hint computed from the learner's world
 * after their last event, when it has left the step's path, and the
 * furthest step reached, which is the place saved.  Everything
 * the panel says is built from these by lwalk_panel (walk_text.c).
 */
#ifndef TCPTEACH_LESSON_WALK_H
#define TCPTEACH_LESSON_WALK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lesson/catalog.h"
#include "lesson/panel.h"
#include "lesson/progress.h"
#include "lesson/run.h"
#include "script/session.h"

#define LWALK_MAXORDER 9	/* items of an ordering (digits) */

struct lwalk {
	const struct lesson_catalog *cat;
	const struct lesson_info *li;	/* the lesson walked, in cat */
	struct lesson l;
	struct lrun lr;
	struct session *s;		/* the learner's world (the caller's) */
	struct lesson_progress *prog;	/* where the place is saved */
	char err[512];			/* why the place was not saved */
	size_t base;			/* session commands of the step */
	size_t reached;			/* the place saved: the furthest step
					 * reached, or after the last page
					 * the first step not done */
	bool *stepdone;			/* per step: done (or answered, or
					 * shown), in this visit or one the
					 * progress file keeps */
	bool finished;			/* the lesson's last page is shown */
	/* A task. */
	bool checked;			/* lrun_check ran since entry */
	char why[320];			/* its not-yet reason */
	bool past;			/* why: the learner went past it */
	bool replaced;			/* moving on set the world aside */
	bool asked;			/* a hint was asked for in this step */
	bool offpath;			/* the world left the step's path */
	char hint[1536];		/* computed from it (lesson/hint.h) */
	char stray[640];		/* the event that made the goal
					 * unreachable, and the way back */
	bool solved;			/* the solution was played */
	/* A question. */
	char wrong[320];		/* why the typed answer is wrong */
	bool has_verdict, revealed;
	enum lrun_verdict verdict;
	size_t perm[LWALK_MAXORDER], pick[LWALK_MAXORDER], npick;
};

/* What a move did, so a front end knows what to refresh. */
enum lwalk_move {
	LWALK_STAY,		/* nothing: already at the first step */
	LWALK_PAGE,		/* the same step shown again */
	LWALK_STEP,		/* a step was entered (lwalk_enter) */
	LWALK_END,		/* the lesson's last page, place saved */
	LWALK_LEAVE		/* the last page was read: leave the lesson */
};

/* What an answer did. */
enum lwalk_said {
	LWALK_INVALID,		/* not an answer to this question */
	LWALK_MORE,		/* an ordering waits for more items */
	LWALK_JUDGED		/* w->verdict says right or wrong */
};

/* The kinds of a typed answer, in the order of walk_text.c's table. */
enum lwalk_akind { LWALK_A_NUMBER, LWALK_A_STATE, LWALK_A_FLAGS,
	LWALK_A_WORD };

/* walk.c: opening and closing, entering a step, the world changing. */
/* Load lesson li of cat and start at the place prog keeps for it; s is
 * the learner's session (it need not be set up yet: lwalk_enter loads
 * it).  False: e says why, and nothing needs freeing. */
bool lwalk_open(struct lwalk *w, const struct lesson_catalog *cat,
    const struct lesson_info *li, struct lesson_progress *prog,
    struct session *s, struct lesson_err *e);
/* Save the place unless the lesson was finished, and free the lesson. */
void lwalk_close(struct lwalk *w);
/* Load the learner's session with the step's world and forget the
 * learner's answers; saves the place.  False: the place was not saved
 * (w->err). */
bool lwalk_enter(struct lwalk *w);
/* The learner's world changed: check the task and update the hint; sel
 * is the segment the learner has chosen (0: none), which hints name. */
void lwalk_changed(struct lwalk *w, uint32_t sel);
/* The learner asks for a hint: NULL, or what to say instead. */
const char *lwalk_hint(struct lwalk *w, uint32_t sel);
/* Undo the learner's last event (a front end clears its choice of
 * segment): NULL, or why not. */
const char *lwalk_undo(struct lwalk *w);
/* Restart the step and play a task's solution in the learner's world,
 * or show a question's answer.  *said gets the commands played (the
 * caller frees it) or NULL; returns NULL, or why there is nothing to
 * solve. */
const char *lwalk_solve(struct lwalk *w, char **said);

/* walk.c: moving between steps and judging answers. */
bool lwalk_step_done(const struct lwalk *w);
/* The first task or question step not done, or SIZE_MAX: a lesson is
 * complete only when none is left. */
size_t lwalk_first_undone(const struct lwalk *w);
/* The lesson after this one in the catalog, or NULL at the end. */
const struct lesson_info *lwalk_next_lesson(const struct lwalk *w);
enum lwalk_move lwalk_next(struct lwalk *w);
enum lwalk_move lwalk_back(struct lwalk *w);
enum lwalk_move lwalk_restart(struct lwalk *w);
/* A question of kind k the learner can still answer. */
bool lwalk_asking(const struct lwalk *w, enum lesson_qkind k);
/* Answered, or the answer shown. */
bool lwalk_answered(const struct lwalk *w);
/* Choice k (0-based, as shown): the answer, or an ordering's next item. */
enum lwalk_said lwalk_pick(struct lwalk *w, size_t k);
void lwalk_unpick(struct lwalk *w);
enum lwalk_said lwalk_answer(struct lwalk *w, const char *typed);
/* What kind of answer is wanted: the right answer tells. */
enum lwalk_akind lwalk_answer_kind(const struct lwalk *w);
/* Can the character ch start the answer awaited?  A number starts with
 * a digit; flags and states with a capital of their names. */
bool lwalk_starts_answer(const struct lwalk *w, int ch);

/* walk_text.c: what the walk says, translated. */
/* The panel's text for the step as it stands; msg is the front end's
 * message, said last.  Returns the paragraph of the newest hint, or
 * SIZE_MAX. */
size_t lwalk_panel(const struct lwalk *w, struct lpanel *lp, bool ascii,
    const char *msg, bool msg_err);
/* "Step 3/9: title", and "done before" when it was. */
char *lwalk_head(const struct lwalk *w, bool ascii, char *buf,
    size_t size);
/* The prompt for a typed answer, naming the kind wanted. */
const char *lwalk_answer_prompt(const struct lwalk *w);
/* Said under the list on leaving the lesson's last page. */
char *lwalk_end_note(const struct lwalk *w, char *buf, size_t size);

struct lwalk_key {
	const char *key, *label;
};
#define LWALK_KEYS_MAX 12
/* The keys that matter now, most useful first; overflow: the panel's
 * text does not fit, so it scrolls.  Returns how many. */
size_t lwalk_keys(const struct lwalk *w, bool overflow,
    struct lwalk_key *k);

#endif
