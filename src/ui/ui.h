/*
 * The interactive simulator's entry points, for main.c.  This header does
 * not include curses: only src/ui may.
 */
#ifndef TCPTEACH_UI_UI_H
#define TCPTEACH_UI_UI_H

#include <stdbool.h>
#include <stddef.h>

struct ui_opts {
	bool ascii;		/* no UTF-8 line drawing */
	bool no_animation;
	double speed;		/* animation speed factor, 1 = normal */
	const char *play;	/* lecture mode: the scenario file, or NULL */
	bool present;		/* lecture mode for a room: bold, no menu */
};

#include "lib/exitcode.h"	/* the one set of exit statuses */

/* Run the simulator (or lecture mode); returns the exit status. */
int ui_main(const struct ui_opts *o);

/* The lesson browser (which NULL) or lesson `which` ("2", "02-handshake")
 * first; a lesson that does not exist is exit status 2. */
int ui_lessons_main(const struct ui_opts *o, const char *which);

/* `tcpteach lab`: the simulator on the kernel lab, whose entry points
 * main.c hands over (src/ui does not depend on src/lab); pcap NULL or a
 * file for the packets.  When the lab cannot start, open's status (2),
 * said on stderr before the terminal is touched. */
struct script_lab;
int ui_lab_main(const struct ui_opts *o, const char *pcap,
    const struct script_lab *lab);

struct quiz_cli_tui;
/* The interactive drill and the timed exam (`tcpteach quiz`, `tcpteach
 * exam`), from what quiz_cli and exam_cli handed over; they use o->ascii.
 * Return the exit status (1 when no question fits the topics). */
int ui_quiz_main(const struct quiz_cli_tui *t, const struct ui_opts *o);
int ui_exam_main(const struct quiz_cli_tui *t, const struct ui_opts *o);

/* `tcpteach capture FILE` on a terminal: the connection list screen.
 * UI_CAPTURE_NO_TERMINAL if there is none (the caller prints the list);
 * else the exit status of reading the file (capture/read.h). */
#define UI_CAPTURE_NO_TERMINAL (-1)
int ui_capture_main(const char *file, const struct ui_opts *o);

#endif
