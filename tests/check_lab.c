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
 * exit statuses can be tested without namespaces.
 */
#include <config.h>

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lab/lab_int.h"
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

static const struct script_lab fake = { fake_open, fake_describe };
static const struct script_lab broken = { fail_open, fake_describe };

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

static Suite *
lab_suite(void)
{
	Suite *s = suite_create("lab");
	TCase *pk = tcase_create("packets");
	TCase *cmp = tcase_create("compare");

	tcase_add_test(pk, test_inject_rst_checksums_valid);
	tcase_add_test(pk, test_inject_parses_back_to_its_fields);
	tcase_add_test(pk, test_parse_rejects_truncated_and_non_tcp);
	tcase_add_test(pk, test_kernel_states_map_to_rfc_names);
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
