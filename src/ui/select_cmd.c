/*
 * Choosing a segment and selecting an arrow, with no curses (a Check
 * suite runs every command here by name).
 *
 * Data model: struct ui holds two choices.  sel is the in-flight segment
 * the wire commands act on (d, z, +; 0: the oldest in flight), chosen
 * with Tab and S-Tab or by the #N its label shows, typed as digits.  mark
 * is the arrow selected on the ladder for the inspector (0: none): any
 * arrow, in flight or long delivered.  Up and Down always walk the
 * ladder's arrows (Tab and S-Tab choose among those in flight); with none
 * selected, Up takes the newest arrow in view and Down the oldest.  A
 * click on an arrow's row selects it, a second click inspects it, a click
 * on empty ladder space or Esc clears it.  The two agree, as a flow
 * graph's selection does: choosing an in-flight segment selects its
 * arrow, and selecting an arrow still in flight chooses it for the wire
 * commands.  Moving the
 * selection scrolls the ladder just enough to keep its row in sight.  A
 * new step, undo and redo clear it (ui_cmd.c): the ladder then shows the
 * newest rows, where an old selection would be out of sight.
 */
#include <config.h>

#include <inttypes.h>
#include <stdio.h>

#include "lib/i18n.h"
#include "ui/menu.h"
#include "ui/ui_int.h"

static bool
ui_in_flight(const struct world *w, uint32_t id)
{
	for (size_t i = 0; i < w->nwire; i++)
		if (w->wire[i].id == id)
			return true;
	return false;
}

/* Scroll the ladder the least that shows the selected arrow's row.  While
 * the ladder is scrolled back its bottom row says how many rows are below
 * (draw_ladder.c), so the selection stops a row above it. */
static void
ui_mark_show(struct ui *ui)
{
	const struct ladder_arrow *a = ladder_arrow_by_id(&ui->v.lad, ui->mark);
	size_t h = ui->lad_rows > 0 ? (size_t)ui->lad_rows : 1;
	size_t first = view_first_row(&ui->v, ui->lad_rows, &ui->scroll);
	size_t maxback = first + ui->scroll;
	size_t hint = h > 1 && ui->scroll > 0;

	if (a == NULL)
		return;
	if (a->row < first)
		ui->scroll = maxback - a->row;
	else if (a->row + hint >= first + h) {
		/* Down to the newest rows, or as far as leaves the hint's
		 * row below the selection. */
		hint = h > 1;
		ui->scroll = a->row + 1 + hint - h >= maxback ? 0 :
		    maxback - (a->row + 1 + hint - h);
	}
}

void
ui_mark_set(struct ui *ui, uint32_t id)
{
	ui->mark = id;
	if (id != 0 && ui_in_flight(&ui->s.w, id))
		ui->sel = id;
	ui_mark_show(ui);
}

/* The arrow on the first drawn arrow row from ladder row line going by
 * (-1 up, 1 down), line excluded; line nlines starts from the bottom. */
static const struct ladder_arrow *
ui_mark_walk(const struct view *v, size_t line, int by)
{
	while (by < 0 ? line > 0 : line + 1 < v->lad.nrows) {
		const struct ladder_row *l;

		line = by < 0 ? line - 1 : line + 1;
		l = &v->lad.rows[line];
		if (l->is_arrow && v->anim[l->arrow].started)
			return &v->lad.arrows[l->arrow];
	}
	return NULL;
}

/* Cycle through the in-flight segments by step. */
static int
ui_select(struct screen *sc, size_t i)
{
	struct ui *ui = sc->state;
	const struct world *w = &ui->s.w;

	ui->pick = 0;
	if (w->nwire == 0) {
		screen_message(sc, true, "%s", _("Nothing is in flight."));
		return UI_R_NARR;
	}
	ui_mark_set(ui, w->wire[i % w->nwire].id);
	return UI_R_LADDER | UI_R_MENU | UI_R_STATUS;
}

static size_t
ui_sel_index(const struct ui *ui)
{
	const struct flight *f = menu_selected(&ui->s.w, ui->sel);

	return f != NULL ? (size_t)(f - ui->s.w.wire) : 0;
}

int
ui_h_next_seg(SCREEN_CMD_ARGS)
{
	return ui_select(sc, ui_sel_index(sc->state) + 1);
}

int
ui_h_prev_seg(SCREEN_CMD_ARGS)
{
	const struct ui *ui = sc->state;

	return ui_select(sc, ui_sel_index(ui) + ui->s.w.nwire +
	    (ui->s.w.nwire == 0) - 1);
}

/* Some in-flight segment's number starts with the digits of n. */
static bool
ui_id_prefix(const struct world *w, uint32_t n)
{
	for (size_t i = 0; n > 0 && i < w->nwire; i++)
		for (uint32_t x = w->wire[i].id; x >= n; x /= 10)
			if (x == n)
				return true;
	return false;
}

/* arg: a digit.  The learner picks a segment by the #N its label shows,
 * not by its place on the wire (the labels are what is on screen); digits
 * typed one after another make a longer number while some segment's
 * number still starts with them, so #12 is "1" then "2". */
int
ui_h_nth_seg(SCREEN_CMD_ARGS)
{
	struct ui *ui = sc->state;
	const struct world *w = &ui->s.w;
	uint32_t n = ui->pick * 10 + (uint32_t)arg;

	if (w->nwire == 0) {
		ui->pick = 0;
		screen_message(sc, true, "%s", _("Nothing is in flight."));
		return UI_R_NARR;
	}
	if (ui->pick == 0 || ui->pick > UINT32_MAX / 10 - 1 ||
	    !ui_id_prefix(w, n))
		n = (uint32_t)arg;
	ui->pick = ui_id_prefix(w, n) ? n : 0;
	if (ui_in_flight(w, n)) {
		ui_mark_set(ui, n);
		return UI_R_LADDER | UI_R_MENU | UI_R_NARR | UI_R_STATUS;
	}
	if (ui->pick != 0)
		/* TRANSLATORS: the learner typed the first digits of #12. */
		screen_message(sc, false, _("#%" PRIu32 "...: type the next "
		    "digit."), n);
	else
		screen_message(sc, true, _("No segment #%" PRIu32 " is in "
		    "flight."), n);
	return UI_R_NARR;
}

/* Up and Down walk the ladder's arrows, whatever is in flight: one key,
 * one meaning (the help listed them twice, the tester's report item 8). */
bool
ui_mark_walks(const struct screen *sc)
{
	const struct ui *ui = sc->state;

	return !ui->whatif;
}

bool
ui_mark_active(const struct screen *sc)
{
	const struct ui *ui = sc->state;

	return !ui->whatif && ui->mark != 0;
}

/* The first drawn arrow in rows lo..hi-1, from the top (by 1) or from
 * the bottom (by -1). */
static const struct ladder_arrow *
ui_mark_scan(const struct view *v, size_t lo, size_t hi, int by)
{
	for (size_t k = 0; lo + k < hi; k++) {
		const struct ladder_row *l = &v->lad.rows[by > 0 ? lo + k :
		    hi - 1 - k];

		if (l->is_arrow && v->anim[l->arrow].started)
			return &v->lad.arrows[l->arrow];
	}
	return NULL;
}

/* With none selected, Up takes the newest arrow in view and Down the
 * oldest; with none in view, the newest or oldest of all. */
static const struct ladder_arrow *
ui_mark_first(struct ui *ui, int by)
{
	const struct view *v = &ui->v;
	size_t first = view_first_row(v, ui->lad_rows, &ui->scroll);
	size_t h = ui->lad_rows > 0 ? (size_t)ui->lad_rows : 1;
	const struct ladder_arrow *a;

	/* Scrolled back, the bottom row is the "newer below" marker's. */
	if (ui->scroll > 0 && h > 1)
		h--;
	if (first + h > v->lad.nrows)
		h = v->lad.nrows - first;
	a = ui_mark_scan(v, first, first + h, by);
	return a != NULL ? a : ui_mark_scan(v, 0, v->lad.nrows, by);
}

/* arg -1: the arrow above (older), 1: below (newer); with none selected,
 * Up takes the newest arrow in view and Down the oldest. */
int
ui_h_mark_move(SCREEN_CMD_ARGS)
{
	struct ui *ui = sc->state;
	const struct view *v = &ui->v;
	const struct ladder_arrow *to;
	const struct ladder_arrow *a = ladder_arrow_by_id(&v->lad, ui->mark);

	ui->pick = 0;
	if (a == NULL)
		to = ui_mark_first(ui, arg < 0 ? -1 : 1);
	else
		to = ui_mark_walk(v, a->row, arg < 0 ? -1 : 1);
	if (to == NULL) {
		screen_message(sc, false, "%s", a == NULL ?
		    _("No segment has been sent yet.") : arg < 0 ?
		    _("This is the oldest segment.") :
		    _("This is the newest segment."));
		return UI_R_NARR;
	}
	ui_mark_set(ui, to->f.id);
	return UI_R_LADDER | UI_R_MENU | UI_R_STATUS;
}

int
ui_h_mark_clear(SCREEN_CMD_ARGS)
{
	struct ui *ui = sc->state;

	ui->mark = 0;
	ui->pick = 0;
	return UI_R_LADDER | UI_R_MENU | UI_R_STATUS;
}

uint32_t
ui_mark_at(const struct ui *ui, int y)
{
	size_t scroll = ui->scroll, row;
	const struct ladder_row *l;

	if (y < ui->lad_y || y >= ui->lad_y + ui->lad_rows)
		return 0;
	/* The "newer below" marker's row (draw_ladder.c) holds no arrow. */
	if (ui->scroll > 0 && ui->lad_rows > 1 &&
	    y == ui->lad_y + ui->lad_rows - 1)
		return 0;
	row = view_first_row(&ui->v, ui->lad_rows, &scroll) +
	    (size_t)(y - ui->lad_y);
	if (row >= ui->v.lad.nrows)
		return 0;
	l = &ui->v.lad.rows[row];
	if (!l->is_arrow || !ui->v.anim[l->arrow].started)
		return 0;
	return ui->v.lad.arrows[l->arrow].f.id;
}

/* Row y of the screen is the ladder's empty space: below its last row. */
static bool
ui_ladder_empty_at(const struct ui *ui, int y)
{
	size_t scroll = ui->scroll;

	if (y < ui->lad_y || y >= ui->lad_y + ui->lad_rows)
		return false;
	return view_first_row(&ui->v, ui->lad_rows, &scroll) +
	    (size_t)(y - ui->lad_y) >= ui->v.lad.nrows;
}

/* A click on an arrow's row selects it; on the selected one, or with arg
 * 1, it opens the inspector.  A click on the ladder's empty space (below
 * its rows) clears the selection, as in a flow graph; elsewhere (a note,
 * the boxes, the menu) it does nothing. */
int
ui_h_mark_click(SCREEN_CMD_ARGS)
{
	struct ui *ui = sc->state;
	int y = sc->app->mouse_y;
	uint32_t id = ui_mark_at(ui, y);
	bool again = id == ui->mark;

	if (id == 0) {
		if (ui->mark == 0 || !ui_ladder_empty_at(ui, y))
			return 0;
		ui->mark = 0;
		ui->pick = 0;
		return UI_R_LADDER | UI_R_MENU | UI_R_STATUS;
	}
	ui->pick = 0;
	ui_mark_set(ui, id);
	if (again || arg == 1)
		return ui_inspect_push(sc);
	return UI_R_LADDER | UI_R_MENU | UI_R_STATUS;
}
