/*
 * The kernel lab behind a learner's session (see labsess.h).  The lab's
 * clock is real time since it opened, so the shadow and the session's
 * timers read mono_ms() - t0.
 */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "lib/i18n.h"
#include "lib/mono.h"
#include "script/labsess.h"
#include "sim/ladder_text.h"

static bool labsess_during(void *arg, uint64_t waited, uint64_t total);

/* The lab's own, and a fresh shadow: both begin when the lab does. */
static int
labsess_start(struct labsess *l, char *err, size_t size)
{
	char desc[256];
	uint64_t t0 = mono_ms();
	int rc = l->lab->open(&l->be, l->pcap, true, err, size);

	if (rc != 0)
		return rc;
	l->t0 = t0;
	if (l->lab->during != NULL)
		l->lab->during(&l->be, labsess_during, l);
	shadow_free(&l->sh);
	shadow_init(&l->sh);
	l->be.ops->trace_clear(l->be.self);
	(void)l->lab->describe(&l->be, desc, sizeof(desc));
	desc[strcspn(desc, ";,-")] = '\0';
	desc[sizeof(l->kernel) - 1] = '\0';
	memcpy(l->kernel, desc, sizeof(l->kernel));
	return 0;
}

int
labsess_open(struct labsess *l, const struct script_lab *lab,
    const char *pcap, char *err, size_t size)
{
	memset(l, 0, sizeof(*l));
	l->lab = lab;
	l->pcap = pcap;
	return labsess_start(l, err, size);
}

void
labsess_free(struct labsess *l)
{
	wbackend_destroy(&l->be);
	shadow_free(&l->sh);
}

const char *
labsess_title(const struct labsess *l, enum sim_host_id h, char *buf,
    size_t size)
{
	/* TRANSLATORS: a host's name, then the kernel ("Linux 6.1.0"). */
	snprintf(buf, size, _("%s, kernel %s"), sim_host_text(h), l->kernel);
	return buf;
}

void
labsess_attach(struct labsess *l, struct session *s, labsess_show_fn *show,
    void *arg)
{
	l->s = s;
	l->show = show;
	l->show_arg = arg;
	s->be = &l->be;
	s->be_t0 = l->t0;
	session_be_world(s);
}

bool
labsess_rebuild(struct labsess *l, struct session *s, char *err,
    size_t size)
{
	wbackend_destroy(&l->be);
	if (labsess_start(l, err, size) != 0)
		return false;
	s->be_t0 = l->t0;
	return true;
}

/* t0 is a little before the lab's own start, so the model's clock is
 * never behind the kernels' (at most the start's few ms ahead, far from
 * the 40 ms and 200 ms timers that could race). */
bool
labsess_observe(struct labsess *l, const struct session *s,
    const struct cmd *c, const struct sim_ev *ev, size_t n, char *buf,
    size_t size)
{
	enum tcp_state ks[2];
	uint64_t now = mono_ms() - l->t0;

	for (int h = 0; h < 2; h++)
		ks[h] = l->be.ops->state(l->be.self, (enum sim_host_id)h);
	if (c != NULL)
		return shadow_step(&l->sh, c, &s->last, ev, n, ks, now, buf,
		    size);
	return shadow_tick(&l->sh, ev, n, ks, now, buf, size);
}

/* A failed rebuild leaves no backend (be.ops NULL), and the session on
 * its own world. */
int
labsess_poll_fds(struct labsess *l, int *fds, int max)
{
	if (l->be.ops == NULL || max < 2)
		return 0;
	l->lab->poll_fds(&l->be, fds);
	return 2;
}

/* What a kernel did by itself (a retransmission, a delayed ACK, a timer
 * that ended TIME_WAIT) is told as a command's effects are. */
bool
labsess_pump(struct labsess *l, struct session *s)
{
	size_t n;

	if (l->be.ops == NULL)
		return false;
	l->lab->pump(&l->be);
	(void)l->be.ops->trace(l->be.self, &n);
	if (n > 0)
		session_feed_be(s);
	return true;
}

/* Only while a kernel has a timer armed: an idle lab never wakes. */
static bool
labsess_timing(const struct session *s, uint64_t now)
{
	if (s->be == NULL || now < s->be_t0)
		return false;
	for (int h = 0; h < 2; h++)
		for (int t = 0; t < TCP_NTIMERS; t++)
			if (s->w.host[h].tcb.armed[t])
				return true;
	return false;
}

bool
labsess_clock(struct session *s, uint64_t now)
{
	if (!labsess_timing(s, now))
		return false;
	if (now - s->be_t0 > s->w.now)
		s->w.now = now - s->be_t0;
	return true;
}

int
labsess_wake(const struct session *s, uint64_t now)
{
	if (!labsess_timing(s, now))
		return -1;
	return 1000 - (int)((now - s->be_t0) % 1000);
}

/* The lab is inside a wait (the session is applying cmds[pos]): the
 * session's clock follows it so the boxes count down, the front end
 * shows it, and a wait stopped becomes the wait that really happened. */
static bool
labsess_during(void *arg, uint64_t waited, uint64_t total)
{
	struct labsess *l = arg;
	struct session *s = l->s;
	struct cmd *c;

	if (s == NULL || l->show == NULL || s->pos >= s->ncmds)
		return false;
	(void)labsess_clock(s, mono_ms());
	if (!l->show(l->show_arg, waited, total))
		return false;
	c = &s->cmds[s->pos];
	c->kind = CMD_WAIT;
	c->dur.ms = waited;
	c->dur.msl = 0;
	return true;
}

/* RFC 9293 Figure 8 (recovery from an old duplicate SYN): the old SYN
 * then means the same to a kernel, whose SYN+ACK acknowledges ISS - 9,
 * which the client must reject. */
void
labsess_old_syn(const struct ladder *lad, struct cmd *c)
{
	const struct ladder_host *lh;

	if (c->kind != CMD_INJECT)
		return;
	lh = &lad->host[c->dir];
	if (lh->niss == 0 || lh->state == TCP_CLOSED ||
	    lh->state == TCP_LISTEN)
		return;
	c->seg.seq = lh->iss[lh->niss - 1] - 10;
}
