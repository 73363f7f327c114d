/*
 * A simulated session written as a capture: every segment a host or the
 * learner puts on the wire becomes an IPv4/TCP packet from 10.0.0.1:49152
 * (the client) or 10.0.0.2:18989 (the server), stamped with the simulated
 * time, so tcpdump and Wireshark show the same flags, seq, ack and lengths
 * as the trace.  A list of commands (a simulator session) can be written
 * whole: they are replayed into a scratch world that keeps its trace.
 */
#ifndef TCPTEACH_SCRIPT_PCAP_H
#define TCPTEACH_SCRIPT_PCAP_H

#include <stdbool.h>
#include <stdio.h>

#include <stddef.h>

#include "sim/world.h"

#define SCRIPT_PCAP_CLIENT 0x0a000001u	/* 10.0.0.1 */
#define SCRIPT_PCAP_SERVER 0x0a000002u	/* 10.0.0.2 */
#define SCRIPT_PCAP_CPORT 49152
#define SCRIPT_PCAP_SPORT 18989

bool script_pcap_begin(FILE *f);
/* Write the event if it put a segment on the wire; false on a write error. */
bool script_pcap_event(FILE *f, const struct sim_ev *ev);
/* Replay cmds[0..n) into a fresh world and write every segment it put on
 * the wire to path, atomically; *nsegs is how many.  On failure, false
 * with a translated message naming the file in err. */
bool script_pcap_write(const struct cmd *cmds, size_t n, const char *path,
    size_t *nsegs, char *err, size_t errsize);

#endif
