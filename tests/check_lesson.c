/*
 * Check suite for src/lesson: the lesson parser (including exact
 * line:column errors), queries and placeholders, the runner (task checks,
 * answers, navigation), --check's validator, and progress files.
 *
 * Data model: lessons are built from string literals, one line per array
 * element, so each test shows the file it parses; progress tests run in a
 * temporary XDG_STATE_HOME made and removed by the fixture.
 */
#include <config.h>

#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lesson/progress.h"
#include "lesson/run.h"

/* ------------------------------------------------------------ helpers */

static char *
join(const char *const *lines)
{
	static char buf[8192];

	buf[0] = '\0';
	for (; *lines != NULL; lines++) {
		strcat(buf, *lines);
		strcat(buf, "\n");
	}
	return buf;
}

static bool
parse(const char *const *lines, struct lesson *l, struct lesson_err *e)
{
	const char *b = join(lines);

	return lesson_parse_buf("t.lesson", b, strlen(b), l, e);
}

/* Parse must fail at line:column with msg containing part. */
static void
parse_fails(const char *const *lines, unsigned line, unsigned col,
    const char *part)
{
	struct lesson l;
	struct lesson_err e;

	ck_assert_msg(!parse(lines, &l, &e), "parsed but should not");
	ck_assert_msg(e.line == line && e.column == col,
	    "error at %u:%u (%s), wanted %u:%u", e.line, e.column, e.msg,
	    line, col);
	ck_assert_msg(strstr(e.msg, part) != NULL, "'%s' lacks '%s'", e.msg,
	    part);
	ck_assert_str_eq(e.file, "t.lesson");
	lesson_free(&l);
}

#define HDR "title: T", "summary: S"

static const char *const handshake[] = {
	"# a comment",
	"title: Handshake",
	"summary: Opening.",
	"setup: isn client 1000",
	"setup: isn server 5000",
	"",
	"step: Listen",
	"say: First line",
	"say: second line.",
	"say:",
	"say: New paragraph.",
	"do: Make the server listen.",
	"check: expect server LISTEN",
	"hint: one",
	"hint: two",
	"solution: server listen",
	"step",
	"run: client connect",
	"question: Ack? {inflight c>s seq}",
	"peek: deliver",
	"answer-from: sent server ack",
	"explain: It is {answer}.",
	"step",
	"question: Server state?",
	"choice: LISTEN",
	"choice: SYN_RECEIVED",
	"peek: deliver",
	"answer-from: state server",
	"explain: {answer}",
	"step",
	"goal: Both ESTABLISHED.",
	"check: expect client ESTABLISHED",
	"check: expect server ESTABLISHED",
	"check: expect notice server connected",
	"solution: settle",
	"step",
	"question: Order",
	"order: a",
	"order: b",
	"order: c",
	"explain: e",
	"step",
	"question: Which?",
	"choice: x",
	"correct: y",
	"explain: e",
	NULL
};

static void
load_handshake(struct lesson *l)
{
	struct lesson_err e;

	ck_assert_msg(parse(handshake, l, &e), "%u:%u: %s", e.line, e.column,
	    e.msg);
}

/* ------------------------------------------------------------- parser */

START_TEST(test_parse_handshake_structure)
{
	struct lesson l;

	load_handshake(&l);
	ck_assert_str_eq(l.title.s, "Handshake");
	ck_assert_str_eq(l.name, "t");
	ck_assert_uint_eq(l.setup.n, 2);
	ck_assert_uint_eq(l.nsteps, 6);
	ck_assert_str_eq(l.steps[0].title.s, "Listen");
	ck_assert_str_eq(l.steps[0].say.s,
	    "First line second line.\nNew paragraph.");
	ck_assert_int_eq(l.steps[0].kind, LESSON_TASK);
	ck_assert(!l.steps[0].goal);
	ck_assert_uint_eq(l.steps[0].nhints, 2);
	ck_assert_uint_eq(l.steps[0].check.cmds[0].line, 13);
	ck_assert_int_eq(l.steps[1].kind, LESSON_QUESTION);
	ck_assert_int_eq(l.steps[1].qkind, LESSON_Q_VALUE);
	ck_assert(l.steps[1].has_query);
	ck_assert_int_eq(l.steps[2].qkind, LESSON_Q_CHOICE);
	ck_assert_int_eq(l.steps[2].correct, -1);
	ck_assert(l.steps[3].goal);
	ck_assert_int_eq(l.steps[4].qkind, LESSON_Q_ORDER);
	ck_assert_int_eq(l.steps[5].correct, 1);
	lesson_free(&l);
}
END_TEST

START_TEST(test_parse_chinese_joins_without_space)
{
	static const char *const f[] = { HDR, "step", "say: 三次握手",
	    "say: 的第一步。", "say: SYN", "say: sent", NULL };
	struct lesson l;
	struct lesson_err e;

	ck_assert(parse(f, &l, &e));
	ck_assert_str_eq(l.steps[0].say.s,
	    "三次握手的第一步。SYN sent");
	lesson_free(&l);
}
END_TEST

/* Chinese next to Latin text keeps its space across a line break
 * ("close() 的一方", "进入 TIME_WAIT"); two Chinese sides and full-width
 * punctuation join directly. */
START_TEST(test_parse_chinese_latin_join_keeps_space)
{
	static const char *const f[] = { HDR, "step", "say: 先调用 close()",
	    "say: 的一方进入", "say: TIME_WAIT，", "say: RFC 9293", "say: 的话",
	    "say: （见“deliver”）", "say: 之后", NULL };
	struct lesson l;
	struct lesson_err e;

	ck_assert(parse(f, &l, &e));
	ck_assert_str_eq(l.steps[0].say.s, "先调用 close() 的一方进入 "
	    "TIME_WAIT，RFC 9293 的话（见“deliver”）之后");
	lesson_free(&l);
}
END_TEST

START_TEST(test_parse_unknown_keyword)
{
	static const char *const f[] = { HDR, "step", "  sya: hello", NULL };

	parse_fails(f, 4, 3, "unknown keyword 'sya'");
}
END_TEST

START_TEST(test_parse_missing_colon)
{
	static const char *const f[] = { HDR, "step", "say hello", NULL };

	parse_fails(f, 4, 4, "colon");
}
END_TEST

START_TEST(test_parse_scenario_error_column)
{
	static const char *const f[] = { HDR, "step", "run:   client conect",
	    NULL };

	/* "conect" starts at column 15 of the lesson line. */
	parse_fails(f, 4, 15, "conect");
}
END_TEST

START_TEST(test_parse_scenario_column_after_chinese)
{
	static const char *const f[] = { HDR, "setup: isn client 1", "step",
	    "say: 中文", "do: 做", "check: expect client CLOSD",
	    "solution: client connect", NULL };

	parse_fails(f, 7, 22, "CLOSD");
}
END_TEST

START_TEST(test_parse_placeholder_errors)
{
	static const char *const f1[] = { HDR, "step",
	    "say: ack {sent server ackk} x", NULL };
	static const char *const f2[] = { HDR, "step", "say: 你好 {state",
	    NULL };
	static const char *const f3[] = { HDR, "step", "say: {{literal}",
	    NULL };
	struct lesson l;
	struct lesson_err e;

	parse_fails(f1, 4, 23, "ackk");
	parse_fails(f2, 4, 9, "without a closing");
	ck_assert(parse(f3, &l, &e));
	lesson_free(&l);
}
END_TEST

START_TEST(test_parse_check_must_be_expect)
{
	static const char *const f[] = { HDR, "step", "do: x",
	    "check: client connect", NULL };

	parse_fails(f, 5, 8, "expect");
}
END_TEST

START_TEST(test_parse_task_needs_check_and_solution)
{
	static const char *const f1[] = { HDR, "step", "do: x", "hint: h",
	    "step", "say: y", NULL };
	static const char *const f2[] = { HDR, "step", "goal: x",
	    "check: expect client LISTEN", NULL };

	parse_fails(f1, 4, 1, "no check");
	parse_fails(f2, 4, 1, "no solution");
}
END_TEST

START_TEST(test_parse_question_rules)
{
	static const char *const noexp[] = { HDR, "step", "question: q",
	    "answer: 6", NULL };
	static const char *const nocorrect[] = { HDR, "step", "question: q",
	    "choice: a", "choice: b", "explain: e", NULL };
	static const char *const orphan[] = { HDR, "step", "choice: a", NULL };
	static const char *const two[] = { HDR, "step", "question: q",
	    "correct: a", "correct: b", NULL };

	parse_fails(noexp, 4, 1, "explain");
	parse_fails(nocorrect, 4, 1, "exactly one");
	parse_fails(orphan, 4, 1, "question");
	parse_fails(two, 6, 1, "one correct");
}
END_TEST

START_TEST(test_parse_header_rules)
{
	static const char *const notitle[] = { "summary: S", "step", NULL };
	static const char *const twice[] = { HDR, "title: U", NULL };
	static const char *const late[] = { HDR, "step", "say: x",
	    "title: U", NULL };
	static const char *const early[] = { HDR, "say: x", NULL };
	static const char *const nostep[] = { HDR, NULL };

	parse_fails(notitle, 2, 1, "title");
	parse_fails(twice, 3, 1, "twice");
	parse_fails(late, 5, 1, "before the first step");
	parse_fails(early, 3, 1, "step");
	parse_fails(nostep, 2, 0, "no step");
}
END_TEST

START_TEST(test_parse_setup_after_event)
{
	static const char *const f[] = { HDR, "setup: client listen", "step",
	    "run: set msl 1s", NULL };

	parse_fails(f, 5, 6, "setup command");
}
END_TEST

START_TEST(test_parse_bad_bytes)
{
	const char bad[] = "title: T\nsummary: S\nstep\nsay: a\xff\n";
	const char nul[] = "title: T\nsummary: S\0\n";
	const char ctl[] = "title: T\nsummary: S\nstep\nsay: ab\x1b[m\n";
	struct lesson l;
	struct lesson_err e;

	ck_assert(!lesson_parse_buf("t", bad, sizeof(bad) - 1, &l, &e));
	ck_assert_uint_eq(e.line, 4);
	ck_assert_uint_eq(e.column, 7);
	ck_assert(!lesson_parse_buf("t", nul, sizeof(nul) - 1, &l, &e));
	ck_assert_uint_eq(e.line, 2);
	ck_assert(!lesson_parse_buf("t", ctl, sizeof(ctl) - 1, &l, &e));
	ck_assert_uint_eq(e.column, 8);
}
END_TEST

START_TEST(test_parse_fresh_rules)
{
	static const char *const f[] = { HDR, "step", "run: client connect",
	    "fresh:", NULL };

	parse_fails(f, 5, 1, "fresh");
}
END_TEST

/* ------------------------------------------------------------ queries */

START_TEST(test_query_parse_errors)
{
	struct lesson_query q;
	struct lesson_err e;

	ck_assert(!lesson_query_parse("sent srv ack", 12, &q, &e));
	ck_assert_uint_eq(e.column, 6);
	ck_assert(!lesson_query_parse("inflight c>s", 12, &q, &e));
	ck_assert_uint_eq(e.column, 13);
	ck_assert(!lesson_query_parse("time h", 6, &q, &e));
	ck_assert_uint_eq(e.column, 6);
	ck_assert(!lesson_query_parse("time -", 6, &q, &e));
	ck_assert(lesson_query_parse("entered a TIME-WAIT s - 1 + isn b", 33,
	    &q, &e));
	ck_assert_uint_eq(q.nterms, 3);
	ck_assert_int_eq(q.op[1], '-');
	ck_assert_int_eq(q.t[0].state, TCP_TIME_WAIT);
}
END_TEST

START_TEST(test_value_matching)
{
	struct lesson_value n = { true, 60200, "", false }, w = { false, 0,
	    "SYN+ACK", false }, s = { false, 0, "SYN_RECEIVED", false };
	char buf[32];

	ck_assert_str_eq(lesson_value_str(&n, buf, sizeof(buf)), "60.2");
	ck_assert(lesson_value_matches(&n, " 60.2 "));
	ck_assert(lesson_value_matches(&n, "60.200"));
	ck_assert(lesson_value_matches(&n, "60,2"));
	ck_assert(!lesson_value_matches(&n, "60"));
	ck_assert(lesson_value_matches(&n, "60.2s"));	/* units are read */
	ck_assert(!lesson_value_matches(&n, "60.2ms"));
	ck_assert(lesson_value_matches(&w, "ack+syn"));
	ck_assert(lesson_value_matches(&w, "SYN,ACK"));
	ck_assert(!lesson_value_matches(&w, "SYN"));
	ck_assert(lesson_value_matches(&s, "syn_rcvd"));
	ck_assert(lesson_value_matches(&s, "SYN-RECEIVED"));
}
END_TEST

/* ------------------------------------------------------------- runner */

START_TEST(test_run_task_passes_only_when_done)
{
	struct lesson l;
	struct lrun lr;
	struct world w;
	struct cmd c = { .kind = CMD_LISTEN, .host = HOST_SERVER };
	struct cmd wrong = { .kind = CMD_LISTEN, .host = HOST_CLIENT };
	struct sim_result res;
	char why[256];

	load_handshake(&l);
	ck_assert(lrun_start(&lr, &l, 0));
	world_init(&w);
	ck_assert(lrun_replay(&w, &lr));
	ck_assert_int_eq(lrun_check(&lr, &w, why, sizeof(why)),
	    LRUN_NOT_YET);
	world_apply(&w, &wrong, &res);
	ck_assert_int_eq(lrun_check(&lr, &w, why, sizeof(why)),
	    LRUN_NOT_YET);
	ck_assert(strstr(why, "LISTEN") != NULL);
	world_apply(&w, &c, &res);
	ck_assert_int_eq(lrun_check(&lr, &w, why, sizeof(why)), LRUN_PASSED);
	ck_assert(lr.done);
	ck_assert_str_eq(lrun_hint(&lr), "one");
	ck_assert_str_eq(lrun_hint(&lr), "two");
	ck_assert_ptr_null(lrun_hint(&lr));
	world_free(&w);
	lrun_free(&lr);
	lesson_free(&l);
}
END_TEST

START_TEST(test_run_goal_any_way_counts)
{
	struct lesson l;
	struct lrun lr;
	struct world w;
	struct cmd d = { .kind = CMD_DELIVER };
	struct sim_result res;
	char why[256];

	load_handshake(&l);
	ck_assert(lrun_start(&lr, &l, 3));
	world_init(&w);
	ck_assert(lrun_replay(&w, &lr));
	/* Three delivers instead of the solution's settle. */
	for (int i = 0; i < 2; i++) {
		world_apply(&w, &d, &res);
		ck_assert_int_eq(lrun_check(&lr, &w, why, sizeof(why)),
		    LRUN_NOT_YET);
	}
	world_apply(&w, &d, &res);
	ck_assert_int_eq(lrun_check(&lr, &w, why, sizeof(why)), LRUN_PASSED);
	world_free(&w);
	lrun_free(&lr);
	lesson_free(&l);
}
END_TEST

START_TEST(test_run_step_cmds_and_navigation)
{
	struct lesson l;
	struct lrun lr;
	size_t n, np;
	const struct cmd *c;

	load_handshake(&l);
	ck_assert(lrun_start(&lr, &l, 1));
	c = lrun_step_cmds(&lr, &n, &np);
	/* setup (2) + step 1's solution (1), then step 2's run (1). */
	ck_assert_uint_eq(np, 3);
	ck_assert_uint_eq(n, 4);
	ck_assert_int_eq(c[3].kind, CMD_CONNECT);
	ck_assert(lrun_next(&lr));
	ck_assert_uint_eq(lr.step, 2);
	ck_assert(lrun_back(&lr));
	ck_assert(lrun_back(&lr));
	ck_assert(!lrun_back(&lr));
	ck_assert(lrun_goto(&lr, 99));
	ck_assert(lrun_at_end(&lr));
	ck_assert(!lrun_next(&lr));
	lrun_free(&lr);
	lesson_free(&l);
}
END_TEST

START_TEST(test_run_computed_value_answer)
{
	struct lesson l;
	struct lrun lr;
	char buf[128];

	load_handshake(&l);
	ck_assert(lrun_start(&lr, &l, 1));
	ck_assert(lr.answer_ok);
	ck_assert_int_eq(lrun_answer_text(&lr, "1000"), LRUN_WRONG);
	ck_assert(!lr.done);
	ck_assert_int_eq(lrun_answer_text(&lr, " 1001"), LRUN_RIGHT);
	ck_assert_uint_eq(lr.tries, 2);
	ck_assert_int_eq(lrun_answer_text(&lr, "  "), LRUN_INVALID);
	ck_assert(lrun_expand(&lr, lrun_cur(&lr)->explain.s, buf,
	    sizeof(buf)));
	ck_assert_str_eq(buf, "It is 1001.");
	ck_assert(lrun_expand(&lr, lrun_cur(&lr)->question.s, buf,
	    sizeof(buf)));
	ck_assert_str_eq(buf, "Ack? 1000");
	ck_assert_int_eq(lrun_answer_choice(&lr, 0), LRUN_INVALID);
	lrun_free(&lr);
	lesson_free(&l);
}
END_TEST

START_TEST(test_run_computed_choice)
{
	struct lesson l;
	struct lrun lr;

	load_handshake(&l);
	ck_assert(lrun_start(&lr, &l, 2));
	ck_assert_int_eq(lrun_correct_choice(&lr), 1);
	ck_assert_int_eq(lrun_answer_choice(&lr, 0), LRUN_WRONG);
	ck_assert_int_eq(lrun_answer_choice(&lr, 1), LRUN_RIGHT);
	ck_assert_int_eq(lrun_answer_choice(&lr, 2), LRUN_INVALID);
	ck_assert_str_eq(lr.answer_text, "SYN_RECEIVED");
	lrun_free(&lr);
	lesson_free(&l);
}
END_TEST

START_TEST(test_run_order_and_literal_choice)
{
	struct lesson l;
	struct lrun lr;
	size_t right[] = { 0, 1, 2 }, wrong[] = { 1, 0, 2 }, dup[] = { 0, 0,
	    2 }, perm[3];

	load_handshake(&l);
	ck_assert(lrun_start(&lr, &l, 4));
	lrun_order_shuffle(&lr, perm);
	ck_assert(!(perm[0] == 0 && perm[1] == 1 && perm[2] == 2));
	ck_assert_int_eq(lrun_answer_order(&lr, dup, 3), LRUN_INVALID);
	ck_assert_int_eq(lrun_answer_order(&lr, wrong, 3), LRUN_WRONG);
	ck_assert_int_eq(lrun_answer_order(&lr, right, 2), LRUN_INVALID);
	ck_assert_int_eq(lrun_answer_order(&lr, right, 3), LRUN_RIGHT);
	ck_assert(lrun_next(&lr));
	ck_assert_int_eq(lrun_answer_choice(&lr, 1), LRUN_RIGHT);
	lrun_free(&lr);
	lesson_free(&l);
}
END_TEST

/* Notices count from the start of the step, not of the lesson. */
START_TEST(test_run_notice_since_step)
{
	static const char *const f[] = { HDR, "step", "run: server listen",
	    "run: client connect", "run: settle", "step", "do: close",
	    "check: expect notice client connected",
	    "check: expect client FIN_WAIT_1", "solution: client close",
	    NULL };
	struct lesson l;
	struct lesson_err e;
	struct lrun lr;
	struct world w;
	struct cmd c = { .kind = CMD_CLOSE, .host = HOST_CLIENT };
	struct sim_result res;
	char why[256];

	ck_assert(parse(f, &l, &e));
	ck_assert(lrun_start(&lr, &l, 1));
	world_init(&w);
	ck_assert(lrun_replay(&w, &lr));
	world_apply(&w, &c, &res);
	ck_assert_int_eq(lrun_check(&lr, &w, why, sizeof(why)),
	    LRUN_NOT_YET);
	ck_assert(strstr(why, "connected") != NULL);
	world_free(&w);
	lrun_free(&lr);
	lesson_free(&l);
}
END_TEST

START_TEST(test_run_fresh_step_starts_new_world)
{
	static const char *const f[] = { HDR, "setup: isn client 7", "step",
	    "run: client connect", "step", "fresh:", "run: set msl 1s",
	    "run: server listen", "question: msl?", "answer-from: msl ms",
	    "explain: {answer}", NULL };
	struct lesson l;
	struct lesson_err e;
	struct lrun lr;
	size_t n, np;

	ck_assert_msg(parse(f, &l, &e), "%u:%u %s", e.line, e.column, e.msg);
	ck_assert(lrun_start(&lr, &l, 1));
	lrun_step_cmds(&lr, &n, &np);
	ck_assert_uint_eq(np, 0);
	ck_assert_uint_eq(n, 2);
	ck_assert_int_eq(lr.w.host[HOST_CLIENT].tcb.state, TCP_CLOSED);
	ck_assert_int_eq(lrun_answer_text(&lr, "1000"), LRUN_RIGHT);
	lrun_free(&lr);
	lesson_free(&l);
}
END_TEST

START_TEST(test_run_clock_arithmetic)
{
	static const char *const f[] = { HDR, "setup: set msl 30s", "step",
	    "run: server listen", "run: client connect", "run: wait 50ms",
	    "run: deliver", "run: wait 50ms", "run: deliver",
	    "run: client close", "run: wait 50ms", "run: deliver",
	    "run: deliver", "run: server close", "run: wait 50ms",
	    "run: deliver", "run: deliver", "run: wait 50ms", "run: deliver",
	    "run: wait timer",
	    "question: total?",
	    "answer-from: entered client CLOSED s - entered client SYN_SENT s",
	    "explain: {answer} = {time s}", NULL };
	struct lesson l;
	struct lesson_err e;
	struct lrun lr;
	char buf[64];

	ck_assert(parse(f, &l, &e));
	ck_assert_msg(lrun_start(&lr, &l, 0), "%u: %s", lr.err_line, lr.err);
	ck_assert_int_eq(lrun_answer_text(&lr, "60.2"), LRUN_RIGHT);
	lrun_expand(&lr, lrun_cur(&lr)->explain.s, buf, sizeof(buf));
	ck_assert_str_eq(buf, "60.2 = 60.2");
	lrun_free(&lr);
	lesson_free(&l);
}
END_TEST

/* ----------------------------------------------------------- validate */

static void
count_report(void *ctx, unsigned line, const char *msg)
{
	unsigned *lines = ctx;

	(void)msg;
	lines[lines[0]++ + 1] = line;
}

START_TEST(test_validate_good_and_bad)
{
	static const char *const bad[] = { HDR, "step", "do: x",
	    "check: expect server ESTABLISHED", "solution: server listen",
	    "step", "do: y", "check: expect server LISTEN",
	    "solution: client connect", "step", "say: {sent server ack}",
	    "step", "question: q", "choice: SYN_SENT", "choice: SYN-SENT",
	    "answer-from: state client", "explain: e", NULL };
	struct lesson l;
	struct lesson_err e;
	unsigned lines[16] = { 0 };

	load_handshake(&l);
	ck_assert_uint_eq(lesson_validate(&l, count_report, lines), 0);
	lesson_free(&l);
	ck_assert(parse(bad, &l, &e));
	ck_assert_uint_eq(lesson_validate(&l, count_report, lines), 4);
	ck_assert_uint_eq(lines[1], 5);		/* solution falls short */
	ck_assert_uint_eq(lines[2], 8);		/* already passes */
	ck_assert_uint_eq(lines[3], 12);	/* nothing sent yet */
	ck_assert_uint_eq(lines[4], 17);	/* two choices match */
	lesson_free(&l);
}
END_TEST

/* ----------------------------------------------------------- progress */

static char tmpdir[64];

static void
progress_setup(void)
{
	strcpy(tmpdir, "/tmp/check_lesson.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(tmpdir));
	setenv("XDG_STATE_HOME", tmpdir, 1);
}

static void
progress_teardown(void)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
	ck_assert_int_eq(system(cmd), 0);
}

static void
write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
}

START_TEST(test_progress_round_trip)
{
	struct lesson_progress p;
	const struct lesson_mark *m;
	char msg[512], *path = lesson_progress_path();

	ck_assert(strncmp(path, tmpdir, strlen(tmpdir)) == 0);
	ck_assert_int_eq(lesson_progress_load(&p, NULL, msg, sizeof(msg)),
	    LESSON_PROGRESS_OK);
	ck_assert_uint_eq(p.n, 0);
	ck_assert_int_eq(lesson_progress_set(&p, "02-handshake", 4, false,
	    msg, sizeof(msg)), LESSON_PROGRESS_OK);
	ck_assert_int_eq(lesson_progress_set(&p, "01-header", 8, true, msg,
	    sizeof(msg)), LESSON_PROGRESS_OK);
	ck_assert_int_eq(lesson_progress_set(&p, "01-header", 2, false, msg,
	    sizeof(msg)), LESSON_PROGRESS_OK);
	lesson_progress_free(&p);
	ck_assert_int_eq(lesson_progress_load(&p, NULL, msg, sizeof(msg)),
	    LESSON_PROGRESS_OK);
	ck_assert_uint_eq(p.n, 2);
	m = lesson_progress_get(&p, "01-header");
	ck_assert_ptr_nonnull(m);
	ck_assert_uint_eq(m->step, 2);
	ck_assert(m->done);		/* once done, always done */
	ck_assert_uint_eq(lesson_progress_get(&p, "02-handshake")->step, 4);
	ck_assert_ptr_null(lesson_progress_get(&p, "03-why-three"));
	lesson_progress_free(&p);
	free(path);
}
END_TEST

static unsigned
count_bad_files(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	unsigned n = 0;

	ck_assert_ptr_nonnull(d);
	while ((de = readdir(d)) != NULL)
		n += strncmp(de->d_name, "progress.bad-", 13) == 0;
	closedir(d);
	return n;
}

START_TEST(test_progress_damaged_file_kept_aside)
{
	static const char *const damaged[] = {
		"not a progress file\n",
		"tcpteach-progress 1\n02-handshake four open\n",
		"tcpteach-progress 1\n02-handshake 4 open",	/* cut off */
		"tcpteach-progress 1\n01-x 1 open\n01-x 2 done\n",
		"tcpteach-progress 1\n01-x 2 open 1\n",	/* v1: no list */
		"tcpteach-progress 2\n01-x 2 open\n",	/* v2: a list */
		"tcpteach-progress 2\n01-x 2 open 3-1\n",
		"tcpteach-progress 2\n01-x 2 open 2,1\n",
		"tcpteach-progress 2\n01-x 2 open 1-3,3\n",
		"tcpteach-progress 2\n01-x 2 open 65\n",
		"tcpteach-progress 2\n01-x 2 open 1,,2\n",
		"tcpteach-progress 2\n01-x 2 open 1-\n",
		"tcpteach-progress 2\n01-x 2 open 0\n",
		"tcpteach-progress 3\n01-x 2 open 1\n",
	};
	char dir[128], path[160], msg[512];
	struct lesson_progress p;
	struct stat st;

	snprintf(dir, sizeof(dir), "%s/tcpteach", tmpdir);
	ck_assert_int_eq(mkdir(dir, 0700), 0);
	snprintf(path, sizeof(path), "%s/progress", dir);
	for (size_t i = 0; i < sizeof(damaged) / sizeof(damaged[0]); i++) {
		write_file(path, damaged[i]);
		ck_assert_msg(lesson_progress_load(&p, NULL, msg,
		    sizeof(msg)) == LESSON_PROGRESS_DAMAGED, "%s", damaged[i]);
		ck_assert(strstr(msg, "progress.bad-") != NULL);
		ck_assert_int_eq(stat(path, &st), -1);
		ck_assert_uint_eq(count_bad_files(dir), i + 1);
		/* Saving afresh does not touch the damaged copy. */
		ck_assert_int_eq(lesson_progress_set(&p, "01-header", 1,
		    false, msg, sizeof(msg)), LESSON_PROGRESS_OK);
		ck_assert_uint_eq(count_bad_files(dir), i + 1);
		lesson_progress_free(&p);
	}
}
END_TEST

/* The whole file as saved. */
static char *
progress_text(void)
{
	static char buf[1024];
	char path[160];
	FILE *f;
	size_t n;

	snprintf(path, sizeof(path), "%s/tcpteach/progress", tmpdir);
	f = fopen(path, "r");
	ck_assert_ptr_nonnull(f);
	n = fread(buf, 1, sizeof(buf) - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

/* Version 2 keeps each step's mark: a step skipped before the place is
 * still not done when the file is read again. */
START_TEST(test_progress_steps_done_kept_one_by_one)
{
	struct lesson_progress p;
	const struct lesson_mark *m;
	char msg[512];

	ck_assert_int_eq(lesson_progress_load(&p, NULL, msg, sizeof(msg)),
	    LESSON_PROGRESS_OK);
	ck_assert_int_eq(lesson_progress_keep(&p, "02-handshake", 4, false,
	    0x5, msg, sizeof(msg)), LESSON_PROGRESS_OK);
	ck_assert_int_eq(lesson_progress_keep(&p, "01-header", 1, true,
	    0x7f, msg, sizeof(msg)), LESSON_PROGRESS_OK);
	ck_assert_int_eq(lesson_progress_keep(&p, "03-why-three", 1, false,
	    0, msg, sizeof(msg)), LESSON_PROGRESS_OK);
	ck_assert_int_eq(lesson_progress_keep(&p, "04-seq-numbers", 64, false,
	    (uint64_t)1 << 63 | 0xe, msg, sizeof(msg)), LESSON_PROGRESS_OK);
	ck_assert_str_eq(progress_text(), "tcpteach-progress 2\n"
	    "01-header 1 done 1-7\n02-handshake 4 open 1,3\n"
	    "03-why-three 1 open -\n04-seq-numbers 64 open 2-4,64\n");
	lesson_progress_free(&p);
	ck_assert_int_eq(lesson_progress_load(&p, NULL, msg, sizeof(msg)),
	    LESSON_PROGRESS_OK);
	m = lesson_progress_get(&p, "02-handshake");
	ck_assert_uint_eq(m->step, 4);
	ck_assert(lesson_mark_step_done(m, 0));
	ck_assert(!lesson_mark_step_done(m, 1));
	ck_assert(lesson_mark_step_done(m, 2));
	ck_assert(!lesson_mark_step_done(m, 3));
	ck_assert(lesson_mark_step_done(lesson_progress_get(&p, "01-header"),
	    40));			/* a complete lesson's all are */
	ck_assert(lesson_mark_step_done(lesson_progress_get(&p,
	    "04-seq-numbers"), 63));
	ck_assert(!lesson_mark_step_done(NULL, 0));
	lesson_progress_free(&p);
}
END_TEST

/* A version 1 file (no list) still loads: the steps before the place
 * count as done, and it is saved again as version 2. */
START_TEST(test_progress_v1_file_read_steps_before_place_done)
{
	struct lesson_progress p;
	const struct lesson_mark *m;
	char dir[128], path[160], msg[512];

	snprintf(dir, sizeof(dir), "%s/tcpteach", tmpdir);
	ck_assert_int_eq(mkdir(dir, 0700), 0);
	snprintf(path, sizeof(path), "%s/progress", dir);
	write_file(path, "tcpteach-progress 1\n02-handshake 4 open\n"
	    "01-header 1 done\n");
	ck_assert_int_eq(lesson_progress_load(&p, NULL, msg, sizeof(msg)),
	    LESSON_PROGRESS_OK);
	m = lesson_progress_get(&p, "02-handshake");
	ck_assert_uint_eq(m->step, 4);
	ck_assert(lesson_mark_step_done(m, 2));
	ck_assert(!lesson_mark_step_done(m, 3));
	ck_assert(lesson_mark_step_done(lesson_progress_get(&p, "01-header"),
	    9));
	ck_assert_int_eq(lesson_progress_save(&p, msg, sizeof(msg)),
	    LESSON_PROGRESS_OK);
	ck_assert_str_eq(progress_text(), "tcpteach-progress 2\n"
	    "01-header 1 done -\n02-handshake 4 open 1-3\n");
	ck_assert_uint_eq(count_bad_files(dir), 0);
	lesson_progress_free(&p);
}
END_TEST

/* 70,000 marks in reverse order: all found; loading is O(n log n) (the
 * quadratic loader took seconds here and hit Check's timeout). */
START_TEST(test_progress_large_file_loads)
{
	char dir[128], path[160], msg[512], name[32];
	struct lesson_progress p;
	FILE *f;
	unsigned n = 70000;

	snprintf(dir, sizeof(dir), "%s/tcpteach", tmpdir);
	ck_assert_int_eq(mkdir(dir, 0700), 0);
	snprintf(path, sizeof(path), "%s/progress", dir);
	f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs("tcpteach-progress 1\n", f);
	for (unsigned i = n; i > 0; i--)
		fprintf(f, "l%05u %u open\n", i, i % 9 + 1);
	fclose(f);
	ck_assert_int_eq(lesson_progress_load(&p, NULL, msg, sizeof(msg)),
	    LESSON_PROGRESS_OK);
	ck_assert_uint_eq(p.n, n);
	for (unsigned i = 1; i <= n; i += 997) {
		snprintf(name, sizeof(name), "l%05u", i);
		ck_assert_uint_eq(lesson_progress_get(&p, name)->step,
		    i % 9 + 1);
	}
	ck_assert_int_eq(lesson_progress_set(&p, "a-first", 1, false, msg,
	    sizeof(msg)), LESSON_PROGRESS_OK);
	ck_assert_ptr_nonnull(lesson_progress_get(&p, "a-first"));
	ck_assert_ptr_nonnull(lesson_progress_get(&p, "l70000"));
	lesson_progress_free(&p);
}
END_TEST

/* A FIFO where the progress file should be is reported, not waited on. */
START_TEST(test_progress_fifo_not_read)
{
	char dir[128], path[160], msg[512];
	struct lesson_progress p;

	snprintf(dir, sizeof(dir), "%s/tcpteach", tmpdir);
	ck_assert_int_eq(mkdir(dir, 0700), 0);
	snprintf(path, sizeof(path), "%s/progress", dir);
	ck_assert_int_eq(mkfifo(path, 0600), 0);
	ck_assert_int_eq(lesson_progress_load(&p, NULL, msg, sizeof(msg)),
	    LESSON_PROGRESS_ERROR);
	ck_assert(strstr(msg, "FIFO") != NULL);
	lesson_progress_free(&p);
}
END_TEST

START_TEST(test_progress_home_fallback)
{
	char *path;

	setenv("XDG_STATE_HOME", "relative/dir", 1);
	setenv("HOME", "/home/learner", 1);
	path = lesson_progress_path();
	ck_assert_str_eq(path, "/home/learner/.local/state/tcpteach/progress");
	free(path);
}
END_TEST

/* Answers are read the way learners write them (issue: "240s", "4:00"
 * and "ACK PSH" were rejected though the program shows "4:00"). */
START_TEST(test_answer_forms_accepted)
{
	struct lesson_value t = { .is_num = true, .milli = 240000 };
	struct lesson_value f = { .is_num = false, .word = "PSH+ACK" };
	static const char *const good[] = { "240", " 240 ", "240s", "240 s",
	    "4min", "4 min", "4:00", "240000ms", "4分钟", "240秒" };
	static const char *const bad[] = { "241", "4:0", "4:60", "4", "2:40",
	    "240x", "s", ":", "-4:00" };

	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++)
		ck_assert_msg(lesson_value_matches(&t, good[i]), "%s", good[i]);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		ck_assert_msg(!lesson_value_matches(&t, bad[i]), "%s", bad[i]);
	ck_assert(lesson_value_matches(&f, "ACK PSH"));
	ck_assert(lesson_value_matches(&f, "ack+psh"));
	ck_assert(lesson_value_matches(&f, "PSH, ACK"));
	ck_assert(!lesson_value_matches(&f, "ACK SYN"));
	ck_assert(!lesson_value_matches(&f, "ACK"));
}
END_TEST

/* Lesson 16 had "client" as a choice and again as correct: picking the
 * first was marked wrong.  The parser names the repeat with its column. */
START_TEST(test_parse_question_duplicate_choice_rejected)
{
	static const char *const dup[] = { HDR, "step", "question: q",
	    "choice: client", "choice: server", "correct: Client",
	    "explain: e", NULL };
	static const char *const order[] = { HDR, "step", "question: q",
	    "order: SYN", "order: ACK", "order:   SYN", NULL };

	parse_fails(dup, 7, 10, "line 5");
	parse_fails(order, 7, 10, "repeats");
}
END_TEST

/* Lesson 7 step 6 asks how many milliseconds: "200ms" and "0.2 s" are
 * the same answer as "200"; "200 s" is not. */
START_TEST(test_answer_ms_question_accepts_units)
{
	struct lesson_value ms = { .is_num = true, .milli = 200000,
	    .in_ms = true };
	static const char *const good[] = { "200", "200ms", "200 ms",
	    "0.2s", "0.2 s", "0,2 s", "200毫秒", "0.2秒", "0:00.2" };
	static const char *const bad[] = { "200s", "0.2", "2ms", "200 min" };

	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++)
		ck_assert_msg(lesson_value_matches(&ms, good[i]), "%s", good[i]);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		ck_assert_msg(!lesson_value_matches(&ms, bad[i]), "%s", bad[i]);
}
END_TEST

TCase *walk_tcase(void);	/* check_lesson_walk.c */

static Suite *
lesson_suite(void)
{
	Suite *s = suite_create("lesson");
	TCase *tc = tcase_create("parse");

	tcase_add_test(tc, test_parse_handshake_structure);
	tcase_add_test(tc, test_parse_chinese_joins_without_space);
	tcase_add_test(tc, test_parse_chinese_latin_join_keeps_space);
	tcase_add_test(tc, test_parse_unknown_keyword);
	tcase_add_test(tc, test_parse_missing_colon);
	tcase_add_test(tc, test_parse_scenario_error_column);
	tcase_add_test(tc, test_parse_scenario_column_after_chinese);
	tcase_add_test(tc, test_parse_placeholder_errors);
	tcase_add_test(tc, test_parse_check_must_be_expect);
	tcase_add_test(tc, test_parse_task_needs_check_and_solution);
	tcase_add_test(tc, test_parse_question_rules);
	tcase_add_test(tc, test_parse_question_duplicate_choice_rejected);
	tcase_add_test(tc, test_parse_header_rules);
	tcase_add_test(tc, test_parse_setup_after_event);
	tcase_add_test(tc, test_parse_bad_bytes);
	tcase_add_test(tc, test_parse_fresh_rules);
	suite_add_tcase(s, tc);
	tc = tcase_create("query");
	tcase_add_test(tc, test_query_parse_errors);
	tcase_add_test(tc, test_value_matching);
	suite_add_tcase(s, tc);
	tc = tcase_create("run");
	tcase_add_test(tc, test_run_task_passes_only_when_done);
	tcase_add_test(tc, test_run_goal_any_way_counts);
	tcase_add_test(tc, test_run_step_cmds_and_navigation);
	tcase_add_test(tc, test_run_computed_value_answer);
	tcase_add_test(tc, test_run_computed_choice);
	tcase_add_test(tc, test_run_order_and_literal_choice);
	tcase_add_test(tc, test_run_notice_since_step);
	tcase_add_test(tc, test_run_fresh_step_starts_new_world);
	tcase_add_test(tc, test_run_clock_arithmetic);
	tcase_add_test(tc, test_validate_good_and_bad);
	suite_add_tcase(s, tc);
	tc = tcase_create("progress");
	tcase_add_checked_fixture(tc, progress_setup, progress_teardown);
	tcase_add_test(tc, test_progress_round_trip);
	tcase_add_test(tc, test_progress_damaged_file_kept_aside);
	tcase_add_test(tc, test_progress_steps_done_kept_one_by_one);
	tcase_add_test(tc,
	    test_progress_v1_file_read_steps_before_place_done);
	tcase_add_test(tc, test_progress_home_fallback);
	tcase_add_test(tc, test_answer_forms_accepted);
	tcase_add_test(tc, test_answer_ms_question_accepts_units);
	tcase_add_test(tc, test_progress_large_file_loads);
	tcase_add_test(tc, test_progress_fifo_not_read);
	suite_add_tcase(s, tc);
	suite_add_tcase(s, walk_tcase());
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(lesson_suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
