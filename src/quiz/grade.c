/*
 * The teacher's grader: `tcpteach exam --grade DIR...`.
 *
 * Data model: one struct grade_row per attempt file, made by rebuilding
 * the exam from the file's parameters and marking the file's answers
 * against those questions; what the file says about its own score is
 * read only to be compared.  Rows are sorted by student, seed and file;
 * attempts sharing a student and a seed are flagged together.  The
 * summary counts, per question id (and per kind), how many attempts got
 * it right, most missed first.
 */
#include <config.h>

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "lib/diag.h"
#include "lib/i18n.h"
#include "lib/xalloc.h"
#include "quiz/json.h"
#include "quiz/quiz_internal.h"
#include "quiz/session.h"

#define GRADE_GRACE_MS 60000	/* clock slack before over-time */

struct grade_row {
	char *file;
	struct exam_session s;
	struct exam_score sc;
	struct sbuf flags;
};

struct grade_tally {
	char id[64];
	enum quiz_kind kind;
	unsigned right, seen;
};

static void
flag(struct grade_row *r, const char *fmt, ...) QUIZ_PRINTF(2, 3);

static void
flag(struct grade_row *r, const char *fmt, ...)
{
	char buf[128];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	sbuf_add(&r->flags, "%s%s", r->flags.len ? " " : "", buf);
}

/* The stored score and per-question "correct" must be what the answers
 * give: anything else was written by hand. */
static bool
grade_stored_differs(const struct grade_row *r, const struct json *doc)
{
	const struct json *sc = json_get(doc, "score");
	const struct json *qs = json_get(doc, "questions");
	uint64_t right;

	if (sc != NULL && (!json_u64(json_get(sc, "right"), &right) ||
	    right != r->sc.right))
		return true;
	for (size_t i = 0; qs != NULL && qs->type == JSON_ARR &&
	    i < qs->n && i < r->s.ex.n; i++) {
		const struct json *c = json_get(&qs->kids[i], "correct");

		if (c != NULL && (c->type != JSON_BOOL || c->b !=
		    exam_answer_right(&r->s.ex.q[i], &r->s.ans[i])))
			return true;
	}
	return false;
}

/* Exam time by the wall clock: from each start, resume or restart to the
 * next suspend or submit. */
static uint64_t
grade_wall_ms(const struct exam_session *s)
{
	uint64_t total = 0;
	int64_t from = -1;

	for (size_t i = 0; i < s->nev; i++) {
		const struct exam_event *e = &s->ev[i];

		switch (e->kind) {
		case EXAM_EV_START:
		case EXAM_EV_RESUME:
		case EXAM_EV_RESTART:
			from = e->at;
			break;
		case EXAM_EV_SUSPEND:
		case EXAM_EV_SUBMIT:
			if (from >= 0 && e->at >= from)
				total += (uint64_t)(e->at - from) * 1000;
			from = -1;
			break;
		}
	}
	return total;
}

/* From the first start to the last event, by the wall clock: time away
 * (quit, then resumed) included. */
static uint64_t
grade_span_ms(const struct exam_session *s)
{
	if (s->nev < 2 || s->ev[s->nev - 1].at < s->ev[0].at)
		return 0;
	return (uint64_t)(s->ev[s->nev - 1].at - s->ev[0].at) * 1000;
}

static void
grade_time_flags(struct grade_row *r)
{
	const struct exam_session *s = &r->s;
	uint64_t wall = grade_wall_ms(s), limit = s->limit_ms;
	unsigned resumes = 0, restarts = 0;

	for (size_t i = 0; i < s->nev; i++) {
		resumes += s->ev[i].kind == EXAM_EV_RESUME;
		restarts += s->ev[i].kind == EXAM_EV_RESTART;
	}
	if (s->nev == 0)
		flag(r, "no-record");
	if (limit > 0 && (s->elapsed_ms > limit + GRADE_GRACE_MS ||
	    wall > limit + GRADE_GRACE_MS))
		flag(r, "over-time");
	if (limit > 0 && grade_span_ms(s) > limit + GRADE_GRACE_MS)
		flag(r, "over-wall-clock");
	if (wall > s->elapsed_ms + GRADE_GRACE_MS)
		flag(r, "clock-differs");
	if (resumes > 0)
		flag(r, "resumed:%u", resumes);
	if (restarts > 0)
		flag(r, "restarted");
}

static bool
grade_file(struct grade_row *r, const char *path,
    const struct exam_grade_opts *o, FILE *err)
{
	char msg[1024];
	size_t len = 0, at;
	char *text;
	struct json *doc;

	memset(r, 0, sizeof(*r));
	r->file = xstrdup(path);
	if (!exam_attempt_read(&r->s, path, NULL, msg, sizeof(msg))) {
		fprintf(err, "%s: %s\n", diag_prog(), msg);
		return false;
	}
	r->sc = exam_session_score(&r->s);
	text = exam_read_file(path, &len);
	doc = text != NULL ? json_parse(text, len, &at) : NULL;
	if (!r->s.submitted)
		flag(r, "not-submitted");
	if (r->s.edited)
		flag(r, "edited");
	if (doc != NULL && grade_stored_differs(r, doc))
		flag(r, "stored-score-differs");
	grade_time_flags(r);
	if (o->seed_set && r->s.ex.p.seed != o->seed)
		flag(r, "seed-differs");
	if (o->minutes_set && r->s.ex.p.minutes != o->minutes)
		flag(r, "minutes-differs");
	json_free(doc);
	free(text);
	return true;
}

static int
grade_cmp(const void *a, const void *b)
{
	const struct grade_row *x = a, *y = b;
	int c = strcmp(x->s.ex.p.student, y->s.ex.p.student);

	if (c == 0 && x->s.ex.p.seed != y->s.ex.p.seed)
		c = x->s.ex.p.seed < y->s.ex.p.seed ? -1 : 1;
	return c != 0 ? c : strcmp(x->file, y->file);
}

static int
grade_strcmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every *.json of dir, in name order, appended to names. */
static bool
grade_list(const char *dir, char ***names, size_t *n, size_t *cap, FILE *err)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	size_t first = *n, l;

	if (d == NULL) {
		fprintf(err, "%s: %s: %s\n", diag_prog(), dir,
		    strerror(errno));
		return false;
	}
	while ((de = readdir(d)) != NULL)
		if ((l = strlen(de->d_name)) > 5 && de->d_name[0] != '.' &&
		    strcmp(de->d_name + l - 5, ".json") == 0) {
			xgrow(names, cap, *n + 1, sizeof(**names));
			(*names)[(*n)++] = quiz_strdupf("%s/%s", dir,
			    de->d_name);
		}
	closedir(d);
	if (*n > first)
		qsort(*names + first, *n - first, sizeof(**names),
		    grade_strcmp);
	return true;
}

/* A CSV field: quoted when needed, and never read as a formula by a
 * spreadsheet (a leading =, +, - or @ gets a quote mark). */
static void
csv_field(FILE *f, const char *s)
{
	bool quote = strpbrk(s, ",\"\r\n") != NULL;

	if (quote)
		fputc('"', f);
	if (strchr("=+-@", s[0]) != NULL && s[0] != '\0')
		fputc('\'', f);
	for (; *s != '\0'; s++) {
		if (*s == '"')
			fputc('"', f);
		fputc(*s, f);
	}
	if (quote)
		fputc('"', f);
}

static void
grade_csv(FILE *f, const struct grade_row *rows, size_t n)
{
	size_t maxq = 0;

	for (size_t i = 0; i < n; i++)
		if (rows[i].s.ex.n > maxq)
			maxq = rows[i].s.ex.n;
	fputs("student,seed,file,score,right,answered,total", f);
	for (size_t q = 0; q < maxq; q++)
		fprintf(f, ",q%zu", q + 1);
	fputs(",flags\n", f);
	for (size_t i = 0; i < n; i++) {
		const struct grade_row *r = &rows[i];
		const char *base = strrchr(r->file, '/');

		csv_field(f, r->s.ex.p.student);
		fprintf(f, ",%llu,", (unsigned long long)r->s.ex.p.seed);
		csv_field(f, base != NULL ? base + 1 : r->file);
		fprintf(f, ",%u,%u,%u,%u", r->sc.percent, r->sc.right,
		    r->sc.answered, r->sc.total);
		for (size_t q = 0; q < maxq; q++)
			fprintf(f, q < r->s.ex.n ? ",%d" : ",", q < r->s.ex.n ?
			    exam_answer_right(&r->s.ex.q[q], &r->s.ans[q]) : 0);
		fputc(',', f);
		csv_field(f, r->flags.p != NULL ? r->flags.p : "");
		fputc('\n', f);
	}
}

static struct grade_tally *
tally_find(struct grade_tally **t, size_t *n, size_t *cap, const char *id,
    enum quiz_kind kind)
{
	for (size_t i = 0; i < *n; i++)
		if (strcmp((*t)[i].id, id) == 0)
			return &(*t)[i];
	xgrow(t, cap, *n + 1, sizeof(**t));
	memset(&(*t)[*n], 0, sizeof(**t));
	snprintf((*t)[*n].id, sizeof((*t)[*n].id), "%s", id);
	(*t)[*n].kind = kind;
	return &(*t)[(*n)++];
}

/* Most missed first, then by id. */
static int
tally_cmp(const void *a, const void *b)
{
	const struct grade_tally *x = a, *y = b;
	unsigned mx = x->seen - x->right, my = y->seen - y->right;

	if (mx != my)
		return mx > my ? -1 : 1;
	return strcmp(x->id, y->id);
}

static void
grade_summary(FILE *f, const struct grade_row *rows, size_t n)
{
	struct grade_tally *t = NULL, kinds[QUIZ_NKINDS];
	size_t nt = 0, cap = 0;

	memset(kinds, 0, sizeof(kinds));
	for (size_t i = 0; i < n; i++)
		for (size_t q = 0; q < rows[i].s.ex.n; q++) {
			const struct quiz_question *qq = &rows[i].s.ex.q[q];
			struct grade_tally *x = tally_find(&t, &nt, &cap,
			    qq->id, qq->kind);
			bool right = exam_answer_right(qq, &rows[i].s.ans[q]);

			x->seen++;
			x->right += right;
			kinds[qq->kind].seen++;
			kinds[qq->kind].right += right;
		}
	if (nt > 0)
		qsort(t, nt, sizeof(*t), tally_cmp);
	fprintf(f, ngettext("Graded %zu attempt.\n", "Graded %zu attempts.\n",
	    n), n);
	fprintf(f, "%s\n", _("By kind of question (right / asked):"));
	for (unsigned k = 0; k < QUIZ_NKINDS; k++)
		if (kinds[k].seen > 0)
			fprintf(f, "  %-10s %u / %u\n",
			    quiz_kind_name((enum quiz_kind)k), kinds[k].right,
			    kinds[k].seen);
	fprintf(f, "%s\n", _("Questions most missed (right / asked):"));
	for (size_t i = 0; i < nt && i < 20; i++)
		if (t[i].seen > t[i].right)
			fprintf(f, "  %-28s %u / %u\n", t[i].id, t[i].right,
			    t[i].seen);
	free(t);
}

/* The wall-clock time of s's submission, or -1 if it has none. */
static int64_t
grade_submit_at(const struct exam_session *s)
{
	for (size_t i = 0; i < s->nev; i++)
		if (s->ev[i].kind == EXAM_EV_SUBMIT)
			return s->ev[i].at;
	return -1;
}

/* Did s do anything after the wall-clock time at?  A submitted sibling
 * shows its report and the key, so work done after it is suspect. */
static bool
grade_active_after(const struct exam_session *s, int64_t at)
{
	for (size_t i = 0; i < s->nev; i++)
		if (s->ev[i].at > at)
			return true;
	return false;
}

static bool
grade_twins(const struct grade_row *a, const struct grade_row *b)
{
	return a != b && a->s.ex.p.seed == b->s.ex.p.seed &&
	    strcmp(a->s.ex.p.student, b->s.ex.p.student) == 0;
}

/* Attempts sharing a student and a seed: the student started again; one
 * worked on after another was submitted may have used its key. */
static void
grade_group_flags(struct grade_row *rows, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		bool twin = false, after = false;

		for (size_t j = 0; j < n; j++) {
			int64_t sub;

			if (!grade_twins(&rows[i], &rows[j]))
				continue;
			twin = true;
			sub = grade_submit_at(&rows[j].s);
			after = after || (sub >= 0 &&
			    grade_active_after(&rows[i].s, sub));
		}
		if (twin)
			flag(&rows[i], "several-attempts");
		if (after)
			flag(&rows[i], "after-sibling-submitted");
	}
}

int
exam_grade(char *const *dirs, int ndirs, const struct exam_grade_opts *o,
    FILE *csv, FILE *summary, FILE *err)
{
	char **names = NULL;
	size_t n = 0, cap = 0, nrows = 0;
	struct grade_row *rows;
	int rc = 0;

	for (int i = 0; i < ndirs; i++)
		if (!grade_list(dirs[i], &names, &n, &cap, err))
			rc = 1;
	if (n == 0) {
		fprintf(err, _("%s: no attempt files (*.json) to grade\n"),
		    diag_prog());
		free(names);
		return 2;
	}
	rows = xcalloc(n, sizeof(*rows));
	for (size_t i = 0; i < n; i++) {
		if (grade_file(&rows[nrows], names[i], o, err))
			nrows++;
		else {
			free(rows[nrows].file);
			rc = 1;
		}
		free(names[i]);
	}
	free(names);
	if (nrows > 0)
		qsort(rows, nrows, sizeof(*rows), grade_cmp);
	grade_group_flags(rows, nrows);
	grade_csv(csv, rows, nrows);
	grade_summary(summary, rows, nrows);
	for (size_t i = 0; i < nrows; i++) {
		exam_session_free(&rows[i].s);
		free(rows[i].file);
		free(rows[i].flags.p);
	}
	free(rows);
	if (fflush(csv) != 0 || ferror(csv))
		rc = 1;
	return rc;
}
