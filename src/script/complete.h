/*
 * Completing and explaining a scenario line as it is typed, from the
 * parser's own tables (see complete.c): the simulator's `:` line uses it,
 * and any other front end can.
 */
#ifndef TCPTEACH_SCRIPT_COMPLETE_H
#define TCPTEACH_SCRIPT_COMPLETE_H

#include <stddef.h>

/* Complete line's last word into out as far as the candidates agree;
 * list gets the candidates, two spaces apart.  Returns how many there
 * are (0: none, out is line unchanged). */
size_t script_complete(const char *line, char *out, size_t size, char *list,
    size_t lsize);
/* `help` (word NULL or empty) lists the command words; `help WORD` each
 * form of it, translated, into buf. */
void script_complete_help(const char *word, char *buf, size_t size);

#endif
