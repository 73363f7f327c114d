/*
 * Check suite for the shipped course (lessons/en and lessons/zh_CN): a
 * task's check must reject the wrong action the step warns about, not
 * only accept the end state, and a question must not be answerable by
 * reading the ladder it is asked on.  `lessons --check` proves that the
 * solutions pass; these tests prove that the tempting wrong moves fail.
 *
 * Data model: each test loads one shipped lesson in both languages, finds
 * a step by its index, replays the step's canonical world into a world of
 * its own and plays scenario lines on it, as the lesson screen does after
 * each learner command.
 */
#include <config.h>

#include <check.h>
#include <stdio.h>
#include <string.h>

#include "lesson/run.h"
#include "script/parse.h"

static const char *const langs[] = { "en", "zh_CN" };

static void
load(const char *lang, const char *name, struct lesson *l)
{
	char path[1024];
	struct lesson_err e;

	snprintf(path, sizeof(path), "%s/lessons/%s/%s.lesson",
	    TCPTEACH_SRCDIR, lang, name);
	ck_assert_msg(lesson_load(path, l, &e), "%s: %s", path, e.msg);
}

/* Play one scenario line on w; false when the world refused it (an
 * expect that does not hold, an impossible event). */
static bool
play(struct world *w, const char *line)
{
	struct cmd c;
	struct script_err e;
	struct sim_result res = { SIM_OK, "" };

	ck_assert_int_eq(script_parse_line(line, 1, &c, &e), 1);
	return world_apply(w, &c, &res) == SIM_OK;
}

/* Enter step of lesson, play the learner's lines, return the verdict. */
static enum lrun_check
attempt(const struct lesson *l, size_t step, const char *const *lines)
{
	struct lrun lr;
	struct world w;
	char why[256];
	enum lrun_check v;

	ck_assert(lrun_start(&lr, l, step));
	ck_assert_int_eq(lrun_cur(&lr)->kind, LESSON_TASK);
	world_init(&w);
	ck_assert(lrun_replay(&w, &lr));
	for (; *lines != NULL; lines++)
		ck_assert_msg(play(&w, *lines), "cannot play %s", *lines);
	v = lrun_check(&lr, &w, why, sizeof(why));
	world_free(&w);
	lrun_free(&lr);
	return v;
}

/* The world a question step is asked on holds line (an expect). */
static bool
question_world_has(const struct lesson *l, size_t step, const char *line)
{
	struct lrun lr;
	struct world w;
	bool ok;

	ck_assert(lrun_start(&lr, l, step));
	ck_assert_int_eq(lrun_cur(&lr)->kind, LESSON_QUESTION);
	world_init(&w);
	ck_assert(lrun_replay(&w, &lr));
	ok = play(&w, line);
	world_free(&w);
	lrun_free(&lr);
	return ok;
}

/* Lesson 03 step 2 asks for the old duplicate #2: delivering the real
 * SYN #1 reaches SYN_RECEIVED too, and must not count. */
START_TEST(test_syn_sent_old_dup_step_real_syn_rejected)
{
	static const char *const wrong[] = { "deliver #1", NULL };
	static const char *const right[] = { "deliver #2", NULL };
	struct lesson l;

	load(langs[_i], "03-why-three", &l);
	ck_assert_int_eq(attempt(&l, 1, wrong), LRUN_NOT_YET);
	ck_assert_int_eq(attempt(&l, 1, right), LRUN_PASSED);
	lesson_free(&l);
}
END_TEST

/* Lesson 03 step 4: back to LISTEN while the real SYN waits.  Settling
 * everything (the real SYN included) must not count. */
START_TEST(test_syn_received_clearing_real_syn_delivered_rejected)
{
	static const char *const wrong[] = { "deliver #1", "deliver #3",
	    "deliver #4", NULL };
	static const char *const right[] = { "deliver #3", "deliver #4",
	    NULL };
	struct lesson l;

	load(langs[_i], "03-why-three", &l);
	ck_assert_int_eq(attempt(&l, 3, wrong), LRUN_NOT_YET);
	ck_assert_int_eq(attempt(&l, 3, right), LRUN_PASSED);
	lesson_free(&l);
}
END_TEST

/* Lesson 03, two-way handshake: the same trap with `set handshake two`. */
START_TEST(test_two_way_old_dup_step_real_syn_rejected)
{
	static const char *const wrong[] = { "deliver #1", NULL };
	struct lesson l;

	load(langs[_i], "03-why-three", &l);
	ck_assert_int_eq(attempt(&l, 6, wrong), LRUN_NOT_YET);
	lesson_free(&l);
}
END_TEST

/* Lesson 01: the flags, ack and data-flags questions are asked before
 * their segment is on the wire, so the ladder cannot give them away. */
START_TEST(test_listen_first_questions_asked_before_segment_sent)
{
	struct lesson l;

	load(langs[_i], "01-header", &l);
	ck_assert(question_world_has(&l, 1, "expect inflight none"));
	ck_assert(question_world_has(&l, 1, "expect client CLOSED"));
	/* The ack question: only the SYN is on the wire, no SYN+ACK. */
	ck_assert(question_world_has(&l, 2, "expect inflight c>s SYN"));
	ck_assert(question_world_has(&l, 2, "expect server LISTEN"));
	/* The data question: ESTABLISHED, no data segment yet. */
	ck_assert(question_world_has(&l, 6, "expect inflight none"));
	ck_assert(question_world_has(&l, 6, "expect client ESTABLISHED"));
	/* Step 1 does not quote the ACK question's answer. */
	ck_assert_ptr_null(strstr(l.steps[0].say.s, "field is valid"));
	ck_assert_ptr_null(strstr(l.steps[0].say.s, "字段有效"));
	lesson_free(&l);
}
END_TEST

/* Lesson 15: the learner lets the SYN travel 50 ms (expect time), then
 * delivers it; a bare `d` at the start, or a wait after the delivery, or
 * a second wait, is not what the exam question times. */
START_TEST(test_syn_sent_exam_learner_waits_then_delivers)
{
	static const char *const wait[] = { "wait 50ms", NULL };
	static const char *const d[] = { "deliver", NULL };
	static const char *const d_wait[] = { "deliver", "wait 50ms", NULL };
	static const char *const wait_twice[] = { "wait 50ms", "deliver",
	    NULL };
	struct lesson l;
	struct lrun lr;

	load(langs[_i], "15-exam", &l);
	ck_assert(lrun_start(&lr, &l, 0));
	ck_assert_uint_eq(lr.w.now, 0);
	lrun_free(&lr);
	ck_assert_int_eq(attempt(&l, 0, wait), LRUN_PASSED);
	ck_assert_int_eq(attempt(&l, 0, d), LRUN_NOT_YET);
	ck_assert_int_eq(attempt(&l, 0, d_wait), LRUN_NOT_YET);
	ck_assert(lrun_start(&lr, &l, 1));
	ck_assert_uint_eq(lr.w.now, 50);
	lrun_free(&lr);
	ck_assert_int_eq(attempt(&l, 1, d), LRUN_PASSED);
	ck_assert_int_eq(attempt(&l, 1, wait_twice), LRUN_NOT_YET);
	lesson_free(&l);
}
END_TEST

/* Lesson 07 step 3, the three-segment close: letting the delayed ACK
 * fire first (t) and then closing sends ACK and FIN+ACK apart, four
 * segments; the same end states must not count. */
START_TEST(test_close_wait_delayed_ack_fired_first_four_segments_rejected)
{
	static const char *const wrong[] = { "wait timer", "server close",
	    "deliver", "deliver", NULL };
	static const char *const right[] = { "server close", "deliver",
	    NULL };
	struct lesson l;

	load(langs[_i], "07-fin-ack", &l);
	ck_assert_int_eq(attempt(&l, 2, wrong), LRUN_NOT_YET);
	ck_assert_int_eq(attempt(&l, 2, right), LRUN_PASSED);
	lesson_free(&l);
}
END_TEST

/* Lesson 06, shutdown() versus close(): close() then delivering the FIN
 * reaches the same states, so the task goes on until the server's data
 * is read, which after close() is answered with RST.  The question on
 * the client's state is asked before the client's FIN is sent. */
START_TEST(test_estab_close_instead_of_shutdown_rejected)
{
	static const char *const wrong[] = { "client close", "deliver",
	    "settle", "server send 300", "settle", NULL };
	static const char *const right[] = { "client shutdown", "deliver",
	    "settle", "server send 300", "settle", NULL };
	static const char *const short_[] = { "client shutdown", "deliver",
	    NULL };
	struct lesson l;

	load(langs[_i], "06-half-close", &l);
	ck_assert(question_world_has(&l, 1, "expect client ESTABLISHED"));
	ck_assert_int_eq(attempt(&l, 2, wrong), LRUN_NOT_YET);
	ck_assert_int_eq(attempt(&l, 2, short_), LRUN_NOT_YET);
	ck_assert_int_eq(attempt(&l, 2, right), LRUN_PASSED);
	lesson_free(&l);
}
END_TEST

/* Lesson 07's last question counts milliseconds: "200ms" and "0.2 s"
 * are right; "0.2" and "200 s" are wrong, and the learner is told the
 * unit is the reason. */
START_TEST(test_close_wait_delack_ms_answer_read_with_unit)
{
	struct lesson l;
	struct lrun lr;
	char why[256] = "";

	load(langs[_i], "07-fin-ack", &l);
	ck_assert(lrun_start(&lr, &l, 5));
	ck_assert(lrun_wrong_why(&lr, "0.2", why, sizeof(why)));
	ck_assert_str_eq(why, "The question counts milliseconds, not seconds.");
	ck_assert(lrun_wrong_why(&lr, "200 s", why, sizeof(why)));
	ck_assert_int_eq(lrun_answer_text(&lr, "0.2"), LRUN_WRONG);
	ck_assert_int_eq(lrun_answer_text(&lr, "200ms"), LRUN_RIGHT);
	ck_assert_int_eq(lrun_answer_text(&lr, "0.2 s"), LRUN_RIGHT);
	lrun_free(&lr);
	lesson_free(&l);
}
END_TEST

/* Lesson 01 step 3: typing the SYN's own seq for the ack is explained
 * from the simulation (one short), not only "Not right". */
START_TEST(test_syn_sent_ack_one_short_explained)
{
	struct lesson l;
	struct lrun lr;
	char why[256] = "";

	load(langs[_i], "01-header", &l);
	ck_assert(lrun_start(&lr, &l, 2));
	ck_assert_int_eq(lrun_answer_text(&lr, "1000"), LRUN_WRONG);
	ck_assert(lrun_wrong_why(&lr, "1000", why, sizeof(why)));
	ck_assert_msg(strstr(why, "One short") != NULL, "%s", why);
	ck_assert(!lrun_wrong_why(&lr, "77", why, sizeof(why)));
	lrun_free(&lr);
	lesson_free(&l);
}
END_TEST

/* Lesson 04 step 2 wants the client's data; S sends the server's.  The
 * "not yet" names the segment going the other way. */
START_TEST(test_estab_server_sent_instead_named_other_way)
{
	static const char *const wrong[] = { "server send 100", NULL };
	struct lesson l;
	struct lrun lr;
	struct world w;
	char why[320];

	load(langs[_i], "04-seq-numbers", &l);
	ck_assert_int_eq(attempt(&l, 1, wrong), LRUN_NOT_YET);
	ck_assert(lrun_start(&lr, &l, 1));
	world_init(&w);
	ck_assert(lrun_replay(&w, &lr));
	ck_assert(play(&w, wrong[0]));
	ck_assert(lrun_check_words(&lr, &w, why, sizeof(why)));
	ck_assert_msg(strstr(why, "goes the other way, from the server") !=
	    NULL && strstr(why, "#4 PSH+ACK") != NULL, "%s", why);
	world_free(&w);
	lrun_free(&lr);
	lesson_free(&l);
}
END_TEST

/* Lesson 13 asked how many segments the simultaneous open used with #4
 * on the ladder; now it is asked while the SYN+ACKs are in flight,
 * before the ladder shows that no ACK follows them. */
START_TEST(test_syn_received_segment_count_asked_before_settled)
{
	struct lesson l;

	load(langs[_i], "13-simultaneous-open", &l);
	ck_assert(question_world_has(&l, 4, "expect client SYN_RECEIVED"));
	ck_assert(question_world_has(&l, 4, "expect inflight s>c SYN+ACK"));
	ck_assert_int_eq(l.steps[l.nsteps - 1].kind, LESSON_TASK);
	lesson_free(&l);
}
END_TEST

static Suite *
course_suite(void)
{
	Suite *s = suite_create("course");
	TCase *tc = tcase_create("checks");

	tcase_add_loop_test(tc, test_syn_sent_old_dup_step_real_syn_rejected,
	    0, 2);
	tcase_add_loop_test(tc,
	    test_syn_received_clearing_real_syn_delivered_rejected, 0, 2);
	tcase_add_loop_test(tc, test_two_way_old_dup_step_real_syn_rejected,
	    0, 2);
	tcase_add_loop_test(tc,
	    test_listen_first_questions_asked_before_segment_sent, 0, 2);
	tcase_add_loop_test(tc,
	    test_syn_sent_exam_learner_waits_then_delivers, 0, 2);
	tcase_add_loop_test(tc,
	    test_close_wait_delayed_ack_fired_first_four_segments_rejected,
	    0, 2);
	tcase_add_loop_test(tc, test_estab_close_instead_of_shutdown_rejected,
	    0, 2);
	tcase_add_loop_test(tc, test_close_wait_delack_ms_answer_read_with_unit,
	    0, 2);
	tcase_add_loop_test(tc, test_syn_sent_ack_one_short_explained, 0, 2);
	tcase_add_loop_test(tc,
	    test_syn_received_segment_count_asked_before_settled, 0, 2);
	tcase_add_loop_test(tc, test_estab_server_sent_instead_named_other_way,
	    0, 2);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(course_suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? 0 : 1;
}
