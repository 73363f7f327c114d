/*
 * Frames to TCP segments: the link layers tcpdump writes (Ethernet with
 * VLAN tags, Linux cooked SLL and SLL2 from `-i any`, raw IP, BSD loopback
 * and null), then IPv4 or IPv6 (with extension headers), then TCP.
 *
 * Data model: a cursor over the frame's captured bytes; each layer checks
 * that its header is wholly captured before reading it, so a snap length
 * that cut a header is reported (CAP_D_CUT), never read past.  Sequence
 * numbers and flags are the TCP header's; the payload length comes from
 * the IP length fields.  Options are skipped: the core models none.
 */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "capture/decode.h"
#include "lib/i18n.h"

#define ETH_IPV4 0x0800
#define ETH_IPV6 0x86dd
#define ETH_VLAN 0x8100
#define ETH_QINQ 0x88a8

static uint16_t
get16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static uint32_t
get32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | p[3];
}

bool
cap_linktype_known(int lt)
{
	switch (lt) {
	case CAP_LT_NULL: case CAP_LT_ETHERNET: case CAP_LT_RAW:
	case CAP_LT_DLT_RAW: case CAP_LT_DLT_RAW2:
	case CAP_LT_LOOP: case CAP_LT_SLL: case CAP_LT_IPV4:
	case CAP_LT_IPV6: case CAP_LT_SLL2:
		return true;
	default:
		return false;
	}
}

/* One's complement sum over bytes, folded later. */
static uint32_t
csum_add(uint32_t sum, const uint8_t *p, size_t n)
{
	size_t i;

	for (i = 0; i + 1 < n; i += 2)
		sum += get16(p + i);
	if (i < n)
		sum += (uint32_t)p[i] << 8;
	return sum;
}

static uint16_t
csum_fold(uint32_t sum)
{
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (uint16_t)sum;
}

/* The TCP checksum over the pseudo-header and segment sums to 0xffff. */
static bool
tcp_csum_ok(const struct cap_pkt *k, const uint8_t *tcp, size_t n)
{
	uint32_t sum = csum_add(0, k->src.addr, k->v6 ? 16 : 4);

	sum = csum_add(sum, k->dst.addr, k->v6 ? 16 : 4);
	sum += 6 + (uint32_t)n;
	return csum_fold(csum_add(sum, tcp, n)) == 0xffff;
}

static enum cap_decode
dec_tcp(const uint8_t *p, size_t caplen, size_t tcplen, bool verify,
    struct cap_pkt *k)
{
	size_t doff;

	if (caplen < 20)
		return CAP_D_CUT;
	doff = (size_t)(p[12] >> 4) * 4;
	if (doff < 20 || doff > tcplen)
		return CAP_D_BAD_HEADER;
	k->src.port = get16(p);
	k->dst.port = get16(p + 2);
	k->seg.seq = get32(p + 4);
	k->seg.ack = get32(p + 8);
	k->seg.flags = p[13] & TCP_FLAGS_ALL;
	k->seg.wnd = get16(p + 14);
	k->seg.len = (uint16_t)(tcplen - doff);
	if (!(k->seg.flags & TCP_ACK))
		k->seg.ack = 0;
	if (verify && caplen >= tcplen && !tcp_csum_ok(k, p, tcplen))
		return CAP_D_BAD_CHECKSUM;
	return CAP_D_TCP;
}

static enum cap_decode
dec_ipv4(const uint8_t *p, size_t caplen, bool verify, struct cap_pkt *k)
{
	size_t ihl, total;

	if (caplen < 20)
		return CAP_D_CUT;
	ihl = (size_t)(p[0] & 0x0f) * 4;
	total = get16(p + 2);
	if ((p[0] >> 4) != 4 || ihl < 20 || total < ihl)
		return CAP_D_BAD_HEADER;
	if (caplen < ihl)
		return CAP_D_CUT;
	if (p[9] != 6)
		return CAP_D_NOT_TCP;
	if ((get16(p + 6) & 0x3fff) != 0)	/* MF or an offset */
		return CAP_D_FRAGMENT;
	if (verify && csum_fold(csum_add(0, p, ihl)) != 0xffff)
		return CAP_D_BAD_CHECKSUM;
	k->v6 = false;
	memset(&k->src, 0, sizeof(k->src));
	memset(&k->dst, 0, sizeof(k->dst));
	memcpy(k->src.addr, p + 12, 4);
	memcpy(k->dst.addr, p + 16, 4);
	return dec_tcp(p + ihl, caplen - ihl, total - ihl, verify, k);
}

static enum cap_decode
dec_ipv6(const uint8_t *p, size_t caplen, bool verify, struct cap_pkt *k)
{
	size_t off = 40, plen;
	uint8_t nh;

	if (caplen < 40)
		return CAP_D_CUT;
	if ((p[0] >> 4) != 6)
		return CAP_D_BAD_HEADER;
	plen = get16(p + 4);
	nh = p[6];
	k->v6 = true;
	memcpy(k->src.addr, p + 8, 16);
	memcpy(k->dst.addr, p + 24, 16);
	/* Hop-by-hop, routing and destination options: skip; a fragment
	 * header means a fragment. */
	while (nh == 0 || nh == 43 || nh == 60 || nh == 44) {
		size_t hl;

		if (nh == 44)
			return CAP_D_FRAGMENT;
		if (caplen < off + 8)
			return CAP_D_CUT;
		hl = ((size_t)p[off + 1] + 1) * 8;
		nh = p[off];
		off += hl;
		if (off > 40 + plen)
			return CAP_D_BAD_HEADER;
	}
	if (nh != 6)
		return CAP_D_NOT_TCP;
	if (plen == 0 || 40 + plen < off)
		return CAP_D_BAD_HEADER;	/* jumbograms are not TCP here */
	if (caplen < off)
		return CAP_D_CUT;
	return dec_tcp(p + off, caplen - off, 40 + plen - off, verify, k);
}

static enum cap_decode
dec_ip(const uint8_t *p, size_t caplen, bool verify, struct cap_pkt *k)
{
	if (caplen < 1)
		return CAP_D_CUT;
	switch (p[0] >> 4) {
	case 4:
		return dec_ipv4(p, caplen, verify, k);
	case 6:
		return dec_ipv6(p, caplen, verify, k);
	default:
		return CAP_D_NOT_IP;
	}
}

static enum cap_decode
dec_ethertype(unsigned type, const uint8_t *p, size_t caplen, bool verify,
    struct cap_pkt *k)
{
	if (type == ETH_IPV4 || type == ETH_IPV6)
		return dec_ip(p, caplen, verify, k);
	return CAP_D_NOT_IP;
}

static enum cap_decode
dec_ether(const uint8_t *p, size_t caplen, bool verify, struct cap_pkt *k)
{
	size_t off = 12;
	unsigned type;

	if (caplen < 14)
		return CAP_D_CUT;
	type = get16(p + off);
	while (type == ETH_VLAN || type == ETH_QINQ) {
		off += 4;
		if (caplen < off + 2)
			return CAP_D_CUT;
		type = get16(p + off);
	}
	off += 2;
	return dec_ethertype(type, p + off, caplen - off, verify, k);
}

/* BSD loopback: the address family, AF_INET is 2 everywhere and AF_INET6
 * 10, 24, 28 or 30 depending on the system that wrote it. */
static enum cap_decode
dec_null(uint32_t fam, const uint8_t *p, size_t caplen, bool verify,
    struct cap_pkt *k)
{
	if (fam == 2 || fam == 10 || fam == 24 || fam == 28 || fam == 30)
		return dec_ip(p, caplen, verify, k);
	return CAP_D_NOT_IP;
}

enum cap_decode
cap_decode(int lt, const uint8_t *p, size_t caplen, bool verify,
    struct cap_pkt *k)
{
	uint32_t fam;

	switch (lt) {
	case CAP_LT_ETHERNET:
		return dec_ether(p, caplen, verify, k);
	case CAP_LT_SLL:
		if (caplen < 16)
			return CAP_D_CUT;
		return dec_ethertype(get16(p + 14), p + 16, caplen - 16,
		    verify, k);
	case CAP_LT_SLL2:
		if (caplen < 20)
			return CAP_D_CUT;
		return dec_ethertype(get16(p), p + 20, caplen - 20, verify, k);
	case CAP_LT_RAW:
	case CAP_LT_DLT_RAW:
	case CAP_LT_DLT_RAW2:
	case CAP_LT_IPV4:
	case CAP_LT_IPV6:
		return dec_ip(p, caplen, verify, k);
	case CAP_LT_NULL:
	case CAP_LT_LOOP:
		if (caplen < 4)
			return CAP_D_CUT;
		fam = get32(p);
		/* NULL is in the writer's byte order: try both. */
		if (lt == CAP_LT_NULL && fam > 0xffff)
			fam = p[0] | (uint32_t)p[1] << 8;
		return dec_null(fam, p + 4, caplen - 4, verify, k);
	default:
		return CAP_D_NOT_IP;
	}
}

/* RFC 5952: the longest run of two or more zero groups becomes "::". */
static char *
v6_str(const uint8_t *a, char *q)
{
	int best = -1, bestlen = 1, run = 0;

	for (int i = 0; i < 8; i++) {
		run = get16(a + 2 * i) == 0 ? run + 1 : 0;
		if (run > bestlen) {
			bestlen = run;
			best = i - run + 1;
		}
	}
	for (int i = 0; i < 8; i++) {
		if (i == best) {
			q += sprintf(q, "::");
			i += bestlen - 1;
			continue;
		}
		q += sprintf(q, i && i != best + bestlen ? ":%x" : "%x",
		    get16(a + 2 * i));
	}
	return q;
}

char *
cap_end_str(const struct cap_end *e, bool v6, char *buf)
{
	char *q = buf;

	if (!v6) {
		snprintf(buf, CAP_END_BUFSZ, "%u.%u.%u.%u:%u", e->addr[0],
		    e->addr[1], e->addr[2], e->addr[3], (unsigned)e->port);
		return buf;
	}
	*q++ = '[';
	q = v6_str(e->addr, q);
	sprintf(q, "]:%u", (unsigned)e->port);
	return buf;
}

const char *
cap_decode_text(enum cap_decode d)
{
	switch (d) {
	case CAP_D_TCP:
		return N_("a TCP segment");
	case CAP_D_NOT_IP:
		return N_("not IP");
	case CAP_D_NOT_TCP:
		return N_("not TCP");
	case CAP_D_FRAGMENT:
		return N_("an IP fragment (tcpteach does not reassemble "
		    "fragments)");
	case CAP_D_CUT:
		return N_("the snap length cut the IP or TCP header "
		    "(capture with -s 0)");
	case CAP_D_BAD_HEADER:
		return N_("impossible IP or TCP header lengths");
	case CAP_D_BAD_CHECKSUM:
		return N_("bad IP or TCP checksum");
	}
	return "";
}
