/*
 * A simulated session written as a capture: every segment a host or the
 * learner puts on the wire becomes an IPv4/TCP packet from 10.0.0.1:49152
 * (the client) or 10.0.0.2:18989 (the server), stamped with the simulated
 * time, so tcpdump and Wireshark show the same flags, seq, ack and lengths
 * as the trace.
 */
#ifndef TCPTEACH_SCRIPT_PCAP_H
#define TCPTEACH_SCRIPT_PCAP_H

#include <stdbool.h>
#include <stdio.h>

#include "sim/world.h"

#define SCRIPT_PCAP_CLIENT 0x0a000001u	/* 10.0.0.1 */
#define SCRIPT_PCAP_SERVER 0x0a000002u	/* 10.0.0.2 */
#define SCRIPT_PCAP_CPORT 49152
#define SCRIPT_PCAP_SPORT 18989

bool script_pcap_begin(FILE *f);
/* Write the event if it put a segment on the wire; false on a write error. */
bool script_pcap_event(FILE *f, const struct sim_ev *ev);

#endif
