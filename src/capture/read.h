/*
 * Reading a capture file with libpcap (pcap and pcapng) into a tracker.
 *
 * Data model: a struct cap_read counts what was read and skipped; frames
 * stream through one at a time, so files of any size and FIFOs work.
 */
#ifndef TCPTEACH_CAPTURE_READ_H
#define TCPTEACH_CAPTURE_READ_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "capture/capture.h"

#include "lib/exitcode.h"	/* the one set of exit statuses */

#define CAP_NDECODE 7

struct cap_read {
	bool verify;			/* check IP and TCP checksums */
	uint64_t frames, tcp;
	uint64_t skipped[CAP_NDECODE];	/* by enum cap_decode */
	uint64_t first_bad[CAP_NDECODE];	/* its first frame number */
};

/* Read path ("-" is standard input) into t; messages go to err.  Returns
 * a TT_EXIT_ status.  fp, when not NULL, is read instead of path (path
 * names it in messages) and is closed in every case. */
int cap_read_file(const char *path, FILE *fp, struct cap_tracker *t,
    struct cap_read *r, FILE *err);

#endif
