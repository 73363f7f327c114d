/*
 * The capture screen (`tcpteach capture FILE` on a terminal): the list of
 * the file's connections with its statistics on top; Enter replays the
 * chosen one on the simulator's lecture screen (the usual ladder, both
 * state boxes, m for raw or relative numbers, the narration), q comes
 * back to the list.
 *
 * Data model: struct capui owns the list model (capture/list.h), the
 * chosen row and the first row shown, the last search, and the struct ui
 * of the connection being shown (its session replays the commands the
 * tracker inferred for it).  No curses here: check_ui_cmds drives it.
 */
#ifndef TCPTEACH_UI_CAPTURE_UI_H
#define TCPTEACH_UI_CAPTURE_UI_H

#include "capture/list.h"
#include "ui/screen.h"
#include "ui/ui_int.h"

struct capui {
	struct screen list, conn;
	struct cap_list l;
	const char *file;
	struct ui_opts o;
	size_t sel, top;
	int rows;		/* list rows on the glass, for paging */
	char query[128];
	struct ui ui;		/* the connection shown, if open */
	bool ui_open;
	struct cap_frame *frames;	/* its segments as captured */
	size_t nframes;
};

extern const struct screen_def capui_list_def;

/* Read file (messages to err); NULL with the exit status in *rc if it
 * cannot be read at all. */
struct capui *capui_new(const char *file, const struct ui_opts *o,
    FILE *err, int *rc);
void capui_push(struct capui *cu, struct app *a);
/* The screen's leave frees it. */

#endif
