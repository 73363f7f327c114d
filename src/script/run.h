/*
 * `tcpteach script`: run scenario files non-interactively and print their
 * trace or RFC-style diagram.  Output goes to the streams the caller gives.
 */
#ifndef TCPTEACH_SCRIPT_RUN_H
#define TCPTEACH_SCRIPT_RUN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "sim/backend.h"

#include "lib/exitcode.h"	/* the one set of exit statuses */
#include "lib/opt.h"

/* Its options (lib/opt.h), for the program's help and the tests. */
extern const struct opt_cmd script_opt_cmd;

/* argv[0] is "script".  Returns the exit status. */
int script_cli(int argc, char **argv, FILE *out, FILE *err);

/*
 * How the runner reaches the kernel lab without including it (the lab sits
 * beside this module, not below it): main.c hands these in.  open() sets
 * up a fresh lab as a backend and returns 0, or returns 2 with a message
 * saying what is missing (permission, /dev/net/tun, ...).  describe()
 * writes one line: the kernel version and the sysctls that matter.
 * poll_fds() and pump() are for a screen that waits on the terminal and
 * the lab together (script/labsess.h): the two TUN descriptors to poll,
 * and what to call when one is readable.
 */
struct script_lab {
	int (*open)(struct wbackend *b, const char *pcap, bool keep_trace,
	    char *err, size_t size);
	const char *(*describe)(struct wbackend *b, char *buf, size_t size);
	void (*poll_fds)(struct wbackend *b, int fds[2]);
	void (*pump)(struct wbackend *b);
	/* NULL, or a long wait's progress and its stop (lab/lab.h). */
	void (*during)(struct wbackend *b,
	    bool (*fn)(void *arg, uint64_t waited, uint64_t total), void *arg);
};
int script_cli_lab(int argc, char **argv, FILE *out, FILE *err,
    const struct script_lab *lab);

#endif
