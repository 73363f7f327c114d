/*
 * Whole scenario files: reading, splitting into lines, and the one rule
 * that spans lines (setup commands only before the first event).
 *
 * Data model: struct script is a growable array of struct cmd, each
 * carrying its source line.  A file is parsed completely before anything
 * runs, so a file with an error runs nothing; on error the array is freed
 * and the error names file, line, column and the offending word.
 */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/diag.h"
#include "lib/i18n.h"
#include "lib/slurp.h"
#include "lib/utf8.h"
#include "lib/xalloc.h"
#include "script/script_internal.h"

/* A scenario is a few hundred lines, and the benchmark's million commands
 * fit easily.  Past these limits input is refused rather than read. */
#define SCRIPT_FILE_MAX ((size_t)64 * 1024 * 1024)
#define SCRIPT_LINE_MAX ((size_t)64 * 1024)

void
script_append(struct script *s, const struct cmd *c)
{
	xgrow(&s->cmds, &s->cap, s->n + 1, sizeof(*s->cmds));
	s->cmds[s->n++] = *c;
}

void
script_free(struct script *s)
{
	free(s->cmds);
	s->cmds = NULL;
	s->n = s->cap = 0;
}

static void
load_set_file(struct script_err *err, const char *file)
{
	snprintf(err->file, sizeof(err->file), "%s", file);
}

/* A setup command must come before the first event; expects may be
 * anywhere, since they change nothing. */
static bool
load_check_order(const struct cmd *c, bool *started, struct script_err *err)
{
	const struct script_command *sc = &script_commands[c->kind];

	if (cmd_is_setup(c->kind) && *started) {
		err->column = 1;
		snprintf(err->msg, sizeof(err->msg), _("'%s' is a setup "
		    "command; it must come before the first event"), sc->name);
		return false;
	}
	if (!cmd_is_setup(c->kind) && !cmd_is_expect(c->kind))
		*started = true;
	return true;
}

/* One line: a CR inside it means CR-only line endings, said plainly;
 * otherwise the parser, then the setup-before-events rule. */
static int
load_line(const char *text, size_t len, unsigned lineno, bool *started,
    struct cmd *c, struct script_err *err)
{
	size_t cr = slurp_lone_cr(text, len);
	int r;

	if (cr < len) {
		err->line = lineno;
		err->column = utf8_chars(text, cr) + 1;
		snprintf(err->msg, sizeof(err->msg), "%s", slurp_cr_msg());
		return -1;
	}
	r = script_parse_span(text, len, lineno, c, err);
	if (r > 0 && !load_check_order(c, started, err))
		r = -1;
	return r;
}

bool
script_parse_buf(const char *file, const char *buf, size_t len,
    struct script *out, struct script_err *err)
{
	size_t i = slurp_bom(buf, len);
	unsigned lineno = 0;
	bool started = false;
	struct cmd c;

	memset(out, 0, sizeof(*out));
	memset(err, 0, sizeof(*err));
	load_set_file(err, file);
	while (i < len) {
		const char *nl = memchr(buf + i, '\n', len - i);
		size_t end = nl != NULL ? (size_t)(nl - buf) : len;
		int r;

		if (++lineno == 0)
			lineno--;	/* saturate: 4 billion lines */
		r = load_line(buf + i, end - i, lineno, &started, &c, err);
		if (r < 0) {
			script_free(out);
			return false;
		}
		if (r > 0)
			script_append(out, &c);
		i = end + 1;
	}
	return true;
}

bool
script_load(const char *path, struct script *out, struct script_err *err)
{
	const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
	char *buf;
	size_t len = 0;

	memset(out, 0, sizeof(*out));
	memset(err, 0, sizeof(*err));
	load_set_file(err, name);
	buf = slurp_file(path, SCRIPT_FILE_MAX, &len, err->msg,
	    sizeof(err->msg));
	if (buf == NULL)
		return false;
	bool ok = script_parse_buf(name, buf, len, out, err);
	free(buf);
	return ok;
}

/* ------------------------------------------------------------ streaming */

static bool
reader_fail(struct script_err *err, const char *name, const char *what)
{
	memset(err, 0, sizeof(*err));
	load_set_file(err, name);
	snprintf(err->msg, sizeof(err->msg), "%s", what);
	return false;
}

/* Copy standard input to an unnamed temporary file we can rewind, up to
 * the same limit a file has: `cat /dev/zero | tcpteach script -` stops
 * with a message instead of filling the disk. */
static FILE *
reader_spool(FILE *in, char *why, size_t whysize)
{
	FILE *t = tmpfile();
	char buf[8192], lim[32];
	size_t n, total = 0;

	if (t == NULL) {
		snprintf(why, whysize, "%s", strerror(errno));
		return NULL;
	}
	while ((n = fread(buf, 1, sizeof(buf), in)) > 0) {
		total += n;
		if (total > SCRIPT_FILE_MAX) {
			snprintf(why, whysize, _("larger than %s; nothing was "
			    "read"), slurp_size_str(SCRIPT_FILE_MAX, lim,
			    sizeof(lim)));
			fclose(t);
			return NULL;
		}
		if (fwrite(buf, 1, n, t) != n)
			break;
	}
	if (ferror(in) || ferror(t) || fflush(t) != 0) {
		snprintf(why, whysize, "%s", strerror(errno));
		fclose(t);
		return NULL;
	}
	rewind(t);
	return t;
}

bool
script_reader_open(struct script_reader *r, const char *path,
    struct script_err *err)
{
	bool std = strcmp(path, "-") == 0;
	char why[200];

	memset(r, 0, sizeof(*r));
	snprintf(r->name, sizeof(r->name), "%s", std ? "<stdin>" : path);
	r->f = std ? reader_spool(stdin, why, sizeof(why)) :
	    slurp_open(path, why, sizeof(why));
	if (r->f == NULL)
		return reader_fail(err, r->name, why);
	return true;
}

/* The next line without its LF into r->line: its length, -1 at the end,
 * -2 when it is longer than SCRIPT_LINE_MAX (a scenario line is short;
 * this is what stops a file of NULs from growing memory), -3 on error. */
static ssize_t
reader_getline(struct script_reader *r)
{
	size_t n = 0;
	int ch;

	xgrow(&r->line, &r->cap, 256, 1);
	while ((ch = getc_unlocked(r->f)) != EOF && ch != '\n') {
		if (n == SCRIPT_LINE_MAX)
			return -2;
		xgrow(&r->line, &r->cap, n + 2, 1);
		r->line[n++] = (char)ch;
	}
	r->line[n] = '\0';
	if (ch == EOF && ferror(r->f))
		return -3;
	if (ch == EOF && n == 0)
		return -1;
	return (ssize_t)n;
}

int
script_reader_next(struct script_reader *r, struct cmd *c,
    struct script_err *err)
{
	ssize_t n;
	size_t skip;
	char lim[32];
	int rc;

	memset(err, 0, sizeof(*err));
	load_set_file(err, r->name);
	do {
		if (++r->lineno == 0)
			r->lineno--;
		if ((n = reader_getline(r)) == -1)
			return 0;
		if (n == -3)
			return reader_fail(err, r->name, strerror(errno)) ? 0 :
			    -1;
		if (n == -2) {
			err->line = r->lineno;
			snprintf(err->msg, sizeof(err->msg), _("the line is "
			    "longer than %s"), slurp_size_str(SCRIPT_LINE_MAX,
			    lim, sizeof(lim)));
			return -1;
		}
		skip = r->lineno == 1 ? slurp_bom(r->line, (size_t)n) : 0;
		rc = load_line(r->line + skip, (size_t)n - skip, r->lineno,
		    &r->started, c, err);
	} while (rc == 0);
	return rc;
}

bool
script_reader_rewind(struct script_reader *r, struct script_err *err)
{
	if (fseek(r->f, 0, SEEK_SET) != 0)
		return reader_fail(err, r->name, _("cannot read"));
	r->lineno = 0;
	r->started = false;
	return true;
}

void
script_reader_close(struct script_reader *r)
{
	if (r->f != NULL)
		fclose(r->f);
	free(r->line);
	memset(r, 0, sizeof(*r));
}

void
script_err_print(FILE *out, const struct script_err *e, const char *file)
{
	diag_print(out, e->file[0] != '\0' ? e->file : file, e->line,
	    e->column, e->msg);
}
