/*
 * Command-line dispatch: global options, then a subcommand from one table.
 *
 * Data model: `subcmds[]` lists every subcommand with its handler, whether
 * it needs a terminal, and its usage forms; --help is generated from it.
 * `--lang` is taken out of argv once, wherever it stands, before anything
 * else parses, so no subcommand needs to know about it.  Everything else
 * lives in the modules; this file only chooses which one runs.
 */
#include <config.h>

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "capture/cli.h"
#include "lab/lab.h"
#include "lesson/catalog.h"
#include "lib/exitcode.h"
#include "lib/i18n.h"
#include "lib/utf8.h"
#include "quiz/cli.h"
#include "script/run.h"
#include "ui/ui.h"

struct subcmd_form {
	const char *args;	/* N_(): after the name in --help */
	const char *what;	/* N_() */
};

struct subcmd {
	const char *name;
	int (*run)(int argc, char **argv, struct ui_opts *uo);
	struct subcmd_form forms[3];
};

static int main_script(int, char **, struct ui_opts *);
static int main_play(int, char **, struct ui_opts *);
static int main_lessons(int, char **, struct ui_opts *);
static int main_quiz(int, char **, struct ui_opts *);
static int main_capture(int, char **, struct ui_opts *);
static int main_labui(int, char **, struct ui_opts *);

static const struct subcmd subcmds[] = {
	{ "script", main_script, {
	    { N_("[--diagram] [--quiet] [--pcap OUT] FILE..."),
	      N_("run scenario files and print a trace") },
	    { N_("--lab|--compare [--pcap OUT] FILE..."),
	      N_("on two real Linux TCP stacks, or on both (see doc/lab.md)") } } },
	{ "play", main_play, {
	    { N_("[--ascii] [--no-animation] [--speed=FACTOR] FILE"),
	      N_("lecture mode: step through a scenario") } } },
	{ "lessons", main_lessons, {
	    { "", N_("the guided lessons, with your progress") },
	    { "--list", N_("list the guided lessons") },
	    { N_("--check [FILE]..."), N_("prove that lesson files work") } } },
	{ "lesson", main_lessons, {
	    { "N", N_("open lesson N where you left it") } } },
	{ "quiz", main_quiz, {
	    { "[--plain] [--seed S] [--topic T]",
	      N_("drill on questions made by the simulator") },
	    { N_("--check [FILE]..."), N_("check question bank files") } } },
	{ "capture", main_capture, {
	    { N_("[--list|--stats|--show N|--to-scenario N] FILE"),
	      N_("read a tcpdump or Wireshark capture (see 'capture --help')") } } },
	{ "exam", main_quiz, {
	    { "--seed S [--count N] [--student ID] [--print|--key|--export F]",
	      N_("a reproducible exam, its paper and exports "
	      "(see 'exam --help')") } } },
	{ "lab", main_labui, {
	    { N_("[--ascii] [--pcap OUT]"),
	      N_("the simulator on two real Linux TCP stacks (see doc/lab.md)") } } },
};
#define NSUBCMDS (sizeof(subcmds) / sizeof(subcmds[0]))

/* `script --lab` and `--compare` reach the kernel lab through these. */
static const struct script_lab main_lab = { lab_backend_open, lab_describe };
/* And `tcpteach lab`, the screen. */
static const struct ui_lab main_labui_ops = { lab_backend_open, lab_describe,
    lab_poll_fds, lab_pump };

static void
usage(FILE *f)
{
	fprintf(f, _("Usage: %s [OPTION]... [COMMAND [ARG]...]\n"), PACKAGE);
	fputs(_("Learn how TCP opens and closes connections (RFC 9293).\n"), f);
}

/* One help line: the form, then its meaning at column 25 (or below it
 * when the form is wider), measured in display columns for Chinese. */
static void
help_line(const char *form, const char *what)
{
	int w = utf8_width(form);

	if (w <= 22)
		printf("  %s%*s%s\n", form, 23 - w, "", what);
	else
		printf("  %s\n%25s%s\n", form, "", what);
}

static void
help(void)
{
	char form[256];

	usage(stdout);
	printf("\n%s\n", _("Commands:"));
	help_line(_("(none)"), _("start the interactive simulator"));
	for (size_t i = 0; i < NSUBCMDS; i++)
		for (size_t k = 0; k < 3 && subcmds[i].forms[k].what; k++) {
			const struct subcmd_form *sf = &subcmds[i].forms[k];

			snprintf(form, sizeof(form), "%s%s%s", subcmds[i].name,
			    sf->args[0] ? " " : "", sf->args[0] ? _(sf->args) :
			    "");
			help_line(form, _(sf->what));
		}
	printf("\n%s\n", _("Options:"));
	help_line(_("    --lang=LANG"), _("language of the interface: en or zh_CN"));
	help_line("    --ascii", _("draw with ASCII only (no UTF-8 lines)"));
	help_line("    --no-animation", _("show each event at once"));
	help_line(_("    --speed=FACTOR"),
	    _("animation speed, 0.1 to 50 (default 1)"));
	help_line("-h, --help", _("show this help and exit"));
	help_line("-V, --version", _("show version information and exit"));
	fputs(_("\nExit status: 0 success, 1 a failed expect or impossible event,\n"
	    "2 bad usage or a file that cannot be read or parsed.\n"), stdout);
	fputs(_("\nFull documentation: man tcpteach; the README lists the keys.\n"),
	    stdout);
}

static int
main_speed(const char *arg, struct ui_opts *uo)
{
	char *end;

	uo->speed = strtod(arg, &end);
	if (*end == '\0' && uo->speed >= 0.1 && uo->speed <= 50)
		return 0;
	fprintf(stderr, _("%s: --speed wants a number from 0.1 to 50, "
	    "not '%s'\n"), PACKAGE, arg);
	return -1;
}

/* The drawing options, before the subcommand or after `play`. */
static int
main_ui_opt(int ch, const char *arg, struct ui_opts *uo)
{
	switch (ch) {
	case 'a':
		uo->ascii = true;
		return 0;
	case 'N':
		uo->no_animation = true;
		return 0;
	case 's':
		return main_speed(arg, uo);
	default:
		return -1;
	}
}

static int
main_script(int argc, char **argv, struct ui_opts *uo)
{
	(void)uo;
	return script_cli_lab(argc, argv, stdout, stderr, &main_lab);
}

static int
main_capture(int argc, char **argv, struct ui_opts *uo)
{
	int rc;

	/* A file and nothing else, on a terminal: the connection list
	 * screen; else (a pipe, a script, any option) what capture_cli
	 * prints. */
	if (argc == 2 && argv[1][0] != '-' && strcmp(argv[1], "-") != 0 &&
	    (rc = ui_capture_main(argv[1], uo)) != UI_CAPTURE_NO_TERMINAL)
		return rc;
	return capture_cli(argc, argv, stdout, stderr);
}

/* `tcpteach quiz` and `tcpteach exam`: what needs no terminal runs in
 * src/quiz; the drill and the timed exam are handed to the TUI. */
static int
main_quiz(int argc, char **argv, struct ui_opts *uo)
{
	struct quiz_cli_tui tui;
	int rc = strcmp(argv[0], "exam") == 0 ?
	    exam_cli(argc, argv, stdout, stderr, &tui) :
	    quiz_cli(argc, argv, stdout, stderr, &tui);

	if (rc != QUIZ_CLI_TUI)
		return rc;
	return tui.exam ? ui_exam_main(&tui, uo) : ui_quiz_main(&tui, uo);
}

/* `tcpteach lessons` alone is the browser and `tcpteach lesson N` opens
 * one; --list and --check need no terminal and stay lesson_cli's. */
static int
main_lessons(int argc, char **argv, struct ui_opts *uo)
{
	if (strcmp(argv[0], "lesson") == 0) {
		if (argc == 2)
			return ui_lessons_main(uo, argv[1]);
		fprintf(stderr, _("Usage: %s lesson N\n"), PACKAGE);
		return TT_EXIT_USAGE;
	}
	if (argc == 1)
		return ui_lessons_main(uo, NULL);
	return lesson_cli(argc, argv, stdout, stderr);
}

/* `tcpteach lab [--ascii] [--pcap OUT]`. */
static int
main_labui(int argc, char **argv, struct ui_opts *uo)
{
	const char *pcap = NULL;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--ascii") == 0)
			uo->ascii = true;
		else if (strcmp(argv[i], "--no-animation") == 0)
			uo->no_animation = true;
		else if (strcmp(argv[i], "--pcap") == 0 && i + 1 < argc)
			pcap = argv[++i];
		else if (strncmp(argv[i], "--pcap=", 7) == 0)
			pcap = argv[i] + 7;
		else {
			fprintf(stderr, _("Usage: %s lab [--ascii] "
			    "[--pcap OUT]\n"), PACKAGE);
			return TT_EXIT_USAGE;
		}
	}
	return ui_lab_main(uo, pcap, &main_labui_ops);
}

/* `tcpteach play [OPTION]... FILE`: the drawing options may follow. */
static int
main_play(int argc, char **argv, struct ui_opts *uo)
{
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--ascii") == 0)
			uo->ascii = true;
		else if (strcmp(argv[i], "--no-animation") == 0)
			uo->no_animation = true;
		else if (strcmp(argv[i], "--present") == 0)
			uo->present = true;
		else if (strncmp(argv[i], "--speed=", 8) == 0) {
			if (main_speed(argv[i] + 8, uo) != 0)
				return TT_EXIT_USAGE;
		} else if (uo->play == NULL && (argv[i][0] != '-' ||
		    strcmp(argv[i], "-") == 0))
			uo->play = argv[i];
		else
			uo->play = NULL, i = argc;
	}
	if (uo->play == NULL) {
		fprintf(stderr, _("Usage: %s play [--ascii] [--no-animation] "
		    "[--speed=FACTOR] [--present] FILE\n"), PACKAGE);
		return TT_EXIT_USAGE;
	}
	return ui_main(uo);
}

static void
version(void)
{
	printf("%s %s\n", PACKAGE, PACKAGE_VERSION);
	fputs(_("License GPLv3+: GNU GPL version 3 or later.\n"
	    "This is free software: you are free to change and redistribute it.\n"
	    "There is NO WARRANTY, to the extent permitted by law.\n"), stdout);
}

/* Take every --lang out of argv (up to a "--"); the last one wins.
 * Returns the new argc, or -1 when --lang lacks its value. */
static int
main_take_lang(int argc, char **argv, const char **lang)
{
	int out = 1, i;

	for (i = 1; i < argc && strcmp(argv[i], "--") != 0; i++) {
		if (strncmp(argv[i], "--lang=", 7) == 0)
			*lang = argv[i] + 7;
		else if (strcmp(argv[i], "--lang") == 0) {
			if (++i == argc)
				return -1;
			*lang = argv[i];
		} else
			argv[out++] = argv[i];
	}
	while (i < argc)
		argv[out++] = argv[i++];
	argv[out] = NULL;
	return out;
}

static int
main_try_help(void)
{
	fprintf(stderr, _("Try '%s --help' for more information.\n"), PACKAGE);
	return TT_EXIT_USAGE;
}

/* Global options; returns -1 to go on, else an exit status. */
static int
main_options(int argc, char **argv, struct ui_opts *uo)
{
	static const struct option opts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ "ascii", no_argument, NULL, 'a' },
		{ "no-animation", no_argument, NULL, 'N' },
		{ "speed", required_argument, NULL, 's' },
		{ NULL, 0, NULL, 0 }
	};
	int ch;

	while ((ch = getopt_long(argc, argv, "+hV", opts, NULL)) != -1) {
		switch (ch) {
		case 'h':
			help();
			return TT_EXIT_OK;
		case 'V':
			version();
			return TT_EXIT_OK;
		case 'a':
		case 'N':
		case 's':
			if (main_ui_opt(ch, optarg, uo) != 0)
				return TT_EXIT_USAGE;
			break;
		default:
			usage(stderr);
			return main_try_help();
		}
	}
	return -1;
}

int
main(int argc, char **argv)
{
	struct ui_opts uo = { .speed = 1.0 };
	const char *lang = NULL;
	int rc;

	argc = main_take_lang(argc, argv, &lang);
	i18n_init(lang);
	if (argc < 0) {
		fprintf(stderr, _("%s: --lang wants en or zh_CN\n"), PACKAGE);
		return main_try_help();
	}
	if (lang != NULL && strcmp(lang, "en") != 0 &&
	    strcmp(lang, "zh_CN") != 0) {
		fprintf(stderr, _("%s: unsupported language '%s' (use en or zh_CN)\n"),
		    PACKAGE, lang);
		return TT_EXIT_USAGE;
	}
	if ((rc = main_options(argc, argv, &uo)) >= 0)
		return rc;
	if (optind == argc)
		return ui_main(&uo);
	for (size_t i = 0; i < NSUBCMDS; i++)
		if (strcmp(argv[optind], subcmds[i].name) == 0)
			return subcmds[i].run(argc - optind, argv + optind, &uo);
	fprintf(stderr, _("%s: unknown command '%s'\n"), PACKAGE, argv[optind]);
	return main_try_help();
}
