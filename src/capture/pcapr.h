/*
 * A reader of classic pcap files (both byte orders, micro- and
 * nanosecond time stamps) over a large buffer, for the common case of a
 * regular file: libpcap reads each record with two fread calls, and on a
 * large capture that costs as much as decoding the frames.  Anything else
 * (pcapng, a pipe, an unusual version or link type) stays with libpcap.
 *
 * Data model: a window buf[start, end) of the file's unread bytes, filled
 * with pread from the descriptor (so the FILE is left untouched at its
 * first byte and libpcap can take over when the file is not ours), or the
 * whole file in memory.  Records are handed out as libpcap hands them: a
 * struct pcap_pkthdr with microsecond times, the same snap length rules
 * and the same error texts, so that the caller cannot tell the readers
 * apart.
 */
#ifndef TCPTEACH_CAPTURE_PCAPR_H
#define TCPTEACH_CAPTURE_PCAPR_H

#include <pcap/pcap.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

struct cap_pcapr {
	int fd;			/* -1: the whole file is in buf */
	off_t off;		/* file offset of buf[end] */
	uint8_t *buf;
	size_t size, start, end;
	bool owned, eof;
	bool swap, nsec;
	int dlt;		/* the link type as pcap_datalink() says it */
	uint32_t snap;		/* the snap length as libpcap adjusts it */
	struct pcap_pkthdr hdr;
	char err[PCAP_ERRBUF_SIZE];
};

/* Take fp when it is a regular file in classic pcap form that this reader
 * handles; false leaves fp as it was, for libpcap. */
bool cap_pcapr_open(struct cap_pcapr *r, FILE *fp);
/* The same over a whole file in memory (data stays the caller's). */
bool cap_pcapr_open_mem(struct cap_pcapr *r, const uint8_t *data,
    size_t size);
/* As pcap_next_ex: 1 a record, PCAP_ERROR_BREAK at the end of the file,
 * PCAP_ERROR with the reason in r->err. */
int cap_pcapr_next(struct cap_pcapr *r, struct pcap_pkthdr **h,
    const u_char **data);
void cap_pcapr_close(struct cap_pcapr *r);

#endif
