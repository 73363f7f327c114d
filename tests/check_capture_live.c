/*
 * A real connection, captured with the seed's command (tcpdump -i any
 * port 18989 -s 0 -w 123.dat) inside a network namespace made for the
 * test by lessons/captures/remake.sh, then read back: the connection is
 * listed with the right state of both ends after each segment, and
 * --to-scenario gives a scenario that `tcpteach script` runs with every
 * expect holding.  Needs root, unshare, ip, tcpdump and python3; skipped
 * (exit 77) otherwise.
 *
 * Data model: the states after each segment of connection 1, collected
 * by the tracker's segment callback into states[].
 */
#include <config.h>

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "capture/capture.h"
#include "capture/cli.h"
#include "capture/read.h"
#include "script/run.h"

static char dir[256], pcap[300];
static enum tcp_state states[64][2];
static unsigned nstates, nconns;
static struct cap_conn last;

static void
on_segment(void *ctx, const struct cap_conn *c, const struct cap_pkt *k,
    enum sim_dir d, unsigned notes, const struct sim_ev *ev, size_t nev)
{
	(void)ctx; (void)d; (void)notes; (void)ev; (void)nev;
	if (k == NULL || nstates >= 64)
		return;
	states[nstates][0] = c->live->w.host[0].tcb.state;
	states[nstates][1] = c->live->w.host[1].tcb.state;
	nstates++;
}

static void
on_done(void *ctx, const struct cap_conn *c)
{
	(void)ctx;
	nconns++;
	last = *c;
}

START_TEST(test_live_capture_states_after_each_segment)
{
	struct cap_obs obs = { .done = on_done, .segment = on_segment };
	struct cap_tracker t;
	struct cap_read r = { 0 };

	cap_tracker_init(&t, &obs, 1);
	ck_assert_int_eq(cap_read_file(pcap, NULL, &t, &r, stderr),
	    TT_EXIT_OK);
	cap_tracker_finish(&t);
	ck_assert_uint_eq(nconns, 1);
	ck_assert_uint_ge(nstates, 9);
	ck_assert_int_eq(states[0][0], TCP_SYN_SENT);
	ck_assert_int_eq(states[0][1], TCP_SYN_RECEIVED);
	ck_assert_int_eq(states[1][0], TCP_ESTABLISHED);
	ck_assert_int_eq(states[1][1], TCP_SYN_RECEIVED);
	ck_assert_int_eq(states[2][0], TCP_ESTABLISHED);
	ck_assert_int_eq(states[2][1], TCP_ESTABLISHED);
	ck_assert_int_eq(states[nstates - 1][0], TCP_TIME_WAIT);
	ck_assert_int_eq(states[nstates - 1][1], TCP_CLOSED);
	ck_assert_int_eq(last.hs, CAP_HS_COMPLETE);
	ck_assert_int_eq(last.first_fin, 0);
	ck_assert_uint_eq(last.end[1].port, 18989);
	ck_assert_uint_eq(last.nrexmit, 0);
	cap_tracker_free(&t);
}
END_TEST

START_TEST(test_live_capture_to_scenario_replays)
{
	char scn[320], a0[] = "capture", a1[] = "--to-scenario", a2[] = "1";
	char s0[] = "script", *argv[4];
	FILE *out, *null = fopen("/dev/null", "w");

	snprintf(scn, sizeof(scn), "%s/replay.scn", dir);
	out = fopen(scn, "w");
	ck_assert_ptr_nonnull(out);
	argv[0] = a0;
	argv[1] = a1;
	argv[2] = a2;
	argv[3] = pcap;
	ck_assert_int_eq(capture_cli(4, argv, out, stderr), 0);
	fclose(out);
	argv[0] = s0;
	argv[1] = scn;
	ck_assert_int_eq(script_cli(2, argv, null, stderr), 0);
	fclose(null);
}
END_TEST

static bool
have(const char *prog)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "command -v %s >/dev/null 2>&1", prog);
	return system(cmd) == 0;
}

int
main(void)
{
	const char *src = getenv("top_srcdir") ? getenv("top_srcdir") : ".";
	char cmd[1024];
	SRunner *sr;
	Suite *s;
	TCase *tc;
	int failed;

	if (getuid() != 0 || !have("unshare") || !have("ip") ||
	    !have("tcpdump") || !have("python3")) {
		puts("SKIP: needs root, unshare, ip, tcpdump and python3");
		return 77;
	}
	snprintf(dir, sizeof(dir), "%s/tcpteach-live-XXXXXX",
	    getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (mkdtemp(dir) == NULL)
		return EXIT_FAILURE;
	snprintf(pcap, sizeof(pcap), "%s/123.dat", dir);
	snprintf(cmd, sizeof(cmd), "sh '%s/lessons/captures/remake.sh' '%s'",
	    src, pcap);
	if (system(cmd) != 0) {
		puts("SKIP: could not make a network namespace capture");
		return 77;
	}
	s = suite_create("capture-live");
	tc = tcase_create("live");
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_live_capture_states_after_each_segment);
	tcase_add_test(tc, test_live_capture_to_scenario_replays);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		failed++;
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
