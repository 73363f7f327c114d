/*
 * The reading loop: open, check the link type, decode each frame, hand
 * TCP segments to the tracker, and say clearly what went wrong and where.
 * A regular file in classic pcap form is read by pcapr.c over a large
 * buffer; everything else (pcapng, pipes, old versions) by libpcap.
 *
 * Skipped frames are reported once per kind with the first frame number
 * and a count (a capture of a busy link may hold millions of ARP or UDP
 * frames: one line each would drown the answer).  A file that ends in the
 * middle of a record is reported with the number of the frame that was
 * cut; what was read before it is still reported.
 */
#include <config.h>

#include <errno.h>
#include <pcap/pcap.h>
#include <string.h>
#include <sys/stat.h>

#include "capture/pcapr.h"
#include "capture/read.h"
#include "lib/diag.h"
#include "lib/i18n.h"

/* A large stdio buffer: libpcap reads a record header and a record at a
 * time, and with the default buffer the read system calls cost as much as
 * everything else. */
#define READ_BUFSZ (1 << 20)

/* PCAPR's file header, the shortest start of any capture (a pcapng
 * section header block is 28 bytes). */
#define READ_FILEHDR 24

static void
read_too_short(const char *path, unsigned long long size, FILE *err)
{
	/* TRANSLATORS: a file name, its size in bytes, then 24. */
	fprintf(err, _("%s: %s: not a capture: only %llu bytes, a pcap file "
	    "header is %d\n"), diag_prog(), path, size, READ_FILEHDR);
}

/* Returns NULL with *fpp kept for the caller to close; with pr->buf set
 * (and NULL returned) the file is pcapr's. */
static pcap_t *
read_open(const char *path, FILE **fpp, struct cap_pcapr *pr, char *ebuf,
    FILE *err)
{
	struct stat sb;

	if (*fpp == NULL && strcmp(path, "-") == 0)
		*fpp = stdin;
	if (*fpp == NULL) {
		if (stat(path, &sb) != 0 || (*fpp = fopen(path, "rb")) ==
		    NULL) {
			fprintf(err, "%s: %s: %s\n", diag_prog(), path,
			    strerror(errno));
			return NULL;
		}
		if (S_ISDIR(sb.st_mode)) {
			fprintf(err, _("%s: %s: is a directory, not a "
			    "capture file\n"), diag_prog(), path);
			return NULL;
		}
		if (S_ISREG(sb.st_mode) && sb.st_size < READ_FILEHDR) {
			read_too_short(path, (unsigned long long)sb.st_size,
			    err);
			return NULL;
		}
	}
	if (cap_pcapr_open(pr, *fpp))
		return NULL;
	setvbuf(*fpp, NULL, _IOFBF, READ_BUFSZ);
	return pcap_fopen_offline_with_tstamp_precision(*fpp,
	    PCAP_TSTAMP_PRECISION_MICRO, ebuf);
}

static void
read_summary(const char *path, const struct cap_read *r, FILE *err)
{
	for (int d = CAP_D_FRAGMENT; d < CAP_NDECODE; d++)
		if (r->skipped[d] > 0)
			fprintf(err, ngettext("%s: %s: frame %llu: skipped: "
			    "%s (%llu frame like it)\n", "%s: %s: frame %llu: "
			    "skipped: %s (%llu frames like it)\n",
			    r->skipped[d]), diag_prog(), path,
			    (unsigned long long)r->first_bad[d],
			    _(cap_decode_text((enum cap_decode)d)),
			    (unsigned long long)r->skipped[d]);
	if (r->frames > 0 && r->tcp == 0)
		fprintf(err, _("%s: %s: none of the %llu frames is TCP\n"),
		    diag_prog(), path, (unsigned long long)r->frames);
}

/* One record from whichever reader has the file, as pcap_next_ex. */
static int
read_next(pcap_t *p, struct cap_pcapr *pr, struct pcap_pkthdr **h,
    const u_char **data)
{
	if (p == NULL)
		return cap_pcapr_next(pr, h, data);
	return pcap_next_ex(p, h, data);
}

static void
read_close(pcap_t *p, struct cap_pcapr *pr, FILE *fp)
{
	if (p != NULL) {
		pcap_close(p);		/* closes fp */
		return;
	}
	cap_pcapr_close(pr);
	if (fp != stdin)		/* as libpcap leaves it */
		fclose(fp);
}

int
cap_read_file(const char *path, FILE *fp, struct cap_tracker *t,
    struct cap_read *r, FILE *err)
{
	char ebuf[PCAP_ERRBUF_SIZE] = "";
	struct cap_pcapr pr = { .buf = NULL };
	pcap_t *p = read_open(path, &fp, &pr, ebuf, err);
	struct pcap_pkthdr *h;
	const u_char *data;
	struct cap_pkt k;
	int lt, rc, status = TT_EXIT_OK;
	unsigned long long got;
	unsigned want;

	if (p == NULL && pr.buf == NULL) {
		if (fp != NULL)		/* ours now, even when unreadable */
			fclose(fp);
		/* A pipe too short for a header: libpcap reads the 4 bytes
		 * of the magic number, then counts the rest apart. */
		if (sscanf(ebuf, "truncated dump file; tried to read %u file "
		    "header bytes, only got %llu", &want, &got) == 2)
			read_too_short(path, want > 4 ? got + 4 : got, err);
		else if (ebuf[0] != '\0')
			fprintf(err, _("%s: %s: not a capture file that "
			    "libpcap can read: %s\n"), diag_prog(), path,
			    ebuf);
		return TT_EXIT_USAGE;
	}
	lt = p != NULL ? pcap_datalink(p) : pr.dlt;
	if (!cap_linktype_known(lt)) {
		const char *name = pcap_datalink_val_to_name(lt);

		fprintf(err, _("%s: %s: link type %d (%s) is not supported; "
		    "use Ethernet, Linux cooked (-i any), raw IP or "
		    "loopback\n"), diag_prog(), path, lt,
		    name ? name : "?");
		read_close(p, &pr, fp);
		return TT_EXIT_USAGE;
	}
	while ((rc = read_next(p, &pr, &h, &data)) == 1) {
		enum cap_decode d;

		memset(&k, 0, sizeof(k));
		k.num = ++r->frames;
		k.ts_us = (uint64_t)h->ts.tv_sec * 1000000 +
		    (uint64_t)h->ts.tv_usec;
		d = cap_decode(lt, data, h->caplen, r->verify, &k);
		if (d != CAP_D_TCP) {
			if (r->skipped[d]++ == 0)
				r->first_bad[d] = k.num;
			continue;
		}
		r->tcp++;
		cap_tracker_packet(t, &k);
	}
	if (rc == PCAP_ERROR) {
		fprintf(err, ngettext("%s: %s: frame %llu: %s; the %llu "
		    "frame before it is reported\n", "%s: %s: frame %llu: %s; "
		    "the %llu frames before it are reported\n", r->frames),
		    diag_prog(), path,
		    (unsigned long long)r->frames + 1,
		    p != NULL ? pcap_geterr(p) : pr.err,
		    (unsigned long long)r->frames);
		status = TT_EXIT_FAIL;
	}
	read_summary(path, r, err);
	read_close(p, &pr, fp);
	return status;
}
