/*
 * The ladder's words (sim/ladder_text.h), a test case of check_sim: the
 * number modes per incarnation, labels whole and fitted, the narration of
 * each trace record with its RFC reason told once, durations and the
 * status line's switches, and the hosts' state boxes (sim/ladder_box.h),
 * all from a ladder folded straight from the world's trace, with no view
 * and no UI.
 *
 * RFC 9293 Figure 6 with the figure's ISNs (client 99, server 299).
 */
#include <config.h>

#include <check.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "check_sim_util.h"
#include "lib/utf8.h"
#include "sim/ladder_box.h"
#include "sim/ladder_text.h"

static struct world w;
static struct ladder l;
static struct ladder_told told;
static char said[16][512];	/* the sentences, in trace order */
static size_t nsaid;

static void
setup(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	world_init(&w);
	w.keep_trace = true;
	ladder_init(&l);
	memset(&told, 0, sizeof(told));
	nsaid = 0;
}

static void
teardown(void)
{
	world_free(&w);
	ladder_free(&l);
}

/* Fold each record, then narrate it, as a front end does. */
static bool
fold(void *arg, struct world *wp, size_t i, const struct sim_result *res)
{
	char buf[512];

	(void)arg;
	ck_assert_msg(res->status == SIM_OK, "command %zu: %s", i + 1,
	    res->msg);
	ladder_begin(&l);
	for (size_t k = 0; k < wp->ntrace; k++) {
		ladder_event(&l, &wp->trace[k]);
		if (ladder_event_text(&l, LADDER_NUM_REL, &told, &wp->trace[k],
		    buf, sizeof(buf)) != NULL && nsaid < 16)
			snprintf(said[nsaid++], sizeof(said[0]), "%s", buf);
	}
	ladder_end(&l);
	return true;
}

static void
fig06(void)
{
	const struct cmd c[] = {
		c_isn(HOST_CLIENT, 99, 999), c_isn(HOST_SERVER, 299, 2999),
		c_host(CMD_LISTEN, HOST_SERVER),
		c_host(CMD_CONNECT, HOST_CLIENT),
		c_sel_id(CMD_DELIVER, 0), c_sel_id(CMD_DELIVER, 0),
		c_sel_id(CMD_DELIVER, 0)
	};
	struct sim_result res;

	ck_assert_uint_eq(world_replay(&w, c, 7, &res, fold, NULL), 7);
}

static const char *
label(size_t i, enum ladder_num m)
{
	static char buf[160];

	ck_assert_uint_lt(i, l.narrows);
	return ladder_label(&l, &l.arrows[i], m, buf, sizeof(buf));
}

static bool
was_said(const char *text)
{
	for (size_t i = 0; i < nsaid; i++)
		if (strstr(said[i], text) != NULL)
			return true;
	return false;
}

START_TEST(test_fig06_labels_in_three_modes)
{
	fig06();
	ck_assert_str_eq(label(0, LADDER_NUM_RAW), "#1 SYN seq=99");
	ck_assert_str_eq(label(1, LADDER_NUM_REL), "#2 SYN+ACK seq=0 ack=1");
	ck_assert_str_eq(label(2, LADDER_NUM_SYM), "#3 ACK seq=J+1 ack=K+1");
	/* A number of no known incarnation stays raw, in any mode. */
	ck_assert(ladder_num_is_raw(&l, LADDER_NUM_REL, HOST_CLIENT, 0,
	    99 + (1u << 21)));
}
END_TEST

/* A label fitted to a width never shows part of a number. */
START_TEST(test_fig06_label_fit_keeps_numbers_whole)
{
	char buf[160];

	fig06();
	ck_assert_str_eq(ladder_label_fit(&l, &l.arrows[1], LADDER_NUM_RAW,
	    80, buf, sizeof(buf)), "#2 SYN+ACK seq=299 ack=100");
	ck_assert_str_eq(ladder_label_fit(&l, &l.arrows[1], LADDER_NUM_RAW,
	    20, buf, sizeof(buf)), "#2 SA s=299 a=100");
	for (int width = 0; width < 30; width++)
		ck_assert_int_le(utf8_width(ladder_label_fit(&l, &l.arrows[1],
		    LADDER_NUM_RAW, width, buf, sizeof(buf))), width);
}
END_TEST

/* A crossing arrow gives up the ladder's middle to the mark only when its
 * label keeps every number whole there; one that crosses nothing always
 * has the usual width. */
START_TEST(test_fig06_crossing_label_never_cut_for_the_mark)
{
	struct ladder_arrow a;
	char buf[160];

	fig06();
	a = l.arrows[1];
	ck_assert_str_eq(ladder_label_cross(&l, &a, LADDER_NUM_RAW, 40, 20,
	    buf, sizeof(buf)), "#2 SYN+ACK seq=299 ack=100");
	a.crossed = 3;
	ck_assert_str_eq(ladder_label_cross(&l, &a, LADDER_NUM_RAW, 40, 20,
	    buf, sizeof(buf)), "#2 SA s=299 a=100");
	/* In 10 columns a number would be cut: the usual room instead. */
	ck_assert_str_eq(ladder_label_cross(&l, &a, LADDER_NUM_RAW, 40, 10,
	    buf, sizeof(buf)), "#2 SYN+ACK seq=299 ack=100");
}
END_TEST

/* A note names its reason, and the segment whose arrival made it; the
 * kernel lab's notes, which have no reason, say whose word they are. */
START_TEST(test_note_names_reason_and_causing_segment)
{
	struct ladder_row r = { .why = TCP_W_OPEN_PASSIVE };
	char buf[160];

	ck_assert_str_eq(ladder_note_text(&r, "*", buf, sizeof(buf)),
	    "* passive OPEN: waiting for a SYN");
	r.cause = 3;
	ck_assert_str_eq(ladder_note_text(&r, "*", buf, sizeof(buf)),
	    "* #3: passive OPEN: waiting for a SYN");
	r.why = TCP_W_NONE;
	r.cause = 0;
	ck_assert_str_eq(ladder_note_text(&r, "\u2022", buf, sizeof(buf)),
	    "\u2022 as the kernel reports it");
}
END_TEST

/* A state change is told with its RFC section; the segment sent for the
 * same reason does not repeat it. */
START_TEST(test_fig06_narration_cites_rfc_once)
{
	fig06();
	ck_assert(was_said("client: CLOSED -> SYN_SENT"));
	ck_assert(was_said("RFC 9293"));
	ck_assert(was_said("client sends #1 SYN seq=0."));
	ck_assert(was_said("Segment #1 arrives at the server."));
	ck_assert(was_said("client: SYN_SENT -> ESTABLISHED"));
	/* The last reason told: the server's, on the final ACK. */
	ck_assert(was_said("server: SYN_RECEIVED -> ESTABLISHED"));
	ck_assert_int_eq(told.host, HOST_SERVER);
}
END_TEST

START_TEST(test_durations_and_switches)
{
	char buf[64];
	const struct cmd c[] = { c_set(SET_TIME_WAIT, false, 0, 0),
	    c_host(CMD_LISTEN, HOST_SERVER) };
	struct sim_result res;

	ck_assert_str_eq(sim_dur_text(50, buf, sizeof(buf)), "0.050s");
	ck_assert_str_eq(sim_dur_text(1500, buf, sizeof(buf)), "1.5s");
	ck_assert_str_eq(sim_dur_text(2000, buf, sizeof(buf)), "2s");
	ck_assert_str_eq(sim_dur_text(240000, buf, sizeof(buf)), "4:00");
	ck_assert_uint_eq(world_replay(&w, c, 2, &res, NULL, NULL), 2);
	ck_assert_uint_eq(cmd_steps(c, 2), 1);
	ck_assert_str_eq(world_switches_text(&w, buf, sizeof(buf)),
	    "rfc9293 no TIME_WAIT");
	ck_assert_str_eq(sim_host_text(HOST_SERVER), "server");
	ck_assert_str_eq(ladder_num_short(LADDER_NUM_SYM), "symbolic");
}
END_TEST

/* The what-if panel's sentence names every rule, switched or not, and
 * follows a switch: TIME_WAIT off, the rest as the profile has them. */
START_TEST(test_whatif_rules_sentence_follows_switch)
{
	char buf[160];
	const struct cmd c = c_set(SET_TIME_WAIT, false, 0, 0);
	struct sim_result res;

	ck_assert_str_eq(world_rules_text(&w, buf, sizeof(buf)), "Now: "
	    "profile rfc9293, TIME_WAIT on, three-way handshake, delayed "
	    "ACK off.");
	ck_assert_uint_eq(world_replay(&w, &c, 1, &res, NULL, NULL), 1);
	ck_assert_str_eq(world_rules_text(&w, buf, sizeof(buf)), "Now: "
	    "profile rfc9293, TIME_WAIT off, three-way handshake, delayed "
	    "ACK off.");
}
END_TEST

/* Fold each record; keep the crossing sentences told. */
static bool
fold_crossings(void *arg, struct world *wp, size_t i,
    const struct sim_result *res)
{
	char buf[256];

	(void)arg;
	ck_assert_msg(res->status == SIM_OK, "command %zu", i + 1);
	ladder_begin(&l);
	for (size_t k = 0; k < wp->ntrace; k++) {
		ladder_event(&l, &wp->trace[k]);
		if (ladder_cross_text(&l, &wp->trace[k], buf,
		    sizeof(buf)) != NULL && nsaid < 16)
			snprintf(said[nsaid++], sizeof(said[0]), "%s", buf);
	}
	ladder_end(&l);
	return true;
}

/* A simultaneous close: the FINs pass on the wire, and so do the ACKs
 * each host then sends; each pair is told once, when its second
 * segment is sent. */
START_TEST(test_estab_simultaneous_close_crossings_told_once)
{
	const struct cmd c[] = { c_host(CMD_CLOSE, HOST_CLIENT),
	    c_host(CMD_CLOSE, HOST_SERVER), c_kind(CMD_SETTLE) };
	struct sim_result res;

	fig06();
	nsaid = 0;
	ck_assert_uint_eq(world_replay(&w, c, 3, &res, fold_crossings, NULL),
	    3);
	ck_assert_uint_eq(nsaid, 2);
	ck_assert_str_eq(said[0], "#4 and #5 cross on the wire: each was "
	    "sent before the other arrived.");
	ck_assert_str_eq(said[1], "#6 and #7 cross on the wire: each was "
	    "sent before the other arrived.");
}
END_TEST

/* Only the switches that differ from the profile's defaults are shown,
 * each in a full and a brief form, in the same order as the one line. */
START_TEST(test_linux_switches_differing_from_profile_listed)
{
	const struct cmd c[] = { c_kind(CMD_PROFILE),
	    c_set(SET_HANDSHAKE, false, 0, 0),	/* two */
	    c_set(SET_TIME_WAIT, false, 0, 0) };
	struct world_switch sw[WORLD_NSWITCH];
	struct sim_result res;
	char buf[128];
	struct cmd prof = c[0];

	ck_assert_uint_eq(world_switches(&w, sw), 0);
	prof.profile = PROFILE_LINUX;
	ck_assert_uint_eq(world_replay(&w, &prof, 1, &res, NULL, NULL), 1);
	ck_assert_uint_eq(world_replay(&w, &c[1], 2, &res, NULL, NULL), 2);
	ck_assert_uint_eq(world_switches(&w, sw), 2);
	ck_assert_str_eq(sw[0].full, "no TIME_WAIT");
	ck_assert_str_eq(sw[0].brief, "no TW");
	ck_assert_str_eq(sw[1].full, "2-way handshake");
	ck_assert_str_eq(sw[1].brief, "2-way");
	ck_assert_str_eq(world_switches_text(&w, buf, sizeof(buf)),
	    "linux no TIME_WAIT 2-way handshake");
}
END_TEST

/* Ten-digit raw numbers still fit the 37 columns a box line has at 80
 * columns (the line was once cut by one digit). */
START_TEST(test_estab_box_raw_numbers_fit_37_columns)
{
	const struct cmd c[] = {
		c_isn(HOST_CLIENT, 4294967000u, 0),
		c_isn(HOST_SERVER, 3999999999u, 0),
		c_host(CMD_LISTEN, HOST_SERVER),
		c_host(CMD_CONNECT, HOST_CLIENT), c_kind(CMD_SETTLE)
	};
	struct sim_result res;
	struct ladder_box b;

	ck_assert_uint_eq(world_replay(&w, c, 5, &res, fold, NULL), 5);
	for (int h = 0; h < 2; h++) {
		ladder_box_build(&l, &w, (enum sim_host_id)h, LADDER_NUM_RAW,
		    NULL, NULL, &b);
		ck_assert_str_eq(b.state, "ESTABLISHED");
		ck_assert_int_le(utf8_width(b.nums[0]), 37);
		ck_assert_int_le(utf8_width(b.nums[1]), 37);
		ck_assert_ptr_nonnull(strstr(b.nums[1], "SND.NXT "));
	}
}
END_TEST

/* TIME_WAIT's box counts 2MSL down on the simulated clock; the peer in
 * LAST_ACK shows its retransmission timer. */
START_TEST(test_time_wait_box_timers_count_down)
{
	const struct cmd c[] = {
		c_host(CMD_CLOSE, HOST_CLIENT), c_kind(CMD_SETTLE),
		c_host(CMD_CLOSE, HOST_SERVER), c_sel_id(CMD_DELIVER, 0)
	};
	struct sim_result res;
	struct ladder_box b;

	fig06();
	ck_assert_uint_eq(world_replay(&w, c, 4, &res, fold, NULL), 4);
	ladder_box_build(&l, &w, HOST_CLIENT, LADDER_NUM_REL, NULL, NULL, &b);
	ck_assert_str_eq(b.state, "TIME_WAIT");
	ck_assert_int_eq(b.phase, LADDER_PH_TIME_WAIT);
	ck_assert_str_eq(b.timers, "2MSL 4:00");
	ladder_box_build(&l, &w, HOST_SERVER, LADDER_NUM_REL, NULL, NULL, &b);
	ck_assert_str_eq(b.state, "LAST_ACK");
	ck_assert_str_eq(b.timers, "RTO 1s");
}
END_TEST

/* A box shows the moment the caller asks for: the world's own, or the
 * state and numbers of an earlier one; numbers in the three modes. */
START_TEST(test_estab_box_shows_the_moment_asked)
{
	enum tcp_state listen = TCP_LISTEN;
	struct ladder_box b;

	fig06();
	ladder_box_build(&l, &w, HOST_SERVER, LADDER_NUM_SYM, NULL, NULL, &b);
	ck_assert_str_eq(b.state, "ESTABLISHED");
	ck_assert_int_eq(b.phase, LADDER_PH_ESTAB);
	ck_assert_str_eq(b.app, "accept() returned");
	ck_assert_str_eq(b.nums[0], "ISS K          RCV.NXT J+1");
	ladder_box_build(&l, &w, HOST_CLIENT, LADDER_NUM_REL, NULL, NULL, &b);
	ck_assert_str_eq(b.nums[0], "ISS 99         RCV.NXT 1");
	ck_assert_str_eq(b.nums[1], "SND.UNA 1          SND.NXT 1");
	ck_assert_str_eq(b.timers, "");
	ladder_box_build(&l, &w, HOST_SERVER, LADDER_NUM_RAW, &listen, NULL,
	    &b);
	ck_assert_str_eq(b.state, "LISTEN");
	ck_assert_int_eq(b.phase, LADDER_PH_CLOSED);
	ck_assert_str_eq(b.nums[0], "");
	ck_assert_int_eq(ladder_phase_of(TCP_SYN_RECEIVED), LADDER_PH_OPENING);
	ck_assert_int_eq(ladder_phase_of(TCP_CLOSE_WAIT), LADDER_PH_CLOSING);
}
END_TEST

TCase *
ladder_text_tcase(void)
{
	TCase *tc = tcase_create("ladder_text");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_fig06_labels_in_three_modes);
	tcase_add_test(tc, test_fig06_label_fit_keeps_numbers_whole);
	tcase_add_test(tc, test_fig06_crossing_label_never_cut_for_the_mark);
	tcase_add_test(tc, test_note_names_reason_and_causing_segment);
	tcase_add_test(tc, test_fig06_narration_cites_rfc_once);
	tcase_add_test(tc, test_durations_and_switches);
	tcase_add_test(tc, test_whatif_rules_sentence_follows_switch);
	tcase_add_test(tc, test_estab_simultaneous_close_crossings_told_once);
	tcase_add_test(tc, test_linux_switches_differing_from_profile_listed);
	tcase_add_test(tc, test_estab_box_raw_numbers_fit_37_columns);
	tcase_add_test(tc, test_time_wait_box_timers_count_down);
	tcase_add_test(tc, test_estab_box_shows_the_moment_asked);
	return tc;
}
