/*
 * Inside the curses layer: the interactive drill (`tcpteach quiz`) and
 * the timed exam (`tcpteach exam`), which share one loop, one command
 * table and one painter.
 *
 * Data model: struct qui owns an exam session (src/quiz/session.h) for
 * both modes; the drill simply never saves it.  Besides it, only
 * presentation: which screen is up (a question, the exam's question list,
 * the final report), the letters or digits being typed for an ORDER or
 * NUMERIC answer, how far the body is scrolled, a message, a yes/no
 * question being asked, and the help overlay.  "done" means answers are
 * final and shown judged: the drill has run out of questions, or the
 * exam was submitted.  Then n and p walk the review list (the drill's
 * missed questions, every question of the exam).  Handlers return what to
 * repaint (QR_*); the loop paints that, then calls doupdate once.
 */
#ifndef TCPTEACH_UI_QUIZ_INT_H
#define TCPTEACH_UI_QUIZ_INT_H

#include <curses.h>
#include <stdbool.h>
#include <stdint.h>

#include "quiz/session.h"
#include "ui/quiz_doc.h"
#include "ui/ui_int.h"

#define QR_TITLE	0x01
#define QR_BODY		0x02
#define QR_ENTRY	0x04
#define QR_STATUS	0x08
#define QR_ALL		0x0f
#define QR_LAYOUT	0x10

#define QUI_MIN_COLS 40
#define QUI_MIN_ROWS 12
#define QUI_TYPED_MAX 24
/* While a countdown runs, the attempt file is brought up to date this
 * often, so a crash loses little of the time record. */
#define QUI_SAVE_EVERY_MS 10000

enum qui_mode { QUI_DRILL, QUI_EXAM };
#define QUI_M_DRILL 0x1
#define QUI_M_EXAM 0x2
#define QUI_M_BOTH (QUI_M_DRILL | QUI_M_EXAM)

enum qui_screen { QUI_S_QUESTION, QUI_S_LIST, QUI_S_REPORT };

/* A yes/no question in the entry line; any other key than y says no. */
enum qui_ask { QUI_A_NONE, QUI_A_SUBMIT, QUI_A_QUIT, QUI_A_RESUME };

/* Key classes for the command table: any option letter, any digit. */
#define QK_LETTER (-1)
#define QK_DIGIT (-2)

struct qui {
	enum qui_mode mode;
	bool ascii;
	struct exam_session es;
	bool done;
	enum qui_screen screen;
	bool help;
	int help_top;
	enum qui_ask ask;
	struct exam_session offer;	/* exam: an attempt to resume */
	bool has_offer;
	char *dir;			/* exam: the results directory */
	char typed[QUI_TYPED_MAX];	/* ORDER letters or NUMERIC text */
	size_t ntyped;
	unsigned *review;		/* done: the questions n/p walk */
	size_t nreview, rpos;
	unsigned listsel;
	int top;			/* body lines scrolled off the top */
	bool to_mark;			/* scroll the feedback into view */
	struct qdoc doc;
	int rows, cols;
	bool small;
	WINDOW *wtitle, *wbody, *wentry, *wstat;
	struct ui_look lk;
	char msg[512];
	bool msg_err;
	uint64_t last_ms;		/* monotonic clock at the last tick */
	uint64_t saved_elapsed;		/* es.elapsed_ms when last saved */
	int key;
	bool quit;
};

struct qui_cmd {
	const char *name;
	int keys[3];		/* 0 ends the list early; QK_* classes */
	const char *keyname;	/* how help shows the keys */
	const char *help;	/* msgid */
	unsigned modes;		/* QUI_M_* */
	int (*fn)(struct qui *, const struct qui_cmd *);
	int arg;
};

extern const struct qui_cmd qui_cmds[];
extern const size_t qui_ncmds;

/* quiz_cmd.c */
int qui_key(struct qui *qu, int r, wint_t wch);
const struct qui_cmd *qui_cmd_find(const char *name);

/* quiz_ui.c */
void qui_message(struct qui *qu, bool err, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void qui_finish(struct qui *qu);
unsigned qui_current(const struct qui *qu);
bool qui_session(struct exam_session *s, const struct exam_params *p);
int qui_refuse(bool exam);
int qui_run(struct qui *qu);
void qui_free(struct qui *qu);

/* exam_ui.c */
int qui_exam_changed(struct qui *qu);
int qui_exam_tick(struct qui *qu);
int qui_exam_submit(struct qui *qu, bool timeout);
int qui_exam_resume_offer(struct qui *qu, bool yes);
void qui_exam_remaining(const struct qui *qu, char *buf, size_t size);

/* quiz_draw.c */
void qui_layout(struct qui *qu);
void qui_draw(struct qui *qu, int what);
int qui_body_rows(const struct qui *qu);

#endif
