/*
 * Browsing a capture's connections (`tcpteach capture FILE` on a
 * terminal), without curses: the list of connections, the one chosen,
 * the search, the replay of the chosen connection into a session, and
 * the text a front end shows around the rows.
 *
 * Data model: struct cap_browse is the list model of one file (list.h),
 * the chosen row sel and the first row shown top (sel is in view once
 * cap_browse_scroll has been told how many rows fit, which paging
 * uses; both move as lib/scroll.h moves any list), the last search (a
 * case-insensitive substring of a row's --list line), and the segments
 * as captured of the connection last replayed.  A row too wide for the
 * screen breaks where a column begins and goes on in a second line under
 * the endpoints.
 */
#ifndef TCPTEACH_CAPTURE_BROWSE_H
#define TCPTEACH_CAPTURE_BROWSE_H

#include <stdbool.h>
#include <stddef.h>

#include "capture/list.h"
#include "lib/scroll.h"
#include "script/session.h"

#define CAP_BROWSE_INDENT 6	/* a row's second line starts here */

struct cap_browse {
	struct cap_list l;
	const char *file;
	size_t sel, top;
	int rows;		/* rows that fit, for paging */
	char query[128];
	struct cap_frame *frames;	/* of the replayed connection */
	size_t nframes;
};

enum cap_found { CAP_FOUND, CAP_NOT_FOUND, CAP_NO_QUERY };

/* Read file (kept by pointer); returns a TT_EXIT_* status.  *msg (msg
 * NULL: dropped): the reader's messages without the last newline, or
 * NULL if none; free it. */
int cap_browse_read(struct cap_browse *b, const char *file, char **msg);
void cap_browse_free(struct cap_browse *b);
/* A message of the reader ("tcpteach: FILE: frame 8: truncated") without
 * the program and the file, which a title already shows. */
const char *cap_browse_reason(const char *msg, const char *file);

/* Move the choice; false on an empty list. */
bool cap_browse_move(struct cap_browse *b, enum scroll_move m);
/* Keep the choice among the rows that fit. */
void cap_browse_scroll(struct cap_browse *b, int rows);
/* query: a new search from the chosen row on; NULL: the last search
 * again from the row after it.  Both wrap round. */
enum cap_found cap_browse_search(struct cap_browse *b, const char *query);

/* Load the chosen connection's commands into s, each with its capture
 * time, and play them to the end; its segments as captured in frames,
 * for the inspector.  False if it cannot be replayed: s is untouched. */
bool cap_browse_replay(struct cap_browse *b, struct session *s);

/* The bytes of line's first line in cols columns (all of it when it
 * fits), broken at the last column start that fits. */
size_t cap_browse_break(const char *line, int cols);
/* Lines per row in cols columns: 2 when any row or the heading breaks. */
int cap_browse_row_lines(const struct cap_browse *b, int cols);
/* The column heading, the two statistics lines, and the chosen
 * connection's real times (its first segment's local date and time, how
 * long after the capture began, how long it lasted). */
const char *cap_browse_heading(void);
void cap_browse_stats(const struct cap_browse *b, char *line1,
    char *line2, size_t size);
void cap_browse_times(const struct cap_browse *b, char *buf, size_t size);

#endif
