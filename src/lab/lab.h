/*
 * The kernel lab: the scenario language on two real Linux TCP stacks.
 *
 * Each host is a network namespace of this process with one TUN device
 * (client 10.9.0.1, server 10.9.0.2); tcpteach is the wire between them.
 * Every IPv4 packet a kernel sends comes out of its TUN and waits in
 * flight until a command delivers, drops or copies it; host commands are
 * real socket calls in that host's namespace; states are the kernel's own
 * (inet_diag, as ss reads them).  The lab answers through the same world
 * interface as the simulation (sim/backend.h), so the runner and later a
 * screen drive it unchanged.  Nothing outlives the process: the
 * namespaces belong to it and vanish with it, even after SIGKILL.
 */
#ifndef TCPTEACH_LAB_LAB_H
#define TCPTEACH_LAB_LAB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sim/backend.h"

#include "lib/exitcode.h"	/* the one set of exit statuses */

/* A fresh lab as a backend: 0, or TT_EXIT_USAGE and what is missing in err.
 * pcap: NULL, or a file to receive every packet put on the wire. */
int lab_backend_open(struct wbackend *b, const char *pcap, bool keep_trace,
    char *err, size_t size);
/* "Linux 6.1.0; sysctls: tcp_fin_timeout=60 ..." for a header line. */
const char *lab_describe(struct wbackend *b, char *buf, size_t size);

/* For a screen that waits on the terminal and the lab together: the two
 * TUN descriptors to poll, and what to call when one is readable (the
 * packets become segments in flight, states are read again). */
void lab_poll_fds(struct wbackend *b, int fds[2]);
void lab_pump(struct wbackend *b);

/* A `wait` runs in real time (70 s are 70 s): as it begins and once a
 * second of it, and of a `wait timer`, fn hears how long it has waited
 * of how long (ms); fn true stops the wait there (the command still
 * succeeds: the kernels' time has passed). */
typedef bool lab_during_fn(void *arg, uint64_t waited, uint64_t total);
void lab_during(struct wbackend *b, lab_during_fn *fn, void *arg);

#endif
