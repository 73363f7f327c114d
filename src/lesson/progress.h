/*
 * Lesson progress: which step each lesson was left at, and whether it was
 * completed, kept across runs.
 *
 * Data model: one file, $XDG_STATE_HOME/tcpteach/progress (or
 * ~/.local/state/tcpteach/progress), of lines
 *
 *   tcpteach-progress 1
 *   02-handshake 4 open
 *   01-header 7 done
 *
 * (lesson name, 1-based step, open or done).  Names are the file names
 * without ".lesson", the same in every language, so switching language
 * keeps one's place.  The file is replaced atomically.  A file that does
 * not parse is never overwritten: it is renamed aside to
 * progress.bad-YYYYMMDDTHHMMSS and the learner is told.
 */
#ifndef TCPTEACH_LESSON_PROGRESS_H
#define TCPTEACH_LESSON_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>

#define LESSON_NAME_MAX 64

struct lesson_mark {
	char name[LESSON_NAME_MAX];
	unsigned step;			/* 1-based */
	bool done;
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
/* Record a position (done stays true once set), then save. */
enum lesson_progress_status lesson_progress_set(struct lesson_progress *p,
    const char *name, unsigned step, bool done, char *msg, size_t msgsize);
enum lesson_progress_status lesson_progress_save(
    const struct lesson_progress *p, char *msg, size_t msgsize);

#endif
