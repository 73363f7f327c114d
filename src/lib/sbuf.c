/* Bounded appends to a caller's buffer (see sbuf.h). */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>

#include "lib/sbuf.h"

void
sbuf_add(struct sbuf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (b->size == 0 || b->len + 1 >= b->size)
		return;
	va_start(ap, fmt);
	n = vsnprintf(b->p + b->len, b->size - b->len, fmt, ap);
	va_end(ap);
	if (n > 0)
		b->len += (size_t)n < b->size - b->len ? (size_t)n :
		    b->size - b->len - 1;
}
