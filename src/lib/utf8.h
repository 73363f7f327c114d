/*
 * Error columns count characters, not bytes, so a message about a Chinese
 * lesson line points at the right place.  (Display width, for layout, is
 * the UI's business and uses wcwidth.)
 */
#ifndef TCPTEACH_LIB_UTF8_H
#define TCPTEACH_LIB_UTF8_H

#include <stddef.h>

/* Characters in the first n bytes of s: bytes that are not UTF-8
 * continuation bytes. */
unsigned utf8_chars(const char *s, size_t n);

/* Columns s takes on a terminal (wcwidth; needs the locale set), for
 * padding text that may be translated.  Undecodable bytes count one. */
int utf8_width(const char *s);
/* Copy s to buf and pad it with spaces to cols display columns. */
char *utf8_pad(const char *s, int cols, char *buf, size_t size);

#endif
