/*
 * Writing packets to a pcap file, the whole API in one place so that the
 * writer for simulated runs can later share it.  Packets are raw IPv4
 * (LINKTYPE_RAW), each with the wall-clock time it was put on the wire.
 */
#ifndef TCPTEACH_LAB_PCAPW_H
#define TCPTEACH_LAB_PCAPW_H

#include <stddef.h>
#include <stdint.h>

struct pcapw;

/* NULL and a message in err when the file cannot be written. */
struct pcapw *pcapw_open(const char *path, char *err, size_t size);
/* us: microseconds since the epoch. */
void pcapw_packet(struct pcapw *p, uint64_t us, const void *pkt, size_t len);
void pcapw_close(struct pcapw *p);

#endif
