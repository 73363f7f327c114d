/*
 * Check suite for the lesson screen's layout arithmetic (no curses):
 * where the step panel goes at common terminal sizes.  How the panel's
 * text wraps, and how a row of the lesson list and its progress mark
 * read, are check_panel's.
 */
#include <config.h>

#include <check.h>
#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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

static Suite *
lesson_ui_suite(void)
{
	Suite *s = suite_create("lesson_ui");
	TCase *tc = tcase_create("layout");

	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, test_geom_80x24_panel_below);
	tcase_add_test(tc, test_geom_wide_panel_beside);
	tcase_add_test(tc, test_geom_edges);
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
