/*
 * Check suite for the simulator's status line (src/script/status.c) and
 * the clock's one format: at 80 columns the line keeps "? help", "q quit",
 * the clock and every what-if switch, giving up the least important parts
 * first, whole; the parts say the session's step, checks and switches and
 * the keys of the simulator's mode; times are seconds with milliseconds,
 * never m:ss.
 */
#include <config.h>

#include <check.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/utf8.h"
#include "script/parse.h"
#include "script/session.h"
#include "script/status.h"

static struct session s;

static void
setup(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	session_init(&s);
}

static void
teardown(void)
{
	session_free(&s);
}

static void
run(const char *line)
{
	struct script_err err;
	struct cmd c;

	ck_assert_int_eq(script_parse_line(line, 1, &c, &err), 1);
	ck_assert_int_eq(session_do(&s, &c), SIM_OK);
}

/* The simulator's parts as status_sim_parts adds them. */
static void
parts(struct status_line *st, bool inspect)
{
	st->n = 0;
	status_add(st, "step 3/3", "3/3", 7, false, false);
	status_add(st, "t=1.050s", NULL, 0, false, false);
	status_add(st, "relative", NULL, 2, false, false);
	status_add(st, "linux", NULL, 5, false, false);
	status_switches(st, &s.w, 3);
	if (inspect)
		status_add(st, "Enter inspect #3", "Enter #3", 6, true,
		    false);
	status_add(st, "u undo", NULL, 8, true, false);
	status_add(st, ": command", NULL, 1, true, false);
	status_add(st, "? help", NULL, 0, true, false);
	status_add(st, "q quit", NULL, 0, true, false);
}

static void
fit(bool inspect, int cols, char *left, char *right)
{
	struct status_line st;

	parts(&st, inspect);
	status_fit(&st, cols, left, 256, right, 256);
	ck_assert_int_le(utf8_width(left) + utf8_width(right) + 3, cols);
}

START_TEST(test_status_switches_80_keep_help_quit)
{
	char left[256], right[256];

	run("set time_wait off");
	run("set handshake two");
	run("set delayed_ack on");
	fit(false, 80, left, right);
	ck_assert_msg(strstr(right, "? help  q quit") != NULL, "%s", right);
	ck_assert_msg(strstr(left, "t=1.050s") != NULL, "%s", left);
	/* Every switch set is there, abbreviated if need be. */
	ck_assert_msg(strstr(left, "TW") != NULL, "%s", left);
	ck_assert_msg(strstr(left, "2-way") != NULL, "%s", left);
	ck_assert_msg(strstr(left, "delACK") != NULL ||
	    strstr(left, "delayed ACK") != NULL, "%s", left);
	/* Whole parts, never a word cut: no lone "no" at the end. */
	ck_assert_msg(strcmp(left + strlen(left) - 3, " no") != 0, "%s", left);
}
END_TEST

START_TEST(test_status_selected_80_keeps_switches)
{
	char left[256], right[256];

	run("set time_wait off");
	run("set handshake two");
	run("set delayed_ack on");
	fit(true, 80, left, right);
	ck_assert_msg(strstr(right, "#3") != NULL, "%s", right);
	ck_assert_msg(strstr(right, "? help  q quit") != NULL, "%s", right);
	ck_assert_msg(strstr(left, "TW") != NULL, "%s", left);
	ck_assert_msg(strstr(left, "2-way") != NULL, "%s", left);
}
END_TEST

START_TEST(test_status_wide_all_full)
{
	char left[256], right[256];

	run("set time_wait off");
	fit(true, 160, left, right);
	ck_assert_str_eq(left, " step 3/3 t=1.050s relative linux "
	    "no TIME_WAIT");
	ck_assert_str_eq(right, "Enter inspect #3  u undo  : command  "
	    "? help  q quit");
}
END_TEST

/* The least important part goes first: ": command", then the number
 * mode; the profile stays while the switches can be abbreviated. */
START_TEST(test_status_order_of_giving_way)
{
	char left[256], right[256];

	run("set time_wait off");
	fit(false, 80, left, right);
	ck_assert_str_eq(left, " step 3/3 t=1.050s relative linux "
	    "no TIME_WAIT");
	ck_assert_str_eq(right, "u undo  ? help  q quit");
	fit(false, 60, left, right);
	ck_assert_str_eq(left, " step 3/3 t=1.050s linux no TW");
	ck_assert_str_eq(right, "u undo  ? help  q quit");
}
END_TEST

/* 63.050 s stays seconds: "1:03" dropped the milliseconds. */
static const struct {
	uint64_t ms;
	const char *text;
} clock_ms[] = { { 0, "0.000s" }, { 50, "0.050s" }, { 1300, "1.300s" },
    { 63050, "63.050s" }, { 62765, "62.765s" } };

START_TEST(test_clock_ms_always)
{
	char b[32];

	for (size_t i = 0; i < sizeof(clock_ms) / sizeof(clock_ms[0]); i++)
		ck_assert_str_eq(sim_clock_text(clock_ms[i].ms, b, sizeof(b)),
		    clock_ms[i].text);
}
END_TEST

START_TEST(test_clock_us_capture)
{
	char b[32];

	ck_assert_str_eq(sim_clock_us_text(14, b, sizeof(b)), "0.000014s");
	ck_assert_str_eq(sim_clock_us_text(63050001, b, sizeof(b)),
	    "63.050001s");
}
END_TEST

static void
sim_fit(enum status_mode mode, uint32_t mark, int cols, char *left,
    char *right)
{
	struct status_line st;
	struct status_sim in = { .s = &s, .clock = "1.050s",
	    .num = LADDER_NUM_REL, .mark = mark, .mode = mode };

	status_sim_parts(&st, &in);
	status_fit(&st, cols, left, 256, right, 256);
}

/* Switches are not steps: the editing simulator counts events only. */
START_TEST(test_status_sim_edit_counts_events)
{
	char left[256], right[256];

	run("set time_wait off");
	run("client connect");
	sim_fit(STATUS_EDIT, 0, 160, left, right);
	ck_assert_str_eq(left, " step 1/1 t=1.050s relative rfc9293 "
	    "no TIME_WAIT");
	ck_assert_str_eq(right, "u undo  : command  ? help  q quit");
	/* A lecture counts its lines, switches too, and steps by Space. */
	sim_fit(STATUS_LECTURE, 0, 160, left, right);
	ck_assert_msg(strstr(left, " step 2/2 ") != NULL, "%s", left);
	ck_assert_str_eq(right, "Space/p step  j jump  ? help  q quit");
}
END_TEST

START_TEST(test_status_sim_branched_mark_checks)
{
	char left[256], right[256];
	struct script_err err;
	struct cmd c;

	run("client connect");
	run("expect client SYN_SENT");
	ck_assert_int_eq(script_parse_line("expect server ESTABLISHED", 3,
	    &c, &err), 1);
	ck_assert_int_ne(session_do(&s, &c), SIM_OK);
	sim_fit(STATUS_BRANCHED, 2, 160, left, right);
	ck_assert_msg(strstr(left, "  checks 1 ok, 1 failed") != NULL, "%s",
	    left);
	ck_assert_str_eq(right, "Enter inspect #2  b back to the script  "
	    "? help  q quit");
	/* Narrow: the brief forms, which stay however narrow. */
	sim_fit(STATUS_BRANCHED, 2, 60, left, right);
	ck_assert_msg(strstr(left, "checks") == NULL, "%s", left);
	ck_assert_msg(strstr(right, "Enter #2") != NULL, "%s", right);
	sim_fit(STATUS_BRANCHED, 2, 30, left, right);
	ck_assert_str_eq(right, "Enter #2  b resume  ? help  q quit");
	ck_assert_msg(strstr(left, "t=1.050s") != NULL, "%s", left);
}
END_TEST

static void
lesson_fit(uint32_t mark, int cols, char *left, char *keys)
{
	struct status_lesson in = { .w = &s.w, .lesson = 7, .step = 2,
	    .nsteps = 9, .num = LADDER_NUM_REL, .mark = mark };

	status_lesson_fit(&in, cols, left, 256, keys, 256);
}

#define LESSON_WIDE " Lesson 07, step 2/9  t=0.000s  relative  rfc9293 " \
	"no TIME_WAIT"
#define LESSON_TIGHT " Lesson 07, step 2/9 t=0.000s relative rfc9293 " \
	"no TIME_WAIT"

/* Issue 13 item 17: the lesson's line keeps its switches at 80 columns
 * by losing the panel's own "? help" first, then the double spaces, then
 * ": command"; "q list" always stays. */
static const struct {
	int cols;
	const char *left, *keys;
} lesson_cases[] = {
	{ 160, LESSON_WIDE, "u undo  : command  ? help  q list " },
	{ 95, LESSON_WIDE, "u undo  : command  q list " },
	{ 80, LESSON_TIGHT, "u undo  q list " },
	{ 40, LESSON_TIGHT, "q list " },
};

START_TEST(test_status_lesson_keys_give_way_first)
{
	char left[256], keys[256];

	run("set time_wait off");
	for (size_t i = 0; i < sizeof(lesson_cases) / sizeof(lesson_cases[0]);
	    i++) {
		lesson_fit(0, lesson_cases[i].cols, left, keys);
		ck_assert_str_eq(left, lesson_cases[i].left);
		ck_assert_str_eq(keys, lesson_cases[i].keys);
	}
}
END_TEST

/* A selected arrow's "Enter inspect #N" comes before the keys; the left
 * part gives up whole words from its end to make room. */
START_TEST(test_status_lesson_selected_cuts_left_words)
{
	char left[256], keys[256];

	lesson_fit(3, 160, left, keys);
	ck_assert_str_eq(keys, "Enter inspect #3  u undo  : command  "
	    "? help  q list ");
	lesson_fit(3, 60, left, keys);
	ck_assert_msg(strncmp(keys, "Enter inspect #3  ", 18) == 0, "%s",
	    keys);
	ck_assert_int_le(utf8_width(left) + 2 + utf8_width(keys), 60);
	ck_assert_msg(left[strlen(left) - 1] != ' ', "%s", left);
}
END_TEST

int
main(void)
{
	Suite *su = suite_create("status");
	TCase *tc = tcase_create("status");
	SRunner *sr;
	int failed;

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_status_switches_80_keep_help_quit);
	tcase_add_test(tc, test_status_selected_80_keeps_switches);
	tcase_add_test(tc, test_status_wide_all_full);
	tcase_add_test(tc, test_status_order_of_giving_way);
	tcase_add_test(tc, test_clock_ms_always);
	tcase_add_test(tc, test_clock_us_capture);
	tcase_add_test(tc, test_status_sim_edit_counts_events);
	tcase_add_test(tc, test_status_sim_branched_mark_checks);
	tcase_add_test(tc, test_status_lesson_keys_give_way_first);
	tcase_add_test(tc, test_status_lesson_selected_cuts_left_words);
	suite_add_tcase(su, tc);
	sr = srunner_create(su);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
