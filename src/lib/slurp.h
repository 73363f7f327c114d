/*
 * Reading a whole input file safely: one function for every reader
 * (scenarios, lessons, banks, progress, exam attempts).
 *
 * A path that is not a regular file (a FIFO, a device such as /dev/zero, a
 * directory) is refused at once instead of hanging or growing memory
 * without bound; a file over the reader's limit is refused by size.  "-"
 * reads standard input (a pipe is fine there), with the same limit.
 */
#ifndef TCPTEACH_LIB_SLURP_H
#define TCPTEACH_LIB_SLURP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* Open path for reading if it is a regular file.  NULL with a translated
 * reason in why (errno set; ENOENT when the file does not exist). */
FILE *slurp_open(const char *path, char *why, size_t whysize);
/* The whole file, NUL-terminated, at most max bytes; "-" is stdin.  NULL
 * with a translated reason in why. */
char *slurp_file(const char *path, size_t max, size_t *len, char *why,
    size_t whysize);
/* The same for an open stream (stdin, or a spooled copy). */
char *slurp_stream(FILE *f, size_t max, size_t *len, char *why,
    size_t whysize);
/* Bytes of a UTF-8 byte-order mark at the start of buf (3), or 0: editors
 * on Windows write one, and it is not part of the first word. */
size_t slurp_bom(const char *buf, size_t len);
/* The offset in a line (split at LF) of a carriage return that does not
 * end it, or n: CR-only line endings (old Mac) put a whole file on one
 * line, and the message should say so instead of a baffling parse error. */
size_t slurp_lone_cr(const char *line, size_t n);
/* The message for that, translated. */
const char *slurp_cr_msg(void);
/* "1 MiB", "64 KiB": a limit as the messages show it. */
const char *slurp_size_str(size_t n, char *buf, size_t size);

#endif
