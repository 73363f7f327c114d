/*
 * Painting the event menu and the status line.
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

#include "lib/i18n.h"
#include "script/menu.h"
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
	const struct tcp_config *cfg = &ui->s.w.cfg;
	char now[256];
	int x;

	ui_draw_text(w, 0, 0, ui->win->cols, _("What if...? Press a number to "
	    "switch it; Esc goes back."), ui_look.role[ROLE_TITLE]);
	x = ui_group(ui, w, 1, 1, UI_G_WHATIF);
	if (x == 1)
		ui_draw_text(w, 1, 1, ui->win->cols - 2, _("Only before the "
		    "first event: restart (R) to change the rules."),
		    ui_look.role[ROLE_DIM]);
	if (ui->s.be != NULL) {
		/* The kernels' settings, not the unused world's. */
		ui_draw_text(w, 2, 1, ui->win->cols - 2, ui->s.be->ops->label(
		    ui->s.be->self, now, sizeof(now)), A_NORMAL);
		return;
	}
	/* TRANSLATORS: profile name, then on/off words of the switches. */
	snprintf(now, sizeof(now), _("Now: profile %s, TIME_WAIT %s, "
	    "%s handshake, delayed ACK %s."),
	    sim_profile_name(ui->s.w.profile),
	    cfg->time_wait ? _("on") : _("off"),
	    cfg->handshake_two ? _("two-way") : _("three-way"),
	    cfg->delayed_ack ? _("on") : _("off"));
	ui_draw_text(w, 2, 1, ui->win->cols - 2, now, A_NORMAL);
}

static void
ui_wire_head(struct ui *ui, WINDOW *w, int *x)
{
	const struct flight *f = menu_selected(&ui->s.w, ui->sel);
	const struct ladder_arrow *a;
	char buf[96], fl[TCP_FLAGS_BUFSZ];

	if (f == NULL)
		return;
	a = ladder_arrow_by_id(&ui->v.lad, f->id);
	snprintf(buf, sizeof(buf), "#%" PRIu32 " %s %s:", f->id,
	    tcp_flags_str(f->seg.flags, fl), sim_dir_name(f->dir));
	ui_draw_text(w, 2, *x, ui->win->cols - *x, buf, A_BOLD);
	*x += utf8_width(buf) + 1;
	(void)a;
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

/* While an arrow is selected the keys come first: the left part loses
 * whole words from its end (the profile, then the number mode) to fit
 * in cols. */
static void
ui_status_fit(char *left, int cols)
{
	int used;
	size_t n;

	if (cols < 0)
		cols = 0;
	n = utf8_fit(left, cols, &used);
	if (left[n] == '\0')
		return;
	while (n > 0 && left[n] != ' ')
		n--;
	left[n] = '\0';
}

const char *
ui_status_keys(const struct ui *ui, char *left, int cols, const char *keys,
    char *buf, size_t size)
{
	if (ladder_arrow_by_id(&ui->v.lad, ui->mark) == NULL)
		return keys;
	/* TRANSLATORS: the status bar while arrow #N is selected, then the
	 * other keys. */
	snprintf(buf, size, _("Enter inspect #%" PRIu32 "  %s"), ui->mark,
	    keys);
	ui_status_fit(left, cols - 2 - utf8_width(buf));
	return buf;
}

void
ui_draw_status(struct ui *ui)
{
	WINDOW *w = ui->win->stat;
	char left[256], t[32], sw[128], right[256];
	const char *keys;
	size_t pos = ui->s.pos, n = ui->s.ncmds;

	/* A scenario in lecture mode counts its lines, switches too. */
	if (ui->o->play == NULL) {
		pos = cmd_steps(ui->s.cmds, pos);
		n = cmd_steps(ui->s.cmds, n);
	}
	sim_dur_text(session_now(&ui->s), t, sizeof(t));
	/* TRANSLATORS: step k of n, simulated time, number mode, then the
	 * profile and the what-if switches set. */
	snprintf(left, sizeof(left), _(" step %zu/%zu t=%s %s %s"),
	    pos, n, t, ladder_num_short(ui->v.num),
	    world_switches_text(&ui->s.w, sw, sizeof(sw)));
	if (ui->s.npass + ui->s.nfail > 0)
		/* TRANSLATORS: checks (expect lines) passed and failed. */
		snprintf(left + strlen(left), sizeof(left) - strlen(left),
		    _("  checks %u ok, %u failed"), ui->s.npass,
		    ui->s.nfail);
	keys = ui->o->play == NULL ? _("u undo  : command  ? help  q quit") :
	    ui->lec.branched ? _("b back to the script  ? help  q quit") :
	    _("Space/p step  j jump  ? help  q quit");
	keys = ui_status_keys(ui, left, ui->win->cols, keys, right,
	    sizeof(right));
	ui_draw_bar(w, 0, ui->win->cols, left, keys);
	wnoutrefresh(w);
}
