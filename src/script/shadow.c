/*
 * The lab screen's shadow (see shadow.h for the data model): profile
 * linux follows the learner's commands and the lab's clock, and each
 * step's segments and states are compared with the kernels', numbers
 * relative to each side's ISNs as `script --compare` does.  Commands
 * carry the kernels' numbers, so they are translated to the model's: an
 * `inject` by the ISNs, a `deliver #N` (and drop, dup) by the contents of
 * the kernels' segment N.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/i18n.h"
#include "lib/xalloc.h"
#include "script/script_internal.h"
#include "script/shadow.h"

/* A kernel's timer that fires a little before the model's is the same
 * timer: the model may run this far ahead of the lab's clock to meet it. */
#define SHADOW_SLACK_MS 100
/* Segments a line names; more are counted. */
#define SHADOW_SAY 2

enum { SH_CORE, SH_KERNEL };

void
shadow_init(struct shadow *sh)
{
	struct cmd prof = { .kind = CMD_PROFILE, .profile = PROFILE_LINUX };
	struct sim_result res;

	memset(sh, 0, sizeof(*sh));
	world_init(&sh->w);
	sh->w.keep_trace = true;
	(void)world_apply(&sh->w, &prof, &res);
	world_trace_clear(&sh->w);
	sh->following = true;
}

void
shadow_free(struct shadow *sh)
{
	world_free(&sh->w);
	free(sh->pair);
	memset(sh, 0, sizeof(*sh));
}

/* ------------------------------------------------ what each side sent */

static struct shadow_seg
shadow_rel(const struct shadow_side *sd, const struct flight *f)
{
	struct shadow_seg r = { .id = f->id, .dir = f->dir,
	    .flags = f->seg.flags, .seq = f->seg.seq, .ack = 0,
	    .len = f->seg.len };
	int from = (int)f->dir;

	if (sd->has_isn[from])
		r.seq -= sd->isn[from];
	if (f->seg.flags & TCP_ACK)
		r.ack = f->seg.ack - (sd->has_isn[1 - from] ?
		    sd->isn[1 - from] : 0);
	return r;
}

/* One event of a side's trace: a segment a host sent goes to the pool,
 * one the learner made to the list of those.  A SYN with a new number
 * is a new ISS, as in --compare. */
static void
shadow_note(struct shadow_side *sd, const struct sim_ev *e)
{
	const struct flight *f = &e->flight;
	bool sent = e->kind == SIM_EV_TCP && e->tcp.kind == TCP_EV_SEND;
	int from = (int)f->dir;

	if ((e->kind == SIM_EV_DUP || e->kind == SIM_EV_INJECT) &&
	    sd->nmade < SHADOW_MAXSEG)
		sd->made[sd->nmade++] = f->id;
	if (!sent)
		return;
	if ((f->seg.flags & TCP_SYN) && (!sd->has_isn[from] ||
	    sd->isn[from] != f->seg.seq)) {
		sd->has_isn[from] = true;
		sd->isn[from] = f->seg.seq;
	}
	if (sd->npool < SHADOW_MAXSEG) {
		sd->pool[sd->npool] = shadow_rel(sd, f);
		sd->pool[sd->npool++].after_rst = sd->last_rst[from];
	}
	sd->last_rst[from] = (f->seg.flags & TCP_RST) != 0;
}

static void
shadow_pair(struct shadow *sh, uint32_t kid, uint32_t cid)
{
	if (kid == 0)
		return;
	if (kid > sh->npair) {
		xgrow(&sh->pair, &sh->cappair, kid, sizeof(*sh->pair));
		memset(sh->pair + sh->npair, 0,
		    (kid - sh->npair) * sizeof(*sh->pair));
		sh->npair = kid;
	}
	sh->pair[kid - 1] = cid;
}

/* The learner's copies and injected segments of one step, in order. */
static void
shadow_pair_made(struct shadow *sh)
{
	struct shadow_side *c = &sh->side[SH_CORE], *k = &sh->side[SH_KERNEL];

	for (size_t i = 0; i < k->nmade && i < c->nmade; i++)
		shadow_pair(sh, k->made[i], c->made[i]);
	c->nmade = k->nmade = 0;
}

static void
shadow_note_all(struct shadow_side *sd, const struct sim_ev *ev, size_t n)
{
	for (size_t i = 0; i < n; i++)
		shadow_note(sd, &ev[i]);
}

static void
shadow_core_collect(struct shadow *sh)
{
	shadow_note_all(&sh->side[SH_CORE], sh->w.trace, sh->w.ntrace);
	world_trace_clear(&sh->w);
}

/* The model's clock to the lab's (never back). */
static void
shadow_advance(struct shadow *sh, uint64_t to)
{
	struct cmd wait = { .kind = CMD_WAIT };
	struct sim_result res;

	if (to <= sh->w.now)
		return;
	wait.dur.ms = to - sh->w.now;
	(void)world_apply(&sh->w, &wait, &res);
	shadow_core_collect(sh);
}

/* ---------------------------------------------- the command, translated */

static bool
shadow_seg_eq(const struct shadow_seg *a, const struct shadow_seg *b)
{
	return a->dir == b->dir && a->flags == b->flags && a->seq == b->seq &&
	    a->ack == b->ack && a->len == b->len;	/* not the ids */
}

/* The model's segment in flight that is the kernels' #kid. */
static bool
shadow_map_id(const struct shadow *sh, uint32_t kid, uint32_t *cid)
{
	uint32_t id = kid > 0 && kid <= sh->npair ? sh->pair[kid - 1] : 0;

	for (size_t i = 0; id != 0 && i < sh->w.nwire; i++)
		if (sh->w.wire[i].id == id) {
			*cid = id;
			return true;
		}
	return false;
}

static uint32_t
shadow_xlate(const struct shadow *sh, int h, uint32_t v)
{
	const struct shadow_side *c = &sh->side[SH_CORE];
	const struct shadow_side *k = &sh->side[SH_KERNEL];

	if (!c->has_isn[h] || !k->has_isn[h])
		return v;
	return v - k->isn[h] + c->isn[h];
}

/* Which of the kernels' segments a deliver, drop or dup took, as their
 * trace says (a direction or "the oldest" may pick another segment on
 * the model's wire); 0 when the trace does not say. */
static uint32_t
shadow_taken(const struct cmd *c, const struct sim_ev *kev, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const struct sim_ev *e = &kev[i];

		if (c->kind == CMD_DELIVER && e->kind == SIM_EV_DELIVER)
			return e->flight.id;
		if (c->kind == CMD_DROP && e->kind == SIM_EV_LOST)
			return e->flight.id;
		if (c->kind == CMD_DUP && e->kind == SIM_EV_DUP)
			return e->flight.dup_of;
	}
	return c->sel.kind == SEL_ID ? c->sel.id : 0;
}

/* c in the model's numbers; false when the model has no such segment. */
static bool
shadow_cmd(const struct shadow *sh, const struct cmd *c,
    const struct sim_ev *kev, size_t n, struct cmd *out)
{
	*out = *c;
	if (c->kind == CMD_INJECT) {
		out->seg.seq = shadow_xlate(sh, (int)c->dir, c->seg.seq);
		out->seg.ack = shadow_xlate(sh, 1 - (int)c->dir, c->seg.ack);
	}
	if (c->kind != CMD_DELIVER && c->kind != CMD_DROP &&
	    c->kind != CMD_DUP)
		return true;
	out->sel.kind = SEL_ID;
	return shadow_map_id(sh, shadow_taken(c, kev, n), &out->sel.id);
}

/* ------------------------------------------------------- comparing */

/* The pools' difference: what only the model sent, what only the kernels
 * sent.  Order does not count within one look. */
struct shadow_diff {
	struct shadow_seg only[2][SHADOW_MAXSEG];
	size_t nonly[2];
	uint32_t pairs[SHADOW_MAXSEG][2];	/* model's id, kernels' id */
	size_t npairs;
};

static void
shadow_match(const struct shadow *sh, struct shadow_diff *d)
{
	const struct shadow_side *c = &sh->side[SH_CORE];
	const struct shadow_side *k = &sh->side[SH_KERNEL];
	bool used[SHADOW_MAXSEG] = { false };

	memset(d, 0, sizeof(*d));
	for (size_t i = 0; i < c->npool; i++) {
		size_t j;

		for (j = 0; j < k->npool; j++)
			if (!used[j] && shadow_seg_eq(&c->pool[i],
			    &k->pool[j]))
				break;
		if (j < k->npool) {
			used[j] = true;
			d->pairs[d->npairs][SH_CORE] = c->pool[i].id;
			d->pairs[d->npairs++][SH_KERNEL] = k->pool[j].id;
		} else
			d->only[SH_CORE][d->nonly[SH_CORE]++] = c->pool[i];
	}
	/* A carried segment was said already: it only waits to be met. */
	for (size_t j = 0; j < k->npool; j++)
		if (!used[j] && !k->pool[j].carried)
			d->only[SH_KERNEL][d->nonly[SH_KERNEL]++] = k->pool[j];
}

static void
shadow_seg_str(const struct shadow_seg *s, char *buf, size_t size)
{
	char fl[TCP_FLAGS_BUFSZ];
	int n;

	n = snprintf(buf, size, "%s %s seq=%lu", sim_dir_name(s->dir),
	    script_flags_str(s->flags, fl), (unsigned long)s->seq);
	if ((s->flags & TCP_ACK) && n > 0 && (size_t)n < size)
		n += snprintf(buf + n, size - (size_t)n, " ack=%lu",
		    (unsigned long)s->ack);
	if (s->len > 0 && n > 0 && (size_t)n < size)
		snprintf(buf + n, size - (size_t)n, " len=%u",
		    (unsigned)s->len);
}

/* The first SHADOW_SAY segments; the rest only counted, so the line
 * stays one or two lines under the ladder (five segments in Chinese ran
 * off the narration's foot). */
static void
shadow_segs_str(const struct shadow_seg *s, size_t n, char *buf,
    size_t size)
{
	size_t used = 0;
	char one[96];

	buf[0] = '\0';
	for (size_t i = 0; i < n && i < SHADOW_SAY && used + 1 < size; i++) {
		shadow_seg_str(&s[i], one, sizeof(one));
		used += (size_t)snprintf(buf + used, size - used, "%s%s",
		    i ? ", " : "", one);
	}
	if (n > SHADOW_SAY && used + 1 < size)
		/* TRANSLATORS: after a list of segments: how many more. */
		snprintf(buf + used, size - used, _(" and %lu more"),
		    (unsigned long)(n - SHADOW_SAY));
}

static const char *
shadow_known_one_delack(void)
{
	return N_("lab: the next-tick delayed ACK falls inside the lab's 15 "
	    "ms quiet window");
}

/* Differences that tests/lab/known-differences lists, recognised by
 * their shape (the screen has no scenario line to look them up by); the
 * reasons are that file's, word for word. */
static const char *
shadow_known_one(const struct shadow *sh, const struct shadow_seg *s)
{
	int h = (int)s->dir;

	if (s->flags == TCP_ACK && s->len == 0 &&
	    sh->w.host[h].tcb.armed[TCP_T_DELACK])
		return shadow_known_one_delack();
	if (s->flags == TCP_SYN && s->seq == 0 && s->after_rst)
		return N_("kernel: after rejecting the SYN+ACK of an old SYN, "
		    "Linux sends its own SYN again 2 jiffies later; profile "
		    "linux waits for the RTO");
	return NULL;
}

/* The reason when every difference is a known one, else NULL. */
static const char *
shadow_known(const struct shadow *sh, const struct shadow_diff *d,
    bool states_differ)
{
	const char *why = NULL;

	if (states_differ || d->nonly[SH_CORE] > 0)
		return NULL;
	for (size_t i = 0; i < d->nonly[SH_KERNEL]; i++) {
		const char *w = shadow_known_one(sh, &d->only[SH_KERNEL][i]);

		if (w == NULL || (why != NULL && strcmp(w, why) != 0))
			return NULL;
		why = w;
	}
	return why;
}

/* States alone differ, and each host that differs waits for an ACK the
 * model's peer still holds on its delayed-ACK timer (the kernel's went
 * out at the next tick, inside the lab's window): the same known
 * difference, seen in the states (a loaded machine, where the kernels'
 * ACK came in a later look than the command's). */
static const char *
shadow_known_states(const struct shadow *sh, const struct shadow_diff *d,
    const enum tcp_state ks[2])
{
	bool any = false;

	if (d->nonly[SH_CORE] > 0 || d->nonly[SH_KERNEL] > 0)
		return NULL;
	for (int h = 0; h < 2; h++) {
		if (sh->w.host[h].tcb.state == ks[h])
			continue;
		if (!sh->w.host[1 - h].tcb.armed[TCP_T_DELACK])
			return NULL;
		any = true;
	}
	return any ? shadow_known_one_delack() : NULL;
}

static size_t
shadow_say_segs(const struct shadow_diff *d, char *buf, size_t size)
{
	char a[400], b[400];

	shadow_segs_str(d->only[SH_CORE], d->nonly[SH_CORE], a, sizeof(a));
	shadow_segs_str(d->only[SH_KERNEL], d->nonly[SH_KERNEL], b,
	    sizeof(b));
	if (d->nonly[SH_CORE] > 0 && d->nonly[SH_KERNEL] > 0)
		/* TRANSLATORS: segments such as "s>c RST+ACK seq=1 ack=101";
		 * numbers relative to each host's ISN. */
		return (size_t)snprintf(buf, size, _("Profile linux would have "
		    "sent %s here, not %s."), a, b);
	if (d->nonly[SH_CORE] > 0)
		return (size_t)snprintf(buf, size, _("Profile linux would have "
		    "sent %s here; the kernels did not."), a);
	if (d->nonly[SH_KERNEL] > 0)
		return (size_t)snprintf(buf, size, _("Profile linux would not "
		    "have sent %s here."), b);
	return 0;
}

/* The ladder shows the kernels' raw numbers by default; the line's are
 * relative to each side's ISN (the model's ISNs are not the kernels'),
 * so it says so rather than be read against the raw ones. */
static size_t
shadow_say_rel(char *buf, size_t size, size_t used)
{
	if (used >= size)
		return used;
	return used + (size_t)snprintf(buf + used, size - used, " %s",
	    _("(Numbers relative to each side's ISN.)"));
}

static void
shadow_say_states(const struct shadow *sh, const enum tcp_state ks[2],
    char *buf, size_t size, size_t used)
{
	for (int h = 0; h < 2 && used < size; h++) {
		enum tcp_state cs = sh->w.host[h].tcb.state;

		if (cs == ks[h])
			continue;
		/* TRANSLATORS: a host, the model's state, the kernel's. */
		used += (size_t)snprintf(buf + used, size - used, _("%sProfile "
		    "linux would leave the %s in %s (the kernel: %s)."),
		    used > 0 ? " " : "", _(sim_host_name((enum sim_host_id)h)),
		    tcp_state_name(cs), tcp_state_name(ks[h]));
	}
}

/* What one side sent and the other not (yet) is held for one more look
 * before it is said: timers on two machines do not fire in the same
 * millisecond (tick: a look between steps), and on a loaded machine a
 * kernel may answer a command after the lab's quiet window, so what
 * only the model sent at a step waits too while the kernels sent
 * nothing else.  A known difference is said at once.  Returns how many
 * were held; they leave d. */
static size_t
shadow_hold(struct shadow *sh, struct shadow_diff *d, bool tick)
{
	size_t nheld = 0;
	bool silent = d->nonly[SH_KERNEL] == 0;

	for (int i = 0; i < 2; i++) {
		struct shadow_side *sd = &sh->side[i];
		size_t n = 0;

		for (size_t j = 0; j < d->nonly[i]; j++) {
			struct shadow_seg *g = &d->only[i][j];

			if (!g->held && sd->npool < SHADOW_MAXSEG &&
			    (tick || (i == SH_CORE && silent)) &&
			    (i == SH_CORE || shadow_known_one(sh, g) == NULL)) {
				g->held = true;
				sd->pool[sd->npool++] = *g;
				nheld++;
			} else {
				d->only[i][n++] = *g;
			}
		}
		d->nonly[i] = n;
	}
	return nheld;
}

/* The states that differ, and the reason when it is a known one. */
static void
shadow_say_known_states(const struct shadow *sh, const enum tcp_state ks[2],
    const struct shadow_diff *d, char *buf, size_t size, size_t used)
{
	const char *known = shadow_known_states(sh, d, ks);

	shadow_say_states(sh, ks, buf, size, used);
	used = strlen(buf);
	if (known != NULL && used < size)
		snprintf(buf + used, size - used, _(" A known difference: %s."),
		    _(known));
}

/* Compare the pools and the states, say it in buf, empty the pools.  A
 * tick is a look between steps (what the kernels did by themselves). */
static bool
shadow_compare(struct shadow *sh, const enum tcp_state ks[2], bool tick,
    char *buf, size_t size)
{
	struct shadow_diff d;
	bool states = false;
	const char *known;
	size_t used;

	shadow_match(sh, &d);
	for (size_t i = 0; i < d.npairs; i++)
		shadow_pair(sh, d.pairs[i][SH_KERNEL], d.pairs[i][SH_CORE]);
	sh->side[SH_CORE].npool = sh->side[SH_KERNEL].npool = 0;
	/* States are compared once nothing is held. */
	if (shadow_hold(sh, &d, tick) == 0)
		for (int h = 0; h < 2; h++)
			states |= sh->w.host[h].tcb.state != ks[h];
	known = shadow_known(sh, &d, states);
	/* A known early segment: the model sends it later (its delayed-ACK
	 * timer, its RTO), and the two should pair then, once. */
	for (size_t i = 0; known != NULL && i < d.nonly[SH_KERNEL] &&
	    sh->side[SH_KERNEL].npool < SHADOW_MAXSEG; i++) {
		d.only[SH_KERNEL][i].carried = true;
		sh->side[SH_KERNEL].pool[sh->side[SH_KERNEL].npool++] =
		    d.only[SH_KERNEL][i];
	}
	if (!states && d.nonly[SH_CORE] == 0 && d.nonly[SH_KERNEL] == 0)
		return false;
	used = shadow_say_segs(&d, buf, size);
	if (used >= size)
		return true;
	if (known != NULL)
		/* TRANSLATORS: the reason, as the known-differences file of
		 * the differential suite gives it. */
		snprintf(buf + used, size - used, _(" A known difference: %s."),
		    _(known));
	else
		shadow_say_known_states(sh, ks, &d, buf, size, used);
	/* Only segments carry numbers. */
	if (used > 0)
		(void)shadow_say_rel(buf, size, strlen(buf));
	return true;
}

/* ------------------------------------------------------------ steps */

/* The lab's settle delivers what the kernels send while it runs (a
 * delayed ACK of the next tick too); the model's settle only what is in
 * flight.  So the model lets each timer due by the lab's clock fire and
 * settles what it sent, as long as it sends something. */
static void
shadow_settle(struct shadow *sh, uint64_t now)
{
	struct cmd settle = { .kind = CMD_SETTLE };
	struct sim_result res;
	enum sim_host_id h;
	enum tcp_timer t;
	uint64_t due;

	for (int i = 0; i < 64; i++) {
		if (!world_next_timer(&sh->w, &h, &t, &due) || due > now)
			return;
		shadow_advance(sh, due);
		if (sh->w.nwire > 0)
			(void)world_apply(&sh->w, &settle, &res);
		shadow_core_collect(sh);
	}
}

/* When the kernels began on c, as well as their trace tells it. */
static uint64_t
shadow_start(const struct shadow *sh, const struct cmd *c,
    const struct sim_ev *kev, size_t n, uint64_t now)
{
	uint64_t d;

	if (c->kind == CMD_WAIT_TIMER)
		return sh->w.now;
	if (c->kind == CMD_WAIT) {
		d = world_dur_ms(&sh->w, &c->dur);
		return now > d ? now - d : 0;
	}
	return n > 0 && kev[0].time < now ? kev[0].time : now;
}

static bool
shadow_stop(struct shadow *sh, const struct cmd *c, const char *why,
    char *buf, size_t size)
{
	char line[160];

	sh->following = false;
	/* TRANSLATORS: a scenario command, then why the model cannot. */
	snprintf(buf, size, _("Profile linux cannot do \"%s\" here (%s): it "
	    "stops following the kernels until an undo."),
	    script_format(c, line, sizeof(line)), why);
	return true;
}

static bool shadow_kernel_ahead(const struct shadow *sh);

/* The kernels sent something the model has not yet, and the model's
 * next timer is due a little later: the same timer, let it fire. */
static void
shadow_meet(struct shadow *sh, uint64_t now)
{
	enum sim_host_id h;
	enum tcp_timer t;
	uint64_t due;

	if (shadow_kernel_ahead(sh) &&
	    world_next_timer(&sh->w, &h, &t, &due) &&
	    due <= now + SHADOW_SLACK_MS)
		shadow_advance(sh, due);
}

/* c in the model; false when it cannot do it (and then said so).  The
 * lab's `wait timer` waits for the kernels' next timer, so the model
 * follows the clock to where it ended rather than jump to its own. */
static bool
shadow_do(struct shadow *sh, const struct cmd *c, const struct sim_ev *kev,
    size_t n, char *buf, size_t size)
{
	struct sim_result r;
	struct cmd mc;

	if (c->kind == CMD_WAIT_TIMER)
		return true;
	if (!shadow_cmd(sh, c, kev, n, &mc))
		return !shadow_stop(sh, c, _("no such segment in its flight"),
		    buf, size);
	memset(&r, 0, sizeof(r));
	if (world_apply(&sh->w, &mc, &r) != SIM_OK)
		return !shadow_stop(sh, c, r.msg, buf, size);
	shadow_core_collect(sh);
	shadow_pair_made(sh);
	return true;
}

bool
shadow_step(struct shadow *sh, const struct cmd *c,
    const struct sim_result *res, const struct sim_ev *kev, size_t n,
    const enum tcp_state kstate[2], uint64_t now, char *buf, size_t size)
{
	bool timed = c->kind == CMD_WAIT || c->kind == CMD_WAIT_TIMER;
	/* A set the kernels took comes before their first event: the
	 * model's clock waits for that event too, since a wait would end
	 * its setup (a what-if switch pressed a second after the lab
	 * opened would stop profile linux following). */
	bool setup = cmd_is_setup(c->kind);

	shadow_note_all(&sh->side[SH_KERNEL], kev, n);
	if (!sh->following || cmd_is_expect(c->kind) || res->status !=
	    SIM_OK || c->kind == CMD_PROFILE || c->kind == CMD_SEED ||
	    c->kind == CMD_ISN)
		return false;
	if (!setup)
		shadow_advance(sh, shadow_start(sh, c, kev, n, now));
	if (!shadow_do(sh, c, kev, n, buf, size))
		return true;
	if (c->kind == CMD_SETTLE)
		shadow_settle(sh, now);
	if (!setup)
		shadow_advance(sh, now);
	/* What timers sent is compared as between steps. */
	if (timed)
		shadow_meet(sh, now);
	return shadow_compare(sh, kstate, timed, buf, size);
}

/* Whether the kernels sent something the model has not (yet). */
static bool
shadow_kernel_ahead(const struct shadow *sh)
{
	struct shadow_diff d;

	shadow_match(sh, &d);
	return d.nonly[SH_KERNEL] > 0;
}

bool
shadow_tick(struct shadow *sh, const struct sim_ev *kev, size_t n,
    const enum tcp_state kstate[2], uint64_t now, char *buf, size_t size)
{
	shadow_note_all(&sh->side[SH_KERNEL], kev, n);
	sh->side[SH_KERNEL].nmade = 0;	/* only a step's pair */
	if (!sh->following)
		return false;
	shadow_advance(sh, now);
	shadow_meet(sh, now);
	return shadow_compare(sh, kstate, true, buf, size);
}
