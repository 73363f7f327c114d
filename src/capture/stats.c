/*
 * Statistics over a whole capture: totals, and how many endpoints were in
 * each state as time went by.
 *
 * Data model: the counters in struct cap_stats.  now_in[] follows every
 * endpoint's state as its connection's segments are processed (an
 * endpoint leaves the count when its connection is reported).  The plot
 * has CAP_PLOT_COLS columns over capture time; each keeps the largest
 * count seen in its span.  The span of a column is not known in advance
 * (the file streams by), so it starts at 1 ms and doubles, folding pairs
 * of columns into one, whenever time runs past the last column: the plot
 * always covers the capture so far with a fixed amount of memory.
 */
#include <config.h>

#include <string.h>

#include "capture/capture.h"
#include "lib/i18n.h"

static void
stats_fold(struct cap_stats *s)
{
	for (unsigned i = 0; i < CAP_PLOT_COLS; i++)
		for (unsigned st = 0; st < TCP_NSTATES; st++) {
			uint64_t v = 0;

			if (2 * i < CAP_PLOT_COLS)
				v = s->plot[2 * i][st];
			if (2 * i + 1 < CAP_PLOT_COLS &&
			    s->plot[2 * i + 1][st] > v)
				v = s->plot[2 * i + 1][st];
			s->plot[i][st] = v;
		}
	s->plot_width_us *= 2;
	s->plot_col /= 2;
}

static unsigned
stats_col(struct cap_stats *s, uint64_t now)
{
	uint64_t rel;

	if (!s->plot_started) {
		s->plot_started = true;
		s->plot_t0 = now;
		s->plot_width_us = 1000;
	}
	rel = now > s->plot_t0 ? now - s->plot_t0 : 0;
	while (rel / s->plot_width_us >= CAP_PLOT_COLS)
		stats_fold(s);
	return (unsigned)(rel / s->plot_width_us);
}

static void
stats_mark(struct cap_stats *s, unsigned col, unsigned st)
{
	if (s->now_in[st] > s->plot[col][st])
		s->plot[col][st] = s->now_in[st];
}

/* Time moves on: columns passed since the last segment held the counts
 * as they were.  Counts that change mark the column of now at once
 * (cap_stats_count), so a segment that changes nothing costs a division. */
void
cap_stats_tick(struct cap_stats *s, uint64_t now_us)
{
	unsigned col = stats_col(s, now_us);

	while (s->plot_col < col) {
		s->plot_col++;
		for (unsigned st = 0; st < TCP_NSTATES; st++)
			stats_mark(s, s->plot_col, st);
	}
}

void
cap_stats_count(struct cap_stats *s, struct cap_conn *c, bool gone)
{
	if (!gone && c->live == NULL)
		return;
	for (int h = 0; h < 2; h++) {
		enum tcp_state now = gone ? TCP_CLOSED :
		    c->live->w.host[h].tcb.state;

		if (now == c->counted[h])
			continue;
		if (c->counted[h] != TCP_CLOSED)
			s->now_in[c->counted[h]]--;
		if (now != TCP_CLOSED) {
			s->now_in[now]++;
			if (s->plot_started)
				stats_mark(s, s->plot_col, now);
		}
		c->counted[h] = now;
	}
}

void
cap_stats_done(struct cap_stats *s, const struct cap_conn *c)
{
	s->conns++;
	switch (c->hs) {
	case CAP_HS_NONE:
		s->hs_none++;
		break;
	case CAP_HS_COMPLETE:
		s->hs_complete++;
		break;
	case CAP_HS_INCOMPLETE:
		s->hs_incomplete++;
		break;
	case CAP_HS_REFUSED:
		s->hs_refused++;
		break;
	}
	if (c->first_fin >= 0)
		s->closed_by[c->first_fin]++;
	if (c->nrst > 0)
		s->reset++;
	if (c->flags & CAP_F_REUSED)
		s->reused++;
	s->rexmit += c->nrexmit;
}

const char *
cap_flag_word(enum cap_flag f)
{
	switch (f) {
	case CAP_F_REXMIT: return "rexmit";
	case CAP_F_GAP: return "gap";
	case CAP_F_RST: return "rst";
	case CAP_F_INCOMPLETE: return "incomplete";
	case CAP_F_FIN_ACK: return "fin-ack-close";
	case CAP_F_SERVER_TW: return "server-time-wait";
	case CAP_F_DATA_AFTER_FIN: return "data-after-fin";
	case CAP_F_REUSED: return "reused-4-tuple";
	case CAP_F_NO_HANDSHAKE: return "no-handshake";
	case CAP_F_UNSEEN: return "acks-unseen-data";
	case CAP_F_UNMODELLED: return "unmodelled";
	case CAP_F_CROSSED: return "crossed";
	}
	return "";
}

const char *
cap_flag_text(enum cap_flag f)
{
	switch (f) {
	case CAP_F_REXMIT:
		return N_("a retransmission: this sequence space was sent "
		    "before");
	case CAP_F_GAP:
		return N_("a gap: sequence numbers were skipped (lost before "
		    "the capture point, or missed by the capture)");
	case CAP_F_RST:
		return N_("a reset");
	case CAP_F_INCOMPLETE:
		return N_("the handshake did not complete");
	case CAP_F_FIN_ACK:
		return N_("3-segment close: this FIN also carries the first "
		    "ACK of the peer's FIN");
	case CAP_F_SERVER_TW:
		return N_("the server is in TIME_WAIT: it closed first");
	case CAP_F_DATA_AFTER_FIN:
		return N_("data after a FIN");
	case CAP_F_REUSED:
		return N_("a new connection on a 4-tuple used before "
		    "(new ISN)");
	case CAP_F_NO_HANDSHAKE:
		return N_("the handshake is not in the capture");
	case CAP_F_UNSEEN:
		return N_("acknowledges data the capture does not show");
	case CAP_F_UNMODELLED:
		return N_("the model would not have sent this segment here");
	case CAP_F_CROSSED:
		return N_("crossed: sent before the peer's last segment "
		    "arrived (its ACK does not cover it)");
	}
	return "";
}
