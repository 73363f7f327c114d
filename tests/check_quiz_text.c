/*
 * A generated question's words against its figure, for many seeds, in
 * English and in Chinese: the steps a stem names are the steps its listing
 * ends with; a data segment is labelled with its length wherever it is
 * named (stem, figure, options, explanation), as the simulator's ladder
 * labels it; and counts read as counts ("1 question", not "1 questions").
 *
 * Data model: each test generates questions with quiz_generate() and reads
 * only the strings a student sees (stem, figure, options), never the
 * generators' own variables.
 */
#include <config.h>

#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_quiz_util.h"
#include "lib/i18n.h"
#include "quiz/exam.h"
#include "quiz/quiz.h"

#define SEEDS 300

static const char *const langs[] = { "en", "zh_CN" };

/* Switch the messages to langs[i]; every test sets its own, so none
 * depends on Check forking. */
static void
use_lang(int i)
{
	i18n_init(langs[i]);
	if (i == 1)
		ck_assert_msg(strcmp(_("client"), "client") != 0,
		    "no Chinese catalogue: the test would prove nothing");
}

/* "deliver\ndeliver\n" as the stem writes it: "deliver; deliver". */
static char *
steps_inline(const char *then)
{
	char *s = calloc(1, 2 * strlen(then) + 1), *o = s;

	ck_assert_ptr_nonnull(s);
	for (const char *p = then; *p != '\0'; p++) {
		if (*p != '\n') {
			*o++ = *p;
			continue;
		}
		if (p[1] != '\0') {
			*o++ = ';';
			*o++ = ' ';
		}
	}
	return s;
}

/* Tester: "Then these steps run: deliver; deliver." above a listing that
 * ended with dup / deliver #6, so the two described different steps.  A
 * stem that names steps must name exactly those the figure lists after
 * "# then:", and the figure above that line is the scenario. */
START_TEST(test_whatif_fin_stem_names_the_steps_its_listing_ends_with)
{
	unsigned named = 0;

	use_lang(_i);
	for (uint64_t seed = 0; seed < SEEDS; seed++) {
		struct quiz_question q;
		const char *mark;
		char *steps;

		quiz_question_init(&q);
		ck_assert(quiz_generate(QUIZ_K_WHATIF, seed, QUIZ_TOPICS_ALL,
		    &q));
		ck_assert_ptr_nonnull(q.then);
		ck_assert_ptr_nonnull(q.figure);
		/* One step ("the old copy arrives") is told in words. */
		if (strchr(q.then, '\n') == q.then + strlen(q.then) - 1) {
			ck_assert_ptr_null(strstr(q.figure, "# then:"));
			quiz_question_free(&q);
			continue;
		}
		named++;
		steps = steps_inline(q.then);
		ck_assert_msg(strstr(q.stem, steps) != NULL, "%s: stem does "
		    "not name the steps '%s':\n%s", q.id, steps, q.stem);
		ck_assert_msg(strstr(q.stem, "# then:") != NULL, "%s: %s",
		    q.id, q.stem);
		mark = strstr(q.figure, "# then:\n");
		ck_assert_msg(mark != NULL, "%s: no '# then:' in\n%s", q.id,
		    q.figure);
		ck_assert_str_eq(mark + strlen("# then:\n"), q.then);
		ck_assert_uint_eq((size_t)(mark - q.figure),
		    strlen(q.scenario));
		ck_assert_int_eq(strncmp(q.figure, q.scenario,
		    strlen(q.scenario)), 0);
		free(steps);
		quiz_question_free(&q);
	}
	ck_assert_uint_ge(named, SEEDS / 3);
}
END_TEST

/* Does the label at s ("PSH+ACK seq=0 ack=9200 len=100") give a length?
 * Reads the flags, then " key=number" fields while there are any. */
static bool
label_has_len(const char *s)
{
	s += strcspn(s, " ");
	while (s[0] == ' ' && s[1] != '\0' && s[2] != '\0' &&
	    s[3] != '\0' && s[4] == '=') {
		if (strncmp(s, " len=", 5) == 0)
			return true;
		s += 5;
		s += strspn(s, "0123456789");
	}
	return false;
}

/* Every data segment named in text; counts them in *seen. */
static void
check_labels(const struct quiz_question *q, const char *what,
    const char *text, unsigned *seen)
{
	static const char *const starts[] = { "PSH seq=", "PSH+ACK seq=",
	    "FIN+PSH+ACK seq=" };

	if (text == NULL)
		return;
	for (size_t k = 0; k < 3; k++)
		for (const char *p = strstr(text, starts[k]); p != NULL;
		    p = strstr(p + 1, starts[k])) {
			if (k == 0 && p > text && p[-1] == '+')
				continue;	/* counted as PSH+... */
			(*seen)++;
			ck_assert_msg(label_has_len(p), "%s: %s names a data "
			    "segment without its length: %.60s", q->id,
			    what, p);
		}
}

/* Tester: an event question's figure showed "PSH+ACK seq=0 ack=9200" with
 * no length, while the simulator's ladder always shows len on data.  The
 * stem, figure, options and explanation of every generated kind label a
 * data segment with its length. */
START_TEST(test_generated_data_segment_labels_show_len)
{
	unsigned seen = 0;

	use_lang(_i);
	for (unsigned k = 0; k < QUIZ_NGENKINDS; k++)
		for (uint64_t seed = 0; seed < SEEDS / 2; seed++) {
			struct quiz_question q;

			quiz_question_init(&q);
			if (!quiz_generate((enum quiz_kind)k, seed,
			    QUIZ_TOPICS_ALL, &q)) {
				quiz_question_free(&q);
				continue;
			}
			check_labels(&q, "the stem", q.stem, &seen);
			check_labels(&q, "the figure", q.figure, &seen);
			check_labels(&q, "the explanation", q.explain, &seen);
			for (unsigned i = 0; i < q.nopt; i++)
				check_labels(&q, "an option", q.opt[i].text,
				    &seen);
			quiz_question_free(&q);
		}
	ck_assert_uint_ge(seen, 20);
}
END_TEST

/* "Which event was it?" answered by a write: the bytes the right option
 * names are the len of the data segment the figure draws.  And the
 * figure's "In flight" lines read as Chinese writes them. */
START_TEST(test_event_write_answer_matches_len_in_figure)
{
	unsigned writes = 0;

	use_lang(_i);
	for (uint64_t seed = 0; seed < 2 * SEEDS; seed++) {
		struct quiz_question q;
		const char *t;
		char want[32];

		quiz_question_init(&q);
		ck_assert(quiz_generate(QUIZ_K_EVENT, seed, QUIZ_TOPICS_ALL,
		    &q));
		/* "在途： #3": no space after a full-width colon. */
		ck_assert_msg(strstr(q.figure, "\uff1a ") == NULL, "%s:\n%s",
		    q.id, q.figure);
		t = q.opt[q.correct].text;
		if (strstr(t, "writes") != NULL ||
		    strstr(t, "\u5199\u5165") != NULL) {
			writes++;
			snprintf(want, sizeof(want), " len=%lu ",
			    strtoul(t + strcspn(t, "0123456789"), NULL, 10));
			ck_assert_msg(strstr(q.figure, want) != NULL, "%s: "
			    "'%s' but the figure draws no '%s':\n%s", q.id, t,
			    want, q.figure);
		}
		quiz_question_free(&q);
	}
	ck_assert_uint_ge(writes, 5);
}
END_TEST

/* Tester: "Graded 1 attempts."; the paper's heading had the same fault
 * ("1 questions", "1 minutes"). */
START_TEST(test_exam_heading_one_question_one_minute_singular)
{
	struct exam_params p;
	struct exam ex;
	char *buf = NULL;
	size_t len = 0;

	use_lang(0);
	exam_params_init(&p);
	p.seed = 3;
	p.count = 1;
	p.minutes = 1;
	p.generated_only = true;
	ck_assert(exam_build(&ex, &p, NULL));
	CQ_CAPTURE(buf, len, exam_print(out, &ex, EXAM_FMT_TEXT));
	ck_assert_msg(strstr(buf, "Seed 3, 1 question, 1 minute\n") != NULL,
	    "%s", buf);
	free(buf);
	exam_free(&ex);
	p.count = 2;
	p.minutes = 2;
	ck_assert(exam_build(&ex, &p, NULL));
	CQ_CAPTURE(buf, len, exam_print(out, &ex, EXAM_FMT_TEXT));
	ck_assert_msg(strstr(buf, "Seed 3, 2 questions, 2 minutes\n") !=
	    NULL, "%s", buf);
	free(buf);
	exam_free(&ex);
}
END_TEST

static Suite *
quiz_text_suite(void)
{
	Suite *s = suite_create("quiz text");
	TCase *tc = tcase_create("text");

	tcase_set_timeout(tc, 600);
	tcase_add_loop_test(tc,
	    test_whatif_fin_stem_names_the_steps_its_listing_ends_with, 0, 2);
	tcase_add_loop_test(tc, test_generated_data_segment_labels_show_len,
	    0, 2);
	tcase_add_loop_test(tc, test_event_write_answer_matches_len_in_figure,
	    0, 2);
	tcase_add_test(tc, test_exam_heading_one_question_one_minute_singular);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(quiz_text_suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
