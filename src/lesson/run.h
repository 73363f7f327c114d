/*
 * The lesson runner: where a learner is in a lesson, and whether what
 * they did or answered is right.  No curses: the UI drives it, and
 * `tcpteach lessons --check` and the tests drive it the same way.
 *
 * Data model: struct lrun holds the current step and the canonical world
 * at its start, which is a fresh world with these commands applied: the
 * lesson's setup lines, then for every earlier step its run lines and (for
 * a do/goal step) its solution, then this step's run lines.  That list is
 * lrun_step_cmds(); so every step starts from the world the lesson's
 * author checked, whatever the learner did before, and back, restart and
 * resume are exact.  The learner's world belongs to the caller (the UI's
 * session): the runner only reads it, in lrun_check().
 *
 * How the UI drives it:
 *
 *   lesson_load(path, &l, &err);            (error: show err, stop)
 *   lrun_start(&lr, &l, saved_step);        (false: lr.err, a lesson bug)
 *   loop:
 *     cmds = lrun_step_cmds(&lr, &n, &nprefix);
 *       load cmds into a fresh session; apply cmds[0..nprefix) at once
 *       and animate cmds[nprefix..n) (the step's run lines).
 *     show lrun_cur(&lr)->title/say/task/question, each through
 *       lrun_expand() ({QUERY} placeholders).
 *     LESSON_TASK: after each learner command, lrun_check(&lr, &world);
 *       LRUN_PASSED: congratulate, offer next.
 *       hint key: lrun_hint(); solution key: restart the step, then
 *       play lrun_solution().
 *     LESSON_QUESTION: lrun_answer_choice/_text/_order(); then show
 *       lrun_cur()->explain through lrun_expand() (it may use {answer}).
 *       For order questions show the items in lrun_order_shuffle() order.
 *     next/back/restart keys: lrun_next(), lrun_back(),
 *       lrun_restart_step(), then go round the loop again.
 */
#ifndef TCPTEACH_LESSON_RUN_H
#define TCPTEACH_LESSON_RUN_H

#include <stdbool.h>
#include <stddef.h>

#include "lesson/lesson.h"

struct lrun {
	const struct lesson *l;
	size_t step;			/* index into l->steps */
	struct world w;			/* canonical world at this step */
	struct lesson_hist hist;	/* when states were entered in w */
	struct script entry;		/* fresh world -> w */
	size_t nprefix;			/* entry.cmds[nprefix..]: run lines */
	struct sim_notices base;	/* notices seen before the step */
	size_t nhints;			/* hints handed out */
	bool done;			/* task passed or answered right */
	bool answered;			/* a question has been answered */
	unsigned tries;			/* answers given to this question */
	/* The correct answer of a question step. */
	bool answer_ok;			/* it could be computed */
	struct lesson_value answer;	/* value questions */
	int correct;			/* choice questions, else -1 */
	char answer_text[256];		/* for {answer} */
	/* Why the step could not be entered (broken) or its answer
	 * computed (!answer_ok): a defect of the lesson, not the learner. */
	bool broken;
	unsigned err_line;
	char err[400];
};

/* Start at step (0-based; clamped to the last step).  False when the
 * lesson itself is broken at that step (lr->err, lr->err_line); the
 * runner is still usable and lrun_free must be called. */
bool lrun_start(struct lrun *lr, const struct lesson *l, size_t step);
void lrun_free(struct lrun *lr);
bool lrun_goto(struct lrun *lr, size_t step);
bool lrun_next(struct lrun *lr);	/* false at the last step too */
bool lrun_back(struct lrun *lr);	/* false at the first step too */
bool lrun_restart_step(struct lrun *lr);
const struct lesson_step *lrun_cur(const struct lrun *lr);
bool lrun_at_end(const struct lrun *lr);

/* The commands that build this step's world from a fresh one; the step's
 * own run lines are cmds[*nprefix..*n). */
const struct cmd *lrun_step_cmds(const struct lrun *lr, size_t *n,
    size_t *nprefix);
/* The solution of a task step, to play from the step's start. */
const struct cmd *lrun_solution(const struct lrun *lr, size_t *n);
/* Apply lrun_step_cmds() to w (fresh from world_init), as the UI would. */
bool lrun_replay(struct world *w, const struct lrun *lr);
/* Apply cmds to w; on failure *line and why say which and why. */
bool lrun_play_cmds(struct world *w, const struct cmd *cmds, size_t n,
    unsigned *line, char *why, size_t whysize);

enum lrun_check { LRUN_NO_TASK, LRUN_NOT_YET, LRUN_PASSED };
/* Are the step's checks true of the learner's world w?  Notices count
 * since the step began.  Not yet: why names the first failing check. */
enum lrun_check lrun_check(struct lrun *lr, const struct world *w,
    char *why, size_t whysize);

/* words.c: why the step's first failing check fails in w, in the
 * learner's words (translated); false when every check holds. */
bool lrun_check_words(const struct lrun *lr, const struct world *w,
    char *why, size_t whysize);
/* past.c: do all of the step's checks hold in w? */
bool lrun_goal_holds(const struct lrun *lr, const struct world *w);
/* past.c: apply a session's commands to w as the session did: an
 * expect that failed or a settle that stopped does not end the replay. */
void lrun_play_session(struct world *w, const struct cmd *cmds, size_t n);
/* When the first check that fails in the world of cmds[0..pos)
 * held during the learner's commands cmds[base..pos) (the host entered
 * the state, the segment was delivered or dropped), say so in why. */
bool lrun_past_goal(const struct lrun *lr, const struct cmd *cmds,
    size_t base, size_t pos, char *why, size_t whysize);
/* Alike as a learner sees them: the clock, each host's state and
 * numbers, and what is in flight. */
bool lrun_worlds_alike(const struct world *a, const struct world *b);
/* Moving on from w sets the learner's events aside: the step is not
 * done and w is not the world the next step starts from.  A goal
 * reached by another way counts as done. */
bool lrun_sets_aside(const struct lrun *lr, const struct world *w);
/* Is w (the learner's) the world the next step starts from: the step's
 * own, after its solution if it has one? */
bool lrun_world_is_solved(const struct lrun *lr, const struct world *w);
/* A wrong typed answer that is another field of the same segment, or
 * the other host's: say which in why. */
bool lrun_wrong_why(const struct lrun *lr, const char *typed, char *why,
    size_t whysize);

enum lrun_verdict { LRUN_RIGHT, LRUN_WRONG, LRUN_INVALID };
enum lrun_verdict lrun_answer_choice(struct lrun *lr, size_t i);
/* A typed number or word ("301", "0.2", "TIME_WAIT"). */
enum lrun_verdict lrun_answer_text(struct lrun *lr, const char *typed);
/* order[k] is the index (in the file, i.e. the right order) of the item
 * the learner put at position k. */
enum lrun_verdict lrun_answer_order(struct lrun *lr, const size_t *order,
    size_t n);
/* A display order for an order question that is not already solved:
 * perm[k] = item shown at position k.  Deterministic. */
void lrun_order_shuffle(const struct lrun *lr, size_t *perm);
/* The correct choice (choice questions) or -1. */
int lrun_correct_choice(const struct lrun *lr);

/* The next hint (raw text: pass it to lrun_expand), or NULL. */
const char *lrun_hint(struct lrun *lr);
/* Expand {QUERY} placeholders against the step's world. */
bool lrun_expand(const struct lrun *lr, const char *text, char *buf,
    size_t size);

/* --check: prove the lesson works.  report() is called with the line and
 * a translated message for each defect; returns how many there were. */
unsigned lesson_validate(const struct lesson *l,
    void (*report)(void *ctx, unsigned line, const char *msg), void *ctx);

#endif
