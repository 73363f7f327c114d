/*
 * Check suite for the UI's view model (no curses), folding what a
 * session does as the UI's does; sessions alone are check_session's.
 *
 * Worlds are driven through the scenario parser, as the UI does, with
 * known ISNs (client 99, server 299) so labels can be compared as text.
 * Layout tests feed hand-made trace records where the world's exact
 * output does not matter.
 */
#include <config.h>

#include <check.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "script/parse.h"
#include "script/session.h"
#include "ui/view.h"

static struct session s;
static struct view v;		/* folds what s does, as the UI's does */

static void
setup(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	session_init(&s);
	view_init(&v);
	view_watch(&v, &s);
}

static void
teardown(void)
{
	session_free(&s);
	view_free(&v);
}

/* Apply scenario lines, one per string, failing on a refusal. */
static void
run(const char *const *lines)
{
	for (; *lines != NULL; lines++) {
		struct script_err err;
		struct cmd c;
		enum sim_status st;

		ck_assert_int_eq(script_parse_line(*lines, 1, &c, &err), 1);
		st = session_do(&s, &c);
		ck_assert_msg(st == SIM_OK, "%s: %s", *lines, s.last.msg);
	}
}

static const char *const handshake[] = {
	"isn client 99", "isn server 299", "server listen", "client connect",
	"settle", NULL
};

static const char *
label(size_t i, enum ladder_num m)
{
	static char buf[160];

	ck_assert_uint_lt(i, v.lad.narrows);
	return ladder_label(&v.lad, &v.lad.arrows[i], m, buf, sizeof(buf));
}

static bool
narrated(const char *text)
{
	for (size_t i = 0; i < v.nnarr; i++)
		if (strstr(v.narr[i], text) != NULL)
			return true;
	return false;
}

START_TEST(test_labels_raw)
{
	run(handshake);
	ck_assert_uint_eq(v.lad.narrows, 3);
	ck_assert_str_eq(label(0, LADDER_NUM_RAW), "#1 SYN seq=99");
	ck_assert_str_eq(label(1, LADDER_NUM_RAW),
	    "#2 SYN+ACK seq=299 ack=100");
	ck_assert_str_eq(label(2, LADDER_NUM_RAW), "#3 ACK seq=100 ack=300");
}
END_TEST

START_TEST(test_labels_relative)
{
	run(handshake);
	ck_assert_str_eq(label(0, LADDER_NUM_REL), "#1 SYN seq=0");
	ck_assert_str_eq(label(1, LADDER_NUM_REL), "#2 SYN+ACK seq=0 ack=1");
	ck_assert_str_eq(label(2, LADDER_NUM_REL), "#3 ACK seq=1 ack=1");
}
END_TEST

START_TEST(test_labels_symbolic)
{
	static const char *const data[] = { "client send 100", NULL };

	run(handshake);
	run(data);
	ck_assert_str_eq(label(0, LADDER_NUM_SYM), "#1 SYN seq=J");
	ck_assert_str_eq(label(1, LADDER_NUM_SYM), "#2 SYN+ACK seq=K ack=J+1");
	ck_assert_str_eq(label(2, LADDER_NUM_SYM), "#3 ACK seq=J+1 ack=K+1");
	ck_assert_str_eq(label(3, LADDER_NUM_SYM),
	    "#4 PSH+ACK seq=J+1 ack=K+1 len=100");
}
END_TEST

/* ISNs near the top of the space: relative numbers wrap correctly. */
START_TEST(test_labels_wrap)
{
	static const char *const wrap[] = {
		"isn client 4294967295", "isn server 4294967290",
		"server listen", "client connect", "settle",
		"client send 10", "deliver", NULL
	};

	run(wrap);
	ck_assert_str_eq(label(2, LADDER_NUM_RAW),
	    "#3 ACK seq=0 ack=4294967291");
	ck_assert_str_eq(label(2, LADDER_NUM_REL), "#3 ACK seq=1 ack=1");
	ck_assert_str_eq(label(3, LADDER_NUM_SYM),
	    "#4 PSH+ACK seq=J+1 ack=K+1 len=10");
}
END_TEST

START_TEST(test_label_tags)
{
	static const char *const more[] = {
		"client send 10", "dup #4", "drop #4",
		"inject c>s SYN seq=90", NULL
	};

	run(handshake);
	run(more);
	ck_assert_str_eq(label(3, LADDER_NUM_REL),
	    "#4 PSH+ACK seq=1 ack=1 len=10 [lost]");
	ck_assert_str_eq(label(4, LADDER_NUM_REL),
	    "#5 PSH+ACK seq=1 ack=1 len=10 [copy of #4]");
	ck_assert_str_eq(label(5, LADDER_NUM_REL), "#6 SYN seq=90 [old dup]");
	ck_assert_int_eq(v.lad.arrows[3].fate, LADDER_LOST);
}
END_TEST

/* Issue 13: relative numbers are per incarnation and never negative.  In
 * RFC 9293 Figure 9 the server's ACK and the client's RST carry numbers of
 * the crashed incarnation: raw and marked, not ack=-300. */
START_TEST(test_half_open_old_incarnation_numbers_raw_not_negative)
{
	static const char *const fig9[] = {
		"isn client 99 400", "isn server 299", "server listen",
		"client connect", "settle", "client crash", "client connect",
		"deliver", "deliver", NULL
	};
	char box[96];

	run(fig9);
	ck_assert_uint_eq(v.lad.narrows, 6);
	ck_assert_str_eq(label(3, LADDER_NUM_REL), "#4 SYN seq=0");
	ck_assert_str_eq(label(3, LADDER_NUM_SYM), "#4 SYN seq=J'");
	ck_assert_str_eq(label(4, LADDER_NUM_REL),
	    "#5 ACK seq=1 ack=100 [raw]");
	ck_assert_str_eq(label(5, LADDER_NUM_REL), "#6 RST seq=100 [raw]");
	ck_assert_str_eq(label(5, LADDER_NUM_RAW), "#6 RST seq=100");
	for (size_t i = 0; i < v.lad.narrows; i++)
		ck_assert_ptr_null(strchr(label(i, LADDER_NUM_REL), '-'));
	/* Shortened, the label keeps its mark. */
	ladder_label_fit(&v.lad, &v.lad.arrows[4], LADDER_NUM_REL, 20, box,
	    sizeof(box));
	ck_assert_str_eq(box, "#5 A s=1 a=100 [raw]");
	ladder_num(&v.lad, LADDER_NUM_REL, HOST_CLIENT, 1, 100, box,
	    sizeof(box));
	ck_assert_str_eq(box, "100");
}
END_TEST

/* Issue 13: the two FINs of a simultaneous close cross on the wire and
 * are marked so; each host's CLOSING -> TIME_WAIT has its reason, though
 * both have the same one in one settle. */
START_TEST(test_closing_fins_cross_both_time_wait_reasons_told)
{
	static const char *const close2[] = {
		"client close", "server close", NULL
	};
	static const char *const rest[] = { "settle", NULL };

	run(handshake);
	ck_assert_uint_eq(v.lad.arrows[1].crossed, 0);
	ck_assert_uint_eq(v.lad.arrows[2].crossed, 0);
	run(close2);
	ck_assert_uint_eq(v.lad.arrows[3].crossed, 5);
	ck_assert_uint_eq(v.lad.arrows[4].crossed, 4);
	ck_assert(narrated("#4 and #5 cross on the wire"));
	run(rest);
	ck_assert(narrated("client: CLOSING -> TIME_WAIT: ACK of our FIN in "
	    "CLOSING, RFC 9293 3.10.7.4."));
	ck_assert(narrated("server: CLOSING -> TIME_WAIT: ACK of our FIN in "
	    "CLOSING, RFC 9293 3.10.7.4."));
}
END_TEST

/* Issue 13: six lost SYNs looked evenly spaced and wait 50ms showed
 * t=0.0s.  Each ladder row keeps its time; the clock shows milliseconds
 * when there are any. */
START_TEST(test_syn_sent_rows_keep_time_clock_shows_ms)
{
	static const char *const lost[] = {
		"client connect", "drop", "wait timer", "drop", "wait timer",
		"wait 50ms", NULL
	};
	char t[32];

	run(lost);
	ck_assert_uint_eq(v.lad.nrows, 3);
	ck_assert_uint_eq(v.lad.rows[0].time, 0);
	ck_assert_uint_eq(v.lad.rows[1].time, 1000);
	ck_assert_uint_eq(v.lad.rows[2].time, 3000);
	ck_assert_str_eq(sim_dur_text(s.w.now, t, sizeof(t)), "3.050s");
	ck_assert_str_eq(sim_dur_text(50, t, sizeof(t)), "0.050s");
	ck_assert_str_eq(sim_dur_text(200, t, sizeof(t)), "0.2s");
	ck_assert_str_eq(sim_dur_text(3000, t, sizeof(t)), "3s");
	ck_assert_str_eq(sim_dur_text(240000, t, sizeof(t)), "4:00");
}
END_TEST

/* Tester 3, items 6 and 16: the crossing mark vanished under longer
 * labels (symbolic and raw numbers, or #4 FIN+ACK seq=1 ack=1 at 80
 * columns).  A label fitted to view_cross_room leaves the ladder's middle
 * to the shaft in both directions; a label too long for that still gets
 * its mark in its own shaft, never under the label. */
START_TEST(test_crossed_fin_wait_1_mark_never_under_label)
{
	struct view_geom g;
	int room = view_cross_room(21, 65), x;

	ck_assert_int_eq(room, 20);
	for (int d = 0; d < 2; d++) {
		view_geom((enum sim_dir)d, VIEW_END, 21, 65, room, &g);
		ck_assert_int_eq(view_cross_x(&g, 21, 65), 43);
		view_geom((enum sim_dir)d, VIEW_END, 21, 65, 38, &g);
		ck_assert_int_ge(view_cross_x(&g, 21, 65), g.shaft_lo);
		ck_assert_int_le(view_cross_x(&g, 21, 65), g.shaft_hi);
		ck_assert(view_cross_x(&g, 21, 65) < g.label_x ||
		    view_cross_x(&g, 21, 65) >= g.label_x + g.label_w);
		x = view_cross_x(&g, 21, 65);
		/* In flight, half-way, the mark is on the shaft drawn, in
		 * the column it keeps when the arrow arrives. */
		view_geom((enum sim_dir)d, VIEW_MID, 21, 65, 38, &g);
		ck_assert_int_eq(view_cross_x(&g, 21, 65), x);
		ck_assert_int_ge(x, g.shaft_lo);
		ck_assert_int_le(x, g.shaft_hi);
		view_geom((enum sim_dir)d, VIEW_MID, 21, 65, 20, &g);
		ck_assert_int_eq(view_cross_x(&g, 21, 65), 43);
	}
	/* No room for a shaft: no mark rather than one on the label. */
	view_geom(DIR_C2S, VIEW_END, 21, 24, 0, &g);
	ck_assert_int_eq(view_cross_x(&g, 21, 24), -1);
}
END_TEST

/* Issue 13: at 80x24 a raw label was cut to "len=1" for 100 bytes.  A
 * shortened label keeps every number whole, at every width. */
START_TEST(test_raw_label_at_80_columns_never_cuts_a_number)
{
	static const char *const big[] = {
		"isn client 2433363336", "isn server 3203108257",
		"server listen", "client connect", "settle",
		"client send 100", NULL
	};
	char full[160], fit[160], *sp;

	run(big);
	ck_assert_str_eq(label(3, LADDER_NUM_RAW),
	    "#4 PSH+ACK seq=2433363337 ack=3203108258 len=100");
	/* 80 columns: the time lines at 21 (after the time column) and 65. */
	ck_assert_int_eq(view_label_room(21, 65), 38);
	ladder_label_fit(&v.lad, &v.lad.arrows[3], LADDER_NUM_RAW, 46, fit,
	    sizeof(fit));
	ck_assert_str_eq(fit, "#4 PSH+ACK s=2433363337 a=3203108258 l=100");
	ladder_label_fit(&v.lad, &v.lad.arrows[3], LADDER_NUM_RAW, 38, fit,
	    sizeof(fit));
	ck_assert_str_eq(fit, "#4 PA s=2433363337 a=3203108258 l=100");
	for (int w = 0; w < 60; w++) {
		ladder_label_fit(&v.lad, &v.lad.arrows[3], LADDER_NUM_RAW, w,
		    fit, sizeof(fit));
		ck_assert_int_le(utf8_width(fit), w);
		snprintf(full, sizeof(full), " %s ", label(3, LADDER_NUM_RAW));
		/* Each number shown is one of the label's, whole. */
		for (char *p = strtok_r(fit, " ", &sp); p != NULL;
		    p = strtok_r(NULL, " ", &sp)) {
			char *eq = strchr(p, '='), want[40];

			if (eq == NULL)
				continue;
			snprintf(want, sizeof(want), "=%s ", eq + 1);
			ck_assert_msg(strstr(full, want) != NULL,
			    "width %d shows %s", w, p);
		}
	}
}
END_TEST

/* Ladder rows: one per segment, states in the margins in time order. */
START_TEST(test_ladder_rows)
{
	const struct ladder_row *l;

	run(handshake);
	ck_assert_uint_eq(v.lad.nrows, 4);
	l = &v.lad.rows[0];		/* LISTEN: a note, no segment */
	ck_assert(!l->is_arrow);
	ck_assert(l->has_state[HOST_SERVER]);
	ck_assert_int_eq(l->state[HOST_SERVER], TCP_LISTEN);
	l = &v.lad.rows[1];		/* #1 SYN */
	ck_assert(l->is_arrow);
	ck_assert_int_eq(l->state[HOST_CLIENT], TCP_SYN_SENT);
	ck_assert_int_eq(l->state[HOST_SERVER], TCP_SYN_RECEIVED);
	l = &v.lad.rows[2];		/* #2 SYN+ACK */
	ck_assert_int_eq(l->state[HOST_CLIENT], TCP_ESTABLISHED);
	ck_assert(!l->has_state[HOST_SERVER]);
	l = &v.lad.rows[3];		/* #3 ACK */
	ck_assert_int_eq(l->state[HOST_SERVER], TCP_ESTABLISHED);
	ck_assert_int_eq(v.lad.host[HOST_CLIENT].state, TCP_ESTABLISHED);
}
END_TEST

/* Simultaneous close: a late arrival's state goes on the reply's row so
 * that the server's margin still reads FIN_WAIT_1 before CLOSING. */
START_TEST(test_ladder_simultaneous_close)
{
	static const char *const close2[] = {
		"client close", "server close", "deliver #4", "deliver #5",
		NULL
	};

	run(handshake);
	run(close2);
	ck_assert_int_eq(v.lad.rows[4].state[HOST_CLIENT], TCP_FIN_WAIT_1);
	ck_assert(!v.lad.rows[4].has_state[HOST_SERVER]);
	ck_assert_int_eq(v.lad.rows[5].state[HOST_SERVER], TCP_FIN_WAIT_1);
	ck_assert_int_eq(v.lad.rows[5].state[HOST_CLIENT], TCP_CLOSING);
	ck_assert_int_eq(v.lad.rows[6].state[HOST_SERVER], TCP_CLOSING);
	ck_assert_int_eq(v.lad.host[0].state, TCP_CLOSING);
	ck_assert_int_eq(v.lad.host[1].state, TCP_CLOSING);
}
END_TEST

START_TEST(test_narration)
{
	run(handshake);
	ck_assert(narrated("server: SYN_RECEIVED -> ESTABLISHED: the ACK "
	    "acknowledges our SYN, RFC 9293 3.10.7.4."));
	ck_assert(narrated("The server application is told: connected."));
}
END_TEST

START_TEST(test_narration_lost)
{
	static const char *const lose[] = { "drop", NULL };
	static const char *const part[] = {
		"server listen", "client connect", NULL
	};

	run(part);
	ck_assert(narrated("client: CLOSED -> SYN_SENT: active OPEN"));
	ck_assert(narrated("client sends #1 SYN seq="));
	run(lose);
	ck_assert_uint_eq(v.nnarr, 1);
	ck_assert_str_eq(v.narr[0], "Segment #1 is lost in the network.");
}
END_TEST

/* Animation moves one arrow at a time, in trace order. */
START_TEST(test_animation_queue)
{
	static const char *const part[] = {
		"server listen", "client connect", NULL
	};
	static const char *const one[] = { "deliver", NULL };

	run(part);
	view_settle(&v);
	run(one);
	ck_assert(view_animating(&v));
	ck_assert_uint_eq(v.anim[0].shown, VIEW_MID);
	ck_assert(!v.anim[1].started);
	view_tick(&v, 250);
	ck_assert_uint_eq(v.anim[0].shown, VIEW_MID + 250);
	ck_assert_uint_eq(v.anim[1].shown, 0);
	view_tick(&v, 300);		/* 250 to finish #1, 50 into #2 */
	ck_assert_uint_eq(v.anim[0].shown, VIEW_END);
	ck_assert(v.anim[1].started);
	ck_assert_uint_eq(v.anim[1].shown, 50);
	ck_assert(!view_tick(&v, 1000));
	ck_assert_uint_eq(v.anim[1].shown, VIEW_MID);
}
END_TEST

/* While the SYN+ACK is on its way the client box still says SYN_SENT,
 * though the world's client is already ESTABLISHED. */
START_TEST(test_animation_boxes)
{
	static const char *const part[] = {
		"server listen", "client connect", "deliver", "deliver", NULL
	};
	enum tcp_state st;

	run(part);
	ck_assert_int_eq(s.w.host[HOST_CLIENT].tcb.state, TCP_ESTABLISHED);
	view_tick(&v, VIEW_MID);
	ck_assert(view_anim_state(&v, HOST_CLIENT, &st));
	ck_assert_int_eq(st, TCP_SYN_SENT);
	view_settle(&v);
	ck_assert(!view_anim_state(&v, HOST_CLIENT, &st));
}
END_TEST

/* Numbers keep step too: during a settle, while the SYN is still on its
 * way, the server box shows no RCV.NXT and the client's SND.UNA is still
 * its ISS, though the world has finished the handshake. */
START_TEST(test_animation_numbers)
{
	struct sim_nums n;

	run(handshake);
	ck_assert_uint_eq(s.w.host[HOST_CLIENT].tcb.snd_una, 100);
	ck_assert(view_anim_nums(&v, HOST_CLIENT, &n));
	ck_assert_uint_eq(n.iss, 99);
	ck_assert_uint_eq(n.snd_una, 99);
	ck_assert_uint_eq(n.snd_nxt, 100);
	ck_assert(view_anim_nums(&v, HOST_SERVER, &n));
	ck_assert(!n.irs_valid);
	view_settle(&v);
	ck_assert(!view_anim_nums(&v, HOST_CLIENT, &n));
}
END_TEST

START_TEST(test_geometry)
{
	struct view_anim a;
	struct view_geom g;
	enum sim_dir dir = DIR_C2S;

	memset(&a, 0, sizeof(a));
	a.shown = VIEW_END;
	view_geom(dir, a.shown, 13, 65, 12, &g);
	ck_assert(g.rightward);
	ck_assert_int_eq(g.label_x, 14);
	ck_assert_int_eq(g.shaft_lo, 27);
	ck_assert_int_eq(g.head_x, 64);
	a.shown = 0;
	view_geom(dir, a.shown, 13, 65, 12, &g);
	ck_assert_int_eq(g.head_x, 27);
	dir = DIR_S2C;
	a.shown = VIEW_END;
	view_geom(dir, a.shown, 13, 65, 12, &g);
	ck_assert_int_eq(g.label_x, 53);
	ck_assert_int_eq(g.head_x, 14);
	view_geom(dir, a.shown, 13, 30, 40, &g);	/* too long: cut, shaft kept */
	ck_assert_int_eq(g.label_w, 11);
}
END_TEST

START_TEST(test_first_row)
{
	size_t scroll = 0;

	run(handshake);
	ck_assert_uint_eq(view_first_row(&v, 2, &scroll), 2);
	scroll = 1;
	ck_assert_uint_eq(view_first_row(&v, 2, &scroll), 1);
	scroll = 99;
	ck_assert_uint_eq(view_first_row(&v, 2, &scroll), 0);
	ck_assert_uint_eq(scroll, 2);
	scroll = 0;
	ck_assert_uint_eq(view_first_row(&v, 10, &scroll), 0);
}
END_TEST

START_TEST(test_width_cjk)
{
	size_t st[4], ln[4];
	int used;

	ck_assert_int_eq(utf8_width("\xe4\xb8\xad\xe6\x96\x87"), 4);
	ck_assert_uint_eq(utf8_fit("\xe4\xb8\xad\xe6\x96\x87", 3, &used), 3);
	ck_assert_int_eq(used, 2);
	ck_assert_uint_eq(utf8_wrap("\xe4\xb8\xad\xe6\x96\x87\xe5\xad\x97",
	    4, st, ln, 4), 2);
	ck_assert_uint_eq(ln[0], 6);
	ck_assert_uint_eq(utf8_wrap("aaa bbb ccc", 7, st, ln, 4), 2);
	ck_assert_uint_eq(ln[0], 7);
	ck_assert_uint_eq(st[1], 8);
}
END_TEST

/* Chinese mixed with RFC names breaks beside a Chinese character, not
 * only at spaces, and never puts a full-width comma or full stop at the
 * start of a line. */
START_TEST(test_wrap_chinese)
{
	static const char text[] = "\xe6\x9c\x8d\xe5\x8a\xa1\xe5\x99\xa8"
	    "\xe8\xbf\x9b\xe5\x85\xa5 CLOSE_WAIT \xe7\x8a\xb6\xe6\x80"
	    "\x81\xef\xbc\x8c\xe7\xad\x89\xe5\xbe\x85\xe5\xba\x94"
	    "\xe7\x94\xa8\xe7\xa8\x8b\xe5\xba\x8f\xe5\x85\xb3\xe9"
	    "\x97\xad\xe3\x80\x82";
	size_t st[16], ln[16], n;

	for (int cols = 6; cols <= 30; cols++) {
		n = utf8_wrap(text, cols, st, ln, 16);
		ck_assert_uint_gt(n, 0);
		for (size_t i = 0; i < n; i++) {
			char line[128];

			snprintf(line, sizeof(line), "%.*s", (int)ln[i],
			    text + st[i]);
			ck_assert_int_le(utf8_width(line), cols);
			ck_assert_msg(strncmp(line, "\xef\xbc\x8c", 3) != 0 &&
			    strncmp(line, "\xe3\x80\x82", 3) != 0,
			    "line %zu at %d columns starts with punctuation", i,
			    cols);
		}
	}
	/* 12 columns: the first line is filled up to a Chinese boundary
	 * ("服务器进入" and the space), not cut at the only space. */
	n = utf8_wrap(text, 12, st, ln, 16);
	ck_assert_uint_ge(n, 3);
	ck_assert_uint_eq(ln[0], 15);
}
END_TEST

/* While the SYN moves the box still shows LISTEN: the boxes keep step
 * with the arrows (the box's own text is check_sim's ladder_text). */
START_TEST(test_box)
{
	struct ladder_box b;

	run(handshake);
	view_box_build(&v, &s.w, HOST_SERVER, LADDER_NUM_SYM, &b);
	ck_assert_str_eq(b.state, "LISTEN");	/* the SYN is on its way */
	view_settle(&v);
	view_box_build(&v, &s.w, HOST_SERVER, LADDER_NUM_SYM, &b);
	ck_assert_str_eq(b.state, "ESTABLISHED");
	ck_assert_int_eq(b.phase, LADDER_PH_ESTAB);
	ck_assert_str_eq(b.app, "accept() returned");
	ck_assert_ptr_nonnull(strstr(b.nums[0], "ISS K "));
	ck_assert_ptr_nonnull(strstr(b.nums[0], "RCV.NXT J+1"));
	view_box_build(&v, &s.w, HOST_CLIENT, LADDER_NUM_RAW, &b);
	ck_assert_str_eq(b.app, "connect() returned");
	ck_assert_ptr_nonnull(strstr(b.nums[1], "SND.NXT 100"));
}
END_TEST

/* Undo replays from a fresh world: the result equals never having done
 * the last step. */
START_TEST(test_undo_exact)
{
	struct session t;
	struct view tv;
	static const char *const more[] = { "client send 5", "deliver",
	    NULL };

	run(handshake);
	session_init(&t);
	view_init(&tv);
	view_watch(&tv, &t);
	for (size_t i = 0; i < s.ncmds; i++)
		session_do(&t, &s.cmds[i]);
	run(more);
	ck_assert(session_undo(&s));
	ck_assert(session_undo(&s));
	ck_assert_uint_eq(s.pos, 5);
	ck_assert_uint_eq(s.ncmds, 7);
	ck_assert_int_eq(memcmp(&s.w.host, &t.w.host, sizeof(t.w.host)), 0);
	ck_assert_uint_eq(v.lad.nrows, tv.lad.nrows);
	ck_assert(session_redo(&s));
	ck_assert_uint_eq(v.lad.narrows, 4);
	session_free(&t);
	view_free(&tv);
}
END_TEST

static Suite *
view_suite(void)
{
	Suite *su = suite_create("view");
	TCase *tc = tcase_create("view");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_labels_raw);
	tcase_add_test(tc, test_labels_relative);
	tcase_add_test(tc, test_labels_symbolic);
	tcase_add_test(tc, test_labels_wrap);
	tcase_add_test(tc, test_label_tags);
	tcase_add_test(tc, test_raw_label_at_80_columns_never_cuts_a_number);
	tcase_add_test(tc,
	    test_half_open_old_incarnation_numbers_raw_not_negative);
	tcase_add_test(tc, test_ladder_rows);
	tcase_add_test(tc, test_ladder_simultaneous_close);
	tcase_add_test(tc, test_syn_sent_rows_keep_time_clock_shows_ms);
	tcase_add_test(tc, test_closing_fins_cross_both_time_wait_reasons_told);
	tcase_add_test(tc, test_narration);
	tcase_add_test(tc, test_narration_lost);
	tcase_add_test(tc, test_animation_queue);
	tcase_add_test(tc, test_animation_boxes);
	tcase_add_test(tc, test_animation_numbers);
	tcase_add_test(tc, test_wrap_chinese);
	tcase_add_test(tc, test_geometry);
	tcase_add_test(tc, test_first_row);
	tcase_add_test(tc, test_width_cjk);
	tcase_add_test(tc, test_box);
	tcase_add_test(tc, test_undo_exact);
	tcase_add_test(tc, test_crossed_fin_wait_1_mark_never_under_label);
	suite_add_tcase(su, tc);
	return su;
}

int
main(void)
{
	SRunner *sr = srunner_create(view_suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
