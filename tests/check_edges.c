/*
 * Every edge of the state diagram table (tcp_edges[], core/edges.h) driven
 * through the real code.  A driver is a short scenario whose last line is
 * the trigger: the lines before it must bring HOST into FROM, and the
 * trigger must make HOST report a state change FROM -> TO.  A driver
 * claims the table edges with the same FROM and TO whose event label
 * contains its keyword (any label when the keyword is NULL).
 *
 * Three checks: every table edge has a driver and each of its drivers
 * observes it; every driver claims some table edge (the table is not
 * missing an edge RFC 9293 describes); and every state change seen while
 * running all drivers plus some extra scenarios has a table edge with the
 * same FROM and TO, except the what-if switches and crashes.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/edges.h"
#include "script/parse.h"
#include "sim/world.h"

struct driver {
	enum tcp_state from, to;
	const char *keyword;
	enum sim_host_id host;
	const char *script;
};

/* The RFC's numbers: client ISS 100, server ISS 300. */
#define EST "isn client 100\nisn server 300\n" \
	"server listen\nclient connect\nsettle\n"
#define C HOST_CLIENT
#define S HOST_SERVER
#define T(s) TCP_##s

static const struct driver drivers[] = {
	{ T(CLOSED), T(LISTEN), "passive", C, "client listen" },
	{ T(CLOSED), T(SYN_SENT), "active", C, "client connect" },
	{ T(LISTEN), T(SYN_RECEIVED), NULL, S,
	  "server listen\nclient connect\ndeliver" },
	{ T(LISTEN), T(SYN_SENT), "SEND", C, "client listen\nclient connect" },
	{ T(LISTEN), T(CLOSED), "CLOSE", C, "client listen\nclient close" },
	{ T(SYN_SENT), T(SYN_RECEIVED), NULL, C,
	  "client connect\nserver connect\ndeliver s>c" },
	{ T(SYN_SENT), T(ESTABLISHED), NULL, C,
	  "server listen\nclient connect\ndeliver\ndeliver" },
	{ T(SYN_SENT), T(CLOSED), "CLOSE", C, "client connect\nclient close" },
	{ T(SYN_SENT), T(CLOSED), "RST", C,
	  "client connect\ndeliver\ndeliver" },
	{ T(SYN_SENT), T(CLOSED), "retransmissions", C,
	  "client connect\nwait 5min" },
	{ T(SYN_RECEIVED), T(ESTABLISHED), NULL, S,
	  "server listen\nclient connect\ndeliver\ndeliver\ndeliver" },
	{ T(SYN_RECEIVED), T(FIN_WAIT_1), NULL, S,
	  "server listen\nclient connect\ndeliver\nserver close" },
	{ T(SYN_RECEIVED), T(LISTEN), "RST", S,
	  "isn client 100\nserver listen\nclient connect\n"
	  "inject c>s SYN seq=90\ndeliver #2\ndeliver #3\ndeliver #4" },
	{ T(SYN_RECEIVED), T(LISTEN), "retransmissions", S,
	  "server listen\nclient connect\ndeliver\nwait 10min" },
	{ T(SYN_RECEIVED), T(CLOSED), "RST", C,
	  "isn client 100\nisn server 300\nclient connect\nserver connect\n"
	  "deliver #2\ninject s>c RST seq=301\ndeliver #4" },
	{ T(ESTABLISHED), T(FIN_WAIT_1), "CLOSE", C, EST "client close" },
	{ T(ESTABLISHED), T(FIN_WAIT_1), "shutdown", C,
	  EST "client shutdown" },
	{ T(ESTABLISHED), T(CLOSE_WAIT), NULL, S,
	  EST "client close\ndeliver" },
	{ T(ESTABLISHED), T(CLOSED), "rcv RST", C,
	  EST "server abort\ndeliver" },
	{ T(ESTABLISHED), T(CLOSED), "ABORT", C, EST "client abort" },
	{ T(FIN_WAIT_1), T(FIN_WAIT_2), NULL, C,
	  EST "client close\ndeliver\ndeliver" },
	{ T(FIN_WAIT_1), T(CLOSING), NULL, C,
	  EST "client close\nserver close\ndeliver s>c" },
	{ T(FIN_WAIT_1), T(TIME_WAIT), NULL, C,
	  "set delayed_ack on\n" EST
	  "client close\ndeliver\nserver close\ndeliver s>c" },
	{ T(FIN_WAIT_1), T(CLOSED), "RST", C,
	  EST "client close\nserver abort\ndeliver s>c" },
	{ T(FIN_WAIT_1), T(CLOSED), "data", C,
	  EST "client close\nserver send 5\ndeliver s>c" },
	{ T(FIN_WAIT_2), T(CLOSED), "data", C,
	  EST "client close\ndeliver\ndeliver\nserver send 5\ndeliver" },
	{ T(ESTABLISHED), T(CLOSED), "unread", S, "set app_read manual\n"
	  EST "client send 5\nsettle\nserver close" },
	{ T(CLOSE_WAIT), T(CLOSED), "unread", S, "set app_read manual\n"
	  EST "client send 5\nclient close\nsettle\nserver close" },
	{ T(FIN_WAIT_2), T(TIME_WAIT), NULL, C,
	  EST "client close\ndeliver\ndeliver\nserver close\ndeliver" },
	{ T(FIN_WAIT_2), T(CLOSED), "RST", C,
	  EST "client close\ndeliver\ndeliver\nserver abort\ndeliver" },
	{ T(FIN_WAIT_2), T(CLOSED), "fin_timeout", C,
	  "profile linux\n" EST "client close\ndeliver\nwait timer\ndeliver\n"
	  "wait 60s" },
	{ T(CLOSE_WAIT), T(LAST_ACK), NULL, S,
	  EST "client close\ndeliver\nserver close" },
	{ T(CLOSE_WAIT), T(CLOSED), "RST", S,
	  EST "client close\ndeliver\ndeliver\nclient abort\ndeliver" },
	{ T(CLOSING), T(TIME_WAIT), NULL, C,
	  EST "client close\nserver close\ndeliver s>c\ndeliver c>s\n"
	  "deliver s>c" },
	{ T(CLOSING), T(CLOSED), "RST", C,
	  EST "client close\nserver close\ndeliver s>c\n"
	  "inject s>c RST seq=302\ndeliver #7" },
	{ T(LAST_ACK), T(CLOSED), "ACK", S,
	  EST "client close\ndeliver\ndeliver\nserver close\ndeliver\n"
	  "deliver" },
	{ T(LAST_ACK), T(CLOSED), "RST", S,
	  EST "client close\ndeliver\ndeliver\nserver close\n"
	  "inject c>s RST seq=102\ndeliver c>s" },
	{ T(TIME_WAIT), T(CLOSED), "2MSL", C,
	  EST "client close\nsettle\nserver close\nsettle\nwait 2msl" },
	{ T(TIME_WAIT), T(CLOSED), "RST", C,
	  EST "client close\nsettle\nserver close\ndeliver\n"
	  "inject s>c RST seq=302\ndeliver s>c" },
};

/* Scenarios outside the table's claims: their transitions must still
 * have a table edge with the same FROM and TO. */
static const char *const extras[] = {
	"server listen\nclient connect\ndeliver\nserver abort",
	EST "client close\nclient abort",
	EST "client close\ndeliver\ndeliver\nclient abort",
	EST "client close\ndeliver\nserver abort",
	EST "client close\nserver close\ndeliver s>c\nclient abort",
	EST "client close\ndeliver\nserver close\nserver abort",
	EST "client close\nsettle\nserver close\nsettle\nclient abort",
	"server listen\nserver abort",
	"client connect\nclient abort",
	EST "client send 10\nwait 10min",
	EST "client close\nwait 10min",
	EST "client close\ndeliver\ndeliver\nserver send 5\nserver close\n"
	"wait 10min",
	EST "client close\nserver close\nwait 10min",
	EST "client shutdown\nsettle\nserver send 9\nsettle\nclient close\n"
	"server close\nsettle\nwait 5min",
	"server listen\nclient connect\ndeliver\nserver close\nsettle\n"
	"client close\nwait 10min",
	"server listen\nclient connect\nsettle\nclient close\nsettle\n"
	"wait 10min",
	"set time_wait off\n" EST "client close\nsettle\nserver close\nsettle",
	"set handshake two\nserver listen\nclient connect\nsettle",
	EST "client crash\nserver crash",
};

static bool
contains(const char *hay, const char *needle)
{
	return needle == NULL || strstr(hay, needle) != NULL;
}

static bool
claims(const struct driver *d, const struct tcp_edge *e)
{
	return d->from == e->from && d->to == e->to &&
	    contains(e->event, d->keyword);
}

static void
load(const char *text, struct script *sc)
{
	struct script_err err;

	memset(sc, 0, sizeof(*sc));
	ck_assert_msg(script_parse_buf("driver", text, strlen(text), sc,
	    &err), "driver does not parse: line %u col %u: %s\n%s",
	    err.line, err.column, err.msg, text);
	ck_assert_uint_gt(sc->n, 0);
}

static void
apply(struct world *w, const struct cmd *c, const char *text)
{
	struct sim_result res;

	memset(&res, 0, sizeof(res));
	ck_assert_msg(world_apply(w, c, &res) == SIM_OK,
	    "driver line %u: %s\n%s", c->line, res.msg, text);
}

static bool
seen(const struct world *w, enum sim_host_id h, enum tcp_state from,
    enum tcp_state to)
{
	size_t i;

	for (i = 0; i < w->ntrace; i++) {
		const struct sim_ev *ev = &w->trace[i];

		if (ev->kind == SIM_EV_TCP && ev->host == h &&
		    ev->tcp.kind == TCP_EV_STATE && ev->tcp.from == from &&
		    ev->tcp.to == to)
			return true;
	}
	return false;
}

static void
run_driver(const struct driver *d)
{
	struct script sc;
	struct world w;
	size_t i;

	load(d->script, &sc);
	world_init(&w);
	w.keep_trace = true;
	for (i = 0; i + 1 < sc.n; i++)
		apply(&w, &sc.cmds[i], d->script);
	ck_assert_msg(w.host[d->host].tcb.state == d->from,
	    "driver for %s -> %s: %s is in %s before the trigger\n%s",
	    tcp_state_name(d->from), tcp_state_name(d->to),
	    sim_host_name(d->host), tcp_state_name(w.host[d->host].tcb.state),
	    d->script);
	world_trace_clear(&w);
	apply(&w, &sc.cmds[sc.n - 1], d->script);
	ck_assert_msg(seen(&w, d->host, d->from, d->to),
	    "driver for %s -> %s: the trigger left %s in %s\n%s",
	    tcp_state_name(d->from), tcp_state_name(d->to),
	    sim_host_name(d->host), tcp_state_name(w.host[d->host].tcb.state),
	    d->script);
	world_free(&w);
	script_free(&sc);
}

#define NDRIVERS (sizeof(drivers) / sizeof(drivers[0]))
#define NEXTRAS (sizeof(extras) / sizeof(extras[0]))

/* Loop index _i is the table edge. */
START_TEST(test_edge_driven)
{
	const struct tcp_edge *e = &tcp_edges[_i];
	size_t k, n = 0;

	ck_assert_ptr_nonnull(e->event);
	ck_assert_ptr_nonnull(e->rfc);
	ck_assert(e->event[0] != '\0' && e->rfc[0] != '\0');
	ck_assert(e->from != e->to);
	for (k = 0; k < NDRIVERS; k++) {
		if (!claims(&drivers[k], e))
			continue;
		run_driver(&drivers[k]);
		n++;
	}
	ck_assert_msg(n > 0, "edge %d %s -> %s \"%s\" has no driver", _i,
	    tcp_state_name(e->from), tcp_state_name(e->to), e->event);
}
END_TEST

/* Loop index _i is the driver. */
START_TEST(test_driver_claims_an_edge)
{
	const struct driver *d = &drivers[_i];
	size_t k;

	for (k = 0; k < tcp_nedges; k++)
		if (claims(d, &tcp_edges[k]))
			return;
	ck_abort_msg("the table has no edge %s -> %s labelled \"%s\"",
	    tcp_state_name(d->from), tcp_state_name(d->to),
	    d->keyword != NULL ? d->keyword : "");
}
END_TEST

static bool
in_table(enum tcp_state from, enum tcp_state to)
{
	size_t k;

	for (k = 0; k < tcp_nedges; k++)
		if (tcp_edges[k].from == from && tcp_edges[k].to == to)
			return true;
	return false;
}

/* Loop index _i: a driver, then an extra scenario. */
START_TEST(test_every_transition_in_table)
{
	const char *text = (size_t)_i < NDRIVERS ? drivers[_i].script :
	    extras[(size_t)_i - NDRIVERS];
	struct script sc;
	struct world w;
	size_t i;

	load(text, &sc);
	world_init(&w);
	w.keep_trace = true;
	for (i = 0; i < sc.n; i++)
		apply(&w, &sc.cmds[i], text);
	for (i = 0; i < w.ntrace; i++) {
		const struct tcp_ev *ev = &w.trace[i].tcp;

		if (w.trace[i].kind != SIM_EV_TCP || ev->kind != TCP_EV_STATE ||
		    ev->why == TCP_W_HANDSHAKE_TWO ||
		    ev->why == TCP_W_TIME_WAIT_OFF || ev->why == TCP_W_CRASH)
			continue;
		ck_assert_msg(in_table(ev->from, ev->to), "%s -> %s (%s) is "
		    "not in the table\n%s", tcp_state_name(ev->from),
		    tcp_state_name(ev->to), tcp_why_text(ev->why), text);
	}
	world_free(&w);
	script_free(&sc);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("edges");
	TCase *tc = tcase_create("diagram");
	SRunner *sr;
	int nfailed;

	tcase_add_loop_test(tc, test_edge_driven, 0, (int)tcp_nedges);
	tcase_add_loop_test(tc, test_driver_claims_an_edge, 0, (int)NDRIVERS);
	tcase_add_loop_test(tc, test_every_transition_in_table, 0,
	    (int)(NDRIVERS + NEXTRAS));
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_ENV);
	nfailed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return nfailed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
