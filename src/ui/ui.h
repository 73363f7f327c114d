/*
 * The interactive simulator's entry points, for main.c.  This header does
 * not include curses: only src/ui may.
 */
#ifndef TCPTEACH_UI_UI_H
#define TCPTEACH_UI_UI_H

#include <stdbool.h>

struct ui_opts {
	bool ascii;		/* no UTF-8 line drawing */
	bool no_animation;
	double speed;		/* animation speed factor, 1 = normal */
	const char *play;	/* lecture mode: the scenario file, or NULL */
	bool present;		/* lecture mode for a room: bold, no menu */
};

#define UI_EXIT_OK 0
#define UI_EXIT_USAGE 2		/* no terminal, bad file: nothing drawn */

/* Run the simulator (or lecture mode); returns the exit status. */
int ui_main(const struct ui_opts *o);

/* The lesson browser (which NULL) or lesson `which` ("2", "02-handshake")
 * first; a lesson that does not exist is exit status 2. */
int ui_lessons_main(const struct ui_opts *o, const char *which);

/* The interactive drill and the timed exam (`tcpteach quiz`, `tcpteach
 * exam`), from what quiz_cli and exam_cli handed over; they use o->ascii.
 * Return the exit status (1 when no question fits the topics). */
struct quiz_cli_tui;
int ui_quiz_main(const struct quiz_cli_tui *t, const struct ui_opts *o);
int ui_exam_main(const struct quiz_cli_tui *t, const struct ui_opts *o);

#endif
