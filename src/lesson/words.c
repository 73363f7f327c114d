/*
 * A step's checks in the learner's words: why a task is not done yet
 * ("the server is in ESTABLISHED; the goal wants CLOSE_WAIT"), for the
 * panel that a learner reads, not the scenario's "expected ..., got ..."
 * which a script author pastes back.
 *
 * Data model: nothing is kept; each failing check is told from the
 * learner's world, with the hosts named and translated and RFC names,
 * flags and segment numbers kept as the ladder shows them.  A check with
 * no words here keeps the simulator's own message.
 */
#include <config.h>

#include <stdio.h>

#include "lib/i18n.h"
#include "sim/ladder_text.h"
#include "sim/world.h"
#include "lesson/run.h"

/* "#1 SYN", "RST from the client", "ACK seq=101 ack=301" */
static char *
words_want(const struct cmd *c, char *buf, size_t size)
{
	char sp[96];

	sim_segspec_str(&c->seg, sp, sizeof(sp));
	if (c->sel.kind == SEL_ID)
		snprintf(buf, size, "#%lu %s", (unsigned long)c->sel.id, sp);
	else if (c->sel.kind == SEL_DIR)
		/* TRANSLATORS: flags, the host that sends the segment. */
		snprintf(buf, size, _("%s from the %s"), sp,
		    sim_host_text((enum sim_host_id)c->sel.dir));
	else
		snprintf(buf, size, "%s", sp);
	return buf;
}

/* "#3 ACK seq=101 ack=301": a segment as the ladder labels it. */
static char *
words_flight(const struct flight *f, char *buf, size_t size)
{
	struct cmd_segspec sp = { f->seg.flags, true, true, true,
	    f->seg.seq, f->seg.ack, f->seg.len };
	char s[96];

	sp.has_ack = (f->seg.flags & TCP_ACK) != 0;
	sp.has_len = f->seg.len > 0;
	snprintf(buf, size, "#%lu %s", (unsigned long)f->id,
	    sim_segspec_str(&sp, s, sizeof(s)));
	return buf;
}

static bool
words_inflight(const struct cmd *c, const struct world *w, char *buf,
    size_t size)
{
	const struct flight *f = world_find(w, &c->sel);
	struct cmd_sel other = c->sel;
	const struct flight *o;
	char want[128], got[128];

	words_want(c, want, sizeof(want));
	other.dir = c->sel.dir == DIR_C2S ? DIR_S2C : DIR_C2S;
	/* Pressed S for s: what is on the screen is named, so that "none"
	 * is not read against an arrow in flight the other way. */
	if (f == NULL && c->sel.kind == SEL_DIR &&
	    (o = world_find(w, &other)) != NULL)
		/* TRANSLATORS: the segment the step wants, then one in
		 * flight ("#4 PSH+ACK seq=5001 ack=1101 len=100") and the
		 * host that sent it. */
		snprintf(buf, size, _("no %s is in flight; %s goes the other "
		    "way, from the %s"), want, words_flight(o, got,
		    sizeof(got)), sim_host_text((enum sim_host_id)other.dir));
	else if (f == NULL)
		/* TRANSLATORS: "#1 SYN" or "RST from the client". */
		snprintf(buf, size, _("no %s is in flight"), want);
	else
		/* TRANSLATORS: a segment in flight ("#3 ACK seq=101
		 * ack=301"), then what the step wants. */
		snprintf(buf, size, _("%s is in flight, not %s"),
		    words_flight(f, got, sizeof(got)), want);
	return true;
}

static bool
words_sent(const struct cmd *c, const struct world *w, char *buf,
    size_t size)
{
	const struct sim_host *h = &w->host[c->host];
	char got[128], want[96];

	sim_segspec_str(&c->seg, want, sizeof(want));
	if (!h->has_sent)
		/* TRANSLATORS: host, flags. */
		snprintf(buf, size, _("the %s has sent no %s yet"),
		    sim_host_text(c->host), want);
	else
		/* TRANSLATORS: host, a segment ("#3 ACK seq=101
		 * ack=301"), then the one the step wants. */
		snprintf(buf, size, _("the last segment the %s sent is %s, "
		    "not %s"), sim_host_text(c->host),
		    words_flight(&h->last_sent, got, sizeof(got)), want);
	return true;
}

/* Seconds as the lessons write them: "1", "0.05". */
static char *
words_secs(uint64_t ms, char *buf, size_t size)
{
	struct lesson_value v = { true, (int64_t)ms, "", false };

	return lesson_value_str(&v, buf, size);
}

/* Check c fails in w: say why in words, or false to keep msg. */
static bool
words_check(const struct cmd *c, const struct world *w, char *buf,
    size_t size)
{
	char now[32], want[32];

	switch (c->kind) {
	case CMD_EXPECT_STATE:
		/* TRANSLATORS: host, its state, the state the goal wants. */
		snprintf(buf, size, _("the %s is in %s; the goal wants %s"),
		    sim_host_text(c->host),
		    tcp_state_name(w->host[c->host].tcb.state),
		    tcp_state_name(c->state));
		return true;
	case CMD_EXPECT_INFLIGHT:
		return words_inflight(c, w, buf, size);
	case CMD_EXPECT_INFLIGHT_NONE:
		snprintf(buf, size, ngettext("%zu segment is still in flight",
		    "%zu segments are still in flight", w->nwire), w->nwire);
		return true;
	case CMD_EXPECT_SENT:
		return words_sent(c, w, buf, size);
	case CMD_SEED:
	case CMD_ISN:
	case CMD_PROFILE:
	case CMD_SET:
	case CMD_LISTEN:
	case CMD_CONNECT:
	case CMD_SEND:
	case CMD_CLOSE:
	case CMD_SHUTDOWN:
	case CMD_ABORT:
	case CMD_CRASH:
	case CMD_READ:
	case CMD_DELIVER:
	case CMD_DROP:
	case CMD_DUP:
	case CMD_INJECT:
	case CMD_SETTLE:
	case CMD_WAIT:
	case CMD_WAIT_TIMER:
		break;
	case CMD_EXPECT_NOTICE:
		/* TRANSLATORS: host, then a notice's name (eof, timeout,
		 * connected, reset, refused, closed). */
		snprintf(buf, size, _("the %s's application has not been told "
		    "\"%s\" yet"), sim_host_text(c->host),
		    tcp_notice_name(c->notice));
		return true;
	case CMD_EXPECT_TIME:
		/* TRANSLATORS: seconds on the clock now, then those the
		 * goal wants. */
		snprintf(buf, size, _("the clock reads %s s; the goal wants "
		    "%s s"), words_secs(w->now, now, sizeof(now)),
		    words_secs(world_dur_ms(w, &c->dur), want, sizeof(want)));
		return true;
	}
	return false;
}

bool
lrun_check_words(const struct lrun *lr, const struct world *w, char *why,
    size_t whysize)
{
	const struct lesson_step *st = lrun_cur(lr);

	for (size_t i = 0; i < st->check.n; i++) {
		const struct cmd *c = &st->check.cmds[i];
		struct sim_result res = { SIM_OK, "" };

		if (world_expect(w, c, &lr->base, &res) == SIM_OK)
			continue;
		if (!words_check(c, w, why, whysize))
			snprintf(why, whysize, "%s", res.msg);
		return true;
	}
	return false;
}
