/*
 * Inside the lesson screens: the lesson list and the lesson being played.
 *
 * Data model: struct lui is the whole lesson UI.  The list half holds the
 * catalog (lesson files of the interface language), the number of steps
 * of each, and the learner's progress file.  The lesson half holds the
 * parsed lesson and its runner (src/lesson/run.h), which owns the
 * canonical world of the current step, and a struct ui, the simulator's
 * own state, whose session is the learner's world: it is loaded with the
 * step's commands (lrun_step_cmds), so its first `base` commands are the
 * step's and everything after them is the learner's.  What the panel says
 * is rebuilt from these on every paint; only the learner's answers so
 * far (the verdict, the items picked for an ordering, whether the
 * solution was shown) are kept here.  Keys are looked up in lui_cmds[]
 * first, then in the simulator's table.
 */
#ifndef TCPTEACH_UI_LESSON_INT_H
#define TCPTEACH_UI_LESSON_INT_H

#include "lesson/catalog.h"
#include "lesson/progress.h"
#include "lesson/run.h"
#include "ui/lesson_panel.h"
#include "ui/lesson_ui.h"
#include "ui/ui_int.h"

#define LUI_MAXORDER 9		/* items of an ordering (digits) */
#define LUI_ANSWER_MAX 64

enum lui_screen { LUI_LIST, LUI_LESSON };

/* What a lesson handler asks the loop to repaint, besides the panel and
 * status line, which are always repainted: the simulator's UI_R_* bits. */
struct lui;

struct lui_cmd {
	const char *name;
	unsigned screens;	/* 1 << enum lui_screen */
	int keys[4];		/* 0 ends the list early */
	const char *keyname;
	const char *help;	/* msgid */
	int (*fn)(struct lui *, const struct lui_cmd *);
	int arg;
};

struct lui {
	struct ui_opts o;		/* the caller's, never lecture mode */
	struct ui_look lk;
	bool ascii;
	enum lui_screen screen;
	bool quit;
	bool help;
	int help_top;
	int rows, cols;
	struct lgeom geo;
	int key;			/* the key being handled */
	/* The list. */
	struct lesson_catalog cat;
	size_t *nsteps;			/* per lesson; 0: unknown */
	size_t sel, top;
	struct lesson_progress prog;
	char note[640];			/* under the list */
	bool note_err;
	/* The lesson. */
	bool open;
	const struct lesson_info *li;
	struct lesson l;
	struct lrun lr;
	struct ui ui;
	WINDOW *wpanel;
	struct lpanel panel;
	size_t ptop;
	bool pfollow;			/* scroll to the newest feedback */
	bool overflow;			/* more text than panel */
	bool pentry;			/* a new step: show its task */
	size_t pfocus;			/* paragraph of the task */
	size_t base;			/* session commands of the step */
	bool checked;			/* lrun_check ran since entry */
	char why[320];			/* its not-yet reason */
	bool has_verdict, revealed, solved, skip, finished;
	enum lrun_verdict verdict;
	size_t perm[LUI_MAXORDER], pick[LUI_MAXORDER], npick;
	bool answering;			/* the Answer: prompt */
	wchar_t abuf[LUI_ANSWER_MAX];
	size_t alen;
	char msg[640];
	bool msg_err;
};

extern const struct lui_cmd lui_cmds[];
extern const size_t lui_ncmds;

/* lesson_ui.c */
void lui_message(struct lui *lu, bool err, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void lui_layout(struct lui *lu);
bool lui_open(struct lui *lu, size_t idx);
void lui_close(struct lui *lu);
void lui_enter(struct lui *lu);
void lui_save(struct lui *lu, bool done);
int lui_changed(struct lui *lu);

/* lesson_cmd.c */
int lui_key(struct lui *lu, int r, wint_t wch);
bool lui_shadowed(const struct ui_cmd *uc);

/* lesson_draw.c: the lesson screen; lesson_list.c: the rest. */
void lui_panel_build(struct lui *lu);
void lui_draw_lesson(struct lui *lu, int what);
void lui_draw(struct lui *lu, int what);

#endif
