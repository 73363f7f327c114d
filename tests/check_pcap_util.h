/*
 * TCP segments between a client 10.0.0.1 and a server 10.0.0.2:80
 * written as pcap records, for the capture suites that read small files
 * made by hand (check_capture, check_capture_browse).
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

/* 1: refused by a RST; 2: a handshake then the client aborts. */
static void
list_two_conns(FILE *f)
{
	list_pkt(f, 1000, 40001, TCP_SYN, true, 100, 0);
	list_pkt(f, 2000, 40002, TCP_SYN, true, 700, 0);
	list_pkt(f, 3000, 40001, TCP_RST | TCP_ACK, false, 0, 101);
	list_pkt(f, 4000, 40002, TCP_SYN | TCP_ACK, false, 900, 701);
	list_pkt(f, 5000, 40002, TCP_ACK, true, 701, 901);
	list_pkt(f, 6000, 40002, TCP_RST | TCP_ACK, true, 701, 901);
}

#endif
