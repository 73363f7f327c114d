/*
 * Lesson progress: which step each lesson was left at, and whether it was
 * completed, kept across runs.
 *
 * Data model: one file, $XDG_STATE_HOME/tcpteach/progress (or
 * ~/.local/state/tcpteach/progress), of lines
 *
 *   tcpteach-progress 2
 *   02-handshake 4 open 1,3
 *   01-header 1 done 1-7
 *
 * (lesson name, the 1-based step to resume at, open or done, and the
 * steps done as ranges, or "-" for none).  The step is the furthest one
 * reached, so going back to reread and then leaving loses nothing; the
 * steps done are kept one by one, so a step skipped on the way is still
 * not done when the lesson is resumed.  Version 1 files, whose lines have
 * no list, are still read: there the steps before the place count as
 * done.  Names are the file names without ".lesson", the same in every
 * language, so switching language keeps one's place.  The file is
 * replaced atomically.  A file that does not parse is never overwritten:
 * it is renamed aside to progress.bad-YYYYMMDDTHHMMSS and the learner is
 * told.
 */
#ifndef TCPTEACH_LESSON_PROGRESS_H
#define TCPTEACH_LESSON_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define LESSON_NAME_MAX 64
/* Steps whose marks are kept one by one; a later step counts as done
 * when it lies before the place (as in a version 1 file). */
#define LESSON_MARK_STEPS 64

struct lesson_mark {
	char name[LESSON_NAME_MAX];
	unsigned step;			/* 1-based */
	bool done;
	uint64_t steps;			/* bit i: step i + 1 done */
};

struct lesson_progress {
	char *path;			/* NULL: no home to save in */
	struct lesson_mark *v;
	size_t n, cap;
};

enum lesson_progress_status {
	LESSON_PROGRESS_OK,		/* loaded, or no file yet */
	LESSON_PROGRESS_DAMAGED,	/* renamed aside; starting empty */
	LESSON_PROGRESS_ERROR		/* cannot read or save */
};

/* The file's path from the environment, or NULL (caller frees). */
char *lesson_progress_path(void);
/* Load from path (NULL: lesson_progress_path()).  msg gets a translated
 * sentence for DAMAGED and ERROR. */
enum lesson_progress_status lesson_progress_load(struct lesson_progress *p,
    const char *path, char *msg, size_t msgsize);
void lesson_progress_free(struct lesson_progress *p);
/* NULL when the lesson has no record. */
const struct lesson_mark *lesson_progress_get(const struct lesson_progress *p,
    const char *name);
/* Was step i (0-based) of the lesson done?  m may be NULL. */
bool lesson_mark_step_done(const struct lesson_mark *m, size_t i);
/* Record a position with the steps before it done (done stays true once
 * set), then save. */
enum lesson_progress_status lesson_progress_set(struct lesson_progress *p,
    const char *name, unsigned step, bool done, char *msg, size_t msgsize);
/* The same with the steps done given (bit i: step i + 1). */
enum lesson_progress_status lesson_progress_keep(struct lesson_progress *p,
    const char *name, unsigned step, bool done, uint64_t steps, char *msg,
    size_t msgsize);
enum lesson_progress_status lesson_progress_save(
    const struct lesson_progress *p, char *msg, size_t msgsize);

#endif
