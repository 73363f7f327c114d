/*
 * Lecture mode's script (`tcpteach play FILE`), for any front end:
 * stepping it with its checks, branching off it and back, jumping to a
 * step, and the scenario's comments as captions.
 *
 * Data model: struct lecture keeps a copy of the loaded script (cmds, n)
 * besides the session it drives, and per script command the comment
 * lines written just above it (captions[i], or NULL).  The session's
 * commands are the script until the lecturer applies an event of their
 * own: the session then drops the rest, but the copy stays, branched is
 * set and branch_at remembers the step it left from, so resuming loads
 * the script again and goes back there.  A step is an event with the
 * expect lines after it: next applies them together and back undoes them
 * together, so a check never costs a key press.
 */
#ifndef TCPTEACH_SCRIPT_LECTURE_H
#define TCPTEACH_SCRIPT_LECTURE_H

#include <stdbool.h>
#include <stddef.h>

#include "script/parse.h"
#include "script/session.h"

struct lecture {
	struct cmd *cmds;
	size_t n;
	char **captions;
	bool branched;
	size_t branch_at;
};

/* Load cmds into s and keep a copy; path (NULL or "-": none) is read
 * again for the comments the parser drops. */
void lecture_load(struct lecture *lc, struct session *s,
    const struct cmd *cmds, size_t n, const char *path);
/* The same from the scenario file path ("-": standard input); false
 * with the parse error in err, and nothing loaded. */
bool lecture_open(struct lecture *lc, struct session *s, const char *path,
    struct script_err *err);
void lecture_free(struct lecture *lc);
/* The comment written above the step just shown, or NULL. */
const char *lecture_caption(const struct lecture *lc,
    const struct session *s);
/* The lecturer applied an event of their own at step at: keep the
 * script.  True the first time (it was on the script until now). */
bool lecture_branch(struct lecture *lc, size_t at);
/* Back on the script at the step it was left at; false when on it. */
bool lecture_resume(struct lecture *lc, struct session *s);
/* The next step, an event with its checks; false at the end. */
bool lecture_next(struct session *s);
/* Back to where the step before began; false at the beginning. */
bool lecture_back(struct session *s);
/* Step n of the script (the last if beyond), leaving a branch. */
void lecture_jump(struct lecture *lc, struct session *s, size_t n);

#endif
