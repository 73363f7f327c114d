/* Counting UTF-8 characters (see utf8.h). */
#include <config.h>

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
