/*
 * `tcpteach script`: run scenario files non-interactively and print their
 * trace or RFC-style diagram.  Output goes to the streams the caller gives.
 */
#ifndef TCPTEACH_SCRIPT_RUN_H
#define TCPTEACH_SCRIPT_RUN_H

#include <stdio.h>

/* Exit statuses (the spec's): */
#define SCRIPT_EXIT_OK 0	/* every expect held */
#define SCRIPT_EXIT_FAIL 1	/* an expect failed or an event impossible */
#define SCRIPT_EXIT_PARSE 2	/* a file could not be read or parsed */

/* argv[0] is "script".  Returns the exit status. */
int script_cli(int argc, char **argv, FILE *out, FILE *err);

#endif
