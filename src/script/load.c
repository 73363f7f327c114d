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

#include "lib/i18n.h"
#include "lib/xalloc.h"
#include "script/script_internal.h"

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

bool
script_parse_buf(const char *file, const char *buf, size_t len,
    struct script *out, struct script_err *err)
{
	size_t i = 0;
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
		r = script_parse_span(buf + i, end - i, lineno, &c, err);
		if (r > 0 && !load_check_order(&c, &started, err))
			r = -1;
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

/* The whole stream in memory; scenario files are small. */
static char *
load_read(FILE *f, size_t *len)
{
	char *buf = NULL;
	size_t cap = 0, n = 0, got;

	do {
		xgrow(&buf, &cap, n + 4096, 1);
		got = fread(buf + n, 1, cap - n, f);
		n += got;
	} while (got > 0);
	if (ferror(f)) {
		free(buf);
		return NULL;
	}
	*len = n;
	return buf;
}

bool
script_load(const char *path, struct script *out, struct script_err *err)
{
	bool std = strcmp(path, "-") == 0;
	const char *name = std ? "<stdin>" : path;
	FILE *f = std ? stdin : fopen(path, "rb");
	char *buf;
	size_t len = 0;
	int e;

	memset(out, 0, sizeof(*out));
	memset(err, 0, sizeof(*err));
	load_set_file(err, name);
	if (f == NULL) {
		snprintf(err->msg, sizeof(err->msg), _("cannot open: %s"),
		    strerror(errno));
		return false;
	}
	buf = load_read(f, &len);
	e = errno;
	if (!std)
		fclose(f);
	if (buf == NULL) {
		snprintf(err->msg, sizeof(err->msg), _("cannot read: %s"),
		    strerror(e));
		return false;
	}
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
	snprintf(err->msg, sizeof(err->msg), "%s: %s", what, strerror(errno));
	return false;
}

/* Copy standard input to an unnamed temporary file we can rewind. */
static FILE *
reader_spool(FILE *in)
{
	FILE *t = tmpfile();
	char buf[8192];
	size_t n;

	if (t == NULL)
		return NULL;
	while ((n = fread(buf, 1, sizeof(buf), in)) > 0)
		if (fwrite(buf, 1, n, t) != n) {
			fclose(t);
			return NULL;
		}
	if (ferror(in) || fflush(t) != 0) {
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

	memset(r, 0, sizeof(*r));
	snprintf(r->name, sizeof(r->name), "%s", std ? "<stdin>" : path);
	r->f = std ? reader_spool(stdin) : fopen(path, "rb");
	if (r->f == NULL)
		return reader_fail(err, r->name, std ? _("cannot read") :
		    _("cannot open"));
	return true;
}

int
script_reader_next(struct script_reader *r, struct cmd *c,
    struct script_err *err)
{
	ssize_t n;
	int rc;

	memset(err, 0, sizeof(*err));
	load_set_file(err, r->name);
	do {
		errno = 0;
		n = getline(&r->line, &r->cap, r->f);
		if (n < 0) {
			if (ferror(r->f))
				return reader_fail(err, r->name,
				    _("cannot read")) ? 0 : -1;
			return 0;
		}
		if (++r->lineno == 0)
			r->lineno--;
		if (n > 0 && r->line[n - 1] == '\n')
			n--;
		rc = script_parse_span(r->line, (size_t)n, r->lineno, c, err);
		if (rc > 0 && !load_check_order(c, &r->started, err))
			rc = -1;
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
	const char *f = e->file[0] != '\0' ? e->file : file;

	if (e->line == 0)
		fprintf(out, "%s: %s\n", f, e->msg);
	else
		fprintf(out, "%s:%u:%u: %s\n", f, e->line, e->column, e->msg);
}
