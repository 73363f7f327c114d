/*
 * Command-line dispatch: global options, then a subcommand.  Everything
 * else lives in the modules; this file only chooses which one runs.
 */
#include <config.h>

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lab/lab.h"
#include "lesson/catalog.h"
#include "lib/i18n.h"
#include "quiz/cli.h"
#include "script/run.h"
#include "ui/ui.h"

#define EXIT_USAGE 2

/* `script --lab` and `--compare` reach the kernel lab through these. */
static const struct script_lab main_lab = { lab_backend_open, lab_describe };

static void
usage(FILE *f)
{
	fprintf(f, _("Usage: %s [OPTION]... [COMMAND [ARG]...]\n"), PACKAGE);
	fputs(_("Learn how TCP opens and closes connections (RFC 9293).\n"), f);
}

static void
help(void)
{
	usage(stdout);
	fputs(_("\nCommands:\n"
	    "  (none)                 start the interactive simulator\n"
	    "  script [--diagram] [--quiet] FILE...\n"
	    "                         run scenario files and print a trace\n"
	    "  play FILE              lecture mode: step through a scenario\n"
	    "  lessons                the guided lessons, with your progress\n"
	    "  lesson N               open lesson N where you left it\n"
	    "  lessons --list         list the guided lessons\n"
	    "  lessons --check [FILE]...\n"
	    "                         prove that lesson files work\n"
	    "  quiz [--plain] [--seed S] [--topic T]\n"
	    "                         drill on questions made by the simulator\n"
	    "  quiz --check [FILE]... check question bank files\n"
	    "  exam --seed S [--count N] [--student ID] [--print|--key|--export F]\n"
	    "                         a reproducible exam: paper, key, GIFT,\n"
	    "                         Moodle XML or Anki (see 'exam --help')\n"
	    "\nOptions:\n"
	    "      --lang=LANG        language of the interface: en or zh_CN\n"
	    "      --ascii            draw with ASCII only (no UTF-8 lines)\n"
	    "      --no-animation     show each event at once\n"
	    "      --speed=FACTOR     animation speed, 0.1 to 50 (default 1)\n"
	    "  -h, --help             show this help and exit\n"
	    "  -V, --version          show version information and exit\n"
	    "\nExit status: 0 success, 1 a failed expect or impossible event,\n"
	    "2 bad usage or a file that cannot be read or parsed.\n"), stdout);
	fputs(_("\nThe kernel lab (Linux; root or user namespaces):\n"
	    "  script --lab|--compare [--pcap OUT] FILE...\n"
	    "                         run scenarios on two real Linux TCP "
	    "stacks,\n"
	    "                         or on both and print the differences\n"),
	    stdout);
	fputs(_("\nFull documentation: man tcpteach; the README lists the keys.\n"),
	    stdout);
}

/* The interactive simulator's options; the caller already took --lang. */
static int
main_ui_opt(int ch, const char *arg, struct ui_opts *uo)
{
	char *end;

	switch (ch) {
	case 'a':
		uo->ascii = true;
		return 0;
	case 'N':
		uo->no_animation = true;
		return 0;
	case 's':
		uo->speed = strtod(arg, &end);
		if (*end == '\0' && uo->speed >= 0.1 && uo->speed <= 50)
			return 0;
		fprintf(stderr, _("%s: --speed wants a number from 0.1 to 50, "
		    "not '%s'\n"), PACKAGE, arg);
		return -1;
	default:
		return -1;
	}
}

/* `tcpteach quiz` and `tcpteach exam`: what needs no terminal runs in
 * src/quiz; the drill and the timed exam are handed to the TUI. */
static int
main_quiz(int argc, char **argv, const struct ui_opts *uo)
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
main_lessons(int argc, char **argv, const struct ui_opts *uo)
{
	int i = 1;

	/* --lang was taken already, wherever it stood. */
	while (i < argc && strncmp(argv[i], "--lang", 6) == 0)
		i += argv[i][6] == '\0' ? 2 : 1;
	if (strcmp(argv[0], "lesson") == 0) {
		if (i + 1 == argc)
			return ui_lessons_main(uo, argv[i]);
		fprintf(stderr, _("Usage: %s lesson N\n"), PACKAGE);
		return EXIT_USAGE;
	}
	if (i >= argc)
		return ui_lessons_main(uo, NULL);
	return lesson_cli(argc, argv, stdout, stderr);
}

/* `tcpteach play [OPTION]... FILE`: the same options may follow "play". */
static int
main_play(int argc, char **argv, struct ui_opts *uo)
{
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--ascii") == 0)
			uo->ascii = true;
		else if (strcmp(argv[i], "--no-animation") == 0)
			uo->no_animation = true;
		else if (strncmp(argv[i], "--speed=", 8) == 0) {
			if (main_ui_opt('s', argv[i] + 8, uo) != 0)
				return EXIT_USAGE;
		} else if (strncmp(argv[i], "--lang", 6) == 0) {
			if (argv[i][6] == '\0')
				i++;
		} else if (uo->play == NULL && (argv[i][0] != '-' ||
		    strcmp(argv[i], "-") == 0))
			uo->play = argv[i];
		else {
			fprintf(stderr, _("Usage: %s play [--ascii] "
			    "[--no-animation] [--speed=FACTOR] FILE\n"), PACKAGE);
			return EXIT_USAGE;
		}
	}
	if (uo->play == NULL) {
		fprintf(stderr, _("Usage: %s play [--ascii] [--no-animation] "
		    "[--speed=FACTOR] FILE\n"), PACKAGE);
		return EXIT_USAGE;
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

int
main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ "lang", required_argument, NULL, 'L' },
		{ "ascii", no_argument, NULL, 'a' },
		{ "no-animation", no_argument, NULL, 'N' },
		{ "speed", required_argument, NULL, 's' },
		{ NULL, 0, NULL, 0 }
	};
	struct ui_opts uo = { false, false, 1.0, NULL };
	const char *lang = NULL;
	int ch;

	/* Options before the subcommand only; the subcommand parses its own. */
	for (int i = 1; i < argc; i++) {
		if (strncmp(argv[i], "--lang=", 7) == 0)
			lang = argv[i] + 7;
		else if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc)
			lang = argv[i + 1];
	}
	i18n_init(lang);
	if (lang != NULL && strcmp(lang, "en") != 0 &&
	    strcmp(lang, "zh_CN") != 0) {
		fprintf(stderr, _("%s: unsupported language '%s' (use en or zh_CN)\n"),
		    PACKAGE, lang);
		return EXIT_USAGE;
	}
	while ((ch = getopt_long(argc, argv, "+hV", opts, NULL)) != -1) {
		switch (ch) {
		case 'h':
			help();
			return EXIT_SUCCESS;
		case 'V':
			version();
			return EXIT_SUCCESS;
		case 'L':
			break;
		case 'a':
		case 'N':
		case 's':
			if (main_ui_opt(ch, optarg, &uo) != 0)
				return EXIT_USAGE;
			break;
		default:
			usage(stderr);
			fprintf(stderr, _("Try '%s --help' for more information.\n"), PACKAGE);
			return EXIT_USAGE;
		}
	}
	if (optind < argc && strcmp(argv[optind], "script") == 0)
		return script_cli_lab(argc - optind, argv + optind, stdout,
		    stderr, &main_lab);
	/* lessons lane: --list and --check; the browser is the UI's. */
	if (optind < argc && (strcmp(argv[optind], "lessons") == 0 ||
	    strcmp(argv[optind], "lesson") == 0))
		return main_lessons(argc - optind, argv + optind, &uo);
	if (optind < argc && strcmp(argv[optind], "play") == 0)
		return main_play(argc - optind, argv + optind, &uo);
	/* quiz lane: `quiz` and `exam` (their interactive modes are the UI's). */
	if (optind < argc && (strcmp(argv[optind], "quiz") == 0 ||
	    strcmp(argv[optind], "exam") == 0))
		return main_quiz(argc - optind, argv + optind, &uo);
	if (optind < argc) {
		fprintf(stderr, _("%s: unknown command '%s'\n"), PACKAGE, argv[optind]);
		fprintf(stderr, _("Try '%s --help' for more information.\n"), PACKAGE);
		return EXIT_USAGE;
	}
	return ui_main(&uo);
}
