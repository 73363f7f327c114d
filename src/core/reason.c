/*
 * The reason table: for each enum tcp_why, the RFC section that prescribes
 * the behaviour and a short English clause (a msgid).  Sections are RFC 9293
 * unless they name another RFC.
 */
#include "core/reason.h"

struct tcp_why_entry {
	const char *rfc;
	const char *text;
};

static const struct tcp_why_entry tcp_why_table[TCP_NWHY] = {
	[TCP_W_NONE] = { "", "" },
	[TCP_W_OPEN_PASSIVE] = { "3.10.1", N_("passive OPEN: waiting for a SYN") },
	[TCP_W_OPEN_ACTIVE] = { "3.10.1", N_("active OPEN: SYN sent") },
	[TCP_W_OPEN_LISTEN_ACTIVE] = { "3.10.1",
	    N_("active OPEN on a listening socket: SYN sent") },
	[TCP_W_SEND_DATA] = { "3.10.2", N_("application data sent") },
	[TCP_W_CLOSE_LISTEN] = { "3.10.4", N_("CLOSE in LISTEN: TCB deleted") },
	[TCP_W_CLOSE_SYN_SENT] = { "3.10.4",
	    N_("CLOSE in SYN-SENT: TCB deleted, no segment") },
	[TCP_W_CLOSE_FIN] = { "3.10.4", N_("CLOSE: FIN sent") },
	[TCP_W_CLOSE_WAIT_FIN] = { "3.10.4",
	    N_("CLOSE after the peer's FIN: our FIN sent") },
	[TCP_W_CLOSE_AFTER_SHUTDOWN] = { "3.10.4",
	    N_("CLOSE after shutdown: the application stops reading") },
	[TCP_W_SHUTDOWN_FIN] = { "3.6.1",
	    N_("shutdown (half-close): FIN sent, still reading") },
	[TCP_W_ABORT_RST] = { "3.10.5", N_("ABORT: RST sent, TCB deleted") },
	[TCP_W_CLOSE_UNREAD_RST] = { "3.6.1",
	    N_("CLOSE with received data still unread: RST sent instead of "
	    "FIN, TCB deleted (the data is lost)") },
	[TCP_W_APP_READ] = { "3.10.3",
	    N_("RECEIVE: the application reads waiting data") },
	[TCP_W_APP_READ_EOF] = { "3.10.3",
	    N_("RECEIVE: the application reads past the peer's FIN") },
	[TCP_W_ABORT_SILENT] = { "3.10.5", N_("ABORT: TCB deleted, no segment") },
	[TCP_W_CRASH] = { "3.5.2", N_("host crashed: all connection state lost") },
	[TCP_W_CLOSED_RST_REPLY] = { "3.10.7.1",
	    N_("segment for a connection that does not exist: RST sent") },
	[TCP_W_CLOSED_RST_DROP] = { "3.10.7.1",
	    N_("RST for a connection that does not exist: discarded") },
	[TCP_W_LISTEN_RST] = { "3.10.7.2", N_("RST in LISTEN: ignored") },
	[TCP_W_LISTEN_ACK] = { "3.10.7.2",
	    N_("ACK in LISTEN acknowledges nothing we sent: RST sent") },
	[TCP_W_LISTEN_SYN] = { "3.10.7.2", N_("SYN in LISTEN: SYN+ACK sent") },
	[TCP_W_LISTEN_OTHER] = { "3.10.7.2",
	    N_("segment without SYN in LISTEN: discarded") },
	[TCP_W_SYNSENT_BAD_ACK] = { "3.10.7.3",
	    N_("ACK in SYN-SENT does not acknowledge our SYN: RST sent") },
	[TCP_W_SYNSENT_BAD_ACK_RST] = { "3.10.7.3",
	    N_("RST with an unacceptable ACK in SYN-SENT: discarded") },
	[TCP_W_SYNSENT_RST] = { "3.10.7.3",
	    N_("RST acknowledging our SYN: connection refused") },
	[TCP_W_SYNSENT_RST_NOACK] = { "3.10.7.3",
	    N_("RST without ACK in SYN-SENT: discarded") },
	[TCP_W_SYNSENT_SYNACK] = { "3.10.7.3",
	    N_("SYN+ACK acknowledges our SYN: ACK sent") },
	[TCP_W_SYNSENT_SYN] = { "3.10.7.3",
	    N_("SYN while in SYN-SENT (simultaneous open): SYN+ACK sent") },
	[TCP_W_SYNSENT_OTHER] = { "3.10.7.3",
	    N_("neither SYN nor RST in SYN-SENT: discarded") },
	[TCP_W_SEQ_BAD] = { "3.10.7.4",
	    N_("segment outside the receive window: ACK sent, segment discarded") },
	[TCP_W_SEQ_BAD_RST] = { "3.10.7.4",
	    N_("RST outside the receive window: discarded") },
	[TCP_W_TW_FIN_AGAIN] = { "3.10.7.4",
	    N_("retransmitted FIN in TIME-WAIT: ACK sent again, 2MSL restarted") },
	[TCP_W_RST_CHALLENGE] = { "RFC 5961 3.2",
	    N_("RST in the window but not at RCV.NXT: challenge ACK sent") },
	[TCP_W_RST_SYNRCVD_PASSIVE] = { "3.10.7.4",
	    N_("RST in SYN-RECEIVED of a passive OPEN: back to LISTEN") },
	[TCP_W_RST_SYNRCVD_ACTIVE] = { "3.10.7.4",
	    N_("RST in SYN-RECEIVED of an active OPEN: connection refused") },
	[TCP_W_RST_RESET] = { "3.10.7.4", N_("RST: connection reset") },
	[TCP_W_RST_CLOSING] = { "3.10.7.4",
	    N_("RST while closing: TCB deleted") },
	[TCP_W_SYN_SYNRCVD_PASSIVE] = { "3.10.7.4",
	    N_("SYN in SYN-RECEIVED of a passive OPEN: back to LISTEN") },
	[TCP_W_SYN_CHALLENGE] = { "RFC 5961 4.2",
	    N_("SYN in a synchronized state: challenge ACK sent") },
	[TCP_W_NO_ACK] = { "3.10.7.4", N_("segment without ACK: discarded") },
	[TCP_W_SYNRCVD_ACK] = { "3.10.7.4", N_("the ACK acknowledges our SYN") },
	[TCP_W_SYNRCVD_SYNACK] = { "3.5",
	    N_("the crossing SYN+ACK acknowledges our SYN (simultaneous open)") },
	[TCP_W_SYNRCVD_BAD_ACK] = { "3.10.7.4",
	    N_("ACK in SYN-RECEIVED does not acknowledge our SYN: RST sent") },
	[TCP_W_ACK_TOO_NEW] = { "3.10.7.4",
	    N_("ACK for data not yet sent: ACK sent, segment discarded") },
	[TCP_W_ACK_OF_FIN] = { "3.10.7.4", N_("ACK of our FIN") },
	[TCP_W_CLOSING_ACK_OF_FIN] = { "3.10.7.4",
	    N_("ACK of our FIN in CLOSING") },
	[TCP_W_LAST_ACK_ACK_OF_FIN] = { "3.10.7.4",
	    N_("ACK of our FIN in LAST-ACK: TCB deleted") },
	[TCP_W_DATA] = { "3.10.7.4", N_("data received and acknowledged") },
	[TCP_W_DATA_IGNORED] = { "3.10.7.4",
	    N_("data after the peer's FIN: ignored") },
	[TCP_W_DATA_AFTER_CLOSE] = { "3.6.1",
	    N_("new data after close(): nobody will read it, RST sent, "
	    "TCB deleted") },
	[TCP_W_OUT_OF_ORDER] = { "3.10.7.4",
	    N_("segment beyond RCV.NXT: kept for later, duplicate ACK sent") },
	[TCP_W_REASM_FULL] = { "3.10.7.4",
	    N_("segment beyond RCV.NXT: the reassembly queue is full, "
	    "segment discarded, duplicate ACK sent") },
	[TCP_W_REASM_FILLED] = { "3.10.7.4",
	    N_("the gap is filled: the data kept for later is delivered too, "
	    "one ACK covers it all") },
	[TCP_W_REASM_PARTIAL] = { "3.10.7.4",
	    N_("data fills part of the gap: delivered with what follows it, "
	    "ACK sent at once, the rest still kept") },
	[TCP_W_OOO_AFTER_FIN] = { "3.10.7.4",
	    N_("segment beyond RCV.NXT after the peer's FIN: ACK sent, "
	    "segment discarded") },
	[TCP_W_SYN_TEXT] = { "3.10.7.2",
	    N_("ESTABLISHED: the data kept from the SYN is delivered and "
	    "acknowledged") },
	[TCP_W_FIN] = { "3.10.7.4", N_("FIN received: the peer has finished sending") },
	[TCP_W_FIN_SIMULTANEOUS] = { "3.10.7.4",
	    N_("FIN received before the ACK of our FIN (simultaneous close)") },
	[TCP_W_FIN_WITH_ACK] = { "3.10.7.4",
	    N_("FIN received together with the ACK of our FIN") },
	[TCP_W_FIN_IN_FIN_WAIT_2] = { "3.10.7.4",
	    N_("FIN received after our FIN was acknowledged") },
	[TCP_W_TIME_WAIT_OFF] = { "what-if",
	    N_("time_wait off: TIME-WAIT skipped, TCB deleted at once") },
	[TCP_W_HANDSHAKE_TWO] = { "what-if",
	    N_("handshake two: ESTABLISHED as soon as SYN+ACK is sent") },
	[TCP_W_ACK_THROTTLED] = { "RFC 5961 7",
	    N_("challenge or out-of-window ACK held back: at most one per "
	    "500 ms (Linux tcp_invalid_ratelimit)") },
	[TCP_W_ACK_TOO_OLD] = { "RFC 5961 5.2",
	    N_("ACK older than anything still unacknowledged: challenge ACK "
	    "sent, segment discarded") },
	[TCP_W_SYNRCVD_SYN_AGAIN] = { "Linux tcp_check_req",
	    N_("retransmitted SYN in SYN-RECEIVED: SYN+ACK sent again") },
	[TCP_W_SYNRCVD_SYN_RST] = { "3.10.7.4",
	    N_("SYN in the window in SYN-RECEIVED of a passive OPEN: RST "
	    "sent (Linux), back to LISTEN") },
	[TCP_W_RST_MINUS_ONE_RESET] = { "3.10.7.4",
	    N_("RST at RCV.NXT-1 after the peer's FIN, accepted as Linux "
	    "does: connection reset") },
	[TCP_W_RST_MINUS_ONE] = { "3.10.7.4",
	    N_("RST at RCV.NXT-1 after the peer's FIN, accepted as Linux "
	    "does: TCB deleted") },
	[TCP_W_FW2_ORPHAN_RST] = { "3.10.7.4",
	    N_("RST in the window of an orphaned FIN-WAIT-2 (Linux): TCB "
	    "deleted") },
	[TCP_W_TW_QUIET] = { "Linux tcp_timewait_state_process",
	    N_("segment at RCV.NXT in TIME-WAIT: 2MSL restarted, nothing "
	    "sent") },
	[TCP_W_TW_NEW_SYN] = { "Linux tcp_timewait_state_process",
	    N_("new SYN in TIME-WAIT with no listening socket: ACK sent") },
	[TCP_W_TW_RST_IGNORED] = { "Linux tcp_timewait_state_process",
	    N_("RST in TIME-WAIT not at RCV.NXT: ignored") },
	[TCP_W_TW_ACK] = { "Linux tcp_timewait_state_process",
	    N_("segment in TIME-WAIT: ACK sent, 2MSL restarted") },
	[TCP_W_LISTEN_SYN_FIN] = { "3.10.7.2",
	    N_("SYN+FIN in LISTEN: discarded as Linux does, no connection "
	    "started") },
	[TCP_W_DATA_AFTER_FIN_RST] = { "3.10.7.4",
	    N_("new data past the peer's FIN: RST sent as Linux does, TCB "
	    "deleted") },
	[TCP_W_DATA_AFTER_FIN_RESET] = { "3.10.7.4",
	    N_("new data past the peer's FIN: RST sent as Linux does, "
	    "connection reset") },
	[TCP_W_TW_ACK_NO_RESTART] = { "Linux tcp_timewait_state_process",
	    N_("segment without ACK in TIME-WAIT: ACK sent, 2MSL not "
	    "restarted") },
	[TCP_W_REXMIT] = { "3.8.1",
	    N_("retransmission timeout: segment sent again, RTO doubled") },
	[TCP_W_REXMIT_LINEAR] = { "3.8.1",
	    N_("retransmission timeout: SYN sent again, RTO kept (Linux "
	    "linear SYN timeouts)") },
	[TCP_W_REXMIT_AT_MAX] = { "3.8.1",
	    N_("retransmission timeout: segment sent again, RTO already at "
	    "its maximum") },
	[TCP_W_GIVE_UP] = { "3.8.3",
	    N_("too many retransmissions: connection timed out") },
	[TCP_W_GIVE_UP_PASSIVE] = { "3.8.3",
	    N_("SYN+ACK never acknowledged: back to LISTEN") },
	[TCP_W_TIME_WAIT_DONE] = { "3.10.8",
	    N_("2MSL time-wait timeout: TCB deleted") },
	[TCP_W_FIN_WAIT_2_TIMEOUT] = { "Linux tcp_fin_timeout",
	    N_("orphaned FIN-WAIT-2 timed out: TCB deleted") },
	[TCP_W_DELACK] = { "3.8.6.3",
	    N_("delayed ACK timer: the held ACK is sent") },
	[TCP_W_TLP] = { "RFC 8985 7.3",
	    N_("tail loss probe: the last segment sent again") },
	[TCP_W_TIMER] = { "3.10.8", N_("timer") },
};

const char *
tcp_why_rfc(enum tcp_why w)
{
	if ((unsigned)w >= TCP_NWHY)
		return "";
	return tcp_why_table[w].rfc;
}

const char *
tcp_why_text(enum tcp_why w)
{
	if ((unsigned)w >= TCP_NWHY)
		return "";
	return tcp_why_table[w].text;
}
