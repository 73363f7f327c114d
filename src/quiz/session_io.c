/*
 * Attempt files: one JSON document per attempt, rewritten atomically, and
 * read back to resume.
 *
 * Data model: the document holds what rebuilds the exam (seed, student,
 * count, minutes, topics, language, bank on or off), the time used, the
 * start, whether it was submitted, the score, and per question its id,
 * kind, the answer in machine form (choice position, order of positions,
 * milliseconds) and in the form printed on paper ("B", "C A D B", "4.15").
 * Resuming rebuilds the exam from the parameters and refuses the file if
 * the question ids differ (the bank changed since).  Finding the newest
 * unsubmitted attempt of an exam trusts the documents, not the file names,
 * since two student ids may map to one name; so does finding a submitted
 * sibling, which closes the whole exam (one exam per student and seed).
 */
#include <config.h>

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/atomic.h"
#include "lib/env.h"
#include "lib/i18n.h"
#include "lib/xalloc.h"
#include "quiz/json.h"
#include "quiz/quiz_internal.h"
#include "quiz/session.h"

#define ATTEMPT_MAX (8 * 1024 * 1024)

static void
json_answer(struct sbuf *b, const struct quiz_question *q,
    const struct exam_answer *a)
{
	char s[32];

	if (!a->given) {
		sbuf_add(b, "\"answer\": null");
		return;
	}
	sbuf_add(b, "\"answer\": \"");
	if (q->type == QUIZ_T_CHOICE) {
		sbuf_add(b, "%c\", \"choice\": %u", exam_label(a->choice),
		    a->choice);
	} else if (q->type == QUIZ_T_NUMERIC) {
		sbuf_add(b, "%s\", \"ms\": %llu", quiz_seconds_str(a->number_ms,
		    s, sizeof(s)), (unsigned long long)a->number_ms);
	} else {
		for (unsigned j = 0; j < q->nopt; j++)
			sbuf_add(b, j ? " %c" : "%c", exam_label(a->order[j]));
		sbuf_add(b, "\", \"order\": [");
		for (unsigned j = 0; j < q->nopt; j++)
			sbuf_add(b, j ? ", %u" : "%u", a->order[j]);
		sbuf_add(b, "]");
	}
}

static void
json_params(struct sbuf *b, const struct exam_session *s)
{
	const struct exam_params *p = &s->ex.p;

	sbuf_add(b, "{\n  \"format\": \"tcpteach-exam-attempt\",\n"
	    "  \"version\": %d,\n  \"program\": ", EXAM_RESULT_VERSION);
	json_put_str(b, PACKAGE_STRING);
	sbuf_add(b, ",\n  \"seed\": %llu,\n  \"student\": ",
	    (unsigned long long)p->seed);
	json_put_str(b, p->student);
	sbuf_add(b, ",\n  \"count\": %u,\n  \"minutes\": %u,\n  \"topics\": [",
	    p->count, p->minutes);
	for (unsigned t = 0, k = 0; t < QUIZ_NTOPICS; t++)
		if (p->topics & QUIZ_TOPIC_BIT(t))
			sbuf_add(b, "%s\"%s\"", k++ ? ", " : "",
			    quiz_topic_name((enum quiz_topic)t));
	sbuf_add(b, "],\n  \"lang\": ");
	json_put_str(b, p->lang);
	sbuf_add(b, ",\n  \"bank\": %s,\n", p->generated_only ? "false" :
	    "true");
}

static void
json_events(struct sbuf *b, const struct exam_session *s)
{
	sbuf_add(b, "  \"events\": [");
	for (size_t i = 0; i < s->nev; i++)
		sbuf_add(b, "%s\n    {\"event\": \"%s\", \"at\": %lld, "
		    "\"elapsed_ms\": %llu}", i ? "," : "",
		    exam_event_name(s->ev[i].kind), (long long)s->ev[i].at,
		    (unsigned long long)s->ev[i].elapsed_ms);
	sbuf_add(b, "\n  ],\n");
}

char *
exam_session_json(const struct exam_session *s)
{
	struct sbuf b = { 0 };
	struct exam_score sc = exam_session_score(s);

	json_params(&b, s);
	sbuf_add(&b, "  \"started\": %lld,\n  \"elapsed_ms\": %llu,\n"
	    "  \"limit_ms\": %llu,\n  \"submitted\": %s,\n",
	    (long long)s->started, (unsigned long long)s->elapsed_ms,
	    (unsigned long long)s->limit_ms, s->submitted ? "true" : "false");
	/* Until submission the file sits where the student can read it, so
	 * it holds neither the answer key nor a score that would reveal,
	 * answer by answer, which choices are right. */
	if (s->submitted)
		sbuf_add(&b, "  \"score\": {\"right\": %u, \"answered\": %u, "
		    "\"total\": %u, \"percent\": %u},\n", sc.right,
		    sc.answered, sc.total, sc.percent);
	sbuf_add(&b, "  \"questions\": [");
	for (size_t i = 0; i < s->ex.n; i++) {
		const struct quiz_question *q = &s->ex.q[i];

		sbuf_add(&b, "%s\n    {\"id\": ", i ? "," : "");
		json_put_str(&b, q->id);
		sbuf_add(&b, ", \"kind\": \"%s\", ", quiz_kind_name(q->kind));
		json_answer(&b, q, &s->ans[i]);
		if (s->submitted) {
			char *right = exam_answer_str(q);

			sbuf_add(&b, ", \"right\": ");
			json_put_str(&b, right);
			sbuf_add(&b, ", \"correct\": %s", exam_answer_right(q,
			    &s->ans[i]) ? "true" : "false");
			free(right);
		}
		sbuf_add(&b, "}");
	}
	sbuf_add(&b, "\n  ],\n");
	json_events(&b, s);
	sbuf_add(&b, "  \"edited\": %s,\n", s->edited ? "true" : "false");
	sbuf_add(&b, "  \"digest\": \"%016llx\"\n}\n",
	    (unsigned long long)exam_attempt_digest(b.p, b.len));
	return sbuf_take(&b);
}

int
exam_session_save(struct exam_session *s)
{
	char *doc, *dir, *slash;
	int rc, saved;

	if (s->path == NULL) {
		errno = EINVAL;
		return -1;
	}
	dir = xstrdup(s->path);
	if ((slash = strrchr(dir, '/')) != NULL && slash != dir)
		*slash = '\0';
	doc = exam_session_json(s);
	rc = slash != NULL && slash != dir && mkdir_parents(dir) < 0 ? -1 :
	    atomic_write_file(s->path, doc, strlen(doc));
	saved = errno;
	free(doc);
	free(dir);
	s->save_failed = rc < 0;
	if (rc < 0)
		/* TRANSLATORS: the system's reason, then the file name. */
		snprintf(s->save_err, sizeof(s->save_err), _("NOT saved (%s): "
		    "%s"), strerror(saved), s->path);
	else
		s->save_err[0] = '\0';
	errno = saved;
	return rc;
}

char *
exam_results_dir(void)
{
	char *d = env_xdg_path(ENV_XDG_DATA, "results");

	/* No usable HOME: results go beside the student, not nowhere. */
	return d != NULL ? d : quiz_strdupf("tcpteach-results");
}

/* Keep file names to a safe alphabet whatever the student id holds. */
static void
attempt_name(const char *student, char *name, size_t size)
{
	static const char safe[] = "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_";
	const char *id = student[0] ? student : "anonymous";
	size_t i;

	for (i = 0; id[i] != '\0' && i < size - 1; i++)
		name[i] = strchr(safe, id[i]) != NULL ? id[i] : '_';
	name[i] = '\0';
}

char *
exam_attempt_path(const char *dir, const struct exam_session *s)
{
	char name[64];

	char *path;

	attempt_name(s->ex.p.student, name, sizeof(name));
	path = quiz_strdupf("%s/%s-%llu-%lld.json", dir, name,
	    (unsigned long long)s->ex.p.seed, (long long)s->started);
	/* Two attempts started within one second must not share a file:
	 * the second would overwrite the first. */
	for (unsigned n = 2; access(path, F_OK) == 0 && n < 1000; n++) {
		free(path);
		path = quiz_strdupf("%s/%s-%llu-%lld-%u.json", dir, name,
		    (unsigned long long)s->ex.p.seed, (long long)s->started,
		    n);
	}
	return path;
}

/* ------------------------------------------------------------- resume */

static bool
resume_params(const struct json *doc, struct exam_params *p)
{
	const struct json *t = json_get(doc, "topics");
	const char *st = json_str(json_get(doc, "student"));
	const char *lang = json_str(json_get(doc, "lang"));
	const struct json *bank = json_get(doc, "bank");
	uint64_t count = 0, minutes = 0;
	enum quiz_topic tp;

	exam_params_init(p);
	p->topics = 0;
	if (!json_u64(json_get(doc, "seed"), &p->seed) ||
	    !json_u64(json_get(doc, "count"), &count) ||
	    !json_u64(json_get(doc, "minutes"), &minutes) || st == NULL ||
	    lang == NULL || t == NULL || t->type != JSON_ARR ||
	    count == 0 || count > EXAM_MAXCOUNT || minutes > 100000 ||
	    strlen(st) >= sizeof(p->student) || strlen(lang) >= sizeof(p->lang))
		return false;
	for (size_t i = 0; i < t->n; i++)
		if (json_str(&t->kids[i]) != NULL &&
		    quiz_topic_parse(t->kids[i].s, &tp))
			p->topics |= QUIZ_TOPIC_BIT(tp);
	p->count = (unsigned)count;
	p->minutes = (unsigned)minutes;
	snprintf(p->student, sizeof(p->student), "%s", st);
	snprintf(p->lang, sizeof(p->lang), "%s", lang);
	p->generated_only = bank != NULL && bank->type == JSON_BOOL && !bank->b;
	return p->topics != 0;
}

static bool
resume_answer(struct exam_session *s, unsigned i, const struct json *jq)
{
	const struct json *o = json_get(jq, "order");
	unsigned pos[QUIZ_MAXOPT];
	uint64_t v;

	if (json_get(jq, "answer") == NULL ||
	    json_get(jq, "answer")->type == JSON_NULL)
		return true;
	if (json_u64(json_get(jq, "choice"), &v))
		return v < QUIZ_MAXOPT &&
		    exam_session_choose(s, i, (unsigned)v);
	if (json_u64(json_get(jq, "ms"), &v))
		return exam_session_number(s, i, v);
	if (o == NULL || o->type != JSON_ARR || o->n > QUIZ_MAXOPT)
		return false;
	for (size_t k = 0; k < o->n; k++) {
		if (!json_u64(&o->kids[k], &v) || v >= QUIZ_MAXOPT)
			return false;
		pos[k] = (unsigned)v;
	}
	return exam_session_order(s, i, pos, (unsigned)o->n);
}

static bool
resume_event_kind(const char *name, enum exam_event_kind *k)
{
	for (unsigned i = 0; i < EXAM_NEVENTS; i++)
		if (name != NULL && strcmp(name, exam_event_name(
		    (enum exam_event_kind)i)) == 0) {
			*k = (enum exam_event_kind)i;
			return true;
		}
	return false;
}

/* The wall-clock record; a file of version 1 has none. */
static bool
resume_events(struct exam_session *s, const struct json *ev)
{
	s->nev = 0;
	if (ev == NULL)
		return true;
	if (ev->type != JSON_ARR || ev->n > EXAM_MAXEVENTS)
		return false;
	for (size_t i = 0; i < ev->n; i++) {
		const struct json *e = &ev->kids[i], *at = json_get(e, "at");
		enum exam_event_kind k;
		uint64_t ms = 0;

		if (!resume_event_kind(json_str(json_get(e, "event")), &k) ||
		    at == NULL || at->type != JSON_NUM ||
		    !json_u64(json_get(e, "elapsed_ms"), &ms))
			return false;
		exam_session_note(s, k, strtoll(at->s, NULL, 10));
		s->ev[s->nev - 1].elapsed_ms = ms;
		if (k == EXAM_EV_SUBMIT)
			s->submitted = true;
	}
	return true;
}

static bool
resume_state(struct exam_session *s, const struct json *doc)
{
	const struct json *qs = json_get(doc, "questions"), *sub;
	uint64_t v;
	int64_t started;

	if (qs == NULL || qs->type != JSON_ARR || qs->n != s->ex.n)
		return false;
	for (size_t i = 0; i < qs->n; i++) {
		const char *id = json_str(json_get(&qs->kids[i], "id"));

		if (id == NULL || strcmp(id, s->ex.q[i].id) != 0 ||
		    !resume_answer(s, (unsigned)i, &qs->kids[i]))
			return false;
	}
	if (!json_u64(json_get(doc, "elapsed_ms"), &s->elapsed_ms))
		return false;
	if (json_get(doc, "started") != NULL &&
	    json_get(doc, "started")->type == JSON_NUM) {
		started = strtoll(json_get(doc, "started")->s, NULL, 10);
		s->started = started;
	}
	/* limit_ms is written for people to read; the limit is the exam's
	 * minutes, so editing it gives no extra time. */
	(void)v;
	sub = json_get(doc, "submitted");
	s->submitted = sub != NULL && sub->type == JSON_BOOL && sub->b;
	sub = json_get(doc, "edited");
	s->edited = sub != NULL && sub->type == JSON_BOOL && sub->b;
	return resume_events(s, json_get(doc, "events"));
}

char *
exam_read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	struct sbuf b = { 0 };
	char chunk[8192];
	size_t n;

	if (f == NULL)
		return NULL;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0 &&
	    b.len < ATTEMPT_MAX)
		sbuf_addn(&b, chunk, n);
	fclose(f);
	*len = b.len;
	return sbuf_take(&b);
}

bool
exam_attempt_read(struct exam_session *s, const char *path,
    const struct quiz_bank *bank, char *err, size_t errsize)
{
	struct exam_params p;
	struct quiz_bank own;
	struct script_err berr;
	struct json *doc;
	size_t len = 0, at = 0;
	char *text = exam_read_file(path, &len);
	bool ok, digest_ok;

	memset(s, 0, sizeof(*s));
	if (text == NULL) {
		snprintf(err, errsize, "%s: %s", path, strerror(errno));
		return false;
	}
	digest_ok = exam_attempt_digest_ok(text, len);
	doc = json_parse(text, len, &at);
	free(text);
	if (doc == NULL || !resume_params(doc, &p)) {
		snprintf(err, errsize, _("%s: not an exam attempt file (at "
		    "byte %zu)"), path, at);
		json_free(doc);
		return false;
	}
	quiz_bank_init(&own);
	if (bank == NULL && !p.generated_only &&
	    !quiz_bank_load_lang(&own, quiz_lang(p.lang), &berr)) {
		snprintf(err, errsize, "%s:%u:%u: %s", berr.file, berr.line,
		    berr.column, berr.msg);
		json_free(doc);
		return false;
	}
	ok = exam_session_start(s, &p, p.generated_only ? NULL : bank != NULL ?
	    bank : &own, 0);
	quiz_bank_free(&own);
	if (ok && (ok = resume_state(s, doc)))
		s->path = xstrdup(path);
	json_free(doc);
	if (!ok) {
		exam_session_free(s);
		snprintf(err, errsize, _("%s: the exam cannot be rebuilt as it "
		    "was (were the bank files changed?)"), path);
		return false;
	}
	s->edited = s->edited || !digest_ok;
	return true;
}

bool
exam_session_resume(struct exam_session *s, const char *path, char *err,
    size_t errsize)
{
	char *receipt;
	bool closed;

	if (!exam_attempt_read(s, path, NULL, err, errsize))
		return false;
	receipt = exam_receipt_path(path);
	closed = s->submitted || access(receipt, F_OK) == 0;
	free(receipt);
	if (closed) {
		exam_session_free(s);
		snprintf(err, errsize, _("%s: this attempt was submitted; a "
		    "submitted attempt is never reopened."), path);
		return false;
	}
	return true;
}

/* ------------------------------------------------------------ finding */

/* The start time of an unsubmitted attempt at this exam, or -1. */
static int64_t
latest_check(const char *path, const struct exam_params *p)
{
	size_t len = 0, at;
	char *text = exam_read_file(path, &len);
	struct json *doc = text ? json_parse(text, len, &at) : NULL;
	const struct json *sub = json_get(doc, "submitted");
	const struct json *st = json_get(doc, "started");
	const char *student = json_str(json_get(doc, "student"));
	uint64_t seed;
	int64_t started = -1;

	if (doc != NULL && json_u64(json_get(doc, "seed"), &seed) &&
	    seed == p->seed && student != NULL &&
	    strcmp(student, p->student) == 0 && sub != NULL &&
	    sub->type == JSON_BOOL && !sub->b && st != NULL &&
	    st->type == JSON_NUM)
		started = strtoll(st->s, NULL, 10);
	json_free(doc);
	free(text);
	return started;
}

char *
exam_attempt_latest(const char *dir, const struct exam_params *p)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char name[64], *prefix, *best = NULL;
	int64_t best_started = -1;

	if (d == NULL)
		return NULL;
	attempt_name(p->student, name, sizeof(name));
	prefix = quiz_strdupf("%s-%llu-", name, (unsigned long long)p->seed);
	while ((de = readdir(d)) != NULL) {
		size_t n = strlen(de->d_name);
		char *path;
		int64_t started;

		if (strncmp(de->d_name, prefix, strlen(prefix)) != 0 ||
		    n < 5 || strcmp(de->d_name + n - 5, ".json") != 0)
			continue;
		path = quiz_strdupf("%s/%s", dir, de->d_name);
		started = latest_check(path, p);
		if (started >= 0 && started >= best_started) {
			free(best);
			best = path;
			best_started = started;
		} else
			free(path);
	}
	closedir(d);
	free(prefix);
	return best;
}

/* Was this file, an attempt at p's exam, submitted (by its document or by
 * its receipt)? */
static bool
submitted_check(const char *path, const struct exam_params *p)
{
	size_t len = 0, at;
	char *text = exam_read_file(path, &len), *receipt;
	struct json *doc = text ? json_parse(text, len, &at) : NULL;
	const struct json *sub = json_get(doc, "submitted");
	const char *student = json_str(json_get(doc, "student"));
	uint64_t seed;
	bool mine = doc != NULL && json_u64(json_get(doc, "seed"), &seed) &&
	    seed == p->seed && student != NULL &&
	    strcmp(student, p->student) == 0, closed = false;

	if (mine) {
		receipt = exam_receipt_path(path);
		closed = (sub != NULL && sub->type == JSON_BOOL && sub->b) ||
		    access(receipt, F_OK) == 0;
		free(receipt);
	}
	json_free(doc);
	free(text);
	return closed;
}

char *
exam_attempt_submitted(const char *dir, const struct exam_params *p,
    const char *except)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char name[64], *prefix, *found = NULL;
	const char *base = except != NULL && strrchr(except, '/') != NULL ?
	    strrchr(except, '/') + 1 : except;

	if (d == NULL)
		return NULL;
	attempt_name(p->student, name, sizeof(name));
	prefix = quiz_strdupf("%s-%llu-", name, (unsigned long long)p->seed);
	while (found == NULL && (de = readdir(d)) != NULL) {
		size_t n = strlen(de->d_name);
		char *path;

		if (strncmp(de->d_name, prefix, strlen(prefix)) != 0 ||
		    n < 5 || strcmp(de->d_name + n - 5, ".json") != 0 ||
		    (base != NULL && strcmp(de->d_name, base) == 0))
			continue;
		path = quiz_strdupf("%s/%s", dir, de->d_name);
		if (submitted_check(path, p))
			found = path;
		else
			free(path);
	}
	closedir(d);
	free(prefix);
	return found;
}

char *
exam_attempt_dir(const char *attempt_path)
{
	const char *slash = strrchr(attempt_path, '/');

	if (slash == NULL)
		return xstrdup(".");
	if (slash == attempt_path)
		return xstrdup("/");
	return quiz_strdupf("%.*s", (int)(slash - attempt_path), attempt_path);
}
