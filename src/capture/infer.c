/*
 * One captured segment through its connection's world: what the sender's
 * application must have done, which of the model's segments it is, and
 * what the receiver's core made of it.
 *
 * Data model: the world holds both endpoints' TCBs.  For a segment from A
 * to B: (1) the flags note what is unusual (a retransmission, a gap, a
 * reset, a 3-segment close, data after a FIN), from the highest sequence
 * number each side has been seen to use; (2) an application call explains
 * new sequence space: a SYN from a closed endpoint is `connect`, new data
 * is `send`, a first FIN is `close` or `shutdown` (conn.c holds it until
 * cap_fin_decide can tell), a RST nothing asked for is `abort`;
 * (3) the oldest segment from A in flight that equals the captured one
 * (flags other than PSH, seq, ack, len) is delivered; when there is none,
 * the captured segment is injected and delivered instead, so B's core
 * always processes what B really received.  Segments from A the model
 * sent earlier and the wire never carried are dropped.  The model has no
 * timers running here (the world's clock stands still), so timeouts are
 * seen only through the segments they caused; only a delayed ACK that the
 * capture shows going alone is fired by hand (`wait timer`).
 *
 * Vantage point: states are those of a TCB that receives each segment when
 * the capture saw it.  A capture taken at the client sees the server's
 * segments when they arrive, not when they left; the server's inferred
 * times are the capture's times.
 */
#include <config.h>

#include <string.h>

#include "capture/capture.h"
#include "core/seq.h"
#include "lib/i18n.h"
#include "lib/xalloc.h"

#define FLAGS_CMP (TCP_FLAGS_ALL & ~TCP_PSH)

static enum sim_status
cap_cmd(struct cap_tracker *t, struct cap_conn *c, const struct cmd *cmd,
    const char *why)
{
	struct sim_result res;
	enum sim_status st;

	/* No memset: 320 bytes a command show in a profile of a big file. */
	res.status = SIM_OK;
	res.msg[0] = '\0';
	st = world_apply(&c->live->w, cmd, &res);
	if (st == SIM_OK && c->watched && t->obs.command != NULL)
		t->obs.command(t->obs.ctx, c, cmd, why);
	return st;
}

/* `deliver #id` or `drop #id`: as a command for the watched connection,
 * whose commands are printed; straight to its wire for the others (the
 * same effect without a command's checks, which show in a profile). */
static void
cap_wire(struct cap_tracker *t, struct cap_conn *c, enum cmd_kind kind,
    uint32_t id, const char *why)
{
	struct cmd cmd;

	if (!c->watched) {
		(void)world_wire_id(&c->live->w, kind, id);
		return;
	}
	cmd = (struct cmd){ .kind = kind, .sel = { .kind = SEL_ID, .id = id } };
	cap_cmd(t, c, &cmd, why);
}

/* An application call by host h, when the world allows it (an impossible
 * call changes nothing and is not reported). */
static bool
cap_call(struct cap_tracker *t, struct cap_conn *c, enum cmd_kind kind,
    enum sim_host_id h, uint64_t num, const char *why)
{
	struct cmd cmd = { .kind = kind, .host = h, .num = num };

	return cap_cmd(t, c, &cmd, why) == SIM_OK;
}

static void
cap_setup_isn(struct cap_tracker *t, struct cap_conn *c, enum sim_host_id h,
    uint32_t isn)
{
	struct cmd cmd = { .kind = CMD_ISN, .host = h, .nisn = 1 };

	cmd.isn[0] = isn;
	cap_cmd(t, c, &cmd, NULL);
}

/* No SYN seen: both ISNs from the first segment, and a handshake that
 * must have happened before the capture began. */
static void
cap_start_midstream(struct cap_tracker *t, struct cap_conn *c)
{
	const struct cap_pkt *k = &c->live->pending[0];
	enum sim_host_id from = memcmp(&k->src, &c->end[HOST_CLIENT],
	    sizeof(k->src)) == 0 ? HOST_CLIENT : HOST_SERVER;
	struct cmd cmd = { .kind = CMD_SETTLE };

	c->flags |= CAP_F_NO_HANDSHAKE;
	c->hs = CAP_HS_NONE;
	cap_setup_isn(t, c, from, k->seg.seq - 1);
	if (k->seg.flags & TCP_ACK)
		cap_setup_isn(t, c, (enum sim_host_id)(1 - from),
		    k->seg.ack - 1);
	cap_call(t, c, CMD_LISTEN, HOST_SERVER, 0,
	    N_("assumed: the handshake happened before the capture began"));
	cap_call(t, c, CMD_CONNECT, HOST_CLIENT, 0, NULL);
	cap_cmd(t, c, &cmd, NULL);
	if (c->watched && t->obs.segment != NULL)
		t->obs.segment(t->obs.ctx, c, NULL, DIR_C2S, 0, c->live->w.trace,
		    c->live->w.ntrace);
	world_trace_clear(&c->live->w);
}

void
cap_infer_start(struct cap_tracker *t, struct cap_conn *c)
{
	struct cmd prof = { .kind = CMD_PROFILE, .profile = PROFILE_LINUX };
	const struct cap_pkt *k = &c->live->pending[0];
	bool server_syn_ack = false;

	if (c->watched)		/* the others start from t->fresh */
		cap_cmd(t, c, &prof, NULL);
	if (c->live->npending == 0 || !(k->seg.flags & TCP_SYN)) {
		cap_start_midstream(t, c);
		return;
	}
	c->hs = CAP_HS_INCOMPLETE;
	for (int h = 0; h < 2; h++)
		if (c->isn_known[h])
			cap_setup_isn(t, c, (enum sim_host_id)h, c->isn[h]);
	/* The server listened if its first segment answers with SYN+ACK. */
	for (unsigned i = 0; i < c->live->npending; i++) {
		k = &c->live->pending[i];
		if (memcmp(&k->src, &c->end[HOST_SERVER], sizeof(k->src)) != 0)
			continue;
		server_syn_ack = (k->seg.flags & (TCP_SYN | TCP_ACK)) ==
		    (TCP_SYN | TCP_ACK);
		break;
	}
	if (server_syn_ack)
		cap_call(t, c, CMD_LISTEN, HOST_SERVER, 0,
		    N_("the server answered with SYN+ACK: it was listening"));
	world_trace_clear(&c->live->w);
	if (t->count_states)
		cap_stats_count(&t->st, c, false);
}

/* Step 1: what is unusual about the segment, from the sequence numbers
 * each side has been seen to use. */
static unsigned
cap_notes(struct cap_conn *c, const struct tcp_seg *s, enum sim_dir a)
{
	unsigned b = 1 - (unsigned)a, n = 0;
	uint32_t end = s->seq + tcp_seg_seqlen(s);

	if (c->hi_valid[a] && tcp_seg_seqlen(s) > 0 && seq_leq(end, c->hi[a]))
		n |= CAP_F_REXMIT;
	else if (c->hi_valid[a] && seq_gt(s->seq, c->hi[a]) &&
	    !(s->flags & TCP_RST))
		n |= CAP_F_GAP;
	if (!c->hi_valid[a] || seq_gt(end, c->hi[a]))
		c->hi[a] = end;
	c->hi_valid[a] = true;
	if ((s->flags & TCP_ACK) && c->hi_valid[b] && seq_gt(s->ack, c->hi[b]))
		n |= CAP_F_UNSEEN;
	if (s->flags & TCP_RST) {
		n |= CAP_F_RST;
		c->nrst++;
		c->rst_by |= 1u << a;
	}
	if (s->len > 0 && !(n & CAP_F_REXMIT) &&
	    (c->fin_seen[a] || c->fin_seen[b]))
		n |= CAP_F_DATA_AFTER_FIN;
	if ((s->flags & TCP_ACK) && c->fin_seen[b] && !c->fin_acked[b] &&
	    seq_gt(s->ack, c->fin_seq[b])) {
		/* The first acknowledgment of b's FIN rides on a's FIN. */
		if ((s->flags & TCP_FIN) && !c->fin_seen[a])
			n |= CAP_F_FIN_ACK;
		c->fin_acked[b] = true;
	}
	if ((s->flags & TCP_FIN) && !c->fin_seen[a]) {
		c->fin_seen[a] = true;
		c->fin_seq[a] = s->seq + s->len;
		if (c->first_fin < 0)
			c->first_fin = (int)a;
	}
	if (n & CAP_F_REXMIT)
		c->nrexmit++;
	c->flags |= n & ~(unsigned)CAP_F_REXMIT;
	if (n & CAP_F_REXMIT)
		c->flags |= CAP_F_REXMIT;
	return n;
}

/*
 * The model keeps at most TCP_RTXQ_MAX unacknowledged segments and 64 KiB
 * (it has no window scaling); a real sender may have far more in flight.
 * Before a call that needs room, an ACK that is not in the capture tells
 * the model's sender that everything so far arrived: bookkeeping that
 * changes no state, so that the sender's numbers keep up with the wire.
 */
static void
cap_room(struct cap_tracker *t, struct cap_conn *c, enum sim_host_id a,
    uint32_t n)
{
	const struct tcp_tcb *tcb = &c->live->w.host[a].tcb;
	struct cmd cmd;

	if ((tcb->rtxq_len + 1 < TCP_RTXQ_MAX && (uint64_t)(tcb->snd_nxt -
	    tcb->snd_una) + n <= tcb->snd_wnd) ||
	    !tcp_state_synchronized(tcb->state) || !tcb->irs_valid)
		return;
	cmd = (struct cmd){ .kind = CMD_INJECT,
	    .dir = (enum sim_dir)(1 - a) };
	cmd.seg = (struct cmd_segspec){ .flags = TCP_ACK, .has_seq = true,
	    .seq = tcb->rcv_nxt, .has_ack = true, .ack = tcb->snd_nxt,
	    .has_len = true };
	cap_cmd(t, c, &cmd, N_("not in the capture: the model keeps fewer "
	    "segments in flight than this sender; this ACK makes room"));
	cap_wire(t, c, CMD_DELIVER, c->live->w.next_id - 1, NULL);
}

/* Step 2: the application calls that explain new sequence space. */
static void
cap_calls(struct cap_tracker *t, struct cap_conn *c, const struct tcp_seg *s,
    enum sim_host_id a)
{
	const struct tcp_tcb *tcb = &c->live->w.host[a].tcb;
	uint32_t end = s->seq + s->len;

	if ((s->flags & (TCP_SYN | TCP_ACK)) == TCP_SYN &&
	    (tcb->state == TCP_CLOSED || tcb->state == TCP_LISTEN))
		cap_call(t, c, CMD_CONNECT, a, 0, NULL);
	if (s->len > 0 && !(s->flags & TCP_SYN) && seq_gt(end, tcb->snd_nxt)) {
		if (seq_gt(s->seq, tcb->snd_nxt)) {	/* bytes not seen */
			cap_room(t, c, a, s->seq - tcb->snd_nxt);
			cap_call(t, c, CMD_SEND, a, s->seq - tcb->snd_nxt,
			    N_("data the capture does not show"));
		}
		if (seq_gt(end, tcb->snd_nxt)) {
			cap_room(t, c, a, end - tcb->snd_nxt);
			cap_call(t, c, CMD_SEND, a, end - tcb->snd_nxt, NULL);
		}
	}
	if ((s->flags & TCP_FIN) && !tcb->fin_sent && !tcb->wr_closed) {
		cap_room(t, c, a, 0);
		if (c->half_close[a])
			cap_call(t, c, CMD_SHUTDOWN, a, 0, N_("a half-close: "
			    "this host acknowledged data that came after its "
			    "FIN, so it was still reading"));
		else
			cap_call(t, c, CMD_CLOSE, a, 0, NULL);
	}
}

/*
 * Both close() and shutdown(SHUT_WR) send a FIN; only what the host does
 * with new data from its peer afterwards tells them apart.  After close()
 * nobody reads it, and the host answers with a RST (RFC 9293 3.6.1; Linux
 * does so at once); after shutdown() it acknowledges the data.  Without
 * such data (the peer's FIN came first, or the capture ends) close() is
 * the explanation, as a FIN is usually a close; data left unanswered at
 * the end of the capture means no RST was seen: shutdown().
 */
bool
cap_fin_decide(struct cap_conn *c, const struct cap_pkt *held, unsigned n,
    enum sim_dir a, bool final)
{
	uint32_t acked = held[0].seg.ack;	/* what a had read at its FIN */
	bool data = false;

	for (unsigned i = 1; i < n; i++) {
		const struct tcp_seg *s = &held[i].seg;
		bool from_a = memcmp(&held[i].src, &held[0].src,
		    sizeof(held[0].src)) == 0;

		if (!from_a && s->len > 0 && !(s->flags & TCP_RST) &&
		    seq_gt(s->seq + s->len, acked))
			data = true;
		else if (!from_a && (s->flags & (TCP_FIN | TCP_RST)) && !data)
			return true;		/* the peer is done: close() */
		else if (from_a && data && (s->flags & TCP_RST))
			return true;
		else if (from_a && data && (s->flags & TCP_ACK) &&
		    seq_gt(s->ack, acked)) {
			c->half_close[a] = true;
			return true;
		}
	}
	if (!final && n < CAP_PENDING)
		return false;
	c->half_close[a] = data;
	return true;
}

/*
 * Two segments cross when each was sent before the other arrived.  A
 * capture lists them one after the other, but the second one's ACK tells:
 * it does not cover the first (RFC 9293 3.6, Figure 13 (simultaneous
 * close): the two FINs).  Only the peer's first segment after the FIN is
 * looked at, and only one that acknowledges everything before the FIN:
 * acknowledging less is a loss or a reordering, not a crossing.
 */
bool
cap_fin_crossed(const struct cap_pkt *held, unsigned n)
{
	const struct tcp_seg *fin = &held[0].seg;

	for (unsigned i = 1; i < n; i++) {
		const struct tcp_seg *s = &held[i].seg;

		if (memcmp(&held[i].src, &held[0].src, sizeof(held[0].src)) ==
		    0)
			return false;	/* the FIN's sender went on */
		return (s->flags & (TCP_ACK | TCP_RST)) == TCP_ACK &&
		    seq_geq(s->ack, fin->seq + fin->len) &&
		    seq_lt(s->ack, fin->seq + tcp_seg_seqlen(fin));
	}
	return false;
}

static bool
cap_same(const struct tcp_seg *x, const struct tcp_seg *y)
{
	return (x->flags & FLAGS_CMP) == (y->flags & FLAGS_CMP) &&
	    x->seq == y->seq && x->len == y->len &&
	    (!(x->flags & TCP_ACK) || x->ack == y->ack);
}

static const struct flight *
cap_match(const struct world *w, const struct tcp_seg *s, enum sim_dir a)
{
	for (size_t i = 0; i < w->nwire; i++)
		if (w->wire[i].dir == a && cap_same(&w->wire[i].seg, s))
			return &w->wire[i];
	return NULL;
}

/* Drop a's segments in flight that the wire did not carry: those older
 * than keep (all of them but keep when all is set). */
static void
cap_drop_unseen(struct cap_tracker *t, struct cap_conn *c, enum sim_dir a,
    uint32_t keep, bool all)
{
	for (size_t i = 0; i < c->live->w.nwire; ) {
		const struct flight *f = &c->live->w.wire[i];

		if (f->dir != a || f->id == keep || (!all && f->id > keep)) {
			i++;
			continue;
		}
		cap_wire(t, c, CMD_DROP, f->id, N_("not in the capture: the "
		    "real host did not send it"));
	}
}

/*
 * A lone ACK the model is holding back: Linux delays the ACK of data or
 * of a FIN (RFC 9293 3.8.6.3, its ATO), and when nothing rides with it the
 * delayed-ACK timer sends it alone.  The world's clock stands still here,
 * so the timer is fired by hand, only when it is the next timer of the
 * world and it would send exactly the captured segment.
 */
static void
cap_delack(struct cap_tracker *t, struct cap_conn *c, const struct tcp_seg *s,
    enum sim_dir a)
{
	const struct tcp_tcb *tcb = &c->live->w.host[a].tcb;
	struct cmd cmd = { .kind = CMD_WAIT_TIMER };
	enum sim_host_id h;
	enum tcp_timer which;
	uint64_t due;

	if (s->flags != TCP_ACK || s->len != 0 || s->seq != tcb->snd_nxt ||
	    s->ack != tcb->rcv_nxt ||
	    !world_next_timer(&c->live->w, &h, &which, &due) ||
	    h != (enum sim_host_id)a || which != TCP_T_DELACK)
		return;
	cap_cmd(t, c, &cmd, N_("the delayed ACK: nothing rode with it, so "
	    "its timer sent it alone"));
}

/*
 * A RST the model does not have in flight.  The sender's application
 * aborted, and the model's ABORT answers for it (RFC 9293 3.10.5) even
 * when its RST differs from the captured one by the ACK bit alone: RFC
 * 9293 sends <SEQ=SND.NXT><CTL=RST>, Linux adds an ACK.  A host in
 * TIME_WAIT (or CLOSED) sends no RST on ABORT: its TCB was already gone
 * (a timer the capture cannot show, or no TIME_WAIT at all), and the RST
 * answers a segment for a connection that does not exist (3.10.7.1).
 * Returns the reason the captured RST is injected, or NULL when the model
 * sends it itself (or cannot explain it).
 */
static const char *
cap_rst(struct cap_tracker *t, struct cap_conn *c, const struct tcp_seg *s,
    enum sim_host_id a)
{
	const struct world *w = &c->live->w;
	enum tcp_state st = w->host[a].tcb.state;

	if (!(s->flags & TCP_RST) || cap_match(w, s, (enum sim_dir)a) != NULL)
		return NULL;
	cap_call(t, c, CMD_ABORT, a, 0, NULL);
	if (st == TCP_TIME_WAIT || st == TCP_CLOSED)
		return N_("this host had no connection any more (its TCB "
		    "was deleted by a timer the capture cannot show): a RST "
		    "answers a segment for a connection that does not exist");
	if (cap_match(w, s, (enum sim_dir)a) != NULL)
		return NULL;
	for (size_t i = 0; i < w->nwire; i++)
		if (w->wire[i].dir == (enum sim_dir)a &&
		    (w->wire[i].seg.flags & TCP_RST) &&
		    w->wire[i].seg.seq == s->seq)
			return N_("the ABORT's RST: RFC 9293 sends it without "
			    "an ACK, Linux with one");
	return NULL;
}

/* Step 3: deliver the captured segment; returns the flight id used.  why
 * says why a segment the model did not send is not unusual. */
static uint32_t
cap_deliver(struct cap_tracker *t, struct cap_conn *c, const struct tcp_seg *s,
    enum sim_dir a, unsigned *notes, bool defer, const char *why)
{
	const struct flight *f = cap_match(&c->live->w, s, a);
	struct cmd cmd;
	uint32_t id;

	if (f == NULL) {
		cap_delack(t, c, s, a);
		f = cap_match(&c->live->w, s, a);
	}

	if (f != NULL) {
		id = f->id;
		cap_drop_unseen(t, c, a, id, false);
	} else {
		cmd = (struct cmd){ .kind = CMD_INJECT, .dir = a };
		cmd.seg = (struct cmd_segspec){ .flags = s->flags,
		    .has_seq = true, .seq = s->seq,
		    .has_ack = (s->flags & TCP_ACK) != 0, .ack = s->ack,
		    .has_len = true, .len = s->len };
		if (!(*notes & CAP_F_REXMIT) && why == NULL)
			*notes |= CAP_F_UNMODELLED;
		if (why == NULL)
			why = *notes & CAP_F_REXMIT ? N_("a retransmission: "
			    "the model's timers do not run here") :
			    N_("the model would not have sent this segment");
		cap_cmd(t, c, &cmd, why);
		id = c->live->w.next_id - 1;
		cap_drop_unseen(t, c, a, id, true);
	}
	if (c->watched && t->obs.command != NULL) {
		struct cmd ex = { .kind = CMD_EXPECT_INFLIGHT,
		    .sel = { .kind = SEL_ID, .id = id } };
		const struct flight *g = world_find(&c->live->w, &ex.sel);

		ex.seg = (struct cmd_segspec){ .flags = g->seg.flags,
		    .has_seq = true, .seq = g->seg.seq,
		    .has_ack = (g->seg.flags & TCP_ACK) != 0,
		    .ack = g->seg.ack, .has_len = true, .len = g->seg.len };
		cap_cmd(t, c, &ex, NULL);
	}
	if (defer) {
		c->live->deferred = true;
		c->live->def_id = id;
		c->live->def_f.dir = a;
	} else
		cap_wire(t, c, CMD_DELIVER, id, NULL);
	return id;
}

/* The deferred segment arrives: after the peer's crossing segment, or
 * before its own sender's next one (segments of one side keep order). */
static void
cap_undefer(struct cap_tracker *t, struct cap_conn *c)
{
	if (!c->live->deferred)
		return;
	c->live->deferred = false;
	cap_wire(t, c, CMD_DELIVER, c->live->def_id, N_("the segments "
	    "crossed: this one arrives after the peer's, which was sent "
	    "before it arrived"));
}

/* The watched connection: the world's events with the model's own sends,
 * injections and drops left out, and the captured segment put on the wire
 * where the world delivered its stand-in. */
static struct sim_ev
cap_send_ev(const struct cap_pkt *k, enum sim_dir a, unsigned notes,
    const struct flight *f)
{
	struct sim_ev s = { .kind = SIM_EV_TCP, .time = f->sent_at,
	    .host = (enum sim_host_id)a, .flight = *f };

	s.tcp = (struct tcp_ev){ .kind = TCP_EV_SEND, .seg = k->seg,
	    .why = TCP_W_NONE, .rexmit = (notes & CAP_F_REXMIT) != 0 };
	return s;
}

static void
cap_report(struct cap_tracker *t, struct cap_conn *c, const struct cap_pkt *k,
    enum sim_dir a, unsigned notes, uint32_t id)
{
	struct cap_live *l = c->live;
	uint64_t ms = cap_since(c, k) / 1000;
	size_t n = 0;
	struct flight f = { .id = (uint32_t)c->ndone, .dir = a,
	    .origin = (notes & CAP_F_REXMIT) ? ORIGIN_REXMIT : ORIGIN_SENT,
	    .sent_at = ms, .seg = k->seg };

	xgrow(&t->evs, &t->capevs, l->w.ntrace + 3, sizeof(*t->evs));
	if (l->deferred && l->def_id == id) {	/* sent, not yet arrived */
		l->def_f = f;
		t->evs[n++] = cap_send_ev(k, a, notes, &f);
	}
	for (size_t i = 0; i < l->w.ntrace; i++) {
		struct sim_ev e = l->w.trace[i];

		e.time = ms;
		if (e.kind == SIM_EV_DELIVER && e.flight.id == id) {
			t->evs[n++] = cap_send_ev(k, a, notes, &f);
			e.flight = f;
		} else if (e.kind == SIM_EV_DELIVER && l->def_id != 0 &&
		    e.flight.id == l->def_id)
			e.flight = l->def_f;
		else if (e.kind != SIM_EV_TCP || e.tcp.kind == TCP_EV_SEND)
			continue;
		t->evs[n++] = e;
	}
	t->obs.segment(t->obs.ctx, c, k, a, notes, t->evs, n);
}

/* After a segment: `expect` each host whose state it changed. */
static void
cap_expect_states(struct cap_tracker *t, struct cap_conn *c,
    const enum tcp_state before[2])
{
	for (int h = 0; h < 2; h++) {
		struct cmd cmd = { .kind = CMD_EXPECT_STATE,
		    .host = (enum sim_host_id)h,
		    .state = c->live->w.host[h].tcb.state };

		if (cmd.state != before[h])
			cap_cmd(t, c, &cmd, NULL);
	}
}

static void
cap_handshake(struct cap_conn *c, const struct tcp_seg *s, enum sim_dir a,
    enum tcp_state client_before)
{
	if (c->hs == CAP_HS_INCOMPLETE &&
	    tcp_state_synchronized(c->live->w.host[HOST_CLIENT].tcb.state) &&
	    tcp_state_synchronized(c->live->w.host[HOST_SERVER].tcb.state))
		c->hs = CAP_HS_COMPLETE;
	if (c->hs == CAP_HS_INCOMPLETE && a == DIR_S2C &&
	    (s->flags & TCP_RST) && client_before == TCP_SYN_SENT)
		c->hs = CAP_HS_REFUSED;
}

void
cap_infer(struct cap_tracker *t, struct cap_conn *c, const struct cap_pkt *k,
    enum sim_dir a)
{
	const struct tcp_seg *s = &k->seg;
	enum sim_host_id h = (enum sim_host_id)a;
	enum tcp_state before[2] = { c->live->w.host[0].tcb.state,
	    c->live->w.host[1].tcb.state };
	unsigned notes = cap_notes(c, s, a);
	bool defer = c->live->cross_next;
	uint32_t id;

	c->ndone++;
	c->live->cross_next = false;
	if (c->live->deferred && c->live->def_f.dir == a)
		cap_undefer(t, c);
	else if (c->live->deferred)
		notes |= CAP_F_CROSSED;
	cap_calls(t, c, s, h);
	id = cap_deliver(t, c, s, a, &notes, defer, cap_rst(t, c, s, h));
	if (!defer)
		cap_undefer(t, c);
	c->flags |= notes & (CAP_F_UNMODELLED | CAP_F_CROSSED);
	cap_handshake(c, s, a, before[HOST_CLIENT]);
	if (c->watched) {
		cap_expect_states(t, c, before);
		if (t->obs.segment != NULL)
			cap_report(t, c, k, a, notes, id);
		world_trace_clear(&c->live->w);
	}
	/* Counted after each segment, not each packet: segments held
	 * together (a SYN until its SYN+ACK, a first FIN until close and
	 * shutdown can be told apart) pass through states of their own. */
	if (t->count_states)
		cap_stats_count(&t->st, c, false);
	/* Both ends wait after crossing FINs: not the server's doing. */
	if (c->live->w.host[HOST_SERVER].tcb.state == TCP_TIME_WAIT &&
	    !(c->flags & CAP_F_CROSSED))
		c->flags |= CAP_F_SERVER_TW;
}
