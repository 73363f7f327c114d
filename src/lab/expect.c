/*
 * Assertions in the kernel lab.  `expect HOST STATE` asks the kernel
 * again at that moment (inet_diag), since real time has passed since the
 * last command; the other assertions read the wire and the notices the
 * lab's applications received.  The verdict and its words are the
 * simulation's own (sim_expect_check), so a failure reads the same on
 * both sides of a comparison.
 */
#include <config.h>

#include <string.h>

#include "lab/lab_int.h"

enum sim_status
lab_expect(struct lab *l, const struct cmd *c, struct sim_result *res)
{
	struct lab_host *h = &l->host[c->host];
	const struct lab_flight *lf = lab_find(l, &c->sel);
	static const unsigned none[TCP_NNOTICES];
	struct sim_expect_in in = {
		.found = lf != NULL ? &lf->f : NULL,
		.sent = h->has_sent ? &h->last_sent : NULL,
		.oldest = l->nwire > 0 ? &l->wire[0].f : NULL,
		.nwire = l->nwire,
		.notices = h->notices,
		.since = none,
	};
	enum sim_status st;

	if (c->kind == CMD_EXPECT_STATE)
		(void)lab_states(l);
	in.state = h->state;
	st = sim_expect_check(c, &in, res);
	/* The lab's applications count notices afresh after each look. */
	if (c->kind == CMD_EXPECT_NOTICE)
		memset(h->notices, 0, sizeof(h->notices));
	return st;
}
