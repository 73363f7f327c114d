/*
 * Trace events to pcap records (see pcap.h).  A segment is written when it
 * goes on the wire: sent or retransmitted by a host, copied by the
 * network, or injected; a segment the wire later loses was still sent, so
 * it is in the capture as tcpdump at the sender would see it.
 */
#include <config.h>

#include "lib/pcapw.h"
#include "script/pcap.h"

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
