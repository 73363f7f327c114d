/*
 * Error columns count characters, not bytes, so a message about a Chinese
 * lesson line points at the right place.  Display widths (wcwidth, so
 * CJK text takes two columns a character) for padding, cutting and
 * wrapping text; they need the locale set.
 */
#ifndef TCPTEACH_LIB_UTF8_H
#define TCPTEACH_LIB_UTF8_H

#include <stdbool.h>
#include <stddef.h>

/* Characters in the first n bytes of s: bytes that are not UTF-8
 * continuation bytes. */
unsigned utf8_chars(const char *s, size_t n);

/* Length of the UTF-8 sequence at s (n >= 1 bytes left): 1 for ASCII,
 * 0 when the bytes are not UTF-8 (overlong, surrogate, cut short). */
size_t utf8_valid_len(const unsigned char *s, size_t n);

/* Columns s takes on a terminal (wcwidth; needs the locale set), for
 * padding text that may be translated.  Undecodable bytes count one. */
int utf8_width(const char *s);
/* How many bytes of s fit into cols columns (*used gets their width). */
size_t utf8_fit(const char *s, int cols, int *used);
/* Cut s to the whole words (ended by a space) that fit into cols
 * columns; s stays whole if it fits. */
void utf8_cut_words(char *s, int cols);
/* Break s into lines of at most cols columns, at spaces or beside any
 * double-width character (Chinese needs no spaces); returns how many,
 * filling up to max (start, length) pairs. */
size_t utf8_wrap(const char *s, int cols, size_t *start, size_t *len,
    size_t max);
/* Copy s to buf and pad it with spaces to cols display columns. */
char *utf8_pad(const char *s, int cols, char *buf, size_t size);

/* The first n bytes of s for a terminal drawn in ASCII (--ascii): dashes,
 * quotes, arrows, ticks and line drawing become one ASCII look-alike
 * each, any other one-column character '?'; double-width (Chinese) text
 * stays, as it has no look-alike.  out holds at least n + 1 bytes; the
 * result is never longer, nor wider, than the text.  Returns its
 * length. */
size_t utf8_ascii(const char *s, size_t n, char *out);

/* Whether two pieces of prose joined end to end (the text before ends
 * with left's last character, the text after starts with right) need a
 * space between them: not where both sides are CJK, nor next to full-width
 * punctuation, since Chinese puts no spaces between words; everywhere
 * else, including between Chinese and Latin text ("进入 TIME_WAIT"), one. */
bool utf8_join_space(const char *left, const char *right);

#endif
