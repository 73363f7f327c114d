/*
 * The scenario language parser: one line to one struct cmd.
 *
 * Data model: script_commands[] (indexed by enum cmd_kind) says how each
 * command starts; the lexer (lex.c) has already cut the line into words,
 * and a cursor (struct arg_cur) walks them.  The command word picks a
 * table row, then a switch on the row's kind reads the arguments with the
 * readers of args.c, each of which either fills its part of the command
 * or writes the error (column and message naming the word) and returns
 * false.  Only the commands with several words of their own (set, isn,
 * expect) have readers here.
 */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "lib/i18n.h"
#include "script/script_internal.h"

const struct script_command script_commands[CMD_NKINDS] = {
	{ CMD_SEED, false, "seed", NULL, "N",
	  N_("Seed the random numbers (ISNs); the default is 1.") },
	{ CMD_ISN, false, "isn", NULL, "HOST N [N...]",
	  N_("The initial sequence numbers HOST uses, in order.") },
	{ CMD_PROFILE, false, "profile", NULL, "rfc9293|linux",
	  N_("Timer defaults of RFC 9293 or of Linux.") },
	{ CMD_SET, false, "set", NULL, "NAME VALUE",
	  N_("Change one setting (msl, rto, retries, delayed_ack, ...).") },
	{ CMD_LISTEN, true, "listen", NULL, "",
	  N_("Passive open: wait for a connection.") },
	{ CMD_CONNECT, true, "connect", NULL, "",
	  N_("Active open: send a SYN.") },
	{ CMD_SEND, true, "send", NULL, "N",
	  N_("The application writes N bytes (1 to 65535).") },
	{ CMD_CLOSE, true, "close", NULL, "",
	  N_("The application closes the connection: send a FIN.") },
	{ CMD_SHUTDOWN, true, "shutdown", NULL, "",
	  N_("Half-close: send a FIN but keep reading.") },
	{ CMD_ABORT, true, "abort", NULL, "",
	  N_("Abort the connection: send a RST where the RFC says so.") },
	{ CMD_CRASH, true, "crash", NULL, "",
	  N_("The host forgets every connection without a word.") },
	{ CMD_READ, true, "read", NULL, "[N]",
	  N_("The application reads N bytes, or all that waits "
	  "(with set app_read manual).") },
	{ CMD_DELIVER, false, "deliver", NULL, "[SEL]",
	  N_("The oldest matching segment in flight arrives.") },
	{ CMD_DROP, false, "drop", NULL, "[SEL]",
	  N_("The oldest matching segment in flight is lost.") },
	{ CMD_DUP, false, "dup", NULL, "[SEL]",
	  N_("The network copies the oldest matching segment in flight.") },
	{ CMD_INJECT, false, "inject", NULL,
	  "DIR FLAGS [seq=N] [ack=N] [len=N]",
	  N_("Put a crafted segment in flight.") },
	{ CMD_SETTLE, false, "settle", NULL, "",
	  N_("Deliver segments, oldest first, until none is in flight.") },
	{ CMD_WAIT, false, "wait", NULL, "DURATION",
	  N_("Let time pass; expiring timers fire in order.") },
	{ CMD_WAIT_TIMER, false, "wait", "timer", "",
	  N_("Let time pass until the next timer fires.") },
	{ CMD_EXPECT_STATE, false, "expect", NULL, "HOST STATE",
	  N_("Check that HOST is in STATE.") },
	{ CMD_EXPECT_INFLIGHT, false, "expect", "inflight",
	  "[SEL] FLAGS [seq=N] [ack=N] [len=N]",
	  N_("Check a segment in flight: exactly these flags and fields.") },
	{ CMD_EXPECT_INFLIGHT_NONE, false, "expect", "inflight", "none",
	  N_("Check that nothing is in flight.") },
	{ CMD_EXPECT_SENT, false, "expect", "sent",
	  "HOST FLAGS [seq=N] [ack=N] [len=N]",
	  N_("Check the newest segment HOST has sent.") },
	{ CMD_EXPECT_NOTICE, false, "expect", "notice", "HOST WORD",
	  N_("Check that HOST's application was told WORD.") },
	{ CMD_EXPECT_TIME, false, "expect", "time", "DURATION",
	  N_("Check that the simulated clock reads exactly DURATION "
	  "(extension).") }
};

const char *const script_set_names[SET_NKEYS] = {
	"msl", "rto", "syn_retries", "retries", "fin_wait_2_timeout",
	"delayed_ack", "time_wait", "handshake", "synack_retries", "rto_max",
	"app_read", "syn_linear_timeouts"
};

static const char *const command_words[] = {
	"seed", "isn", "profile", "set", "listen", "connect", "send", "close",
	"shutdown", "abort", "crash", "deliver", "drop", "dup", "inject",
	"settle", "wait", "expect", "client", "server", "read"
};

static const char *const host_verbs[] = {
	"listen", "connect", "send", "close", "shutdown", "abort", "crash",
	"read"
};

#define NVERBS (sizeof(host_verbs) / sizeof(host_verbs[0]))
#define NWORDS (sizeof(command_words) / sizeof(command_words[0]))

/* A duration, or "off" (on = false). */
static bool
p_dur_or_off(struct arg_cur *pc, struct cmd *c)
{
	const struct script_word *w = arg_peek(pc);

	if (w != NULL && script_word_is(w, "off")) {
		pc->i++;
		c->on = false;
		return true;
	}
	c->on = true;
	return arg_duration(pc, true, false, &c->dur);
}

static bool
p_set_key(struct arg_cur *pc, enum set_key *key)
{
	const struct script_word *w = arg_next(pc);
	const char *near;
	char b[SHOWSZ];

	if (w == NULL)
		return arg_fail(pc, pc->ln->endcol, _("missing the name of a "
		    "setting, such as msl"));
	for (unsigned k = 0; k < SET_NKEYS; k++)
		if (script_word_is(w, script_set_names[k])) {
			*key = (enum set_key)k;
			return true;
		}
	near = script_suggest(w, script_set_names, SET_NKEYS);
	if (near != NULL)
		return arg_fail(pc, w->col, _("unknown setting '%s'; did you "
		    "mean '%s'?"), arg_show(w, b), near);
	return arg_fail(pc, w->col, _("unknown setting '%s' (settings are "
	    "msl, rto, rto_max, syn_retries, synack_retries, retries, "
	    "syn_linear_timeouts, fin_wait_2_timeout, delayed_ack, "
	    "time_wait, handshake and app_read)"), arg_show(w, b));
}

static bool
p_set(struct arg_cur *pc, struct cmd *c)
{
	if (!p_set_key(pc, &c->key))
		return false;
	switch (c->key) {
	case SET_MSL:
		return arg_duration(pc, false, false, &c->dur);
	case SET_RTO:
		return arg_duration(pc, true, false, &c->dur);
	case SET_RTO_MAX:
	case SET_FIN_WAIT_2_TIMEOUT:
		return p_dur_or_off(pc, c);
	case SET_SYN_RETRIES:
	case SET_RETRIES:
	case SET_SYNACK_RETRIES:
		return arg_number(pc, 0, 255, &c->num);
	case SET_SYN_LINEAR:
		/* The kernel takes up to MAX_TCP_SYNCNT (127); the world
		 * allows 100 retries of any kind. */
		return arg_number(pc, 0, 100, &c->num);
	case SET_DELAYED_ACK:
	case SET_TIME_WAIT:
		return arg_choice(pc, "on", "off", &c->on);
	case SET_HANDSHAKE:
		return arg_choice(pc, "three", "two", &c->on);
	case SET_APP_READ:
		return arg_choice(pc, "auto", "manual", &c->on);
	}
	return false;
}

static bool
p_isn(struct arg_cur *pc, struct cmd *c)
{
	const struct script_word *w;
	uint64_t v;

	if (!arg_host(pc, &c->host) || !arg_number(pc, 0, UINT32_MAX, &v))
		return false;
	c->isn[c->nisn++] = (uint32_t)v;
	while ((w = arg_peek(pc)) != NULL) {
		if (c->nisn == CMD_ISN_MAX)
			return arg_fail(pc, w->col, _("too many ISNs (at most "
			    "%d)"), CMD_ISN_MAX);
		if (!arg_number(pc, 0, UINT32_MAX, &v))
			return false;
		c->isn[c->nisn++] = (uint32_t)v;
	}
	return true;
}

static bool
p_profile(struct arg_cur *pc, struct cmd *c)
{
	bool rfc;

	if (!arg_choice(pc, "rfc9293", "linux", &rfc))
		return false;
	c->profile = rfc ? PROFILE_RFC9293 : PROFILE_LINUX;
	return true;
}

/* "expect inflight" is followed by "none" or by [SEL] FLAGS .... */
static bool
p_expect_inflight(struct arg_cur *pc, struct cmd *c)
{
	const struct script_word *w = arg_peek(pc);

	if (w != NULL && script_word_is(w, "none")) {
		pc->i++;
		c->kind = CMD_EXPECT_INFLIGHT_NONE;
		return true;
	}
	c->sel.kind = SEL_ANY;
	if (w != NULL && arg_is_sel(w)) {
		pc->i++;
		if (!arg_sel_word(pc, w, &c->sel))
			return false;
	}
	return arg_segspec(pc, &c->seg);
}

static bool
p_expect_host(struct arg_cur *pc, struct cmd *c)
{
	const struct script_word *w = arg_peek(pc);
	char b[SHOWSZ];

	if (w != NULL && !arg_host_word(w, &c->host))
		return arg_fail(pc, w->col, _("expected a host, 'inflight', "
		    "'sent', 'notice' or 'time' after 'expect', got '%s'"),
		    arg_show(w, b));
	return arg_host(pc, &c->host) && arg_state(pc, &c->state);
}

static bool
p_args(struct arg_cur *pc, struct cmd *c)
{
	uint64_t v;

	switch (c->kind) {
	case CMD_SEED:
		return arg_number(pc, 0, UINT64_MAX, &c->num);
	case CMD_ISN:
		return p_isn(pc, c);
	case CMD_PROFILE:
		return p_profile(pc, c);
	case CMD_SET:
		return p_set(pc, c);
	case CMD_SEND:
		if (!arg_number(pc, 1, 65535, &v))
			return false;
		c->num = v;
		return true;
	case CMD_READ:
		c->num = 0;
		if (arg_peek(pc) == NULL)
			return true;
		return arg_number(pc, 1, UINT32_MAX, &c->num);
	case CMD_LISTEN:
	case CMD_CONNECT:
	case CMD_CLOSE:
	case CMD_SHUTDOWN:
	case CMD_ABORT:
	case CMD_CRASH:
	case CMD_SETTLE:
	case CMD_WAIT_TIMER:
	case CMD_EXPECT_INFLIGHT_NONE:
		return true;
	case CMD_DELIVER:
	case CMD_DROP:
	case CMD_DUP:
		return arg_sel(pc, &c->sel);
	case CMD_INJECT:
		return arg_dir(pc, &c->dir) && arg_segspec(pc, &c->seg);
	case CMD_WAIT:
	case CMD_EXPECT_TIME:
		return arg_duration(pc, true, true, &c->dur);
	case CMD_EXPECT_STATE:
		return p_expect_host(pc, c);
	case CMD_EXPECT_INFLIGHT:
		return p_expect_inflight(pc, c);
	case CMD_EXPECT_SENT:
		return arg_host(pc, &c->host) && arg_segspec(pc, &c->seg);
	case CMD_EXPECT_NOTICE:
		return arg_host(pc, &c->host) && arg_notice(pc, &c->notice);
	}
	return false;
}

/* The row whose words start the command; host_first rows are looked up by
 * their verb.  A row with a sub keyword wins over one without. */
static const struct script_command *
p_lookup(const struct script_word *w, const struct script_word *next,
    bool host_first)
{
	const struct script_command *fallback = NULL;

	for (unsigned k = 0; k < CMD_NKINDS; k++) {
		const struct script_command *sc = &script_commands[k];

		if (sc->host_first != host_first ||
		    !script_word_is(w, sc->name))
			continue;
		if (sc->sub == NULL) {
			if (fallback == NULL)
				fallback = sc;
		} else if (next != NULL && script_word_is(next, sc->sub))
			return sc;
	}
	return fallback;
}

static bool
p_unknown(struct arg_cur *pc, const struct script_word *w, bool after_host)
{
	const char *near;
	char b[SHOWSZ], name[16];

	if (!after_host && p_lookup(w, NULL, true) != NULL &&
	    script_word_copy(w, name, sizeof(name)))
		return arg_fail(pc, w->col, _("'%s' needs a host first, as in "
		    "'client %s'"), name, name);
	if (after_host) {
		near = script_suggest(w, host_verbs, NVERBS);
		if (near == NULL)
			return arg_fail(pc, w->col, _("unknown command '%s' "
			    "for a host (listen, connect, send, read, close, "
			    "shutdown, abort or crash)"), arg_show(w, b));
	} else {
		near = script_suggest(w, command_words, NWORDS);
		if (near == NULL)
			return arg_fail(pc, w->col, _("unknown command '%s'"),
			    arg_show(w, b));
	}
	return arg_fail(pc, w->col, _("unknown command '%s'; did you mean "
	    "'%s'?"), arg_show(w, b), near);
}

/* The command's words: HOST VERB, or NAME [SUB]. */
static bool
p_command(struct arg_cur *pc, struct cmd *c)
{
	const struct script_word *w = arg_next(pc);
	const struct script_command *sc;
	bool host_first = arg_host_word(w, &c->host);
	char b[SHOWSZ];

	if (host_first) {
		w = arg_next(pc);
		if (w == NULL)
			return arg_fail(pc, pc->ln->endcol, _("missing a "
			    "command after '%s', such as 'connect'"),
			    arg_show(&pc->ln->w[0], b));
	}
	sc = p_lookup(w, arg_peek(pc), host_first);
	if (sc == NULL)
		return p_unknown(pc, w, host_first);
	if (sc->sub != NULL)
		pc->i++;
	c->kind = sc->kind;
	return true;
}

int
script_parse_span(const char *text, size_t len, unsigned lineno,
    struct cmd *out, struct script_err *err)
{
	struct script_line ln;
	struct arg_cur pc = { &ln, 0, err };

	memset(out, 0, sizeof(*out));
	err->line = lineno;
	err->column = 0;
	err->msg[0] = '\0';
	script_lex(text, len, &ln);
	if (ln.badcol != 0) {
		arg_fail(&pc, ln.badcol, ln.badutf ? _("invalid UTF-8 byte "
		    "0x%02x") : _("invalid byte 0x%02x"), ln.bad);
		return -1;
	}
	if (ln.n == 0)
		return 0;
	if (!p_command(&pc, out) || !p_args(&pc, out) || !arg_end(&pc))
		return -1;
	out->line = lineno;
	return 1;
}

int
script_parse_line(const char *text, unsigned lineno, struct cmd *out,
    struct script_err *err)
{
	err->file[0] = '\0';
	return script_parse_span(text, strlen(text), lineno, out, err);
}

char *
script_command_synopsis(const struct script_command *sc, char *buf,
    size_t size)
{
	const char *sub = sc->sub != NULL ? sc->sub : "";

	snprintf(buf, size, "%s%s%s%s%s%s", sc->host_first ? "HOST " : "",
	    sc->name, sub[0] != '\0' ? " " : "", sub,
	    sc->args[0] != '\0' ? " " : "", sc->args);
	return buf;
}
