/*
 * The linux profile's input path: where a current Linux kernel (checked
 * against 6.18) answers a segment differently from RFC 9293's text, and
 * the RFC 5961 throttle both profiles could use but only Linux applies.
 * tcp_input.c calls in here only when cfg->linux_input is set, so the
 * rfc9293 profile never runs this code.
 *
 * Data model: two TCB fields feed the throttle (oow_acked, oow_ack_at:
 * when the last challenge or out-of-window ACK went out, as Linux's
 * last_oow_ack_time), two the RFC 5961 Section 5 ACK check (max_snd_wnd,
 * bytes_acked).  TIME-WAIT follows the kernel's tcp_timewait_state_process;
 * an orphaned FIN-WAIT-2 (after close(), with a FIN-WAIT-2 timeout no
 * longer than TIME-WAIT's) is the kernel's FIN-WAIT-2 mini socket, which
 * any RST in the window deletes.
 */
#include "core/tcp_internal.h"

/*
 * RFC 5961 Section 7 throttle, per connection, as Linux does it: at most
 * one challenge ACK or out-of-window ACK per invalid_ratelimit_ms.  A
 * segment carrying data or a FIN (and no SYN) is never part of an ACK
 * loop, so its duplicate ACK is not throttled (Linux tcp_oow_rate_limited).
 */
static bool
tcp_throttled(struct tcp_tcb *tcb, const struct tcp_io *io,
    const struct tcp_seg *seg, bool challenge)
{
	uint32_t lim = io->cfg->invalid_ratelimit_ms;

	if (!io->cfg->linux_input || lim == 0)
		return false;
	if (!challenge && tcp_seg_seqlen(seg) > 0 && !(seg->flags & TCP_SYN))
		return false;
	if (tcb->oow_acked && io->now - tcb->oow_ack_at < lim)
		return true;
	tcb->oow_acked = true;
	tcb->oow_ack_at = io->now;
	return false;
}

void
tcp_oow_ack(struct tcp_tcb *tcb, const struct tcp_io *io,
    const struct tcp_seg *seg, bool challenge, enum tcp_why why)
{
	if (tcp_throttled(tcb, io, seg, challenge))
		tcp_drop(io, seg, TCP_W_ACK_THROTTLED);
	else
		tcp_send_ack(tcb, io, why);
}

/* Linux tcp_reset_check: after the peer's FIN, a RST at RCV.NXT-1 (the
 * FIN's own number, as some stacks send it) is as good as exact. */
bool
tcp_linux_rst_minus_one(struct tcp_tcb *tcb, const struct tcp_io *io,
    const struct tcp_seg *seg)
{
	if (!io->cfg->linux_input || (seg->flags & TCP_RST) == 0 ||
	    seg->seq != tcb->rcv_nxt - 1)
		return false;
	switch (tcb->state) {
	case TCP_CLOSE_WAIT:
		tcp_notify(io, TCP_N_RESET, TCP_W_RST_MINUS_ONE_RESET);
		tcp_enter_closed(tcb, io, TCP_W_RST_MINUS_ONE_RESET);
		return true;
	case TCP_CLOSING:
	case TCP_LAST_ACK:
		tcp_enter_closed(tcb, io, TCP_W_RST_MINUS_ONE);
		return true;
	case TCP_CLOSED:
	case TCP_LISTEN:
	case TCP_SYN_SENT:
	case TCP_SYN_RECEIVED:
	case TCP_ESTABLISHED:
	case TCP_FIN_WAIT_1:
	case TCP_FIN_WAIT_2:
	case TCP_TIME_WAIT:
		return false;
	}
	return false;
}

/* The kernel's FIN-WAIT-2 mini socket: orphaned, timeout <= TIME-WAIT's.
 * Its RST check has no exact-match rule. */
bool
tcp_linux_orphan_rst(struct tcp_tcb *tcb, const struct tcp_io *io)
{
	const struct tcp_config *cfg = io->cfg;

	if (!cfg->linux_input || tcb->state != TCP_FIN_WAIT_2 ||
	    !tcb->rd_closed || cfg->fin_wait_2_ms == 0 ||
	    cfg->fin_wait_2_ms > 2 * (uint64_t)cfg->msl_ms)
		return false;
	tcp_enter_closed(tcb, io, TCP_W_FW2_ORPHAN_RST);
	return true;
}

/*
 * Linux's seventh step after the peer's FIN (CLOSE-WAIT, CLOSING,
 * LAST-ACK): a segment starting at or after RCV.NXT is ignored, as RFC
 * 9293 says, but one that starts before it and carries data past it
 * (judged on the untrimmed segment, FIN not counted) is new data after
 * the end of the stream, so the kernel resets the connection
 * (tcp_reset) and answers as for a segment without a socket,
 * <SEQ=SEG.ACK><CTL=RST>.  The application learns of it only in
 * CLOSE-WAIT; in the other two it has closed already.
 */
bool
tcp_linux_data_after_fin(struct tcp_tcb *tcb, const struct tcp_io *io,
    const struct tcp_seg *in)
{
	if (!io->cfg->linux_input || in->len == 0 ||
	    (in->flags & TCP_SYN) || !seq_lt(in->seq, tcb->rcv_nxt) ||
	    !seq_gt(in->seq + in->len, tcb->rcv_nxt))
		return false;
	switch (tcb->state) {
	case TCP_CLOSE_WAIT:
		tcp_send_rst(io, in->ack, 0, false,
		    TCP_W_DATA_AFTER_FIN_RESET);
		tcp_notify(io, TCP_N_RESET, TCP_W_DATA_AFTER_FIN_RESET);
		tcp_enter_closed(tcb, io, TCP_W_DATA_AFTER_FIN_RESET);
		return true;
	case TCP_CLOSING:
	case TCP_LAST_ACK:
		tcp_send_rst(io, in->ack, 0, false, TCP_W_DATA_AFTER_FIN_RST);
		tcp_enter_closed(tcb, io, TCP_W_DATA_AFTER_FIN_RST);
		return true;
	case TCP_CLOSED:
	case TCP_LISTEN:
	case TCP_SYN_SENT:
	case TCP_SYN_RECEIVED:
	case TCP_ESTABLISHED:
	case TCP_FIN_WAIT_1:
	case TCP_FIN_WAIT_2:
	case TCP_TIME_WAIT:
		return false;
	}
	return false;
}

/* RFC 5961 5.2 with Linux's MAX.SND.WND: never more than what has been
 * acknowledged so far (tcp_ack: min(max_window, bytes_acked)). */
bool
tcp_linux_ack_too_old(struct tcp_tcb *tcb, const struct tcp_io *io,
    const struct tcp_seg *seg)
{
	uint32_t wnd = tcb->max_snd_wnd < tcb->bytes_acked ?
	    tcb->max_snd_wnd : tcb->bytes_acked;

	if (!io->cfg->linux_input || !seq_lt(seg->ack, tcb->snd_una - wnd))
		return false;
	tcp_oow_ack(tcb, io, seg, true, TCP_W_ACK_TOO_OLD);
	return true;
}

/*
 * tcp_check_req, the passive SYN-RECEIVED: a retransmitted SYN gets the
 * SYN+ACK again (throttled like a challenge ACK); any other SYN in the
 * window ends the half-made connection with a RST of 3.10.7.1's form,
 * where RFC 9293 returns to LISTEN silently.
 */
static bool
tcp_linux_syn_rcvd(struct tcp_tcb *tcb, const struct tcp_io *io,
    const struct tcp_seg *seg)
{
	if (tcb->state != TCP_SYN_RECEIVED || !tcb->passive ||
	    (seg->flags & (TCP_SYN | TCP_RST)) != TCP_SYN)
		return false;
	if ((seg->flags & TCP_ACK) == 0 && seg->seq == tcb->irs &&
	    tcb->rtxq_len > 0) {
		if (tcp_throttled(tcb, io, seg, true))
			tcp_drop(io, seg, TCP_W_ACK_THROTTLED);
		else
			tcp_retransmit(tcb, io, 0, TCP_W_SYNRCVD_SYN_AGAIN);
		return true;
	}
	if (!seq_in_window(seg->seq, tcb->rcv_nxt, tcb->rcv_wnd))
		return false;
	if (seg->flags & TCP_ACK)
		tcp_send_rst(io, seg->ack, 0, false, TCP_W_SYNRCVD_SYN_RST);
	else
		tcp_send_rst(io, 0, seg->seq + tcp_seg_seqlen(seg), true,
		    TCP_W_SYNRCVD_SYN_RST);
	tcp_back_to_listen(tcb, io, TCP_W_SYNRCVD_SYN_RST);
	return true;
}

static void
tcp_tw_restart(struct tcp_tcb *tcb, const struct tcp_io *io)
{
	tcp_timer_arm(tcb, io, TCP_T_TIME_WAIT, 2 * (uint64_t)io->cfg->msl_ms);
}

/*
 * TIME-WAIT as tcp_timewait_state_process: an exact RST deletes the TCB;
 * a bare segment at RCV.NXT only restarts the timer; a SYN above RCV.NXT
 * would go to a listener (tcpteach has none left: ACK); any other RST is
 * ignored, so a CLOSED peer cannot assassinate TIME-WAIT with a challenge
 * ACK's help; everything else is ACKed (throttled) and, with ACK set,
 * restarts the timer.
 */
static void
tcp_linux_time_wait(struct tcp_tcb *tcb, const struct tcp_io *io,
    const struct tcp_seg *seg)
{
	uint8_t f = seg->flags;

	if (seg->seq == tcb->rcv_nxt && ((f & TCP_RST) ||
	    tcp_seg_seqlen(seg) == 0)) {
		if (f & TCP_RST) {
			tcp_enter_closed(tcb, io, TCP_W_RST_CLOSING);
			return;
		}
		tcp_drop(io, seg, TCP_W_TW_QUIET);
		tcp_tw_restart(tcb, io);
		return;
	}
	if ((f & (TCP_SYN | TCP_RST | TCP_ACK)) == TCP_SYN &&
	    seq_gt(seg->seq, tcb->rcv_nxt)) {
		tcp_send_ack(tcb, io, TCP_W_TW_NEW_SYN);
		return;
	}
	if (f & TCP_RST) {
		tcp_drop(io, seg, TCP_W_TW_RST_IGNORED);
		return;
	}
	if ((f & TCP_ACK) == 0) {
		/* An ACK-less SYN may be a new connection's with a random
		 * ISN below RCV.NXT: the 2MSL timer is left as it runs. */
		tcp_oow_ack(tcb, io, seg, false, TCP_W_TW_ACK_NO_RESTART);
		return;
	}
	tcp_tw_restart(tcb, io);
	tcp_oow_ack(tcb, io, seg, false, (f & TCP_FIN) ?
	    TCP_W_TW_FIN_AGAIN : TCP_W_TW_ACK);
}

bool
tcp_linux_input(struct tcp_tcb *tcb, const struct tcp_io *io,
    const struct tcp_seg *seg)
{
	if (!io->cfg->linux_input)
		return false;
	if (tcb->state == TCP_TIME_WAIT) {
		tcp_linux_time_wait(tcb, io, seg);
		return true;
	}
	return tcp_linux_syn_rcvd(tcb, io, seg);
}
