/*
 * Painting the event menu and the status line (its words are
 * script/status.h's).
 *
 * The menu lists, per group (client, server, wire and time), the entries
 * of the command table whose event the world says is possible now, with
 * the key the key table binds to it.
 */
#include <config.h>

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "capture/list.h"
#include "lib/i18n.h"
#include "script/menu.h"
#include "script/status.h"
#include "ui/draw_int.h"

/* Write "key label" items from x on; returns the next free column. */
static int
ui_item(struct ui *ui, WINDOW *w, int y, int x, const char *key,
    const char *label)
{
	int room = ui->win->cols - x - 1, kw = utf8_width(key);

	if (room < kw + 2 + utf8_width(label))
		return ui->win->cols;
	ui_draw_text(w, y, x, room, key, ui_look.role[ROLE_KEY]);
	ui_draw_text(w, y, x + kw + 1, room - kw - 1, label, A_NORMAL);
	return x + kw + 1 + utf8_width(label) + 2;
}

static int
ui_group(struct ui *ui, WINDOW *w, int y, int x, enum ui_group grp)
{
	const struct screen_def *d = &ui_sim_def;

	for (size_t i = 0; i < d->ncmds; i++) {
		const struct ui_event *e = d->cmds[i].data;
		const char *key = screen_key_shown(d, d->cmds[i].name);
		struct cmd c;

		if (e == NULL || e->group != grp || e->menu == NULL ||
		    key == NULL)
			continue;
		ui_event_cmd(ui, e, &c);
		if (ui_possible(ui, &c))
			x = ui_item(ui, w, y, x, key, _(e->menu));
	}
	return x;
}

static void
ui_draw_whatif(struct ui *ui, WINDOW *w)
{
	char now[256];
	int x;

	ui_draw_text(w, 0, 0, ui->win->cols, _("What if...? Press a number to "
	    "switch it; Esc goes back."), ui_look.role[ROLE_TITLE]);
	x = ui_group(ui, w, 1, 1, UI_G_WHATIF);
	if (x == 1)
		ui_draw_text(w, 1, 1, ui->win->cols - 2, _("Only before the "
		    "first event: restart (R) to change the rules."),
		    ui_look.role[ROLE_DIM]);
	/* With the kernel lab, the kernels' settings, not the unused
	 * world's. */
	if (ui->s.be != NULL)
		ui->s.be->ops->label(ui->s.be->self, now, sizeof(now));
	else
		world_rules_text(&ui->s.w, now, sizeof(now));
	ui_draw_text(w, 2, 1, ui->win->cols - 2, now, A_NORMAL);
}

static void
ui_wire_head(struct ui *ui, WINDOW *w, int *x)
{
	const struct flight *f = menu_selected(&ui->s.w, ui->sel);
	char buf[96], fl[TCP_FLAGS_BUFSZ];

	if (f == NULL)
		return;
	snprintf(buf, sizeof(buf), "#%" PRIu32 " %s %s:", f->id,
	    tcp_flags_str(f->seg.flags, fl), sim_dir_name(f->dir));
	ui_draw_text(w, 2, *x, ui->win->cols - *x, buf, A_BOLD);
	*x += utf8_width(buf) + 1;
}

void
ui_draw_menu(struct ui *ui)
{
	WINDOW *w = ui->win->menu;
	int lw = 8, x;

	werase(w);
	if (ui->whatif) {
		ui_draw_whatif(ui, w);
		wnoutrefresh(w);
		return;
	}
	ui_draw_text(w, 0, 0, lw, sim_host_text(HOST_CLIENT),
	    ui_look.role[ROLE_TITLE]);
	ui_group(ui, w, 0, lw, UI_G_CLIENT);
	ui_draw_text(w, 1, 0, lw, sim_host_text(HOST_SERVER),
	    ui_look.role[ROLE_TITLE]);
	ui_group(ui, w, 1, lw, UI_G_SERVER);
	/* TRANSLATORS: the network between the hosts; at most 7 columns. */
	ui_draw_text(w, 2, 0, lw, _("wire"), ui_look.role[ROLE_TITLE]);
	x = lw;
	ui_wire_head(ui, w, &x);
	x = ui_group(ui, w, 2, x, UI_G_WIRE);
	ui_group(ui, w, 2, x, UI_G_TIME);
	wnoutrefresh(w);
}

/* The status line: its words are status_sim_parts', fitted by
 * status_fit; here only what the screen knows and the painting. */
void
ui_draw_status(struct ui *ui)
{
	WINDOW *w = ui->win->stat;
	char left[256], t[32], right[256];
	struct status_line st;
	struct status_sim in = { .s = &ui->s, .clock = t, .num = ui->v.num,
	    .mode = STATUS_EDIT };

	if (ladder_arrow_by_id(&ui->v.lad, ui->mark) != NULL)
		in.mark = ui->mark;
	if (ui->o->play != NULL)
		in.mode = ui->lec.branched ? STATUS_BRANCHED : STATUS_LECTURE;
	/* On a replayed capture, the time of the newest segment shown. */
	cap_clock_text(ui->frames, ui->nframes, &ui->v.lad,
	    session_now(&ui->s), t, sizeof(t));
	status_sim_parts(&st, &in);
	status_fit(&st, ui->win->cols, left, sizeof(left), right,
	    sizeof(right));
	ui_draw_bar(w, 0, ui->win->cols, left, right);
	wnoutrefresh(w);
}
