/*
 * Trace events to pcap records (see pcap.h).  A segment is written when it
 * goes on the wire: sent or retransmitted by a host, copied by the
 * network, or injected; a segment the wire later loses was still sent, so
 * it is in the capture as tcpdump at the sender would see it.
 *
 * A list of commands is written by replaying it into a scratch world whose
 * whole trace is kept (a live session folds its trace away as it goes),
 * into a file built in memory and then written by lib/atomic, so a failed
 * write never leaves half a capture behind.
 */
#include <config.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "lib/atomic.h"
#include "lib/i18n.h"
#include "lib/pcapw.h"
#include "script/pcap.h"

struct script_pcap_run {
	FILE *f;
	bool ok;
	size_t nsegs;
};

bool
script_pcap_begin(FILE *f)
{
	return pcapw_header(f);
}

bool
script_pcap_event(FILE *f, const struct sim_ev *ev)
{
	static uint8_t pkt[PCAPW_TCP_HDR + 65535];
	bool c2s = ev->flight.dir == DIR_C2S;
	struct pcapw_tcp t = {
		.saddr = c2s ? SCRIPT_PCAP_CLIENT : SCRIPT_PCAP_SERVER,
		.daddr = c2s ? SCRIPT_PCAP_SERVER : SCRIPT_PCAP_CLIENT,
		.sport = c2s ? SCRIPT_PCAP_CPORT : SCRIPT_PCAP_SPORT,
		.dport = c2s ? SCRIPT_PCAP_SPORT : SCRIPT_PCAP_CPORT,
		.seq = ev->flight.seg.seq, .ack = ev->flight.seg.ack,
		.flags = ev->flight.seg.flags, .wnd = ev->flight.seg.wnd,
		.len = ev->flight.seg.len, .ip_id = (uint16_t)ev->flight.id,
	};
	size_t n;

	if (!((ev->kind == SIM_EV_TCP && ev->tcp.kind == TCP_EV_SEND) ||
	    ev->kind == SIM_EV_DUP || ev->kind == SIM_EV_INJECT))
		return true;
	n = pcapw_tcp4(&t, pkt, sizeof(pkt));
	return n > 0 && pcapw_record(f, ev->time * 1000, pkt, n);
}

/* After each replayed command: its events, counting those written. */
static bool
script_pcap_each(void *arg, struct world *w, size_t i,
    const struct sim_result *res)
{
	struct script_pcap_run *r = arg;

	(void)i;
	(void)res;
	for (size_t k = 0; k < w->ntrace && r->ok; k++) {
		long before = ftell(r->f);

		r->ok = script_pcap_event(r->f, &w->trace[k]);
		if (ftell(r->f) != before)
			r->nsegs++;
	}
	return r->ok;
}

bool
script_pcap_write(const struct cmd *cmds, size_t n, const char *path,
    size_t *nsegs, char *err, size_t errsize)
{
	struct script_pcap_run r = { NULL, true, 0 };
	struct sim_result res;
	struct world w;
	char *buf = NULL;
	size_t len = 0;
	int e = 0;

	r.f = open_memstream(&buf, &len);
	if (r.f == NULL) {
		e = errno;
		goto fail;
	}
	world_init(&w);
	w.keep_trace = true;
	r.ok = script_pcap_begin(r.f);
	if (r.ok && n > 0)
		(void)world_replay(&w, cmds, n, &res, script_pcap_each, &r);
	world_free(&w);
	if (fclose(r.f) != 0 || !r.ok)
		e = errno ? errno : EIO;
	else if (atomic_write_file(path, buf, len) != 0)
		e = errno;
	free(buf);
	if (e == 0) {
		*nsegs = r.nsegs;
		return true;
	}
fail:
	/* TRANSLATORS: a file name, then the system's error message. */
	snprintf(err, errsize, _("Cannot write %s: %s"), path, strerror(e));
	return false;
}
