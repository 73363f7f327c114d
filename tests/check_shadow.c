/*
 * The lab screen's shadow (src/script/shadow.c): profile linux beside the
 * kernels.  A simulated world with other ISNs stands in for the kernels
 * (the shadow reads only their trace, states and clock), so a step list
 * can be played anywhere and what the narration would add is checked
 * word for word.  Commands marked "kernel only" change the stand-in
 * alone: the kernels behaving otherwise than the model.
 */
#include <config.h>

#include <check.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "script/parse.h"
#include "script/shadow.h"

static struct world kern;	/* the stand-in for the kernels */
static struct shadow sh;
static char said[4096];		/* the lines the shadow added, '\n' each */
static unsigned nsaid;
static bool quiet;		/* the stand-in listens 15 ms after each */

static void
setup(void)
{
	struct sim_result res;
	struct cmd c;
	struct script_err err;

	setlocale(LC_ALL, "C.UTF-8");
	world_init(&kern);
	kern.keep_trace = true;
	/* The kernels choose other ISNs than the model's PRNG. */
	ck_assert_int_eq(script_parse_line("isn client 7000", 1, &c, &err), 1);
	ck_assert_int_eq(world_apply(&kern, &c, &res), SIM_OK);
	ck_assert_int_eq(script_parse_line("isn server 4294967000", 1, &c,
	    &err), 1);
	ck_assert_int_eq(world_apply(&kern, &c, &res), SIM_OK);
	shadow_init(&sh);
	said[0] = '\0';
	nsaid = 0;
	quiet = false;
}

static void
teardown(void)
{
	world_free(&kern);
	shadow_free(&sh);
}

static void
kstates(enum tcp_state ks[2])
{
	for (int h = 0; h < 2; h++)
		ks[h] = kern.host[h].tcb.state;
}

static void
say(bool line, const char *buf)
{
	size_t n = strlen(said);

	if (!line)
		return;
	nsaid++;
	snprintf(said + n, sizeof(said) - n, "%s\n", buf);
}

/* As the lab listens after each command until the kernels have been
 * silent for 15 ms: their clock runs on meanwhile, and a settle delivers
 * what they send then too.  (The stand-in's result stays the
 * command's.) */
static void
kern_quiet(enum cmd_kind kind)
{
	struct cmd w = { .kind = CMD_WAIT, .dur = { .ms = 15 } };
	struct cmd settle = { .kind = CMD_SETTLE };
	struct sim_result res;

	(void)world_apply(&kern, &w, &res);
	while (kind == CMD_SETTLE && kern.nwire > 0) {
		(void)world_apply(&kern, &settle, &res);
		(void)world_apply(&kern, &w, &res);
	}
}

/* Each line to the stand-in, then to the shadow as the lab screen does
 * after each step; "kernel only: CMD" goes to the stand-in alone and its
 * trace to the shadow as what the kernels did by themselves; "late: CMD"
 * goes to both, but the stand-in's answer comes after the step's look,
 * as a kernel's may on a loaded machine; "unseen: CMD" goes to the
 * stand-in alone, its trace kept for the next look (many segments in
 * one). */
static void
play(const char *const *lines)
{
	static const char only[] = "kernel only: ", late[] = "late: ",
	    unseen[] = "unseen: ";
	enum tcp_state ks[2];
	struct sim_result res;
	struct script_err err;
	char buf[1024];
	struct cmd c;

	for (; *lines != NULL; lines++) {
		bool alone = strncmp(*lines, only, strlen(only)) == 0;
		bool slow = strncmp(*lines, late, strlen(late)) == 0;
		bool hidden = strncmp(*lines, unseen, strlen(unseen)) == 0;
		const char *text = alone ? *lines + strlen(only) :
		    slow ? *lines + strlen(late) : hidden ?
		    *lines + strlen(unseen) : *lines;

		ck_assert_int_eq(script_parse_line(text, 1, &c, &err), 1);
		memset(&res, 0, sizeof(res));
		(void)world_apply(&kern, &c, &res);
		if (hidden)
			continue;
		if (quiet && !cmd_is_setup(c.kind) && !cmd_is_expect(c.kind))
			kern_quiet(c.kind);
		kstates(ks);
		if (slow) {
			/* The kernels answer after the step's look. */
			say(shadow_step(&sh, &c, &res, NULL, 0, ks, kern.now,
			    buf, sizeof(buf)), buf);
			alone = true;
		}
		if (alone)
			say(shadow_tick(&sh, kern.trace, kern.ntrace, ks,
			    kern.now, buf, sizeof(buf)), buf);
		else
			say(shadow_step(&sh, &c, &res, kern.trace,
			    kern.ntrace, ks, kern.now, buf, sizeof(buf)),
			    buf);
		world_trace_clear(&kern);
	}
}

/* Kernels that sent three data segments the model did not: the line
 * names two and counts the rest (in Chinese five segments had run off
 * the narration's foot), and says its numbers are relative. */
START_TEST(test_estab_kernel_segments_many_line_counts_rest)
{
	static const char *const steps[] = {
		"server listen", "client connect", "settle",
		"unseen: client send 10", "unseen: client send 20",
		"kernel only: client send 30", "wait 1ms", NULL
	};

	play(steps);
	ck_assert_ptr_nonnull(strstr(said, "Profile linux would not have "
	    "sent c>s PSH+ACK seq=1 ack=1 len=10, c>s PSH+ACK seq=11 ack=1 "
	    "len=20 and 1 more here. (Numbers relative to each side's "
	    "ISN.)\n"));
}
END_TEST

/* A loaded machine: the kernels' answers to the settle that delivers
 * the client's FIN come after the step's look.  The model's server still
 * holds its ACK on the delayed-ACK timer, so its client stays in
 * FIN_WAIT_1 while the kernel's is in FIN_WAIT_2: the line names the
 * known difference's reason, which it did not. */
START_TEST(test_fin_wait_1_late_settle_state_known_reason)
{
	static const char *const steps[] = {
		"server listen", "client connect", "settle",
		"client close", "late: settle", NULL
	};

	quiet = true;
	play(steps);
	ck_assert_ptr_nonnull(strstr(said, "Profile linux would leave the "
	    "client in FIN_WAIT_1 (the kernel: FIN_WAIT_2). A known "
	    "difference: lab: the next-tick delayed ACK falls inside the "
	    "lab's 15 ms quiet window.\n"));
}
END_TEST

START_TEST(test_shadow_client_closes_first_agrees)
{
	static const char *const steps[] = {
		"profile linux", "server listen", "client connect",
		"deliver #1", "deliver #2", "deliver #3",
		"expect server ESTABLISHED", "client send 100", "deliver",
		"client close", "deliver c>s", "wait 10ms", "deliver s>c",
		"server close", "deliver", "deliver", "wait 2msl", NULL
	};

	play(steps);
	ck_assert_msg(nsaid == 0, "said: %s", said);
	ck_assert(sh.following);
	ck_assert_int_eq(sh.w.host[HOST_CLIENT].tcb.state, TCP_CLOSED);
}
END_TEST

/* The stand-in at profile rfc9293 closes with unread data by RST alone;
 * Linux sends RST+ACK (profile linux): one line at that step. */
START_TEST(test_shadow_close_unread_rst_differs)
{
	static const char *const steps[] = {
		"set app_read manual", "server listen", "client connect",
		"settle", "client send 100", "deliver c>s", "server close",
		NULL
	};

	play(steps);
	ck_assert_uint_eq(nsaid, 1);
	ck_assert_str_eq(said, "Profile linux would have sent s>c RST+ACK "
	    "seq=1 ack=101 here, not s>c RST seq=1. "
	    "(Numbers relative to each side's ISN.)\n");
}
END_TEST

/* The kernels' clock has not moved past the model's delayed-ACK timer:
 * their ACK of the FIN came under the command, the model's is pending.
 * Named as the known difference, and met without a word when the model
 * sends it at the wait. */
START_TEST(test_shadow_close_wait_early_ack_known)
{
	static const char *const steps[] = {
		"profile linux", "kernel only: set delayed_ack off",
		"server listen", "client connect", "settle", "client close",
		"deliver c>s", "wait 10ms", "deliver s>c", NULL
	};

	play(steps);
	ck_assert_uint_eq(nsaid, 1);
	ck_assert_str_eq(said, "Profile linux would not have sent s>c ACK "
	    "seq=1 ack=2 here. A known difference: lab: the next-tick "
	    "delayed ACK falls inside the lab's 15 ms quiet window. "
	    "(Numbers relative to each side's ISN.)\n");
	ck_assert(sh.following);
	ck_assert_int_eq(sh.w.host[HOST_CLIENT].tcb.state, TCP_FIN_WAIT_2);
}
END_TEST

/* The lab's settle also delivers the ACK a kernel sends at the next
 * tick while it runs; the model lets its 4 ms delayed-ACK timer fire by
 * the lab's clock and settles that too: the client in FIN_WAIT_2 on both
 * sides, nothing to say. */
START_TEST(test_shadow_fin_wait_1_settle_next_tick_ack_agrees)
{
	static const char *const steps[] = {
		"profile linux", "server listen", "client connect", "settle",
		"client close", "settle", NULL
	};

	quiet = true;
	play(steps);
	ck_assert_int_eq(kern.host[HOST_CLIENT].tcb.state, TCP_FIN_WAIT_2);
	ck_assert_msg(nsaid == 0, "said: %s", said);
	ck_assert_int_eq(sh.w.host[HOST_CLIENT].tcb.state, TCP_FIN_WAIT_2);
}
END_TEST

/* Delivering a segment only the kernels sent: the model cannot, says so
 * and stops following (until an undo makes it anew). */
START_TEST(test_shadow_fin_wait_1_kernel_only_ack_stops)
{
	static const char *const steps[] = {
		"profile linux", "kernel only: set delayed_ack off",
		"server listen", "client connect", "settle", "client close",
		"deliver c>s", "deliver #5", "server close", NULL
	};

	play(steps);
	ck_assert_uint_eq(nsaid, 2);
	ck_assert_ptr_nonnull(strstr(said, "Profile linux cannot do "
	    "\"deliver #5\" here (no such segment in its flight): it stops "
	    "following the kernels until an undo.\n"));
	ck_assert(!sh.following);
}
END_TEST

/* Ids differ between the two wires (a copy on the kernels' wire only,
 * lost again); the kernels retransmit their SYN by themselves and the
 * model at the same time, and `deliver #3` of the kernels' numbering
 * delivers the model's #2, its pair.  The relative numbers agree though
 * the ISNs do not. */
START_TEST(test_shadow_syn_sent_rexmit_ids_paired)
{
	static const char *const steps[] = {
		"profile linux", "server listen", "client connect",
		"kernel only: dup #1", "kernel only: drop #2",
		"kernel only: wait 1s", "drop #1", "deliver #3",
		"deliver s>c", "deliver c>s", NULL
	};

	play(steps);
	ck_assert_msg(nsaid == 0, "said: %s", said);
	ck_assert_int_eq(sh.w.host[HOST_SERVER].tcb.state, TCP_ESTABLISHED);
}
END_TEST

/* Timers on two machines: the kernels' SYN goes again at 800 ms, the
 * model's at its 1 s RTO.  Unmet at the first look (850 ms), the
 * kernels' SYN is held, not said; the model's meets it at the next. */
START_TEST(test_shadow_syn_sent_rexmit_late_model_held_then_met)
{
	static const char *const steps[] = {
		"profile linux", "kernel only: set rto 800ms", "server listen",
		"client connect", "kernel only: wait 850ms",
		"kernel only: wait 200ms", "drop #1", NULL
	};

	play(steps);
	ck_assert_msg(nsaid == 0, "said: %s", said);
	ck_assert(sh.following);
}
END_TEST

/* The same at 300 ms, and the learner's next step comes before the
 * model's timer: the held SYN is said at that step. */
START_TEST(test_shadow_syn_sent_rexmit_unmet_said_at_next_step)
{
	static const char *const steps[] = {
		"profile linux", "kernel only: set rto 300ms", "server listen",
		"client connect", "kernel only: wait 350ms", "drop #1", NULL
	};

	play(steps);
	ck_assert_str_eq(said, "Profile linux would not have sent c>s SYN "
	    "seq=0 here. "
	    "(Numbers relative to each side's ISN.)\n");
}
END_TEST

/* `wait timer` in the lab waits for the kernels' next timer; the model
 * follows the clock there (its own SYN timer is due then too): the
 * lost SYN is sent again on both sides, nothing to say. */
START_TEST(test_shadow_syn_sent_wait_timer_follows_clock)
{
	static const char *const steps[] = {
		"profile linux", "server listen", "client connect", "drop #1",
		"wait timer", "deliver #2", "settle", NULL
	};

	play(steps);
	ck_assert_msg(nsaid == 0, "said: %s", said);
	ck_assert_uint_eq(sh.w.now, 1000);
	ck_assert_int_eq(sh.w.host[HOST_SERVER].tcb.state, TCP_ESTABLISHED);
}
END_TEST

/* The kernels' SYN comes after the look at the step that connected:
 * the model's is held, not said, and meets it at the next look. */
START_TEST(test_shadow_closed_connect_kernel_late_held_then_met)
{
	static const char *const steps[] = {
		"profile linux", "server listen", "late: client connect",
		"deliver #1", NULL
	};

	play(steps);
	ck_assert_msg(nsaid == 0, "said: %s", said);
	ck_assert(sh.following);
	ck_assert_int_eq(sh.w.host[HOST_SERVER].tcb.state, TCP_SYN_RECEIVED);
}
END_TEST

/* `deliver c>s` takes what the kernels' trace says they delivered: first
 * the SYN (the model's too), then a copy only the kernels' wire had,
 * which the model cannot deliver. */
START_TEST(test_shadow_syn_sent_deliver_dir_takes_kernels_choice)
{
	static const char *const steps[] = {
		"profile linux", "server listen", "client connect",
		"kernel only: dup #1", "deliver c>s", "deliver c>s", NULL
	};

	play(steps);
	ck_assert_str_eq(said, "Profile linux cannot do \"deliver c>s\" here "
	    "(no such segment in its flight): it stops following the "
	    "kernels until an undo.\n");
	ck_assert_int_eq(sh.w.host[HOST_SERVER].tcb.state, TCP_SYN_RECEIVED);
}
END_TEST

/* The lab's clock runs from the moment it opens: a set the kernels took
 * a second and a half later (a what-if switch) is still setup for
 * profile linux, which follows on, its clock moving at the first event. */
START_TEST(test_shadow_closed_set_after_lab_clock_ran_followed)
{
	struct sim_result res = { .status = SIM_OK };
	struct script_err err;
	enum tcp_state ks[2];
	char buf[1024];
	struct cmd c;

	kstates(ks);
	ck_assert_int_eq(script_parse_line("set delayed_ack off", 1, &c,
	    &err), 1);
	ck_assert(!shadow_step(&sh, &c, &res, NULL, 0, ks, 1500, buf,
	    sizeof(buf)));
	ck_assert(sh.following);
	ck_assert(!sh.w.cfg.delayed_ack);
	ck_assert_uint_eq(sh.w.now, 0);
	ck_assert_int_eq(script_parse_line("server listen", 1, &c, &err), 1);
	(void)shadow_step(&sh, &c, &res, NULL, 0, ks, 2000, buf, sizeof(buf));
	ck_assert(sh.following);
	ck_assert_uint_eq(sh.w.now, 2000);
	ck_assert_int_eq(sh.w.host[HOST_SERVER].tcb.state, TCP_LISTEN);
}
END_TEST

/* The reasons the screen names are the known-differences file's own,
 * word for word (the file of the differential suite, tests/lab). */
START_TEST(test_shadow_known_reasons_are_the_files)
{
	static const char *const reasons[] = {
		" segments lab: the next-tick delayed ACK falls inside the "
		"lab's 15 ms quiet window\n",
		" segments kernel: after rejecting the SYN+ACK of an old SYN, "
		"Linux sends its own SYN again 2 jiffies later; profile linux "
		"waits for the RTO\n", NULL
	};
	const char *top = getenv("top_srcdir");
	char path[1024], text[16384];
	size_t n;
	FILE *f;

	snprintf(path, sizeof(path), "%s/tests/lab/known-differences",
	    top != NULL ? top : ".");
	f = fopen(path, "r");
	ck_assert_msg(f != NULL, "%s", path);
	n = fread(text, 1, sizeof(text) - 1, f);
	text[n] = '\0';
	fclose(f);
	for (const char *const *r = reasons; *r != NULL; r++)
		ck_assert_msg(strstr(text, *r) != NULL, "not in %s: %s", path,
		    *r);
}
END_TEST

static Suite *
shadow_suite(void)
{
	Suite *s = suite_create("shadow");
	TCase *tc = tcase_create("shadow");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_shadow_client_closes_first_agrees);
	tcase_add_test(tc, test_fin_wait_1_late_settle_state_known_reason);
	tcase_add_test(tc, test_estab_kernel_segments_many_line_counts_rest);
	tcase_add_test(tc, test_shadow_close_unread_rst_differs);
	tcase_add_test(tc, test_shadow_close_wait_early_ack_known);
	tcase_add_test(tc, test_shadow_fin_wait_1_kernel_only_ack_stops);
	tcase_add_test(tc, test_shadow_fin_wait_1_settle_next_tick_ack_agrees);
	tcase_add_test(tc, test_shadow_syn_sent_rexmit_ids_paired);
	tcase_add_test(tc, test_shadow_known_reasons_are_the_files);
	tcase_add_test(tc,
	    test_shadow_syn_sent_deliver_dir_takes_kernels_choice);
	tcase_add_test(tc,
	    test_shadow_closed_connect_kernel_late_held_then_met);
	tcase_add_test(tc, test_shadow_syn_sent_wait_timer_follows_clock);
	tcase_add_test(tc,
	    test_shadow_syn_sent_rexmit_late_model_held_then_met);
	tcase_add_test(tc, test_shadow_syn_sent_rexmit_unmet_said_at_next_step);
	tcase_add_test(tc, test_shadow_closed_set_after_lab_clock_ran_followed);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(shadow_suite());
	int nf;

	srunner_run_all(sr, CK_NORMAL);
	nf = srunner_ntests_failed(sr);
	srunner_free(sr);
	return nf == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
