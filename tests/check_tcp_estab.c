/*
 * The synchronized core: ESTABLISHED, reached actively (connect, SYN+ACK)
 * or passively (listen, SYN, ACK).  These tests walk RFC 9293 Section
 * 3.10.7.4 in its own order -- sequence number, RST, SYN, ACK, text, FIN --
 * plus the user calls of 3.10.2 to 3.10.5, RFC 5961's challenge ACKs and
 * the delayed-ACK option.  Every test runs once per ISN pair.
 *
 * After the fixture: SND.UNA = SND.NXT = A(1), RCV.NXT = P(1).
 */
#include <check.h>
#include <stdlib.h>

#include "check_tcp_util.h"

/* First: the sequence number. */

START_TEST(test_established_data_in_order_acked)
{
	fx_established(_i);
	IN(.flags = PSHACK, .seq = P(1), .ack = A(1), .len = 10);
	CK_STATE(TCP_ESTABLISHED);
	CK_NSENT(1);
	CK_SENT(0, TCP_ACK, A(1), P(11), 0);
	ck_assert_uint_eq(H.tcb.rcv_nxt, P(11));
	ck_assert_uint_eq(h_count(TCP_EV_DATA), 1);
	ck_assert(h_has_why(TCP_EV_DATA, TCP_W_DATA));
}
END_TEST

START_TEST(test_established_old_duplicate_data_acked)
{
	fx_established(_i);
	IN(.flags = PSHACK, .seq = P(1), .ack = A(1), .len = 10);
	h_clear();
	IN(.flags = PSHACK, .seq = P(1), .ack = A(1), .len = 10);
	CK_NSENT(1);
	CK_SENT(0, TCP_ACK, A(1), P(11), 0);
	ck_assert_uint_eq(H.tcb.rcv_nxt, P(11));
	ck_assert_uint_eq(h_count(TCP_EV_DATA), 0);
	ck_assert_int_eq(h_sent_ev(0)->why, TCP_W_SEQ_BAD);
}
END_TEST

START_TEST(test_established_beyond_window_acked)
{
	fx_established(_i);
	IN(.flags = PSHACK, .seq = P(1) + H.cfg.rcv_wnd, .ack = A(1),
	    .len = 10);
	CK_NSENT(1);
	CK_SENT(0, TCP_ACK, A(1), P(1), 0);
	ck_assert_uint_eq(H.tcb.rcv_nxt, P(1));
}
END_TEST

/* SHLD-31: kept, with a duplicate ACK; the gap filled later pulls it in
 * (more in check_tcp_reasm.c). */
START_TEST(test_established_out_of_order_kept_then_delivered)
{
	fx_established(_i);
	IN(.flags = PSHACK, .seq = P(101), .ack = A(1), .len = 10);
	CK_NSENT(1);
	CK_SENT(0, TCP_ACK, A(1), P(1), 0);
	ck_assert_int_eq(h_sent_ev(0)->why, TCP_W_OUT_OF_ORDER);
	ck_assert_uint_eq(H.tcb.rcv_nxt, P(1));
	h_clear();
	IN(.flags = PSHACK, .seq = P(1), .ack = A(1), .len = 100);
	CK_NSENT(1);
	CK_SENT(0, TCP_ACK, A(1), P(111), 0);
}
END_TEST

START_TEST(test_established_overlapping_data_trimmed)
{
	/* Starts before RCV.NXT but ends inside the window: acceptable. */
	fx_established(_i);
	IN(.flags = PSHACK, .seq = P(1), .ack = A(1), .len = 10);
	h_clear();
	IN(.flags = PSHACK, .seq = P(6), .ack = A(1), .len = 10);
	ck_assert_uint_eq(H.tcb.rcv_nxt, P(16));
	CK_SENT(0, TCP_ACK, A(1), P(16), 0);
}
END_TEST

/* Second: RST (RFC 5961 Section 3.2). */

START_TEST(test_established_rst_at_rcv_nxt_resets)
{
	fx_established(_i);
	IN(.flags = TCP_RST, .seq = P(1));
	CK_STATE(TCP_CLOSED);
	CK_EDGE(TCP_ESTABLISHED, TCP_CLOSED, TCP_W_RST_RESET);
	CK_NOTICE(TCP_N_RESET, 1);
	CK_NSENT(0);
}
END_TEST

START_TEST(test_established_rstack_at_rcv_nxt_resets)
{
	fx_established(_i);
	IN(.flags = RSTACK, .seq = P(1), .ack = A(1));
	CK_STATE(TCP_CLOSED);
	CK_NOTICE(TCP_N_RESET, 1);
}
END_TEST

START_TEST(test_established_rst_in_window_challenge_ack)
{
	fx_established(_i);
	IN(.flags = TCP_RST, .seq = P(2));
	IN(.flags = TCP_RST, .seq = P(0) + H.cfg.rcv_wnd);
	CK_STATE(TCP_ESTABLISHED);
	CK_NO_STATE_CHANGE();
	CK_NSENT(2);
	CK_SENT(0, TCP_ACK, A(1), P(1), 0);
	CK_SENT(1, TCP_ACK, A(1), P(1), 0);
	ck_assert_int_eq(h_sent_ev(0)->why, TCP_W_RST_CHALLENGE);
	CK_NOTICE(TCP_N_RESET, 0);
}
END_TEST

START_TEST(test_established_rst_out_of_window_dropped)
{
	fx_established(_i);
	IN(.flags = TCP_RST, .seq = P(0));
	IN(.flags = TCP_RST, .seq = P(1) + H.cfg.rcv_wnd);
	IN(.flags = TCP_RST, .seq = P(-1000));
	CK_STATE(TCP_ESTABLISHED);
	CK_NSENT(0);
	ck_assert(h_has_why(TCP_EV_DROP, TCP_W_SEQ_BAD_RST));
}
END_TEST

START_TEST(test_established_passive_rst_resets)
{
	fx_established_passive(_i);
	IN(.flags = TCP_RST, .seq = P(1));
	CK_STATE(TCP_CLOSED);
	CK_NOTICE(TCP_N_RESET, 1);
}
END_TEST

/* Fourth: SYN in a synchronized state (RFC 5961 Section 4.2). */

START_TEST(test_established_syn_in_window_challenge_ack)
{
	fx_established(_i);
	IN(.flags = TCP_SYN, .seq = P(1));
	IN(.flags = TCP_SYN, .seq = P(50));
	CK_STATE(TCP_ESTABLISHED);
	CK_NSENT(2);
	CK_SENT(0, TCP_ACK, A(1), P(1), 0);
	CK_SENT(1, TCP_ACK, A(1), P(1), 0);
	ck_assert_int_eq(h_sent_ev(0)->why, TCP_W_SYN_CHALLENGE);
}
END_TEST

START_TEST(test_established_old_synack_acked)
{
	/* A duplicate of the handshake's SYN+ACK: an ACK, nothing more. */
	fx_established(_i);
	IN(.flags = SYNACK, .seq = P(0), .ack = A(1));
	CK_STATE(TCP_ESTABLISHED);
	CK_NSENT(1);
	CK_SENT(0, TCP_ACK, A(1), P(1), 0);
}
END_TEST

/* Fifth: the ACK field. */

START_TEST(test_established_no_ack_dropped)
{
	fx_established(_i);
	IN(.flags = TCP_PSH, .seq = P(1), .len = 10);
	IN(.flags = TCP_FIN, .seq = P(1));
	CK_STATE(TCP_ESTABLISHED);
	CK_NSENT(0);
	ck_assert_uint_eq(H.tcb.rcv_nxt, P(1));
	ck_assert(h_has_why(TCP_EV_DROP, TCP_W_NO_ACK));
}
END_TEST

START_TEST(test_established_ack_too_new_acked_and_dropped)
{
	fx_established(_i);
	IN(.flags = PSHACK, .seq = P(1), .ack = A(500), .len = 10);
	CK_NSENT(1);
	CK_SENT(0, TCP_ACK, A(1), P(1), 0);
	ck_assert_int_eq(h_sent_ev(0)->why, TCP_W_ACK_TOO_NEW);
	ck_assert_uint_eq(H.tcb.rcv_nxt, P(1));
	ck_assert_uint_eq(H.tcb.snd_una, A(1));
}
END_TEST

START_TEST(test_established_send_and_ack)
{
	uint64_t due;

	fx_established(_i);
	ck_assert_int_eq(h_call(TCP_CALL_SEND, 100), TCP_OK);
	CK_NSENT(1);
	CK_SENT(0, PSHACK, A(1), P(1), 100);
	ck_assert_int_eq(h_sent_ev(0)->why, TCP_W_SEND_DATA);
	ck_assert_uint_eq(H.tcb.snd_nxt, A(101));
	ck_assert(h_timer(TCP_T_REXMT, &due));
	ck_assert_uint_eq(due, H.io.now + H.cfg.rto_ms);
	/* A partial ACK moves SND.UNA, the rest stops the timer. */
	ck_assert_int_eq(h_call(TCP_CALL_SEND, 50), TCP_OK);
	h_clear();
	IN(.flags = TCP_ACK, .seq = P(1), .ack = A(101));
	ck_assert_uint_eq(H.tcb.snd_una, A(101));
	ck_assert(h_timer(TCP_T_REXMT, NULL));
	IN(.flags = TCP_ACK, .seq = P(1), .ack = A(151));
	ck_assert_uint_eq(H.tcb.snd_una, A(151));
	ck_assert(!h_timer(TCP_T_REXMT, NULL));
	CK_NSENT(0);
	/* A duplicate ACK is ignored. */
	IN(.flags = TCP_ACK, .seq = P(1), .ack = A(101));
	ck_assert_uint_eq(H.tcb.snd_una, A(151));
	CK_NSENT(0);
}
END_TEST

/* Seventh and eighth: text and FIN. */

START_TEST(test_established_fin_close_wait)
{
	fx_established(_i);
	IN(.flags = FINACK, .seq = P(1), .ack = A(1));
	CK_STATE(TCP_CLOSE_WAIT);
	CK_EDGE(TCP_ESTABLISHED, TCP_CLOSE_WAIT, TCP_W_FIN);
	CK_NSENT(1);
	CK_SENT(0, TCP_ACK, A(1), P(2), 0);
	CK_NOTICE(TCP_N_EOF, 1);
	ck_assert_uint_eq(H.tcb.rcv_nxt, P(2));
}
END_TEST

START_TEST(test_established_fin_with_data)
{
	fx_established(_i);
	IN(.flags = FINACK | TCP_PSH, .seq = P(1), .ack = A(1), .len = 5);
	CK_STATE(TCP_CLOSE_WAIT);
	CK_NSENT(1);
	CK_SENT(0, TCP_ACK, A(1), P(7), 0);
}
END_TEST

START_TEST(test_established_fin_out_of_order_not_processed)
{
	fx_established(_i);
	IN(.flags = FINACK, .seq = P(11), .ack = A(1));
	CK_STATE(TCP_ESTABLISHED);
	CK_SENT(0, TCP_ACK, A(1), P(1), 0);
	CK_NOTICE(TCP_N_EOF, 0);
}
END_TEST

/* User calls. */

START_TEST(test_established_close_sends_fin)
{
	uint64_t due;

	fx_established(_i);
	ck_assert_int_eq(h_call(TCP_CALL_CLOSE, 0), TCP_OK);
	CK_STATE(TCP_FIN_WAIT_1);
	CK_EDGE(TCP_ESTABLISHED, TCP_FIN_WAIT_1, TCP_W_CLOSE_FIN);
	CK_NSENT(1);
	CK_SENT(0, FINACK, A(1), P(1), 0);
	ck_assert_uint_eq(H.tcb.snd_nxt, A(2));
	ck_assert(h_timer(TCP_T_REXMT, &due));
}
END_TEST

START_TEST(test_established_shutdown_sends_fin)
{
	fx_established(_i);
	ck_assert_int_eq(h_call(TCP_CALL_SHUTDOWN, 0), TCP_OK);
	CK_STATE(TCP_FIN_WAIT_1);
	CK_EDGE(TCP_ESTABLISHED, TCP_FIN_WAIT_1, TCP_W_SHUTDOWN_FIN);
	CK_SENT(0, FINACK, A(1), P(1), 0);
	ck_assert_int_ne(h_call(TCP_CALL_SEND, 1), TCP_OK);
	ck_assert_int_ne(h_call(TCP_CALL_SHUTDOWN, 0), TCP_OK);
}
END_TEST

START_TEST(test_established_close_after_data_fin_follows_data)
{
	fx_established(_i);
	ck_assert_int_eq(h_call(TCP_CALL_SEND, 20), TCP_OK);
	ck_assert_int_eq(h_call(TCP_CALL_CLOSE, 0), TCP_OK);
	CK_NSENT(2);
	CK_SENT(1, FINACK, A(21), P(1), 0);
	/* ACK of the data only: still FIN_WAIT_1. */
	IN(.flags = TCP_ACK, .seq = P(1), .ack = A(21));
	CK_STATE(TCP_FIN_WAIT_1);
	IN(.flags = TCP_ACK, .seq = P(1), .ack = A(22));
	CK_STATE(TCP_FIN_WAIT_2);
}
END_TEST

START_TEST(test_established_abort_sends_rst)
{
	fx_established(_i);
	ck_assert_int_eq(h_call(TCP_CALL_SEND, 7), TCP_OK);
	h_clear();
	ck_assert_int_eq(h_call(TCP_CALL_ABORT, 0), TCP_OK);
	CK_STATE(TCP_CLOSED);
	CK_EDGE(TCP_ESTABLISHED, TCP_CLOSED, TCP_W_ABORT_RST);
	CK_NSENT(1);
	CK_SENT(0, TCP_RST, A(8), 0, 0);
	ck_assert(!h_timer(TCP_T_REXMT, NULL));
}
END_TEST

START_TEST(test_established_linux_abort_sends_rst_ack)
{
	h_use_linux();
	fx_established(_i);
	ck_assert_int_eq(h_call(TCP_CALL_ABORT, 0), TCP_OK);
	CK_STATE(TCP_CLOSED);
	CK_NSENT(1);
	CK_SENT(0, RSTACK, A(1), P(1), 0);
}
END_TEST

START_TEST(test_established_user_calls_refused)
{
	fx_established(_i);
	ck_assert_int_eq(h_call(TCP_CALL_CONNECT, 0), TCP_E_EXISTS);
	ck_assert_int_eq(h_call(TCP_CALL_LISTEN, 0), TCP_E_EXISTS);
	CK_NSENT(0);
}
END_TEST

/* Delayed ACK (RFC 9293 3.8.6.3 and the spec's delayed_ack). */

START_TEST(test_established_delack_handshake_ack_immediate)
{
	h_begin(_i);
	H.cfg.delayed_ack = true;
	ck_assert_int_eq(h_call(TCP_CALL_CONNECT, 0), TCP_OK);
	h_clear();
	IN(.flags = SYNACK, .seq = P(0), .ack = A(1));
	CK_STATE(TCP_ESTABLISHED);
	CK_NSENT(1);
	CK_SENT(0, TCP_ACK, A(1), P(1), 0);
}
END_TEST

START_TEST(test_established_delack_data_ack_held)
{
	uint64_t due;

	fx_established(_i);
	H.cfg.delayed_ack = true;
	IN(.flags = PSHACK, .seq = P(1), .ack = A(1), .len = 10);
	CK_NSENT(0);
	ck_assert(h_timer(TCP_T_DELACK, &due));
	ck_assert_uint_eq(due, H.io.now + H.cfg.delack_ms);
	ck_assert_uint_le(H.cfg.delack_ms, 200);
	ck_assert(h_fire_next(NULL));
	CK_NSENT(1);
	CK_SENT(0, TCP_ACK, A(1), P(11), 0);
	ck_assert_int_eq(h_sent_ev(0)->why, TCP_W_DELACK);
}
END_TEST

START_TEST(test_established_delack_ack_rides_on_data)
{
	fx_established(_i);
	H.cfg.delayed_ack = true;
	IN(.flags = PSHACK, .seq = P(1), .ack = A(1), .len = 10);
	ck_assert_int_eq(h_call(TCP_CALL_SEND, 3), TCP_OK);
	CK_NSENT(1);
	CK_SENT(0, PSHACK, A(1), P(11), 3);
	ck_assert(!h_timer(TCP_T_DELACK, NULL));
}
END_TEST

START_TEST(test_established_delack_fin_rides_with_ack)
{
	fx_established(_i);
	H.cfg.delayed_ack = true;
	IN(.flags = FINACK, .seq = P(1), .ack = A(1));
	CK_STATE(TCP_CLOSE_WAIT);
	CK_NSENT(0);
	h_advance(H.cfg.delack_ms / 2);
	ck_assert_int_eq(h_call(TCP_CALL_CLOSE, 0), TCP_OK);
	CK_STATE(TCP_LAST_ACK);
	CK_NSENT(1);
	CK_SENT(0, FINACK, A(1), P(2), 0);
	ck_assert(!h_timer(TCP_T_DELACK, NULL));
}
END_TEST

START_TEST(test_established_delack_out_of_window_ack_immediate)
{
	/* Only the ACK of new data or a FIN is held. */
	fx_established(_i);
	H.cfg.delayed_ack = true;
	IN(.flags = TCP_SYN, .seq = P(1));
	CK_NSENT(1);
}
END_TEST

/* Bug: the trim made a straddling RST look exact.  RFC 5961 3.2 and
 * RFC 9293 3.10.7.4 (second step) judge the untrimmed SEG.SEQ. */
START_TEST(test_established_rst_straddling_rcv_nxt_challenged)
{
	fx_established(_i);
	IN(.flags = TCP_RST, .seq = P(-4), .len = 10);
	IN(.flags = RSTACK, .seq = P(0), .ack = A(1), .len = 10);
	CK_STATE(TCP_ESTABLISHED);
	CK_NO_STATE_CHANGE();
	CK_NOTICE(TCP_N_RESET, 0);
	CK_NSENT(2);
	CK_SENT(0, TCP_ACK, A(1), P(1), 0);
	CK_SENT(1, TCP_ACK, A(1), P(1), 0);
	ck_assert_int_eq(h_sent_ev(0)->why, TCP_W_RST_CHALLENGE);
	ck_assert_uint_eq(h_count(TCP_EV_DATA), 0);
}
END_TEST

/* Bug: the trim cut the SYN bit of a SYN whose data straddles RCV.NXT.
 * 3.10.7.4 fourth step: whatever its sequence number, challenge ACK. */
START_TEST(test_established_syn_straddling_rcv_nxt_challenged)
{
	fx_established(_i);
	IN(.flags = TCP_SYN, .seq = P(0), .len = 10);
	CK_NSENT(1);
	CK_SENT(0, TCP_ACK, A(1), P(1), 0);
	ck_assert_int_eq(h_sent_ev(0)->why, TCP_W_SYN_CHALLENGE);
	h_clear();
	IN(.flags = SYNACK, .seq = P(0), .ack = A(1), .len = 10);
	CK_STATE(TCP_ESTABLISHED);
	CK_NSENT(1);
	CK_SENT(0, TCP_ACK, A(1), P(1), 0);
	ck_assert_int_eq(h_sent_ev(0)->why, TCP_W_SYN_CHALLENGE);
	ck_assert_uint_eq(h_count(TCP_EV_DATA), 0);
	ck_assert_uint_eq(H.tcb.rcv_nxt, P(1));
}
END_TEST

/* Bug: 64 sends then CLOSE wrote past the retransmission queue (into
 * the next field).  The queue has a slot of its own for the FIN: SEND
 * stops at 64, CLOSE and shutdown always fit, and the FIN's slot is
 * sent and acknowledged like the rest. */
START_TEST(test_established_send_queue_full_close_sends_fin)
{
	unsigned n;

	/* The FIN's slot exists: the 65th entry is inside the array. */
	ck_assert_uint_ge(sizeof(H.tcb.rtxq) / sizeof(H.tcb.rtxq[0]),
	    TCP_RTXQ_MAX + 1);
	fx_established(_i);
	for (n = 0; n < TCP_RTXQ_MAX; n++)
		ck_assert_int_eq(h_call(TCP_CALL_SEND, 1), TCP_OK);
	ck_assert_int_eq(h_call(TCP_CALL_SEND, 1), TCP_E_QUEUE);
	ck_assert_int_eq(h_call(TCP_CALL_CLOSE, 0), TCP_OK);
	CK_STATE(TCP_FIN_WAIT_1);
	ck_assert_uint_eq(H.tcb.rtxq_len, TCP_RTXQ_MAX + 1);
	CK_SENT(TCP_RTXQ_MAX, FINACK, A(TCP_RTXQ_MAX + 1), P(1), 0);
	ck_assert_ptr_null(tcp_check(&H.tcb));
	h_clear();
	IN(.flags = TCP_ACK, .seq = P(1), .ack = A(TCP_RTXQ_MAX + 2));
	CK_STATE(TCP_FIN_WAIT_2);
	ck_assert_uint_eq(H.tcb.rtxq_len, 0);
}
END_TEST

START_TEST(test_established_send_queue_full_shutdown_sends_fin)
{
	unsigned n;

	fx_established(_i);
	for (n = 0; n < TCP_RTXQ_MAX; n++)
		ck_assert_int_eq(h_call(TCP_CALL_SEND, 1), TCP_OK);
	ck_assert_int_eq(h_call(TCP_CALL_SHUTDOWN, 0), TCP_OK);
	CK_STATE(TCP_FIN_WAIT_1);
	ck_assert_uint_eq(H.tcb.rtxq_len, TCP_RTXQ_MAX + 1);
	ck_assert_ptr_null(tcp_check(&H.tcb));
}
END_TEST

/* tcp_check() knows the bound: data in the FIN's slot is broken. */
START_TEST(test_established_check_queue_bound)
{
	fx_established(_i);
	H.tcb.rtxq_len = TCP_RTXQ_MAX + 1;
	ck_assert_ptr_nonnull(tcp_check(&H.tcb));
	H.tcb.rtxq_len = TCP_RTXQ_MAX + 2;
	ck_assert_ptr_nonnull(tcp_check(&H.tcb));
	H.tcb.rtxq_len = 0;
}
END_TEST

/* RFC 5961 7 as Linux applies it: one challenge ACK per 500 ms. */
START_TEST(test_established_linux_rst_challenge_throttled)
{
	h_use_linux();
	fx_established(_i);
	IN(.flags = TCP_RST, .seq = P(11));
	IN(.flags = TCP_RST, .seq = P(11));
	IN(.flags = TCP_RST, .seq = P(11));
	CK_NSENT(1);
	CK_SENT(0, TCP_ACK, A(1), P(1), 0);
	ck_assert(h_has_why(TCP_EV_DROP, TCP_W_ACK_THROTTLED));
	h_clear();
	h_advance(499);
	IN(.flags = TCP_RST, .seq = P(11));
	CK_NSENT(0);
	h_advance(1);
	IN(.flags = TCP_RST, .seq = P(11));
	CK_NSENT(1);
	CK_STATE(TCP_ESTABLISHED);
}
END_TEST

/* The rfc9293 profile answers every one (no throttle in the text). */
START_TEST(test_established_rfc9293_rst_challenge_not_throttled)
{
	fx_established(_i);
	IN(.flags = TCP_RST, .seq = P(11));
	IN(.flags = TCP_RST, .seq = P(11));
	CK_NSENT(2);
}
END_TEST

/* Out-of-window data is never throttled, a bare ACK is. */
START_TEST(test_established_linux_out_of_window_data_not_throttled)
{
	h_use_linux();
	fx_established(_i);
	IN(.flags = TCP_ACK, .seq = P(200001), .ack = A(1));
	IN(.flags = TCP_ACK, .seq = P(200001), .ack = A(1));
	CK_NSENT(1);
	h_clear();
	IN(.flags = PSHACK, .seq = P(-99), .ack = A(1), .len = 10);
	IN(.flags = PSHACK, .seq = P(-99), .ack = A(1), .len = 10);
	CK_NSENT(2);
	CK_SENT(1, TCP_ACK, A(1), P(1), 0);
}
END_TEST

/* RFC 5961 5.2: Linux's MAX.SND.WND is what was acknowledged so far; a
 * passive socket starts from zero, an active one counts its SYN. */
START_TEST(test_established_linux_ack_too_old_challenged)
{
	h_use_linux();
	fx_established_passive(_i);
	IN(.flags = PSHACK, .seq = P(1), .ack = A(0), .len = 10);
	CK_NSENT(1);
	CK_SENT(0, TCP_ACK, A(1), P(1), 0);
	ck_assert_int_eq(h_sent_ev(0)->why, TCP_W_ACK_TOO_OLD);
	ck_assert_uint_eq(h_count(TCP_EV_DATA), 0);
	ck_assert_uint_eq(H.tcb.rcv_nxt, P(1));
}
END_TEST

START_TEST(test_established_active_linux_ack_una_minus_1_accepted)
{
	h_use_linux();
	fx_established(_i);
	IN(.flags = PSHACK, .seq = P(1), .ack = A(0), .len = 10);
	CK_SENT(0, TCP_ACK, A(1), P(11), 0);
	ck_assert_uint_eq(h_count(TCP_EV_DATA), 1);
}
END_TEST

START_TEST(test_established_rfc9293_old_ack_data_accepted)
{
	fx_established_passive(_i);
	IN(.flags = PSHACK, .seq = P(1), .ack = A(0), .len = 10);
	CK_SENT(0, TCP_ACK, A(1), P(11), 0);
}
END_TEST

/* Linux answers an ACK of unsent data with a throttled challenge ACK
 * and drops the segment's data. */
START_TEST(test_established_linux_ack_too_new_throttled)
{
	h_use_linux();
	fx_established(_i);
	IN(.flags = TCP_ACK, .seq = P(1), .ack = A(101));
	CK_NSENT(1);
	h_clear();
	h_advance(200);
	IN(.flags = PSHACK, .seq = P(1), .ack = A(101), .len = 10);
	CK_NSENT(0);
	ck_assert_uint_eq(H.tcb.rcv_nxt, P(1));
}
END_TEST

/* set app_read manual: data waits in the receive buffer until read. */
START_TEST(test_established_manual_data_waits_until_read)
{
	const struct tcp_ev *ev = NULL;

	fx_established(_i);
	H.cfg.app_read_manual = true;
	IN(.flags = PSHACK, .seq = P(1), .ack = A(1), .len = 10);
	CK_SENT(0, TCP_ACK, A(1), P(11), 0);
	ck_assert_uint_eq(h_count(TCP_EV_DATA), 0);
	ck_assert_uint_eq(H.tcb.rcv_unread, 10);
	h_clear();
	ck_assert_int_eq(h_call(TCP_CALL_READ, 4), TCP_OK);
	ck_assert_int_eq(h_call(TCP_CALL_READ, 0), TCP_OK);
	for (size_t i = 0; i < H.nev; i++)
		if (H.ev[i].kind == TCP_EV_DATA) {
			ck_assert_uint_eq(H.ev[i].bytes, ev == NULL ? 4 : 6);
			ck_assert_int_eq(H.ev[i].why, TCP_W_APP_READ);
			ev = &H.ev[i];
		}
	ck_assert_uint_eq(h_count(TCP_EV_DATA), 2);
	ck_assert_int_eq(h_call(TCP_CALL_READ, 0), TCP_E_NODATA);
	CK_NSENT(0);
}
END_TEST

/* RFC 9293 3.6.1 (SHLD-2), RFC 2525 2.17: close() with data unread is
 * a RST, not a FIN: <SEQ=SND.NXT><CTL=RST> as ABORT sends it. */
START_TEST(test_established_close_with_unread_data_rst)
{
	fx_established(_i);
	H.cfg.app_read_manual = true;
	IN(.flags = PSHACK, .seq = P(1), .ack = A(1), .len = 10);
	h_clear();
	ck_assert_int_eq(h_call(TCP_CALL_CLOSE, 0), TCP_OK);
	CK_STATE(TCP_CLOSED);
	CK_EDGE(TCP_ESTABLISHED, TCP_CLOSED, TCP_W_CLOSE_UNREAD_RST);
	CK_NSENT(1);
	CK_SENT(0, TCP_RST, A(1), 0, 0);
}
END_TEST

/* Linux (tcp_close, data_was_unread): RST+ACK at SND.NXT. */
START_TEST(test_established_linux_close_with_unread_data_rstack)
{
	h_use_linux();
	fx_established(_i);
	H.cfg.app_read_manual = true;
	IN(.flags = PSHACK, .seq = P(1), .ack = A(1), .len = 10);
	h_clear();
	ck_assert_int_eq(h_call(TCP_CALL_CLOSE, 0), TCP_OK);
	CK_STATE(TCP_CLOSED);
	CK_SENT(0, RSTACK, A(1), P(11), 0);
}
END_TEST

START_TEST(test_established_close_after_reading_sends_fin)
{
	fx_established(_i);
	H.cfg.app_read_manual = true;
	IN(.flags = PSHACK, .seq = P(1), .ack = A(1), .len = 10);
	ck_assert_int_eq(h_call(TCP_CALL_READ, 0), TCP_OK);
	h_clear();
	ck_assert_int_eq(h_call(TCP_CALL_CLOSE, 0), TCP_OK);
	CK_STATE(TCP_FIN_WAIT_1);
	CK_SENT(0, FINACK, A(1), P(11), 0);
}
END_TEST

static Suite *
estab_suite(void)
{
	Suite *s = suite_create("tcp_established");
	TCase *tc;

	tc = tcase_create("ESTABLISHED");
	ADD_LOOP(tc, test_established_data_in_order_acked);
	ADD_LOOP(tc, test_established_old_duplicate_data_acked);
	ADD_LOOP(tc, test_established_beyond_window_acked);
	ADD_LOOP(tc, test_established_out_of_order_kept_then_delivered);
	ADD_LOOP(tc, test_established_overlapping_data_trimmed);
	ADD_LOOP(tc, test_established_rst_at_rcv_nxt_resets);
	ADD_LOOP(tc, test_established_rstack_at_rcv_nxt_resets);
	ADD_LOOP(tc, test_established_rst_in_window_challenge_ack);
	ADD_LOOP(tc, test_established_rst_out_of_window_dropped);
	ADD_LOOP(tc, test_established_passive_rst_resets);
	ADD_LOOP(tc, test_established_rst_straddling_rcv_nxt_challenged);
	ADD_LOOP(tc, test_established_syn_straddling_rcv_nxt_challenged);
	ADD_LOOP(tc, test_established_send_queue_full_close_sends_fin);
	ADD_LOOP(tc, test_established_send_queue_full_shutdown_sends_fin);
	ADD_LOOP(tc, test_established_check_queue_bound);
	ADD_LOOP(tc, test_established_linux_rst_challenge_throttled);
	ADD_LOOP(tc, test_established_rfc9293_rst_challenge_not_throttled);
	ADD_LOOP(tc, test_established_linux_out_of_window_data_not_throttled);
	ADD_LOOP(tc, test_established_linux_ack_too_old_challenged);
	ADD_LOOP(tc, test_established_active_linux_ack_una_minus_1_accepted);
	ADD_LOOP(tc, test_established_rfc9293_old_ack_data_accepted);
	ADD_LOOP(tc, test_established_linux_ack_too_new_throttled);
	ADD_LOOP(tc, test_established_manual_data_waits_until_read);
	ADD_LOOP(tc, test_established_close_with_unread_data_rst);
	ADD_LOOP(tc, test_established_linux_close_with_unread_data_rstack);
	ADD_LOOP(tc, test_established_close_after_reading_sends_fin);
	ADD_LOOP(tc, test_established_syn_in_window_challenge_ack);
	ADD_LOOP(tc, test_established_old_synack_acked);
	ADD_LOOP(tc, test_established_no_ack_dropped);
	ADD_LOOP(tc, test_established_ack_too_new_acked_and_dropped);
	ADD_LOOP(tc, test_established_send_and_ack);
	ADD_LOOP(tc, test_established_fin_close_wait);
	ADD_LOOP(tc, test_established_fin_with_data);
	ADD_LOOP(tc, test_established_fin_out_of_order_not_processed);
	ADD_LOOP(tc, test_established_close_sends_fin);
	ADD_LOOP(tc, test_established_shutdown_sends_fin);
	ADD_LOOP(tc, test_established_close_after_data_fin_follows_data);
	ADD_LOOP(tc, test_established_abort_sends_rst);
	ADD_LOOP(tc, test_established_linux_abort_sends_rst_ack);
	ADD_LOOP(tc, test_established_user_calls_refused);
	suite_add_tcase(s, tc);

	tc = tcase_create("ESTABLISHED delayed ACK");
	ADD_LOOP(tc, test_established_delack_handshake_ack_immediate);
	ADD_LOOP(tc, test_established_delack_data_ack_held);
	ADD_LOOP(tc, test_established_delack_ack_rides_on_data);
	ADD_LOOP(tc, test_established_delack_fin_rides_with_ack);
	ADD_LOOP(tc, test_established_delack_out_of_window_ack_immediate);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return h_run(estab_suite());
}
