/*
 * Allocation that cannot fail: out of memory is not a condition tcpteach
 * can recover from, so these abort with a message (tmux's xmalloc).
 */
#ifndef TCPTEACH_LIB_XALLOC_H
#define TCPTEACH_LIB_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xreallocarray(void *p, size_t n, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* Grow *p (of *cap elements of size) so it holds at least need elements. */
void xgrow(void *pp, size_t *cap, size_t need, size_t size);

#endif
