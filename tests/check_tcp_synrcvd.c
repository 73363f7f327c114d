/*
 * The core in SYN_RECEIVED, reached passively (listen, then a SYN) or
 * actively (connect, then a crossing SYN: simultaneous open); every test
 * runs once per ISN pair (see check_tcp_util.h).  Expectations come from
 * RFC 9293 Sections 3.5 and 3.10.7.4, RFC 5961 for the RST and SYN
 * checks, and the spec for the crossing SYN+ACK and `handshake two`.
 */
#include <check.h>
#include <stdlib.h>

#include "check_tcp_util.h"

/* SYN_RECEIVED (3.10.7.4), passive unless the name says active. */

START_TEST(test_syn_received_ack_established)
{
	fx_syn_rcvd(_i);
	IN(.flags = TCP_ACK, .seq = P(1), .ack = A(1));
	CK_STATE(TCP_ESTABLISHED);
	CK_EDGE(TCP_SYN_RECEIVED, TCP_ESTABLISHED, TCP_W_SYNRCVD_ACK);
	CK_NOTICE(TCP_N_CONNECTED, 1);
	CK_NSENT(0);
	ck_assert_uint_eq(H.tcb.snd_una, A(1));
	ck_assert(!h_timer(TCP_T_REXMT, NULL));
}
END_TEST

START_TEST(test_syn_received_bad_ack_answered_with_rst)
{
	fx_syn_rcvd(_i);
	IN(.flags = TCP_ACK, .seq = P(1), .ack = A(0));
	IN(.flags = TCP_ACK, .seq = P(1), .ack = A(2));
	CK_NSENT(2);
	CK_SENT(0, TCP_RST, A(0), 0, 0);
	CK_SENT(1, TCP_RST, A(2), 0, 0);
	ck_assert_int_eq(h_sent_ev(0)->why, TCP_W_SYNRCVD_BAD_ACK);
	CK_STATE(TCP_SYN_RECEIVED);
}
END_TEST

START_TEST(test_syn_received_rst_passive_back_to_listen)
{
	fx_syn_rcvd(_i);
	IN(.flags = TCP_RST, .seq = P(1));
	CK_STATE(TCP_LISTEN);
	CK_EDGE(TCP_SYN_RECEIVED, TCP_LISTEN, TCP_W_RST_SYNRCVD_PASSIVE);
	CK_NSENT(0);
	/* "The user need not be informed." */
	ck_assert_uint_eq(h_count(TCP_EV_NOTICE), 0);
	ck_assert(!h_timer(TCP_T_REXMT, NULL));
	/* The listener takes the next SYN with a fresh ISS. */
	h_clear();
	IN(.flags = TCP_SYN, .seq = P(100));
	CK_STATE(TCP_SYN_RECEIVED);
	CK_SENT(0, SYNACK, A(1000), P(101), 0);
}
END_TEST

START_TEST(test_syn_received_rst_active_refused)
{
	fx_syn_rcvd_active(_i);
	IN(.flags = TCP_RST, .seq = P(1));
	CK_STATE(TCP_CLOSED);
	CK_EDGE(TCP_SYN_RECEIVED, TCP_CLOSED, TCP_W_RST_SYNRCVD_ACTIVE);
	CK_NOTICE(TCP_N_REFUSED, 1);
	CK_NSENT(0);
}
END_TEST

START_TEST(test_syn_received_rst_in_window_challenge_ack)
{
	fx_syn_rcvd(_i);
	IN(.flags = TCP_RST, .seq = P(2));
	CK_STATE(TCP_SYN_RECEIVED);
	CK_NSENT(1);
	CK_SENT(0, TCP_ACK, A(1), P(1), 0);
	ck_assert_int_eq(h_sent_ev(0)->why, TCP_W_RST_CHALLENGE);
}
END_TEST

START_TEST(test_syn_received_rst_out_of_window_dropped)
{
	fx_syn_rcvd(_i);
	IN(.flags = TCP_RST, .seq = P(0));
	IN(.flags = TCP_RST, .seq = P(1) + H.cfg.rcv_wnd);
	CK_STATE(TCP_SYN_RECEIVED);
	CK_NSENT(0);
}
END_TEST

START_TEST(test_syn_received_syn_in_window_passive_back_to_listen)
{
	fx_syn_rcvd(_i);
	IN(.flags = TCP_SYN, .seq = P(1));
	CK_STATE(TCP_LISTEN);
	CK_EDGE(TCP_SYN_RECEIVED, TCP_LISTEN, TCP_W_SYN_SYNRCVD_PASSIVE);
}
END_TEST

START_TEST(test_syn_received_duplicate_syn_acked)
{
	/* The first check (sequence number) rejects the old SYN. */
	fx_syn_rcvd(_i);
	IN(.flags = TCP_SYN, .seq = P(0));
	CK_STATE(TCP_SYN_RECEIVED);
	CK_NSENT(1);
	ck_assert(h_sent(0)->flags & TCP_ACK);
	ck_assert_uint_eq(h_sent(0)->ack, P(1));
}
END_TEST

START_TEST(test_syn_received_active_syn_challenge_ack)
{
	fx_syn_rcvd_active(_i);
	IN(.flags = TCP_SYN, .seq = P(1));
	CK_STATE(TCP_SYN_RECEIVED);
	CK_NSENT(1);
	CK_SENT(0, TCP_ACK, A(1), P(1), 0);
}
END_TEST

START_TEST(test_syn_received_active_crossing_synack_established)
{
	/* RFC 9293 Section 3.5, the simultaneous open figure, line 6. */
	fx_syn_rcvd_active(_i);
	IN(.flags = SYNACK, .seq = P(0), .ack = A(1));
	CK_STATE(TCP_ESTABLISHED);
	CK_EDGE(TCP_SYN_RECEIVED, TCP_ESTABLISHED, TCP_W_SYNRCVD_SYNACK);
	CK_NOTICE(TCP_N_CONNECTED, 1);
	CK_NSENT(0);
}
END_TEST

START_TEST(test_syn_received_active_plain_ack_established)
{
	fx_syn_rcvd_active(_i);
	IN(.flags = TCP_ACK, .seq = P(1), .ack = A(1));
	CK_STATE(TCP_ESTABLISHED);
	CK_EDGE(TCP_SYN_RECEIVED, TCP_ESTABLISHED, TCP_W_SYNRCVD_ACK);
}
END_TEST

START_TEST(test_syn_received_no_ack_dropped)
{
	fx_syn_rcvd(_i);
	IN(.flags = TCP_PSH, .seq = P(1), .len = 5);
	CK_STATE(TCP_SYN_RECEIVED);
	CK_NSENT(0);
	ck_assert_uint_eq(H.tcb.rcv_nxt, P(1));
	ck_assert(h_has_why(TCP_EV_DROP, TCP_W_NO_ACK));
}
END_TEST

START_TEST(test_syn_received_finack_close_wait)
{
	fx_syn_rcvd(_i);
	IN(.flags = FINACK, .seq = P(1), .ack = A(1));
	CK_STATE(TCP_CLOSE_WAIT);
	CK_EDGE(TCP_SYN_RECEIVED, TCP_ESTABLISHED, TCP_W_SYNRCVD_ACK);
	CK_EDGE(TCP_ESTABLISHED, TCP_CLOSE_WAIT, TCP_W_FIN);
	CK_NSENT(1);
	CK_SENT(0, TCP_ACK, A(1), P(2), 0);
	CK_NOTICE(TCP_N_EOF, 1);
}
END_TEST

START_TEST(test_syn_received_close_sends_fin)
{
	fx_syn_rcvd(_i);
	ck_assert_int_eq(h_call(TCP_CALL_CLOSE, 0), TCP_OK);
	CK_STATE(TCP_FIN_WAIT_1);
	ck_assert(h_has_state(TCP_SYN_RECEIVED, TCP_FIN_WAIT_1, NULL));
	CK_NSENT(1);
	CK_SENT(0, FINACK, A(1), P(1), 0);
	/* The ACK of the SYN alone leaves FIN_WAIT_1; the FIN's ends it. */
	h_clear();
	IN(.flags = TCP_ACK, .seq = P(1), .ack = A(1));
	CK_STATE(TCP_FIN_WAIT_1);
	IN(.flags = TCP_ACK, .seq = P(1), .ack = A(2));
	CK_STATE(TCP_FIN_WAIT_2);
}
END_TEST

START_TEST(test_syn_received_abort_sends_rst)
{
	fx_syn_rcvd(_i);
	ck_assert_int_eq(h_call(TCP_CALL_ABORT, 0), TCP_OK);
	CK_STATE(TCP_CLOSED);
	CK_EDGE(TCP_SYN_RECEIVED, TCP_CLOSED, TCP_W_ABORT_RST);
	CK_NSENT(1);
	CK_SENT(0, TCP_RST, A(1), 0, 0);
}
END_TEST

START_TEST(test_syn_received_handshake_two_what_if)
{
	fx_listen(_i);
	H.cfg.handshake_two = true;
	IN(.flags = TCP_SYN, .seq = P(0));
	CK_STATE(TCP_ESTABLISHED);
	ck_assert(h_has_why(TCP_EV_STATE, TCP_W_HANDSHAKE_TWO));
	CK_NSENT(1);
	CK_SENT(0, SYNACK, A(0), P(1), 0);
}
END_TEST

/* Linux (tcp_check_req): a retransmitted SYN gets the SYN+ACK again. */
START_TEST(test_syn_received_linux_retransmitted_syn_synack_again)
{
	h_use_linux();
	fx_syn_rcvd(_i);
	IN(.flags = TCP_SYN, .seq = P(0));
	CK_STATE(TCP_SYN_RECEIVED);
	CK_NSENT(1);
	CK_SENT(0, SYNACK, A(0), P(1), 0);
	ck_assert_int_eq(h_sent_ev(0)->why, TCP_W_SYNRCVD_SYN_AGAIN);
	/* A third copy at once is throttled (RFC 5961 7). */
	h_clear();
	IN(.flags = TCP_SYN, .seq = P(0));
	CK_NSENT(0);
	ck_assert(h_has_why(TCP_EV_DROP, TCP_W_ACK_THROTTLED));
}
END_TEST

/* Linux completes on the crossing SYN+ACK and ACKs it (six segments). */
START_TEST(test_syn_received_active_linux_crossing_synack_acked)
{
	h_use_linux();
	fx_syn_rcvd_active(_i);
	IN(.flags = SYNACK, .seq = P(0), .ack = A(1));
	CK_STATE(TCP_ESTABLISHED);
	CK_EDGE(TCP_SYN_RECEIVED, TCP_ESTABLISHED, TCP_W_SYNRCVD_SYNACK);
	CK_NSENT(1);
	CK_SENT(0, TCP_ACK, A(1), P(1), 0);
}
END_TEST

/* Linux tcp_check_req: another SYN in the window ends the request with
 * <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK>; RFC 9293 goes back to
 * LISTEN silently. */
START_TEST(test_syn_received_linux_syn_in_window_rst_back_to_listen)
{
	h_use_linux();
	fx_syn_rcvd(_i);
	IN(.flags = TCP_SYN, .seq = P(5));
	CK_STATE(TCP_LISTEN);
	CK_EDGE(TCP_SYN_RECEIVED, TCP_LISTEN, TCP_W_SYNRCVD_SYN_RST);
	CK_NSENT(1);
	CK_SENT(0, RSTACK, 0, P(6), 0);
}
END_TEST

/* A RST in the window but not exact: challenge ACK, as RFC 5961 says. */
START_TEST(test_syn_received_linux_rst_in_window_challenge_ack)
{
	h_use_linux();
	fx_syn_rcvd(_i);
	IN(.flags = TCP_RST, .seq = P(11));
	IN(.flags = TCP_RST, .seq = P(11));
	CK_STATE(TCP_SYN_RECEIVED);
	CK_NSENT(1);
	CK_SENT(0, TCP_ACK, A(1), P(1), 0);
}
END_TEST

static Suite *
synrcvd_suite(void)
{
	Suite *s = suite_create("tcp_syn_received");
	TCase *tc;

	tc = tcase_create("SYN_RECEIVED");
	ADD_LOOP(tc, test_syn_received_ack_established);
	ADD_LOOP(tc, test_syn_received_bad_ack_answered_with_rst);
	ADD_LOOP(tc, test_syn_received_rst_passive_back_to_listen);
	ADD_LOOP(tc, test_syn_received_rst_active_refused);
	ADD_LOOP(tc, test_syn_received_rst_in_window_challenge_ack);
	ADD_LOOP(tc, test_syn_received_rst_out_of_window_dropped);
	ADD_LOOP(tc, test_syn_received_syn_in_window_passive_back_to_listen);
	ADD_LOOP(tc, test_syn_received_duplicate_syn_acked);
	ADD_LOOP(tc, test_syn_received_active_syn_challenge_ack);
	ADD_LOOP(tc, test_syn_received_active_crossing_synack_established);
	ADD_LOOP(tc, test_syn_received_linux_retransmitted_syn_synack_again);
	ADD_LOOP(tc, test_syn_received_active_linux_crossing_synack_acked);
	ADD_LOOP(tc, test_syn_received_linux_syn_in_window_rst_back_to_listen);
	ADD_LOOP(tc, test_syn_received_linux_rst_in_window_challenge_ack);
	ADD_LOOP(tc, test_syn_received_active_plain_ack_established);
	ADD_LOOP(tc, test_syn_received_no_ack_dropped);
	ADD_LOOP(tc, test_syn_received_finack_close_wait);
	ADD_LOOP(tc, test_syn_received_close_sends_fin);
	ADD_LOOP(tc, test_syn_received_abort_sends_rst);
	ADD_LOOP(tc, test_syn_received_handshake_two_what_if);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return h_run(synrcvd_suite());
}
