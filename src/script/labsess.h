/*
 * The kernel lab behind a learner's session (`tcpteach lab`), for any
 * front end: the lab opened and opened afresh, the session's clock that
 * runs by itself, what the kernels did unasked, and profile linux run
 * beside them to say where the model would have acted otherwise.
 *
 * Data model: struct labsess is the lab's backend (reached through the
 * entry points main.c hands in, struct script_lab, since the lab sits
 * beside this module), the kernel's name for the state boxes' titles,
 * the lab's clock (t0: monotonic ms when the lab opened; the session's
 * be_t0 follows it) and the shadow (shadow.h).  Undo and goto cannot
 * wind a kernel back: the session rebuilds, which makes new namespaces
 * (labsess_rebuild) and replays the commands into them.
 */
#ifndef TCPTEACH_SCRIPT_LABSESS_H
#define TCPTEACH_SCRIPT_LABSESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "script/run.h"
#include "script/session.h"
#include "script/shadow.h"
#include "sim/ladder.h"

/* A long wait runs in real time: once a second the front end shows that
 * it has waited `waited` ms of `total` (the session's clock already moved
 * on); true stops the wait there. */
typedef bool labsess_show_fn(void *arg, uint64_t waited, uint64_t total);

struct labsess {
	struct wbackend be;
	const struct script_lab *lab;
	const char *pcap;	/* NULL, or where the lab writes packets */
	char kernel[64];	/* "Linux 6.1.0" */
	uint64_t t0;
	struct shadow sh;
	struct session *s;	/* attached, or NULL */
	labsess_show_fn *show;	/* NULL, or shows a long wait */
	void *show_arg;
};

/* Open a lab (0), or TT_EXIT_USAGE and what is missing in err. */
int labsess_open(struct labsess *l, const struct script_lab *lab,
    const char *pcap, char *err, size_t size);
void labsess_free(struct labsess *l);
/* Host h's state box's title: "client, kernel Linux 6.1.0". */
const char *labsess_title(const struct labsess *l, enum sim_host_id h,
    char *buf, size_t size);
/* Send s's commands to the lab from now on; show (NULL: none) hears of
 * a long wait.  A wait the learner stops becomes, in s, the wait that
 * really happened (`wait 12345ms`), so a save or an undo's replay waits
 * as long as the kernels did. */
void labsess_attach(struct labsess *l, struct session *s,
    labsess_show_fn *show, void *arg);
/* New namespaces for s's replay (its rebuild hook): false with the
 * reason in err if the lab cannot open again. */
bool labsess_rebuild(struct labsess *l, struct session *s, char *err,
    size_t size);
/* For s's observe hook: profile linux follows command c (NULL: what the
 * kernels did by themselves, ev[n]); true with one sentence in buf
 * where it would have sent other segments or be in another state. */
bool labsess_observe(struct labsess *l, const struct session *s,
    const struct cmd *c, const struct sim_ev *ev, size_t n, char *buf,
    size_t size);
/* The two TUN descriptors to wait on, in fds (room for max): how many,
 * none once the lab could not open again.  When one is readable, pump:
 * the packets become segments in flight, and what the kernels did by
 * themselves goes to s's watch; false if there is no lab. */
int labsess_poll_fds(struct labsess *l, int *fds, int max);
bool labsess_pump(struct labsess *l, struct session *s);

/* The lab's clock runs by itself: at monotonic ms now, move s's clock
 * on while a kernel has a timer armed (true: the timers shown changed),
 * and how long until the next whole second, when a countdown changes
 * (-1: no timer, nothing to wait for). */
bool labsess_clock(struct session *s, uint64_t now);
int labsess_wake(const struct session *s, uint64_t now);

/* The menu's old duplicate SYN from c->dir's host: 10 below the ISS its
 * kernel chose, as lad saw it in its SYN (the session's world holds no
 * TCB in the lab), as the simulation places its own. */
void labsess_old_syn(const struct ladder *lad, struct cmd *c);

#endif
