/*
 * The scenario language's lexer and word helpers.
 *
 * Data model: a line is a run of bytes; script_lex() splits it into words
 * (struct script_word, slices of the caller's text) at spaces, tabs and
 * carriage returns, and stops at a comment.  The spec says "`#` starts a
 * comment"; the segment selector `#N` also starts with `#`, so the rule is:
 *
 *   - a `#` that begins a word and is followed by a digit is part of that
 *     word (a selector such as `#3`), unless it is the first word of the
 *     line: a line whose first non-blank character is `#` is a comment;
 *   - every other `#`, including one inside a word, starts a comment that
 *     runs to the end of the line (`close#bye` is `close`).
 *
 * The language has no quoted strings, so there is no "inside quotes" case.
 * Control bytes other than tab and CR are refused outside comments, so a
 * NUL byte or an escape sequence can never hide inside a word; so are
 * bytes that are not UTF-8, which no terminal could show in a message.
 */
#include <config.h>

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "lib/utf8.h"
#include "script/script_internal.h"

static bool
lex_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

static bool
lex_forbidden(unsigned char c)
{
	return (c < 0x20 && c != '\t' && c != '\r') || c == 0x7f;
}

/* Where the word starting at text[i] ends; i is not a space. */
static size_t
lex_word_end(const char *text, size_t len, size_t i, struct script_line *out,
    unsigned col)
{
	size_t j = i, k;

	if (text[j] == '#')
		j++;
	for (; j < len; j++) {
		unsigned char c = (unsigned char)text[j];

		if (lex_space(c) || c == '#')
			break;
		k = utf8_valid_len((const unsigned char *)text + j, len - j);
		if ((lex_forbidden(c) || k == 0) && out->badcol == 0) {
			out->badcol = col + utf8_chars(text + i, j - i);
			out->bad = c;
			out->badutf = k == 0;
		}
		if (k > 1)
			j += k - 1;
	}
	return j;
}

void
script_lex(const char *text, size_t len, struct script_line *out)
{
	size_t i = 0;
	unsigned col = 1;

	memset(out, 0, sizeof(*out));
	out->endcol = 1;
	for (;;) {
		while (i < len && lex_space((unsigned char)text[i])) {
			i++;
			col++;
		}
		if (i >= len || (text[i] == '#' && (out->n == 0 ||
		    i + 1 >= len || !isdigit((unsigned char)text[i + 1]))))
			break;
		size_t end = lex_word_end(text, len, i, out, col);
		unsigned width = utf8_chars(text + i, end - i);

		if (out->n < SCRIPT_MAXWORDS) {
			out->w[out->n].s = text + i;
			out->w[out->n].len = end - i;
			out->w[out->n].col = col;
			out->n++;
			out->endcol = col + width;
		} else
			out->more = true;
		col += width;
		i = end;
		if (i < len && text[i] == '#')
			break;		/* a '#' inside a word */
	}
}

static bool
lex_ceq(char a, char b)
{
	return tolower((unsigned char)a) == tolower((unsigned char)b);
}

bool
script_word_is(const struct script_word *w, const char *kw)
{
	size_t n = strlen(kw);

	if (w->len != n)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!lex_ceq(w->s[i], kw[i]))
			return false;
	return true;
}

bool
script_word_copy(const struct script_word *w, char *buf, size_t size)
{
	if (w->len >= size)
		return false;
	memcpy(buf, w->s, w->len);
	buf[w->len] = '\0';
	return true;
}

/*
 * Error messages quote the offending word.  It may be anything a file
 * holds, so control bytes and invalid UTF-8 are shown as \xNN and a long
 * word is cut short: the message must stay printable and fit its buffer.
 */
const char *
script_word_show(const struct script_word *w, char *buf, size_t size)
{
	const unsigned char *s = (const unsigned char *)w->s;
	size_t o = 0, i = 0, limit;

	if (size < 8) {
		if (size > 0)
			buf[0] = '\0';
		return buf;
	}
	/* Each step writes at most 4 bytes; keep 4 for "..." and the NUL. */
	limit = size - 4 < 44 ? size - 4 : 44;
	while (i < w->len && o + 4 <= limit) {
		size_t n = utf8_valid_len(s + i, w->len - i);

		if (n == 0 || (n == 1 && (s[i] < 0x20 || s[i] == 0x7f))) {
			snprintf(buf + o, size - o, "\\x%02x", s[i]);
			o += 4;
			i++;
			continue;
		}
		memcpy(buf + o, s + i, n);
		o += n;
		i += n;
	}
	if (i < w->len) {
		memcpy(buf + o, "...", 3);
		o += 3;
	}
	buf[o] = '\0';
	return buf;
}

/*
 * Case-insensitive edit distance counting a swap of two neighbours as one
 * edit ("mls" for "msl"), for words of at most 31 bytes.  Three rows of
 * the usual table, row i kept in r[i % 3].
 */
static unsigned
lex_distance(const char *a, size_t na, const char *b, size_t nb)
{
	unsigned r[3][32];

	for (size_t j = 0; j <= nb; j++)
		r[0][j] = (unsigned)j;
	for (size_t i = 1; i <= na; i++) {
		unsigned *cur = r[i % 3], *prev = r[(i + 2) % 3];
		unsigned *two = r[(i + 1) % 3];

		cur[0] = (unsigned)i;
		for (size_t j = 1; j <= nb; j++) {
			unsigned best = prev[j - 1] +
			    !lex_ceq(a[i - 1], b[j - 1]);

			if (prev[j] + 1 < best)
				best = prev[j] + 1;
			if (cur[j - 1] + 1 < best)
				best = cur[j - 1] + 1;
			/* A swap of neighbours counts as one edit. */
			if (i > 1 && j > 1 && two[j - 2] + 1 < best &&
			    lex_ceq(a[i - 1], b[j - 2]) &&
			    lex_ceq(a[i - 2], b[j - 1]))
				best = two[j - 2] + 1;
			cur[j] = best;
		}
	}
	return r[na % 3][nb];
}

/*
 * "did you mean" for students' typos: the nearest candidate within two
 * edits, and within a third of the word's length so that short words do
 * not match everything.
 */
const char *
script_suggest(const struct script_word *w, const char *const *cands,
    size_t n)
{
	const char *best = NULL;
	unsigned bestd = 3;

	if (w->len == 0 || w->len > 31)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		size_t nc = strlen(cands[i]);
		size_t longer = w->len > nc ? w->len : nc;
		unsigned d;

		if (nc > 31)
			continue;
		d = lex_distance(w->s, w->len, cands[i], nc);
		if (d < bestd && d * 3 <= (unsigned)longer) {
			best = cands[i];
			bestd = d;
		}
	}
	return best;
}

/* Decimal only: no sign, no spaces, no hex, nothing after the digits. */
enum script_num
script_num(const char *s, size_t len, uint64_t lo, uint64_t hi,
    uint64_t *out)
{
	uint64_t v = 0;
	bool big = false;

	if (len == 0)
		return SCRIPT_NUM_BAD;
	for (size_t i = 0; i < len; i++) {
		if (!isdigit((unsigned char)s[i]))
			return SCRIPT_NUM_BAD;
		unsigned d = (unsigned)(s[i] - '0');

		if (v > (UINT64_MAX - d) / 10)
			big = true;
		else
			v = v * 10 + d;
	}
	if (big || v < lo || v > hi)
		return SCRIPT_NUM_RANGE;
	*out = v;
	return SCRIPT_NUM_OK;
}
