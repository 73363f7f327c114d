/*
 * One TCP segment between a client 10.0.0.1 and a server 10.0.0.2:80
 * written as a pcap record, for the capture suites that read small
 * files made by hand (check_capture, check_capture_browse).
 * Header-only: each suite includes it once.
 */
#ifndef TCPTEACH_CHECK_PCAP_UTIL_H
#define TCPTEACH_CHECK_PCAP_UTIL_H

#include <check.h>
#include <stdbool.h>
#include <stdio.h>

#include "lib/pcapw.h"

/* At t us; c2s: from the client's port sport, else to it. */
static void
list_pkt(FILE *f, uint64_t t, uint16_t sport, uint8_t flags, bool c2s,
    uint32_t seq, uint32_t ack)
{
	uint8_t pkt[PCAPW_TCP_HDR];
	struct pcapw_tcp p = {
		.saddr = c2s ? 0x0a000001u : 0x0a000002u,
		.daddr = c2s ? 0x0a000002u : 0x0a000001u,
		.sport = c2s ? sport : 80, .dport = c2s ? 80 : sport,
		.seq = seq, .ack = ack, .flags = flags, .wnd = 65535,
	};
	size_t n = pcapw_tcp4(&p, pkt, sizeof(pkt));

	ck_assert(n > 0 && pcapw_record(f, t, pkt, n));
}

#endif
