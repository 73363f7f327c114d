/*
 * ACK timing.  The rfc9293 profile acknowledges at once; the linux profile
 * follows Linux's delayed-ACK engine (src/core/tcp_delack.c): quick-acks
 * for the first data, pingpong after a quick reply or a FIN, the ATO of
 * 40 ms, and the next tick (4 ms) before any data has arrived.
 *
 * Expectations measured on Linux 6.18 (HZ 250), client and server in two
 * network namespaces joined by a veth pair, tcpdump on the server's side
 * (commands in doc/linux-differences.md):
 * - client close(), server reads EOF and closes at once: FIN, FIN+ACK
 *   (2.1 ms later), ACK: three segments;
 * - the same with the server closing 0.5 s later: its ACK of the FIN went
 *   2.8 ms after the FIN, alone; its FIN+ACK followed at 0.5 s;
 * - 100 bytes each way: the first data was ACKed at once (quick-ack); the
 *   server replied within 0.2 ms; the client's next 100 bytes 0.1 s later
 *   were ACKed 41.6 ms after they arrived (pingpong, ATO 40 ms).
 */
#include <check.h>
#include <stdlib.h>

#include "check_tcp_util.h"

static void
ck_delack_due(uint64_t due)
{
	uint64_t d;

	ck_assert_msg(h_timer(TCP_T_DELACK, &d), "no delayed ACK held");
	ck_assert_msg(d == due, "delayed ACK due at %llu ms, expected %llu",
	    (unsigned long long)d, (unsigned long long)due);
}

/* ESTABLISHED (passive, linux), 100 bytes in, our 100-byte reply at once:
 * the connection is now interactive. */
static void
fx_linux_pingpong(int v)
{
	h_use_linux();
	fx_established_passive(v);
	IN(.flags = PSHACK, .seq = P(1), .ack = A(1), .len = 100);
	CK_NSENT(1);
	CK_SENT(0, TCP_ACK, A(1), P(101), 0);
	ck_assert_int_eq(h_call(TCP_CALL_SEND, 100), TCP_OK);
	ck_assert(H.tcb.pingpong);
	IN(.flags = TCP_ACK, .seq = P(101), .ack = A(101));
	h_clear();
}

START_TEST(test_close_wait_linux_fin_ack_rides_on_our_fin)
{
	h_use_linux();
	fx_established_passive(_i);
	h_clear();
	IN(.flags = FINACK, .seq = P(1), .ack = A(1));
	CK_STATE(TCP_CLOSE_WAIT);
	CK_NSENT(0);
	ck_delack_due(4);
	ck_assert_int_eq(h_call(TCP_CALL_CLOSE, 0), TCP_OK);
	CK_NSENT(1);
	CK_SENT(0, FINACK, A(1), P(2), 0);
	ck_assert(!h_timer(TCP_T_DELACK, NULL));
	IN(.flags = TCP_ACK, .seq = P(2), .ack = A(2));
	CK_STATE(TCP_CLOSED);
}
END_TEST

START_TEST(test_close_wait_linux_fin_ack_alone_at_next_tick)
{
	enum tcp_timer t;

	h_use_linux();
	fx_established(_i);
	IN(.flags = FINACK, .seq = P(1), .ack = A(1));
	CK_NSENT(0);
	ck_assert(h_fire_next(&t));
	ck_assert_int_eq(t, TCP_T_DELACK);
	ck_assert_uint_eq(H.io.now, 4);
	CK_NSENT(1);
	CK_SENT(0, TCP_ACK, A(1), P(2), 0);
	ck_assert_int_eq(h_sent_ev(0)->why, TCP_W_DELACK);
	CK_STATE(TCP_CLOSE_WAIT);
}
END_TEST

START_TEST(test_close_wait_rfc9293_fin_acked_at_once)
{
	fx_established(_i);
	IN(.flags = FINACK, .seq = P(1), .ack = A(1));
	CK_NSENT(1);
	CK_SENT(0, TCP_ACK, A(1), P(2), 0);
	ck_assert(!h_timer(TCP_T_DELACK, NULL));
}
END_TEST

START_TEST(test_close_wait_linux_delayed_ack_off_acks_at_once)
{
	h_use_linux();
	h_begin(_i);
	H.cfg.delayed_ack = false;
	ck_assert_int_eq(h_call(TCP_CALL_CONNECT, 0), TCP_OK);
	IN(.flags = SYNACK, .seq = P(0), .ack = A(1));
	h_clear();
	IN(.flags = FINACK, .seq = P(1), .ack = A(1));
	CK_NSENT(1);
	CK_SENT(0, TCP_ACK, A(1), P(2), 0);
}
END_TEST

START_TEST(test_established_linux_first_data_quick_acked)
{
	h_use_linux();
	fx_established_passive(_i);
	IN(.flags = PSHACK, .seq = P(1), .ack = A(1), .len = 100);
	CK_NSENT(1);
	CK_SENT(0, TCP_ACK, A(1), P(101), 0);
	ck_assert(!h_timer(TCP_T_DELACK, NULL));
	ck_assert_uint_eq(H.tcb.quick, TCP_MAX_QUICKACKS - 1);
}
END_TEST

START_TEST(test_established_linux_pingpong_data_ack_after_40ms)
{
	enum tcp_timer t;

	fx_linux_pingpong(_i);
	h_advance(100);
	IN(.flags = PSHACK, .seq = P(101), .ack = A(101), .len = 100);
	CK_NSENT(0);
	ck_delack_due(140);
	ck_assert(h_fire_next(&t));
	ck_assert_int_eq(t, TCP_T_DELACK);
	CK_SENT(0, TCP_ACK, A(101), P(201), 0);
	/* A missed delayed ACK ends pingpong (tcp_delack_timer_handler). */
	ck_assert(!H.tcb.pingpong);
}
END_TEST

START_TEST(test_established_linux_pingpong_ack_rides_on_reply)
{
	fx_linux_pingpong(_i);
	h_advance(100);
	IN(.flags = PSHACK, .seq = P(101), .ack = A(101), .len = 100);
	CK_NSENT(0);
	h_advance(10);
	ck_assert_int_eq(h_call(TCP_CALL_SEND, 50), TCP_OK);
	CK_NSENT(1);
	CK_SENT(0, PSHACK, A(101), P(201), 50);
	ck_assert(!h_timer(TCP_T_DELACK, NULL));
}
END_TEST

/* tcp_cleanup_rbuf: a second small segment while an ACK is held. */
START_TEST(test_established_linux_pingpong_second_segment_acked_at_once)
{
	fx_linux_pingpong(_i);
	h_advance(100);
	IN(.flags = PSHACK, .seq = P(101), .ack = A(101), .len = 100);
	CK_NSENT(0);
	h_advance(10);
	IN(.flags = PSHACK, .seq = P(201), .ack = A(101), .len = 100);
	CK_NSENT(1);
	CK_SENT(0, TCP_ACK, A(101), P(301), 0);
	ck_assert(!h_timer(TCP_T_DELACK, NULL));
}
END_TEST

/* After data, a FIN in pingpong waits the ATO, 40 ms, not a tick. */
START_TEST(test_close_wait_linux_fin_after_data_waits_ato)
{
	fx_linux_pingpong(_i);
	h_advance(100);
	IN(.flags = FINACK, .seq = P(101), .ack = A(101));
	CK_STATE(TCP_CLOSE_WAIT);
	CK_NSENT(0);
	ck_delack_due(140);
	ck_assert_int_eq(h_call(TCP_CALL_CLOSE, 0), TCP_OK);
	CK_NSENT(1);
	CK_SENT(0, FINACK, A(101), P(102), 0);
}
END_TEST

/*
 * Sixteen quick ACKs; after them a full-sized segment with PSH is still
 * acknowledged at once (Linux 6.7 and later: the end of a write, read at
 * once; measured on 6.18: 24 segments of 1000 bytes 0.1 s apart, each
 * ACKed within 0.2 ms), but one without PSH waits for the timer.
 */
START_TEST(test_established_linux_quick_acks_run_out)
{
	uint32_t at = 1;

	h_use_linux();
	fx_established_passive(_i);
	for (int k = 0; k < TCP_MAX_QUICKACKS + 2; k++) {
		h_advance(100);
		h_clear();
		IN(.flags = PSHACK, .seq = P(at), .ack = A(1), .len = 1000);
		at += 1000;
		CK_NSENT(1);
		CK_SENT(0, TCP_ACK, A(1), P(at), 0);
	}
	ck_assert_uint_eq(H.tcb.quick, 0);
	h_advance(100);
	h_clear();
	IN(.flags = TCP_ACK, .seq = P(at), .ack = A(1), .len = 1000);
	CK_NSENT(0);
	ck_delack_due(H.io.now + 40);
	/* A second full segment: more than one MSS unacknowledged. */
	IN(.flags = TCP_ACK, .seq = P(at + 1000), .ack = A(1), .len = 1000);
	CK_NSENT(1);
	CK_SENT(0, TCP_ACK, A(1), P(at + 2000), 0);
}
END_TEST

static Suite *
delack_suite(void)
{
	Suite *s = suite_create("delack");
	TCase *tc = tcase_create("fin");

	ADD_LOOP(tc, test_close_wait_linux_fin_ack_rides_on_our_fin);
	ADD_LOOP(tc, test_close_wait_linux_fin_ack_alone_at_next_tick);
	ADD_LOOP(tc, test_close_wait_rfc9293_fin_acked_at_once);
	ADD_LOOP(tc, test_close_wait_linux_delayed_ack_off_acks_at_once);
	ADD_LOOP(tc, test_close_wait_linux_fin_after_data_waits_ato);
	suite_add_tcase(s, tc);
	tc = tcase_create("data");
	ADD_LOOP(tc, test_established_linux_first_data_quick_acked);
	ADD_LOOP(tc, test_established_linux_pingpong_data_ack_after_40ms);
	ADD_LOOP(tc, test_established_linux_pingpong_ack_rides_on_reply);
	ADD_LOOP(tc,
	    test_established_linux_pingpong_second_segment_acked_at_once);
	ADD_LOOP(tc, test_established_linux_quick_acks_run_out);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return h_run(delack_suite());
}
