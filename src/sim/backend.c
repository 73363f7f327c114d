/*
 * The simulated world behind the world interface (backend.h): each
 * operation is the world's own function; nothing here adds behaviour.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>

#include "lib/i18n.h"
#include "lib/xalloc.h"
#include "sim/backend.h"

static enum sim_status
wb_apply(void *self, const struct cmd *c, struct sim_result *res)
{
	return world_apply(self, c, res);
}

static enum sim_status
wb_can(void *self, const struct cmd *c, struct sim_result *res)
{
	return world_can(self, c, res);
}

static enum sim_status
wb_expect(void *self, const struct cmd *c, struct sim_result *res)
{
	return world_expect(self, c, NULL, res);
}

static const struct sim_ev *
wb_trace(void *self, size_t *n)
{
	struct world *w = self;

	*n = w->ntrace;
	return w->trace;
}

static void
wb_trace_clear(void *self)
{
	world_trace_clear(self);
}

static enum tcp_state
wb_state(void *self, enum sim_host_id h)
{
	struct world *w = self;

	return w->host[h].tcb.state;
}

static const char *
wb_label(void *self, char *buf, size_t size)
{
	struct world *w = self;

	snprintf(buf, size, _("simulated core, profile %s"),
	    sim_profile_name(w->profile));
	return buf;
}

static void
wb_destroy(void *self)
{
	world_free(self);
	free(self);
}

static const struct wbackend_ops wb_sim_ops = {
	wb_apply, wb_can, wb_expect, wb_trace, wb_trace_clear, wb_state,
	wb_label, wb_destroy
};

void
wbackend_sim(struct wbackend *b, bool keep_trace)
{
	struct world *w = xmalloc(sizeof(*w));

	world_init(w);
	w->keep_trace = keep_trace;
	b->ops = &wb_sim_ops;
	b->self = w;
}
