/*
 * Round-trip time and giving up: RFC 6298 estimation with Karn's rule and
 * the 3 s fall-back of 5.7 in the rfc9293 profile; in the linux profile
 * the 200 ms floor, samples from retransmitted segments (timestamps),
 * tcp_syn_linear_timeouts and tcp_write_timeout()'s time-based give-up.
 *
 * The Linux numbers were measured on a 6.18 kernel (HZ 250) in network
 * namespaces: see doc/linux-differences.md for the commands.  The kernel's
 * timer wheel fires long timers up to an eighth late, so a measured
 * give-up is a little later than the model time the tests assert.
 */
#include <check.h>
#include <stdlib.h>

#include "check_tcp_util.h"

/* Fire the retransmission timer until the TCB gives up; record when each
 * retransmission went out and when it gave up.  Returns how many. */
static size_t
ck_rexmit_times(uint64_t *times, size_t max, uint64_t *gave_up)
{
	enum tcp_timer t;
	size_t n = 0;

	for (;;) {
		h_clear();
		ck_assert(h_fire_next(&t));
		ck_assert_int_eq(t, TCP_T_REXMT);
		if (h_nsent() == 0)
			break;
		ck_assert_uint_lt(n, max);
		CK_NSENT(1);
		ck_assert(h_sent_ev(0)->rexmit);
		times[n++] = H.io.now;
	}
	*gave_up = H.io.now;
	CK_STATE(TCP_CLOSED);
	CK_NOTICE(TCP_N_TIMEOUT, 1);
	return n;
}

/* SYN_SENT with a setting changed before the connect. */
static void
fx_syn_sent_with(int v, bool linux, unsigned syn_retries, unsigned linear)
{
	if (linux)
		h_use_linux();
	h_begin(v);
	H.cfg.syn_retries = syn_retries;
	H.cfg.syn_linear = linear;
	ck_assert_int_eq(h_call(TCP_CALL_CONNECT, 0), TCP_OK);
	CK_STATE(TCP_SYN_SENT);
	h_clear();
}

static void
ck_times(const uint64_t *got, size_t n, const uint64_t *want, size_t nwant)
{
	ck_assert_msg(n == nwant, "%zu retransmissions, expected %zu", n,
	    nwant);
	for (size_t k = 0; k < n; k++)
		ck_assert_msg(got[k] == want[k], "retransmission %zu at %llu "
		    "ms, expected %llu", k + 1, (unsigned long long)got[k],
		    (unsigned long long)want[k]);
}

/* Linux 6.18, `sysctl net.ipv4.tcp_syn_retries=3`: SYNs at 0, 1, 2, 3, 4,
 * 5, 7 and 11 s, ETIMEDOUT at 19.4 s (model: 19 s, the count 3 + 4). */
START_TEST(test_syn_sent_linux_syn_retries_3_give_up_19s)
{
	static const uint64_t want[] = {
		1000, 2000, 3000, 4000, 5000, 7000, 11000
	};
	uint64_t got[32], end;
	size_t n;

	fx_syn_sent_with(_i, true, 3, 4);
	n = ck_rexmit_times(got, 32, &end);
	ck_times(got, n, want, 7);
	ck_assert_uint_eq(end, 19000);
}
END_TEST

/* Linux 6.18, tcp_syn_retries=2: SYNs at 0, 1, 2, 3, 4, 5 s, ETIMEDOUT at
 * 7.1 s.  The count (2 + 4 = 6) is not reached: the time is, since 7 s is
 * what two retransmissions doubling from 1 s take. */
START_TEST(test_syn_sent_linux_syn_retries_2_give_up_by_time_7s)
{
	static const uint64_t want[] = { 1000, 2000, 3000, 4000, 5000 };
	uint64_t got[32], end;
	size_t n;

	fx_syn_sent_with(_i, true, 2, 4);
	n = ck_rexmit_times(got, 32, &end);
	ck_times(got, n, want, 5);
	ck_assert_uint_eq(end, 7000);
}
END_TEST

/* tcp_syn_linear_timeouts=0, as kernels before 6.5 (Debian 12's 6.1):
 * SYNs at 0, 1, 3, 7, 15, 31, 63 s (measured 65.6 s: the timer wheel),
 * give-up at 127 s (measured 131.2 s). */
START_TEST(test_syn_sent_linux_linear_0_doubles_give_up_127s)
{
	static const uint64_t want[] = {
		1000, 3000, 7000, 15000, 31000, 63000
	};
	uint64_t got[32], end;
	size_t n;

	fx_syn_sent_with(_i, true, 6, 0);
	n = ck_rexmit_times(got, 32, &end);
	ck_times(got, n, want, 6);
	ck_assert_uint_eq(end, 127000);
}
END_TEST

/* The rfc9293 profile takes the setting too, for the spacing only: its
 * give-up stays a count of syn_retries. */
START_TEST(test_syn_sent_rfc9293_linear_timeouts_setting)
{
	static const uint64_t want[] = { 1000, 2000, 3000, 5000, 9000 };
	uint64_t got[32], end;
	size_t n;

	fx_syn_sent_with(_i, false, 5, 2);
	n = ck_rexmit_times(got, 32, &end);
	ck_times(got, n, want, 5);
	ck_assert_uint_eq(end, 17000);
}
END_TEST

/*
 * An orphaned FIN (after close()) gets tcp_orphan_retries, 0 meaning 8:
 * tcp_model_timeout(8, 200 ms) = 102.2 s.  Linux 6.18, client's ACKs
 * dropped by the relay, server close(): FINs at 0, 0.207 (the tail loss
 * probe), 0.415, 0.847, 1.679, 3.343, 6.767, 13.42, 26.74, 53.36 s, then
 * none; the socket was gone when the client's FIN came at 115.5 s (RST).
 */
START_TEST(test_fin_wait_1_linux_orphan_gives_up_102s)
{
	static const uint64_t want[] = {
		200, 400, 800, 1600, 3200, 6400, 12800, 25600, 51200
	};
	uint64_t got[32], end;
	size_t n;

	h_use_linux();
	fx_fin_wait_1(_i);
	n = ck_rexmit_times(got, 32, &end);
	ck_times(got, n, want, 9);
	ck_assert_uint_eq(end, 102400);
}
END_TEST

/* After shutdown() the socket is not orphaned: tcp_retries2 applies. */
START_TEST(test_fin_wait_1_linux_shutdown_keeps_retries2)
{
	uint64_t got[32], end;
	size_t n;

	h_use_linux();
	fx_fin_wait_1_shut(_i);
	n = ck_rexmit_times(got, 32, &end);
	ck_assert_uint_eq(n, 16);	/* the probe and 15 retries */
	ck_assert_uint_eq(end, 924800);
}
END_TEST

/*
 * Linux 6.18, client and server in two namespaces joined by a TUN relay
 * that dropped the client's final ACK: the server in LAST_ACK sent its FIN
 * again 206, 414, 834, 1666 and 3330 ms after the first one: a tail loss
 * probe after 2 SRTT + 200 ms, then the RTO, 200 ms after the handshake's
 * sample (the rest is the kernel's 4 ms tick), not the initial 1 s, then
 * doubling.
 */
START_TEST(test_last_ack_linux_lost_final_ack_fin_again_after_200ms)
{
	h_use_linux();
	fx_established_passive(_i);
	IN(.flags = FINACK, .seq = P(1), .ack = A(1));
	ck_assert_int_eq(h_call(TCP_CALL_CLOSE, 0), TCP_OK);
	CK_STATE(TCP_LAST_ACK);
	h_clear();
	ck_assert(h_fire_next(NULL));
	ck_assert_uint_eq(H.io.now, 200);
	CK_SENT(0, FINACK, A(1), P(2), 0);
	ck_assert_int_eq(h_sent_ev(0)->why, TCP_W_TLP);
	h_clear();
	ck_assert(h_fire_next(NULL));
	ck_assert_uint_eq(H.io.now, 400);
	CK_SENT(0, FINACK, A(1), P(2), 0);
	ck_assert_int_eq(h_sent_ev(0)->why, TCP_W_REXMIT);
	h_clear();
	ck_assert(h_fire_next(NULL));
	ck_assert_uint_eq(H.io.now, 800);
	h_clear();
	ck_assert(h_fire_next(NULL));
	ck_assert_uint_eq(H.io.now, 1600);
}
END_TEST

/* The rfc9293 profile samples too, but RFC 6298 2.4 rounds up to 1 s. */
START_TEST(test_last_ack_rfc9293_fin_again_after_1s)
{
	fx_last_ack(_i);
	h_clear();
	ck_assert(h_fire_next(NULL));
	ck_assert_uint_eq(H.io.now, 1000);
	CK_SENT(0, FINACK, A(1), P(2), 0);
}
END_TEST

/* A sample of 100 ms: SRTT 100, RTTVAR 50, RTO = 100 + max(200, 200). */
START_TEST(test_syn_sent_linux_rtt_100ms_rto_300ms)
{
	h_use_linux();
	fx_syn_sent(_i);
	h_advance(100);
	IN(.flags = SYNACK, .seq = P(0), .ack = A(1));
	CK_STATE(TCP_ESTABLISHED);
	ck_assert(H.tcb.rtt_valid);
	ck_assert_uint_eq(H.tcb.srtt, 100);
	ck_assert_uint_eq(H.tcb.rttvar, 50);
	ck_assert_int_eq(h_call(TCP_CALL_SEND, 10), TCP_OK);
	h_clear();
	ck_assert(h_fire_next(NULL));
	ck_assert_uint_eq(H.io.now, 100 + 300);
	CK_SENT(0, PSHACK, A(1), P(1), 10);
}
END_TEST

/* rfc9293, a slow answer: 800 ms gives RTO 800 + 4 * 400 = 2.4 s; a
 * second sample of 800 ms: SRTT 800, RTTVAR 300, RTO 2 s (RFC 6298 2.3). */
START_TEST(test_established_rfc9293_rtt_samples_set_rto)
{
	fx_syn_sent(_i);
	h_advance(800);
	IN(.flags = SYNACK, .seq = P(0), .ack = A(1));
	ck_assert_uint_eq(H.tcb.rto, 2400);
	ck_assert_int_eq(h_call(TCP_CALL_SEND, 10), TCP_OK);
	h_advance(800);
	IN(.flags = TCP_ACK, .seq = P(1), .ack = A(11));
	ck_assert_uint_eq(H.tcb.srtt, 800);
	ck_assert_uint_eq(H.tcb.rttvar, 300);
	ck_assert_uint_eq(H.tcb.rto, 2000);
	ck_assert_int_eq(h_call(TCP_CALL_SEND, 10), TCP_OK);
	h_clear();
	ck_assert(h_fire_next(NULL));
	ck_assert_uint_eq(H.io.now, 1600 + 2000);
}
END_TEST

/* Karn's rule (RFC 6298 3): the SYN+ACK answers a retransmitted SYN, so
 * no sample; RFC 6298 5.7 then starts data at an RTO of 3 s. */
START_TEST(test_syn_sent_rfc9293_karn_no_sample_rto_3s)
{
	fx_syn_sent(_i);
	ck_assert(h_fire_next(NULL));
	h_advance(100);
	IN(.flags = SYNACK, .seq = P(0), .ack = A(1));
	CK_STATE(TCP_ESTABLISHED);
	ck_assert(!H.tcb.rtt_valid);
	ck_assert_int_eq(h_call(TCP_CALL_SEND, 10), TCP_OK);
	h_clear();
	ck_assert(h_fire_next(NULL));
	ck_assert_uint_eq(H.io.now, 1100 + 3000);
	CK_SENT(0, PSHACK, A(1), P(1), 10);
}
END_TEST

/* Linux times a retransmitted SYN through the timestamp the SYN+ACK
 * echoes (RFC 7323 4.1), so the RTO is 200 ms, not 3 s. */
START_TEST(test_syn_sent_linux_retransmitted_syn_timed_by_timestamp)
{
	h_use_linux();
	fx_syn_sent(_i);
	ck_assert(h_fire_next(NULL));
	h_advance(100);
	IN(.flags = SYNACK, .seq = P(0), .ack = A(1));
	ck_assert(H.tcb.rtt_valid);
	ck_assert_uint_eq(H.tcb.srtt, 100);
	ck_assert_uint_eq(H.tcb.rto, 300);
}
END_TEST

/* Karn's algorithm: the ACK of retransmitted data gives no sample, and
 * the backed-off RTO (2 s) stays for the next segment. */
START_TEST(test_established_rfc9293_karn_keeps_backed_off_rto)
{
	fx_established(_i);
	ck_assert_int_eq(h_call(TCP_CALL_SEND, 10), TCP_OK);
	ck_assert(h_fire_next(NULL));
	ck_assert_uint_eq(H.io.now, 1000);
	IN(.flags = TCP_ACK, .seq = P(1), .ack = A(11));
	ck_assert_uint_eq(H.tcb.rto, 2000);
	ck_assert_int_eq(h_call(TCP_CALL_SEND, 10), TCP_OK);
	h_clear();
	ck_assert(h_fire_next(NULL));
	ck_assert_uint_eq(H.io.now, 3000);
	CK_SENT(0, PSHACK, A(11), P(1), 10);
	/* A fresh segment answered in time gives a sample: back to 1 s. */
	IN(.flags = TCP_ACK, .seq = P(1), .ack = A(21));
	ck_assert_uint_eq(H.tcb.rto, 4000);
	ck_assert_int_eq(h_call(TCP_CALL_SEND, 10), TCP_OK);
	IN(.flags = TCP_ACK, .seq = P(1), .ack = A(31));
	ck_assert_uint_eq(H.tcb.rto, 1000);
}
END_TEST

/* Linux times the retransmission (timestamps) and collapses the RTO. */
START_TEST(test_established_linux_ack_of_retransmission_collapses_rto)
{
	h_use_linux();
	fx_established(_i);
	ck_assert_int_eq(h_call(TCP_CALL_SEND, 10), TCP_OK);
	ck_assert(h_fire_next(NULL));
	ck_assert_uint_eq(H.io.now, 200);
	IN(.flags = TCP_ACK, .seq = P(1), .ack = A(11));
	ck_assert_uint_eq(H.tcb.rto, 200);
}
END_TEST

/* Two segments out: the probe (the last one) goes after 2 SRTT + 2
 * jiffies (TCP_TIMEOUT_MIN, 8 ms at HZ 250); the head waits for its
 * RTO, counted from its own transmission. */
START_TEST(test_established_linux_tlp_probes_last_segment)
{
	h_use_linux();
	fx_established(_i);
	ck_assert_int_eq(h_call(TCP_CALL_SEND, 10), TCP_OK);
	ck_assert_int_eq(h_call(TCP_CALL_SEND, 20), TCP_OK);
	h_clear();
	ck_assert(h_fire_next(NULL));
	ck_assert_uint_eq(H.io.now, 8);
	CK_NSENT(1);
	CK_SENT(0, PSHACK, A(11), P(1), 20);
	ck_assert_int_eq(h_sent_ev(0)->why, TCP_W_TLP);
	h_clear();
	ck_assert(h_fire_next(NULL));
	ck_assert_uint_eq(H.io.now, 200);
	CK_SENT(0, PSHACK, A(1), P(1), 10);
	ck_assert_int_eq(h_sent_ev(0)->why, TCP_W_REXMIT);
	/* In loss recovery: no probe, the RTO doubles. */
	h_clear();
	ck_assert(h_fire_next(NULL));
	ck_assert_uint_eq(H.io.now, 600);
	ck_assert_int_eq(h_sent_ev(0)->why, TCP_W_REXMIT);
}
END_TEST

/* The rfc9293 profile has no probe: the RTO of RFC 6298 only. */
START_TEST(test_established_rfc9293_no_tail_loss_probe)
{
	fx_established(_i);
	ck_assert_int_eq(h_call(TCP_CALL_SEND, 10), TCP_OK);
	h_clear();
	ck_assert(h_fire_next(NULL));
	ck_assert_uint_eq(H.io.now, 1000);
	ck_assert_int_eq(h_sent_ev(0)->why, TCP_W_REXMIT);
}
END_TEST

static Suite *
rtt_suite(void)
{
	Suite *s = suite_create("rtt");
	TCase *tc = tcase_create("give-up");

	ADD_LOOP(tc, test_syn_sent_linux_syn_retries_3_give_up_19s);
	ADD_LOOP(tc, test_syn_sent_linux_syn_retries_2_give_up_by_time_7s);
	ADD_LOOP(tc, test_syn_sent_linux_linear_0_doubles_give_up_127s);
	ADD_LOOP(tc, test_syn_sent_rfc9293_linear_timeouts_setting);
	ADD_LOOP(tc, test_fin_wait_1_linux_orphan_gives_up_102s);
	ADD_LOOP(tc, test_fin_wait_1_linux_shutdown_keeps_retries2);
	suite_add_tcase(s, tc);
	tc = tcase_create("estimate");
	ADD_LOOP(tc, test_last_ack_linux_lost_final_ack_fin_again_after_200ms);
	ADD_LOOP(tc, test_last_ack_rfc9293_fin_again_after_1s);
	ADD_LOOP(tc, test_syn_sent_linux_rtt_100ms_rto_300ms);
	ADD_LOOP(tc, test_established_rfc9293_rtt_samples_set_rto);
	ADD_LOOP(tc, test_syn_sent_rfc9293_karn_no_sample_rto_3s);
	ADD_LOOP(tc, test_syn_sent_linux_retransmitted_syn_timed_by_timestamp);
	ADD_LOOP(tc, test_established_rfc9293_karn_keeps_backed_off_rto);
	ADD_LOOP(tc,
	    test_established_linux_ack_of_retransmission_collapses_rto);
	ADD_LOOP(tc, test_established_linux_tlp_probes_last_segment);
	ADD_LOOP(tc, test_established_rfc9293_no_tail_loss_probe);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return h_run(rtt_suite());
}
