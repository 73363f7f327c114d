/*
 * Check tests of the kernel lab's parts that need no privileges: the
 * packets it crafts for `inject` (checksums a receiving kernel accepts),
 * reading packets, the kernel's state numbers, and `script --compare`
 * and the runner's lab options with a stand-in lab.
 *
 * Data model: the stand-in lab is the simulated world itself, left at
 * profile rfc9293 while --compare puts the core at profile linux, so
 * the two differ in a known, deterministic way (TIME_WAIT lasts 4min
 * instead of 60s) and the comparison, the known-differences file and the
 * exit statuses can be tested without namespaces.  The same stand-in is
 * the lab behind a learner's session (script/labsess.h), as the lab
 * screen drives it.
 */
#include <config.h>

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lab/lab_int.h"
#include "script/labsess.h"
#include "script/parse.h"
#include "script/run.h"
#include "check_files_util.h"

static char outbuf[65536], errbuf[8192];

static void
setup(void)
{
	files_setup("lab");
}

/* The one's-complement sum of a buffer plus start; 0xffff means valid. */
static unsigned
sum16(unsigned sum, const unsigned char *p, size_t len)
{
	for (size_t i = 0; i + 1 < len; i += 2)
		sum += (unsigned)p[i] << 8 | p[i + 1];
	if (len & 1)
		sum += (unsigned)p[len - 1] << 8;
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return sum;
}

START_TEST(test_inject_rst_checksums_valid)
{
	static unsigned char pkt[LAB_MTU];
	struct cmd_segspec s = { .flags = TCP_RST | TCP_ACK, .seq = 101,
	    .ack = 4294967295u, .has_seq = true, .has_ack = true, .len = 3 };
	size_t n = lab_pkt_craft(pkt, HOST_CLIENT, &s);
	unsigned pseudo = (lab_addr(0) >> 16) + (lab_addr(0) & 0xffff) +
	    (lab_addr(1) >> 16) + (lab_addr(1) & 0xffff) + 6 +
	    (unsigned)(n - 20);

	ck_assert_uint_eq(n, 20 + 20 + 3);
	ck_assert_uint_eq(sum16(0, pkt, 20), 0xffff);
	ck_assert_uint_eq(sum16(pseudo, pkt + 20, n - 20), 0xffff);
	/* 10.9.0.1:40001 -> 10.9.0.2:8080 */
	ck_assert_uint_eq(pkt[15], 1);
	ck_assert_uint_eq(pkt[19], 2);
	ck_assert_uint_eq((unsigned)pkt[22] << 8 | pkt[23], 8080);
}
END_TEST

START_TEST(test_inject_parses_back_to_its_fields)
{
	static unsigned char pkt[LAB_MTU];
	struct cmd_segspec s = { .flags = TCP_SYN, .seq = 90, .ack = 77 };
	struct tcp_seg seg;
	size_t n = lab_pkt_craft(pkt, HOST_SERVER, &s);

	ck_assert(lab_pkt_parse(pkt, n, &seg));
	ck_assert_uint_eq(seg.flags, TCP_SYN);
	ck_assert_uint_eq(seg.seq, 90);
	ck_assert_uint_eq(seg.ack, 0);		/* no ACK bit, no number */
	ck_assert_uint_eq(seg.len, 0);
	ck_assert_uint_eq(pkt[15], 2);		/* from the server */
}
END_TEST

START_TEST(test_parse_rejects_truncated_and_non_tcp)
{
	static unsigned char pkt[LAB_MTU];
	struct cmd_segspec s = { .flags = TCP_ACK, .len = 10 };
	struct tcp_seg seg;
	size_t n = lab_pkt_craft(pkt, HOST_CLIENT, &s);

	ck_assert(!lab_pkt_parse(pkt, n - 1, &seg));	/* IP length lies */
	ck_assert(!lab_pkt_parse(pkt, 19, &seg));
	pkt[9] = 17;					/* UDP */
	ck_assert(!lab_pkt_parse(pkt, n, &seg));
}
END_TEST

START_TEST(test_kernel_states_map_to_rfc_names)
{
	ck_assert_int_eq(lab_kstate(1), TCP_ESTABLISHED);
	ck_assert_int_eq(lab_kstate(3), TCP_SYN_RECEIVED);
	ck_assert_int_eq(lab_kstate(12), TCP_SYN_RECEIVED);	/* request */
	ck_assert_int_eq(lab_kstate(5), TCP_FIN_WAIT_2);
	ck_assert_int_eq(lab_kstate(6), TCP_TIME_WAIT);
	ck_assert_int_eq(lab_kstate(7), TCP_CLOSED);
	ck_assert_int_eq(lab_kstate(10), TCP_LISTEN);
	ck_assert_int_eq(lab_kstate(11), TCP_CLOSING);
	ck_assert_int_eq(lab_kstate(99), TCP_CLOSED);
}
END_TEST

/* ------------------------------------------- --compare, stand-in lab */

static int
fake_open(struct wbackend *b, const char *pcap, bool keep, char *err,
    size_t size)
{
	(void)pcap;
	(void)err;
	(void)size;
	wbackend_sim(b, keep);		/* stays at profile rfc9293 */
	return 0;
}

static int
fail_open(struct wbackend *b, const char *pcap, bool keep, char *err,
    size_t size)
{
	(void)b;
	(void)pcap;
	(void)keep;
	snprintf(err, size, "no /dev/net/tun here");
	return 2;
}

static const char *
fake_describe(struct wbackend *b, char *buf, size_t size)
{
	(void)b;
	snprintf(buf, size, "stand-in");
	return buf;
}

static const struct script_lab fake = { .open = fake_open,
    .describe = fake_describe };
static const struct script_lab broken = { .open = fail_open,
    .describe = fake_describe };

static int
cli(const struct script_lab *lab, const char *a1, const char *a2,
    const char *a3, const char *a4)
{
	const char *args[5] = { "script", a1, a2, a3, a4 };
	static char store[5][512];
	char *argv[6];
	int argc = a4 ? 5 : a3 ? 4 : a2 ? 3 : 2;
	FILE *out = fmemopen(outbuf, sizeof(outbuf), "w");
	FILE *err = fmemopen(errbuf, sizeof(errbuf), "w");
	int rc;

	for (int i = 0; i < argc; i++) {
		snprintf(store[i], sizeof(store[i]), "%s", args[i]);
		argv[i] = store[i];
	}
	argv[argc] = NULL;
	memset(outbuf, 0, sizeof(outbuf));
	memset(errbuf, 0, sizeof(errbuf));
	rc = script_cli_lab(argc, argv, out, err, lab);
	fclose(out);
	fclose(err);
	return rc;
}

/* delayed_ack off: the stand-in (rfc9293) ACKs at once, so the one
 * difference left is how long TIME_WAIT lasts. */
#define TIME_WAIT_SCN \
	"set delayed_ack off\nserver listen\nclient connect\nsettle\nclient close\nsettle\n" \
	"server close\nsettle\nwait 61s\nexpect client CLOSED\n"

START_TEST(test_compare_time_wait_difference_fails)
{
	const char *f = put("tw.scn", TIME_WAIT_SCN);

	ck_assert_int_eq(cli(&fake, "--compare", f, NULL, NULL), 1);
	ck_assert_ptr_nonnull(strstr(outbuf, "tw.scn:9: wait 61s\n"));
	ck_assert_ptr_nonnull(strstr(outbuf, "  state client: core: CLOSED "
	    "| kernel: TIME_WAIT\n"));
	ck_assert_ptr_nonnull(strstr(outbuf, "tw.scn:10: expect client "
	    "CLOSED\n  status: core: ok | kernel: expected client CLOSED, "
	    "got TIME_WAIT\n"));
	ck_assert_ptr_nonnull(strstr(outbuf, "# stand-in\n"));
}
END_TEST

START_TEST(test_compare_known_difference_passes)
{
	const char *f = put("tw.scn", TIME_WAIT_SCN);

	put("known-differences", "# reasons\n"
	    "tw 9- any the stand-in keeps TIME_WAIT 4min\n");
	ck_assert_int_eq(cli(&fake, "--compare", f, NULL, NULL), 0);
	ck_assert_ptr_nonnull(strstr(outbuf, "    known: the stand-in "
	    "keeps TIME_WAIT 4min\n"));
	ck_assert_ptr_nonnull(strstr(outbuf, "0 differences, 3 known"));
}
END_TEST

START_TEST(test_compare_known_line_not_matching_still_fails)
{
	const char *f = put("tw.scn", TIME_WAIT_SCN);
	const char *k = put("k", "tw 10 status only the expect\n");

	ck_assert_int_eq(cli(&fake, "--compare", "--known", k, f), 1);
	ck_assert_ptr_nonnull(strstr(outbuf, "2 differences, 1 known"));
}
END_TEST

START_TEST(test_compare_bad_known_file_exit_2)
{
	const char *f = put("tw.scn", TIME_WAIT_SCN);
	const char *k = put("k", "tw 9 colour no such aspect\n");

	ck_assert_int_eq(cli(&fake, "--compare", "--known", k, f), 2);
	ck_assert_ptr_nonnull(strstr(errbuf, "k:1: expected NAME LINE ASPECT "
	    "REASON"));
}
END_TEST

START_TEST(test_compare_same_worlds_exit_0)
{
	const char *f = put("ok.scn", "profile linux\nserver listen\n"
	    "client connect\nsettle\nexpect server ESTABLISHED\n");

	put("known-differences", "ok 3 segments was once different\n"
	    "other 3 segments another scenario's\n");
	ck_assert_int_eq(cli(&fake, "--compare", f, NULL, NULL), 0);
	ck_assert_ptr_nonnull(strstr(outbuf, "5 commands, 0 differences, "
	    "0 known"));
	/* Each side's totals, the line tests/lab-table.sh reads. */
	ck_assert_ptr_nonnull(strstr(outbuf, "# core: 3 segments sent, "
	    "client ESTABLISHED, server ESTABLISHED | kernel: 3 segments "
	    "sent, client ESTABLISHED, server ESTABLISHED\n"));
	/* The stale line is named; the other scenario's is not. */
	ck_assert_ptr_nonnull(strstr(outbuf, "# no longer differs (remove it "
	    "from the known differences): ok line 3 segments: was once "
	    "different\n"));
	ck_assert_ptr_null(strstr(outbuf, "another"));
}
END_TEST

START_TEST(test_lab_options_misused_exit_2)
{
	const char *f = put("a.scn", "client connect\n");
	const char *g = put("b.scn", "server listen\n");
	char out[600];

	/* --pcap no longer needs --lab (a simulated run is written too),
	 * but it takes one scenario file. */
	snprintf(out, sizeof(out), "%s/x.pcap", tmpdir);
	ck_assert_int_eq(cli(&fake, "--pcap", out, f, g), 2);
	ck_assert_ptr_nonnull(strstr(errbuf, "--pcap takes one scenario "
	    "file"));
	ck_assert_int_eq(access(out, F_OK), -1);
	ck_assert_int_eq(cli(&fake, "--pcap", out, f, NULL), 0);
	ck_assert_int_eq(access(out, F_OK), 0);
	ck_assert_int_eq(cli(&fake, "--lab", "--compare", f, NULL), 2);
	ck_assert_int_eq(cli(NULL, "--lab", f, NULL, NULL), 2);
	ck_assert_ptr_nonnull(strstr(errbuf, "no kernel lab"));
	ck_assert_int_eq(cli(&fake, "--known", "k", f, NULL), 2);
}
END_TEST

START_TEST(test_lab_that_cannot_start_exit_2)
{
	const char *f = put("a.scn", "client connect\n");

	ck_assert_int_eq(cli(&broken, "--lab", f, NULL, NULL), 2);
	ck_assert_str_eq(errbuf, "tcpteach script: no /dev/net/tun here\n");
}
END_TEST

/* --pcap into a directory that does not exist: refused before any
 * namespace is made, with the path and the system's reason. */
START_TEST(test_lab_pcap_unwritable_refused_with_reason)
{
	struct wbackend b = { 0 };
	char err[512] = "";

	ck_assert_int_eq(lab_backend_open(&b, "/nonexistent-dir/x.pcap",
	    false, err, sizeof(err)), TT_EXIT_USAGE);
	ck_assert_ptr_null(b.ops);
	ck_assert_ptr_nonnull(strstr(err, "cannot write the pcap file "
	    "/nonexistent-dir/x.pcap: No such file or directory"));
}
END_TEST

/* ------------------------------------ the lab behind a session */

static struct labsess ls;
static struct session sess;
static char said[2048];		/* what profile linux would have done */

static const char *
kernel_describe(struct wbackend *b, char *buf, size_t size)
{
	(void)b;
	snprintf(buf, size, "Linux 6.1.0; sysctls: tcp_fin_timeout=60");
	return buf;
}

/* A kernel retransmits its SYN by itself while the screen waits. */
static void
kernel_pump(struct wbackend *b)
{
	struct cmd w = { .kind = CMD_WAIT_TIMER };
	struct sim_result res;

	(void)wbackend_apply(b, &w, &res);
}

static void
kernel_poll_fds(struct wbackend *b, int fds[2])
{
	(void)b;
	fds[0] = 7;
	fds[1] = 8;
}

static const struct script_lab kernels = { fake_open, kernel_describe,
    kernel_poll_fds, kernel_pump, NULL };

static bool
sess_rebuild(struct session *s)
{
	char err[256];

	return labsess_rebuild(&ls, s, err, sizeof(err));
}

static bool
sess_observe(struct session *s, const struct cmd *c, const struct sim_ev *ev,
    size_t n, char *line, size_t size)
{
	size_t k = strlen(said);

	if (!labsess_observe(&ls, s, c, ev, n, line, size))
		return false;
	snprintf(said + k, sizeof(said) - k, "%s\n", line);
	return true;
}

static void
sess_setup(void)
{
	char err[256] = "";

	ck_assert_int_eq(labsess_open(&ls, &kernels, NULL, err, sizeof(err)),
	    0);
	session_init(&sess);
	labsess_attach(&ls, &sess, NULL, NULL);
	sess.rebuild = sess_rebuild;
	sess.observe = sess_observe;
	said[0] = '\0';
}

static void
sess_teardown(void)
{
	session_free(&sess);
	labsess_free(&ls);
}

static void
sess_do(const char *line)
{
	struct script_err err;
	struct cmd c;

	ck_assert_int_eq(script_parse_line(line, 1, &c, &err), 1);
	ck_assert_msg(session_do(&sess, &c) == SIM_OK, "%s refused", line);
}

static enum tcp_state
kstate(enum sim_host_id h)
{
	return ls.be.ops->state(ls.be.self, h);
}

/* The boxes' title names the kernel, not its sysctls; the session's
 * commands go to the lab, its own world says what kernels start with. */
START_TEST(test_labsess_closed_listen_goes_to_lab_kernel_named)
{
	char title[96];

	ck_assert_str_eq(ls.kernel, "Linux 6.1.0");
	ck_assert_str_eq(labsess_title(&ls, HOST_SERVER, title,
	    sizeof(title)), "server, kernel Linux 6.1.0");
	ck_assert_ptr_eq(sess.be, &ls.be);
	ck_assert_uint_eq(sess.be_t0, ls.t0);
	ck_assert_int_eq(sess.w.profile, PROFILE_LINUX);
	sess_do("server listen");
	ck_assert_int_eq(kstate(HOST_SERVER), TCP_LISTEN);
	ck_assert_int_eq(sess.w.host[HOST_SERVER].tcb.state, TCP_CLOSED);
}
END_TEST

START_TEST(test_labsess_lab_that_cannot_start_says_why)
{
	struct labsess l;
	char err[256] = "";

	ck_assert_int_eq(labsess_open(&l, &broken, NULL, err, sizeof(err)),
	    2);
	ck_assert_str_eq(err, "no /dev/net/tun here");
	labsess_free(&l);
}
END_TEST

/* Undo cannot wind a kernel back: a new lab, the commands replayed into
 * it; a lab that cannot open again leaves the session on its world, and
 * nothing to wait on. */
START_TEST(test_labsess_syn_received_undo_rebuilds_and_replays)
{
	uint64_t t0 = ls.t0;
	int fds[2];

	sess_do("server listen");
	sess_do("client connect");
	sess_do("deliver");
	ck_assert_int_eq(kstate(HOST_SERVER), TCP_SYN_RECEIVED);
	ck_assert(session_undo(&sess));
	ck_assert_uint_ge(ls.t0, t0);
	ck_assert_uint_eq(sess.be_t0, ls.t0);
	ck_assert_int_eq(kstate(HOST_SERVER), TCP_LISTEN);
	ck_assert_int_eq(kstate(HOST_CLIENT), TCP_SYN_SENT);
	ls.lab = &broken;
	ck_assert(session_undo(&sess));
	ck_assert_ptr_null(sess.be);
	ck_assert_int_eq(labsess_poll_fds(&ls, fds, 2), 0);
	ck_assert(!labsess_pump(&ls, &sess));
	ls.lab = &kernels;
}
END_TEST

/* The stand-in (profile rfc9293) closes with unread data by RST alone;
 * Linux sends RST+ACK: profile linux beside it says so at that step,
 * and nothing before. */
START_TEST(test_labsess_estab_close_unread_profile_linux_differs)
{
	static const char *const steps[] = {
		"set app_read manual", "server listen", "client connect",
		"settle", "client send 100", "deliver c>s", NULL
	};

	for (size_t i = 0; steps[i] != NULL; i++)
		sess_do(steps[i]);
	ck_assert_msg(said[0] == '\0', "said: %s", said);
	sess_do("server close");
	ck_assert_str_eq(said, "Profile linux would have sent s>c RST+ACK "
	    "seq=1 ack=101 here, not s>c RST seq=1. "
	    "(Numbers relative to each side's ISN.)\n");
	/* Kept with its step, for the event log; a step done again (undo
	 * replays every step) says it again, once. */
	ck_assert_uint_eq(sess.recs[6].nsays, 1);
	ck_assert_str_eq(sess.recs[6].says[0], "Profile linux would have "
	    "sent s>c RST+ACK seq=1 ack=101 here, not s>c RST seq=1. "
	    "(Numbers relative to each side's ISN.)");
	for (size_t i = 0; i < 6; i++)
		ck_assert_uint_eq(sess.recs[i].nsays, 0);
	ck_assert(session_undo(&sess));
	ck_assert(session_redo(&sess));
	ck_assert_uint_eq(sess.recs[6].nsays, 1);
}
END_TEST

/* A what-if switch pressed a moment after the lab opened: the kernels
 * take the set, and so does profile linux beside them, which follows on
 * (its clock waits for the first event). */
START_TEST(test_labsess_closed_set_after_clock_ran_shadow_follows)
{
	usleep(5000);
	sess_do("set delayed_ack off");
	sess_do("server listen");
	ck_assert_msg(said[0] == '\0', "said: %s", said);
	ck_assert(ls.sh.following);
	ck_assert(!ls.sh.w.cfg.delayed_ack);
}
END_TEST

/* What a kernel sends by itself reaches the session when the screen
 * pumps: the SYN again, in flight beside the first. */
START_TEST(test_labsess_syn_sent_pump_feeds_kernel_retransmission)
{
	int fds[2] = { -1, -1 };

	ck_assert_int_eq(labsess_poll_fds(&ls, fds, 1), 0);
	ck_assert_int_eq(labsess_poll_fds(&ls, fds, 2), 2);
	ck_assert(fds[0] == 7 && fds[1] == 8);
	sess_do("server listen");
	sess_do("client connect");
	ck_assert_uint_eq(sess.w.nwire, 1);
	ck_assert(labsess_pump(&ls, &sess));
	ck_assert_uint_eq(sess.w.nwire, 2);
	ck_assert(sess.w.wire[1].seg.flags & TCP_SYN);
}
END_TEST

/* The lab's clock moves the session's on, once a second, only while a
 * kernel has a timer armed; an idle lab never wakes. */
START_TEST(test_labsess_syn_sent_clock_runs_while_timer_armed)
{
	uint64_t t0 = sess.be_t0;

	ck_assert(!labsess_clock(&sess, t0 + 2500));
	ck_assert_int_eq(labsess_wake(&sess, t0 + 2500), -1);
	ck_assert_uint_eq(sess.w.now, 0);
	sess_do("server listen");
	sess_do("client connect");	/* its RTO is armed */
	ck_assert(sess.w.host[HOST_CLIENT].tcb.armed[TCP_T_REXMT]);
	ck_assert(labsess_clock(&sess, t0 + 2500));
	ck_assert_uint_eq(sess.w.now, 2500);
	ck_assert_int_eq(labsess_wake(&sess, t0 + 2500), 500);
	ck_assert(!labsess_clock(&sess, t0 - 1));
}
END_TEST

/* The menu's old duplicate SYN: 10 below the ISS the kernel chose, as
 * the ladder saw it (RFC 9293 Figure 8); not in CLOSED or LISTEN, where
 * no ISS is chosen yet, and only for an inject. */
START_TEST(test_labsess_syn_sent_old_syn_below_kernel_iss)
{
	struct ladder lad;
	struct cmd c = { .kind = CMD_INJECT, .dir = DIR_C2S,
	    .seg = { .seq = 90 } };

	memset(&lad, 0, sizeof(lad));
	lad.host[HOST_CLIENT].state = TCP_LISTEN;
	lad.host[HOST_CLIENT].niss = 1;
	lad.host[HOST_CLIENT].iss[0] = 5000;
	labsess_old_syn(&lad, &c);
	ck_assert_uint_eq(c.seg.seq, 90);
	lad.host[HOST_CLIENT].state = TCP_SYN_SENT;
	labsess_old_syn(&lad, &c);
	ck_assert_uint_eq(c.seg.seq, 4990);
	c.kind = CMD_DELIVER;
	c.seg.seq = 90;
	labsess_old_syn(&lad, &c);
	ck_assert_uint_eq(c.seg.seq, 90);
}
END_TEST

/* Item: a second connection on the same ports whose ISN lies "before"
 * the first one's SND.NXT (Linux's ISN clock wraps): its first FIN was
 * marked a retransmission in the event log. */
static bool
nums_send(struct lab *l, int h, uint32_t seq, uint32_t ack, uint8_t flags)
{
	struct tcp_seg s = { .seq = seq, .ack = ack, .flags = flags };
	bool again = lab_wire_nums(l, h, &s);

	l->host[h].has_sent = true;
	return again;
}

START_TEST(test_closed_new_incarnation_fin_not_rexmit)
{
	static struct lab l;
	int s = HOST_SERVER;

	memset(&l, 0, sizeof(l));
	/* The first connection: SYN+ACK, then FIN, then that FIN again. */
	ck_assert(!nums_send(&l, s, 3000000000u, 1001, TCP_SYN | TCP_ACK));
	ck_assert(!nums_send(&l, s, 3000000001u, 1002, TCP_FIN | TCP_ACK));
	ck_assert(nums_send(&l, s, 3000000001u, 1002, TCP_FIN | TCP_ACK));
	/* The second, its ISN 2^31 + 100 "before" the first's SND.NXT. */
	ck_assert(!nums_send(&l, s, 852516452u, 7001, TCP_SYN | TCP_ACK));
	ck_assert(nums_send(&l, s, 852516452u, 7001, TCP_SYN | TCP_ACK));
	ck_assert(!nums_send(&l, s, 852516453u, 7002, TCP_FIN | TCP_ACK));
	ck_assert(nums_send(&l, s, 852516453u, 7002, TCP_FIN | TCP_ACK));
	ck_assert_uint_eq(l.host[s].nums.snd_nxt, 852516454u);
}
END_TEST

static Suite *
lab_suite(void)
{
	Suite *s = suite_create("lab");
	TCase *pk = tcase_create("packets");
	TCase *cmp = tcase_create("compare");
	TCase *ses = tcase_create("session");

	tcase_add_test(pk, test_inject_rst_checksums_valid);
	tcase_add_test(pk, test_inject_parses_back_to_its_fields);
	tcase_add_test(pk, test_parse_rejects_truncated_and_non_tcp);
	tcase_add_test(pk, test_kernel_states_map_to_rfc_names);
	tcase_add_test(pk, test_closed_new_incarnation_fin_not_rexmit);
	tcase_add_test(pk, test_lab_pcap_unwritable_refused_with_reason);
	suite_add_tcase(s, pk);
	tcase_add_checked_fixture(cmp, setup, teardown);
	tcase_add_test(cmp, test_compare_time_wait_difference_fails);
	tcase_add_test(cmp, test_compare_known_difference_passes);
	tcase_add_test(cmp, test_compare_known_line_not_matching_still_fails);
	tcase_add_test(cmp, test_compare_bad_known_file_exit_2);
	tcase_add_test(cmp, test_compare_same_worlds_exit_0);
	tcase_add_test(cmp, test_lab_options_misused_exit_2);
	tcase_add_test(cmp, test_lab_that_cannot_start_exit_2);
	suite_add_tcase(s, cmp);
	tcase_add_checked_fixture(ses, sess_setup, sess_teardown);
	tcase_add_test(ses,
	    test_labsess_closed_listen_goes_to_lab_kernel_named);
	tcase_add_test(ses, test_labsess_lab_that_cannot_start_says_why);
	tcase_add_test(ses,
	    test_labsess_syn_received_undo_rebuilds_and_replays);
	tcase_add_test(ses,
	    test_labsess_estab_close_unread_profile_linux_differs);
	tcase_add_test(ses,
	    test_labsess_closed_set_after_clock_ran_shadow_follows);
	tcase_add_test(ses,
	    test_labsess_syn_sent_pump_feeds_kernel_retransmission);
	tcase_add_test(ses, test_labsess_syn_sent_clock_runs_while_timer_armed);
	tcase_add_test(ses, test_labsess_syn_sent_old_syn_below_kernel_iss);
	suite_add_tcase(s, ses);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(lab_suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
