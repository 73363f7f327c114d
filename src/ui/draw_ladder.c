/*
 * Painting the ladder: two time lines, the state names in the margins and
 * one arrow or note per row, from the shared ladder model's rows
 * (sim/ladder.h), the view's animation (how far each arrow has gone) and
 * its geometry.  The arrow selected for the inspector is shown in reverse
 * video with a mark in the margin (visible without colour); the chosen
 * in-flight segment is in reverse video too, or underlined while another
 * arrow is selected.  Rows from the newest step are bold.
 */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "capture/list.h"
#include "lib/i18n.h"
#include "script/menu.h"
#include "ui/draw_int.h"

/* A row's states appear with its arrow: the sender's when the arrow
 * starts, the receiver's when it arrives. */
static bool
ui_margin_shown(const struct ui *ui, const struct ladder_row *l, int h)
{
	const struct view_anim *a;

	if (!l->is_arrow)
		return true;
	a = &ui->v.anim[l->arrow];
	if (h == (int)ui->v.lad.arrows[l->arrow].f.dir)
		return a->started;
	return a->shown >= VIEW_END;
}

static void
ui_margin(struct ui *ui, WINDOW *w, int y, const struct ladder_row *l,
    int xc, int xs)
{
	for (int h = 0; h < 2; h++) {
		const char *name;
		attr_t a;
		int len;

		if (!l->has_state[h] || !ui_margin_shown(ui, l, h))
			continue;
		name = tcp_state_name(l->state[h]);
		len = (int)strlen(name);
		a = ui_phase_attr(ladder_phase_of(l->state[h]));
		if (h == HOST_CLIENT)
			ui_draw_text(w, y, xc - 1 - len > 0 ? xc - 1 - len : 0,
			    xc - 1, name, a);
		else
			ui_draw_text(w, y, xs + 2, ui->win->cols - xs - 2,
			    name, a);
	}
}

static void
ui_arrow(struct ui *ui, WINDOW *w, int y, const struct ladder_row *l,
    int xc, int xs, const struct flight *chosen)
{
	const struct ladder_arrow *a = &ui->v.lad.arrows[l->arrow];
	const struct view_anim *an = &ui->v.anim[l->arrow];
	struct view_geom g;
	char lab[160];
	attr_t la, sa;
	int used;
	size_t n;

	if (!an->started)
		return;
	/* A crossing pair leaves the ladder's middle free for its mark
	 * when that cuts no label (view_cross_x). */
	ladder_label_cross(&ui->v.lad, a, ui->v.num, view_label_room(xc, xs),
	    view_cross_room(xc, xs), lab, sizeof(lab));
	view_geom(a->f.dir, an->shown, xc, xs, utf8_width(lab), &g);
	sa = ui_look.role[a->f.dir == DIR_C2S ? ROLE_C2S : ROLE_S2C];
	if (a->fate == LADDER_LOST || a->fate == LADDER_EXPIRED)
		sa = ui_look.role[ROLE_LOST];
	la = sa;
	if (l->step == ui->v.lad.step)
		la |= A_BOLD;
	if (ui->mark == a->f.id) {
		la |= A_REVERSE | A_BOLD;
		ui_draw_text(w, y, xc - 1, 1, ui_look.g->rhead,
		    ui_look.role[ROLE_KEY] | A_BOLD);
	} else if (chosen != NULL && chosen->id == a->f.id)
		la |= ui->mark != 0 ? A_UNDERLINE : A_REVERSE;
	n = utf8_fit(lab, g.label_w, &used);
	ui_draw_text_n(w, y, g.label_x + (g.rightward ? 0 : g.label_w - used),
	    lab, n, la);
	wattrset(w, sa);
	for (int x = g.shaft_lo; x <= g.shaft_hi; x++)
		mvwaddstr(w, y, x, ui_look.g->hline);
	/* Both of a crossing pair carry the mark, in the same column when
	 * their labels leave it free. */
	if (a->crossed != 0 && view_cross_x(&g, xc, xs) >= 0)
		mvwaddstr(w, y, view_cross_x(&g, xc, xs), ui_look.g->cross);
	if (a->fate == LADDER_LOST || a->fate == LADDER_EXPIRED)
		mvwaddstr(w, y, g.head_x, ui_look.g->lost);
	else
		mvwaddstr(w, y, g.head_x, g.rightward ? ui_look.g->rhead :
		    ui_look.g->lhead);
	wattrset(w, A_NORMAL);
}

static void
ui_note(WINDOW *w, int y, const struct ladder_row *l,
    int xc, int xs)
{
	char buf[200];
	int gap = xs - xc - 3, used;

	ladder_note_text(l, ui_look.g->bullet, buf, sizeof(buf));
	if (l->note_host == HOST_CLIENT)
		ui_draw_text(w, y, xc + 2, gap, buf, ui_look.role[ROLE_DIM]);
	else {
		utf8_fit(buf, gap, &used);
		ui_draw_text(w, y, xs - 1 - used, gap, buf,
		    ui_look.role[ROLE_DIM]);
	}
}

/* The time column, as in a flow graph: a row shows its time when it
 * differs from the row above, so gaps (backed-off retransmissions) show. */
static void
ui_time(struct ui *ui, WINDOW *w, int y, size_t row, int xc)
{
	const struct ladder_row *l = &ui->v.lad.rows[row];
	char t[32], above[32];
	bool framed;

	if (xc < 13 + UI_TIME_W)
		return;
	/* A row of a capture the file has no frame for (a note, an arrow
	 * the model inferred) knows its time to the ms only. */
	framed = cap_row_time_text(ui->frames, ui->nframes, &ui->v.lad, l,
	    UI_TIME_W, t, sizeof(t));
	if (!framed && y > 0 && ui->v.lad.rows[row - 1].time == l->time)
		return;
	if (y > 0) {
		cap_row_time_text(ui->frames, ui->nframes, &ui->v.lad,
		    &ui->v.lad.rows[row - 1], UI_TIME_W, above,
		    sizeof(above));
		if (strcmp(above, t) == 0)
			return;
	}
	ui_draw_text(w, y, 0, UI_TIME_W, t, ui_look.role[ROLE_DIM]);
}

/* The "newer below" marker has a cleared row of its own (issue 13: drawn
 * over a label it made "ack=9" of "ack=901"): the rows it covers, its own
 * included, are counted in it. */
static void
ui_newer_below(struct ui *ui, WINDOW *w, int y, int xc, int xs)
{
	char buf[64];
	int bw;

	/* TRANSLATORS: rows of the ladder below the window. */
	snprintf(buf, sizeof(buf), _("%zu newer below (End)"),
	    ui->scroll + 1);
	bw = utf8_width(buf);
	wmove(w, y, 0);
	wclrtoeol(w);
	mvwaddstr(w, y, xc, ui_look.g->vline);
	mvwaddstr(w, y, xs, ui_look.g->vline);
	ui_draw_text(w, y, bw < xs - xc - 1 ? (xc + xs - bw) / 2 + 1 : xc + 1,
	    xs - xc - 1, buf, ui_look.role[ROLE_KEY]);
}

void
ui_draw_ladder(struct ui *ui)
{
	WINDOW *w = ui->win->lad;
	int h = getmaxy(w), xc, xs;
	const struct flight *chosen = menu_selected(&ui->s.w, ui->sel);
	size_t first = view_first_row(&ui->v, h, &ui->scroll);

	ui_timelines(ui, &xc, &xs);
	ui->lad_y = getbegy(w);	/* for a click's row */
	werase(w);
	for (int y = 0; y < h; y++) {
		const struct ladder_row *l = NULL;

		mvwaddstr(w, y, xc, ui_look.g->vline);
		mvwaddstr(w, y, xs, ui_look.g->vline);
		/* Scrolled back, the bottom row is the marker's alone. */
		if (ui->scroll > 0 && y == h - 1 && h > 1)
			break;
		if (first + (size_t)y < ui->v.lad.nrows)
			l = &ui->v.lad.rows[first + (size_t)y];
		if (l == NULL)
			continue;
		ui_time(ui, w, y, first + (size_t)y, xc);
		ui_margin(ui, w, y, l, xc, xs);
		if (l->is_arrow)
			ui_arrow(ui, w, y, l, xc, xs, chosen);
		else
			ui_note(w, y, l, xc, xs);
	}
	if (ui->scroll > 0 && h > 1)
		ui_newer_below(ui, w, h - 1, xc, xs);
	wnoutrefresh(w);
}
