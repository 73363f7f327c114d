/* Counting UTF-8 characters (see utf8.h). */
#include <config.h>

#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "lib/utf8.h"

unsigned
utf8_chars(const char *s, size_t n)
{
	unsigned chars = 0;

	for (size_t i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			chars++;
	return chars;
}

int
utf8_width(const char *s)
{
	mbstate_t st;
	size_t len = strlen(s), off = 0;
	int cols = 0;

	memset(&st, 0, sizeof(st));
	while (off < len) {
		wchar_t wc;
		size_t n = mbrtowc(&wc, s + off, len - off, &st);
		int w = 1;

		if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
			memset(&st, 0, sizeof(st));
			n = 1;
		} else if ((w = wcwidth(wc)) < 0) {
			w = 1;
		}
		cols += w;
		off += n;
	}
	return cols;
}

char *
utf8_pad(const char *s, int cols, char *buf, size_t size)
{
	int pad = cols - utf8_width(s);

	snprintf(buf, size, "%s%*s", s, pad > 0 ? pad : 0, "");
	return buf;
}
