/*
 * The event menu moved to the scenario layer (script/menu.h); this name
 * stays only for select_cmd.c, which includes it still.
 */
#ifndef TCPTEACH_UI_MENU_H
#define TCPTEACH_UI_MENU_H

#include "script/menu.h"

#endif
