/*
 * The shared ladder model (sim/ladder.h), a test case of check_sim:
 * RFC 9293's figures folded into rows, with the states in the margins,
 * the fates, crossing segments and the times, as the simulator's ladder,
 * the diagram and the quiz paper all read them.
 *
 * Commands are built in C (check_sim_util.h) and replayed with
 * world_replay, with the figures' ISNs (client 99, server 299); each
 * command's trace is one step.
 */
#include <config.h>

#include <check.h>
#include <stdio.h>
#include <string.h>

#include "check_sim_util.h"
#include "sim/ladder.h"

static struct world w;
static struct ladder l;

static void
setup(void)
{
	world_init(&w);
	w.keep_trace = true;
	ladder_init(&l);
}

static void
teardown(void)
{
	world_free(&w);
	ladder_free(&l);
}

/* world_replay's callback: each command's trace is one step. */
static bool
fold(void *arg, struct world *wp, size_t i, const struct sim_result *res)
{
	(void)arg;
	ck_assert_msg(res->status == SIM_OK, "command %zu: %s", i + 1,
	    res->msg);
	ladder_begin(&l);
	ladder_feed(&l, wp->trace, wp->ntrace);
	ladder_end(&l);
	return true;
}

#define RUN(...) run((const struct cmd[]){ __VA_ARGS__ }, \
    sizeof((const struct cmd[]){ __VA_ARGS__ }) / sizeof(struct cmd))

static void
run(const struct cmd *c, size_t n)
{
	struct sim_result res;

	ck_assert_uint_eq(world_replay(&w, c, n, &res, fold, NULL), n);
}

#define DELIVER c_sel_id(CMD_DELIVER, 0)

static void
fig06(void)
{
	RUN(c_isn(HOST_CLIENT, 99, 999), c_isn(HOST_SERVER, 299, 2999),
	    c_host(CMD_LISTEN, HOST_SERVER), c_host(CMD_CONNECT, HOST_CLIENT),
	    DELIVER, DELIVER, DELIVER);
}

static const struct ladder_row *
row_of(uint32_t id)
{
	const struct ladder_arrow *a = ladder_arrow_by_id(&l, id);

	ck_assert_ptr_nonnull(a);
	ck_assert_uint_lt(a->row, l.nrows);
	return &l.rows[a->row];
}

/* The row's state for host h, or -1 for none. */
static int
margin(const struct ladder_row *r, enum sim_host_id h)
{
	return r->has_state[h] ? (int)r->state[h] : -1;
}

/* Figure 6: LISTEN has no segment (a note); each host's new state sits
 * beside the segment that caused it: SYN_SENT where the SYN leaves,
 * SYN_RECEIVED where it arrives, ESTABLISHED on the SYN+ACK's row for
 * the client and on the ACK's for the server. */
START_TEST(test_fig06_handshake_rows_and_margins)
{
	const struct ladder_row *r;

	fig06();
	ck_assert_uint_eq(l.nrows, 4);
	ck_assert_uint_eq(l.narrows, 3);
	r = &l.rows[0];
	ck_assert(!r->is_arrow);
	ck_assert_int_eq(r->note, LADDER_N_STATE);
	ck_assert_int_eq(r->note_host, HOST_SERVER);
	ck_assert_int_eq(margin(r, HOST_SERVER), TCP_LISTEN);
	ck_assert_int_eq(margin(r, HOST_CLIENT), -1);
	r = row_of(1);
	ck_assert_ptr_eq(r, &l.rows[1]);
	ck_assert_int_eq(margin(r, HOST_CLIENT), TCP_SYN_SENT);
	ck_assert_int_eq(margin(r, HOST_SERVER), TCP_SYN_RECEIVED);
	r = row_of(2);
	ck_assert_int_eq(margin(r, HOST_CLIENT), TCP_ESTABLISHED);
	ck_assert_int_eq(margin(r, HOST_SERVER), -1);
	r = row_of(3);
	ck_assert_int_eq(margin(r, HOST_CLIENT), -1);
	ck_assert_int_eq(margin(r, HOST_SERVER), TCP_ESTABLISHED);
	for (uint32_t id = 1; id <= 3; id++) {
		const struct ladder_arrow *a = ladder_arrow_by_id(&l, id);

		ck_assert_int_eq(a->fate, LADDER_DELIVERED);
		ck_assert_uint_eq(a->crossed, 0);
		ck_assert_uint_eq(a->sent, 0);
		ck_assert_uint_eq(a->arrived, 0);
		ck_assert_uint_eq(a->seq_inc, 0);
		/* The server had chosen no ISN when the SYN left. */
		ck_assert_uint_eq(a->ack_inc, id == 1 ? LADDER_NOINC : 0);
	}
	ck_assert_uint_eq(ladder_arrow_by_id(&l, 2)->f.seg.seq, 299);
	ck_assert_int_eq(l.host[HOST_CLIENT].state, TCP_ESTABLISHED);
	ck_assert_int_eq(l.host[HOST_SERVER].state, TCP_ESTABLISHED);
	ck_assert_uint_eq(l.host[HOST_CLIENT].niss, 1);
	ck_assert_uint_eq(l.host[HOST_CLIENT].iss[0], 99);
	ck_assert_uint_eq(l.host[HOST_SERVER].iss[0], 299);
	/* Each row knows the step that made it: LISTEN the third command,
	 * the SYN the fourth, its arrival (the fifth) wrote a margin only. */
	ck_assert_uint_eq(l.rows[0].step, 3);
	ck_assert_uint_eq(l.rows[1].step, 4);
	ck_assert_uint_eq(l.rows[2].step, 5);
}
END_TEST

/* Figure 12: the close in four segments, then TIME_WAIT's end 2MSL
 * later, a note with no segment, timed at 240 s, saying why. */
START_TEST(test_fig12_normal_close_time_wait_note)
{
	const struct ladder_row *r;

	fig06();
	RUN(c_host(CMD_CLOSE, HOST_CLIENT), DELIVER, DELIVER,
	    c_host(CMD_CLOSE, HOST_SERVER), DELIVER, DELIVER, c_wait_msl(2));
	ck_assert_uint_eq(l.narrows, 7);
	r = row_of(4);		/* FIN+ACK c>s */
	ck_assert_int_eq(margin(r, HOST_CLIENT), TCP_FIN_WAIT_1);
	ck_assert_int_eq(margin(r, HOST_SERVER), TCP_CLOSE_WAIT);
	r = row_of(5);		/* ACK s>c */
	ck_assert_int_eq(margin(r, HOST_CLIENT), TCP_FIN_WAIT_2);
	r = row_of(6);		/* FIN+ACK s>c */
	ck_assert_int_eq(margin(r, HOST_SERVER), TCP_LAST_ACK);
	ck_assert_int_eq(margin(r, HOST_CLIENT), TCP_TIME_WAIT);
	r = row_of(7);		/* the last ACK */
	ck_assert_int_eq(margin(r, HOST_SERVER), TCP_CLOSED);
	ck_assert_uint_eq(r->time, 0);
	r = &l.rows[l.nrows - 1];
	ck_assert(!r->is_arrow);
	ck_assert_int_eq(r->note_host, HOST_CLIENT);
	ck_assert_int_eq(margin(r, HOST_CLIENT), TCP_CLOSED);
	ck_assert_int_eq(r->why, TCP_W_TIME_WAIT_DONE);
	ck_assert_uint_eq(r->time, 240000);
	ck_assert_uint_eq(l.nrows, 4 + 4 + 1);
}
END_TEST

/* Figure 13: both FINs are on the wire at once and pass each other, and
 * so do both ACKs: each of a pair names the other.  A host's margin reads
 * in time order, so the server's CLOSING (its FIN's row is below the
 * client's) goes on the ACK it sends because of the client's FIN, and
 * its TIME_WAIT, which no later segment carries, on a note of its own. */
START_TEST(test_fig13_simultaneous_close_crossing)
{
	const struct ladder_row *r;

	fig06();
	RUN(c_host(CMD_CLOSE, HOST_CLIENT), c_host(CMD_CLOSE, HOST_SERVER),
	    c_sel_dir(CMD_DELIVER, DIR_S2C), c_sel_dir(CMD_DELIVER, DIR_C2S),
	    c_sel_dir(CMD_DELIVER, DIR_C2S), c_sel_dir(CMD_DELIVER, DIR_S2C));
	ck_assert_uint_eq(ladder_arrow_by_id(&l, 4)->crossed, 5);
	ck_assert_uint_eq(ladder_arrow_by_id(&l, 5)->crossed, 4);
	ck_assert_uint_eq(ladder_arrow_by_id(&l, 6)->crossed, 7);
	ck_assert_uint_eq(ladder_arrow_by_id(&l, 7)->crossed, 6);
	ck_assert_uint_eq(ladder_arrow_by_id(&l, 3)->crossed, 0);
	r = row_of(4);
	ck_assert_int_eq(margin(r, HOST_CLIENT), TCP_FIN_WAIT_1);
	ck_assert_int_eq(margin(r, HOST_SERVER), -1);
	r = row_of(5);
	ck_assert_int_eq(margin(r, HOST_SERVER), TCP_FIN_WAIT_1);
	ck_assert_int_eq(margin(r, HOST_CLIENT), TCP_CLOSING);
	r = row_of(6);
	ck_assert_int_eq(margin(r, HOST_CLIENT), -1);
	ck_assert_int_eq(margin(r, HOST_SERVER), -1);
	r = row_of(7);
	ck_assert_int_eq(margin(r, HOST_SERVER), TCP_CLOSING);
	ck_assert_int_eq(margin(r, HOST_CLIENT), TCP_TIME_WAIT);
	ck_assert_uint_eq(l.nrows, 4 + 4 + 1);
	r = &l.rows[l.nrows - 1];
	ck_assert(!r->is_arrow);
	ck_assert_int_eq(r->note_host, HOST_SERVER);
	ck_assert_int_eq(margin(r, HOST_SERVER), TCP_TIME_WAIT);
	ck_assert_int_eq(l.host[HOST_CLIENT].state, TCP_TIME_WAIT);
	ck_assert_int_eq(l.host[HOST_SERVER].state, TCP_TIME_WAIT);
}
END_TEST

/* Tester 3, item 6: whichever FIN is delivered first, the two FINs were
 * each sent before the other arrived, and are marked as passing. */
START_TEST(test_fin_wait_1_fins_crossed_either_delivery_order)
{
	for (int first = 0; first < 2; first++) {
		teardown();
		setup();
		fig06();
		RUN(c_host(CMD_CLOSE, HOST_CLIENT),
		    c_host(CMD_CLOSE, HOST_SERVER),
		    c_sel_dir(CMD_DELIVER, (enum sim_dir)first),
		    c_sel_dir(CMD_DELIVER, (enum sim_dir)(1 - first)));
		ck_assert_uint_eq(ladder_arrow_by_id(&l, 4)->crossed, 5);
		ck_assert_uint_eq(ladder_arrow_by_id(&l, 5)->crossed, 4);
		ck_assert_int_eq(l.host[HOST_CLIENT].state, TCP_CLOSING);
		ck_assert_int_eq(l.host[HOST_SERVER].state, TCP_CLOSING);
	}
}
END_TEST

/* Tester 3, item 4 (lesson 15): a row's time is when its segment was
 * sent.  The server's ACK leaves at 150 ms and reaches the client at
 * 200 ms: the client's FIN_WAIT_2 is not written beside the 150 ms row
 * but on a note at 200 ms, saying why; the last ACK's CLOSED likewise
 * at 250 ms.  A state changed on an arrival with no delay (the server's
 * CLOSE_WAIT) still goes on the arriving segment's row. */
START_TEST(test_fin_wait_1_late_ack_state_at_arrival_time)
{
	const struct ladder_row *r;

	RUN(c_isn(HOST_CLIENT, 99, 999), c_isn(HOST_SERVER, 299, 2999),
	    c_host(CMD_LISTEN, HOST_SERVER), c_host(CMD_CONNECT, HOST_CLIENT),
	    c_wait(50), DELIVER, c_wait(50), DELIVER,
	    c_host(CMD_CLOSE, HOST_CLIENT), c_wait(50), DELIVER, DELIVER,
	    c_host(CMD_CLOSE, HOST_SERVER), c_wait(50), DELIVER);
	r = row_of(5);		/* the server's ACK of the FIN, at 150 ms */
	ck_assert_uint_eq(r->time, 150);
	ck_assert_int_eq(margin(r, HOST_CLIENT), -1);
	ck_assert_int_eq(margin(r, HOST_SERVER), TCP_CLOSE_WAIT);
	r = &l.rows[l.nrows - 1];
	ck_assert(!r->is_arrow);
	ck_assert_int_eq(r->note_host, HOST_CLIENT);
	ck_assert_int_eq(margin(r, HOST_CLIENT), TCP_FIN_WAIT_2);
	ck_assert_uint_eq(r->time, 200);
	ck_assert_int_ne(r->why, TCP_W_NONE);
	ck_assert_uint_eq(r->cause, 5);	/* the note names the ACK */
	RUN(DELIVER, c_wait(50), DELIVER);
	r = row_of(7);		/* the last ACK, sent at 200 ms */
	ck_assert_uint_eq(r->time, 200);
	ck_assert_int_eq(margin(r, HOST_CLIENT), TCP_TIME_WAIT);
	ck_assert_int_eq(margin(r, HOST_SERVER), -1);
	r = &l.rows[l.nrows - 1];
	ck_assert_int_eq(margin(r, HOST_SERVER), TCP_CLOSED);
	ck_assert_uint_eq(r->time, 250);
	ck_assert_uint_eq(r->cause, 7);
}
END_TEST

/* Every fate, with the time it came: a lost SYN, its retransmission a
 * second later (marked), a copy made by the network, a crafted segment,
 * and a segment left on the wire until it outlives the MSL. */
START_TEST(test_fates_and_times)
{
	const struct ladder_arrow *a;

	RUN(c_isn(HOST_CLIENT, 99, 999), c_isn(HOST_SERVER, 299, 2999),
	    c_host(CMD_LISTEN, HOST_SERVER), c_host(CMD_CONNECT, HOST_CLIENT),
	    c_sel_id(CMD_DROP, 0), c_wait(1000), c_sel_id(CMD_DUP, 2),
	    c_inject(DIR_S2C, TCP_RST, 5, 0, 0), c_sel_id(CMD_DELIVER, 3),
	    c_wait_msl(2));
	a = ladder_arrow_by_id(&l, 1);
	ck_assert_int_eq(a->fate, LADDER_LOST);
	ck_assert_uint_eq(a->sent, 0);
	ck_assert_uint_eq(a->arrived, 0);
	ck_assert(!a->rexmit);
	a = ladder_arrow_by_id(&l, 2);
	ck_assert(a->rexmit);
	ck_assert_uint_eq(a->sent, 1000);
	ck_assert_uint_eq(l.rows[a->row].time, 1000);
	a = ladder_arrow_by_id(&l, 3);
	ck_assert_int_eq(a->f.origin, ORIGIN_DUP);
	ck_assert_uint_eq(a->f.dup_of, 2);
	ck_assert_int_eq(a->fate, LADDER_DELIVERED);
	a = ladder_arrow_by_id(&l, 4);
	ck_assert_int_eq(a->f.origin, ORIGIN_INJECT);
	ck_assert_int_eq(a->f.dir, DIR_S2C);
	a = ladder_arrow_by_id(&l, 2);
	ck_assert_int_eq(a->fate, LADDER_EXPIRED);
	ck_assert_uint_gt(a->arrived, a->sent);
	ck_assert_ptr_null(ladder_arrow_by_id(&l, 99));
}
END_TEST

/* A streaming printer trims between steps: only what is still in flight
 * is kept, and folding goes on as before. */
START_TEST(test_trim_keeps_only_segments_in_flight)
{
	RUN(c_isn(HOST_CLIENT, 99, 999), c_isn(HOST_SERVER, 299, 2999),
	    c_host(CMD_LISTEN, HOST_SERVER), c_host(CMD_CONNECT, HOST_CLIENT));
	ladder_trim(&l);
	ck_assert_uint_eq(l.nrows, 0);
	ck_assert_uint_eq(l.narrows, 1);
	ck_assert_uint_eq(l.arrows[0].row, LADDER_NOROW);
	RUN(DELIVER);
	ck_assert_int_eq(ladder_arrow_by_id(&l, 1)->fate, LADDER_DELIVERED);
	ck_assert_int_eq(ladder_arrow_by_id(&l, 2)->f.seg.flags,
	    TCP_SYN | TCP_ACK);
	/* The SYN's row is gone: the server's new state has a row of its
	 * own (its SYN+ACK's). */
	ck_assert_int_eq(margin(row_of(2), HOST_SERVER), TCP_SYN_RECEIVED);
}
END_TEST

/* With notices asked for, a notice is a note of its own after the state
 * change that caused it (the quiz paper's ladder). */
START_TEST(test_notice_rows)
{
	bool seen = false;

	l.notice_rows = true;
	RUN(c_isn(HOST_CLIENT, 99, 999), c_isn(HOST_SERVER, 299, 2999),
	    c_host(CMD_LISTEN, HOST_SERVER), c_host(CMD_CONNECT, HOST_CLIENT),
	    DELIVER, DELIVER);
	for (size_t i = 0; i < l.nrows; i++) {
		const struct ladder_row *r = &l.rows[i];

		if (r->is_arrow || r->note != LADDER_N_NOTICE)
			continue;
		ck_assert_int_eq(r->note_host, HOST_CLIENT);
		ck_assert_int_eq(r->notice, TCP_N_CONNECTED);
		ck_assert_uint_gt(i, row_of(2)->arrow);
		seen = true;
	}
	ck_assert(seen);
	ck_assert(l.host[HOST_CLIENT].has_notice);
}
END_TEST

/* Walking the arrows by rows as a ladder shows them: notes are passed
 * over, and an arrow not yet drawn (not among the first shown) too. */
START_TEST(test_fig06_walk_arrows_by_rows_notes_and_undrawn_skipped)
{
	const struct ladder_arrow *a1, *a2, *a3;

	fig06();
	a1 = ladder_arrow_by_id(&l, 1);
	a2 = ladder_arrow_by_id(&l, 2);
	a3 = ladder_arrow_by_id(&l, 3);
	ck_assert_ptr_eq(ladder_arrow_scan(&l, 0, l.nrows, 1, 3), a1);
	ck_assert_ptr_eq(ladder_arrow_scan(&l, 0, l.nrows, -1, 3), a3);
	ck_assert_ptr_eq(ladder_arrow_scan(&l, 0, l.nrows, -1, 2), a2);
	ck_assert_ptr_null(ladder_arrow_scan(&l, 0, 1, 1, 3));
	ck_assert_ptr_eq(ladder_arrow_next(&l, a2, -1, 3), a1);
	ck_assert_ptr_null(ladder_arrow_next(&l, a1, -1, 3));
	ck_assert_ptr_eq(ladder_arrow_next(&l, a2, 1, 3), a3);
	ck_assert_ptr_null(ladder_arrow_next(&l, a3, 1, 3));
	ck_assert_ptr_null(ladder_arrow_next(&l, a2, 1, 2));
}
END_TEST

TCase *
ladder_tcase(void)
{
	TCase *tc = tcase_create("ladder");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_fig06_handshake_rows_and_margins);
	tcase_add_test(tc, test_fig12_normal_close_time_wait_note);
	tcase_add_test(tc, test_fig13_simultaneous_close_crossing);
	tcase_add_test(tc, test_fin_wait_1_fins_crossed_either_delivery_order);
	tcase_add_test(tc, test_fin_wait_1_late_ack_state_at_arrival_time);
	tcase_add_test(tc, test_fates_and_times);
	tcase_add_test(tc, test_trim_keeps_only_segments_in_flight);
	tcase_add_test(tc, test_notice_rows);
	tcase_add_test(tc,
	    test_fig06_walk_arrows_by_rows_notes_and_undrawn_skipped);
	return tc;
}
