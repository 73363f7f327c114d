/*
 * Check suite for the debug build's bug checks: with TCPTEACH_DEBUG
 * (--enable-debug), every core call made by the world is followed by
 * tcp_check() on that TCB, and a broken invariant aborts with the reason.
 * In a release build the checks are compiled out and this suite only
 * confirms that a healthy connection passes.
 */
#include <config.h>

#include <check.h>
#include <signal.h>
#include <stdlib.h>

#include "check_sim_util.h"
#include "sim/world.h"

static struct world w;

static void
apply(struct cmd c)
{
	struct sim_result res;

	ck_assert_int_eq(world_apply(&w, &c, &res), SIM_OK);
}

/* Both ends ESTABLISHED, nothing in flight. */
static void
established(void)
{
	world_init(&w);
	apply(c_host(CMD_LISTEN, HOST_SERVER));
	apply(c_host(CMD_CONNECT, HOST_CLIENT));
	apply(c_kind(CMD_SETTLE));
	ck_assert_int_eq(w.host[HOST_CLIENT].tcb.state, TCP_ESTABLISHED);
	ck_assert_ptr_null(tcp_check(&w.host[HOST_CLIENT].tcb));
}

START_TEST(test_estab_healthy_passes_checks)
{
	established();
	apply(c_send(HOST_CLIENT, 10));
	apply(c_kind(CMD_SETTLE));
	world_free(&w);
}
END_TEST

#ifdef TCPTEACH_DEBUG
/* A FIN marked sent in ESTABLISHED can only be a bug: the next call
 * aborts. */
START_TEST(test_estab_send_with_broken_tcb_aborts)
{
	established();
	w.host[HOST_CLIENT].tcb.fin_sent = true;
	apply(c_send(HOST_CLIENT, 10));
}
END_TEST

/* The same check follows a segment's arrival. */
START_TEST(test_estab_input_with_broken_tcb_aborts)
{
	established();
	apply(c_send(HOST_CLIENT, 10));
	w.host[HOST_SERVER].tcb.fin_sent = true;
	apply(c_kind(CMD_SETTLE));
}
END_TEST
#endif

static Suite *
debug_suite(void)
{
	Suite *s = suite_create("debug");
	TCase *tc = tcase_create("tcp_check");

	tcase_add_test(tc, test_estab_healthy_passes_checks);
#ifdef TCPTEACH_DEBUG
	tcase_add_test_raise_signal(tc, test_estab_send_with_broken_tcb_aborts,
	    SIGABRT);
	tcase_add_test_raise_signal(tc,
	    test_estab_input_with_broken_tcb_aborts, SIGABRT);
#endif
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(debug_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
