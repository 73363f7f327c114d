/*
 * Timers and tables: retransmission with exponential back-off and giving
 * up (RFC 9293 3.8.1 and 3.8.3, RFC 6298 5.5), the two profiles' numbers
 * as the spec gives them, the reason table (every enum tcp_why cites a
 * section) and the name helpers the scenario language relies on.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "check_tcp_util.h"

/*
 * Fire timers one by one; each of the n expected retransmissions must come
 * at times[k] (ms) and repeat segment want; then the give-up at times[n].
 */
static void
ck_backoff(const struct tcp_seg *want, const uint64_t *times, size_t n)
{
	enum tcp_timer t;
	size_t k;

	for (k = 0; k < n; k++) {
		h_clear();
		ck_assert(h_fire_next(&t));
		ck_assert_int_eq(t, TCP_T_REXMT);
		ck_assert_msg(H.io.now == times[k], "retransmission %zu at "
		    "%llu ms, expected %llu", k + 1,
		    (unsigned long long)H.io.now,
		    (unsigned long long)times[k]);
		CK_NSENT(1);
		CK_SENT(0, want->flags, want->seq, want->ack, want->len);
		ck_assert(h_sent_ev(0)->rexmit);
		ck_assert(h_sent_ev(0)->why == TCP_W_REXMIT ||
		    h_sent_ev(0)->why == TCP_W_REXMIT_LINEAR ||
		    h_sent_ev(0)->why == TCP_W_REXMIT_AT_MAX);
	}
	h_clear();
	ck_assert(h_fire_next(&t));
	ck_assert_int_eq(t, TCP_T_REXMT);
	ck_assert_msg(H.io.now == times[n], "gave up at %llu ms, expected "
	    "%llu", (unsigned long long)H.io.now,
	    (unsigned long long)times[n]);
	CK_NSENT(0);
}

/* RFC 9293 3.8.3 MUST-23: a SYN is retransmitted for at least 3 minutes.
 * Six retransmissions (1 to 64 s apart) would give up at 127 s; seven do
 * at 255 s. */
START_TEST(test_syn_sent_rfc9293_backoff_give_up_after_3min)
{
	static const uint64_t times[] = {
		1000, 3000, 7000, 15000, 31000, 63000, 127000, 255000
	};

	fx_syn_sent(_i);
	ck_assert_uint_eq(H.cfg.syn_retries, 7);
	ck_assert_uint_ge(times[7], 180000);
	ck_backoff(&(struct tcp_seg){ .flags = TCP_SYN, .seq = A(0) },
	    times, 7);
	CK_STATE(TCP_CLOSED);
	CK_EDGE(TCP_SYN_SENT, TCP_CLOSED, TCP_W_GIVE_UP);
	CK_NOTICE(TCP_N_TIMEOUT, 1);
}
END_TEST

/*
 * Linux 6.18, tcp_syn_retries 6 and tcp_syn_linear_timeouts 4: a connect()
 * to a peer that swallows everything (a veth whose far end drops, see
 * doc/linux-differences.md) sent SYNs at 0, 1, 2, 3, 4, 5, 7, 11, 19, 35
 * and 67 s and failed with ETIMEDOUT at ~134 s: the kernel's timer wheel
 * fires a 64 s timer up to an eighth late; the model time is 131 s.
 */
START_TEST(test_syn_sent_linux_linear_backoff_give_up_131s)
{
	static const uint64_t times[] = {
		1000, 2000, 3000, 4000, 5000, 7000, 11000, 19000, 35000,
		67000, 131000
	};

	h_use_linux();
	fx_syn_sent(_i);
	ck_assert_uint_eq(H.cfg.syn_retries, 6);
	ck_assert_uint_eq(H.cfg.syn_linear, 4);
	ck_backoff(&(struct tcp_seg){ .flags = TCP_SYN, .seq = A(0) },
	    times, 10);
	CK_STATE(TCP_CLOSED);
	CK_NOTICE(TCP_N_TIMEOUT, 1);
}
END_TEST

/* The trace says what happened to the RTO: kept for the linear SYN
 * retransmissions, doubled after them. */
START_TEST(test_syn_sent_linux_linear_rexmit_says_rto_kept)
{
	static const enum tcp_why want[] = {
		TCP_W_REXMIT_LINEAR, TCP_W_REXMIT_LINEAR, TCP_W_REXMIT_LINEAR,
		TCP_W_REXMIT_LINEAR, TCP_W_REXMIT, TCP_W_REXMIT
	};

	h_use_linux();
	fx_syn_sent(_i);
	for (size_t k = 0; k < sizeof(want) / sizeof(want[0]); k++) {
		h_clear();
		ck_assert(h_fire_next(NULL));
		CK_NSENT(1);
		ck_assert_msg(h_sent_ev(0)->why == want[k],
		    "retransmission %zu: %s", k + 1,
		    tcp_why_text(h_sent_ev(0)->why));
	}
	ck_assert_uint_eq(H.tcb.rto, 4000);
}
END_TEST

/* At the RTO ceiling the RTO is not doubled, and the trace says so. */
START_TEST(test_syn_sent_rexmit_at_rto_max_says_so)
{
	fx_syn_sent(_i);
	H.cfg.rto_max_ms = 2000;
	ck_assert(h_fire_next(NULL));
	ck_assert_int_eq(h_sent_ev(0)->why, TCP_W_REXMIT);
	h_clear();
	ck_assert(h_fire_next(NULL));
	ck_assert_int_eq(h_sent_ev(0)->why, TCP_W_REXMIT_AT_MAX);
	ck_assert_uint_eq(H.tcb.rto, 2000);
}
END_TEST

START_TEST(test_syn_sent_retransmission_then_synack)
{
	fx_syn_sent(_i);
	ck_assert(h_fire_next(NULL));
	ck_assert(h_fire_next(NULL));
	h_clear();
	IN(.flags = SYNACK, .seq = P(0), .ack = A(1));
	CK_STATE(TCP_ESTABLISHED);
	ck_assert(!h_timer(TCP_T_REXMT, NULL));
}
END_TEST

START_TEST(test_syn_received_synack_backoff_give_up_passive)
{
	uint64_t times[32], rto, t = 0;
	unsigned k, n;

	fx_syn_rcvd(_i);
	n = H.cfg.synack_retries;
	ck_assert_uint_lt(n, 31);
	for (k = 0, rto = H.cfg.rto_ms; k <= n; k++, rto *= 2)
		times[k] = (t += rto);
	ck_backoff(&(struct tcp_seg){ .flags = SYNACK, .seq = A(0),
	    .ack = P(1) }, times, n);
	CK_STATE(TCP_LISTEN);
	CK_EDGE(TCP_SYN_RECEIVED, TCP_LISTEN, TCP_W_GIVE_UP_PASSIVE);
	CK_NOTICE(TCP_N_TIMEOUT, 0);
}
END_TEST

START_TEST(test_established_rfc9293_data_backoff_give_up)
{
	static const uint64_t times[] = {
		1000, 3000, 7000, 15000, 31000, 63000, 127000
	};

	fx_established(_i);
	ck_assert_uint_eq(H.cfg.retries, 6);
	ck_assert_int_eq(h_call(TCP_CALL_SEND, 100), TCP_OK);
	ck_backoff(&(struct tcp_seg){ .flags = PSHACK, .seq = A(1),
	    .ack = P(1), .len = 100 }, times, 6);
	CK_STATE(TCP_CLOSED);
	CK_EDGE(TCP_ESTABLISHED, TCP_CLOSED, TCP_W_GIVE_UP);
	CK_NOTICE(TCP_N_TIMEOUT, 1);
}
END_TEST

START_TEST(test_established_linux_data_backoff_give_up_924s)
{
	/* After the handshake's RTT sample the RTO is TCP_RTO_MIN, 200 ms.
	 * A tail loss probe goes at 0.2 s; the RTO then fires at 0.4, 0.8
	 * ... 204.8 s, then every TCP_RTO_MAX, 120 s, and tcp_retries2 15
	 * ends it once tcp_model_timeout(15, 200 ms) = 924.6 s have passed
	 * (tcp(7)), at the next expiry. */
	uint64_t times[16];
	unsigned k;

	for (k = 0; k < 10; k++)
		times[k] = ((uint64_t)2 << k) * 200;
	for (; k < 16; k++)
		times[k] = times[k - 1] + 120000;
	ck_assert_uint_eq(times[9], 204800);
	ck_assert_uint_eq(times[15], 924800);

	h_use_linux();
	fx_established(_i);
	ck_assert_uint_eq(H.cfg.retries, 15);
	ck_assert_uint_eq(H.cfg.rto_max_ms, 120000);
	ck_assert_int_eq(h_call(TCP_CALL_SEND, 1), TCP_OK);
	h_clear();
	ck_assert(h_fire_next(NULL));
	ck_assert_uint_eq(H.io.now, 200);
	CK_SENT(0, PSHACK, A(1), P(1), 1);
	ck_assert_int_eq(h_sent_ev(0)->why, TCP_W_TLP);
	ck_backoff(&(struct tcp_seg){ .flags = PSHACK, .seq = A(1),
	    .ack = P(1), .len = 1 }, times, 15);
	CK_STATE(TCP_CLOSED);
	CK_NOTICE(TCP_N_TIMEOUT, 1);
}
END_TEST

START_TEST(test_fin_wait_1_fin_backoff_give_up)
{
	static const uint64_t times[] = {
		1000, 3000, 7000, 15000, 31000, 63000, 127000
	};

	fx_fin_wait_1(_i);
	ck_backoff(&(struct tcp_seg){ .flags = FINACK, .seq = A(1),
	    .ack = P(1) }, times, 6);
	CK_STATE(TCP_CLOSED);
	CK_EDGE(TCP_FIN_WAIT_1, TCP_CLOSED, TCP_W_GIVE_UP);
}
END_TEST

START_TEST(test_closing_fin_retransmitted)
{
	fx_closing(_i);
	ck_assert(h_fire_next(NULL));
	CK_SENT(0, FINACK, A(1), P(2), 0);
	CK_STATE(TCP_CLOSING);
}
END_TEST

START_TEST(test_established_data_then_fin_retransmitted_in_order)
{
	/* Go-back-N from SND.UNA: the data first, the FIN after it. */
	fx_established(_i);
	ck_assert_int_eq(h_call(TCP_CALL_SEND, 10), TCP_OK);
	ck_assert_int_eq(h_call(TCP_CALL_CLOSE, 0), TCP_OK);
	h_clear();
	ck_assert(h_fire_next(NULL));
	ck_assert_uint_ge(h_nsent(), 1);
	CK_SENT(0, PSHACK, A(1), P(1), 10);
	if (h_nsent() > 1)
		CK_SENT(1, FINACK, A(11), P(1), 0);
}
END_TEST

START_TEST(test_rexmt_timer_does_not_fire_early)
{
	fx_syn_sent(_i);
	h_advance(H.cfg.rto_ms - 1);
	CK_NSENT(0);
	h_advance(1);
	CK_NSENT(1);
}
END_TEST

/* Profiles as the spec states them. */

START_TEST(test_profile_numbers)
{
	struct tcp_config c;

	tcp_config_rfc9293(&c);
	ck_assert_uint_eq(c.msl_ms, 120000);
	ck_assert_uint_eq(c.rto_ms, 1000);
	ck_assert_uint_eq(c.syn_retries, 7);
	ck_assert_uint_eq(c.synack_retries, 7);
	ck_assert_uint_eq(c.retries, 6);
	ck_assert_uint_eq(c.syn_linear, 0);
	ck_assert(!c.linux_timeouts);
	ck_assert(!c.rtt_timestamps);
	ck_assert_uint_eq(c.fin_wait_2_ms, 0);
	ck_assert(!c.delayed_ack);
	ck_assert(c.time_wait);
	ck_assert(!c.handshake_two);
	tcp_config_linux(&c);
	ck_assert_uint_eq(c.msl_ms, 30000);
	ck_assert_uint_eq(c.rto_ms, 1000);
	ck_assert_uint_eq(c.syn_retries, 6);
	ck_assert_uint_eq(c.synack_retries, 5);
	ck_assert_uint_eq(c.syn_linear, 4);
	ck_assert_uint_eq(c.rto_min_ms, 200);
	ck_assert(c.linux_timeouts);
	ck_assert_uint_eq(c.retries, 15);
	ck_assert_uint_eq(c.rto_max_ms, 120000);
	ck_assert_uint_eq(c.fin_wait_2_ms, 60000);
	ck_assert(c.time_wait);
}
END_TEST

/* Reasons and names. */

START_TEST(test_every_why_cites_a_section)
{
	int w;

	for (w = TCP_W_NONE + 1; w < TCP_NWHY; w++) {
		ck_assert_msg(tcp_why_rfc((enum tcp_why)w) != NULL &&
		    tcp_why_rfc((enum tcp_why)w)[0] != '\0',
		    "reason %d cites no section", w);
		ck_assert_msg(tcp_why_text((enum tcp_why)w) != NULL &&
		    tcp_why_text((enum tcp_why)w)[0] != '\0',
		    "reason %d has no text", w);
	}
}
END_TEST

START_TEST(test_state_names_round_trip)
{
	static const struct {
		const char *word;
		enum tcp_state s;
	} alias[] = {
		{ "SYN-SENT", TCP_SYN_SENT }, { "syn_rcvd", TCP_SYN_RECEIVED },
		{ "SYN_RECV", TCP_SYN_RECEIVED }, { "estab", TCP_ESTABLISHED },
		{ "FIN_WAIT1", TCP_FIN_WAIT_1 },
		{ "fin-wait-2", TCP_FIN_WAIT_2 },
		{ "Time-Wait", TCP_TIME_WAIT }, { "close_wait", TCP_CLOSE_WAIT }
	};
	enum tcp_state got;
	int s;
	size_t k;

	for (s = 0; s < TCP_NSTATES; s++) {
		const char *name = tcp_state_name((enum tcp_state)s);

		ck_assert_str_eq(name, h_state_str((enum tcp_state)s));
		ck_assert(tcp_state_parse(name, &got));
		ck_assert_int_eq(got, s);
		ck_assert(tcp_state_synchronized((enum tcp_state)s) ==
		    (s >= TCP_ESTABLISHED));
	}
	for (k = 0; k < sizeof(alias) / sizeof(alias[0]); k++) {
		ck_assert_msg(tcp_state_parse(alias[k].word, &got), "%s",
		    alias[k].word);
		ck_assert_int_eq(got, alias[k].s);
	}
	ck_assert(!tcp_state_parse("ESTABLISH", &got));
	ck_assert(!tcp_state_parse("", &got));
}
END_TEST

START_TEST(test_flags_and_seqlen)
{
	char buf[TCP_FLAGS_BUFSZ];
	struct tcp_seg seg = { .flags = TCP_SYN | TCP_FIN, .len = 7 };
	enum tcp_notice n;

	ck_assert_str_eq(tcp_flags_str(SYNACK, buf), "SYN+ACK");
	ck_assert_str_eq(tcp_flags_str(FINACK, buf), "FIN+ACK");
	ck_assert_str_eq(tcp_flags_str(TCP_RST, buf), "RST");
	ck_assert_str_eq(tcp_flags_str(PSHACK, buf), "PSH+ACK");
	ck_assert(strlen(tcp_flags_str(TCP_FLAGS_ALL, buf)) <
	    TCP_FLAGS_BUFSZ);
	ck_assert_uint_eq(tcp_seg_seqlen(&seg), 9);
	seg.flags = TCP_ACK;
	ck_assert_uint_eq(tcp_seg_seqlen(&seg), 7);
	ck_assert(tcp_notice_parse("eof", &n));
	ck_assert_int_eq(n, TCP_N_EOF);
	ck_assert_str_eq(tcp_notice_name(TCP_N_REFUSED), "refused");
	ck_assert_str_eq(tcp_call_name(TCP_CALL_CONNECT), "connect");
}
END_TEST

START_TEST(test_seq_helpers_wrap)
{
	ck_assert(seq_lt(0xFFFFFFFFu, 0));
	ck_assert(seq_gt(0, 0xFFFFFFFFu));
	ck_assert(seq_leq(0xFFFFFFF0u, 0x10));
	ck_assert(seq_geq(5, 5));
	ck_assert(seq_in_window(2, 0xFFFFFFFEu, 5));
	ck_assert(!seq_in_window(3, 0xFFFFFFFEu, 5));
	ck_assert(!seq_in_window(0xFFFFFFFDu, 0xFFFFFFFEu, 5));
}
END_TEST

static Suite *
timer_suite(void)
{
	Suite *s = suite_create("tcp_timer");
	TCase *tc;

	tc = tcase_create("retransmission");
	tcase_set_timeout(tc, 30);
	ADD_LOOP(tc, test_syn_sent_rfc9293_backoff_give_up_after_3min);
	ADD_LOOP(tc, test_syn_sent_linux_linear_backoff_give_up_131s);
	ADD_LOOP(tc, test_syn_sent_linux_linear_rexmit_says_rto_kept);
	ADD_LOOP(tc, test_syn_sent_rexmit_at_rto_max_says_so);
	ADD_LOOP(tc, test_syn_sent_retransmission_then_synack);
	ADD_LOOP(tc, test_syn_received_synack_backoff_give_up_passive);
	ADD_LOOP(tc, test_established_rfc9293_data_backoff_give_up);
	ADD_LOOP(tc, test_established_linux_data_backoff_give_up_924s);
	ADD_LOOP(tc, test_fin_wait_1_fin_backoff_give_up);
	ADD_LOOP(tc, test_closing_fin_retransmitted);
	ADD_LOOP(tc, test_established_data_then_fin_retransmitted_in_order);
	ADD_LOOP(tc, test_rexmt_timer_does_not_fire_early);
	suite_add_tcase(s, tc);

	tc = tcase_create("tables");
	tcase_add_test(tc, test_profile_numbers);
	tcase_add_test(tc, test_every_why_cites_a_section);
	tcase_add_test(tc, test_state_names_round_trip);
	tcase_add_test(tc, test_flags_and_seqlen);
	tcase_add_test(tc, test_seq_helpers_wrap);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return h_run(timer_suite());
}
