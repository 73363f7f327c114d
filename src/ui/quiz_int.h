/*
 * Inside the curses layer: the interactive drill (`tcpteach quiz`) and
 * the timed exam (`tcpteach exam`), which share one loop, one command
 * table and one painter.
 *
 * Data model: struct qui owns an exam session (src/quiz/session.h) for
 * both modes; the drill simply never saves it.  Besides it, only
 * presentation: which screen is up (a question, the exam's question list,
 * the final report) and how far the body is scrolled (an ORDER or
 * NUMERIC answer is typed at the loop's prompt); messages and yes/no
 * questions are the loop's (struct app).  "done" means answers are
 * final and shown judged: the drill has run out of questions, or the
 * exam was submitted.  Then n and p walk the review list (the drill's
 * missed questions, every question of the exam).  The drill and the exam
 * are two screens over one command table; handlers return what to
 * repaint (QR_*) and never call curses; the windows are the painter's.
 */
#ifndef TCPTEACH_UI_QUIZ_INT_H
#define TCPTEACH_UI_QUIZ_INT_H

#include <stdbool.h>
#include <stdint.h>

#include "quiz/doc.h"
#include "quiz/session.h"
#include "ui/screen.h"

#define QR_TITLE	UI_R_P0
#define QR_BODY		UI_R_P1
#define QR_ENTRY	UI_R_P2
#define QR_STATUS	UI_R_P3

#define QUI_MIN_COLS 40
#define QUI_MIN_ROWS 12
/* While a countdown runs, the attempt file is brought up to date this
 * often, so a crash loses little of the time record. */
#define QUI_SAVE_EVERY_MS 10000

enum qui_mode { QUI_DRILL, QUI_EXAM };

enum qui_screen { QUI_S_QUESTION, QUI_S_LIST, QUI_S_REPORT };

struct qui_wins;
struct quiz_cli_tui;

struct qui {
	struct screen sc;
	enum qui_mode mode;
	struct exam_session es;
	bool done;
	enum qui_screen screen;
	struct exam_session offer;	/* exam: an attempt to resume */
	bool has_offer;
	char *dir;			/* exam: the results directory */
	unsigned *review;		/* done: the questions n/p walk */
	size_t nreview, rpos;
	unsigned listsel;
	int top;			/* body lines scrolled off the top */
	int body_rows;			/* the body's height, for paging */
	bool to_mark;			/* scroll the feedback into view */
	struct qdoc doc;
	struct qui_wins *win;
	uint64_t last_ms;		/* monotonic clock at the last tick */
	uint64_t saved_elapsed;		/* es.elapsed_ms when last saved */
};

extern const struct screen_def qui_drill_def, qui_exam_def;

/* The screen's message (the loop shows it on the entry line). */
#define qui_message(qu, ...) screen_message(&(qu)->sc, __VA_ARGS__)

/* quiz_ui.c */
void qui_init(struct qui *qu, enum qui_mode mode);
void qui_finish(struct qui *qu);
unsigned qui_current(const struct qui *qu);
void qui_free(struct qui *qu);

/* exam_ui.c */
int qui_exam_changed(struct qui *qu);
int qui_exam_tick(struct screen *sc, uint64_t now);
int qui_exam_busy(const struct screen *sc, uint64_t now);
int qui_exam_submit(struct qui *qu, bool timeout);
void qui_exam_offer(struct qui *qu);
int qui_exam_open(struct qui *qu, const struct quiz_cli_tui *t);
/* The exit status: 1 when the attempt could not be saved. */
int qui_exam_goodbye(struct qui *qu);

#endif
