/*
 * The simulator's commands with a backend behind the session (the kernel
 * lab, `tcpteach lab`): what is possible is the backend's answer, and the
 * lab's clock runs by itself (script/labsess.h keeps it).  No curses; the
 * screen_def is ui_lab_def in ui_cmd.c (the simulator's tables), its
 * painter the simulator's.
 */
#include <config.h>

#include <string.h>

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

/* The menu's old duplicate SYN in the lab: below the ISS the kernel
 * chose, not the simulation's fixed one. */
void
ui_lab_old_syn(const struct ui *ui, struct cmd *c)
{
	if (ui->s.be != NULL)
		labsess_old_syn(&ui->v.lad, c);
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
