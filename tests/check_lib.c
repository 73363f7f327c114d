/*
 * The helpers of src/lib a front end uses, a test case of check_sim, with
 * no UI.  The line editor (lib/lineedit.c): Backspace takes a whole
 * character, Chinese included; a full line takes no more; each prompt
 * recalls only its own lines, newest first, and Down past the newest
 * gives an empty line; the history keeps the last LINEEDIT_HIST lines.
 * Text cut to whole words (utf8_cut_words), by display width.
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
}
