/*
 * Check tests of the capture reader on closes that a capture shows one
 * segment after another but that happened otherwise: FINs that crossed
 * (each sent before the other arrived, as their ACK numbers prove) and
 * RSTs the model's ABORT answers for (without an ACK, as RFC 9293 sends
 * it, or from a host whose TCB a timer had already deleted).
 *
 * Data model: segments made by hand as struct cap_pkt between a client
 * 10.0.0.1:40000 and a server 10.0.0.2:80, fed to a tracker that watches
 * connection 1 or none (the loop index: both paths must agree); the
 * connection it reports is copied into done for the test to inspect, and
 * the watched one's rows are counted per note.
 */
#include <config.h>

#include <check.h>
#include <stdlib.h>

#include "capture/capture.h"

#define CLI 0
#define SRV 1

static struct cap_conn done;
static unsigned ndone, nrows, nrows_crossed, nrows_unmodelled;
static struct cap_tracker trk;
static uint64_t clock_us;

static void
on_done(void *ctx, const struct cap_conn *c)
{
	(void)ctx;
	done = *c;
	ndone++;
}

static void
on_segment(void *ctx, const struct cap_conn *c, const struct cap_pkt *k,
    enum sim_dir dir, unsigned notes, const struct sim_ev *ev, size_t nev)
{
	(void)ctx, (void)c, (void)dir, (void)ev, (void)nev;
	if (k == NULL)
		return;
	nrows++;
	nrows_crossed += (notes & CAP_F_CROSSED) != 0;
	nrows_unmodelled += (notes & CAP_F_UNMODELLED) != 0;
}

static void
start(int watch)
{
	struct cap_obs obs = { .done = on_done, .segment = on_segment };

	ndone = nrows = nrows_crossed = nrows_unmodelled = 0;
	clock_us = 1000000;
	cap_tracker_init(&trk, &obs, (uint64_t)watch);
}

static void
seg(int from, uint8_t flags, uint32_t seq, uint32_t ack)
{
	struct cap_pkt k = { .ts_us = clock_us += 1000 };
	struct cap_end c = { .addr = { 10, 0, 0, 1 }, .port = 40000 };
	struct cap_end s = { .addr = { 10, 0, 0, 2 }, .port = 80 };

	k.src = from == CLI ? c : s;
	k.dst = from == CLI ? s : c;
	k.seg = (struct tcp_seg){ .flags = flags, .seq = seq, .ack = ack,
	    .wnd = 65535 };
	cap_tracker_packet(&trk, &k);
}

static void
finish(void)
{
	cap_tracker_finish(&trk);
	cap_tracker_free(&trk);
	ck_assert_uint_eq(ndone, 1);
	ck_assert_uint_eq(done.flags & CAP_F_UNMODELLED, 0);
	ck_assert_uint_eq(nrows_unmodelled, 0);
}

/* RFC 9293 Figure 13 as tcpteach's script --pcap writes it: the server's
 * FIN acknowledges 101, not the client's FIN (102): it left first. */
START_TEST(test_fin_wait_1_crossing_fins_both_time_wait)
{
	start(_i);
	seg(CLI, TCP_SYN, 100, 0);
	seg(SRV, TCP_SYN | TCP_ACK, 300, 101);
	seg(CLI, TCP_ACK, 101, 301);
	seg(CLI, TCP_FIN | TCP_ACK, 101, 301);
	seg(SRV, TCP_FIN | TCP_ACK, 301, 101);
	seg(CLI, TCP_ACK, 102, 302);
	seg(SRV, TCP_ACK, 302, 102);
	finish();
	ck_assert_int_eq(done.final[CLI], TCP_TIME_WAIT);
	ck_assert_int_eq(done.final[SRV], TCP_TIME_WAIT);
	ck_assert(done.flags & CAP_F_CROSSED);
	ck_assert_uint_eq(done.flags & CAP_F_SERVER_TW, 0);
	if (_i == 1)
		ck_assert_uint_eq(nrows_crossed, 1);
}
END_TEST

/* The server's FIN acknowledges the client's: it came after, no crossing
 * (a 3-segment close). */
START_TEST(test_close_wait_fin_acking_fin_not_crossed)
{
	start(_i);
	seg(CLI, TCP_SYN, 100, 0);
	seg(SRV, TCP_SYN | TCP_ACK, 300, 101);
	seg(CLI, TCP_ACK, 101, 301);
	seg(CLI, TCP_FIN | TCP_ACK, 101, 301);
	seg(SRV, TCP_FIN | TCP_ACK, 301, 102);
	seg(CLI, TCP_ACK, 102, 302);
	finish();
	ck_assert_int_eq(done.final[CLI], TCP_TIME_WAIT);
	ck_assert_int_eq(done.final[SRV], TCP_CLOSED);
	ck_assert_uint_eq(done.flags & CAP_F_CROSSED, 0);
	ck_assert(done.flags & CAP_F_FIN_ACK);
}
END_TEST

/* `client abort` in the simulator (W, script --pcap): RST without ACK. */
START_TEST(test_estab_abort_rst_without_ack_modelled)
{
	start(_i);
	seg(CLI, TCP_SYN, 100, 0);
	seg(SRV, TCP_SYN | TCP_ACK, 300, 101);
	seg(CLI, TCP_ACK, 101, 301);
	seg(CLI, TCP_RST, 101, 0);
	finish();
	ck_assert_int_eq(done.final[CLI], TCP_CLOSED);
	ck_assert_int_eq(done.final[SRV], TCP_CLOSED);
	ck_assert_uint_eq(done.rst_by, 1u << CLI);
}
END_TEST

/* examples/no-time-wait.scn: the client's final ACK is lost, the server
 * sends its FIN again, and the client, with no TCB left, answers RST. */
START_TEST(test_time_wait_rst_no_tcb_modelled)
{
	start(_i);
	seg(CLI, TCP_SYN, 100, 0);
	seg(SRV, TCP_SYN | TCP_ACK, 300, 101);
	seg(CLI, TCP_ACK, 101, 301);
	seg(CLI, TCP_FIN | TCP_ACK, 101, 301);
	seg(SRV, TCP_ACK, 301, 102);
	seg(SRV, TCP_FIN | TCP_ACK, 301, 102);
	seg(CLI, TCP_ACK, 102, 302);
	seg(SRV, TCP_FIN | TCP_ACK, 301, 102);
	seg(CLI, TCP_RST, 102, 0);
	finish();
	/* Watched or not, the last two segments reach the client's world
	 * (it was in TIME_WAIT): both views end the same. */
	ck_assert_int_eq(done.final[CLI], TCP_CLOSED);
	ck_assert_int_eq(done.final[SRV], TCP_CLOSED);
	ck_assert_uint_eq(done.nsegs, 9);
}
END_TEST

/* The server's ACK-less close: the client in TIME_WAIT gets the server's
 * FIN again and again (the server's LAST_ACK retransmissions, the last a
 * minute after the first), and answers each.  Every one of them belongs
 * to connection 1, watched (--show) or not (--list, --stats), with the
 * same counts: no connection 2 without a handshake. */
START_TEST(test_time_wait_fin_rexmits_counted_in_every_view)
{
	static const uint64_t at_s[] = { 1, 3, 7, 15, 31, 60, 63 };

	start(_i);
	seg(CLI, TCP_SYN, 1000, 0);
	seg(SRV, TCP_SYN | TCP_ACK, 5000, 1001);
	seg(CLI, TCP_ACK, 1001, 5001);
	seg(CLI, TCP_FIN | TCP_ACK, 1001, 5001);
	seg(SRV, TCP_ACK, 5001, 1002);
	seg(SRV, TCP_FIN | TCP_ACK, 5001, 1002);
	seg(CLI, TCP_ACK, 1002, 5002);
	for (size_t i = 0; i < sizeof(at_s) / sizeof(at_s[0]); i++) {
		clock_us = 1000000 * (1 + at_s[i]);
		seg(SRV, TCP_FIN | TCP_ACK, 5001, 1002);
		seg(CLI, TCP_ACK, 1002, 5002);
	}
	cap_tracker_finish(&trk);
	ck_assert_uint_eq(ndone, 1);
	ck_assert_uint_eq(done.id, 1);
	ck_assert_uint_eq(done.nsegs, 21);
	ck_assert_uint_eq(done.nrexmit, 7);
	ck_assert_int_eq(done.hs, CAP_HS_COMPLETE);
	ck_assert_int_eq(done.final[CLI], TCP_TIME_WAIT);
	ck_assert_int_eq(done.final[SRV], TCP_CLOSED);
	ck_assert_uint_eq(trk.st.conns, 1);
	ck_assert_uint_eq(trk.st.rexmit, 7);
	ck_assert_uint_eq(trk.st.late, 0);
	ck_assert_uint_eq(trk.st.reused, 0);
	if (_i == 1)
		ck_assert_uint_eq(nrows, 21);
	cap_tracker_free(&trk);
}
END_TEST

static Suite *
capture_close_suite(void)
{
	Suite *s = suite_create("capture_close");
	TCase *tc = tcase_create("close");

	/* Loop index: 0 nothing watched (--list), 1 connection 1 (--show). */
	tcase_add_loop_test(tc, test_fin_wait_1_crossing_fins_both_time_wait,
	    0, 2);
	tcase_add_loop_test(tc, test_close_wait_fin_acking_fin_not_crossed, 0,
	    2);
	tcase_add_loop_test(tc, test_estab_abort_rst_without_ack_modelled, 0,
	    2);
	tcase_add_loop_test(tc, test_time_wait_rst_no_tcb_modelled, 0, 2);
	tcase_add_loop_test(tc, test_time_wait_fin_rexmits_counted_in_every_view,
	    0, 2);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(capture_close_suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
