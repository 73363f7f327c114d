/*
 * The option parser and help printer behind every subcommand (opt.h).
 *
 * Data model: a command's own table, then the common table (-h/--help,
 * --lang) that every command takes; an option is looked up in both, by
 * its exact long name, else an unambiguous prefix, else by its letter.
 * Parsing walks argv once: an option stores its value at its offset in
 * the caller's struct and sets its bit in `seen`; an operand is moved
 * down to the next free slot of argv[1..], so operands keep their order
 * and options may stand anywhere among them.  Errors name the command and
 * the option as typed, and end with the usage: one wording for all.
 */
#include <config.h>

#include <assert.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "lib/diag.h"
#include "lib/i18n.h"
#include "lib/opt.h"
#include "lib/utf8.h"

static int opt_call_lang(void *, const char *, char *, size_t);

/* Index 0 must stay --help: the parser answers it itself. */
static const struct opt opt_common[] = {
	{ "help", 'h', OPT_NOARG, NULL, N_("show this help and exit"),
	    OPT_CALL, 0, 0, 0, NULL },
	{ "lang", 0, OPT_ARG, N_("LANG"),
	    N_("language of the interface: en or zh_CN"),
	    OPT_CALL, 0, 0, 0, opt_call_lang },
};
#define OPT_NCOMMON OPT_N(opt_common)

/* One parse: the command, where values go, and the streams. */
struct opt_state {
	const struct opt_cmd *cmd;
	void *dest;
	struct opt_args *args;
	FILE *out, *err;
};

/* opts[i] over the command's table followed by the common one. */
static const struct opt *
opt_at(const struct opt_cmd *cmd, size_t i)
{
	return i < cmd->nopts ? &cmd->opts[i] : &opt_common[i - cmd->nopts];
}

static size_t
opt_count(const struct opt_cmd *cmd)
{
	return cmd->nopts + OPT_NCOMMON;
}

bool
opt_lang_ok(const char *lang)
{
	return strcmp(lang, "en") == 0 || strcmp(lang, "zh_CN") == 0;
}

static int
opt_call_lang(void *dest, const char *value, char *why, size_t size)
{
	(void)dest;
	if (opt_lang_ok(value)) {
		i18n_init(value);
		return 0;
	}
	snprintf(why, size, _("unsupported language '%s' (use en or zh_CN)"),
	    value);
	return -1;
}

int
opt_take_lang(int argc, char **argv, const char **lang)
{
	int out = 1, i;

	*lang = NULL;
	for (i = 1; i < argc && strcmp(argv[i], "--") != 0; i++) {
		bool sep = strcmp(argv[i], "--lang") == 0 && i + 1 < argc;
		const char *v = sep ? argv[i + 1] :
		    strncmp(argv[i], "--lang=", 7) == 0 ? argv[i] + 7 : NULL;

		if (v != NULL && opt_lang_ok(v)) {
			*lang = v;
			i += sep;
		} else
			argv[out++] = argv[i];
	}
	while (i < argc)
		argv[out++] = argv[i++];
	argv[out] = NULL;
	return out;
}

/* ---------------------------------------------------------------- errors */

static void
opt_prog(const struct opt_cmd *cmd, FILE *f)
{
	if (cmd->name != NULL)
		fprintf(f, "%s %s", PACKAGE, cmd->name);
	else
		fputs(PACKAGE, f);
}

static int
opt_vfail(const struct opt_cmd *cmd, FILE *err, const char *fmt, va_list ap)
{
	opt_prog(cmd, err);
	fputs(": ", err);
	vfprintf(err, fmt, ap);
	fputc('\n', err);
	opt_usage(cmd, err);
	fprintf(err, _("Try '%s%s%s --help' for more information.\n"), PACKAGE,
	    cmd->name != NULL ? " " : "", cmd->name != NULL ? cmd->name : "");
	return TT_EXIT_USAGE;
}

int
opt_fail(const struct opt_cmd *cmd, FILE *err, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = opt_vfail(cmd, err, fmt, ap);
	va_end(ap);
	return rc;
}

/* Edit distance of two short words, for "did you mean". */
static size_t
opt_distance(const char *a, size_t na, const char *b)
{
	size_t nb = strlen(b), row[64], i, j;

	if (na >= 63 || nb >= 63)
		return 99;
	for (j = 0; j <= nb; j++)
		row[j] = j;
	for (i = 1; i <= na; i++) {
		size_t diag = row[0], up;

		row[0] = i;
		for (j = 1; j <= nb; j++) {
			up = row[j];
			row[j] = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < row[j])
				row[j] = up + 1;
			if (row[j - 1] + 1 < row[j])
				row[j] = row[j - 1] + 1;
			diag = up;
		}
	}
	return row[nb];
}

/* The long name nearest to a mistyped one, if it is near enough. */
static const char *
opt_nearest(const struct opt_cmd *cmd, const char *name, size_t n)
{
	const char *best = NULL;
	size_t bestd = n <= 4 ? 2 : 3;	/* one typo in a short name, two */

	for (size_t i = 0; i < opt_count(cmd); i++) {
		size_t d = opt_distance(name, n, opt_at(cmd, i)->name);

		if (d < bestd)
			best = opt_at(cmd, i)->name, bestd = d;
	}
	return best;
}

static int
opt_unknown(const struct opt_state *st, const char *typed, size_t n)
{
	const char *near = typed[1] == '-' ?
	    opt_nearest(st->cmd, typed + 2, n - 2) : NULL;

	if (near != NULL)
		return opt_fail(st->cmd, st->err, _("unknown option '%.*s' "
		    "(did you mean --%s?)"), (int)n, typed, near);
	return opt_fail(st->cmd, st->err, _("unknown option '%.*s'"), (int)n,
	    typed);
}

/* ---------------------------------------------------------------- values */

static bool
opt_number(const char *s, uint64_t *v)
{
	char *end;

	if (*s < '0' || *s > '9')
		return false;
	errno = 0;
	*v = strtoull(s, &end, 10);
	return errno == 0 && *end == '\0';
}

/* Store one option's value; name is the option as typed, for errors. */
static int
opt_store(const struct opt_state *st, size_t i, const char *name,
    const char *val)
{
	const struct opt *o = opt_at(st->cmd, i);
	char *at = (char *)st->dest + o->off, why[256];
	uint64_t v;

	/* A table bug, not a user's: a number needs its value. */
	assert(val != NULL || (o->to != OPT_UINT && o->to != OPT_U64));
	st->args->seen |= (uint64_t)1 << i;
	switch (o->to) {
	case OPT_FLAG:
		*(bool *)(void *)at = true;
		return OPT_GO_ON;
	case OPT_STR:
		/* "--pcap= FILE" is a slip, never a name. */
		if (val != NULL && val[0] == '\0')
			return opt_fail(st->cmd, st->err, _("option '%s' needs "
			    "a value (%s), not an empty one"), name,
			    _(o->argname));
		*(const char **)(void *)at = val;
		return OPT_GO_ON;
	case OPT_UINT:
	case OPT_U64:
		if (!opt_number(val, &v) || v < o->min || v > o->max)
			return opt_fail(st->cmd, st->err, _("option '%s' wants "
			    "a number from %llu to %llu, not '%s'"), name,
			    (unsigned long long)o->min,
			    (unsigned long long)o->max, val);
		if (o->to == OPT_UINT)
			*(unsigned *)(void *)at = (unsigned)v;
		else
			*(uint64_t *)(void *)at = v;
		return OPT_GO_ON;
	case OPT_CALL:
		if (o->call == NULL) {	/* --help */
			opt_help(st->cmd, st->out);
			return TT_EXIT_OK;
		}
		if (o->call(st->dest, val, why, sizeof(why)) == 0)
			return OPT_GO_ON;
		return opt_fail(st->cmd, st->err, "%s", why);
	}
	return OPT_GO_ON;
}

/* ---------------------------------------------------------------- lookup */

/* The option a long name (n bytes of it) means; -1 unknown, -2
 * ambiguous. */
static long
opt_find_long(const struct opt_cmd *cmd, const char *name, size_t n)
{
	long found = -1;

	for (size_t i = 0; i < opt_count(cmd); i++) {
		const char *on = opt_at(cmd, i)->name;

		if (strncmp(on, name, n) != 0)
			continue;
		if (on[n] == '\0')
			return (long)i;
		found = found == -1 ? (long)i : -2;
	}
	return found;
}

static long
opt_find_short(const struct opt_cmd *cmd, char c)
{
	for (size_t i = 0; i < opt_count(cmd); i++)
		if (opt_at(cmd, i)->letter == c)
			return (long)i;
	return -1;
}

/* "option '--p' is ambiguous (--print, --penalty)": every candidate. */
static int
opt_ambiguous(const struct opt_state *st, const char *typed, size_t n)
{
	char list[512] = "";
	size_t len = 0;

	for (size_t i = 0; i < opt_count(st->cmd); i++) {
		const char *on = opt_at(st->cmd, i)->name;

		if (strncmp(on, typed + 2, n - 2) == 0 && len < sizeof(list))
			len += (size_t)snprintf(list + len, sizeof(list) - len,
			    "%s--%s", len > 0 ? ", " : "", on);
	}
	return opt_fail(st->cmd, st->err, _("option '%.*s' is ambiguous "
	    "(%s)"), (int)n, typed, list);
}

/* "--name", "--name=value" or "--name value" at argv[*k]. */
static int
opt_long(const struct opt_state *st, int argc, char **argv, int *k)
{
	const char *a = argv[*k], *eq = strchr(a, '=');
	size_t n = eq != NULL ? (size_t)(eq - a) : strlen(a);
	long i = opt_find_long(st->cmd, a + 2, n - 2);
	const struct opt *o;
	char name[80];

	if (i == -1 || n == 2)
		return opt_unknown(st, a, n);
	if (i == -2)
		return opt_ambiguous(st, a, n);
	o = opt_at(st->cmd, (size_t)i);
	snprintf(name, sizeof(name), "--%s", o->name);
	if (o->arg == OPT_NOARG && eq != NULL)
		return opt_fail(st->cmd, st->err, _("option '%s' takes no "
		    "value"), name);
	if (o->arg == OPT_ARG && eq == NULL && *k + 1 >= argc)
		return opt_fail(st->cmd, st->err, _("option '%s' needs a "
		    "value (%s)"), name, _(o->argname));
	if (o->arg == OPT_ARG && eq == NULL)
		return opt_store(st, (size_t)i, name, argv[++*k]);
	return opt_store(st, (size_t)i, name, eq != NULL ? eq + 1 : NULL);
}

/* "-x", "-xyz" (flags), "-xVALUE" or "-x VALUE" at argv[*k]. */
static int
opt_short(const struct opt_state *st, int argc, char **argv, int *k)
{
	const char *a = argv[*k];

	for (size_t j = 1; a[j] != '\0'; j++) {
		long i = opt_find_short(st->cmd, a[j]);
		char name[3] = { '-', a[j], '\0' };
		const struct opt *o;
		int rc;

		if (i < 0)
			return opt_fail(st->cmd, st->err, _("unknown option "
			    "'%s'"), name);
		o = opt_at(st->cmd, (size_t)i);
		if (o->arg != OPT_NOARG && (a[j + 1] != '\0' ||
		    o->arg == OPT_OPTARG))
			return opt_store(st, (size_t)i, name, a[j + 1] != '\0' ?
			    a + j + 1 : NULL);
		if (o->arg == OPT_ARG && *k + 1 >= argc)
			return opt_fail(st->cmd, st->err, _("option '%s' needs "
			    "a value (%s)"), name, _(o->argname));
		rc = opt_store(st, (size_t)i, name, o->arg == OPT_ARG ?
		    argv[++*k] : NULL);
		if (rc != OPT_GO_ON || o->arg == OPT_ARG)
			return rc;
	}
	return OPT_GO_ON;
}

/* ---------------------------------------------------------------- rules */

/* The index of the n bytes of a long name: a table's own word, so an
 * unknown one is a table bug. */
static size_t
opt_index(const struct opt_cmd *cmd, const char *name, size_t n)
{
	for (size_t i = 0; i < opt_count(cmd); i++)
		if (strncmp(opt_at(cmd, i)->name, name, n) == 0 &&
		    opt_at(cmd, i)->name[n] == '\0')
			return i;
	assert(!"a relation names an option its table lacks");
	return 0;
}

/* The first option of list "a|b|c" given at index > after, or -1. */
static long
opt_first_given(const struct opt_cmd *cmd, uint64_t seen, const char *list,
    long after)
{
	for (const char *p = list; *p != '\0'; ) {
		size_t n = strcspn(p, "|"), i = opt_index(cmd, p, n);

		if ((long)i > after && (seen >> i & 1) != 0)
			return (long)i;
		p += n + (p[n] == '|');
	}
	return -1;
}

/* "--print or --key": the options of a list, for "needs". */
static void
opt_list_words(const struct opt_cmd *cmd, const char *list, char *buf,
    size_t size)
{
	char prev[256];

	buf[0] = '\0';
	for (const char *p = list; *p != '\0'; ) {
		size_t n = strcspn(p, "|");

		snprintf(prev, sizeof(prev), "%s", buf);
		if (prev[0] == '\0')
			snprintf(buf, size, "--%s",
			    opt_at(cmd, opt_index(cmd, p, n))->name);
		else
			snprintf(buf, size, _("%s or --%.*s"), prev, (int)n, p);
		p += n + (p[n] == '|');
	}
}

static int
opt_check_rel(const struct opt_state *st, const struct opt_rel *r)
{
	const struct opt_cmd *cmd = st->cmd;
	uint64_t seen = st->args->seen;
	long a = opt_first_given(cmd, seen, r->opts, -1), b;
	char words[256];

	if (a < 0)
		return OPT_GO_ON;
	switch (r->kind) {
	case OPT_EXCLUDES:
		b = r->others == NULL ? opt_first_given(cmd, seen, r->opts, a) :
		    opt_first_given(cmd, seen, r->others, -1);
		if (b < 0)
			return OPT_GO_ON;
		return opt_fail(cmd, st->err, _("--%s and --%s exclude each "
		    "other"), opt_at(cmd, (size_t)a)->name,
		    opt_at(cmd, (size_t)b)->name);
	case OPT_NEEDS:
		if (opt_first_given(cmd, seen, r->others, -1) >= 0)
			return OPT_GO_ON;
		opt_list_words(cmd, r->others, words, sizeof(words));
		return opt_fail(cmd, st->err, _("--%s needs %s"),
		    opt_at(cmd, (size_t)a)->name, words);
	}
	return OPT_GO_ON;
}

/* The operands' row that applies: the first whose option was given. */
static const struct opt_operands *
opt_operands_of(const struct opt_cmd *cmd, uint64_t seen)
{
	for (size_t k = 0; k < OPT_MAXOPERANDS && cmd->operands[k].name; k++) {
		const struct opt_operands *p = &cmd->operands[k];

		if (p->when == NULL || (seen >> opt_index(cmd, p->when,
		    strlen(p->when)) & 1) != 0)
			return p;
	}
	return NULL;
}

/* After a whole parse: the relations, then how many operands. */
static int
opt_check(const struct opt_state *st)
{
	const struct opt_operands *p = opt_operands_of(st->cmd,
	    st->args->seen);
	int rc = OPT_GO_ON;

	for (size_t i = 0; i < st->cmd->nrels && rc == OPT_GO_ON; i++)
		rc = opt_check_rel(st, &st->cmd->rels[i]);
	if (rc != OPT_GO_ON || p == NULL)
		return rc;
	if ((unsigned)st->args->argc < p->min)
		return opt_fail(st->cmd, st->err, _("missing %s"), _(p->name));
	if ((unsigned)st->args->argc > p->max)
		return opt_fail(st->cmd, st->err, _("unexpected argument '%s'"),
		    st->args->argv[p->max]);
	return OPT_GO_ON;
}

int
opt_parse(const struct opt_cmd *cmd, int argc, char **argv, void *dest,
    struct opt_args *args, FILE *out, FILE *err)
{
	struct opt_state st = { cmd, dest, args, out, err };
	bool opts = true;
	int nops = 0, rc = OPT_GO_ON;

	assert(cmd->nopts <= OPT_MAXOPTS);
	diag_command(cmd->name);
	args->seen = 0;
	for (int k = 1; k < argc && rc == OPT_GO_ON; k++) {
		const char *a = argv[k];

		if (opts && strcmp(a, "--") == 0)
			opts = false;
		else if (opts && a[0] == '-' && a[1] == '-')
			rc = opt_long(&st, argc, argv, &k);
		else if (opts && a[0] == '-' && a[1] != '\0')
			rc = opt_short(&st, argc, argv, &k);
		else {
			argv[1 + nops++] = argv[k];
			opts = opts && !(cmd->flags & OPT_IN_ORDER);
		}
	}
	args->argc = nops;
	args->argv = argv + 1;
	return rc == OPT_GO_ON ? opt_check(&st) : rc;
}

bool
opt_given(const struct opt_cmd *cmd, const struct opt_args *args,
    const char *name)
{
	long i = opt_find_long(cmd, name, strlen(name));

	return i >= 0 && strcmp(opt_at(cmd, (size_t)i)->name, name) == 0 &&
	    (args->seen >> i & 1) != 0;
}

/* ---------------------------------------------------------------- help */

/* A copy of s whose spaces inside quotes ('exam --help', or the
 * Chinese “exam --help”) are OPT_NBSP, so that a quoted command is never
 * broken across lines.  An apostrophe (student's) opens no quote. */
#define OPT_NBSP '\x1f'	/* one column wide, as a space */
static void
opt_keep_quotes(const char *s, char *buf, size_t size)
{
	bool in = false;
	size_t i;

	for (i = 0; s[i] != '\0' && i + 1 < size; i++) {
		if (s[i] == '\'' && !in)
			in = i == 0 || s[i - 1] == ' ' || s[i - 1] == '(';
		else if (s[i] == '\'')
			in = false;
		else if (strncmp(s + i, "\u201c", 3) == 0)
			in = true;
		else if (strncmp(s + i, "\u201d", 3) == 0)
			in = false;
		buf[i] = in && s[i] == ' ' ? OPT_NBSP : s[i];
	}
	buf[i] = '\0';
}

/* The meaning wraps within 80 columns, each line at column 25; the form
 * is followed by two spaces at least, or the meaning starts below it. */
void
opt_help_line(FILE *f, const char *form, const char *what)
{
	char text[1024];
	size_t start[16], len[16], n;
	int w = utf8_width(form);

	opt_keep_quotes(what, text, sizeof(text));
	n = utf8_wrap(text, 80 - 25, start, len, 16);
	if (w <= 21)
		fprintf(f, "  %s%*s", form, 23 - w, "");
	else
		fprintf(f, "  %s\n%25s", form, "");
	for (size_t i = 0; i < n; i++) {
		fprintf(f, "%*s", i > 0 ? 25 : 0, "");
		for (size_t k = start[i]; k < start[i] + len[i]; k++)
			fputc(text[k] == OPT_NBSP ? ' ' : text[k], f);
		fputc('\n', f);
	}
	if (n == 0)
		fputc('\n', f);
}

/* A form too long for one line wraps under its first argument. */
void
opt_usage(const struct opt_cmd *cmd, FILE *f)
{
	const char *u = _("Usage:");
	/* No space after a full-width colon ("用法："). */
	int sp = u[0] != '\0' && (unsigned char)u[strlen(u) - 1] < 0x80;
	int w = utf8_width(u) + sp, lead = w + utf8_width(PACKAGE) +
	    (cmd->name != NULL ? 1 + utf8_width(cmd->name) : 0) + 1;
	size_t start[8], len[8];

	for (size_t k = 0; k < OPT_MAXFORMS && cmd->forms[k].what; k++) {
		const char *args = cmd->forms[k].args[0] != '\0' ?
		    _(cmd->forms[k].args) : "";
		size_t n = utf8_wrap(args, 80 - lead, start, len, 8);

		if (k == 0)
			fprintf(f, "%s%s", u, sp ? " " : "");
		else
			fprintf(f, "%*s", w, "");
		opt_prog(cmd, f);
		for (size_t i = 0; i < n; i++)
			fprintf(f, "%s%*s%.*s", i == 0 ? "" : "\n",
			    i == 0 ? 1 : lead, "", (int)len[i], args + start[i]);
		fputc('\n', f);
	}
}

/* "  -s, --seed=S" or "      --pcap=OUT" or "      --x[=V]". */
static void
opt_help_opt(FILE *f, const struct opt *o)
{
	char form[160];
	int n = o->letter ? snprintf(form, sizeof(form), "-%c, --%s",
	    o->letter, o->name) : snprintf(form, sizeof(form), "    --%s",
	    o->name);

	if (o->arg != OPT_NOARG && n > 0 && (size_t)n < sizeof(form))
		snprintf(form + n, sizeof(form) - (size_t)n,
		    o->arg == OPT_ARG ? "=%s" : "[=%s]", _(o->argname));
	opt_help_line(f, form, _(o->help));
}

void
opt_help_options(const struct opt_cmd *cmd, FILE *f)
{
	fprintf(f, "\n%s\n", _("Options:"));
	for (size_t i = 0; i < opt_count(cmd); i++)
		opt_help_opt(f, opt_at(cmd, i));
}

void
opt_help(const struct opt_cmd *cmd, FILE *f)
{
	opt_usage(cmd, f);
	if (cmd->about != NULL)
		fprintf(f, "%s\n", _(cmd->about));
	if (cmd->commands != NULL)
		cmd->commands(f);
	opt_help_options(cmd, f);
	if (cmd->epilog != NULL)
		fprintf(f, "\n%s\n", _(cmd->epilog));
}
