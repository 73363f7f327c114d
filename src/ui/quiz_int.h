/*
 * Inside the curses layer: the interactive drill (`tcpteach quiz`) and
 * the timed exam (`tcpteach exam`), two screens over one command table
 * and one painter.
 *
 * Data model: struct qui holds a sitting (src/quiz/sitting.h: the
 * attempt, the page up, answering, moving, the clock, submitting) and
 * only presentation beside it: how far the body is scrolled, whether to
 * bring the drill's fresh feedback into view, the page's text as the
 * painter wrapped it, and the windows.  An ORDER or NUMERIC answer is
 * typed at the loop's prompt; messages and yes/no questions are the
 * loop's (struct app).  Handlers call the sitting and return what to
 * repaint (QR_*), never calling curses; the windows are the painter's.
 */
#ifndef TCPTEACH_UI_QUIZ_INT_H
#define TCPTEACH_UI_QUIZ_INT_H

#include <stdbool.h>
#include <stdint.h>

#include "quiz/doc.h"
#include "quiz/sitting.h"
#include "ui/screen.h"

#define QR_TITLE	UI_R_P0
#define QR_BODY		UI_R_P1
#define QR_ENTRY	UI_R_P2
#define QR_STATUS	UI_R_P3

#define QUI_MIN_COLS 40
#define QUI_MIN_ROWS 12

struct qui_wins;
struct quiz_cli_tui;

struct qui {
	struct screen sc;
	struct sitting sit;
	int top;			/* body lines scrolled off the top */
	int body_rows;			/* the body's height, for paging */
	bool to_mark;			/* scroll the feedback into view */
	struct qdoc doc;
	struct qui_wins *win;
	uint64_t last_ms;		/* monotonic clock at the last tick */
};

extern const struct screen_def qui_drill_def, qui_exam_def;

/* quiz_ui.c */
void qui_init(struct qui *qu, enum sitting_mode mode);
void qui_free(struct qui *qu);
/* What the sitting changed, as parts to repaint; shows its message. */
int qui_did(struct qui *qu, enum sitting_change c);

/* exam_ui.c */
int qui_exam_tick(struct screen *sc, uint64_t now);
int qui_exam_busy(const struct screen *sc, uint64_t now);
int qui_exam_submit(struct qui *qu, bool timeout);
void qui_exam_offer(struct qui *qu);
int qui_exam_open(struct qui *qu, const struct quiz_cli_tui *t);
/* The exit status: 1 when the attempt could not be saved. */
int qui_exam_goodbye(struct qui *qu);

#endif
