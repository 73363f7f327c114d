/*
 * The pcap writer (see pcapw.h).  The classic format: a file header with
 * magic 0xa1b2c3d4 in the writer's byte order, then per packet a 16-byte
 * record header (seconds, microseconds, captured and original length).
 */
#include <config.h>

#include <string.h>

#include "lib/pcapw.h"

static bool
pcapw_u32(FILE *f, uint32_t v)
{
	return fwrite(&v, sizeof(v), 1, f) == 1;
}

static bool
pcapw_u16(FILE *f, uint16_t v)
{
	return fwrite(&v, sizeof(v), 1, f) == 1;
}

bool
pcapw_header(FILE *f)
{
	return pcapw_u32(f, 0xa1b2c3d4) && pcapw_u16(f, 2) &&
	    pcapw_u16(f, 4) && pcapw_u32(f, 0) && pcapw_u32(f, 0) &&
	    pcapw_u32(f, PCAPW_SNAPLEN) && pcapw_u32(f, PCAPW_LINKTYPE_RAW);
}

bool
pcapw_record(FILE *f, uint64_t ts_us, const uint8_t *pkt, size_t len)
{
	if (len > PCAPW_SNAPLEN)
		return false;
	return pcapw_u32(f, (uint32_t)(ts_us / 1000000)) &&
	    pcapw_u32(f, (uint32_t)(ts_us % 1000000)) &&
	    pcapw_u32(f, (uint32_t)len) && pcapw_u32(f, (uint32_t)len) &&
	    fwrite(pkt, 1, len, f) == len;
}

static void
put16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

static void
put32(uint8_t *p, uint32_t v)
{
	put16(p, (uint16_t)(v >> 16));
	put16(p + 2, (uint16_t)v);
}

static uint32_t
pcapw_sum(uint32_t sum, const uint8_t *p, size_t n)
{
	size_t i;

	for (i = 0; i + 1 < n; i += 2)
		sum += (uint32_t)(p[i] << 8 | p[i + 1]);
	if (i < n)
		sum += (uint32_t)p[i] << 8;
	return sum;
}

static uint16_t
pcapw_fold(uint32_t sum)
{
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (uint16_t)~sum;
}

size_t
pcapw_tcp4(const struct pcapw_tcp *t, uint8_t *buf, size_t size)
{
	size_t n = PCAPW_TCP_HDR + t->len;
	uint8_t *ip = buf, *tcp = buf + 20;
	uint32_t sum;

	if (size < n)
		return 0;
	memset(buf, 0, n);
	ip[0] = 0x45;
	put16(ip + 2, (uint16_t)n);
	put16(ip + 4, t->ip_id);
	put16(ip + 6, 0x4000);		/* don't fragment */
	ip[8] = 64;
	ip[9] = 6;
	put32(ip + 12, t->saddr);
	put32(ip + 16, t->daddr);
	put16(ip + 10, pcapw_fold(pcapw_sum(0, ip, 20)));
	put16(tcp, t->sport);
	put16(tcp + 2, t->dport);
	put32(tcp + 4, t->seq);
	put32(tcp + 8, t->ack);
	tcp[12] = 5 << 4;
	tcp[13] = t->flags & 0x3f;
	put16(tcp + 14, t->wnd);
	/* Pseudo-header: addresses, protocol, TCP length. */
	sum = pcapw_sum(0, ip + 12, 8) + 6 + (uint32_t)(n - 20);
	put16(tcp + 16, pcapw_fold(pcapw_sum(sum, tcp, n - 20)));
	return n;
}
