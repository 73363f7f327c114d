/*
 * The simulator's status line by one rule (issue 13, tester's report:
 * at 80 columns the line cut "q quit", dropped the what-if switches or
 * left a lone word of one behind).
 *
 * Data model: struct ui_status is a list of parts in the order they are
 * shown, the left ones (step, clock, numbers, profile, switches, checks)
 * then the keys on the right.  Each part has a full form, a brief one (or
 * none) and the stage from which the brief one is used.  Fitting tries
 * stage 0 (all full), then 1, 2, ... until the two sides fit: so what
 * matters least gives way first, a part goes whole or not at all, and the
 * parts that never give way (help, quit, the switches' abbreviations, the
 * clock) are always there.  Which switches are set, and their words, are
 * the world's (world_switches).
 */
#include <config.h>

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "lib/utf8.h"
#include "sim/ladder_text.h"
#include "ui/status.h"

char *
ui_clock_str(uint64_t ms, char *buf, size_t size)
{
	snprintf(buf, size, "%" PRIu64 ".%03" PRIu64 "s", ms / 1000,
	    ms % 1000);
	return buf;
}

char *
ui_clock_us(uint64_t us, char *buf, size_t size)
{
	snprintf(buf, size, "%" PRIu64 ".%06" PRIu64 "s", us / 1000000,
	    us % 1000000);
	return buf;
}

void
ui_status_add(struct ui_status *st, const char *full, const char *brief,
    int drop, bool right, bool gap)
{
	if (st->n >= UI_STATUS_MAX || full == NULL || full[0] == '\0')
		return;
	st->part[st->n++] = (struct ui_status_part){ full, brief, drop,
	    right, gap };
}

void
ui_status_switches(struct ui_status *st, const struct world *w, int drop)
{
	struct world_switch sw[WORLD_NSWITCH];
	size_t n = world_switches(w, sw);

	for (size_t i = 0; i < n; i++)
		ui_status_add(st, sw[i].full, sw[i].brief, drop, false, false);
}

static int
ui_status_join(const struct ui_status *st, int stage, bool right,
    char *buf, size_t size)
{
	size_t o = 0;

	buf[0] = '\0';
	if (!right)
		o = (size_t)snprintf(buf, size, " ");
	for (size_t i = 0; i < st->n && o < size; i++) {
		const struct ui_status_part *p = &st->part[i];
		const char *s = p->drop > 0 && stage >= p->drop ? p->brief :
		    p->full;
		bool first = right ? o == 0 : o <= 1;

		if (p->right != right || s == NULL)
			continue;
		o += (size_t)snprintf(buf + o, size - o, "%s%s",
		    first ? "" : right || p->gap ? "  " : " ", s);
	}
	return utf8_width(buf);
}

void
ui_status_fit(const struct ui_status *st, int cols, char *left,
    size_t lsize, char *right, size_t rsize)
{
	int last = 0;

	for (size_t i = 0; i < st->n; i++)
		if (st->part[i].drop > last)
			last = st->part[i].drop;
	for (int stage = 0; stage <= last; stage++) {
		int lw = ui_status_join(st, stage, false, left, lsize);
		int rw = ui_status_join(st, stage, true, right, rsize);

		/* A column at the right edge and two between the sides. */
		if (lw + rw + 3 <= cols)
			return;
	}
}
