/*
 * Hints computed from the learner's own world, for when it has left the
 * path the lesson's author wrote a step's hints for (a segment dropped,
 * another one delivered, a timer let fire, the goal gone past).  No
 * curses: the lesson screen shows the text, the tests read the moves.
 *
 * Data model: a struct lhint is the answer to "where am I and how do I
 * get to this step's goal from here?", computed afresh from the session's
 * commands each time it is asked.  The learner's world is rebuilt with
 * world_replay; the way forward is a breadth-first search over the
 * menu's moves the step is about (the wire, the timers, and the kinds of
 * event its solution plays, with their keys or typed as `wait 50ms`),
 * each tried on a world_copy of the learner's world,
 * for the shortest sequence after which every check of the step holds:
 * first with only the kinds of move the solution plays, in its order,
 * then with all of them.  A move that sends a new SYN or an RST where the
 * step's solution sends none, or delivers one the learner's own such
 * event sent, is never part of a way: it reaches the check lines by a
 * route the step does not teach (a reset ending TIME_WAIT, a reconnect
 * instead of a retransmission).
 * Worlds no check can tell apart are searched once.  The
 * first move is named by its key and described by what the core does
 * when it is played; the text is translated.
 */
#ifndef TCPTEACH_LESSON_HINT_H
#define TCPTEACH_LESSON_HINT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lesson/run.h"

#define LHINT_DEPTH 4		/* moves searched from the learner's */
#define LHINT_BUDGET 20000	/* worlds tried in one search */
#define LHINT_MOVES 48		/* moves offered in one world */

enum lhint_way {
	LHINT_DONE,		/* every check holds already */
	LHINT_FOUND,		/* moves[0..nmoves) reach the goal */
	LHINT_GONE,		/* every world the moves reach was tried */
	LHINT_FAR		/* not within LHINT_DEPTH moves (or budget) */
};

struct lhint {
	bool on_path;		/* the world is one the solution passes */
	bool past;		/* a check held earlier in the step */
	enum lhint_way way;
	size_t nmoves;
	struct cmd moves[LHINT_DEPTH];
	size_t tried;		/* worlds the search tried */
	char text[1536];	/* translated: the world, then the way */
};

/* Is w one of the worlds the step's solution passes through from the
 * step's start (a settle counted one delivery at a time)? */
bool lhint_on_path(const struct lrun *lr, const struct world *w);

/* Which of the learner's commands cmds[base..pos) made the goal
 * unreachable (*at): the latest after which the search still found a
 * way, which *before holds; false while the goal is within reach, or
 * never was. */
bool lhint_stray(const struct lrun *lr, const struct cmd *cmds, size_t base,
    size_t pos, size_t *at, struct lhint *before);

/* The moves offered in w, in the order they are preferred: deliveries,
 * the next timer, settle, then the host calls and drops the step's
 * solution makes, its keyless commands (wait 50ms) and a wait to the
 * clock a check asks for: the step's own events, not the whole menu. */
size_t lhint_moves(const struct lrun *lr, const struct world *w,
    struct cmd *out, size_t max);

/* The hint for a task step whose learner has played cmds[0..pos), the
 * learner's own from base on; sel is the segment the UI has chosen (its
 * digit keys), 0 for none. */
void lhint_compute(const struct lrun *lr, const struct cmd *cmds,
    size_t base, size_t pos, uint32_t sel, struct lhint *h);

/* hint_text.c: the key that plays c in w ("d", "7, then d", ": and type
 * `wait 50ms`"), translated. */
char *lhint_key(const struct cmd *c, const struct world *w, uint32_t sel,
    char *buf, size_t size);
/* "You pressed d: #1 SYN arrives at the server. From there the goal can
 * no longer be reached: #1 SYN had to stay in flight. Press u, then 2,
 * then d.", or false (see lhint_stray). */
bool lhint_stray_text(const struct lrun *lr, const struct cmd *cmds,
    size_t base, size_t pos, char *buf, size_t size);
/* Fill h->text from the learner's world w and h's search result. */
void lhint_describe(struct lhint *h, const struct world *w, uint32_t sel);

#endif
