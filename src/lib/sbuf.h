/*
 * One string builder for the whole program.  Given a caller's buffer
 * ({ buf, size, 0 }) it appends formatted text that is cut, never
 * overflowed, and stays NUL-terminated: for the "build one line"
 * functions (trace, formatter).  Zeroed ({ 0 }) it owns its text and
 * grows without limit (xalloc aborts on out-of-memory); sbuf_take hands
 * the text over: for questions, exports and files built in memory.
 */
#ifndef TCPTEACH_LIB_SBUF_H
#define TCPTEACH_LIB_SBUF_H

#include <stdbool.h>
#include <stddef.h>

struct sbuf {
	char *p;
	size_t size, len;
	bool own;		/* p is the builder's and grows */
};

void sbuf_add(struct sbuf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void sbuf_addn(struct sbuf *b, const char *s, size_t n);
/* A growing builder's text (never NULL); the builder is left empty. */
char *sbuf_take(struct sbuf *b);

#endif
