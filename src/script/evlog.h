/*
 * The event log and the segment inspector as text, for any front end:
 * every step of a session with every sentence it narrated, whole with
 * its RFC reason, or one segment's header fields with only the sentences
 * about it.  No layout beyond the width a line is wrapped to and the
 * columns its rows start at.
 *
 * Data model: struct evlog is a list of lines, each a heading (a step
 * with its scenario line, the segment inspected) or a sentence shown
 * under it; zeroed, it is empty.  The front end that narrates (the UI's
 * view model) replays the session step by step and hands each step's
 * sentences to evlog_step; for the inspector it follows one segment
 * across the steps (struct evlog_seg: whether it has been sent, whether
 * its fate has come) to keep why it was sent and what its receiver did
 * with it.  evlog_fields writes the segment's own lines first: its
 * header fields in the ladder's number mode, its origin and fate with
 * their times, and on a replayed capture what the capture says of its
 * frame.
 */
#ifndef TCPTEACH_SCRIPT_EVLOG_H
#define TCPTEACH_SCRIPT_EVLOG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sim/cmd.h"
#include "sim/ladder.h"
#include "sim/ladder_text.h"

struct session;

struct evlog {
	char **lines;
	bool *heads;		/* per line: a heading */
	size_t n, cap, caph;
	/* Steps are numbered as the status line counts them: every line
	 * of a scenario played in lecture mode (every true), else every
	 * command but the what-if switches (cmd_steps), which are headed
	 * as settings.  steps: the steps headed so far. */
	bool every;
	size_t steps;
};

/* One segment followed across the steps for the inspector. */
struct evlog_seg {
	uint32_t id;
	bool sent;		/* in a step added so far */
	bool fated;		/* delivered, lost or expired by then */
};

/* What a capture says of the frame an arrow stands for. */
struct evlog_frame {
	bool found;		/* false: the model inferred the segment */
	uint64_t num;		/* the frame's number in the file */
	uint64_t us;		/* since the connection's first frame */
	uint32_t len, wnd;	/* payload and window as captured */
};

void evlog_add(struct evlog *lg, bool head, const char *text);
/* Forget the lines and the step count (the arrays stay for the next
 * fill). */
void evlog_clear(struct evlog *lg);
void evlog_free(struct evlog *lg);

/* The next step applied c and narrated narr[0..n): for the log (sg
 * NULL) its heading and every sentence; for the inspector of sg->id only
 * the sentences about it under the heading, and nothing when there are
 * none.  lad is the ladder as the step left it.  s, if not NULL, is the
 * session as the step left it: a check's heading then shows its numbers
 * in mode m as its verdict does (session_check_line); NULL: as
 * written, as a backend's recorded verdict does (evlog_verdict). */
void evlog_step(struct evlog *lg, struct evlog_seg *sg,
    const struct ladder *lad, const struct session *s, enum ladder_num m,
    const struct cmd *c, char *const *narr, size_t n);
/* The inspector's own lines for arrow a of lad, numbers in mode m; cap
 * is NULL unless the session replays a capture. */
void evlog_fields(struct evlog *lg, const struct ladder *lad,
    enum ladder_num m, const struct ladder_arrow *a,
    const struct evlog_frame *cap);
/* How step i of s with a backend came out, as the screen said it then:
 * a check's verdict or why the event was refused; NULL when neither. */
const char *evlog_verdict(const struct session *s, size_t i, char *buf,
    size_t size);

/* Line i's width on a cols-wide screen, the same for each row it wraps
 * to: a heading starts at column 1 and its further rows at column 5 (a
 * hanging indent: they do not read as headings of their own), a
 * sentence at column 3; one column is left on the right. */
int evlog_width(const struct evlog *lg, size_t i, int cols);
/* The column row r (from 0) of line i's wrapped rows starts at. */
int evlog_indent(const struct evlog *lg, size_t i, int r);
/* The first line to show for the newest on the bottom row of rows
 * screen rows under a title bar, the rows above it full, as `less +G`
 * opens a file. */
size_t evlog_tail_top(const struct evlog *lg, int rows, int cols);

#endif
