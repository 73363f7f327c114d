/*
 * Completing and explaining a scenario line as it is typed, from the
 * parser's own tables (see complete.c): the simulator's `:` line uses it,
 * and any other front end can.
 */
#ifndef TCPTEACH_SCRIPT_COMPLETE_H
#define TCPTEACH_SCRIPT_COMPLETE_H

#include <stddef.h>

#include "sim/cmd.h"

/* Complete line's last word into out as far as the candidates agree;
 * list gets the candidates, two spaces apart.  Returns how many there
 * are (0: none, out is line unchanged). */
size_t script_complete(const char *line, char *out, size_t size, char *list,
    size_t lsize);
/* `help` (word NULL or empty) lists the command words; `help WORD` each
 * form of it, translated, into buf. */
void script_complete_help(const char *word, char *buf, size_t size);

/* A line typed at a front end's command prompt: a scenario command, a
 * blank or comment line, `help [WORD]`, `pcap [FILE]` (write the session
 * as a capture), or a line the parser refuses. */
enum script_colon_kind {
	SCRIPT_COLON_CMD,
	SCRIPT_COLON_NONE,
	SCRIPT_COLON_HELP,
	SCRIPT_COLON_PCAP,
	SCRIPT_COLON_ERROR
};

struct script_colon {
	enum script_colon_kind kind;
	struct cmd cmd;		/* CMD */
	unsigned column;	/* ERROR: where the parser stopped */
	/* HELP: the help text; PCAP: the file name without the blanks
	 * around it, or "" (ask for one); ERROR: what is wrong. */
	char text[4096];
};

void script_colon_parse(const char *line, struct script_colon *out);

#endif
