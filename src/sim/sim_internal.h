/* Shared between the world's files; not for use outside src/sim. */
#ifndef TCPTEACH_SIM_INTERNAL_H
#define TCPTEACH_SIM_INTERNAL_H

#include <stdio.h>
#include <stdlib.h>

#include "sim/world.h"

/* The context a host's core calls back into. */
struct sim_ctx {
	struct world *w;
	enum sim_host_id host;
};

void sim_io(struct world *w, enum sim_host_id h, struct sim_ctx *ctx,
    struct tcp_io *io);
void sim_trace(struct world *w, const struct sim_ev *ev);

/* A bug check: after every core call, in debug builds (--enable-debug
 * defines TCPTEACH_DEBUG), the TCB must pass tcp_check(); a failure is a
 * bug in the core, so it aborts with the reason. */
#ifdef TCPTEACH_DEBUG
static inline void
sim_check(const struct tcp_tcb *tcb)
{
	const char *why = tcp_check(tcb);

	if (why != NULL) {
		fprintf(stderr, "tcp_check failed in %s: %s\n",
		    tcp_state_name(tcb->state), why);
		abort();
	}
}
#else
#define sim_check(tcb) ((void)(tcb))
#endif

/* The wire and the clock (wire.c). */
void wire_put(struct world *w, const struct flight *f, enum sim_ev_kind k);
enum sim_status wire_check(const struct world *w, const struct cmd *c,
    struct sim_result *res);
enum sim_status wire_apply(struct world *w, const struct cmd *c,
    struct sim_result *res);

#endif
