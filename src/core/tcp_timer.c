/*
 * Timeouts (RFC 9293 3.10.8 and 3.8.1, RFC 6298): retransmission with
 * exponential back-off and giving up, the 2MSL TIME-WAIT timer, Linux's
 * FIN-WAIT-2 timeout for orphaned sockets, and the delayed ACK.  Also the
 * invariant check run after every transition in tests and debug builds.
 *
 * Giving up (R2 of RFC 9293 3.8.3) is a count of retransmissions in the
 * rfc9293 profile.  Linux (tcp_write_timeout) counts only for a SYN, and
 * for its own SYN allows tcp_syn_linear_timeouts extra tries; otherwise
 * it gives up once the time since the head segment was first sent reaches
 * what the retry count would take with a model back-off from a base RTO
 * (tcp_model_timeout), whatever the real RTOs were.
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

/* How many retransmissions the head of the queue is allowed.  Linux gives
 * a socket closed by its application tcp_orphan_retries instead, none once
 * the RTO has reached its ceiling (tcp_orphan_retries(), "alive"). */
static unsigned
tcp_retry_limit(const struct tcp_tcb *tcb, const struct tcp_config *cfg)
{
	if ((tcb->rtxq[0].flags & TCP_SYN) == 0) {
		if (!cfg->linux_timeouts || !tcb->rd_closed)
			return cfg->retries;
		if (cfg->rto_max_ms && tcb->rto >= cfg->rto_max_ms)
			return 0;
		return cfg->orphan_retries;
	}
	return tcb->passive ? cfg->synack_retries : cfg->syn_retries;
}

/* Linux's tcp_model_timeout(): the time `boundary` retransmissions take
 * when the RTO starts at base and doubles up to max, then stays there. */
static uint64_t
tcp_model_timeout(unsigned boundary, uint64_t base, uint64_t max)
{
	unsigned thresh = 0;

	if (base == 0)
		base = 1;
	if (max == 0 || max > ((uint64_t)1 << 40))
		max = (uint64_t)1 << 40;	/* no ceiling: ~35 years */
	while (thresh < 40 && (base << (thresh + 1)) <= max)
		thresh++;
	if (boundary <= thresh)
		return (((uint64_t)2 << boundary) - 1) * base;
	return (((uint64_t)2 << thresh) - 1) * base +
	    (uint64_t)(boundary - thresh) * max;
}

/* Is it time to give up, before retransmitting once more? */
static bool
tcp_retries_exhausted(const struct tcp_tcb *tcb, const struct tcp_io *io)
{
	const struct tcp_config *cfg = io->cfg;
	unsigned limit = tcp_retry_limit(tcb, cfg);
	bool syn = (tcb->rtxq[0].flags & TCP_SYN) != 0;
	uint64_t base;

	if (!cfg->linux_timeouts || (syn && tcb->passive))
		return tcb->nrexmit >= limit;	/* reqsk_timer_handler counts */
	if (syn && tcb->nrexmit >= limit +
	    (tcb->state == TCP_SYN_SENT ? cfg->syn_linear : 0))
		return true;
	if (tcb->nrexmit == 0)
		return false;
	base = syn ? cfg->rto_ms : cfg->rto_min_ms;
	return io->now - tcb->rtxq[0].first >=
	    tcp_model_timeout(limit, base, cfg->rto_max_ms);
}

/* RFC 6298 5.5 doubles the RTO; Linux keeps a SYN's first
 * tcp_syn_linear_timeouts retransmissions (and the one after them) at
 * the initial RTO, then doubles (tcp_retransmit_timer, icsk_backoff).
 * Returns the reason that says which of these happened. */
static enum tcp_why
tcp_back_off(struct tcp_tcb *tcb, const struct tcp_config *cfg)
{
	uint64_t rto;

	if (tcb->state == TCP_SYN_SENT && tcb->nrexmit <= cfg->syn_linear)
		return TCP_W_REXMIT_LINEAR;
	rto = (uint64_t)tcb->rto * 2;
	if (cfg->rto_max_ms && rto > cfg->rto_max_ms)
		rto = cfg->rto_max_ms;
	if (rto > UINT32_MAX)
		rto = UINT32_MAX;
	if (rto == tcb->rto)
		return TCP_W_REXMIT_AT_MAX;
	tcb->rto = (uint32_t)rto;
	return TCP_W_REXMIT;
}

#define TCP_TIMEOUT_MIN_MS 8	/* TCP_TIMEOUT_MIN: 2 jiffies at HZ 250 */

/* How long until the RTO of the head, as last sent, expires. */
static int64_t
tcp_rto_left(const struct tcp_tcb *tcb, const struct tcp_io *io)
{
	return (int64_t)(tcb->rtxq[0].last + tcb->rto) - (int64_t)io->now;
}

/*
 * Arm the retransmission timer after new data or an ACK.  Linux first
 * arms it as a tail loss probe (tcp_schedule_loss_probe, RFC 8985 7.2):
 * after twice the SRTT, plus TCP_RTO_MIN when a single segment is out (for
 * the peer's delayed ACK), but never later than the RTO; not for a SYN and
 * not in loss recovery after an RTO.  Otherwise, and in the rfc9293
 * profile, an ACK restarts the RTO (RFC 6298 5.3) and new data starts it
 * only if it is not running (5.1).
 */
void
tcp_rexmt_schedule(struct tcp_tcb *tcb, const struct tcp_io *io,
    bool advancing)
{
	const struct tcp_config *cfg = io->cfg;
	int64_t left;
	uint64_t pto;

	if (tcb->rtxq_len == 0) {
		tcp_timer_stop(tcb, io, TCP_T_REXMT);
		return;
	}
	if (!cfg->tlp || tcb->in_loss || !tcp_state_synchronized(tcb->state) ||
	    (tcb->rtxq[0].flags & TCP_SYN)) {
		if (advancing || !tcb->armed[TCP_T_REXMT]) {
			tcb->tlp_pending = false;
			tcp_timer_arm(tcb, io, TCP_T_REXMT, tcb->rto);
		}
		return;
	}
	pto = cfg->rto_ms;		/* TCP_TIMEOUT_INIT without a sample */
	if (tcb->rtt_valid)
		pto = 2 * (uint64_t)tcb->srtt + (tcb->rtxq_len == 1 ?
		    cfg->rto_min_ms : TCP_TIMEOUT_MIN_MS);
	left = advancing ? (int64_t)tcb->rto : tcp_rto_left(tcb, io);
	if (left > 0 && (uint64_t)left < pto)
		pto = (uint64_t)left;
	tcb->tlp_pending = true;
	tcp_timer_arm(tcb, io, TCP_T_REXMT, pto);
}

/* tcp_send_loss_probe(): one probe per episode, then the RTO that was
 * running from the head's last transmission (tcp_rearm_rto). */
static void
tcp_tlp_fire(struct tcp_tcb *tcb, const struct tcp_io *io)
{
	int64_t left;

	tcb->tlp_pending = false;
	if (!tcb->tlp_out) {
		tcb->tlp_out = true;
		tcp_retransmit(tcb, io, tcb->rtxq_len - 1, TCP_W_TLP);
	}
	left = tcp_rto_left(tcb, io);
	tcp_timer_arm(tcb, io, TCP_T_REXMT, left > 0 ? (uint64_t)left : 1);
}

static void
tcp_rexmt_timeout(struct tcp_tcb *tcb, const struct tcp_io *io)
{
	enum tcp_why why;

	if (tcb->rtxq_len == 0)
		return;
	if (tcb->tlp_pending) {
		tcp_tlp_fire(tcb, io);
		return;
	}
	if (tcp_retries_exhausted(tcb, io)) {
		if (tcb->state == TCP_SYN_RECEIVED && tcb->passive) {
			tcp_back_to_listen(tcb, io, TCP_W_GIVE_UP_PASSIVE);
			return;
		}
		tcp_notify(io, TCP_N_TIMEOUT, TCP_W_GIVE_UP);
		tcp_enter_closed(tcb, io, TCP_W_GIVE_UP);
		return;
	}
	tcb->nrexmit++;
	why = tcp_back_off(tcb, io->cfg);
	tcb->in_loss = true;		/* tcp_enter_loss() */
	tcb->loss_high = tcb->snd_nxt;
	tcb->tlp_out = false;
	tcp_retransmit(tcb, io, 0, why);
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
		tcp_delack_fire(tcb, io);
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
		return tcb->rtxq_len ? "queue without a connection" :
		    tcp_reasm_check(tcb);
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
	if (tcb->ack_delayed && !tcb->ack_owed)
		return "an ACK is held with nothing to acknowledge";
	if (tcb->quick > TCP_MAX_QUICKACKS)
		return "more quick ACKs than Linux allows";
	if (tcb->armed[TCP_T_REXMT] && tcb->rto == 0)
		return "retransmission timer with a zero RTO";
	if (tcb->tlp_pending && !tcb->armed[TCP_T_REXMT])
		return "tail loss probe pending without a timer";
	if (tcp_reasm_check(tcb) != NULL)
		return tcp_reasm_check(tcb);
	return tcp_check_queue(tcb);
}
