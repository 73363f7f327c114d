/*
 * The simulator's status line by one rule (issue 13, tester's report:
 * at 80 columns the line cut "q quit", dropped the what-if switches or
 * left a lone word of one behind).
 *
 * Data model: struct status_line is a list of parts in the order they
 * are shown, the left ones (step, clock, numbers, profile, switches,
 * checks) then the keys on the right.  Each part has a full form, a brief
 * one (or none) and the stage from which the brief one is used.  Fitting
 * tries stage 0 (all full), then 1, 2, ... until the two sides fit: so
 * what matters least gives way first, a part goes whole or not at all,
 * and the parts that never give way (help, quit, the switches'
 * abbreviations, the clock) are always there.  Which switches are set,
 * and their words, are the world's (world_switches); which parts the
 * simulator shows, and their stages, are status_sim_parts'.  A lesson's
 * line is simpler, one sentence on the left, and its keys give way
 * instead (status_lesson_fit).
 */
#include <config.h>

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "lib/i18n.h"
#include "lib/utf8.h"
#include "script/status.h"
#include "sim/ladder_text.h"

void
status_add(struct status_line *st, const char *full, const char *brief,
    int drop, bool right, bool gap)
{
	struct status_part *p;

	if (st->n >= STATUS_MAX || full == NULL || full[0] == '\0')
		return;
	p = &st->part[st->n++];
	snprintf(p->full, sizeof(p->full), "%s", full);
	snprintf(p->brief, sizeof(p->brief), "%s", brief != NULL ? brief : "");
	p->drop = drop;
	p->right = right;
	p->gap = gap;
}

void
status_switches(struct status_line *st, const struct world *w, int drop)
{
	struct world_switch sw[WORLD_NSWITCH];
	size_t n = world_switches(w, sw);

	for (size_t i = 0; i < n; i++)
		status_add(st, sw[i].full, sw[i].brief, drop, false, false);
}

/* The keys on the right: help and quit never give way. */
static void
status_sim_keys(struct status_line *st, const struct status_sim *in)
{
	char insp[2][64];

	if (in->mark != 0) {
		/* TRANSLATORS: the status bar while arrow #N is selected;
		 * the second one is its brief form. */
		snprintf(insp[0], sizeof(insp[0]), _("Enter inspect #%"
		    PRIu32), in->mark);
		snprintf(insp[1], sizeof(insp[1]), _("Enter #%" PRIu32),
		    in->mark);
		status_add(st, insp[0], insp[1], 6, true, false);
	}
	switch (in->mode) {
	case STATUS_EDIT:
		/* TRANSLATORS: status line keys, one msgid each so a
		 * narrow screen can leave some out. */
		status_add(st, _("u undo"), NULL, 8, true, false);
		status_add(st, _(": command"), NULL, 1, true, false);
		break;
	case STATUS_BRANCHED:
		status_add(st, _("b back to the script"), _("b resume"), 8,
		    true, false);
		break;
	case STATUS_LECTURE:
		status_add(st, _("Space/p step"), NULL, 0, true, false);
		status_add(st, _("j jump"), NULL, 8, true, false);
		break;
	}
	status_add(st, _("? help"), NULL, 0, true, false);
	status_add(st, _("q quit"), NULL, 0, true, false);
}

/* At 80 columns (and in Chinese) the parts give way by the rule of
 * status_fit, in this order: ": command", the number mode (the labels
 * show it), the switches' abbreviations, brief checks, the profile,
 * "Enter #N" for "Enter inspect #N", the step's brief form, "u undo"
 * (or "j jump").  Help, quit, the clock and the switches stay. */
void
status_sim_parts(struct status_line *st, const struct status_sim *in)
{
	const struct session *s = in->s;
	size_t pos = s->pos, n = s->ncmds;
	char full[64], brief[64];

	st->n = 0;
	/* A scenario in lecture mode counts its lines, switches too. */
	if (in->mode == STATUS_EDIT) {
		pos = cmd_steps(s->cmds, pos);
		n = cmd_steps(s->cmds, n);
	}
	/* TRANSLATORS: step k of n on the status line, then its brief
	 * form. */
	snprintf(full, sizeof(full), _("step %zu/%zu"), pos, n);
	snprintf(brief, sizeof(brief), "%zu/%zu", pos, n);
	status_add(st, full, brief, 7, false, false);
	snprintf(full, sizeof(full), "t=%s", in->clock);
	status_add(st, full, NULL, 0, false, false);
	status_add(st, ladder_num_short(in->num), NULL, 2, false, false);
	status_add(st, sim_profile_name(s->w.profile), NULL, 5, false,
	    false);
	status_switches(st, &s->w, 3);
	if (s->npass + s->nfail > 0) {
		/* TRANSLATORS: checks (expect lines) passed and failed, then
		 * the brief form. */
		snprintf(full, sizeof(full), _("checks %u ok, %u failed"),
		    s->npass, s->nfail);
		snprintf(brief, sizeof(brief), _("%u ok, %u failed"),
		    s->npass, s->nfail);
		status_add(st, full, brief, 4, false, true);
	}
	status_sim_keys(st, in);
}

static int
status_join(const struct status_line *st, int stage, bool right,
    char *buf, size_t size)
{
	size_t o = 0;

	buf[0] = '\0';
	if (!right)
		o = (size_t)snprintf(buf, size, " ");
	for (size_t i = 0; i < st->n && o < size; i++) {
		const struct status_part *p = &st->part[i];
		const char *s = p->drop > 0 && stage >= p->drop ? p->brief :
		    p->full;
		bool first = right ? o == 0 : o <= 1;

		if (p->right != right || s[0] == '\0')
			continue;
		o += (size_t)snprintf(buf + o, size - o, "%s%s",
		    first ? "" : right || p->gap ? "  " : " ", s);
	}
	return utf8_width(buf);
}

void
status_fit(const struct status_line *st, int cols, char *left,
    size_t lsize, char *right, size_t rsize)
{
	int last = 0;

	for (size_t i = 0; i < st->n; i++)
		if (st->part[i].drop > last)
			last = st->part[i].drop;
	for (int stage = 0; stage <= last; stage++) {
		int lw = status_join(st, stage, false, left, lsize);
		int rw = status_join(st, stage, true, right, rsize);

		/* A column at the right edge and two between the sides. */
		if (lw + rw + 3 <= cols)
			return;
	}
}

/* The lesson's keys, losing what the panel's key bar also says first:
 * its "? help", then the double spaces of left, then ": command" and
 * "u undo"; never "q list", the way out (issue 13 item 17). */
static bool
status_fits(const char *left, const char *keys, int cols)
{
	return utf8_width(left) + 2 + utf8_width(keys) <= cols;
}

static const char *
status_lesson_keys(char *left, int cols)
{
	const char *keys[] = { _("u undo  : command  ? help  q list "),
	    _("u undo  : command  q list "), _("u undo  q list "),
	    _("q list ") };
	size_t i, last = sizeof(keys) / sizeof(keys[0]) - 1;
	char *d = left;

	if (status_fits(left, keys[0], cols))
		return keys[0];
	if (status_fits(left, keys[1], cols))
		return keys[1];
	for (const char *s = left; *s != '\0'; s++)
		if (!(s[0] == ' ' && s[1] == ' '))
			*d++ = *s;
	*d = '\0';
	for (i = 1; i < last && !status_fits(left, keys[i], cols); i++)
		continue;
	return keys[i];
}

void
status_lesson_fit(const struct status_lesson *in, int cols, char *left,
    size_t lsize, char *keys, size_t ksize)
{
	char t[32], sw[128];
	const char *k;
	size_t n;

	/* TRANSLATORS: lesson number, step k of n, simulated time, number
	 * mode. */
	snprintf(left, lsize, _(" Lesson %02u, step %zu/%zu  t=%s  %s"),
	    in->lesson, in->step, in->nsteps,
	    sim_clock_text(in->w->now, t, sizeof(t)),
	    ladder_num_short(in->num));
	/* The profile and the what-if switches the lesson set (lesson 7
	 * runs with delayed ACKs), as the simulator's status line says;
	 * to keep them at 80 columns the panel's own "? help" goes. */
	n = strlen(left);
	snprintf(left + n, lsize - n, "  %s",
	    world_switches_text(in->w, sw, sizeof(sw)));
	k = status_lesson_keys(left, cols);
	if (in->mark == 0) {
		snprintf(keys, ksize, "%s", k);
		return;
	}
	/* TRANSLATORS: the status bar while arrow #N is selected, then the
	 * other keys. */
	snprintf(keys, ksize, _("Enter inspect #%" PRIu32 "  %s"), in->mark,
	    k);
	/* The keys come first: the left part loses whole words from its
	 * end (the profile, then the number mode). */
	utf8_cut_words(left, cols - 2 - utf8_width(keys));
}
