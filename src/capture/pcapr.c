/*
 * Classic pcap records straight from a large buffer (see pcapr.h).
 *
 * The file is a 24-byte header (magic, version 2.4, time zone, sigfigs,
 * snap length, link type) and records of a 16-byte header (seconds,
 * micro- or nanoseconds, captured length, length on the wire) and the
 * captured bytes.  The checks are libpcap's, in its order and with its
 * words: a captured length beyond the largest libpcap accepts is an
 * error; one beyond the file's snap length (but not that) is cut to it; a
 * file that ends inside a record says how many bytes it had.
 */
#include <config.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "capture/decode.h"
#include "capture/pcapr.h"
#include "lib/xalloc.h"

#define PCAPR_MAGIC	0xa1b2c3d4u
#define PCAPR_MAGIC_NS	0xa1b23c4du
#define PCAPR_FILEHDR	24
#define PCAPR_RECHDR	16
/* libpcap's MAXIMUM_SNAPLEN, its limit for every link type read here. */
#define PCAPR_MAXSNAP	262144u
/* Large enough for any record (header and PCAPR_MAXSNAP bytes); it is
 * filled PCAPR_CHUNK bytes at a time (unless a record needs more), so
 * that what the kernel copied is still in the caches when it is parsed
 * (64 KiB reads: 0.20 s CPU against 0.23 s for 1 MiB reads, mean of five
 * runs on a 128 MB file). */
#define PCAPR_BUFSZ	(1u << 20)
#define PCAPR_CHUNK	(64u << 10)

static uint32_t
pr_get32(const struct cap_pcapr *r, const uint8_t *p)
{
	uint32_t v;

	memcpy(&v, p, sizeof(v));
	return r->swap ? __builtin_bswap32(v) : v;
}

/* The file's link type as libpcap's pcap_datalink() reports it, or -1 for
 * one left to libpcap (FCS bits, types not decoded here). */
static int
pr_dlt(uint32_t lt)
{
	switch (lt) {
	case CAP_LT_NULL: case CAP_LT_ETHERNET: case CAP_LT_LOOP:
	case CAP_LT_SLL: case CAP_LT_IPV4: case CAP_LT_IPV6: case CAP_LT_SLL2:
		return (int)lt;
	case CAP_LT_RAW:
		return DLT_RAW;		/* 12 on Linux, 14 on some BSDs */
	default:
		return -1;
	}
}

/* The file header: true when it is one this reader takes. */
static bool
pr_header(struct cap_pcapr *r, const uint8_t *h)
{
	uint32_t magic, snap;
	uint16_t major, minor;

	memcpy(&magic, h, sizeof(magic));
	r->swap = magic == __builtin_bswap32(PCAPR_MAGIC) ||
	    magic == __builtin_bswap32(PCAPR_MAGIC_NS);
	magic = r->swap ? __builtin_bswap32(magic) : magic;
	if (magic != PCAPR_MAGIC && magic != PCAPR_MAGIC_NS)
		return false;
	r->nsec = magic == PCAPR_MAGIC_NS;
	memcpy(&major, h + 4, sizeof(major));
	memcpy(&minor, h + 6, sizeof(minor));
	if (r->swap) {
		major = __builtin_bswap16(major);
		minor = __builtin_bswap16(minor);
	}
	/* Older versions swapped caplen and len: libpcap's guesswork. */
	if (major != 2 || minor != 4 || (r->dlt = pr_dlt(pr_get32(r, h +
	    20))) < 0)
		return false;
	snap = pr_get32(r, h + 16);
	r->snap = snap == 0 || snap > PCAPR_MAXSNAP ? PCAPR_MAXSNAP : snap;
	return true;
}

bool
cap_pcapr_open_mem(struct cap_pcapr *r, const uint8_t *data, size_t size)
{
	memset(r, 0, sizeof(*r));
	r->fd = -1;
	r->eof = true;
	if (size < PCAPR_FILEHDR || !pr_header(r, data))
		return false;
	r->buf = (uint8_t *)(uintptr_t)data;
	r->size = r->end = size;
	r->start = PCAPR_FILEHDR;
	return true;
}

bool
cap_pcapr_open(struct cap_pcapr *r, FILE *fp)
{
	uint8_t h[PCAPR_FILEHDR];
	struct stat sb;
	off_t at;
	int fd = fileno(fp);

	memset(r, 0, sizeof(*r));
	r->fd = -1;
	if (fd < 0 || fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode) ||
	    (at = lseek(fd, 0, SEEK_CUR)) < 0 ||
	    pread(fd, h, sizeof(h), at) != (ssize_t)sizeof(h) ||
	    !pr_header(r, h))
		return false;
	r->fd = fd;
	r->off = at + PCAPR_FILEHDR;
	r->buf = xmalloc(PCAPR_BUFSZ);
	r->size = PCAPR_BUFSZ;
	r->owned = true;
	return true;
}

void
cap_pcapr_close(struct cap_pcapr *r)
{
	if (r->owned)
		free(r->buf);
	r->buf = NULL;
	r->owned = false;
}

/* At least n unread bytes in the window if the file has them; false with
 * r->err set on a read error.  n is at most PCAPR_RECHDR + PCAPR_MAXSNAP. */
static bool
pr_fill(struct cap_pcapr *r, size_t n)
{
	while (r->end - r->start < n && !r->eof) {
		ssize_t got;
		size_t want;

		if (r->start > 0) {
			memmove(r->buf, r->buf + r->start, r->end - r->start);
			r->end -= r->start;
			r->start = 0;
		}
		want = r->size - r->end;
		if (want > PCAPR_CHUNK && r->end - r->start + PCAPR_CHUNK >= n)
			want = PCAPR_CHUNK;
		got = pread(r->fd, r->buf + r->end, want, r->off);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			snprintf(r->err, sizeof(r->err), "error reading dump "
			    "file: %s", strerror(errno));
			return false;
		}
		r->eof = got == 0;
		r->end += (size_t)got;
		r->off += got;
	}
	return true;
}

/* The record's bytes, libpcap's way: cut to the snap length, or an error
 * when the file ends first. */
static int
pr_body(struct cap_pcapr *r, const u_char **data)
{
	uint32_t caplen = r->hdr.caplen;
	size_t have;

	if (!pr_fill(r, caplen))
		return PCAP_ERROR;
	have = r->end - r->start;
	if (have < caplen) {
		/* libpcap reads the snap length first, then the rest. */
		uint32_t want = caplen > r->snap && have < r->snap ? r->snap :
		    caplen;

		snprintf(r->err, sizeof(r->err), "truncated dump file; tried "
		    "to read %u captured bytes, only got %zu", want, have);
		return PCAP_ERROR;
	}
	*data = r->buf + r->start;
	r->start += caplen;
	if (caplen > r->snap)
		r->hdr.caplen = r->snap;
	return 1;
}

int
cap_pcapr_next(struct cap_pcapr *r, struct pcap_pkthdr **h,
    const u_char **data)
{
	const uint8_t *p;
	int32_t sec, frac;
	size_t have;

	if (!pr_fill(r, PCAPR_RECHDR))
		return PCAP_ERROR;
	have = r->end - r->start;
	if (have == 0)
		return PCAP_ERROR_BREAK;
	if (have < PCAPR_RECHDR) {
		snprintf(r->err, sizeof(r->err), "truncated dump file; tried "
		    "to read %d header bytes, only got %zu", PCAPR_RECHDR,
		    have);
		return PCAP_ERROR;
	}
	p = r->buf + r->start;
	/* Signed, as libpcap's on-disk struct has them. */
	sec = (int32_t)pr_get32(r, p);
	frac = (int32_t)pr_get32(r, p + 4);
	r->hdr.ts.tv_sec = sec;
	r->hdr.ts.tv_usec = r->nsec ? frac / 1000 : frac;
	r->hdr.caplen = pr_get32(r, p + 8);
	r->hdr.len = pr_get32(r, p + 12);
	/* Beyond libpcap's largest, hence beyond the snap length too. */
	if (r->hdr.caplen > PCAPR_MAXSNAP) {
		snprintf(r->err, sizeof(r->err), "invalid packet capture "
		    "length %u, bigger than snaplen of %u", r->hdr.caplen,
		    r->snap);
		return PCAP_ERROR;
	}
	r->start += PCAPR_RECHDR;
	*h = &r->hdr;
	return pr_body(r, data);
}
