/*
 * Appending formatted text to a fixed caller buffer: output is cut, never
 * overflowed, and stays NUL-terminated.  For the many "build one line"
 * functions (trace, formatter) that write into a buffer they were given.
 */
#ifndef TCPTEACH_LIB_SBUF_H
#define TCPTEACH_LIB_SBUF_H

#include <stddef.h>

struct sbuf {
	char *p;
	size_t size, len;
};

void sbuf_add(struct sbuf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#endif
