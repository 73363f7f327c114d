/*
 * `tcpteach script [--diagram] [--quiet] [--pcap OUT] [--lab|--compare]
 * FILE...`: run scenario files.
 *
 * Data model: each file is read and parsed completely (a parse error runs
 * nothing of that file), then its commands are applied one by one to a
 * fresh world through the world interface (sim/backend.h): the simulated
 * world, or with --lab the kernel lab that main.c hands in (struct
 * script_lab); --compare runs both in lockstep (compare.c).  After every
 * command the world's trace is printed (as trace lines or fed to the
 * diagram, and with --pcap written as packets: the lab's real ones, or
 * synthesized IPv4/TCP for a simulated run, script/pcap.c) and cleared,
 * so memory stays flat however long the scenario.
 * The first failing expect or impossible event stops that file.  Files are
 * independent: the exit status is the worst over all files, where a parse
 * or read error (2) is worse than a failure (1), which is worse than
 * success (0).
 */
#include <config.h>

#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "lib/diag.h"
#include "lib/i18n.h"
#include "lib/opt.h"
#include "script/compare.h"
#include "script/parse.h"
#include "script/pcap.h"
#include "script/run.h"
#include "script/trace.h"

struct run_opts {
	bool diagram, quiet;
	bool lab, compare;	/* --lab, --compare */
	bool printed;		/* a file's output has begun */
	const char *pcap;	/* --pcap OUT */
	FILE *pcapf;		/* OUT for a simulated run (the lab writes its own) */
	const char *known;	/* --known FILE */
	size_t nfiles;
	FILE *out, *err;
	const struct script_lab *labif;
};

#define RUN_OPT(field) offsetof(struct run_opts, field)

static const struct opt run_opt_table[] = {
	{ "diagram", 'd', OPT_NOARG, NULL, N_("print an RFC 9293-style "
	    "sequence diagram instead of the trace"),
	    OPT_FLAG, RUN_OPT(diagram), 0, 0, NULL },
	{ "quiet", 'q', OPT_NOARG, NULL, N_("print nothing but errors"),
	    OPT_FLAG, RUN_OPT(quiet), 0, 0, NULL },
	{ "pcap", 0, OPT_ARG, N_("OUT"), N_("also write the segments as a "
	    "pcap capture file (with --lab, the real packets)"),
	    OPT_STR, RUN_OPT(pcap), 0, 0, NULL },
	{ "lab", 0, OPT_NOARG, NULL, N_("run on two real Linux TCP stacks "
	    "instead (root or user namespaces)"),
	    OPT_FLAG, RUN_OPT(lab), 0, 0, NULL },
	{ "compare", 0, OPT_NOARG, NULL, N_("run on the simulated core "
	    "(profile linux) and on the kernel, and print where they differ"),
	    OPT_FLAG, RUN_OPT(compare), 0, 0, NULL },
	{ "known", 0, OPT_ARG, N_("FILE"), N_("with --compare, the known "
	    "differences (default: known-differences beside the scenario)"),
	    OPT_STR, RUN_OPT(known), 0, 0, NULL },
};

static const struct opt_rel run_rels[] = {
	{ OPT_EXCLUDES, "lab|compare", NULL },
	{ OPT_NEEDS, "known", "compare" },
	{ OPT_EXCLUDES, "compare", "diagram" },
};

const struct opt_cmd script_opt_cmd = {
	"script", run_opt_table, OPT_N(run_opt_table), {
	    { N_("[--diagram] [--quiet] [--pcap OUT] FILE..."),
	      N_("run scenario files and print a trace") },
	    { N_("--lab|--compare [--pcap OUT] FILE..."),
	      N_("on two real Linux TCP stacks, or on both (see doc/lab.md)") } },
	N_("Run scenario files ('-' is standard input) and print what "
	    "happened."),
	N_("Exit status: 0 every expect held, 1 an expect failed, an event "
	    "was impossible\nor --compare found a difference not in the "
	    "known-differences file, 2 a file\ncould not be read or parsed."),
	0, NULL, run_rels, OPT_N(run_rels), { { NULL, N_("FILE"), 1,
	OPT_MANY } }
};

static void
run_emit(void *ctx, const char *line)
{
	FILE *out = ctx;

	fputs(line, out);
	fputc('\n', out);
}

/* Print (and write as packets) what the last command did, then clear it;
 * *now follows the time of the last happening. */
static void
run_drain(struct wbackend *b, const struct run_opts *o, struct diagram *dg,
    uint64_t *now)
{
	char line[512];
	size_t n;
	const struct sim_ev *ev = b->ops->trace(b->self, &n);

	for (size_t i = 0; i < n; i++) {
		*now = ev[i].time;
		if (o->pcapf != NULL)
			script_pcap_event(o->pcapf, &ev[i]);
		if (o->quiet)
			continue;
		if (o->diagram)
			diagram_event(dg, &ev[i]);
		else
			run_emit(o->out, script_trace_line(&ev[i], line,
			    sizeof(line)));
	}
	b->ops->trace_clear(b->self);
}

/* The world the file runs on: the simulated one, or the kernel lab. */
static int
run_backend(const struct run_opts *o, struct wbackend *b)
{
	char msg[512], label[160];

	if (!o->lab) {
		wbackend_sim(b, !o->quiet || o->pcapf != NULL);
		return TT_EXIT_OK;
	}
	if (o->labif->open(b, o->pcap, !o->quiet, msg, sizeof(msg)) != 0) {
		fprintf(o->err, "%s script: %s\n", PACKAGE, msg);
		return TT_EXIT_USAGE;
	}
	if (o->quiet)
		return TT_EXIT_OK;
	fprintf(o->out, "# %s\n", b->ops->label(b->self, label,
	    sizeof(label)));
	if (o->labif->describe != NULL)
		fprintf(o->out, "# %s\n", o->labif->describe(b, msg,
		    sizeof(msg)));
	return TT_EXIT_OK;
}

/* Errors go to stderr, the trace to stdout: flush the trace first, so that
 * with both sent to one file the message follows the trace's last line. */
static void
run_print_err(const struct run_opts *o, const struct script_err *e)
{
	fflush(o->out);
	script_err_print(o->err, e, "");
}

/* Apply the file's commands one by one; stop at the first failure. */
static int
run_script(struct script_reader *r, const struct run_opts *o)
{
	struct wbackend w;
	struct diagram dg;
	struct sim_result res;
	struct script_err e;
	struct cmd c;
	uint64_t now = 0;
	int rc = run_backend(o, &w), more;

	if (rc != TT_EXIT_OK)
		return rc;
	if (o->diagram && !o->quiet)
		diagram_init(&dg, run_emit, o->out);
	while ((more = script_reader_next(r, &c, &e)) > 0) {
		if (o->diagram && !o->quiet)
			diagram_command(&dg);
		memset(&res, 0, sizeof(res));
		enum sim_status st = wbackend_apply(&w, &c, &res);
		run_drain(&w, o, &dg, &now);
		if (st != SIM_OK && c.kind == CMD_SETTLE && !o->quiet &&
		    !o->diagram) {
			char line[512];

			/* Settle did run: its stop belongs in the trace. */
			run_emit(o->out, script_note_line(now, res.msg, line,
			    sizeof(line)));
		}
		if (st != SIM_OK) {
			fflush(o->out);
			fprintf(o->err, "%s:%u: %s\n", r->name, c.line,
			    res.msg[0] != '\0' ? res.msg :
			    _("the command failed"));
			rc = TT_EXIT_FAIL;
			break;
		}
	}
	if (more < 0) {		/* the file changed under us */
		run_print_err(o, &e);
		rc = TT_EXIT_USAGE;
	}
	if (o->diagram && !o->quiet)
		diagram_finish(&dg);
	wbackend_destroy(&w);
	return rc;
}

/*
 * Two passes over the file: the first checks every line, so a file with an
 * error runs nothing; the second runs it.  Nothing but the current line is
 * kept, so memory is flat however long the scenario (see bench/).
 */
static int
run_file(const char *path, struct run_opts *o)
{
	struct script_reader r;
	struct script_err e;
	struct cmd c;
	int rc, more;

	if (!script_reader_open(&r, path, &e)) {
		run_print_err(o, &e);
		return TT_EXIT_USAGE;
	}
	while ((more = script_reader_next(&r, &c, &e)) > 0)
		;
	if (more < 0 || !script_reader_rewind(&r, &e)) {
		run_print_err(o, &e);
		script_reader_close(&r);
		return TT_EXIT_USAGE;
	}
	/* Several files: a heading tells their outputs apart. */
	if (o->nfiles > 1 && !o->quiet) {
		fprintf(o->out, "%s== %s ==\n", o->printed ? "\n" : "", r.name);
		o->printed = true;
	}
	if (o->compare)
		rc = script_compare(&r, o->labif, o->known, o->pcap, o->out,
		    o->err);
	else
		rc = run_script(&r, o);
	script_reader_close(&r);
	fflush(o->out);
	return rc;
}

/* What the option table cannot say: a build without the lab, and one
 * capture file for one scenario. */
static int
run_check_lab(const struct run_opts *o)
{
	const char *why = NULL;

	if ((o->lab || o->compare) && o->labif == NULL)
		why = _("this build has no kernel lab");
	else if (o->pcap != NULL && o->nfiles != 1)
		why = _("--pcap takes one scenario file");
	if (why == NULL)
		return TT_EXIT_OK;
	return opt_fail(&script_opt_cmd, o->err, "%s", why);
}

/* Options may come before, between or after the files; "--" ends them. */
static int
run_options(int argc, char **argv, struct run_opts *o, char ***files)
{
	struct opt_args args;
	int rc = opt_parse(&script_opt_cmd, argc, argv, o, &args, o->out,
	    o->err);

	if (rc != OPT_GO_ON)
		return rc == TT_EXIT_OK ? -1 : rc;
	*files = args.argv;
	o->nfiles = (size_t)args.argc;
	return run_check_lab(o);
}

/* --pcap OUT for a simulated run: the synthesized packets of one file. */
static int
run_pcap_open(struct run_opts *o)
{
	o->pcapf = fopen(o->pcap, "wb");
	if (o->pcapf == NULL || !script_pcap_begin(o->pcapf)) {
		/* A whole file: the command, the file, the reason. */
		fprintf(o->err, "%s: %s: %s\n", diag_prog(), o->pcap,
		    strerror(errno));
		return TT_EXIT_USAGE;
	}
	return TT_EXIT_OK;
}

int
script_cli(int argc, char **argv, FILE *out, FILE *err)
{
	return script_cli_lab(argc, argv, out, err, NULL);
}

int
script_cli_lab(int argc, char **argv, FILE *out, FILE *err,
    const struct script_lab *lab)
{
	struct run_opts o = { .out = out, .err = err, .labif = lab };
	char **files = NULL;
	int rc = run_options(argc, argv, &o, &files);

	if (rc == TT_EXIT_OK && o.pcap != NULL && !o.lab && !o.compare)
		rc = run_pcap_open(&o);
	if (rc == TT_EXIT_OK)
		for (size_t i = 0; i < o.nfiles; i++) {
			int r = run_file(files[i], &o);

			if (r > rc)
				rc = r;
		}
	else if (rc < 0)
		rc = TT_EXIT_OK;
	if (o.pcapf != NULL && fclose(o.pcapf) != 0) {
		fprintf(err, "%s: %s: %s\n", diag_prog(), o.pcap,
		    strerror(errno));
		rc = TT_EXIT_USAGE;
	}
	fflush(out);
	return rc;
}
