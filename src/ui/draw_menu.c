/*
 * Painting the event menu, the status line and the help screen.
 *
 * The menu lists, per group (client, server, wire and time), the entries
 * of the command table whose event the world says is possible now; the
 * help screen lists every entry of the same table with its keys.
 */
#include <config.h>

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/i18n.h"
#include "ui/draw_int.h"
#include "ui/menu.h"
#include "ui/ui_cmd.h"

/* Write "key label" items from x on; returns the next free column. */
static int
ui_item(struct ui *ui, WINDOW *w, int y, int x, const char *key,
    const char *label)
{
	int room = ui->cols - x - 1, kw = view_width(key);

	if (room < kw + 2 + view_width(label))
		return ui->cols;
	ui_draw_text(w, y, x, room, key, ui->role[ROLE_KEY]);
	ui_draw_text(w, y, x + kw + 1, room - kw - 1, label, A_NORMAL);
	return x + kw + 1 + view_width(label) + 2;
}

static int
ui_group(struct ui *ui, WINDOW *w, int y, int x, enum ui_group grp)
{
	for (size_t i = 0; i < ui_ncmds; i++) {
		const struct ui_cmd *uc = &ui_cmds[i];
		struct cmd c;

		if (uc->group != grp || uc->menu == NULL)
			continue;
		if (!ui_cmd_cmd(ui, uc, &c) || !menu_possible(&ui->s.w, &c))
			continue;
		x = ui_item(ui, w, y, x, uc->keyname, _(uc->menu));
	}
	return x;
}

static void
ui_draw_whatif(struct ui *ui, WINDOW *w)
{
	const struct tcp_config *cfg = &ui->s.w.cfg;
	char now[256];
	int x;

	ui_draw_text(w, 0, 0, ui->cols, _("What if...? Press a number to "
	    "switch it; Esc goes back."), ui->role[ROLE_TITLE]);
	x = ui_group(ui, w, 1, 1, UI_G_WHATIF);
	if (x == 1)
		ui_draw_text(w, 1, 1, ui->cols - 2, _("Only before the first "
		    "event: restart (R) to change the rules."),
		    ui->role[ROLE_DIM]);
	/* TRANSLATORS: profile name, then on/off words of the switches. */
	snprintf(now, sizeof(now), _("Now: profile %s, TIME_WAIT %s, "
	    "%s handshake, delayed ACK %s."),
	    sim_profile_name(ui->s.w.profile),
	    cfg->time_wait ? _("on") : _("off"),
	    cfg->handshake_two ? _("two-way") : _("three-way"),
	    cfg->delayed_ack ? _("on") : _("off"));
	ui_draw_text(w, 2, 1, ui->cols - 2, now, A_NORMAL);
}

static void
ui_wire_head(struct ui *ui, WINDOW *w, int *x)
{
	const struct flight *f = menu_selected(&ui->s.w, ui->sel);
	const struct view_arrow *a;
	char buf[96], fl[TCP_FLAGS_BUFSZ];

	if (f == NULL)
		return;
	a = view_arrow_by_id(&ui->s.v, f->id);
	snprintf(buf, sizeof(buf), "#%" PRIu32 " %s %s:", f->id,
	    tcp_flags_str(f->seg.flags, fl), sim_dir_name(f->dir));
	ui_draw_text(w, 2, *x, ui->cols - *x, buf, A_BOLD);
	*x += view_width(buf) + 1;
	(void)a;
}

void
ui_draw_menu(struct ui *ui)
{
	WINDOW *w = ui->wmenu;
	int lw = 8, x;

	werase(w);
	if (ui->overlay == UI_O_WHATIF) {
		ui_draw_whatif(ui, w);
		wnoutrefresh(w);
		return;
	}
	ui_draw_text(w, 0, 0, lw, view_host_name(HOST_CLIENT),
	    ui->role[ROLE_TITLE]);
	ui_group(ui, w, 0, lw, UI_G_CLIENT);
	ui_draw_text(w, 1, 0, lw, view_host_name(HOST_SERVER),
	    ui->role[ROLE_TITLE]);
	ui_group(ui, w, 1, lw, UI_G_SERVER);
	/* TRANSLATORS: the network between the hosts; at most 7 columns. */
	ui_draw_text(w, 2, 0, lw, _("wire"), ui->role[ROLE_TITLE]);
	x = lw;
	ui_wire_head(ui, w, &x);
	x = ui_group(ui, w, 2, x, UI_G_WIRE);
	ui_group(ui, w, 2, x, UI_G_TIME);
	wnoutrefresh(w);
}

static void
ui_draw_prompt(struct ui *ui, WINDOW *w)
{
	char buf[UI_PROMPT_MAX * 4 + 1];
	const char *head = ui->prompt == UI_P_CMD ? ":" : _("Save as: ");
	size_t n;
	int hw = view_width(head), used;

	ui->pbuf[ui->plen] = L'\0';
	n = wcstombs(buf, ui->pbuf, sizeof(buf) - 1);
	if (n == (size_t)-1)
		n = 0;
	buf[n] = '\0';
	ui_draw_text(w, 0, 0, ui->cols, head, A_BOLD);
	ui_draw_text(w, 0, hw, ui->cols - hw - 1, buf, A_NORMAL);
	view_fit(buf, ui->cols - hw - 1, &used);
	wmove(w, 0, hw + used);
}

void
ui_draw_status(struct ui *ui)
{
	WINDOW *w = ui->wstat;
	char left[256], t[32], right[128];
	int rw;

	werase(w);
	if (ui->prompt != UI_P_NONE) {
		curs_set(1);
		ui_draw_prompt(ui, w);
		wnoutrefresh(w);
		return;
	}
	curs_set(0);
	wbkgdset(w, ui->role[ROLE_STATUS]);
	werase(w);
	view_dur(ui->s.w.now, t, sizeof(t));
	/* TRANSLATORS: step k of n, simulated time, number mode. */
	snprintf(left, sizeof(left), _(" step %zu/%zu t=%s %s"),
	    ui->s.pos, ui->s.ncmds, t, view_num_short(ui->s.v.num));
	if (ui->s.npass + ui->s.nfail > 0)
		/* TRANSLATORS: checks (expect lines) passed and failed. */
		snprintf(left + strlen(left), sizeof(left) - strlen(left),
		    _("  checks %u ok, %u failed"), ui->s.npass,
		    ui->s.nfail);
	snprintf(right, sizeof(right), "%s ", ui->o->play ?
	    _("Space/p step  ? help  q quit") :
	    _("u undo  : command  ? help  q quit"));
	rw = view_width(right);
	ui_draw_text(w, 0, 0, ui->cols - rw - 1, left, ui->role[ROLE_STATUS]);
	ui_draw_text(w, 0, ui->cols - rw > 0 ? ui->cols - rw : 0, rw, right,
	    ui->role[ROLE_STATUS]);
	wnoutrefresh(w);
}

void
ui_draw_help(struct ui *ui)
{
	WINDOW *w = newwin(ui->rows - 1, ui->cols, 0, 0);
	int colw = ui->cols >= 100 ? ui->cols / 2 : ui->cols, h = ui->rows - 1;
	int y = 1, x = 1;

	ui_draw_text(w, 0, 1, ui->cols - 2, _("tcpteach keys (any key "
	    "closes this help; PgDn/PgUp scroll)"), ui->role[ROLE_TITLE]);
	for (size_t i = (size_t)ui->help_top; i < ui_ncmds; i++) {
		const struct ui_cmd *uc = &ui_cmds[i];

		if (y >= h) {
			if (x + colw >= ui->cols)
				break;
			x += colw;
			y = 1;
		}
		/* 14 columns: the longest key name is "Space n Right". */
		ui_draw_text(w, y, x, 14, uc->keyname, ui->role[ROLE_KEY]);
		ui_draw_text(w, y, x + 14, colw - 16, _(uc->help), A_NORMAL);
		y++;
	}
	wnoutrefresh(w);
	delwin(w);
}
