/*
 * The simulator's commands with a backend behind the session (the kernel
 * lab, `tcpteach lab`): what is possible is the backend's answer, the
 * state boxes show the kernel's report, and the lab's clock runs by
 * itself (script/labsess.h keeps it).  No curses; the screen_def is
 * ui_lab_def in ui_cmd.c (the simulator's tables), its painter the
 * simulator's.
 */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "lib/i18n.h"
#include "script/labsess.h"
#include "script/menu.h"
#include "ui/ui_int.h"

bool
ui_possible(const struct ui *ui, const struct cmd *c)
{
	struct sim_result res;

	if (ui->s.be == NULL)
		return menu_possible(&ui->s.w, c);
	memset(&res, 0, sizeof(res));
	return ui->s.be->ops->can(ui->s.be->self, c, &res) == SIM_OK;
}

/* The state box of host h shows what the kernel reports: its state; its
 * numbers it does not expose (the ladder carries them). */
void
ui_lab_box(struct ui *ui, enum sim_host_id h, struct ladder_box *out)
{
	struct wbackend *b = ui->s.be;
	enum tcp_state st = b->ops->state(b->self, h);

	memset(out, 0, sizeof(*out));
	snprintf(out->state, sizeof(out->state), "%s", tcp_state_name(st));
	out->phase = ladder_phase_of(st);
	out->hilite = ui->v.lad.host[h].changed;
	snprintf(out->app, sizeof(out->app), "%s", _("the kernel's own state"));
	if (st == TCP_CLOSED || st == TCP_LISTEN)
		return;
	snprintf(out->nums[0], sizeof(out->nums[0]), "%s",
	    _("ISS SND.* RCV.NXT: not exposed"));
	snprintf(out->nums[1], sizeof(out->nums[1]), "%s",
	    _("by the kernel; see the ladder"));
	/* The kernel's timers as its trace told them (inet_diag). */
	ladder_box_timers(&ui->s.w, &ui->s.w.host[h].tcb, out);
}

/* The boxes count a kernel's timer down once a second (labsess_clock). */
int
ui_lab_tick(struct screen *sc, uint64_t now)
{
	struct ui *ui = sc->state;
	int r = ui_frame_tick(sc, now);

	return labsess_clock(&ui->s, now) ? r | UI_R_BOXES | UI_R_STATUS : r;
}

int
ui_lab_busy(const struct screen *sc, uint64_t now)
{
	const struct ui *ui = sc->state;
	int b = ui_busy(sc, now), s = labsess_wake(&ui->s, now);

	return s < 0 || (b >= 0 && b < s) ? b : s;
}
