/* Counting UTF-8 characters (see utf8.h). */
#include <config.h>

#include <stdbool.h>
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

size_t
utf8_valid_len(const unsigned char *s, size_t n)
{
	size_t len = s[0] >= 0xf0 ? 4 : s[0] >= 0xe0 ? 3 : 2;

	if (s[0] < 0x80)
		return 1;
	if (s[0] < 0xc2 || s[0] > 0xf4 || len > n)
		return 0;
	for (size_t i = 1; i < len; i++)
		if ((s[i] & 0xc0) != 0x80)
			return 0;
	if ((s[0] == 0xe0 && s[1] < 0xa0) || (s[0] == 0xed && s[1] > 0x9f) ||
	    (s[0] == 0xf0 && s[1] < 0x90) || (s[0] == 0xf4 && s[1] > 0x8f))
		return 0;
	return len;
}

int
utf8_width(const char *s)
{
	int used;

	utf8_fit(s, 1 << 30, &used);
	return used;
}

char *
utf8_pad(const char *s, int cols, char *buf, size_t size)
{
	int pad = cols - utf8_width(s);

	snprintf(buf, size, "%s%*s", s, pad > 0 ? pad : 0, "");
	return buf;
}

size_t
utf8_fit(const char *s, int cols, int *used)
{
	mbstate_t st;
	size_t off = 0, len = strlen(s);

	memset(&st, 0, sizeof(st));
	*used = 0;
	while (off < len) {
		wchar_t wc;
		size_t n = mbrtowc(&wc, s + off, len - off, &st);
		int w;

		if (n == (size_t)-1 || n == (size_t)-2) {
			memset(&st, 0, sizeof(st));
			n = 1;
			w = 1;
		} else {
			w = wcwidth(wc);
			if (w < 0)
				w = 1;
		}
		if (*used + w > cols)
			break;
		*used += w;
		off += n ? n : 1;
	}
	return off;
}

void
utf8_cut_words(char *s, int cols)
{
	int used;
	size_t n = utf8_fit(s, cols > 0 ? cols : 0, &used);

	if (s[n] == '\0')
		return;
	while (n > 0 && s[n] != ' ')
		n--;
	s[n] = '\0';
}

/* The character at s: its width (1 for bytes that do not decode), its
 * length in *n and its value in *wc. */
static int
lp_char(const char *s, size_t len, size_t *n, wchar_t *wc)
{
	mbstate_t st;
	size_t k;
	int w;

	memset(&st, 0, sizeof(st));
	k = mbrtowc(wc, s, len, &st);
	if (k == (size_t)-1 || k == (size_t)-2 || k == 0) {
		*n = 1;
		*wc = (wchar_t)(unsigned char)*s;
		return 1;
	}
	*n = k;
	w = wcwidth(*wc);
	return w < 0 ? 1 : w;
}

/* Chinese punctuation that must not start a line. */
static bool
lp_closing(wchar_t wc)
{
	return wcschr(L"\uff0c\u3002\u3001\uff1b\uff1a\uff1f\uff01\uff09"
	    L"\u300d\u300f\u201d", wc) != NULL && wc != L'\0';
}

/* Bytes of the first line of s in cols columns: up to the last space
 * that fits, or to a boundary beside a wide character (Chinese breaks
 * between any two characters, spaces or not), unless the next character
 * is closing punctuation; a word longer than the line is cut. */
static size_t
lp_break(const char *s, int cols)
{
	size_t len = strlen(s), off = 0, brk = 0, n = 1;
	int used = 0, prevw = 0;
	wchar_t wc;

	while (off < len) {
		int w = lp_char(s + off, len - off, &n, &wc);

		if (off > 0 && (wc == L' ' || ((w == 2 || prevw == 2) &&
		    !lp_closing(wc))))
			brk = off;
		if (used + w > cols)
			break;
		used += w;
		off += n;
		prevw = w;
	}
	if (off >= len)
		return off;
	if (off == 0)
		return n;
	return brk > 0 ? brk : off;
}

/* Break s into lines of at most cols columns: at spaces, or beside any
 * double-width character, since Chinese needs no spaces (utf8.h). */
size_t
utf8_wrap(const char *s, int cols, size_t *start, size_t *len, size_t max)
{
	size_t n = 0, off = 0, total = strlen(s);

	while (off < total && n < max) {
		size_t cut = lp_break(s + off, cols);

		start[n] = off;
		len[n] = cut;
		while (len[n] > 0 && s[off + len[n] - 1] == ' ')
			len[n]--;
		n++;
		off += cut;
		while (off < total && s[off] == ' ')
			off++;
	}
	return n;
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

/* Plain look-alikes of the marks the interface and its texts use, one
 * column each as the marks are, so that text cut and wrapped by width
 * before it is folded still fits where it was put.  Sorted by code. */
static const struct {
	unsigned long c;
	char plain;
} utf8_plain[] = {
	{ 0x00a0, ' ' }, { 0x00b7, '*' }, { 0x00d7, 'x' }, { 0x2013, '-' },
	{ 0x2014, '-' }, { 0x2018, '\'' }, { 0x2019, '\'' }, { 0x201c, '"' },
	{ 0x201d, '"' }, { 0x2022, '*' }, { 0x2026, '.' }, { 0x2190, '<' },
	{ 0x2191, '^' }, { 0x2192, '>' }, { 0x2193, 'v' }, { 0x2212, '-' },
	{ 0x2500, '-' }, { 0x2502, '|' }, { 0x252c, '+' }, { 0x2573, 'x' },
	{ 0x25b6, '>' }, { 0x25c0, '<' }, { 0x2713, '+' }, { 0x2717, 'x' },
};

/* The plain look-alike of c, or 0 if it has none. */
static char
utf8_plain_of(unsigned long c)
{
	for (size_t i = 0; i < sizeof(utf8_plain) / sizeof(utf8_plain[0]);
	    i++)
		if (utf8_plain[i].c == c)
			return utf8_plain[i].plain;
	return 0;
}

size_t
utf8_ascii(const char *s, size_t n, char *out)
{
	size_t i = 0, o = 0;

	while (i < n) {
		const unsigned char *u = (const unsigned char *)s + i;
		size_t k = utf8_valid_len(u, n - i);
		unsigned long c = k > 0 ? utf8_decode(u) : 0;
		char plain = utf8_plain_of(c);

		if (u[0] < 0x80) {
			out[o++] = (char)u[0];
		} else if (c == 0) {		/* a byte of no character */
			out[o++] = '?';
			k = 1;
		} else if (plain != 0) {
			out[o++] = plain;
		} else if (wcwidth((wchar_t)c) >= 2) {
			memcpy(out + o, s + i, k);	/* Chinese text stays */
			o += k;
		} else if (wcwidth((wchar_t)c) != 0) {
			out[o++] = '?';
		}
		i += k;
	}
	out[o] = '\0';
	return o;
}
