/*
 * Just enough JSON for exam attempt files: a writer that escapes strings
 * properly and a small reader that builds a tree.
 *
 * Data model: a parsed value is a struct json node; objects and arrays
 * keep their members in order in kids[] (objects also keys[]).  Numbers
 * keep their text, so 64-bit seeds survive without passing through a
 * double.
 */
#ifndef TCPTEACH_QUIZ_JSON_H
#define TCPTEACH_QUIZ_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct sbuf;

enum json_type { JSON_NULL, JSON_BOOL, JSON_NUM, JSON_STR, JSON_ARR,
    JSON_OBJ };

struct json {
	enum json_type type;
	bool b;
	char *s;			/* STR: the value; NUM: its text */
	struct json *kids;
	char **keys;			/* OBJ only */
	size_t n;
};

/* Append s as a JSON string literal (quotes included). */
void json_put_str(struct sbuf *b, const char *s);

/* Parse text; NULL on error with *errpos set to the byte offset. */
struct json *json_parse(const char *text, size_t len, size_t *errpos);
void json_free(struct json *j);
const struct json *json_get(const struct json *obj, const char *key);
bool json_u64(const struct json *j, uint64_t *out);
const char *json_str(const struct json *j);	/* NULL unless a string */

#endif
