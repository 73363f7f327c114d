/*
 * Closing a connection: FIN_WAIT_1, FIN_WAIT_2 and CLOSE_WAIT, one test
 * case per state, each test once per ISN pair (CLOSING, LAST_ACK and
 * TIME_WAIT are in check_tcp_wait.c).  Expectations from RFC 9293
 * Sections 3.6, 3.10.4, 3.10.5 and 3.10.7.4 (the ACK and FIN steps), and
 * RFC 5961 for RST and SYN.
 *
 * Sequence numbers after the fixtures: our FIN occupies A(1), so after a
 * close SND.NXT = A(2); the peer's FIN occupies P(1), so after it
 * RCV.NXT = P(2).
 */
#include <check.h>
#include <stdlib.h>

#include "check_tcp_util.h"

/* FIN_WAIT_1. */

START_TEST(test_fin_wait_1_ack_of_fin)
{
	fx_fin_wait_1(_i);
	IN(.flags = TCP_ACK, .seq = P(1), .ack = A(2));
	CK_STATE(TCP_FIN_WAIT_2);
	CK_EDGE(TCP_FIN_WAIT_1, TCP_FIN_WAIT_2, TCP_W_ACK_OF_FIN);
	CK_NSENT(0);
	ck_assert(!h_timer(TCP_T_REXMT, NULL));
}
END_TEST

START_TEST(test_fin_wait_1_old_ack_stays)
{
	fx_fin_wait_1(_i);
	IN(.flags = TCP_ACK, .seq = P(1), .ack = A(1));
	CK_STATE(TCP_FIN_WAIT_1);
	CK_NSENT(0);
}
END_TEST

START_TEST(test_fin_wait_1_fin_simultaneous_closing)
{
	fx_fin_wait_1(_i);
	IN(.flags = FINACK, .seq = P(1), .ack = A(1));
	CK_STATE(TCP_CLOSING);
	CK_EDGE(TCP_FIN_WAIT_1, TCP_CLOSING, TCP_W_FIN_SIMULTANEOUS);
	CK_NSENT(1);
	CK_SENT(0, TCP_ACK, A(2), P(2), 0);
}
END_TEST

START_TEST(test_fin_wait_1_finack_of_fin_time_wait)
{
	uint64_t due;

	fx_fin_wait_1(_i);
	IN(.flags = FINACK, .seq = P(1), .ack = A(2));
	CK_STATE(TCP_TIME_WAIT);
	CK_EDGE(TCP_FIN_WAIT_1, TCP_TIME_WAIT, TCP_W_FIN_WITH_ACK);
	CK_NSENT(1);
	CK_SENT(0, TCP_ACK, A(2), P(2), 0);
	ck_assert(h_timer(TCP_T_TIME_WAIT, &due));
	ck_assert_uint_eq(due, H.io.now + 2 * (uint64_t)H.cfg.msl_ms);
	ck_assert(!h_timer(TCP_T_REXMT, NULL));
}
END_TEST

START_TEST(test_fin_wait_1_shut_data_still_received)
{
	fx_fin_wait_1_shut(_i);
	IN(.flags = PSHACK, .seq = P(1), .ack = A(1), .len = 30);
	CK_STATE(TCP_FIN_WAIT_1);
	CK_SENT(0, TCP_ACK, A(2), P(31), 0);
	ck_assert_uint_eq(h_count(TCP_EV_DATA), 1);
}
END_TEST

START_TEST(test_fin_wait_1_rst_closed)
{
	fx_fin_wait_1(_i);
	IN(.flags = TCP_RST, .seq = P(1));
	CK_STATE(TCP_CLOSED);
	CK_EDGE(TCP_FIN_WAIT_1, TCP_CLOSED, TCP_W_RST_RESET);
	CK_NSENT(0);
}
END_TEST

START_TEST(test_fin_wait_1_rst_in_window_challenge_ack)
{
	fx_fin_wait_1(_i);
	IN(.flags = TCP_RST, .seq = P(3));
	CK_STATE(TCP_FIN_WAIT_1);
	CK_SENT(0, TCP_ACK, A(2), P(1), 0);
}
END_TEST

START_TEST(test_fin_wait_1_syn_challenge_ack)
{
	fx_fin_wait_1(_i);
	IN(.flags = TCP_SYN, .seq = P(1));
	CK_STATE(TCP_FIN_WAIT_1);
	CK_SENT(0, TCP_ACK, A(2), P(1), 0);
}
END_TEST

START_TEST(test_fin_wait_1_abort_sends_rst)
{
	fx_fin_wait_1(_i);
	ck_assert_int_eq(h_call(TCP_CALL_ABORT, 0), TCP_OK);
	CK_STATE(TCP_CLOSED);
	CK_SENT(0, TCP_RST, A(2), 0, 0);
}
END_TEST

START_TEST(test_fin_wait_1_user_calls_refused)
{
	fx_fin_wait_1(_i);
	ck_assert_int_ne(h_call(TCP_CALL_SEND, 1), TCP_OK);
	ck_assert_int_ne(h_call(TCP_CALL_CLOSE, 0), TCP_OK);
	ck_assert_int_eq(h_call(TCP_CALL_CONNECT, 0), TCP_E_EXISTS);
	CK_NSENT(0);
}
END_TEST

START_TEST(test_fin_wait_1_close_after_shutdown)
{
	fx_fin_wait_1_shut(_i);
	ck_assert_int_eq(h_call(TCP_CALL_CLOSE, 0), TCP_OK);
	CK_STATE(TCP_FIN_WAIT_1);
	CK_NSENT(0);
	ck_assert(H.tcb.rd_closed);
}
END_TEST

/* FIN_WAIT_2. */

START_TEST(test_fin_wait_2_fin_time_wait)
{
	uint64_t due;

	fx_fin_wait_2(_i);
	h_advance(5000);
	IN(.flags = FINACK, .seq = P(1), .ack = A(2));
	CK_STATE(TCP_TIME_WAIT);
	CK_EDGE(TCP_FIN_WAIT_2, TCP_TIME_WAIT, TCP_W_FIN_IN_FIN_WAIT_2);
	CK_NSENT(1);
	CK_SENT(0, TCP_ACK, A(2), P(2), 0);
	ck_assert(h_timer(TCP_T_TIME_WAIT, &due));
	ck_assert_uint_eq(due, 5000 + 2 * (uint64_t)H.cfg.msl_ms);
}
END_TEST

START_TEST(test_fin_wait_2_shut_data_and_eof)
{
	fx_fin_wait_2_shut(_i);
	IN(.flags = PSHACK, .seq = P(1), .ack = A(2), .len = 9);
	CK_SENT(0, TCP_ACK, A(2), P(10), 0);
	IN(.flags = FINACK, .seq = P(10), .ack = A(2));
	CK_STATE(TCP_TIME_WAIT);
	CK_SENT(1, TCP_ACK, A(2), P(11), 0);
	CK_NOTICE(TCP_N_EOF, 1);
}
END_TEST

START_TEST(test_fin_wait_2_rfc9293_waits_forever)
{
	enum tcp_timer t;
	uint64_t due;

	fx_fin_wait_2(_i);
	ck_assert(!tcp_next_timer(&H.tcb, &t, &due));
	h_advance(3600 * 1000);
	CK_STATE(TCP_FIN_WAIT_2);
}
END_TEST

START_TEST(test_fin_wait_2_linux_timeout_after_close)
{
	uint64_t due;

	h_use_linux();
	fx_fin_wait_1(_i);
	h_advance(100);
	IN(.flags = TCP_ACK, .seq = P(1), .ack = A(2));
	CK_STATE(TCP_FIN_WAIT_2);
	ck_assert(h_timer(TCP_T_FIN_WAIT_2, &due));
	ck_assert_uint_eq(due, 100 + 60000);
	h_clear();
	h_advance(59999);
	CK_STATE(TCP_FIN_WAIT_2);
	h_advance(1);
	CK_STATE(TCP_CLOSED);
	CK_EDGE(TCP_FIN_WAIT_2, TCP_CLOSED, TCP_W_FIN_WAIT_2_TIMEOUT);
	CK_NSENT(0);
}
END_TEST

START_TEST(test_fin_wait_2_linux_no_timeout_after_shutdown)
{
	h_use_linux();
	fx_fin_wait_2_shut(_i);
	ck_assert(!h_timer(TCP_T_FIN_WAIT_2, NULL));
	h_advance(3600 * 1000);
	CK_STATE(TCP_FIN_WAIT_2);
}
END_TEST

START_TEST(test_fin_wait_2_linux_fin_stops_timeout)
{
	uint64_t due;

	h_use_linux();
	fx_fin_wait_2(_i);
	h_advance(10000);
	IN(.flags = FINACK, .seq = P(1), .ack = A(2));
	CK_STATE(TCP_TIME_WAIT);
	ck_assert(!h_timer(TCP_T_FIN_WAIT_2, NULL));
	ck_assert(h_timer(TCP_T_TIME_WAIT, &due));
	ck_assert_uint_eq(due, 10000 + 60000);
}
END_TEST

START_TEST(test_fin_wait_2_rst_closed)
{
	fx_fin_wait_2(_i);
	IN(.flags = TCP_RST, .seq = P(1));
	CK_STATE(TCP_CLOSED);
	CK_EDGE(TCP_FIN_WAIT_2, TCP_CLOSED, TCP_W_RST_RESET);
}
END_TEST

START_TEST(test_fin_wait_2_syn_challenge_ack)
{
	fx_fin_wait_2(_i);
	IN(.flags = TCP_SYN, .seq = P(1));
	CK_STATE(TCP_FIN_WAIT_2);
	CK_SENT(0, TCP_ACK, A(2), P(1), 0);
}
END_TEST

START_TEST(test_fin_wait_2_abort_sends_rst)
{
	fx_fin_wait_2(_i);
	ck_assert_int_eq(h_call(TCP_CALL_ABORT, 0), TCP_OK);
	CK_STATE(TCP_CLOSED);
	CK_SENT(0, TCP_RST, A(2), 0, 0);
}
END_TEST

START_TEST(test_fin_wait_2_time_wait_off)
{
	fx_fin_wait_2(_i);
	H.cfg.time_wait = false;
	IN(.flags = FINACK, .seq = P(1), .ack = A(2));
	CK_STATE(TCP_CLOSED);
	ck_assert(h_has_why(TCP_EV_STATE, TCP_W_TIME_WAIT_OFF));
	CK_SENT(0, TCP_ACK, A(2), P(2), 0);
	ck_assert(!h_timer(TCP_T_TIME_WAIT, NULL));
}
END_TEST

/* CLOSE_WAIT. */

START_TEST(test_close_wait_send_data)
{
	fx_close_wait(_i);
	ck_assert_int_eq(h_call(TCP_CALL_SEND, 10), TCP_OK);
	CK_SENT(0, PSHACK, A(1), P(2), 10);
	IN(.flags = TCP_ACK, .seq = P(2), .ack = A(11));
	CK_STATE(TCP_CLOSE_WAIT);
	ck_assert_uint_eq(H.tcb.snd_una, A(11));
}
END_TEST

START_TEST(test_close_wait_close_last_ack)
{
	fx_close_wait(_i);
	ck_assert_int_eq(h_call(TCP_CALL_CLOSE, 0), TCP_OK);
	CK_STATE(TCP_LAST_ACK);
	CK_EDGE(TCP_CLOSE_WAIT, TCP_LAST_ACK, TCP_W_CLOSE_WAIT_FIN);
	CK_NSENT(1);
	CK_SENT(0, FINACK, A(1), P(2), 0);
}
END_TEST

START_TEST(test_close_wait_retransmitted_fin_acked)
{
	fx_close_wait(_i);
	IN(.flags = FINACK, .seq = P(1), .ack = A(1));
	CK_STATE(TCP_CLOSE_WAIT);
	CK_NSENT(1);
	CK_SENT(0, TCP_ACK, A(1), P(2), 0);
	CK_NOTICE(TCP_N_EOF, 0);
}
END_TEST

START_TEST(test_close_wait_data_after_fin_ignored)
{
	fx_close_wait(_i);
	IN(.flags = PSHACK, .seq = P(2), .ack = A(1), .len = 5);
	CK_STATE(TCP_CLOSE_WAIT);
	ck_assert_uint_eq(H.tcb.rcv_nxt, P(2));
	ck_assert_uint_eq(h_count(TCP_EV_DATA), 0);
}
END_TEST

START_TEST(test_close_wait_rst_resets)
{
	fx_close_wait(_i);
	IN(.flags = TCP_RST, .seq = P(2));
	CK_STATE(TCP_CLOSED);
	CK_EDGE(TCP_CLOSE_WAIT, TCP_CLOSED, TCP_W_RST_RESET);
	CK_NOTICE(TCP_N_RESET, 1);
}
END_TEST

START_TEST(test_close_wait_rst_old_seq_dropped)
{
	/* P(1) is the peer's FIN, left of the window now. */
	fx_close_wait(_i);
	IN(.flags = TCP_RST, .seq = P(1));
	CK_STATE(TCP_CLOSE_WAIT);
	CK_NSENT(0);
}
END_TEST

START_TEST(test_close_wait_abort_sends_rst)
{
	fx_close_wait(_i);
	ck_assert_int_eq(h_call(TCP_CALL_ABORT, 0), TCP_OK);
	CK_STATE(TCP_CLOSED);
	CK_SENT(0, TCP_RST, A(1), 0, 0);
}
END_TEST

START_TEST(test_close_wait_shutdown_last_ack)
{
	fx_close_wait(_i);
	ck_assert_int_eq(h_call(TCP_CALL_SHUTDOWN, 0), TCP_OK);
	CK_STATE(TCP_LAST_ACK);
	CK_SENT(0, FINACK, A(1), P(2), 0);
}
END_TEST

START_TEST(test_close_wait_forever)
{
	fx_close_wait(_i);
	h_advance(24u * 3600 * 1000);
	CK_STATE(TCP_CLOSE_WAIT);
	CK_NSENT(0);
}
END_TEST

/* Bug: data after close() was ACKed and delivered to nobody.  RFC 9293
 * 3.6.1 (SHLD-2): RST, <SEQ=SEG.ACK><CTL=RST> as Linux sends it. */
START_TEST(test_fin_wait_1_data_after_close_rst)
{
	fx_fin_wait_1(_i);
	IN(.flags = PSHACK, .seq = P(1), .ack = A(1), .len = 10);
	CK_STATE(TCP_CLOSED);
	CK_EDGE(TCP_FIN_WAIT_1, TCP_CLOSED, TCP_W_DATA_AFTER_CLOSE);
	CK_NSENT(1);
	CK_SENT(0, TCP_RST, A(1), 0, 0);
	ck_assert_uint_eq(h_count(TCP_EV_DATA), 0);
}
END_TEST

/* The ACK step runs first (FIN_WAIT_2), then the data earns the RST. */
START_TEST(test_fin_wait_1_data_acking_fin_after_close_rst)
{
	fx_fin_wait_1(_i);
	IN(.flags = PSHACK, .seq = P(1), .ack = A(2), .len = 10);
	CK_STATE(TCP_CLOSED);
	CK_EDGE(TCP_FIN_WAIT_2, TCP_CLOSED, TCP_W_DATA_AFTER_CLOSE);
	CK_NSENT(1);
	CK_SENT(0, TCP_RST, A(2), 0, 0);
}
END_TEST

START_TEST(test_fin_wait_1_out_of_order_data_after_close_rst)
{
	fx_fin_wait_1(_i);
	IN(.flags = PSHACK, .seq = P(101), .ack = A(1), .len = 10);
	CK_STATE(TCP_CLOSED);
	CK_SENT(0, TCP_RST, A(1), 0, 0);
}
END_TEST

START_TEST(test_fin_wait_2_data_after_close_rst)
{
	fx_fin_wait_2(_i);
	IN(.flags = PSHACK, .seq = P(1), .ack = A(2), .len = 10);
	CK_STATE(TCP_CLOSED);
	CK_EDGE(TCP_FIN_WAIT_2, TCP_CLOSED, TCP_W_DATA_AFTER_CLOSE);
	CK_NSENT(1);
	CK_SENT(0, TCP_RST, A(2), 0, 0);
	CK_NOTICE(TCP_N_CLOSED, 0);
}
END_TEST

/* An old duplicate carries nothing new: ACKed as usual, no RST. */
START_TEST(test_fin_wait_2_old_data_after_close_acked)
{
	fx_fin_wait_2(_i);
	IN(.flags = PSHACK, .seq = P(-9), .ack = A(2), .len = 10);
	CK_STATE(TCP_FIN_WAIT_2);
	CK_NSENT(1);
	CK_SENT(0, TCP_ACK, A(2), P(1), 0);
}
END_TEST

/* After shutdown() the application still reads: no RST. */
START_TEST(test_fin_wait_2_shut_data_not_reset)
{
	fx_fin_wait_2_shut(_i);
	IN(.flags = PSHACK, .seq = P(1), .ack = A(2), .len = 10);
	CK_STATE(TCP_FIN_WAIT_2);
	CK_SENT(0, TCP_ACK, A(2), P(11), 0);
}
END_TEST

START_TEST(test_close_wait_linux_rst_rcv_nxt_minus_1_resets)
{
	h_use_linux();
	fx_close_wait(_i);
	IN(.flags = TCP_RST, .seq = P(1));
	CK_STATE(TCP_CLOSED);
	CK_EDGE(TCP_CLOSE_WAIT, TCP_CLOSED, TCP_W_RST_MINUS_ONE_RESET);
	CK_NOTICE(TCP_N_RESET, 1);
}
END_TEST

/* Linux: data that starts before RCV.NXT and runs past the peer's FIN is
 * new data after the end of the stream: <SEQ=SEG.ACK><CTL=RST>, reset.
 * Data starting at RCV.NXT is ignored, as RFC 9293 says. */
START_TEST(test_close_wait_linux_data_past_fin_resets)
{
	h_use_linux();
	fx_close_wait(_i);
	IN(.flags = PSHACK, .seq = P(2), .ack = A(1), .len = 5);
	CK_STATE(TCP_CLOSE_WAIT);
	h_clear();
	IN(.flags = PSHACK, .seq = P(1), .ack = A(1), .len = 5);
	CK_STATE(TCP_CLOSED);
	CK_EDGE(TCP_CLOSE_WAIT, TCP_CLOSED, TCP_W_DATA_AFTER_FIN_RESET);
	CK_NSENT(1);
	CK_SENT(0, TCP_RST, A(1), 0, 0);
	CK_NOTICE(TCP_N_RESET, 1);
	CK_NOTICE(TCP_N_CLOSED, 0);
	ck_assert_uint_eq(h_count(TCP_EV_DATA), 0);
}
END_TEST

/* The rfc9293 profile ignores it (3.10.7.4, seventh step). */
START_TEST(test_close_wait_rfc9293_data_past_fin_ignored)
{
	fx_close_wait(_i);
	IN(.flags = PSHACK, .seq = P(1), .ack = A(1), .len = 5);
	CK_STATE(TCP_CLOSE_WAIT);
	CK_NSENT(0);
	ck_assert(h_has_why(TCP_EV_DROP, TCP_W_DATA_IGNORED));
}
END_TEST

/* An orphaned FIN-WAIT-2 is Linux's mini socket: any RST in the window
 * deletes it.  After shutdown() the full socket sends a challenge ACK. */
START_TEST(test_fin_wait_2_linux_orphan_rst_in_window_closed)
{
	h_use_linux();
	fx_fin_wait_2(_i);
	IN(.flags = TCP_RST, .seq = P(11));
	CK_STATE(TCP_CLOSED);
	CK_EDGE(TCP_FIN_WAIT_2, TCP_CLOSED, TCP_W_FW2_ORPHAN_RST);
	CK_NSENT(0);
}
END_TEST

START_TEST(test_fin_wait_2_shut_linux_rst_in_window_challenged)
{
	h_use_linux();
	fx_fin_wait_2_shut(_i);
	IN(.flags = TCP_RST, .seq = P(11));
	CK_STATE(TCP_FIN_WAIT_2);
	CK_SENT(0, TCP_ACK, A(2), P(1), 0);
}
END_TEST

/* With app_read manual the eof notice waits for a read past the FIN;
 * a FIN alone unread is no data, so close() sends a FIN. */
START_TEST(test_close_wait_manual_eof_when_read_past_fin)
{
	fx_established(_i);
	H.cfg.app_read_manual = true;
	IN(.flags = PSHACK, .seq = P(1), .ack = A(1), .len = 10);
	IN(.flags = FINACK, .seq = P(11), .ack = A(1));
	CK_STATE(TCP_CLOSE_WAIT);
	CK_NOTICE(TCP_N_EOF, 0);
	ck_assert_int_eq(h_call(TCP_CALL_READ, 10), TCP_OK);
	CK_NOTICE(TCP_N_EOF, 0);
	ck_assert_int_eq(h_call(TCP_CALL_READ, 0), TCP_OK);
	CK_NOTICE(TCP_N_EOF, 1);
	ck_assert(h_has_why(TCP_EV_NOTICE, TCP_W_APP_READ_EOF));
	/* read() at end of file returns 0 at once, every time. */
	ck_assert_int_eq(h_call(TCP_CALL_READ, 0), TCP_OK);
	CK_NOTICE(TCP_N_EOF, 2);
	ck_assert_uint_eq(h_count(TCP_EV_DATA), 1);
}
END_TEST

START_TEST(test_close_wait_manual_unread_data_close_rst)
{
	fx_established(_i);
	H.cfg.app_read_manual = true;
	IN(.flags = PSHACK, .seq = P(1), .ack = A(1), .len = 10);
	IN(.flags = FINACK, .seq = P(11), .ack = A(1));
	h_clear();
	ck_assert_int_eq(h_call(TCP_CALL_CLOSE, 0), TCP_OK);
	CK_EDGE(TCP_CLOSE_WAIT, TCP_CLOSED, TCP_W_CLOSE_UNREAD_RST);
	CK_SENT(0, TCP_RST, A(1), 0, 0);
}
END_TEST

START_TEST(test_close_wait_manual_fin_unread_close_sends_fin)
{
	fx_established(_i);
	H.cfg.app_read_manual = true;
	IN(.flags = FINACK, .seq = P(1), .ack = A(1));
	h_clear();
	ck_assert_int_eq(h_call(TCP_CALL_CLOSE, 0), TCP_OK);
	CK_STATE(TCP_LAST_ACK);
	CK_SENT(0, FINACK, A(1), P(2), 0);
}
END_TEST

/* After close() the application reads nothing more. */
START_TEST(test_fin_wait_1_read_after_close_refused)
{
	fx_fin_wait_1(_i);
	H.cfg.app_read_manual = true;
	ck_assert_int_eq(h_call(TCP_CALL_READ, 0), TCP_E_RDCLOSED);
}
END_TEST

START_TEST(test_fin_wait_2_shut_manual_close_with_unread_rst)
{
	fx_fin_wait_2_shut(_i);
	H.cfg.app_read_manual = true;
	IN(.flags = PSHACK, .seq = P(1), .ack = A(2), .len = 5);
	h_clear();
	ck_assert_int_eq(h_call(TCP_CALL_CLOSE, 0), TCP_OK);
	CK_STATE(TCP_CLOSED);
	CK_SENT(0, TCP_RST, A(2), 0, 0);
}
END_TEST

static Suite *
close_suite(void)
{
	Suite *s = suite_create("tcp_close");
	TCase *tc;

	tc = tcase_create("FIN_WAIT_1");
	ADD_LOOP(tc, test_fin_wait_1_ack_of_fin);
	ADD_LOOP(tc, test_fin_wait_1_old_ack_stays);
	ADD_LOOP(tc, test_fin_wait_1_fin_simultaneous_closing);
	ADD_LOOP(tc, test_fin_wait_1_finack_of_fin_time_wait);
	ADD_LOOP(tc, test_fin_wait_1_shut_data_still_received);
	ADD_LOOP(tc, test_fin_wait_1_rst_closed);
	ADD_LOOP(tc, test_fin_wait_1_rst_in_window_challenge_ack);
	ADD_LOOP(tc, test_fin_wait_1_syn_challenge_ack);
	ADD_LOOP(tc, test_fin_wait_1_abort_sends_rst);
	ADD_LOOP(tc, test_fin_wait_1_user_calls_refused);
	ADD_LOOP(tc, test_fin_wait_1_close_after_shutdown);
	ADD_LOOP(tc, test_fin_wait_1_data_after_close_rst);
	ADD_LOOP(tc, test_fin_wait_1_data_acking_fin_after_close_rst);
	ADD_LOOP(tc, test_fin_wait_1_out_of_order_data_after_close_rst);
	ADD_LOOP(tc, test_fin_wait_2_data_after_close_rst);
	ADD_LOOP(tc, test_fin_wait_2_old_data_after_close_acked);
	ADD_LOOP(tc, test_fin_wait_2_shut_data_not_reset);
	suite_add_tcase(s, tc);

	tc = tcase_create("FIN_WAIT_2");
	ADD_LOOP(tc, test_fin_wait_2_fin_time_wait);
	ADD_LOOP(tc, test_fin_wait_2_shut_data_and_eof);
	ADD_LOOP(tc, test_fin_wait_2_rfc9293_waits_forever);
	ADD_LOOP(tc, test_fin_wait_2_linux_timeout_after_close);
	ADD_LOOP(tc, test_fin_wait_2_linux_no_timeout_after_shutdown);
	ADD_LOOP(tc, test_fin_wait_2_linux_fin_stops_timeout);
	ADD_LOOP(tc, test_fin_wait_2_rst_closed);
	ADD_LOOP(tc, test_fin_wait_2_syn_challenge_ack);
	ADD_LOOP(tc, test_fin_wait_2_abort_sends_rst);
	ADD_LOOP(tc, test_fin_wait_2_time_wait_off);
	suite_add_tcase(s, tc);

	tc = tcase_create("CLOSE_WAIT");
	ADD_LOOP(tc, test_close_wait_send_data);
	ADD_LOOP(tc, test_close_wait_close_last_ack);
	ADD_LOOP(tc, test_close_wait_retransmitted_fin_acked);
	ADD_LOOP(tc, test_close_wait_data_after_fin_ignored);
	ADD_LOOP(tc, test_close_wait_rst_resets);
	ADD_LOOP(tc, test_close_wait_rst_old_seq_dropped);
	ADD_LOOP(tc, test_close_wait_abort_sends_rst);
	ADD_LOOP(tc, test_close_wait_shutdown_last_ack);
	ADD_LOOP(tc, test_close_wait_forever);
	ADD_LOOP(tc, test_close_wait_linux_rst_rcv_nxt_minus_1_resets);
	ADD_LOOP(tc, test_close_wait_linux_data_past_fin_resets);
	ADD_LOOP(tc, test_close_wait_rfc9293_data_past_fin_ignored);
	ADD_LOOP(tc, test_close_wait_manual_eof_when_read_past_fin);
	ADD_LOOP(tc, test_close_wait_manual_unread_data_close_rst);
	ADD_LOOP(tc, test_close_wait_manual_fin_unread_close_sends_fin);
	ADD_LOOP(tc, test_fin_wait_1_read_after_close_refused);
	ADD_LOOP(tc, test_fin_wait_2_shut_manual_close_with_unread_rst);
	ADD_LOOP(tc, test_fin_wait_2_linux_orphan_rst_in_window_closed);
	ADD_LOOP(tc, test_fin_wait_2_shut_linux_rst_in_window_challenged);
	suite_add_tcase(s, tc);

	return s;
}

int
main(void)
{
	return h_run(close_suite());
}
