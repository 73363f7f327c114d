/*
 * "Which event just happened?": the student sees both hosts' states, what
 * is in flight, and a small ladder of what followed; the options are
 * events (a call by an application, a segment arriving, a timer).
 *
 * Data model: the ladder is a pure function of the states before the
 * event and the trace the event produced, printed from the rows of the
 * shared ladder model (sim/ladder.h); it shows what an observer of the
 * wire and the sockets would see (segments sent, state changes, notices)
 * and nothing that names the cause.  Every candidate event is run
 * on a replay of the same prefix and kept as a distractor only if its
 * ladder differs from the shown one even with the notices left out, so
 * exactly one option fits and not by a notice alone.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/i18n.h"
#include "lib/utf8.h"
#include "lib/xalloc.h"
#include "quiz/quiz_internal.h"
#include "script/parse.h"
#include "script/trace.h"
#include "sim/ladder.h"

#define LADDER_LEFT 14
#define LADDER_MID 44

/* Pad the current line (from its start) to col. */
static void
pad(struct sbuf *b, size_t col)
{
	size_t start = b->len;

	while (start > 0 && b->p[start - 1] != '\n')
		start--;
	while (b->len - start < col)
		sbuf_addn(b, " ", 1);
}

static void
ladder_side(struct sbuf *b, enum sim_host_id h, const char *text)
{
	if (h == HOST_SERVER)
		pad(b, LADDER_LEFT + LADDER_MID);
	sbuf_add(b, "%s\n", text);
}

/* The arrow is LADDER_MID columns or more; the label may be translated,
 * so it is measured in display columns, not bytes. */
static void
ladder_seg(struct sbuf *b, const struct ladder_arrow *a)
{
	char seg[160];
	size_t cols, width;
	bool right = a->f.dir == DIR_C2S;

	quiz_seg_str(&a->f.seg, seg, sizeof(seg));
	if (a->rexmit)
		/* TRANSLATORS: after a retransmitted segment in a ladder. */
		strncat(seg, _(" (again)"), sizeof(seg) - strlen(seg) - 1);
	cols = (size_t)utf8_width(seg);
	width = cols + 8 > LADDER_MID ? cols + 8 : LADDER_MID;
	pad(b, LADDER_LEFT);
	sbuf_add(b, "%s %s ", right ? "--" : "<-", seg);
	for (size_t i = cols + 4; i + 1 < width; i++)
		sbuf_addn(b, "-", 1);
	sbuf_add(b, "%s\n", right ? ">" : "-");
}

/* A notice to an application, as the ladder shows it. */
static const char *
ladder_notice_text(enum tcp_notice n)
{
	switch (n) {
	case TCP_N_CONNECTED:
		return _("[connected]");
	case TCP_N_REFUSED:
		return _("[refused]");
	case TCP_N_RESET:
		return _("[reset]");
	case TCP_N_TIMEOUT:
		return _("[timeout]");
	case TCP_N_EOF:
		return _("[eof]");
	case TCP_N_CLOSED:
		return _("[closed]");
	}
	return "[?]";
}

static void
ladder_state_line(struct sbuf *b, const struct ladder_row *r,
    enum sim_host_id h)
{
	char line[128];

	if (!r->has_state[h])
		return;
	snprintf(line, sizeof(line), "-> %s", tcp_state_name(r->state[h]));
	ladder_side(b, h, line);
}

/* One row of the shared ladder model as lines of text: a host's state
 * changed before it sent the row's segment, the receiver's after it. */
static void
ladder_row_text(struct sbuf *b, const struct ladder *l,
    const struct ladder_row *r)
{
	const struct ladder_arrow *a;

	if (!r->is_arrow) {
		if (r->note == LADDER_N_NOTICE)
			ladder_side(b, r->note_host,
			    ladder_notice_text(r->notice));
		else
			ladder_state_line(b, r, r->note_host);
		return;
	}
	a = &l->arrows[r->arrow];
	ladder_state_line(b, r, (enum sim_host_id)a->f.dir);
	ladder_seg(b, a);
	ladder_state_line(b, r, (enum sim_host_id)(1 - a->f.dir));
}

/* The ladder of trace ev from the states before: the rows of the shared
 * ladder model, with the applications' notices when asked for. */
static char *
ladder_text(const enum tcp_state before[2], const struct sim_ev *ev,
    size_t n, bool notices)
{
	struct sbuf b = { 0 };
	struct ladder l;

	ladder_init(&l);
	l.notice_rows = notices;
	l.host[0].state = before[0];
	l.host[1].state = before[1];
	ladder_begin(&l);
	ladder_feed(&l, ev, n);
	ladder_end(&l);
	sbuf_add(&b, "%s", tcp_state_name(before[0]));
	ladder_side(&b, HOST_SERVER, tcp_state_name(before[1]));
	for (size_t i = 0; i < l.nrows; i++)
		ladder_row_text(&b, &l, &l.rows[i]);
	ladder_free(&l);
	return sbuf_take(&b);
}

char *
quiz_ladder(const enum tcp_state before[2], const struct sim_ev *ev,
    size_t n)
{
	return ladder_text(before, ev, n, true);
}

/* The ladder of c[k] after c[0..k), or NULL if it is impossible there. */
char *
quiz_event_ladder(const struct cmd *c, unsigned k, const struct cmd *ev)
{
	struct world w;
	struct sim_result res;
	enum tcp_state before[2];
	char *s = NULL;

	if (quiz_replay(&w, c, k)) {
		before[0] = w.host[0].tcb.state;
		before[1] = w.host[1].tcb.state;
		if (world_apply(&w, ev, &res) == SIM_OK)
			s = quiz_ladder(before, w.trace, w.ntrace);
	}
	world_free(&w);
	return s;
}

static char *
event_text(const struct world *w, const struct cmd *c)
{
	const char *h = quiz_host_str(c->host);
	const struct flight *f;
	enum sim_host_id th;
	enum tcp_timer t;
	uint64_t due;
	char seg[96];

	switch (c->kind) {
	case CMD_CONNECT:
		return quiz_strdupf(_("The %s's application calls "
		    "connect()."), h);
	case CMD_LISTEN:
		return quiz_strdupf(_("The %s's application calls listen()."),
		    h);
	case CMD_CLOSE:
		return quiz_strdupf(_("The %s's application calls close()."),
		    h);
	case CMD_SHUTDOWN:
		return quiz_strdupf(_("The %s's application calls "
		    "shutdown(SHUT_WR)."), h);
	case CMD_ABORT:
		return quiz_strdupf(_("The %s's application aborts the "
		    "connection (SO_LINGER 0)."), h);
	case CMD_SEND:
		return quiz_strdupf(ngettext("The %s's application writes %u "
		    "byte.", "The %s's application writes %u bytes.",
		    c->num),
		    h, (unsigned)c->num);
	case CMD_DELIVER:
		if ((f = world_find(w, &c->sel)) == NULL)
			return NULL;
		return quiz_strdupf(_("Segment #%lu (%s) arrives at the %s."),
		    (unsigned long)f->id, quiz_seg_str(&f->seg, seg,
		    sizeof(seg)),
		    quiz_host_str((enum sim_host_id)(1 - f->dir)));
	case CMD_DROP:
		if ((f = world_find(w, &c->sel)) == NULL)
			return NULL;
		return quiz_strdupf(_("Segment #%lu (%s) is lost on its way "
		    "to the %s."), (unsigned long)f->id, quiz_seg_str(&f->seg,
		    seg, sizeof(seg)),
		    quiz_host_str((enum sim_host_id)(1 - f->dir)));
	case CMD_WAIT:
	case CMD_WAIT_TIMER:
		if (!world_next_timer(w, &th, &t, &due))
			return NULL;
		return quiz_strdupf(_("The %s's %s timer expires."),
		    quiz_host_str(th), _(tcp_timer_name(t)));
	case CMD_SEED: case CMD_ISN: case CMD_PROFILE: case CMD_SET:
	case CMD_CRASH: case CMD_DUP: case CMD_INJECT: case CMD_READ:
	case CMD_SETTLE: case CMD_EXPECT_STATE: case CMD_EXPECT_INFLIGHT:
	case CMD_EXPECT_INFLIGHT_NONE: case CMD_EXPECT_SENT:
	case CMD_EXPECT_NOTICE: case CMD_EXPECT_TIME:
		break;
	}
	return NULL;
}

/* Every event worth offering in this situation, deliveries by id. */
static unsigned
event_candidates(const struct world *w, struct cmd *out)
{
	static const enum cmd_kind calls[] = { CMD_CONNECT, CMD_LISTEN,
	    CMD_CLOSE, CMD_SHUTDOWN, CMD_ABORT, CMD_SEND };
	unsigned n = 0;

	for (int h = 0; h < 2; h++)
		for (size_t i = 0; i < sizeof(calls) / sizeof(calls[0]); i++) {
			out[n] = quiz_cmd_host(calls[i], (enum sim_host_id)h);
			out[n++].num = 100;
		}
	/* A segment that arrives, or one lost on the way (the wrong model
	 * "nothing happened because it was lost"). */
	for (size_t i = 0; i < w->nwire && i < 4; i++)
		for (int lost = 0; lost < 2; lost++) {
			out[n] = quiz_cmd(lost ? CMD_DROP : CMD_DELIVER);
			out[n].sel.kind = SEL_ID;
			out[n++].sel.id = w->wire[i].id;
		}
	out[n++] = quiz_cmd(CMD_WAIT_TIMER);
	return n;
}

/* The ladder of ev after c[0..k) without the notices: what the wire and
 * the states show.  NULL if ev is impossible there. */
static char *
event_visible(const struct cmd *c, unsigned k, const struct cmd *ev)
{
	struct world w;
	struct sim_result res;
	enum tcp_state before[2];
	char *s = NULL;

	if (quiz_replay(&w, c, k)) {
		before[0] = w.host[0].tcb.state;
		before[1] = w.host[1].tcb.state;
		if (world_apply(&w, ev, &res) == SIM_OK)
			s = ladder_text(before, w.trace, w.ntrace, false);
	}
	world_free(&w);
	return s;
}

/* Add c as an option if it is possible and it is the right one (its
 * ladder is the one shown), or a wrong one whose segments and state
 * changes alone already differ from the right one's: a distractor told
 * apart only by a notice such as [refused] is no fair option. */
static void
event_add(struct quiz_question *q, const struct story *st, unsigned k,
    const struct cmd *c, const char *right, const char *right_vis)
{
	struct world w;
	struct sim_result res;
	char *lad, *vis, *text, line[256];
	bool fits;

	quiz_replay(&w, st->cmd, k);
	text = world_can(&w, c, &res) == SIM_OK ? event_text(&w, c) : NULL;
	world_free(&w);
	lad = text != NULL ? quiz_event_ladder(st->cmd, k, c) : NULL;
	vis = text != NULL ? event_visible(st->cmd, k, c) : NULL;
	fits = lad != NULL && vis != NULL && (q->nopt == 0 ?
	    strcmp(lad, right) == 0 : strcmp(vis, right_vis) != 0);
	if (fits)
		(void)quiz_opt_add(q, text, script_format(c, line,
		    sizeof(line)));
	free(lad);
	free(vis);
	free(text);
}

static char *
event_figure(const struct story *st, unsigned k, const char *ladder)
{
	struct sbuf b = { 0 };
	struct world w;
	char fl[96];

	quiz_replay(&w, st->cmd, k);
	if (w.nwire == 0)
		sbuf_add(&b, "%s\n", _("In flight: nothing"));
	for (size_t i = 0; i < w.nwire; i++)
		/* TRANSLATORS: a line of the figure, before a segment
		 * "#3 c>s ACK seq=3000 ack=7200 len=0"; Chinese puts no
		 * space after its full-width colon. */
		sbuf_add(&b, _("In flight: %s\n"),
		    script_flight_str(&w.wire[i], fl, sizeof(fl)));
	world_free(&w);
	/* Pad by display columns: the host names are translated. */
	sbuf_add(&b, "\n%s%-*s%s\n", utf8_pad(_("client"), LADDER_LEFT, fl,
	    sizeof(fl)), LADDER_MID, "", _("server"));
	sbuf_add(&b, "%s", ladder);
	return sbuf_take(&b);
}

static bool
event_pick(const struct story *st, struct quiz_rng *r, unsigned *k,
    struct cmd *c)
{
	struct world w;
	const struct flight *f;

	*k = st->nsetup + quiz_rng_below(r, st->n - st->nsetup);
	/* Stories are mostly deliveries: draw again once on a delivery, so
	 * calls and timers are asked about nearly as often. */
	if (st->cmd[*k].kind == CMD_DELIVER)
		*k = st->nsetup + quiz_rng_below(r, st->n - st->nsetup);
	*c = st->cmd[*k];
	if (c->kind == CMD_DROP)
		return false;
	if (c->kind == CMD_DELIVER) {
		quiz_replay(&w, st->cmd, *k);
		f = world_find(&w, &c->sel);
		c->sel.kind = SEL_ID;
		c->sel.id = f != NULL ? f->id : 0;
		world_free(&w);
	}
	return true;
}

bool
quiz_gen_event(struct quiz_rng *r, struct quiz_question *q)
{
	struct story st;
	struct cmd right, cand[32];
	struct world w;
	unsigned k, n;
	char *lad, *vis, *empty;
	enum tcp_state none[2];

	quiz_story_build(&st, r);
	if (st.n <= st.nsetup || !event_pick(&st, r, &k, &right))
		return false;
	lad = quiz_event_ladder(st.cmd, k, &right);
	vis = event_visible(st.cmd, k, &right);
	quiz_replay(&w, st.cmd, k);
	none[0] = w.host[0].tcb.state;
	none[1] = w.host[1].tcb.state;
	n = event_candidates(&w, cand);
	world_free(&w);
	empty = quiz_ladder(none, NULL, 0);
	if (lad == NULL || vis == NULL || strcmp(lad, empty) == 0) {
		free(lad);
		free(vis);
		free(empty);
		return false;
	}
	q->type = QUIZ_T_CHOICE;
	event_add(q, &st, k, &right, lad, vis);
	for (unsigned tries = 0; tries < 80 && q->nopt > 0 && q->nopt < 4;
	    tries++)
		event_add(q, &st, k, &cand[quiz_rng_below(r, n)], lad, vis);
	free(empty);
	free(vis);
	if (q->nopt < 4) {
		free(lad);
		return false;
	}
	q->correct = 0;
	quiz_opt_shuffle(q, r);
	q->topics = quiz_story_topics(&st, k);
	if (right.kind == CMD_WAIT_TIMER || right.kind == CMD_WAIT)
		q->topics |= QUIZ_TOPIC_BIT(QUIZ_TOP_TIMERS);
	q->stem = xstrdup(_("The figure shows what was in flight and both "
	    "hosts' states, then everything that followed one event. Which "
	    "event was it?"));
	q->figure = event_figure(&st, k, lad);
	q->scenario = quiz_scenario_text(st.cmd, k, true);
	q->explain = quiz_strdupf(_("It was: %s Only this event gives "
	    "exactly these segments and state changes here."),
	    q->opt[q->correct].text);
	free(lad);
	return true;
}
