/*
 * The scenario language parser (../shared/spec/scenario-language.md).
 *
 * One parser for everything: script files, lesson steps, the TUI's typed
 * commands and the tests.  Table-driven; errors are values naming the file,
 * line, column and offending word, never output.
 */
#ifndef TCPTEACH_SCRIPT_PARSE_H
#define TCPTEACH_SCRIPT_PARSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "sim/cmd.h"

struct script_err {
	char file[256];
	unsigned line, column;		/* 1-based; column of the bad word */
	char msg[256];			/* translated */
};

/*
 * The command table, indexed by enum cmd_kind: the parser reads the command
 * words from it, and the UI's help and doc/ are generated from it.  A
 * command starts with a host (host_first: "client connect") or with its
 * name ("deliver"); a few share a name and differ by the next keyword
 * (sub: "wait timer", "expect inflight").  args and the words are syntax,
 * not translated; help is a msgid, translated where shown.
 */
struct script_command {
	enum cmd_kind kind;
	bool host_first;
	const char *name;
	const char *sub;		/* NULL: none */
	const char *args;		/* e.g. "[SEL]"; "" for none */
	const char *help;		/* msgid, one sentence */
};
extern const struct script_command script_commands[CMD_NKINDS];
/* The names `set` takes, by enum set_key (completion lists them). */
extern const char *const script_set_names[SET_NKEYS];

/* "HOST send N", "expect inflight SEL FLAGS [seq=N] [ack=N] [len=N]". */
char *script_command_synopsis(const struct script_command *sc, char *buf,
    size_t size);

/* A parsed file: its commands in order, each with .line set. */
struct script {
	struct cmd *cmds;
	size_t n, cap;
};

/* Parse one line.  Returns 1 and fills *out for a command, 0 for a blank or
 * comment line, -1 and fills *err (line, column, msg) on error. */
int script_parse_line(const char *text, unsigned lineno, struct cmd *out,
    struct script_err *err);
/* Parse a whole buffer (file names the source in errors).  Also rejects a
 * setup command after the first event.  *out is initialised here (the
 * caller frees it with script_free); on error it is left empty. */
bool script_parse_buf(const char *file, const char *buf, size_t len,
    struct script *out, struct script_err *err);
/* Read and parse a file; "-" is standard input.  An unreadable file is an
 * error with line and column 0. */
bool script_load(const char *path, struct script *out, struct script_err *err);
void script_free(struct script *s);
/* "FILE:LINE:COLUMN: message" (or "FILE: message" without a line) on out;
 * file stands in when e->file is empty. */
void script_err_print(FILE *out, const struct script_err *e,
    const char *file);
void script_append(struct script *s, const struct cmd *c);

/*
 * Streaming over a file, for long scenarios: memory stays flat however many
 * lines.  The runner reads a file twice: once to check every line (so a
 * file with an error runs nothing), then again to run it.  Standard input
 * is spooled to a temporary file so it can be read twice too.
 */
struct script_reader {
	FILE *f;
	char name[256];
	char *line;
	size_t cap;
	unsigned lineno;
	bool started;
};

bool script_reader_open(struct script_reader *r, const char *path,
    struct script_err *err);
/* 1 and *c filled, 0 at the end, -1 and *err filled on error. */
int script_reader_next(struct script_reader *r, struct cmd *c,
    struct script_err *err);
bool script_reader_rewind(struct script_reader *r, struct script_err *err);
void script_reader_close(struct script_reader *r);

/* The canonical text of a command (parses back to the same command). */
char *script_format(const struct cmd *c, char *buf, size_t size);
/* Save cmds[0..n) as a scenario file that `tcpteach play` replays,
 * atomically.  On failure, false with a translated message in err. */
bool script_save_file(const struct cmd *cmds, size_t n, const char *path,
    char *err, size_t errsize);

#endif
