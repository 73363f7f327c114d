/*
 * Assertions in the kernel lab.  `expect HOST STATE` asks the kernel
 * again at that moment (inet_diag), since real time has passed since the
 * last command; the other assertions read the wire and the notices the
 * lab's applications received.  Failures read as the simulation's do:
 * "expected ..., got ...", in the language's own words.
 */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "lab/lab_int.h"
#include "lib/i18n.h"

static char *
ex_seg(const struct tcp_seg *s, char *buf, size_t size)
{
	char fl[TCP_FLAGS_BUFSZ];

	if (s->flags & TCP_ACK)
		snprintf(buf, size, "%s seq=%lu ack=%lu len=%u",
		    tcp_flags_str(s->flags, fl), (unsigned long)s->seq,
		    (unsigned long)s->ack, (unsigned)s->len);
	else
		snprintf(buf, size, "%s seq=%lu len=%u",
		    tcp_flags_str(s->flags, fl), (unsigned long)s->seq,
		    (unsigned)s->len);
	return buf;
}

static char *
ex_spec(const struct cmd_segspec *s, char *buf, size_t size)
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
		snprintf(buf + n, size - (size_t)n, " len=%u",
		    (unsigned)s->len);
	return buf;
}

static enum sim_status
ex_flight(const struct cmd *c, const char *what, const struct flight *f,
    struct sim_result *res)
{
	const struct cmd_segspec *w = &c->seg;
	char want[96], got[96];

	ex_spec(w, want, sizeof(want));
	if (f == NULL)
		return lab_fail(res, SIM_EXPECT_FAILED,
		    _("expected %s %s, got nothing"), what, want);
	if (w->flags == f->seg.flags && (!w->has_seq || w->seq == f->seg.seq) &&
	    (!w->has_ack || w->ack == f->seg.ack) &&
	    (!w->has_len || w->len == f->seg.len))
		return SIM_OK;
	return lab_fail(res, SIM_EXPECT_FAILED,
	    _("expected %s %s, got #%lu %s %s"), what, want,
	    (unsigned long)f->id, sim_dir_name(f->dir),
	    ex_seg(&f->seg, got, sizeof(got)));
}

static enum sim_status
ex_notice(struct lab *l, const struct cmd *c, struct sim_result *res)
{
	struct lab_host *h = &l->host[c->host];
	char got[128] = "";
	bool ok = h->notices[c->notice] > 0;

	for (unsigned i = 0; i < TCP_NNOTICES; i++) {
		if (h->notices[i] == 0)
			continue;
		if (got[0] != '\0')
			strncat(got, ", ", sizeof(got) - strlen(got) - 1);
		strncat(got, tcp_notice_name((enum tcp_notice)i),
		    sizeof(got) - strlen(got) - 1);
	}
	memset(h->notices, 0, sizeof(h->notices));
	if (ok)
		return SIM_OK;
	return lab_fail(res, SIM_EXPECT_FAILED,
	    _("expected notice %s %s, got %s"), sim_host_name(c->host),
	    tcp_notice_name(c->notice), got[0] ? got : _("no notice"));
}

static enum sim_status
ex_inflight(struct lab *l, const struct cmd *c, struct sim_result *res)
{
	const struct lab_flight *lf = lab_find(l, &c->sel);
	char what[48], got[96];

	if (c->kind == CMD_EXPECT_INFLIGHT_NONE) {
		if (l->nwire == 0)
			return SIM_OK;
		return lab_fail(res, SIM_EXPECT_FAILED, _("expected inflight "
		    "none, got %zu in flight (oldest #%lu %s %s)"), l->nwire,
		    (unsigned long)l->wire[0].f.id,
		    sim_dir_name(l->wire[0].f.dir),
		    ex_seg(&l->wire[0].f.seg, got, sizeof(got)));
	}
	if (c->sel.kind == SEL_ID)
		snprintf(what, sizeof(what), "inflight #%lu",
		    (unsigned long)c->sel.id);
	else if (c->sel.kind == SEL_DIR)
		snprintf(what, sizeof(what), "inflight %s",
		    sim_dir_name(c->sel.dir));
	else
		snprintf(what, sizeof(what), "inflight %s", _("(oldest)"));
	return ex_flight(c, what, lf != NULL ? &lf->f : NULL, res);
}

enum sim_status
lab_expect(struct lab *l, const struct cmd *c, struct sim_result *res)
{
	const struct lab_host *h = &l->host[c->host];
	char what[48];

	res->status = SIM_OK;
	res->msg[0] = '\0';
	if (c->kind == CMD_EXPECT_STATE) {
		(void)lab_states(l);
		if (h->state == c->state)
			return SIM_OK;
		return lab_fail(res, SIM_EXPECT_FAILED,
		    _("expected %s %s, got %s"), sim_host_name(c->host),
		    tcp_state_name(c->state), tcp_state_name(h->state));
	}
	if (c->kind == CMD_EXPECT_INFLIGHT ||
	    c->kind == CMD_EXPECT_INFLIGHT_NONE)
		return ex_inflight(l, c, res);
	if (c->kind == CMD_EXPECT_NOTICE)
		return ex_notice(l, c, res);
	if (c->kind == CMD_EXPECT_SENT) {
		snprintf(what, sizeof(what), "sent %s", sim_host_name(c->host));
		return ex_flight(c, what, h->has_sent ? &h->last_sent : NULL,
		    res);
	}
	return SIM_OK;
}
