/*
 * The learner's walk through a lesson (src/lesson/walk.h) with no
 * terminal: a small lesson written to a temporary directory, a catalog of
 * two entries, the progress file under XDG_STATE_HOME there, and a
 * session as the learner's world.  Each test asserts what the learner
 * would read in the panel or find saved; the last, what the list counts
 * (lesson/browse.c).  The tests run in the lesson suite (check_lesson).
 */
#include <config.h>

#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lesson/browse.h"
#include "lesson/walk.h"
#include "script/parse.h"

static const char walk_text[] =
	"title: Walk\n"
	"summary: A walk.\n"
	"setup: isn client 1000\n"
	"setup: isn server 5000\n"
	"step: Listen\n"
	"say: The server listens.\n"
	"do: Make the server listen.\n"
	"check: expect server LISTEN\n"
	"hint: press l\n"
	"solution: server listen\n"
	"step\n"
	"say: Just read this.\n"
	"step\n"
	"question: Server state?\n"
	"choice: CLOSED\n"
	"choice: LISTEN\n"
	"answer-from: state server\n"
	"explain: It is {answer}.\n"
	"step\n"
	"question: Order\n"
	"order: a\n"
	"order: b\n"
	"order: c\n"
	"explain: e\n"
	"step\n"
	"question: The server's state?\n"
	"answer-from: state server\n"
	"explain: e\n";

static char tmpdir[64], path1[128], name1[] = "01-walk", title1[] = "Walk";
static char name2[] = "02-next", path2[] = "/nonexistent",
    title2[] = "Next", empty[] = "";
static struct lesson_info info[2];
static struct lesson_catalog cat = { info, 2 };
static struct lesson_progress prog;
static struct session sess;
static struct lwalk w;

static void
walk_setup(void)
{
	char msg[512];
	FILE *f;

	strcpy(tmpdir, "/tmp/check_walk.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(tmpdir));
	setenv("XDG_STATE_HOME", tmpdir, 1);
	snprintf(path1, sizeof(path1), "%s/01-walk.lesson", tmpdir);
	f = fopen(path1, "w");
	ck_assert_ptr_nonnull(f);
	fputs(walk_text, f);
	fclose(f);
	info[0] = (struct lesson_info){ .num = 1, .name = name1,
	    .path = path1, .title = title1, .summary = empty };
	info[1] = (struct lesson_info){ .num = 2, .name = name2,
	    .path = path2, .title = title2, .summary = empty };
	ck_assert_int_eq(lesson_progress_load(&prog, NULL, msg, sizeof(msg)),
	    LESSON_PROGRESS_OK);
	session_init(&sess);
}

static void
walk_teardown(void)
{
	char cmd[128];

	session_free(&sess);
	lesson_progress_free(&prog);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
	ck_assert_int_eq(system(cmd), 0);
}

static void
walk_open(void)
{
	struct lesson_err e;

	ck_assert_msg(lwalk_open(&w, &cat, &info[0], &prog, &sess, &e),
	    "%u: %s", e.line, e.msg);
	ck_assert(lwalk_enter(&w));
}

static void
play(const char *line)
{
	struct cmd c;
	struct script_err e;

	ck_assert_msg(script_parse_line(line, 1, &c, &e) == 1, "%s", e.msg);
	(void)session_do(&sess, &c);
	lwalk_changed(&w, 0);
}

/* The panel's text, paragraphs joined by " | ". */
static const char *
panel_text(void)
{
	static char out[4096];
	struct lpanel lp;
	size_t o = 0;

	lpanel_init(&lp);
	(void)lwalk_panel(&w, &lp, true, "", false);
	out[0] = '\0';
	for (size_t i = 0; i < lp.np && o < sizeof(out); i++)
		o += (size_t)snprintf(out + o, sizeof(out) - o, "%s%s",
		    i > 0 ? " | " : "", lp.p[i].text);
	lpanel_free(&lp);
	return out;
}

static void
goto_step(size_t k)
{
	while (w.lr.step < k)
		ck_assert_int_eq(lwalk_next(&w), LWALK_STEP);
}

START_TEST(test_walk_task_not_yet_then_done)
{
	walk_open();
	ck_assert_uint_eq(w.lr.step, 0);
	ck_assert_uint_eq(w.base, sess.pos);
	ck_assert(!lwalk_step_done(&w));
	ck_assert_ptr_null(strstr(panel_text(), "Not yet"));
	play("client connect");
	ck_assert(w.checked);
	ck_assert_ptr_nonnull(strstr(panel_text(), "Not yet"));
	ck_assert_ptr_null(lwalk_undo(&w));
	ck_assert_ptr_nonnull(lwalk_undo(&w));	/* the step's start */
	play("server listen");
	ck_assert(w.lr.done);
	ck_assert(lwalk_step_done(&w));
	ck_assert_ptr_nonnull(strstr(panel_text(), "[ok] Done"));
	lwalk_close(&w);
}
END_TEST

START_TEST(test_walk_task_hint_then_none_left)
{
	walk_open();
	ck_assert_ptr_null(lwalk_hint(&w, 0));
	ck_assert_ptr_nonnull(strstr(panel_text(), "Hint: press l"));
	ck_assert_str_eq(lwalk_hint(&w, 0),
	    "No more hints: $ shows the solution.");
	lwalk_close(&w);
}
END_TEST

START_TEST(test_walk_task_solution_played)
{
	char *said;

	walk_open();
	play("client connect");
	ck_assert_ptr_null(lwalk_solve(&w, &said));
	ck_assert_str_eq(said, "server listen");
	free(said);
	ck_assert(w.solved && w.lr.done);
	ck_assert_uint_eq(sess.pos, w.base + 1);
	goto_step(1);
	ck_assert_str_eq(lwalk_solve(&w, &said),
	    "Nothing to solve here: press n to go on.");
	ck_assert_ptr_null(said);
	lwalk_close(&w);
}
END_TEST

START_TEST(test_walk_choice_wrong_then_right)
{
	walk_open();
	goto_step(2);
	ck_assert(lwalk_asking(&w, LESSON_Q_CHOICE));
	ck_assert_int_eq(lwalk_pick(&w, 0), LWALK_JUDGED);
	ck_assert_int_eq(w.verdict, LRUN_WRONG);
	ck_assert_ptr_nonnull(strstr(panel_text(), "[x] Not right"));
	ck_assert_int_eq(lwalk_pick(&w, 1), LWALK_JUDGED);
	ck_assert_int_eq(w.verdict, LRUN_RIGHT);
	ck_assert(lwalk_answered(&w));
	ck_assert_ptr_nonnull(strstr(panel_text(), "It is LISTEN."));
	/* The right choice's marker, in ASCII as the panel is asked. */
	ck_assert_ptr_nonnull(strstr(panel_text(), "2) LISTEN  <- |"));
	lwalk_close(&w);
}
END_TEST

START_TEST(test_walk_order_picks_wait_for_the_last)
{
	size_t right[3];

	walk_open();
	goto_step(3);
	for (size_t k = 0; k < 3; k++)
		for (size_t j = 0; j < 3; j++)
			if (w.perm[j] == k)
				right[k] = j;
	ck_assert_int_eq(lwalk_pick(&w, right[0]), LWALK_MORE);
	ck_assert_int_eq(lwalk_pick(&w, right[0]), LWALK_MORE);
	ck_assert_uint_eq(w.npick, 1);
	lwalk_unpick(&w);
	ck_assert_uint_eq(w.npick, 0);
	ck_assert_int_eq(lwalk_pick(&w, 7), LWALK_INVALID);
	for (size_t k = 0; k < 2; k++)
		ck_assert_int_eq(lwalk_pick(&w, right[k]), LWALK_MORE);
	ck_assert_ptr_nonnull(strstr(panel_text(), "Your order: "));
	ck_assert_int_eq(lwalk_pick(&w, right[2]), LWALK_JUDGED);
	ck_assert_int_eq(w.verdict, LRUN_RIGHT);
	lwalk_close(&w);
}
END_TEST

START_TEST(test_walk_value_kind_prompt_and_keys)
{
	walk_open();
	goto_step(4);
	ck_assert_int_eq(lwalk_answer_kind(&w), LWALK_A_STATE);
	ck_assert_str_eq(lwalk_answer_prompt(&w),
	    "Answer (a state, e.g. TIME_WAIT): ");
	ck_assert(lwalk_starts_answer(&w, 'L'));
	ck_assert(!lwalk_starts_answer(&w, 't'));
	ck_assert_int_eq(lwalk_answer(&w, "ESTABLISHED"), LWALK_JUDGED);
	ck_assert_int_eq(w.verdict, LRUN_WRONG);
	ck_assert_int_eq(lwalk_answer(&w, "LISTEN"), LWALK_JUDGED);
	ck_assert_int_eq(w.verdict, LRUN_RIGHT);
	lwalk_close(&w);
}
END_TEST

START_TEST(test_walk_skipped_step_not_complete)
{
	char note[256];
	const struct lesson_mark *m;

	walk_open();
	goto_step(4);
	ck_assert_int_eq(lwalk_next(&w), LWALK_END);
	ck_assert_uint_eq(lwalk_first_undone(&w), 0);
	ck_assert_ptr_nonnull(strstr(panel_text(), "step 1 is not done"));
	m = lesson_progress_get(&prog, "01-walk");
	ck_assert_uint_eq(m->step, 1);
	ck_assert(!m->done);
	ck_assert_str_eq(lwalk_end_note(&w, note, sizeof(note)),
	    "Lesson 01 is not complete: step 1 is not done yet.");
	ck_assert_int_eq(lwalk_back(&w), LWALK_PAGE);
	ck_assert_int_eq(lwalk_next(&w), LWALK_END);
	ck_assert_int_eq(lwalk_next(&w), LWALK_LEAVE);
	lwalk_close(&w);
}
END_TEST

START_TEST(test_walk_all_done_complete_next_lesson)
{
	struct lwalk_key k[LWALK_KEYS_MAX];
	char *said;
	size_t n;

	walk_open();
	ck_assert_int_eq(lwalk_back(&w), LWALK_STAY);
	(void)lwalk_solve(&w, &said);
	free(said);
	ck_assert_int_eq(lwalk_next(&w), LWALK_STEP);
	ck_assert_int_eq(lwalk_next(&w), LWALK_STEP);
	(void)lwalk_pick(&w, 1);
	ck_assert_int_eq(lwalk_next(&w), LWALK_STEP);
	(void)lwalk_solve(&w, &said);	/* shown counts as done */
	ck_assert_int_eq(lwalk_next(&w), LWALK_STEP);
	(void)lwalk_answer(&w, "LISTEN");
	ck_assert_int_eq(lwalk_next(&w), LWALK_END);
	ck_assert_uint_eq(lwalk_first_undone(&w), SIZE_MAX);
	ck_assert(lesson_progress_get(&prog, "01-walk")->done);
	ck_assert_ptr_eq(lwalk_next_lesson(&w), &info[1]);
	ck_assert_ptr_nonnull(strstr(panel_text(),
	    "Next: lesson 02, \u201cNext\u201d"));
	n = lwalk_keys(&w, false, k);
	ck_assert_uint_eq(n, 3);
	ck_assert_str_eq(k[0].label, "next lesson");
	lwalk_close(&w);
}
END_TEST

START_TEST(test_walk_reopens_at_saved_step_done_before)
{
	char head[256];

	walk_open();
	play("server listen");
	goto_step(2);
	lwalk_close(&w);
	walk_open();
	ck_assert_uint_eq(w.lr.step, 2);
	ck_assert(w.stepdone[0] && w.stepdone[1] && !w.stepdone[2]);
	ck_assert_str_eq(lwalk_head(&w, true, head, sizeof(head)),
	    "Step 3/5");
	ck_assert_int_eq(lwalk_back(&w), LWALK_STEP);
	ck_assert_str_eq(lwalk_head(&w, true, head, sizeof(head)),
	    "Step 2/5");
	ck_assert_int_eq(lwalk_back(&w), LWALK_STEP);
	ck_assert_str_eq(lwalk_head(&w, true, head, sizeof(head)),
	    "Step 1/5: Listen  [ok] done before");
	lwalk_close(&w);
}
END_TEST

/* Going back to reread, then leaving: the place stays the furthest step
 * reached, the list counts it, and a step skipped on the way is still
 * not done when the lesson is opened again. */
START_TEST(test_walk_back_then_leave_keeps_furthest_step)
{
	char head[256], mark[32];
	const struct lesson_mark *m;

	walk_open();
	goto_step(3);
	for (size_t k = 0; k < 3; k++)
		ck_assert_int_eq(lwalk_back(&w), LWALK_STEP);
	ck_assert_uint_eq(w.lr.step, 0);
	lwalk_close(&w);
	m = lesson_progress_get(&prog, "01-walk");
	ck_assert_uint_eq(m->step, 4);
	ck_assert_str_eq(lbrowse_mark(m, 5, true, mark, sizeof(mark)),
	    "4/5");
	walk_open();
	ck_assert_uint_eq(w.lr.step, 3);
	ck_assert(!w.stepdone[0] && w.stepdone[1] && !w.stepdone[2]);
	ck_assert_uint_eq(lwalk_first_undone(&w), 0);
	ck_assert_int_eq(lwalk_back(&w), LWALK_STEP);
	ck_assert_int_eq(lwalk_back(&w), LWALK_STEP);
	ck_assert_str_eq(lwalk_head(&w, true, head, sizeof(head)),
	    "Step 2/5");
	ck_assert_int_eq(lwalk_back(&w), LWALK_STEP);
	ck_assert_str_eq(lwalk_head(&w, true, head, sizeof(head)),
	    "Step 1/5: Listen");
	lwalk_close(&w);
}
END_TEST

/* After the last page with a step not done, the place is that step,
 * and going back from the last page and leaving keeps it. */
START_TEST(test_walk_end_with_step_undone_then_back_keeps_it)
{
	walk_open();
	goto_step(4);
	ck_assert_int_eq(lwalk_next(&w), LWALK_END);
	ck_assert_int_eq(lwalk_back(&w), LWALK_PAGE);
	lwalk_close(&w);
	ck_assert_uint_eq(lesson_progress_get(&prog, "01-walk")->step, 1);
}
END_TEST

/* The list beside the walk: steps per lesson (0: does not load), the
 * lessons complete, the widest title. */
START_TEST(test_browse_counts_steps_done_and_title_width)
{
	size_t *n = lbrowse_nsteps(&cat);
	char msg[512];

	ck_assert_uint_eq(n[0], 5);
	ck_assert_uint_eq(n[1], 0);
	free(n);
	ck_assert_uint_eq(lbrowse_done(&cat, &prog), 0);
	ck_assert_int_eq(lesson_progress_set(&prog, "02-next", 1, true, msg,
	    sizeof(msg)), LESSON_PROGRESS_OK);
	ck_assert_uint_eq(lbrowse_done(&cat, &prog), 1);
	ck_assert_int_eq(lbrowse_title_width(&cat, 40), 4);
	ck_assert_int_eq(lbrowse_title_width(&cat, 3), 3);
}
END_TEST

/* Run with the lesson suite (check_lesson.c). */
TCase *walk_tcase(void);

TCase *
walk_tcase(void)
{
	const TTest *tests[] = {
		test_walk_task_not_yet_then_done,
		test_walk_task_hint_then_none_left,
		test_walk_task_solution_played,
		test_walk_choice_wrong_then_right,
		test_walk_order_picks_wait_for_the_last,
		test_walk_value_kind_prompt_and_keys,
		test_walk_skipped_step_not_complete,
		test_walk_all_done_complete_next_lesson,
		test_walk_reopens_at_saved_step_done_before,
		test_walk_back_then_leave_keeps_furthest_step,
		test_walk_end_with_step_undone_then_back_keeps_it,
		test_browse_counts_steps_done_and_title_width,
	};
	TCase *tc = tcase_create("walk");

	tcase_add_checked_fixture(tc, walk_setup, walk_teardown);
	for (size_t i = 0; i < sizeof(tests) / sizeof(tests[0]); i++)
		tcase_add_test(tc, tests[i]);
	return tc;
}
