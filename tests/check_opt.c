/*
 * Check tests of the option layer (src/lib/opt.c): every form the parser
 * accepts, every error and its wording as a user reads it on standard
 * error, and the generated help of every module's subcommand.
 *
 * Data model: a test table (struct t_dest) exercises each kind of option;
 * parse() runs opt_parse on a writable copy of the words given, with
 * standard output and error caught in two memory streams (outbuf,
 * errbuf).  The subcommands' own tables come from their modules.
 */
#include <config.h>

#include <check.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "capture/cli.h"
#include "lib/opt.h"
#include "lib/utf8.h"
#include "quiz/cli.h"
#include "script/run.h"

struct t_dest {
	bool quiet, diagram;
	const char *out, *color;
	unsigned count;
	uint64_t seed;
	int calls;
	const char *last;
};

static int
t_call(void *dest, const char *v, char *why, size_t size)
{
	struct t_dest *d = dest;

	if (strcmp(v, "bad") == 0) {
		snprintf(why, size, "option '--mode' does not like '%s'", v);
		return -1;
	}
	d->calls++;
	d->last = v;
	return 0;
}

#define T_OFF(f) offsetof(struct t_dest, f)
static const struct opt t_opts[] = {
	{ "quiet", 'q', OPT_NOARG, NULL, "say nothing", OPT_FLAG, T_OFF(quiet),
	    0, 0, NULL },
	{ "diagram", 'd', OPT_NOARG, NULL, "draw", OPT_FLAG, T_OFF(diagram),
	    0, 0, NULL },
	{ "output", 'o', OPT_ARG, "FILE", "write there", OPT_STR, T_OFF(out),
	    0, 0, NULL },
	{ "color", 'c', OPT_OPTARG, "WHEN", "colours", OPT_STR, T_OFF(color),
	    0, 0, NULL },
	{ "count", 'n', OPT_ARG, "N", "how many", OPT_UINT, T_OFF(count),
	    1, 500, NULL },
	{ "seed", 0, OPT_ARG, "S", "the seed", OPT_U64, T_OFF(seed),
	    0, UINT64_MAX, NULL },
	{ "mode", 'm', OPT_ARG, "M", "a callback", OPT_CALL, 0, 0, 0, t_call },
	{ "count-only", 0, OPT_NOARG, NULL, "shares a prefix", OPT_FLAG,
	    T_OFF(diagram), 0, 0, NULL },
};
static const struct opt_cmd t_cmd = {
	"tst", t_opts, OPT_N(t_opts),
	{ { "[-qd] FILE...", "test things" }, { "--seed S", "more" } },
	"About the test.", "Exit status: none.", 0, NULL, NULL, 0,
	{ { NULL, NULL, 0, 0 } }
};
static const struct opt_cmd t_cmd_in_order = {
	NULL, t_opts, OPT_N(t_opts), { { "[OPTION]... COMMAND", "x" } },
	NULL, NULL, OPT_IN_ORDER, NULL, NULL, 0, { { NULL, NULL, 0, 0 } }
};
/* The same options with relations and counted operands. */
static const struct opt_rel t_rels[] = {
	{ OPT_EXCLUDES, "quiet|diagram|output", NULL },
	{ OPT_NEEDS, "color", "output|mode" },
	{ OPT_EXCLUDES, "seed", "count|count-only" },
};
static const struct opt_cmd t_cmd_rules = {
	"tst", t_opts, OPT_N(t_opts), { { "[-q|-d|-o F] FILE", "x" } },
	NULL, NULL, 0, NULL, t_rels, OPT_N(t_rels),
	{ { "mode", "DIR", 1, OPT_MANY }, { NULL, "FILE", 1, 1 } }
};

static char outbuf[16384], errbuf[4096];
static struct t_dest d;
static struct opt_args args;
static char store[16][64];
static char *argv[17];

/* Run the parser on "tst" and the words given (up to a NULL). */
static int
parse_cmd(const struct opt_cmd *cmd, const char *first, va_list ap)
{
	FILE *out = fmemopen(outbuf, sizeof(outbuf), "w");
	FILE *err = fmemopen(errbuf, sizeof(errbuf), "w");
	int argc = 0, rc;

	ck_assert_ptr_nonnull(out);
	ck_assert_ptr_nonnull(err);
	memset(&d, 0, sizeof(d));
	memset(outbuf, 0, sizeof(outbuf));
	memset(errbuf, 0, sizeof(errbuf));
	argv[argc++] = strcpy(store[0], "tst");
	for (const char *w = first; w != NULL; w = va_arg(ap, const char *))
		argv[argc] = strcpy(store[argc], w), argc++;
	argv[argc] = NULL;
	rc = opt_parse(cmd, argc, argv, &d, &args, out, err);
	fclose(out);
	fclose(err);
	return rc;
}

static int
parse(const char *first, ...)
{
	va_list ap;
	int rc;

	va_start(ap, first);
	rc = parse_cmd(&t_cmd, first, ap);
	va_end(ap);
	return rc;
}

static int
parse_in_order(const char *first, ...)
{
	va_list ap;
	int rc;

	va_start(ap, first);
	rc = parse_cmd(&t_cmd_in_order, first, ap);
	va_end(ap);
	return rc;
}

static int
parse_rules(const char *first, ...)
{
	va_list ap;
	int rc;

	va_start(ap, first);
	rc = parse_cmd(&t_cmd_rules, first, ap);
	va_end(ap);
	return rc;
}

static bool
starts(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

static void
assert_err(const char *want)
{
	ck_assert_msg(strstr(errbuf, want) != NULL, "'%s' not in: %s", want,
	    errbuf);
}

/* ---------------------------------------------------------------- forms */

START_TEST(test_long_forms_equals_and_separate)
{
	ck_assert_int_eq(parse("--output=a.pcap", "--count", "7", NULL),
	    OPT_GO_ON);
	ck_assert_str_eq(d.out, "a.pcap");
	ck_assert_uint_eq(d.count, 7);
	ck_assert_int_eq(args.argc, 0);
	ck_assert_str_eq(errbuf, "");
}
END_TEST

START_TEST(test_short_forms_separate_and_attached)
{
	ck_assert_int_eq(parse("-o", "x", "-n12", NULL), OPT_GO_ON);
	ck_assert_str_eq(d.out, "x");
	ck_assert_uint_eq(d.count, 12);
}
END_TEST

START_TEST(test_bundled_short_flags_then_value)
{
	ck_assert_int_eq(parse("-qdo", "f", "g", NULL), OPT_GO_ON);
	ck_assert(d.quiet && d.diagram);
	ck_assert_str_eq(d.out, "f");
	ck_assert_int_eq(args.argc, 1);
	ck_assert_str_eq(args.argv[0], "g");
}
END_TEST

START_TEST(test_optional_argument_forms)
{
	ck_assert_int_eq(parse("--color", "file", NULL), OPT_GO_ON);
	ck_assert_ptr_null(d.color);
	ck_assert(opt_given(&t_cmd, &args, "color"));
	ck_assert_int_eq(args.argc, 1);	/* "file" is not its value */
	ck_assert_int_eq(parse("--color=never", NULL), OPT_GO_ON);
	ck_assert_str_eq(d.color, "never");
	ck_assert_int_eq(parse("-calways", NULL), OPT_GO_ON);
	ck_assert_str_eq(d.color, "always");
	ck_assert_int_eq(parse("-cq", NULL), OPT_GO_ON);
	ck_assert_str_eq(d.color, "q");	/* attached: its value */
}
END_TEST

START_TEST(test_operands_keep_order_among_options)
{
	ck_assert_int_eq(parse("a", "-q", "b", "--seed", "3", "c", NULL),
	    OPT_GO_ON);
	ck_assert_int_eq(args.argc, 3);
	ck_assert_str_eq(args.argv[0], "a");
	ck_assert_str_eq(args.argv[1], "b");
	ck_assert_str_eq(args.argv[2], "c");
	ck_assert(d.quiet);
}
END_TEST

START_TEST(test_double_dash_ends_options)
{
	ck_assert_int_eq(parse("-q", "--", "--diagram", "-", "--", NULL),
	    OPT_GO_ON);
	ck_assert(d.quiet && !d.diagram);
	ck_assert_int_eq(args.argc, 3);
	ck_assert_str_eq(args.argv[0], "--diagram");
	ck_assert_str_eq(args.argv[1], "-");
	ck_assert_str_eq(args.argv[2], "--");
}
END_TEST

START_TEST(test_dash_alone_is_a_file)
{
	ck_assert_int_eq(parse("-", "-q", NULL), OPT_GO_ON);
	ck_assert_int_eq(args.argc, 1);
	ck_assert_str_eq(args.argv[0], "-");
	ck_assert(d.quiet);
	ck_assert_int_eq(parse("-o", "-", NULL), OPT_GO_ON);
	ck_assert_str_eq(d.out, "-");
}
END_TEST

START_TEST(test_in_order_first_operand_ends_options)
{
	ck_assert_int_eq(parse_in_order("-q", "script", "--diagram", NULL),
	    OPT_GO_ON);
	ck_assert(d.quiet && !d.diagram);
	ck_assert_int_eq(args.argc, 2);
	ck_assert_str_eq(args.argv[0], "script");
	ck_assert_str_eq(args.argv[1], "--diagram");
}
END_TEST

START_TEST(test_unambiguous_prefix_and_exact_name_win)
{
	ck_assert_int_eq(parse("--outp", "x", "--diag", NULL), OPT_GO_ON);
	ck_assert_str_eq(d.out, "x");
	ck_assert(d.diagram);
	/* "count" is exact although "count-only" shares it. */
	ck_assert_int_eq(parse("--count=3", NULL), OPT_GO_ON);
	ck_assert_uint_eq(d.count, 3);
}
END_TEST

START_TEST(test_callback_gets_value_and_seen_bits)
{
	ck_assert_int_eq(parse("-m", "one", "--mode=two", NULL), OPT_GO_ON);
	ck_assert_int_eq(d.calls, 2);
	ck_assert_str_eq(d.last, "two");
	ck_assert(opt_given(&t_cmd, &args, "mode"));
	ck_assert(!opt_given(&t_cmd, &args, "seed"));
	ck_assert(!opt_given(&t_cmd, &args, "mod"));
}
END_TEST

START_TEST(test_u64_full_range)
{
	ck_assert_int_eq(parse("--seed", "18446744073709551615", NULL),
	    OPT_GO_ON);
	ck_assert(d.seed == UINT64_MAX);
}
END_TEST

/* ---------------------------------------------------------------- errors */

START_TEST(test_unknown_long_option_suggests_nearest)
{
	ck_assert_int_eq(parse("--diagrm", "f", NULL), TT_EXIT_USAGE);
	ck_assert_str_eq(outbuf, "");
	ck_assert_msg(starts(errbuf, "tcpteach tst: unknown option '--diagrm' "
	    "(did you mean --diagram?)\n"), "%s", errbuf);
	assert_err("Usage: tcpteach tst [-qd] FILE...\n"
	    "       tcpteach tst --seed S\n");
	assert_err("Try 'tcpteach tst --help' for more information.\n");
}
END_TEST

START_TEST(test_unknown_far_option_no_suggestion)
{
	ck_assert_int_eq(parse("--frobnicate", NULL), TT_EXIT_USAGE);
	assert_err("tcpteach tst: unknown option '--frobnicate'\n");
	ck_assert_ptr_null(strstr(errbuf, "did you mean"));
	ck_assert_int_eq(parse("--=x", NULL), TT_EXIT_USAGE);
	assert_err("unknown option '--'");
}
END_TEST

START_TEST(test_unknown_short_option_in_bundle)
{
	ck_assert_int_eq(parse("-qz", NULL), TT_EXIT_USAGE);
	assert_err("tcpteach tst: unknown option '-z'\n");
}
END_TEST

START_TEST(test_ambiguous_prefix_lists_candidates)
{
	ck_assert_int_eq(parse("--co", "1", NULL), TT_EXIT_USAGE);
	assert_err("tcpteach tst: option '--co' is ambiguous (--color, "
	    "--count, --count-only)\n");
}
END_TEST

START_TEST(test_empty_value_refused_at_parse)
{
	ck_assert_int_eq(parse("--output=", "f", NULL), TT_EXIT_USAGE);
	assert_err("tcpteach tst: option '--output' needs a value (FILE), "
	    "not an empty one\n");
	ck_assert_int_eq(parse("-o", "", "f", NULL), TT_EXIT_USAGE);
	assert_err("option '-o' needs a value (FILE), not an empty one\n");
	ck_assert_int_eq(parse("--color=", NULL), TT_EXIT_USAGE);
	ck_assert_int_eq(parse("--color", NULL), OPT_GO_ON);
}
END_TEST

/* ---------------------------------------------------------------- rules */

START_TEST(test_excluding_options_refused_with_both_named)
{
	ck_assert_int_eq(parse_rules("-q", "-d", "f", NULL), TT_EXIT_USAGE);
	ck_assert_msg(starts(errbuf, "tcpteach tst: --quiet and --diagram "
	    "exclude each other\nUsage: tcpteach tst [-q|-d|-o F] FILE\n"),
	    "%s", errbuf);
	ck_assert_int_eq(parse_rules("--output=x", "--diag", "f", NULL),
	    TT_EXIT_USAGE);
	assert_err("tcpteach tst: --diagram and --output exclude each other\n");
	ck_assert_int_eq(parse_rules("--seed=1", "--count-only", "f", NULL),
	    TT_EXIT_USAGE);
	assert_err("tcpteach tst: --seed and --count-only exclude each "
	    "other\n");
	ck_assert_int_eq(parse_rules("--count=2", "--count-only", "f", NULL),
	    OPT_GO_ON);
	ck_assert_int_eq(parse_rules("-q", "-q", "f", NULL), OPT_GO_ON);
}
END_TEST

START_TEST(test_needed_option_missing_named)
{
	ck_assert_int_eq(parse_rules("--color", "f", NULL), TT_EXIT_USAGE);
	assert_err("tcpteach tst: --color needs --output or --mode\n");
	ck_assert_int_eq(parse_rules("--color", "-o", "x", "f", NULL),
	    OPT_GO_ON);
	ck_assert_int_eq(parse_rules("--color", "-m", "x", "d", NULL),
	    OPT_GO_ON);
}
END_TEST

START_TEST(test_help_wins_over_rules)
{
	ck_assert_int_eq(parse_rules("-q", "-d", "--help", NULL), TT_EXIT_OK);
	ck_assert_str_eq(errbuf, "");
	ck_assert_int_eq(parse_rules("--color", "--help", NULL), TT_EXIT_OK);
}
END_TEST

START_TEST(test_operands_counted_by_table)
{
	ck_assert_int_eq(parse_rules(NULL), TT_EXIT_USAGE);
	ck_assert_msg(starts(errbuf, "tcpteach tst: missing FILE\n"), "%s",
	    errbuf);
	ck_assert_int_eq(parse_rules("a", "b", NULL), TT_EXIT_USAGE);
	ck_assert_msg(starts(errbuf, "tcpteach tst: unexpected argument "
	    "'b'\n"), "%s", errbuf);
	ck_assert_int_eq(parse_rules("a", NULL), OPT_GO_ON);
	/* --mode chooses the other row: DIR..., at least one. */
	ck_assert_int_eq(parse_rules("-m", "x", NULL), TT_EXIT_USAGE);
	assert_err("tcpteach tst: missing DIR\n");
	ck_assert_int_eq(parse_rules("-m", "x", "a", "b", "c", NULL),
	    OPT_GO_ON);
	ck_assert_int_eq(args.argc, 3);
	/* A table without a row leaves the count to the caller. */
	ck_assert_int_eq(parse("a", "b", "c", NULL), OPT_GO_ON);
	ck_assert_int_eq(parse(NULL), OPT_GO_ON);
}
END_TEST

/* Each name of a list "a|b" is an option of the command's table. */
static void
assert_names_options(const struct opt_cmd *c, const char *list)
{
	for (const char *p = list; p != NULL && *p != '\0'; ) {
		size_t n = strcspn(p, "|"), i;

		for (i = 0; i < c->nopts; i++)
			if (strncmp(c->opts[i].name, p, n) == 0 &&
			    c->opts[i].name[n] == '\0')
				break;
		ck_assert_msg(i < c->nopts, "%s: no option '%.*s'", c->name,
		    (int)n, p);
		p += n + (p[n] == '|');
	}
}

/* Every relation and operand row of every module names options its
 * table has, and every module counts its operands. */
START_TEST(test_module_rules_name_real_options)
{
	const struct opt_cmd *const cmds[] = { &script_opt_cmd,
	    &quiz_opt_cmd, &exam_opt_cmd, &capture_opt_cmd };

	for (size_t c = 0; c < sizeof(cmds) / sizeof(cmds[0]); c++) {
		ck_assert_msg(cmds[c]->operands[0].name != NULL, "%s counts "
		    "no operands", cmds[c]->name);
		for (size_t k = 0; k < OPT_MAXOPERANDS; k++)
			assert_names_options(cmds[c], cmds[c]->operands[k].when);
		for (size_t r = 0; r < cmds[c]->nrels; r++) {
			assert_names_options(cmds[c], cmds[c]->rels[r].opts);
			assert_names_options(cmds[c], cmds[c]->rels[r].others);
		}
	}
}
END_TEST

START_TEST(test_missing_value_names_it)
{
	ck_assert_int_eq(parse("--output", NULL), TT_EXIT_USAGE);
	assert_err("tcpteach tst: option '--output' needs a value (FILE)\n");
	ck_assert_int_eq(parse("-qo", NULL), TT_EXIT_USAGE);
	assert_err("tcpteach tst: option '-o' needs a value (FILE)\n");
}
END_TEST

START_TEST(test_flag_given_a_value_refused)
{
	ck_assert_int_eq(parse("--quiet=yes", NULL), TT_EXIT_USAGE);
	assert_err("tcpteach tst: option '--quiet' takes no value\n");
}
END_TEST

START_TEST(test_bad_number_says_its_range)
{
	static const char *const bad[] = { "0", "501", "x", "+5", "-1", "",
	    "7x", "99999999999999999999999" };

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		char want[128];

		ck_assert_int_eq(parse("--count", bad[i], NULL),
		    TT_EXIT_USAGE);
		snprintf(want, sizeof(want), "tcpteach tst: option '--count' "
		    "wants a number from 1 to 500, not '%s'\n", bad[i]);
		assert_err(want);
	}
	ck_assert_int_eq(parse("-n0", NULL), TT_EXIT_USAGE);
	assert_err("option '-n' wants a number from 1 to 500, not '0'");
	ck_assert_int_eq(parse("--seed=18446744073709551616", NULL),
	    TT_EXIT_USAGE);
	assert_err("from 0 to 18446744073709551615");
}
END_TEST

START_TEST(test_callback_error_is_said)
{
	ck_assert_int_eq(parse("--mode", "bad", NULL), TT_EXIT_USAGE);
	assert_err("tcpteach tst: option '--mode' does not like 'bad'\n");
}
END_TEST

START_TEST(test_fail_after_parsing_same_wording)
{
	FILE *err = fmemopen(errbuf, sizeof(errbuf), "w");

	ck_assert_int_eq(opt_fail(&t_cmd_in_order, err, "no %s", "file"),
	    TT_EXIT_USAGE);
	fclose(err);
	ck_assert_str_eq(errbuf, "tcpteach: no file\nUsage: tcpteach "
	    "[OPTION]... COMMAND\nTry 'tcpteach --help' for more "
	    "information.\n");
}
END_TEST

/* ---------------------------------------------------------------- help */

START_TEST(test_help_goes_to_stdout_and_stops)
{
	ck_assert_int_eq(parse("-q", "--help", "--bogus", NULL), TT_EXIT_OK);
	ck_assert_str_eq(errbuf, "");
	ck_assert(starts(outbuf, "Usage: tcpteach tst [-qd] FILE...\n"));
	ck_assert_ptr_nonnull(strstr(outbuf, "About the test.\n"));
	ck_assert_ptr_nonnull(strstr(outbuf, "\n  -q, --quiet            say "
	    "nothing\n"));
	ck_assert_ptr_nonnull(strstr(outbuf, "\n  -o, --output=FILE      "
	    "write there\n"));
	ck_assert_ptr_nonnull(strstr(outbuf, "\n  -c, --color[=WHEN]     "));
	ck_assert_ptr_nonnull(strstr(outbuf, "\n      --seed=S           "));
	ck_assert_ptr_nonnull(strstr(outbuf, "\nExit status: none.\n"));
	ck_assert_int_eq(parse("-h", NULL), TT_EXIT_OK);
	ck_assert_ptr_nonnull(strstr(outbuf, "  -h, --help   "));
}
END_TEST

/* Every subcommand a module owns; main.c's are checked by cli-help.sh. */
static const struct opt_cmd *const module_cmds[] = {
	&script_opt_cmd, &quiz_opt_cmd, &exam_opt_cmd, &capture_opt_cmd,
	&t_cmd,
};

static void
help_of(const struct opt_cmd *c)
{
	FILE *out = fmemopen(outbuf, sizeof(outbuf), "w");

	memset(outbuf, 0, sizeof(outbuf));
	opt_help(c, out);
	fclose(out);
}

START_TEST(test_generated_help_lists_every_option)
{
	const struct opt_cmd *c = module_cmds[_i];
	char want[128], below[128];

	help_of(c);
	for (size_t i = 0; i < c->nopts; i++) {
		const struct opt *o = &c->opts[i];

		/* A flag's meaning is two spaces after it, or below it. */
		if (o->letter)
			snprintf(want, sizeof(want), "  -%c, --%s%s", o->letter,
			    o->name, o->arg == OPT_NOARG ? "  " : "");
		else
			snprintf(want, sizeof(want), "      --%s%s", o->name,
			    o->arg == OPT_NOARG ? "  " : "");
		snprintf(below, sizeof(below), "%.*s\n", (int)strlen(want) - 2,
		    want);
		ck_assert_msg(strstr(outbuf, want) != NULL ||
		    (o->arg == OPT_NOARG && strstr(outbuf, below) != NULL),
		    "%s --help lacks '%s'", c->name, want);
		ck_assert_msg(strstr(outbuf, o->help) != NULL ||
		    utf8_width(o->help) > 55, "%s: help of --%s", c->name,
		    o->name);
	}
	ck_assert_ptr_nonnull(strstr(outbuf, "  -h, --help "));
	ck_assert_ptr_nonnull(strstr(outbuf, "      --lang=LANG "));
	snprintf(want, sizeof(want), "Usage: tcpteach %s", c->name);
	ck_assert(starts(outbuf, want));
}
END_TEST

START_TEST(test_generated_help_fits_80_columns)
{
	const struct opt_cmd *c = module_cmds[_i];

	help_of(c);
	for (char *line = strtok(outbuf, "\n"); line != NULL;
	    line = strtok(NULL, "\n"))
		ck_assert_msg(utf8_width(line) <= 80, "%s: too wide: %s",
		    c->name, line);
}
END_TEST

/* The parser accepts every option its help lists: each table option,
 * spelt as the help spells it, is known to opt_parse. */
START_TEST(test_every_listed_option_parses)
{
	const struct opt_cmd *c = module_cmds[_i];

	for (size_t i = 0; i < c->nopts; i++) {
		char store1[64];
		char *av[4] = { store[0], store1, store[2], NULL };
		FILE *err = fmemopen(errbuf, sizeof(errbuf), "w");
		char dest[4096] __attribute__((aligned(16)));

		memset(errbuf, 0, sizeof(errbuf));
		memset(dest, 0, sizeof(dest));
		strcpy(store[0], c->name);
		snprintf(store1, sizeof(store1), "--%s", c->opts[i].name);
		strcpy(store[2], "1");
		opt_parse(c, c->opts[i].arg == OPT_ARG ? 3 : 2, av, dest,
		    &args, stdout, err);
		fclose(err);
		ck_assert_msg(strstr(errbuf, "unknown option") == NULL &&
		    strstr(errbuf, "ambiguous") == NULL, "%s --%s: %s",
		    c->name, c->opts[i].name, errbuf);
		ck_assert(opt_given(c, &args, c->opts[i].name));
	}
}
END_TEST

/* ---------------------------------------------------------------- --lang */

START_TEST(test_take_lang_anywhere_before_double_dash)
{
	char *av[] = { store[0], store[1], store[2], store[3], store[4],
	    store[5], store[6], NULL };
	const char *lang;
	static const char *const w[] = { "tcpteach", "--lang=en", "lessons",
	    "--lang", "zh_CN", "--", "--lang=x" };

	for (size_t i = 0; i < 7; i++)
		strcpy(store[i], w[i]);
	ck_assert_int_eq(opt_take_lang(7, av, &lang), 4);
	ck_assert_str_eq(lang, "zh_CN");
	ck_assert_str_eq(av[1], "lessons");
	ck_assert_str_eq(av[2], "--");
	ck_assert_str_eq(av[3], "--lang=x");
	ck_assert_ptr_null(av[4]);
	ck_assert(opt_lang_ok("zh_CN") && opt_lang_ok("en"));
	ck_assert(!opt_lang_ok("fr"));
}
END_TEST

/* A --lang the program cannot take stays in argv for the command's own
 * parser, which refuses it with that command's usage. */
START_TEST(test_take_lang_leaves_bad_or_bare_lang)
{
	char *av[] = { store[0], store[1], store[2], store[3], store[4], NULL };
	const char *lang;
	static const char *const w[] = { "tcpteach", "--lang=en", "script",
	    "--lang=fr", "--lang" };

	for (size_t i = 0; i < 5; i++)
		strcpy(store[i], w[i]);
	ck_assert_int_eq(opt_take_lang(5, av, &lang), 4);
	ck_assert_str_eq(lang, "en");
	ck_assert_str_eq(av[1], "script");
	ck_assert_str_eq(av[2], "--lang=fr");
	ck_assert_str_eq(av[3], "--lang");
	ck_assert_int_eq(parse("--lang", NULL), TT_EXIT_USAGE);
	ck_assert_msg(starts(errbuf, "tcpteach tst: option '--lang' needs a "
	    "value (LANG)\nUsage: tcpteach tst [-qd] FILE...\n"), "%s",
	    errbuf);
	ck_assert_int_eq(parse("--lang=fr", NULL), TT_EXIT_USAGE);
	assert_err("tcpteach tst: unsupported language 'fr' (use en or "
	    "zh_CN)\n");
}
END_TEST

static Suite *
opt_suite(void)
{
	Suite *s = suite_create("opt");
	TCase *tc = tcase_create("parse");
	TCase *te = tcase_create("errors");
	TCase *th = tcase_create("help");
	size_t n = sizeof(module_cmds) / sizeof(module_cmds[0]);

	tcase_add_test(tc, test_long_forms_equals_and_separate);
	tcase_add_test(tc, test_short_forms_separate_and_attached);
	tcase_add_test(tc, test_bundled_short_flags_then_value);
	tcase_add_test(tc, test_optional_argument_forms);
	tcase_add_test(tc, test_operands_keep_order_among_options);
	tcase_add_test(tc, test_double_dash_ends_options);
	tcase_add_test(tc, test_dash_alone_is_a_file);
	tcase_add_test(tc, test_in_order_first_operand_ends_options);
	tcase_add_test(tc, test_unambiguous_prefix_and_exact_name_win);
	tcase_add_test(tc, test_callback_gets_value_and_seen_bits);
	tcase_add_test(tc, test_u64_full_range);
	tcase_add_test(tc, test_take_lang_anywhere_before_double_dash);
	tcase_add_test(tc, test_take_lang_leaves_bad_or_bare_lang);
	suite_add_tcase(s, tc);
	tcase_add_test(te, test_unknown_long_option_suggests_nearest);
	tcase_add_test(te, test_unknown_far_option_no_suggestion);
	tcase_add_test(te, test_unknown_short_option_in_bundle);
	tcase_add_test(te, test_ambiguous_prefix_lists_candidates);
	tcase_add_test(te, test_empty_value_refused_at_parse);
	tcase_add_test(te, test_excluding_options_refused_with_both_named);
	tcase_add_test(te, test_needed_option_missing_named);
	tcase_add_test(te, test_help_wins_over_rules);
	tcase_add_test(te, test_operands_counted_by_table);
	tcase_add_test(te, test_module_rules_name_real_options);
	tcase_add_test(te, test_missing_value_names_it);
	tcase_add_test(te, test_flag_given_a_value_refused);
	tcase_add_test(te, test_bad_number_says_its_range);
	tcase_add_test(te, test_callback_error_is_said);
	tcase_add_test(te, test_fail_after_parsing_same_wording);
	suite_add_tcase(s, te);
	tcase_add_test(th, test_help_goes_to_stdout_and_stops);
	tcase_add_loop_test(th, test_generated_help_lists_every_option, 0,
	    (int)n);
	tcase_add_loop_test(th, test_generated_help_fits_80_columns, 0,
	    (int)n);
	tcase_add_loop_test(th, test_every_listed_option_parses, 0, (int)n);
	suite_add_tcase(s, th);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(opt_suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
