/*
 * Option parsing and the terminal-free modes of `quiz` and `exam`.
 *
 * Data model: each subcommand has its option table (lib/opt.h; the
 * options both take are shared macros), parsed straight into a struct
 * cli_opts whose exam_params the modes read; a mode writes to the
 * streams it is given and returns the exit status.
 */
#include <config.h>

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "lib/diag.h"
#include "lib/i18n.h"
#include "lib/opt.h"
#include "quiz/bank.h"
#include "quiz/cli.h"
#include "quiz/quiz_internal.h"
#include "quiz/session.h"

struct cli_opts {
	struct exam_params p;
	bool print, key, penalty, check, plain, grade;
	const char *format, *export, *resume, *results;
	char **files;
	int nfiles;
	const struct opt_cmd *cmd;
	struct opt_args args;
};

#define CLI_OPT(field) offsetof(struct cli_opts, field)

static int
cli_topics(void *dest, const char *s, char *why, size_t size)
{
	struct cli_opts *o = dest;
	char word[32];
	enum quiz_topic t;
	size_t n = 0;

	o->p.topics = 0;
	for (;; s += n + 1) {
		n = strcspn(s, ",");
		if (n == 0 || n >= sizeof(word))
			break;
		memcpy(word, s, n);
		word[n] = '\0';
		if (!quiz_topic_parse(word, &t))
			break;
		o->p.topics |= QUIZ_TOPIC_BIT(t);
		if (s[n] == '\0')
			return 0;
	}
	/* Name the one word that is wrong, not the whole list. */
	snprintf(why, size, _("bad topic '%.*s' (handshake, close, timewait, "
	    "rst, timers, numbers; several with commas)"), (int)n, s);
	return -1;
}

static int
cli_student(void *dest, const char *s, char *why, size_t size)
{
	struct cli_opts *o = dest;

	if (s[0] != '\0' && strlen(s) < sizeof(o->p.student)) {
		snprintf(o->p.student, sizeof(o->p.student), "%s", s);
		return 0;
	}
	snprintf(why, size, _("bad student id '%s' (1 to 63 bytes)"), s);
	return -1;
}

/* Options both subcommands take. */
#define CLI_SEED { "seed", 0, OPT_ARG, N_("S"), N_("the seed that decides " \
	"the questions"), OPT_U64, CLI_OPT(p.seed), 0, UINT64_MAX, NULL }
#define CLI_COUNT { "count", 0, OPT_ARG, N_("N"), N_("how many questions " \
	"(default 10)"), OPT_UINT, CLI_OPT(p.count), 1, EXAM_MAXCOUNT, NULL }
#define CLI_TOPIC { "topic", 0, OPT_ARG, N_("T[,T]"), N_("only these " \
	"topics: handshake, close, timewait, rst, timers, numbers"), \
	OPT_CALL, 0, 0, 0, cli_topics }
#define CLI_NOBANK { "no-bank", 0, OPT_NOARG, NULL, N_("only questions " \
	"made by the simulator, none from the bank"), OPT_FLAG, \
	CLI_OPT(p.generated_only), 0, 0, NULL }

static const struct opt quiz_opt_table[] = {
	CLI_SEED, CLI_COUNT, CLI_TOPIC, CLI_NOBANK,
	{ "plain", 0, OPT_NOARG, NULL, N_("the drill without a terminal: "
	    "questions on standard output, answers from standard input"),
	    OPT_FLAG, CLI_OPT(plain), 0, 0, NULL },
	{ "check", 0, OPT_NOARG, NULL, N_("check question bank files (no "
	    "FILE: both shipped banks)"), OPT_FLAG, CLI_OPT(check), 0, 0,
	    NULL },
};

static const struct opt exam_opt_table[] = {
	CLI_SEED, CLI_COUNT, CLI_TOPIC, CLI_NOBANK,
	{ "minutes", 0, OPT_ARG, N_("M"), N_("the time limit (0: none)"),
	    OPT_UINT, CLI_OPT(p.minutes), 0, 100000, NULL },
	{ "student", 0, OPT_ARG, N_("ID"), N_("the student's own exam from "
	    "the class's seed"), OPT_CALL, 0, 0, 0, cli_student },
	{ "print", 0, OPT_NOARG, NULL, N_("print the paper"),
	    OPT_FLAG, CLI_OPT(print), 0, 0, NULL },
	{ "key", 0, OPT_NOARG, NULL, N_("print the answer key"),
	    OPT_FLAG, CLI_OPT(key), 0, 0, NULL },
	{ "format", 0, OPT_ARG, N_("F"), N_("the paper and key as text "
	    "(default) or md"), OPT_STR, CLI_OPT(format), 0, 0, NULL },
	{ "export", 0, OPT_ARG, N_("F"), N_("the questions for gift, "
	    "moodle-xml or anki"), OPT_STR, CLI_OPT(export), 0, 0, NULL },
	{ "penalty", 0, OPT_NOARG, NULL, N_("in the exports, wrong answers "
	    "cost marks"), OPT_FLAG, CLI_OPT(penalty), 0, 0, NULL },
	{ "resume", 0, OPT_ARG, N_("FILE"), N_("go on with an interrupted "
	    "attempt"), OPT_STR, CLI_OPT(resume), 0, 0, NULL },
	{ "results", 0, OPT_ARG, N_("DIR"), N_("where attempt files are "
	    "saved"), OPT_STR, CLI_OPT(results), 0, 0, NULL },
	{ "grade", 0, OPT_NOARG, NULL, N_("mark the attempt files in DIR... "
	    "as CSV on standard output"), OPT_FLAG, CLI_OPT(grade), 0, 0,
	    NULL },
};

static const struct opt_rel quiz_rels[] = {
	{ OPT_EXCLUDES, "check", "seed|count|topic|no-bank|plain" },
};

static const struct opt_rel exam_rels[] = {
	{ OPT_EXCLUDES, "print|key|export", NULL },
	{ OPT_EXCLUDES, "resume", "print|key|export" },
	{ OPT_EXCLUDES, "grade", "count|topic|no-bank|student|print|key|"
	    "export|format|penalty|resume|results" },
	{ OPT_NEEDS, "penalty", "export" },
	{ OPT_NEEDS, "format", "print|key" },
};

const struct opt_cmd quiz_opt_cmd = {
	"quiz", quiz_opt_table, OPT_N(quiz_opt_table), {
	    { "[--plain] [--seed S] [--topic T]",
	      N_("drill on questions made by the simulator") },
	    { N_("--check [FILE]..."), N_("check question bank files") } },
	N_("A drill on questions made by the simulator and the question "
	    "bank\n(interactive on a terminal, or --plain)."),
	N_("Exit status: 0 fine, 1 no question fits the topics, 2 bad usage "
	    "or a bank\nfile that cannot be read or parsed."), 0, NULL,
	quiz_rels, OPT_N(quiz_rels),
	{ { "check", N_("FILE"), 0, OPT_MANY }, OPT_NO_OPERANDS }
};

const struct opt_cmd exam_opt_cmd = {
	"exam", exam_opt_table, OPT_N(exam_opt_table), {
	    { "--seed S [--count N] [--student ID] [--print|--key|--export=F]",
	      N_("a reproducible exam, its paper and exports "
	      "(see 'exam --help')") },
	    { N_("--grade [--seed S] [--minutes M] DIR..."),
	      N_("mark the attempt files as CSV") } },
	N_("A reproducible exam: the same seed gives the same questions. "
	    "Without\n--print, --key or --export it runs on the terminal and "
	    "saves the attempt."),
	N_("Exit status: 0 fine, 1 a file that is not an attempt or no "
	    "question fits,\n2 bad usage or a file that cannot be read or "
	    "parsed."), 0, NULL, exam_rels, OPT_N(exam_rels),
	{ { "grade", N_("DIR"), 1, OPT_MANY }, OPT_NO_OPERANDS }
};

static int
cli_parse(struct cli_opts *o, int argc, char **argv, bool exam, FILE *out,
    FILE *err)
{
	int rc;

	memset(o, 0, sizeof(*o));
	exam_params_init(&o->p);
	o->cmd = exam ? &exam_opt_cmd : &quiz_opt_cmd;
	rc = opt_parse(o->cmd, argc, argv, o, &o->args, out, err);
	o->files = o->args.argv;
	o->nfiles = o->args.argc;
	snprintf(o->p.lang, sizeof(o->p.lang), "%s", quiz_lang(NULL));
	return rc;
}

static bool
cli_given(const struct cli_opts *o, const char *name)
{
	return opt_given(o->cmd, &o->args, name);
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
			fprintf(out, ngettext("%s: %zu question, all valid\n",
			    "%s: %zu questions, all valid\n", b.n),
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

int
quiz_cli(int argc, char **argv, FILE *out, FILE *err,
    struct quiz_cli_tui *tui)
{
	struct cli_opts o;
	struct quiz_bank bank;
	struct exam ex;
	int rc = cli_parse(&o, argc, argv, false, out, err);

	if (rc != OPT_GO_ON)
		return rc;
	if (o.check)
		return quiz_check(&o, out, err);
	if (!cli_given(&o, "seed"))
		o.p.seed = 1;
	if (!cli_bank(&o.p, &bank, err))
		return TT_EXIT_USAGE;
	if (!o.plain) {
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
	const char *fmt = o->format != NULL ? o->format : "text";
	const char *xp = o->export;
	enum exam_format f = strcmp(fmt, "md") == 0 ? EXAM_FMT_MD :
	    EXAM_FMT_TEXT;

	if (strcmp(fmt, "text") != 0 && strcmp(fmt, "md") != 0)
		return opt_fail(o->cmd, err, _("bad format '%s' (text or md)"),
		    fmt);
	if (xp == NULL)
		xp = "";
	else if (strcmp(xp, "gift") == 0)
		exam_export_gift(out, ex, o->penalty);
	else if (strcmp(xp, "moodle-xml") == 0)
		exam_export_moodle_xml(out, ex, o->penalty);
	else if (strcmp(xp, "anki") == 0)
		exam_export_anki(out, ex);
	else
		return opt_fail(o->cmd, err, _("bad export format '%s' (gift, "
		    "moodle-xml or anki)"), xp);
	if (o->print)
		exam_print(out, ex, f);
	if (o->key)
		exam_print_key(out, ex, f);
	return fflush(out) == 0 && !ferror(out) ? TT_EXIT_OK : TT_EXIT_FAIL;
}

/* The CSV on out (to redirect to a file), the summary on err. */
static int
exam_grade_cli(const struct cli_opts *o, FILE *out, FILE *err)
{
	struct exam_grade_opts g;

	memset(&g, 0, sizeof(g));
	g.seed_set = cli_given(o, "seed");
	g.seed = o->p.seed;
	g.minutes_set = cli_given(o, "minutes");
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
	int rc = cli_parse(&o, argc, argv, true, out, err);

	if (rc != OPT_GO_ON)
		return rc;
	if (o.grade)
		return exam_grade_cli(&o, out, err);
	if (!cli_given(&o, "seed") && o.resume == NULL)
		return opt_fail(o.cmd, err, "%s", _("--seed is required"));
	if (o.resume == NULL && !cli_bank(&o.p, &bank, err))
		return TT_EXIT_USAGE;
	if (!o.print && !o.key && o.export == NULL) {
		if (o.resume == NULL)
			quiz_bank_free(&bank);
		memset(tui, 0, sizeof(*tui));
		tui->exam = true;
		tui->params = o.p;
		tui->resume = o.resume;
		tui->results_dir = o.results;
		return QUIZ_CLI_TUI;
	}
	rc = exam_build(&ex, &o.p, &bank) ? exam_output(&o, &ex, out, err) :
	    TT_EXIT_FAIL;
	exam_free(&ex);
	quiz_bank_free(&bank);
	return rc;
}
