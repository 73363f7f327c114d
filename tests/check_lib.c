/*
 * The helpers of src/lib a front end uses, a test case of check_sim, with
 * no UI.  The line editor (lib/lineedit.c): Backspace takes a whole
 * character, Chinese included; a full line takes no more; each prompt
 * recalls only its own lines, newest first, and Down past the newest
 * gives an empty line; the history keeps the last LINEEDIT_HIST lines.
 * Text cut to whole words (utf8_cut_words), by display width.  Lists
 * and texts that scroll (lib/scroll.c) stop at their ends.
 *
 * Data model: one editor (ed) per test, zeroed and freed by the fixture;
 * two prompt tags (colon, save) stand for the simulator's ":" and save
 * prompts; type() enters a line as keys would.
 */
#include <config.h>

#include <check.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_sim_util.h"
#include "lib/lineedit.h"
#include "lib/scroll.h"
#include "lib/utf8.h"

static struct lineedit ed;
static const char colon[] = ":", save[] = "save to: ";

static void
setup(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	memset(&ed, 0, sizeof(ed));
}

static void
teardown(void)
{
	lineedit_free(&ed);
}

static const char *
text(void)
{
	static char buf[LINEEDIT_BYTES];

	lineedit_text(&ed, buf, sizeof(buf));
	return buf;
}

/* Up (d -1) or Down (d 1): the line recalled, or NULL when none is. */
static const char *
recall(int d)
{
	return lineedit_recall(&ed, d) ? text() : NULL;
}

/* Start a line at prompt tag, type s character by character, Enter. */
static void
type(const void *tag, const char *s)
{
	char buf[LINEEDIT_BYTES];
	wchar_t w[LINEEDIT_MAX];
	size_t n = mbstowcs(w, s, LINEEDIT_MAX);

	lineedit_start(&ed, tag, NULL);
	for (size_t i = 0; i < n; i++)
		ck_assert(lineedit_insert(&ed, w[i]));
	lineedit_enter(&ed, buf, sizeof(buf));
	ck_assert_str_eq(buf, s);
}

START_TEST(test_backspace_removes_a_whole_chinese_character)
{
	lineedit_start(&ed, colon, "send 数据");
	ck_assert_str_eq(text(), "send 数据");
	lineedit_erase(&ed);
	ck_assert_str_eq(text(), "send 数");
	lineedit_erase(&ed);
	lineedit_erase(&ed);
	ck_assert_str_eq(text(), "send");
	lineedit_set(&ed, NULL);
	ck_assert_str_eq(text(), "");
	lineedit_erase(&ed);
	ck_assert_str_eq(text(), "");
}
END_TEST

START_TEST(test_full_line_refuses_more)
{
	size_t n = 0;

	lineedit_start(&ed, colon, NULL);
	while (lineedit_insert(&ed, L'x'))
		n++;
	ck_assert_uint_eq(n, LINEEDIT_MAX - 1);
	ck_assert_uint_eq(strlen(text()), LINEEDIT_MAX - 1);
	lineedit_erase(&ed);
	ck_assert(lineedit_insert(&ed, L'字'));
	ck_assert(!lineedit_insert(&ed, L'y'));
}
END_TEST

START_TEST(test_recall_walks_only_this_prompts_lines)
{
	type(colon, "client connect");
	type(save, "a.scn");
	type(colon, "server listen");
	lineedit_start(&ed, colon, "typed");
	ck_assert_str_eq(recall(-1), "server listen");
	ck_assert_str_eq(recall(-1), "client connect");
	ck_assert_ptr_null(recall(-1));
	ck_assert_str_eq(text(), "client connect");
	ck_assert_str_eq(recall(1), "server listen");
	/* Past the newest: an empty line, not what was typed. */
	ck_assert_str_eq(recall(1), "");
	ck_assert_ptr_null(recall(1));
	lineedit_start(&ed, save, NULL);
	ck_assert_str_eq(recall(-1), "a.scn");
	ck_assert_ptr_null(recall(-1));
}
END_TEST

START_TEST(test_empty_line_not_remembered)
{
	type(colon, "wait 1s");
	type(colon, "");
	lineedit_start(&ed, colon, NULL);
	ck_assert_str_eq(recall(-1), "wait 1s");
	ck_assert_ptr_null(recall(-1));
}
END_TEST

START_TEST(test_history_keeps_the_newest_lines)
{
	char line[32];

	for (int i = 0; i < LINEEDIT_HIST + 3; i++) {
		snprintf(line, sizeof(line), "wait %ds", i);
		type(colon, line);
	}
	ck_assert_uint_eq(ed.nhist, LINEEDIT_HIST);
	lineedit_start(&ed, colon, NULL);
	for (int i = 0; i < LINEEDIT_HIST; i++)
		ck_assert_ptr_nonnull(recall(-1));
	ck_assert_ptr_null(recall(-1));
	ck_assert_str_eq(text(), "wait 3s");
}
END_TEST

START_TEST(test_set_replaces_line_as_a_completion)
{
	lineedit_start(&ed, colon, "cli");
	lineedit_set(&ed, "client ");
	ck_assert(lineedit_insert(&ed, L'c'));
	ck_assert_str_eq(text(), "client c");
	/* Bytes the locale cannot read leave the line empty, never half. */
	lineedit_set(&ed, "\xff\xfe");
	ck_assert_str_eq(text(), "");
}
END_TEST

/* A status line's left part gives way by whole words, never half a
 * number or half a Chinese word's character. */
START_TEST(test_cut_words_keeps_whole_words_by_width)
{
	char s[64];

	snprintf(s, sizeof(s), "step 3/5 t=1.200s rel rfc9293");
	utf8_cut_words(s, 30);
	ck_assert_str_eq(s, "step 3/5 t=1.200s rel rfc9293");
	utf8_cut_words(s, 24);
	ck_assert_str_eq(s, "step 3/5 t=1.200s rel");
	utf8_cut_words(s, 16);
	ck_assert_str_eq(s, "step 3/5");
	snprintf(s, sizeof(s), "步骤 3/5 相对序号");
	utf8_cut_words(s, 12);
	ck_assert_str_eq(s, "步骤 3/5");
	utf8_cut_words(s, -4);
	ck_assert_str_eq(s, "");
}
END_TEST

/* Every list and scrolled text stops at its ends, and an empty one at
 * row 0; a page up from the last row goes back a page. */
START_TEST(test_scroll_stops_at_first_and_last_row)
{
	static const struct {
		long by;
		size_t top;
	} moves[] = { { -1, 0 }, { 12, 12 }, { 1000, 49 }, { -12, 37 } };
	struct scroll s = { .top = 0, .n = 50 };

	ck_assert_uint_eq(scroll_clamp(-3, 5), 0);
	ck_assert_uint_eq(scroll_clamp(7, 5), 4);
	ck_assert_uint_eq(scroll_clamp(2, 0), 0);
	for (size_t i = 0; i < sizeof(moves) / sizeof(moves[0]); i++) {
		scroll_by(&s, moves[i].by);
		ck_assert_uint_eq(s.top, moves[i].top);
	}
	s.n = 0;
	scroll_by(&s, 3);
	ck_assert_uint_eq(s.top, 0);
}
END_TEST

/* A chosen row comes into view by the least move; a text longer than
 * its window shows no empty rows below its end, a shorter one all. */
START_TEST(test_scroll_keeps_choice_in_view_and_fits_end)
{
	ck_assert_uint_eq(scroll_keep(0, 30, 10, 4), 0);
	ck_assert_uint_eq(scroll_keep(0, 30, 10, 12), 3);
	ck_assert_uint_eq(scroll_keep(8, 30, 10, 2), 2);
	ck_assert_uint_eq(scroll_keep(8, 30, 10, 30), 8);	/* none */
	ck_assert_uint_eq(scroll_fit(25, 30, 10), 20);
	ck_assert_uint_eq(scroll_fit(5, 30, 10), 5);
	ck_assert_uint_eq(scroll_fit(5, 8, 10), 0);
}
END_TEST

/* A list's choice moves by a row, a page or to an end and stops at its
 * first and last rows; an empty list has nothing to move. */
START_TEST(test_scroll_choice_moves_and_stops_at_ends)
{
	static const struct {
		enum scroll_move m;
		size_t sel;
	} moves[] = { { SCROLL_UP, 0 }, { SCROLL_PAGE_DOWN, 4 },
	    { SCROLL_DOWN, 5 }, { SCROLL_LAST, 9 }, { SCROLL_PAGE_DOWN, 9 },
	    { SCROLL_PAGE_UP, 5 }, { SCROLL_FIRST, 0 } };
	size_t sel = 0;

	for (size_t i = 0; i < sizeof(moves) / sizeof(moves[0]); i++) {
		ck_assert(scroll_choose(&sel, 10, 4, moves[i].m));
		ck_assert_uint_eq(sel, moves[i].sel);
	}
	ck_assert(!scroll_choose(&sel, 0, 4, SCROLL_DOWN));
	ck_assert_uint_eq(sel, 0);
}
END_TEST

/* Three cases of the sim suite: the line editor, text by width, and
 * scrolling. */

/* --ascii: the marks become one-column look-alikes, other one-column
 * characters '?', and Chinese text stays; never longer than before. */
START_TEST(test_ascii_folds_marks_keeps_chinese)
{
	const char *s = "[ok] Done \u2014 press n; 2) ACK  \u2190 "
	    "\u201cx\u201d \u2191\u2193 a\u2192b \u2713\u2717 \u00e9";
	char out[128];
	size_t n = utf8_ascii(s, strlen(s), out);

	ck_assert_str_eq(out, "[ok] Done - press n; 2) ACK  < \"x\" ^v "
	    "a>b +x ?");
	ck_assert_uint_eq(n, strlen(out));
	ck_assert_int_eq(utf8_width(out), utf8_width(s));
	s = "\u8fdb\u5165 TIME_WAIT\uff0c\u2014";
	utf8_ascii(s, strlen(s), out);
	ck_assert_str_eq(out, "\u8fdb\u5165 TIME_WAIT\uff0c-");
	/* A cut in the middle of a character, and a stray byte. */
	utf8_ascii("a\u2014", 3, out);
	ck_assert_str_eq(out, "a??");
	utf8_ascii("\xff!", 2, out);
	ck_assert_str_eq(out, "?!");
}
END_TEST

/* Two cases of the sim suite: the line editor, and text by width. */
void
lib_add_tcases(Suite *su)
{
	TCase *edit = tcase_create("lineedit"), *text = tcase_create("utf8");
	TCase *scroll = tcase_create("scroll");

	tcase_add_checked_fixture(edit, setup, teardown);
	tcase_add_test(edit, test_backspace_removes_a_whole_chinese_character);
	tcase_add_test(edit, test_full_line_refuses_more);
	tcase_add_test(edit, test_recall_walks_only_this_prompts_lines);
	tcase_add_test(edit, test_empty_line_not_remembered);
	tcase_add_test(edit, test_history_keeps_the_newest_lines);
	tcase_add_test(edit, test_set_replaces_line_as_a_completion);
	suite_add_tcase(su, edit);
	tcase_add_checked_fixture(text, setup, teardown);
	tcase_add_test(text, test_cut_words_keeps_whole_words_by_width);
	tcase_add_test(text, test_ascii_folds_marks_keeps_chinese);
	suite_add_tcase(su, text);
	tcase_add_test(scroll, test_scroll_stops_at_first_and_last_row);
	tcase_add_test(scroll, test_scroll_keeps_choice_in_view_and_fits_end);
	tcase_add_test(scroll, test_scroll_choice_moves_and_stops_at_ends);
	suite_add_tcase(su, scroll);
}
