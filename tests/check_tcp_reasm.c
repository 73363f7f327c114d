/*
 * The reassembly queue (RFC 9293 3.10.7.4 SHLD-31; Linux
 * tcp_data_queue_ofo): segments beyond RCV.NXT are kept and answered with
 * a duplicate ACK; when the gap fills, the kept data and a kept FIN are
 * processed in order under one ACK.  Every test runs once per ISN pair,
 * most in both profiles (the loop index's low bit is the ISN variant, see
 * ADD_BOTH); tcp_check() runs after every step and checks the queue.
 */
#include <check.h>
#include <stdlib.h>

#include "check_tcp_util.h"

/* _i in 0 .. 2*H_NVARIANTS-1: the ISN pair, then the profile. */
#define VARIANT (_i % H_NVARIANTS)
#define LINUX (_i >= H_NVARIANTS)
#define ADD_BOTH(tc, t) tcase_add_loop_test((tc), (t), 0, 2 * H_NVARIANTS)

static void
fx_estab(int i)
{
	if (i >= H_NVARIANTS)
		h_use_linux();
	fx_established(i % H_NVARIANTS);
}

static size_t
data_bytes(void)
{
	size_t n = 0;

	for (size_t k = 0; k < H.nev; k++)
		if (H.ev[k].kind == TCP_EV_DATA)
			n += H.ev[k].bytes;
	return n;
}

/* The tester's case: two segments of 10 bytes arrive in reverse order. */
START_TEST(test_established_segments_reversed_one_ack_covers_both)
{
	fx_estab(_i);
	IN(.flags = PSHACK, .seq = P(11), .ack = A(1), .len = 10);
	CK_NSENT(1);
	CK_SENT(0, TCP_ACK, A(1), P(1), 0);
	ck_assert_int_eq(h_sent_ev(0)->why, TCP_W_OUT_OF_ORDER);
	ck_assert_uint_eq(data_bytes(), 0);
	ck_assert_uint_eq(H.tcb.reasm_len, 1);
	h_clear();
	IN(.flags = PSHACK, .seq = P(1), .ack = A(1), .len = 10);
	CK_NSENT(1);
	CK_SENT(0, TCP_ACK, A(1), P(21), 0);
	ck_assert_int_eq(h_sent_ev(0)->why, TCP_W_REASM_FILLED);
	ck_assert_uint_eq(data_bytes(), 20);
	ck_assert_uint_eq(H.tcb.rcv_nxt, P(21));
	ck_assert_uint_eq(H.tcb.reasm_len, 0);
	ck_assert(!h_timer(TCP_T_DELACK, NULL));
}
END_TEST

/* A FIN ahead of the data before it is kept, not lost: when the data
 * comes, CLOSE_WAIT, and one ACK covers the data and the FIN. */
START_TEST(test_established_fin_ahead_of_data_kept)
{
	fx_estab(_i);
	IN(.flags = FINACK, .seq = P(11), .ack = A(1));
	CK_STATE(TCP_ESTABLISHED);
	CK_SENT(0, TCP_ACK, A(1), P(1), 0);
	ck_assert(H.tcb.reasm_fin);
	h_clear();
	IN(.flags = PSHACK, .seq = P(1), .ack = A(1), .len = 10);
	CK_STATE(TCP_CLOSE_WAIT);
	CK_EDGE(TCP_ESTABLISHED, TCP_CLOSE_WAIT, TCP_W_FIN);
	CK_NSENT(1);
	CK_SENT(0, TCP_ACK, A(1), P(12), 0);
	CK_NOTICE(TCP_N_EOF, 1);
	ck_assert_uint_eq(data_bytes(), 10);
	ck_assert(!h_timer(TCP_T_DELACK, NULL));
}
END_TEST

/* Data that fills the first of two gaps: what follows on is delivered,
 * the ACK goes at once, the range after the second gap stays. */
START_TEST(test_established_partial_fill_acked_at_once)
{
	fx_estab(_i);
	IN(.flags = PSHACK, .seq = P(21), .ack = A(1), .len = 10);
	IN(.flags = PSHACK, .seq = P(41), .ack = A(1), .len = 10);
	ck_assert_uint_eq(H.tcb.reasm_len, 2);
	h_clear();
	IN(.flags = PSHACK, .seq = P(1), .ack = A(1), .len = 20);
	CK_NSENT(1);
	CK_SENT(0, TCP_ACK, A(1), P(31), 0);
	ck_assert_int_eq(h_sent_ev(0)->why, TCP_W_REASM_PARTIAL);
	ck_assert_uint_eq(data_bytes(), 30);
	ck_assert_uint_eq(H.tcb.reasm_len, 1);
	h_clear();
	/* Overlapping the kept range: only the new bytes count. */
	IN(.flags = PSHACK, .seq = P(31), .ack = A(1), .len = 15);
	CK_SENT(0, TCP_ACK, A(1), P(51), 0);
	ck_assert_uint_eq(data_bytes(), 20);
	ck_assert_uint_eq(H.tcb.reasm_len, 0);
}
END_TEST

/* Overlapping and touching ranges are merged into one. */
START_TEST(test_established_overlapping_ranges_merged)
{
	fx_estab(_i);
	IN(.flags = PSHACK, .seq = P(11), .ack = A(1), .len = 10);
	IN(.flags = PSHACK, .seq = P(31), .ack = A(1), .len = 10);
	IN(.flags = PSHACK, .seq = P(15), .ack = A(1), .len = 16);
	ck_assert_uint_eq(H.tcb.reasm_len, 1);
	ck_assert_uint_eq(H.tcb.reasm[0].seq, P(11));
	ck_assert_uint_eq(H.tcb.reasm[0].len, 30);
	CK_NSENT(3);
	CK_SENT(2, TCP_ACK, A(1), P(1), 0);
}
END_TEST

/* At most TCP_REASM_MAX ranges: the next one is discarded (and says so);
 * one that merges with a kept range is still taken. */
START_TEST(test_established_queue_full_segment_discarded)
{
	fx_estab(_i);
	for (unsigned k = 1; k <= TCP_REASM_MAX; k++)
		IN(.flags = PSHACK, .seq = P(2 * k + 1), .ack = A(1), .len = 1);
	ck_assert_uint_eq(H.tcb.reasm_len, TCP_REASM_MAX);
	h_clear();
	IN(.flags = PSHACK, .seq = P(1000), .ack = A(1), .len = 5);
	CK_SENT(0, TCP_ACK, A(1), P(1), 0);
	ck_assert_int_eq(h_sent_ev(0)->why, TCP_W_REASM_FULL);
	ck_assert_uint_eq(H.tcb.reasm_len, TCP_REASM_MAX);
	h_clear();
	IN(.flags = PSHACK, .seq = P(4), .ack = A(1), .len = 1);
	ck_assert_int_eq(h_sent_ev(0)->why, TCP_W_OUT_OF_ORDER);
	ck_assert_uint_eq(H.tcb.reasm_len, TCP_REASM_MAX - 1);
	h_clear();
	IN(.flags = PSHACK, .seq = P(1), .ack = A(1), .len = 2);
	CK_SENT(0, TCP_ACK, A(1), P(6), 0);
	ck_assert_int_eq(h_sent_ev(0)->why, TCP_W_REASM_PARTIAL);
}
END_TEST

/* Nothing is kept past a kept FIN, and a second FIN is not taken. */
START_TEST(test_established_nothing_kept_past_fin)
{
	fx_estab(_i);
	IN(.flags = FINACK, .seq = P(11), .ack = A(1));
	IN(.flags = PSHACK, .seq = P(12), .ack = A(1), .len = 10);
	IN(.flags = FINACK, .seq = P(31), .ack = A(1));
	ck_assert_uint_eq(H.tcb.reasm_len, 0);
	ck_assert_uint_eq(H.tcb.reasm_fin_seq, P(11));
	h_clear();
	IN(.flags = PSHACK, .seq = P(1), .ack = A(1), .len = 10);
	CK_STATE(TCP_CLOSE_WAIT);
	CK_SENT(0, TCP_ACK, A(1), P(12), 0);
}
END_TEST

/* An in-order FIN ends the stream: what was kept beyond it goes. */
START_TEST(test_established_in_order_fin_clears_queue)
{
	fx_estab(_i);
	IN(.flags = PSHACK, .seq = P(21), .ack = A(1), .len = 10);
	h_clear();
	IN(.flags = FINACK | TCP_PSH, .seq = P(1), .ack = A(1), .len = 5);
	CK_STATE(TCP_CLOSE_WAIT);
	ck_assert_uint_eq(H.tcb.reasm_len, 0);
	ck_assert_uint_eq(H.tcb.rcv_nxt, P(7));
}
END_TEST

/* After shutdown() the socket still reads: out-of-order data and FIN in
 * FIN_WAIT_2, then the gap, and TIME_WAIT with one ACK. */
START_TEST(test_fin_wait_2_shut_gap_filled_time_wait)
{
	if (LINUX)
		h_use_linux();
	fx_fin_wait_2_shut(VARIANT);
	IN(.flags = FINACK | TCP_PSH, .seq = P(11), .ack = A(2), .len = 5);
	CK_STATE(TCP_FIN_WAIT_2);
	h_clear();
	IN(.flags = PSHACK, .seq = P(1), .ack = A(2), .len = 10);
	CK_STATE(TCP_TIME_WAIT);
	CK_NSENT(1);
	CK_SENT(0, TCP_ACK, A(2), P(17), 0);
	CK_NOTICE(TCP_N_EOF, 1);
	ck_assert_uint_eq(data_bytes(), 15);
}
END_TEST

/* rfc9293, 3.10.7.2: a SYN's text waits for ESTABLISHED, then it is
 * delivered and acknowledged.  Linux (no Fast Open) drops it. */
START_TEST(test_listen_syn_data_delivered_when_established)
{
	if (LINUX)
		h_use_linux();
	fx_listen(VARIANT);
	IN(.flags = TCP_SYN, .seq = P(0), .len = 10);
	CK_STATE(TCP_SYN_RECEIVED);
	CK_SENT(0, SYNACK, A(0), P(1), 0);
	ck_assert_uint_eq(data_bytes(), 0);
	h_clear();
	IN(.flags = TCP_ACK, .seq = P(11), .ack = A(1));
	CK_STATE(TCP_ESTABLISHED);
	if (LINUX) {
		ck_assert_uint_eq(data_bytes(), 0);
		ck_assert_uint_eq(H.tcb.rcv_nxt, P(1));
		return;
	}
	ck_assert_uint_eq(data_bytes(), 10);
	CK_NSENT(1);
	CK_SENT(0, TCP_ACK, A(1), P(11), 0);
	ck_assert_int_eq(h_sent_ev(0)->why, TCP_W_SYN_TEXT);
}
END_TEST

/* rfc9293: a FIN on the SYN is processed once ESTABLISHED: CLOSE_WAIT. */
START_TEST(test_listen_syn_fin_rfc9293_close_wait_when_established)
{
	fx_listen(_i);
	IN(.flags = TCP_SYN | TCP_FIN, .seq = P(0), .len = 4);
	CK_STATE(TCP_SYN_RECEIVED);
	CK_SENT(0, SYNACK, A(0), P(1), 0);
	h_clear();
	IN(.flags = TCP_ACK, .seq = P(6), .ack = A(1));
	CK_STATE(TCP_CLOSE_WAIT);
	CK_EDGE(TCP_ESTABLISHED, TCP_CLOSE_WAIT, TCP_W_FIN);
	CK_NOTICE(TCP_N_EOF, 1);
	ck_assert_uint_eq(data_bytes(), 4);
	CK_NSENT(1);
	CK_SENT(0, TCP_ACK, A(1), P(6), 0);
}
END_TEST

static Suite *
reasm_suite(void)
{
	Suite *s = suite_create("tcp_reasm");
	TCase *tc = tcase_create("reassembly");

	ADD_BOTH(tc, test_established_segments_reversed_one_ack_covers_both);
	ADD_BOTH(tc, test_established_fin_ahead_of_data_kept);
	ADD_BOTH(tc, test_established_partial_fill_acked_at_once);
	ADD_BOTH(tc, test_established_overlapping_ranges_merged);
	ADD_BOTH(tc, test_established_queue_full_segment_discarded);
	ADD_BOTH(tc, test_established_nothing_kept_past_fin);
	ADD_BOTH(tc, test_established_in_order_fin_clears_queue);
	ADD_BOTH(tc, test_fin_wait_2_shut_gap_filled_time_wait);
	ADD_BOTH(tc, test_listen_syn_data_delivered_when_established);
	ADD_LOOP(tc, test_listen_syn_fin_rfc9293_close_wait_when_established);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return h_run(reasm_suite());
}
