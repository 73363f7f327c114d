/*
 * `tcpteach quiz` and `tcpteach exam` on the command line.
 *
 * Everything that needs no terminal happens here (checking bank files,
 * printing, keys, exports, a plain-text drill).  The interactive drill and
 * the timed exam belong to the TUI: for those the functions return
 * QUIZ_CLI_TUI and fill struct quiz_cli_tui for main() to hand over.
 */
#ifndef TCPTEACH_QUIZ_CLI_H
#define TCPTEACH_QUIZ_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "quiz/exam.h"

#include "lib/exitcode.h"	/* the one set of exit statuses */
#include "lib/opt.h"
#define QUIZ_CLI_TUI (-1)	/* the caller runs the TUI with *tui */

struct quiz_cli_tui {
	bool exam;			/* timed exam (else the drill) */
	struct exam_params params;
	const char *resume;		/* attempt file to resume, or NULL */
	const char *results_dir;	/* NULL: exam_results_dir() */
};

/* Their options (lib/opt.h), for the program's help and the tests. */
extern const struct opt_cmd quiz_opt_cmd, exam_opt_cmd;

/* argv[0] is "quiz" or "exam".  Returns an exit status or QUIZ_CLI_TUI. */
int quiz_cli(int argc, char **argv, FILE *out, FILE *err,
    struct quiz_cli_tui *tui);
int exam_cli(int argc, char **argv, FILE *out, FILE *err,
    struct quiz_cli_tui *tui);

/* The drill without a terminal: each question, a typed answer from in,
 * right or wrong with the explanation, then the score. */
int quiz_drill_plain(const struct exam *ex, FILE *in, FILE *out);

#endif
