/*
 * Inside the lesson screens: the lesson list and the lesson being played,
 * two screens over one state, without curses.
 *
 * Data model: struct lui is the whole lesson UI.  The list half holds the
 * catalog (lesson files of the interface language), the number of steps
 * of each, and the learner's progress file.  The lesson half holds the
 * learner's walk through the open lesson (src/lesson/walk.h: the step,
 * the marks, the answers, the check and the hints) and a struct ui, the
 * simulator's own state, with a simulator screen over it (sim) that is
 * never pushed: the lesson screen hands it every key it does not bind
 * itself.  Its session is the learner's world, which the walk loads at
 * each step.  Kept here besides are only the screen's: the panel's text
 * as last built and where it is scrolled to, and the key that offered
 * to skip a step.  The windows are the painter's (lui_wins).
 */
#ifndef TCPTEACH_UI_LESSON_INT_H
#define TCPTEACH_UI_LESSON_INT_H

#include "lesson/catalog.h"
#include "lesson/progress.h"
#include "lesson/walk.h"
#include "ui/lesson_panel.h"
#include "ui/ui_int.h"

struct lui_wins;

struct lui {
	struct ui_opts o;		/* the caller's, never lecture mode */
	struct screen list, lesson, sim;
	int rows, cols;
	struct lgeom geo;
	struct lui_wins *win;
	/* The list. */
	struct lesson_catalog cat;
	size_t *nsteps;			/* per lesson; 0: unknown */
	size_t sel, top;
	struct lesson_progress prog;
	char note[640];			/* under the list */
	/* What the note is: news (a lesson complete), a lesson that would
	 * not open, or a damaged progress file (said again in the lesson). */
	enum lui_note { LUI_NOTE_NEWS, LUI_NOTE_OPEN_ERR, LUI_NOTE_PROGRESS }
	    note_kind;
	/* The lesson. */
	bool open;
	struct lwalk walk;
	struct ui ui;
	struct lpanel panel;
	size_t ptop;
	int prows;			/* the panel's height, for paging */
	bool pfollow;			/* scroll to the newest feedback */
	bool overflow;			/* more text than panel */
	bool pentry;			/* a new step: show its task */
	size_t hint_para;		/* the panel's newest hint paragraph */
	unsigned long skip_at;		/* the key that offered to skip */
};

extern const struct screen_def lui_list_def, lui_lesson_def;

/* lesson_ui.c */
/* The screen's message, which the panel scrolls to. */
#define lui_message(lu, ...) \
	(screen_message(&(lu)->list, __VA_ARGS__), (lu)->pfollow = true)
struct lui *lui_new(const struct ui_opts *o, char *msg, size_t size);
void lui_push(struct lui *lu, struct app *a);
bool lui_open(struct lui *lu, size_t idx);
void lui_enter(struct lui *lu);
void lui_entered(struct lui *lu);
void lui_changed(void *arg);
size_t lui_panel_top(struct lui *lu, int body);
void lui_list_leave(struct screen *sc);
void lui_lesson_leave(struct screen *sc);

#endif
