/*
 * Timeouts (RFC 9293 3.10.8 and 3.8.1, RFC 6298): retransmission with
 * exponential back-off and giving up, the 2MSL TIME-WAIT timer, Linux's
 * FIN-WAIT-2 timeout for orphaned sockets, and the delayed ACK.  Also the
 * invariant check run after every transition in tests and debug builds.
 */
#include "core/tcp_internal.h"

bool
tcp_next_timer(const struct tcp_tcb *tcb, enum tcp_timer *which,
    uint64_t *due)
{
	bool found = false;

	for (unsigned t = 0; t < TCP_NTIMERS; t++) {
		if (!tcb->armed[t] || (found && tcb->due[t] >= *due))
			continue;
		found = true;
		*which = (enum tcp_timer)t;
		*due = tcb->due[t];
	}
	return found;
}

/* How many retransmissions the head of the queue is allowed. */
static unsigned
tcp_retry_limit(const struct tcp_tcb *tcb, const struct tcp_config *cfg)
{
	if ((tcb->rtxq[0].flags & TCP_SYN) == 0)
		return cfg->retries;
	return tcb->passive ? cfg->synack_retries : cfg->syn_retries;
}

static void
tcp_rexmt_timeout(struct tcp_tcb *tcb, const struct tcp_io *io)
{
	uint64_t rto;

	if (tcb->rtxq_len == 0)
		return;
	if (tcb->nrexmit >= tcp_retry_limit(tcb, io->cfg)) {
		if (tcb->state == TCP_SYN_RECEIVED && tcb->passive) {
			tcp_back_to_listen(tcb, io, TCP_W_GIVE_UP_PASSIVE);
			return;
		}
		tcp_notify(io, TCP_N_TIMEOUT, TCP_W_GIVE_UP);
		tcp_enter_closed(tcb, io, TCP_W_GIVE_UP);
		return;
	}
	tcb->nrexmit++;
	rto = (uint64_t)tcb->rto * 2;
	if (io->cfg->rto_max_ms && rto > io->cfg->rto_max_ms)
		rto = io->cfg->rto_max_ms;
	if (rto > UINT32_MAX)
		rto = UINT32_MAX;
	tcb->rto = (uint32_t)rto;
	tcp_retransmit_head(tcb, io);
	tcp_timer_arm(tcb, io, TCP_T_REXMT, tcb->rto);
}

void
tcp_timer_fire(struct tcp_tcb *tcb, const struct tcp_io *io, enum tcp_timer t)
{
	struct tcp_ev ev = { .kind = TCP_EV_TIMER_FIRE, .why = TCP_W_TIMER,
	    .timer = t, .due = tcb->due[t] };

	if (!tcb->armed[t])
		return;
	tcb->armed[t] = false;
	io->event(io->ctx, &ev);
	switch (t) {
	case TCP_T_REXMT:
		tcp_rexmt_timeout(tcb, io);
		break;
	case TCP_T_TIME_WAIT:
		tcp_enter_closed(tcb, io, TCP_W_TIME_WAIT_DONE);
		break;
	case TCP_T_FIN_WAIT_2:
		tcp_enter_closed(tcb, io, TCP_W_FIN_WAIT_2_TIMEOUT);
		break;
	case TCP_T_DELACK:
		tcb->ack_delayed = false;
		tcp_send_ack(tcb, io, TCP_W_DELACK);
		break;
	}
}

/* The retransmission queue covers exactly [SND.UNA, SND.NXT). */
static const char *
tcp_check_queue(const struct tcp_tcb *tcb)
{
	uint32_t at = tcb->snd_una;

	if (tcb->rtxq_len > TCP_RTXQ_MAX + 1)
		return "retransmission queue overflowed";
	if (tcb->rtxq_len > TCP_RTXQ_MAX && !tcb->fin_sent)
		return "the FIN's slot of the retransmission queue used by data";
	for (unsigned i = 0; i < tcb->rtxq_len; i++) {
		const struct tcp_rtx *r = &tcb->rtxq[i];

		if (r->seq != at)
			return "retransmission queue not contiguous from SND.UNA";
		at = r->seq + r->len + ((r->flags & TCP_SYN) ? 1 : 0) +
		    ((r->flags & TCP_FIN) ? 1 : 0);
	}
	if (at != tcb->snd_nxt)
		return "retransmission queue does not end at SND.NXT";
	if (tcb->armed[TCP_T_REXMT] != (tcb->rtxq_len > 0))
		return "retransmission timer armed iff data is unacknowledged";
	return NULL;
}

static bool
tcp_fin_states(enum tcp_state s)
{
	return s == TCP_FIN_WAIT_1 || s == TCP_FIN_WAIT_2 ||
	    s == TCP_CLOSING || s == TCP_LAST_ACK || s == TCP_TIME_WAIT;
}

const char *
tcp_check(const struct tcp_tcb *tcb)
{
	if ((unsigned)tcb->state >= TCP_NSTATES)
		return "state out of range";
	if (tcb->state == TCP_CLOSED || tcb->state == TCP_LISTEN) {
		for (unsigned t = 0; t < TCP_NTIMERS; t++)
			if (tcb->armed[t])
				return "timer running without a connection";
		return tcb->rtxq_len ? "queue without a connection" : NULL;
	}
	if (!seq_leq(tcb->snd_una, tcb->snd_nxt))
		return "SND.UNA beyond SND.NXT";
	if (tcp_state_synchronized(tcb->state) && !tcb->irs_valid)
		return "synchronized without IRS";
	if (tcp_fin_states(tcb->state) != tcb->fin_sent)
		return "FIN sent iff in a state after our FIN";
	if ((tcb->state == TCP_FIN_WAIT_2 || tcb->state == TCP_TIME_WAIT) &&
	    !tcp_fin_acked(tcb))
		return "FIN_WAIT_2/TIME_WAIT with our FIN unacknowledged";
	if ((tcb->state == TCP_TIME_WAIT) != tcb->armed[TCP_T_TIME_WAIT])
		return "2MSL timer runs iff in TIME_WAIT";
	if (tcb->ack_delayed != tcb->armed[TCP_T_DELACK])
		return "delayed-ACK timer runs iff an ACK is held";
	return tcp_check_queue(tcb);
}
