/*
 * The connection list of `tcpteach capture FILE` on a terminal, without
 * curses: one pass over the file gives a row per connection (the same
 * words as a --list line) and the summary statistics; a second pass
 * watching connection N gives the scenario commands that replay it, with
 * the capture time of each, which the simulator's lecture screen then
 * shows on the usual ladder (its time column the capture's).
 *
 * Data model: rows[0..n) in id order (the order connections began), each
 * with its --list line; st is the tracker's statistics at the end of the
 * file.  A search is a case-insensitive substring of a row's line.
 */
#ifndef TCPTEACH_CAPTURE_LIST_H
#define TCPTEACH_CAPTURE_LIST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "capture/capture.h"
#include "capture/read.h"

struct cap_row {
	uint64_t id;
	uint64_t first_us, last_us;	/* its first and last segment */
	char *line;			/* as --list prints it, no newline */
};

struct cap_list {
	struct cap_stats st;
	struct cap_row *rows;
	size_t n, cap;
	uint64_t t0_us;			/* the capture's first segment */
};

/* Read path; returns a TT_EXIT_* status (rows read so far are kept on
 * an early end), messages to err. */
int cap_list_read(const char *path, struct cap_list *l, FILE *err);
void cap_list_free(struct cap_list *l);
/* The first row at or after from (wrapping) whose line contains q, any
 * case; l->n if none. */
size_t cap_list_find(const struct cap_list *l, const char *q, size_t from);

/* The commands that replay connection id (what --to-scenario prints)
 * and, for each, the capture time of the segment it was inferred from
 * (ms since the connection's first segment); false if the file has no
 * such connection.  Free *cmds and *ms.  err NULL: the reader's messages
 * are dropped (a curses screen is showing). */
bool cap_list_cmds(const char *path, uint64_t id, struct cmd **cmds,
    uint64_t **ms, size_t *n, FILE *err);

/* One captured segment of a connection as the file has it, for the
 * segment inspector: its frame number, its time (microseconds since the
 * connection's first segment), its direction and its header fields. */
struct cap_frame {
	uint64_t num;
	uint64_t us;
	enum sim_dir dir;
	struct tcp_seg seg;
};

/* The captured segments of connection id, in file order; false if none.
 * Free *f. */
bool cap_list_frames(const char *path, uint64_t id, struct cap_frame **f,
    size_t *n);
/* The frame of frames[0..n) arrow a of lad stands for: the k-th frame
 * going its way with its seq, flags and length, where k counts the
 * earlier arrows with the same; NULL for a segment the model inferred. */
struct ladder;
struct ladder_arrow;
const struct cap_frame *cap_frame_of(const struct cap_frame *frames,
    size_t n, const struct ladder *lad, const struct ladder_arrow *a);

/* Times as the screens of a replayed capture show them: to the
 * microsecond (a loopback connection lasts less than a millisecond),
 * seconds with milliseconds when there are no frames (n 0).  A row's:
 * its frame's own time when the file has its arrow (then true), else its
 * ms, fitted to width columns (fewer decimals, the unit kept).  The
 * clock at now (ms): the newest arrow's frame's time while that is now. */
struct ladder_row;
bool cap_row_time_text(const struct cap_frame *frames, size_t n,
    const struct ladder *lad, const struct ladder_row *r, int width,
    char *buf, size_t size);
char *cap_clock_text(const struct cap_frame *frames, size_t n,
    const struct ladder *lad, uint64_t now, char *buf, size_t size);

#endif
