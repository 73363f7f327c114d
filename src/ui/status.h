/*
 * The simulator's status line, composed without curses: a list of parts,
 * each with a shorter form and the stage at which it gives way, fitted to
 * a width by one rule (status.c).
 */
#ifndef TCPTEACH_UI_STATUS_H
#define TCPTEACH_UI_STATUS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sim/world.h"

/* One part of the status line.  brief replaces full from stage drop on
 * (NULL: the part is left out from then); drop 0: never shortened. */
struct ui_status_part {
	const char *full;
	const char *brief;
	int drop;
	bool right;		/* among the keys on the right */
	bool gap;		/* two spaces before it, not one */
};

#define UI_STATUS_MAX 16

struct ui_status {
	struct ui_status_part part[UI_STATUS_MAX];
	size_t n;
};

/* The clock as the ladder's time column and the status line show it:
 * always seconds with milliseconds, "63.050s", never m:ss. */
char *ui_clock_str(uint64_t ms, char *buf, size_t size);
/* A capture's time to the microsecond, "0.000014s": captures of a
 * loopback connection last less than a millisecond. */
char *ui_clock_us(uint64_t us, char *buf, size_t size);

void ui_status_add(struct ui_status *st, const char *full,
    const char *brief, int drop, bool right, bool gap);

/* The what-if switches set, each a part of its own that turns into its
 * abbreviation at stage drop. */
void ui_status_switches(struct ui_status *st, const struct world *w,
    int drop);

/* Fit the parts in cols columns (the bar leaves a column at each end):
 * shorten or leave out parts stage by stage until the line fits. */
void ui_status_fit(const struct ui_status *st, int cols, char *left,
    size_t lsize, char *right, size_t rsize);

#endif
