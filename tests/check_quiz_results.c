/*
 * Exam results that are neither lost nor faked: saving that fails is
 * reported in full and a submission that was not written is no
 * submission (a full disk is injected through the atomic-write layer, an
 * unwritable directory is a path under a regular file, which stops root
 * too); a submitted attempt is never reopened, edits are detected, the
 * time limit is the exam's own; a second instance is locked out; the
 * grader recomputes everything and flags what it finds.
 */
#include <config.h>

#include <check.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lib/atomic.h"
#include "quiz/session.h"

static char dir[64];

static void
setup(void)
{
	snprintf(dir, sizeof(dir), "%s", "/tmp/check_results_XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	atomic_fault_errno = 0;
}

static void
teardown(void)
{
	char cmd[128];

	atomic_fault_errno = 0;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
}

/* A generated-only attempt of student at seed, with a 1-minute limit,
 * its file in dir. */
static void
start(struct exam_session *s, const char *student, uint64_t seed,
    int64_t t)
{
	struct exam_params p;

	exam_params_init(&p);
	p.seed = seed;
	p.count = 4;
	p.minutes = 1;
	p.generated_only = true;
	snprintf(p.student, sizeof(p.student), "%s", student);
	ck_assert(exam_session_start(s, &p, NULL, t));
	s->path = exam_attempt_path(dir, s);
}

static void
answer(struct exam_session *s, bool right)
{
	for (unsigned i = 0; i < s->ex.n; i++) {
		const struct quiz_question *q = &s->ex.q[i];
		unsigned order[QUIZ_MAXOPT];

		if (q->type == QUIZ_T_CHOICE) {
			ck_assert(exam_session_choose(s, i, right ? q->correct :
			    (q->correct + 1) % q->nopt));
		} else if (q->type == QUIZ_T_NUMERIC) {
			ck_assert(exam_session_number(s, i, q->answer_ms +
			    (right ? 0 : 5000)));
		} else {
			for (unsigned j = 0; j < q->nopt; j++)
				for (unsigned pos = 0; pos < q->nopt; pos++)
					if (q->shown[pos] == j)
						order[right ? j : q->nopt - 1 -
						    j] = pos;
			ck_assert(exam_session_order(s, i, order, q->nopt));
		}
	}
}

static char *
slurp(const char *path)
{
	size_t len;
	char *t = exam_read_file(path, &len);

	ck_assert_ptr_nonnull(t);
	return t;
}

/* Replace the first occurrence of from by to in the file. */
static void
edit(const char *path, const char *from, const char *to)
{
	char *t = slurp(path), *at = strstr(t, from);
	FILE *f;

	ck_assert_msg(at != NULL, "no %s in %s", from, t);
	f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fprintf(f, "%.*s%s%s", (int)(at - t), t, to, at + strlen(from));
	fclose(f);
	free(t);
}

START_TEST(test_full_disk_save_reports_reason_in_full)
{
	struct exam_session s;

	start(&s, "d1", 3, 1000);
	atomic_fault_errno = ENOSPC;
	ck_assert_int_eq(exam_session_save(&s), -1);
	ck_assert(s.save_failed);
	ck_assert_ptr_nonnull(strstr(s.save_err, strerror(ENOSPC)));
	ck_assert_ptr_nonnull(strstr(s.save_err, s.path));
	ck_assert_int_ne(access(s.path, F_OK), 0);
	atomic_fault_errno = 0;
	ck_assert_int_eq(exam_session_save(&s), 0);
	ck_assert(!s.save_failed);
	exam_session_free(&s);
}
END_TEST

START_TEST(test_full_disk_submit_is_not_a_submit)
{
	struct exam_session s, r;
	char err[1024], *doc, *receipt;

	start(&s, "d2", 4, 1000);
	answer(&s, true);
	ck_assert_int_eq(exam_session_save(&s), 0);
	atomic_fault_errno = ENOSPC;
	ck_assert(!exam_session_submit_save(&s, 1010));
	ck_assert(!s.submitted);
	ck_assert(s.save_failed);
	/* No key, no score anywhere, and the answers stay open. */
	doc = exam_session_json(&s);
	ck_assert_ptr_null(strstr(doc, "\"score\""));
	ck_assert_ptr_null(strstr(doc, "\"submit\""));
	free(doc);
	doc = slurp(s.path);
	ck_assert_ptr_nonnull(strstr(doc, "\"submitted\": false"));
	free(doc);
	ck_assert(exam_session_clear(&s, 0));
	/* Space again: now it is submitted, with a receipt, for good. */
	atomic_fault_errno = 0;
	answer(&s, true);
	ck_assert(exam_session_submit_save(&s, 1020));
	receipt = exam_receipt_path(s.path);
	ck_assert_int_eq(access(receipt, F_OK), 0);
	ck_assert(!exam_session_resume(&r, s.path, err, sizeof(err)));
	ck_assert_ptr_nonnull(strstr(err, "never reopened"));
	free(receipt);
	exam_session_free(&s);
}
END_TEST

START_TEST(test_unwritable_results_dir_save_and_lock_fail)
{
	struct exam_session s;
	char file[96], sub[128], err[1024];
	FILE *f;

	snprintf(file, sizeof(file), "%s/plainfile", dir);
	f = fopen(file, "w");
	ck_assert_ptr_nonnull(f);
	fclose(f);
	snprintf(sub, sizeof(sub), "%s/results", file);
	start(&s, "d3", 5, 1000);
	free(s.path);
	s.path = exam_attempt_path(sub, &s);
	ck_assert_int_eq(exam_session_save(&s), -1);
	ck_assert_ptr_nonnull(strstr(s.save_err, strerror(ENOTDIR)));
	ck_assert(!exam_session_lock(&s, sub, 1, err, sizeof(err)));
	ck_assert_ptr_nonnull(strstr(err, sub));
	ck_assert(!exam_session_submit_save(&s, 1001));
	ck_assert(!s.submitted);
	exam_session_free(&s);
}
END_TEST

START_TEST(test_tampered_submitted_attempt_not_reopened)
{
	struct exam_session s, r;
	char err[1024], *receipt;

	start(&s, "t1", 6, 1000);
	answer(&s, true);
	ck_assert(exam_session_submit_save(&s, 1030));
	edit(s.path, "\"submitted\": true", "\"submitted\": false");
	edit(s.path, "\"limit_ms\": 60000", "\"limit_ms\": 1000000000000000");
	ck_assert(!exam_session_resume(&r, s.path, err, sizeof(err)));
	/* Even without the receipt and the submit record, the edit shows
	 * and the limit stays the exam's minute. */
	receipt = exam_receipt_path(s.path);
	ck_assert_int_eq(unlink(receipt), 0);
	edit(s.path, ",\n    {\"event\": \"submit\"",
	    ",\n    {\"event\": \"x\"");
	ck_assert(!exam_session_resume(&r, s.path, err, sizeof(err)));
	edit(s.path, ",\n    {\"event\": \"x\", \"at\": 1030, "
	    "\"elapsed_ms\": 0}", "");
	ck_assert_msg(exam_session_resume(&r, s.path, err, sizeof(err)), "%s",
	    err);
	ck_assert(r.edited);
	ck_assert_uint_eq(r.limit_ms, 60000);
	ck_assert(exam_session_tick(&r, 60000));
	ck_assert(!exam_session_choose(&r, 0, 0));
	free(receipt);
	exam_session_free(&r);
	exam_session_free(&s);
}
END_TEST

START_TEST(test_second_instance_locked_out_stale_lock_taken)
{
	struct exam_session a, b;
	char err[1024];
	pid_t gone = fork();

	if (gone == 0)
		_exit(0);
	ck_assert_int_eq(waitpid(gone, NULL, 0), gone);
	start(&a, "l1", 7, 1000);
	start(&b, "l1", 7, 2000);
	ck_assert_msg(exam_session_lock(&a, dir, getppid(), err, sizeof(err)),
	    "%s", err);
	ck_assert(!exam_session_lock(&b, dir, (long)getpid(), err,
	    sizeof(err)));
	ck_assert_ptr_nonnull(strstr(err, "already open"));
	exam_session_free(&a);		/* quitting releases it */
	ck_assert(exam_session_lock(&b, dir, (long)gone, err, sizeof(err)));
	/* b's owner is gone: a new instance takes the lock over, and b's
	 * late unlock leaves a's lock alone. */
	start(&a, "l1", 7, 3000);
	ck_assert(exam_session_lock(&a, dir, (long)getpid(), err,
	    sizeof(err)));
	snprintf(err, sizeof(err), "%s", a.lock);
	exam_session_free(&b);
	ck_assert_int_eq(access(err, F_OK), 0);
	exam_session_free(&a);
	ck_assert_int_ne(access(err, F_OK), 0);
}
END_TEST

START_TEST(test_afresh_keeps_the_clock_and_records_restart)
{
	struct exam_session old, s;

	start(&old, "f1", 8, 1000);
	ck_assert(!exam_session_tick(&old, 45000));
	start(&s, "f1", 8, 2000);
	exam_session_afresh(&s, &old, 2000);
	ck_assert_uint_eq(exam_session_remaining(&s), 15000);
	ck_assert_uint_eq(s.nev, 2);
	ck_assert_str_eq(exam_event_name(s.ev[1].kind), "restart");
	exam_session_free(&old);
	exam_session_free(&s);
}
END_TEST

/* Grade dir; the CSV and the summary as strings. */
static int
grade(char **csv, char **sum)
{
	struct exam_grade_opts o = { .seed_set = false };
	char *d = dir, *errs;
	size_t n1, n2, n3;
	FILE *c = open_memstream(csv, &n1), *s = open_memstream(sum, &n2);
	FILE *e = open_memstream(&errs, &n3);
	int rc = exam_grade(&d, 1, &o, c, s, e);

	fclose(c);
	fclose(s);
	fclose(e);
	free(errs);
	return rc;
}

static const char *
row(const char *csv, const char *student)
{
	char key[32];
	const char *r;

	snprintf(key, sizeof(key), "\n%s,", student);
	r = strstr(csv, key);
	ck_assert_msg(r != NULL, "no row for %s in\n%s", student, csv);
	return r + 1;
}

START_TEST(test_grade_good_tampered_and_unfinished)
{
	struct exam_session g, t, u;
	char *csv, *sum, line[512];

	start(&g, "good", 11, 1000);
	answer(&g, true);
	ck_assert(exam_session_submit_save(&g, 1040));
	start(&t, "tamper", 11, 1000);
	answer(&t, false);
	ck_assert(exam_session_submit_save(&t, 1040));
	edit(t.path, "\"percent\": 0", "\"percent\": 100");
	edit(t.path, "\"right\": 0,", "\"right\": 4,");
	start(&u, "unfinished", 11, 1000);
	answer(&u, true);
	ck_assert(!exam_session_tick(&u, 20000));
	exam_session_note(&u, EXAM_EV_SUSPEND, 1020);
	ck_assert_int_eq(exam_session_save(&u), 0);
	ck_assert_int_eq(grade(&csv, &sum), 0);
	ck_assert_msg(strncmp(csv, "student,seed,file,score,right,answered,"
	    "total,q1,q2,q3,q4,flags\n", 60) == 0, "%s", csv);
	snprintf(line, sizeof(line), "good,11,%s,100,4,4,4,1,1,1,1,\n",
	    strrchr(g.path, '/') + 1);
	ck_assert_int_eq(strncmp(row(csv, "good"), line, strlen(line)), 0);
	/* Recomputed from the answers: 0, whatever the file claims. */
	ck_assert_int_eq(strncmp(row(csv, "tamper"), "tamper,11,", 10), 0);
	ck_assert_ptr_nonnull(strstr(row(csv, "tamper"), ",0,0,4,4,0,0,0,0,"
	    "edited stored-score-differs\n"));
	ck_assert_ptr_nonnull(strstr(row(csv, "unfinished"), ",100,4,4,4,"
	    "1,1,1,1,not-submitted\n"));
	ck_assert_ptr_nonnull(strstr(sum, "Graded 3 attempts."));
	ck_assert_ptr_nonnull(strstr(sum, "most missed"));
	free(csv);
	free(sum);
	exam_session_free(&g);
	exam_session_free(&t);
	exam_session_free(&u);
}
END_TEST

START_TEST(test_grade_flags_wall_clock_and_restarts)
{
	struct exam_session s, old;
	char *csv, *sum;

	start(&old, "w1", 12, 1000);
	exam_session_note(&old, EXAM_EV_SUSPEND, 1010);
	ck_assert_int_eq(exam_session_save(&old), 0);
	start(&s, "w1", 12, 2000);
	exam_session_afresh(&s, &old, 2000);
	answer(&s, true);
	/* Five minutes on the wall clock for a one-minute exam. */
	ck_assert(exam_session_submit_save(&s, 2300));
	ck_assert_int_eq(grade(&csv, &sum), 0);
	ck_assert_ptr_nonnull(strstr(csv, "not-submitted several-attempts"));
	ck_assert_ptr_nonnull(strstr(csv, "over-time over-wall-clock "
	    "clock-differs restarted several-attempts"));
	free(csv);
	free(sum);
	exam_session_free(&old);
	exam_session_free(&s);
}
END_TEST

/* Quit, look things up for half an hour, resume with the time left: the
 * exam clock is within the limit, the wall clock shows the absence. */
START_TEST(test_grade_flags_time_away_by_wall_clock)
{
	struct exam_session s;
	char *csv, *sum;

	start(&s, "a1", 13, 1000);
	ck_assert(!exam_session_tick(&s, 20000));
	exam_session_note(&s, EXAM_EV_SUSPEND, 1020);
	exam_session_note(&s, EXAM_EV_RESUME, 2820);
	answer(&s, true);
	ck_assert(!exam_session_tick(&s, 20000));
	ck_assert(exam_session_submit_save(&s, 2840));
	ck_assert_int_eq(grade(&csv, &sum), 0);
	ck_assert_msg(strstr(csv, ",100,4,4,4,1,1,1,1,over-wall-clock "
	    "resumed:1\n") != NULL, "%s", csv);
	free(csv);
	free(sum);
	exam_session_free(&s);
}
END_TEST

/* Item: the printed resume command names only the file; its lock goes
 * beside it, not in a default results directory that may not exist. */
START_TEST(test_resumed_attempt_locks_beside_its_file)
{
	struct exam_session a, r;
	char err[1024], want[128];

	start(&a, "k1", 9, 1000);
	exam_session_note(&a, EXAM_EV_SUSPEND, 1010);
	ck_assert_int_eq(exam_session_save(&a), 0);
	ck_assert_msg(exam_session_resume(&r, a.path, err, sizeof(err)),
	    "%s", err);
	ck_assert_msg(exam_session_lock(&r, "/nonexistent/results",
	    (long)getpid(), err, sizeof(err)), "%s", err);
	snprintf(want, sizeof(want), "%s/k1-9.lock", dir);
	ck_assert_str_eq(r.lock, want);
	ck_assert_int_eq(access(want, F_OK), 0);
	exam_session_free(&r);
	ck_assert_int_ne(access(want, F_OK), 0);
	exam_session_free(&a);
}
END_TEST

/* A fresh attempt started in the same second as an earlier one gets a
 * file of its own instead of overwriting it. */
START_TEST(test_attempts_started_in_one_second_keep_both_files)
{
	struct exam_session a, b;

	start(&a, "d1", 8, 1000);
	ck_assert_int_eq(exam_session_save(&a), 0);
	start(&b, "d1", 8, 1000);
	ck_assert_str_ne(a.path, b.path);
	ck_assert_int_eq(exam_session_save(&b), 0);
	ck_assert_int_eq(access(a.path, F_OK), 0);
	ck_assert_int_eq(access(b.path, F_OK), 0);
	exam_session_free(&a);
	exam_session_free(&b);
}
END_TEST

/* Once one attempt of (student, seed) is submitted its report shows the
 * key: the other attempt cannot be resumed, nor a new one started. */
START_TEST(test_submitted_exam_closes_sibling_attempts)
{
	struct exam_session old, s, r, n;
	char err[1024];

	start(&old, "s1", 7, 1000);
	exam_session_note(&old, EXAM_EV_SUSPEND, 1010);
	ck_assert_int_eq(exam_session_save(&old), 0);
	start(&s, "s1", 7, 2000);
	exam_session_afresh(&s, &old, 2000);
	ck_assert(exam_session_lock(&s, dir, (long)getpid(), err,
	    sizeof(err)));
	ck_assert(exam_session_submit_save(&s, 2030));
	exam_session_free(&s);
	ck_assert(exam_session_resume(&r, old.path, err, sizeof(err)));
	ck_assert(!exam_session_lock(&r, dir, (long)getpid(), err,
	    sizeof(err)));
	ck_assert_msg(strstr(err, "already submitted") != NULL, "%s", err);
	ck_assert_ptr_null(r.lock);
	exam_session_free(&r);
	start(&n, "s1", 7, 3000);
	free(n.path);
	n.path = NULL;
	ck_assert(!exam_session_lock(&n, dir, (long)getpid(), err,
	    sizeof(err)));
	ck_assert_msg(strstr(err, "already submitted") != NULL, "%s", err);
	exam_session_free(&n);
	/* Another student, or another seed, is not closed by it. */
	start(&n, "s2", 7, 3000);
	ck_assert(exam_session_lock(&n, dir, (long)getpid(), err,
	    sizeof(err)));
	exam_session_free(&n);
	exam_session_free(&old);
}
END_TEST

/* Files from before the lock closed the exam: the grader says which
 * attempt was worked on after its sibling showed the key. */
START_TEST(test_grade_flags_finished_after_sibling_submit)
{
	struct exam_session old, s;
	char *csv, *sum;
	const char *a, *b;

	start(&old, "f1", 14, 1000);
	exam_session_note(&old, EXAM_EV_SUSPEND, 1010);
	ck_assert_int_eq(exam_session_save(&old), 0);
	start(&s, "f1", 14, 2000);
	exam_session_afresh(&s, &old, 2000);
	ck_assert(exam_session_submit_save(&s, 2030));
	exam_session_note(&old, EXAM_EV_RESUME, 2100);
	answer(&old, true);
	ck_assert(exam_session_submit_save(&old, 2110));
	ck_assert_int_eq(grade(&csv, &sum), 0);
	a = strstr(csv, "f1,14,");
	ck_assert_ptr_nonnull(a);
	b = strstr(a + 1, "f1,14,");
	ck_assert_ptr_nonnull(b);
	/* The first file (by start time) is the one resumed late. */
	ck_assert_msg(strstr(a, "several-attempts after-sibling-submitted\n")
	    == strchr(a, '\n') - strlen("several-attempts "
	    "after-sibling-submitted"), "%s", csv);
	ck_assert_msg(strstr(b, "after-sibling") == NULL, "%s", csv);
	free(csv);
	free(sum);
	exam_session_free(&old);
	exam_session_free(&s);
}
END_TEST

START_TEST(test_grade_empty_dir_is_an_error)
{
	char *csv, *sum;

	ck_assert_int_eq(grade(&csv, &sum), 2);
	free(csv);
	free(sum);
}
END_TEST

/* Tester: the summary of one attempt read "Graded 1 attempts." */
START_TEST(test_grade_one_attempt_summary_singular)
{
	struct exam_session g;
	char *csv, *sum;

	start(&g, "solo", 13, 1000);
	answer(&g, true);
	ck_assert(exam_session_submit_save(&g, 1040));
	ck_assert_int_eq(grade(&csv, &sum), 0);
	ck_assert_msg(strncmp(sum, "Graded 1 attempt.\n", 18) == 0, "%s",
	    sum);
	free(csv);
	free(sum);
	exam_session_free(&g);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("exam results");
	TCase *tc = tcase_create("results");
	SRunner *sr;
	int failed;

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_full_disk_save_reports_reason_in_full);
	tcase_add_test(tc, test_full_disk_submit_is_not_a_submit);
	tcase_add_test(tc, test_unwritable_results_dir_save_and_lock_fail);
	tcase_add_test(tc, test_tampered_submitted_attempt_not_reopened);
	tcase_add_test(tc, test_second_instance_locked_out_stale_lock_taken);
	tcase_add_test(tc, test_afresh_keeps_the_clock_and_records_restart);
	tcase_add_test(tc, test_grade_good_tampered_and_unfinished);
	tcase_add_test(tc, test_grade_flags_wall_clock_and_restarts);
	tcase_add_test(tc, test_grade_flags_time_away_by_wall_clock);
	tcase_add_test(tc, test_grade_empty_dir_is_an_error);
	tcase_add_test(tc, test_grade_one_attempt_summary_singular);
	tcase_add_test(tc, test_resumed_attempt_locks_beside_its_file);
	tcase_add_test(tc,
	    test_attempts_started_in_one_second_keep_both_files);
	tcase_add_test(tc, test_submitted_exam_closes_sibling_attempts);
	tcase_add_test(tc, test_grade_flags_finished_after_sibling_submit);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_set_fork_status(sr, CK_NOFORK);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
