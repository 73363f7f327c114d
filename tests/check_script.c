/*
 * Check tests of `tcpteach script` (src/script/run.c), its trace lines
 * (trace.c), its RFC-style diagram (diagram.c), and what front ends take
 * from the scenario layer: completion (complete.c), the event menu
 * (menu.c) and a list of commands written as a capture (pcap.c).
 *
 * Data model: each runner test writes small scenario files into a fresh
 * temporary directory, calls script_cli() with two temporary streams for
 * standard output and error, and compares exit status and text.  The
 * trace and diagram tests feed hand-made struct sim_ev records, so they
 * pin the formats without depending on the core's behaviour.
 */
#include <config.h>

#include <check.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "script/complete.h"
#include "script/menu.h"
#include "script/parse.h"
#include "script/pcap.h"
#include "script/run.h"
#include "check_files_util.h"
#include "script/trace.h"

static char outbuf[65536], errbuf[8192];

static void
setup(void)
{
	files_setup("script");
}

static void
slurp(FILE *f, char *buf, size_t size)
{
	size_t n;

	rewind(f);
	n = fread(buf, 1, size - 1, f);
	buf[n] = '\0';
	fclose(f);
}

/* Run `tcpteach script ARGS...` (NULL-terminated) into outbuf/errbuf. */
static int
run(const char *arg, ...)
{
	static char store[16][512];
	char *argv[16];
	int argc = 0, rc;
	va_list ap;
	FILE *out = tmpfile(), *err = tmpfile();

	ck_assert_ptr_nonnull(out);
	ck_assert_ptr_nonnull(err);
	/* script_cli takes char **, as main() does: writable copies. */
	snprintf(store[0], sizeof(store[0]), "script");
	argv[argc] = store[argc];
	argc++;
	va_start(ap, arg);
	for (const char *a = arg; a != NULL && argc < 15; a = va_arg(ap,
	    const char *)) {
		snprintf(store[argc], sizeof(store[argc]), "%s", a);
		argv[argc] = store[argc];
		argc++;
	}
	va_end(ap);
	argv[argc] = NULL;
	rc = script_cli(argc, argv, out, err);
	slurp(out, outbuf, sizeof(outbuf));
	slurp(err, errbuf, sizeof(errbuf));
	return rc;
}

static const char handshake[] =
    "isn client 99\nisn server 299\nserver listen\nclient connect\n"
    "settle\nexpect client ESTABLISHED\nexpect server ESTABLISHED\n";

START_TEST(test_run_passing_file_exit_0)
{
	const char *f = put("ok.scn", handshake);

	ck_assert_int_eq(run(f, NULL), TT_EXIT_OK);
	ck_assert_str_eq(errbuf, "");
	ck_assert_ptr_nonnull(strstr(outbuf, "     0.000s  client  sends #1 "
	    "c>s SYN seq=99 len=0"));
	ck_assert_ptr_nonnull(strstr(outbuf, "  server  receives #3 c>s ACK "
	    "seq=100 ack=300 len=0\n"));
}
END_TEST

START_TEST(test_run_failing_expect_exit_1_stops_file)
{
	char want[512];
	const char *f = put("fail.scn", "server listen\nclient connect\n"
	    "expect client ESTABLISHED\nsettle\n");

	ck_assert_int_eq(run(f, NULL), TT_EXIT_FAIL);
	snprintf(want, sizeof(want), "%s:3: expected client ESTABLISHED, "
	    "got SYN_SENT\n", f);
	ck_assert_str_eq(errbuf, want);
	ck_assert_ptr_null(strstr(outbuf, "receives"));
}
END_TEST

START_TEST(test_run_impossible_event_exit_1)
{
	char want[512];
	const char *f = put("imp.scn", "server listen\ndeliver\nsettle\n");

	ck_assert_int_eq(run(f, NULL), TT_EXIT_FAIL);
	snprintf(want, sizeof(want), "%s:2: ", f);
	ck_assert_msg(strncmp(errbuf, want, strlen(want)) == 0, "got '%s'",
	    errbuf);
	ck_assert_ptr_nonnull(strchr(errbuf, '\n'));
}
END_TEST

START_TEST(test_run_parse_error_exit_2_runs_nothing)
{
	char want[512];
	const char *f = put("bad.scn", "server listen\n\nclient conect\n");

	ck_assert_int_eq(run(f, NULL), TT_EXIT_USAGE);
	snprintf(want, sizeof(want), "%s:3:8: unknown command 'conect'; did "
	    "you mean 'connect'?\n", f);
	ck_assert_str_eq(errbuf, want);
	ck_assert_str_eq(outbuf, "");
}
END_TEST

START_TEST(test_run_setup_after_event_exit_2)
{
	char want[512];
	const char *f = put("late.scn", "server listen\n  seed 4\n");

	ck_assert_int_eq(run(f, NULL), TT_EXIT_USAGE);
	snprintf(want, sizeof(want), "%s:2:1: 'seed' is a setup command; it "
	    "must come before the first event\n", f);
	ck_assert_str_eq(errbuf, want);
}
END_TEST

START_TEST(test_run_missing_file_exit_2)
{
	char path[512], want[600];

	snprintf(path, sizeof(path), "%s/none.scn", tmpdir);
	ck_assert_int_eq(run(path, NULL), TT_EXIT_USAGE);
	/* A file that cannot be opened: the command, the file, the reason. */
	snprintf(want, sizeof(want), "tcpteach script: %s: No such file or "
	    "directory\n", path);
	ck_assert_str_eq(errbuf, want);
}
END_TEST

START_TEST(test_run_worst_status_over_files)
{
	const char *ok = put("a.scn", handshake);
	const char *bad = put("b.scn", "bogus\n");
	const char *fail = put("c.scn", "expect client LISTEN\n");

	ck_assert_int_eq(run(fail, ok, NULL), TT_EXIT_FAIL);
	/* Every file runs: the one after the failure printed its trace. */
	ck_assert_ptr_nonnull(strstr(outbuf, "== "));
	ck_assert_ptr_nonnull(strstr(outbuf, "sends #1"));
	ck_assert_int_eq(run(bad, fail, NULL), TT_EXIT_USAGE);
	ck_assert_int_eq(run(fail, bad, ok, NULL), TT_EXIT_USAGE);
	ck_assert_int_eq(run(ok, ok, NULL), TT_EXIT_OK);
}
END_TEST

START_TEST(test_run_quiet_prints_only_errors)
{
	const char *ok = put("ok.scn", handshake);
	const char *fail = put("f.scn", "expect client LISTEN\n");

	ck_assert_int_eq(run("--quiet", ok, NULL), TT_EXIT_OK);
	ck_assert_str_eq(outbuf, "");
	ck_assert_str_eq(errbuf, "");
	ck_assert_int_eq(run(ok, fail, "--quiet", NULL), TT_EXIT_FAIL);
	ck_assert_str_eq(outbuf, "");
	ck_assert_ptr_nonnull(strstr(errbuf, "f.scn:1: expected client "
	    "LISTEN, got CLOSED\n"));
}
END_TEST

START_TEST(test_run_diagram_handshake)
{
	const char *f = put("hs.scn", handshake);

	ck_assert_int_eq(run("--diagram", f, NULL), TT_EXIT_OK);
	ck_assert_str_eq(outbuf,
"      client                                                    server\n"
"  1.  CLOSED                                                    LISTEN\n"
"  2.  SYN_SENT     --> <SEQ=99><CTL=SYN>                    --> "
"SYN_RECEIVED\n"
"  3.  ESTABLISHED  <-- <SEQ=299><ACK=100><CTL=SYN,ACK>      <-- "
"SYN_RECEIVED\n"
"  4.  ESTABLISHED  --> <SEQ=100><ACK=300><CTL=ACK>          --> "
"ESTABLISHED\n");
}
END_TEST

/* Both SYNs cross; the client's SYN+ACK, sent as the server's SYN
 * arrived, is drawn below its own older SYN's arrival, as RFC 9293
 * Figure 7 (simultaneous open) has lines 4 and 5. */
START_TEST(test_diagram_syn_received_synack_below_crossing_syn_arrival)
{
	const char *f = put("so.scn", "isn client 100\nisn server 300\n"
	    "client connect\nserver connect\ndeliver #2\ndeliver #1\n");
	const char *arrive, *reply;

	ck_assert_int_eq(run("--diagram", f, NULL), TT_EXIT_OK);
	arrive = strstr(outbuf, "  4.               ... <SEQ=100><CTL=SYN>"
	    "                   --> SYN_RECEIVED\n");
	reply = strstr(outbuf, "  5.  SYN_RECEIVED --> <SEQ=100><ACK=301>"
	    "<CTL=SYN,ACK>      ...\n");
	ck_assert_msg(arrive != NULL && reply != NULL, "%s", outbuf);
}
END_TEST

/* Each retransmitted SYN says when it went, so the back-off shows, and
 * the far ends stay in one column past the longest text. */
START_TEST(test_diagram_syn_sent_rexmit_rows_show_time)
{
	const char *f = put("st.scn", "isn client 100\nset syn_retries 2\n"
	    "client connect\ndrop\nwait timer\ndrop\nwait timer\ndrop\n"
	    "wait timer\n");

	ck_assert_int_eq(run("--diagram", f, NULL), TT_EXIT_OK);
	ck_assert_str_eq(outbuf,
"      client                                                         "
"server\n"
"  1.  CLOSED                                                         "
"CLOSED\n"
"  2.  SYN_SENT     --> <SEQ=100><CTL=SYN> (lost)                 -x\n"
"  3.  SYN_SENT     --> <SEQ=100><CTL=SYN> (rexmit) (lost) (t=1s) -x\n"
"  4.  SYN_SENT     --> <SEQ=100><CTL=SYN> (rexmit) (lost) (t=3s) -x\n"
"  5.  CLOSED           (t=7s)                                        "
"CLOSED\n");
}
END_TEST

START_TEST(test_run_stdin_dash)
{
	const char *f = put("in.scn", "server listen\nexpect server LISTEN\n"
	    "expect client SYN_SENT\n");

	ck_assert_ptr_nonnull(freopen(f, "r", stdin));
	ck_assert_int_eq(run("-", NULL), TT_EXIT_FAIL);
	ck_assert_str_eq(errbuf, "<stdin>:3: expected client SYN_SENT, got "
	    "CLOSED\n");
}
END_TEST

START_TEST(test_run_usage_errors)
{
	ck_assert_int_eq(run(NULL), TT_EXIT_USAGE);
	ck_assert_ptr_nonnull(strstr(errbuf, "tcpteach script: missing "
	    "FILE\n"));
	ck_assert_int_eq(run("--bogus", "x", NULL), TT_EXIT_USAGE);
	ck_assert_ptr_nonnull(strstr(errbuf, "unknown option '--bogus'"));
	ck_assert_int_eq(run("--help", NULL), TT_EXIT_OK);
	ck_assert_ptr_nonnull(strstr(outbuf, "Usage: "));
	ck_assert_str_eq(errbuf, "");
}
END_TEST

START_TEST(test_run_double_dash_ends_options)
{
	char old[512];

	ck_assert_ptr_nonnull(getcwd(old, sizeof(old)));
	ck_assert_int_eq(chdir(tmpdir), 0);
	put("--quiet", handshake);
	ck_assert_int_eq(run("--", "--quiet", NULL), TT_EXIT_OK);
	ck_assert_ptr_nonnull(strstr(outbuf, "sends #1"));
	ck_assert_int_eq(chdir(old), 0);
}
END_TEST

/* A long run: the trace is drained after every command. */
START_TEST(test_run_long_scenario)
{
	size_t cap = 1u << 20, n = 0;
	char *text = malloc(cap);
	const char *f;

	ck_assert_ptr_nonnull(text);
	n += (size_t)snprintf(text + n, cap - n, "%s", handshake);
	for (int i = 0; i < 5000; i++)
		n += (size_t)snprintf(text + n, cap - n,
		    "client send 10\ndeliver\ndeliver\n");
	f = put("long.scn", text);
	free(text);
	ck_assert_int_eq(run("--quiet", f, NULL), TT_EXIT_OK);
	ck_assert_str_eq(errbuf, "");
}
END_TEST

/* ------------------------------------------------------ trace lines */

static struct sim_ev
ev_tcp(enum tcp_ev_kind k, enum sim_host_id h, uint64_t t)
{
	struct sim_ev ev;

	memset(&ev, 0, sizeof(ev));
	ev.kind = SIM_EV_TCP;
	ev.host = h;
	ev.time = t;
	ev.tcp.kind = k;
	return ev;
}

static struct flight
fl(uint32_t id, enum sim_dir dir, uint8_t flags, uint32_t seq, uint32_t ack,
    uint16_t len)
{
	struct flight f;

	memset(&f, 0, sizeof(f));
	f.id = id;
	f.dir = dir;
	f.seg.flags = flags;
	f.seg.seq = seq;
	f.seg.ack = ack;
	f.seg.len = len;
	return f;
}

START_TEST(test_trace_lines)
{
	char buf[512];
	struct sim_ev ev = ev_tcp(TCP_EV_SEND, HOST_SERVER, 1250);

	ev.flight = fl(2, DIR_S2C, TCP_SYN | TCP_ACK, 299, 100, 0);
	ev.tcp.rexmit = true;
	ck_assert_str_eq(script_trace_line(&ev, buf, sizeof(buf)),
	    "     1.250s  server  sends #2 s>c SYN+ACK seq=299 ack=100 len=0 "
	    "again");
	ev = ev_tcp(TCP_EV_NOTICE, HOST_CLIENT, 240000);
	ev.tcp.notice = TCP_N_EOF;
	ck_assert_str_eq(script_trace_line(&ev, buf, sizeof(buf)),
	    "   240.000s  client  tells the application: eof");
	ev = ev_tcp(TCP_EV_DATA, HOST_CLIENT, 0);
	ev.tcp.bytes = 5;
	ck_assert_str_eq(script_trace_line(&ev, buf, sizeof(buf)),
	    "     0.000s  client  hands 5 bytes to the application");
	memset(&ev, 0, sizeof(ev));
	ev.kind = SIM_EV_LOST;
	ev.flight = fl(4, DIR_C2S, TCP_FIN | TCP_ACK, 100, 300, 0);
	ck_assert_str_eq(script_trace_line(&ev, buf, sizeof(buf)),
	    "     0.000s  wire    loses #4 c>s FIN+ACK seq=100 ack=300 len=0");
	ev.kind = SIM_EV_DUP;
	ev.flight.dup_of = 3;
	ck_assert_str_eq(script_trace_line(&ev, buf, sizeof(buf)),
	    "     0.000s  wire    copies #3 as #4 c>s FIN+ACK seq=100 ack=300 "
	    "len=0");
	ev.kind = SIM_EV_DELIVER;
	ev.host = HOST_SERVER;
	ck_assert_str_eq(script_trace_line(&ev, buf, sizeof(buf)),
	    "     0.000s  server  receives #4 c>s FIN+ACK seq=100 ack=300 "
	    "len=0");
	ck_assert_str_eq(script_trace_line(&ev, buf, 12), "     0.000s");
}
END_TEST

/* ---------------------------------------------------------- diagram */

struct lines {
	char text[4096];
};

static void
collect(void *ctx, const char *line)
{
	struct lines *l = ctx;

	strncat(l->text, line, sizeof(l->text) - strlen(l->text) - 2);
	strcat(l->text, "\n");
}

static void
dg_wire(struct diagram *d, enum sim_ev_kind k, enum sim_host_id h,
    struct flight f)
{
	struct sim_ev ev;

	memset(&ev, 0, sizeof(ev));
	ev.kind = k;
	ev.host = h;
	ev.flight = f;
	diagram_event(d, &ev);
}

static void
dg_send(struct diagram *d, enum sim_host_id h, struct flight f)
{
	struct sim_ev ev = ev_tcp(TCP_EV_SEND, h, 0);

	ev.flight = f;
	diagram_event(d, &ev);
}

static void
dg_state(struct diagram *d, enum sim_host_id h, enum tcp_state from,
    enum tcp_state to)
{
	struct sim_ev ev = ev_tcp(TCP_EV_STATE, h, 0);

	ev.tcp.from = from;
	ev.tcp.to = to;
	diagram_event(d, &ev);
}

START_TEST(test_diagram_loss_dup_inject_and_late_delivery)
{
	struct lines l = { "" };
	struct diagram d;
	struct flight syn = fl(1, DIR_C2S, TCP_SYN, 100, 0, 0);
	struct flight data = fl(3, DIR_C2S, TCP_PSH | TCP_ACK, 101, 301, 20);

	diagram_init(&d, collect, &l);
	diagram_command(&d);
	dg_state(&d, HOST_CLIENT, TCP_CLOSED, TCP_SYN_SENT);
	dg_send(&d, HOST_CLIENT, syn);
	diagram_command(&d);
	dg_wire(&d, SIM_EV_LOST, HOST_SERVER, syn);
	diagram_command(&d);
	syn.origin = ORIGIN_INJECT;
	syn.id = 2;
	dg_wire(&d, SIM_EV_INJECT, HOST_CLIENT, syn);
	diagram_command(&d);
	dg_wire(&d, SIM_EV_DELIVER, HOST_SERVER, syn);
	diagram_command(&d);
	dg_send(&d, HOST_CLIENT, data);
	diagram_command(&d);
	data.origin = ORIGIN_DUP;
	data.dup_of = 3;
	data.id = 4;
	dg_wire(&d, SIM_EV_DUP, HOST_CLIENT, data);
	diagram_command(&d);
	data.origin = ORIGIN_SENT;
	data.id = 3;
	dg_wire(&d, SIM_EV_EXPIRED, HOST_SERVER, data);
	diagram_command(&d);
	dg_state(&d, HOST_SERVER, TCP_CLOSED, TCP_LISTEN);
	diagram_finish(&d);
	/* The middle is as wide as its longest text: the far ends stay in
	 * one column. */
	ck_assert_str_eq(l.text,
"      client                                                     "
"                    server\n"
"  1.  CLOSED                                                     "
"                    CLOSED\n"
"  2.  SYN_SENT     --> <SEQ=100><CTL=SYN> (lost)                 "
"                -x\n"
"  3.               ... <SEQ=100><CTL=SYN> (injected)             "
"                --> CLOSED\n"
"  4.  SYN_SENT     --> <SEQ=101><ACK=301><CTL=PSH,ACK><DATA=20>  "
"                ...\n"
"  5.               ... <SEQ=101><ACK=301><CTL=PSH,ACK><DATA=20> ("
"dup #3)         ...\n"
"  6.               ... <SEQ=101><ACK=301><CTL=PSH,ACK><DATA=20> ("
"expired) (t=0s) -x\n"
"  7.  SYN_SENT                                                   "
"                    LISTEN\n");
}
END_TEST

/* Tab on a half-typed word: one candidate is completed with a space,
 * several are cut to what they share and listed. */
START_TEST(test_complete_words_hosts_states_settings)
{
	char out[128], list[512];

	ck_assert_uint_eq(script_complete("ser", out, sizeof(out), list,
	    sizeof(list)), 1);
	ck_assert_str_eq(out, "server ");
	ck_assert_uint_eq(script_complete("server li", out, sizeof(out), list,
	    sizeof(list)), 1);
	ck_assert_str_eq(out, "server listen ");
	ck_assert_uint_eq(script_complete("expect client TIME", out,
	    sizeof(out), list, sizeof(list)), 1);
	ck_assert_str_eq(out, "expect client TIME_WAIT ");
	ck_assert_uint_ge(script_complete("set syn", out, sizeof(out), list,
	    sizeof(list)), 2);
	ck_assert_str_eq(out, "set syn");
	ck_assert_ptr_nonnull(strstr(list, "syn_retries"));
	ck_assert_ptr_nonnull(strstr(list, "syn_linear_timeouts"));
	ck_assert_uint_eq(script_complete("xyz", out, sizeof(out), list,
	    sizeof(list)), 0);
	ck_assert_str_eq(out, "xyz");
}
END_TEST

START_TEST(test_complete_help_lists_and_explains)
{
	char buf[1024];

	script_complete_help(NULL, buf, sizeof(buf));
	ck_assert_ptr_nonnull(strstr(buf, "Scenario commands"));
	ck_assert_ptr_nonnull(strstr(buf, " deliver"));
	script_complete_help("deliver", buf, sizeof(buf));
	ck_assert_ptr_nonnull(strstr(buf, "deliver [SEL]: "));
	script_complete_help("bogus", buf, sizeof(buf));
	ck_assert_ptr_nonnull(strstr(buf, "No scenario command bogus"));
}
END_TEST

/* Parse lines into cmds; returns how many. */
static size_t
parse_lines(const char *const *lines, struct cmd *cmds, size_t max)
{
	struct script_err err;
	size_t n = 0;

	for (; *lines != NULL && n < max; lines++) {
		memset(&err, 0, sizeof(err));
		ck_assert_int_eq(script_parse_line(*lines, 0, &cmds[n], &err),
		    1);
		n++;
	}
	return n;
}

/* The handshake written as a capture: the pcap header, then three
 * records of a 20-byte IP and a 20-byte TCP header each. */
START_TEST(test_pcap_write_handshake_three_segments)
{
	static const char *const lines[] = {
		"server listen", "client connect", "settle", NULL
	};
	struct cmd cmds[8];
	size_t n = parse_lines(lines, cmds, 8), nsegs = 0;
	char path[512], err[256];
	FILE *f;
	long size;

	snprintf(path, sizeof(path), "%s/s.pcap", tmpdir);
	ck_assert(script_pcap_write(cmds, n, path, &nsegs, err, sizeof(err)));
	ck_assert_uint_eq(nsegs, 3);
	f = fopen(path, "rb");
	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(fseek(f, 0, SEEK_END), 0);
	size = ftell(f);
	fclose(f);
	ck_assert_int_eq(size, 24 + 3 * (16 + 40));
	snprintf(path, sizeof(path), "%s/none/s.pcap", tmpdir);
	ck_assert(!script_pcap_write(cmds, n, path, &nsegs, err, sizeof(err)));
	ck_assert_ptr_nonnull(strstr(err, "Cannot write"));
	ck_assert_ptr_nonnull(strstr(err, "none/s.pcap"));
}
END_TEST

/* A saved list of commands is a scenario the runner replays; a file
 * that cannot be written is an error naming it. */
START_TEST(test_save_file_replays_with_expects)
{
	static const char *const lines[] = {
		"server listen", "client connect", "settle",
		"expect client ESTABLISHED", NULL
	};
	struct cmd cmds[8];
	size_t n = parse_lines(lines, cmds, 8);
	char path[512], err[256];

	snprintf(path, sizeof(path), "%s/s.scn", tmpdir);
	ck_assert(script_save_file(cmds, n, path, err, sizeof(err)));
	ck_assert_int_eq(run(path, NULL), 0);
	ck_assert_ptr_nonnull(strstr(outbuf, "ESTABLISHED"));
	snprintf(path, sizeof(path), "%s/none/s.scn", tmpdir);
	ck_assert(!script_save_file(cmds, n, path, err, sizeof(err)));
	ck_assert_ptr_nonnull(strstr(err, "Cannot save"));
}
END_TEST

/* The menu offers a delivery of the oldest segment in flight, and knows a
 * second listen is impossible. */
START_TEST(test_menu_deliver_oldest_listen_twice_impossible)
{
	static const char *const lines[] = {
		"server listen", "client connect", NULL
	};
	struct cmd cmds[4], c;
	struct sim_result res;
	struct world w;
	size_t n = parse_lines(lines, cmds, 4);

	world_init(&w);
	(void)world_replay(&w, cmds, n, &res, NULL, NULL);
	menu_make(&w, CMD_DELIVER, 0, 0, &c);
	ck_assert_int_eq(c.sel.kind, SEL_ID);
	ck_assert_uint_eq(c.sel.id, menu_selected(&w, 0)->id);
	ck_assert(menu_possible(&w, &c));
	menu_make(&w, CMD_LISTEN, HOST_SERVER, 0, &c);
	ck_assert(!menu_possible(&w, &c));
	world_free(&w);
}
END_TEST

static Suite *
script_suite(void)
{
	Suite *s = suite_create("script");
	TCase *tc = tcase_create("runner");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_run_passing_file_exit_0);
	tcase_add_test(tc, test_run_failing_expect_exit_1_stops_file);
	tcase_add_test(tc, test_run_impossible_event_exit_1);
	tcase_add_test(tc, test_run_parse_error_exit_2_runs_nothing);
	tcase_add_test(tc, test_run_setup_after_event_exit_2);
	tcase_add_test(tc, test_run_missing_file_exit_2);
	tcase_add_test(tc, test_run_worst_status_over_files);
	tcase_add_test(tc, test_run_quiet_prints_only_errors);
	tcase_add_test(tc, test_run_diagram_handshake);
	tcase_add_test(tc,
	    test_diagram_syn_received_synack_below_crossing_syn_arrival);
	tcase_add_test(tc, test_diagram_syn_sent_rexmit_rows_show_time);
	tcase_add_test(tc, test_run_stdin_dash);
	tcase_add_test(tc, test_run_usage_errors);
	tcase_add_test(tc, test_run_double_dash_ends_options);
	tcase_add_test(tc, test_run_long_scenario);
	suite_add_tcase(s, tc);
	tc = tcase_create("output");
	tcase_add_test(tc, test_trace_lines);
	tcase_add_test(tc, test_diagram_loss_dup_inject_and_late_delivery);
	suite_add_tcase(s, tc);

	tc = tcase_create("front ends");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_complete_words_hosts_states_settings);
	tcase_add_test(tc, test_complete_help_lists_and_explains);
	tcase_add_test(tc, test_pcap_write_handshake_three_segments);
	tcase_add_test(tc, test_save_file_replays_with_expects);
	tcase_add_test(tc, test_menu_deliver_oldest_listen_twice_impossible);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(script_suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
