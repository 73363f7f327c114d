/*
 * `tcpteach capture`: list, show, diagram, summarise a capture file, or
 * turn one of its connections into a scenario.  Output goes to the
 * streams the caller gives; nothing here needs a terminal.
 */
#ifndef TCPTEACH_CAPTURE_CLI_H
#define TCPTEACH_CAPTURE_CLI_H

#include <stdio.h>

/* argv[0] is "capture".  Returns a TT_EXIT_ status (lib/exitcode.h). */
int capture_cli(int argc, char **argv, FILE *out, FILE *err);

#endif
