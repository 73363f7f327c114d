/*
 * `tcpteach capture [--list | --stats | --show N [--diagram] [--relative]
 * | --to-scenario N] [--verify-checksums] FILE`.
 *
 * Data model: one streaming pass.  The tracker reports each connection
 * when it is over; --list prints its line then, so lines come in the order
 * connections ended (the id is the order they began, as Wireshark's
 * tcp.stream numbers them, counted from 1).  --stats prints the totals
 * and the state plot at the end.  --show and --to-scenario watch one
 * connection and print as its segments come.
 */
#include <config.h>

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "capture/cli.h"
#include "capture/cli_int.h"
#include "lib/i18n.h"
#include "lib/opt.h"

const char *
cap_hs_word(enum cap_handshake hs)
{
	switch (hs) {
	case CAP_HS_NONE:
		return _("not-seen");
	case CAP_HS_COMPLETE:
		return _("complete");
	case CAP_HS_INCOMPLETE:
		return _("incomplete");
	case CAP_HS_REFUSED:
		return _("refused");
	}
	return "";
}

/* The words of a --list line, translated once: a busy capture has a
 * hundred thousand lines, and gettext and printf per field would cost more
 * than reading the segments. */
static void
cli_words(struct cap_cli *o)
{
	for (int h = 0; h < 4; h++)
		o->w_hs[h] = cap_hs_word((enum cap_handshake)h);
	o->w_who[0] = _("client");
	o->w_who[1] = _("server");
	o->w_who[2] = _("both");
}

static char *
cli_put(char *p, const char *s)
{
	while (*s != '\0')
		*p++ = *s++;
	return p;
}

static char *
cli_num(char *p, uint64_t v)
{
	char tmp[24];
	int n = 0;

	do
		tmp[n++] = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	while (n > 0)
		*p++ = tmp[--n];
	return p;
}

/* "10.0.0.1:40000", or the general form for IPv6. */
static char *
cli_end(char *p, const struct cap_end *e, bool v6)
{
	char buf[CAP_END_BUFSZ];

	if (v6)
		return cli_put(p, cap_end_str(e, v6, buf));
	for (int i = 0; i < 4; i++) {
		p = cli_num(p, e->addr[i]);
		*p++ = i < 3 ? '.' : ':';
	}
	return cli_num(p, e->port);
}

/* "   7  10.0.0.1:40000 > 10.0.0.2:80  9  complete  client
 * TIME_WAIT/CLOSED  0  0 fin-ack-close" */
void
cap_conn_line(const struct cap_cli *o, const struct cap_conn *c)
{
	char line[512], *p = line;
	uint64_t id = c->id;

	for (uint64_t w = 1000; w > 1 && id < w; w /= 10)
		*p++ = ' ';
	p = cli_num(p, id);
	p = cli_put(p, "  ");
	p = cli_end(p, &c->end[0], c->v6);
	p = cli_put(p, " > ");
	p = cli_end(p, &c->end[1], c->v6);
	p = cli_put(cli_num(cli_put(p, "  "), c->nsegs), "  ");
	p = cli_put(cli_put(p, o->w_hs[c->hs]), "  ");
	p = cli_put(cli_put(p, c->first_fin < 0 ? "-" :
	    o->w_who[c->first_fin]), "  ");
	p = cli_put(p, tcp_state_name(c->final[HOST_CLIENT]));
	p = cli_put(cli_put(p, "/"), tcp_state_name(c->final[HOST_SERVER]));
	p = cli_num(cli_put(p, "  "), c->nrexmit);
	p = cli_num(cli_put(p, "  "), c->nrst);
	if (c->rst_by)
		p = cli_put(cli_put(cli_put(p, " ("),
		    o->w_who[c->rst_by == 3 ? 2 : c->rst_by - 1]), ")");
	for (int f = 0; f < CAP_NFLAGS; f++)
		if ((c->flags & (1u << f)) && ((1u << f) & (CAP_F_REXMIT |
		    CAP_F_RST | CAP_F_INCOMPLETE)) == 0)
			p = cli_put(cli_put(p, " "),
			    cap_flag_word((enum cap_flag)(1u << f)));
	*p++ = '\n';
	fwrite(line, 1, (size_t)(p - line), o->out);
}

static void
cli_done(void *ctx, const struct cap_conn *c)
{
	struct cap_cli *o = ctx;

	if (o->mode == CAP_M_LIST) {
		if (!o->header) {
			fputs(_("  id  client > server  segments  handshake  "
			    "closed-first  client/server-states  rexmit  "
			    "rst  flags\n"), o->out);
			o->header = true;
		}
		cap_conn_line(o, c);
	} else if (c->id == o->id)
		cap_show_done(o, c);
}

static void
cli_plot_row(FILE *out, const struct cap_stats *s, unsigned st)
{
	static const char levels[] = " .:-=+*#";
	uint64_t peak = 0;
	char row[CAP_PLOT_COLS + 1];

	for (unsigned i = 0; i < CAP_PLOT_COLS; i++)
		if (s->plot[i][st] > peak)
			peak = s->plot[i][st];
	if (peak == 0)
		return;
	for (unsigned i = 0; i < CAP_PLOT_COLS; i++) {
		uint64_t v = s->plot[i][st];

		row[i] = levels[v == 0 ? 0 : 1 + (v * 6 + peak - 1) / peak];
	}
	row[CAP_PLOT_COLS] = '\0';
	fprintf(out, "  %-12s |%s| %llu\n", tcp_state_name((enum tcp_state)st),
	    row, (unsigned long long)peak);
}

static void
cli_stats(const struct cap_cli *o, const struct cap_stats *s)
{
	FILE *out = o->out;

	fprintf(out, _("connections:            %llu (at most %llu open at "
	    "once)\n"), (unsigned long long)s->conns,
	    (unsigned long long)s->open_max);
	fprintf(out, _("handshakes:             %llu complete, %llu "
	    "incomplete, %llu refused, %llu not seen\n"),
	    (unsigned long long)s->hs_complete,
	    (unsigned long long)s->hs_incomplete,
	    (unsigned long long)s->hs_refused,
	    (unsigned long long)s->hs_none);
	fprintf(out, _("closed first by:        client %llu, server %llu\n"),
	    (unsigned long long)s->closed_by[0],
	    (unsigned long long)s->closed_by[1]);
	fprintf(out, _("reset:                  %llu\n"),
	    (unsigned long long)s->reset);
	fprintf(out, _("retransmissions:        %llu\n"),
	    (unsigned long long)s->rexmit);
	fprintf(out, _("reused 4-tuples:        %llu\n"),
	    (unsigned long long)s->reused);
	if (s->abandoned > 0)
		fprintf(out, _("handshakes idle for over 130 s, reported "
		    "as they stood: %llu\n"), (unsigned long long)s->abandoned);
	if (!s->plot_started)
		return;
	fprintf(out, _("\nEndpoints in each state over time (one column = "
	    "%.3f s, the largest count\nin its span; the number is the "
	    "peak):\n"), (double)s->plot_width_us / 1e6);
	for (unsigned st = TCP_LISTEN; st < TCP_NSTATES; st++)
		cli_plot_row(out, s, st);
}

/* Where the options go: the printer's settings and the reader's. */
struct cli_args {
	struct cap_cli o;
	bool verify;
};

#define CLI_OPT(field) offsetof(struct cli_args, field)

static int
cli_list(void *dest, const char *v, char *why, size_t size)
{
	(void)v, (void)why, (void)size;
	((struct cli_args *)dest)->o.mode = CAP_M_LIST;
	return 0;
}

static int
cli_stats_mode(void *dest, const char *v, char *why, size_t size)
{
	(void)v, (void)why, (void)size;
	((struct cli_args *)dest)->o.mode = CAP_M_STATS;
	return 0;
}

/* --show N and --to-scenario N: which connection, counted from 1. */
static int
cli_id(struct cap_cli *o, enum cap_mode mode, const char *opt,
    const char *arg, char *why, size_t size)
{
	char *end;
	unsigned long long v = strtoull(arg, &end, 10);

	if (*arg < '1' || *arg > '9' || *end != '\0') {
		snprintf(why, size, _("option '%s' wants a connection number "
		    "(1, 2, ...), not '%s'"), opt, arg);
		return -1;
	}
	o->mode = mode;
	o->id = v;
	return 0;
}

static int
cli_show(void *dest, const char *v, char *why, size_t size)
{
	return cli_id(&((struct cli_args *)dest)->o, CAP_M_SHOW, "--show", v,
	    why, size);
}

static int
cli_scenario(void *dest, const char *v, char *why, size_t size)
{
	return cli_id(&((struct cli_args *)dest)->o, CAP_M_SCENARIO,
	    "--to-scenario", v, why, size);
}

static const struct opt cli_opt_table[] = {
	{ "list", 0, OPT_NOARG, NULL, N_("one line per connection (the "
	    "default)"), OPT_CALL, 0, 0, 0, cli_list },
	{ "stats", 0, OPT_NOARG, NULL, N_("totals, and the endpoints in each "
	    "state over time"), OPT_CALL, 0, 0, 0, cli_stats_mode },
	{ "show", 0, OPT_ARG, N_("N"), N_("connection N segment by segment, "
	    "with both ends' states"), OPT_CALL, 0, 0, 0, cli_show },
	{ "diagram", 0, OPT_NOARG, NULL, N_("with --show: an RFC 9293-style "
	    "diagram"), OPT_FLAG, CLI_OPT(o.diagram), 0, 0, NULL },
	{ "relative", 0, OPT_NOARG, NULL, N_("with --show: sequence numbers "
	    "relative to each ISN"), OPT_FLAG, CLI_OPT(o.relative), 0, 0,
	    NULL },
	{ "to-scenario", 0, OPT_ARG, N_("N"), N_("a scenario file that "
	    "replays connection N"), OPT_CALL, 0, 0, 0, cli_scenario },
	{ "verify-checksums", 0, OPT_NOARG, NULL, N_("skip segments with a "
	    "bad IP or TCP checksum"), OPT_FLAG, CLI_OPT(verify), 0, 0, NULL },
};

static const struct opt_rel cli_rels[] = {
	{ OPT_EXCLUDES, "list|stats|show|to-scenario", NULL },
	{ OPT_NEEDS, "diagram|relative", "show" },
};

const struct opt_cmd capture_opt_cmd = {
	"capture", cli_opt_table, OPT_N(cli_opt_table), {
	    { N_("[--list|--stats|--show N|--to-scenario N] FILE"),
	      N_("read a tcpdump or Wireshark capture (see 'capture --help')") } },
	N_("Read a tcpdump or Wireshark capture (pcap or pcapng; '-' is "
	    "standard input)\nand run each TCP connection through the state "
	    "machine.  A file alone, on a\nterminal: the connection list "
	    "screen."),
	N_("Exit status: 0 the file was read, 1 it ends early or is corrupt "
	    "(what was\nread is reported), 2 bad usage, a file that is not a "
	    "capture, or no such\nconnection."), 0, NULL,
	cli_rels, OPT_N(cli_rels), { { NULL, N_("FILE"), 1, 1 } }
};

static int
cli_options(int argc, char **argv, struct cli_args *a)
{
	struct opt_args rest;
	int rc = opt_parse(&capture_opt_cmd, argc, argv, a, &rest, a->o.out,
	    a->o.err);

	if (rc != OPT_GO_ON)
		return rc == TT_EXIT_OK ? -1 : rc;
	a->o.file = rest.argv[0];
	return TT_EXIT_OK;
}

int
capture_cli(int argc, char **argv, FILE *out, FILE *err)
{
	struct cli_args a = { .o = { .mode = CAP_M_LIST, .out = out,
	    .err = err } };
	struct cap_cli o;
	struct cap_read r = { 0 };
	struct cap_tracker t;
	struct cap_obs obs = { .ctx = &o, .done = cli_done };
	int rc = cli_options(argc, argv, &a);

	if (rc != TT_EXIT_OK)
		return rc < 0 ? TT_EXIT_OK : rc;
	o = a.o;
	r.verify = a.verify;
	cli_words(&o);
	if (o.mode == CAP_M_SHOW || o.mode == CAP_M_SCENARIO) {
		obs.segment = cap_show_segment;
		obs.command = cap_show_command;
	}
	cap_tracker_init(&t, &obs, o.mode == CAP_M_SHOW ||
	    o.mode == CAP_M_SCENARIO ? o.id : 0);
	t.count_states = o.mode == CAP_M_STATS;	/* the plot */
	rc = cap_read_file(o.file, NULL, &t, &r, err);
	if (rc != TT_EXIT_USAGE) {
		cap_tracker_finish(&t);
		if (o.mode == CAP_M_STATS)
			cli_stats(&o, &t.st);
		if ((o.mode == CAP_M_SHOW || o.mode == CAP_M_SCENARIO) &&
		    !o.found) {
			fprintf(err, _("%s capture: %s has no connection "
			    "%llu (it has %llu)\n"), PACKAGE, o.file,
			    (unsigned long long)o.id,
			    (unsigned long long)t.st.conns);
			rc = TT_EXIT_USAGE;
		}
	}
	cap_tracker_free(&t);
	fflush(out);
	return rc;
}
