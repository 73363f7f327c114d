/*
 * The JSON writer's escaping and a recursive-descent reader (RFC 8259),
 * limited in depth so a hostile file cannot exhaust the stack.
 *
 * Data model: the reader walks a cursor (struct jcur) over the text and
 * builds nodes on the heap; on any error it frees what it built and
 * reports the offset.  \u escapes are decoded to UTF-8, surrogate pairs
 * included; a lone surrogate is an error.
 */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/xalloc.h"
#include "quiz/json.h"
#include "quiz/quiz_internal.h"

#define JSON_MAXDEPTH 32

void
json_put_str(struct sbuf *b, const char *s)
{
	sbuf_addn(b, "\"", 1);
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			sbuf_add(b, "\\%c", c);
		else if (c == '\n')
			sbuf_add(b, "\\n");
		else if (c == '\r')
			sbuf_add(b, "\\r");
		else if (c == '\t')
			sbuf_add(b, "\\t");
		else if (c < 0x20 || c == 0x7f)
			sbuf_add(b, "\\u%04x", c);
		else
			sbuf_addn(b, s, 1);
	}
	sbuf_addn(b, "\"", 1);
}

struct jcur {
	const char *p, *end, *start;
	bool bad;
};

static void
jws(struct jcur *c)
{
	while (c->p < c->end && strchr(" \t\r\n", *c->p) != NULL && *c->p)
		c->p++;
}

static bool
jlit(struct jcur *c, const char *lit)
{
	size_t n = strlen(lit);

	if ((size_t)(c->end - c->p) < n || memcmp(c->p, lit, n) != 0)
		return false;
	c->p += n;
	return true;
}

static int
jhex4(struct jcur *c)
{
	int v = 0;

	if (c->end - c->p < 4)
		return -1;
	for (int i = 0; i < 4; i++) {
		char h = *c->p++;

		v <<= 4;
		if (h >= '0' && h <= '9')
			v |= h - '0';
		else if (h >= 'a' && h <= 'f')
			v |= h - 'a' + 10;
		else if (h >= 'A' && h <= 'F')
			v |= h - 'A' + 10;
		else
			return -1;
	}
	return v;
}

static void
jutf8(struct sbuf *b, unsigned long u)
{
	char o[4];
	size_t n;

	if (u < 0x80) {
		o[0] = (char)u, n = 1;
	} else if (u < 0x800) {
		o[0] = (char)(0xc0 | (u >> 6));
		o[1] = (char)(0x80 | (u & 0x3f)), n = 2;
	} else if (u < 0x10000) {
		o[0] = (char)(0xe0 | (u >> 12));
		o[1] = (char)(0x80 | ((u >> 6) & 0x3f));
		o[2] = (char)(0x80 | (u & 0x3f)), n = 3;
	} else {
		o[0] = (char)(0xf0 | (u >> 18));
		o[1] = (char)(0x80 | ((u >> 12) & 0x3f));
		o[2] = (char)(0x80 | ((u >> 6) & 0x3f));
		o[3] = (char)(0x80 | (u & 0x3f)), n = 4;
	}
	sbuf_addn(b, o, n);
}

static bool
jescape(struct jcur *c, struct sbuf *b)
{
	static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
	const char *k;
	int u, lo;

	if (c->p >= c->end)
		return false;
	if (*c->p != 'u') {
		if ((k = strchr(from, *c->p)) == NULL || *c->p == '\0')
			return false;
		c->p++;
		sbuf_addn(b, &to[k - from], 1);
		return true;
	}
	c->p++;
	if ((u = jhex4(c)) < 0 || (u >= 0xdc00 && u <= 0xdfff))
		return false;
	if (u >= 0xd800 && u <= 0xdbff) {
		if (!jlit(c, "\\u") || (lo = jhex4(c)) < 0xdc00 || lo > 0xdfff)
			return false;
		jutf8(b, 0x10000 + (((unsigned long)u - 0xd800) << 10) +
		    ((unsigned long)lo - 0xdc00));
		return true;
	}
	jutf8(b, (unsigned long)u);
	return u != 0;
}

static char *
jstring(struct jcur *c)
{
	struct sbuf b = { 0 };

	c->p++;
	while (c->p < c->end && *c->p != '"') {
		unsigned char ch = (unsigned char)*c->p;

		if (ch < 0x20 || (ch == '\\' && (c->p++, !jescape(c, &b)))) {
			free(b.p);
			return NULL;
		}
		if (ch != '\\')
			sbuf_addn(&b, c->p++, 1);
	}
	if (c->p >= c->end) {
		free(b.p);
		return NULL;
	}
	c->p++;
	return sbuf_take(&b);
}

static bool jvalue(struct jcur *c, struct json *j, int depth);

static bool
jnumber(struct jcur *c, struct json *j)
{
	const char *s = c->p;

	if (c->p < c->end && *c->p == '-')
		c->p++;
	if (c->p >= c->end || *c->p < '0' || *c->p > '9')
		return false;
	while (c->p < c->end && strchr("0123456789.eE+-", *c->p) != NULL &&
	    *c->p != '\0')
		c->p++;
	j->type = JSON_NUM;
	j->s = xstrndup(s, (size_t)(c->p - s));
	return true;
}

static bool
jmembers(struct jcur *c, struct json *j, int depth, bool obj)
{
	char close = obj ? '}' : ']';
	size_t cap = 0, kcap = 0;

	c->p++;
	jws(c);
	if (c->p < c->end && *c->p == close) {
		c->p++;
		return true;
	}
	for (;;) {
		jws(c);
		if (obj) {
			char *k;

			if (c->p >= c->end || *c->p != '"' ||
			    (k = jstring(c)) == NULL)
				return false;
			xgrow(&j->keys, &kcap, j->n + 1, sizeof(*j->keys));
			j->keys[j->n] = k;
			jws(c);
			if (!jlit(c, ":")) {
				free(k);
				return false;
			}
		}
		xgrow(&j->kids, &cap, j->n + 1, sizeof(*j->kids));
		memset(&j->kids[j->n], 0, sizeof(*j->kids));
		j->n++;
		if (!jvalue(c, &j->kids[j->n - 1], depth + 1))
			return false;
		jws(c);
		if (jlit(c, ","))
			continue;
		return jlit(c, obj ? "}" : "]");
	}
}

static bool
jvalue(struct jcur *c, struct json *j, int depth)
{
	jws(c);
	if (depth > JSON_MAXDEPTH || c->p >= c->end)
		return false;
	switch (*c->p) {
	case '{':
	case '[':
		j->type = *c->p == '{' ? JSON_OBJ : JSON_ARR;
		return jmembers(c, j, depth, j->type == JSON_OBJ);
	case '"':
		j->type = JSON_STR;
		return (j->s = jstring(c)) != NULL;
	case 't':
	case 'f':
		j->type = JSON_BOOL;
		j->b = *c->p == 't';
		return jlit(c, j->b ? "true" : "false");
	case 'n':
		return jlit(c, "null");
	default:
		return jnumber(c, j);
	}
}

static void
json_clear(struct json *j)
{
	for (size_t i = 0; i < j->n; i++) {
		json_clear(&j->kids[i]);
		if (j->keys != NULL)
			free(j->keys[i]);
	}
	free(j->kids);
	free(j->keys);
	free(j->s);
}

void
json_free(struct json *j)
{
	if (j == NULL)
		return;
	json_clear(j);
	free(j);
}

struct json *
json_parse(const char *text, size_t len, size_t *errpos)
{
	struct jcur c = { text, text + len, text, false };
	struct json *j = xcalloc(1, sizeof(*j));
	bool ok = jvalue(&c, j, 0);

	if (ok) {
		jws(&c);
		ok = c.p == c.end;
	}
	if (!ok) {
		*errpos = (size_t)(c.p - text);
		json_free(j);
		return NULL;
	}
	return j;
}

const struct json *
json_get(const struct json *obj, const char *key)
{
	if (obj == NULL || obj->type != JSON_OBJ)
		return NULL;
	for (size_t i = 0; i < obj->n; i++)
		if (strcmp(obj->keys[i], key) == 0)
			return &obj->kids[i];
	return NULL;
}

bool
json_u64(const struct json *j, uint64_t *out)
{
	char *end;
	unsigned long long v;

	if (j == NULL || j->type != JSON_NUM || j->s[0] == '-')
		return false;
	errno = 0;
	v = strtoull(j->s, &end, 10);
	if (errno != 0 || *end != '\0')
		return false;
	*out = v;
	return true;
}

const char *
json_str(const struct json *j)
{
	return j != NULL && j->type == JSON_STR ? j->s : NULL;
}
