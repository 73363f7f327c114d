/*
 * Command-line dispatch: global options, then a subcommand from one table.
 *
 * Data model: `subcmds[]` lists every subcommand: its struct opt_cmd (name,
 * usage forms, option table: lib/opt.h) and its handler.  The modules own
 * the tables of script, quiz, exam and capture; this file owns those of
 * the program itself, play, lessons, lesson and lab, which all write into
 * one struct main_args.  `--lang` is taken out of argv once, wherever it
 * stands, before anything else parses; every --help is generated from
 * the tables, the program's own with each subcommand's usage forms.
 */
#include <config.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "capture/cli.h"
#include "lab/lab.h"
#include "lesson/catalog.h"
#include "lib/diag.h"
#include "lib/exitcode.h"
#include "lib/i18n.h"
#include "lib/opt.h"
#include "quiz/cli.h"
#include "script/run.h"
#include "ui/ui.h"

/* Where every option main.c parses goes: the drawing options may come
 * before the subcommand or after play, lab, lesson and lessons. */
struct main_args {
	struct ui_opts uo;
	bool version;
	const char *pcap;	/* lab --pcap OUT */
	bool list, check;	/* lessons --list, --check */
};

struct subcmd {
	const struct opt_cmd *cmd;	/* name, usage forms and options */
	int (*run)(int argc, char **argv, struct main_args *ma);
};

#define MAIN_OPT(field) offsetof(struct main_args, field)

static int
main_speed(void *dest, const char *arg, char *why, size_t size)
{
	struct main_args *ma = dest;
	char *end;

	ma->uo.speed = strtod(arg, &end);
	if (*end == '\0' && ma->uo.speed >= 0.1 && ma->uo.speed <= 50)
		return 0;
	snprintf(why, size, _("option '--speed' wants a number from 0.1 to 50, "
	    "not '%s'"), arg);
	return -1;
}

#define MAIN_DISPLAY_OPTS \
	{ "ascii", 0, OPT_NOARG, NULL, N_("draw with ASCII only (no UTF-8 " \
	    "lines)"), OPT_FLAG, MAIN_OPT(uo.ascii), 0, 0, NULL }, \
	{ "no-animation", 0, OPT_NOARG, NULL, N_("show each event at once"), \
	    OPT_FLAG, MAIN_OPT(uo.no_animation), 0, 0, NULL }, \
	{ "speed", 0, OPT_ARG, N_("FACTOR"), N_("animation speed, 0.1 to 50 " \
	    "(default 1)"), OPT_CALL, 0, 0, 0, main_speed }

static const struct opt main_top_opts[] = {
	MAIN_DISPLAY_OPTS,
	{ "version", 'V', OPT_NOARG, NULL, N_("show version information and "
	    "exit"), OPT_FLAG, MAIN_OPT(version), 0, 0, NULL },
};
static const struct opt main_play_opts[] = {
	MAIN_DISPLAY_OPTS,
	{ "present", 0, OPT_NOARG, NULL, N_("for a projector: every "
	    "character bold, no event menu"), OPT_FLAG, MAIN_OPT(uo.present),
	    0, 0, NULL },
};
static const struct opt main_lab_opts[] = {
	MAIN_DISPLAY_OPTS,
	{ "pcap", 0, OPT_ARG, N_("OUT"), N_("write the real packets on the "
	    "lab's wire to a pcap file"), OPT_STR, MAIN_OPT(pcap), 0, 0, NULL },
};
static const struct opt main_lessons_opts[] = {
	MAIN_DISPLAY_OPTS,
	{ "list", 0, OPT_NOARG, NULL, N_("list the guided lessons"),
	    OPT_FLAG, MAIN_OPT(list), 0, 0, NULL },
	{ "check", 0, OPT_NOARG, NULL, N_("prove that lesson files work "
	    "(no FILE: every shipped lesson)"), OPT_FLAG, MAIN_OPT(check),
	    0, 0, NULL },
};
static const struct opt main_lesson_opts[] = {
	MAIN_DISPLAY_OPTS,
};

static const struct opt_rel main_lessons_rels[] = {
	{ OPT_EXCLUDES, "list|check", NULL },
};

static void main_commands(FILE *);

static const struct opt_cmd main_top_cmd = {
	NULL, main_top_opts, OPT_N(main_top_opts),
	{ { N_("[OPTION]... [COMMAND [ARG]...]"), "" } },
	N_("Learn how TCP opens and closes connections (RFC 9293)."),
	N_("Exit status: 0 success, 1 a failed expect or impossible event,\n"
	    "2 bad usage or a file that cannot be read or parsed.\n\n"
	    "Full documentation: man tcpteach; the README lists the keys."),
	OPT_IN_ORDER, main_commands, NULL, 0,
	{ { NULL, N_("COMMAND"), 0, OPT_MANY } }
};
static const struct opt_cmd main_play_cmd = {
	"play", main_play_opts, OPT_N(main_play_opts),
	{ { N_("[--ascii] [--no-animation] [--speed=FACTOR] FILE"),
	    N_("lecture mode: step through a scenario") } },
	N_("Lecture mode: step through a scenario file ('-' is standard "
	    "input)\nwith n and p.  Needs a terminal."),
	N_("Exit status: 0 fine, 2 bad usage, a file that cannot be read or "
	    "parsed, or\nno terminal."), 0, NULL, NULL, 0,
	{ { NULL, N_("FILE"), 1, 1 } }
};
static const struct opt_cmd main_lessons_cmd = {
	"lessons", main_lessons_opts, OPT_N(main_lessons_opts),
	{ { "", N_("the guided lessons, with your progress") },
	  { "--list", N_("list the guided lessons") },
	  { N_("--check [FILE]..."), N_("prove that lesson files work") } },
	N_("The guided lessons: the browser (on a terminal), the list, or a "
	    "check\nof lesson files."),
	N_("Exit status: 0 fine, 1 a lesson that does not work, 2 a file "
	    "that cannot be\nread or parsed."), 0, NULL,
	main_lessons_rels, OPT_N(main_lessons_rels),
	{ { "check", N_("FILE"), 0, OPT_MANY }, OPT_NO_OPERANDS }
};
static const struct opt_cmd main_lesson_cmd = {
	"lesson", main_lesson_opts, OPT_N(main_lesson_opts),
	{ { "N", N_("open lesson N where you left it") } },
	N_("Open lesson N (a number or a name such as 02-handshake) where you "
	    "left it.\nNeeds a terminal."),
	N_("Exit status: 0 fine, 2 bad usage, no such lesson, or no "
	    "terminal."), 0, NULL, NULL, 0, { { NULL, "N", 1, 1 } }
};
static const struct opt_cmd main_lab_cmd = {
	"lab", main_lab_opts, OPT_N(main_lab_opts),
	{ { N_("[--ascii] [--pcap OUT]"),
	    N_("the simulator on two real Linux TCP stacks (see doc/lab.md)") } },
	N_("The simulator on two real Linux TCP stacks in network "
	    "namespaces.\nNeeds a terminal, and root or user namespaces."),
	N_("Exit status: 0 fine, 2 bad usage, a lab that cannot start, or "
	    "no terminal."), 0, NULL, NULL, 0, { OPT_NO_OPERANDS }
};

static int main_script(int, char **, struct main_args *);
static int main_play(int, char **, struct main_args *);
static int main_lessons(int, char **, struct main_args *);
static int main_lesson(int, char **, struct main_args *);
static int main_quiz(int, char **, struct main_args *);
static int main_capture(int, char **, struct main_args *);
static int main_labui(int, char **, struct main_args *);

static const struct subcmd subcmds[] = {
	{ &script_opt_cmd, main_script },
	{ &main_play_cmd, main_play },
	{ &main_lessons_cmd, main_lessons },
	{ &main_lesson_cmd, main_lesson },
	{ &quiz_opt_cmd, main_quiz },
	{ &capture_opt_cmd, main_capture },
	{ &exam_opt_cmd, main_quiz },
	{ &main_lab_cmd, main_labui },
};
#define NSUBCMDS (sizeof(subcmds) / sizeof(subcmds[0]))

/* `script --lab`, `--compare` and `tcpteach lab`, the screen, reach the
 * kernel lab through these. */
static const struct script_lab main_lab = { lab_backend_open, lab_describe,
    lab_poll_fds, lab_pump, lab_during };

/* The program's help lists each subcommand's usage forms. */
static void
main_commands(FILE *f)
{
	char form[256];

	fprintf(f, "\n%s\n", _("Commands:"));
	opt_help_line(f, _("(none)"), _("start the interactive simulator"));
	for (size_t i = 0; i < NSUBCMDS; i++) {
		const struct opt_cmd *c = subcmds[i].cmd;

		for (size_t k = 0; k < OPT_MAXFORMS && c->forms[k].what; k++) {
			const struct opt_form *sf = &c->forms[k];

			snprintf(form, sizeof(form), "%s%s%s", c->name,
			    sf->args[0] ? " " : "", sf->args[0] ? _(sf->args) :
			    "");
			opt_help_line(f, form, _(sf->what));
		}
	}
}

static int
main_script(int argc, char **argv, struct main_args *ma)
{
	(void)ma;
	return script_cli_lab(argc, argv, stdout, stderr, &main_lab);
}

static int
main_capture(int argc, char **argv, struct main_args *ma)
{
	int rc;

	/* A file and nothing else, on a terminal: the connection list
	 * screen; else (a pipe, a script, any option) what capture_cli
	 * prints. */
	if (argc == 2 && argv[1][0] != '-' &&
	    (rc = ui_capture_main(argv[1], &ma->uo)) != UI_CAPTURE_NO_TERMINAL)
		return rc;
	return capture_cli(argc, argv, stdout, stderr);
}

/* `tcpteach quiz` and `tcpteach exam`: what needs no terminal runs in
 * src/quiz; the drill and the timed exam are handed to the TUI. */
static int
main_quiz(int argc, char **argv, struct main_args *ma)
{
	struct quiz_cli_tui tui;
	int rc = strcmp(argv[0], "exam") == 0 ?
	    exam_cli(argc, argv, stdout, stderr, &tui) :
	    quiz_cli(argc, argv, stdout, stderr, &tui);

	if (rc != QUIZ_CLI_TUI)
		return rc;
	return tui.exam ? ui_exam_main(&tui, &ma->uo) :
	    ui_quiz_main(&tui, &ma->uo);
}

/* `tcpteach lesson N`: lesson N in the browser's screen. */
static int
main_lesson(int argc, char **argv, struct main_args *ma)
{
	struct opt_args a;
	int rc = opt_parse(&main_lesson_cmd, argc, argv, ma, &a, stdout,
	    stderr);

	if (rc != OPT_GO_ON)
		return rc;
	return ui_lessons_main(&ma->uo, a.argv[0]);
}

/* `tcpteach lessons` alone is the browser; --list and --check need no
 * terminal and are the lesson module's. */
static int
main_lessons(int argc, char **argv, struct main_args *ma)
{
	struct opt_args a;
	int rc = opt_parse(&main_lessons_cmd, argc, argv, ma, &a, stdout,
	    stderr);

	if (rc != OPT_GO_ON)
		return rc;
	if (ma->check)
		return lesson_cli_check(a.argv, a.argc, stdout, stderr);
	if (ma->list)
		return lesson_cli_list(stdout, stderr);
	return ui_lessons_main(&ma->uo, NULL);
}

/* `tcpteach lab [--ascii] [--pcap OUT]`. */
static int
main_labui(int argc, char **argv, struct main_args *ma)
{
	struct opt_args a;
	int rc = opt_parse(&main_lab_cmd, argc, argv, ma, &a, stdout, stderr);

	if (rc != OPT_GO_ON)
		return rc;
	return ui_lab_main(&ma->uo, ma->pcap, &main_lab);
}

/* `tcpteach play [OPTION]... FILE`: the drawing options may follow. */
static int
main_play(int argc, char **argv, struct main_args *ma)
{
	struct opt_args a;
	int rc = opt_parse(&main_play_cmd, argc, argv, ma, &a, stdout,
	    stderr);

	if (rc != OPT_GO_ON)
		return rc;
	ma->uo.play = a.argv[0];
	return ui_main(&ma->uo);
}

static void
version(void)
{
	printf("%s %s\n", PACKAGE, PACKAGE_VERSION);
	fputs(_("License GPLv3+: GNU GPL version 3 or later.\n"
	    "This is free software: you are free to change and redistribute it.\n"
	    "There is NO WARRANTY, to the extent permitted by law.\n"), stdout);
}

/* --lang first, wherever it stands, so that every message after it is
 * in the language asked for.  A --lang without a value or with one we do
 * not speak is left to the command's parser: the command's usage. */
static void
main_lang(int *argc, char **argv)
{
	const char *lang = NULL;

	*argc = opt_take_lang(*argc, argv, &lang);
	i18n_init(lang);
}

int
main(int argc, char **argv)
{
	struct main_args ma = { .uo.speed = 1.0 };
	struct opt_args a;
	int rc;

	main_lang(&argc, argv);
	rc = opt_parse(&main_top_cmd, argc, argv, &ma, &a, stdout, stderr);
	if (rc != OPT_GO_ON)
		return rc;
	if (ma.version) {
		version();
		return TT_EXIT_OK;
	}
	if (a.argc == 0)
		return ui_main(&ma.uo);
	for (size_t i = 0; i < NSUBCMDS; i++)
		if (strcmp(a.argv[0], subcmds[i].cmd->name) == 0) {
			/* Every error from here on names the command. */
			diag_command(a.argv[0]);
			return subcmds[i].run(a.argc, a.argv, &ma);
		}
	return opt_fail(&main_top_cmd, stderr, _("unknown command '%s'"),
	    a.argv[0]);
}
