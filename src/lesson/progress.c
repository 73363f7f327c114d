/*
 * Lesson progress on disk (see progress.h for the format).
 *
 * Data model: an array of struct lesson_mark sorted by name.  Loading is
 * strict: any line that is not exactly "NAME STEP open|done STEPS" (in a
 * version 1 file, "NAME STEP open|done") makes the whole file damaged,
 * because guessing at a half-written or hand-edited file could silently
 * lose a learner's place; the damaged file is kept, renamed aside.  Saving
 * always writes version 2.
 */
#include <config.h>

#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "lib/atomic.h"
#include "lib/env.h"
#include "lib/slurp.h"
#include "lib/i18n.h"
#include "lib/xalloc.h"
#include "lesson/progress.h"

#define PROGRESS_MAGIC "tcpteach-progress 2"
#define PROGRESS_MAGIC_V1 "tcpteach-progress 1"
#define PROGRESS_MAXSIZE (1 << 20)

char *
lesson_progress_path(void)
{
	return env_xdg_path(ENV_XDG_STATE, "progress");
}

void
lesson_progress_free(struct lesson_progress *p)
{
	free(p->path);
	free(p->v);
	memset(p, 0, sizeof(*p));
}

static bool
pr_name_ok(const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n >= LESSON_NAME_MAX)
		return false;
	for (; *s != '\0'; s++)
		if (!isalnum((unsigned char)*s) && strchr("-_.", *s) == NULL)
			return false;
	return true;
}

/* The marks are kept sorted by name, so a lookup is a binary search and
 * loading a large file stays O(n log n). */
static int
pr_cmp(const void *a, const void *b)
{
	return strcmp(((const struct lesson_mark *)a)->name,
	    ((const struct lesson_mark *)b)->name);
}

/* Where name is, or where it would be inserted. */
static size_t
pr_where(const struct lesson_progress *p, const char *name)
{
	size_t lo = 0, hi = p->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (strcmp(p->v[mid].name, name) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static size_t
pr_index(const struct lesson_progress *p, const char *name)
{
	size_t i = pr_where(p, name);

	return i < p->n && strcmp(p->v[i].name, name) == 0 ? i : p->n;
}

static struct lesson_mark *
pr_find(struct lesson_progress *p, const char *name)
{
	size_t i = pr_index(p, name);

	return i < p->n ? &p->v[i] : NULL;
}

/* The steps before the 1-based step (a version 1 file's marks). */
static uint64_t
pr_before(unsigned long step)
{
	return step - 1 >= LESSON_MARK_STEPS ? UINT64_MAX :
	    ((uint64_t)1 << (step - 1)) - 1;
}

/* One step number of a list, 1 to LESSON_MARK_STEPS, digits only. */
static bool
pr_num(const char **s, unsigned long *n)
{
	char *end;

	if (!isdigit((unsigned char)**s))
		return false;
	*n = strtoul(*s, &end, 10);
	*s = end;
	return *n >= 1 && *n <= LESSON_MARK_STEPS;
}

/* "-", or ascending ranges "1-3,5" that do not overlap. */
static bool
pr_steps(const char *s, uint64_t *steps)
{
	unsigned long a, b, last = 0;

	*steps = 0;
	if (strcmp(s, "-") == 0)
		return true;
	for (;;) {
		if (!pr_num(&s, &a))
			return false;
		b = a;
		if (*s == '-') {
			s++;
			if (!pr_num(&s, &b))
				return false;
		}
		if (a > b || a <= last)
			return false;
		for (unsigned long i = a; i <= b; i++)
			*steps |= (uint64_t)1 << (i - 1);
		last = b;
		if (*s == '\0')
			return true;
		if (*s++ != ',')
			return false;
	}
}

/* Write steps as pr_steps reads them. */
static size_t
pr_put_steps(char *buf, size_t size, uint64_t steps)
{
	size_t o = 0;

	if (steps == 0)
		return (size_t)snprintf(buf, size, "-");
	for (unsigned i = 0; i < LESSON_MARK_STEPS; i++) {
		unsigned j = i;

		if (!(steps >> i & 1))
			continue;
		while (j + 1 < LESSON_MARK_STEPS && (steps >> (j + 1) & 1))
			j++;
		o += (size_t)snprintf(buf + o, size - o, j > i ? "%s%u-%u" :
		    "%s%u", o > 0 ? "," : "", i + 1, j + 1);
		i = j;
	}
	return o;
}

/* One "NAME STEP open|done STEPS" line (v1: no STEPS); false if it is
 * anything else. */
static bool
pr_line(struct lesson_progress *p, char *line, bool v1)
{
	char name[LESSON_NAME_MAX + 1], st[8], list[256], extra[2];
	unsigned long step;
	uint64_t steps = 0;
	struct lesson_mark *m;
	int n = sscanf(line, "%64s %lu %7s %255s %1s", name, &step, st, list,
	    extra);

	if (n != (v1 ? 3 : 4) ||
	    !isdigit((unsigned char)line[strlen(name) + 1]))
		return false;
	if (!pr_name_ok(name) || step == 0 || step > 100000 ||
	    (strcmp(st, "open") != 0 && strcmp(st, "done") != 0))
		return false;
	if (v1)
		steps = pr_before(step);
	else if (!pr_steps(list, &steps))
		return false;
	xgrow(&p->v, &p->cap, p->n + 1, sizeof(*p->v));
	m = &p->v[p->n++];
	memcpy(m->name, name, strlen(name) + 1);	/* checked: it fits */
	m->step = (unsigned)step;
	m->done = strcmp(st, "done") == 0;
	m->steps = steps;
	return true;
}

static bool
pr_parse(struct lesson_progress *p, char *buf, size_t len)
{
	char *line = buf, *nl;
	bool first = true, v1 = false;

	if (memchr(buf, '\0', len) != NULL)
		return false;
	for (; *line != '\0'; line = nl + 1) {
		if ((nl = strchr(line, '\n')) == NULL)
			return false;	/* a cut-off last line */
		*nl = '\0';
		if (first && strcmp(line, PROGRESS_MAGIC_V1) == 0)
			v1 = true;
		else if (first && strcmp(line, PROGRESS_MAGIC) != 0)
			return false;
		if (!first && line[0] != '\0' && !pr_line(p, line, v1))
			return false;
		first = false;
	}
	/* Sort once, then a name given twice makes the file damaged. */
	qsort(p->v, p->n, sizeof(*p->v), pr_cmp);
	for (size_t i = 1; i < p->n; i++)
		if (strcmp(p->v[i - 1].name, p->v[i].name) == 0)
			return false;
	return !first;
}

/* Rename the damaged file aside, never over an earlier one. */
static void
pr_aside(const char *path, char *msg, size_t msgsize)
{
	char stamp[32], *bad = xmalloc(strlen(path) + 48);
	time_t now = time(NULL);
	struct tm tm;
	int k = 0;

	strftime(stamp, sizeof(stamp), "%Y%m%dT%H%M%S",
	    gmtime_r(&now, &tm));
	do {
		sprintf(bad, k ? "%s.bad-%s-%d" : "%s.bad-%s", path, stamp, k);
		k++;
	} while (access(bad, F_OK) == 0 && k < 1000);
	if (rename(path, bad) == 0)
		snprintf(msg, msgsize, _("Your lesson progress file was "
		    "damaged; it was kept as %s and progress starts afresh."),
		    bad);
	else
		snprintf(msg, msgsize, _("Your lesson progress file %s is "
		    "damaged and could not be renamed aside (%s); progress "
		    "will not be saved."), path, strerror(errno));
	free(bad);
}

static char *
pr_read(FILE *f, size_t *len)
{
	char *buf = xmalloc(PROGRESS_MAXSIZE + 1);

	*len = fread(buf, 1, PROGRESS_MAXSIZE + 1, f);
	buf[*len < PROGRESS_MAXSIZE ? *len : PROGRESS_MAXSIZE] = '\0';
	return buf;
}

enum lesson_progress_status
lesson_progress_load(struct lesson_progress *p, const char *path, char *msg,
    size_t msgsize)
{
	FILE *f;
	char *buf, why[128];
	size_t len;
	bool ok;

	memset(p, 0, sizeof(*p));
	msg[0] = '\0';
	p->path = path != NULL ? xstrdup(path) : lesson_progress_path();
	if (p->path == NULL)
		return LESSON_PROGRESS_OK;
	if ((f = slurp_open(p->path, why, sizeof(why))) == NULL) {
		if (errno == ENOENT)
			return LESSON_PROGRESS_OK;
		snprintf(msg, msgsize, _("Cannot read %s: %s"), p->path, why);
		free(p->path);
		p->path = NULL;	/* do not overwrite what we cannot read */
		return LESSON_PROGRESS_ERROR;
	}
	buf = pr_read(f, &len);
	fclose(f);
	ok = len <= PROGRESS_MAXSIZE && pr_parse(p, buf, len);
	free(buf);
	if (ok)
		return LESSON_PROGRESS_OK;
	p->n = 0;
	pr_aside(p->path, msg, msgsize);
	return LESSON_PROGRESS_DAMAGED;
}

const struct lesson_mark *
lesson_progress_get(const struct lesson_progress *p, const char *name)
{
	size_t i = pr_index(p, name);

	return i < p->n ? &p->v[i] : NULL;
}

enum lesson_progress_status
lesson_progress_save(const struct lesson_progress *p, char *msg,
    size_t msgsize)
{
	size_t cap = 32 + p->n * (LESSON_NAME_MAX + 24 + 4 *
	    LESSON_MARK_STEPS), len;
	char *buf = xmalloc(cap), *dir;
	int rc;

	if (p->path == NULL) {
		free(buf);
		return LESSON_PROGRESS_OK;
	}
	len = (size_t)snprintf(buf, cap, "%s\n", PROGRESS_MAGIC);
	for (size_t i = 0; i < p->n; i++) {
		len += (size_t)snprintf(buf + len, cap - len, "%s %u %s ",
		    p->v[i].name, p->v[i].step, p->v[i].done ? "done" : "open");
		len += pr_put_steps(buf + len, cap - len, p->v[i].steps);
		buf[len++] = '\n';
	}
	dir = xstrdup(p->path);
	rc = 0;
	if (strrchr(dir, '/') != NULL && strrchr(dir, '/') != dir) {
		*strrchr(dir, '/') = '\0';
		rc = mkdir_parents(dir);
	}
	if (rc == 0)
		rc = atomic_write_file(p->path, buf, len);
	if (rc != 0)
		snprintf(msg, msgsize, _("Cannot save %s: %s"), p->path,
		    strerror(errno));
	free(dir);
	free(buf);
	return rc == 0 ? LESSON_PROGRESS_OK : LESSON_PROGRESS_ERROR;
}

bool
lesson_mark_step_done(const struct lesson_mark *m, size_t i)
{
	if (m == NULL)
		return false;
	if (m->done)
		return true;
	return i < LESSON_MARK_STEPS ? (m->steps >> i & 1) != 0 :
	    i + 1 < m->step;
}

enum lesson_progress_status
lesson_progress_keep(struct lesson_progress *p, const char *name,
    unsigned step, bool done, uint64_t steps, char *msg, size_t msgsize)
{
	struct lesson_mark *m;

	msg[0] = '\0';
	if (!pr_name_ok(name) || step == 0)
		return LESSON_PROGRESS_ERROR;
	if ((m = pr_find(p, name)) == NULL) {
		size_t at = pr_where(p, name);

		xgrow(&p->v, &p->cap, p->n + 1, sizeof(*p->v));
		memmove(&p->v[at + 1], &p->v[at], (p->n - at) * sizeof(*p->v));
		p->n++;
		m = &p->v[at];
		snprintf(m->name, sizeof(m->name), "%s", name);
		m->done = false;
	}
	m->step = step;
	m->done = m->done || done;
	m->steps = steps;
	return lesson_progress_save(p, msg, msgsize);
}

enum lesson_progress_status
lesson_progress_set(struct lesson_progress *p, const char *name,
    unsigned step, bool done, char *msg, size_t msgsize)
{
	return lesson_progress_keep(p, name, step, done, step > 0 ?
	    pr_before(step) : 0, msg, msgsize);
}
