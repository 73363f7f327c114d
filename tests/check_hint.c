/*
 * Check suite for computed lesson hints (src/lesson/hint.c): a learner
 * who left a step's authored path gets a hint about their own world and a
 * way forward the search found, and that way is what the world does.
 *
 * Data model: each test loads a shipped lesson (lessons/en), finds a task
 * step by its title, and builds the session a learner would have: the
 * step's own commands, then the learner's scenario lines.  The hint is
 * computed from that list, as the lesson screen does.
 */
#include <config.h>

#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lesson/hint.h"
#include "script/parse.h"

static void
load(const char *name, struct lesson *l)
{
	char path[1024];
	struct lesson_err e;

	snprintf(path, sizeof(path), "%s/lessons/en/%s.lesson",
	    TCPTEACH_SRCDIR, name);
	ck_assert_msg(lesson_load(path, l, &e), "%s: %s", path, e.msg);
}

/* Lesson NN-*.lesson of the English course. */
static void
load_num(int num, struct lesson *l)
{
	char dir[1024], prefix[16];
	struct dirent *de;
	DIR *d;

	snprintf(dir, sizeof(dir), "%s/lessons/en", TCPTEACH_SRCDIR);
	snprintf(prefix, sizeof(prefix), "%02d-", num);
	ck_assert((d = opendir(dir)) != NULL);
	while ((de = readdir(d)) != NULL)
		if (strncmp(de->d_name, prefix, 3) == 0 &&
		    strstr(de->d_name, ".lesson") != NULL) {
			char name[256];

			snprintf(name, sizeof(name), "%.*s",
			    (int)(strlen(de->d_name) - strlen(".lesson")),
			    de->d_name);
			closedir(d);
			load(name, l);
			return;
		}
	closedir(d);
	ck_abort_msg("no lesson %02d", num);
}

static size_t
step_titled(const struct lesson *l, const char *title)
{
	for (size_t i = 0; i < l->nsteps; i++)
		if (l->steps[i].title.s != NULL &&
		    strcmp(l->steps[i].title.s, title) == 0)
			return i;
	ck_abort_msg("no step titled %s", title);
	return 0;
}

/* A learner's session: the step's commands, then theirs. */
struct session {
	struct script s;
	size_t base;
};

static void
session_make(struct session *se, const struct lrun *lr,
    const char *const *lines)
{
	size_t n;
	const struct cmd *c = lrun_step_cmds(lr, &n, NULL);

	memset(se, 0, sizeof(*se));
	for (size_t i = 0; i < n; i++)
		script_append(&se->s, &c[i]);
	se->base = n;
	for (; lines != NULL && *lines != NULL; lines++) {
		struct cmd cmd;
		struct script_err e;

		ck_assert_int_eq(script_parse_line(*lines, 1, &cmd, &e), 1);
		script_append(&se->s, &cmd);
	}
}

/* A learner in one step: the lesson, the runner, their session, and
 * the hint computed for it. */
struct walk {
	struct lesson l;
	struct lrun lr;
	struct session se;
	struct lhint h;
};

/* Enter the step titled title of lesson name (NULL: the one loaded
 * already), play the learner's lines, compute the hint. */
static void
walk(struct walk *wk, const char *name, const char *title,
    const char *const *lines)
{
	if (name != NULL) {
		load(name, &wk->l);
	} else {
		script_free(&wk->se.s);
		lrun_free(&wk->lr);
	}
	ck_assert(lrun_start(&wk->lr, &wk->l, step_titled(&wk->l, title)));
	session_make(&wk->se, &wk->lr, lines);
	lhint_compute(&wk->lr, wk->se.s.cmds, wk->se.base, wk->se.s.n, 0,
	    &wk->h);
}

/* Play the session and then the hint's moves: the step's checks hold. */
static void
moves_reach_goal(struct walk *wk)
{
	const struct script *s = &wk->se.s;
	struct sim_result res;
	struct world w;
	char why[320];

	ck_assert_int_eq(wk->h.way, LHINT_FOUND);
	world_init(&w);
	lrun_play_session(&w, s->cmds, s->n);
	ck_assert_int_ne(lrun_check(&wk->lr, &w, why, sizeof(why)),
	    LRUN_PASSED);
	ck_assert_uint_eq(world_replay(&w, wk->h.moves, wk->h.nmoves, &res,
	    NULL, NULL), wk->h.nmoves);
	ck_assert_msg(lrun_check(&wk->lr, &w, why, sizeof(why)) ==
	    LRUN_PASSED, "the hint's moves end short of the goal: %s", why);
	world_free(&w);
}

/* Can the learner's session be played (the detour was possible)? */
static bool
detour_possible(const struct walk *wk)
{
	struct sim_result res;
	struct world w;
	bool ok;

	world_init(&w);
	ok = world_replay(&w, wk->se.s.cmds, wk->se.s.n, &res, NULL, NULL) ==
	    wk->se.s.n && res.status == SIM_OK;
	world_free(&w);
	return ok;
}

static void
walk_end(struct walk *wk)
{
	script_free(&wk->se.s);
	lrun_free(&wk->lr);
	lesson_free(&wk->l);
}

#define HAS(wk, part) ck_assert_msg(strstr((wk)->h.text, part) != NULL, \
	"\"%s\" lacks \"%s\"", (wk)->h.text, part)
#define LACKS(wk, part) ck_assert_msg(strstr((wk)->h.text, part) == NULL, \
	"\"%s\" has \"%s\"", (wk)->h.text, part)

/* Issue 13 item 16: lesson 02 "Hold the ACK back", whose hint says "the
 * ACK is the only segment in flight".  After the learner drops it, the
 * hint says nothing is in flight and names the server's retransmission
 * timer, by its key t. */
START_TEST(test_syn_received_ack_dropped_hint_names_rexmt)
{
	static const char *const drop[] = { "drop", NULL };
	struct walk wk;

	walk(&wk, "02-handshake", "Hold the ACK back", drop);
	ck_assert(!wk.h.on_path);
	HAS(&wk, "Nothing is in flight now.");
	HAS(&wk, "The client is in ESTABLISHED and the server in "
	    "SYN_RECEIVED.");
	HAS(&wk, "Press t: the server's retransmission timer fires at 1 s.");
	HAS(&wk, "The server resends its SYN+ACK as #4.");
	LACKS(&wk, "ACK (c>s)");
	ck_assert_int_eq(wk.h.moves[0].kind, CMD_WAIT_TIMER);
	moves_reach_goal(&wk);
	walk_end(&wk);
}
END_TEST

/* Lesson 05 "The end" (both hosts to CLOSED): the authored hint says to
 * deliver the ACK.  With it dropped, the way forward starts with the
 * server's retransmission of its FIN, and the step's own kinds of move
 * (t, d, d, t: no settle, which the step does not play) reach the goal
 * in four. */
START_TEST(test_last_ack_final_ack_dropped_hint_resends_fin)
{
	static const char *const drop[] = { "drop", NULL };
	struct walk wk;

	walk(&wk, "05-close", "The end", drop);
	ck_assert(!wk.h.on_path);
	ck_assert(!wk.h.past);
	HAS(&wk, "Nothing is in flight now.");
	HAS(&wk, "The client is in TIME_WAIT and the server in LAST_ACK.");
	HAS(&wk, "Press t: the server's retransmission timer fires at");
	HAS(&wk, "The server resends its FIN+ACK as #");
	HAS(&wk, "From here the goal is 4 moves away.");
	ck_assert_uint_eq(wk.h.nmoves, 4);
	moves_reach_goal(&wk);
	walk_end(&wk);
}
END_TEST

/* On the authored path (the step's start, or after the solution's first
 * command) the author's hint stands: the world is recognised as on it. */
START_TEST(test_last_ack_on_path_before_and_after_deliver)
{
	static const char *const deliver[] = { "deliver", NULL };
	struct walk wk;

	walk(&wk, "05-close", "The end", NULL);
	ck_assert(wk.h.on_path);
	moves_reach_goal(&wk);
	walk(&wk, NULL, "The end", deliver);
	ck_assert(wk.h.on_path);
	HAS(&wk, "The client is in TIME_WAIT and the server in CLOSED.");
	HAS(&wk, "Press t: the client's TIME_WAIT 2MSL timer fires at");
	HAS(&wk, "The client enters CLOSED.");
	HAS(&wk, "From here the goal is 1 move away.");
	walk_end(&wk);
}
END_TEST

/* A settle in the solution may be played as single deliveries: each
 * world between them is on the path. */
START_TEST(test_estab_settle_solution_single_delivers_on_path)
{
	static const char *const one[] = { "server close", "deliver", NULL };
	static const char *const lost[] = { "server close", "drop", NULL };
	struct walk wk;

	walk(&wk, "05-close", "The passive closer closes", one);
	ck_assert(wk.h.on_path);
	walk(&wk, NULL, "The passive closer closes", lost);
	ck_assert(!wk.h.on_path);
	HAS(&wk, "Press t: the server's retransmission timer fires at");
	moves_reach_goal(&wk);
	walk_end(&wk);
}
END_TEST

/* Lesson 08 "The FINs arrive": settling delivers the ACKs too, both
 * hosts leave CLOSING for TIME_WAIT, and no few moves bring CLOSING back:
 * the hint says so and offers u and R. */
START_TEST(test_closing_settled_past_goal_hint_says_undo)
{
	static const char *const settle[] = { "settle", NULL };
	struct walk wk;

	walk(&wk, "08-simultaneous-close", "The FINs arrive", settle);
	ck_assert(!wk.h.on_path);
	ck_assert(wk.h.past);
	ck_assert(wk.h.way == LHINT_FAR || wk.h.way == LHINT_GONE);
	HAS(&wk, "You went past the goal.");
	HAS(&wk, "The client is in TIME_WAIT and the server in TIME_WAIT.");
	HAS(&wk, "press u to undo your last event, or R to restart the step.");
	LACKS(&wk, "Press t");
	walk_end(&wk);
}
END_TEST

/* Every CLOSED host with no timer and nothing in flight, while the goal
 * wants an ACK in flight from a host in TIME_WAIT: the search runs out of
 * worlds or moves and says undo. */
START_TEST(test_closed_both_aborted_goal_unreachable_says_undo)
{
	static const char *const abort2[] = { "server close", "deliver",
	    "client abort", "server abort", NULL };
	struct walk wk;

	walk(&wk, "05-close", "The passive closer closes", abort2);
	ck_assert(wk.h.way == LHINT_FAR || wk.h.way == LHINT_GONE);
	HAS(&wk, "The client is in CLOSED and the server in CLOSED.");
	HAS(&wk, "press u to undo your last event");
	walk_end(&wk);
}
END_TEST

/* Lesson 08 "The FINs arrive": dropping the client's FIN leaves the
 * authored path but not the goal (the FIN is sent again): nothing is
 * said to have left the way, and the search finds the way to CLOSING. */
START_TEST(test_fin_wait_1_fin_dropped_goal_in_reach_no_stray)
{
	static const char *const drop[] = { "drop #4", NULL };
	struct walk wk;
	char why[640];

	walk(&wk, "08-simultaneous-close", "The FINs arrive", drop);
	ck_assert(!wk.h.on_path);
	ck_assert(!lhint_stray_text(&wk.lr, wk.se.s.cmds, wk.se.base,
	    wk.se.s.n, why, sizeof(why)));
	HAS(&wk, "In flight now: #5 FIN+ACK (s>c).");
	HAS(&wk, "The client is in FIN_WAIT_1 and the server in FIN_WAIT_1.");
	moves_reach_goal(&wk);
	walk_end(&wk);
}
END_TEST

/* Report item 1: a correct move by another route is no stray.  Lesson
 * 08 "Both close" with the server closing first (X), lesson 11 "Giving
 * up" with the timer (t), as the author's own hint says. */
START_TEST(test_estab_server_close_first_and_syn_sent_timer_not_stray)
{
	static const char *const x[] = { "server close", NULL };
	static const char *const t[] = { "wait timer", NULL };
	struct walk wk;
	char why[640];

	walk(&wk, "08-simultaneous-close", "Both close", x);
	ck_assert(!lhint_stray_text(&wk.lr, wk.se.s.cmds, wk.se.base,
	    wk.se.s.n, why, sizeof(why)));
	HAS(&wk, "Press x: the client calls close().");
	moves_reach_goal(&wk);
	walk_end(&wk);
	walk(&wk, "11-timeouts", "Giving up", t);
	ck_assert(!lhint_stray_text(&wk.lr, wk.se.s.cmds, wk.se.base,
	    wk.se.s.n, why, sizeof(why)));
	ck_assert(!wk.h.past);
	walk_end(&wk);
}
END_TEST

/* Report item 2: lesson 03 "The ghost arrives first" wants the old
 * duplicate #2 delivered; d delivers the real SYN #1.  The goal was never
 * reached, so it is not "past the goal": the move that made the goal
 * unreachable is named in the learner's keys, with why and the way. */
START_TEST(test_listen_old_dup_step_real_syn_delivered_named_not_past)
{
	static const char *const d[] = { "deliver", NULL };
	struct walk wk;
	char why[640];

	walk(&wk, "03-why-three", "The ghost arrives first", d);
	ck_assert(!wk.h.past);
	LACKS(&wk, "past the goal");
	ck_assert(!lrun_past_goal(&wk.lr, wk.se.s.cmds, wk.se.base,
	    wk.se.s.n, why, sizeof(why)));
	ck_assert(lhint_stray_text(&wk.lr, wk.se.s.cmds, wk.se.base,
	    wk.se.s.n, why, sizeof(why)));
	ck_assert_str_eq(why, "You pressed d: #1 SYN arrives at the server. "
	    "From there the goal can no longer be reached: #1 SYN had to "
	    "stay in flight. Press u, then 2, then d.");
	walk_end(&wk);
}
END_TEST

/* Lesson 09 "Almost closed" wants the last ACK lost; d delivers it. */
START_TEST(test_last_ack_final_ack_delivered_named_with_undo)
{
	static const char *const d[] = { "deliver", NULL };
	struct walk wk;
	char why[640];

	walk(&wk, "09-time-wait-ack", "Almost closed", d);
	ck_assert(!wk.h.past);
	ck_assert(lhint_stray_text(&wk.lr, wk.se.s.cmds, wk.se.base,
	    wk.se.s.n, why, sizeof(why)));
	ck_assert_msg(strstr(why, "You pressed d: #") == why, "%s", why);
	ck_assert_msg(strstr(why, "the server had to stay in LAST_ACK. "
	    "Press u, then z.") != NULL, "%s", why);
	walk_end(&wk);
}
END_TEST

/* Is an RST sent while w plays the hint's moves? */
static bool
moves_send_rst(struct walk *wk)
{
	struct sim_result res;
	struct world w;
	bool rst = false;

	world_init(&w);
	lrun_play_session(&w, wk->se.s.cmds, wk->se.s.n);
	w.keep_trace = true;
	world_trace_clear(&w);
	(void)world_replay(&w, wk->h.moves, wk->h.nmoves, &res, NULL, NULL);
	for (size_t i = 0; i < w.ntrace; i++)
		rst = rst || (w.trace[i].kind == SIM_EV_TCP &&
		    w.trace[i].tcp.kind == TCP_EV_SEND &&
		    (w.trace[i].flight.seg.flags & TCP_RST));
	world_free(&w);
	return rst;
}

/* Report item 3: lesson 05 "The end" after z t: the way is the normal
 * close (deliver the FIN again first), never an RST ending TIME_WAIT;
 * lesson 09 "Without TIME_WAIT" after a reconnect (c): no way through
 * the new SYN is offered (e would answer it), only the FIN's
 * retransmission the step teaches. */
START_TEST(test_last_ack_fin_rexmit_hint_no_rst_and_reconnect_no_way)
{
	static const char *const zt[] = { "drop", "wait timer", NULL };
	static const char *const c[] = { "client connect", NULL };
	struct walk wk;
	char why[640];

	walk(&wk, "05-close", "The end", zt);
	ck_assert_int_eq(wk.h.way, LHINT_FOUND);
	ck_assert(!moves_send_rst(&wk));
	ck_assert_int_eq(wk.h.moves[0].kind, CMD_DELIVER);
	ck_assert_msg(strstr(wk.h.text, "Press d: #") == wk.h.text, "%s",
	    wk.h.text);
	moves_reach_goal(&wk);
	walk_end(&wk);
	/* A reconnect puts the client's new SYN ahead of any RST on the
	 * wire: the step (the retransmitted FIN answered by a RST, the
	 * server still in LAST_ACK) is out of reach, and the learner is
	 * told which key did it and to undo, not led on by e. */
	walk(&wk, "09-time-wait-ack", "Without TIME_WAIT", c);
	ck_assert(lhint_stray_text(&wk.lr, wk.se.s.cmds, wk.se.base,
	    wk.se.s.n, why, sizeof(why)));
	ck_assert_msg(strstr(why, "Press u") != NULL, "%s", why);
	ck_assert_int_ne(wk.h.way, LHINT_FOUND);
	walk_end(&wk);
}
END_TEST

/* Report item 3 (left by the hints fix): lesson 09 "Without TIME_WAIT"
 * asks for the server's FIN to be sent again and delivered; a reconnect
 * settled (c, e) also makes the client send a RST, which the step's one
 * old check accepted.  The step now checks the retransmitted FIN, the
 * server still in LAST_ACK and the RST on its way. */
START_TEST(test_last_ack_reconnect_settled_not_fin_rexmit)
{
	static const char *const ce[] = { "client connect", "settle", NULL };
	static const char *const td[] = { "wait timer", "deliver", NULL };
	struct walk wk;
	struct world w;
	char why[320];

	walk(&wk, "09-time-wait-ack", "Without TIME_WAIT", ce);
	world_init(&w);
	lrun_play_session(&w, wk.se.s.cmds, wk.se.s.n);
	ck_assert_int_ne(lrun_check(&wk.lr, &w, why, sizeof(why)),
	    LRUN_PASSED);
	world_free(&w);
	walk_end(&wk);
	walk(&wk, "09-time-wait-ack", "Without TIME_WAIT", td);
	world_init(&w);
	lrun_play_session(&w, wk.se.s.cmds, wk.se.s.n);
	ck_assert_msg(lrun_check(&wk.lr, &w, why, sizeof(why)) ==
	    LRUN_PASSED, "%s", why);
	world_free(&w);
	walk_end(&wk);
}
END_TEST

/* Report item 9: the hint does not say the timer its key fires twice,
 * and its key comes first. */
START_TEST(test_syn_received_ack_dropped_hint_key_first_said_once)
{
	static const char *const drop[] = { "drop", NULL };
	struct walk wk;

	walk(&wk, "02-handshake", "Hold the ACK back", drop);
	ck_assert_msg(strstr(wk.h.text, "Press t: the server's "
	    "retransmission timer fires at 1 s.") == wk.h.text, "%s",
	    wk.h.text);
	LACKS(&wk, "The server's retransmission timer fires at 1 s.");
	walk_end(&wk);
}
END_TEST

/* Report item 15: lesson 02 "Third segment" done by another way (the
 * SYN+ACK duplicated, then delivered): the goal is reached, so moving on
 * does not say the learner's events were set aside; before the check
 * has passed, it would. */
START_TEST(test_syn_sent_synack_dup_delivered_done_not_set_aside)
{
	static const char *const lines[] = { "dup", "deliver", NULL };
	struct walk wk;
	struct world w;
	char why[320];

	walk(&wk, "02-handshake", "Third segment", lines);
	world_init(&w);
	lrun_play_session(&w, wk.se.s.cmds, wk.se.s.n);
	ck_assert(!lrun_world_is_solved(&wk.lr, &w));
	ck_assert(lrun_sets_aside(&wk.lr, &w));
	ck_assert_int_eq(lrun_check(&wk.lr, &w, why, sizeof(why)),
	    LRUN_PASSED);
	ck_assert(!lrun_sets_aside(&wk.lr, &w));
	world_free(&w);
	walk_end(&wk);
}
END_TEST

/* Report items 3 and 9: "Not yet" is told in words, not in scenario
 * syntax; lesson 03 "Clearing up" with the real SYN #1 delivered says
 * why the goal shown is out of reach (#1 had to stay in flight). */
START_TEST(test_listen_clearing_up_real_syn_delivered_says_why)
{
	static const char *const d1[] = { "deliver #1", NULL };
	struct walk wk;
	struct world w;
	char why[640];

	walk(&wk, "05-close", "The FIN arrives", NULL);
	ck_assert_int_eq(lrun_check(&wk.lr, &wk.lr.w, why, sizeof(why)),
	    LRUN_NOT_YET);
	ck_assert_str_eq(why, "the server is in ESTABLISHED; the goal wants "
	    "CLOSE_WAIT");
	walk_end(&wk);
	/* Lesson 03 "Clearing up" at its start: the client has sent no
	 * RST yet, said in words. */
	walk(&wk, "03-why-three", "Clearing up", NULL);
	ck_assert_int_eq(lrun_check(&wk.lr, &wk.lr.w, why, sizeof(why)),
	    LRUN_NOT_YET);
	ck_assert_msg(strstr(why, "expected") == NULL, "%s", why);
	walk_end(&wk);
	walk(&wk, "11-timeouts", "Giving up", NULL);
	ck_assert_int_eq(lrun_check(&wk.lr, &wk.lr.w, why, sizeof(why)),
	    LRUN_NOT_YET);
	ck_assert_str_eq(why, "the client is in SYN_SENT; the goal wants "
	    "CLOSED");
	walk_end(&wk);
	walk(&wk, "03-why-three", "Clearing up", d1);
	world_init(&w);
	lrun_play_session(&w, wk.se.s.cmds, wk.se.s.n);
	ck_assert_int_eq(lrun_check(&wk.lr, &w, why, sizeof(why)),
	    LRUN_NOT_YET);
	ck_assert_msg(strstr(why, "expected") == NULL, "%s", why);
	ck_assert_str_eq(why, "the last segment the client sent is #1 SYN "
	    "seq=100, not RST");
	world_free(&w);
	ck_assert(lhint_stray_text(&wk.lr, wk.se.s.cmds, wk.se.base,
	    wk.se.s.n, why, sizeof(why)));
	ck_assert_msg(strstr(why, "You pressed d: #1 SYN arrives at the "
	    "server.") == why, "%s", why);
	ck_assert_msg(strstr(why, "#1 SYN had to stay in flight.") != NULL,
	    "%s", why);
	ck_assert_msg(strstr(why, "Press u, then 3, then d.") != NULL, "%s",
	    why);
	walk_end(&wk);
}
END_TEST

/* A check the learner typed that failed (`expect client CLOSED`) is kept
 * in the session but does not end it: the hint is about the world after
 * the learner's later events, here the dropped FIN. */
START_TEST(test_fin_wait_1_failed_expect_then_drop_hint_sees_drop)
{
	static const char *const lines[] = { "expect client CLOSED",
	    "drop #4", NULL };
	struct walk wk;

	walk(&wk, "08-simultaneous-close", "The FINs arrive", lines);
	ck_assert(!wk.h.on_path);
	HAS(&wk, "In flight now: #5 FIN+ACK (s>c).");
	LACKS(&wk, "#4 FIN+ACK (c>s)");
	moves_reach_goal(&wk);
	walk_end(&wk);
}
END_TEST

/* A segment other than the oldest is named by its number first, as the
 * digit keys choose it. */
START_TEST(test_key_names_segment_number_unless_chosen)
{
	struct world w;
	struct cmd c = { .kind = CMD_DELIVER };
	struct flight f[2];
	char buf[64];

	world_init(&w);
	memset(f, 0, sizeof(f));
	f[0].id = 3;
	f[1].id = 12;
	w.wire = f;
	w.nwire = 2;
	c.sel.kind = SEL_ID;
	c.sel.id = 12;
	ck_assert_str_eq(lhint_key(&c, &w, 0, buf, sizeof(buf)),
	    "12, then d");
	ck_assert_str_eq(lhint_key(&c, &w, 12, buf, sizeof(buf)), "d");
	c.sel.id = 3;
	ck_assert_str_eq(lhint_key(&c, &w, 0, buf, sizeof(buf)), "d");
	c.kind = CMD_CLOSE;
	c.host = HOST_SERVER;
	ck_assert_str_eq(lhint_key(&c, &w, 0, buf, sizeof(buf)), "X");
	c.kind = CMD_WAIT;
	c.dur.ms = 50;
	ck_assert_str_eq(lhint_key(&c, &w, 0, buf, sizeof(buf)),
	    ": and type `wait 50ms`");
}
END_TEST

/* From the start of every task step of the course, the search finds a
 * way no longer than the author's solution, and playing it passes the
 * step's checks: the hint never names a move the world does not make. */
START_TEST(test_every_task_step_start_search_replays_to_goal)
{
	unsigned steps = 0;

	for (int n = 1; n <= 16; n++) {
		struct walk wk;

		memset(&wk, 0, sizeof(wk));
		load_num(n, &wk.l);
		for (size_t i = 0; i < wk.l.nsteps; i++) {
			if (wk.l.steps[i].kind != LESSON_TASK ||
			    wk.l.steps[i].solution.n > LHINT_DEPTH)
				continue;
			ck_assert(lrun_start(&wk.lr, &wk.l, i));
			session_make(&wk.se, &wk.lr, NULL);
			lhint_compute(&wk.lr, wk.se.s.cmds, wk.se.base,
			    wk.se.s.n, 0, &wk.h);
			ck_assert_msg(wk.h.on_path, "%02d step %zu", n, i + 1);
			ck_assert_msg(wk.h.way == LHINT_FOUND,
			    "%02d step %zu: %s", n, i + 1, wk.h.text);
			ck_assert_uint_le(wk.h.nmoves,
			    wk.l.steps[i].solution.n);
			moves_reach_goal(&wk);
			steps++;
			script_free(&wk.se.s);
			lrun_free(&wk.lr);
		}
		lesson_free(&wk.l);
	}
	ck_assert_uint_ge(steps, 30);
}
END_TEST

/* Along the author's own solution at every task step of the course,
 * no event is ever said to have made the goal unreachable, and the
 * goal is never "gone past" before the solution ends. */
START_TEST(test_every_task_step_solution_prefix_never_stray)
{
	unsigned told = 0;

	for (int n = 1; n <= 16; n++) {
		struct walk wk;

		memset(&wk, 0, sizeof(wk));
		load_num(n, &wk.l);
		for (size_t i = 0; i < wk.l.nsteps; i++) {
			const struct script *sol = &wk.l.steps[i].solution;
			char why[640];

			if (wk.l.steps[i].kind != LESSON_TASK)
				continue;
			ck_assert(lrun_start(&wk.lr, &wk.l, i));
			session_make(&wk.se, &wk.lr, NULL);
			for (size_t k = 0; k < sol->n; k++) {
				script_append(&wk.se.s, &sol->cmds[k]);
				ck_assert_msg(!lhint_stray_text(&wk.lr,
				    wk.se.s.cmds, wk.se.base, wk.se.s.n, why,
				    sizeof(why)), "%02d step %zu: %s", n,
				    i + 1, why);
				ck_assert_msg(!lrun_past_goal(&wk.lr,
				    wk.se.s.cmds, wk.se.base, wk.se.s.n, why,
				    sizeof(why)), "%02d step %zu: %s", n,
				    i + 1, why);
				told++;
			}
			script_free(&wk.se.s);
			lrun_free(&wk.lr);
		}
		lesson_free(&wk.l);
	}
	ck_assert_uint_ge(told, 40);
}
END_TEST

/* After one move off the path at any task step of the course (the
 * oldest segment dropped, a timer let fire, everything settled), a way
 * found is a way the world takes, and no way found says u. */
START_TEST(test_every_task_step_after_detour_hint_is_true)
{
	static const char *const detours[] = { "drop", "wait timer",
	    "settle" };
	unsigned found = 0, undo = 0;

	for (int d = 1; d <= 16; d++) {
		struct walk wk;

		memset(&wk, 0, sizeof(wk));
		load_num(d, &wk.l);
		for (size_t i = 0; i < wk.l.nsteps; i++)
			for (size_t k = 0; k < 3; k++) {
				const char *line[] = { detours[k], NULL };

				if (wk.l.steps[i].kind != LESSON_TASK)
					continue;
				ck_assert(lrun_start(&wk.lr, &wk.l, i));
				session_make(&wk.se, &wk.lr, line);
				if (detour_possible(&wk)) {
					lhint_compute(&wk.lr, wk.se.s.cmds,
					    wk.se.base, wk.se.s.n, 0, &wk.h);
					if (wk.h.way == LHINT_FOUND) {
						moves_reach_goal(&wk);
						found++;
					} else if (wk.h.way != LHINT_DONE) {
						HAS(&wk, "press u to undo");
						undo++;
					}
				}
				script_free(&wk.se.s);
				lrun_free(&wk.lr);
			}
		lesson_free(&wk.l);
	}
	ck_assert_uint_ge(found, 40);
	ck_assert_uint_ge(undo, 1);
}
END_TEST

static Suite *
hint_suite(void)
{
	Suite *s = suite_create("hint");
	TCase *tc = tcase_create("computed");

	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_syn_received_ack_dropped_hint_names_rexmt);
	tcase_add_test(tc, test_last_ack_final_ack_dropped_hint_resends_fin);
	tcase_add_test(tc, test_last_ack_on_path_before_and_after_deliver);
	tcase_add_test(tc, test_estab_settle_solution_single_delivers_on_path);
	tcase_add_test(tc, test_closing_settled_past_goal_hint_says_undo);
	tcase_add_test(tc, test_closed_both_aborted_goal_unreachable_says_undo);
	tcase_add_test(tc, test_key_names_segment_number_unless_chosen);
	tcase_add_test(tc, test_fin_wait_1_fin_dropped_goal_in_reach_no_stray);
	tcase_add_test(tc,
	    test_estab_server_close_first_and_syn_sent_timer_not_stray);
	tcase_add_test(tc,
	    test_listen_old_dup_step_real_syn_delivered_named_not_past);
	tcase_add_test(tc, test_last_ack_final_ack_delivered_named_with_undo);
	tcase_add_test(tc,
	    test_last_ack_fin_rexmit_hint_no_rst_and_reconnect_no_way);
	tcase_add_test(tc, test_last_ack_reconnect_settled_not_fin_rexmit);
	tcase_add_test(tc,
	    test_syn_received_ack_dropped_hint_key_first_said_once);
	tcase_add_test(tc,
	    test_syn_sent_synack_dup_delivered_done_not_set_aside);
	tcase_add_test(tc,
	    test_listen_clearing_up_real_syn_delivered_says_why);
	tcase_add_test(tc,
	    test_fin_wait_1_failed_expect_then_drop_hint_sees_drop);
	tcase_add_test(tc, test_every_task_step_start_search_replays_to_goal);
	tcase_add_test(tc, test_every_task_step_after_detour_hint_is_true);
	tcase_add_test(tc, test_every_task_step_solution_prefix_never_stray);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(hint_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
