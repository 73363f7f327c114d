/*
 * The one command-line option layer: every subcommand describes its
 * options in a table, and one parser and one help printer read it, so the
 * help cannot disagree with what is accepted.
 *
 * A subcommand is a struct opt_cmd: its name, its usage forms, a table of
 * struct opt and where the parsed values go (offsets into a struct the
 * caller owns).  opt_parse() accepts --name=value, --name value, an
 * unambiguous prefix of a long name, -x value, -xvalue, bundled short
 * flags (-dq), "--" ending the options and "-" as an operand; options and
 * operands may mix unless the command says OPT_IN_ORDER.  Every command
 * also takes -h/--help (the generated help) and --lang.  The command's
 * relations (which options exclude each other, which need another) and
 * its operands (how many, and their name) are data in the table too, so
 * the parser checks them once, in one wording, before the caller runs.
 *
 * A new option is one row in its command's table (its help comes with
 * it; doc/tcpteach.1 is written by hand); if it makes no sense with
 * another, or only with another, say so in the command's rels.  A new
 * subcommand is an opt_cmd in its module (with its operands row) and a
 * row in main.c's subcmds[]; tests/check_opt.c and tests/cli-help.sh
 * list the subcommands they check.
 */
#ifndef TCPTEACH_LIB_OPT_H
#define TCPTEACH_LIB_OPT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "lib/exitcode.h"

enum opt_arg {
	OPT_NOARG,		/* --flag */
	OPT_ARG,		/* --name VALUE, --name=VALUE, -x VALUE */
	OPT_OPTARG		/* --name or --name=VALUE, -x or -xVALUE */
};

enum opt_to {
	OPT_FLAG,		/* bool at off becomes true */
	OPT_STR,		/* const char * at off (NULL for a bare
				   OPT_OPTARG option) */
	OPT_UINT,		/* unsigned at off, within min..max */
	OPT_U64,		/* uint64_t at off, within min..max */
	OPT_CALL		/* call(dest, value) decides */
};

/* A callback's answer: 0, or -1 with a whole sentence (translated) in
 * why, e.g. "option '--speed' wants a number from 0.1 to 50, not 'x'". */
typedef int (*opt_call_fn)(void *dest, const char *value, char *why,
    size_t size);

struct opt {
	const char *name;	/* long name without "--" */
	char letter;		/* short name, or 0 */
	enum opt_arg arg;
	const char *argname;	/* N_(): the value in help ("N", "FILE") */
	const char *help;	/* N_(): one line of help */
	enum opt_to to;
	size_t off;		/* offsetof the field in the caller's struct */
	uint64_t min, max;	/* OPT_UINT, OPT_U64 */
	opt_call_fn call;	/* OPT_CALL */
};

/* One usage form: "[--diagram] FILE..." and what it does. */
struct opt_form {
	const char *args;	/* N_() or a literal; "" for none */
	const char *what;	/* N_() */
};

/*
 * A relation between options, by long names; a list is "a|b|c".
 * OPT_EXCLUDES: with others NULL, at most one of opts ("--list and --stats
 * exclude each other"); else none of opts together with any of others.
 * OPT_NEEDS: each of opts given needs one of others ("--relative needs
 * --show").
 */
enum opt_rel_kind {
	OPT_EXCLUDES,
	OPT_NEEDS
};

struct opt_rel {
	enum opt_rel_kind kind;
	const char *opts;
	const char *others;
};

/* How many operands: the first row whose `when` option was given, else
 * the row with `when` NULL.  No row with a name: the caller counts. */
#define OPT_MANY 0xffffu
struct opt_operands {
	const char *when;	/* a long name, or NULL */
	const char *name;	/* N_(): "FILE" in "missing FILE" */
	unsigned min, max;	/* max OPT_MANY: no limit */
};
#define OPT_NO_OPERANDS { NULL, "", 0, 0 }

#define OPT_IN_ORDER 1u		/* the first operand ends the options */
#define OPT_MAXOPERANDS 2
#define OPT_MAXFORMS 3
#define OPT_MAXOPTS 62		/* with the common ones, bits of `seen` */

struct opt_cmd {
	const char *name;	/* "script"; NULL for the program itself */
	const struct opt *opts;
	size_t nopts;		/* at most OPT_MAXOPTS */
	struct opt_form forms[OPT_MAXFORMS];	/* unused ones NULL */
	const char *about;	/* N_(): a paragraph after the usage, or NULL */
	const char *epilog;	/* N_(): after the options, or NULL */
	unsigned flags;
	void (*commands)(FILE *f);	/* the program's help: its commands */
	const struct opt_rel *rels;	/* checked after a whole parse */
	size_t nrels;
	struct opt_operands operands[OPT_MAXOPERANDS];
};

#define OPT_N(table) (sizeof(table) / sizeof((table)[0]))

/* What is left after the options: the operands, and which options of
 * the table were given (bit i for opts[i]). */
struct opt_args {
	int argc;
	char **argv;
	uint64_t seen;
};

/* Returned by opt_parse when the caller should go on. */
#define OPT_GO_ON (-1)

/*
 * Parse argv[1..argc-1] (argv[0] is the command's name) into dest.  The
 * operands are moved to the front of argv[1..] in their order and described
 * by *args.  Returns OPT_GO_ON; or TT_EXIT_OK after printing the help on
 * out; or TT_EXIT_USAGE after saying on err what was wrong (an option, a
 * relation between options, the count of operands), the usage and where
 * to find help.
 */
int opt_parse(const struct opt_cmd *cmd, int argc, char **argv, void *dest,
    struct opt_args *args, FILE *out, FILE *err);

/* Was the option with this long name given? */
bool opt_given(const struct opt_cmd *cmd, const struct opt_args *args,
    const char *name);

/* The generated help: usage forms, about, every option, epilog. */
void opt_help(const struct opt_cmd *cmd, FILE *f);
/* Its "Options:" part alone (the program's own help adds commands). */
void opt_help_options(const struct opt_cmd *cmd, FILE *f);
/* "Usage: tcpteach script FORM", one line for each form. */
void opt_usage(const struct opt_cmd *cmd, FILE *f);
/* One help line: form at column 2, what at column 25 or below it, in
 * display columns (Chinese is two columns a character). */
void opt_help_line(FILE *f, const char *form, const char *what);

/* "tcpteach SUB: MESSAGE", the usage and "Try ... --help" on err;
 * returns TT_EXIT_USAGE.  For the checks a caller makes after parsing. */
int opt_fail(const struct opt_cmd *cmd, FILE *err, const char *fmt, ...)
#ifdef __GNUC__
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/*
 * --lang, wherever it stands before a "--": each one with a language we
 * speak is taken out of argv (the last one wins) so that it takes effect
 * before anything is said.  One without a value, or with a language we do
 * not speak, stays for the command's own parser to refuse with its usage.
 * Returns the new argc with *lang set (NULL when absent).  opt_lang_ok()
 * says whether a language is one we speak.
 */
int opt_take_lang(int argc, char **argv, const char **lang);
bool opt_lang_ok(const char *lang);

#endif
