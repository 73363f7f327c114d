/*
 * The simulator's commands with a backend behind the session (the kernel
 * lab, `tcpteach lab`): what is possible is the backend's answer, and the
 * lab's clock runs by itself.  No curses; the screen_def is ui_lab_def in
 * ui_cmd.c (the simulator's tables), its painter the simulator's.
 */
#include <config.h>

#include <string.h>

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

/* The menu's old duplicate SYN in the lab: the session's world holds no
 * TCB there, so the number comes from the ISS the kernel chose, as the
 * ladder saw it in the host's SYN: 10 below it, as the simulation places
 * its own (RFC 9293 Figure 8, recovery from an old duplicate SYN), so
 * the old SYN means the same to a kernel (its SYN+ACK acknowledges
 * ISS - 9, which the client must reject). */
void
ui_lab_old_syn(const struct ui *ui, struct cmd *c)
{
	const struct ladder_host *lh;

	if (ui->s.be == NULL || c->kind != CMD_INJECT)
		return;
	lh = &ui->v.lad.host[c->dir];
	if (lh->niss == 0 || lh->state == TCP_CLOSED ||
	    lh->state == TCP_LISTEN)
		return;
	c->seg.seq = lh->iss[lh->niss - 1] - 10;
}

/* The lab's clock runs by itself: while a kernel has a timer armed,
 * the boxes count it down once a second (and only then: an idle lab with
 * no timer never wakes). */
static bool
ui_lab_timing(const struct ui *ui)
{
	for (int h = 0; h < 2; h++)
		for (int t = 0; t < TCP_NTIMERS; t++)
			if (ui->s.w.host[h].tcb.armed[t])
				return true;
	return false;
}

int
ui_lab_tick(struct screen *sc, uint64_t now)
{
	struct ui *ui = sc->state;
	int r = ui_frame_tick(sc, now);

	if (ui->s.be == NULL || now < ui->s.be_t0 || !ui_lab_timing(ui))
		return r;
	if (now - ui->s.be_t0 > ui->s.w.now)
		ui->s.w.now = now - ui->s.be_t0;
	return r | UI_R_BOXES | UI_R_STATUS;
}

int
ui_lab_busy(const struct screen *sc, uint64_t now)
{
	const struct ui *ui = sc->state;
	int b = ui_busy(sc, now), s;

	if (ui->s.be == NULL || now < ui->s.be_t0 || !ui_lab_timing(ui))
		return b;
	s = 1000 - (int)((now - ui->s.be_t0) % 1000);
	return b >= 0 && b < s ? b : s;
}
