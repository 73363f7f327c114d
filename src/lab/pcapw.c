/*
 * The pcap writer (pcapw.h) on libpcap: a "dead" handle of link type
 * DLT_RAW gives the file header, pcap_dump() one record per packet.  The
 * file is flushed after every packet, so it is complete whenever the
 * program stops, even when killed.
 */
#include <config.h>

#include <pcap/pcap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lab/pcapw.h"
#include "lib/i18n.h"
#include "lib/xalloc.h"

#define PCAPW_SNAPLEN 65535

struct pcapw {
	pcap_t *dead;
	pcap_dumper_t *dump;
};

struct pcapw *
pcapw_open(const char *path, char *err, size_t size)
{
	struct pcapw *p = xcalloc(1, sizeof(*p));

	p->dead = pcap_open_dead(DLT_RAW, PCAPW_SNAPLEN);
	if (p->dead != NULL)
		p->dump = pcap_dump_open(p->dead, path);
	if (p->dump == NULL) {
		snprintf(err, size, _("cannot write the pcap file %s: %s"),
		    path, p->dead != NULL ? pcap_geterr(p->dead) :
		    _("out of memory"));
		if (p->dead != NULL)
			pcap_close(p->dead);
		free(p);
		return NULL;
	}
	return p;
}

void
pcapw_packet(struct pcapw *p, uint64_t us, const void *pkt, size_t len)
{
	struct pcap_pkthdr h;

	if (p == NULL)
		return;
	memset(&h, 0, sizeof(h));
	h.ts.tv_sec = (time_t)(us / 1000000);
	h.ts.tv_usec = (suseconds_t)(us % 1000000);
	h.caplen = h.len = (bpf_u_int32)(len < PCAPW_SNAPLEN ? len :
	    PCAPW_SNAPLEN);
	h.len = (bpf_u_int32)len;
	pcap_dump((unsigned char *)p->dump, &h, pkt);
	pcap_dump_flush(p->dump);
}

void
pcapw_close(struct pcapw *p)
{
	if (p == NULL)
		return;
	pcap_dump_close(p->dump);
	pcap_close(p->dead);
	free(p);
}
