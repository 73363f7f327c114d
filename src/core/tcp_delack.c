/*
 * When an ACK goes out: at once, or held by the delayed-ACK timer so that
 * it can ride on the next segment we send (RFC 9293 3.8.6.3).
 *
 * Two policies.  The simple one (`set delayed_ack on` in the rfc9293
 * profile) holds the ACK of data or a FIN for delack_ms.  The Linux one
 * (the linux profile) follows net/ipv4/tcp_input.c and tcp_output.c:
 *
 * - The first data starts "quick-ack" mode: up to 16 ACKs go at once
 *   (tcp_incr_quickack), and so does every ACK when more than one full
 *   segment waits for it (__tcp_ack_snd_check).
 * - Sending data within the ATO of the last arrival marks the connection
 *   interactive ("pingpong", tcp_event_data_sent); so does a FIN arriving
 *   in ESTABLISHED (tcp_fin).  Then quick-acks stop and the ACK waits for
 *   our reply: the 3-segment close (FIN, FIN+ACK, ACK) of real captures.
 * - The timeout is the ATO, 40 ms (TCP_ATO_MIN) once data has arrived,
 *   adapted to the arrival gaps and capped by the RTT and 200 ms
 *   (tcp_event_data_recv, tcp_send_delayed_ack).  Before any data it is 0:
 *   the timer fires at the next clock tick, modelled as 4 ms (HZ 250).
 * - A segment that ends a write (shorter than the largest so far, or with
 *   PSH since Linux 6.7) is acknowledged as soon as the application reads
 *   it unless the connection is interactive, and a second short one while
 *   an ACK is held always is (tcp_cleanup_rbuf); the application here
 *   reads at once.  So in practice data with PSH is acknowledged at once
 *   unless the connection is interactive.
 * - When the timer fires, an interactive connection stops being one and
 *   the ATO falls back to 40 ms; otherwise the ATO doubles, up to the RTO.
 *
 * Not modelled: the receive window's effect (rcv_wup), SACK and
 * out-of-order data, TCP_QUICKACK, and the ATO's exact jiffy rounding.
 */
#include "core/tcp_internal.h"

#define TCP_ATO_MIN_MS 40	/* TCP_ATO_MIN: HZ / 25 */
#define TCP_DELACK_MAX_MS 200	/* TCP_DELACK_MAX: HZ / 5 */
#define TCP_TICK_MS 4		/* one jiffy at HZ 250 */
#define TCP_MSS_DEFAULT 536	/* the first guess of rcv_mss */
#define TCP_ADVMSS 1460		/* MSS of a 1500-byte link, no options */

static bool
tcp_linux_ack(const struct tcp_config *cfg)
{
	return cfg->delayed_ack && cfg->linux_ack;
}

/* tcp_incr_quickack(): about a window's worth of ACKs at once. */
static void
tcp_incr_quickack(struct tcp_tcb *tcb)
{
	uint32_t mss = tcb->rcv_mss ? tcb->rcv_mss : TCP_MSS_DEFAULT;
	uint32_t q = tcb->rcv_wnd / (2 * mss);

	if (q == 0)
		q = 2;
	if (q > TCP_MAX_QUICKACKS)
		q = TCP_MAX_QUICKACKS;
	if (q > tcb->quick)
		tcb->quick = q;
}

/* tcp_measure_rcv_mss(): a segment shorter than the largest so far, or
 * (since Linux 6.7) a full one with PSH, ends a write: ACK it when read. */
static void
tcp_measure_rcv_mss(struct tcp_tcb *tcb, const struct tcp_seg *seg)
{
	if (tcb->rcv_mss == 0)
		tcb->rcv_mss = TCP_MSS_DEFAULT;
	if (seg->len >= tcb->rcv_mss) {
		tcb->rcv_mss = seg->len < TCP_ADVMSS ? seg->len : TCP_ADVMSS;
		if (seg->flags & TCP_PSH)
			tcb->ack_pushed = true;
		return;
	}
	tcb->ack_pushed2 = tcb->ack_pushed;
	tcb->ack_pushed = true;
}

/* tcp_event_data_recv(): in-order data. */
void
tcp_delack_data_in(struct tcp_tcb *tcb, const struct tcp_io *io,
    const struct tcp_seg *seg)
{
	uint64_t m;

	if (!tcp_linux_ack(io->cfg) || seg->len == 0)
		return;
	tcb->ack_owed = true;
	tcb->rcv_unacked += seg->len;
	tcp_measure_rcv_mss(tcb, seg);
	m = io->now - tcb->lrcvtime;
	if (tcb->ato == 0) {
		tcp_incr_quickack(tcb);
		tcb->ato = TCP_ATO_MIN_MS;
	} else if (m <= TCP_ATO_MIN_MS / 2) {
		tcb->ato = tcb->ato / 2 + TCP_ATO_MIN_MS / 2;
	} else if (m < tcb->ato) {
		tcb->ato = tcb->ato / 2 + (uint32_t)m;
		if (tcb->ato > tcb->rto)
			tcb->ato = tcb->rto;
	} else if (m > tcb->rto) {
		tcp_incr_quickack(tcb);
	}
	tcb->lrcvtime = io->now;
}

/* tcp_event_data_sent(): a reply within the ATO makes us interactive. */
void
tcp_delack_data_out(struct tcp_tcb *tcb, const struct tcp_io *io)
{
	if (tcp_linux_ack(io->cfg) && io->now - tcb->lrcvtime < tcb->ato)
		tcb->pingpong = true;
}

/* tcp_event_ack_sent() and tcp_dec_quickack_mode(): an ACK went out. */
void
tcp_delack_ack_out(struct tcp_tcb *tcb, const struct tcp_io *io)
{
	if (tcb->ack_delayed) {
		tcb->ack_delayed = false;
		tcp_timer_stop(tcb, io, TCP_T_DELACK);
	}
	if (tcb->ack_owed && tcb->quick > 0 && --tcb->quick == 0)
		tcb->ato = TCP_ATO_MIN_MS;
	tcb->ack_owed = false;
	tcb->ack_pushed = tcb->ack_pushed2 = false;
	tcb->rcv_unacked = 0;
}

/* tcp_send_delayed_ack(): how long to hold the ACK. */
static uint32_t
tcp_delack_timeout(const struct tcp_tcb *tcb)
{
	uint32_t ato = tcb->ato, max_ato = 500, rtt;

	if (ato > TCP_ATO_MIN_MS) {
		if (tcb->pingpong || tcb->ack_pushed)
			max_ato = TCP_DELACK_MAX_MS;
		if (tcb->rtt_valid) {
			rtt = tcb->srtt > TCP_ATO_MIN_MS ? tcb->srtt :
			    TCP_ATO_MIN_MS;
			if (rtt < max_ato)
				max_ato = rtt;
		}
		if (ato > max_ato)
			ato = max_ato;
	}
	if (ato > TCP_DELACK_MAX_MS)
		ato = TCP_DELACK_MAX_MS;
	return ato ? ato : TCP_TICK_MS;
}

static void
tcp_delack_hold(struct tcp_tcb *tcb, const struct tcp_io *io, uint32_t ato,
    enum tcp_why why)
{
	uint64_t due = io->now + ato;

	if (tcb->ack_delayed) {
		/* Keep the earlier timeout; one about to expire sends now. */
		if (tcb->due[TCP_T_DELACK] <= io->now + ato / 4) {
			tcp_send_ack(tcb, io, why);
			return;
		}
		if (tcb->due[TCP_T_DELACK] <= due)
			return;
	}
	tcb->ack_delayed = true;
	tcp_timer_arm(tcb, io, TCP_T_DELACK, ato);
}

/* __tcp_ack_snd_check() after data or a FIN, then the application's read
 * (tcp_cleanup_rbuf). */
static void
tcp_delack_linux(struct tcp_tcb *tcb, const struct tcp_io *io,
    enum tcp_why why)
{
	if (tcb->rcv_unacked > (tcb->rcv_mss ? tcb->rcv_mss :
	    TCP_MSS_DEFAULT) || (tcb->quick > 0 && !tcb->pingpong) ||
	    tcb->ack_pushed2 || (tcb->ack_pushed && !tcb->pingpong)) {
		tcp_send_ack(tcb, io, why);
		return;
	}
	tcp_delack_hold(tcb, io, tcp_delack_timeout(tcb), why);
}

/*
 * With delayed_ack on, the ACK of data or a FIN may wait so it can ride on
 * the next segment we send.  The simple policy holds it delack_ms, and
 * only while this side may still send: after our FIN nothing will carry
 * it.
 */
void
tcp_ack_or_delay(struct tcp_tcb *tcb, const struct tcp_io *io,
    enum tcp_why why)
{
	if (!io->cfg->delayed_ack) {
		tcp_send_ack(tcb, io, why);
		return;
	}
	if (io->cfg->linux_ack) {
		tcp_delack_linux(tcb, io, why);
		return;
	}
	if (tcb->wr_closed) {
		tcp_send_ack(tcb, io, why);
		return;
	}
	tcb->ack_owed = true;
	if (!tcb->ack_delayed) {
		tcb->ack_delayed = true;
		tcp_timer_arm(tcb, io, TCP_T_DELACK, io->cfg->delack_ms);
	}
}

/* tcp_fin(): a FIN in ESTABLISHED (or SYN_RECEIVED) makes Linux expect
 * our answer soon, so it holds the ACK for it (pingpong). */
void
tcp_ack_fin(struct tcp_tcb *tcb, const struct tcp_io *io, enum tcp_why why)
{
	if (tcp_linux_ack(io->cfg)) {
		tcb->ack_owed = true;
		tcb->pingpong = true;
	}
	tcp_ack_or_delay(tcb, io, why);
}

/* tcp_delack_timer_handler(): the held ACK goes out. */
void
tcp_delack_fire(struct tcp_tcb *tcb, const struct tcp_io *io)
{
	tcb->ack_delayed = false;
	if (tcp_linux_ack(io->cfg) && tcb->ack_owed) {
		if (tcb->pingpong) {
			tcb->pingpong = false;
			tcb->ato = TCP_ATO_MIN_MS;
		} else {
			tcb->ato = tcb->ato * 2 < tcb->rto ? tcb->ato * 2 :
			    tcb->rto;
		}
	}
	tcp_send_ack(tcb, io, TCP_W_DELACK);
}
