/*
 * Check tests of browsing a capture's connections (capture/browse.h),
 * the model of `tcpteach capture FILE` on a terminal, with no terminal:
 * the choice and its paging, the search, the replay of one connection
 * into a session, and the words a screen paints around the rows.
 *
 * Data model: the fixture writes a small pcap of three connections
 * between a client 10.0.0.1 and a server 10.0.0.2:80 (ports 40001 to
 * 40003: refused by a RST, a handshake the client aborts, a lone SYN),
 * reads it into a struct cap_browse and gives a replay a fresh session.
 */
#include <config.h>

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "capture/browse.h"
#include "check_pcap_util.h"
#include "lib/diag.h"

static char pcap[64];
static struct cap_browse b;
static struct session replay;

static void
setup(void)
{
	int fd;
	FILE *f;

	snprintf(pcap, sizeof(pcap), "/tmp/tcpteach-browse-XXXXXX");
	fd = mkstemp(pcap);
	ck_assert_int_ge(fd, 0);
	f = fdopen(fd, "wb");
	ck_assert(pcapw_header(f));
	list_two_conns(f);
	list_pkt(f, 7000, 40003, TCP_SYN, true, 300, 0);	/* 3: alone */
	fclose(f);
	ck_assert_int_eq(cap_browse_read(&b, pcap, NULL), TT_EXIT_OK);
	ck_assert_uint_eq(b.l.n, 3);
	session_init(&replay);
}

static void
teardown(void)
{
	cap_browse_free(&b);
	session_free(&replay);
	unlink(pcap);
}

/* Up at the top and Down at the bottom stay; a page is the rows shown
 * less one, and at least a row; first and last go to the ends. */
START_TEST(test_browse_move_clamps_pages_and_ends)
{
	static const struct {
		enum scroll_move m;
		int rows;	/* that fit */
		size_t sel;	/* after the move */
	} step[] = {
		{ SCROLL_UP, 3, 0 }, { SCROLL_DOWN, 3, 1 },
		{ SCROLL_LAST, 3, 2 }, { SCROLL_DOWN, 3, 2 },
		{ SCROLL_PAGE_UP, 3, 0 }, { SCROLL_PAGE_DOWN, 3, 2 },
		{ SCROLL_FIRST, 3, 0 }, { SCROLL_PAGE_DOWN, 1, 1 },
		{ SCROLL_PAGE_DOWN, 2, 2 },
	};

	for (size_t i = 0; i < sizeof(step) / sizeof(step[0]); i++) {
		cap_browse_scroll(&b, step[i].rows);
		ck_assert(cap_browse_move(&b, step[i].m));
		ck_assert_msg(b.sel == step[i].sel, "step %zu: sel %zu", i,
		    b.sel);
	}
}
END_TEST

/* The first row shown follows the choice: down past the bottom, up
 * past the top. */
START_TEST(test_browse_scroll_keeps_choice_in_view)
{
	cap_browse_scroll(&b, 2);
	ck_assert_uint_eq(b.top, 0);
	b.sel = 2;
	cap_browse_scroll(&b, 2);
	ck_assert_uint_eq(b.top, 1);
	b.sel = 0;
	cap_browse_scroll(&b, 2);
	ck_assert_uint_eq(b.top, 0);
}
END_TEST

START_TEST(test_browse_empty_list_does_not_move)
{
	struct cap_browse e;
	FILE *f = fopen(pcap, "wb");

	ck_assert(pcapw_header(f));
	fclose(f);
	ck_assert_int_eq(cap_browse_read(&e, pcap, NULL), TT_EXIT_OK);
	ck_assert_uint_eq(e.l.n, 0);
	ck_assert(!cap_browse_move(&e, SCROLL_DOWN));
	ck_assert_int_eq(cap_browse_search(&e, "80"), CAP_NOT_FOUND);
	cap_browse_free(&e);
}
END_TEST

/* A new search starts at the chosen row, search-next after it; both
 * wrap; what is not found leaves the choice; any case matches. */
START_TEST(test_browse_search_new_next_wraps_not_found_keeps)
{
	ck_assert_int_eq(cap_browse_search(&b, NULL), CAP_NO_QUERY);
	ck_assert_int_eq(cap_browse_search(&b, ""), CAP_NO_QUERY);
	ck_assert_int_eq(cap_browse_search(&b, "40002"), CAP_FOUND);
	ck_assert_uint_eq(b.sel, 1);
	ck_assert_int_eq(cap_browse_search(&b, "40002"), CAP_FOUND);
	ck_assert_uint_eq(b.sel, 1);
	ck_assert_int_eq(cap_browse_search(&b, "REFUSED"), CAP_FOUND);
	ck_assert_uint_eq(b.sel, 0);
	ck_assert_int_eq(cap_browse_search(&b, "10.0.0.2:80"), CAP_FOUND);
	ck_assert_uint_eq(b.sel, 0);
	ck_assert_int_eq(cap_browse_search(&b, NULL), CAP_FOUND);
	ck_assert_uint_eq(b.sel, 1);
	ck_assert_int_eq(cap_browse_search(&b, NULL), CAP_FOUND);
	ck_assert_uint_eq(b.sel, 2);
	ck_assert_int_eq(cap_browse_search(&b, NULL), CAP_FOUND);
	ck_assert_uint_eq(b.sel, 0);
	ck_assert_int_eq(cap_browse_search(&b, "no such thing"),
	    CAP_NOT_FOUND);
	ck_assert_uint_eq(b.sel, 0);
	ck_assert_str_eq(b.query, "no such thing");
}
END_TEST

/* The replay: the chosen connection's commands, played to the end,
 * each with its capture time (ms since the connection began), and its
 * three segments as the file has them. */
START_TEST(test_browse_replay_session_at_end_with_capture_times)
{
	b.sel = 1;
	ck_assert(cap_browse_replay(&b, &replay));
	ck_assert_uint_gt(replay.ncmds, 3);
	ck_assert_uint_eq(replay.pos, replay.ncmds);
	ck_assert_uint_eq(replay.nclock, replay.ncmds);
	ck_assert_uint_eq(replay.clock[0], 0);
	ck_assert_uint_eq(replay.clock[replay.ncmds - 1], 4);
	ck_assert_int_eq(replay.w.host[HOST_CLIENT].tcb.state, TCP_CLOSED);
	ck_assert_uint_eq(b.nframes, 4);
	ck_assert_uint_eq(b.frames[1].num, 4);
	ck_assert_uint_eq(b.frames[1].us, 2000);
	ck_assert_int_eq(b.frames[1].dir, DIR_S2C);
}
END_TEST

/* A file that vanished between the list and Enter: nothing is loaded. */
START_TEST(test_browse_replay_file_gone_leaves_session)
{
	unlink(pcap);
	ck_assert(!cap_browse_replay(&b, &replay));
	ck_assert_uint_eq(replay.ncmds, 0);
	ck_assert_ptr_null(b.frames);
	ck_assert_uint_eq(b.nframes, 0);
}
END_TEST

/* A row too wide breaks where a column begins (two spaces), never
 * inside a value; the rows take two lines once any row needs it. */
START_TEST(test_browse_break_at_column_start_row_lines)
{
	const char *row = b.l.rows[0].line;
	size_t n = cap_browse_break(row, 40);

	ck_assert_uint_lt(n, strlen(row));
	ck_assert_uint_le(n, 40);
	ck_assert(row[n] == ' ' && row[n + 1] == ' ');
	ck_assert_uint_eq(cap_browse_break("short", 30), 5);
	ck_assert_int_eq(cap_browse_row_lines(&b, 200), 1);
	ck_assert_int_eq(cap_browse_row_lines(&b, 60), 2);
	ck_assert_ptr_nonnull(strstr(cap_browse_heading(), "client > server"));
}
END_TEST

/* The statistics and the chosen connection's times, as the screen
 * shows them above and below the rows. */
START_TEST(test_browse_stats_and_times_text)
{
	char l1[256], l2[256], t[256];

	cap_browse_stats(&b, l1, l2, sizeof(l1));
	ck_assert_ptr_nonnull(strstr(l1, "Connections 3   handshakes: 1 "
	    "complete, 1 incomplete, 1 refused, 0 not seen"));
	ck_assert_ptr_nonnull(strstr(l2, "reset 2"));
	b.sel = 1;
	cap_browse_times(&b, t, sizeof(t));
	ck_assert_ptr_nonnull(strstr(t, "Connection 2: "));
	ck_assert_ptr_nonnull(strstr(t, ".002000, +0.001000 s, lasted "
	    "0.004000 s"));
}
END_TEST

/* A truncated file keeps the rows read so far and says where it ended;
 * the reason drops the program and the file a title already shows. */
START_TEST(test_browse_read_truncated_message_and_reason)
{
	struct cap_browse t;
	char *msg = NULL;
	char full[256];
	FILE *f = fopen(pcap, "ab");

	fputs("cut", f);
	fclose(f);
	ck_assert_int_ne(cap_browse_read(&t, pcap, &msg), TT_EXIT_USAGE);
	ck_assert_uint_eq(t.l.n, 3);
	ck_assert_ptr_nonnull(msg);
	ck_assert(msg[strlen(msg) - 1] != '\n');
	ck_assert_ptr_nonnull(strstr(msg, pcap));
	ck_assert_ptr_null(strstr(cap_browse_reason(msg, pcap), pcap));
	snprintf(full, sizeof(full), "%s: %s: frame 8: truncated",
	    diag_prog(), pcap);
	ck_assert_str_eq(cap_browse_reason(full, pcap), "frame 8: truncated");
	free(msg);
	cap_browse_free(&t);
	ck_assert_int_eq(cap_browse_read(&t, "/nonexistent/x.pcap", &msg),
	    TT_EXIT_USAGE);
	ck_assert_ptr_nonnull(msg);
	free(msg);
	cap_browse_free(&t);
}
END_TEST

static Suite *
browse_suite(void)
{
	Suite *s = suite_create("capture_browse");
	TCase *choice = tcase_create("choice");
	TCase *replay_text = tcase_create("replay and text");

	tcase_add_checked_fixture(choice, setup, teardown);
	tcase_add_test(choice, test_browse_move_clamps_pages_and_ends);
	tcase_add_test(choice, test_browse_scroll_keeps_choice_in_view);
	tcase_add_test(choice, test_browse_empty_list_does_not_move);
	tcase_add_test(choice,
	    test_browse_search_new_next_wraps_not_found_keeps);
	suite_add_tcase(s, choice);
	tcase_add_checked_fixture(replay_text, setup, teardown);
	tcase_add_test(replay_text,
	    test_browse_replay_session_at_end_with_capture_times);
	tcase_add_test(replay_text,
	    test_browse_replay_file_gone_leaves_session);
	tcase_add_test(replay_text,
	    test_browse_break_at_column_start_row_lines);
	tcase_add_test(replay_text, test_browse_stats_and_times_text);
	tcase_add_test(replay_text,
	    test_browse_read_truncated_message_and_reason);
	suite_add_tcase(s, replay_text);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(browse_suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
