/*
 * libFuzzer target for the capture reader: the input is a whole capture
 * file of arbitrary bytes, read through libpcap, the frame decoder, the
 * tracker and the world, with connection 1 watched so that its trace
 * lines and diagram are printed (to nowhere) as `capture --show` would.
 * The same bytes also go through the classic pcap reader (pcapr.c), which
 * reads regular files in place of libpcap but never a memory stream.
 * It must never crash, leak or read out of bounds, whatever the file.
 *
 * Data model: none kept between inputs; each run has its own tracker.
 */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "capture/capture.h"
#include "capture/pcapr.h"
#include "capture/read.h"
#include "script/parse.h"
#include "script/trace.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static FILE *sink;
static struct diagram dg;

static void
fz_emit(void *ctx, const char *line)
{
	fputs(line, (FILE *)ctx);
}

static void
fz_segment(void *ctx, const struct cap_conn *c, const struct cap_pkt *k,
    enum sim_dir d, unsigned notes, const struct sim_ev *ev, size_t nev)
{
	char line[512];

	(void)ctx; (void)c; (void)k; (void)d; (void)notes;
	diagram_command(&dg);
	for (size_t i = 0; i < nev; i++) {
		fputs(script_trace_line(&ev[i], line, sizeof(line)), sink);
		diagram_event(&dg, &ev[i]);
	}
}

static void
fz_command(void *ctx, const struct cap_conn *c, const struct cmd *cmd,
    const char *why)
{
	char line[512];

	(void)ctx; (void)c; (void)why;
	fputs(script_format(cmd, line, sizeof(line)), sink);
}

static void
fz_done(void *ctx, const struct cap_conn *c)
{
	(void)ctx;
	fprintf(sink, "%llu\n", (unsigned long long)c->id);
}

static void
fz_pcapr(const uint8_t *data, size_t size)
{
	struct cap_pcapr pr;
	struct pcap_pkthdr *h;
	const u_char *d;
	struct cap_pkt k;

	if (!cap_pcapr_open_mem(&pr, data, size))
		return;
	while (cap_pcapr_next(&pr, &h, &d) == 1)
		(void)cap_decode(pr.dlt, d, h->caplen, true, &k);
	cap_pcapr_close(&pr);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cap_obs obs = { .done = fz_done, .segment = fz_segment,
	    .command = fz_command };
	struct cap_tracker t;
	struct cap_read r = { .verify = (size & 1) != 0 };
	FILE *fp;

	if (sink == NULL && (sink = fopen("/dev/null", "w")) == NULL)
		abort();
	fz_pcapr(data, size);
	if (size == 0 || (fp = fmemopen((void *)(uintptr_t)data, size,
	    "rb")) == NULL)
		return 0;
	diagram_init(&dg, fz_emit, sink);
	cap_tracker_init(&t, &obs, 1);
	if (cap_read_file("fuzz", fp, &t, &r, sink) != TT_EXIT_USAGE)
		cap_tracker_finish(&t);
	diagram_finish(&dg);
	cap_tracker_free(&t);
	return 0;
}
