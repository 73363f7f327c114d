/*
 * What the endpoint sends and how it keeps track of it: segments out, the
 * retransmission queue, timers, and the single state writer.
 *
 * The retransmission queue holds sequence ranges as first sent (SYN, data,
 * FIN) with the times they were sent; a retransmission rebuilds the head
 * segment with the current ACK.  An ACK that advances SND.UNA gives an RTT
 * sample (RFC 6298 2.2, 2.3) unless Karn's rule forbids it: the profile
 * says whether a retransmitted segment can be timed (Linux can, through
 * its timestamps, RFC 7323 4.1) or not (RFC 6298 3).
 */
#include <string.h>

#include "core/tcp_internal.h"

static void
tcp_emit(const struct tcp_io *io, const struct tcp_ev *ev)
{
	io->event(io->ctx, ev);
}

void
tcp_set_state(struct tcp_tcb *tcb, const struct tcp_io *io,
    enum tcp_state to, enum tcp_why why)
{
	struct tcp_ev ev = { .kind = TCP_EV_STATE, .why = why,
	    .from = tcb->state, .to = to };

	tcb->state = to;
	tcp_emit(io, &ev);
}

void
tcp_notify(const struct tcp_io *io, enum tcp_notice n, enum tcp_why why)
{
	struct tcp_ev ev = { .kind = TCP_EV_NOTICE, .why = why, .notice = n };

	tcp_emit(io, &ev);
}

void
tcp_drop(const struct tcp_io *io, const struct tcp_seg *seg, enum tcp_why why)
{
	struct tcp_ev ev = { .kind = TCP_EV_DROP, .why = why, .seg = *seg };

	tcp_emit(io, &ev);
}

static void
tcp_emit_seg(const struct tcp_io *io, const struct tcp_seg *seg,
    enum tcp_why why, bool rexmit)
{
	struct tcp_ev ev = { .kind = TCP_EV_SEND, .why = why, .seg = *seg,
	    .rexmit = rexmit };

	tcp_emit(io, &ev);
}

/* Any segment carrying ACK also carries a held (delayed) ACK; one
 * carrying data may mark the connection interactive (tcp_delack.c). */
static void
tcp_output_raw(struct tcp_tcb *tcb, const struct tcp_io *io,
    const struct tcp_seg *seg, enum tcp_why why, bool rexmit)
{
	if (seg->flags & TCP_ACK)
		tcp_delack_ack_out(tcb, io);
	if (seg->len > 0)
		tcp_delack_data_out(tcb, io);
	tcp_emit_seg(io, seg, why, rexmit);
}

void
tcp_output(struct tcp_tcb *tcb, const struct tcp_io *io, uint8_t flags,
    uint32_t seq, uint16_t len, enum tcp_why why)
{
	struct tcp_seg seg = { .seq = seq, .len = len, .flags = flags,
	    .wnd = tcb->rcv_wnd };

	if (flags & TCP_ACK)
		seg.ack = tcb->rcv_nxt;
	tcp_output_raw(tcb, io, &seg, why, false);
}

/* <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK> */
void
tcp_send_ack(struct tcp_tcb *tcb, const struct tcp_io *io, enum tcp_why why)
{
	tcp_output(tcb, io, TCP_ACK, tcb->snd_nxt, 0, why);
}

/* A reset is not part of any connection: no TCB variables change. */
void
tcp_send_rst(const struct tcp_io *io, uint32_t seq, uint32_t ack,
    bool with_ack, enum tcp_why why)
{
	struct tcp_seg seg = { .seq = seq, .flags = TCP_RST };

	if (with_ack) {
		seg.flags |= TCP_ACK;
		seg.ack = ack;
	}
	tcp_emit_seg(io, &seg, why, false);
}

/* Send new sequence space (SYN, data or FIN) and queue it for retransmit. */
void
tcp_send_new(struct tcp_tcb *tcb, const struct tcp_io *io, uint8_t flags,
    uint16_t len, enum tcp_why why)
{
	struct tcp_rtx *r;
	uint32_t seq = tcb->snd_nxt;

	/* SEND stops at TCP_RTXQ_MAX (tcp_check_send), the FIN has the slot
	 * after that and nothing follows the FIN: no overflow (tcp_check). */
	if (tcb->rtxq_len > TCP_RTXQ_MAX)
		return;
	r = &tcb->rtxq[tcb->rtxq_len++];
	r->seq = seq;
	r->len = len;
	r->flags = flags & (TCP_SYN | TCP_FIN | TCP_PSH);
	r->first = r->last = io->now;
	r->rexmit = false;
	if (flags & TCP_FIN) {
		tcb->fin_sent = true;
		tcb->fin_seq = seq + len;
	}
	tcb->snd_nxt = seq + len + ((flags & TCP_SYN) ? 1 : 0) +
	    ((flags & TCP_FIN) ? 1 : 0);
	tcp_output(tcb, io, flags, seq, len, why);
	tcp_rexmt_schedule(tcb, io, false);
}

/* Send queue entry i again: the head (RFC 6298 5.4) or, for a tail loss
 * probe, the last one. */
void
tcp_retransmit(struct tcp_tcb *tcb, const struct tcp_io *io, unsigned i,
    enum tcp_why why)
{
	struct tcp_rtx *r = &tcb->rtxq[i];
	struct tcp_seg seg = { .seq = r->seq, .len = r->len, .flags = r->flags,
	    .wnd = tcb->rcv_wnd };

	if (tcb->irs_valid) {
		seg.flags |= TCP_ACK;
		seg.ack = tcb->rcv_nxt;
	}
	r->last = io->now;
	r->rexmit = true;
	if (r->flags & TCP_SYN && !tcb->passive)
		tcb->syn_timed_out = true;
	tcp_output_raw(tcb, io, &seg, why, true);
}

static uint32_t
tcp_rtx_end(const struct tcp_rtx *r)
{
	return r->seq + r->len + ((r->flags & TCP_SYN) ? 1 : 0) +
	    ((r->flags & TCP_FIN) ? 1 : 0);
}

/* RFC 6298 2.2 and 2.3 (alpha 1/8, beta 1/4), in whole milliseconds. */
static void
tcp_rtt_sample(struct tcp_tcb *tcb, uint64_t r)
{
	uint32_t m = r > UINT32_MAX / 8 ? UINT32_MAX / 8 : (uint32_t)r;
	uint32_t d;

	if (!tcb->rtt_valid) {
		tcb->srtt = m;
		tcb->rttvar = m / 2;
		tcb->rtt_valid = true;
		return;
	}
	d = tcb->srtt > m ? tcb->srtt - m : m - tcb->srtt;
	tcb->rttvar = (uint32_t)((3 * (uint64_t)tcb->rttvar + d) / 4);
	tcb->srtt = (uint32_t)((7 * (uint64_t)tcb->srtt + m) / 8);
}

/*
 * The RTO without back-off.  With samples: SRTT + max(G, 4*RTTVAR) (RFC
 * 6298 2.3), where Linux's G is TCP_RTO_MIN, 200 ms (__tcp_set_rto), and
 * RFC 6298 2.4 rounds up to 1 s.  Without: the initial RTO, or 3 s once
 * data flows after our SYN had to be retransmitted (5.7; Linux does the
 * same in tcp_init_metrics when it has no sample).
 */
uint32_t
tcp_rto_base(const struct tcp_tcb *tcb, const struct tcp_config *cfg)
{
	uint64_t var, rto, floor = cfg->rto_min_ms ? cfg->rto_min_ms :
	    cfg->rto_ms;

	if (!tcb->rtt_valid) {
		if (tcb->syn_timed_out && cfg->rto_ms < 3000)
			return 3000;
		return cfg->rto_ms;
	}
	var = 4 * (uint64_t)tcb->rttvar;
	if (var < cfg->rttvar_min_ms)
		var = cfg->rttvar_min_ms;
	rto = tcb->srtt + var;
	if (rto < floor)
		rto = floor;
	if (cfg->rto_max_ms && rto > cfg->rto_max_ms)
		rto = cfg->rto_max_ms;
	return rto > UINT32_MAX ? UINT32_MAX : (uint32_t)rto;
}

/* Time the newest segment this ACK covers in full, if the rules allow.
 * Returns false when Karn's rule forbade it. */
static bool
tcp_rtt_measure(struct tcp_tcb *tcb, const struct tcp_io *io, unsigned n)
{
	const struct tcp_rtx *r;

	if (n == 0)
		return true;
	r = &tcb->rtxq[n - 1];
	if (r->rexmit && !io->cfg->rtt_timestamps)
		return false;	/* Karn: which transmission was answered? */
	tcp_rtt_sample(tcb, io->now - r->last);
	return true;
}

/* SND.UNA advances: time what is covered and drop it, reset back-off,
 * re-arm or stop the retransmission timer (RFC 6298 5.2, 5.3).  Without
 * a sample, Karn's algorithm keeps the backed-off RTO for the next
 * segment (RFC 6298 5 note; RFC 9293 MUST-18), except that data after a
 * retransmitted SYN starts from 3 s (5.7). */
void
tcp_ack_advance(struct tcp_tcb *tcb, const struct tcp_io *io, uint32_t ack)
{
	unsigned i = 0;
	bool keep_rto;

	/* Linux counts from its full socket: a passive one is born with
	 * its SYN acknowledged (RFC 5961 5.2 check, tcp_linux.c). */
	if (tcb->state != TCP_SYN_RECEIVED || !tcb->passive)
		tcb->bytes_acked += ack - tcb->snd_una;
	tcb->snd_una = ack;
	while (i < tcb->rtxq_len && seq_leq(tcp_rtx_end(&tcb->rtxq[i]), ack))
		i++;
	keep_rto = tcb->rtxq_len > 0 && !tcp_rtt_measure(tcb, io, i) &&
	    (tcb->rtxq[0].flags & TCP_SYN) == 0;
	memmove(tcb->rtxq, tcb->rtxq + i,
	    (tcb->rtxq_len - i) * sizeof(tcb->rtxq[0]));
	tcb->rtxq_len -= i;
	if (tcb->rtxq_len > 0 && seq_lt(tcb->rtxq[0].seq, ack)) {
		/* A partly acknowledged head: keep only the unacked rest. */
		struct tcp_rtx *r = &tcb->rtxq[0];
		uint32_t cut = ack - r->seq;

		if (r->flags & TCP_SYN) {
			r->flags &= (uint8_t)~TCP_SYN;
			cut--;
		}
		r->len = (uint16_t)(r->len - cut);
		r->seq = ack;
	}
	tcb->nrexmit = 0;
	if (!keep_rto)
		tcb->rto = tcp_rto_base(tcb, io->cfg);
	if (tcb->in_loss && seq_geq(ack, tcb->loss_high))
		tcb->in_loss = false;
	tcb->tlp_out = false;
	tcp_rexmt_schedule(tcb, io, true);
}

bool
tcp_fin_acked(const struct tcp_tcb *tcb)
{
	return tcb->fin_sent && seq_gt(tcb->snd_una, tcb->fin_seq);
}

void
tcp_timer_arm(struct tcp_tcb *tcb, const struct tcp_io *io,
    enum tcp_timer t, uint64_t delay)
{
	struct tcp_ev ev = { .kind = TCP_EV_TIMER_ARM, .why = TCP_W_TIMER,
	    .timer = t, .due = io->now + delay };

	tcb->armed[t] = true;
	tcb->due[t] = ev.due;
	tcp_emit(io, &ev);
}

void
tcp_timer_stop(struct tcp_tcb *tcb, const struct tcp_io *io,
    enum tcp_timer t)
{
	struct tcp_ev ev = { .kind = TCP_EV_TIMER_STOP, .why = TCP_W_TIMER,
	    .timer = t, .due = tcb->due[t] };

	if (t == TCP_T_REXMT)
		tcb->tlp_pending = false;
	if (!tcb->armed[t])
		return;
	tcb->armed[t] = false;
	tcp_emit(io, &ev);
}

static void
tcp_timers_stop_all(struct tcp_tcb *tcb, const struct tcp_io *io)
{
	for (unsigned t = 0; t < TCP_NTIMERS; t++)
		tcp_timer_stop(tcb, io, (enum tcp_timer)t);
}

/* Endings that carry their own notice (reset, refused, timeout) or reach
 * no application (crash); every other deletion of the TCB is "closed". */
static bool
tcp_ends_in_error(enum tcp_why why)
{
	return why == TCP_W_CRASH || why == TCP_W_GIVE_UP ||
	    why == TCP_W_SYNSENT_RST || why == TCP_W_RST_SYNRCVD_ACTIVE ||
	    why == TCP_W_RST_RESET || why == TCP_W_DATA_AFTER_CLOSE ||
	    why == TCP_W_RST_MINUS_ONE_RESET ||
	    why == TCP_W_DATA_AFTER_FIN_RESET;
}

/* Delete the TCB: a fresh CLOSED block, as the RFC's "delete the TCB". */
void
tcp_enter_closed(struct tcp_tcb *tcb, const struct tcp_io *io,
    enum tcp_why why)
{
	if (!tcp_ends_in_error(why))
		tcp_notify(io, TCP_N_CLOSED, why);
	tcp_timers_stop_all(tcb, io);
	tcp_set_state(tcb, io, TCP_CLOSED, why);
	tcp_init(tcb);
}

/* A passively opened TCB forgets the half-made connection (3.10.7.4). */
void
tcp_back_to_listen(struct tcp_tcb *tcb, const struct tcp_io *io,
    enum tcp_why why)
{
	tcp_timers_stop_all(tcb, io);
	tcp_set_state(tcb, io, TCP_LISTEN, why);
	tcp_init(tcb);
	tcb->state = TCP_LISTEN;
}

void
tcp_enter_time_wait(struct tcp_tcb *tcb, const struct tcp_io *io,
    enum tcp_why why)
{
	if (!io->cfg->time_wait) {
		tcp_enter_closed(tcb, io, TCP_W_TIME_WAIT_OFF);
		return;
	}
	tcp_timer_stop(tcb, io, TCP_T_REXMT);
	tcp_timer_stop(tcb, io, TCP_T_FIN_WAIT_2);
	tcb->oow_acked = false;		/* the kernel's fresh TIME-WAIT socket */
	tcp_set_state(tcb, io, TCP_TIME_WAIT, why);
	tcp_timer_arm(tcb, io, TCP_T_TIME_WAIT, 2 * (uint64_t)io->cfg->msl_ms);
}

/* Both SYNs are acknowledged: take the peer's window, tell the app. */
void
tcp_establish(struct tcp_tcb *tcb, const struct tcp_io *io,
    const struct tcp_seg *seg, enum tcp_why why)
{
	tcb->snd_wnd = seg->wnd;
	if (seg->wnd > tcb->max_snd_wnd)
		tcb->max_snd_wnd = seg->wnd;
	tcb->snd_wl1 = seg->seq;
	tcb->snd_wl2 = seg->ack;
	if (tcb->passive)
		tcb->oow_acked = false;	/* Linux: a new socket, a new throttle */
	tcp_set_state(tcb, io, TCP_ESTABLISHED, why);
	tcp_notify(io, TCP_N_CONNECTED, why);
}
