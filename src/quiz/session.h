/*
 * A timed exam attempt, for the TUI to drive: answers that can be changed
 * until submit, a countdown, a score, and a JSON file per attempt that is
 * rewritten atomically after every change so an interrupted attempt can be
 * resumed where it stopped.
 *
 * Data model: the session owns the exam (rebuilt from its parameters on
 * resume, and checked against the saved question ids) and one struct
 * exam_answer per question, recorded as the student sees it: the label
 * position picked, the order of labels, or a number of milliseconds.
 * Time is whatever the caller says: the UI passes elapsed milliseconds
 * from a monotonic clock and the wall-clock start in seconds; the model
 * never reads a clock, so tests can drive it.
 */
#ifndef TCPTEACH_QUIZ_SESSION_H
#define TCPTEACH_QUIZ_SESSION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "quiz/exam.h"

#define EXAM_RESULT_VERSION 1

struct exam_answer {
	bool given;
	unsigned choice;			/* CHOICE: position picked */
	unsigned order[QUIZ_MAXOPT];		/* ORDER: positions, in order */
	uint64_t number_ms;			/* NUMERIC */
};

struct exam_session {
	struct exam ex;
	struct exam_answer *ans;		/* ex.n of them */
	uint64_t limit_ms;			/* 0: no limit */
	uint64_t elapsed_ms;			/* used so far, over resumes */
	int64_t started;			/* seconds since the epoch */
	unsigned current;			/* question on screen */
	bool submitted;
	char *path;				/* attempt file, or NULL */
};

struct exam_score {
	unsigned right, answered, total;
	unsigned percent;			/* rounded down */
};

/* Start an attempt.  bank may be NULL.  False if no question fits. */
bool exam_session_start(struct exam_session *s, const struct exam_params *p,
    const struct quiz_bank *bank, int64_t now_epoch);
void exam_session_free(struct exam_session *s);

/* Recording answers; each returns false (and changes nothing) for a bad
 * index, a wrong type or an attempt already submitted. */
bool exam_session_choose(struct exam_session *s, unsigned qi, unsigned pos);
bool exam_session_order(struct exam_session *s, unsigned qi,
    const unsigned *pos, unsigned n);
bool exam_session_number(struct exam_session *s, unsigned qi,
    uint64_t ms);
bool exam_session_clear(struct exam_session *s, unsigned qi);

/* Let time pass; true when the time is up (the caller then submits). */
bool exam_session_tick(struct exam_session *s, uint64_t delta_ms);
uint64_t exam_session_remaining(const struct exam_session *s);
void exam_session_submit(struct exam_session *s);

/* Read a typed answer: "b", "C A D B" or "CADB", "4.15" (seconds).  False
 * if it does not fit the question. */
bool exam_answer_parse(const struct quiz_question *q, const char *text,
    struct exam_answer *a);
bool exam_answer_right(const struct quiz_question *q,
    const struct exam_answer *a);
struct exam_score exam_session_score(const struct exam_session *s);

/* The attempt as one JSON document (caller frees). */
char *exam_session_json(const struct exam_session *s);
/* Write it atomically to s->path; 0 or -1 with errno. */
int exam_session_save(const struct exam_session *s);
/* Rebuild an attempt from its file: parameters, answers, time used.  The
 * bank of the saved language is loaded here.  On error returns false and
 * writes a translated message. */
bool exam_session_resume(struct exam_session *s, const char *path,
    char *err, size_t errsize);

/* $XDG_DATA_HOME/tcpteach/results (or ~/.local/share/...); caller frees. */
char *exam_results_dir(void);
/* DIR/STUDENT-SEED-STARTED.json ("anonymous" without a student id). */
char *exam_attempt_path(const char *dir, const struct exam_session *s);
/* The newest attempt file in dir at the exam of p's seed and student that
 * was not submitted, or NULL; caller frees.  For offering to resume. */
char *exam_attempt_latest(const char *dir, const struct exam_params *p);

#endif
