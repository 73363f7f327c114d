/*
 * SEGMENT ARRIVES, in the order of RFC 9293 3.10.7: CLOSED, LISTEN,
 * SYN-SENT, then for the other states the sequence check, RST, SYN, ACK,
 * text and FIN steps, each a function with a switch on the state.
 *
 * Simplifications (beyond those listed in tcp_user.c): the security/
 * compartment check and URG are skipped; data or FIN on a SYN is ignored in
 * the linux profile (as Linux without Fast Open) and, in both profiles, in a
 * simultaneous open, so the peer retransmits it (the rfc9293 profile keeps a
 * SYN's text in LISTEN for later, tcp_reasm.c).  A segment that starts beyond
 * RCV.NXT is kept in the reassembly queue (tcp_reasm.c: at most 64 ranges, no
 * payload) in the states that take data; after the peer's FIN it is
 * acknowledged and dropped.  Two places follow observed behaviour the text
 * leaves open: a crossing SYN+ACK in SYN-RECEIVED completes a simultaneous
 * open, as RFC 9293's figure shows (without a reply; Linux, in the linux
 * profile, also ACKs it, so its simultaneous open takes six segments), and a
 * retransmitted FIN in TIME-WAIT restarts the 2MSL timer although its sequence
 * number is below RCV.NXT.  Where the linux profile departs from the text,
 * tcp_linux.c says how and why.
 */
#include "core/tcp_internal.h"

/* 3.10.7.1: no TCB.  An incoming RST is dropped; anything else gets one. */
static void
tcp_input_closed(const struct tcp_io *io, const struct tcp_seg *seg)
{
	if (seg->flags & TCP_RST)
		tcp_drop(io, seg, TCP_W_CLOSED_RST_DROP);
	else if (seg->flags & TCP_ACK)
		tcp_send_rst(io, seg->ack, 0, false, TCP_W_CLOSED_RST_REPLY);
	else
		tcp_send_rst(io, 0, seg->seq + tcp_seg_seqlen(seg), true,
		    TCP_W_CLOSED_RST_REPLY);
}

/* 3.10.7.2 */
static void
tcp_input_listen(struct tcp_tcb *tcb, const struct tcp_io *io,
    const struct tcp_seg *seg)
{
	if (seg->flags & TCP_RST) {
		tcp_drop(io, seg, TCP_W_LISTEN_RST);
		return;
	}
	if (seg->flags & TCP_ACK) {
		tcp_send_rst(io, seg->ack, 0, false, TCP_W_LISTEN_ACK);
		return;
	}
	if ((seg->flags & TCP_SYN) == 0) {
		tcp_drop(io, seg, TCP_W_LISTEN_OTHER);
		return;
	}
	if (io->cfg->linux_input && (seg->flags & TCP_FIN)) {
		/* Linux tcp_rcv_state_process: SYN+FIN is no way to open. */
		tcp_drop(io, seg, TCP_W_LISTEN_SYN_FIN);
		return;
	}
	tcb->irs = seg->seq;
	tcb->irs_valid = true;
	tcb->rcv_nxt = seg->seq + 1;
	tcb->rto = io->cfg->rto_ms;
	tcb->iss = io->choose_iss(io->ctx);
	tcb->snd_una = tcb->snd_nxt = tcb->iss;
	tcb->snd_wnd = seg->wnd;
	tcb->passive = true;
	tcp_set_state(tcb, io, TCP_SYN_RECEIVED, TCP_W_LISTEN_SYN);
	tcp_send_new(tcb, io, TCP_SYN | TCP_ACK, 0, TCP_W_LISTEN_SYN);
	/* "Any other control or text should be queued for processing
	 * later"; Linux (no Fast Open) drops a SYN's data. */
	if (!io->cfg->linux_input && !io->cfg->handshake_two)
		tcp_reasm_syn(tcb, seg);
	if (io->cfg->handshake_two) {
		/* What-if: commit to the connection before the peer confirms. */
		tcp_set_state(tcb, io, TCP_ESTABLISHED, TCP_W_HANDSHAKE_TWO);
		tcp_notify(io, TCP_N_CONNECTED, TCP_W_HANDSHAKE_TWO);
	}
}

static void tcp_syn_sent_rest(struct tcp_tcb *, const struct tcp_io *,
    const struct tcp_seg *);

/* 3.10.7.3 */
static void
tcp_input_syn_sent(struct tcp_tcb *tcb, const struct tcp_io *io,
    const struct tcp_seg *seg)
{
	bool ack_ok = false;

	if (seg->flags & TCP_ACK) {
		if (seq_leq(seg->ack, tcb->iss) || seq_gt(seg->ack, tcb->snd_nxt)) {
			if (seg->flags & TCP_RST)
				tcp_drop(io, seg, TCP_W_SYNSENT_BAD_ACK_RST);
			else
				tcp_send_rst(io, seg->ack, 0, false,
				    TCP_W_SYNSENT_BAD_ACK);
			return;
		}
		ack_ok = true;
	}
	if (seg->flags & TCP_RST) {
		if (!ack_ok) {
			tcp_drop(io, seg, TCP_W_SYNSENT_RST_NOACK);
			return;
		}
		tcp_notify(io, TCP_N_REFUSED, TCP_W_SYNSENT_RST);
		tcp_enter_closed(tcb, io, TCP_W_SYNSENT_RST);
		return;
	}
	if ((seg->flags & TCP_SYN) == 0) {
		tcp_drop(io, seg, TCP_W_SYNSENT_OTHER);
		return;
	}
	tcb->irs = seg->seq;
	tcb->irs_valid = true;
	tcb->rcv_nxt = seg->seq + 1;
	if (ack_ok)
		tcp_ack_advance(tcb, io, seg->ack);
	if (seq_gt(tcb->snd_una, tcb->iss)) {
		tcp_establish(tcb, io, seg, TCP_W_SYNSENT_SYNACK);
		tcp_syn_sent_rest(tcb, io, seg);
		return;
	}
	/* Simultaneous open: answer with SYN+ACK, reusing our ISS. */
	tcb->snd_wnd = seg->wnd;
	tcp_set_state(tcb, io, TCP_SYN_RECEIVED, TCP_W_SYNSENT_SYN);
	tcp_output(tcb, io, TCP_SYN | TCP_ACK, tcb->iss, 0, TCP_W_SYNSENT_SYN);
}

/* The sequence-number acceptability table of 3.10.7.4. */
static bool
tcp_acceptable(const struct tcp_tcb *tcb, const struct tcp_seg *seg)
{
	uint32_t n = tcp_seg_seqlen(seg), wnd = tcb->rcv_wnd;

	if (n == 0 && wnd == 0)
		return seg->seq == tcb->rcv_nxt;
	if (n == 0)
		return seq_in_window(seg->seq, tcb->rcv_nxt, wnd);
	if (wnd == 0)
		return false;
	return seq_in_window(seg->seq, tcb->rcv_nxt, wnd) ||
	    seq_in_window(seg->seq + n - 1, tcb->rcv_nxt, wnd);
}

/* Trim what lies before RCV.NXT ("only the new parts are processed").
 * Runs after the RST and SYN steps, which judge the segment as it came:
 * a SYN never gets this far, so only data is cut. */
static void
tcp_trim(const struct tcp_tcb *tcb, struct tcp_seg *seg)
{
	uint32_t old;

	if (!seq_lt(seg->seq, tcb->rcv_nxt))
		return;
	old = tcb->rcv_nxt - seg->seq;
	if (old > seg->len)
		old = seg->len;
	seg->len = (uint16_t)(seg->len - old);
	seg->seq += old;
}

/* First: the sequence check.  Returns false when the segment is done. */
static bool
tcp_seq_check(struct tcp_tcb *tcb, const struct tcp_io *io,
    const struct tcp_seg *seg)
{
	if (tcp_acceptable(tcb, seg))
		return true;
	if (seg->flags & TCP_RST) {
		if (!tcp_linux_rst_minus_one(tcb, io, seg))
			tcp_drop(io, seg, TCP_W_SEQ_BAD_RST);
		return false;
	}
	if (tcb->state == TCP_TIME_WAIT && (seg->flags & TCP_FIN) &&
	    seg->seq + tcp_seg_seqlen(seg) == tcb->rcv_nxt) {
		tcp_send_ack(tcb, io, TCP_W_TW_FIN_AGAIN);
		tcp_timer_arm(tcb, io, TCP_T_TIME_WAIT,
		    2 * (uint64_t)io->cfg->msl_ms);
		return false;
	}
	tcp_oow_ack(tcb, io, seg, (seg->flags & TCP_SYN) != 0, TCP_W_SEQ_BAD);
	return false;
}

/* Second: RST, with RFC 5961 3.2's exact-match rule. */
static void
tcp_rst(struct tcp_tcb *tcb, const struct tcp_io *io)
{
	switch (tcb->state) {
	case TCP_SYN_RECEIVED:
		if (tcb->passive) {
			tcp_back_to_listen(tcb, io, TCP_W_RST_SYNRCVD_PASSIVE);
			return;
		}
		tcp_notify(io, TCP_N_REFUSED, TCP_W_RST_SYNRCVD_ACTIVE);
		tcp_enter_closed(tcb, io, TCP_W_RST_SYNRCVD_ACTIVE);
		return;
	case TCP_ESTABLISHED:
	case TCP_FIN_WAIT_1:
	case TCP_FIN_WAIT_2:
	case TCP_CLOSE_WAIT:
		tcp_notify(io, TCP_N_RESET, TCP_W_RST_RESET);
		tcp_enter_closed(tcb, io, TCP_W_RST_RESET);
		return;
	case TCP_CLOSING:
	case TCP_LAST_ACK:
	case TCP_TIME_WAIT:
		tcp_enter_closed(tcb, io, TCP_W_RST_CLOSING);
		return;
	case TCP_CLOSED:
	case TCP_LISTEN:
	case TCP_SYN_SENT:
		return;		/* handled before the common steps */
	}
}

/* Fifth, for SYN-RECEIVED: the ACK must cover our SYN. */
static bool
tcp_ack_syn_received(struct tcp_tcb *tcb, const struct tcp_io *io,
    const struct tcp_seg *seg)
{
	if (seq_lt(tcb->snd_una, seg->ack) && seq_leq(seg->ack, tcb->snd_nxt)) {
		tcp_ack_advance(tcb, io, seg->ack);
		tcp_establish(tcb, io, seg, TCP_W_SYNRCVD_ACK);
		return true;
	}
	tcp_send_rst(io, seg->ack, 0, false, TCP_W_SYNRCVD_BAD_ACK);
	return false;
}

/* Fifth, the ESTABLISHED processing that the closing states share. */
static bool
tcp_ack_common(struct tcp_tcb *tcb, const struct tcp_io *io,
    const struct tcp_seg *seg)
{
	if (seq_gt(seg->ack, tcb->snd_nxt)) {
		tcp_oow_ack(tcb, io, seg, true, TCP_W_ACK_TOO_NEW);
		return false;
	}
	if (tcp_linux_ack_too_old(tcb, io, seg))
		return false;
	if (seq_lt(tcb->snd_una, seg->ack))
		tcp_ack_advance(tcb, io, seg->ack);
	if (seq_lt(tcb->snd_wl1, seg->seq) || (tcb->snd_wl1 == seg->seq &&
	    seq_leq(tcb->snd_wl2, seg->ack))) {
		tcb->snd_wnd = seg->wnd;
		if (seg->wnd > tcb->max_snd_wnd)
			tcb->max_snd_wnd = seg->wnd;
		tcb->snd_wl1 = seg->seq;
		tcb->snd_wl2 = seg->ack;
	}
	return true;
}

/* Will this segment's FIN be processed in the eighth step? */
static bool
tcp_fin_in_order(const struct tcp_tcb *tcb, const struct tcp_seg *seg)
{
	return (seg->flags & TCP_FIN) && seg->seq == tcb->rcv_nxt;
}

/* Fifth: the ACK field. */
static bool
tcp_ack(struct tcp_tcb *tcb, const struct tcp_io *io, const struct tcp_seg *seg)
{
	switch (tcb->state) {
	case TCP_SYN_RECEIVED:
		if (!tcp_ack_syn_received(tcb, io, seg))
			return false;
		return tcp_ack_common(tcb, io, seg);
	case TCP_ESTABLISHED:
	case TCP_FIN_WAIT_2:
	case TCP_CLOSE_WAIT:
	case TCP_TIME_WAIT:
		return tcp_ack_common(tcb, io, seg);
	case TCP_FIN_WAIT_1:
		if (!tcp_ack_common(tcb, io, seg))
			return false;
		/* With a FIN on board, the FIN step goes straight to
		 * TIME-WAIT; otherwise wait for the peer's FIN. */
		if (tcp_fin_acked(tcb) && !tcp_fin_in_order(tcb, seg)) {
			tcp_set_state(tcb, io, TCP_FIN_WAIT_2, TCP_W_ACK_OF_FIN);
			if (tcb->rd_closed && io->cfg->fin_wait_2_ms)
				tcp_timer_arm(tcb, io, TCP_T_FIN_WAIT_2,
				    io->cfg->fin_wait_2_ms);
		}
		return true;
	case TCP_CLOSING:
		if (!tcp_ack_common(tcb, io, seg))
			return false;
		if (tcp_fin_acked(tcb))
			tcp_enter_time_wait(tcb, io, TCP_W_CLOSING_ACK_OF_FIN);
		return tcb->state != TCP_CLOSED;
	case TCP_LAST_ACK:
		if (!tcp_ack_common(tcb, io, seg))
			return false;
		if (tcp_fin_acked(tcb)) {
			tcp_enter_closed(tcb, io, TCP_W_LAST_ACK_ACK_OF_FIN);
			return false;
		}
		return true;
	case TCP_CLOSED:
	case TCP_LISTEN:
	case TCP_SYN_SENT:
		return false;
	}
	return false;
}

/* Seventh: segment text. */
static void
tcp_text(struct tcp_tcb *tcb, const struct tcp_io *io, const struct tcp_seg *seg)
{
	if (seg->len == 0)
		return;
	switch (tcb->state) {
	case TCP_ESTABLISHED:
	case TCP_FIN_WAIT_1:
	case TCP_FIN_WAIT_2:
		tcp_deliver(tcb, io, seg->len);
		tcp_delack_data_in(tcb, io, seg);
		if ((seg->flags & TCP_FIN) == 0)
			tcp_ack_or_delay(tcb, io, TCP_W_DATA);
		return;
	case TCP_CLOSE_WAIT:
	case TCP_CLOSING:
	case TCP_LAST_ACK:
	case TCP_TIME_WAIT:
		tcp_drop(io, seg, TCP_W_DATA_IGNORED);
		return;
	case TCP_CLOSED:
	case TCP_LISTEN:
	case TCP_SYN_SENT:
	case TCP_SYN_RECEIVED:
		return;
	}
}

/* FIN_WAIT_1 or FIN_WAIT_2 -> TIME_WAIT on the peer's FIN.  With TIME_WAIT
 * switched off the TCB is deleted at once, so the ACK must go first. */
static void
tcp_fin_to_time_wait(struct tcp_tcb *tcb, const struct tcp_io *io,
    enum tcp_why why)
{
	if (!io->cfg->time_wait) {
		tcp_send_ack(tcb, io, why);
		tcp_enter_time_wait(tcb, io, why);
		return;
	}
	tcp_enter_time_wait(tcb, io, why);
	tcp_send_ack(tcb, io, why);
}

/* Eighth: FIN.  Advance RCV.NXT over it, tell the reader, acknowledge. */
static void
tcp_fin(struct tcp_tcb *tcb, const struct tcp_io *io, const struct tcp_seg *seg)
{
	if ((seg->flags & TCP_FIN) == 0)
		return;
	tcb->rcv_nxt += 1;
	/* "Signal the user 'connection closing'" — in every state, even
	 * after close(), as the RFC's eighth step says; a reader that reads
	 * when it chooses learns of it by reading past the data. */
	if (io->cfg->app_read_manual && !tcb->rd_closed)
		tcb->fin_unread = true;
	else
		tcp_notify(io, TCP_N_EOF, TCP_W_FIN);
	switch (tcb->state) {
	case TCP_SYN_RECEIVED:
	case TCP_ESTABLISHED:
		tcp_set_state(tcb, io, TCP_CLOSE_WAIT, TCP_W_FIN);
		tcp_ack_fin(tcb, io, TCP_W_FIN);
		return;
	case TCP_FIN_WAIT_1:
		if (tcp_fin_acked(tcb)) {
			tcp_fin_to_time_wait(tcb, io, TCP_W_FIN_WITH_ACK);
			return;
		}
		tcp_set_state(tcb, io, TCP_CLOSING, TCP_W_FIN_SIMULTANEOUS);
		tcp_send_ack(tcb, io, TCP_W_FIN_SIMULTANEOUS);
		return;
	case TCP_FIN_WAIT_2:
		tcp_fin_to_time_wait(tcb, io, TCP_W_FIN_IN_FIN_WAIT_2);
		return;
	case TCP_TIME_WAIT:
		tcp_send_ack(tcb, io, TCP_W_TW_FIN_AGAIN);
		tcp_timer_arm(tcb, io, TCP_T_TIME_WAIT,
		    2 * (uint64_t)io->cfg->msl_ms);
		return;
	case TCP_CLOSE_WAIT:
	case TCP_CLOSING:
	case TCP_LAST_ACK:
		tcp_send_ack(tcb, io, TCP_W_FIN);
		return;
	case TCP_CLOSED:
	case TCP_LISTEN:
	case TCP_SYN_SENT:
		return;
	}
}

/* The FIN step for a FIN kept in the reassembly queue, now at RCV.NXT. */
void
tcp_fin_kept(struct tcp_tcb *tcb, const struct tcp_io *io)
{
	struct tcp_seg f = { .seq = tcb->rcv_nxt, .flags = TCP_FIN | TCP_ACK };

	tcp_fin(tcb, io, &f);
}

/* 3.10.7.3: "if there are other controls or text in the segment, continue
 * processing at the sixth step": data or a FIN riding on the SYN+ACK.  The
 * handshake's ACK goes at once even with delayed ACKs on. */
static void
tcp_syn_sent_rest(struct tcp_tcb *tcb, const struct tcp_io *io,
    const struct tcp_seg *seg)
{
	struct tcp_seg rest = *seg;

	rest.flags &= (uint8_t)~TCP_SYN;
	rest.seq++;
	if (rest.len == 0 && (rest.flags & TCP_FIN) == 0) {
		tcp_send_ack(tcb, io, TCP_W_SYNSENT_SYNACK);
		return;
	}
	tcp_text(tcb, io, &rest);
	tcp_fin(tcb, io, &rest);
	if (tcb->ack_delayed)
		tcp_send_ack(tcb, io, TCP_W_SYNSENT_SYNACK);
}

/* RFC 9293's simultaneous-open figure: our SYN+ACK and the peer's cross;
 * the peer's acknowledges our SYN, so the handshake is complete. */
static bool
tcp_crossing_synack(struct tcp_tcb *tcb, const struct tcp_io *io,
    const struct tcp_seg *seg)
{
	if (tcb->state != TCP_SYN_RECEIVED || tcb->passive ||
	    (seg->flags & (TCP_SYN | TCP_ACK | TCP_RST)) != (TCP_SYN | TCP_ACK) ||
	    seg->seq + 1 != tcb->rcv_nxt || seg->ack != tcb->snd_nxt)
		return false;
	tcp_ack_advance(tcb, io, seg->ack);
	tcp_establish(tcb, io, seg, TCP_W_SYNRCVD_SYNACK);
	if (io->cfg->linux_input)
		tcp_send_ack(tcb, io, TCP_W_SYNRCVD_SYNACK);
	return true;
}

/* Second step, on the segment as it arrived: RFC 5961 3.2 compares the
 * untrimmed SEG.SEQ, so a RST whose payload straddles RCV.NXT is not an
 * exact match and only earns a challenge ACK. */
static void
tcp_rst_step(struct tcp_tcb *tcb, const struct tcp_io *io,
    const struct tcp_seg *seg)
{
	if (seg->seq == tcb->rcv_nxt)
		tcp_rst(tcb, io);
	else if (!tcp_linux_orphan_rst(tcb, io))
		tcp_oow_ack(tcb, io, seg, true, TCP_W_RST_CHALLENGE);
}

/* Fourth step: a SYN here, wherever its sequence number lies (a payload
 * straddling RCV.NXT included), is never processed as data. */
static void
tcp_syn_step(struct tcp_tcb *tcb, const struct tcp_io *io,
    const struct tcp_seg *seg)
{
	if (tcb->state == TCP_SYN_RECEIVED && tcb->passive)
		tcp_back_to_listen(tcb, io, TCP_W_SYN_SYNRCVD_PASSIVE);
	else
		tcp_oow_ack(tcb, io, seg, true, TCP_W_SYN_CHALLENGE);
}

/*
 * 3.6.1 (SHLD-2): new data after close() has nobody to read it, so say
 * that it was lost with a reset.  The RST takes the form of 3.10.7.1,
 * <SEQ=SEG.ACK><CTL=RST>, as Linux sends it, and the TCB is deleted as
 * after an ABORT (3.10.5): nothing more will be read or sent.
 */
static bool
tcp_data_after_close(struct tcp_tcb *tcb, const struct tcp_io *io,
    const struct tcp_seg *seg)
{
	if (seg->len == 0 || !tcb->rd_closed ||
	    (tcb->state != TCP_FIN_WAIT_1 && tcb->state != TCP_FIN_WAIT_2))
		return false;
	tcp_send_rst(io, seg->ack, 0, false, TCP_W_DATA_AFTER_CLOSE);
	tcp_enter_closed(tcb, io, TCP_W_DATA_AFTER_CLOSE);
	return true;
}

/* 3.10.7.4: SYN-RECEIVED and the synchronized states. */
static void
tcp_input_other(struct tcp_tcb *tcb, const struct tcp_io *io,
    const struct tcp_seg *in)
{
	struct tcp_seg seg = *in;

	if (tcp_crossing_synack(tcb, io, &seg) ||
	    tcp_linux_input(tcb, io, &seg) || !tcp_seq_check(tcb, io, &seg))
		return;
	if (seg.flags & TCP_RST) {
		tcp_rst_step(tcb, io, &seg);
		return;
	}
	if (seg.flags & TCP_SYN) {
		tcp_syn_step(tcb, io, &seg);
		return;
	}
	if ((seg.flags & TCP_ACK) == 0) {
		tcp_drop(io, &seg, TCP_W_NO_ACK);
		return;
	}
	tcp_trim(tcb, &seg);
	if (!tcp_ack(tcb, io, &seg) || !tcp_reasm_syn_text(tcb, io) ||
	    tcp_data_after_close(tcb, io, &seg) ||
	    tcp_linux_data_after_fin(tcb, io, in))
		return;
	if ((seg.len > 0 || (seg.flags & TCP_FIN)) && seg.seq != tcb->rcv_nxt) {
		if (tcp_takes_text(tcb->state))
			tcp_reasm_add(tcb, io, &seg);
		else
			tcp_send_ack(tcb, io, TCP_W_OOO_AFTER_FIN);
		return;
	}
	if (!tcp_reasm_gap_filled(tcb, io, &seg)) {
		tcp_text(tcb, io, &seg);
		tcp_fin(tcb, io, &seg);
	}
}

void
tcp_input(struct tcp_tcb *tcb, const struct tcp_io *io,
    const struct tcp_seg *seg)
{
	switch (tcb->state) {
	case TCP_CLOSED:
		tcp_input_closed(io, seg);
		return;
	case TCP_LISTEN:
		tcp_input_listen(tcb, io, seg);
		return;
	case TCP_SYN_SENT:
		tcp_input_syn_sent(tcb, io, seg);
		return;
	case TCP_SYN_RECEIVED:
	case TCP_ESTABLISHED:
	case TCP_FIN_WAIT_1:
	case TCP_FIN_WAIT_2:
	case TCP_CLOSE_WAIT:
	case TCP_CLOSING:
	case TCP_LAST_ACK:
	case TCP_TIME_WAIT:
		tcp_input_other(tcb, io, seg);
		return;
	}
}
