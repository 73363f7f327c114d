/*
 * One sitting of the drill (`tcpteach quiz`) or the timed exam
 * (`tcpteach exam`), as a front end drives it: the question up, answering
 * it (an option letter, a typed order or number of seconds), moving
 * between questions, the exam's list of questions, its clock, submitting,
 * resuming an attempt found lying there, and the text of each page.
 *
 * Data model: struct sitting owns an exam session (session.h) in both
 * modes; the drill simply never saves it.  Beside it: the page shown (a
 * question, the exam's list, the report), the list's choice, and "done":
 * the answers are final and shown judged (the drill has run out of
 * questions, or the exam was submitted); then the review list is what n
 * and p walk (the drill's missed questions, every question of the exam).
 * Each call returns what changed (enum sitting_change) and may leave
 * what the learner should read, translated, in say, until the front end
 * shows it and empties it; the messages name the terminal's keys, as the
 * lesson's hints do.  Time comes in as arguments (milliseconds of a
 * monotonic clock, the wall clock in seconds): nothing here reads one.
 */
#ifndef TCPTEACH_QUIZ_SITTING_H
#define TCPTEACH_QUIZ_SITTING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "quiz/cli.h"
#include "quiz/doc.h"
#include "quiz/session.h"

/* While a countdown runs, the attempt file is brought up to date this
 * often, so a crash loses little of the time record. */
#define SITTING_SAVE_EVERY_MS 10000

enum sitting_mode { SITTING_DRILL, SITTING_EXAM };

enum sitting_page { SITTING_QUESTION, SITTING_LIST, SITTING_REPORT };

/* What a call changed, least first. */
enum sitting_change {
	SITTING_NONE,		/* nothing */
	SITTING_SAID,		/* only say (which may be empty) */
	SITTING_CLOCK,		/* the clock and the score line */
	SITTING_MOVED,		/* the list's choice */
	SITTING_REDRAW,		/* the page's content */
	SITTING_NEW_PAGE,	/* another page, shown from its top */
	SITTING_JUDGED,		/* the drill judged: show the verdict */
	SITTING_TYPE		/* the answer is typed: open the prompt */
};

struct sitting {
	enum sitting_mode mode;
	struct exam_session es;
	bool done;
	enum sitting_page page;
	unsigned *review;		/* done: the questions n/p walk */
	size_t nreview, rpos;
	unsigned listsel;		/* the exam list's choice */
	struct exam_session offer;	/* exam: an attempt to resume */
	bool has_offer;
	char *dir;			/* exam: the results directory */
	uint64_t saved_elapsed;		/* es.elapsed_ms when last saved */
	char say[700];			/* a message not yet shown, or "" */
	bool say_err;
};

void sitting_init(struct sitting *s, enum sitting_mode mode);
void sitting_free(struct sitting *s);
unsigned sitting_current(const struct sitting *s);
const struct quiz_question *sitting_question(const struct sitting *s);
/* Is the question up shown judged (answers final, or the drill's
 * answer given)?  Is an ORDER or NUMERIC answer to it due? */
bool sitting_judged(const struct sitting *s);
bool sitting_typing_due(const struct sitting *s);

/* Answering the question up: an option (0 for A), a digit that starts a
 * number of seconds, or the text typed at the prompt. */
enum sitting_change sitting_letter(struct sitting *s, unsigned pos);
enum sitting_change sitting_digit(struct sitting *s);
enum sitting_change sitting_typed(struct sitting *s, const char *text);
enum sitting_change sitting_clear(struct sitting *s);

/* Enter: open the list's choice or the review's question, or go on. */
enum sitting_change sitting_enter(struct sitting *s);
/* Next (d > 0) or previous question; in the list, the choice. */
enum sitting_change sitting_move(struct sitting *s, int d);
/* The list's choice by step questions, kept in the list. */
enum sitting_change sitting_list_move(struct sitting *s, int step);
/* The exam's list (or back from it), the report once done. */
enum sitting_change sitting_list(struct sitting *s);
enum sitting_change sitting_back(struct sitting *s);

/* The question asked before submitting, or NULL (and say tells why)
 * when the exam is submitted already. */
const char *sitting_submit_ask(struct sitting *s, char *buf, size_t size);
/* Submit and save (timeout: the clock did it); answers are final only
 * if the attempt file was written. */
enum sitting_change sitting_submit(struct sitting *s, bool timeout,
    int64_t now_epoch);
/* The question asked before quitting, or NULL to quit at once. */
const char *sitting_quit_ask(const struct sitting *s);

/* Let delta_ms of the exam's time pass; submits when it is up. */
enum sitting_change sitting_tick(struct sitting *s, uint64_t delta_ms,
    int64_t now_epoch);
/* Milliseconds until the clock shows its next second, or -1. */
int sitting_next_tick(const struct sitting *s);

/* Start the exam of t (or resume t->resume): the results directory, its
 * lock, the attempt file, and an unsubmitted attempt at the same exam
 * to offer (has_offer).  An exit status; err says why when not 0. */
int sitting_exam_open(struct sitting *s, const struct quiz_cli_tui *t,
    long pid, int64_t now_epoch, char *err, size_t errsize);
/* The learner's answer to the offer: resume it (yes) or start afresh. */
enum sitting_change sitting_resume(struct sitting *s, bool yes,
    int64_t now_epoch);
/* Leaving: an open attempt records the suspension and is saved. */
void sitting_leave(struct sitting *s, int64_t now_epoch);
/* Save the attempt file now; false (say tells why) if it failed. */
bool sitting_save(struct sitting *s);

/* The title bar's text: which page or question, and the clock. */
void sitting_title(const struct sitting *s, char *left, size_t lsize,
    char *right, size_t rsize);
/* The status bar's left text: the score, or the answers so far. */
void sitting_score_line(const struct sitting *s, char *buf, size_t size);
/* The status bar's right text: the keys that matter on the page up
 * (for the drill, how the question up is answered); buf may hold it. */
const char *sitting_keys(const struct sitting *s, char *buf, size_t size);
/* The page up as paragraphs (the offer, a question, the list, or the
 * report). */
void sitting_doc(const struct sitting *s, struct qdoc *d);

#endif
