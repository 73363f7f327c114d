/*
 * Assertions of the scenario language: expect HOST STATE, expect inflight,
 * expect sent, expect notice, and the extension expect time (the simulated
 * clock, in ms since the scenario began).  A failure says "expected ...,
 * got ..." in the language's own words so the learner can paste it back.
 */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "lib/i18n.h"
#include "sim/sim_internal.h"

static bool
expect_seg_matches(const struct cmd_segspec *want, const struct tcp_seg *seg)
{
	return want->flags == seg->flags &&
	    (!want->has_seq || want->seq == seg->seq) &&
	    (!want->has_ack || want->ack == seg->ack) &&
	    (!want->has_len || want->len == seg->len);
}

char *
sim_segspec_str(const struct cmd_segspec *s, char *buf, size_t size)
{
	char fl[TCP_FLAGS_BUFSZ];
	int n = snprintf(buf, size, "%s", tcp_flags_str(s->flags, fl));

	if (s->has_seq && n >= 0 && (size_t)n < size)
		n += snprintf(buf + n, size - (size_t)n, " seq=%lu",
		    (unsigned long)s->seq);
	if (s->has_ack && n >= 0 && (size_t)n < size)
		n += snprintf(buf + n, size - (size_t)n, " ack=%lu",
		    (unsigned long)s->ack);
	if (s->has_len && n >= 0 && (size_t)n < size)
		snprintf(buf + n, size - (size_t)n, " len=%u", (unsigned)s->len);
	return buf;
}

static const char *
expect_sel_str(const struct cmd_sel *sel, char *buf, size_t size)
{
	if (sel->kind == SEL_ID)
		snprintf(buf, size, "#%lu", (unsigned long)sel->id);
	else if (sel->kind == SEL_DIR)
		snprintf(buf, size, "%s", sim_dir_name(sel->dir));
	else
		snprintf(buf, size, "%s", _("(oldest)"));
	return buf;
}

static enum sim_status
expect_flight(const struct cmd *c, const char *what, const struct flight *f,
    struct sim_result *res)
{
	char want[96], got[96];

	sim_segspec_str(&c->seg, want, sizeof(want));
	if (f == NULL)
		return sim_fail(res, SIM_EXPECT_FAILED,
		    _("expected %s %s, got nothing"), what, want);
	if (expect_seg_matches(&c->seg, &f->seg))
		return SIM_OK;
	sim_seg_text(&f->seg, NULL, NULL, SIM_SEG_LEN, got, sizeof(got));
	return sim_fail(res, SIM_EXPECT_FAILED, _("expected %s %s, got #%lu %s %s"),
	    what, want, (unsigned long)f->id, sim_dir_name(f->dir), got);
}

static enum sim_status
expect_inflight_none(const struct sim_expect_in *in, struct sim_result *res)
{
	char got[96];

	if (in->nwire == 0)
		return SIM_OK;
	sim_seg_text(&in->oldest->seg, NULL, NULL, SIM_SEG_LEN, got,
	    sizeof(got));
	return sim_fail(res, SIM_EXPECT_FAILED,
	    _("expected inflight none, got %zu in flight (oldest #%lu %s %s)"),
	    in->nwire, (unsigned long)in->oldest->id,
	    sim_dir_name(in->oldest->dir), got);
}

static enum sim_status
expect_notice(const struct cmd *c, const unsigned *now, const unsigned *since,
    struct sim_result *res)
{
	char got[128] = "";
	bool ok = now[c->notice] > since[c->notice];

	for (unsigned i = 0; i < TCP_NNOTICES; i++) {
		if (now[i] <= since[i])
			continue;
		if (got[0] != '\0')
			strncat(got, ", ", sizeof(got) - strlen(got) - 1);
		strncat(got, tcp_notice_name((enum tcp_notice)i),
		    sizeof(got) - strlen(got) - 1);
	}
	if (ok)
		return SIM_OK;
	return sim_fail(res, SIM_EXPECT_FAILED,
	    _("expected notice %s %s, got %s"), sim_host_name(c->host),
	    tcp_notice_name(c->notice), got[0] ? got : _("no notice"));
}

/* The clock in the words a scenario uses: 50ms, 2s, 1min. */
static char *
expect_ms_str(uint64_t ms, char *buf, size_t size)
{
	if (ms != 0 && ms % 60000 == 0)
		snprintf(buf, size, "%llumin",
		    (unsigned long long)(ms / 60000));
	else if (ms != 0 && ms % 1000 == 0)
		snprintf(buf, size, "%llus", (unsigned long long)(ms / 1000));
	else
		snprintf(buf, size, "%llums", (unsigned long long)ms);
	return buf;
}

static enum sim_status
expect_time(const struct sim_expect_in *in, struct sim_result *res)
{
	char want[32], got[32];

	if (!in->has_clock)
		return sim_fail(res, SIM_EXPECT_FAILED, "%s",
		    _("expected time: there is no simulated clock here"));
	if (in->now == in->want)
		return SIM_OK;
	return sim_fail(res, SIM_EXPECT_FAILED, _("expected time %s, got %s"),
	    expect_ms_str(in->want, want, sizeof(want)),
	    expect_ms_str(in->now, got, sizeof(got)));
}

enum sim_status
sim_expect_check(const struct cmd *c, const struct sim_expect_in *in,
    struct sim_result *res)
{
	char what[64], sel[32];

	res->status = SIM_OK;
	res->msg[0] = '\0';
	if (c->kind == CMD_EXPECT_STATE && in->state != c->state)
		return sim_fail(res, SIM_EXPECT_FAILED,
		    _("expected %s %s, got %s"), sim_host_name(c->host),
		    tcp_state_name(c->state), tcp_state_name(in->state));
	if (c->kind == CMD_EXPECT_INFLIGHT_NONE)
		return expect_inflight_none(in, res);
	if (c->kind == CMD_EXPECT_TIME)
		return expect_time(in, res);
	if (c->kind == CMD_EXPECT_NOTICE)
		return expect_notice(c, in->notices, in->since, res);
	if (c->kind == CMD_EXPECT_INFLIGHT) {
		snprintf(what, sizeof(what), "inflight %s",
		    expect_sel_str(&c->sel, sel, sizeof(sel)));
		return expect_flight(c, what, in->found, res);
	}
	if (c->kind == CMD_EXPECT_SENT) {
		snprintf(what, sizeof(what), "sent %s", sim_host_name(c->host));
		return expect_flight(c, what, in->sent, res);
	}
	return SIM_OK;
}

void
world_notices(const struct world *w, struct sim_notices *out)
{
	for (int h = 0; h < 2; h++)
		memcpy(out->n[h], w->host[h].notices, sizeof(out->n[h]));
}

enum sim_status
world_expect(const struct world *w, const struct cmd *c,
    const struct sim_notices *since, struct sim_result *res)
{
	const struct sim_host *h = &w->host[c->host];
	struct sim_expect_in in = {
		.state = h->tcb.state,
		.found = c->kind == CMD_EXPECT_INFLIGHT ?
		    world_find(w, &c->sel) : NULL,
		.sent = h->has_sent ? &h->last_sent : NULL,
		.oldest = w->nwire > 0 ? &w->wire[0] : NULL,
		.nwire = w->nwire,
		.notices = h->notices,
		.since = since != NULL ? since->n[c->host] : h->notice_mark,
		.has_clock = true,
		.now = w->now,
		.want = c->kind == CMD_EXPECT_TIME ? world_dur_ms(w, &c->dur) :
		    0,
	};

	return sim_expect_check(c, &in, res);
}
