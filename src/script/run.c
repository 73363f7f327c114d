/*
 * `tcpteach script [--diagram] [--quiet] FILE...`: run scenario files.
 *
 * Data model: each file is read and parsed completely (a parse error runs
 * nothing of that file), then its commands are applied one by one to a
 * fresh world.  After every command the world's trace is printed (as trace
 * lines or fed to the diagram) and cleared, so memory stays flat however
 * long the scenario.  The first failing expect or impossible event stops
 * that file.  Files are independent: the exit status is the worst over all
 * files, where a parse or read error (2) is worse than a failure (1), which
 * is worse than success (0).
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "lib/diag.h"
#include "lib/i18n.h"
#include "lib/xalloc.h"
#include "script/parse.h"
#include "script/run.h"
#include "script/trace.h"

struct run_opts {
	bool diagram, quiet;
	bool printed;		/* a file's output has begun */
	size_t nfiles;
	FILE *out, *err;
};

static void
run_usage(FILE *f)
{
	fprintf(f, _("Usage: %s script [--diagram] [--quiet] FILE...\n"),
	    PACKAGE);
	fputs(_("Run scenario files ('-' is standard input) and print what "
	    "happened.\n"
	    "  --diagram   print an RFC 9293-style sequence diagram instead "
	    "of the trace\n"
	    "  --quiet     print nothing but errors\n"
	    "Exit status: 0 every expect held, 1 an expect failed or an "
	    "event was\nimpossible, 2 a file could not be read or parsed.\n"),
	    f);
}

static void
run_emit(void *ctx, const char *line)
{
	FILE *out = ctx;

	fputs(line, out);
	fputc('\n', out);
}

/* Print and clear what the last command did. */
static void
run_drain(struct world *w, const struct run_opts *o, struct diagram *dg)
{
	char line[512];

	for (size_t i = 0; i < w->ntrace && !o->quiet; i++) {
		if (o->diagram)
			diagram_event(dg, &w->trace[i]);
		else
			run_emit(o->out, script_trace_line(&w->trace[i], line,
			    sizeof(line)));
	}
	world_trace_clear(w);
}

/* Errors go to stderr, the trace to stdout: flush the trace first, so that
 * with both sent to one file the message follows the trace's last line. */
static void
run_print_err(const struct run_opts *o, const struct script_err *e)
{
	fflush(o->out);
	if (e->line == 0)
		fprintf(o->err, "%s: %s\n", e->file, e->msg);
	else
		diag_print(o->err, e->file, e->line, e->column, e->msg);
}

/* Apply the file's commands one by one; stop at the first failure. */
static int
run_script(struct script_reader *r, const struct run_opts *o)
{
	struct world w;
	struct diagram dg;
	struct sim_result res;
	struct script_err e;
	struct cmd c;
	int rc = SCRIPT_EXIT_OK, more;

	world_init(&w);
	w.keep_trace = !o->quiet;
	if (o->diagram && !o->quiet)
		diagram_init(&dg, run_emit, o->out);
	while ((more = script_reader_next(r, &c, &e)) > 0) {
		if (o->diagram && !o->quiet)
			diagram_command(&dg);
		memset(&res, 0, sizeof(res));
		enum sim_status st = world_apply(&w, &c, &res);
		run_drain(&w, o, &dg);
		if (st != SIM_OK && c.kind == CMD_SETTLE && !o->quiet &&
		    !o->diagram) {
			char line[512];

			/* Settle did run: its stop belongs in the trace. */
			run_emit(o->out, script_note_line(w.now, res.msg, line,
			    sizeof(line)));
		}
		if (st != SIM_OK) {
			fflush(o->out);
			fprintf(o->err, "%s:%u: %s\n", r->name, c.line,
			    res.msg[0] != '\0' ? res.msg :
			    _("the command failed"));
			rc = SCRIPT_EXIT_FAIL;
			break;
		}
	}
	if (more < 0) {		/* the file changed under us */
		run_print_err(o, &e);
		rc = SCRIPT_EXIT_PARSE;
	}
	if (o->diagram && !o->quiet)
		diagram_finish(&dg);
	world_free(&w);
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
		return SCRIPT_EXIT_PARSE;
	}
	while ((more = script_reader_next(&r, &c, &e)) > 0)
		;
	if (more < 0 || !script_reader_rewind(&r, &e)) {
		run_print_err(o, &e);
		script_reader_close(&r);
		return SCRIPT_EXIT_PARSE;
	}
	/* Several files: a heading tells their outputs apart. */
	if (o->nfiles > 1 && !o->quiet) {
		fprintf(o->out, "%s== %s ==\n", o->printed ? "\n" : "", r.name);
		o->printed = true;
	}
	rc = run_script(&r, o);
	script_reader_close(&r);
	fflush(o->out);
	return rc;
}

/* Options may come before, between or after the files; "--" ends them. */
static int
run_options(int argc, char **argv, struct run_opts *o, const char **files)
{
	bool opts = true;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (opts && strcmp(a, "--") == 0)
			opts = false;
		else if (opts && strcmp(a, "--diagram") == 0)
			o->diagram = true;
		else if (opts && strcmp(a, "--quiet") == 0)
			o->quiet = true;
		else if (opts && (strcmp(a, "--help") == 0 ||
		    strcmp(a, "-h") == 0)) {
			run_usage(o->out);
			return -1;
		} else if (opts && a[0] == '-' && a[1] != '\0') {
			fflush(o->out);
			fprintf(o->err, _("%s script: unknown option '%s'\n"),
			    PACKAGE, a);
			run_usage(o->err);
			return SCRIPT_EXIT_PARSE;
		} else
			files[o->nfiles++] = a;
	}
	if (o->nfiles == 0) {
		fprintf(o->err, _("%s script: no scenario file given (use - "
		    "for standard input)\n"), PACKAGE);
		run_usage(o->err);
		return SCRIPT_EXIT_PARSE;
	}
	return SCRIPT_EXIT_OK;
}

int
script_cli(int argc, char **argv, FILE *out, FILE *err)
{
	struct run_opts o = { false, false, false, 0, out, err };
	const char **files = xcalloc((size_t)(argc > 0 ? argc : 1),
	    sizeof(*files));
	int rc = run_options(argc, argv, &o, files);

	if (rc == SCRIPT_EXIT_OK)
		for (size_t i = 0; i < o.nfiles; i++) {
			int r = run_file(files[i], &o);

			if (r > rc)
				rc = r;
		}
	else if (rc < 0)
		rc = SCRIPT_EXIT_OK;
	free(files);
	fflush(out);
	return rc;
}
