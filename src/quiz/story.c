/*
 * Stories: random but sensible runs of the two hosts, built from struct
 * cmd and checked step by step on a live world, plus replaying them and
 * turning them into scenario text.
 *
 * Data model: a story is setup commands (ISNs, profile, settings), an
 * opening (normal, lost SYN, simultaneous, refused), maybe one write of
 * data, and a closing (client or server first, simultaneous, half-close,
 * abort, lost last ACK).  Every command is applied to a world as it is
 * added; one that the world refuses is left out, so a story never holds an
 * impossible event.  Deliveries always take the oldest segment in flight.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/xalloc.h"
#include "quiz/quiz_internal.h"
#include "script/parse.h"
#include "script/trace.h"

struct builder {
	struct story *st;
	struct world w;
	enum story_phase ph;
};

struct cmd
quiz_cmd(enum cmd_kind k)
{
	struct cmd c;

	memset(&c, 0, sizeof(c));
	c.kind = k;
	c.sel.kind = SEL_ANY;
	return c;
}

struct cmd
quiz_cmd_host(enum cmd_kind k, enum sim_host_id h)
{
	struct cmd c = quiz_cmd(k);

	c.host = h;
	return c;
}

static bool
push(struct builder *b, struct cmd c)
{
	struct story *st = b->st;
	struct sim_result res;

	if (st->n >= STORY_MAX)
		return false;
	if (world_apply(&b->w, &c, &res) != SIM_OK)
		return false;
	st->cmd[st->n] = c;
	st->phase[st->n] = (unsigned char)b->ph;
	st->after[st->n] = (unsigned char)(st->n ? st->n - 1 : 0);
	if (b->ph == PH_SETUP)
		st->nsetup = st->n + 1;
	st->n++;
	return true;
}

static void
push_host(struct builder *b, enum cmd_kind k, enum sim_host_id h)
{
	push(b, quiz_cmd_host(k, h));
}

static void
deliver(struct builder *b, unsigned times)
{
	while (times-- > 0)
		push(b, quiz_cmd(CMD_DELIVER));
}

static void
deliver_all(struct builder *b)
{
	while (b->w.nwire > 0 && b->st->n < STORY_MAX)
		push(b, quiz_cmd(CMD_DELIVER));
}

static void
wait_2msl(struct builder *b)
{
	struct cmd c = quiz_cmd(CMD_WAIT);

	c.dur.msl = 2;
	push(b, c);
}

static uint32_t
pick_isn(struct quiz_rng *r, unsigned style, unsigned base)
{
	switch (style) {
	case 0:
		return 100 * (base + quiz_rng_below(r, 50)) - 1;
	case 1:
		return 0xffffffffU - quiz_rng_below(r, 3);
	default:
		return (uint32_t)(quiz_rng_next(r) >> 32);
	}
}

static void
story_setup(struct builder *b, struct quiz_rng *r)
{
	struct story *st = b->st;
	unsigned style = quiz_rng_below(r, 8);
	enum sim_host_id wrap = (enum sim_host_id)quiz_rng_below(r, 2);
	struct cmd c;

	for (int h = 0; h < 2; h++) {
		c = quiz_cmd_host(CMD_ISN, (enum sim_host_id)h);
		c.nisn = 1;
		/* Mostly readable numbers, some near 2^32, a few anywhere. */
		c.isn[0] = pick_isn(r, style >= 5 && style <= 6 ?
		    (h == (int)wrap ? 1 : 0) : style == 7 ? 2 : 0,
		    h == 0 ? 1 : 51);
		st->isn[h] = c.isn[0];
		push(b, c);
	}
	if (quiz_rng_below(r, 4) == 0) {
		c = quiz_cmd(CMD_PROFILE);
		c.profile = PROFILE_LINUX;
		st->linux = push(b, c);
	}
	if (st->delayed_ack) {
		c = quiz_cmd(CMD_SET);
		c.key = SET_DELAYED_ACK;
		c.on = true;
		push(b, c);
	}
}

static void
story_open(struct builder *b)
{
	struct story *st = b->st;

	b->ph = PH_OPEN;
	if (st->open != OPEN_SIMULTANEOUS && st->open != OPEN_REFUSED)
		push_host(b, CMD_LISTEN, HOST_SERVER);
	push_host(b, CMD_CONNECT, HOST_CLIENT);
	if (st->open == OPEN_SIMULTANEOUS)
		push_host(b, CMD_CONNECT, HOST_SERVER);
	if (st->open == OPEN_LOST_SYN) {
		push(b, quiz_cmd(CMD_DROP));
		push(b, quiz_cmd(CMD_WAIT_TIMER));
	}
	deliver_all(b);
}

static void
story_data(struct builder *b, struct quiz_rng *r)
{
	static const uint16_t sizes[] = { 100, 200, 512, 1000, 1460 };
	struct story *st = b->st;
	struct cmd c;

	b->ph = PH_DATA;
	st->data = true;
	st->data_from = (enum sim_host_id)quiz_rng_below(r, 2);
	st->data_len = sizes[quiz_rng_below(r, 5)];
	c = quiz_cmd_host(CMD_SEND, st->data_from);
	c.num = st->data_len;
	push(b, c);
	deliver(b, 2);
}

/* The closer's FIN, the peer's ACK (riding on its FIN with delayed ACK),
 * the peer's FIN and the last ACK, which may be lost once. */
static void
story_close_one_side(struct builder *b)
{
	struct story *st = b->st;
	enum sim_host_id x = st->closer, y = (enum sim_host_id)(1 - x);

	unsigned fin_at;

	push_host(b, CMD_CLOSE, x);
	deliver(b, 1);
	fin_at = st->n - 1;
	if (!st->delayed_ack)
		deliver(b, 1);
	/* "As soon as it has read the end of the stream": y may close
	 * before its ACK has reached x. */
	if (push(b, quiz_cmd_host(CMD_CLOSE, y)))
		st->after[st->n - 1] = (unsigned char)fin_at;
	deliver(b, 1);
	if (st->close == CLOSE_LOST_ACK) {
		push(b, quiz_cmd(CMD_DROP));
		push(b, quiz_cmd(CMD_WAIT_TIMER));
		deliver(b, 1);
	}
	deliver(b, 1);
}

static void
story_close(struct builder *b, struct quiz_rng *r)
{
	struct story *st = b->st;
	enum sim_host_id x = st->closer, y = (enum sim_host_id)(1 - x);
	struct cmd c;
	unsigned fin_at;

	b->ph = PH_CLOSE;
	switch (st->close) {
	case CLOSE_CLIENT:
	case CLOSE_SERVER:
	case CLOSE_LOST_ACK:
		story_close_one_side(b);
		break;
	case CLOSE_SIMULTANEOUS:
		push_host(b, CMD_CLOSE, x);
		push_host(b, CMD_CLOSE, y);
		deliver_all(b);
		break;
	case CLOSE_HALF:
		/* y writes as soon as the FIN has arrived (maybe before its
		 * ACK of it reaches x) and closes right after writing. */
		push_host(b, CMD_SHUTDOWN, x);
		deliver(b, 1);
		fin_at = st->n - 1;
		deliver(b, 1);
		c = quiz_cmd_host(CMD_SEND, y);
		c.num = 100 * (1 + quiz_rng_below(r, 9));
		if (push(b, c))
			st->after[st->n - 1] = (unsigned char)fin_at;
		push_host(b, CMD_CLOSE, y);
		deliver_all(b);
		break;
	case CLOSE_ABORT:
		push_host(b, CMD_ABORT, x);
		deliver_all(b);
		return;
	case CLOSE_NONE:
		return;
	}
	if (quiz_rng_below(r, 3) != 0)
		wait_2msl(b);
}

static void
story_choose(struct story *st, struct quiz_rng *r, int open, int close)
{
	static const unsigned char opens[] = { 0, 0, 0, 0, 0, 1, 1, 2, 2, 3 };
	static const unsigned char closes[] = { 0, 0, 0, 1, 1, 2, 3, 4, 4,
	    5, 5 };

	memset(st, 0, sizeof(*st));
	st->open = (enum story_open)opens[quiz_rng_below(r, sizeof(opens))];
	st->close = (enum story_close)closes[quiz_rng_below(r,
	    sizeof(closes))];
	if (open >= 0)
		st->open = (enum story_open)open;
	if (close >= 0)
		st->close = (enum story_close)close;
	if (st->open == OPEN_REFUSED)
		st->close = CLOSE_NONE;
	st->closer = st->close == CLOSE_SERVER ? HOST_SERVER :
	    st->close == CLOSE_CLIENT ? HOST_CLIENT :
	    (enum sim_host_id)quiz_rng_below(r, 2);
	if (st->close == CLOSE_CLIENT || st->close == CLOSE_SERVER)
		st->delayed_ack = quiz_rng_below(r, 4) == 0;
}

void
quiz_story_build(struct story *st, struct quiz_rng *r)
{
	quiz_story_build_as(st, r, -1, -1);
}

void
quiz_story_build_as(struct story *st, struct quiz_rng *r, int open,
    int close)
{
	struct builder b;

	story_choose(st, r, open, close);
	b.st = st;
	b.ph = PH_SETUP;
	world_init(&b.w);
	b.w.keep_trace = false;
	story_setup(&b, r);
	story_open(&b);
	if (st->close != CLOSE_NONE && !st->delayed_ack &&
	    quiz_rng_below(r, 5) < 2)
		story_data(&b, r);
	story_close(&b, r);
	world_free(&b.w);
}

bool
quiz_replay(struct world *w, const struct cmd *c, unsigned n)
{
	struct sim_result res = { SIM_OK, "" };
	bool ok;

	world_init(w);
	w->keep_trace = false;
	ok = world_replay(w, c, n, &res, NULL, NULL) == n &&
	    res.status == SIM_OK;
	w->keep_trace = true;
	return ok;
}

static void
annotate(struct sbuf *b, const struct world *w, const struct cmd *c,
    size_t start)
{
	char fl[96];
	const struct flight *f;

	if (c->kind != CMD_DELIVER && c->kind != CMD_DROP &&
	    c->kind != CMD_DUP)
		return;
	if ((f = world_find(w, &c->sel)) == NULL)
		return;
	while (b->len - start < 24)
		sbuf_addn(b, " ", 1);
	sbuf_add(b, "# %s", script_flight_str(f, fl, sizeof(fl)));
}

char *
quiz_scenario_text(const struct cmd *c, unsigned n, bool annotate_it)
{
	struct sbuf b = { 0 };
	struct world w;
	struct sim_result res;
	char line[512];

	world_init(&w);
	w.keep_trace = false;
	for (unsigned i = 0; i < n; i++) {
		size_t start = b.len;

		sbuf_add(&b, "%s", script_format(&c[i], line, sizeof(line)));
		if (annotate_it)
			annotate(&b, &w, &c[i], start);
		sbuf_addn(&b, "\n", 1);
		(void)world_apply(&w, &c[i], &res);
	}
	world_free(&w);
	return sbuf_take(&b);
}

char *
quiz_step_text(const struct cmd *c, unsigned k)
{
	char *all = quiz_scenario_text(c, k + 1, true), *nl, *last;

	nl = strrchr(all, '\n');
	if (nl != NULL)
		*nl = '\0';
	last = strrchr(all, '\n');
	last = xstrdup(last != NULL ? last + 1 : all);
	free(all);
	return last;
}

int
quiz_probe_run(const struct cmd *c, unsigned n, const char *probe)
{
	struct script s;
	struct script_err err;
	struct sim_result res;
	struct world w;
	bool ok;

	if (probe == NULL ||
	    !script_parse_buf("probe", probe, strlen(probe), &s, &err))
		return -1;
	ok = quiz_replay(&w, c, n);
	for (size_t i = 0; i < s.n && ok; i++)
		ok = world_apply(&w, &s.cmds[i], &res) == SIM_OK;
	world_free(&w);
	script_free(&s);
	return ok;
}

bool
quiz_probe_passes(const struct cmd *c, unsigned n, const char *probe)
{
	return quiz_probe_run(c, n, probe) == 1;
}

/* The story with command i moved to position p < i; false if the world
 * refuses a command of it. */
static bool
story_moved(const struct story *st, unsigned i, unsigned p, struct cmd *out)
{
	struct world w;
	bool ok;

	memcpy(out, st->cmd, st->n * sizeof(*out));
	memmove(out + p + 1, st->cmd + p, (i - p) * sizeof(*out));
	out[p] = st->cmd[i];
	ok = quiz_replay(&w, out, st->n);
	world_free(&w);
	return ok;
}

char *
quiz_story_alts(const struct story *st)
{
	struct sbuf b = { 0 };
	struct cmd alt[STORY_MAX];

	for (unsigned i = 1; i < st->n; i++)
		for (unsigned p = st->after[i] + 1u; p < i; p++) {
			char *text;

			if (!story_moved(st, i, p, alt))
				continue;
			text = quiz_scenario_text(alt, st->n, false);
			sbuf_add(&b, "%s%s", b.len ? "%%\n" : "", text);
			free(text);
		}
	return b.len ? sbuf_take(&b) : NULL;
}

unsigned
quiz_story_topics(const struct story *st, unsigned i)
{
	unsigned t = 0;
	enum cmd_kind k = st->cmd[i].kind;

	if (st->phase[i] == PH_OPEN)
		t |= QUIZ_TOPIC_BIT(st->open == OPEN_REFUSED ? QUIZ_TOP_RST :
		    QUIZ_TOP_HANDSHAKE);
	if (st->phase[i] == PH_DATA)
		t |= QUIZ_TOPIC_BIT(QUIZ_TOP_NUMBERS);
	if (st->phase[i] == PH_CLOSE)
		t |= QUIZ_TOPIC_BIT(st->close == CLOSE_ABORT ? QUIZ_TOP_RST :
		    QUIZ_TOP_CLOSE);
	if (st->phase[i] == PH_CLOSE && (k == CMD_WAIT ||
	    st->close == CLOSE_LOST_ACK))
		t |= QUIZ_TOPIC_BIT(QUIZ_TOP_TIMEWAIT);
	if (k == CMD_WAIT_TIMER || k == CMD_DROP)
		t |= QUIZ_TOPIC_BIT(QUIZ_TOP_TIMERS);
	return t;
}
