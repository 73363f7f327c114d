/*
 * The world: set-up commands, the hosts' calls, and the bridge between the
 * pure core and the trace.  The wire and the clock live in wire.c, the
 * assertions in expect.c.
 */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/i18n.h"
#include "lib/rand.h"
#include "lib/xalloc.h"
#include "sim/sim_internal.h"

void
world_init(struct world *w)
{
	memset(w, 0, sizeof(*w));
	w->profile = PROFILE_RFC9293;
	tcp_config_rfc9293(&w->cfg);
	w->rng = 1;
	w->next_id = 1;
	w->keep_trace = true;
	for (int h = 0; h < 2; h++)
		tcp_init(&w->host[h].tcb);
}

void
world_free(struct world *w)
{
	free(w->wire);
	free(w->trace);
	w->wire = NULL;
	w->trace = NULL;
	w->nwire = w->capwire = w->ntrace = w->captrace = 0;
}

/* Everything but the trace, which a copy starts without: a search over
 * moves (lesson hints) tries each on a copy of the learner's world. */
void
world_copy(struct world *dst, const struct world *src)
{
	*dst = *src;
	dst->trace = NULL;
	dst->ntrace = dst->captrace = 0;
	dst->wire = NULL;
	dst->capwire = 0;
	if (src->nwire > 0) {
		dst->wire = xreallocarray(NULL, src->nwire, sizeof(*dst->wire));
		memcpy(dst->wire, src->wire, src->nwire * sizeof(*dst->wire));
		dst->capwire = src->nwire;
	}
}

void
world_trace_clear(struct world *w)
{
	w->ntrace = 0;
}

void
sim_trace(struct world *w, const struct sim_ev *ev)
{
	struct sim_ev *e;

	w->nevents++;
	if (!w->keep_trace)
		return;
	xgrow(&w->trace, &w->captrace, w->ntrace + 1, sizeof(*w->trace));
	e = &w->trace[w->ntrace++];
	*e = *ev;
	for (int h = 0; h < 2; h++) {
		const struct tcp_tcb *t = &w->host[h].tcb;

		e->nums[h] = (struct sim_nums){ .iss = t->iss,
		    .snd_una = t->snd_una, .snd_nxt = t->snd_nxt,
		    .rcv_nxt = t->rcv_nxt, .irs_valid = t->irs_valid };
	}
}

enum sim_status
sim_fail(struct sim_result *res, enum sim_status st, const char *fmt, ...)
{
	va_list ap;

	res->status = st;
	va_start(ap, fmt);
	vsnprintf(res->msg, sizeof(res->msg), fmt, ap);
	va_end(ap);
	return st;
}

static uint32_t
sim_choose_iss(void *arg)
{
	struct sim_ctx *ctx = arg;
	struct sim_host *h = &ctx->w->host[ctx->host];

	if (h->isn_next < h->nisn)
		return h->isn[h->isn_next++];
	return (uint32_t)(splitmix64(&ctx->w->rng) >> 32);
}

/* A trace record of a core event, built only when the trace is kept: the
 * record is a few hundred bytes, and reading a large capture runs millions
 * of events through worlds that keep no trace. */
static void
sim_trace_tcp(struct world *w, enum sim_host_id host, const struct tcp_ev *tev,
    const struct flight *f)
{
	struct sim_ev ev;

	if (!w->keep_trace) {
		w->nevents++;
		return;
	}
	ev = (struct sim_ev){ .kind = SIM_EV_TCP, .time = w->now,
	    .host = host, .tcp = *tev };
	if (f != NULL)
		ev.flight = *f;
	sim_trace(w, &ev);
}

static void
sim_event(void *arg, const struct tcp_ev *tev)
{
	struct sim_ctx *ctx = arg;
	struct world *w = ctx->w;
	struct sim_host *h = &w->host[ctx->host];

	if (tev->kind == TCP_EV_NOTICE)
		h->notices[tev->notice]++;
	if (tev->kind == TCP_EV_SEND) {
		struct flight f = { .id = w->next_id++,
		    .dir = (enum sim_dir)ctx->host, .sent_at = w->now,
		    .origin = tev->rexmit ? ORIGIN_REXMIT : ORIGIN_SENT,
		    .seg = tev->seg };

		h->has_sent = true;
		h->last_sent = f;
		sim_trace_tcp(w, ctx->host, tev, &f);
		wire_put(w, &f, SIM_EV_TCP);
		return;
	}
	sim_trace_tcp(w, ctx->host, tev, NULL);
}

void
sim_io(struct world *w, enum sim_host_id h, struct sim_ctx *ctx,
    struct tcp_io *io)
{
	ctx->w = w;
	ctx->host = h;
	io->now = w->now;
	io->cfg = &w->cfg;
	io->ctx = ctx;
	io->choose_iss = sim_choose_iss;
	io->event = sim_event;
}

/* ---------------------------------------------------------------- setup */

static enum sim_status
sim_set_dur(struct world *w, const struct cmd *c, uint32_t *field,
    bool positive, struct sim_result *res)
{
	uint64_t ms = world_dur_ms(w, &c->dur);

	if (ms > UINT32_MAX || (positive && ms == 0))
		return sim_fail(res, SIM_IMPOSSIBLE,
		    _("set: the duration must be between 1ms and 49 days"));
	*field = (uint32_t)ms;
	return SIM_OK;
}

/* Linux takes net.ipv4.tcp_syn_retries from 1 to 127 (MAX_TCP_SYNCNT):
 * under profile linux, 0 is no kernel's setting. */
static bool
sim_syn_retries_ok(const struct world *w, uint64_t n, bool at_set,
    struct sim_result *res)
{
	if (w->profile != PROFILE_LINUX || (n >= 1 && n <= 127))
		return true;
	if (at_set)
		sim_fail(res, SIM_IMPOSSIBLE, _("set: under profile linux, "
		    "syn_retries must be between 1 and 127, as the kernel's "
		    "net.ipv4.tcp_syn_retries"));
	else
		sim_fail(res, SIM_IMPOSSIBLE, _("profile linux: syn_retries "
		    "was set to %u earlier, but the kernel's "
		    "net.ipv4.tcp_syn_retries takes 1 to 127"), (unsigned)n);
	return false;
}

static void sim_profile(struct world *w, enum sim_profile p);

/* What `set` and `profile` may refuse, checked before anything changes. */
static enum sim_status
sim_setup_check(const struct world *w, const struct cmd *c,
    struct sim_result *res)
{
	struct world after;

	if (c->kind == CMD_SET && c->key == SET_SYN_RETRIES &&
	    !sim_syn_retries_ok(w, c->num, true, res))
		return SIM_IMPOSSIBLE;
	if (c->kind != CMD_PROFILE)
		return SIM_OK;
	after.cfg = w->cfg;
	after.profile = w->profile;
	sim_profile(&after, c->profile);
	if (!sim_syn_retries_ok(&after, after.cfg.syn_retries, false, res))
		return SIM_IMPOSSIBLE;
	return SIM_OK;
}

static enum sim_status
sim_set(struct world *w, const struct cmd *c, struct sim_result *res)
{
	struct tcp_config *cfg = &w->cfg;

	switch (c->key) {
	case SET_MSL:
		return sim_set_dur(w, c, &cfg->msl_ms, true, res);
	case SET_RTO:
		return sim_set_dur(w, c, &cfg->rto_ms, true, res);
	case SET_RTO_MAX:
		return sim_set_dur(w, c, &cfg->rto_max_ms, false, res);
	case SET_FIN_WAIT_2_TIMEOUT:
		if (!c->on) {
			cfg->fin_wait_2_ms = 0;
			return SIM_OK;
		}
		return sim_set_dur(w, c, &cfg->fin_wait_2_ms, true, res);
	case SET_SYN_RETRIES:
	case SET_SYNACK_RETRIES:
	case SET_RETRIES:
		if (c->num > 100)
			return sim_fail(res, SIM_IMPOSSIBLE,
			    _("set: at most 100 retries"));
		if (c->key == SET_SYN_RETRIES)
			cfg->syn_retries = (unsigned)c->num;
		else if (c->key == SET_SYNACK_RETRIES)
			cfg->synack_retries = (unsigned)c->num;
		else
			cfg->retries = (unsigned)c->num;
		return SIM_OK;
	case SET_SYN_LINEAR:
		if (c->num > 100)
			return sim_fail(res, SIM_IMPOSSIBLE,
			    _("set: at most 100 retries"));
		cfg->syn_linear = (unsigned)c->num;
		return SIM_OK;
	case SET_DELAYED_ACK:
		cfg->delayed_ack = c->on;
		return SIM_OK;
	case SET_TIME_WAIT:
		cfg->time_wait = c->on;
		return SIM_OK;
	case SET_HANDSHAKE:
		cfg->handshake_two = !c->on;
		return SIM_OK;
	case SET_APP_READ:
		cfg->app_read_manual = !c->on;
		return SIM_OK;
	}
	return SIM_OK;
}

void
sim_profile_config(enum sim_profile p, struct tcp_config *out)
{
	if (p == PROFILE_LINUX)
		tcp_config_linux(out);
	else
		tcp_config_rfc9293(out);
}

/* A profile changes the defaults only: earlier `set`s stay in force. */
static void
sim_profile(struct world *w, enum sim_profile p)
{
	struct tcp_config def, old = w->cfg, now;

	sim_profile_config(w->profile, &def);
	sim_profile_config(p, &now);
#define KEEP(f) if (old.f != def.f) now.f = old.f
	KEEP(msl_ms); KEEP(rto_ms); KEEP(rto_max_ms); KEEP(fin_wait_2_ms);
	KEEP(syn_retries); KEEP(synack_retries); KEEP(retries);
	KEEP(syn_linear);
	KEEP(delayed_ack); KEEP(time_wait); KEEP(handshake_two);
	KEEP(app_read_manual);
#undef KEEP
	w->cfg = now;
	w->profile = p;
}

static enum sim_status
sim_setup(struct world *w, const struct cmd *c, struct sim_result *res)
{
	struct sim_host *h = &w->host[c->host];

	if (c->kind == CMD_SEED) {
		w->rng = c->num;
	} else if (c->kind == CMD_ISN) {
		h->nisn = c->nisn < CMD_ISN_MAX ? c->nisn : CMD_ISN_MAX;
		memcpy(h->isn, c->isn, h->nisn * sizeof(h->isn[0]));
		h->isn_next = 0;
	} else if (c->kind == CMD_PROFILE) {
		sim_profile(w, c->profile);
	} else if (c->kind == CMD_SET) {
		return sim_set(w, c, res);
	}
	return SIM_OK;
}

/* ---------------------------------------------------------- host calls */

static const char *const sim_call_rfc[TCP_NCALLS] = {
	"3.10.1", "3.10.1", "3.10.2", "3.10.4", "3.10.4", "3.10.5", "3.10.3"
};

/* Indexed by kind (a search of a table showed in a profile of reading a
 * large capture): the call plus one, 0 for a command that is no call. */
static bool
sim_call_of(enum cmd_kind k, enum tcp_call *call)
{
	static const unsigned char map[CMD_NKINDS] = {
		[CMD_LISTEN] = TCP_CALL_LISTEN + 1,
		[CMD_CONNECT] = TCP_CALL_CONNECT + 1,
		[CMD_SEND] = TCP_CALL_SEND + 1,
		[CMD_CLOSE] = TCP_CALL_CLOSE + 1,
		[CMD_SHUTDOWN] = TCP_CALL_SHUTDOWN + 1,
		[CMD_ABORT] = TCP_CALL_ABORT + 1,
		[CMD_READ] = TCP_CALL_READ + 1,
	};

	if ((unsigned)k >= CMD_NKINDS || map[k] == 0)
		return false;
	*call = (enum tcp_call)(map[k] - 1);
	return true;
}

static enum sim_status
sim_call_check(const struct world *w, const struct cmd *c, enum tcp_call call,
    struct sim_result *res)
{
	const struct tcp_tcb *tcb = &w->host[c->host].tcb;
	enum tcp_err e;

	if (call == TCP_CALL_SEND && (c->num == 0 || c->num > 65535))
		return sim_fail(res, SIM_IMPOSSIBLE,
		    _("send: the size must be 1 to 65535 bytes"));
	if (call == TCP_CALL_READ && !w->cfg.app_read_manual)
		return sim_fail(res, SIM_IMPOSSIBLE,
		    _("%s: read is impossible: the application reads all data "
		    "at once (put 'set app_read manual' before the first "
		    "event to let data wait)"), _(sim_host_name(c->host)));
	if (call == TCP_CALL_READ && c->num > UINT32_MAX)
		return sim_fail(res, SIM_IMPOSSIBLE,
		    _("read: at most 4294967295 bytes at a time"));
	e = tcp_call_check(tcb, call, (uint16_t)c->num);
	if (e == TCP_OK)
		return SIM_OK;
	/* TRANSLATORS: host, call, state, reason, RFC section. */
	return sim_fail(res, SIM_IMPOSSIBLE,
	    _("%s: %s is impossible in %s: %s (RFC 9293 %s)"),
	    _(sim_host_name(c->host)), tcp_call_name(call),
	    tcp_state_name(tcb->state), _(tcp_err_text(e)), sim_call_rfc[call]);
}

static void
sim_call(struct world *w, const struct cmd *c, enum tcp_call call)
{
	struct sim_ctx ctx;
	struct tcp_io io;
	struct tcp_tcb *tcb = &w->host[c->host].tcb;

	sim_io(w, c->host, &ctx, &io);
	switch (call) {
	case TCP_CALL_LISTEN:
		(void)tcp_listen(tcb, &io);
		break;
	case TCP_CALL_CONNECT:
		(void)tcp_connect(tcb, &io);
		break;
	case TCP_CALL_SEND:
		(void)tcp_send(tcb, &io, (uint16_t)c->num);
		break;
	case TCP_CALL_CLOSE:
		(void)tcp_close(tcb, &io);
		break;
	case TCP_CALL_SHUTDOWN:
		(void)tcp_shutdown(tcb, &io);
		break;
	case TCP_CALL_ABORT:
		(void)tcp_abort(tcb, &io);
		break;
	case TCP_CALL_READ:
		(void)tcp_read(tcb, &io, (uint32_t)c->num);
		break;
	}
	sim_check(tcb);
}

static void
sim_crash(struct world *w, enum sim_host_id h)
{
	struct sim_ctx ctx;
	struct tcp_io io;

	sim_io(w, h, &ctx, &io);
	tcp_crash(&w->host[h].tcb, &io);
	sim_check(&w->host[h].tcb);
}

/* ------------------------------------------------------------ dispatch */

enum sim_status
world_can(const struct world *w, const struct cmd *c, struct sim_result *res)
{
	enum tcp_call call;

	res->status = SIM_OK;
	res->msg[0] = '\0';
	if (cmd_is_setup(c->kind) && w->started)
		return sim_fail(res, SIM_IMPOSSIBLE,
		    _("setup commands (seed, isn, profile, set) must come "
		    "before the first event"));
	if (sim_call_of(c->kind, &call))
		return sim_call_check(w, c, call, res);
	if (c->kind == CMD_SET || c->kind == CMD_PROFILE)
		return sim_setup_check(w, c, res);
	return wire_check(w, c, res);
}

enum sim_status
world_apply(struct world *w, const struct cmd *c, struct sim_result *res)
{
	enum tcp_call call;
	enum sim_status st;

	if (cmd_is_expect(c->kind)) {
		struct sim_host *h = &w->host[c->host];

		st = world_expect(w, c, NULL, res);
		/* The next `expect notice` for this host counts from here. */
		if (c->kind == CMD_EXPECT_NOTICE)
			memcpy(h->notice_mark, h->notices,
			    sizeof(h->notice_mark));
		return st;
	}
	st = world_can(w, c, res);
	if (st != SIM_OK)
		return st;
	if (cmd_is_setup(c->kind))
		return sim_setup(w, c, res);
	w->started = true;
	if (sim_call_of(c->kind, &call)) {
		sim_call(w, c, call);
		return SIM_OK;
	}
	if (c->kind == CMD_CRASH) {
		sim_crash(w, c->host);
		return SIM_OK;
	}
	return wire_apply(w, c, res);
}

/* ------------------------------------------------------------- queries */

uint64_t
world_dur_ms(const struct world *w, const struct cmd_dur *d)
{
	if (d->msl)
		return (uint64_t)d->msl * w->cfg.msl_ms;
	return d->ms;
}

const char *
sim_host_name(enum sim_host_id h)
{
	return h == HOST_CLIENT ? N_("client") : N_("server");
}

const char *
sim_dir_name(enum sim_dir d)
{
	return d == DIR_C2S ? "c>s" : "s>c";
}

const char *
sim_profile_name(enum sim_profile p)
{
	return p == PROFILE_LINUX ? "linux" : "rfc9293";
}

bool
world_next_timer(const struct world *w, enum sim_host_id *host,
    enum tcp_timer *t, uint64_t *due)
{
	bool found = false;

	for (int h = 0; h < 2; h++) {
		enum tcp_timer ht;
		uint64_t hd;

		if (!tcp_next_timer(&w->host[h].tcb, &ht, &hd))
			continue;
		if (found && hd >= *due)
			continue;
		found = true;
		*host = (enum sim_host_id)h;
		*t = ht;
		*due = hd;
	}
	return found;
}

char *
sim_seg_text(const struct tcp_seg *seg, const char *seq, const char *ack,
    enum sim_seg_len len, char *buf, size_t size)
{
	char fl[TCP_FLAGS_BUFSZ], sq[16], ak[16];
	int n;

	if (seq == NULL)
		snprintf(sq, sizeof(sq), "%lu", (unsigned long)seg->seq);
	if (ack == NULL)
		snprintf(ak, sizeof(ak), "%lu", (unsigned long)seg->ack);
	n = snprintf(buf, size, "%s seq=%s", tcp_flags_str(seg->flags, fl),
	    seq != NULL ? seq : sq);
	if ((seg->flags & TCP_ACK) && n > 0 && (size_t)n < size)
		n += snprintf(buf + n, size - (size_t)n, " ack=%s",
		    ack != NULL ? ack : ak);
	if ((len == SIM_SEG_LEN || (len == SIM_SEG_LEN_NONZERO &&
	    seg->len > 0)) && n > 0 && (size_t)n < size)
		snprintf(buf + n, size - (size_t)n, " len=%u",
		    (unsigned)seg->len);
	return buf;
}

size_t
world_replay(struct world *w, const struct cmd *c, size_t n,
    struct sim_result *res,
    bool (*each)(void *arg, struct world *w, size_t i,
    const struct sim_result *res), void *arg)
{
	size_t i;

	for (i = 0; i < n; i++) {
		bool go;

		memset(res, 0, sizeof(*res));
		res->status = world_apply(w, &c[i], res);
		go = each != NULL ? each(arg, w, i, res) :
		    res->status == SIM_OK;
		world_trace_clear(w);
		if (!go)
			return i + 1;
	}
	return n;
}
