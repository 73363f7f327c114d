/*
 * One world interface, two backends: the simulated world (struct world,
 * this module) and the kernel lab (src/lab).  The runner, and later the
 * screens, drive a world through this interface only, so the same commands
 * run on the pure core or on two real Linux TCP stacks.
 *
 * Data model: a struct wbackend is a table of operations and the backend's
 * own state.  Applying a command appends struct sim_ev records to the
 * backend's trace, in the order things happened; the caller reads them
 * with trace() and empties the trace with trace_clear().  can() answers
 * "is this command possible now, and if not why" without changing
 * anything.  state() is what an `expect HOST STATE` would read, so a
 * comparison of two backends needs nothing else.
 */
#ifndef TCPTEACH_SIM_BACKEND_H
#define TCPTEACH_SIM_BACKEND_H

#include <stdbool.h>
#include <stddef.h>

#include "sim/world.h"

struct wbackend_ops {
	enum sim_status (*apply)(void *self, const struct cmd *c,
	    struct sim_result *res);
	enum sim_status (*can)(void *self, const struct cmd *c,
	    struct sim_result *res);
	enum sim_status (*expect)(void *self, const struct cmd *c,
	    struct sim_result *res);
	const struct sim_ev *(*trace)(void *self, size_t *n);
	void (*trace_clear)(void *self);
	enum tcp_state (*state)(void *self, enum sim_host_id h);
	/* One line naming the backend: "simulated core, profile linux". */
	const char *(*label)(void *self, char *buf, size_t size);
	void (*destroy)(void *self);
};

struct wbackend {
	const struct wbackend_ops *ops;
	void *self;
};

/* The simulated world as a backend; it owns a fresh world (world_init).
 * keep_trace false: events are counted, not kept (a quiet run). */
void wbackend_sim(struct wbackend *b, bool keep_trace);

static inline enum sim_status
wbackend_apply(struct wbackend *b, const struct cmd *c, struct sim_result *r)
{
	return b->ops->apply(b->self, c, r);
}

static inline void
wbackend_destroy(struct wbackend *b)
{
	if (b->ops != NULL)
		b->ops->destroy(b->self);
	b->ops = NULL;
	b->self = NULL;
}

#endif
