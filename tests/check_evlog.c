/*
 * Check cases for the event log's and the inspector's text
 * (script/evlog.h), with no view and no UI; part of check_session.
 *
 * A session whose watch folds each trace into a plain ladder stands for
 * the front end; the sentences a step narrated are written here by hand,
 * so each case says which of them the log keeps.
 */
#include <config.h>

#include <check.h>
#include <locale.h>
#include <string.h>

#include "script/evlog.h"
#include "script/parse.h"
#include "script/session.h"

static struct session es;
static struct ladder lad;
static struct evlog lg;

static void
ev_fold(void *arg, const struct sim_ev *ev, size_t n, const uint64_t *clock)
{
	(void)clock;
	ladder_begin(arg);
	ladder_feed(arg, ev, n);
	ladder_end(arg);
}

/* A watch that folds a session's steps into the ladder its arg points
 * to; check_session.c uses it too. */
const struct session_watch ev_watch = { .fold = ev_fold };

static void
ev_setup(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	session_init(&es);
	ladder_init(&lad);
	session_watch(&es, &ev_watch, &lad);
	memset(&lg, 0, sizeof(lg));
}

static void
ev_teardown(void)
{
	evlog_free(&lg);
	ladder_free(&lad);
	session_free(&es);
}

static struct cmd
ev_cmd(const char *text)
{
	struct script_err err;
	struct cmd c;

	ck_assert_int_eq(script_parse_line(text, 1, &c, &err), 1);
	return c;
}

static void
ev_do(const char *text)
{
	struct cmd c = ev_cmd(text);

	ck_assert_int_eq(session_do(&es, &c), SIM_OK);
}

static void
ev_open(void)
{
	ev_do("isn client 99");
	ev_do("isn server 299");
	ev_do("server listen");
	ev_do("client connect");
}

static bool
ev_has(const char *text)
{
	for (size_t i = 0; i < lg.n; i++)
		if (strcmp(lg.lines[i], text) == 0)
			return true;
	return false;
}

/* The log: a step's heading numbered from 1 with its scenario line, then
 * every sentence as it was narrated. */
START_TEST(test_evlog_step_heading_then_every_sentence)
{
	static char n0[] = "one.", n1[] = "two.";
	char *const narr[] = { n0, n1 };
	struct cmd c = ev_cmd("client connect");

	lg.steps = 2;
	evlog_step(&lg, NULL, &lad, NULL, LADDER_NUM_RAW, &c, narr, 2);
	ck_assert_uint_eq(lg.n, 3);
	ck_assert_str_eq(lg.lines[0], "Step 3: client connect");
	ck_assert(lg.heads[0]);
	ck_assert_str_eq(lg.lines[2], "two.");
	ck_assert(!lg.heads[2]);
	evlog_clear(&lg);
	ck_assert_uint_eq(lg.n, 0);
	ck_assert_uint_eq(lg.steps, 0);
}
END_TEST

/* One segment through its steps.  In flight: only the sentences naming
 * it (#1, not #10).  The step that delivers it tells what its receiver
 * did in sentences that need not name it, up to the first that names
 * another segment.  Once its fate has come, a step that does not name it
 * adds nothing, not even its heading. */
START_TEST(test_evlog_seg_steps_in_flight_delivered_then_silent)
{
	static char f0[] = "#10 is lost.", f1[] = "Retransmits #1.",
	    f2[] = "No number here.", d0[] = "server: LISTEN -> SYN_RECEIVED.",
	    d1[] = "server sends #2 SYN+ACK.", l0[] = "#2 arrives.";
	char *const flight[] = { f0, f1, f2 }, *const deliver[] = { d0, d1 },
	    *const later[] = { d0, l0 };
	struct evlog_seg sg = { .id = 1, .sent = true };
	struct cmd c = ev_cmd("deliver");

	ev_open();
	evlog_step(&lg, &sg, &lad, NULL, LADDER_NUM_RAW, &c, flight,
	    3);
	ck_assert(!sg.fated);
	ev_do("deliver");
	evlog_step(&lg, &sg, &lad, NULL, LADDER_NUM_RAW, &c, deliver,
	    2);
	ck_assert(sg.fated);
	evlog_step(&lg, &sg, &lad, NULL, LADDER_NUM_RAW, &c, later,
	    2);
	ck_assert_uint_eq(lg.n, 4);
	ck_assert_str_eq(lg.lines[0], "Step 1: deliver");
	ck_assert_str_eq(lg.lines[1], "Retransmits #1.");
	ck_assert_str_eq(lg.lines[2], "Step 2: deliver");
	ck_assert_str_eq(lg.lines[3], "server: LISTEN -> SYN_RECEIVED.");
}
END_TEST

/* The inspector's fields: the numbers in the ladder's mode with the raw
 * ones beside them, no ack without the ACK flag, origin, fate, times. */
START_TEST(test_evlog_fields_syn_relative_numbers_fate_and_times)
{
	ev_open();
	ev_do("deliver");
	evlog_fields(&lg, &lad, LADDER_NUM_REL, &lad.arrows[0], NULL);
	ck_assert_str_eq(lg.lines[0], "Segment #1, client to server");
	ck_assert(lg.heads[0]);
	ck_assert(ev_has("flags SYN"));
	ck_assert(ev_has("seq 0 (on the wire 99)"));
	ck_assert(ev_has("ack: none (no ACK flag)"));
	ck_assert(ev_has("origin: sent by its host's TCP; now delivered"));
	ck_assert(ev_has("sent at t=0.000s, arrived at t=0.000s"));
	evlog_clear(&lg);
	evlog_fields(&lg, &lad, LADDER_NUM_RAW, &lad.arrows[1], NULL);
	ck_assert(ev_has("ack 100 (on the wire 100)"));
	ck_assert(ev_has("origin: sent by its host's TCP; now still in "
	    "flight"));
	ck_assert(ev_has("sent at t=0.000s; not arrived yet"));
}
END_TEST

/* On a replayed capture: the frame and its window as captured, or that
 * the model inferred the segment; never the model's window. */
START_TEST(test_evlog_fields_capture_frame_or_inferred)
{
	struct evlog_frame fr = { true, 7, 14, 0, 65495 };

	ev_open();
	evlog_fields(&lg, &lad, LADDER_NUM_RAW, &lad.arrows[0], &fr);
	ck_assert(ev_has("frame 7 of the capture, at +0.000014 s"));
	ck_assert(ev_has("payload 0 bytes, window 65495 as captured"));
	evlog_clear(&lg);
	fr.found = false;
	evlog_fields(&lg, &lad, LADDER_NUM_RAW, &lad.arrows[0], &fr);
	ck_assert(ev_has("not in the capture: the model inferred this "
	    "segment"));
	for (size_t i = 0; i < lg.n; i++)
		ck_assert_ptr_null(strstr(lg.lines[i], "window"));
}
END_TEST

/* Opened as `less +G`: the newest line on the bottom row, the rows above
 * it full; a line wider than the screen takes the rows it wraps to; no
 * size known yet: the newest line alone. */
START_TEST(test_evlog_tail_top_newest_on_bottom_row)
{
	char line[32];

	for (int i = 0; i < 10; i++) {
		snprintf(line, sizeof(line), "line %d", i);
		evlog_add(&lg, i % 5 == 0, line);
	}
	ck_assert_uint_eq(evlog_tail_top(&lg, 5, 40), 6);
	evlog_add(&lg, false, "a sentence wider than the sixteen "
	    "columns");
	ck_assert_int_eq(evlog_width(&lg, 10, 20), 16);
	ck_assert_int_eq(evlog_width(&lg, 5, 20), 14);
	ck_assert_uint_eq(evlog_tail_top(&lg, 5, 20), 9);
	ck_assert_uint_eq(evlog_tail_top(&lg, 0, 0), 10);
	ck_assert_uint_eq(evlog_tail_top(&lg, 40, 80), 0);
}
END_TEST

/* Without a backend's records a step has no verdict to retell. */
START_TEST(test_evlog_verdict_none_without_records)
{
	char buf[64];

	ev_do("server listen");
	ck_assert_ptr_null(evlog_verdict(&es, 0, buf, sizeof(buf)));
}
END_TEST

/* Item 1 of the tester's report: a capture's profile linux was Step 1 in
 * the log while the status line left it out (step 35/35 above Step 36).
 * Outside lecture mode a what-if switch is a setting, not a step; in
 * lecture mode every line is a step, as its status line counts. */
START_TEST(test_evlog_step_setting_profile_not_counted)
{
	struct cmd p = ev_cmd("profile linux"), c = ev_cmd("client connect"),
	    t = ev_cmd("set time_wait off");

	evlog_step(&lg, NULL, &lad, NULL, LADDER_NUM_RAW, &p, NULL, 0);
	evlog_step(&lg, NULL, &lad, NULL, LADDER_NUM_RAW, &c, NULL, 0);
	evlog_step(&lg, NULL, &lad, NULL, LADDER_NUM_RAW, &t, NULL, 0);
	evlog_step(&lg, NULL, &lad, NULL, LADDER_NUM_RAW, &c, NULL, 0);
	ck_assert_str_eq(lg.lines[0], "Setting: profile linux");
	ck_assert_str_eq(lg.lines[1], "Step 1: client connect");
	ck_assert_str_eq(lg.lines[2], "Setting: set time_wait off");
	ck_assert_str_eq(lg.lines[3], "Step 2: client connect");
	evlog_clear(&lg);
	lg.every = true;
	evlog_step(&lg, NULL, &lad, NULL, LADDER_NUM_RAW, &p, NULL, 0);
	evlog_step(&lg, NULL, &lad, NULL, LADDER_NUM_RAW, &c, NULL, 0);
	ck_assert_str_eq(lg.lines[0], "Step 1: profile linux");
	ck_assert_str_eq(lg.lines[1], "Step 2: client connect");
}
END_TEST

/* Item 2: fig08's check of the SYN+ACK that acknowledges the old
 * duplicate was headed "seq=300 ack=91" over a verdict "seq=0 ack=91".
 * The heading shows the check's numbers as the verdict and the ladder
 * do, and ack=91, which belongs to no incarnation, is marked raw. */
START_TEST(test_syn_rcvd_old_dup_check_heading_numbers_as_verdict)
{
	struct cmd c = ev_cmd("expect inflight #3 SYN+ACK seq=300 ack=91");
	char line[128], label[128];

	ev_do("isn client 100");
	ev_do("isn server 300");
	ev_do("server listen");
	ev_do("client connect");
	ev_do("inject c>s SYN seq=90");
	ev_do("deliver #2");
	ck_assert_int_eq(session_do(&es, &c), SIM_OK);
	evlog_step(&lg, NULL, &lad, &es, LADDER_NUM_REL, &c, NULL, 0);
	ck_assert_str_eq(lg.lines[0], "Step 1: expect inflight #3 SYN+ACK "
	    "seq=0 ack=91 [raw]");
	ck_assert_str_eq(session_check_line(&es, &c, &lad, LADDER_NUM_REL,
	    line, sizeof(line)), "expect inflight #3 SYN+ACK seq=0 ack=91 "
	    "[raw]");
	ladder_label(&lad, &lad.arrows[2], LADDER_NUM_REL, label,
	    sizeof(label));
	ck_assert_str_eq(label, "#3 SYN+ACK seq=0 ack=91 [raw]");
	/* An injected SYN's numbers stay raw unmarked, as its arrow's;
	 * one no longer in flight is marked. */
	ev_do("inject c>s SYN seq=80");
	c = ev_cmd("expect inflight #4 SYN seq=80");
	ck_assert_str_eq(session_check_line(&es, &c, &lad, LADDER_NUM_REL,
	    line, sizeof(line)), "expect inflight #4 SYN seq=80");
	c = ev_cmd("expect inflight #2 SYN seq=90");
	ck_assert_str_eq(session_check_line(&es, &c, &lad, LADDER_NUM_REL,
	    line, sizeof(line)), "expect inflight #2 SYN seq=90 [raw]");
	/* Without a session (a backend's records): as written. */
	evlog_step(&lg, NULL, &lad, NULL, LADDER_NUM_REL, &c, NULL, 0);
	ck_assert_str_eq(lg.lines[1], "Step 2: expect inflight #2 SYN "
	    "seq=90");
}
END_TEST

/* Item 7: a heading's further rows hang under it at column 5; a
 * sentence's rows start at column 3. */
START_TEST(test_evlog_indent_heading_hangs)
{
	evlog_add(&lg, true, "Step 24: expect inflight #7 ACK");
	evlog_add(&lg, false, "a sentence.");
	ck_assert_int_eq(evlog_indent(&lg, 0, 0), 1);
	ck_assert_int_eq(evlog_indent(&lg, 0, 1), 5);
	ck_assert_int_eq(evlog_indent(&lg, 1, 0), 3);
	ck_assert_int_eq(evlog_indent(&lg, 1, 1), 3);
	/* The widest row ends one column short of the right edge. */
	ck_assert_int_eq(5 + evlog_width(&lg, 0, 60), 59);
	ck_assert_int_eq(3 + evlog_width(&lg, 1, 60), 59);
}
END_TEST

TCase *evlog_tcase(void);

TCase *
evlog_tcase(void)
{
	TCase *tc = tcase_create("evlog");

	tcase_add_checked_fixture(tc, ev_setup, ev_teardown);
	tcase_add_test(tc, test_evlog_step_heading_then_every_sentence);
	tcase_add_test(tc,
	    test_evlog_seg_steps_in_flight_delivered_then_silent);
	tcase_add_test(tc,
	    test_evlog_fields_syn_relative_numbers_fate_and_times);
	tcase_add_test(tc, test_evlog_fields_capture_frame_or_inferred);
	tcase_add_test(tc, test_evlog_tail_top_newest_on_bottom_row);
	tcase_add_test(tc, test_evlog_verdict_none_without_records);
	tcase_add_test(tc, test_evlog_step_setting_profile_not_counted);
	tcase_add_test(tc,
	    test_syn_rcvd_old_dup_check_heading_numbers_as_verdict);
	tcase_add_test(tc, test_evlog_indent_heading_hangs);
	return tc;
}
