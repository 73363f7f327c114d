/*
 * User calls: OPEN, SEND, CLOSE, ABORT (RFC 9293 3.10.1 to 3.10.5), plus
 * shutdown(SHUT_WR) as the half-close of 3.6.1 and a host crash.
 *
 * Deliberate simplifications of the whole core (see also tcp_input.c): no
 * payload bytes (only lengths), no urgent data, no options (so no MSS, window
 * scaling, timestamps or SACK on the wire), no congestion control (RTT
 * estimation and the linux profile's tail loss probe are in tcp_out.c and
 * tcp_timer.c), and data sent with a SYN is not supported (received out of
 * order, data is kept: tcp_reasm.c, as ranges only).  SEND is refused before
 * the connection is established instead of being queued.  The application
 * reads at once unless cfg->app_read_manual; then data waits (rcv_unread)
 * until tcp_read(), but RCV.WND still stays fixed: the window does not shrink
 * while data waits, and no window update follows a read.
 */
#include <string.h>

#include "core/tcp_internal.h"

void
tcp_init(struct tcp_tcb *tcb)
{
	memset(tcb, 0, sizeof(*tcb));
	tcb->state = TCP_CLOSED;
	tcb->rcv_wnd = 65535;
}

static enum tcp_err
tcp_check_send(const struct tcp_tcb *tcb, uint16_t nbytes)
{
	switch (tcb->state) {
	case TCP_CLOSED:
		return TCP_E_NOCONN;
	case TCP_LISTEN:
		return TCP_E_LISTENING;
	case TCP_SYN_SENT:
	case TCP_SYN_RECEIVED:
		return TCP_E_NOTCONN;
	case TCP_ESTABLISHED:
	case TCP_CLOSE_WAIT:
		if (tcb->wr_closed)
			return TCP_E_SHUT;
		/* The queue has one more slot, for the FIN of a CLOSE. */
		if (tcb->rtxq_len >= TCP_RTXQ_MAX)
			return TCP_E_QUEUE;
		if ((uint64_t)(tcb->snd_nxt - tcb->snd_una) + nbytes >
		    tcb->snd_wnd)
			return TCP_E_WINDOW;
		return TCP_OK;
	case TCP_FIN_WAIT_1:
	case TCP_FIN_WAIT_2:
	case TCP_CLOSING:
	case TCP_LAST_ACK:
	case TCP_TIME_WAIT:
		return TCP_E_CLOSING;
	}
	return TCP_E_NOCONN;
}

/* CLOSE: after shutdown() the socket may still be closed once. */
static enum tcp_err
tcp_check_close(const struct tcp_tcb *tcb)
{
	switch (tcb->state) {
	case TCP_CLOSED:
		return TCP_E_NOCONN;
	case TCP_LISTEN:
	case TCP_SYN_SENT:
	case TCP_SYN_RECEIVED:
	case TCP_ESTABLISHED:
	case TCP_CLOSE_WAIT:
		return TCP_OK;
	case TCP_FIN_WAIT_1:
	case TCP_FIN_WAIT_2:
	case TCP_CLOSING:
	case TCP_LAST_ACK:
	case TCP_TIME_WAIT:
		return tcb->rd_closed ? TCP_E_CLOSING : TCP_OK;
	}
	return TCP_E_NOCONN;
}

/* The peer's FIN has arrived: a read never waits any more. */
static bool
tcp_peer_fin_in(enum tcp_state s)
{
	return s == TCP_CLOSE_WAIT || s == TCP_CLOSING || s == TCP_LAST_ACK ||
	    s == TCP_TIME_WAIT;
}

/* RECEIVE (3.10.3): only what has arrived can be read, and end of file
 * once the peer's FIN is in; a read that would wait for more is not
 * modelled. */
static enum tcp_err
tcp_check_read(const struct tcp_tcb *tcb)
{
	switch (tcb->state) {
	case TCP_CLOSED:
		return TCP_E_NOCONN;
	case TCP_LISTEN:
	case TCP_SYN_SENT:
		return TCP_E_NOTCONN;
	case TCP_SYN_RECEIVED:
	case TCP_ESTABLISHED:
	case TCP_FIN_WAIT_1:
	case TCP_FIN_WAIT_2:
	case TCP_CLOSE_WAIT:
	case TCP_CLOSING:
	case TCP_LAST_ACK:
	case TCP_TIME_WAIT:
		if (tcb->rd_closed)
			return TCP_E_RDCLOSED;
		if (tcb->rcv_unread == 0 && !tcb->fin_unread &&
		    !tcp_peer_fin_in(tcb->state))
			return TCP_E_NODATA;
		return TCP_OK;
	}
	return TCP_E_NOCONN;
}

static enum tcp_err
tcp_check_shutdown(const struct tcp_tcb *tcb)
{
	switch (tcb->state) {
	case TCP_CLOSED:
		return TCP_E_NOCONN;
	case TCP_LISTEN:
	case TCP_SYN_SENT:
		return TCP_E_NOTCONN;
	case TCP_SYN_RECEIVED:
	case TCP_ESTABLISHED:
	case TCP_CLOSE_WAIT:
		return TCP_OK;
	case TCP_FIN_WAIT_1:
	case TCP_FIN_WAIT_2:
	case TCP_CLOSING:
	case TCP_LAST_ACK:
	case TCP_TIME_WAIT:
		return TCP_E_SHUT;
	}
	return TCP_E_NOCONN;
}

enum tcp_err
tcp_call_check(const struct tcp_tcb *tcb, enum tcp_call call, uint16_t nbytes)
{
	switch (call) {
	case TCP_CALL_LISTEN:
		return tcb->state == TCP_CLOSED ? TCP_OK : TCP_E_EXISTS;
	case TCP_CALL_CONNECT:
		return tcb->state == TCP_CLOSED || tcb->state == TCP_LISTEN ?
		    TCP_OK : TCP_E_EXISTS;
	case TCP_CALL_SEND:
		return tcp_check_send(tcb, nbytes);
	case TCP_CALL_CLOSE:
		return tcp_check_close(tcb);
	case TCP_CALL_SHUTDOWN:
		return tcp_check_shutdown(tcb);
	case TCP_CALL_ABORT:
		return tcb->state == TCP_CLOSED ? TCP_E_NOCONN : TCP_OK;
	case TCP_CALL_READ:
		return tcp_check_read(tcb);
	}
	return TCP_E_NOCONN;
}

/* 3.10.1 OPEN, passive: CLOSED -> LISTEN. */
enum tcp_err
tcp_listen(struct tcp_tcb *tcb, const struct tcp_io *io)
{
	enum tcp_err e = tcp_call_check(tcb, TCP_CALL_LISTEN, 0);

	if (e != TCP_OK)
		return e;
	tcp_init(tcb);
	tcb->rcv_wnd = io->cfg->rcv_wnd;
	tcp_set_state(tcb, io, TCP_LISTEN, TCP_W_OPEN_PASSIVE);
	return TCP_OK;
}

/* 3.10.1 OPEN, active: select an ISS, send SYN, enter SYN-SENT.  From
 * LISTEN the RFC turns the passive connection into an active one. */
enum tcp_err
tcp_connect(struct tcp_tcb *tcb, const struct tcp_io *io)
{
	enum tcp_err e = tcp_call_check(tcb, TCP_CALL_CONNECT, 0);
	enum tcp_why why = tcb->state == TCP_LISTEN ?
	    TCP_W_OPEN_LISTEN_ACTIVE : TCP_W_OPEN_ACTIVE;

	if (e != TCP_OK)
		return e;
	tcp_init(tcb);
	tcb->rcv_wnd = io->cfg->rcv_wnd;
	tcb->rto = io->cfg->rto_ms;
	tcb->iss = io->choose_iss(io->ctx);
	tcb->snd_una = tcb->iss;
	tcb->snd_nxt = tcb->iss;
	tcb->state = why == TCP_W_OPEN_LISTEN_ACTIVE ? TCP_LISTEN : TCP_CLOSED;
	tcp_set_state(tcb, io, TCP_SYN_SENT, why);
	tcp_send_new(tcb, io, TCP_SYN, 0, why);
	return TCP_OK;
}

/* 3.10.2 SEND: one PSH+ACK segment per call. */
enum tcp_err
tcp_send(struct tcp_tcb *tcb, const struct tcp_io *io, uint16_t nbytes)
{
	enum tcp_err e = tcp_call_check(tcb, TCP_CALL_SEND, nbytes);

	if (e != TCP_OK)
		return e;
	tcp_send_new(tcb, io, TCP_PSH | TCP_ACK, nbytes, TCP_W_SEND_DATA);
	return TCP_OK;
}

/* Send our FIN and move to the closing state the RFC names. */
static void
tcp_send_fin(struct tcp_tcb *tcb, const struct tcp_io *io, enum tcp_why why)
{
	enum tcp_state to = tcb->state == TCP_CLOSE_WAIT ?
	    TCP_LAST_ACK : TCP_FIN_WAIT_1;

	tcb->wr_closed = true;
	tcp_set_state(tcb, io, to, why);
	tcp_send_new(tcb, io, TCP_FIN | TCP_ACK, 0, why);
}

/*
 * 3.6.1 (SHLD-2), RFC 2525 2.17: closing with received data unread loses
 * it, so say so with a RST (the ABORT form of 3.10.5; Linux: RST+ACK at
 * SND.NXT) instead of a FIN.  A FIN alone waiting to be read is no data.
 */
static bool
tcp_close_unread(struct tcp_tcb *tcb, const struct tcp_io *io)
{
	if (tcb->rcv_unread == 0 || tcb->state == TCP_TIME_WAIT ||
	    !tcp_state_synchronized(tcb->state))
		return false;
	tcp_send_rst(io, tcb->snd_nxt, tcb->rcv_nxt,
	    io->cfg->rst_ack_on_abort, TCP_W_CLOSE_UNREAD_RST);
	tcp_enter_closed(tcb, io, TCP_W_CLOSE_UNREAD_RST);
	return true;
}

/* 3.10.4 CLOSE. */
enum tcp_err
tcp_close(struct tcp_tcb *tcb, const struct tcp_io *io)
{
	enum tcp_err e = tcp_call_check(tcb, TCP_CALL_CLOSE, 0);

	if (e != TCP_OK)
		return e;
	if (tcp_close_unread(tcb, io))
		return TCP_OK;
	switch (tcb->state) {
	case TCP_CLOSED:
		break;
	case TCP_LISTEN:
		tcp_enter_closed(tcb, io, TCP_W_CLOSE_LISTEN);
		break;
	case TCP_SYN_SENT:
		tcp_enter_closed(tcb, io, TCP_W_CLOSE_SYN_SENT);
		break;
	case TCP_SYN_RECEIVED:
	case TCP_ESTABLISHED:
	case TCP_CLOSE_WAIT:
		tcb->rd_closed = true;
		tcp_send_fin(tcb, io, tcb->state == TCP_CLOSE_WAIT ?
		    TCP_W_CLOSE_WAIT_FIN : TCP_W_CLOSE_FIN);
		break;
	case TCP_FIN_WAIT_1:
	case TCP_FIN_WAIT_2:
	case TCP_CLOSING:
	case TCP_LAST_ACK:
	case TCP_TIME_WAIT:
		/* After shutdown(): the FIN is out; the socket is now orphaned. */
		tcb->rd_closed = true;
		if (tcb->state == TCP_FIN_WAIT_2 && io->cfg->fin_wait_2_ms)
			tcp_timer_arm(tcb, io, TCP_T_FIN_WAIT_2,
			    io->cfg->fin_wait_2_ms);
		break;
	}
	return TCP_OK;
}

/* shutdown(SHUT_WR): the FIN of CLOSE, but the application keeps reading. */
enum tcp_err
tcp_shutdown(struct tcp_tcb *tcb, const struct tcp_io *io)
{
	enum tcp_err e = tcp_call_check(tcb, TCP_CALL_SHUTDOWN, 0);

	if (e != TCP_OK)
		return e;
	tcp_send_fin(tcb, io, tcb->state == TCP_CLOSE_WAIT ?
	    TCP_W_CLOSE_WAIT_FIN : TCP_W_SHUTDOWN_FIN);
	return TCP_OK;
}

/* 3.10.5 ABORT: <SEQ=SND.NXT><CTL=RST> where the peer may hold state. */
enum tcp_err
tcp_abort(struct tcp_tcb *tcb, const struct tcp_io *io)
{
	enum tcp_err e = tcp_call_check(tcb, TCP_CALL_ABORT, 0);

	if (e != TCP_OK)
		return e;
	switch (tcb->state) {
	case TCP_CLOSED:
		break;
	case TCP_LISTEN:
	case TCP_SYN_SENT:
	case TCP_CLOSING:
	case TCP_LAST_ACK:
	case TCP_TIME_WAIT:
		tcp_enter_closed(tcb, io, TCP_W_ABORT_SILENT);
		break;
	case TCP_SYN_RECEIVED:
	case TCP_ESTABLISHED:
	case TCP_FIN_WAIT_1:
	case TCP_FIN_WAIT_2:
	case TCP_CLOSE_WAIT:
		tcp_send_rst(io, tcb->snd_nxt, tcb->rcv_nxt,
		    io->cfg->rst_ack_on_abort, TCP_W_ABORT_RST);
		tcp_enter_closed(tcb, io, TCP_W_ABORT_RST);
		break;
	}
	return TCP_OK;
}

/* 3.10.3 RECEIVE with app_read_manual: hand over what waits; reading
 * past the peer's FIN is when the application learns of it, and each
 * read after that finds end of file again. */
enum tcp_err
tcp_read(struct tcp_tcb *tcb, const struct tcp_io *io, uint32_t nbytes)
{
	enum tcp_err e = tcp_call_check(tcb, TCP_CALL_READ, 0);
	struct tcp_ev ev = { .kind = TCP_EV_DATA, .why = TCP_W_APP_READ };
	bool past = nbytes == 0 || nbytes > tcb->rcv_unread;

	if (e != TCP_OK)
		return e;
	ev.bytes = past ? tcb->rcv_unread : nbytes;
	tcb->rcv_unread -= ev.bytes;
	if (ev.bytes > 0)
		io->event(io->ctx, &ev);
	if (past && tcb->rcv_unread == 0 && (tcb->fin_unread ||
	    tcp_peer_fin_in(tcb->state))) {
		tcb->fin_unread = false;
		tcp_notify(io, TCP_N_EOF, TCP_W_APP_READ_EOF);
	}
	return TCP_OK;
}

void
tcp_crash(struct tcp_tcb *tcb, const struct tcp_io *io)
{
	if (tcb->state == TCP_CLOSED) {
		tcp_init(tcb);
		return;
	}
	tcp_enter_closed(tcb, io, TCP_W_CRASH);
}
