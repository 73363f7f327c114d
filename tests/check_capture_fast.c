/*
 * Check tests of the capture reader's lean path: a connection nobody
 * watches starts from a copy of a prepared world and has its segments
 * delivered and dropped straight on the wire (world_wire_id), while the
 * watched one (capture --show, --to-scenario) goes through world_apply
 * command by command.  Both must infer the same: on every capture of the
 * fuzz corpus and the lesson's, each connection read unwatched and read
 * watched ends with the same states, flags, counts and handshake.  (A
 * watched connection is reported only at the end of the file, so it also
 * takes segments that come after it is over; those that did are left
 * out: they went through a different list of segments.)
 *
 * Data model: one pass over a file with no connection watched records
 * every reported connection in unw[] by id; then one pass per id with
 * that connection watched compares its record.
 */
#include <config.h>

#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "capture/capture.h"
#include "capture/read.h"

#define MAXC 64

static struct cap_conn unw[MAXC + 1];
static uint64_t nunw, want, ncompared;
static struct cap_conn got;
static bool found;

static void
on_all(void *ctx, const struct cap_conn *c)
{
	(void)ctx;
	if (c->id <= MAXC)
		unw[c->id] = *c;
	if (c->id > nunw)
		nunw = c->id;
}

static void
on_one(void *ctx, const struct cap_conn *c)
{
	(void)ctx;
	if (c->id == want) {
		got = *c;
		found = true;
	}
}

static int
fast_read(const char *path, void (*done)(void *, const struct cap_conn *),
    uint64_t watch)
{
	struct cap_obs obs = { .done = done };
	struct cap_tracker t;
	struct cap_read r = { .verify = false };
	FILE *devnull = fopen("/dev/null", "w");
	int rc;

	ck_assert_ptr_nonnull(devnull);
	cap_tracker_init(&t, &obs, watch);
	rc = cap_read_file(path, NULL, &t, &r, devnull);
	if (rc != TT_EXIT_USAGE)
		cap_tracker_finish(&t);
	cap_tracker_free(&t);
	fclose(devnull);
	return rc;
}

/* Returns how many connections the file had. */
static uint64_t
fast_same(const char *path)
{
	nunw = 0;
	memset(unw, 0, sizeof(unw));
	if (fast_read(path, on_all, 0) == TT_EXIT_USAGE)
		return 0;
	for (want = 1; want <= nunw && want <= MAXC; want++) {
		const struct cap_conn *u = &unw[want];

		found = false;
		fast_read(path, on_one, want);
		ck_assert_msg(found, "%s: connection %llu not reported when "
		    "watched", path, (unsigned long long)want);
		if (got.ndone != u->ndone)
			continue;
		ncompared++;
		ck_assert_msg(got.final[0] == u->final[0] &&
		    got.final[1] == u->final[1], "%s #%llu: states %s/%s "
		    "watched, %s/%s not", path, (unsigned long long)want,
		    tcp_state_name(got.final[0]), tcp_state_name(got.final[1]),
		    tcp_state_name(u->final[0]), tcp_state_name(u->final[1]));
		ck_assert_msg(got.flags == u->flags && got.hs == u->hs &&
		    got.first_fin == u->first_fin && got.nrexmit ==
		    u->nrexmit && got.nrst == u->nrst && got.rst_by ==
		    u->rst_by && got.nsegs == u->nsegs, "%s #%llu: flags "
		    "%x/%x hs %d/%d", path, (unsigned long long)want,
		    got.flags, u->flags, (int)got.hs, (int)u->hs);
	}
	return nunw;
}

START_TEST(test_capture_unwatched_same_as_watched_lesson)
{
	ncompared = 0;
	ck_assert_uint_eq(fast_same(TCPTEACH_SRCDIR
	    "/lessons/captures/handshake-18989.pcap"), 1);
	ck_assert_uint_eq(ncompared, 1);
}
END_TEST

START_TEST(test_capture_unwatched_same_as_watched_corpus)
{
	const char *dir = TCPTEACH_SRCDIR "/fuzz/corpus/pcap";
	DIR *d = opendir(dir);
	struct dirent *e;
	uint64_t conns = 0;
	char path[1024];

	ck_assert_ptr_nonnull(d);
	ncompared = 0;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		conns += fast_same(path);
	}
	closedir(d);
	ck_assert_uint_ge(conns, 10);	/* the corpus was read */
	ck_assert_uint_ge(ncompared, conns - 3);
}
END_TEST

static Suite *
fast_suite(void)
{
	Suite *s = suite_create("capture_fast");
	TCase *tc = tcase_create("unwatched as watched");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_capture_unwatched_same_as_watched_lesson);
	tcase_add_test(tc, test_capture_unwatched_same_as_watched_corpus);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(fast_suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
