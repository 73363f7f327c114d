/*
 * A pcap writer: raw IPv4 packets in, pcap records out (LINKTYPE_RAW, so
 * no link-layer header is invented), plus a builder for an IPv4/TCP
 * packet with correct IP and TCP checksums.  The simulator's
 * `script --pcap` and the kernel lab both write captures through it.
 *
 * Data model: none kept; each call writes to the caller's stream.  The
 * file is the classic microsecond pcap format, host byte order, that
 * tcpdump, tshark and Wireshark read.
 */
#ifndef TCPTEACH_LIB_PCAPW_H
#define TCPTEACH_LIB_PCAPW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define PCAPW_LINKTYPE_RAW 101
#define PCAPW_SNAPLEN 262144

/* The 24-byte file header. */
bool pcapw_header(FILE *f);
/* One record: the whole packet, captured at ts_us microseconds. */
bool pcapw_record(FILE *f, uint64_t ts_us, const uint8_t *pkt, size_t len);

/* An IPv4/TCP packet without options; the payload is len zero bytes. */
struct pcapw_tcp {
	uint32_t saddr, daddr;		/* host byte order: 0x0a000001 */
	uint16_t sport, dport;
	uint32_t seq, ack;
	uint8_t flags;			/* FIN 0x01 ... URG 0x20 */
	uint16_t wnd;
	uint16_t len;
	uint16_t ip_id;
};
#define PCAPW_TCP_HDR 40
/* Build it in buf; returns its length, or 0 if size is too small. */
size_t pcapw_tcp4(const struct pcapw_tcp *t, uint8_t *buf, size_t size);

#endif
