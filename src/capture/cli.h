/*
 * `tcpteach capture`: list, show, diagram, summarise a capture file, or
 * turn one of its connections into a scenario.  Output goes to the
 * streams the caller gives; nothing here needs a terminal.
 */
#ifndef TCPTEACH_CAPTURE_CLI_H
#define TCPTEACH_CAPTURE_CLI_H

#include <stdio.h>

#include "lib/opt.h"

/* Its options (lib/opt.h), for the program's help and the tests. */
extern const struct opt_cmd capture_opt_cmd;

/* argv[0] is "capture".  Returns a TT_EXIT_ status (lib/exitcode.h). */
int capture_cli(int argc, char **argv, FILE *out, FILE *err);

#endif
