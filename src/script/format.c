/*
 * The canonical text of a command: what script_format() returns parses
 * back to an identical struct cmd.  The TUI shows this text for commands
 * picked from its menu, and a saved session is these lines
 * (script_save_file, written whole through lib/atomic).
 *
 * Data model: the text is built left to right in the caller's buffer by a
 * small appender (struct sbuf) that never overruns and truncates silently;
 * the canonical spellings are the long host names, lower-case keywords,
 * upper-case flags and states, and the largest whole unit of a duration.
 */
#include <config.h>

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/atomic.h"
#include "lib/i18n.h"
#include "lib/sbuf.h"
#include "script/script_internal.h"

/* Indexed by bit position: FIN is 0x01, SYN 0x02, ... as in core/tcp.h. */
const char *const script_flag_names[6] = {
	"FIN", "SYN", "RST", "PSH", "ACK", "URG"
};

/* The order people write them in: SYN+ACK, FIN+ACK, PSH+ACK, RST+ACK. */
static const char *const host_names[2] = { "client", "server" };
static const char *const dir_names[2] = { "c>s", "s>c" };


char *
script_flags_str(uint8_t flags, char *buf)
{
	/* The core's names, in its order; no flags is no text here. */
	if (flags == 0) {
		buf[0] = '\0';
		return buf;
	}
	return tcp_flags_str(flags, buf);
}

static void
f_dur(struct sbuf *f, const struct cmd_dur *d)
{
	if (d->msl != 0)
		sbuf_add(f, " %lumsl", (unsigned long)d->msl);
	else if (d->ms != 0 && d->ms % 60000 == 0)
		sbuf_add(f, " %llumin", (unsigned long long)(d->ms / 60000));
	else if (d->ms != 0 && d->ms % 1000 == 0)
		sbuf_add(f, " %llus", (unsigned long long)(d->ms / 1000));
	else
		sbuf_add(f, " %llums", (unsigned long long)d->ms);
}

static void
f_sel(struct sbuf *f, const struct cmd_sel *s)
{
	switch (s->kind) {
	case SEL_ANY:
		break;
	case SEL_ID:
		sbuf_add(f, " #%lu", (unsigned long)s->id);
		break;
	case SEL_DIR:
		sbuf_add(f, " %s", dir_names[s->dir == DIR_S2C]);
		break;
	}
}

static void
f_segspec(struct sbuf *f, const struct cmd_segspec *s)
{
	char flags[TCP_FLAGS_BUFSZ];

	sbuf_add(f, " %s", script_flags_str(s->flags, flags));
	if (s->has_seq)
		sbuf_add(f, " seq=%lu", (unsigned long)s->seq);
	if (s->has_ack)
		sbuf_add(f, " ack=%lu", (unsigned long)s->ack);
	if (s->has_len)
		sbuf_add(f, " len=%u", (unsigned)s->len);
}

static void
f_set(struct sbuf *f, const struct cmd *c)
{
	sbuf_add(f, "set %s", script_set_names[c->key]);
	switch (c->key) {
	case SET_MSL:
	case SET_RTO:
		f_dur(f, &c->dur);
		break;
	case SET_RTO_MAX:
	case SET_FIN_WAIT_2_TIMEOUT:
		if (c->on)
			f_dur(f, &c->dur);
		else
			sbuf_add(f, " off");
		break;
	case SET_SYN_RETRIES:
	case SET_RETRIES:
	case SET_SYNACK_RETRIES:
	case SET_SYN_LINEAR:
		sbuf_add(f, " %llu", (unsigned long long)c->num);
		break;
	case SET_DELAYED_ACK:
	case SET_TIME_WAIT:
		sbuf_add(f, " %s", c->on ? "on" : "off");
		break;
	case SET_HANDSHAKE:
		sbuf_add(f, " %s", c->on ? "three" : "two");
		break;
	case SET_APP_READ:
		sbuf_add(f, " %s", c->on ? "auto" : "manual");
		break;
	}
}

static void
f_setup(struct sbuf *f, const struct cmd *c)
{
	if (c->kind == CMD_SEED)
		sbuf_add(f, "seed %llu", (unsigned long long)c->num);
	else if (c->kind == CMD_PROFILE)
		sbuf_add(f, "profile %s",
		    c->profile == PROFILE_LINUX ? "linux" : "rfc9293");
	else if (c->kind == CMD_SET)
		f_set(f, c);
	else {
		sbuf_add(f, "isn %s", host_names[c->host == HOST_SERVER]);
		for (unsigned i = 0; i < c->nisn && i < CMD_ISN_MAX; i++)
			sbuf_add(f, " %lu", (unsigned long)c->isn[i]);
	}
}

static void
f_expect(struct sbuf *f, const struct cmd *c)
{
	const char *host = host_names[c->host == HOST_SERVER];

	if (c->kind == CMD_EXPECT_STATE)
		sbuf_add(f, "expect %s %s", host, tcp_state_name(c->state));
	else if (c->kind == CMD_EXPECT_INFLIGHT_NONE)
		sbuf_add(f, "expect inflight none");
	else if (c->kind == CMD_EXPECT_TIME) {
		sbuf_add(f, "expect time");
		f_dur(f, &c->dur);
	}
	else if (c->kind == CMD_EXPECT_NOTICE)
		sbuf_add(f, "expect notice %s %s", host,
		    tcp_notice_name(c->notice));
	else if (c->kind == CMD_EXPECT_SENT) {
		sbuf_add(f, "expect sent %s", host);
		f_segspec(f, &c->seg);
	} else {
		sbuf_add(f, "expect inflight");
		f_sel(f, &c->sel);
		f_segspec(f, &c->seg);
	}
}

char *
script_format(const struct cmd *c, char *buf, size_t size)
{
	struct sbuf f = { buf, size, 0, false };
	const struct script_command *sc = &script_commands[c->kind];

	if (size == 0)
		return buf;
	buf[0] = '\0';
	switch (c->kind) {
	case CMD_SEED:
	case CMD_ISN:
	case CMD_PROFILE:
	case CMD_SET:
		f_setup(&f, c);
		break;
	case CMD_LISTEN:
	case CMD_CONNECT:
	case CMD_CLOSE:
	case CMD_SHUTDOWN:
	case CMD_ABORT:
	case CMD_CRASH:
		sbuf_add(&f, "%s %s", host_names[c->host == HOST_SERVER],
		    sc->name);
		break;
	case CMD_SEND:
		sbuf_add(&f, "%s send %llu", host_names[c->host == HOST_SERVER],
		    (unsigned long long)c->num);
		break;
	case CMD_READ:
		sbuf_add(&f, "%s read", host_names[c->host == HOST_SERVER]);
		if (c->num > 0)
			sbuf_add(&f, " %llu", (unsigned long long)c->num);
		break;
	case CMD_DELIVER:
	case CMD_DROP:
	case CMD_DUP:
		sbuf_add(&f, "%s", sc->name);
		f_sel(&f, &c->sel);
		break;
	case CMD_INJECT:
		sbuf_add(&f, "inject %s", dir_names[c->dir == DIR_S2C]);
		f_segspec(&f, &c->seg);
		break;
	case CMD_SETTLE:
	case CMD_WAIT_TIMER:
		sbuf_add(&f, "%s%s%s", sc->name, sc->sub ? " " : "",
		    sc->sub ? sc->sub : "");
		break;
	case CMD_WAIT:
		sbuf_add(&f, "wait");
		f_dur(&f, &c->dur);
		break;
	case CMD_EXPECT_STATE:
	case CMD_EXPECT_INFLIGHT:
	case CMD_EXPECT_INFLIGHT_NONE:
	case CMD_EXPECT_SENT:
	case CMD_EXPECT_NOTICE:
	case CMD_EXPECT_TIME:
		f_expect(&f, c);
		break;
	}
	return buf;
}

/* The whole file is built in memory and written by atomic_write_file
 * (temporary file in the same directory, fsync, rename): a crash leaves
 * either the old file or the new one, never half of one. */
bool
script_save_file(const struct cmd *cmds, size_t n, const char *path,
    char *err, size_t errsize)
{
	struct sbuf b = { 0 };
	char line[512], *buf;
	size_t len;
	int e = 0;

	sbuf_add(&b, "%s", _("# A tcpteach session. Replay it with: "
	    "tcpteach play FILE\n"));
	for (size_t i = 0; i < n; i++)
		sbuf_add(&b, "%s\n", script_format(&cmds[i], line,
		    sizeof(line)));
	len = b.len;
	buf = sbuf_take(&b);
	if (atomic_write_file(path, buf, len) != 0)
		e = errno;
	free(buf);
	if (e == 0)
		return true;
	/* TRANSLATORS: a file name, then the system's error message. */
	snprintf(err, errsize, _("Cannot save %s: %s"), path, strerror(e));
	return false;
}
