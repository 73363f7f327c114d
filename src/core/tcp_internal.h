/*
 * Helpers shared by the core's files.  Not for use outside src/core.
 *
 * tcp_set_state() is the only writer of tcb->state; every caller passes the
 * reason, and the reason names the RFC section.
 */
#ifndef TCPTEACH_CORE_TCP_INTERNAL_H
#define TCPTEACH_CORE_TCP_INTERNAL_H

#include "core/seq.h"
#include "core/tcp.h"

void tcp_set_state(struct tcp_tcb *tcb, const struct tcp_io *io,
    enum tcp_state to, enum tcp_why why);
void tcp_notify(const struct tcp_io *io, enum tcp_notice n, enum tcp_why why);
void tcp_drop(const struct tcp_io *io, const struct tcp_seg *seg,
    enum tcp_why why);

/* Output. */
void tcp_output(struct tcp_tcb *tcb, const struct tcp_io *io, uint8_t flags,
    uint32_t seq, uint16_t len, enum tcp_why why);
void tcp_send_ack(struct tcp_tcb *tcb, const struct tcp_io *io,
    enum tcp_why why);

/* ACK timing (tcp_delack.c). */
void tcp_ack_or_delay(struct tcp_tcb *tcb, const struct tcp_io *io,
    enum tcp_why why);
void tcp_ack_fin(struct tcp_tcb *tcb, const struct tcp_io *io,
    enum tcp_why why);
void tcp_delack_data_in(struct tcp_tcb *tcb, const struct tcp_io *io,
    const struct tcp_seg *seg);
void tcp_delack_data_out(struct tcp_tcb *tcb, const struct tcp_io *io);
void tcp_delack_ack_out(struct tcp_tcb *tcb, const struct tcp_io *io);
void tcp_delack_fire(struct tcp_tcb *tcb, const struct tcp_io *io);

void tcp_send_rst(const struct tcp_io *io, uint32_t seq, uint32_t ack,
    bool with_ack, enum tcp_why why);
void tcp_send_new(struct tcp_tcb *tcb, const struct tcp_io *io,
    uint8_t flags, uint16_t len, enum tcp_why why);
void tcp_retransmit(struct tcp_tcb *tcb, const struct tcp_io *io, unsigned i,
    enum tcp_why why);
void tcp_rexmt_schedule(struct tcp_tcb *tcb, const struct tcp_io *io,
    bool advancing);

/* Acknowledgment of what we sent. */
void tcp_ack_advance(struct tcp_tcb *tcb, const struct tcp_io *io,
    uint32_t ack);
bool tcp_fin_acked(const struct tcp_tcb *tcb);
uint32_t tcp_rto_base(const struct tcp_tcb *tcb, const struct tcp_config *cfg);

/* Timers. */
void tcp_timer_arm(struct tcp_tcb *tcb, const struct tcp_io *io,
    enum tcp_timer t, uint64_t delay);
void tcp_timer_stop(struct tcp_tcb *tcb, const struct tcp_io *io,
    enum tcp_timer t);

/* Endings: delete the TCB, or a passive TCB's return to LISTEN. */
void tcp_enter_closed(struct tcp_tcb *tcb, const struct tcp_io *io,
    enum tcp_why why);
void tcp_back_to_listen(struct tcp_tcb *tcb, const struct tcp_io *io,
    enum tcp_why why);
void tcp_enter_time_wait(struct tcp_tcb *tcb, const struct tcp_io *io,
    enum tcp_why why);
void tcp_establish(struct tcp_tcb *tcb, const struct tcp_io *io,
    const struct tcp_seg *seg, enum tcp_why why);

/* The reassembly queue (tcp_reasm.c). */
bool tcp_reasm_pending(const struct tcp_tcb *tcb);
void tcp_reasm_clear(struct tcp_tcb *tcb);
void tcp_reasm_add(struct tcp_tcb *tcb, const struct tcp_io *io,
    const struct tcp_seg *seg);
void tcp_reasm_syn(struct tcp_tcb *tcb, const struct tcp_seg *seg);
uint32_t tcp_reasm_take(struct tcp_tcb *tcb, uint32_t end, bool *fin);
bool tcp_reasm_gap_filled(struct tcp_tcb *tcb, const struct tcp_io *io,
    const struct tcp_seg *seg);
bool tcp_reasm_syn_text(struct tcp_tcb *tcb, const struct tcp_io *io);
bool tcp_takes_text(enum tcp_state s);
void tcp_deliver(struct tcp_tcb *tcb, const struct tcp_io *io, uint32_t n);
void tcp_fin_kept(struct tcp_tcb *tcb, const struct tcp_io *io);
const char *tcp_reasm_check(const struct tcp_tcb *tcb);

/* The linux profile's input path (tcp_linux.c); each is a no-op returning
 * false, or a plain ACK, unless cfg->linux_input. */
void tcp_oow_ack(struct tcp_tcb *tcb, const struct tcp_io *io,
    const struct tcp_seg *seg, bool challenge, enum tcp_why why);
bool tcp_linux_input(struct tcp_tcb *tcb, const struct tcp_io *io,
    const struct tcp_seg *seg);
bool tcp_linux_rst_minus_one(struct tcp_tcb *tcb, const struct tcp_io *io,
    const struct tcp_seg *seg);
bool tcp_linux_orphan_rst(struct tcp_tcb *tcb, const struct tcp_io *io);
bool tcp_linux_data_after_fin(struct tcp_tcb *tcb, const struct tcp_io *io,
    const struct tcp_seg *in);
bool tcp_linux_ack_too_old(struct tcp_tcb *tcb, const struct tcp_io *io,
    const struct tcp_seg *seg);

#endif
