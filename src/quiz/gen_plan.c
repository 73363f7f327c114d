/*
 * Plans: command lists written step by step, with a point "now" that
 * splits what the student is told from what happens next.
 *
 * Data model: struct plan (quiz_internal.h) is an array of struct cmd and
 * nprefix, the number of commands up to "now".  Nothing is checked while
 * adding; replaying tells whether every step was possible.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "quiz/quiz_internal.h"
#include "script/parse.h"

void
plan_add(struct plan *p, struct cmd c)
{
	if (p->n < STORY_MAX)
		p->c[p->n++] = c;
}

void
plan_host(struct plan *p, enum cmd_kind k, enum sim_host_id h)
{
	plan_add(p, quiz_cmd_host(k, h));
}

void
plan_wait(struct plan *p, uint64_t ms)
{
	struct cmd c = quiz_cmd(CMD_WAIT);

	if (ms == 0)
		return;
	c.dur.ms = ms;
	plan_add(p, c);
}

void
plan_set(struct plan *p, enum set_key key, uint64_t ms, uint64_t num,
    bool on)
{
	struct cmd c = quiz_cmd(CMD_SET);

	c.key = key;
	c.dur.ms = ms;
	c.num = num;
	c.on = on;
	plan_add(p, c);
}

void
plan_isns(struct plan *p, struct quiz_rng *r)
{
	for (int h = 0; h < 2; h++) {
		struct cmd c = quiz_cmd_host(CMD_ISN, (enum sim_host_id)h);

		c.nisn = 1;
		c.isn[0] = 100 * (1 + quiz_rng_below(r, 90)) - 1;
		plan_add(p, c);
	}
}

void
plan_open(struct plan *p)
{
	plan_host(p, CMD_LISTEN, HOST_SERVER);
	plan_host(p, CMD_CONNECT, HOST_CLIENT);
	for (int i = 0; i < 3; i++)
		plan_add(p, quiz_cmd(CMD_DELIVER));
}

char *
plan_text(const struct plan *p, unsigned from, unsigned to)
{
	struct sbuf b = { 0 };
	char line[256];

	for (unsigned i = from; i < to; i++)
		sbuf_add(&b, "%s\n", script_format(&p->c[i], line,
		    sizeof(line)));
	return sbuf_take(&b);
}

bool
plan_last_change(const struct plan *p, enum sim_host_id h, uint64_t *ms,
    enum tcp_state *to)
{
	struct world w;
	struct sim_result res;
	uint64_t t0;
	bool ok = quiz_replay(&w, p->c, p->nprefix), found = false;

	t0 = w.now;
	for (unsigned i = p->nprefix; i < p->n && ok; i++) {
		world_trace_clear(&w);
		ok = world_apply(&w, &p->c[i], &res) == SIM_OK;
		for (size_t j = 0; j < w.ntrace; j++) {
			const struct sim_ev *e = &w.trace[j];

			if (e->kind == SIM_EV_TCP && e->host == h &&
			    e->tcp.kind == TCP_EV_STATE) {
				*ms = e->time - t0;
				*to = e->tcp.to;
				found = true;
			}
		}
	}
	world_free(&w);
	return ok && found;
}
