/*
 * Check suite for sessions (script/session.h), with no view and no UI.
 *
 * A counting watch stands for a front end: it records how often it was
 * reset, fed and settled, the marks it was told and the capture clock it
 * was handed.  The simulated world behind the backend interface stands
 * in for the kernel lab, so the mirrored wire is tested anywhere.
 * Lecture mode's script (script/lecture.h) steps a session too.  What a
 * front end says about the steps (script/session_text.c) and what a line
 * typed at its prompt is (script_colon_parse) are asserted as text.
 */
#include <config.h>

#include <check.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "script/complete.h"
#include "script/menu.h"
#include "script/parse.h"
#include "script/lecture.h"
#include "script/session.h"

static struct session s;

/* What the watch was told. */
struct told {
	unsigned resets, folds, settles, events;
	enum session_mark marks[16];
	size_t nmarks;
	uint64_t clock;		/* the last one handed over, or 0 */
};

static struct told told;

static void
told_reset(void *arg)
{
	((struct told *)arg)->resets++;
}

static void
told_fold(void *arg, const struct sim_ev *ev, size_t n,
    const uint64_t *clock)
{
	struct told *t = arg;

	(void)ev;
	t->folds++;
	t->events += (unsigned)n;
	t->clock = clock != NULL ? *clock : 0;
}

static void
told_marked(void *arg, const struct session *se, const struct cmd *c,
    enum session_mark m)
{
	struct told *t = arg;

	(void)se;
	(void)c;
	if (t->nmarks < sizeof(t->marks) / sizeof(t->marks[0]))
		t->marks[t->nmarks++] = m;
}

static void
told_settle(void *arg)
{
	((struct told *)arg)->settles++;
}

static const struct session_watch told_watch = {
	.reset = told_reset,
	.fold = told_fold,
	.marked = told_marked,
	.settle = told_settle,
};

static void
setup(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	memset(&told, 0, sizeof(told));
	session_init(&s);
	session_watch(&s, &told_watch, &told);
}

static void
teardown(void)
{
	session_free(&s);
}

static void
line(const char *text, struct cmd *c)
{
	struct script_err err;

	ck_assert_int_eq(script_parse_line(text, 1, c, &err), 1);
}

/* Apply scenario lines, one per string, failing on a refusal. */
static void
run(const char *const *lines)
{
	for (; *lines != NULL; lines++) {
		struct cmd c;
		enum sim_status st;

		line(*lines, &c);
		st = session_do(&s, &c);
		ck_assert_msg(st == SIM_OK, "%s: %s", *lines, s.last.msg);
	}
}

static const char *const handshake[] = {
	"isn client 99", "isn server 299", "server listen", "client connect",
	"settle", NULL
};

START_TEST(test_refused_not_recorded)
{
	struct cmd c;

	run(handshake);
	menu_make(&s.w, CMD_LISTEN, HOST_SERVER, 0, &c);
	ck_assert(!menu_possible(&s.w, &c));
	ck_assert_int_ne(session_do(&s, &c), SIM_OK);
	ck_assert_uint_eq(s.pos, 5);
	ck_assert(s.last.msg[0] != '\0');
}
END_TEST

/* A refused event is not recorded and is told with the command as the
 * scenario language writes it and the world's reason. */
START_TEST(test_estab_listen_refused_says_command_and_why)
{
	char why[640];
	struct cmd c;

	run(handshake);
	line("server listen", &c);
	ck_assert(!session_try(&s, &c, why, sizeof(why)));
	ck_assert_uint_eq(s.pos, 5);
	ck_assert_msg(strstr(why, "Cannot do \"server listen\" now: ") == why,
	    "%s", why);
	ck_assert_ptr_nonnull(strstr(why, s.last.msg));
	line("client close", &c);
	ck_assert(session_try(&s, &c, why, sizeof(why)));
	ck_assert_uint_eq(s.pos, 6);
}
END_TEST

/* Quit offers to save only events applied since the last save: not a
 * fresh session, not after saving, not after undo alone. */
START_TEST(test_unsaved_until_saved_then_new_event)
{
	char path[] = "/tmp/check_session_XXXXXX";
	char err[256];
	struct cmd c;
	int fd = mkstemp(path);

	ck_assert_int_ge(fd, 0);
	close(fd);
	ck_assert(!session_unsaved(&s));
	run(handshake);
	ck_assert(session_unsaved(&s));
	ck_assert(session_save(&s, path, err, sizeof(err)));
	ck_assert(!session_unsaved(&s));
	ck_assert(session_undo(&s));
	ck_assert(!session_unsaved(&s));
	line("server listen", &c);
	ck_assert_int_ne(session_do(&s, &c), SIM_OK);	/* refused */
	ck_assert(!session_unsaved(&s));
	line("settle", &c);
	ck_assert_int_eq(session_do(&s, &c), SIM_OK);
	ck_assert(session_unsaved(&s));
	unlink(path);
}
END_TEST

/* Folds a session's steps into the ladder arg points to (check_evlog.c). */
extern const struct session_watch ev_watch;

/* A check on the FIN in flight is quoted in the arrows' number mode, and
 * its verdict says so; raw mode and other commands stay as written. */
START_TEST(test_fin_wait_1_check_line_in_number_modes)
{
	static const char *const fin[] = { "client close", NULL };
	struct ladder l;
	struct cmd c;
	char ln[256], buf[640];

	ladder_init(&l);
	session_watch(&s, &ev_watch, &l);
	run(handshake);
	run(fin);
	line("expect inflight c>s FIN+ACK seq=100 ack=300", &c);
	ck_assert_str_eq(session_check_line(&s, &c, &l, LADDER_NUM_RAW, ln,
	    sizeof(ln)), "expect inflight c>s FIN+ACK seq=100 ack=300");
	ck_assert_str_eq(session_check_line(&s, &c, &l, LADDER_NUM_REL, ln,
	    sizeof(ln)), "expect inflight c>s FIN+ACK seq=1 ack=1");
	ck_assert_str_eq(session_check_line(&s, &c, &l, LADDER_NUM_SYM, ln,
	    sizeof(ln)), "expect inflight c>s FIN+ACK seq=J+1 ack=K+1");
	ck_assert_str_eq(session_mark_text(SESSION_PASS, ln, "", buf,
	    sizeof(buf)), "Check passed: expect inflight c>s FIN+ACK "
	    "seq=J+1 ack=K+1");
	ck_assert_str_eq(session_mark_text(SESSION_FAIL, "expect client "
	    "CLOSED", "client is FIN_WAIT_1", buf, sizeof(buf)), "Check "
	    "failed: expect client CLOSED: client is FIN_WAIT_1");
	ck_assert_str_eq(session_mark_text(SESSION_BAD, "client close",
	    "why not", buf, sizeof(buf)), "why not");
	ck_assert_ptr_null(session_mark_text(SESSION_NONE, "x", "", buf,
	    sizeof(buf)));
	line("client close", &c);
	ck_assert_str_eq(session_check_line(&s, &c, &l, LADDER_NUM_SYM, ln,
	    sizeof(ln)), "client close");
	ladder_free(&l);
}
END_TEST

/* What a line typed at the prompt is: pcap with its name trimmed, help,
 * a command, nothing, or the parser's error with its column. */
START_TEST(test_colon_line_pcap_help_command_error)
{
	struct script_colon l;

	script_colon_parse("  pcap  out file.pcap \t", &l);
	ck_assert_int_eq(l.kind, SCRIPT_COLON_PCAP);
	ck_assert_str_eq(l.text, "out file.pcap");
	script_colon_parse("pcap", &l);
	ck_assert_int_eq(l.kind, SCRIPT_COLON_PCAP);
	ck_assert_str_eq(l.text, "");
	script_colon_parse("help deliver", &l);
	ck_assert_int_eq(l.kind, SCRIPT_COLON_HELP);
	ck_assert_ptr_nonnull(strstr(l.text, "deliver"));
	script_colon_parse("server listen", &l);
	ck_assert_int_eq(l.kind, SCRIPT_COLON_CMD);
	ck_assert_int_eq(l.cmd.kind, CMD_LISTEN);
	ck_assert_int_eq(l.cmd.host, HOST_SERVER);
	script_colon_parse("# a note", &l);
	ck_assert_int_eq(l.kind, SCRIPT_COLON_NONE);
	script_colon_parse("pcapx", &l);
	ck_assert_int_eq(l.kind, SCRIPT_COLON_ERROR);
	script_colon_parse("client fly", &l);
	ck_assert_int_eq(l.kind, SCRIPT_COLON_ERROR);
	ck_assert_uint_eq(l.column, 8);
	ck_assert(l.text[0] != '\0');
}
END_TEST

START_TEST(test_menu_wire)
{
	static const char *const part[] = {
		"server listen", "client connect", "client close", NULL
	};
	struct cmd c;

	run(part);
	menu_make(&s.w, CMD_DELIVER, 0, 0, &c);
	ck_assert_int_eq(c.sel.kind, SEL_ID);
	ck_assert_uint_eq(c.sel.id, 1);
	ck_assert(menu_possible(&s.w, &c));
	menu_make(&s.w, CMD_INJECT, HOST_CLIENT, 0, &c);
	ck_assert_uint_eq(c.seg.flags, TCP_SYN);
	menu_whatif(&s.w, MENU_WI_TIME_WAIT, &c);
	ck_assert(!menu_possible(&s.w, &c));	/* after the first event */
}
END_TEST

START_TEST(test_save_replays)
{
	char path[] = "/tmp/check_view_XXXXXX";
	char err[256];
	struct script sc;
	struct script_err perr;
	int fd = mkstemp(path);

	ck_assert_int_ge(fd, 0);
	close(fd);
	run(handshake);
	ck_assert(session_save(&s, path, err, sizeof(err)));
	memset(&sc, 0, sizeof(sc));
	ck_assert(script_load(path, &sc, &perr));
	ck_assert_uint_eq(sc.n, 5);
	for (size_t i = 0; i < sc.n; i++)
		ck_assert_int_eq(sc.cmds[i].kind, s.cmds[i].kind);
	script_free(&sc);
	unlink(path);
}
END_TEST

/* The watch is handed each applied command's trace and told each check
 * and refusal; a refused command is neither applied nor marked; undo
 * resets it, replays and settles once. */
START_TEST(test_watch_told_traces_checks_and_replays)
{
	static const char *const checks[] = {
		"expect client ESTABLISHED", "expect server LISTEN", NULL
	};
	struct cmd c;
	unsigned folds;

	run(handshake);
	ck_assert_uint_eq(told.folds, 5);
	ck_assert_uint_gt(told.events, 0);
	ck_assert_uint_eq(told.nmarks, 0);
	line(checks[0], &c);
	ck_assert_int_eq(session_do(&s, &c), SIM_OK);
	line(checks[1], &c);
	ck_assert_int_ne(session_do(&s, &c), SIM_OK);
	ck_assert_uint_eq(s.npass, 1);
	ck_assert_uint_eq(s.nfail, 1);
	ck_assert_uint_eq(told.nmarks, 2);
	ck_assert_int_eq(told.marks[0], SESSION_PASS);
	ck_assert_int_eq(told.marks[1], SESSION_FAIL);
	ck_assert_int_eq(s.marks[6], SESSION_FAIL);
	ck_assert(strstr(s.last.msg, "ESTABLISHED") != NULL);
	folds = told.folds;
	line("server listen", &c);
	ck_assert_int_ne(session_do(&s, &c), SIM_OK);
	ck_assert_uint_eq(told.folds, folds);
	ck_assert_uint_eq(s.ncmds, 7);
	ck_assert(session_undo(&s));
	ck_assert_uint_eq(told.resets, 1);
	ck_assert_uint_eq(told.settles, 1);
	ck_assert_uint_eq(told.folds, folds + 6);
	ck_assert_uint_eq(s.npass, 1);
	ck_assert_uint_eq(s.nfail, 0);
	ck_assert_uint_eq(s.pos, 6);
}
END_TEST

/* A replayed capture: each command's capture time goes to the watch
 * with its trace and is the session's clock; a new command ends it. */
START_TEST(test_capture_clock_handed_over_until_a_new_command)
{
	static const char *const part[] = {
		"server listen", "client connect", "deliver", NULL
	};
	static const uint64_t ms[] = { 1000, 1005, 1017 };
	struct cmd cmds[3], c;

	for (size_t i = 0; i < 3; i++)
		line(part[i], &cmds[i]);
	session_load(&s, cmds, 3);
	session_clock(&s, ms, 3);
	session_goto(&s, 2);
	ck_assert_uint_eq(told.clock, 1005);
	ck_assert_uint_eq(session_now(&s), 1005);
	ck_assert(session_redo(&s));
	ck_assert_uint_eq(told.clock, 1017);
	session_goto(&s, 1);
	line("client connect", &c);
	ck_assert_int_eq(session_do(&s, &c), SIM_OK);
	ck_assert_uint_eq(told.clock, 0);
	ck_assert_uint_eq(s.nclock, 1);
	ck_assert_uint_eq(session_now(&s), s.w.now);
}
END_TEST

/* Over a backend, w's wire mirrors the backend's trace: a segment sent
 * joins it, one delivered or dropped leaves it, in the order sent. */
static struct wbackend stand_in;

static bool
stand_in_rebuild(struct session *se)
{
	(void)se;
	wbackend_destroy(&stand_in);
	wbackend_sim(&stand_in, true);
	return true;
}

START_TEST(test_backend_wire_mirrors_sent_delivered_dropped)
{
	static const char *const part[] = {
		"server listen", "client connect", "deliver", NULL
	};
	struct cmd c;

	wbackend_sim(&stand_in, true);
	s.be = &stand_in;
	s.rebuild = stand_in_rebuild;
	session_be_world(&s);
	run(part);
	ck_assert_int_eq(s.w.host[HOST_CLIENT].tcb.state, TCP_CLOSED);
	ck_assert_uint_eq(s.w.nwire, 1);
	ck_assert_uint_eq(s.w.wire[0].seg.flags, TCP_SYN | TCP_ACK);
	ck_assert_uint_eq(s.w.wire[0].dir, DIR_S2C);
	line("inject c>s SYN seq=90", &c);
	ck_assert_int_eq(session_do(&s, &c), SIM_OK);
	ck_assert_uint_eq(s.w.nwire, 2);
	ck_assert_uint_eq(s.w.wire[1].seg.flags, TCP_SYN);
	line("drop", &c);
	ck_assert_int_eq(session_do(&s, &c), SIM_OK);
	ck_assert_uint_eq(s.w.nwire, 1);
	ck_assert_uint_eq(s.w.wire[0].seg.flags, TCP_SYN);
	ck_assert(session_undo(&s));
	ck_assert_uint_eq(s.w.nwire, 2);
	ck_assert_uint_eq(s.w.wire[0].seg.flags, TCP_SYN | TCP_ACK);
	session_free(&s);
	wbackend_destroy(&stand_in);
	session_init(&s);
}
END_TEST

/* Lecture mode: a step is an event with the checks after it; a comment
 * above a command is its caption; the lecturer's own event branches off
 * the script, which resume and jump go back to. */
static const char lecture_text[] =
    "isn client 99\n"
    "# The server opens first.\n"
    "server listen\n"
    "client connect\n"
    "expect client SYN_SENT\n"
    "expect inflight c>s SYN\n"
    "deliver\n";

/* A scenario that does not parse loads nothing and says where. */
START_TEST(test_lecture_open_bad_line_loads_nothing)
{
	static const char bad[] = "server listen\nclient fly\n";
	char path[] = "/tmp/check_session_XXXXXX";
	struct lecture lc;
	struct script_err perr;
	int fd = mkstemp(path);

	ck_assert_int_ge(fd, 0);
	ck_assert(write(fd, bad, sizeof(bad) - 1) == (ssize_t)(sizeof(bad) -
	    1));
	close(fd);
	memset(&lc, 0, sizeof(lc));
	ck_assert(!lecture_open(&lc, &s, path, &perr));
	unlink(path);
	ck_assert_uint_eq(perr.line, 2);
	ck_assert_uint_eq(perr.column, 8);
	ck_assert_uint_eq(s.ncmds, 0);
	ck_assert_ptr_null(lc.cmds);
	ck_assert(!lecture_open(&lc, &s, "/nonexistent/x.scn", &perr));
	ck_assert(perr.msg[0] != '\0');
}
END_TEST

START_TEST(test_lecture_steps_checks_captions_branch_resume)
{
	char path[] = "/tmp/check_session_XXXXXX";
	struct lecture lc;
	struct script_err perr;
	struct cmd c;
	int fd = mkstemp(path);

	ck_assert_int_ge(fd, 0);
	ck_assert(write(fd, lecture_text, sizeof(lecture_text) - 1) ==
	    (ssize_t)(sizeof(lecture_text) - 1));
	close(fd);
	memset(&lc, 0, sizeof(lc));
	ck_assert(lecture_open(&lc, &s, path, &perr));
	unlink(path);
	ck_assert_uint_eq(s.ncmds, 6);
	ck_assert(lecture_next(&s));
	ck_assert(lecture_next(&s));
	ck_assert_str_eq(lecture_caption(&lc, &s), "The server opens first.");
	ck_assert(lecture_next(&s));	/* connect and both checks */
	ck_assert_uint_eq(s.pos, 5);
	ck_assert_uint_eq(s.npass, 2);
	ck_assert_ptr_null(lecture_caption(&lc, &s));
	ck_assert(lecture_back(&s));	/* the checks and the connect */
	ck_assert_uint_eq(s.pos, 2);
	line("client connect", &c);
	ck_assert_int_eq(session_do(&s, &c), SIM_OK);
	ck_assert(lecture_branch(&lc, 2));
	ck_assert(!lecture_branch(&lc, 3));	/* branched once */
	ck_assert_uint_eq(s.ncmds, 3);
	ck_assert_ptr_null(lecture_caption(&lc, &s));
	ck_assert(lecture_resume(&lc, &s));
	ck_assert(!lecture_resume(&lc, &s));
	ck_assert_uint_eq(s.pos, 2);
	ck_assert_uint_eq(s.ncmds, 6);
	lecture_jump(&lc, &s, 99);
	ck_assert_uint_eq(s.pos, 6);
	ck_assert(!lecture_next(&s));
	lecture_free(&lc);
}
END_TEST

TCase *evlog_tcase(void);	/* check_evlog.c */

static Suite *
session_suite(void)
{
	Suite *su = suite_create("session");
	TCase *tc = tcase_create("session");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_refused_not_recorded);
	tcase_add_test(tc, test_estab_listen_refused_says_command_and_why);
	tcase_add_test(tc, test_unsaved_until_saved_then_new_event);
	tcase_add_test(tc, test_fin_wait_1_check_line_in_number_modes);
	tcase_add_test(tc, test_colon_line_pcap_help_command_error);
	tcase_add_test(tc, test_menu_wire);
	tcase_add_test(tc, test_save_replays);
	tcase_add_test(tc, test_watch_told_traces_checks_and_replays);
	tcase_add_test(tc,
	    test_capture_clock_handed_over_until_a_new_command);
	tcase_add_test(tc, test_backend_wire_mirrors_sent_delivered_dropped);
	tcase_add_test(tc, test_lecture_steps_checks_captions_branch_resume);
	tcase_add_test(tc, test_lecture_open_bad_line_loads_nothing);
	suite_add_tcase(su, tc);
	suite_add_tcase(su, evlog_tcase());
	return su;
}

int
main(void)
{
	SRunner *sr = srunner_create(session_suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
