/*
 * Command-line dispatch: global options, then a subcommand.  Everything
 * else lives in the modules; this file only chooses which one runs.
 */
#include <config.h>

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/i18n.h"
#include "script/run.h"

#define EXIT_USAGE 2

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
	    "\nOptions:\n"
	    "      --lang=LANG        language of the interface: en or zh_CN\n"
	    "  -h, --help             show this help and exit\n"
	    "  -V, --version          show version information and exit\n"
	    "\nExit status: 0 success, 1 a failed expect or impossible event,\n"
	    "2 bad usage or a file that cannot be read or parsed.\n"), stdout);
	printf(_("\nReport bugs to: %s\n"), PACKAGE_BUGREPORT);
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
		{ NULL, 0, NULL, 0 }
	};
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
		default:
			usage(stderr);
			fprintf(stderr, _("Try '%s --help' for more information.\n"), PACKAGE);
			return EXIT_USAGE;
		}
	}
	if (optind < argc && strcmp(argv[optind], "script") == 0)
		return script_cli(argc - optind, argv + optind, stdout, stderr);
	if (optind < argc) {
		fprintf(stderr, _("%s: unknown command '%s'\n"), PACKAGE, argv[optind]);
		fprintf(stderr, _("Try '%s --help' for more information.\n"), PACKAGE);
		return EXIT_USAGE;
	}
	fprintf(stderr, _("%s: the interactive simulator is not built yet\n"), PACKAGE);
	return EXIT_FAILURE;
}
