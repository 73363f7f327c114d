/*
 * How the program reports an error, one rule for every command:
 *
 *   FILE:LINE:COLUMN: message       a place inside a file (as compilers
 *                                   do, so editors can jump to it; a
 *                                   position not known is left out,
 *                                   FILE:LINE: , never printed as 0)
 *   tcpteach COMMAND: FILE: reason  a whole file: it cannot be opened or
 *                                   read, or is not the kind expected
 *   tcpteach COMMAND: message       anything else
 *
 * Data model: the one piece of state is the name of the command that
 * runs, set once by main.c's dispatch (and by the option parser, for
 * callers that parse without main.c), as getprogname() would be.
 */
#ifndef TCPTEACH_LIB_DIAG_H
#define TCPTEACH_LIB_DIAG_H

#include <stdio.h>

/* The command that runs ("script"), or NULL for the program itself. */
void diag_command(const char *name);
/* "tcpteach script", or "tcpteach" before any command. */
const char *diag_prog(void);

void diag_print(FILE *f, const char *file, unsigned line, unsigned column,
    const char *msg);

#endif
