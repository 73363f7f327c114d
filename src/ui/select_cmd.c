/*
 * Choosing a segment and selecting an arrow, with no curses (a Check
 * suite runs every command here by name).  The questions are the
 * models': which segment in flight comes next and which #N the digits
 * typed so far make is the world's (world_wire_step, world_wire_typed),
 * which arrow is above or below another is the ladder's
 * (ladder_arrow_next, ladder_arrow_scan); this file keeps the screen's
 * part: the rows in view, clicks, scrolling, messages.
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
 * commands.  Moving the selection scrolls the ladder just enough to keep
 * its row in sight.  A new step, undo and redo clear it (ui_cmd.c): the
 * ladder then shows the newest rows, where an old selection would be out
 * of sight.
 */
#include <config.h>

#include <inttypes.h>

#include "lib/i18n.h"
#include "ui/ui_int.h"

static bool
ui_in_flight(const struct world *w, uint32_t id)
{
	struct cmd_sel sel = { .kind = SEL_ID, .id = id };

	return world_find(w, &sel) != NULL;
}

/* How many of the ladder's arrows are drawn: the animation starts them
 * in the order they were sent (view.c), so any not started yet are the
 * newest. */
static size_t
ui_arrows_shown(const struct view *v)
{
	size_t n = 0;

	while (n < v->lad.narrows && v->anim[n].started)
		n++;
	return n;
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

/* Tab and S-Tab: the next or previous segment in flight (by 1, -1),
 * going round. */
static int
ui_choose_step(struct screen *sc, int by)
{
	struct ui *ui = sc->state;
	const struct flight *f = world_wire_step(&ui->s.w, ui->sel, by);

	ui->pick = 0;
	if (f == NULL) {
		screen_message(sc, true, "%s", _("Nothing is in flight."));
		return UI_R_NARR;
	}
	ui_mark_set(ui, f->id);
	return UI_R_LADDER | UI_R_MENU | UI_R_STATUS;
}

int
ui_h_next_seg(SCREEN_CMD_ARGS)
{
	return ui_choose_step(sc, 1);
}

int
ui_h_prev_seg(SCREEN_CMD_ARGS)
{
	return ui_choose_step(sc, -1);
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
	bool more;
	uint32_t n;

	if (w->nwire == 0) {
		ui->pick = 0;
		screen_message(sc, true, "%s", _("Nothing is in flight."));
		return UI_R_NARR;
	}
	n = world_wire_typed(w, ui->pick, (unsigned)arg, &more);
	ui->pick = more ? n : 0;
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

/* With none selected, Up takes the newest arrow in view and Down the
 * oldest; with none in view, the newest or oldest of all. */
static const struct ladder_arrow *
ui_mark_first(struct ui *ui, int by)
{
	const struct view *v = &ui->v;
	size_t first = view_first_row(v, ui->lad_rows, &ui->scroll);
	size_t h = ui->lad_rows > 0 ? (size_t)ui->lad_rows : 1;
	size_t shown = ui_arrows_shown(v);
	const struct ladder_arrow *a;

	/* Scrolled back, the bottom row is the "newer below" marker's. */
	if (ui->scroll > 0 && h > 1)
		h--;
	if (first + h > v->lad.nrows)
		h = v->lad.nrows - first;
	a = ladder_arrow_scan(&v->lad, first, first + h, by, shown);
	return a != NULL ? a : ladder_arrow_scan(&v->lad, 0, v->lad.nrows, by,
	    shown);
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
		to = ladder_arrow_next(&v->lad, a, arg, ui_arrows_shown(v));
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

/* The ladder row drawn on row y of the screen, LADDER_NOROW off the
 * ladder; rows from the ladder's nrows on are its empty space. */
static size_t
ui_ladder_row_at(const struct ui *ui, int y)
{
	size_t scroll = ui->scroll;

	if (y < ui->lad_y || y >= ui->lad_y + ui->lad_rows)
		return LADDER_NOROW;
	return view_first_row(&ui->v, ui->lad_rows, &scroll) +
	    (size_t)(y - ui->lad_y);
}

uint32_t
ui_mark_at(const struct ui *ui, int y)
{
	size_t row = ui_ladder_row_at(ui, y);
	const struct ladder_row *l;

	/* The "newer below" marker's row (draw_ladder.c) holds no arrow. */
	if (ui->scroll > 0 && ui->lad_rows > 1 &&
	    y == ui->lad_y + ui->lad_rows - 1)
		return 0;
	if (row >= ui->v.lad.nrows)
		return 0;
	l = &ui->v.lad.rows[row];
	if (!l->is_arrow || !ui->v.anim[l->arrow].started)
		return 0;
	return ui->v.lad.arrows[l->arrow].f.id;
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
		size_t row = ui_ladder_row_at(ui, y);

		if (ui->mark == 0 || row == LADDER_NOROW ||
		    row < ui->v.lad.nrows)
			return 0;
		return ui_h_mark_clear(sc, c, arg);
	}
	ui->pick = 0;
	ui_mark_set(ui, id);
	if (again || arg == 1)
		return ui_inspect_push(sc);
	return UI_R_LADDER | UI_R_MENU | UI_R_STATUS;
}
