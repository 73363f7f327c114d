/*
 * The event menu's commands, built without curses so tests can check them
 * and any front end can offer them.
 *
 * Every entry of the menu is a struct cmd of the scenario language; this
 * file fills one in for a host call, a wire event on the chosen in-flight
 * segment, an old duplicate to inject, or a what-if switch, and asks the
 * world whether it is possible now.
 */
#include <config.h>

#include <string.h>

#include "script/menu.h"

const struct flight *
menu_selected(const struct world *w, uint32_t sel)
{
	for (size_t i = 0; i < w->nwire; i++)
		if (w->wire[i].id == sel)
			return &w->wire[i];
	return w->nwire > 0 ? &w->wire[0] : NULL;
}

/* An old duplicate SYN from an earlier incarnation: a little below the
 * sender's ISS when it has one, else 90 as in RFC 9293 Figure 8 (recovery
 * from an old duplicate SYN). */
static void
menu_inject(const struct world *w, enum sim_dir dir, struct cmd *c)
{
	const struct tcp_tcb *tcb = &w->host[dir].tcb;

	c->dir = dir;
	c->seg.flags = TCP_SYN;
	c->seg.has_seq = true;
	c->seg.seq = 90;
	if (tcb->state != TCP_CLOSED && tcb->state != TCP_LISTEN)
		c->seg.seq = tcb->iss - 10;
}

void
menu_make(const struct world *w, enum cmd_kind kind, enum sim_host_id host,
    uint32_t sel, struct cmd *c)
{
	const struct flight *f = menu_selected(w, sel);

	memset(c, 0, sizeof(*c));
	c->kind = kind;
	c->host = host;
	switch (kind) {
	case CMD_SEND:
		c->num = MENU_SEND_BYTES;
		break;
	case CMD_DELIVER:
	case CMD_DROP:
	case CMD_DUP:
		c->sel.kind = f ? SEL_ID : SEL_ANY;
		c->sel.id = f ? f->id : 0;
		break;
	case CMD_INJECT:
		menu_inject(w, (enum sim_dir)host, c);
		break;
	case CMD_SEED:
	case CMD_ISN:
	case CMD_PROFILE:
	case CMD_SET:
	case CMD_LISTEN:
	case CMD_CONNECT:
	case CMD_CLOSE:
	case CMD_SHUTDOWN:
	case CMD_ABORT:
	case CMD_CRASH:
	case CMD_READ:
	case CMD_SETTLE:
	case CMD_WAIT:
	case CMD_WAIT_TIMER:
	case CMD_EXPECT_STATE:
	case CMD_EXPECT_INFLIGHT:
	case CMD_EXPECT_INFLIGHT_NONE:
	case CMD_EXPECT_SENT:
	case CMD_EXPECT_NOTICE:
	case CMD_EXPECT_TIME:
		break;
	}
}

/* The what-if switches flip whatever is in force now. */
void
menu_whatif(const struct world *w, enum menu_whatif which, struct cmd *c)
{
	memset(c, 0, sizeof(*c));
	c->kind = CMD_SET;
	switch (which) {
	case MENU_WI_PROFILE:
		c->kind = CMD_PROFILE;
		c->profile = w->profile == PROFILE_LINUX ? PROFILE_RFC9293 :
		    PROFILE_LINUX;
		break;
	case MENU_WI_TIME_WAIT:
		c->key = SET_TIME_WAIT;
		c->on = !w->cfg.time_wait;
		break;
	case MENU_WI_HANDSHAKE:
		c->key = SET_HANDSHAKE;
		c->on = w->cfg.handshake_two;	/* on: three-way */
		break;
	case MENU_WI_DELACK:
		c->key = SET_DELAYED_ACK;
		c->on = !w->cfg.delayed_ack;
		break;
	}
}

bool
menu_possible(const struct world *w, const struct cmd *c)
{
	struct sim_result res;

	memset(&res, 0, sizeof(res));
	return world_can(w, c, &res) == SIM_OK;
}
