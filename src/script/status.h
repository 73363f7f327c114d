/*
 * The status lines as words, without curses.  The simulator's is a list
 * of parts, each with a shorter form and the stage at which it gives way,
 * fitted to a width by one rule; which parts it shows come from its
 * session.  A lesson's is a sentence and the panel's keys, which give way
 * first (status.c).  A front end paints the two fitted sides.
 */
#ifndef TCPTEACH_SCRIPT_STATUS_H
#define TCPTEACH_SCRIPT_STATUS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "script/session.h"
#include "sim/ladder_text.h"
#include "sim/world.h"

/* One part of the status line, with its own words.  brief replaces full
 * from stage drop on ("": the part is left out from then); drop 0: never
 * shortened. */
struct status_part {
	char full[64];
	char brief[64];
	int drop;
	bool right;		/* among the keys on the right */
	bool gap;		/* two spaces before it, not one */
};

#define STATUS_MAX 16

struct status_line {
	struct status_part part[STATUS_MAX];
	size_t n;
};

/* Which keys the simulator offers on the right: its own editing ones,
 * a lecture's stepping ones, or the way back to the lecture's script
 * once the lecturer has left it. */
enum status_mode { STATUS_EDIT, STATUS_LECTURE, STATUS_BRANCHED };

/* What the simulator's line says besides its session's numbers. */
struct status_sim {
	const struct session *s;
	const char *clock;	/* the time as the ladder's column has it */
	enum ladder_num num;	/* the number mode */
	uint32_t mark;		/* the arrow selected, 0: none */
	enum status_mode mode;
};

/* A NULL or empty full adds nothing; a NULL brief is "". */
void status_add(struct status_line *st, const char *full,
    const char *brief, int drop, bool right, bool gap);

/* The what-if switches set, each a part of its own that turns into its
 * abbreviation at stage drop. */
void status_switches(struct status_line *st, const struct world *w,
    int drop);

/* The simulator's parts, in the order they are shown (status.c says the
 * order in which they give way). */
void status_sim_parts(struct status_line *st, const struct status_sim *in);

/* What a lesson's status line says: the lesson, its step of nsteps,
 * the world's clock, profile and switches, the number mode; mark is the
 * arrow Enter inspects (0: none, or the lesson takes Enter itself). */
struct status_lesson {
	const struct world *w;
	unsigned lesson;
	size_t step, nsteps;
	enum ladder_num num;
	uint32_t mark;
};

/* A lesson's status line fitted in cols: its left part, and its keys in
 * keys (status.c says what gives way). */
void status_lesson_fit(const struct status_lesson *in, int cols,
    char *left, size_t lsize, char *keys, size_t ksize);

/* Fit the parts in cols columns (the bar leaves a column at each end):
 * shorten or leave out parts stage by stage until the line fits. */
void status_fit(const struct status_line *st, int cols, char *left,
    size_t lsize, char *right, size_t rsize);

#endif
