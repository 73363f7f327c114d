/*
 * Check tests of the scenario language parser and formatter
 * (src/script/parse.h against doc: the scenario language spec).
 *
 * Data model: most tests are tables.  ok_lines[] holds accepted lines with
 * the canonical text script_format() must give back; bad_lines[] holds
 * rejected lines with the exact column and message.  Every accepted line
 * is also round-tripped: format, parse again, compare field by field.
 */
#include <config.h>

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "script/parse.h"

struct ok_line {
	const char *in, *canon;
};

static const struct ok_line ok_lines[] = {
	/* setup */
	{ "seed 42", "seed 42" },
	{ "SEED 0", "seed 0" },
	{ "seed 18446744073709551615", "seed 18446744073709551615" },
	{ "isn client 99", "isn client 99" },
	{ "isn B 1 2 3 4294967295", "isn server 1 2 3 4294967295" },
	{ "profile linux", "profile linux" },
	{ "Profile RFC9293", "profile rfc9293" },
	{ "set msl 30s", "set msl 30s" },
	{ "set msl 120000ms", "set msl 2min" },
	{ "set rto 1500ms", "set rto 1500ms" },
	{ "set rto 2msl", "set rto 2msl" },
	{ "set rto_max 60s", "set rto_max 1min" },
	{ "set rto_max off", "set rto_max off" },
	{ "set syn_retries 6", "set syn_retries 6" },
	{ "set synack_retries 0", "set synack_retries 0" },
	{ "set syn_linear_timeouts 4", "set syn_linear_timeouts 4" },
	{ "set SYN_LINEAR_TIMEOUTS 0", "set syn_linear_timeouts 0" },
	{ "set retries 255", "set retries 255" },
	{ "set fin_wait_2_timeout off", "set fin_wait_2_timeout off" },
	{ "set FIN_WAIT_2_TIMEOUT 60s", "set fin_wait_2_timeout 1min" },
	{ "set delayed_ack on", "set delayed_ack on" },
	{ "set delayed_ack OFF", "set delayed_ack off" },
	{ "set time_wait off", "set time_wait off" },
	{ "set handshake two", "set handshake two" },
	{ "set handshake Three", "set handshake three" },
	{ "set app_read manual", "set app_read manual" },
	{ "set APP_READ Auto", "set app_read auto" },
	/* host calls, with every host alias */
	{ "client listen", "client listen" },
	{ "a connect", "client connect" },
	{ "A CONNECT", "client connect" },
	{ "b send 1", "server send 1" },
	{ "B send 65535", "server send 65535" },
	{ "Server close", "server close" },
	{ "client shutdown", "client shutdown" },
	{ "client abort", "client abort" },
	{ "server crash", "server crash" },
	{ "server read", "server read" },
	{ "b READ 10", "server read 10" },
	{ "client read 4294967295", "client read 4294967295" },
	/* the wire */
	{ "deliver", "deliver" },
	{ "deliver #3", "deliver #3" },
	{ "deliver c>s", "deliver c>s" },
	{ "DROP S>C", "drop s>c" },
	{ "dup #4294967295", "dup #4294967295" },
	{ "inject c>s SYN seq=90", "inject c>s SYN seq=90" },
	{ "inject s>c ack,syn ack=2 seq=1 len=3",
	  "inject s>c SYN+ACK seq=1 ack=2 len=3" },
	{ "inject c>s FIN+ACK+PSH+URG+RST+SYN LEN=0",
	  "inject c>s SYN+FIN+RST+PSH+URG+ACK len=0" },
	{ "settle", "settle" },
	{ "wait 500ms", "wait 500ms" },
	{ "wait 0ms", "wait 0ms" },
	{ "wait 2msl", "wait 2msl" },
	{ "wait 2MSL", "wait 2msl" },
	{ "wait 60s", "wait 1min" },
	{ "wait 3min", "wait 3min" },
	{ "wait 71582min", "wait 71582min" },
	{ "wait 4294967295ms", "wait 4294967295ms" },
	{ "wait timer", "wait timer" },
	{ "WAIT TIMER", "wait timer" },
	/* assertions, with state aliases */
	{ "expect client ESTABLISHED", "expect client ESTABLISHED" },
	{ "expect a syn-sent", "expect client SYN_SENT" },
	{ "expect b SYN_RCVD", "expect server SYN_RECEIVED" },
	{ "expect b SYN_RECV", "expect server SYN_RECEIVED" },
	{ "expect b syn-received", "expect server SYN_RECEIVED" },
	{ "expect b estab", "expect server ESTABLISHED" },
	{ "expect a FIN_WAIT1", "expect client FIN_WAIT_1" },
	{ "expect a fin-wait-2", "expect client FIN_WAIT_2" },
	{ "expect a FIN_WAIT2", "expect client FIN_WAIT_2" },
	{ "expect a close-wait", "expect client CLOSE_WAIT" },
	{ "expect a closing", "expect client CLOSING" },
	{ "expect a LAST-ACK", "expect client LAST_ACK" },
	{ "expect a time_wait", "expect client TIME_WAIT" },
	{ "expect a listen", "expect client LISTEN" },
	{ "expect a closed", "expect client CLOSED" },
	{ "expect inflight c>s FIN+ACK seq=100 ack=300",
	  "expect inflight c>s FIN+ACK seq=100 ack=300" },
	{ "expect inflight #2 ack", "expect inflight #2 ACK" },
	{ "expect inflight SYN", "expect inflight SYN" },
	{ "expect inflight none", "expect inflight none" },
	{ "Expect Inflight NONE", "expect inflight none" },
	{ "expect sent client RST len=0", "expect sent client RST len=0" },
	{ "expect notice server eof", "expect notice server eof" },
	{ "expect notice a CONNECTED", "expect notice client connected" },
	{ "expect notice a refused", "expect notice client refused" },
	{ "expect notice a reset", "expect notice client reset" },
	{ "expect notice a timeout", "expect notice client timeout" },
	{ "expect notice a closed", "expect notice client closed" },
	{ "expect time 50ms", "expect time 50ms" },
	{ "Expect TIME 1000ms", "expect time 1s" },
	{ "expect time 0ms", "expect time 0ms" },
	{ "expect time 2msl", "expect time 2msl" },
	/* blanks, tabs, CR, comments */
	{ "\tclient \t connect\r", "client connect" },
	{ "deliver #3 # the SYN", "deliver #3" },
	{ "deliver #3#the SYN", "deliver #3" },
	{ "deliver #3#4", "deliver #3" },
	{ "client close#bye", "client close" },
	{ "settle # #1 is not a selector here", "settle" },
	{ "inject c>s syn seq=007", "inject c>s SYN seq=7" }
};

struct bad_line {
	const char *in;
	unsigned col;
	const char *msg;
};

static const struct bad_line bad_lines[] = {
	{ "conect", 1, "unknown command 'conect'; did you mean 'connect'?" },
	{ "xyzzy", 1, "unknown command 'xyzzy'" },
	{ "connect", 1,
	  "'connect' needs a host first, as in 'client connect'" },
	{ "client", 7, "missing a command after 'client', such as 'connect'" },
	{ "client lsiten", 8,
	  "unknown command 'lsiten'; did you mean 'listen'?" },
	{ "client fly", 8, "unknown command 'fly' for a host (listen, "
	  "connect, send, read, close, shutdown, abort or crash)" },
	{ "client raed", 8, "unknown command 'raed'; did you mean 'read'?" },
	{ "read", 1, "'read' needs a host first, as in 'client read'" },
	{ "client read 0", 13, "'0' is out of range (1 to 4294967295)" },
	{ "client read all", 13,
	  "expected a number from 1 to 4294967295, got 'all'" },
	{ "client read 1 2", 15,
	  "unexpected '2' after the end of the command" },
	{ "set app_read lazy", 14, "expected 'auto' or 'manual', got 'lazy'" },
	{ "set app_reed manual", 5,
	  "unknown setting 'app_reed'; did you mean 'app_read'?" },
	{ "setle", 1, "unknown command 'setle'; did you mean 'settle'?" },
	{ "client connect now", 16,
	  "unexpected 'now' after the end of the command" },
	{ "client send", 12, "missing a number (1 to 65535)" },
	{ "client send 0", 13, "'0' is out of range (1 to 65535)" },
	{ "client send 65536", 13, "'65536' is out of range (1 to 65535)" },
	{ "client send -5", 13, "expected a number from 1 to 65535, got '-5'" },
	{ "client send +5", 13, "expected a number from 1 to 65535, got '+5'" },
	{ "client send 12abc", 13,
	  "expected a number from 1 to 65535, got '12abc'" },
	{ "client send 0x10", 13,
	  "expected a number from 1 to 65535, got '0x10'" },
	{ "client send 99999999999999999999999", 13,
	  "'99999999999999999999999' is out of range (1 to 65535)" },
	{ "seed 18446744073709551616", 6, "'18446744073709551616' is out of "
	  "range (0 to 18446744073709551615)" },
	{ "isn", 4, "missing a host (client or server)" },
	{ "isn x 5", 5, "expected a host (client or server), got 'x'" },
	{ "isn client", 11, "missing a number (0 to 4294967295)" },
	{ "isn client 4294967296", 12,
	  "'4294967296' is out of range (0 to 4294967295)" },
	{ "isn client 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 "
	  "21 22 23 24 25 26 27 28 29 30 31 32 33", 99,
	  "too many ISNs (at most 32)" },
	{ "profile bsd", 9, "expected 'rfc9293' or 'linux', got 'bsd'" },
	{ "profile", 8, "missing 'rfc9293' or 'linux'" },
	{ "set", 4, "missing the name of a setting, such as msl" },
	{ "set mls 30s", 5, "unknown setting 'mls'; did you mean 'msl'?" },
	{ "set colour red", 5, "unknown setting 'colour' (settings are msl, "
	  "rto, rto_max, syn_retries, synack_retries, retries, "
	  "syn_linear_timeouts, fin_wait_2_timeout, delayed_ack, time_wait, "
	  "handshake and app_read)" },
	{ "set syn_linear_timeout 4", 5, "unknown setting "
	  "'syn_linear_timeout'; did you mean 'syn_linear_timeouts'?" },
	{ "set syn_linear_timeouts 101", 25, "'101' is out of range (0 to "
	  "100)" },
	{ "set syn_linear_timeouts", 24, "missing a number (0 to 100)" },
	{ "set syn_linear_timeouts -1", 25, "expected a number from 0 to 100, "
	  "got '-1'" },
	{ "set msl", 8, "missing a duration such as 500ms, 2s, 1min or 2msl" },
	{ "set msl 2msl", 9, "'2msl': the MSL cannot be measured in MSLs" },
	{ "set msl 0s", 9, "duration '0s' must be more than zero" },
	{ "set rto_max 0ms", 13, "duration '0ms' must be more than zero" },
	{ "set retries 256", 13, "'256' is out of range (0 to 255)" },
	{ "set delayed_ack yes", 17, "expected 'on' or 'off', got 'yes'" },
	{ "set handshake four", 15, "expected 'three' or 'two', got 'four'" },
	{ "wait", 5, "missing a duration such as 500ms, 2s, 1min or 2msl" },
	{ "wait 5", 6,
	  "expected a duration such as 500ms, 2s, 1min or 2msl, got '5'" },
	{ "wait ms", 6,
	  "expected a duration such as 500ms, 2s, 1min or 2msl, got 'ms'" },
	{ "wait -5s", 6,
	  "expected a duration such as 500ms, 2s, 1min or 2msl, got '-5s'" },
	{ "wait 5h", 6, "unknown unit in '5h' (use ms, s, min or msl)" },
	{ "wait 4294967296ms", 6, "duration '4294967296ms' is too long" },
	{ "wait 71583min", 6, "duration '71583min' is too long" },
	{ "wait 4294967296msl", 6, "duration '4294967296msl' is too long" },
	{ "wait timer 5s", 12, "unexpected '5s' after the end of the command" },
	{ "deliver x", 9, "expected a segment (#N, c>s or s>c), got 'x'" },
	{ "deliver #0", 9,
	  "segment id '#0' is out of range (#1 to #4294967295)" },
	{ "deliver #4294967296", 9,
	  "segment id '#4294967296' is out of range (#1 to #4294967295)" },
	{ "deliver #3x", 9, "expected a segment id such as #3, got '#3x'" },
	{ "deliver c>s #1", 13,
	  "unexpected '#1' after the end of the command" },
	{ "inject", 7, "missing a direction (c>s or s>c)" },
	{ "inject c<s SYN", 8,
	  "expected a direction (c>s or s>c), got 'c<s'" },
	{ "inject c>s", 11, "missing the flags, such as SYN+ACK" },
	{ "inject c>s SYN+SYN", 12, "flag 'SYN' appears twice in 'SYN+SYN'" },
	{ "inject c>s SYN+", 12, "empty flag name in 'SYN+'" },
	{ "inject c>s SYN,,ACK", 12, "empty flag name in 'SYN,,ACK'" },
	{ "inject c>s SYNN+ACK", 12,
	  "unknown flag 'SYNN' in 'SYNN+ACK'; did you mean 'SYN'?" },
	{ "inject c>s FOO", 12, "unknown flag 'FOO' in 'FOO' (flags are SYN, "
	  "ACK, FIN, RST, PSH and URG)" },
	{ "inject c>s SYN seq=1 seq=2", 22, "'seq' is given twice" },
	{ "inject c>s SYN seq=", 16,
	  "expected a number from 0 to 4294967295 in 'seq='" },
	{ "inject c>s SYN ack=-1", 16,
	  "expected a number from 0 to 4294967295 in 'ack=-1'" },
	{ "inject c>s SYN len=65536", 16,
	  "expected a number from 0 to 65535 in 'len=65536'" },
	{ "inject c>s SYN win=5", 16,
	  "expected seq=N, ack=N or len=N, got 'win=5'" },
	{ "inject c>s SYN 5", 16, "expected seq=N, ack=N or len=N, got '5'" },
	{ "expect", 7, "missing a host (client or server)" },
	{ "expect foo", 8, "expected a host, 'inflight', 'sent', 'notice' or "
	  "'time' after 'expect', got 'foo'" },
	{ "expect client", 14, "missing a state, such as ESTABLISHED" },
	{ "expect client ESTABLISHD", 15,
	  "unknown state 'ESTABLISHD'; did you mean 'ESTABLISHED'?" },
	{ "expect client OPEN", 15, "unknown state 'OPEN' (states are CLOSED, "
	  "LISTEN, SYN_SENT, SYN_RECEIVED, ESTABLISHED, FIN_WAIT_1, "
	  "FIN_WAIT_2, CLOSE_WAIT, CLOSING, LAST_ACK and TIME_WAIT)" },
	{ "expect inflight", 16, "missing the flags, such as SYN+ACK" },
	{ "expect inflight none c>s", 22,
	  "unexpected 'c>s' after the end of the command" },
	{ "expect sent", 12, "missing a host (client or server)" },
	{ "expect notice client", 21, "missing a notice, such as connected" },
	{ "expect time", 12, "missing a duration such as 500ms, 2s, 1min or "
	  "2msl" },
	{ "expect time 5x", 13, "unknown unit in '5x' (use ms, s, min or "
	  "msl)" },
	{ "expect time 50ms c>s", 18,
	  "unexpected 'c>s' after the end of the command" },
	{ "expect notice client bye", 22, "unknown notice 'bye' (notices are "
	  "connected, refused, reset, timeout, eof and closed)" },
	/* bytes that must never pass unnoticed */
	{ "client\x01 connect", 7, "invalid byte 0x01" },
	{ "client \x1b[31m", 8, "invalid byte 0x1b" },
	/* bytes that are not UTF-8 are named where they are, not blamed on
	 * the word they end (it was "unknown command 'listen\xff\xfe'") */
	{ "client \xff\xfe", 8, "invalid UTF-8 byte 0xff" },
	{ "server listen\xff\xfe", 14, "invalid UTF-8 byte 0xff" },
	{ "client send 1\xc3", 14, "invalid UTF-8 byte 0xc3" },
	{ "client send \xed\xa0\x80", 13, "invalid UTF-8 byte 0xed" },
	{ "\xe5\xae\xa2\xe6\x88\xb7 connect", 1,
	  "unknown command '\xe5\xae\xa2\xe6\x88\xb7'" },
	{ "\xe5\xae\xa2 x", 1, "unknown command '\xe5\xae\xa2'" },
	/* a column counts characters, not bytes */
	{ "client send 1 \xc3\xa9t\xc3\xa9", 15,
	  "unexpected '\xc3\xa9t\xc3\xa9' after the end of the command" },
	{ "client\tsend\t1\tx", 15,
	  "unexpected 'x' after the end of the command" }
};

static bool
cmd_equal(const struct cmd *a, const struct cmd *b)
{
	return a->kind == b->kind && a->host == b->host && a->dir == b->dir &&
	    a->sel.kind == b->sel.kind && a->sel.id == b->sel.id &&
	    a->sel.dir == b->sel.dir && a->seg.flags == b->seg.flags &&
	    a->seg.has_seq == b->seg.has_seq &&
	    a->seg.has_ack == b->seg.has_ack &&
	    a->seg.has_len == b->seg.has_len && a->seg.seq == b->seg.seq &&
	    a->seg.ack == b->seg.ack && a->seg.len == b->seg.len &&
	    a->dur.ms == b->dur.ms && a->dur.msl == b->dur.msl &&
	    a->state == b->state && a->notice == b->notice &&
	    a->profile == b->profile && a->key == b->key &&
	    a->num == b->num && a->on == b->on && a->nisn == b->nisn &&
	    memcmp(a->isn, b->isn, sizeof(a->isn)) == 0;
}

static struct cmd
parse_ok(const char *line)
{
	struct cmd c;
	struct script_err e;
	int r = script_parse_line(line, 7, &c, &e);

	ck_assert_msg(r == 1, "'%s' rejected: %u: %s", line, e.column,
	    e.msg);
	ck_assert_uint_eq(c.line, 7);
	return c;
}

START_TEST(test_accepted_line_canonical_and_round_trip)
{
	const struct ok_line *t = &ok_lines[_i];
	struct cmd c = parse_ok(t->in), again;
	char buf[512];

	script_format(&c, buf, sizeof(buf));
	ck_assert_str_eq(buf, t->canon);
	again = parse_ok(buf);
	ck_assert_msg(cmd_equal(&c, &again), "round trip of '%s'", t->in);
}
END_TEST

START_TEST(test_rejected_line_column_and_message)
{
	const struct bad_line *t = &bad_lines[_i];
	struct cmd c;
	struct script_err e;

	ck_assert_int_eq(script_parse_line(t->in, 3, &c, &e), -1);
	ck_assert_uint_eq(e.line, 3);
	ck_assert_str_eq(e.msg, t->msg);
	ck_assert_uint_eq(e.column, t->col);
}
END_TEST

START_TEST(test_blank_and_comment_lines)
{
	static const char *const blank[] = {
		"", "   ", "\t\r", "# a comment", "   # indented", "#1 deliver",
		"#", "##", "\t#3"
	};
	struct cmd c;
	struct script_err e;

	for (size_t i = 0; i < sizeof(blank) / sizeof(blank[0]); i++)
		ck_assert_msg(script_parse_line(blank[i], 1, &c, &e) == 0,
		    "'%s' is not blank", blank[i]);
}
END_TEST

START_TEST(test_fields_of_parsed_commands)
{
	struct cmd c;

	c = parse_ok("isn b 5 6");
	ck_assert_int_eq(c.kind, CMD_ISN);
	ck_assert_int_eq(c.host, HOST_SERVER);
	ck_assert_uint_eq(c.nisn, 2);
	ck_assert_uint_eq(c.isn[0], 5);
	ck_assert_uint_eq(c.isn[1], 6);
	c = parse_ok("set handshake three");
	ck_assert(c.on);
	ck_assert_int_eq(c.key, SET_HANDSHAKE);
	c = parse_ok("set handshake two");
	ck_assert(!c.on);
	c = parse_ok("wait 2msl");
	ck_assert_uint_eq(c.dur.msl, 2);
	ck_assert_uint_eq(c.dur.ms, 0);
	c = parse_ok("wait 2min");
	ck_assert_uint_eq(c.dur.ms, 120000);
	ck_assert_uint_eq(c.dur.msl, 0);
	c = parse_ok("set fin_wait_2_timeout off");
	ck_assert(!c.on);
	c = parse_ok("deliver s>c");
	ck_assert_int_eq(c.sel.kind, SEL_DIR);
	ck_assert_int_eq(c.sel.dir, DIR_S2C);
	c = parse_ok("inject s>c RST+ACK seq=4294967295 ack=0");
	ck_assert_int_eq(c.dir, DIR_S2C);
	ck_assert_uint_eq(c.seg.flags, TCP_RST | TCP_ACK);
	ck_assert(c.seg.has_seq && c.seg.has_ack && !c.seg.has_len);
	ck_assert_uint_eq(c.seg.seq, 4294967295u);
	c = parse_ok("expect inflight SYN");
	ck_assert_int_eq(c.sel.kind, SEL_ANY);
	c = parse_ok("expect notice b eof");
	ck_assert_int_eq(c.notice, TCP_N_EOF);
}
END_TEST

/* Every kind the table knows formats to a line that parses back. */
START_TEST(test_every_kind_round_trips)
{
	bool seen[CMD_NKINDS] = { false };

	for (size_t i = 0; i < sizeof(ok_lines) / sizeof(ok_lines[0]); i++)
		seen[parse_ok(ok_lines[i].in).kind] = true;
	for (unsigned k = 0; k < CMD_NKINDS; k++)
		ck_assert_msg(seen[k], "no accepted line of kind %u", k);
}
END_TEST

START_TEST(test_command_table_matches_kinds)
{
	char buf[128];

	for (unsigned k = 0; k < CMD_NKINDS; k++) {
		ck_assert_int_eq(script_commands[k].kind, k);
		ck_assert_ptr_nonnull(script_commands[k].help);
	}
	ck_assert_str_eq(script_command_synopsis(&script_commands[CMD_SEND],
	    buf, sizeof(buf)), "HOST send N");
	ck_assert_str_eq(script_command_synopsis(
	    &script_commands[CMD_EXPECT_INFLIGHT_NONE], buf, sizeof(buf)),
	    "expect inflight none");
	ck_assert_str_eq(script_command_synopsis(&script_commands[CMD_SETTLE],
	    buf, sizeof(buf)), "settle");
}
END_TEST

START_TEST(test_buf_parses_lines_with_numbers)
{
	static const char text[] = "# comment\r\nisn client 99\r\n\r\n"
	    "server listen\nclient connect";
	struct script s;
	struct script_err e;

	ck_assert(script_parse_buf("t.scn", text, sizeof(text) - 1, &s, &e));
	ck_assert_uint_eq(s.n, 3);
	ck_assert_uint_eq(s.cmds[0].line, 2);
	ck_assert_uint_eq(s.cmds[1].line, 4);
	ck_assert_uint_eq(s.cmds[2].line, 5);
	ck_assert_int_eq(s.cmds[2].kind, CMD_CONNECT);
	script_free(&s);
}
END_TEST

START_TEST(test_buf_setup_after_event_is_an_error)
{
	static const char text[] = "seed 3\nexpect a CLOSED\nprofile linux\n"
	    "server listen\n  isn client 5\n";
	struct script s;
	struct script_err e;

	ck_assert(!script_parse_buf("x.scn", text, sizeof(text) - 1, &s, &e));
	ck_assert_str_eq(e.file, "x.scn");
	ck_assert_uint_eq(e.line, 5);
	ck_assert_uint_eq(e.column, 1);
	ck_assert_str_eq(e.msg, "'isn' is a setup command; it must come "
	    "before the first event");
	ck_assert_ptr_null(s.cmds);
	ck_assert_uint_eq(s.n, 0);
}
END_TEST

START_TEST(test_buf_error_keeps_nothing)
{
	static const char text[] = "server listen\nclient connect\nbogus\n";
	struct script s;
	struct script_err e;

	ck_assert(!script_parse_buf("y", text, sizeof(text) - 1, &s, &e));
	ck_assert_uint_eq(e.line, 3);
	ck_assert_uint_eq(e.column, 1);
	ck_assert_ptr_null(s.cmds);
}
END_TEST

START_TEST(test_buf_nul_byte)
{
	static const char text[] = "server listen\nclient \0connect\n";
	static const char comment[] = "server listen # \0 in a comment\n";
	struct script s;
	struct script_err e;

	ck_assert(!script_parse_buf("z", text, sizeof(text) - 1, &s, &e));
	ck_assert_uint_eq(e.line, 2);
	ck_assert_uint_eq(e.column, 8);
	ck_assert_str_eq(e.msg, "invalid byte 0x00");
	ck_assert(script_parse_buf("z", comment, sizeof(comment) - 1, &s, &e));
	ck_assert_uint_eq(s.n, 1);
	script_free(&s);
}
END_TEST

START_TEST(test_huge_line_and_word)
{
	size_t n = 1u << 20;
	char *big = malloc(n + 1);
	struct cmd c;
	struct script_err e;

	ck_assert_ptr_nonnull(big);
	memset(big, 'x', n);
	big[n] = '\0';
	ck_assert_int_eq(script_parse_line(big, 1, &c, &e), -1);
	ck_assert_uint_eq(e.column, 1);
	ck_assert(strlen(e.msg) < sizeof(e.msg));
	ck_assert_ptr_nonnull(strstr(e.msg, "...'"));
	for (size_t i = 0; i < n; i += 2)
		memcpy(big + i, "z ", 2);
	ck_assert_int_eq(script_parse_line(big, 1, &c, &e), -1);
	ck_assert_uint_eq(e.column, 1);
	free(big);
}
END_TEST

START_TEST(test_script_append_grows)
{
	struct script s = { NULL, 0, 0 };
	struct cmd c = parse_ok("settle");

	for (unsigned i = 0; i < 1000; i++) {
		c.line = i;
		script_append(&s, &c);
	}
	ck_assert_uint_eq(s.n, 1000);
	ck_assert_uint_eq(s.cmds[999].line, 999);
	script_free(&s);
	ck_assert_uint_eq(s.n, 0);
}
END_TEST

START_TEST(test_format_small_buffer_truncates)
{
	struct cmd c = parse_ok("isn client 1 2 3 4 5 6 7 8 9 10");
	char buf[8];

	script_format(&c, buf, sizeof(buf));
	ck_assert_str_eq(buf, "isn cli");
}
END_TEST

static Suite *
parse_suite(void)
{
	Suite *s = suite_create("parse");
	TCase *tc = tcase_create("lines");

	tcase_add_loop_test(tc, test_accepted_line_canonical_and_round_trip,
	    0, (int)(sizeof(ok_lines) / sizeof(ok_lines[0])));
	tcase_add_loop_test(tc, test_rejected_line_column_and_message, 0,
	    (int)(sizeof(bad_lines) / sizeof(bad_lines[0])));
	tcase_add_test(tc, test_blank_and_comment_lines);
	tcase_add_test(tc, test_fields_of_parsed_commands);
	tcase_add_test(tc, test_every_kind_round_trips);
	tcase_add_test(tc, test_command_table_matches_kinds);
	tcase_add_test(tc, test_format_small_buffer_truncates);
	suite_add_tcase(s, tc);
	tc = tcase_create("files");
	tcase_add_test(tc, test_buf_parses_lines_with_numbers);
	tcase_add_test(tc, test_buf_setup_after_event_is_an_error);
	tcase_add_test(tc, test_buf_error_keeps_nothing);
	tcase_add_test(tc, test_buf_nul_byte);
	tcase_add_test(tc, test_huge_line_and_word);
	tcase_add_test(tc, test_script_append_grows);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(parse_suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
