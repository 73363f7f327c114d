/*
 * The event menu moved to the scenario layer (script/menu.h); this name
 * stays only for draw_ladder.c, which the ladder model's move rewrites.
 */
#ifndef TCPTEACH_UI_MENU_H
#define TCPTEACH_UI_MENU_H

#include "script/menu.h"

#endif
