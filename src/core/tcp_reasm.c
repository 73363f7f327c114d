/*
 * The reassembly queue (RFC 9293 3.10.7.4, SHLD-31: segments with higher
 * beginning sequence numbers than RCV.NXT SHOULD be held for later
 * processing; Linux keeps them in its out-of-order queue,
 * tcp_data_queue_ofo).
 *
 * Data model: tcpteach moves no payload, so the queue is a list of
 * sequence ranges, tcb->reasm[0 .. reasm_len), sorted, disjoint and not
 * touching (neighbours are merged), each starting beyond RCV.NXT and
 * ending inside the receive window; at most TCP_REASM_MAX of them (a
 * segment that would need one more is discarded, as a full queue must).
 * A FIN that arrived ahead of the data before it is kept apart
 * (reasm_fin, at reasm_fin_seq); nothing is kept past it.  When a segment
 * at RCV.NXT arrives, tcp_reasm_take() hands back how much of the queue
 * now follows on without a gap, and whether the queued FIN comes next.
 * Only the data-receiving states hold a queue, and SYN-RECEIVED, where
 * the rfc9293 profile keeps the text of a SYN until the handshake is done
 * (3.10.7.2: "queued for processing later"); until our SYN is
 * acknowledged (also in a FIN-WAIT-1 reached by a CLOSE from
 * SYN-RECEIVED) a range may start at RCV.NXT itself.  The seventh step's
 * delivery to the application (tcp_deliver) lives here too, since the
 * queue is what feeds it besides the segment at hand.
 */
#include "core/tcp_internal.h"

/* Offsets from RCV.NXT: the window is at most 65535, so they never wrap. */
static uint32_t
tcp_reasm_off(const struct tcp_tcb *tcb, uint32_t seq)
{
	return seq - tcb->rcv_nxt;
}

bool
tcp_reasm_pending(const struct tcp_tcb *tcb)
{
	return tcb->reasm_len > 0 || tcb->reasm_fin;
}

void
tcp_reasm_clear(struct tcp_tcb *tcb)
{
	tcb->reasm_len = 0;
	tcb->reasm_fin = false;
}

/* Where the last kept byte ends, as an offset (0 with no data kept). */
static uint32_t
tcp_reasm_end(const struct tcp_tcb *tcb)
{
	const struct tcp_range *r;

	if (tcb->reasm_len == 0)
		return 0;
	r = &tcb->reasm[tcb->reasm_len - 1];
	return tcp_reasm_off(tcb, r->seq) + r->len;
}

/* Merge [s, e) (offsets) into the queue; false if it would need a range
 * more than the queue holds (the queue is then unchanged). */
static bool
tcp_reasm_insert(struct tcp_tcb *tcb, uint32_t s, uint32_t e)
{
	struct tcp_range out[TCP_REASM_MAX + 1];
	unsigned n = 0;
	bool placed = false;

	for (unsigned i = 0; i < tcb->reasm_len; i++) {
		uint32_t rs = tcp_reasm_off(tcb, tcb->reasm[i].seq);
		uint32_t re = rs + tcb->reasm[i].len;

		if (re < s) {
			out[n++] = tcb->reasm[i];
		} else if (rs > e) {
			if (!placed)
				out[n++] = (struct tcp_range){
				    tcb->rcv_nxt + s, e - s };
			placed = true;
			out[n++] = tcb->reasm[i];
		} else {
			s = rs < s ? rs : s;
			e = re > e ? re : e;
		}
	}
	if (!placed)
		out[n++] = (struct tcp_range){ tcb->rcv_nxt + s, e - s };
	if (n > TCP_REASM_MAX)
		return false;
	for (unsigned i = 0; i < n; i++)
		tcb->reasm[i] = out[i];
	tcb->reasm_len = n;
	return true;
}

/* Keep what the segment brings (cut at the window and at a FIN already
 * kept); a FIN is kept only if no kept data lies beyond it.  False when
 * the queue is full. */
static bool
tcp_reasm_keep(struct tcp_tcb *tcb, const struct tcp_seg *seg)
{
	uint32_t s = tcp_reasm_off(tcb, seg->seq), e = s + seg->len;
	bool fin = (seg->flags & TCP_FIN) != 0;

	if (e > tcb->rcv_wnd) {
		e = tcb->rcv_wnd;
		fin = false;
	}
	if (tcb->reasm_fin) {
		uint32_t f = tcp_reasm_off(tcb, tcb->reasm_fin_seq);

		e = e < f ? e : f;
		fin = false;
	}
	if (s < e && !tcp_reasm_insert(tcb, s, e))
		return false;
	if (fin && e < tcb->rcv_wnd && tcp_reasm_end(tcb) <= e) {
		tcb->reasm_fin = true;
		tcb->reasm_fin_seq = tcb->rcv_nxt + e;
	}
	return true;
}

/* A segment beyond RCV.NXT (already trimmed, in the window): keep it and
 * send the duplicate ACK at once that tells the sender of the gap. */
void
tcp_reasm_add(struct tcp_tcb *tcb, const struct tcp_io *io,
    const struct tcp_seg *seg)
{
	if (tcp_reasm_keep(tcb, seg))
		tcp_send_ack(tcb, io, TCP_W_OUT_OF_ORDER);
	else
		tcp_send_ack(tcb, io, TCP_W_REASM_FULL);
}

/* rfc9293: the text and FIN riding on a SYN, kept until ESTABLISHED. */
void
tcp_reasm_syn(struct tcp_tcb *tcb, const struct tcp_seg *seg)
{
	struct tcp_seg rest = *seg;

	rest.seq++;
	if (rest.len > 0 || (rest.flags & TCP_FIN))
		(void)tcp_reasm_keep(tcb, &rest);
}

/* The in-order data now ends at `end`: take the kept ranges that follow
 * on from it, and the FIN if it comes right after.  Returns the number
 * of bytes taken beyond `end`. */
uint32_t
tcp_reasm_take(struct tcp_tcb *tcb, uint32_t end, bool *fin)
{
	uint32_t extra = 0;
	unsigned k = 0;

	while (k < tcb->reasm_len && seq_leq(tcb->reasm[k].seq, end)) {
		uint32_t re = tcb->reasm[k].seq + tcb->reasm[k].len;

		if (seq_gt(re, end)) {
			extra += re - end;
			end = re;
		}
		k++;
	}
	for (unsigned i = k; i < tcb->reasm_len; i++)
		tcb->reasm[i - k] = tcb->reasm[i];
	tcb->reasm_len -= k;
	*fin = tcb->reasm_fin && tcb->reasm_fin_seq == end;
	/* Taken now, or overrun by data that came in order: a FIN that
	 * is not where the stream ends is forgotten. */
	if (tcb->reasm_fin && seq_leq(tcb->reasm_fin_seq, end))
		tcb->reasm_fin = false;
	return extra;
}

bool
tcp_takes_text(enum tcp_state s)
{
	return s == TCP_ESTABLISHED || s == TCP_FIN_WAIT_1 ||
	    s == TCP_FIN_WAIT_2;
}

/*
 * In-order data while data beyond it is kept: deliver the segment and all
 * that now follows on from it, then the kept FIN if it comes next, and
 * acknowledge at once (RFC 5681 4.2: an ACK without delay for a segment
 * that fills a gap; Linux sets ICSK_ACK_NOW), one ACK for the lot.  A FIN
 * here ends the stream, so whatever was kept beyond it is forgotten.
 */
bool
tcp_reasm_gap_filled(struct tcp_tcb *tcb, const struct tcp_io *io,
    const struct tcp_seg *seg)
{
	uint32_t n;
	bool fin;

	if (!tcp_reasm_pending(tcb) || !tcp_takes_text(tcb->state))
		return false;
	if (seg->flags & TCP_FIN) {
		tcp_reasm_clear(tcb);
		return false;
	}
	if (seg->len == 0)
		return false;
	n = tcp_reasm_take(tcb, tcb->rcv_nxt + seg->len, &fin);
	tcp_deliver(tcb, io, seg->len + n);
	tcp_delack_data_in(tcb, io, seg);
	if (fin)
		tcp_fin_kept(tcb, io);
	if (!fin || tcb->ack_delayed)
		tcp_send_ack(tcb, io, tcp_reasm_pending(tcb) ?
		    TCP_W_REASM_PARTIAL : TCP_W_REASM_FILLED);
	return true;
}

/* Hand received bytes to the application, or keep them for its read. */
void
tcp_deliver(struct tcp_tcb *tcb, const struct tcp_io *io, uint32_t n)
{
	struct tcp_ev ev = { .kind = TCP_EV_DATA, .why = TCP_W_DATA,
	    .bytes = n };

	tcb->rcv_nxt += n;
	if (io->cfg->app_read_manual)
		tcb->rcv_unread += n;	/* waits for a read */
	else
		io->event(io->ctx, &ev);
}

/* 3.10.7.2: the text (and FIN) of the SYN, kept since LISTEN, is
 * processed once our SYN is acknowledged (ESTABLISHED, or FIN-WAIT-1
 * after a CLOSE in SYN-RECEIVED).  False if the TCB is gone. */
bool
tcp_reasm_syn_text(struct tcp_tcb *tcb, const struct tcp_io *io)
{
	uint32_t n;
	bool fin;

	if (!tcp_reasm_pending(tcb) || tcb->snd_una == tcb->iss ||
	    !tcp_takes_text(tcb->state))
		return true;
	n = tcp_reasm_take(tcb, tcb->rcv_nxt, &fin);
	if (n > 0)
		tcp_deliver(tcb, io, n);
	if (fin)
		tcp_fin_kept(tcb, io);
	else if (n > 0)
		tcp_send_ack(tcb, io, TCP_W_SYN_TEXT);
	return tcb->state != TCP_CLOSED;
}

static bool
tcp_reasm_state(enum tcp_state s)
{
	return s == TCP_SYN_RECEIVED || s == TCP_ESTABLISHED ||
	    s == TCP_FIN_WAIT_1 || s == TCP_FIN_WAIT_2;
}

/* Invariants of the queue, for tcp_check(). */
const char *
tcp_reasm_check(const struct tcp_tcb *tcb)
{
	uint32_t min = tcb->snd_una == tcb->iss ? 0 : 1, prev = 0;

	if (!tcp_reasm_pending(tcb))
		return NULL;
	if (!tcp_reasm_state(tcb->state))
		return "reassembly queue in a state that takes no data";
	if (tcb->reasm_len > TCP_REASM_MAX)
		return "reassembly queue overflowed";
	for (unsigned i = 0; i < tcb->reasm_len; i++) {
		uint32_t s = tcp_reasm_off(tcb, tcb->reasm[i].seq);

		if (tcb->reasm[i].len == 0 || s < min ||
		    s > tcb->rcv_wnd || tcb->reasm[i].len > tcb->rcv_wnd - s)
			return "reassembly range empty, at or before RCV.NXT, "
			    "or outside the window";
		if (i > 0 && s <= prev)
			return "reassembly ranges unsorted, overlapping or "
			    "touching";
		prev = s + tcb->reasm[i].len;
	}
	if (tcb->reasm_fin) {
		uint32_t f = tcp_reasm_off(tcb, tcb->reasm_fin_seq);

		if (f < min || f >= tcb->rcv_wnd || tcp_reasm_end(tcb) > f)
			return "kept FIN at or before RCV.NXT, outside the "
			    "window, or before kept data";
	}
	return NULL;
}
