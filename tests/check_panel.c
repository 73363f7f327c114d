/*
 * Check suite for the text of paragraphs wrapped by display width
 * (src/lesson/panel.c) and the quiz pages built on it (src/quiz/doc.c),
 * linked without the UI: how a text wraps (Chinese included), hangs
 * and scrolls, and what a question shows before and after it is judged;
 * and the lesson list's rows and the lesson's key bar (src/lesson/
 * browse.c, lpanel_item_rows), laid out by display width.
 */
#include <config.h>

#include <check.h>
#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lesson/browse.h"
#include "lesson/panel.h"
#include "lib/utf8.h"
#include "quiz/doc.h"
#include "quiz/exam.h"

static void
setup(void)
{
	setlocale(LC_ALL, "C.UTF-8");
}

/* The width of each wrapped line, in display columns. */
static int
line_width(const struct lpanel *lp, size_t i)
{
	const struct lpanel_line *l = &lp->l[i];
	char buf[512];

	ck_assert_uint_lt(l->len, sizeof(buf));
	memcpy(buf, lp->p[l->para].text + l->off, l->len);
	buf[l->len] = '\0';
	return utf8_width(buf) + l->x;
}

START_TEST(test_panel_wrap_paragraphs_and_gap)
{
	struct lpanel lp;

	lpanel_init(&lp);
	lpanel_add(&lp, LP_TEXT, 0, false, "one two three four\nfive six");
	lpanel_add(&lp, LP_TASK, 0, true, "Task: listen");
	ck_assert_uint_eq(lp.np, 3);
	ck_assert_uint_eq(lpanel_wrap(&lp, 12), 5);
	/* "one two", "three four", "five six", gap, "Task: ..." */
	ck_assert_uint_eq(lp.l[0].len, 7);
	ck_assert_uint_eq(lp.l[1].off, 8);
	ck_assert_uint_eq(lp.l[2].para, 1);
	ck_assert_uint_eq(lp.l[3].para, SIZE_MAX);
	ck_assert_int_eq(lp.p[lp.l[4].para].role, LP_TASK);
	for (size_t i = 0; i < lp.nl; i++)
		if (lp.l[i].para != SIZE_MAX)
			ck_assert_int_le(line_width(&lp, i), 12);
	lpanel_free(&lp);
}
END_TEST

START_TEST(test_panel_wrap_cjk_by_width)
{
	struct lpanel lp;
	/* Twelve CJK characters: 24 columns, no spaces to break at. */
	const char *zh = "\u670d\u52a1\u5668\u8c03\u7528\u4e86\u76d1\u542c"
	    "\u51fd\u6570\u3002\u5417";

	lpanel_init(&lp);
	lpanel_add(&lp, LP_TEXT, 0, false, zh);
	ck_assert_uint_eq(lpanel_wrap(&lp, 9), 3);
	for (size_t i = 0; i < lp.nl; i++)
		ck_assert_int_le(line_width(&lp, i), 9);
	/* 4 characters (8 columns) per line: never half a character. */
	ck_assert_uint_eq(lp.l[0].len, 12);
	lpanel_free(&lp);
}
END_TEST

/* Mixed Chinese and ASCII: lines are filled, not cut at the last space,
 * and never start with closing punctuation. */
START_TEST(test_panel_wrap_mixed_fills_lines)
{
	struct lpanel lp;
	const char *zh = "\u8fde\u63a5\u5df2\u7ecf\u5efa\u7acb\u3002"
	    "\u5ba2\u6237\u7aef\u7684 ISN \u662f 1000\u3002\u5b83\u53d1"
	    "\u51fa\u7684\u4e0a\u4e00\u4e2a\u62a5\u6587\u6bb5\u662f"
	    "\u7eaf ACK\uff0cseq=1001\u3002";

	lpanel_init(&lp);
	lpanel_add(&lp, LP_TEXT, 0, false, zh);
	for (int cols = 8; cols <= 40; cols++) {
		lpanel_wrap(&lp, cols);
		for (size_t i = 0; i < lp.nl; i++) {
			const char *t = lp.p[0].text + lp.l[i].off;

			ck_assert_int_le(line_width(&lp, i), cols);
			/* Narrower than "seq=1001." the word is cut. */
			ck_assert_msg(cols < 10 ||
			    (strncmp(t, "\u3002", 3) != 0 &&
			    strncmp(t, "\uff0c", 3) != 0),
			    "line %zu at %d starts with punctuation", i, cols);
			/* Not the last line: at most a word's room is left. */
			if (i + 1 < lp.nl)
				ck_assert_int_ge(line_width(&lp, i), cols - 9);
		}
	}
	lpanel_wrap(&lp, 16);
	/* Eight CJK characters fill the 16 columns exactly. */
	ck_assert_uint_eq(lp.l[0].len, 24);
	lpanel_free(&lp);
}
END_TEST

START_TEST(test_panel_hanging_indent)
{
	struct lpanel lp;

	lpanel_init(&lp);
	lpanel_add(&lp, LP_CHOICE, 3, false, "1) aaa bbb ccc ddd");
	lpanel_wrap(&lp, 12);
	ck_assert_uint_ge(lp.nl, 2);
	ck_assert_int_eq(lp.l[0].x, 0);
	ck_assert_int_eq(lp.l[1].x, 3);
	for (size_t i = 0; i < lp.nl; i++)
		ck_assert_int_le(line_width(&lp, i), 12);
	lpanel_free(&lp);
}
END_TEST

START_TEST(test_panel_scroll)
{
	struct lpanel lp;

	lpanel_init(&lp);
	for (int i = 0; i < 10; i++)
		lpanel_add(&lp, LP_TEXT, 0, false, "line");
	lpanel_wrap(&lp, 20);
	ck_assert_uint_eq(lp.nl, 10);
	ck_assert_uint_eq(lpanel_scroll(&lp, 4, 0, SIZE_MAX), 0);
	ck_assert_uint_eq(lpanel_scroll(&lp, 4, 0, 9), 6);
	ck_assert_uint_eq(lpanel_scroll(&lp, 4, 8, 2), 2);
	/* Past the end is clamped; text that fits never scrolls. */
	ck_assert_uint_eq(lpanel_scroll(&lp, 4, 50, SIZE_MAX), 6);
	ck_assert_uint_eq(lpanel_scroll(&lp, 12, 5, SIZE_MAX), 0);
	lpanel_clear(&lp);
	ck_assert_uint_eq(lp.np, 0);
	lpanel_free(&lp);
}
END_TEST

/* The paragraphs of d, one per line, each "role:text". */
static void
doc_text(const struct qdoc *d, char *buf, size_t size)
{
	size_t used = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < d->p.np && used < size; i++)
		used += (size_t)snprintf(buf + used, size - used, "%d:%s\n",
		    (int)d->p.p[i].role, d->p.p[i].text);
}

/* A choice question: asked, the pick is marked; judged, the right option
 * is LP_OK, the wrong pick LP_BAD, then the verdict and the why. */
START_TEST(test_qdoc_choice_asked_then_judged_wrong_pick)
{
	static char stem[] = "Which state?", why[] = "RFC 9293 3.10.7.3.";
	static char o0[] = "SYN_RECEIVED", o1[] = "LISTEN";
	struct quiz_question q = {
		.type = QUIZ_T_CHOICE, .stem = stem, .nopt = 2,
		.correct = 0, .explain = why,
		.opt = { { .text = o0 }, { .text = o1 } },
	};
	struct exam_answer a = { .given = true, .choice = 1 };
	struct qdoc d;
	char buf[1024], want[128];

	memset(&d, 0, sizeof(d));
	lpanel_init(&d.p);
	qdoc_question(&d, &q, &a, QDOC_ASK);
	doc_text(&d, buf, sizeof(buf));
	snprintf(want, sizeof(want), "%d:> %c) LISTEN\n", LP_PICK,
	    exam_label(1));
	ck_assert_ptr_nonnull(strstr(buf, want));
	ck_assert_ptr_null(strstr(buf, "RFC 9293"));
	qdoc_clear(&d);
	qdoc_question(&d, &q, &a, QDOC_JUDGED);
	doc_text(&d, buf, sizeof(buf));
	snprintf(want, sizeof(want), "%d:  %c) SYN_RECEIVED\n", LP_OK,
	    exam_label(0));
	ck_assert_ptr_nonnull(strstr(buf, want));
	snprintf(want, sizeof(want), "%d:> %c) LISTEN\n", LP_BAD,
	    exam_label(1));
	ck_assert_ptr_nonnull(strstr(buf, want));
	ck_assert_ptr_nonnull(strstr(buf, "Not quite: the answer is"));
	ck_assert_ptr_nonnull(strstr(buf, "RFC 9293 3.10.7.3."));
	ck_assert_uint_lt(d.mark, d.p.np);
	lpanel_free(&d.p);
}
END_TEST

START_TEST(test_browse_marks)
{
	struct lesson_mark m = { "02-handshake", 3, false, 0x3 };
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
	ck_assert_uint_eq(lpanel_item_rows(items, 5, 24, rows, 3), 2);
	ck_assert_uint_eq(rows[0], 0);
	ck_assert_uint_eq(rows[1], 3);
	ck_assert_uint_eq(rows[2], 5);
	ck_assert_uint_eq(lpanel_item_rows(items, 5, 12, rows, 3), 3);
	ck_assert_uint_eq(rows[3], 3);
	ck_assert_uint_eq(lpanel_item_rows(items, 5, 24, rows, 1), 1);
	ck_assert_uint_eq(rows[1], 3);
	ck_assert_uint_eq(lpanel_item_rows(items, 5, 80, rows, 1), 1);
	ck_assert_uint_eq(rows[1], 5);
}
END_TEST

static Suite *
panel_suite(void)
{
	Suite *s = suite_create("panel");
	TCase *tc = tcase_create("wrap");

	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, test_panel_wrap_paragraphs_and_gap);
	tcase_add_test(tc, test_panel_wrap_cjk_by_width);
	tcase_add_test(tc, test_panel_wrap_mixed_fills_lines);
	tcase_add_test(tc, test_panel_hanging_indent);
	tcase_add_test(tc, test_panel_scroll);
	/* The lesson list's rows and the key bar are laid out by width too. */
	tcase_add_test(tc, test_browse_marks);
	tcase_add_test(tc, test_browse_row_widths);
	tcase_add_test(tc, test_browse_row2_wide_list_wraps_summary);
	tcase_add_test(tc, test_browse_row_summary_cut_between_words);
	tcase_add_test(tc, test_footer_rows);
	suite_add_tcase(s, tc);
	tc = tcase_create("quiz pages");
	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, test_qdoc_choice_asked_then_judged_wrong_pick);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(panel_suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
