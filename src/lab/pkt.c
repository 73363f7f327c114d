/*
 * IPv4/TCP packets on the lab's wire: reading the fields the scenario
 * language shows (flags, seq, ack, len, window) out of a packet a kernel
 * sent, and crafting one for `inject` with correct IP and TCP checksums
 * (a wrong checksum would be dropped silently by the receiving kernel and
 * teach nothing).  Crafted segments carry no TCP options.
 */
#include <config.h>

#include <string.h>

#include "lab/lab_int.h"

#define IP_HDR 20
#define TCP_HDR 20

uint32_t
lab_addr(int h)
{
	return LAB_NET | (uint32_t)(h + 1);		/* 10.9.0.1, .2 */
}

uint16_t
lab_port(int h)
{
	return h == HOST_CLIENT ? 40001 : 8080;
}

static uint32_t
get32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | p[3];
}

static void
put16(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)(v >> 8);
	p[1] = (unsigned char)v;
}

static void
put32(unsigned char *p, uint32_t v)
{
	put16(p, v >> 16);
	put16(p + 2, v);
}

bool
lab_pkt_parse(const unsigned char *p, size_t len, struct tcp_seg *seg)
{
	size_t ihl, tot, doff;

	if (len < IP_HDR || (p[0] >> 4) != 4 || p[9] != 6)
		return false;
	ihl = (size_t)(p[0] & 15) * 4;
	tot = (size_t)p[2] << 8 | p[3];
	if (tot > len || ihl < IP_HDR || tot < ihl + TCP_HDR)
		return false;
	p += ihl;
	doff = (size_t)(p[12] >> 4) * 4;
	if (doff < TCP_HDR || ihl + doff > tot)
		return false;
	memset(seg, 0, sizeof(*seg));
	seg->seq = get32(p + 4);
	seg->ack = get32(p + 8);
	seg->flags = p[13] & TCP_FLAGS_ALL;
	seg->wnd = (uint16_t)(p[14] << 8 | p[15]);
	seg->len = (uint16_t)(tot - ihl - doff);
	return true;
}

/* The Internet checksum (RFC 1071) over buf, starting from sum. */
static uint16_t
csum(uint32_t sum, const unsigned char *buf, size_t len)
{
	for (size_t i = 0; i + 1 < len; i += 2)
		sum += (uint32_t)buf[i] << 8 | buf[i + 1];
	if (len & 1)
		sum += (uint32_t)buf[len - 1] << 8;
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (uint16_t)~sum;
}

size_t
lab_pkt_craft(unsigned char *buf, int from, const struct cmd_segspec *s)
{
	size_t tcplen = TCP_HDR + s->len, tot = IP_HDR + tcplen;
	unsigned char *t = buf + IP_HDR;
	uint32_t pseudo;

	if (tot > LAB_MTU)
		tot = LAB_MTU;
	memset(buf, 0, tot);
	buf[0] = 0x45;
	put16(buf + 2, (uint32_t)tot);
	buf[6] = 0x40;			/* don't fragment */
	buf[8] = 64;
	buf[9] = 6;
	put32(buf + 12, lab_addr(from));
	put32(buf + 16, lab_addr(1 - from));
	put16(buf + 10, csum(0, buf, IP_HDR));
	put16(t, lab_port(from));
	put16(t + 2, lab_port(1 - from));
	put32(t + 4, s->seq);
	put32(t + 8, (s->flags & TCP_ACK) ? s->ack : 0);
	t[12] = (TCP_HDR / 4) << 4;
	t[13] = s->flags;
	put16(t + 14, 65535);
	pseudo = (lab_addr(from) >> 16) + (lab_addr(from) & 0xffff) +
	    (lab_addr(1 - from) >> 16) + (lab_addr(1 - from) & 0xffff) + 6 +
	    (uint32_t)(tot - IP_HDR);
	put16(t + 16, csum(pseudo, t, tot - IP_HDR));
	return tot;
}
