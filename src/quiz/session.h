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
#include <stdio.h>

#include "quiz/exam.h"

#define EXAM_RESULT_VERSION 2

/* What the attempt file records of the wall clock: when the attempt
 * started, every quit (suspend) and return (resume), a fresh start that
 * replaced an unsubmitted attempt, and the submission. */
enum exam_event_kind { EXAM_EV_START, EXAM_EV_SUSPEND, EXAM_EV_RESUME,
    EXAM_EV_RESTART, EXAM_EV_SUBMIT };
#define EXAM_NEVENTS 5
#define EXAM_MAXEVENTS 1000

struct exam_event {
	enum exam_event_kind kind;
	int64_t at;				/* wall clock, epoch seconds */
	uint64_t elapsed_ms;			/* exam time used by then */
};

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
	struct exam_event *ev;			/* the wall-clock record */
	size_t nev;
	/* Set when a resumed file did not match its digest: it was edited
	 * outside tcpteach.  Kept in the file for the grader to flag. */
	bool edited;
	bool save_failed;			/* the last save failed */
	char save_err[640];			/* why, in full, translated */
	char *lock;				/* lock file held, or NULL */
	long lock_pid;				/* the process id it holds */
};

struct exam_score {
	unsigned right, answered, total;
	unsigned percent;			/* rounded down */
};

/* Start an attempt.  bank may be NULL.  False if no question fits. */
bool exam_session_start(struct exam_session *s, const struct exam_params *p,
    const struct quiz_bank *bank, int64_t now_epoch);
/* The same with the bank of p's language, read here (none with
 * generated_only; a bank that cannot be read is left out). */
bool exam_session_start_lang(struct exam_session *s,
    const struct exam_params *p, int64_t now_epoch);
/* Would an attempt made with a be an attempt at b's exam?  The seed and
 * the student are the attempt file's name (exam_attempt_latest). */
bool exam_params_same(const struct exam_params *a,
    const struct exam_params *b);
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
/* "12:04 left" with a limit, else the time used so far, "3:10". */
char *exam_session_clock_text(const struct exam_session *s, char *buf,
    size_t size);
/* Milliseconds until the countdown shows its next second; -1 when no
 * countdown runs (no limit, or submitted). */
int exam_session_next_second(const struct exam_session *s);
void exam_session_submit(struct exam_session *s);
/* Record a wall-clock event (at most EXAM_MAXEVENTS are kept). */
void exam_session_note(struct exam_session *s, enum exam_event_kind k,
    int64_t now_epoch);
const char *exam_event_name(enum exam_event_kind k);	/* "suspend" */
/*
 * Submit for real: mark the attempt submitted and write it.  If the file
 * cannot be written the attempt is NOT submitted (submitted stays false,
 * the answers stay open, save_err says why) and false is returned: a
 * submission nobody can collect must not show the key.
 */
bool exam_session_submit_save(struct exam_session *s, int64_t now_epoch);
/* "Start afresh" instead of resuming old: the exam clock goes on from
 * where old stopped (a fresh start gives no fresh time), and the new
 * attempt records the restart. */
void exam_session_afresh(struct exam_session *s,
    const struct exam_session *old, int64_t now_epoch);
/* Take over old's place (the student chose to resume it): s's lock stays,
 * the rest is old's; the resume is recorded. */
void exam_session_adopt(struct exam_session *s, struct exam_session *old,
    int64_t now_epoch);

/* Read a typed answer: "b", "C A D B" or "CADB", "4.15" (seconds).  False
 * if it does not fit the question. */
bool exam_answer_parse(const struct quiz_question *q, const char *text,
    struct exam_answer *a);
/* How a typed answer to q is written, for one that did not parse. */
const char *exam_answer_how(const struct quiz_question *q);
bool exam_answer_right(const struct quiz_question *q,
    const struct exam_answer *a);
struct exam_score exam_session_score(const struct exam_session *s);

/* The attempt as one JSON document (caller frees). */
char *exam_session_json(const struct exam_session *s);
/* Write it atomically to s->path; 0, or -1 with errno set and
 * s->save_failed / s->save_err telling the whole story ("Cannot save the
 * attempt to PATH: No space left on device"). */
int exam_session_save(struct exam_session *s);
/* The digest kept at the end of an attempt file, over what precedes it:
 * a file edited by hand no longer matches. */
uint64_t exam_attempt_digest(const char *text, size_t len);
/* Does the document text end in a digest that matches it? */
bool exam_attempt_digest_ok(const char *text, size_t len);
/* The whole of a file of at most 8 MiB, or NULL with errno. */
char *exam_read_file(const char *path, size_t *len);
/* Rebuild an attempt from its file: parameters, answers, time used, the
 * wall-clock record.  The bank of the saved language is loaded here.  The
 * time limit comes from the exam's minutes, never from the file.  A
 * submitted attempt (by its file, its record or its receipt) is refused:
 * it is never reopened.  On error returns false and writes a translated
 * message. */
bool exam_session_resume(struct exam_session *s, const char *path,
    char *err, size_t errsize);
/* The attempt as its file says, submitted or not, for grading: the exam
 * rebuilt (with bank, or the saved language's bank when NULL), the
 * answers, the record, and edited set when the digest does not match. */
bool exam_attempt_read(struct exam_session *s, const char *path,
    const struct quiz_bank *bank, char *err, size_t errsize);

/* $XDG_DATA_HOME/tcpteach/results (or ~/.local/share/...); caller frees. */
char *exam_results_dir(void);
/* DIR/STUDENT-SEED-STARTED.json ("anonymous" without a student id), or
 * DIR/STUDENT-SEED-STARTED-N.json when that file exists already. */
char *exam_attempt_path(const char *dir, const struct exam_session *s);
/* The newest attempt file in dir at the exam of p's seed and student that
 * was not submitted, or NULL; caller frees.  For offering to resume. */
char *exam_attempt_latest(const char *dir, const struct exam_params *p);
/* A submitted attempt at p's exam in dir other than except (which may be
 * NULL), or NULL; caller frees.  Once one is submitted no other attempt
 * of that exam may be started or resumed. */
char *exam_attempt_submitted(const char *dir, const struct exam_params *p,
    const char *except);
/* The directory of an attempt file ("." for a bare name); caller frees. */
char *exam_attempt_dir(const char *attempt_path);
/* The receipt written next to a submitted attempt (a dot file), which
 * keeps it closed even if the attempt file is edited back to unsubmitted;
 * caller frees. */
char *exam_receipt_path(const char *attempt_path);

/*
 * One running exam per student and seed in a results directory: a lock
 * file DIR/STUDENT-SEED.lock created exclusively, holding the process id.
 * DIR is the directory of s->path when the attempt has a file (a resume),
 * else dir.  A lock whose process is gone is taken over.  False with a
 * translated message when another live instance holds it, or when an
 * attempt at the same exam in DIR was submitted: one exam per student and
 * seed, so nothing else of it is started or resumed after a submission.
 */
bool exam_session_lock(struct exam_session *s, const char *dir, long pid,
    char *err, size_t errsize);
/* Create the results directory if need be; false with a translated
 * message naming it and the reason. */
bool exam_results_ready(const char *dir, char *err, size_t errsize);
void exam_session_unlock(struct exam_session *s);

/*
 * The teacher's side: grade every attempt file (*.json) in the given
 * directories from its answers and its questions alone (stored scores are
 * only compared, never used), and write one CSV row per attempt (student,
 * seed, score, a mark per question, flags) to csv and a per-question
 * summary to summary.  Flags name what the teacher should look at:
 * not-submitted, edited, stored-score-differs, over-time,
 * over-wall-clock, clock-differs, resumed, restarted, several-attempts,
 * seed-differs, minutes-differs, no-record.  Returns an exit status: 0, 1 when a file could not be
 * graded (its reason on err), 2 when there was nothing to grade.
 */
struct exam_grade_opts {
	bool seed_set, minutes_set;
	uint64_t seed;
	unsigned minutes;
};
int exam_grade(char *const *dirs, int ndirs, const struct exam_grade_opts *o,
    FILE *csv, FILE *summary, FILE *err);

#endif
