/*
 * The capture screen (`tcpteach capture FILE` on a terminal): the list of
 * the file's connections with its statistics on top; Enter replays the
 * chosen one on the simulator's lecture screen (the usual ladder, both
 * state boxes, m for raw or relative numbers, the narration), q comes
 * back to the list.
 *
 * Data model: struct capui owns the browsing model (capture/browse.h:
 * the list, the chosen row, the search) and the struct ui of the
 * connection being shown (its session replays the commands the tracker
 * inferred for it).  No curses here: check_ui_cmds drives it.
 */
#ifndef TCPTEACH_UI_CAPTURE_UI_H
#define TCPTEACH_UI_CAPTURE_UI_H

#include "capture/browse.h"
#include "ui/screen.h"
#include "ui/ui_int.h"

struct capui {
	struct screen list, conn;
	struct cap_browse b;
	struct ui_opts o;
	struct ui ui;		/* the connection shown, if conn.def */
};

extern const struct screen_def capui_list_def;

/* Read file (the reader's messages in *msg, see cap_browse_read); NULL
 * with the exit status in *rc if it cannot be read at all. */
struct capui *capui_new(const char *file, const struct ui_opts *o,
    int *rc, char **msg);
/* Pushed (app_push(a, &cu->list)), the screen's leave frees it. */

#endif
