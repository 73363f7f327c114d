/*
 * Check suite for the screens' named commands, with no terminal: this
 * program links without curses.  Every command of every screen is run by
 * name, and must change something a person would see (the world, the
 * choice, the scroll, a message, the prompt, the stack of screens) or ask
 * for a repaint; then the commands that matter most are checked for
 * exactly what they change, and the key tables for what they bind.
 *
 * Lessons come from the source tree (TCPTEACH_DATADIR, set by make
 * check); progress and exam attempts go to a temporary XDG home.
 */
#include <config.h>

#include <check.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <wchar.h>

#include "lesson/run.h"
#include "lib/pcapw.h"
#include "lib/utf8.h"
#include "quiz/exam.h"
#include "script/menu.h"
#include "ui/capture_ui.h"
#include "script/parse.h"
#include "ui/lesson_int.h"
#include "ui/quiz_int.h"
#include "ui/screen.h"
#include "ui/ui_int.h"

static char home[] = "/tmp/tcpteach-ui-cmds-XXXXXX";
static struct app app;
static struct ui ui;
static struct screen sim;
static struct qui qu;
static bool have_qui;
static const struct ui_opts opts = { .no_animation = true, .speed = 1 };

static void
setup(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	strcpy(home, "/tmp/tcpteach-ui-cmds-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(home));
	setenv("HOME", home, 1);
	setenv("XDG_DATA_HOME", home, 1);
	setenv("XDG_STATE_HOME", home, 1);
	app_init(&app);
	ui_state_init(&ui, &opts);
	ui.app = &app;
	memset(&sim, 0, sizeof(sim));
	sim.state = &ui;
	have_qui = false;
}

static void
teardown(void)
{
	char cmd[128];

	app_free(&app);
	ui_state_free(&ui);
	if (have_qui)
		qui_free(&qu);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", home);
	ck_assert_int_eq(system(cmd), 0);
}

/* Keys typed at the app, as the loop hands them over. */
static void
keys(const char *s)
{
	for (; *s != '\0'; s++)
		(void)app_key(&app, (unsigned char)*s);
}

static void
sim_push(const struct screen_def *def)
{
	sim.def = def;
	app_push(&app, &sim);
}

static enum tcp_state
state(enum sim_host_id h)
{
	return ui.s.w.host[h].tcb.state;
}

/* A world with something in flight: the server listens, the client's SYN
 * is on the wire. */
static void
sim_busy(const struct screen_def *def)
{
	sim_push(def);
	keys("Lc");
	ck_assert_uint_eq(ui.s.pos, 2);
	ck_assert_uint_eq(ui.s.w.nwire, 1);
	app.msg[0] = '\0';
}

static struct lui *
lesson_open(const char *name)
{
	char msg[512];
	struct lui *lu = lui_new(&opts, msg, sizeof(msg));
	const struct lesson_info *li;

	ck_assert_msg(lu != NULL, "%s", msg);
	lui_push(lu, &app);
	li = lesson_catalog_find(&lu->cat, name);
	ck_assert_ptr_nonnull(li);
	ck_assert(lui_open(lu, (size_t)(li - lu->cat.v)));
	ck_assert_ptr_eq(app_top(&app), &lu->lesson);
	app.msg[0] = '\0';
	return lu;
}

/* Walk the lesson to the first step of this kind. */
static void
lesson_seek(struct lui *lu, enum lesson_step_kind kind, enum lesson_qkind q)
{
	while (lrun_back(&lu->walk.lr))
		continue;
	while (lrun_cur(&lu->walk.lr)->kind != kind ||
	    (kind == LESSON_QUESTION && lrun_cur(&lu->walk.lr)->qkind != q)) {
		ck_assert(!lrun_at_end(&lu->walk.lr));
		(void)lrun_next(&lu->walk.lr);
	}
	lui_enter(lu);
	app.msg[0] = '\0';
}

static void
quiz_push(enum sitting_mode mode)
{
	struct exam_params p;

	exam_params_init(&p);
	p.seed = 7;
	p.count = 3;
	p.generated_only = true;
	snprintf(p.lang, sizeof(p.lang), "en");
	qui_init(&qu, mode);
	have_qui = true;
	if (mode == SITTING_EXAM)
		qu.sit.dir = strdup(home);
	ck_assert(exam_session_start_lang(&qu.sit.es, &p, 0));
	if (mode == SITTING_EXAM)
		qu.sit.es.path = exam_attempt_path(qu.sit.dir, &qu.sit.es);
	app_push(&app, &qu.sc);
}

/* Make the current question a multiple-choice one, answered: the
 * generators deal numeric and order questions too. */
static void
quiz_answer_a_choice(void)
{
	unsigned i = 0;

	while (i < qu.sit.es.ex.n && qu.sit.es.ex.q[i].type != QUIZ_T_CHOICE)
		i++;
	ck_assert_uint_lt(i, qu.sit.es.ex.n);
	qu.sit.es.current = i;
	ck_assert(exam_session_choose(&qu.sit.es, i, 0));
}

/* What a person could see change, as text. */
static void
seen(char *buf, size_t size)
{
	struct screen *top = app_top(&app);
	int n = snprintf(buf, size, "depth %zu top %p msg '%s' prompt %s "
	    "'%ls' ask %d quit %d", app.depth, (void *)top, app.msg,
	    app.plabel ? app.plabel : "-", app.ed.line, (int)app.ask,
	    (int)app.quit);

	if (top == &sim || (top != NULL && top->def == &lui_lesson_def)) {
		const struct ui *u = top == &sim ? &ui :
		    &((struct lui *)top->state)->ui;

		n += snprintf(buf + n, size - (size_t)n, " pos %zu/%zu sel %u "
		    "mark %u scroll %zu whatif %d num %d speed %g now %llu",
		    u->s.pos, u->s.ncmds, (unsigned)u->sel,
		    (unsigned)u->mark, u->scroll,
		    (int)u->whatif, (int)u->v.num, u->speed,
		    (unsigned long long)u->s.w.now);
	}
	if (top != NULL && top->def == &lui_lesson_def) {
		const struct lui *lu = top->state;

		n += snprintf(buf + n, size - (size_t)n, " step %zu hints %zu "
		    "rev %d solved %d fin %d ptop %zu npick %zu verdict %d",
		    lu->walk.lr.step, lu->walk.lr.nhints, (int)lu->walk.revealed,
		    (int)lu->walk.solved, (int)lu->walk.finished, lu->ptop, lu->walk.npick,
		    (int)lu->walk.has_verdict);
	}
	if (top != NULL && top->def == &capui_list_def)
		n += snprintf(buf + n, size - (size_t)n, " sel %zu q '%s'",
		    ((struct capui *)top->state)->b.sel,
		    ((struct capui *)top->state)->b.query);
	if (top != NULL && top->def == &lui_list_def)
		n += snprintf(buf + n, size - (size_t)n, " sel %zu",
		    ((struct lui *)top->state)->sel);
	if (top == &qu.sc)
		snprintf(buf + n, size - (size_t)n, " cur %u screen %d "
		    "top %d done %d answered %u", qu.sit.es.current,
		    (int)qu.sit.page, qu.top, (int)qu.sit.done,
		    exam_session_score(&qu.sit.es).answered);
	if (top != NULL && top->def == &screen_help_def)
		snprintf(buf + n, size - (size_t)n, " help top %d",
		    (int)((struct screen_helpst *)top->state)->text.top);
}

/* Run c by name on the top screen: it must change what is seen, or at
 * least ask for the glass to be cleared. */
static void
run_changes(const char *name, int arg)
{
	char before[1024], after[1024];
	int r;

	seen(before, sizeof(before));
	r = screen_run(app_top(&app), name, arg);
	ck_assert_msg(r != UI_UNBOUND, "%s: no such command", name);
	ck_assert_msg((r & ~0x7f) == 0, "%s: redraw bits %#x", name, r);
	seen(after, sizeof(after));
	ck_assert_msg(strcmp(before, after) != 0 || (r & UI_R_CLEAR),
	    "%s changed nothing: %s", name, before);
}

START_TEST(test_sim_every_command_changes_something)
{
	const struct screen_def *defs[] = { &ui_sim_def, &ui_play_def,
	    &ui_lab_def };

	for (size_t d = 0; d < 3; d++)
		for (size_t i = 0; i < defs[d]->ncmds; i++) {
			const struct screen_cmd *c = &defs[d]->cmds[i];
			const char *n = c->name;

			sim_busy(defs[d]);
			/* Those that need a state of their own first. */
			if (strcmp(n, "what-if-close") == 0)
				ui.whatif = true;
			if (strcmp(n, "redo") == 0 || strcmp(n, "next") == 0)
				keys("u");
			if (strcmp(n, "scroll-down") == 0)
				ui.scroll = 5;
			if (strcmp(n, "scroll-newest") == 0)
				ui.scroll = 1;
			if (strcmp(n, "select-clear") == 0)
				ui.mark = 1;
			run_changes(n, 2);
			app_free(&app);
			ui_state_free(&ui);
			ui_state_init(&ui, &opts);
			ui.app = &app;
		}
}
END_TEST

START_TEST(test_sim_event_applies_to_world)
{
	sim_push(&ui_sim_def);
	ck_assert_int_eq(screen_run(&sim, "server-listen", 0) & UI_R_ALL,
	    UI_R_ALL);
	ck_assert_int_eq(state(HOST_SERVER), TCP_LISTEN);
	screen_run(&sim, "client-connect", 0);
	ck_assert_int_eq(state(HOST_CLIENT), TCP_SYN_SENT);
	screen_run(&sim, "deliver", 0);
	ck_assert_int_eq(state(HOST_SERVER), TCP_SYN_RECEIVED);
	ck_assert_uint_eq(ui.s.pos, 3);
	ck_assert_str_eq(app.msg, "");
}
END_TEST

/* set app_read manual: 100 bytes from the client wait at the server
 * until V (the event menu's server read) reads them. */
START_TEST(test_estab_read_key_reads_waiting_data)
{
	struct cmd c = { .kind = CMD_SET, .key = SET_APP_READ, .on = false };
	struct cmd rd;

	sim_push(&ui_sim_def);
	ck_assert_int_eq(session_do(&ui.s, &c), SIM_OK);
	keys("Lcese");
	ck_assert_int_eq(state(HOST_SERVER), TCP_ESTABLISHED);
	ck_assert_uint_eq(ui.s.w.host[HOST_SERVER].tcb.rcv_unread, 100);
	menu_make(&ui.s.w, CMD_READ, HOST_SERVER, 0, &rd);
	ck_assert(menu_possible(&ui.s.w, &rd));
	menu_make(&ui.s.w, CMD_READ, HOST_CLIENT, 0, &rd);
	ck_assert(!menu_possible(&ui.s.w, &rd) ||
	    ui.s.w.host[HOST_CLIENT].tcb.rcv_unread == 0);
	keys("V");
	ck_assert_str_eq(app.msg, "");
	ck_assert_uint_eq(ui.s.w.host[HOST_SERVER].tcb.rcv_unread, 0);
}
END_TEST

/* With the application reading by itself, read is refused, with why. */
START_TEST(test_estab_read_key_refused_when_app_reads_itself)
{
	sim_push(&ui_sim_def);
	keys("Lce");
	ck_assert_int_eq(state(HOST_CLIENT), TCP_ESTABLISHED);
	keys("v");
	ck_assert(app.msg_err);
	ck_assert_ptr_nonnull(strstr(app.msg, "read is impossible"));
	ck_assert_int_eq(state(HOST_CLIENT), TCP_ESTABLISHED);
}
END_TEST

START_TEST(test_sim_impossible_event_refused_with_reason)
{
	sim_push(&ui_sim_def);
	screen_run(&sim, "deliver", 0);
	ck_assert_uint_eq(ui.s.pos, 0);
	ck_assert(app.msg_err);
	ck_assert_ptr_nonnull(strstr(app.msg, "Cannot do \"deliver"));
}
END_TEST

START_TEST(test_sim_undo_redo_restart)
{
	sim_busy(&ui_sim_def);
	screen_run(&sim, "undo", 0);
	ck_assert_uint_eq(ui.s.pos, 1);
	ck_assert_int_eq(state(HOST_CLIENT), TCP_CLOSED);
	screen_run(&sim, "redo", 0);
	ck_assert_int_eq(state(HOST_CLIENT), TCP_SYN_SENT);
	screen_run(&sim, "restart", 0);
	ck_assert_uint_eq(ui.s.pos, 0);
	ck_assert_uint_eq(ui.s.ncmds, 2);
	screen_run(&sim, "redo", 0);
	ck_assert_uint_eq(ui.s.pos, 1);
}
END_TEST

/* The lab screen's session over a backend; the simulated world stands
 * in for the kernels (the same interface), so this runs anywhere. */
static struct wbackend stand_in;
static unsigned rebuilds;

static bool
stand_in_rebuild(struct session *s)
{
	(void)s;
	rebuilds++;
	wbackend_destroy(&stand_in);
	wbackend_sim(&stand_in, true);
	return true;
}

/* The simulator screen on the stand-in backend, as the lab screen runs. */
static void
stand_in_begin(void)
{
	wbackend_sim(&stand_in, true);
	rebuilds = 0;
	ui.s.be = &stand_in;
	ui.s.rebuild = stand_in_rebuild;
	session_be_world(&ui.s);
	sim_push(&ui_lab_def);
}

/* Free the lab's state and the backend; a fresh simulator for teardown. */
static void
stand_in_end(void)
{
	app_free(&app);
	ui_state_free(&ui);
	wbackend_destroy(&stand_in);
	ui_state_init(&ui, &opts);
	ui.app = &app;
}

START_TEST(test_lab_commands_go_to_the_backend_undo_rebuilds)
{
	struct cmd c;

	stand_in_begin();
	/* The what-if switch turns the kernels' delayed ACKs off first. */
	ui.whatif = true;
	screen_run(&sim, "delayed-ack", 0);
	ck_assert_uint_eq(ui.s.pos, 1);
	ck_assert(ui.s.cmds[0].kind == CMD_SET && !ui.s.cmds[0].on);
	ck_assert(!ui.s.w.cfg.delayed_ack);
	ui.whatif = false;
	screen_run(&sim, "undo", 0);
	ck_assert(ui.s.w.cfg.delayed_ack);
	rebuilds = 0;
	screen_run(&sim, "server-listen", 0);
	screen_run(&sim, "client-connect", 0);
	/* The backend changed, the session's own world did not. */
	ck_assert_int_eq(stand_in.ops->state(stand_in.self, HOST_CLIENT),
	    TCP_SYN_SENT);
	ck_assert_int_eq(state(HOST_CLIENT), TCP_CLOSED);
	/* The segment in flight is mirrored for the menu and the choice. */
	ck_assert_uint_eq(ui.s.w.nwire, 1);
	ck_assert(ui.s.w.wire[0].seg.flags & TCP_SYN);
	memset(&c, 0, sizeof(c));
	c.kind = CMD_DELIVER;
	ck_assert(ui_possible(&ui, &c));
	c.kind = CMD_LISTEN;
	c.host = HOST_SERVER;
	ck_assert(!ui_possible(&ui, &c));
	screen_run(&sim, "deliver", 0);
	ck_assert_int_eq(stand_in.ops->state(stand_in.self, HOST_SERVER),
	    TCP_SYN_RECEIVED);
	ck_assert_uint_eq(ui.s.w.nwire, 1);	/* the SYN+ACK */
	/* Undo: a new backend, the first two commands replayed. */
	screen_run(&sim, "undo", 0);
	ck_assert_uint_eq(rebuilds, 1);
	ck_assert_uint_eq(ui.s.pos, 2);
	ck_assert_int_eq(stand_in.ops->state(stand_in.self, HOST_SERVER),
	    TCP_LISTEN);
	ck_assert_int_eq(stand_in.ops->state(stand_in.self, HOST_CLIENT),
	    TCP_SYN_SENT);
	ck_assert_uint_eq(ui.s.w.nwire, 1);
	stand_in_end();
}
END_TEST

/* The lab's state boxes show the kernel's report: its state and its
 * timer; its numbers it does not expose, so the box says so (not in
 * LISTEN, where there are none). */
START_TEST(test_lab_syn_sent_box_kernel_state_numbers_not_exposed)
{
	struct ladder_box b;

	stand_in_begin();
	screen_run(&sim, "server-listen", 0);
	screen_run(&sim, "client-connect", 0);
	ui_lab_box(&ui, HOST_CLIENT, &b);
	ck_assert_str_eq(b.state, "SYN_SENT");
	ck_assert_int_eq(b.phase, LADDER_PH_OPENING);
	ck_assert_str_eq(b.app, "the kernel's own state");
	ck_assert_str_eq(b.nums[0], "ISS SND.* RCV.NXT: not exposed");
	ck_assert_ptr_nonnull(strstr(b.timers, "RTO"));
	ui_lab_box(&ui, HOST_SERVER, &b);
	ck_assert_str_eq(b.state, "LISTEN");
	ck_assert_str_eq(b.nums[0], "");
	stand_in_end();
}
END_TEST

/* The lab's "old SYN" from the client in SYN_SENT: 10 below the ISS the
 * kernel chose (the stand-in's ISS is 5000), not the simulation's fixed
 * 90, which means nothing against a kernel's random ISN. */
START_TEST(test_lab_syn_sent_old_syn_below_kernel_iss)
{
	struct cmd isn = { .kind = CMD_ISN, .host = HOST_CLIENT, .nisn = 1,
	    .isn = { 5000 } };
	const struct cmd *c;

	stand_in_begin();
	ck_assert_int_eq(session_do(&ui.s, &isn), SIM_OK);
	screen_run(&sim, "server-listen", 0);
	screen_run(&sim, "client-connect", 0);
	screen_run(&sim, "inject-client", 0);
	ck_assert_uint_eq(ui.s.pos, 4);
	c = &ui.s.cmds[3];
	ck_assert_int_eq(c->kind, CMD_INJECT);
	ck_assert_uint_eq(c->seg.flags, TCP_SYN);
	ck_assert_uint_eq(c->seg.seq, 4990);
	/* The server answers it as in Figure 8 (recovery from an old
	 * duplicate SYN): SYN+ACK ack=4991. */
	screen_run(&sim, "choose-next", 0);
	screen_run(&sim, "deliver", 0);
	ck_assert_int_eq(stand_in.ops->state(stand_in.self, HOST_SERVER),
	    TCP_SYN_RECEIVED);
	stand_in_end();
}
END_TEST

START_TEST(test_sim_choose_nth_by_key_and_name)
{
	sim_busy(&ui_sim_def);
	keys("+");	/* a duplicate: two in flight */
	ck_assert_uint_eq(ui.s.w.nwire, 2);
	keys("2");
	ck_assert_uint_eq(ui.sel, 2);
	screen_run(&sim, "choose-nth", 1);
	ck_assert_uint_eq(ui.sel, 1);
	keys("3");
	ck_assert_ptr_nonnull(strstr(app.msg, "No segment #3"));
	(void)app_key(&app, UI_K_DOWN);
	ck_assert_uint_eq(ui.sel, ui.s.w.wire[1].id);
	(void)app_key(&app, UI_K_UP);
	ck_assert_uint_eq(ui.sel, ui.s.w.wire[0].id);
}
END_TEST

/* Issue 13: after L c + d the wire holds #2 and #3; "2" then "d" must
 * deliver #2, the label the learner sees, not the second on the wire. */
START_TEST(test_sim_digit_picks_segment_by_label_not_position)
{
	sim_busy(&ui_sim_def);
	keys("+d");
	ck_assert_uint_eq(ui.s.w.nwire, 2);
	ck_assert_uint_eq(ui.s.w.wire[0].id, 2);
	ck_assert_uint_eq(ui.s.w.wire[1].id, 3);
	keys("2");
	ck_assert_uint_eq(ui.sel, 2);
	keys("d");
	/* #2 arrived; #3 is still on its way. */
	ck_assert_uint_eq(ui.s.w.wire[0].id, 3);
	for (size_t i = 0; i < ui.s.w.nwire; i++)
		ck_assert_uint_ne(ui.s.w.wire[i].id, 2);
	keys("1");
	ck_assert_ptr_nonnull(strstr(app.msg, "No segment #1"));
	ck_assert_uint_eq(ui.sel, 0);
}
END_TEST

/* Two digits make #12 while some segment's number starts with them. */
START_TEST(test_sim_two_digits_pick_segment_12)
{
	sim_busy(&ui_sim_def);
	for (int i = 0; i < 11; i++)
		keys("+");
	ck_assert_uint_eq(ui.s.w.wire[ui.s.w.nwire - 1].id, 12);
	keys("1");
	ck_assert_uint_eq(ui.sel, 1);
	keys("2");
	ck_assert_uint_eq(ui.sel, 12);
	keys("3");
	ck_assert_uint_eq(ui.sel, 3);
}
END_TEST

/* Issue 13: a what-if switch stays in sight and is not a step; e on an
 * empty wire is refused, not recorded as a step where nothing happens. */
START_TEST(test_sim_whatif_switch_shown_not_a_step_settle_empty_refused)
{
	char sw[128];

	sim_push(&ui_sim_def);
	keys("o2q");
	ck_assert(!ui.s.w.cfg.time_wait);
	ck_assert_uint_eq(cmd_steps(ui.s.cmds, ui.s.pos), 0);
	ck_assert_str_eq(world_switches_text(&ui.s.w, sw, sizeof(sw)),
	    "rfc9293 no TIME_WAIT");
	keys("o1q");
	ck_assert_str_eq(world_switches_text(&ui.s.w, sw, sizeof(sw)),
	    "linux no TIME_WAIT");
	keys("e");
	ck_assert_uint_eq(ui.s.pos, 2);
	ck_assert(app.msg_err);
	ck_assert_ptr_nonnull(strstr(app.msg, "Nothing is in flight"));
	keys("Lc");
	ck_assert_uint_eq(cmd_steps(ui.s.cmds, ui.s.pos), 2);
}
END_TEST

/* U+0102 (Ă) is 0x102, which curses also uses for KEY_DOWN: typed as a
 * character it must not choose the next segment. */
START_TEST(test_sim_u0102_typed_is_not_key_down)
{
	uint32_t sel;

	sim_busy(&ui_sim_def);
	keys("+");
	sel = ui.sel;
	(void)app_key(&app, 0x102);
	ck_assert_uint_eq(ui.sel, sel);
	ck_assert_ptr_nonnull(strstr(app.msg, "That key does nothing"));
}
END_TEST

START_TEST(test_sim_whatif_digits_switch_not_choose)
{
	sim_push(&ui_sim_def);
	keys("o");
	ck_assert(ui.whatif);
	ck_assert(ui.s.w.cfg.time_wait);
	keys("2");
	ck_assert(!ui.s.w.cfg.time_wait);
	keys("c");	/* not an event while the switches are open */
	ck_assert_int_eq(state(HOST_CLIENT), TCP_CLOSED);
	keys("q");
	ck_assert(!ui.whatif);
	ck_assert_uint_eq(app.depth, 1);
}
END_TEST

START_TEST(test_sim_prompt_runs_scenario_command)
{
	sim_push(&ui_sim_def);
	keys(":server listen");
	ck_assert_str_eq(app.plabel, ":");
	(void)app_key(&app, UI_K_BACKSPACE);
	keys("n\r");
	ck_assert_ptr_null(app.plabel);
	ck_assert_int_eq(state(HOST_SERVER), TCP_LISTEN);
}
END_TEST

/* A parse error closes the line (quoting it): the next : starts empty,
 * so what is typed then is never glued to the bad text; Up recalls it. */
START_TEST(test_sim_prompt_error_closes_line_next_starts_empty)
{
	char line[64];

	sim_push(&ui_sim_def);
	keys(":wait 99999999999999999999999ms\r");
	ck_assert_ptr_null(app.plabel);
	ck_assert_ptr_nonnull(strstr(app.msg,
	    ":wait 99999999999999999999999ms"));
	ck_assert_ptr_nonnull(strstr(app.msg, "column 6"));
	keys(":");
	lineedit_text(&app.ed, line, sizeof(line));
	ck_assert_str_eq(line, "");
	keys("bogus\r");
	ck_assert_ptr_nonnull(strstr(app.msg, ":bogus  column 1"));
	ck_assert_ptr_null(strstr(app.msg, "ms:bogus"));
	keys(":");
	(void)app_key(&app, UI_K_UP);
	lineedit_text(&app.ed, line, sizeof(line));
	ck_assert_str_eq(line, "bogus");
	(void)app_key(&app, UI_ESC);
	ck_assert_ptr_null(app.plabel);
}
END_TEST

/* Up and Down at the : prompt recall the lines typed at it, not the
 * other prompts' ones. */
START_TEST(test_sim_prompt_up_recalls_earlier_lines)
{
	char line[64];

	sim_push(&ui_sim_def);
	keys(":server listen\r:client connect\r");
	screen_run(&sim, "save", 0);
	keys("\033");
	keys(":");
	(void)app_key(&app, UI_K_UP);
	lineedit_text(&app.ed, line, sizeof(line));
	ck_assert_str_eq(line, "client connect");
	(void)app_key(&app, UI_K_UP);
	(void)app_key(&app, UI_K_UP);
	lineedit_text(&app.ed, line, sizeof(line));
	ck_assert_str_eq(line, "server listen");
	(void)app_key(&app, UI_K_DOWN);
	(void)app_key(&app, UI_K_DOWN);
	lineedit_text(&app.ed, line, sizeof(line));
	ck_assert_str_eq(line, "");
}
END_TEST

START_TEST(test_sim_save_prompt_writes_file)
{
	char path[256], line[300];
	FILE *f;

	sim_busy(&ui_sim_def);
	snprintf(path, sizeof(path), "%s/s.scn", home);
	screen_run(&sim, "save", 0);
	ck_assert_str_eq(app.plabel, "Save as: ");
	app.ed.len = 0;
	keys(path);
	keys("\r");
	ck_assert_ptr_nonnull(strstr(app.msg, "Saved 2 commands"));
	f = fopen(path, "r");
	ck_assert_ptr_nonnull(f);
	ck_assert_ptr_nonnull(fgets(line, sizeof(line), f));
	fclose(f);
}
END_TEST

/* One segment written is "1 segment", not "1 segments". */
START_TEST(test_sim_pcap_one_syn_written_singular)
{
	char path[256];

	sim_busy(&ui_sim_def);
	keys("Lc");	/* the server listens, the client's SYN in flight */
	snprintf(path, sizeof(path), "%s/one.pcap", home);
	keys(":pcap ");
	keys(path);
	keys("\r");
	ck_assert_ptr_nonnull(strstr(app.msg, "Wrote 1 segment to "));
}
END_TEST

/* W asks for a name (session.pcap by default), writes the session's
 * segments as a pcap, asks before replacing a file; tcpdump reads it
 * with the trace's flags, seq and ack. */
START_TEST(test_sim_pcap_key_writes_capture_tcpdump_reads)
{
	char path[256], cmd[400], out[4096], line[64];
	size_t n = 0;
	FILE *p;

	sim_busy(&ui_sim_def);
	keys("e");	/* settle: SYN, SYN+ACK, ACK */
	snprintf(path, sizeof(path), "%s/s.pcap", home);
	keys("W");
	ck_assert_str_eq(app.plabel, "Write capture as: ");
	lineedit_text(&app.ed, line, sizeof(line));
	ck_assert_str_eq(line, "session.pcap");
	app.ed.len = 0;
	keys(path);
	keys("\r");
	ck_assert_ptr_nonnull(strstr(app.msg, "Wrote 3 segments"));
	/* Again: asked first; n keeps the file, y replaces it. */
	keys(":pcap ");
	keys(path);
	keys("\r");
	ck_assert_int_eq(app.ask, APP_ASK_YESNO);
	ck_assert_ptr_nonnull(strstr(app.asktext, "exists"));
	keys("n");
	ck_assert_ptr_nonnull(strstr(app.msg, "Not written"));
	keys(":client close\r:pcap ");
	keys(path);
	keys("  \ry");	/* trailing blanks are not part of the name */
	ck_assert_ptr_nonnull(strstr(app.msg, "Wrote 4 segments"));
	if (system("tcpdump --version >/dev/null 2>&1") != 0)
		return;
	snprintf(cmd, sizeof(cmd), "tcpdump -nr '%s' 2>/dev/null", path);
	p = popen(cmd, "r");
	ck_assert_ptr_nonnull(p);
	n = fread(out, 1, sizeof(out) - 1, p);
	out[n] = '\0';
	ck_assert_int_eq(pclose(p), 0);
	ck_assert_ptr_nonnull(strstr(out,
	    "10.0.0.1.49152 > 10.0.0.2.18989: Flags [S], seq "));
	ck_assert_ptr_nonnull(strstr(out,
	    "10.0.0.2.18989 > 10.0.0.1.49152: Flags [S.], seq "));
	ck_assert_ptr_nonnull(strstr(out,
	    "10.0.0.1.49152 > 10.0.0.2.18989: Flags [F.], seq "));
}
END_TEST

/* Three connections to 10.0.0.2:80 from ports 40001..40003, each a
 * handshake and the client's RST. */
static void
capture_file(const char *path)
{
	FILE *f = fopen(path, "wb");
	uint8_t pkt[PCAPW_TCP_HDR];

	ck_assert_ptr_nonnull(f);
	ck_assert(pcapw_header(f));
	for (uint16_t c = 0; c < 3; c++)
		for (int k = 0; k < 4; k++) {
			bool c2s = k != 1;
			struct pcapw_tcp t = {
				.saddr = c2s ? 0x0a000001u : 0x0a000002u,
				.daddr = c2s ? 0x0a000002u : 0x0a000001u,
				.sport = c2s ? 40001 + c : 80,
				.dport = c2s ? 80 : 40001 + c,
				.seq = k == 0 ? 100 : k == 1 ? 900 : 101,
				.ack = k == 0 ? 0 : k == 1 ? 101 : 901,
				.flags = k == 0 ? TCP_SYN : k == 1 ? TCP_SYN |
				    TCP_ACK : k == 2 ? TCP_ACK : TCP_RST |
				    TCP_ACK,
				.wnd = 65535,
			};
			size_t n = pcapw_tcp4(&t, pkt, sizeof(pkt));

			ck_assert(pcapw_record(f, 1000u * (4u * c + k + 1),
			    pkt, n));
		}
	fclose(f);
}

static char cap_path[256];

static struct capui *
capture_push(void)
{
	char *path = cap_path;
	struct capui *cu;
	int rc;

	snprintf(cap_path, sizeof(cap_path), "%s/three.pcap", home);
	capture_file(path);
	/* The screen keeps the name, as it keeps argv's. */
	cu = capui_new(path, &opts, &rc, NULL);
	ck_assert_ptr_nonnull(cu);
	ck_assert_int_eq(rc, 0);
	app_push(&app, &cu->list);
	return cu;
}

START_TEST(test_capture_every_command_changes_something)
{
	const struct screen_def *d = &capui_list_def;

	for (size_t i = 0; i < d->ncmds; i++) {
		const char *n = d->cmds[i].name;
		struct capui *cu = capture_push();

		cu->b.rows = 1;
		if (strcmp(n, "conn-up") == 0 || strcmp(n, "conn-first") == 0 ||
		    strcmp(n, "conn-page-up") == 0)
			cu->b.sel = 2;
		if (strcmp(n, "search-next") == 0)
			strcpy(cu->b.query, "4000");
		run_changes(n, 0);
		app_free(&app);
	}
}
END_TEST

/* The list shows the statistics' numbers, / finds a connection, Enter
 * replays it on the ladder to its end, m switches the numbers, q comes
 * back to the list. */
START_TEST(test_capture_list_search_open_replay_back)
{
	struct capui *cu = capture_push();
	struct ui *u;

	ck_assert_uint_eq(cu->b.l.n, 3);
	ck_assert_uint_eq(cu->b.l.st.conns, 3);
	ck_assert_uint_eq(cu->b.l.st.hs_complete, 3);
	ck_assert_uint_eq(cu->b.l.st.reset, 3);
	keys("/40003\r");
	ck_assert_uint_eq(cu->b.sel, 2);
	keys("/nothing like it\r");
	ck_assert_ptr_nonnull(strstr(app.msg, "No connection matches"));
	ck_assert_uint_eq(cu->b.sel, 2);
	keys("/40002\r\r");
	ck_assert_ptr_eq(app_top(&app), &cu->conn);
	ck_assert_ptr_eq(cu->conn.def, &ui_play_def);
	u = &cu->ui;
	ck_assert_uint_gt(u->s.pos, 0);
	ck_assert_uint_eq(u->s.pos, u->s.ncmds);
	ck_assert_int_eq(u->s.w.host[HOST_CLIENT].tcb.state, TCP_CLOSED);
	ck_assert_int_eq(u->v.num, LADDER_NUM_RAW);
	keys("m");
	ck_assert_int_eq(u->v.num, LADDER_NUM_REL);
	/* p steps back one step: the last event and the checks after it
	 * (lecture mode steps over expect lines). */
	keys("p");
	ck_assert_uint_lt(u->s.pos, u->s.ncmds);
	keys("q");
	ck_assert_ptr_eq(app_top(&app), &cu->list);
	keys("q");
	ck_assert_uint_eq(app.depth, 0);
}
END_TEST

/* One connection whose client sends its SYN three times (at 0.5 s, 1.5 s
 * and 3.5 s of capture time), then the handshake ends 12.345 ms later. */
static void
capture_slow_file(const char *path)
{
	static const uint64_t at[] = { 500000, 1500000, 3500000, 3512345,
	    3512400 };
	FILE *f = fopen(path, "wb");
	uint8_t pkt[PCAPW_TCP_HDR];

	ck_assert_ptr_nonnull(f);
	ck_assert(pcapw_header(f));
	for (int k = 0; k < 5; k++) {
		bool c2s = k != 3;
		struct pcapw_tcp t = {
			.saddr = c2s ? 0x0a000001u : 0x0a000002u,
			.daddr = c2s ? 0x0a000002u : 0x0a000001u,
			.sport = c2s ? 40001 : 80, .dport = c2s ? 80 : 40001,
			.seq = k < 3 ? 100 : k == 3 ? 900 : 101,
			.ack = k < 3 ? 0 : k == 3 ? 101 : 901,
			.flags = k < 3 ? TCP_SYN : k == 3 ? TCP_SYN | TCP_ACK :
			    TCP_ACK,
			.wnd = 65535,
		};
		size_t n = pcapw_tcp4(&t, pkt, sizeof(pkt));

		ck_assert(pcapw_record(f, at[k], pkt, n));
	}
	fclose(f);
}

/* The time of the ladder row of the n-th delivered arrow (from 0) with
 * flags fl going dir (the model's own segments that the capture does not
 * have are dropped), as the row's time and the arrow's own sent time
 * agree. */
static uint64_t
capture_row_time(const struct ladder *l, enum sim_dir dir, uint8_t fl,
    unsigned n)
{
	for (size_t i = 0; i < l->narrows; i++) {
		const struct ladder_arrow *a = &l->arrows[i];

		if (a->f.dir != dir || a->f.seg.flags != fl ||
		    a->fate != LADDER_DELIVERED || n-- > 0)
			continue;
		ck_assert_uint_eq(a->arrived, a->sent);
		ck_assert_uint_eq(l->rows[a->row].time, a->sent);
		return a->sent;
	}
	ck_abort_msg("no such arrow");
	return 0;
}

/* Issue 13 item 5: a replayed capture's ladder carries the capture's own
 * times, relative to the connection's first segment, in ms, as a flow
 * graph does; stepping back and forth keeps them. */
START_TEST(test_capture_replay_ladder_rows_carry_capture_times)
{
	struct capui *cu;
	const struct ladder *l;
	int rc;

	snprintf(cap_path, sizeof(cap_path), "%s/slow.pcap", home);
	capture_slow_file(cap_path);
	cu = capui_new(cap_path, &opts, &rc, NULL);
	ck_assert_ptr_nonnull(cu);
	app_push(&app, &cu->list);
	keys("\r");
	ck_assert_ptr_eq(app_top(&app), &cu->conn);
	for (int pass = 0; pass < 2; pass++) {
		l = &cu->ui.v.lad;
		ck_assert_uint_eq(capture_row_time(l, DIR_C2S, TCP_SYN, 0), 0);
		ck_assert_uint_eq(capture_row_time(l, DIR_C2S, TCP_SYN, 1),
		    1000);
		ck_assert_uint_eq(capture_row_time(l, DIR_C2S, TCP_SYN, 2),
		    3000);
		ck_assert_uint_eq(capture_row_time(l, DIR_S2C,
		    TCP_SYN | TCP_ACK, 0), 3012);
		ck_assert_uint_eq(capture_row_time(l, DIR_C2S, TCP_ACK, 0),
		    3012);
		/* The rows read in capture order: the SYN+ACK the model
		 * sent at the first SYN is drawn where it was captured. */
		for (size_t i = 1; i < l->nrows; i++)
			ck_assert_uint_le(l->rows[i - 1].time, l->rows[i].time);
		/* The simulated clock never moved: the times are the
		 * capture's, not the model's. */
		ck_assert_uint_eq(cu->ui.s.w.now, 0);
		ck_assert_uint_eq(session_now(&cu->ui.s), 3012);
		keys("p");
		keys("n");
	}
	ck_assert_uint_eq(cu->ui.s.pos, cu->ui.s.ncmds);
	app_free(&app);
}
END_TEST

/* Save to path at the prompt (the default name erased first). */
static void
save_as(const char *path)
{
	screen_run(app_top(&app), "save", 0);
	app.ed.len = 0;
	keys(path);
	keys("\r");
}

START_TEST(test_sim_save_existing_file_asks_keeps_mode_and_link)
{
	char path[256], link[256], line[300];
	struct stat st;
	FILE *f;

	sim_busy(&ui_sim_def);
	screen_run(&sim, "save", 0);
	lineedit_text(&app.ed, line, sizeof(line));
	ck_assert_str_eq(line, "session.scn");
	keys("\033");
	snprintf(path, sizeof(path), "%s/old.scn", home);
	snprintf(link, sizeof(link), "%s/link.scn", home);
	f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs("keep me\n", f);
	fclose(f);
	ck_assert_int_eq(chmod(path, 0600), 0);
	ck_assert_int_eq(symlink("old.scn", link), 0);
	save_as(link);
	ck_assert_int_eq(app.ask, APP_ASK_STRICT);
	ck_assert_ptr_nonnull(strstr(app.asktext, "exists. Overwrite it?"));
	keys("n");
	/* Not written; the prompt is back with the name to change. */
	ck_assert_str_eq(app.plabel, "Save as: ");
	f = fopen(path, "r");
	ck_assert_ptr_nonnull(fgets(line, sizeof(line), f));
	fclose(f);
	ck_assert_str_eq(line, "keep me\n");
	keys("\ry");
	ck_assert_ptr_nonnull(strstr(app.msg, "Saved 2 commands"));
	ck_assert_int_eq(lstat(link, &st), 0);
	ck_assert(S_ISLNK(st.st_mode));
	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert_int_eq(st.st_mode & 0777, 0600);
	f = fopen(path, "r");
	ck_assert_ptr_nonnull(fgets(line, sizeof(line), f));
	fclose(f);
	ck_assert_str_ne(line, "keep me\n");
}
END_TEST

START_TEST(test_sim_quit_with_unsaved_steps_offers_to_save)
{
	char path[256];
	struct stat st;

	sim_busy(&ui_sim_def);
	keys("q");
	ck_assert_uint_eq(app.depth, 1);
	ck_assert_ptr_nonnull(strstr(app.asktext, "Save the 2 steps"));
	keys("x");			/* a stray key answers nothing */
	ck_assert_int_eq(app.ask, APP_ASK_STRICT);
	keys("\033");			/* Esc: stay */
	ck_assert_uint_eq(app.depth, 1);
	ck_assert_int_eq(app.ask, APP_ASK_NONE);
	snprintf(path, sizeof(path), "%s/q.scn", home);
	keys("qy");
	ck_assert_str_eq(app.plabel, "Save as: ");
	app.ed.len = 0;
	keys(path);
	keys("\r");
	ck_assert_uint_eq(app.depth, 0);
	ck_assert_int_eq(stat(path, &st), 0);
}
END_TEST

START_TEST(test_sim_quit_n_discards_and_saved_session_quits_at_once)
{
	char path[256];

	sim_busy(&ui_sim_def);
	keys("qn");
	ck_assert_uint_eq(app.depth, 0);
	sim_busy(&ui_sim_def);
	snprintf(path, sizeof(path), "%s/s.scn", home);
	save_as(path);
	keys("q");
	ck_assert_uint_eq(app.depth, 0);
}
END_TEST

static const char play_fig12[] =
    "isn client 99\n"
    "isn server 299\n"
    "# The server opens first.\n"
    "server listen\n"
    "client connect\n"
    "settle\n"
    "expect client ESTABLISHED\n"
    "client close\n"
    "expect inflight c>s FIN+ACK seq=100 ack=300\n"
    "deliver\n"
    "expect server CLOSE_WAIT\n";

static void
play_load(void)
{
	struct script scr;
	struct script_err err;

	memset(&err, 0, sizeof(err));
	ck_assert_msg(script_parse_buf("fig12", play_fig12,
	    strlen(play_fig12), &scr, &err), "%s", err.msg);
	session_load(&ui.s, scr.cmds, scr.n);
	script_free(&scr);
}

static bool
narrated(const char *text)
{
	for (size_t i = 0; i < ui.v.nnarr; i++)
		if (strstr(ui.v.narr[i], text) != NULL)
			return true;
	return false;
}

/* The arrows are relative: so is the check, not the file's raw 100. */
START_TEST(test_play_expect_inflight_shown_in_number_mode)
{
	play_load();
	ui.v.num = LADDER_NUM_REL;
	session_goto(&ui.s, 8);
	ck_assert_msg(narrated("Check passed: expect inflight c>s FIN+ACK "
	    "seq=1 ack=1"), "%s", ui.v.nnarr ? ui.v.narr[0] : "-");
	ui.v.num = LADDER_NUM_RAW;
	session_goto(&ui.s, 8);
	ck_assert(narrated("seq=100 ack=300"));
}
END_TEST

/* Lecture mode on fig12 read from a file (its comment a caption). */
static void
play_open(struct ui_opts *po, char *path, size_t size)
{
	struct script scr;
	struct script_err err;
	FILE *f;

	snprintf(path, size, "%s/fig12.scn", home);
	f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs(play_fig12, f);
	fclose(f);
	*po = opts;
	po->play = path;
	ui.o = po;
	memset(&err, 0, sizeof(err));
	ck_assert(script_load(path, &scr, &err));
	lecture_load(&ui.lec, &ui.s, scr.cmds, scr.n, path);
	script_free(&scr);
	sim_push(&ui_play_def);
}

START_TEST(test_play_stray_key_branches_and_b_resumes_script)
{
	struct ui_opts po;
	char path[256];

	play_open(&po, path, sizeof(path));
	keys("    ");			/* to step 4: the SYN in flight */
	ck_assert_uint_eq(ui.s.pos, 4);
	keys("z");			/* the lecturer drops it */
	ck_assert(ui.lec.branched);
	ck_assert_ptr_nonnull(strstr(app.msg, "the script is kept"));
	ck_assert_uint_eq(ui.s.ncmds, 5);
	keys("u");			/* undo does not lose it either */
	keys("b");
	ck_assert(!ui.lec.branched);
	ck_assert_uint_eq(ui.s.pos, 4);
	ck_assert_uint_eq(ui.s.ncmds, 10);
	ck_assert_int_eq(state(HOST_CLIENT), TCP_SYN_SENT);
	lecture_free(&ui.lec);
}
END_TEST

START_TEST(test_play_next_steps_over_expects_back_undoes_them)
{
	struct ui_opts po;
	char path[256];

	play_open(&po, path, sizeof(path));
	keys("   ");
	ck_assert_str_eq(lecture_caption(&ui.lec, &ui.s),
	    "The server opens first.");
	keys("  ");			/* connect, then settle + expect */
	ck_assert_uint_eq(ui.s.pos, 6);
	ck_assert_uint_eq(ui.s.npass, 1);
	ck_assert_ptr_null(lecture_caption(&ui.lec, &ui.s));
	keys(" ");			/* close + expect inflight */
	ck_assert_uint_eq(ui.s.pos, 8);
	keys("p");
	ck_assert_uint_eq(ui.s.pos, 6);
	keys("p");
	ck_assert_uint_eq(ui.s.pos, 4);
	keys("j");
	app.ed.len = 0;
	keys("9\r");
	ck_assert_uint_eq(ui.s.pos, 9);
	lecture_free(&ui.lec);
}
END_TEST

static void
prompt_is(const char *want)
{
	char line[256];

	lineedit_text(&app.ed, line, sizeof(line));
	ck_assert_str_eq(line, want);
}

START_TEST(test_sim_prompt_tab_completes_words_hosts_states_settings)
{
	sim_push(&ui_sim_def);
	keys(":ser\t");
	prompt_is("server ");
	keys("li\t");
	prompt_is("server listen ");
	app.ed.len = 0;
	keys("expect client TIME\t");
	prompt_is("expect client TIME_WAIT ");
	app.ed.len = 0;
	keys("set syn\t");
	/* syn_retries, syn_linear_timeouts: listed, not chosen */
	prompt_is("set syn");
	ck_assert_ptr_nonnull(strstr(app.msg, "syn_retries"));
	ck_assert_ptr_nonnull(strstr(app.msg, "syn_linear_timeouts"));
	app.ed.len = 0;
	keys("wait t\t");
	prompt_is("wait timer ");
	app.ed.len = 0;
	keys("xyz\t");
	prompt_is("xyz");
}
END_TEST

START_TEST(test_sim_prompt_help_lists_scenario_commands)
{
	sim_push(&ui_sim_def);
	keys(":help\r");
	ck_assert_ptr_null(app.plabel);
	ck_assert_ptr_nonnull(strstr(app.msg, "Scenario commands"));
	ck_assert_ptr_nonnull(strstr(app.msg, " deliver"));
	ck_assert_ptr_nonnull(strstr(app.msg, " expect"));
	ck_assert_uint_eq(ui.s.pos, 0);
	keys(":help deliver\r");
	ck_assert_ptr_nonnull(strstr(app.msg, "deliver [SEL]: "));
	keys(":help bogus\r");
	ck_assert_ptr_nonnull(strstr(app.msg, "No scenario command bogus"));
}
END_TEST

/* E: every step so far, each sentence whole with its RFC reason. */
START_TEST(test_sim_event_log_lists_every_step_with_reasons)
{
	struct ui_log *lg;
	bool rfc = false;
	size_t top;

	sim_busy(&ui_sim_def);
	keys("E");
	ck_assert_ptr_eq(app_top(&app)->def, &ui_log_def);
	lg = app_top(&app)->state;
	ck_assert_str_eq(lg->log.lines[0], "Step 1: server listen");
	ck_assert(lg->log.heads[0]);
	for (size_t i = 0; i < lg->log.n; i++)
		if (strstr(lg->log.lines[i], "RFC 9293 3.10.1") != NULL)
			rfc = true;
	ck_assert(rfc);
	top = lg->text.top;	/* no size known: the newest line */
	ck_assert_uint_eq(top, lg->log.n - 1);
	app_top(&app)->rows = 24;
	(void)app_key(&app, UI_K_HOME);
	ck_assert_uint_eq(lg->text.top, 0);
	(void)app_key(&app, UI_K_DOWN);
	ck_assert_uint_eq(lg->text.top, 1);
	(void)app_key(&app, ' ');	/* Space scrolls, not closes */
	ck_assert_ptr_eq(app_top(&app)->def, &ui_log_def);
	keys("q");
	ck_assert_ptr_eq(app_top(&app), &sim);
	ck_assert_uint_eq(ui.s.pos, 2);
}
END_TEST

/* Rows lines[from..n) take on a cols-wide log screen (log_draw.c). */
static int
log_rows(const struct ui_log *lg, size_t from, int cols)
{
	int used = 0;

	for (size_t i = from; i < lg->log.n; i++) {
		size_t st[16], ln[16];

		used += (int)utf8_wrap(lg->log.lines[i], cols -
		    (lg->log.heads[i] ? 2 : 4), st, ln, 16);
	}
	return used;
}

/* E opens as `less +G` does: the newest line on the bottom row, the
 * screen full above it; a log shorter than the screen from its start. */
START_TEST(test_sim_event_log_opens_full_newest_at_bottom)
{
	struct ui_log *lg;

	sim_push(&ui_sim_def);
	sim.rows = 24;
	sim.cols = 80;
	keys("LcE");
	lg = app_top(&app)->state;
	ck_assert_uint_eq(lg->text.top, 0);	/* it all fits */
	keys("q");
	keys("ddsdSdxdXdeE");
	lg = app_top(&app)->state;
	ck_assert_uint_gt(lg->text.top, 0);
	ck_assert_int_le(log_rows(lg, lg->text.top, 80), 23);
	ck_assert_int_gt(log_rows(lg, lg->text.top - 1, 80), 23);
	app_top(&app)->rows = 24;
	app_top(&app)->cols = 80;
	(void)app_key(&app, UI_K_HOME);
	ck_assert_uint_eq(lg->text.top, 0);
	(void)app_key(&app, UI_K_END);	/* back to the same screenful */
	ck_assert_int_le(log_rows(lg, lg->text.top, 80), 23);
	ck_assert_int_gt(log_rows(lg, lg->text.top - 1, 80), 23);
}
END_TEST

static bool
log_has(const struct ui_log *lg, const char *text)
{
	for (size_t i = 0; i < lg->log.n; i++)
		if (strstr(lg->log.lines[i], text) != NULL)
			return true;
	return false;
}

static void help_text(const struct screen *sc, char *all, size_t size);

/* Apply line straight to backend b, behind the session's back: what a
 * kernel does that the model would not. */
static void
be_apply(struct wbackend *b, const char *line)
{
	struct script_err err;
	struct sim_result res;
	struct cmd c;

	memset(&err, 0, sizeof(err));
	ck_assert_int_eq(script_parse_line(line, 0, &c, &err), 1);
	(void)wbackend_apply(b, &c, &res);
}

/* The lab's E tells what the kernels did: their ISN (not the model's
 * default), and a retransmission a kernel made by itself, under the
 * step after which it came; the log says whose run it is. */
START_TEST(test_lab_event_log_shows_kernels_segments_not_models)
{
	struct wbackend b = { 0 };
	struct ui_log *lg;

	wbackend_sim(&b, true);
	be_apply(&b, "isn client 1655885976");
	b.ops->trace_clear(b.self);
	ui.s.be = &b;
	session_be_world(&ui.s);
	ui.v.num = LADDER_NUM_RAW;
	sim_push(&ui_lab_def);
	keys("Lc");
	be_apply(&b, "wait timer");	/* the SYN again, by itself */
	session_feed_be(&ui.s);
	keys(":expect server LISTEN\r:expect client CLOSED\r");
	keys("E");
	ck_assert_ptr_eq(app_top(&app)->def, &ui_log_def);
	lg = app_top(&app)->state;
	ck_assert(log_has(lg, "What the kernels did at each step"));
	ck_assert(log_has(lg, "Step 2: client connect"));
	ck_assert(log_has(lg, "#1 SYN seq=1655885976"));
	ck_assert(log_has(lg, "#2 SYN seq=1655885976"));
	ck_assert(log_has(lg, "Check passed: expect server LISTEN"));
	ck_assert(log_has(lg, "Check failed: expect client CLOSED: "));
	ck_assert(!log_has(lg, "2433363436"));	/* the model's ISS */
	keys("q");
	keys("\r");		/* the inspector on the newest arrow: #2 */
	lg = app_top(&app)->state;
	ck_assert_uint_eq(lg->seg, 2);
	ck_assert(log_has(lg, "client retransmits #2 SYN seq=1655885976"));
	ck_assert(!log_has(lg, "2433363436"));
	keys("q");
	ui.s.be = NULL;
	wbackend_destroy(&b);
}
END_TEST

/* ? on the simulator: each key once in the main list with one meaning;
 * the what-if digits only under their own heading; no key list cut. */
START_TEST(test_help_sim_each_key_once_whatif_digits_apart)
{
	static char all[8192];
	char *whatif, *p, *line;
	char seen[2048] = " ";

	sim_push(&ui_sim_def);
	keys("o?");		/* the status line says ? help there too */
	ck_assert_ptr_eq(app_top(&app)->def, &screen_help_def);
	keys("x");
	ck_assert(ui.whatif);
	help_text(&sim, all, sizeof(all));
	whatif = strstr(all, "-|While the what-if switches are open");
	ck_assert_ptr_nonnull(whatif);
	ck_assert_ptr_nonnull(strstr(whatif, "\n1|what-if: rfc9293"));
	ck_assert_ptr_nonnull(strstr(all, "0-9|choose the segment"));
	ck_assert(strstr(all, "0-9|choose the segment") < whatif);
	ck_assert_ptr_nonnull(strstr(all, "r ^R Space n Right|redo"));
	ck_assert_ptr_nonnull(strstr(all, "\nR|restart from the beginning"));
	*whatif = '\0';
	for (line = strtok_r(all, "\n", &p); line != NULL;
	    line = strtok_r(NULL, "\n", &p)) {
		char *bar = strchr(line, '|'), *q, *k;

		*bar = '\0';
		for (k = strtok_r(line, " ", &q); k != NULL;
		    k = strtok_r(NULL, " ", &q)) {
			char pat[32];

			snprintf(pat, sizeof(pat), " %s ", k);
			ck_assert_msg(strstr(seen, pat) == NULL,
			    "key %s listed twice", k);
			strcat(seen, pat + 1);
		}
	}
}
END_TEST

/* Enter on the chosen segment: its fields, why it was sent, its fate;
 * Left and Right go to the other arrows. */
START_TEST(test_synsent_inspect_chosen_syn_fields_reason_fate)
{
	struct ui_log *lg;

	sim_busy(&ui_sim_def);
	keys("\r");
	ck_assert_ptr_eq(app_top(&app)->def, &ui_log_def);
	lg = app_top(&app)->state;
	ck_assert_str_eq(lg->log.lines[0], "Segment #1, client to server");
	ck_assert(log_has(lg, "flags SYN"));
	ck_assert(log_has(lg, "ack: none (no ACK flag)"));
	ck_assert(log_has(lg, "origin: sent by its host's TCP; now still "
	    "in flight"));
	ck_assert(log_has(lg, "Step 2: client connect"));
	ck_assert(log_has(lg, "CLOSED -> SYN_SENT"));	/* why sent */
	ck_assert(!log_has(lg, "Step 1: server listen"));
	keys("\r");
	ck_assert_ptr_eq(app_top(&app), &sim);
	keys("d\r");			/* delivered: what the server did */
	lg = app_top(&app)->state;
	ck_assert_str_eq(lg->log.lines[0], "Segment #2, server to client");
	(void)app_key(&app, UI_K_LEFT);
	ck_assert_str_eq(lg->log.lines[0], "Segment #1, client to server");
	ck_assert(log_has(lg, "now delivered"));
	ck_assert(log_has(lg, "Step 3: deliver"));
	ck_assert(log_has(lg, "RFC 9293 3.10.7.2"));
	(void)app_key(&app, UI_K_LEFT);
	ck_assert_ptr_nonnull(strstr(app.msg, "No other segment"));
}
END_TEST

START_TEST(test_sim_ctrl_s_and_ctrl_q_do_nothing)
{
	char before[1024], after[1024];

	sim_busy(&ui_sim_def);
	seen(before, sizeof(before));
	(void)app_key(&app, UI_CTRL('s'));
	(void)app_key(&app, UI_CTRL('q'));
	seen(after, sizeof(after));
	ck_assert_str_eq(before, after);
}
END_TEST

START_TEST(test_sim_lessons_pushes_list_q_returns)
{
	sim_push(&ui_sim_def);
	keys("g");
	ck_assert_uint_eq(app.depth, 2);
	ck_assert_ptr_eq(app_top(&app)->def, &lui_list_def);
	keys("q");
	ck_assert_uint_eq(app.depth, 1);
	ck_assert_ptr_eq(app_top(&app), &sim);
	keys("q");
	ck_assert_uint_eq(app.depth, 0);
}
END_TEST

START_TEST(test_help_generated_from_table_any_key_closes)
{
	struct screen_helpst *h;

	sim_push(&ui_sim_def);
	keys("?");
	ck_assert_ptr_eq(app_top(&app)->def, &screen_help_def);
	h = app_top(&app)->state;
	ck_assert_uint_gt(h->text.n, 40);
	app_top(&app)->rows = 24;
	(void)app_key(&app, UI_K_DOWN);
	ck_assert_uint_eq(h->text.top, 1);
	(void)app_key(&app, ' ');
	ck_assert_uint_eq(h->text.top, 13);
	run_changes("line", -1);
	run_changes("page", -1);
	keys("x");
	ck_assert_ptr_eq(app_top(&app), &sim);
}
END_TEST

/* The help scrolled far past its last row shows that row (every list
 * and scrolled text stops at its ends: lib/scroll, check_lib). */
START_TEST(test_help_scroll_past_end_stops_at_last_row)
{
	struct screen_helpst *h;

	sim_push(&ui_sim_def);
	keys("?");
	h = app_top(&app)->state;
	app_top(&app)->rows = 24;
	for (int i = 0; i < 20; i++)
		(void)app_key(&app, UI_K_PGDN);
	ck_assert_uint_eq(h->text.top, h->text.n - 1);
	(void)app_key(&app, UI_K_PGUP);
	ck_assert_uint_eq(h->text.top, h->text.n - 13);
}
END_TEST

/* The help rows of sc as "keys|help" lines, "-" for a heading's keys. */
static void
help_text(const struct screen *sc, char *all, size_t size)
{
	struct screen_help_row *rows;
	size_t n = screen_help(sc, &rows), len = 0;

	all[0] = '\0';
	for (size_t i = 0; i < n && len < size; i++)
		len += (size_t)snprintf(all + len, size - len, "%s|%s\n",
		    rows[i].keys[0] != '\0' ? rows[i].keys : "-", rows[i].help);
	free(rows);
}

/* Help's rows, made without a terminal: one per command in the table's
 * order, its keys joined in the key table's order, aliases left out. */
START_TEST(test_log_help_rows_join_each_commands_keys)
{
	struct screen_help_row *rows;
	size_t n;

	sim_busy(&ui_sim_def);
	keys("E");
	n = screen_help(app_top(&app), &rows);
	ck_assert_uint_eq(n, 5);
	ck_assert_str_eq(rows[0].keys, "Down Up");
	ck_assert_str_eq(rows[0].help, "scroll the log by a line");
	ck_assert_str_eq(rows[1].keys, "PgDn Space PgUp");
	ck_assert_str_eq(rows[2].keys, "Home End");
	ck_assert_str_eq(rows[3].keys, "q Esc E Enter");
	ck_assert_str_eq(rows[4].help, "inspector: the previous or next "
	    "segment");
	free(rows);
}
END_TEST

START_TEST(test_help_lesson_lists_simulator_keys_not_shadowed)
{
	static char all[8192];
	struct lui *lu = lesson_open("02");

	help_text(&lu->lesson, all, sizeof(all));
	ck_assert_ptr_nonnull(strstr(all, "R|lesson: restart this step"));
	ck_assert_ptr_nonnull(strstr(all, "c|client: connect() (active "
	    "open)"));
	ck_assert_ptr_nonnull(strstr(all, "Tab|choose the next"));
	/* u, p and Left are the lesson's: the simulator's undo is hidden. */
	ck_assert_ptr_null(strstr(all, "|undo the last event"));
}
END_TEST

START_TEST(test_lesson_every_command_changes_something)
{
	for (size_t i = 0; i < lui_lesson_def.ncmds; i++) {
		const char *n = lui_lesson_def.cmds[i].name;
		struct lui *lu = lesson_open("02");

		if (strncmp(n, "answer-", 7) == 0)
			lesson_seek(lu, LESSON_QUESTION, strcmp(n,
			    "answer-type") == 0 ? LESSON_Q_VALUE :
			    LESSON_Q_ORDER);
		if (strcmp(n, "answer-unpick") == 0)
			keys("1");
		if (strcmp(n, "step-undo") == 0)
			keys("L");
		if (strcmp(n, "panel-up") == 0)
			lu->ptop = 5;
		run_changes(n, 0);
		app_free(&app);
	}
}
END_TEST

START_TEST(test_lesson_task_checked_after_sim_key)
{
	struct lui *lu = lesson_open("02");

	ck_assert_int_eq(lrun_cur(&lu->walk.lr)->kind, LESSON_TASK);
	keys("c");	/* the simulator's key, through the fallback */
	ck_assert(lu->walk.checked);
	ck_assert(!lu->walk.lr.done);
	keys("u");	/* the lesson's undo */
	ck_assert_uint_eq(lu->ui.s.pos, lu->walk.base);
	keys("L");
	ck_assert(lu->walk.lr.done);
	keys("n");
	ck_assert_uint_eq(lu->walk.lr.step, 1);
}
END_TEST

/* With the simulator's what-if switches open inside a lesson, every key
 * is the switches': q closes them, it does not leave the lesson. */
START_TEST(test_lesson_whatif_open_q_closes_switches_not_lesson)
{
	struct lui *lu = lesson_open("02");

	keys("o");
	ck_assert(lu->ui.whatif);
	keys("n");
	ck_assert_uint_eq(lu->walk.lr.step, 0);
	keys("q");
	ck_assert(!lu->ui.whatif);
	ck_assert_ptr_eq(app_top(&app), &lu->lesson);
	keys("q");
	ck_assert_ptr_eq(app_top(&app), &lu->list);
}
END_TEST

START_TEST(test_lesson_next_twice_skips_undone_step)
{
	struct lui *lu = lesson_open("02");

	keys("n");
	ck_assert_uint_eq(lu->walk.lr.step, 0);
	ck_assert_ptr_nonnull(strstr(app.msg, "press n again"));
	keys("n");
	ck_assert_uint_eq(lu->walk.lr.step, 1);
}
END_TEST

START_TEST(test_lesson_value_answer_by_prompt)
{
	struct lui *lu = lesson_open("02");

	lesson_seek(lu, LESSON_QUESTION, LESSON_Q_VALUE);
	keys("=");
	ck_assert_ptr_nonnull(strstr(app.plabel, "Answer"));
	keys("12345\r");
	ck_assert(lu->walk.has_verdict);
	ck_assert_int_eq(lu->walk.verdict, LRUN_WRONG);
}
END_TEST

/* Lesson 01's first typed question asks for flags: typing FIN+ACK as
 * the panel invites opens the answer with F and runs no simulator key
 * (i injects, + duplicates, A aborts, C connects, K crashes). */
START_TEST(test_lesson_flags_question_typed_keys_start_the_answer)
{
	struct lui *lu = lesson_open("01");
	size_t pos, ncmds;

	lesson_seek(lu, LESSON_QUESTION, LESSON_Q_VALUE);
	ck_assert_int_eq(lwalk_answer_kind(&lu->walk), LWALK_A_FLAGS);
	pos = lu->ui.s.pos;
	ncmds = lu->ui.s.ncmds;
	keys("FIN+ACK");
	ck_assert_ptr_nonnull(app.plabel);
	ck_assert_ptr_nonnull(strstr(app.plabel, "flags"));
	ck_assert_int_eq(wcscmp(app.ed.line, L"FIN+ACK"), 0);
	ck_assert_uint_eq(lu->ui.s.pos, pos);
	ck_assert_uint_eq(lu->ui.s.ncmds, ncmds);
	keys("\r");
	ck_assert(lu->walk.has_verdict);
	ck_assert_int_eq(lu->walk.verdict, LRUN_WRONG);
	/* The step again: = opens the same prompt. */
	lui_enter(lu);
	keys("=");
	ck_assert_ptr_nonnull(strstr(app.plabel, "flags"));
}
END_TEST

/* Walk the lesson to the first task whose first check expects state. */
static void
lesson_seek_check_state(struct lui *lu, enum tcp_state state)
{
	while (lrun_back(&lu->walk.lr))
		continue;
	for (;;) {
		const struct lesson_step *st = lrun_cur(&lu->walk.lr);

		if (st->kind == LESSON_TASK && st->check.n > 0 &&
		    st->check.cmds[0].kind == CMD_EXPECT_STATE &&
		    st->check.cmds[0].state == state)
			break;
		ck_assert(!lrun_at_end(&lu->walk.lr));
		(void)lrun_next(&lu->walk.lr);
	}
	lui_enter(lu);
	app.msg[0] = '\0';
}

/* Lesson 08 asks for both hosts in CLOSING; settling the wire goes on
 * to TIME_WAIT.  The panel says the learner went past the goal and
 * suggests u, and u takes the message away with the events. */
START_TEST(test_lesson_closing_goal_settled_to_time_wait_says_past)
{
	struct lui *lu = lesson_open("08");

	lesson_seek_check_state(lu, TCP_CLOSING);
	keys("e");
	ck_assert_int_eq(lu->ui.s.w.host[HOST_CLIENT].tcb.state,
	    TCP_TIME_WAIT);
	ck_assert(!lu->walk.lr.done);
	ck_assert(lu->walk.past);
	ck_assert_ptr_nonnull(strstr(lu->walk.why, "went past the goal"));
	ck_assert_ptr_nonnull(strstr(lu->walk.why, "CLOSING"));
	ck_assert_ptr_nonnull(strstr(lu->walk.why, "Press u"));
	keys("u");
	ck_assert_uint_eq(lu->ui.s.pos, lu->walk.base);
	ck_assert(!lu->walk.past);
	ck_assert(!lu->walk.checked);
	ck_assert_str_eq(app.msg, "");
	/* Only short of the goal: not yet, not past. */
	keys(":deliver c>s\r");
	ck_assert(!lu->walk.past);
	ck_assert(lu->walk.checked);
}
END_TEST

/* Lesson 01 asks for the ack of the server's segment; the learner who
 * types its seq is told that is the seq, not the ack. */
START_TEST(test_lesson_ack_question_answered_with_seq_says_which)
{
	struct lui *lu = lesson_open("01");
	const struct lesson_step *st;
	char typed[32], err[256];
	struct world w;
	unsigned line;

	while (lrun_back(&lu->walk.lr))
		continue;
	for (;;) {
		st = lrun_cur(&lu->walk.lr);
		if (st->kind == LESSON_QUESTION && st->has_query &&
		    st->query.t[0].kind == LQ_SENT &&
		    st->query.t[0].field == LQ_F_ACK)
			break;
		ck_assert(!lrun_at_end(&lu->walk.lr));
		(void)lrun_next(&lu->walk.lr);
	}
	lui_enter(lu);
	world_init(&w);
	ck_assert(lrun_play_cmds(&w, lu->walk.lr.entry.cmds, lu->walk.lr.entry.n,
	    &line, err, sizeof(err)));
	ck_assert(lrun_play_cmds(&w, st->peek.cmds, st->peek.n, &line, err,
	    sizeof(err)));
	snprintf(typed, sizeof(typed), "=%lu\r", (unsigned long)
	    w.host[st->query.t[0].host].last_sent.seg.seq);
	world_free(&w);
	keys(typed);
	ck_assert(lu->walk.has_verdict);
	ck_assert_int_eq(lu->walk.verdict, LRUN_WRONG);
	ck_assert_str_eq(lu->walk.wrong, "That is the seq, not the ack.");
}
END_TEST

/* A new step's panel opens at the top of its text even when the text is
 * longer than the panel; new feedback scrolls to the end. */
START_TEST(test_lesson_new_step_panel_opens_at_top)
{
	struct lui *lu = lesson_open("03");

	for (int i = 0; i < 30; i++)
		lpanel_add(&lu->panel, LP_TEXT, 0, false, "a line of text");
	lpanel_wrap(&lu->panel, 40);
	lu->ptop = 12;
	lu->pentry = true;
	lu->pfollow = false;
	ck_assert_uint_eq(lui_panel_top(lu, 8), 0);
	ck_assert(!lu->pentry);
	lu->pfollow = true;
	ck_assert_uint_eq(lui_panel_top(lu, 8), lu->panel.nl - 8);
	/* R restarts the step: read again from the top. */
	keys("R");
	ck_assert(lu->pentry);
	ck_assert(!lu->pfollow);
}
END_TEST

/* The end of lesson 01 offers lesson 02: Enter opens it, at its first
 * step, and "Lesson 01 complete" is not said in it. */
START_TEST(test_lesson_end_enter_opens_next_without_leftover)
{
	struct lui *lu = lesson_open("01");

	while (!lrun_at_end(&lu->walk.lr))
		(void)lrun_next(&lu->walk.lr);
	lui_enter(lu);
	lu->walk.revealed = true;
	keys("n");
	ck_assert(lu->walk.finished);
	ck_assert_ptr_nonnull(lwalk_next_lesson(&lu->walk));
	ck_assert_uint_eq(lwalk_next_lesson(&lu->walk)->num, 2);
	keys("\r");
	ck_assert_ptr_eq(app_top(&app), &lu->lesson);
	ck_assert_uint_eq(lu->walk.li->num, 2);
	ck_assert(!lu->walk.finished);
	ck_assert_uint_eq(lu->walk.lr.step, 0);
	ck_assert_str_eq(app.msg, "");
	ck_assert_uint_eq(lu->sel, (size_t)(lu->walk.li - lu->cat.v));
	/* The old way still works: n at the end goes to the list, whose
	 * note then does not follow into the next lesson opened. */
	while (!lrun_at_end(&lu->walk.lr))
		(void)lrun_next(&lu->walk.lr);
	lui_enter(lu);
	lu->walk.revealed = true;
	keys("nn");
	ck_assert_ptr_eq(app_top(&app)->def, &lui_list_def);
	ck_assert_ptr_nonnull(strstr(lu->note, "complete"));
	keys("j\r");
	ck_assert_ptr_eq(app_top(&app), &lu->lesson);
	ck_assert_ptr_null(strstr(app.msg, "complete"));
}
END_TEST

/* n after going past a goal: the next step starts from the lesson's
 * world, and the panel says the learner's events were set aside; after
 * the step's own solution nothing is said. */
START_TEST(test_lesson_next_after_past_goal_says_world_replaced)
{
	struct lui *lu = lesson_open("08");

	lesson_seek_check_state(lu, TCP_CLOSING);
	keys("e");
	ck_assert(lu->walk.past);
	keys("nn");
	ck_assert(lu->walk.replaced);
	keys("p");
	ck_assert(!lu->walk.replaced);
	keys(":deliver c>s\r:deliver s>c\r");
	ck_assert(lu->walk.lr.done);
	keys("n");
	ck_assert(!lu->walk.replaced);
}
END_TEST

/* A task done with a key rather than the solution's own words ("d"
 * for "deliver c>s") leaves the world the next step starts from:
 * nothing is said about replacing it. */
START_TEST(test_lesson_task_done_by_key_next_says_nothing)
{
	struct lui *lu = lesson_open("08");

	lesson_seek_check_state(lu, TCP_CLOSING);
	keys("d");
	keys(":deliver s>c\r");
	ck_assert(lu->walk.lr.done);
	keys("n");
	ck_assert(!lu->walk.replaced);
}
END_TEST

START_TEST(test_lesson_list_moves_opens_and_quits)
{
	char msg[512];
	struct lui *lu = lui_new(&opts, msg, sizeof(msg));

	ck_assert_ptr_nonnull(lu);
	lui_push(lu, &app);
	run_changes("lesson-down", 0);
	ck_assert_uint_eq(lu->sel, 1);
	run_changes("lesson-up", 0);
	run_changes("lesson-last", 0);
	ck_assert_uint_eq(lu->sel, lu->cat.n - 1);
	run_changes("lesson-first", 0);
	ck_assert_uint_eq(lu->sel, 0);
	run_changes("lesson-open", 0);
	ck_assert_ptr_eq(app_top(&app)->def, &lui_lesson_def);
	keys("q");
	ck_assert_ptr_eq(app_top(&app)->def, &lui_list_def);
	run_changes("help", 0);
	keys("x");
	run_changes("redraw", 0);
	run_changes("quit", 0);
	ck_assert_uint_eq(app.depth, 0);
}
END_TEST

START_TEST(test_quiz_every_command_changes_something)
{
	const struct screen_def *defs[] = { &qui_drill_def, &qui_exam_def };

	for (size_t d = 0; d < 2; d++)
		for (size_t i = 0; i < defs[d]->ncmds; i++) {
			const char *n = defs[d]->cmds[i].name;

			quiz_push(d == 0 ? SITTING_DRILL : SITTING_EXAM);
			qu.body_rows = 3;
			if (strcmp(n, "back") == 0)
				qu.sit.page = SITTING_LIST;
			if (strcmp(n, "prev") == 0 && d == 1)
				qu.sit.es.current = 1;
			if (strcmp(n, "line") == 0 || strcmp(n, "page") == 0 ||
			    strcmp(n, "top") == 0)
				qu.top = 5;
			if (strcmp(n, "clear") == 0)
				quiz_answer_a_choice();
			run_changes(n, strcmp(n, "type-number") == 0 ? '4' :
			    strcmp(n, "line") == 0 || strcmp(n, "page") == 0 ?
			    -1 : 0);
			app_free(&app);
			qui_free(&qu);
			have_qui = false;
		}
}
END_TEST

START_TEST(test_exam_submit_asks_then_y_submits)
{
	quiz_push(SITTING_EXAM);
	keys("S");
	ck_assert_int_eq(app.ask, APP_ASK_YESNO);
	ck_assert_ptr_nonnull(strstr(app.asktext, "Submit now? 0 of 3"));
	keys("x");	/* any other key: back */
	ck_assert(!qu.sit.done);
	keys("Sy");
	ck_assert(qu.sit.done);
	ck_assert_int_eq(qu.sit.page, SITTING_REPORT);
}
END_TEST

/* After the loop (the screen popped, its app gone) a last save that
 * fails marks the session and writes no message into any app. */
START_TEST(test_exam_failed_save_after_the_loop_leaves_the_app_alone)
{
	quiz_push(SITTING_EXAM);
	app_pop(&app);
	ck_assert_ptr_null(qu.sc.app);
	free(qu.sit.es.path);
	qu.sit.es.path = strdup("/dev/null/attempt.json");
	app.msg[0] = '\0';
	ck_assert(!sitting_save(&qu.sit));
	(void)qui_did(&qu, SITTING_REDRAW);
	ck_assert(qu.sit.es.save_failed);
	ck_assert_str_eq(app.msg, "");
}
END_TEST

START_TEST(test_exam_quit_asks_first)
{
	quiz_push(SITTING_EXAM);
	keys("q");
	ck_assert_uint_eq(app.depth, 1);
	keys("n");
	ck_assert_uint_eq(app.depth, 1);
	keys("qy");
	ck_assert_uint_eq(app.depth, 0);
}
END_TEST

START_TEST(test_drill_letter_answers_and_judges)
{
	quiz_push(SITTING_DRILL);
	while (qu.sit.es.ex.q[qu.sit.es.current].type != QUIZ_T_CHOICE) {
		ck_assert_uint_lt(qu.sit.es.current + 1, qu.sit.es.ex.n);
		keys("n");
	}
	keys("a");
	ck_assert(qu.sit.es.ans[qu.sit.es.current].given);
	ck_assert(qu.to_mark);
}
END_TEST

/* ORDER and NUMERIC answers are typed at the one prompt: a wrong shape
 * keeps the text to fix, a right one is recorded. */
START_TEST(test_drill_typed_answer_at_prompt)
{
	struct quiz_question *q;

	quiz_push(SITTING_DRILL);
	while (qu.sit.es.ex.q[qu.sit.es.current].type == QUIZ_T_CHOICE) {
		ck_assert_uint_lt(qu.sit.es.current + 1, qu.sit.es.ex.n);
		keys("n");
	}
	q = &qu.sit.es.ex.q[qu.sit.es.current];
	keys(q->type == QUIZ_T_NUMERIC ? "4" : "a");
	ck_assert_ptr_nonnull(app.plabel);
	keys("%\r");
	ck_assert_ptr_nonnull(app.plabel);
	ck_assert(app.msg_err);
	ck_assert(!qu.sit.es.ans[qu.sit.es.current].given);
	(void)app_key(&app, UI_CTRL('u'));
	keys(q->type == QUIZ_T_NUMERIC ? "4.25\r" : "ABCDEFGH");
	if (q->type == QUIZ_T_ORDER) {
		while (app.ed.len > q->nopt)
			(void)app_key(&app, 127);
		keys("\r");
	}
	ck_assert_ptr_null(app.plabel);
	ck_assert(qu.sit.es.ans[qu.sit.es.current].given);
}
END_TEST

/* The ladder after L c d d s: the listen note, #1 SYN and #2 SYN+ACK
 * delivered, #3 ACK and #4 data in flight, one row each (rows 0-4). */
static void
sim_estab(void)
{
	sim_push(&ui_sim_def);
	keys("Lcdds");
	ck_assert_uint_eq(ui.s.w.nwire, 2);
	ck_assert_uint_eq(ui.v.lad.nrows, 5);
	ck_assert_uint_eq(ui.mark, 0);
	app.msg[0] = '\0';
}

static const char *
inspected(void)
{
	ck_assert_ptr_eq(app_top(&app)->def, &ui_log_def);
	return ((struct ui_log *)app_top(&app)->state)->log.lines[0];
}

/* Up and Down walk every arrow once one is selected, delivered ones too;
 * Enter inspects the selected arrow, the inspector's last segment stays
 * selected, Esc clears the selection and Enter then takes the newest. */
START_TEST(test_estab_up_down_walk_arrows_enter_inspects_selected)
{
	sim_estab();
	(void)app_key(&app, UI_K_UP);	/* none yet: the in-flight choice */
	ck_assert_uint_eq(ui.mark, 4);
	ck_assert_uint_eq(ui.sel, 4);
	(void)app_key(&app, UI_K_UP);
	ck_assert_uint_eq(ui.mark, 3);
	ck_assert_uint_eq(ui.sel, 3);
	(void)app_key(&app, UI_K_UP);	/* delivered: wire choice stays */
	ck_assert_uint_eq(ui.mark, 2);
	ck_assert_uint_eq(ui.sel, 3);
	(void)app_key(&app, UI_K_UP);
	(void)app_key(&app, UI_K_UP);
	ck_assert_uint_eq(ui.mark, 1);
	ck_assert_str_eq(app.msg, "This is the oldest segment.");
	(void)app_key(&app, UI_K_DOWN);
	ck_assert_uint_eq(ui.mark, 2);
	keys("\r");
	ck_assert_str_eq(inspected(), "Segment #2, server to client");
	(void)app_key(&app, UI_K_RIGHT);
	ck_assert_str_eq(inspected(), "Segment #3, client to server");
	keys("q");
	ck_assert_ptr_eq(app_top(&app), &sim);
	ck_assert_uint_eq(ui.mark, 3);
	(void)app_key(&app, UI_ESC);
	ck_assert_uint_eq(ui.mark, 0);
	ck_assert_ptr_eq(app_top(&app), &sim);
	ck_assert_str_eq(app.msg, "");
	keys("\r");
	ck_assert_str_eq(inspected(), "Segment #4, client to server");
}
END_TEST

/* #N typed as digits and Tab choose the segment d acts on and select its
 * arrow, so the two agree; a new step clears the selection, as undo does. */
START_TEST(test_estab_digit_choice_selects_arrow_step_clears_it)
{
	sim_estab();
	keys("3");
	ck_assert_uint_eq(ui.sel, 3);
	ck_assert_uint_eq(ui.mark, 3);
	keys("\t");
	ck_assert_uint_eq(ui.sel, 4);
	ck_assert_uint_eq(ui.mark, 4);
	keys("d");
	ck_assert_uint_eq(ui.s.w.wire[0].id, 3);	/* #4 arrived */
	ck_assert_uint_eq(ui.mark, 0);
	(void)app_key(&app, UI_K_UP);
	ck_assert_uint_ne(ui.mark, 0);
	keys("u");
	ck_assert_uint_eq(ui.mark, 0);
}
END_TEST

/* Nothing in flight: Up selects the newest arrow rather than refuse. */
START_TEST(test_closed_up_selects_newest_arrow_nothing_in_flight)
{
	sim_push(&ui_sim_def);
	(void)app_key(&app, UI_K_UP);
	ck_assert_uint_eq(ui.mark, 0);
	ck_assert_str_eq(app.msg, "No segment has been sent yet.");
	keys("Lce");
	ck_assert_uint_eq(ui.s.w.nwire, 0);
	(void)app_key(&app, UI_K_UP);
	ck_assert_uint_eq(ui.mark, 3);
	(void)app_key(&app, UI_K_DOWN);
	ck_assert_str_eq(app.msg, "This is the newest segment.");
}
END_TEST

/* The row a click lands on, scrolled or not: arrows only. */
START_TEST(test_estab_click_row_maps_to_arrow)
{
	sim_estab();
	ui.lad_y = 7;
	ui.lad_rows = 10;
	ck_assert_uint_eq(ui_mark_at(&ui, 6), 0);	/* the boxes */
	ck_assert_uint_eq(ui_mark_at(&ui, 7), 0);	/* the listen note */
	ck_assert_uint_eq(ui_mark_at(&ui, 8), 1);
	ck_assert_uint_eq(ui_mark_at(&ui, 11), 4);
	ck_assert_uint_eq(ui_mark_at(&ui, 12), 0);	/* empty row */
	ck_assert_uint_eq(ui_mark_at(&ui, 17), 0);	/* below */
	ui.lad_rows = 2;		/* rows 3 and 4 show */
	ck_assert_uint_eq(ui_mark_at(&ui, 7), 3);
	ck_assert_uint_eq(ui_mark_at(&ui, 8), 4);
	ck_assert_uint_eq(ui_mark_at(&ui, 9), 0);
	ui.scroll = 1;			/* rows 2 and 3 */
	ck_assert_uint_eq(ui_mark_at(&ui, 7), 2);
}
END_TEST

/* A click on an arrow selects it, a second one inspects it; a click on
 * a note or outside the ladder does nothing and says nothing. */
START_TEST(test_estab_click_selects_arrow_second_click_inspects)
{
	sim_estab();
	ui.lad_y = 7;
	ui.lad_rows = 10;
	app.mouse_y = 9;
	(void)app_key(&app, UI_K_CLICK);
	ck_assert_uint_eq(ui.mark, 2);
	ck_assert_ptr_eq(app_top(&app), &sim);
	app.mouse_y = 7;
	(void)app_key(&app, UI_K_CLICK);
	app.mouse_y = 20;
	(void)app_key(&app, UI_K_CLICK);
	ck_assert_uint_eq(ui.mark, 2);
	ck_assert_str_eq(app.msg, "");
	app.mouse_y = 9;
	(void)app_key(&app, UI_K_CLICK);
	ck_assert_str_eq(inspected(), "Segment #2, server to client");
}
END_TEST

/* The tester's report item 6: the inspector shows when a segment was
 * sent and when it arrived or was lost, and of a step full of timers
 * only the sentences about it, not the other retransmissions. */
START_TEST(test_synsent_rexmit_inspector_times_not_whole_step)
{
	struct ui_log *lg;

	sim_push(&ui_sim_def);
	keys("cztzt");			/* #1 and #2 lost, #3 at 3 s */
	ck_assert_uint_eq(ui.s.w.nwire, 1);
	ui_mark_set(&ui, 3);
	keys("\r");
	lg = app_top(&app)->state;
	ck_assert_str_eq(lg->log.lines[0], "Segment #3, client to server");
	ck_assert(log_has(lg, "sent at t=3.000s; not arrived yet"));
	keys("q");
	ui_mark_set(&ui, 2);
	keys("\r");
	lg = app_top(&app)->state;
	ck_assert(log_has(lg, "sent at t=1.000s, lost at t=1.000s"));
	for (size_t i = 0; i < lg->log.n; i++)
		ck_assert_msg(strstr(lg->log.lines[i], "#3") == NULL &&
		    strstr(lg->log.lines[i], "#1 ") == NULL, "%s",
		    lg->log.lines[i]);
}
END_TEST

/* The tester's report item 15: a click on the ladder's empty space
 * clears the selection; on a note or the boxes it still does nothing. */
START_TEST(test_estab_click_empty_ladder_clears_selection)
{
	sim_estab();
	ui.lad_y = 7;
	ui.lad_rows = 10;
	app.mouse_y = 9;
	(void)app_key(&app, UI_K_CLICK);
	ck_assert_uint_eq(ui.mark, 2);
	app.mouse_y = 3;		/* the client's box */
	(void)app_key(&app, UI_K_CLICK);
	ck_assert_uint_eq(ui.mark, 2);
	app.mouse_y = 14;		/* below the ladder's rows */
	(void)app_key(&app, UI_K_CLICK);
	ck_assert_uint_eq(ui.mark, 0);
	ck_assert_ptr_eq(app_top(&app), &sim);
}
END_TEST

/* Item 15: a click while help is open keeps it unless it is on help's
 * own title bar; a key closes it. */
START_TEST(test_help_click_keeps_help_title_bar_closes)
{
	sim_estab();
	keys("?");
	ck_assert_ptr_eq(app_top(&app)->def, &screen_help_def);
	app.mouse_y = 9;		/* where the ladder was */
	(void)app_key(&app, UI_K_CLICK);
	ck_assert_ptr_eq(app_top(&app)->def, &screen_help_def);
	ck_assert_uint_eq(ui.mark, 0);
	app.mouse_y = 0;
	(void)app_key(&app, UI_K_CLICK);
	ck_assert_ptr_eq(app_top(&app), &sim);
}
END_TEST

/* Item 8: Up and Down have one meaning, walking the ladder's arrows even
 * while segments are in flight; from none selected Up takes the newest
 * arrow in view and Down the oldest (both took the newest). */
START_TEST(test_estab_down_from_none_selects_oldest_in_view)
{
	sim_estab();
	ui.lad_rows = 10;
	(void)app_key(&app, UI_K_DOWN);
	ck_assert_uint_eq(ui.mark, 1);
	ck_assert_uint_eq(ui.sel, 0);	/* #1 was delivered */
	(void)app_key(&app, UI_ESC);
	(void)app_key(&app, UI_K_UP);
	ck_assert_uint_eq(ui.mark, 4);
	(void)app_key(&app, UI_K_UP);
	ck_assert_uint_eq(ui.mark, 3);
	ck_assert_uint_eq(ui.sel, 3);
}
END_TEST

/* Item 8: help lists Up and Down once, Tab and S-Tab for the wire. */
START_TEST(test_help_lists_up_down_once)
{
	static char all[8192];
	const char *p;

	sim_push(&ui_sim_def);
	help_text(&sim, all, sizeof(all));
	p = strstr(all, "Up Down|");
	ck_assert_ptr_nonnull(p);
	ck_assert_ptr_null(strstr(p + 1, "Up Down|"));
	ck_assert_ptr_null(strstr(all, "Tab Down|"));
	ck_assert_ptr_null(strstr(all, "S-Tab Up|"));
	ck_assert_ptr_nonnull(strstr(all, "Tab|choose the next segment in "
	    "flight"));
	ck_assert_ptr_nonnull(strstr(all, "S-Tab|choose the previous "
	    "segment in flight"));
}
END_TEST

/* Walking the selection scrolls a short ladder just enough, and never
 * leaves it under the "newer below" hint of a ladder scrolled back. */
START_TEST(test_estab_selection_scrolls_ladder_into_view)
{
	static const size_t want[] = { 0, 0, 1, 2 };
	static const size_t back[] = { 1, 0, 0 };

	sim_estab();
	ui.lad_rows = 2;
	for (size_t i = 0; i < 4; i++) {
		(void)app_key(&app, UI_K_UP);
		ck_assert_uint_eq(ui.mark, 4 - i);
		ck_assert_uint_eq(ui.scroll, want[i]);
	}
	for (size_t i = 0; i < 3; i++) {
		(void)app_key(&app, UI_K_DOWN);
		ck_assert_uint_eq(ui.mark, 2 + i);
		ck_assert_uint_eq(ui.scroll, back[i]);
	}
}
END_TEST

/* Help names the keys from the table. */
START_TEST(test_help_lists_selection_keys)
{
	static char all[8192];

	sim_push(&ui_sim_def);
	keys("o?");		/* the status line says ? help there too */
	ck_assert_ptr_eq(app_top(&app)->def, &screen_help_def);
	keys("x");
	ck_assert(ui.whatif);
	help_text(&sim, all, sizeof(all));
	ck_assert_ptr_nonnull(strstr(all, "Up Down|select the arrow above "
	    "or below on the ladder (Enter inspects it)"));
	ck_assert_ptr_nonnull(strstr(all, "Esc|clear the selection"));
	ck_assert_ptr_nonnull(strstr(all, "click|select the arrow clicked"));
}
END_TEST

/* In a lesson the simulator inside gets Up and Esc. */
START_TEST(test_lesson_up_selects_arrow_in_inner_simulator)
{
	struct lui *lu = lesson_open("02");

	keys("Lc");
	(void)app_key(&app, UI_K_UP);
	ck_assert_uint_eq(lu->ui.mark, 1);
	(void)app_key(&app, UI_ESC);
	ck_assert_uint_eq(lu->ui.mark, 0);
	ck_assert_ptr_eq(app_top(&app), &lu->lesson);
	(void)app_key(&app, UI_K_UP);
	ck_assert_uint_eq(lu->ui.mark, 1);
	keys("u");			/* the lesson's undo: #1 is gone */
	ck_assert_uint_eq(lu->ui.v.lad.narrows, 0);
	ck_assert_uint_eq(lu->ui.mark, 0);
}
END_TEST

/* Two stand-in screens with clocks: an exam (ticks every 500 ms) under a
 * moving arrow (every 40 ms).  The loop sleeps for the sooner, ticks
 * both, and repaints what the top one, the one shown, asks for. */
static int ticks[2];

static int
clock_busy(const struct screen *sc, uint64_t now)
{
	(void)now;
	return sc->state == &ticks[0] ? 500 : 40;
}

static int
clock_tick(struct screen *sc, uint64_t now)
{
	(void)now;
	(*(int *)sc->state)++;
	return sc->state == &ticks[0] ? UI_R_P1 : UI_R_P0;
}

START_TEST(test_app_sleeps_for_soonest_screen_ticks_all_repaints_top)
{
	static const struct screen_def clock_def = { .name = "clock",
	    .busy = clock_busy, .tick = clock_tick };
	struct screen below = { .def = &clock_def, .state = &ticks[0] };
	struct screen top = { .def = &clock_def, .state = &ticks[1] };

	ticks[0] = ticks[1] = 0;
	ck_assert_int_eq(app_timeout(&app, 0), -1);
	app_push(&app, &below);
	app_push(&app, &top);
	ck_assert_int_eq(app_timeout(&app, 0), 40);
	ck_assert_int_eq(app_tick(&app, 0), UI_R_P0);
	ck_assert_int_eq(ticks[0], 1);
	ck_assert_int_eq(ticks[1], 1);
	app_pop(&app);
	ck_assert_int_eq(app_timeout(&app, 0), 500);
	ck_assert_int_eq(app_tick(&app, 0), UI_R_P1);
	ck_assert_int_eq(ticks[1], 1);
	app_pop(&app);		/* before the stand-ins go out of scope */
}
END_TEST

static Suite *
ui_cmds_suite(void)
{
	Suite *s = suite_create("ui_cmds");
	TCase *tc = tcase_create("sim");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_sim_every_command_changes_something);
	tcase_add_test(tc, test_sim_event_applies_to_world);
	tcase_add_test(tc, test_sim_impossible_event_refused_with_reason);
	tcase_add_test(tc, test_estab_read_key_reads_waiting_data);
	tcase_add_test(tc, test_estab_read_key_refused_when_app_reads_itself);
	tcase_add_test(tc, test_sim_undo_redo_restart);
	tcase_add_test(tc, test_lab_commands_go_to_the_backend_undo_rebuilds);
	tcase_add_test(tc, test_lab_syn_sent_old_syn_below_kernel_iss);
	tcase_add_test(tc, test_lab_syn_sent_box_kernel_state_numbers_not_exposed);
	tcase_add_test(tc, test_sim_choose_nth_by_key_and_name);
	tcase_add_test(tc, test_sim_digit_picks_segment_by_label_not_position);
	tcase_add_test(tc, test_sim_two_digits_pick_segment_12);
	tcase_add_test(tc,
	    test_sim_whatif_switch_shown_not_a_step_settle_empty_refused);
	tcase_add_test(tc, test_sim_u0102_typed_is_not_key_down);
	tcase_add_test(tc, test_sim_whatif_digits_switch_not_choose);
	tcase_add_test(tc, test_sim_prompt_runs_scenario_command);
	tcase_add_test(tc, test_sim_prompt_error_closes_line_next_starts_empty);
	tcase_add_test(tc, test_sim_prompt_up_recalls_earlier_lines);
	tcase_add_test(tc, test_sim_save_prompt_writes_file);
	tcase_add_test(tc, test_sim_pcap_key_writes_capture_tcpdump_reads);
	tcase_add_test(tc, test_sim_pcap_one_syn_written_singular);
	tcase_add_test(tc, test_capture_every_command_changes_something);
	tcase_add_test(tc, test_capture_list_search_open_replay_back);
	tcase_add_test(tc, test_capture_replay_ladder_rows_carry_capture_times);
	tcase_add_test(tc, test_sim_ctrl_s_and_ctrl_q_do_nothing);
	tcase_add_test(tc, test_play_expect_inflight_shown_in_number_mode);
	tcase_add_test(tc, test_sim_event_log_lists_every_step_with_reasons);
	tcase_add_test(tc, test_sim_event_log_opens_full_newest_at_bottom);
	tcase_add_test(tc,
	    test_lab_event_log_shows_kernels_segments_not_models);
	tcase_add_test(tc, test_help_sim_each_key_once_whatif_digits_apart);
	tcase_add_test(tc, test_synsent_inspect_chosen_syn_fields_reason_fate);
	tcase_add_test(tc,
	    test_sim_prompt_tab_completes_words_hosts_states_settings);
	tcase_add_test(tc, test_sim_prompt_help_lists_scenario_commands);
	tcase_add_test(tc, test_help_scroll_past_end_stops_at_last_row);
	tcase_add_test(tc, test_play_stray_key_branches_and_b_resumes_script);
	tcase_add_test(tc,
	    test_play_next_steps_over_expects_back_undoes_them);
	tcase_add_test(tc,
	    test_sim_save_existing_file_asks_keeps_mode_and_link);
	tcase_add_test(tc, test_sim_quit_with_unsaved_steps_offers_to_save);
	tcase_add_test(tc,
	    test_sim_quit_n_discards_and_saved_session_quits_at_once);
	tcase_add_test(tc, test_sim_lessons_pushes_list_q_returns);
	tcase_add_test(tc, test_help_generated_from_table_any_key_closes);
	tcase_add_test(tc,
	    test_estab_up_down_walk_arrows_enter_inspects_selected);
	tcase_add_test(tc,
	    test_estab_digit_choice_selects_arrow_step_clears_it);
	tcase_add_test(tc,
	    test_closed_up_selects_newest_arrow_nothing_in_flight);
	tcase_add_test(tc, test_estab_click_row_maps_to_arrow);
	tcase_add_test(tc, test_estab_click_empty_ladder_clears_selection);
	tcase_add_test(tc, test_synsent_rexmit_inspector_times_not_whole_step);
	tcase_add_test(tc, test_help_click_keeps_help_title_bar_closes);
	tcase_add_test(tc, test_estab_down_from_none_selects_oldest_in_view);
	tcase_add_test(tc, test_help_lists_up_down_once);
	tcase_add_test(tc,
	    test_estab_click_selects_arrow_second_click_inspects);
	tcase_add_test(tc, test_estab_selection_scrolls_ladder_into_view);
	tcase_add_test(tc, test_help_lists_selection_keys);
	tcase_add_test(tc, test_lesson_up_selects_arrow_in_inner_simulator);
	tcase_add_test(tc,
	    test_app_sleeps_for_soonest_screen_ticks_all_repaints_top);
	suite_add_tcase(s, tc);
	tc = tcase_create("lesson");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_help_lesson_lists_simulator_keys_not_shadowed);
	tcase_add_test(tc, test_log_help_rows_join_each_commands_keys);
	tcase_add_test(tc, test_lesson_every_command_changes_something);
	tcase_add_test(tc, test_lesson_task_checked_after_sim_key);
	tcase_add_test(tc, test_lesson_next_twice_skips_undone_step);
	tcase_add_test(tc, test_lesson_whatif_open_q_closes_switches_not_lesson);
	tcase_add_test(tc, test_lesson_value_answer_by_prompt);
	tcase_add_test(tc,
	    test_lesson_flags_question_typed_keys_start_the_answer);
	tcase_add_test(tc,
	    test_lesson_closing_goal_settled_to_time_wait_says_past);
	tcase_add_test(tc, test_lesson_ack_question_answered_with_seq_says_which);
	tcase_add_test(tc, test_lesson_new_step_panel_opens_at_top);
	tcase_add_test(tc, test_lesson_end_enter_opens_next_without_leftover);
	tcase_add_test(tc,
	    test_lesson_next_after_past_goal_says_world_replaced);
	tcase_add_test(tc, test_lesson_task_done_by_key_next_says_nothing);
	tcase_add_test(tc, test_lesson_list_moves_opens_and_quits);
	suite_add_tcase(s, tc);
	tc = tcase_create("quiz");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_quiz_every_command_changes_something);
	tcase_add_test(tc, test_exam_submit_asks_then_y_submits);
	tcase_add_test(tc, test_exam_quit_asks_first);
	tcase_add_test(tc,
	    test_exam_failed_save_after_the_loop_leaves_the_app_alone);
	tcase_add_test(tc, test_drill_letter_answers_and_judges);
	tcase_add_test(tc, test_drill_typed_answer_at_prompt);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(ui_cmds_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
