/*
 * The bank file parser (doc/quiz-format.md).
 *
 * Data model: a file is a sequence of blocks, each opened by "[id]" and
 * made of "key: value" lines whose keys and counts come from the table
 * quiz_bank_keys.  A line starting with a space or tab continues the last
 * value (joined with one space, or with none where both sides are
 * Chinese: utf8_join_space); lines starting with "|" are the lines of
 * a figure, kept as written.  The block being read lives in struct bfile
 * until the next "[" or the end checks it and turns it into a question.
 */
#include <config.h>

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/i18n.h"
#include "lib/utf8.h"
#include "lib/xalloc.h"
#include "quiz/bank.h"
#include "quiz/quiz_internal.h"

enum bkey { BK_TOPIC, BK_ASK, BK_FIGURE, BK_RIGHT, BK_WRONG, BK_EXPLAIN,
    BK_RFC, BK_N };

const struct quiz_bank_key quiz_bank_keys[BK_N] = {
	[BK_TOPIC] = { "topic", 1, 1, N_("topics, among handshake close "
	    "timewait rst timers numbers") },
	[BK_ASK] = { "ask", 1, 1, N_("the question") },
	[BK_FIGURE] = { "figure", 0, 1, N_("a figure: the following lines "
	    "that start with |") },
	[BK_RIGHT] = { "right", 1, 1, N_("the right answer") },
	[BK_WRONG] = { "wrong", 2, QUIZ_MAXOPT - 1, N_("a wrong answer "
	    "(2 to 7 of them)") },
	[BK_EXPLAIN] = { "explain", 1, 1, N_("why the right answer is right") },
	[BK_RFC] = { "rfc", 0, 1, N_("the RFC 9293 section it rests on") },
};
const size_t quiz_bank_nkeys = BK_N;

struct bfile {
	const char *file;
	struct script_err *err;
	unsigned line;
	bool in;			/* inside a block */
	unsigned start;			/* its line */
	char id[64];
	unsigned count[BK_N];
	unsigned topics;
	char *val[BK_N];		/* single values */
	char *wrong[QUIZ_MAXOPT];
	unsigned wrong_line[QUIZ_MAXOPT];
	char **last;			/* value a continuation extends */
	bool figure_open;
	struct sbuf figure;
};


/* 1-based column of byte offset i. */
static unsigned
bcol(const char *s, size_t i)
{
	return 1 + utf8_chars(s, i);
}

static bool
bfail(struct bfile *f, unsigned col, const char *msg)
{
	snprintf(f->err->file, sizeof(f->err->file), "%s", f->file);
	f->err->line = f->line;
	f->err->column = col;
	snprintf(f->err->msg, sizeof(f->err->msg), "%s", msg);
	return false;
}

static size_t
utf8_bad(const unsigned char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		unsigned c = s[i], len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 :
		    (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;

		if (len == 0 || (c < 0x20 && c != '\t') || i + len > n)
			return i;
		for (unsigned k = 1; k < len; k++)
			if ((s[i + k] & 0xc0) != 0x80)
				return i;
		i += len;
	}
	return SIZE_MAX;
}

static void
bclear(struct bfile *f)
{
	for (int k = 0; k < BK_N; k++)
		free(f->val[k]);
	for (unsigned i = 0; i < f->count[BK_WRONG] && i < QUIZ_MAXOPT; i++)
		free(f->wrong[i]);
	free(sbuf_take(&f->figure));
	memset(f->val, 0, sizeof(f->val));
	memset(f->wrong, 0, sizeof(f->wrong));
	memset(f->count, 0, sizeof(f->count));
	f->in = f->figure_open = false;
	f->last = NULL;
	f->topics = 0;
}

static bool
bcheck_block(struct bfile *f)
{
	char msg[256];

	for (int k = 0; k < BK_N; k++)
		if (f->count[k] < quiz_bank_keys[k].min) {
			f->line = f->start;
			if (k != BK_WRONG)
				snprintf(msg, sizeof(msg), _("question '%s' "
				    "has no '%s:' line"), f->id,
				    quiz_bank_keys[k].name);
			else
				snprintf(msg, sizeof(msg), ngettext(
				    "question '%s' needs at least %u "
				    "'wrong:' answer", "question '%s' needs "
				    "at least %u 'wrong:' answers",
				    quiz_bank_keys[k].min), f->id,
				    quiz_bank_keys[k].min);
			return bfail(f, 1, msg);
		}
	for (unsigned i = 0; i < f->count[BK_WRONG]; i++)
		for (unsigned j = 0; j <= i; j++)
			if (strcmp(f->wrong[i], j == i ? f->val[BK_RIGHT] :
			    f->wrong[j]) == 0) {
				f->line = f->wrong_line[i];
				return bfail(f, 1, _("this answer repeats an "
				    "earlier one of the same question"));
			}
	return true;
}

static bool
bfinish(struct bfile *f, struct quiz_bank *b)
{
	struct quiz_question *q;

	if (!f->in)
		return true;
	if (!bcheck_block(f))
		return false;
	xgrow(&b->q, &b->cap, b->n + 1, sizeof(*b->q));
	q = &b->q[b->n++];
	quiz_question_init(q);
	q->kind = QUIZ_K_BANK;
	q->type = QUIZ_T_CHOICE;
	q->topics = f->topics;
	snprintf(q->id, sizeof(q->id), "%s", f->id);
	q->stem = xstrdup(f->val[BK_ASK]);
	q->explain = xstrdup(f->val[BK_EXPLAIN]);
	if (f->count[BK_FIGURE])
		q->figure = xstrdup(f->figure.p != NULL ? f->figure.p : "");
	(void)quiz_opt_add(q, f->val[BK_RIGHT], NULL);
	for (unsigned i = 0; i < f->count[BK_WRONG]; i++)
		(void)quiz_opt_add(q, f->wrong[i], NULL);
	bclear(f);
	return true;
}

static bool
bid(struct bfile *f, struct quiz_bank *b, const char *s, size_t n,
    size_t first)
{
	size_t i = 1;

	if (!bfinish(f, b))
		return false;
	while (i < n && (isalnum((unsigned char)s[i]) || s[i] == '-' ||
	    s[i] == '_'))
		i++;
	if (i == 1 || i >= n || s[i] != ']' || i - 1 >= sizeof(f->id))
		return bfail(f, bcol(s, i), _("a question starts with [id]: "
		    "letters, digits, '-' and '_' between brackets"));
	memcpy(f->id, s + 1, i - 1);
	f->id[i - 1] = '\0';
	for (size_t k = first; k < b->n; k++)
		if (strcmp(b->q[k].id, f->id) == 0)
			return bfail(f, 2, _("this id is already used in this "
			    "file"));
	for (i++; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t')
			return bfail(f, bcol(s, i), _("nothing may follow "
			    "[id] on its line"));
	f->in = true;
	f->start = f->line;
	return true;
}

static bool
btopics(struct bfile *f, const char *s, const char *v)
{
	char word[32];
	enum quiz_topic t;

	while (*v != '\0') {
		size_t n = strcspn(v, " ,\t");

		if (n > 0) {
			snprintf(word, sizeof(word), "%.*s", (int)n, v);
			if (n >= sizeof(word) || !quiz_topic_parse(word, &t))
				return bfail(f, bcol(s, (size_t)(v - s)),
				    _("unknown topic; the topics are handshake "
				    "close timewait rst timers numbers"));
			f->topics |= QUIZ_TOPIC_BIT(t);
		}
		v += n + (v[n] != '\0');
	}
	return true;
}

static bool
bvalue(struct bfile *f, enum bkey k, const char *s, const char *v)
{
	if (k == BK_FIGURE) {
		if (*v != '\0')
			return bfail(f, bcol(s, (size_t)(v - s)), _("the "
			    "figure goes on the following lines, each "
			    "starting with |"));
		f->figure_open = true;
		return true;
	}
	if (*v == '\0')
		return bfail(f, bcol(s, (size_t)(v - s)), _("the value is "
		    "empty"));
	if (k == BK_TOPIC)
		return btopics(f, s, v);
	if (k == BK_WRONG) {
		unsigned i = f->count[BK_WRONG] - 1;

		f->wrong[i] = xstrdup(v);
		f->wrong_line[i] = f->line;
		f->last = &f->wrong[i];
		return true;
	}
	f->val[k] = xstrdup(v);
	f->last = &f->val[k];
	return true;
}

static bool
bkeyline(struct bfile *f, const char *s, size_t n)
{
	size_t klen = strcspn(s, ":");
	char msg[256];
	const char *v;

	f->last = NULL;
	f->figure_open = false;
	if (!f->in)
		return bfail(f, 1, _("a question must start with [id]"));
	for (int k = 0; k < BK_N; k++) {
		if (strlen(quiz_bank_keys[k].name) != klen ||
		    strncmp(s, quiz_bank_keys[k].name, klen) != 0)
			continue;
		if (klen >= n)
			break;
		if (f->count[k] >= quiz_bank_keys[k].max) {
			snprintf(msg, sizeof(msg), _("too many '%s:' lines "
			    "(at most %u)"), quiz_bank_keys[k].name,
			    quiz_bank_keys[k].max);
			return bfail(f, 1, msg);
		}
		f->count[k]++;
		for (v = s + klen + 1; *v == ' ' || *v == '\t'; v++)
			continue;
		return bvalue(f, (enum bkey)k, s, v);
	}
	snprintf(msg, sizeof(msg), _("unknown line; expected one of topic:, "
	    "ask:, figure:, right:, wrong:, explain:, rfc:"));
	return bfail(f, 1, msg);
}

static bool
bcontinue(struct bfile *f, const char *s)
{
	const char *v = s + strspn(s, " \t");
	char *old;

	if (f->last == NULL)
		return bfail(f, 1, _("an indented line continues a value, "
		    "but there is none to continue"));
	old = *f->last;
	/* Chinese has no spaces between words, but keeps one next to Latin
	 * text: utf8_join_space decides. */
	*f->last = quiz_strdupf("%s%s%s", old,
	    utf8_join_space(old, v) ? " " : "", v);
	free(old);
	return true;
}

static bool
bline(struct bfile *f, struct quiz_bank *b, char *s, size_t first)
{
	size_t n = strlen(s), bad;

	while (n > 0 && (s[n - 1] == '\r' || s[n - 1] == ' ' ||
	    s[n - 1] == '\t'))
		s[--n] = '\0';
	if ((bad = utf8_bad((const unsigned char *)s, n)) != SIZE_MAX)
		return bfail(f, bcol(s, bad), _("not valid UTF-8 text"));
	if (s[0] == '|') {
		if (!f->figure_open)
			return bfail(f, 1, _("a '|' line belongs to a figure; "
			    "put 'figure:' before it"));
		sbuf_add(&f->figure, "%s\n", s + 1 + (s[1] == ' '));
		return true;
	}
	f->figure_open = false;
	if (n == 0 || s[0] == '#') {
		f->last = NULL;
		return true;
	}
	if (s[0] == '[')
		return bid(f, b, s, n, first);
	if (s[0] == ' ' || s[0] == '\t')
		return bcontinue(f, s);
	return bkeyline(f, s, n);
}

void
quiz_bank_init(struct quiz_bank *b)
{
	memset(b, 0, sizeof(*b));
}

static void
bank_truncate(struct quiz_bank *b, size_t n)
{
	while (b->n > n)
		quiz_question_free(&b->q[--b->n]);
}

void
quiz_bank_free(struct quiz_bank *b)
{
	bank_truncate(b, 0);
	free(b->q);
	quiz_bank_init(b);
}

bool
quiz_bank_parse(struct quiz_bank *b, const char *file, const char *buf,
    size_t len, struct script_err *err)
{
	struct bfile f;
	size_t first = b->n, i = 0;
	bool ok = true;

	memset(&f, 0, sizeof(f));
	memset(err, 0, sizeof(*err));
	f.file = file;
	f.err = err;
	while (ok && i < len) {
		const char *nl = memchr(buf + i, '\n', len - i);
		size_t end = nl != NULL ? (size_t)(nl - buf) : len;
		char *line = xstrndup(buf + i, end - i);

		f.line++;
		if (strlen(line) != end - i)
			ok = bfail(&f, bcol(line, strlen(line)), _("the file "
			    "contains a NUL byte"));
		else
			ok = bline(&f, b, line, first);
		free(line);
		i = end + 1;
	}
	if (ok)
		ok = bfinish(&f, b);
	bclear(&f);
	if (!ok)
		bank_truncate(b, first);
	return ok;
}
