/*
 * Names, parsing of names, and the two profiles' defaults.  State names use
 * the underscore spelling of the scenario language (SYN_SENT); the parser
 * also takes the RFC's hyphens and the common aliases (SYN_RCVD, ESTAB, ...).
 */
#include <ctype.h>
#include <string.h>

#include "core/tcp.h"

static const char *const tcp_state_names[TCP_NSTATES] = {
	"CLOSED", "LISTEN", "SYN_SENT", "SYN_RECEIVED", "ESTABLISHED",
	"FIN_WAIT_1", "FIN_WAIT_2", "CLOSE_WAIT", "CLOSING", "LAST_ACK",
	"TIME_WAIT"
};

static const struct {
	const char *alias;
	enum tcp_state state;
} tcp_state_aliases[] = {
	{ "SYN_RCVD", TCP_SYN_RECEIVED },
	{ "SYN_RECV", TCP_SYN_RECEIVED },
	{ "ESTAB", TCP_ESTABLISHED },
	{ "FIN_WAIT1", TCP_FIN_WAIT_1 },
	{ "FIN_WAIT2", TCP_FIN_WAIT_2 },
};

const char *
tcp_state_name(enum tcp_state s)
{
	if ((unsigned)s >= TCP_NSTATES)
		return "?";
	return tcp_state_names[s];
}

bool
tcp_state_parse(const char *word, enum tcp_state *out)
{
	char up[24];
	size_t i, n = strlen(word);

	if (n == 0 || n >= sizeof(up))
		return false;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)word[i];
		up[i] = c == '-' ? '_' : (char)toupper(c);
	}
	up[n] = '\0';
	for (i = 0; i < TCP_NSTATES; i++)
		if (strcmp(up, tcp_state_names[i]) == 0) {
			*out = (enum tcp_state)i;
			return true;
		}
	for (i = 0; i < sizeof(tcp_state_aliases) / sizeof(tcp_state_aliases[0]); i++)
		if (strcmp(up, tcp_state_aliases[i].alias) == 0) {
			*out = tcp_state_aliases[i].state;
			return true;
		}
	return false;
}

/* RFC 9293 3.3.2: the states after the handshake's SYNs are exchanged. */
bool
tcp_state_synchronized(enum tcp_state s)
{
	return s >= TCP_ESTABLISHED && s <= TCP_TIME_WAIT;
}

const char *
tcp_timer_name(enum tcp_timer t)
{
	switch (t) {
	case TCP_T_REXMT:
		return N_("retransmission");
	case TCP_T_TIME_WAIT:
		return N_("TIME_WAIT 2MSL");
	case TCP_T_FIN_WAIT_2:
		return N_("FIN_WAIT_2 timeout");
	case TCP_T_DELACK:
		return N_("delayed ACK");
	}
	return "?";
}

static const char *const tcp_notice_names[TCP_NNOTICES] = {
	"connected", "refused", "reset", "timeout", "eof", "closed"
};

const char *
tcp_notice_name(enum tcp_notice n)
{
	if ((unsigned)n >= TCP_NNOTICES)
		return "?";
	return tcp_notice_names[n];
}

bool
tcp_notice_parse(const char *word, enum tcp_notice *out)
{
	for (unsigned i = 0; i < TCP_NNOTICES; i++) {
		const char *a = word, *b = tcp_notice_names[i];

		while (*a && tolower((unsigned char)*a) == *b)
			a++, b++;
		if (*a == '\0' && *b == '\0') {
			*out = (enum tcp_notice)i;
			return true;
		}
	}
	return false;
}

const char *
tcp_err_text(enum tcp_err e)
{
	switch (e) {
	case TCP_OK:
		return "";
	case TCP_E_EXISTS:
		return N_("connection already exists");
	case TCP_E_NOCONN:
		return N_("connection does not exist");
	case TCP_E_CLOSING:
		return N_("connection closing");
	case TCP_E_NOTCONN:
		return N_("the connection is not established yet");
	case TCP_E_LISTENING:
		return N_("a listening socket cannot send data");
	case TCP_E_SHUT:
		return N_("this side has already shut down sending");
	case TCP_E_WINDOW:
		return N_("the peer's receive window is full");
	case TCP_E_QUEUE:
		return N_("too many unacknowledged segments");
	case TCP_E_NODATA:
		return N_("no data waits to be read");
	case TCP_E_RDCLOSED:
		return N_("the application has closed the socket");
	}
	return "?";
}

static const char *const tcp_call_names[TCP_NCALLS] = {
	"listen", "connect", "send", "close", "shutdown", "abort", "read"
};

const char *
tcp_call_name(enum tcp_call c)
{
	if ((unsigned)c >= TCP_NCALLS)
		return "?";
	return tcp_call_names[c];
}

/* Flags in the order people say them: SYN+ACK, FIN+ACK, PSH+ACK, RST+ACK. */
char *
tcp_flags_str(uint8_t flags, char *buf)
{
	static const struct {
		uint8_t bit;
		const char *name;
	} order[] = {
		{ TCP_SYN, "SYN" }, { TCP_FIN, "FIN" }, { TCP_RST, "RST" },
		{ TCP_PSH, "PSH" }, { TCP_URG, "URG" }, { TCP_ACK, "ACK" },
	};

	buf[0] = '\0';
	for (size_t i = 0; i < sizeof(order) / sizeof(order[0]); i++) {
		if ((flags & order[i].bit) == 0)
			continue;
		if (buf[0] != '\0')
			strcat(buf, "+");
		strcat(buf, order[i].name);
	}
	if (buf[0] == '\0')
		strcpy(buf, "none");
	return buf;
}

uint32_t
tcp_seg_seqlen(const struct tcp_seg *seg)
{
	return (uint32_t)seg->len + ((seg->flags & TCP_SYN) ? 1 : 0) +
	    ((seg->flags & TCP_FIN) ? 1 : 0);
}

/* RFC 9293: MSL 2 minutes (3.4.2), RTO 1 s (RFC 6298 2.1), SYN retries so
 * the attempt lasts about a minute, data retries so R2 >= 100 s (3.8.3). */
/* RFC 9293 3.8.3 MUST-23: a SYN is retransmitted for at least 3 minutes.
 * With the initial RTO of 1 s doubling (RFC 6298 5.5, no ceiling), seven
 * retransmissions give up at 1+2+...+128 = 255 s; six would stop at 127 s.
 * The same holds for our SYN+ACK, also a SYN segment.  RTT samples follow
 * RFC 6298 (MUST-18 of 3.8.1) with its 1 s floor (2.4), here the initial
 * RTO, so an immediate answer keeps the RTO at 1 s. */
void
tcp_config_rfc9293(struct tcp_config *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	cfg->msl_ms = 120000;
	cfg->rto_ms = 1000;
	cfg->rto_max_ms = 0;
	cfg->rto_min_ms = 0;		/* 0: the initial RTO */
	cfg->rttvar_min_ms = 1;		/* G, the clock granularity */
	cfg->fin_wait_2_ms = 0;
	cfg->delack_ms = 200;
	cfg->rcv_wnd = 65535;
	cfg->syn_retries = 7;
	cfg->synack_retries = 7;
	cfg->retries = 6;
	cfg->orphan_retries = 6;
	cfg->syn_linear = 0;
	cfg->linux_timeouts = false;
	cfg->rtt_timestamps = false;
	cfg->delayed_ack = false;
	cfg->linux_ack = false;
	cfg->time_wait = true;
	cfg->handshake_two = false;
	cfg->rst_ack_on_abort = false;
}

/* Linux 6.18 (net/ipv4): TCP_TIMEWAIT_LEN 60 s, tcp_syn_retries 6 with
 * tcp_syn_linear_timeouts 4 (6.5 and later), tcp_synack_retries 5,
 * tcp_retries2 15, tcp_orphan_retries 0 (which means 8), TCP_RTO_MAX
 * 120 s, TCP_RTO_MIN 200 ms, tcp_fin_timeout 60 s, timestamps on (RTT
 * samples from every ACK), delayed ACKs with quick-ack and pingpong,
 * tcp_send_active_reset() sends RST+ACK, tcp_invalid_ratelimit 500 ms,
 * and the input path of tcp_linux.c. */
void
tcp_config_linux(struct tcp_config *cfg)
{
	tcp_config_rfc9293(cfg);
	cfg->msl_ms = 30000;
	cfg->rto_max_ms = 120000;
	cfg->rto_min_ms = 200;
	cfg->rttvar_min_ms = 200;
	cfg->fin_wait_2_ms = 60000;
	cfg->syn_retries = 6;
	cfg->synack_retries = 5;
	cfg->retries = 15;
	cfg->orphan_retries = 8;
	cfg->syn_linear = 4;
	cfg->linux_timeouts = true;
	cfg->rtt_timestamps = true;
	cfg->tlp = true;
	cfg->delayed_ack = true;
	cfg->linux_ack = true;
	cfg->rst_ack_on_abort = true;
	cfg->linux_input = true;
	cfg->invalid_ratelimit_ms = 500;
}
