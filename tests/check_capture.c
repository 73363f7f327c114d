/*
 * Check tests of src/capture: the frame decoder (every link layer, IPv4
 * and IPv6, cut, fragmented and corrupt frames), the pcap writer it must
 * agree with, and the tracker (grouping by 4-tuple, reused 4-tuples,
 * memory released as connections end) with the states the world infers.
 *
 * Data model: segments are made by hand as struct cap_pkt between a client
 * 10.0.0.1:40000 and a server 10.0.0.2:80 and fed to a tracker; every
 * connection it reports is copied into done[] for the test to inspect.
 */
#include <config.h>

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "capture/capture.h"
#include "capture/list.h"
#include "capture/read.h"
#include "check_pcap_util.h"
#include "lib/pcapw.h"
#include "sim/ladder.h"

#define CLI 0
#define SRV 1

static struct cap_conn done[16];
static struct cap_conn conn1;	/* the connection with id 1, when reported */
static unsigned ndone;
static struct cap_tracker trk;
static uint64_t clock_us;
static uint16_t cport;		/* the client's port */

static void
on_done(void *ctx, const struct cap_conn *c)
{
	(void)ctx;
	if (ndone < 16)
		done[ndone] = *c;
	if (c->id == 1)
		conn1 = *c;
	ndone++;
}

static void
setup(void)
{
	struct cap_obs obs = { .done = on_done };

	ndone = 0;
	clock_us = 1000000;
	cport = 40000;
	cap_tracker_init(&trk, &obs, 0);
}

static void
teardown(void)
{
	cap_tracker_free(&trk);
}

/* A segment from the client (CLI) or the server (SRV), 1 ms after the last. */
static void
seg(int from, uint8_t flags, uint32_t seq, uint32_t ack, uint16_t len)
{
	struct cap_pkt k = { .ts_us = clock_us += 1000 };
	struct cap_end c = { .addr = { 10, 0, 0, 1 }, .port = cport };
	struct cap_end s = { .addr = { 10, 0, 0, 2 }, .port = 80 };

	k.src = from == CLI ? c : s;
	k.dst = from == CLI ? s : c;
	k.seg = (struct tcp_seg){ .flags = flags, .seq = seq, .ack = ack,
	    .len = len, .wnd = 65535 };
	cap_tracker_packet(&trk, &k);
}

static void
handshake(uint32_t ci, uint32_t si)
{
	seg(CLI, TCP_SYN, ci, 0, 0);
	seg(SRV, TCP_SYN | TCP_ACK, si, ci + 1, 0);
	seg(CLI, TCP_ACK, ci + 1, si + 1, 0);
}

static enum tcp_state
st(const struct cap_conn *c, int h)
{
	return c->final[h];
}

START_TEST(test_normal_close_client_time_wait_server_closed)
{
	handshake(0xfffffff0, 5000);
	seg(CLI, TCP_ACK | TCP_PSH, 0xfffffff1, 5001, 100);
	seg(SRV, TCP_ACK, 5001, 0xfffffff1 + 100, 0);
	seg(CLI, TCP_FIN | TCP_ACK, 0x55, 5001, 0);
	seg(SRV, TCP_ACK, 5001, 0x56, 0);
	seg(SRV, TCP_FIN | TCP_ACK, 5001, 0x56, 0);
	seg(CLI, TCP_ACK, 0x56, 5002, 0);
	cap_tracker_finish(&trk);
	ck_assert_uint_eq(ndone, 1);
	ck_assert_int_eq(st(&done[0], CLI), TCP_TIME_WAIT);
	ck_assert_int_eq(st(&done[0], SRV), TCP_CLOSED);
	ck_assert_int_eq(done[0].hs, CAP_HS_COMPLETE);
	ck_assert_int_eq(done[0].first_fin, CLI);
	ck_assert_uint_eq(done[0].nsegs, 9);
	ck_assert_uint_eq(done[0].nrexmit, 0);
	ck_assert_uint_eq(done[0].flags & CAP_F_FIN_ACK, 0);
	ck_assert_uint_eq(done[0].flags & CAP_F_UNMODELLED, 0);
}
END_TEST

START_TEST(test_fin_with_ack_three_segment_close_states)
{
	handshake(100, 300);
	seg(CLI, TCP_FIN | TCP_ACK, 101, 301, 0);
	seg(SRV, TCP_FIN | TCP_ACK, 301, 102, 0);
	seg(CLI, TCP_ACK, 102, 302, 0);
	cap_tracker_finish(&trk);
	ck_assert_uint_eq(ndone, 1);
	ck_assert(done[0].flags & CAP_F_FIN_ACK);
	ck_assert_int_eq(st(&done[0], CLI), TCP_TIME_WAIT);
	ck_assert_int_eq(st(&done[0], SRV), TCP_CLOSED);
}
END_TEST

START_TEST(test_server_closes_first_server_time_wait_flagged)
{
	handshake(100, 300);
	seg(SRV, TCP_FIN | TCP_ACK, 301, 101, 0);
	seg(CLI, TCP_ACK, 101, 302, 0);
	seg(CLI, TCP_FIN | TCP_ACK, 101, 302, 0);
	seg(SRV, TCP_ACK, 302, 102, 0);
	cap_tracker_finish(&trk);
	ck_assert_int_eq(done[0].first_fin, SRV);
	ck_assert_int_eq(st(&done[0], SRV), TCP_TIME_WAIT);
	ck_assert_int_eq(st(&done[0], CLI), TCP_CLOSED);
	ck_assert(done[0].flags & CAP_F_SERVER_TW);
}
END_TEST

START_TEST(test_syn_sent_rst_refused_by_server)
{
	seg(CLI, TCP_SYN, 100, 0, 0);
	seg(SRV, TCP_RST | TCP_ACK, 0, 101, 0);
	cap_tracker_finish(&trk);
	ck_assert_uint_eq(ndone, 1);
	ck_assert_int_eq(done[0].hs, CAP_HS_REFUSED);
	ck_assert_uint_eq(done[0].rst_by, 1u << SRV);
	ck_assert_int_eq(st(&done[0], CLI), TCP_CLOSED);
	ck_assert_int_eq(st(&done[0], SRV), TCP_CLOSED);
}
END_TEST

START_TEST(test_syn_sent_syn_retransmitted_incomplete)
{
	seg(CLI, TCP_SYN, 100, 0, 0);
	seg(CLI, TCP_SYN, 100, 0, 0);
	seg(CLI, TCP_SYN, 100, 0, 0);
	cap_tracker_finish(&trk);
	ck_assert_uint_eq(ndone, 1);
	ck_assert_uint_eq(done[0].nrexmit, 2);
	ck_assert_int_eq(done[0].hs, CAP_HS_INCOMPLETE);
	ck_assert_int_eq(st(&done[0], CLI), TCP_SYN_SENT);
}
END_TEST

START_TEST(test_estab_abort_rst_by_client)
{
	handshake(100, 300);
	seg(CLI, TCP_RST | TCP_ACK, 101, 301, 0);
	cap_tracker_finish(&trk);
	ck_assert_uint_eq(done[0].rst_by, 1u << CLI);
	ck_assert_int_eq(st(&done[0], CLI), TCP_CLOSED);
	ck_assert_int_eq(st(&done[0], SRV), TCP_CLOSED);
}
END_TEST

START_TEST(test_estab_data_gap_flagged)
{
	handshake(100, 300);
	seg(CLI, TCP_ACK | TCP_PSH, 111, 301, 10);	/* 101..110 unseen */
	cap_tracker_finish(&trk);
	ck_assert(done[0].flags & CAP_F_GAP);
	ck_assert_int_eq(st(&done[0], SRV), TCP_ESTABLISHED);
}
END_TEST

START_TEST(test_estab_data_retransmitted_counted)
{
	handshake(100, 300);
	seg(CLI, TCP_ACK | TCP_PSH, 101, 301, 10);
	seg(CLI, TCP_ACK | TCP_PSH, 101, 301, 10);
	seg(SRV, TCP_ACK, 301, 111, 0);
	cap_tracker_finish(&trk);
	ck_assert_uint_eq(done[0].nrexmit, 1);
	ck_assert_int_eq(st(&done[0], CLI), TCP_ESTABLISHED);
}
END_TEST

START_TEST(test_close_wait_data_after_fin_flagged)
{
	handshake(100, 300);
	seg(CLI, TCP_FIN | TCP_ACK, 101, 301, 0);
	seg(SRV, TCP_ACK, 301, 102, 0);
	seg(SRV, TCP_ACK | TCP_PSH, 301, 102, 20);
	cap_tracker_finish(&trk);
	ck_assert(done[0].flags & CAP_F_DATA_AFTER_FIN);
	ck_assert_int_eq(st(&done[0], SRV), TCP_CLOSE_WAIT);
	ck_assert_int_eq(st(&done[0], CLI), TCP_FIN_WAIT_2);
}
END_TEST

/* After close() nobody reads: Linux answers the peer's data with a RST
 * (the capture shows it), so the client's FIN is explained by `close`. */
START_TEST(test_fin_wait_2_data_answered_by_rst_is_close)
{
	handshake(100, 300);
	seg(CLI, TCP_FIN | TCP_ACK, 101, 301, 0);
	seg(SRV, TCP_ACK, 301, 102, 0);
	seg(SRV, TCP_ACK | TCP_PSH, 301, 102, 20);
	seg(CLI, TCP_RST, 102, 0, 0);
	cap_tracker_finish(&trk);
	ck_assert(!done[0].half_close[CLI]);
	ck_assert_int_eq(st(&done[0], CLI), TCP_CLOSED);
	ck_assert_int_eq(st(&done[0], SRV), TCP_CLOSED);
	ck_assert_uint_eq(done[0].nrst, 1);
	ck_assert_uint_eq(done[0].rst_by, 1u << CLI);
}
END_TEST

/* After shutdown() the host still reads: it acknowledges the peer's data,
 * so its FIN is explained by `shutdown` and it stays in FIN_WAIT_2. */
START_TEST(test_fin_wait_2_data_acked_is_half_close)
{
	handshake(100, 300);
	seg(CLI, TCP_FIN | TCP_ACK, 101, 301, 0);
	seg(SRV, TCP_ACK, 301, 102, 0);
	seg(SRV, TCP_ACK | TCP_PSH, 301, 102, 20);
	seg(CLI, TCP_ACK, 102, 321, 0);
	seg(SRV, TCP_FIN | TCP_ACK, 321, 102, 0);
	seg(CLI, TCP_ACK, 102, 322, 0);
	cap_tracker_finish(&trk);
	ck_assert(done[0].half_close[CLI]);
	ck_assert_uint_eq(done[0].nrst, 0);
	ck_assert_int_eq(st(&done[0], CLI), TCP_TIME_WAIT);
	ck_assert_int_eq(st(&done[0], SRV), TCP_CLOSED);
}
END_TEST

/* Linux holds the ACK of a FIN; when the application does not close at
 * once, the delayed-ACK timer sends it alone: the model's own segment. */
START_TEST(test_close_wait_lone_ack_of_fin_is_delayed_ack)
{
	handshake(100, 300);
	seg(CLI, TCP_FIN | TCP_ACK, 101, 301, 0);
	seg(SRV, TCP_ACK, 301, 102, 0);
	cap_tracker_finish(&trk);
	ck_assert_uint_eq(done[0].flags & CAP_F_UNMODELLED, 0);
	ck_assert_int_eq(st(&done[0], CLI), TCP_FIN_WAIT_2);
	ck_assert_int_eq(st(&done[0], SRV), TCP_CLOSE_WAIT);
}
END_TEST

START_TEST(test_midstream_assumed_established)
{
	seg(CLI, TCP_ACK | TCP_PSH, 5000, 9000, 10);
	seg(SRV, TCP_ACK, 9000, 5010, 0);
	cap_tracker_finish(&trk);
	ck_assert_uint_eq(ndone, 1);
	ck_assert(done[0].flags & CAP_F_NO_HANDSHAKE);
	ck_assert_int_eq(done[0].hs, CAP_HS_NONE);
	ck_assert_int_eq(st(&done[0], CLI), TCP_ESTABLISHED);
	ck_assert_int_eq(st(&done[0], SRV), TCP_ESTABLISHED);
	ck_assert_uint_eq(done[0].end[CLI].port, 40000);
}
END_TEST

START_TEST(test_time_wait_new_isn_reused_4tuple)
{
	handshake(100, 300);
	seg(CLI, TCP_FIN | TCP_ACK, 101, 301, 0);
	seg(SRV, TCP_FIN | TCP_ACK, 301, 102, 0);
	seg(CLI, TCP_ACK, 102, 302, 0);
	handshake(7000, 9000);
	cap_tracker_finish(&trk);
	ck_assert_uint_eq(ndone, 2);
	ck_assert_uint_eq(done[0].id, 1);
	ck_assert_uint_eq(done[1].id, 2);
	ck_assert(done[1].flags & CAP_F_REUSED);
	ck_assert_uint_eq(done[1].flags & CAP_F_REXMIT, 0);
	ck_assert_int_eq(st(&done[1], SRV), TCP_ESTABLISHED);
}
END_TEST

/* A bulk transfer with more segments in flight than the model keeps
 * (TCP_RTXQ_MAX, 64 KiB): the states still follow the wire. */
START_TEST(test_estab_bulk_beyond_model_queue_states_kept)
{
	uint32_t seq = 5001;

	handshake(1000, 5000);
	for (int i = 0; i < 150; i++, seq += 1400)
		seg(SRV, TCP_ACK | TCP_PSH, seq, 1001, 1400);
	seg(CLI, TCP_ACK, 1001, seq, 0);
	seg(SRV, TCP_FIN | TCP_ACK, seq, 1001, 0);
	seg(CLI, TCP_FIN | TCP_ACK, 1001, seq + 1, 0);
	seg(SRV, TCP_ACK, seq + 1, 1002, 0);
	cap_tracker_finish(&trk);
	ck_assert_uint_eq(ndone, 1);
	ck_assert_int_eq(st(&done[0], SRV), TCP_TIME_WAIT);
	ck_assert_int_eq(st(&done[0], CLI), TCP_CLOSED);
	ck_assert_uint_eq(done[0].flags & CAP_F_UNMODELLED, 0);
}
END_TEST

/* A finished connection is reported and freed once 2MSL of capture time
 * has passed: memory follows the connections open at once. */
START_TEST(test_finished_connections_freed_after_linger)
{
	for (uint32_t i = 0; i < 200; i++) {
		uint32_t c = i * 1000, s = i * 1000 + 500;

		handshake(c, s);
		seg(CLI, TCP_RST | TCP_ACK, c + 1, s + 1, 0);
		clock_us += 1000000;	/* one connection a second */
	}
	ck_assert_uint_le(trk.nopen, 62);
	/* Each reported when the next SYN reused its 4-tuple; the last
	 * keeps its world for its 2MSL. */
	ck_assert_uint_eq(ndone, 199);
	ck_assert_uint_eq(trk.nlive, 1);
	ck_assert_uint_eq(trk.st.open_max, 1);
}
END_TEST

/* Many connections finishing within 2MSL, each on its own port, the
 * client in TIME_WAIT: at most CAP_LINGER_LIVE_MAX keep their worlds, the
 * oldest are reported early, and all are counted once. */
START_TEST(test_time_wait_worlds_bounded)
{
	for (uint32_t i = 0; i < 3000; i++) {
		uint32_t c = i * 1000, s = i * 1000 + 500;

		cport = (uint16_t)(1024 + i);
		handshake(c, s);
		seg(CLI, TCP_FIN | TCP_ACK, c + 1, s + 1, 0);
		seg(SRV, TCP_FIN | TCP_ACK, s + 1, c + 2, 0);
		seg(CLI, TCP_ACK, c + 2, s + 2, 0);
	}
	ck_assert_uint_le(trk.nlive, CAP_LINGER_LIVE_MAX);
	ck_assert_uint_eq(ndone, 3000 - CAP_LINGER_LIVE_MAX);
	ck_assert_uint_eq(trk.st.open_max, 1);
	cap_tracker_finish(&trk);
	ck_assert_uint_eq(ndone, 3000);
	ck_assert_uint_eq(trk.st.conns, 3000);
	ck_assert_uint_eq(trk.nlive, 0);
}
END_TEST

/* Past CAP_LINGER_LIVE_MAX finished worlds, connection 1's is the first
 * given up: the FIN retransmitted to its TIME_WAIT end afterwards, and the
 * ACK, are late whether it is watched (--show, loop 1) or not (--list):
 * both count 7 segments and no retransmission. */
START_TEST(test_time_wait_rexmit_past_linger_max_late_in_every_view)
{
	struct cap_obs obs = { .done = on_done };

	if (_i == 1) {
		cap_tracker_free(&trk);
		cap_tracker_init(&trk, &obs, 1);
	}
	for (uint32_t i = 0; i <= CAP_LINGER_LIVE_MAX; i++) {
		uint32_t c = i * 1000, s = i * 1000 + 500;

		cport = (uint16_t)(1024 + i);
		handshake(c, s);
		seg(CLI, TCP_FIN | TCP_ACK, c + 1, s + 1, 0);
		seg(SRV, TCP_ACK, s + 1, c + 2, 0);
		seg(SRV, TCP_FIN | TCP_ACK, s + 1, c + 2, 0);
		seg(CLI, TCP_ACK, c + 2, s + 2, 0);
	}
	cport = 1024;
	seg(SRV, TCP_FIN | TCP_ACK, 501, 2, 0);
	seg(CLI, TCP_ACK, 2, 502, 0);
	cap_tracker_finish(&trk);
	ck_assert_uint_eq(ndone, CAP_LINGER_LIVE_MAX + 1);
	ck_assert_uint_eq(conn1.id, 1);
	ck_assert_uint_eq(conn1.nsegs, 7);
	ck_assert_uint_eq(conn1.nrexmit, 0);
	ck_assert_int_eq(st(&conn1, CLI), TCP_TIME_WAIT);
	ck_assert_uint_eq(trk.st.late, 2);
	ck_assert_uint_eq(trk.st.rexmit, 0);
}
END_TEST

/* A SYN flood (or a port scan): every SYN from a new port, none answered.
 * A handshake idle for longer than Linux retries a SYN is reported as it
 * stands, so memory follows the SYN rate, not the length of the file. */
START_TEST(test_syn_sent_flood_idle_handshakes_reported)
{
	for (unsigned i = 0; i < 3000; i++) {
		cport = (uint16_t)(1024 + i);
		seg(CLI, TCP_SYN, i * 7919, 0, 0);
		clock_us += 99000;	/* a SYN every 100 ms */
	}
	ck_assert_uint_le(trk.nlive, 1301);
	ck_assert_uint_ge(ndone, 1699);
	ck_assert_uint_eq(trk.st.abandoned, ndone);
	ck_assert_int_eq(done[0].hs, CAP_HS_INCOMPLETE);
	ck_assert_int_eq(st(&done[0], CLI), TCP_SYN_SENT);
	cap_tracker_finish(&trk);
	ck_assert_uint_eq(ndone, 3000);
	ck_assert_uint_eq(trk.nlive, 0);
}
END_TEST

/* ------------------------------------------------------------ decoder */

static size_t
mkpkt(uint8_t *buf, size_t off, uint16_t len)
{
	struct pcapw_tcp t = { .saddr = 0x0a000001, .daddr = 0x0a000002,
	    .sport = 40000, .dport = 80, .seq = 0xfffffffe, .ack = 7,
	    .flags = TCP_SYN | TCP_ACK, .wnd = 1000, .len = len };

	return off + pcapw_tcp4(&t, buf + off, 2048 - off);
}

static void
assert_decoded(int lt, const uint8_t *p, size_t n)
{
	struct cap_pkt k;

	memset(&k, 0, sizeof(k));
	ck_assert_int_eq(cap_decode(lt, p, n, true, &k), CAP_D_TCP);
	ck_assert_uint_eq(k.seg.seq, 0xfffffffe);
	ck_assert_uint_eq(k.seg.ack, 7);
	ck_assert_uint_eq(k.seg.flags, TCP_SYN | TCP_ACK);
	ck_assert_uint_eq(k.seg.len, 3);
	ck_assert_uint_eq(k.src.port, 40000);
	ck_assert_uint_eq(k.dst.addr[3], 2);
}

START_TEST(test_decode_every_link_layer)
{
	uint8_t b[2048];
	size_t n;

	memset(b, 0, sizeof(b));
	n = mkpkt(b, 0, 3);
	assert_decoded(CAP_LT_RAW, b, n);
	assert_decoded(CAP_LT_DLT_RAW, b, n);
	memset(b, 0, sizeof(b));
	b[12] = 0x81; b[16] = 0x08;	/* a VLAN tag, then IPv4 */
	n = mkpkt(b, 18, 3);
	assert_decoded(CAP_LT_ETHERNET, b, n);
	memset(b, 0, sizeof(b));
	b[14] = 0x08;			/* SLL: protocol at 14 */
	n = mkpkt(b, 16, 3);
	assert_decoded(CAP_LT_SLL, b, n);
	memset(b, 0, sizeof(b));
	b[0] = 0x08;			/* SLL2: protocol first */
	n = mkpkt(b, 20, 3);
	assert_decoded(CAP_LT_SLL2, b, n);
	memset(b, 0, sizeof(b));
	b[0] = 2;			/* NULL, little-endian AF_INET */
	n = mkpkt(b, 4, 3);
	assert_decoded(CAP_LT_NULL, b, n);
	memset(b, 0, sizeof(b));
	b[3] = 2;			/* LOOP, big-endian AF_INET */
	n = mkpkt(b, 4, 3);
	assert_decoded(CAP_LT_LOOP, b, n);
}
END_TEST

START_TEST(test_decode_ipv6)
{
	uint8_t b[80];
	struct cap_pkt k;

	memset(b, 0, sizeof(b));
	b[0] = 0x60;
	b[5] = 20 + 4;			/* payload: TCP header and 4 bytes */
	b[6] = 6;
	b[23] = 1;			/* ::1 */
	b[39] = 1;
	b[40] = 0x9c; b[41] = 0x40;	/* 40000 */
	b[42] = 0; b[43] = 80;
	b[47] = 9;			/* seq 9 */
	b[52] = 5 << 4;
	b[53] = TCP_FIN | TCP_ACK;
	memset(&k, 0, sizeof(k));
	ck_assert_int_eq(cap_decode(CAP_LT_RAW, b, 64, false, &k), CAP_D_TCP);
	ck_assert(k.v6);
	ck_assert_uint_eq(k.seg.seq, 9);
	ck_assert_uint_eq(k.seg.len, 4);
	ck_assert_uint_eq(k.src.port, 40000);
	b[6] = 44;			/* a fragment header */
	ck_assert_int_eq(cap_decode(CAP_LT_RAW, b, 64, false, &k),
	    CAP_D_FRAGMENT);
}
END_TEST

START_TEST(test_decode_cut_fragment_bad_checksum_not_tcp)
{
	uint8_t b[2048];
	struct cap_pkt k;
	size_t n = mkpkt(b, 0, 3);

	ck_assert_int_eq(cap_decode(CAP_LT_RAW, b, 30, true, &k), CAP_D_CUT);
	ck_assert_int_eq(cap_decode(CAP_LT_RAW, b, 50, true, &k), CAP_D_TCP);
	b[n - 1] ^= 0x55;		/* payload byte: TCP checksum */
	ck_assert_int_eq(cap_decode(CAP_LT_RAW, b, n, true, &k),
	    CAP_D_BAD_CHECKSUM);
	ck_assert_int_eq(cap_decode(CAP_LT_RAW, b, n, false, &k), CAP_D_TCP);
	b[6] = 0x20;			/* more fragments */
	ck_assert_int_eq(cap_decode(CAP_LT_RAW, b, n, false, &k),
	    CAP_D_FRAGMENT);
	b[6] = 0x40;
	b[9] = 17;			/* UDP */
	ck_assert_int_eq(cap_decode(CAP_LT_RAW, b, n, false, &k),
	    CAP_D_NOT_TCP);
	b[9] = 6;
	b[32] = 15 << 4;		/* TCP header longer than the packet */
	ck_assert_int_eq(cap_decode(CAP_LT_RAW, b, n, false, &k),
	    CAP_D_BAD_HEADER);
}
END_TEST

START_TEST(test_decode_ipv6_address_rfc5952)
{
	struct cap_end e = { .port = 443 };
	char b[CAP_END_BUFSZ];
	static const uint8_t doc[16] = { 0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0,
	    0, 1, 0, 0, 0, 0, 0, 1 };

	e.addr[15] = 1;
	ck_assert_str_eq(cap_end_str(&e, true, b), "[::1]:443");
	memcpy(e.addr, doc, 16);
	ck_assert_str_eq(cap_end_str(&e, true, b), "[2001:db8::1:0:0:1]:443");
	memcpy(e.addr, (const uint8_t[4]){ 192, 0, 2, 7 }, 4);
	ck_assert_str_eq(cap_end_str(&e, false, b), "192.0.2.7:443");
}
END_TEST

/* A file cut in the middle of a record: what came before is reported,
 * with the number of the frame that was cut. */
START_TEST(test_read_truncated_file_reports_frame)
{
	char path[] = "/tmp/tcpteach-cap-XXXXXX";
	int fd = mkstemp(path);
	FILE *f = fdopen(fd, "wb"), *err = tmpfile();
	uint8_t b[2048];
	size_t n = mkpkt(b, 0, 3);
	struct cap_read r = { 0 };
	char msg[512] = "";

	ck_assert(pcapw_header(f));
	ck_assert(pcapw_record(f, 1, b, n));
	ck_assert(pcapw_record(f, 2, b, n));
	fflush(f);
	ck_assert_int_eq(ftruncate(fd, (off_t)(24 + 16 + n + 16 + 10)), 0);
	fclose(f);
	ck_assert_int_eq(cap_read_file(path, NULL, &trk, &r, err),
	    TT_EXIT_FAIL);
	ck_assert_uint_eq(r.tcp, 1);
	rewind(err);
	ck_assert_ptr_nonnull(fgets(msg, sizeof(msg), err));
	ck_assert_ptr_nonnull(strstr(msg, "frame 2"));
	fclose(err);
	unlink(path);
}
END_TEST

/* The capture screen's model: rows in id order with the --list words,
 * the statistics on top, a search that wraps, and the commands that
 * replay one connection. */
START_TEST(test_list_model_rows_stats_search_and_replay)
{
	char path[] = "/tmp/tcpteach-caplist-XXXXXX";
	struct cap_list l;
	struct cmd *cmds;
	uint64_t *ms;
	size_t n;
	FILE *f;
	int fd = mkstemp(path);

	ck_assert_int_ge(fd, 0);
	f = fdopen(fd, "wb");
	ck_assert(pcapw_header(f));
	list_two_conns(f);
	fclose(f);
	ck_assert_int_eq(cap_list_read(path, &l, stderr), TT_EXIT_OK);
	ck_assert_uint_eq(l.n, 2);
	ck_assert_uint_eq(l.rows[0].id, 1);
	ck_assert_uint_eq(l.rows[1].id, 2);
	ck_assert_ptr_nonnull(strstr(l.rows[0].line,
	    "10.0.0.1:40001 > 10.0.0.2:80  2  refused"));
	ck_assert_ptr_nonnull(strstr(l.rows[1].line, "complete"));
	ck_assert_uint_eq(l.st.conns, 2);
	ck_assert_uint_eq(l.st.hs_complete, 1);
	ck_assert_uint_eq(l.st.hs_refused, 1);
	ck_assert_uint_eq(l.st.reset, 2);
	ck_assert_uint_eq(l.t0_us, 1000);
	ck_assert_uint_eq(cap_list_find(&l, "40002", 0), 1);
	ck_assert_uint_eq(cap_list_find(&l, "REFUSED", 1), 0);
	ck_assert_uint_eq(cap_list_find(&l, "no such thing", 0), 2);
	ck_assert(cap_list_cmds(path, 2, &cmds, &ms, &n, stderr));
	ck_assert_uint_gt(n, 3);
	free(cmds);
	free(ms);
	ck_assert(!cap_list_cmds(path, 3, &cmds, &ms, &n, stderr));
	free(cmds);
	free(ms);
	cap_list_free(&l);
	unlink(path);
}
END_TEST

/* The segment inspector's frames (the tester's report item 6): each of
 * the watched connection's segments with its frame number in the file,
 * its time since the connection began (us) and its header as captured. */
START_TEST(test_list_frames_numbers_times_fields_as_captured)
{
	char path[] = "/tmp/tcpteach-capframes-XXXXXX";
	struct cap_frame *fr = NULL;
	size_t n = 0;
	FILE *f;
	int fd = mkstemp(path);

	ck_assert_int_ge(fd, 0);
	f = fdopen(fd, "wb");
	ck_assert(pcapw_header(f));
	list_pkt(f, 1000, 40001, TCP_SYN, true, 100, 0);
	list_pkt(f, 2000, 40002, TCP_SYN, true, 700, 0);
	list_pkt(f, 3000, 40001, TCP_RST | TCP_ACK, false, 0, 101);
	list_pkt(f, 4014, 40002, TCP_SYN | TCP_ACK, false, 900, 701);
	list_pkt(f, 5000, 40002, TCP_ACK, true, 701, 901);
	fclose(f);
	ck_assert(cap_list_frames(path, 2, &fr, &n));
	ck_assert_uint_eq(n, 3);
	ck_assert_uint_eq(fr[0].num, 2);
	ck_assert_uint_eq(fr[0].us, 0);
	ck_assert_int_eq(fr[0].dir, DIR_C2S);
	ck_assert_uint_eq(fr[1].num, 4);
	ck_assert_uint_eq(fr[1].us, 2014);
	ck_assert_int_eq(fr[1].dir, DIR_S2C);
	ck_assert_uint_eq(fr[1].seg.seq, 900);
	ck_assert_uint_eq(fr[1].seg.wnd, 65535);
	ck_assert_uint_eq(fr[2].num, 5);
	free(fr);
	ck_assert(!cap_list_frames(path, 3, &fr, &n));
	free(fr);
	unlink(path);
}
END_TEST

/* The inspector finds an arrow's frame by its direction, seq, flags and
 * length, the k-th alike for the k-th alike arrow (a retransmitted SYN
 * is the second SYN frame); an arrow with no such frame was inferred. */
START_TEST(test_list_frame_of_kth_alike_arrow_or_inferred)
{
	const struct tcp_seg syn = { .seq = 5, .flags = TCP_SYN };
	const struct tcp_seg synack = { .seq = 9, .flags = TCP_SYN | TCP_ACK };
	const struct tcp_seg ack = { .seq = 6, .flags = TCP_ACK };
	const struct cap_frame fr[] = {
		{ .num = 1, .dir = DIR_C2S, .seg = syn },
		{ .num = 2, .dir = DIR_S2C, .seg = synack },
		{ .num = 3, .dir = DIR_C2S, .seg = syn },
	};
	struct ladder_arrow ar[] = {
		{ .f = { .dir = DIR_C2S, .seg = syn } },
		{ .f = { .dir = DIR_C2S, .seg = syn } },
		{ .f = { .dir = DIR_S2C, .seg = synack } },
		{ .f = { .dir = DIR_C2S, .seg = ack } },
	};
	struct ladder lad = { .arrows = ar, .narrows = 4 };

	ck_assert_uint_eq(cap_frame_of(fr, 3, &lad, &ar[0])->num, 1);
	ck_assert_uint_eq(cap_frame_of(fr, 3, &lad, &ar[1])->num, 3);
	ck_assert_uint_eq(cap_frame_of(fr, 3, &lad, &ar[2])->num, 2);
	ck_assert_ptr_null(cap_frame_of(fr, 3, &lad, &ar[3]));
	ck_assert_ptr_null(cap_frame_of(fr, 1, &lad, &ar[1]));
}
END_TEST

/* A replayed capture's times to the microsecond: a row its frame's own,
 * a row the file has no frame for (an inferred arrow, a note) its ms; the
 * clock the newest arrow's frame's while that is now; with no capture,
 * seconds with milliseconds. */
START_TEST(test_list_row_and_clock_times_frame_us_or_ms)
{
	const struct tcp_seg syn = { .seq = 5, .flags = TCP_SYN };
	const struct tcp_seg ack = { .seq = 6, .flags = TCP_ACK };
	const struct cap_frame fr[] = {
		{ .num = 1, .us = 14, .dir = DIR_C2S, .seg = syn },
	};
	struct ladder_arrow ar[] = {
		{ .f = { .dir = DIR_C2S, .seg = syn } },
		{ .f = { .dir = DIR_C2S, .seg = ack } },
	};
	const struct ladder_row rows[] = {
		{ .is_arrow = true, .arrow = 0, .time = 0 },
		{ .is_arrow = true, .arrow = 1, .time = 2 },
		{ .time = 3 },
	};
	struct ladder lad = { .arrows = ar, .narrows = 1 };
	char t[32];

	ck_assert(cap_row_time_text(fr, 1, &lad, &rows[0], 9, t,
	    sizeof(t)));
	ck_assert_str_eq(t, "0.000014s");
	ck_assert(!cap_row_time_text(fr, 1, &lad, &rows[1], 9, t,
	    sizeof(t)));
	ck_assert_str_eq(t, "0.002000s");
	ck_assert(!cap_row_time_text(fr, 1, &lad, &rows[2], 9, t,
	    sizeof(t)));
	ck_assert_str_eq(t, "0.003000s");
	ck_assert(!cap_row_time_text(fr, 0, &lad, &rows[0], 9, t,
	    sizeof(t)));
	ck_assert_str_eq(t, "0.000s");
	ck_assert_str_eq(cap_clock_text(fr, 1, &lad, 0, t, sizeof(t)),
	    "0.000014s");
	/* Later than the newest frame: the clock's own ms. */
	ck_assert_str_eq(cap_clock_text(fr, 1, &lad, 2, t, sizeof(t)),
	    "0.002000s");
	lad.narrows = 2;
	ck_assert_str_eq(cap_clock_text(fr, 1, &lad, 0, t, sizeof(t)),
	    "0.000000s");
	ck_assert_str_eq(cap_clock_text(NULL, 0, &lad, 1300, t, sizeof(t)),
	    "1.300s");
}
END_TEST

/* The tester's report item 6: syn-timeout.pcap's SYNs at 15 s and 31 s
 * showed "15.000000" in the ladder's 9 columns, their "s" cut off.  A
 * time keeps its unit and gives up decimals; one with none left to give
 * up keeps its whole seconds. */
START_TEST(test_list_row_time_syn_retransmit_15s_fits_column)
{
	const struct tcp_seg syn = { .seq = 5, .flags = TCP_SYN };
	struct cap_frame fr[] = {
		{ .num = 1, .us = 15000000, .dir = DIR_C2S, .seg = syn },
	};
	struct ladder_arrow ar[] = { { .f = { .dir = DIR_C2S, .seg = syn } } };
	const struct ladder_row row = { .is_arrow = true, .arrow = 0 };
	struct ladder lad = { .arrows = ar, .narrows = 1 };
	char t[32];

	ck_assert(cap_row_time_text(fr, 1, &lad, &row, 9, t, sizeof(t)));
	ck_assert_str_eq(t, "15.00000s");
	fr[0].us = 131250042;
	cap_row_time_text(fr, 1, &lad, &row, 9, t, sizeof(t));
	ck_assert_str_eq(t, "131.2500s");
	fr[0].us = 123456789000000ULL;
	cap_row_time_text(fr, 1, &lad, &row, 9, t, sizeof(t));
	ck_assert_str_eq(t, "123456789s");
	fr[0].us = 1234567891000000ULL;
	cap_row_time_text(fr, 1, &lad, &row, 9, t, sizeof(t));
	ck_assert_str_eq(t, "1234567891s");
	fr[0].us = 15000000;
	cap_row_time_text(fr, 1, &lad, &row, 4, t, sizeof(t));
	ck_assert_str_eq(t, "15s");
	cap_row_time_text(fr, 1, &lad, &row, 5, t, sizeof(t));
	ck_assert_str_eq(t, "15.0s");
	/* Wide enough: every decimal. */
	fr[0].us = 1234567891000000ULL;
	cap_row_time_text(fr, 1, &lad, &row, 20, t, sizeof(t));
	ck_assert_str_eq(t, "1234567891.000000s");
}
END_TEST

static Suite *
capture_suite(void)
{
	Suite *s = suite_create("capture");
	TCase *tc = tcase_create("tracker");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_normal_close_client_time_wait_server_closed);
	tcase_add_test(tc, test_list_model_rows_stats_search_and_replay);
	tcase_add_test(tc, test_list_frames_numbers_times_fields_as_captured);
	tcase_add_test(tc, test_list_frame_of_kth_alike_arrow_or_inferred);
	tcase_add_test(tc, test_list_row_and_clock_times_frame_us_or_ms);
	tcase_add_test(tc, test_list_row_time_syn_retransmit_15s_fits_column);
	tcase_add_test(tc, test_fin_with_ack_three_segment_close_states);
	tcase_add_test(tc, test_server_closes_first_server_time_wait_flagged);
	tcase_add_test(tc, test_syn_sent_rst_refused_by_server);
	tcase_add_test(tc, test_syn_sent_syn_retransmitted_incomplete);
	tcase_add_test(tc, test_estab_abort_rst_by_client);
	tcase_add_test(tc, test_estab_data_gap_flagged);
	tcase_add_test(tc, test_estab_data_retransmitted_counted);
	tcase_add_test(tc, test_close_wait_data_after_fin_flagged);
	tcase_add_test(tc, test_fin_wait_2_data_answered_by_rst_is_close);
	tcase_add_test(tc, test_fin_wait_2_data_acked_is_half_close);
	tcase_add_test(tc, test_close_wait_lone_ack_of_fin_is_delayed_ack);
	tcase_add_test(tc, test_midstream_assumed_established);
	tcase_add_test(tc, test_time_wait_new_isn_reused_4tuple);
	tcase_add_test(tc, test_finished_connections_freed_after_linger);
	tcase_add_test(tc, test_time_wait_worlds_bounded);
	tcase_add_loop_test(tc,
	    test_time_wait_rexmit_past_linger_max_late_in_every_view, 0, 2);
	tcase_add_test(tc, test_estab_bulk_beyond_model_queue_states_kept);
	tcase_add_test(tc, test_syn_sent_flood_idle_handshakes_reported);
	tcase_add_test(tc, test_read_truncated_file_reports_frame);
	suite_add_tcase(s, tc);
	tc = tcase_create("decode");
	tcase_add_test(tc, test_decode_every_link_layer);
	tcase_add_test(tc, test_decode_ipv6);
	tcase_add_test(tc, test_decode_ipv6_address_rfc5952);
	tcase_add_test(tc, test_decode_cut_fragment_bad_checksum_not_tcp);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(capture_suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
