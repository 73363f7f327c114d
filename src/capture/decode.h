/*
 * One captured frame, decoded down to its TCP header.
 *
 * Data model: struct cap_pkt is what the rest of src/capture needs of a
 * frame: when it was captured, the two endpoints (address family, address
 * bytes, port) and the TCP header as a struct tcp_seg of the core, with
 * the payload length taken from the IP header (not from the captured
 * length: a snap length may cut the payload, never the headers we read).
 * Decoding never allocates; a frame that is not a whole TCP segment gives
 * a status saying why, for the caller to count or report.
 */
#ifndef TCPTEACH_CAPTURE_DECODE_H
#define TCPTEACH_CAPTURE_DECODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/tcp.h"

/* Link-layer header types (the LINKTYPE_ values of pcap and pcapng, and
 * the DLT_ values libpcap maps raw IP to: 12 here, 14 on OpenBSD). */
#define CAP_LT_NULL	0
#define CAP_LT_DLT_RAW	12
#define CAP_LT_DLT_RAW2	14
#define CAP_LT_ETHERNET	1
#define CAP_LT_RAW	101
#define CAP_LT_LOOP	108
#define CAP_LT_SLL	113
#define CAP_LT_IPV4	228
#define CAP_LT_IPV6	229
#define CAP_LT_SLL2	276

struct cap_end {
	uint8_t addr[16];	/* IPv4 in the first four bytes */
	uint16_t port;
};

enum cap_decode {
	CAP_D_TCP,		/* a TCP segment */
	CAP_D_NOT_IP,		/* ARP, LLDP, ...: skipped quietly */
	CAP_D_NOT_TCP,		/* UDP, ICMP, ...: skipped quietly */
	CAP_D_FRAGMENT,		/* an IP fragment: not reassembled */
	CAP_D_CUT,		/* the snap length cut the headers */
	CAP_D_BAD_HEADER,	/* impossible header lengths */
	CAP_D_BAD_CHECKSUM	/* only when checksums are verified */
};

struct cap_pkt {
	uint64_t num;		/* 1-based frame number in the file */
	uint64_t ts_us;		/* capture time, microseconds */
	bool v6;
	struct cap_end src, dst;
	struct tcp_seg seg;
};

/* Decode one frame of the given link type; fills pkt->src, dst, seg, v6. */
enum cap_decode cap_decode(int linktype, const uint8_t *p, size_t caplen,
    bool verify, struct cap_pkt *pkt);
bool cap_linktype_known(int linktype);
/* "10.0.0.1:40000" or "[::1]:40000"; buf needs CAP_END_BUFSZ bytes. */
#define CAP_END_BUFSZ 56
char *cap_end_str(const struct cap_end *e, bool v6, char *buf);
/* Why a frame was skipped (msgid). */
const char *cap_decode_text(enum cap_decode d);

#endif
