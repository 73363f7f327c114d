/*
 * The kernel lab behind the world interface: opening and closing a lab,
 * the trace, states read from the kernel, `set`, and the dispatch of
 * commands to the application (app.c), the wire (wire.c) and the
 * assertions (expect.c).
 *
 * What the lab cannot do it refuses with a sentence saying so: `isn` and
 * `seed` (the kernel chooses its own ISNs), `profile rfc9293` (the lab is
 * Linux), `crash`, and each `set` that no per-namespace sysctl or route
 * attribute provides.
 */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "lab/lab_int.h"
#include "lib/i18n.h"
#include "lib/mono.h"
#include "lib/xalloc.h"

void
lab_trace(struct lab *l, const struct sim_ev *ev)
{
	struct sim_ev *e;

	if (!l->keep_trace)
		return;
	xgrow(&l->trace, &l->captrace, l->ntrace + 1, sizeof(*l->trace));
	e = &l->trace[l->ntrace++];
	*e = *ev;
	for (int h = 0; h < 2; h++)
		e->nums[h] = l->host[h].nums;
}

void
lab_notice(struct lab *l, int h, enum tcp_notice n)
{
	struct sim_ev ev = { .kind = SIM_EV_TCP, .time = lab_now(l),
	    .host = (enum sim_host_id)h };

	l->host[h].notices[n]++;
	ev.tcp.kind = TCP_EV_NOTICE;
	ev.tcp.notice = n;
	lab_trace(l, &ev);
}

/* The simulation's name for a timer inet_diag reports, if it has one. */
static bool
lab_timer_of(const struct lab_sk *sk, enum tcp_timer *t)
{
	enum tcp_state st = lab_kstate(sk->kstate);

	if (sk->timer == 1)
		*t = TCP_T_REXMT;
	else if ((sk->timer == 2 || sk->timer == 3) && st == TCP_FIN_WAIT_2)
		*t = TCP_T_FIN_WAIT_2;	/* orphan: keepalive or tw timer */
	else if (sk->timer == 3)
		*t = TCP_T_TIME_WAIT;
	else
		return false;
	return true;
}

/* A timer that appeared, was restarted (a retransmission) or went away
 * since the last look, told as the simulation tells its own. */
static void
lab_timer_events(struct lab *l, int h, const struct lab_sk *now, bool has)
{
	const struct lab_host *hh = &l->host[h];
	enum tcp_timer was = TCP_T_REXMT, is = TCP_T_REXMT;
	bool had_t = hh->has_sk && lab_timer_of(&hh->sk, &was);
	bool has_t = has && lab_timer_of(now, &is);
	struct sim_ev ev = { .kind = SIM_EV_TCP, .time = lab_now(l),
	    .host = (enum sim_host_id)h };

	if (has_t && (!had_t || was != is || now->retrans != hh->sk.retrans)) {
		ev.tcp.kind = TCP_EV_TIMER_ARM;
		ev.tcp.timer = is;
		ev.tcp.due = ev.time + now->expires;
		lab_trace(l, &ev);
	} else if (had_t && !has_t) {
		ev.tcp.kind = TCP_EV_TIMER_STOP;
		ev.tcp.timer = was;
		lab_trace(l, &ev);
	}
}

static bool
lab_state_host(struct lab *l, int h)
{
	struct lab_host *hh = &l->host[h];
	struct lab_sk sk;
	int n = lab_diag(l, h, &sk);
	enum tcp_state to;
	struct sim_ev ev = { .kind = SIM_EV_TCP, .time = lab_now(l),
	    .host = (enum sim_host_id)h };

	if (n < 0)
		return false;
	lab_timer_events(l, h, &sk, n == 1);
	hh->has_sk = n == 1;
	if (n == 1)
		hh->sk = sk;
	to = n == 1 ? lab_kstate(sk.kstate) : TCP_CLOSED;
	if (to == hh->state)
		return false;
	ev.tcp.kind = TCP_EV_STATE;
	ev.tcp.from = hh->state;
	ev.tcp.to = to;
	hh->state = to;
	lab_trace(l, &ev);
	/* The simulation tells the application "closed" when a connection
	 * ends without an error; the kernel's end of a closed one is this. */
	if (to == TCP_CLOSED && (ev.tcp.from == TCP_TIME_WAIT ||
	    ev.tcp.from == TCP_LAST_ACK || ev.tcp.from == TCP_CLOSING ||
	    ev.tcp.from == TCP_FIN_WAIT_2))
		lab_notice(l, h, TCP_N_CLOSED);
	return true;
}

bool
lab_states(struct lab *l)
{
	bool a = lab_state_host(l, 0);

	return lab_state_host(l, 1) || a;
}

/* ------------------------------------------------------------- set */

/* The per-namespace sysctl behind a setting.  A table, not a switch: a
 * setting added to the language later is refused here until it is
 * mapped, instead of breaking the build. */
static const char *
lab_set_sysctl(enum set_key k)
{
	static const struct {
		enum set_key key;
		const char *sysctl;
	} map[] = {
		{ SET_FIN_WAIT_2_TIMEOUT, "tcp_fin_timeout" },
		{ SET_SYN_RETRIES, "tcp_syn_retries" },
		{ SET_SYNACK_RETRIES, "tcp_synack_retries" },
		{ SET_RETRIES, "tcp_retries2" },
		{ SET_RTO_MAX, "tcp_rto_max_ms" },
		{ SET_SYN_LINEAR, "tcp_syn_linear_timeouts" },
	};

	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (map[i].key == k)
			return map[i].sysctl;
	return NULL;
}

/* The value to write, or NULL with res filled. */
static const char *
lab_set_value(const struct cmd *c, char *buf, size_t size,
    struct sim_result *res)
{
	if (c->key == SET_FIN_WAIT_2_TIMEOUT && !c->on) {
		sim_fail(res, SIM_IMPOSSIBLE, _("set fin_wait_2_timeout off: "
		    "Linux always ends an orphaned FIN_WAIT_2 "
		    "(tcp_fin_timeout); the lab cannot turn it off"));
		return NULL;
	}
	if (c->key == SET_FIN_WAIT_2_TIMEOUT &&
	    (c->dur.msl != 0 || c->dur.ms % 1000 != 0 || c->dur.ms == 0)) {
		sim_fail(res, SIM_IMPOSSIBLE, _("set fin_wait_2_timeout: "
		    "tcp_fin_timeout counts whole seconds; give one such as "
		    "5s"));
		return NULL;
	}
	if (c->key == SET_FIN_WAIT_2_TIMEOUT)
		snprintf(buf, size, "%llu",
		    (unsigned long long)(c->dur.ms / 1000));
	else if (c->key == SET_RTO_MAX)
		snprintf(buf, size, "%llu", (unsigned long long)c->dur.ms);
	else
		snprintf(buf, size, "%llu", (unsigned long long)c->num);
	return buf;
}

static enum sim_status
lab_set_route(struct lab *l, const struct cmd *c, bool apply,
    struct sim_result *res)
{
	if (!apply)
		return SIM_OK;
	l->quickack = !c->on;
	if (!lab_route(l, 0, l->quickack) || !lab_route(l, 1, l->quickack))
		return sim_fail(res, SIM_IMPOSSIBLE, _("set delayed_ack: the "
		    "kernel refused the route change"));
	return SIM_OK;
}

static enum sim_status
lab_set(struct lab *l, const struct cmd *c, bool apply, struct sim_result *res)
{
	static const char *const keys[SET_NKEYS] = {
		"msl", "rto", "syn_retries", "retries", "fin_wait_2_timeout",
		"delayed_ack", "time_wait", "handshake", "synack_retries",
		"rto_max", "app_read", "syn_linear_timeouts"
	};
	const char *key = keys[c->key] != NULL ? keys[c->key] : "";
	const char *name = lab_set_sysctl(c->key), *v;
	char buf[32], old[32];

	if (c->key == SET_DELAYED_ACK)
		return lab_set_route(l, c, apply, res);
	if (c->key == SET_APP_READ) {
		/* The lab's own application, not the kernel: it stops
		 * reading by itself and reads at `read` only. */
		if (apply)
			l->app_read_manual = !c->on;
		return SIM_OK;
	}
	if (name == NULL || !lab_sysctl_get(l, 0, name, old, sizeof(old)))
		return sim_fail(res, SIM_IMPOSSIBLE, _("set %s: this kernel "
		    "has no per-namespace setting for it; the lab cannot "
		    "change it"), key);
	if ((v = lab_set_value(c, buf, sizeof(buf), res)) == NULL)
		return res->status;
	for (int h = 0; apply && h < 2; h++)
		if (!lab_sysctl_set(l, h, name, v))
			return sim_fail(res, SIM_IMPOSSIBLE, _("set: the "
			    "kernel refused %s = %s"), name, v);
	return SIM_OK;
}

/* -------------------------------------------------------- dispatch */

static enum sim_status
lab_setup(struct lab *l, const struct cmd *c, bool apply,
    struct sim_result *res)
{
	if (l->started)
		return sim_fail(res, SIM_IMPOSSIBLE, _("setup commands (seed, "
		    "isn, profile, set) must come before the first event"));
	if (c->kind == CMD_SEED || c->kind == CMD_ISN)
		return sim_fail(res, SIM_IMPOSSIBLE, _("%s: in the kernel "
		    "lab the kernels choose their own ISNs; numbers show as "
		    "they are on the wire"), c->kind == CMD_SEED ? "seed" :
		    "isn");
	if (c->kind == CMD_PROFILE && c->profile != PROFILE_LINUX)
		return sim_fail(res, SIM_IMPOSSIBLE, _("profile: the kernel "
		    "lab is Linux; only 'profile linux' applies"));
	if (c->kind == CMD_SET)
		return lab_set(l, c, apply, res);
	return SIM_OK;
}

static bool
lab_is_call(enum cmd_kind k)
{
	return k == CMD_LISTEN || k == CMD_CONNECT || k == CMD_SEND ||
	    k == CMD_CLOSE || k == CMD_SHUTDOWN || k == CMD_ABORT ||
	    k == CMD_CRASH || k == CMD_READ;
}

enum sim_status
lab_can(void *self, const struct cmd *c, struct sim_result *res)
{
	struct lab *l = self;

	res->status = SIM_OK;
	res->msg[0] = '\0';
	if (cmd_is_setup(c->kind))
		return lab_setup(l, c, false, res);
	if (lab_is_call(c->kind))
		return lab_app_check(l, c, res);
	return lab_wire_check(l, c, res);
}

enum sim_status
lab_apply(void *self, const struct cmd *c, struct sim_result *res)
{
	struct lab *l = self;
	enum sim_status st;

	if (cmd_is_expect(c->kind))
		return lab_expect(l, c, res);
	if ((st = lab_can(l, c, res)) != SIM_OK)
		return st;
	if (cmd_is_setup(c->kind))
		return lab_setup(l, c, true, res);
	l->started = true;
	if (lab_is_call(c->kind)) {
		st = lab_app_call(l, c, res);
		lab_collect(l, l->quiet_ms, mono_ms() + 2000);
		return st;
	}
	return lab_wire_apply(l, c, res);
}
