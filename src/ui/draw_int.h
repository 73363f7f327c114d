/*
 * The painters of the curses layer, one per part of the screen.
 */
#ifndef TCPTEACH_UI_DRAW_INT_H
#define TCPTEACH_UI_DRAW_INT_H

#include "ui/ui_int.h"

void ui_timelines(const struct ui *ui, int *xc, int *xs);
void ui_draw_text_n(WINDOW *w, int y, int x, const char *s, size_t n,
    attr_t a);
void ui_draw_ladder(struct ui *ui);
void ui_draw_menu(struct ui *ui);
void ui_draw_status(struct ui *ui);
void ui_draw_help(struct ui *ui);

#endif
