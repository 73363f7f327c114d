/* Appending to a caller's buffer, or to a growing one (see sbuf.h). */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "lib/sbuf.h"
#include "lib/xalloc.h"

static bool
sbuf_grows(struct sbuf *b)
{
	if (b->p == NULL && b->size == 0)
		b->own = true;
	return b->own;
}

/* Room for n more bytes and the NUL, or false if a fixed buffer is
 * full (then what fits is still written). */
static void
sbuf_room(struct sbuf *b, size_t n)
{
	if (sbuf_grows(b))
		xgrow(&b->p, &b->size, b->len + n + 1, 1);
}

void
sbuf_add(struct sbuf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n <= 0)
		return;
	sbuf_room(b, (size_t)n);
	if (b->size == 0 || b->len + 1 >= b->size)
		return;
	va_start(ap, fmt);
	vsnprintf(b->p + b->len, b->size - b->len, fmt, ap);
	va_end(ap);
	b->len += (size_t)n < b->size - b->len ? (size_t)n :
	    b->size - b->len - 1;
}

void
sbuf_addn(struct sbuf *b, const char *s, size_t n)
{
	sbuf_room(b, n);
	if (b->size == 0 || b->len + 1 >= b->size)
		return;
	if (n > b->size - b->len - 1)
		n = b->size - b->len - 1;
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

char *
sbuf_take(struct sbuf *b)
{
	char *p = b->p != NULL && b->own ? b->p : xstrdup(b->p ? b->p : "");

	if (b->own) {
		b->p = NULL;
		b->size = 0;
	}
	b->len = 0;
	return p;
}
