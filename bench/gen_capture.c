/*
 * Writes a large synthetic capture for bench/capture-bench.sh: IPv4/TCP
 * connections of mixed life-cycles, many open at once, until the file
 * reaches the size asked for.
 *
 * Data model: a pool of POOL connections, each a small state machine
 * (struct gconn) that yields its next segment on demand; each step picks
 * one at random, writes its segment 150 microseconds after the last and
 * replaces it with a new connection when it is done.  The mix: a request
 * and a response of 1 to 12 full segments acknowledged every second
 * segment, then the client closes first (60%), the server first (15%),
 * a 3-segment close (10%); a refused SYN (5%); a SYN retransmitted once
 * (5%); an abort by the client (5%); and 2% of data segments sent twice.
 * Deterministic for a given seed.
 *
 * Usage: gen_capture OUT BYTES [SEED]; prints connections and packets.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/pcapw.h"
#include "lib/rand.h"

#define POOL 200
#define MSS 1448

enum gkind { G_CLIENT_CLOSE, G_SERVER_CLOSE, G_FIN_ACK, G_REFUSED,
    G_SYN_AGAIN, G_ABORT };

struct gconn {
	enum gkind kind;
	uint32_t caddr, saddr;
	uint16_t cport;
	uint32_t cseq, sseq;		/* next to send */
	unsigned step, nresp, sent;
	bool again;			/* the next data segment goes twice */
};

static uint64_t rng = 1;
static uint64_t nconns, npkts, now_us = 1000000;
static uint16_t next_port = 1024;

static uint32_t
rnd(uint32_t n)
{
	return (uint32_t)((splitmix64(&rng) >> 33) % n);
}

static void
gnew(struct gconn *g)
{
	uint32_t r = rnd(100);

	memset(g, 0, sizeof(*g));
	g->kind = r < 60 ? G_CLIENT_CLOSE : r < 75 ? G_SERVER_CLOSE :
	    r < 85 ? G_FIN_ACK : r < 90 ? G_REFUSED : r < 95 ? G_SYN_AGAIN :
	    G_ABORT;
	g->caddr = 0x0a000000u | (1 + rnd(250)) << 8 | (1 + rnd(250));
	g->saddr = 0x0a010001u;
	g->cport = next_port;
	next_port = next_port == 65535 ? 1024 : next_port + 1;
	g->cseq = (uint32_t)splitmix64(&rng);
	g->sseq = (uint32_t)splitmix64(&rng);
	g->nresp = 1 + rnd(12);
	nconns++;
}

static void
emit(FILE *f, const struct gconn *g, bool c2s, uint8_t flags, uint32_t seq,
    uint32_t ack, uint16_t len)
{
	static uint8_t buf[PCAPW_TCP_HDR + MSS];
	struct pcapw_tcp t = { .saddr = c2s ? g->caddr : g->saddr,
	    .daddr = c2s ? g->saddr : g->caddr,
	    .sport = c2s ? g->cport : 80, .dport = c2s ? 80 : g->cport,
	    .seq = seq, .ack = ack, .flags = flags, .wnd = 65535,
	    .len = len };
	size_t n = pcapw_tcp4(&t, buf, sizeof(buf));

	now_us += 150;
	npkts++;
	if (!pcapw_record(f, now_us, buf, n)) {
		perror("gen_capture");
		exit(1);
	}
}

#define SYN 0x02
#define ACK 0x10
#define FIN 0x01
#define RST 0x04
#define PSH 0x08

/* The response: server data, the client's ACK after every second one. */
static bool
gdata(FILE *f, struct gconn *g, unsigned k)
{
	unsigned i = k / 2;

	if (i >= g->nresp)
		return false;
	if (k % 2 == 0) {
		emit(f, g, false, ACK | PSH, g->sseq, g->cseq, MSS);
		if (g->again)		/* the same segment again */
			emit(f, g, false, ACK | PSH, g->sseq, g->cseq, MSS);
		g->again = rnd(100) < 2;
		g->sseq += MSS;
	} else if (i % 2 == 1 || i + 1 == g->nresp)
		emit(f, g, true, ACK, g->cseq, g->sseq, 0);
	return true;
}

/* The close, from step k of it; false when the connection is over. */
static bool
gclose(FILE *f, struct gconn *g, unsigned k)
{
	bool cfirst = g->kind != G_SERVER_CLOSE;
	uint32_t *a = cfirst ? &g->cseq : &g->sseq;
	uint32_t *b = cfirst ? &g->sseq : &g->cseq;

	if (g->kind == G_ABORT) {
		if (k == 0)
			emit(f, g, true, RST | ACK, g->cseq, g->sseq, 0);
		return k == 0;
	}
	switch (k) {
	case 0:
		emit(f, g, cfirst, FIN | ACK, *a, *b, 0);
		return true;
	case 1:
		if (g->kind == G_FIN_ACK) {
			emit(f, g, !cfirst, FIN | ACK, *b, *a + 1, 0);
			g->step++;
		} else
			emit(f, g, !cfirst, ACK, *b, *a + 1, 0);
		return true;
	case 2:
		emit(f, g, !cfirst, FIN | ACK, *b, *a + 1, 0);
		return true;
	case 3:
		emit(f, g, cfirst, ACK, *a + 1, *b + 1, 0);
		return true;
	default:
		return false;
	}
}

/* Write g's next segment; false when it has none left. */
static bool
gstep(FILE *f, struct gconn *g)
{
	unsigned k = g->step++;

	if (g->kind == G_SYN_AGAIN && k == 0) {
		emit(f, g, true, SYN, g->cseq, 0, 0);
		g->step = 0;
		g->kind = G_CLIENT_CLOSE;
		return true;
	}
	switch (k) {
	case 0:
		emit(f, g, true, SYN, g->cseq, 0, 0);
		return true;
	case 1:
		if (g->kind == G_REFUSED) {
			emit(f, g, false, RST | ACK, 0, g->cseq + 1, 0);
			return true;
		}
		emit(f, g, false, SYN | ACK, g->sseq, g->cseq + 1, 0);
		return true;
	case 2:
		if (g->kind == G_REFUSED)
			return false;
		g->cseq++;
		g->sseq++;
		emit(f, g, true, ACK, g->cseq, g->sseq, 0);
		return true;
	case 3:
		emit(f, g, true, ACK | PSH, g->cseq, g->sseq, 300);
		g->cseq += 300;
		return true;
	default:
		if (gdata(f, g, k - 4))
			return true;
		return gclose(f, g, k - 4 - 2 * g->nresp);
	}
}

int
main(int argc, char **argv)
{
	struct gconn pool[POOL];
	unsigned long long want;
	FILE *f;

	if (argc < 3 || (want = strtoull(argv[2], NULL, 10)) == 0) {
		fprintf(stderr, "usage: gen_capture OUT BYTES [SEED]\n");
		return 2;
	}
	if (argc > 3)
		rng = strtoull(argv[3], NULL, 10);
	if ((f = fopen(argv[1], "wb")) == NULL || !pcapw_header(f)) {
		perror(argv[1]);
		return 1;
	}
	for (unsigned i = 0; i < POOL; i++)
		gnew(&pool[i]);
	while ((unsigned long long)ftell(f) < want) {
		struct gconn *g = &pool[rnd(POOL)];

		if (!gstep(f, g))
			gnew(g);
	}
	if (fclose(f) != 0) {
		perror(argv[1]);
		return 1;
	}
	printf("%llu connections, %llu packets\n", (unsigned long long)nconns,
	    (unsigned long long)npkts);
	return 0;
}
