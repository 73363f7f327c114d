/*
 * A drill or exam sitting (src/quiz/sitting.h) driven as the terminal
 * drives it, without one: answering, refusals and what they say, moving
 * through questions, the list and the review, the clock, submitting,
 * and the offer to resume an attempt.  Every sitting is three generated
 * questions of seed 7; an exam's files go to a temporary directory.
 */
#include <config.h>

#include <check.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "quiz/sitting.h"

static char dir[64];
static struct sitting s;
static struct quiz_cli_tui t;

static void sit(enum sitting_mode mode, int64_t now);

static void
setup(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	snprintf(dir, sizeof(dir), "%s", "/tmp/check_sitting_XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	memset(&t, 0, sizeof(t));
	exam_params_init(&t.params);
	t.params.seed = 7;
	t.params.count = 3;
	t.params.generated_only = true;
	snprintf(t.params.lang, sizeof(t.params.lang), "en");
	t.results_dir = dir;
	sitting_init(&s, SITTING_DRILL);
	sit(SITTING_DRILL, 0);
}

static void
teardown(void)
{
	char cmd[128];

	sitting_free(&s);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
}

/* Start the sitting afresh: the drill as `tcpteach quiz` does, the exam
 * through sitting_exam_open, as if at wall-clock second now. */
static void
sit(enum sitting_mode mode, int64_t now)
{
	char err[512] = "";

	sitting_free(&s);
	sitting_init(&s, mode);
	if (mode == SITTING_DRILL)
		ck_assert(exam_session_start_lang(&s.es, &t.params, now));
	else
		ck_assert_msg(sitting_exam_open(&s, &t, (long)getpid(), now,
		    err, sizeof(err)) == TT_EXIT_OK, "%s", err);
}

/* Put the first question of type ty (or, with other, of another type)
 * up; false if there is none. */
static bool
up(enum quiz_type ty, bool other)
{
	for (unsigned i = 0; i < s.es.ex.n; i++)
		if ((s.es.ex.q[i].type == ty) != other) {
			s.es.current = i;
			return true;
		}
	return false;
}

/* What the sitting said, taken as a front end takes it. */
static const char *
said(bool *err)
{
	static char buf[sizeof(s.say)];

	snprintf(buf, sizeof(buf), "%s", s.say);
	if (err != NULL)
		*err = s.say_err;
	s.say[0] = '\0';
	return buf;
}

static bool
doc_has(const char *text)
{
	struct qdoc d;
	bool found = false;

	lpanel_init(&d.p);
	sitting_doc(&s, &d);
	for (size_t i = 0; i < d.p.np; i++)
		found = found || strstr(d.p.p[i].text, text) != NULL;
	lpanel_free(&d.p);
	return found;
}

START_TEST(test_drill_choice_judged_once_then_refused)
{
	bool err;

	ck_assert(up(QUIZ_T_CHOICE, false));
	ck_assert_int_eq(sitting_letter(&s, 0), SITTING_JUDGED);
	ck_assert(s.es.ans[s.es.current].given);
	ck_assert(!sitting_typing_due(&s));
	ck_assert_int_eq(sitting_letter(&s, 1), SITTING_SAID);
	ck_assert_str_eq(said(&err), "This question is answered: press "
	    "Enter for the next one.");
	ck_assert(!err);
	ck_assert_uint_eq(s.es.ans[s.es.current].choice, 0);
}
END_TEST

START_TEST(test_drill_choice_letter_beyond_options_or_digit_refused)
{
	char want[64];
	bool err;
	unsigned n;

	ck_assert(up(QUIZ_T_CHOICE, false));
	n = s.es.ex.q[s.es.current].nopt;
	ck_assert_int_eq(sitting_letter(&s, n), SITTING_SAID);
	snprintf(want, sizeof(want), "Only A to %c here.", 'A' + n - 1);
	ck_assert_str_eq(said(&err), want);
	ck_assert(err);
	ck_assert_int_eq(sitting_digit(&s), SITTING_SAID);
	ck_assert_ptr_nonnull(strstr(said(&err), "Digits answer"));
	ck_assert(err);
	ck_assert(!s.es.ans[s.es.current].given);
}
END_TEST

START_TEST(test_drill_forward_only_then_reviews_every_missed)
{
	char left[128], right[64];

	ck_assert_int_eq(sitting_move(&s, -1), SITTING_SAID);
	ck_assert_ptr_nonnull(strstr(said(NULL), "forward only"));
	ck_assert_int_eq(sitting_enter(&s), SITTING_SAID);
	ck_assert_str_eq(said(NULL), "Answer first, or press n to skip this "
	    "question.");
	ck_assert_int_eq(sitting_list(&s), SITTING_SAID);
	ck_assert_int_eq(sitting_move(&s, 1), SITTING_NEW_PAGE);
	ck_assert_int_eq(sitting_move(&s, 1), SITTING_NEW_PAGE);
	ck_assert(!s.done);
	ck_assert_int_eq(sitting_move(&s, 1), SITTING_NEW_PAGE);
	ck_assert(s.done);
	ck_assert_int_eq(s.page, SITTING_REPORT);
	ck_assert_uint_eq(s.nreview, 3);	/* skipped: all missed */
	sitting_title(&s, left, sizeof(left), right, sizeof(right));
	ck_assert_str_eq(left, " Drill over: the report");
	ck_assert_str_eq(right, "");
	ck_assert_int_eq(sitting_letter(&s, 0), SITTING_SAID);
	ck_assert_ptr_nonnull(strstr(said(NULL), "does nothing here"));
	ck_assert_int_eq(sitting_enter(&s), SITTING_NEW_PAGE);
	ck_assert_int_eq(s.page, SITTING_QUESTION);
	ck_assert_uint_eq(s.es.current, s.review[0]);
	ck_assert_int_eq(sitting_move(&s, 1), SITTING_NEW_PAGE);
	ck_assert_int_eq(sitting_move(&s, 1), SITTING_NEW_PAGE);
	ck_assert_uint_eq(s.es.current, s.review[2]);
	ck_assert_int_eq(sitting_move(&s, 1), SITTING_SAID);
	ck_assert_str_eq(said(NULL), "That is all: l shows the report, q "
	    "quits.");
	ck_assert_int_eq(sitting_letter(&s, 0), SITTING_SAID);
	ck_assert_ptr_nonnull(strstr(said(NULL), "final now"));
	ck_assert_int_eq(sitting_list(&s), SITTING_NEW_PAGE);
	ck_assert_int_eq(s.page, SITTING_REPORT);
}
END_TEST

/* At the end the drill reviews only what was not answered right. */
START_TEST(test_drill_review_walks_only_the_missed)
{
	unsigned right;

	ck_assert(up(QUIZ_T_CHOICE, false));
	right = s.es.current;
	s.es.current = 0;
	while (s.es.current != right)
		ck_assert_int_eq(sitting_move(&s, 1), SITTING_NEW_PAGE);
	ck_assert_int_eq(sitting_letter(&s, s.es.ex.q[right].correct),
	    SITTING_JUDGED);
	while (!s.done)
		ck_assert_int_eq(sitting_move(&s, 1), SITTING_NEW_PAGE);
	ck_assert_uint_eq(s.nreview, 2);
	for (size_t i = 0; i < s.nreview; i++)
		ck_assert_uint_ne(s.review[i], right);
	ck_assert_uint_lt(s.review[0], s.review[1]);
}
END_TEST

/* An ORDER or NUMERIC answer: typed text that does not fit is to be
 * fixed; a good one is recorded and the attempt file written. */
START_TEST(test_exam_typed_answer_fixed_then_recorded_and_saved)
{
	const struct quiz_question *q;
	char good[2 * QUIZ_MAXOPT + 1] = "4.25";
	bool err;

	sit(SITTING_EXAM, 1000);
	ck_assert(up(QUIZ_T_CHOICE, true));
	q = sitting_question(&s);
	ck_assert(sitting_typing_due(&s));
	ck_assert_int_eq(q->type == QUIZ_T_NUMERIC ? sitting_digit(&s) :
	    sitting_letter(&s, 0), SITTING_TYPE);
	ck_assert_int_eq(sitting_typed(&s, ""), SITTING_SAID);
	ck_assert_str_eq(said(NULL), "");
	ck_assert_int_eq(sitting_typed(&s, "%"), SITTING_TYPE);
	ck_assert_str_eq(said(&err), exam_answer_how(q));
	ck_assert(err);
	for (unsigned i = 0; q->type == QUIZ_T_ORDER && i <= q->nopt; i++)
		good[i] = i < q->nopt ? exam_label(i) : '\0';
	ck_assert_int_eq(sitting_typed(&s, good), SITTING_REDRAW);
	ck_assert(s.es.ans[s.es.current].given);
	ck_assert(!s.es.save_failed);
	ck_assert_int_eq(access(s.es.path, R_OK), 0);
	ck_assert_int_eq(sitting_clear(&s), SITTING_REDRAW);
	ck_assert(!s.es.ans[s.es.current].given);
}
END_TEST

START_TEST(test_exam_list_choice_moves_and_opens_its_question)
{
	char left[128], right[64];

	sit(SITTING_EXAM, 1000);
	ck_assert_int_eq(sitting_move(&s, -1), SITTING_SAID);
	ck_assert_str_eq(said(NULL), "This is the first question.");
	ck_assert_int_eq(sitting_list(&s), SITTING_NEW_PAGE);
	ck_assert_int_eq(s.page, SITTING_LIST);
	sitting_title(&s, left, sizeof(left), right, sizeof(right));
	ck_assert_str_eq(left, " Exam: 3 questions");
	ck_assert_int_eq(sitting_list_move(&s, 100), SITTING_MOVED);
	ck_assert_uint_eq(s.listsel, 2);
	ck_assert_int_eq(sitting_move(&s, -1), SITTING_MOVED);
	ck_assert_uint_eq(s.listsel, 1);
	ck_assert_int_eq(sitting_enter(&s), SITTING_NEW_PAGE);
	ck_assert_int_eq(s.page, SITTING_QUESTION);
	ck_assert_uint_eq(s.es.current, 1);
	ck_assert_int_eq(sitting_move(&s, 1), SITTING_NEW_PAGE);
	ck_assert_int_eq(sitting_move(&s, 1), SITTING_SAID);
	ck_assert_str_eq(said(NULL), "This is the last question: S submits "
	    "the exam.");
	sitting_title(&s, left, sizeof(left), right, sizeof(right));
	ck_assert_str_eq(left, " Exam: question 3 of 3");
	ck_assert_int_eq(sitting_list(&s), SITTING_NEW_PAGE);
	ck_assert_int_eq(sitting_back(&s), SITTING_REDRAW);
	ck_assert_int_eq(s.page, SITTING_QUESTION);
}
END_TEST

START_TEST(test_exam_clock_submits_when_time_is_up)
{
	char left[128], right[64];
	bool err;

	t.params.minutes = 1;
	sit(SITTING_EXAM, 1000);
	ck_assert_int_eq(sitting_tick(&s, 30000, 1030), SITTING_CLOCK);
	ck_assert_uint_eq(s.saved_elapsed, 30000);
	sitting_title(&s, left, sizeof(left), right, sizeof(right));
	ck_assert_str_eq(right, "0:30 left");
	ck_assert_int_eq(sitting_next_tick(&s), 1000);
	ck_assert_int_eq(sitting_tick(&s, 30000, 1060), SITTING_NEW_PAGE);
	ck_assert(s.done && s.es.submitted);
	ck_assert_str_eq(said(&err), "Time is up: your answers were "
	    "submitted.");
	ck_assert(err);
	ck_assert_uint_eq(s.nreview, 3);	/* the exam reviews them all */
	ck_assert_int_eq(sitting_next_tick(&s), -1);
	ck_assert_int_eq(sitting_tick(&s, 1000, 1061), SITTING_NONE);
	sitting_title(&s, left, sizeof(left), right, sizeof(right));
	ck_assert_str_eq(left, " Exam submitted: the report");
	ck_assert_str_eq(right, "");
	ck_assert(doc_has("Your attempt is saved in"));
	ck_assert_ptr_null(sitting_quit_ask(&s));
	ck_assert_ptr_null(sitting_submit_ask(&s, left, sizeof(left)));
	ck_assert_str_eq(said(NULL), "The exam is submitted already.");
}
END_TEST

/* A submission that could not be written is no submission. */
START_TEST(test_exam_submit_not_written_stays_open)
{
	char ask[320], line[128];
	bool err;

	sit(SITTING_EXAM, 1000);
	free(s.es.path);
	s.es.path = strdup("/dev/null/attempt.json");
	ck_assert_str_eq(sitting_submit_ask(&s, ask, sizeof(ask)), "Submit "
	    "now? 0 of 3 answered. y: submit, other key: back");
	ck_assert_int_eq(sitting_submit(&s, false, 1010), SITTING_REDRAW);
	ck_assert(!s.done && !s.es.submitted);
	ck_assert_ptr_nonnull(strstr(said(&err), "NOT submitted: "));
	ck_assert(err);
	sitting_score_line(&s, line, sizeof(line));
	ck_assert_str_eq(line, " NOT saved: 0 of 3 answered on screen only");
	ck_assert_ptr_nonnull(strstr(sitting_quit_ask(&s), "NOT saved"));
}
END_TEST

/* Leaving an exam saves it; the next start offers to resume it, and
 * the clock stands still until the learner has chosen. */
START_TEST(test_exam_left_attempt_offered_and_resumed)
{
	char *path, want[256];

	sit(SITTING_EXAM, 1000);
	ck_assert(up(QUIZ_T_CHOICE, false));
	ck_assert_int_eq(sitting_letter(&s, 0), SITTING_REDRAW);
	sitting_leave(&s, 1100);
	path = strdup(s.es.path);
	sit(SITTING_EXAM, 2000);
	ck_assert(s.has_offer);
	ck_assert(doc_has("This exam was started before and not "
	    "submitted."));
	ck_assert_int_eq(sitting_tick(&s, 5000, 2005), SITTING_NONE);
	ck_assert_int_eq(sitting_resume(&s, true, 2010), SITTING_REDRAW);
	ck_assert(!s.has_offer);
	ck_assert_str_eq(s.es.path, path);
	snprintf(want, sizeof(want), "Resumed the attempt in %s.", path);
	ck_assert_str_eq(said(NULL), want);
	ck_assert_uint_eq(exam_session_score(&s.es).answered, 1);
	free(path);
}
END_TEST

/* The offer's title bar shows the time the offered attempt has left,
 * the same time its page says was used, and resuming keeps it. */
START_TEST(test_exam_offer_clock_is_the_offered_attempts)
{
	char left[128], right[64];

	t.params.minutes = 5;
	sit(SITTING_EXAM, 1000);
	ck_assert_int_eq(sitting_tick(&s, 4000, 1004), SITTING_CLOCK);
	sitting_leave(&s, 1004);
	sit(SITTING_EXAM, 2000);
	ck_assert(s.has_offer);
	ck_assert(doc_has("has used 0:04 of exam time."));
	sitting_title(&s, left, sizeof(left), right, sizeof(right));
	ck_assert_str_eq(right, "4:56 left");
	ck_assert_int_eq(sitting_resume(&s, true, 2010), SITTING_REDRAW);
	sitting_title(&s, left, sizeof(left), right, sizeof(right));
	ck_assert_str_eq(right, "4:56 left");
}
END_TEST

/* The drill's status bar names the keys that answer the question up:
 * no letters on a number question, only the letters of its options. */
START_TEST(test_drill_keys_follow_the_question_type)
{
	char buf[128], want[128];
	const struct quiz_question *q;

	t.params.seed = 1;
	t.params.count = 8;
	sit(SITTING_DRILL, 0);
	ck_assert(up(QUIZ_T_NUMERIC, false));
	ck_assert_str_eq(sitting_keys(&s, buf, sizeof(buf)),
	    "0-9 type the number  ? help  q quit ");
	ck_assert(up(QUIZ_T_CHOICE, false));
	q = sitting_question(&s);
	snprintf(want, sizeof(want), "A-%c answer  Enter next  ? help  "
	    "q quit ", 'A' + (int)q->nopt - 1);
	ck_assert_str_eq(sitting_keys(&s, buf, sizeof(buf)), want);
	ck_assert_int_eq(sitting_letter(&s, 0), SITTING_JUDGED);
	ck_assert_str_eq(sitting_keys(&s, buf, sizeof(buf)),
	    "Enter next  ? help  q quit ");
	if (up(QUIZ_T_ORDER, false)) {
		q = sitting_question(&s);
		snprintf(want, sizeof(want), "A-%c type the order  ? help  "
		    "q quit ", 'A' + (int)q->nopt - 1);
		ck_assert_str_eq(sitting_keys(&s, buf, sizeof(buf)), want);
	}
	sit(SITTING_EXAM, 1000);
	ck_assert_str_eq(sitting_keys(&s, buf, sizeof(buf)),
	    "n/p move  l list  S submit  ? help  q quit ");
}
END_TEST

START_TEST(test_drill_quits_without_asking_exam_asks)
{
	char line[128];

	ck_assert_ptr_null(sitting_quit_ask(&s));
	sitting_score_line(&s, line, sizeof(line));
	ck_assert_str_eq(line, " Score: 0 right of 0 answered");
	sit(SITTING_EXAM, 1000);
	ck_assert_str_eq(sitting_quit_ask(&s), "Quit? Answers stay saved, "
	    "not submitted. y: quit, other key: back");
	sitting_score_line(&s, line, sizeof(line));
	ck_assert_str_eq(line, " Answered 0 of 3");
}
END_TEST

/* The suite runs in this process (CK_NOFORK), so setup's one sitting is
 * the one each test drives and teardown frees. */
int
main(void)
{
	Suite *su = suite_create("quiz sitting");
	TCase *tc = tcase_create("sitting");
	SRunner *sr = srunner_create(su);
	int failed;

	srunner_set_fork_status(sr, CK_NOFORK);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_drill_choice_judged_once_then_refused);
	tcase_add_test(tc,
	    test_drill_choice_letter_beyond_options_or_digit_refused);
	tcase_add_test(tc, test_drill_forward_only_then_reviews_every_missed);
	tcase_add_test(tc, test_drill_review_walks_only_the_missed);
	tcase_add_test(tc,
	    test_exam_typed_answer_fixed_then_recorded_and_saved);
	tcase_add_test(tc, test_exam_list_choice_moves_and_opens_its_question);
	tcase_add_test(tc, test_exam_clock_submits_when_time_is_up);
	tcase_add_test(tc, test_exam_submit_not_written_stays_open);
	tcase_add_test(tc, test_exam_left_attempt_offered_and_resumed);
	tcase_add_test(tc, test_exam_offer_clock_is_the_offered_attempts);
	tcase_add_test(tc, test_drill_keys_follow_the_question_type);
	tcase_add_test(tc, test_drill_quits_without_asking_exam_asks);
	suite_add_tcase(su, tc);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
