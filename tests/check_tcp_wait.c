/*
 * The last steps of a close: CLOSING, LAST_ACK and TIME_WAIT, one test
 * case per state, each test once per ISN pair.  Expectations from RFC 9293
 * Sections 3.6, 3.10.5, 3.10.7.4 and 3.10.8, RFC 5961 for RST and SYN.
 *
 * Sequence numbers after the fixtures: our FIN occupies A(1), so
 * SND.NXT = A(2); the peer's FIN occupies P(1), so RCV.NXT = P(2).
 */
#include <check.h>
#include <stdlib.h>

#include "check_tcp_util.h"

/* CLOSING. */

START_TEST(test_closing_ack_of_fin_time_wait)
{
	uint64_t due;

	fx_closing(_i);
	IN(.flags = TCP_ACK, .seq = P(2), .ack = A(2));
	CK_STATE(TCP_TIME_WAIT);
	CK_EDGE(TCP_CLOSING, TCP_TIME_WAIT, TCP_W_CLOSING_ACK_OF_FIN);
	CK_NSENT(0);
	ck_assert(h_timer(TCP_T_TIME_WAIT, &due));
	ck_assert_uint_eq(due, H.io.now + 2 * (uint64_t)H.cfg.msl_ms);
}
END_TEST

START_TEST(test_closing_old_ack_stays)
{
	fx_closing(_i);
	IN(.flags = TCP_ACK, .seq = P(2), .ack = A(1));
	CK_STATE(TCP_CLOSING);
}
END_TEST

START_TEST(test_closing_retransmitted_fin_acked)
{
	fx_closing(_i);
	IN(.flags = FINACK, .seq = P(1), .ack = A(1));
	CK_STATE(TCP_CLOSING);
	CK_SENT(0, TCP_ACK, A(2), P(2), 0);
}
END_TEST

START_TEST(test_closing_rst_closed)
{
	fx_closing(_i);
	IN(.flags = TCP_RST, .seq = P(2));
	CK_STATE(TCP_CLOSED);
	CK_EDGE(TCP_CLOSING, TCP_CLOSED, TCP_W_RST_CLOSING);
	CK_NSENT(0);
}
END_TEST

START_TEST(test_closing_abort_silent)
{
	fx_closing(_i);
	ck_assert_int_eq(h_call(TCP_CALL_ABORT, 0), TCP_OK);
	CK_STATE(TCP_CLOSED);
	CK_EDGE(TCP_CLOSING, TCP_CLOSED, TCP_W_ABORT_SILENT);
	CK_NSENT(0);
}
END_TEST

START_TEST(test_closing_time_wait_off)
{
	fx_closing(_i);
	H.cfg.time_wait = false;
	IN(.flags = TCP_ACK, .seq = P(2), .ack = A(2));
	CK_STATE(TCP_CLOSED);
}
END_TEST

/* LAST_ACK. */

START_TEST(test_last_ack_ack_of_fin_closed)
{
	fx_last_ack(_i);
	IN(.flags = TCP_ACK, .seq = P(2), .ack = A(2));
	CK_STATE(TCP_CLOSED);
	CK_EDGE(TCP_LAST_ACK, TCP_CLOSED, TCP_W_LAST_ACK_ACK_OF_FIN);
	CK_NOTICE(TCP_N_CLOSED, 1);
	CK_NSENT(0);
	ck_assert(!h_timer(TCP_T_REXMT, NULL));
}
END_TEST

START_TEST(test_last_ack_old_ack_stays)
{
	fx_last_ack(_i);
	IN(.flags = TCP_ACK, .seq = P(2), .ack = A(1));
	CK_STATE(TCP_LAST_ACK);
}
END_TEST

START_TEST(test_last_ack_rst_closed)
{
	fx_last_ack(_i);
	IN(.flags = TCP_RST, .seq = P(2));
	CK_STATE(TCP_CLOSED);
	CK_EDGE(TCP_LAST_ACK, TCP_CLOSED, TCP_W_RST_CLOSING);
}
END_TEST

START_TEST(test_last_ack_abort_silent)
{
	fx_last_ack(_i);
	ck_assert_int_eq(h_call(TCP_CALL_ABORT, 0), TCP_OK);
	CK_STATE(TCP_CLOSED);
	CK_NSENT(0);
}
END_TEST

START_TEST(test_last_ack_fin_retransmitted)
{
	fx_last_ack(_i);
	ck_assert(h_fire_next(NULL));
	ck_assert_uint_eq(H.io.now, H.cfg.rto_ms);
	CK_SENT(0, FINACK, A(1), P(2), 0);
	ck_assert(h_sent_ev(0)->rexmit);
	CK_STATE(TCP_LAST_ACK);
}
END_TEST

/* TIME_WAIT. */

START_TEST(test_time_wait_retransmitted_fin_restarts_2msl)
{
	uint64_t due;

	fx_time_wait(_i);
	h_advance(30000);
	IN(.flags = FINACK, .seq = P(1), .ack = A(2));
	CK_STATE(TCP_TIME_WAIT);
	CK_NSENT(1);
	CK_SENT(0, TCP_ACK, A(2), P(2), 0);
	ck_assert_int_eq(h_sent_ev(0)->why, TCP_W_TW_FIN_AGAIN);
	ck_assert(h_timer(TCP_T_TIME_WAIT, &due));
	ck_assert_uint_eq(due, 30000 + 2 * (uint64_t)H.cfg.msl_ms);
}
END_TEST

START_TEST(test_time_wait_2msl_closed)
{
	fx_time_wait(_i);
	h_advance(2 * (uint64_t)H.cfg.msl_ms - 1);
	CK_STATE(TCP_TIME_WAIT);
	h_advance(1);
	CK_STATE(TCP_CLOSED);
	CK_EDGE(TCP_TIME_WAIT, TCP_CLOSED, TCP_W_TIME_WAIT_DONE);
	CK_NSENT(0);
	ck_assert_uint_eq(H.cfg.msl_ms, 120000);
}
END_TEST

START_TEST(test_time_wait_linux_60s)
{
	h_use_linux();
	fx_time_wait(_i);
	h_advance(59999);
	CK_STATE(TCP_TIME_WAIT);
	h_advance(1);
	CK_STATE(TCP_CLOSED);
}
END_TEST

START_TEST(test_time_wait_rst_closed)
{
	fx_time_wait(_i);
	IN(.flags = TCP_RST, .seq = P(2));
	CK_STATE(TCP_CLOSED);
	CK_EDGE(TCP_TIME_WAIT, TCP_CLOSED, TCP_W_RST_CLOSING);
}
END_TEST

START_TEST(test_time_wait_syn_challenge_ack)
{
	fx_time_wait(_i);
	IN(.flags = TCP_SYN, .seq = P(2));
	CK_STATE(TCP_TIME_WAIT);
	CK_SENT(0, TCP_ACK, A(2), P(2), 0);
}
END_TEST

START_TEST(test_time_wait_abort_silent)
{
	fx_time_wait(_i);
	ck_assert_int_eq(h_call(TCP_CALL_ABORT, 0), TCP_OK);
	CK_STATE(TCP_CLOSED);
	CK_NSENT(0);
}
END_TEST

START_TEST(test_time_wait_user_calls_refused)
{
	fx_time_wait(_i);
	ck_assert_int_ne(h_call(TCP_CALL_SEND, 1), TCP_OK);
	ck_assert_int_ne(h_call(TCP_CALL_CLOSE, 0), TCP_OK);
	ck_assert_int_eq(h_call(TCP_CALL_CONNECT, 0), TCP_E_EXISTS);
}
END_TEST

/* Linux tcp_timewait_state_process: a RST not at RCV.NXT is ignored --
 * no challenge ACK, which a CLOSED peer would answer with a RST at the
 * right number (TIME-WAIT assassination). */
START_TEST(test_time_wait_linux_rst_in_window_ignored)
{
	h_use_linux();
	fx_time_wait(_i);
	IN(.flags = TCP_RST, .seq = P(12));
	IN(.flags = RSTACK, .seq = P(12), .ack = A(2));
	IN(.flags = TCP_RST, .seq = P(1));
	CK_STATE(TCP_TIME_WAIT);
	CK_NSENT(0);
	ck_assert(h_has_why(TCP_EV_DROP, TCP_W_TW_RST_IGNORED));
	IN(.flags = TCP_RST, .seq = P(2));
	CK_STATE(TCP_CLOSED);
}
END_TEST

START_TEST(test_time_wait_rfc9293_rst_in_window_challenged)
{
	fx_time_wait(_i);
	IN(.flags = TCP_RST, .seq = P(12));
	CK_STATE(TCP_TIME_WAIT);
	CK_NSENT(1);
	CK_SENT(0, TCP_ACK, A(2), P(2), 0);
}
END_TEST

/* A bare ACK at RCV.NXT restarts the timer and is not answered. */
START_TEST(test_time_wait_linux_bare_ack_restarts_quietly)
{
	uint64_t due;

	h_use_linux();
	fx_time_wait(_i);
	h_advance(10000);
	h_clear();
	IN(.flags = TCP_ACK, .seq = P(2), .ack = A(2));
	CK_NSENT(0);
	ck_assert(h_timer(TCP_T_TIME_WAIT, &due));
	ck_assert_uint_eq(due, H.io.now + 60000);
}
END_TEST

/* Data and a retransmitted FIN are ACKed every time (not throttled). */
START_TEST(test_time_wait_linux_data_and_fin_acked)
{
	h_use_linux();
	fx_time_wait(_i);
	IN(.flags = PSHACK, .seq = P(2), .ack = A(2), .len = 10);
	IN(.flags = PSHACK, .seq = P(2), .ack = A(2), .len = 10);
	IN(.flags = FINACK, .seq = P(1), .ack = A(2));
	CK_NSENT(3);
	CK_SENT(2, TCP_ACK, A(2), P(2), 0);
	CK_STATE(TCP_TIME_WAIT);
}
END_TEST

/* A new SYN above RCV.NXT would reach a listener; without one: ACK. */
START_TEST(test_time_wait_linux_new_syn_acked)
{
	h_use_linux();
	fx_time_wait(_i);
	IN(.flags = TCP_SYN, .seq = P(5000));
	IN(.flags = TCP_SYN, .seq = P(5000));
	CK_NSENT(2);
	CK_SENT(0, TCP_ACK, A(2), P(2), 0);
	ck_assert_int_eq(h_sent_ev(0)->why, TCP_W_TW_NEW_SYN);
	CK_STATE(TCP_TIME_WAIT);
}
END_TEST

/* An ACK-less SYN below RCV.NXT is ACKed but leaves the 2MSL timer
 * alone (tcp_timewait_state_process: reschedule only with ACK), and the
 * trace says so. */
START_TEST(test_time_wait_linux_ackless_syn_no_restart)
{
	uint64_t before, after;

	h_use_linux();
	fx_time_wait(_i);
	ck_assert(h_timer(TCP_T_TIME_WAIT, &before));
	h_advance(10000);
	h_clear();
	IN(.flags = TCP_SYN, .seq = P(1));
	CK_NSENT(1);
	CK_SENT(0, TCP_ACK, A(2), P(2), 0);
	ck_assert_int_eq(h_sent_ev(0)->why, TCP_W_TW_ACK_NO_RESTART);
	ck_assert(h_timer(TCP_T_TIME_WAIT, &after));
	ck_assert_uint_eq(after, before);
	CK_STATE(TCP_TIME_WAIT);
}
END_TEST

/* Linux tcp_reset_check: RST at RCV.NXT-1 after the peer's FIN. */
START_TEST(test_closing_linux_rst_rcv_nxt_minus_1_closed)
{
	h_use_linux();
	fx_closing(_i);
	IN(.flags = TCP_RST, .seq = P(1));
	CK_STATE(TCP_CLOSED);
	CK_EDGE(TCP_CLOSING, TCP_CLOSED, TCP_W_RST_MINUS_ONE);
	CK_NSENT(0);
}
END_TEST

START_TEST(test_last_ack_linux_rst_rcv_nxt_minus_1_closed)
{
	h_use_linux();
	fx_last_ack(_i);
	IN(.flags = TCP_RST, .seq = P(1));
	CK_STATE(TCP_CLOSED);
	CK_EDGE(TCP_LAST_ACK, TCP_CLOSED, TCP_W_RST_MINUS_ONE);
}
END_TEST

START_TEST(test_last_ack_rfc9293_rst_rcv_nxt_minus_1_dropped)
{
	fx_last_ack(_i);
	IN(.flags = TCP_RST, .seq = P(1));
	CK_STATE(TCP_LAST_ACK);
	CK_NSENT(0);
}
END_TEST

/* Linux: data running past the peer's FIN resets from CLOSING and
 * LAST_ACK too, with <SEQ=SEG.ACK><CTL=RST>; the application has closed,
 * so no notice. */
START_TEST(test_closing_linux_data_past_fin_rst)
{
	h_use_linux();
	fx_closing(_i);
	IN(.flags = PSHACK, .seq = P(1), .ack = A(1), .len = 5);
	CK_STATE(TCP_CLOSED);
	CK_EDGE(TCP_CLOSING, TCP_CLOSED, TCP_W_DATA_AFTER_FIN_RST);
	CK_NSENT(1);
	CK_SENT(0, TCP_RST, A(1), 0, 0);
	CK_NOTICE(TCP_N_RESET, 0);
}
END_TEST

START_TEST(test_last_ack_linux_data_past_fin_rst)
{
	h_use_linux();
	fx_last_ack(_i);
	IN(.flags = PSHACK, .seq = P(1), .ack = A(1), .len = 3);
	CK_STATE(TCP_CLOSED);
	CK_EDGE(TCP_LAST_ACK, TCP_CLOSED, TCP_W_DATA_AFTER_FIN_RST);
	CK_NSENT(1);
	CK_SENT(0, TCP_RST, A(1), 0, 0);
}
END_TEST

static Suite *
wait_suite(void)
{
	Suite *s = suite_create("tcp_closing_states");
	TCase *tc;

	tc = tcase_create("CLOSING");
	ADD_LOOP(tc, test_closing_ack_of_fin_time_wait);
	ADD_LOOP(tc, test_closing_old_ack_stays);
	ADD_LOOP(tc, test_closing_retransmitted_fin_acked);
	ADD_LOOP(tc, test_closing_rst_closed);
	ADD_LOOP(tc, test_closing_abort_silent);
	ADD_LOOP(tc, test_closing_time_wait_off);
	suite_add_tcase(s, tc);

	tc = tcase_create("LAST_ACK");
	ADD_LOOP(tc, test_last_ack_ack_of_fin_closed);
	ADD_LOOP(tc, test_last_ack_old_ack_stays);
	ADD_LOOP(tc, test_last_ack_rst_closed);
	ADD_LOOP(tc, test_last_ack_abort_silent);
	ADD_LOOP(tc, test_last_ack_fin_retransmitted);
	suite_add_tcase(s, tc);

	tc = tcase_create("TIME_WAIT");
	ADD_LOOP(tc, test_time_wait_retransmitted_fin_restarts_2msl);
	ADD_LOOP(tc, test_time_wait_2msl_closed);
	ADD_LOOP(tc, test_time_wait_linux_60s);
	ADD_LOOP(tc, test_time_wait_rst_closed);
	ADD_LOOP(tc, test_time_wait_syn_challenge_ack);
	ADD_LOOP(tc, test_time_wait_abort_silent);
	ADD_LOOP(tc, test_time_wait_user_calls_refused);
	ADD_LOOP(tc, test_time_wait_linux_rst_in_window_ignored);
	ADD_LOOP(tc, test_time_wait_rfc9293_rst_in_window_challenged);
	ADD_LOOP(tc, test_time_wait_linux_bare_ack_restarts_quietly);
	ADD_LOOP(tc, test_time_wait_linux_data_and_fin_acked);
	ADD_LOOP(tc, test_time_wait_linux_new_syn_acked);
	ADD_LOOP(tc, test_time_wait_linux_ackless_syn_no_restart);
	ADD_LOOP(tc, test_closing_linux_rst_rcv_nxt_minus_1_closed);
	ADD_LOOP(tc, test_last_ack_linux_rst_rcv_nxt_minus_1_closed);
	ADD_LOOP(tc, test_last_ack_rfc9293_rst_rcv_nxt_minus_1_dropped);
	ADD_LOOP(tc, test_closing_linux_data_past_fin_rst);
	ADD_LOOP(tc, test_last_ack_linux_data_past_fin_rst);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return h_run(wait_suite());
}
