/*
 * Option parsing and the terminal-free modes of `quiz` and `exam`.
 *
 * Data model: options come from one table (name, takes a value, which
 * field); both subcommands share it and reject what is not theirs.  The
 * result is a struct cli_opts that the modes read; a mode writes to the
 * streams it is given and returns the exit status.
 */
#include <config.h>

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "lib/diag.h"
#include "lib/i18n.h"
#include "quiz/bank.h"
#include "quiz/cli.h"
#include "quiz/quiz_internal.h"
#include "quiz/session.h"

enum cli_id { O_SEED, O_COUNT, O_MINUTES, O_STUDENT, O_TOPIC, O_LANG,
    O_PRINT, O_KEY, O_FORMAT, O_EXPORT, O_PENALTY, O_NOBANK, O_CHECK,
    O_PLAIN, O_RESUME, O_RESULTS, O_GRADE, O_HELP, O_N };

static const struct {
	const char *name;
	bool arg;
	bool exam, quiz;		/* accepted by */
} cli_opts_table[O_N] = {
	[O_SEED] = { "seed", true, true, true },
	[O_COUNT] = { "count", true, true, true },
	[O_MINUTES] = { "minutes", true, true, false },
	[O_STUDENT] = { "student", true, true, false },
	[O_TOPIC] = { "topic", true, true, true },
	[O_LANG] = { "lang", true, true, true },
	[O_PRINT] = { "print", false, true, false },
	[O_KEY] = { "key", false, true, false },
	[O_FORMAT] = { "format", true, true, false },
	[O_EXPORT] = { "export", true, true, false },
	[O_PENALTY] = { "penalty", false, true, false },
	[O_NOBANK] = { "no-bank", false, true, true },
	[O_CHECK] = { "check", false, false, true },
	[O_PLAIN] = { "plain", false, false, true },
	[O_RESUME] = { "resume", true, true, false },
	[O_RESULTS] = { "results", true, true, false },
	[O_GRADE] = { "grade", false, true, false },
	[O_HELP] = { "help", false, true, true },
};

struct cli_opts {
	bool set[O_N];
	const char *val[O_N];
	char **files;
	int nfiles;
	struct exam_params p;
};

static int cli_usage(FILE *, const char *, const char *, ...)
    QUIZ_PRINTF(3, 4);

static int
cli_usage(FILE *err, const char *cmd, const char *fmt, ...)
{
	va_list ap;

	fprintf(err, "%s %s: ", PACKAGE, cmd);
	va_start(ap, fmt);
	vfprintf(err, fmt, ap);
	va_end(ap);
	fprintf(err, _("\nTry '%s %s --help' for more information.\n"),
	    PACKAGE, cmd);
	return TT_EXIT_USAGE;
}

static bool
cli_u64(const char *s, uint64_t max, uint64_t *out)
{
	char *end;
	unsigned long long v;

	if (s[0] < '0' || s[0] > '9')
		return false;
	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno != 0 || *end != '\0' || v > max)
		return false;
	*out = v;
	return true;
}

static bool
cli_topics(const char *s, unsigned *mask)
{
	char word[32];
	enum quiz_topic t;

	*mask = 0;
	while (*s != '\0') {
		size_t n = strcspn(s, ",");

		if (n == 0 || n >= sizeof(word))
			return false;
		memcpy(word, s, n);
		word[n] = '\0';
		if (!quiz_topic_parse(word, &t))
			return false;
		*mask |= QUIZ_TOPIC_BIT(t);
		s += n + (s[n] != '\0');
	}
	return *mask != 0;
}

static int
cli_option(struct cli_opts *o, int argc, char **argv, int *i, bool exam,
    FILE *err)
{
	const char *a = argv[*i] + 2, *eq = strchr(a, '=');
	size_t n = eq != NULL ? (size_t)(eq - a) : strlen(a);

	for (int k = 0; k < O_N; k++) {
		if (strlen(cli_opts_table[k].name) != n ||
		    strncmp(a, cli_opts_table[k].name, n) != 0 ||
		    !(exam ? cli_opts_table[k].exam : cli_opts_table[k].quiz))
			continue;
		if (cli_opts_table[k].arg && eq == NULL && *i + 1 >= argc)
			return cli_usage(err, argv[0], _("option '%s' needs a "
			    "value"), argv[*i]);
		if (!cli_opts_table[k].arg && eq != NULL)
			return cli_usage(err, argv[0], _("option '%s' takes no "
			    "value"), argv[*i]);
		o->set[k] = true;
		if (cli_opts_table[k].arg)
			o->val[k] = eq != NULL ? eq + 1 : argv[++*i];
		return TT_EXIT_OK;
	}
	return cli_usage(err, argv[0], _("unknown option '%s'"), argv[*i]);
}

static int
cli_values(struct cli_opts *o, const char *cmd, FILE *err)
{
	struct exam_params *p = &o->p;
	uint64_t v = 0;

	if (o->set[O_SEED] && !cli_u64(o->val[O_SEED], UINT64_MAX, &p->seed))
		return cli_usage(err, cmd, _("bad seed '%s' (0 to "
		    "18446744073709551615)"), o->val[O_SEED]);
	if (o->set[O_COUNT] && (!cli_u64(o->val[O_COUNT], EXAM_MAXCOUNT, &v)
	    || v == 0))
		return cli_usage(err, cmd, _("bad count '%s' (1 to 500)"),
		    o->val[O_COUNT]);
	p->count = o->set[O_COUNT] ? (unsigned)v : p->count;
	if (o->set[O_MINUTES] && !cli_u64(o->val[O_MINUTES], 100000, &v))
		return cli_usage(err, cmd, _("bad number of minutes '%s'"),
		    o->val[O_MINUTES]);
	p->minutes = o->set[O_MINUTES] ? (unsigned)v : 0;
	if (o->set[O_TOPIC] && !cli_topics(o->val[O_TOPIC], &p->topics))
		return cli_usage(err, cmd, _("bad topic '%s' (handshake, "
		    "close, timewait, rst, timers, numbers; several with "
		    "commas)"),
		    o->val[O_TOPIC]);
	if (o->set[O_STUDENT] && (o->val[O_STUDENT][0] == '\0' ||
	    strlen(o->val[O_STUDENT]) >= sizeof(p->student)))
		return cli_usage(err, cmd, _("bad student id '%s' (1 to 63 "
		    "bytes)"), o->val[O_STUDENT]);
	if (o->set[O_STUDENT])
		snprintf(p->student, sizeof(p->student), "%s",
		    o->val[O_STUDENT]);
	p->generated_only = o->set[O_NOBANK];
	return TT_EXIT_OK;
}

static int
cli_parse(struct cli_opts *o, int argc, char **argv, bool exam, FILE *err)
{
	int rc;

	memset(o, 0, sizeof(*o));
	exam_params_init(&o->p);
	o->files = argv + 1;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0) {
			while (++i < argc)
				o->files[o->nfiles++] = argv[i];
		} else if (strncmp(argv[i], "--", 2) == 0) {
			rc = cli_option(o, argc, argv, &i, exam, err);
			if (rc != 0)
				return rc;
		} else {
			o->files[o->nfiles++] = argv[i];
		}
	}
	if (o->set[O_LANG])
		i18n_init(o->val[O_LANG]);
	snprintf(o->p.lang, sizeof(o->p.lang), "%s", quiz_lang(o->set[O_LANG] ?
	    o->val[O_LANG] : NULL));
	return cli_values(o, argv[0], err);
}

/* "FILE:LINE:COLUMN: message", or "FILE: message" without a position. */
static void
cli_bank_err(FILE *err, const struct script_err *e)
{
	diag_print(err, e->file, e->line, e->column, e->msg);
}

/*
 * The bank of p's language, unless the exam leaves it out.  A bank file
 * that does not parse stops everything (paper, key, exports, the drill and
 * the exam alike): skipping it would silently give the students other
 * questions than the paper the teacher printed.
 */
static bool
cli_bank(const struct exam_params *p, struct quiz_bank *bank, FILE *err)
{
	struct script_err e;

	quiz_bank_init(bank);
	if (p->generated_only || quiz_bank_load_lang(bank, p->lang, &e))
		return true;
	cli_bank_err(err, &e);
	fprintf(err, "%s\n", _("The question bank cannot be read: fix it, or "
	    "leave it out with --no-bank."));
	quiz_bank_free(bank);
	return false;
}

/* ---------------------------------------------------------------- quiz */

/* Questions whose right option is strictly the longest: a cue students
 * learn to follow instead of the content. */
static size_t
quiz_longest_right(const struct quiz_bank *b)
{
	size_t n = 0;

	for (size_t i = 0; i < b->n; i++) {
		const struct quiz_question *q = &b->q[i];
		size_t len = strlen(q->opt[q->correct].text);
		bool longest = q->nopt > 1;

		for (unsigned j = 0; j < q->nopt; j++)
			if (j != q->correct && strlen(q->opt[j].text) >= len)
				longest = false;
		n += longest;
	}
	return n;
}

static int
quiz_check(const struct cli_opts *o, FILE *out, FILE *err)
{
	static const char *const langs[] = { "en", "zh_CN" };
	struct quiz_bank b;
	struct script_err e;
	int rc = TT_EXIT_OK, nf = o->nfiles;

	for (int i = 0; i < (nf ? nf : 2); i++) {
		bool ok;

		quiz_bank_init(&b);
		ok = nf ? quiz_bank_load(&b, o->files[i], &e) :
		    quiz_bank_load_lang(&b, langs[i], &e);
		if (!ok)
			cli_bank_err(err, &e);
		else
			fprintf(out, _("%s: %zu questions, all valid\n"),
			    nf ? o->files[i] : langs[i], b.n);
		if (!ok)
			rc = TT_EXIT_USAGE;
		if (ok && b.n >= 4 && 2 * quiz_longest_right(&b) > b.n)
			fprintf(err, _("%s: note: in %zu of %zu questions the "
			    "right option is the longest; students learn to "
			    "pick "
			    "the longest, so write some distractors longer.\n"),
			    nf ? o->files[i] : langs[i], quiz_longest_right(&b),
			    b.n);
		quiz_bank_free(&b);
	}
	return rc;
}

static void
quiz_help(FILE *out, bool exam)
{
	if (!exam) {
		fprintf(out, _("Usage: %s quiz [--seed S] [--count N] "
		    "[--topic T] [--lang L] [--no-bank] [--plain]\n"
		    "       %s quiz --check [FILE...]\n"), PACKAGE, PACKAGE);
		return;
	}
	fprintf(out, _("Usage: %s exam --seed S [--count N] [--minutes M] "
	    "[--student ID] [--topic T[,T]] [--lang L] [--no-bank]\n"
	    "           [--print | --key] [--format text|md]\n"
	    "           [--export gift|moodle-xml|anki] [--penalty]\n"
	    "           [--resume FILE] [--results DIR]\n"
	    "       %s exam --grade [--seed S] [--minutes M] DIR... "
	    "> marks.csv\n"), PACKAGE, PACKAGE);
}

int
quiz_cli(int argc, char **argv, FILE *out, FILE *err,
    struct quiz_cli_tui *tui)
{
	struct cli_opts o;
	struct quiz_bank bank;
	struct exam ex;
	int rc = cli_parse(&o, argc, argv, false, err);

	if (rc != TT_EXIT_OK || o.set[O_HELP]) {
		if (o.set[O_HELP])
			quiz_help(out, false);
		return rc;
	}
	if (o.set[O_CHECK])
		return quiz_check(&o, out, err);
	if (o.nfiles > 0)
		return cli_usage(err, argv[0], _("unexpected argument '%s'"),
		    o.files[0]);
	if (!o.set[O_SEED])
		o.p.seed = 1;
	if (!cli_bank(&o.p, &bank, err))
		return TT_EXIT_USAGE;
	if (!o.set[O_PLAIN]) {
		quiz_bank_free(&bank);
		memset(tui, 0, sizeof(*tui));
		tui->params = o.p;
		return QUIZ_CLI_TUI;
	}
	rc = exam_build(&ex, &o.p, &bank) ? quiz_drill_plain(&ex, stdin, out) :
	    TT_EXIT_FAIL;
	exam_free(&ex);
	quiz_bank_free(&bank);
	return rc;
}

/* ---------------------------------------------------------------- exam */

static int
exam_output(const struct cli_opts *o, const struct exam *ex, FILE *out,
    FILE *err)
{
	const char *fmt = o->set[O_FORMAT] ? o->val[O_FORMAT] : "text";
	const char *xp = o->val[O_EXPORT];
	enum exam_format f = strcmp(fmt, "md") == 0 ? EXAM_FMT_MD :
	    EXAM_FMT_TEXT;

	if (strcmp(fmt, "text") != 0 && strcmp(fmt, "md") != 0)
		return cli_usage(err, "exam", _("bad format '%s' (text or md)"),
		    fmt);
	if (xp == NULL)
		xp = "";
	else if (strcmp(xp, "gift") == 0)
		exam_export_gift(out, ex, o->set[O_PENALTY]);
	else if (strcmp(xp, "moodle-xml") == 0)
		exam_export_moodle_xml(out, ex, o->set[O_PENALTY]);
	else if (strcmp(xp, "anki") == 0)
		exam_export_anki(out, ex);
	else
		return cli_usage(err, "exam", _("bad export format '%s' (gift, "
		    "moodle-xml or anki)"), xp);
	if (o->set[O_PRINT])
		exam_print(out, ex, f);
	if (o->set[O_KEY])
		exam_print_key(out, ex, f);
	return fflush(out) == 0 && !ferror(out) ? TT_EXIT_OK : TT_EXIT_FAIL;
}

/* The CSV on out (to redirect to a file), the summary on err. */
static int
exam_grade_cli(const struct cli_opts *o, const char *cmd, FILE *out,
    FILE *err)
{
	struct exam_grade_opts g;

	if (o->nfiles == 0)
		return cli_usage(err, cmd, "%s", _("--grade needs the "
		    "directories of the attempt files"));
	memset(&g, 0, sizeof(g));
	g.seed_set = o->set[O_SEED];
	g.seed = o->p.seed;
	g.minutes_set = o->set[O_MINUTES];
	g.minutes = o->p.minutes;
	return exam_grade(o->files, o->nfiles, &g, out, err, err);
}

int
exam_cli(int argc, char **argv, FILE *out, FILE *err,
    struct quiz_cli_tui *tui)
{
	struct cli_opts o;
	struct quiz_bank bank;
	struct exam ex;
	int rc = cli_parse(&o, argc, argv, true, err);

	if (rc != TT_EXIT_OK || o.set[O_HELP]) {
		if (o.set[O_HELP])
			quiz_help(out, true);
		return rc;
	}
	if (o.set[O_GRADE])
		return exam_grade_cli(&o, argv[0], out, err);
	if (o.nfiles > 0)
		return cli_usage(err, argv[0], _("unexpected argument '%s'"),
		    o.files[0]);
	if (!o.set[O_SEED] && !o.set[O_RESUME])
		return cli_usage(err, argv[0], "%s", _("--seed is required"));
	if (!o.set[O_RESUME] && !cli_bank(&o.p, &bank, err))
		return TT_EXIT_USAGE;
	if (!o.set[O_PRINT] && !o.set[O_KEY] && !o.set[O_EXPORT]) {
		if (!o.set[O_RESUME])
			quiz_bank_free(&bank);
		memset(tui, 0, sizeof(*tui));
		tui->exam = true;
		tui->params = o.p;
		tui->resume = o.val[O_RESUME];
		tui->results_dir = o.val[O_RESULTS];
		return QUIZ_CLI_TUI;
	}
	if (o.set[O_RESUME])
		return cli_usage(err, argv[0], "%s", _("--resume cannot be "
		    "combined with --print, --key or --export"));
	rc = exam_build(&ex, &o.p, &bank) ? exam_output(&o, &ex, out, err) :
	    TT_EXIT_FAIL;
	exam_free(&ex);
	quiz_bank_free(&bank);
	return rc;
}
