/*
 * The lesson browser and lesson screen, as the simulator's command table
 * sees them: one handler that opens the browser over the simulator.
 * main.c uses ui_lessons_main (ui.h) instead.
 */
#ifndef TCPTEACH_UI_LESSON_UI_H
#define TCPTEACH_UI_LESSON_UI_H

struct ui;
struct ui_cmd;

/* The simulator's "lessons" command: the browser, until q returns. */
int ui_h_lessons(struct ui *ui, const struct ui_cmd *uc);

#endif
