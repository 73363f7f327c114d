/*
 * Opening a connection: the core in CLOSED, LISTEN and SYN_SENT, one
 * test case per state, every test run once per ISN pair (see
 * check_tcp_util.h).  Expectations come from RFC 9293 Sections 3.5, 3.10.1
 * and 3.10.7.1 to 3.10.7.3.  SYN_RECEIVED is in check_tcp_synrcvd.c.
 */
#include <check.h>
#include <stdlib.h>

#include "check_tcp_util.h"

/* CLOSED (3.10.7.1): no TCB; every segment but a RST draws a RST. */

START_TEST(test_closed_rst_dropped)
{
	fx_closed(_i);
	IN(.flags = TCP_RST, .seq = P(0));
	IN(.flags = RSTACK, .seq = P(0), .ack = A(1));
	CK_NSENT(0);
	CK_STATE(TCP_CLOSED);
	ck_assert(h_has_why(TCP_EV_DROP, TCP_W_CLOSED_RST_DROP));
}
END_TEST

START_TEST(test_closed_ack_answered_with_rst_at_seg_ack)
{
	fx_closed(_i);
	IN(.flags = TCP_ACK, .seq = P(5), .ack = A(7));
	CK_NSENT(1);
	CK_SENT(0, TCP_RST, A(7), 0, 0);
	ck_assert_int_eq(h_sent_ev(0)->why, TCP_W_CLOSED_RST_REPLY);
	CK_STATE(TCP_CLOSED);
	CK_NO_STATE_CHANGE();
}
END_TEST

START_TEST(test_closed_syn_answered_with_rst_ack)
{
	fx_closed(_i);
	IN(.flags = TCP_SYN, .seq = P(0));
	CK_NSENT(1);
	CK_SENT(0, RSTACK, 0, P(1), 0);
	CK_STATE(TCP_CLOSED);
}
END_TEST

START_TEST(test_closed_data_without_ack_rst_acks_its_length)
{
	fx_closed(_i);
	IN(.flags = TCP_PSH | TCP_FIN, .seq = P(1), .len = 10);
	CK_NSENT(1);
	CK_SENT(0, RSTACK, 0, P(12), 0);
}
END_TEST

START_TEST(test_closed_finack_answered_with_rst)
{
	fx_closed(_i);
	IN(.flags = FINACK, .seq = P(1), .ack = A(2));
	CK_NSENT(1);
	CK_SENT(0, TCP_RST, A(2), 0, 0);
}
END_TEST

START_TEST(test_closed_user_calls)
{
	fx_closed(_i);
	ck_assert_int_eq(h_call(TCP_CALL_SEND, 10), TCP_E_NOCONN);
	ck_assert_int_eq(h_call(TCP_CALL_CLOSE, 0), TCP_E_NOCONN);
	ck_assert_int_eq(h_call(TCP_CALL_SHUTDOWN, 0), TCP_E_NOCONN);
	ck_assert_int_ne(h_call(TCP_CALL_ABORT, 0), TCP_OK);
	CK_NSENT(0);
}
END_TEST

START_TEST(test_closed_listen)
{
	fx_closed(_i);
	ck_assert_int_eq(h_call(TCP_CALL_LISTEN, 0), TCP_OK);
	CK_STATE(TCP_LISTEN);
	CK_EDGE(TCP_CLOSED, TCP_LISTEN, TCP_W_OPEN_PASSIVE);
	CK_NSENT(0);
}
END_TEST

START_TEST(test_closed_connect_sends_syn)
{
	uint64_t due;

	fx_closed(_i);
	ck_assert_int_eq(h_call(TCP_CALL_CONNECT, 0), TCP_OK);
	CK_STATE(TCP_SYN_SENT);
	CK_EDGE(TCP_CLOSED, TCP_SYN_SENT, TCP_W_OPEN_ACTIVE);
	CK_NSENT(1);
	CK_SENT(0, TCP_SYN, A(0), 0, 0);
	ck_assert_uint_eq(H.tcb.iss, A(0));
	ck_assert_uint_eq(H.tcb.snd_una, A(0));
	ck_assert_uint_eq(H.tcb.snd_nxt, A(1));
	ck_assert(h_timer(TCP_T_REXMT, &due));
	ck_assert_uint_eq(due, H.cfg.rto_ms);
}
END_TEST

START_TEST(test_closed_crash_is_silent)
{
	enum tcp_timer t;
	uint64_t due;

	fx_established(_i);
	ck_assert_int_eq(h_call(TCP_CALL_SEND, 10), TCP_OK);
	h_clear();
	tcp_crash(&H.tcb, &H.io);
	CK_STATE(TCP_CLOSED);
	CK_EDGE(TCP_ESTABLISHED, TCP_CLOSED, TCP_W_CRASH);
	CK_NSENT(0);
	ck_assert_uint_eq(h_count(TCP_EV_NOTICE), 0);
	ck_assert(!tcp_next_timer(&H.tcb, &t, &due));
	IN(.flags = TCP_ACK, .seq = P(1), .ack = A(1));
	CK_SENT(0, TCP_RST, A(1), 0, 0);
}
END_TEST

/* LISTEN (3.10.7.2): first RST, then ACK, then SYN. */

START_TEST(test_listen_rst_ignored)
{
	fx_listen(_i);
	IN(.flags = TCP_RST, .seq = P(0));
	CK_NSENT(0);
	CK_STATE(TCP_LISTEN);
	ck_assert(h_has_why(TCP_EV_DROP, TCP_W_LISTEN_RST));
}
END_TEST

START_TEST(test_listen_ack_answered_with_rst)
{
	fx_listen(_i);
	IN(.flags = TCP_ACK, .seq = P(1), .ack = A(55));
	CK_NSENT(1);
	CK_SENT(0, TCP_RST, A(55), 0, 0);
	ck_assert_int_eq(h_sent_ev(0)->why, TCP_W_LISTEN_ACK);
	CK_STATE(TCP_LISTEN);
}
END_TEST

START_TEST(test_listen_synack_answered_with_rst)
{
	/* The ACK check comes before the SYN check. */
	fx_listen(_i);
	IN(.flags = SYNACK, .seq = P(0), .ack = A(9));
	CK_NSENT(1);
	CK_SENT(0, TCP_RST, A(9), 0, 0);
	CK_STATE(TCP_LISTEN);
}
END_TEST

START_TEST(test_listen_syn_sends_synack)
{
	fx_listen(_i);
	IN(.flags = TCP_SYN, .seq = P(0));
	CK_STATE(TCP_SYN_RECEIVED);
	CK_EDGE(TCP_LISTEN, TCP_SYN_RECEIVED, TCP_W_LISTEN_SYN);
	CK_NSENT(1);
	CK_SENT(0, SYNACK, A(0), P(1), 0);
	ck_assert(H.tcb.passive);
	ck_assert(H.tcb.irs_valid);
	ck_assert_uint_eq(H.tcb.irs, P(0));
	ck_assert_uint_eq(H.tcb.rcv_nxt, P(1));
	ck_assert_uint_eq(H.tcb.snd_una, A(0));
	ck_assert_uint_eq(H.tcb.snd_nxt, A(1));
	ck_assert(h_timer(TCP_T_REXMT, NULL));
	CK_NOTICE(TCP_N_CONNECTED, 0);
}
END_TEST

START_TEST(test_listen_fin_or_data_dropped)
{
	fx_listen(_i);
	IN(.flags = TCP_FIN, .seq = P(1));
	IN(.flags = TCP_PSH, .seq = P(1), .len = 4);
	CK_NSENT(0);
	CK_STATE(TCP_LISTEN);
	ck_assert(h_has_why(TCP_EV_DROP, TCP_W_LISTEN_OTHER));
}
END_TEST

/* Linux tcp_rcv_state_process: a SYN with FIN in LISTEN is discarded;
 * the rfc9293 profile takes the SYN (3.10.7.2). */
START_TEST(test_listen_linux_syn_fin_dropped)
{
	h_use_linux();
	fx_listen(_i);
	IN(.flags = TCP_SYN | TCP_FIN, .seq = P(0));
	CK_STATE(TCP_LISTEN);
	CK_NSENT(0);
	ck_assert(h_has_why(TCP_EV_DROP, TCP_W_LISTEN_SYN_FIN));
	ck_assert(!h_timer(TCP_T_REXMT, NULL));
}
END_TEST

START_TEST(test_listen_close_deletes_tcb)
{
	fx_listen(_i);
	ck_assert_int_eq(h_call(TCP_CALL_CLOSE, 0), TCP_OK);
	CK_STATE(TCP_CLOSED);
	CK_EDGE(TCP_LISTEN, TCP_CLOSED, TCP_W_CLOSE_LISTEN);
	CK_NSENT(0);
}
END_TEST

START_TEST(test_listen_abort_silent)
{
	fx_listen(_i);
	ck_assert_int_eq(h_call(TCP_CALL_ABORT, 0), TCP_OK);
	CK_STATE(TCP_CLOSED);
	CK_EDGE(TCP_LISTEN, TCP_CLOSED, TCP_W_ABORT_SILENT);
	CK_NSENT(0);
}
END_TEST

START_TEST(test_listen_connect_turns_active)
{
	fx_listen(_i);
	ck_assert_int_eq(h_call(TCP_CALL_CONNECT, 0), TCP_OK);
	CK_STATE(TCP_SYN_SENT);
	CK_EDGE(TCP_LISTEN, TCP_SYN_SENT, TCP_W_OPEN_LISTEN_ACTIVE);
	CK_SENT(0, TCP_SYN, A(0), 0, 0);
}
END_TEST

START_TEST(test_listen_user_calls_refused)
{
	fx_listen(_i);
	ck_assert_int_eq(h_call(TCP_CALL_LISTEN, 0), TCP_E_EXISTS);
	ck_assert_int_eq(h_call(TCP_CALL_SEND, 1), TCP_E_LISTENING);
	CK_STATE(TCP_LISTEN);
}
END_TEST

/* SYN_SENT (3.10.7.3). */

START_TEST(test_syn_sent_bad_ack_answered_with_rst)
{
	fx_syn_sent(_i);
	/* SEG.ACK =< ISS */
	IN(.flags = TCP_ACK, .seq = P(0), .ack = A(0));
	/* SEG.ACK > SND.NXT */
	IN(.flags = SYNACK, .seq = P(0), .ack = A(2));
	CK_NSENT(2);
	CK_SENT(0, TCP_RST, A(0), 0, 0);
	CK_SENT(1, TCP_RST, A(2), 0, 0);
	ck_assert_int_eq(h_sent_ev(0)->why, TCP_W_SYNSENT_BAD_ACK);
	CK_STATE(TCP_SYN_SENT);
	CK_NO_STATE_CHANGE();
}
END_TEST

START_TEST(test_syn_sent_bad_ack_far_below_iss)
{
	fx_syn_sent(_i);
	IN(.flags = SYNACK, .seq = P(0), .ack = A(-9));
	CK_NSENT(1);
	CK_SENT(0, TCP_RST, A(-9), 0, 0);
	CK_STATE(TCP_SYN_SENT);
}
END_TEST

START_TEST(test_syn_sent_rst_bad_ack_dropped)
{
	fx_syn_sent(_i);
	IN(.flags = RSTACK, .seq = P(0), .ack = A(0));
	IN(.flags = RSTACK, .seq = P(0), .ack = A(5));
	CK_NSENT(0);
	CK_STATE(TCP_SYN_SENT);
	ck_assert(h_has_why(TCP_EV_DROP, TCP_W_SYNSENT_BAD_ACK_RST));
}
END_TEST

START_TEST(test_syn_sent_rst_acceptable_ack_refused)
{
	fx_syn_sent(_i);
	IN(.flags = RSTACK, .seq = 0, .ack = A(1));
	CK_STATE(TCP_CLOSED);
	CK_EDGE(TCP_SYN_SENT, TCP_CLOSED, TCP_W_SYNSENT_RST);
	CK_NOTICE(TCP_N_REFUSED, 1);
	CK_NSENT(0);
	ck_assert(!h_timer(TCP_T_REXMT, NULL));
}
END_TEST

START_TEST(test_syn_sent_rst_without_ack_dropped)
{
	fx_syn_sent(_i);
	IN(.flags = TCP_RST, .seq = P(0));
	CK_STATE(TCP_SYN_SENT);
	CK_NSENT(0);
	ck_assert(h_has_why(TCP_EV_DROP, TCP_W_SYNSENT_RST_NOACK));
}
END_TEST

START_TEST(test_syn_sent_synack_established)
{
	fx_syn_sent(_i);
	IN(.flags = SYNACK, .seq = P(0), .ack = A(1));
	CK_STATE(TCP_ESTABLISHED);
	CK_EDGE(TCP_SYN_SENT, TCP_ESTABLISHED, TCP_W_SYNSENT_SYNACK);
	CK_NSENT(1);
	CK_SENT(0, TCP_ACK, A(1), P(1), 0);
	CK_NOTICE(TCP_N_CONNECTED, 1);
	ck_assert_uint_eq(H.tcb.irs, P(0));
	ck_assert_uint_eq(H.tcb.rcv_nxt, P(1));
	ck_assert_uint_eq(H.tcb.snd_una, A(1));
	ck_assert(!h_timer(TCP_T_REXMT, NULL));
}
END_TEST

START_TEST(test_syn_sent_syn_simultaneous_open)
{
	fx_syn_sent(_i);
	IN(.flags = TCP_SYN, .seq = P(0));
	CK_STATE(TCP_SYN_RECEIVED);
	CK_EDGE(TCP_SYN_SENT, TCP_SYN_RECEIVED, TCP_W_SYNSENT_SYN);
	CK_NSENT(1);
	CK_SENT(0, SYNACK, A(0), P(1), 0);
	ck_assert(!H.tcb.passive);
	ck_assert_uint_eq(H.tcb.rcv_nxt, P(1));
}
END_TEST

START_TEST(test_syn_sent_neither_syn_nor_rst_dropped)
{
	fx_syn_sent(_i);
	IN(.flags = TCP_ACK, .seq = P(1), .ack = A(1));
	IN(.flags = FINACK, .seq = P(1), .ack = A(1));
	IN(.flags = TCP_FIN, .seq = P(1));
	CK_STATE(TCP_SYN_SENT);
	CK_NSENT(0);
	ck_assert(h_has_why(TCP_EV_DROP, TCP_W_SYNSENT_OTHER));
}
END_TEST

START_TEST(test_syn_sent_close_deletes_tcb)
{
	enum tcp_timer t;
	uint64_t due;

	fx_syn_sent(_i);
	ck_assert_int_eq(h_call(TCP_CALL_CLOSE, 0), TCP_OK);
	CK_STATE(TCP_CLOSED);
	CK_EDGE(TCP_SYN_SENT, TCP_CLOSED, TCP_W_CLOSE_SYN_SENT);
	CK_NSENT(0);
	ck_assert(!tcp_next_timer(&H.tcb, &t, &due));
}
END_TEST

START_TEST(test_syn_sent_abort_silent)
{
	fx_syn_sent(_i);
	ck_assert_int_eq(h_call(TCP_CALL_ABORT, 0), TCP_OK);
	CK_STATE(TCP_CLOSED);
	CK_EDGE(TCP_SYN_SENT, TCP_CLOSED, TCP_W_ABORT_SILENT);
	CK_NSENT(0);
}
END_TEST

START_TEST(test_syn_sent_user_calls_refused)
{
	fx_syn_sent(_i);
	ck_assert_int_eq(h_call(TCP_CALL_CONNECT, 0), TCP_E_EXISTS);
	ck_assert_int_eq(h_call(TCP_CALL_LISTEN, 0), TCP_E_EXISTS);
	ck_assert_int_ne(h_call(TCP_CALL_SEND, 1), TCP_OK);
	CK_NSENT(0);
}
END_TEST

START_TEST(test_syn_sent_connect_again_after_refused)
{
	fx_syn_sent(_i);
	IN(.flags = RSTACK, .seq = 0, .ack = A(1));
	CK_STATE(TCP_CLOSED);
	h_clear();
	ck_assert_int_eq(h_call(TCP_CALL_CONNECT, 0), TCP_OK);
	CK_SENT(0, TCP_SYN, A(1000), 0, 0);
}
END_TEST

static Suite *
open_suite(void)
{
	Suite *s = suite_create("tcp_open");
	TCase *tc;

	tc = tcase_create("CLOSED");
	ADD_LOOP(tc, test_closed_rst_dropped);
	ADD_LOOP(tc, test_closed_ack_answered_with_rst_at_seg_ack);
	ADD_LOOP(tc, test_closed_syn_answered_with_rst_ack);
	ADD_LOOP(tc, test_closed_data_without_ack_rst_acks_its_length);
	ADD_LOOP(tc, test_closed_finack_answered_with_rst);
	ADD_LOOP(tc, test_closed_user_calls);
	ADD_LOOP(tc, test_closed_listen);
	ADD_LOOP(tc, test_closed_connect_sends_syn);
	ADD_LOOP(tc, test_closed_crash_is_silent);
	suite_add_tcase(s, tc);

	tc = tcase_create("LISTEN");
	ADD_LOOP(tc, test_listen_rst_ignored);
	ADD_LOOP(tc, test_listen_ack_answered_with_rst);
	ADD_LOOP(tc, test_listen_synack_answered_with_rst);
	ADD_LOOP(tc, test_listen_syn_sends_synack);
	ADD_LOOP(tc, test_listen_fin_or_data_dropped);
	ADD_LOOP(tc, test_listen_linux_syn_fin_dropped);
	ADD_LOOP(tc, test_listen_close_deletes_tcb);
	ADD_LOOP(tc, test_listen_abort_silent);
	ADD_LOOP(tc, test_listen_connect_turns_active);
	ADD_LOOP(tc, test_listen_user_calls_refused);
	suite_add_tcase(s, tc);

	tc = tcase_create("SYN_SENT");
	ADD_LOOP(tc, test_syn_sent_bad_ack_answered_with_rst);
	ADD_LOOP(tc, test_syn_sent_bad_ack_far_below_iss);
	ADD_LOOP(tc, test_syn_sent_rst_bad_ack_dropped);
	ADD_LOOP(tc, test_syn_sent_rst_acceptable_ack_refused);
	ADD_LOOP(tc, test_syn_sent_rst_without_ack_dropped);
	ADD_LOOP(tc, test_syn_sent_synack_established);
	ADD_LOOP(tc, test_syn_sent_syn_simultaneous_open);
	ADD_LOOP(tc, test_syn_sent_neither_syn_nor_rst_dropped);
	ADD_LOOP(tc, test_syn_sent_close_deletes_tcb);
	ADD_LOOP(tc, test_syn_sent_abort_silent);
	ADD_LOOP(tc, test_syn_sent_user_calls_refused);
	ADD_LOOP(tc, test_syn_sent_connect_again_after_refused);
	suite_add_tcase(s, tc);

	return s;
}

int
main(void)
{
	return h_run(open_suite());
}
