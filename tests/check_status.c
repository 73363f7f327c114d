/*
 * Check suite for the simulator's status line rule (src/ui/status.c) and
 * the clock's one format: at 80 columns the line keeps "? help", "q quit",
 * the clock and every what-if switch, giving up the least important parts
 * first, whole; times are seconds with milliseconds, never m:ss.
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
#include "ui/status.h"

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

/* The simulator's parts as draw_menu.c adds them. */
static void
parts(struct ui_status *st, bool inspect)
{
	st->n = 0;
	ui_status_add(st, "step 3/3", "3/3", 7, false, false);
	ui_status_add(st, "t=1.050s", NULL, 0, false, false);
	ui_status_add(st, "relative", NULL, 2, false, false);
	ui_status_add(st, "linux", NULL, 5, false, false);
	ui_status_switches(st, &s.w, 3);
	if (inspect)
		ui_status_add(st, "Enter inspect #3", "Enter #3", 6, true,
		    false);
	ui_status_add(st, "u undo", NULL, 8, true, false);
	ui_status_add(st, ": command", NULL, 1, true, false);
	ui_status_add(st, "? help", NULL, 0, true, false);
	ui_status_add(st, "q quit", NULL, 0, true, false);
}

static void
fit(bool inspect, int cols, char *left, char *right)
{
	struct ui_status st;

	parts(&st, inspect);
	ui_status_fit(&st, cols, left, 256, right, 256);
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

START_TEST(test_clock_ms_always)
{
	char b[32];

	ck_assert_str_eq(ui_clock_str(0, b, sizeof(b)), "0.000s");
	ck_assert_str_eq(ui_clock_str(50, b, sizeof(b)), "0.050s");
	ck_assert_str_eq(ui_clock_str(1300, b, sizeof(b)), "1.300s");
	/* 63.050 s stays seconds: "1:03" dropped the milliseconds. */
	ck_assert_str_eq(ui_clock_str(63050, b, sizeof(b)), "63.050s");
	ck_assert_str_eq(ui_clock_str(62765, b, sizeof(b)), "62.765s");
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
	suite_add_tcase(su, tc);
	sr = srunner_create(su);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
