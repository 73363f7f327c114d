/*
 * Check suite for the lesson screens' layout arithmetic (no curses):
 * where the step panel goes at common terminal sizes, and how a row of
 * the lesson list and its progress mark read.  How the panel's text
 * wraps is check_panel's.
 */
#include <config.h>

#include <check.h>
#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib/utf8.h"
#include "ui/lesson_panel.h"
#include "ui/view.h"

static void
setup(void)
{
	setlocale(LC_ALL, "C.UTF-8");
}

/* Every part of the screen is inside it and nothing overlaps. */
static void
geom_fits(int rows, int cols, const struct lgeom *g)
{
	ck_assert(!g->small);
	ck_assert_int_ge(g->lad_h, 3);
	ck_assert_int_ge(g->ph, 6);
	ck_assert_int_le(g->px + g->pw, cols);
	ck_assert_int_le(g->py + g->ph, rows - 1);
	ck_assert_int_eq(g->menu_y + LGEOM_MENU_H, rows - 1);
	ck_assert_int_ge(g->sim_cols, LGEOM_MIN_COLS);
}

START_TEST(test_geom_80x24_panel_below)
{
	struct lgeom g;

	lgeom_compute(24, 80, &g);
	geom_fits(24, 80, &g);
	ck_assert(!g.side);
	ck_assert_int_eq(g.nar_h, 0);
	ck_assert_int_eq(g.pw, 80);
	/* Between the ladder and the menu. */
	ck_assert_int_eq(g.py, g.lad_y + g.lad_h);
	ck_assert_int_eq(g.menu_y, g.py + g.ph);
	ck_assert_int_ge(g.ph - 2, 5);
}
END_TEST

START_TEST(test_geom_wide_panel_beside)
{
	struct lgeom g;

	lgeom_compute(40, 160, &g);
	geom_fits(40, 160, &g);
	ck_assert(g.side);
	ck_assert_int_eq(g.px, g.sim_cols);
	ck_assert_int_eq(g.px + g.pw, 160);
	ck_assert_int_eq(g.ph, 39);
	ck_assert_int_gt(g.nar_h, 0);
	ck_assert_int_eq(g.menu_y, g.nar_y + g.nar_h);
}
END_TEST

START_TEST(test_geom_edges)
{
	struct lgeom g;

	lgeom_compute(19, 80, &g);
	ck_assert(g.small);
	lgeom_compute(24, 63, &g);
	ck_assert(g.small);
	lgeom_compute(20, 64, &g);
	geom_fits(20, 64, &g);
	/* 104 columns: the simulator keeps 64, the panel gets 40. */
	lgeom_compute(30, 104, &g);
	geom_fits(30, 104, &g);
	ck_assert(g.side);
	ck_assert_int_eq(g.pw, LGEOM_SIDE_MIN);
	lgeom_compute(30, 103, &g);
	ck_assert(!g.side);
	for (int r = 20; r < 60; r++)
		for (int c = 64; c < 200; c += 7) {
			lgeom_compute(r, c, &g);
			geom_fits(r, c, &g);
		}
}
END_TEST

START_TEST(test_browse_marks)
{
	struct lesson_mark m = { "02-handshake", 3, false };
	char buf[32];

	ck_assert_str_eq(lbrowse_mark(NULL, 9, false, buf, sizeof(buf)),
	    "\u00b7");
	ck_assert_str_eq(lbrowse_mark(NULL, 9, true, buf, sizeof(buf)), "-");
	ck_assert_str_eq(lbrowse_mark(&m, 9, false, buf, sizeof(buf)), "3/9");
	ck_assert_str_eq(lbrowse_mark(&m, 0, true, buf, sizeof(buf)), "3");
	m.done = true;
	ck_assert_str_eq(lbrowse_mark(&m, 9, false, buf, sizeof(buf)),
	    "\u2713");
	ck_assert_str_eq(lbrowse_mark(&m, 9, true, buf, sizeof(buf)), "[x]");
}
END_TEST

START_TEST(test_browse_row_widths)
{
	char buf[512];

	lbrowse_row(2, "Handshake", "How SYN works", 12, 40, buf,
	    sizeof(buf));
	ck_assert_str_eq(buf, "02  Handshake     How SYN works         ");
	ck_assert_int_eq(utf8_width(buf), 40);
	/* A CJK title is padded by columns, not bytes. */
	lbrowse_row(2, "\u4e09\u6b21\u63e1\u624b", "\u6458\u8981", 10, 30,
	    buf, sizeof(buf));
	ck_assert_int_eq(utf8_width(buf), 30);
	ck_assert_ptr_nonnull(strstr(buf, "\u4e09\u6b21\u63e1\u624b    "));
	/* Too narrow for the summary: the title alone, cut. */
	lbrowse_row(12, "A very long title indeed", "sum", 30, 20, buf,
	    sizeof(buf));
	ck_assert_str_eq(buf, "12  A very long titl");
}
END_TEST

/* At 120 columns with room for two lines a lesson's summary goes on
 * under itself instead of being cut after its first words. */
START_TEST(test_browse_row2_wide_list_wraps_summary)
{
	char l1[512], l2[512];

	lbrowse_row2(1, "Header", "Six of the eight control flags, the "
	    "sequence number and the acknowledgment number.", 46, 111, l1, l2,
	    sizeof(l1));
	ck_assert_int_eq(utf8_width(l1), 111);
	ck_assert_ptr_nonnull(strstr(l1, "Six of the eight control flags, "
	    "the sequence number and the"));
	ck_assert_ptr_null(strstr(l1, "..."));
	ck_assert_ptr_nonnull(strstr(l2, "acknowledgment number."));
	ck_assert_int_eq((int)strspn(l2, " "), 4 + 46 + 2);
	/* A short summary: one line, the second empty. */
	lbrowse_row2(2, "Handshake", "How SYN works", 12, 40, l1, l2,
	    sizeof(l1));
	ck_assert_str_eq(l1, "02  Handshake     How SYN works         ");
	ck_assert_str_eq(l2, "");
}
END_TEST

/* A summary that does not fit ends at a word boundary with "...", never
 * in the middle of a word; Chinese may end after any character. */
START_TEST(test_browse_row_summary_cut_between_words)
{
	char buf[512];

	lbrowse_row(5, "Close", "Who goes where, and why it matters", 6, 30,
	    buf, sizeof(buf));
	ck_assert_str_eq(buf, "05  Close   Who goes where... ");
	ck_assert_int_eq(utf8_width(buf), 30);
	lbrowse_row(5, "Close", "TIME_WAIT, reason two", 6, 24, buf,
	    sizeof(buf));
	ck_assert_str_eq(buf, "05  Close   TIME_WAIT...");
	lbrowse_row(5, "\u5173\u95ed", "\u8c01\u7ecf\u8fc7\u54ea\u4e9b"
	    "\u72b6\u6001", 4, 20, buf, sizeof(buf));
	ck_assert_str_eq(buf, "05  \u5173\u95ed  \u8c01\u7ecf\u8fc7..."
	    " ");
	ck_assert_int_eq(utf8_width(buf), 20);
	/* A Latin word after Chinese punctuation is not cut either. */
	lbrowse_row(5, "\u5173\u95ed", "CLOSE_WAIT\u3001FIN_WAIT_2", 4, 30,
	    buf, sizeof(buf));
	ck_assert_str_eq(buf, "05  \u5173\u95ed  CLOSE_WAIT...       ");
}
END_TEST

START_TEST(test_footer_rows)
{
	const char *items[] = { "n next", "p back", "! hint", "$ solution",
	    "? help" };
	size_t rows[4];

	/* 6+2+6+2+6 = 22 columns on the first row, 10+2+6 on the next. */
	ck_assert_uint_eq(lfoot_rows(items, 5, 24, rows, 3), 2);
	ck_assert_uint_eq(rows[0], 0);
	ck_assert_uint_eq(rows[1], 3);
	ck_assert_uint_eq(rows[2], 5);
	ck_assert_uint_eq(lfoot_rows(items, 5, 12, rows, 3), 3);
	ck_assert_uint_eq(rows[3], 3);
	ck_assert_uint_eq(lfoot_rows(items, 5, 24, rows, 1), 1);
	ck_assert_uint_eq(rows[1], 3);
	ck_assert_uint_eq(lfoot_rows(items, 5, 80, rows, 1), 1);
	ck_assert_uint_eq(rows[1], 5);
}
END_TEST

static Suite *
lesson_ui_suite(void)
{
	Suite *s = suite_create("lesson_ui");
	TCase *tc = tcase_create("layout");

	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, test_geom_80x24_panel_below);
	tcase_add_test(tc, test_geom_wide_panel_beside);
	tcase_add_test(tc, test_geom_edges);
	tcase_add_test(tc, test_browse_marks);
	tcase_add_test(tc, test_browse_row_widths);
	tcase_add_test(tc, test_browse_row2_wide_list_wraps_summary);
	tcase_add_test(tc, test_browse_row_summary_cut_between_words);
	tcase_add_test(tc, test_footer_rows);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(lesson_ui_suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
