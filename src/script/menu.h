/*
 * The event menu's commands: which scenario-language events a front end
 * can offer now, each built as a struct cmd and asked of the world (see
 * menu.c).  No curses; the simulator's menu, its what-if keys and the
 * tests use it.
 */
#ifndef TCPTEACH_SCRIPT_MENU_H
#define TCPTEACH_SCRIPT_MENU_H

#include <stdbool.h>
#include <stdint.h>

#include "sim/world.h"

#define MENU_SEND_BYTES 100

enum menu_whatif {
	MENU_WI_PROFILE,
	MENU_WI_TIME_WAIT,
	MENU_WI_HANDSHAKE,
	MENU_WI_DELACK
};
#define MENU_NWHATIF 4

/* The in-flight segment with id sel, else the oldest, else NULL. */
const struct flight *menu_selected(const struct world *w, uint32_t sel);
/* Host calls use host; inject uses it as the sending side. */
void menu_make(const struct world *w, enum cmd_kind kind,
    enum sim_host_id host, uint32_t sel, struct cmd *c);
void menu_whatif(const struct world *w, enum menu_whatif which,
    struct cmd *c);
bool menu_possible(const struct world *w, const struct cmd *c);

#endif
