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

/* The code point starting at s (0 if s does not start one). */
static unsigned long
utf8_decode(const unsigned char *s)
{
	unsigned long c = s[0];
	int more = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : c >= 0xc0 ? 1 : 0;

	if (c >= 0x80 && more == 0)
		return 0;
	if (more > 0)
		c &= 0x3f >> more;
	for (int i = 1; i <= more; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = c << 6 | (s[i] & 0x3f);
	}
	return c;
}

/* Full-width punctuation and the quotes and dashes Chinese text uses. */
static bool
utf8_cjk_punct(unsigned long c)
{
	return (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef) ||
	    (c >= 0x2014 && c <= 0x2026) || c == 0x00b7;
}

/* Ideographs, kana and hangul: scripts written without spaces. */
static bool
utf8_cjk(unsigned long c)
{
	return (c >= 0x2e80 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af) ||
	    (c >= 0xf900 && c <= 0xfaff) || c >= 0x20000 || utf8_cjk_punct(c);
}

bool
utf8_join_space(const char *left, const char *right)
{
	size_t n = strlen(left);
	unsigned long a, b;

	if (n == 0 || right[0] == '\0')
		return false;
	while (n > 0 && ((unsigned char)left[n - 1] & 0xc0) == 0x80)
		n--;
	if (n > 0)
		n--;
	a = utf8_decode((const unsigned char *)left + n);
	b = utf8_decode((const unsigned char *)right);
	if (utf8_cjk_punct(a) || utf8_cjk_punct(b))
		return false;
	return !(utf8_cjk(a) && utf8_cjk(b));
}
