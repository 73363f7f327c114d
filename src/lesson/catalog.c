/*
 * Finding the course on disk and `tcpteach lessons` (see catalog.h).
 *
 * Data model: the catalog is built from the English directory's file
 * names, sorted; each entry then takes the learner's language's file if
 * there is one.  --check reports in the compiler's format so editors can
 * jump to the line: FILE:LINE:COLUMN: for parse errors (exit 2) and
 * FILE:LINE: for lessons that parse but do not work (exit 1).
 */
#include <config.h>

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/diag.h"
#include "lib/env.h"
#include "lib/i18n.h"
#include "lib/xalloc.h"
#include "lesson/catalog.h"
#include "lesson/run.h"

#include "lib/exitcode.h"	/* the one set of exit statuses */

const char *
lesson_lang(void)
{
	return env_lang();
}

const char *
lesson_dir(void)
{
	static char dir[4096];

	snprintf(dir, sizeof(dir), "%s/lessons", env_datadir());
	return dir;
}

static int
lc_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The sorted NN-name.lesson file names of dir/en. */
static char **
lc_names(size_t *n, char *msg, size_t msgsize)
{
	char path[4200];
	char **v = NULL;
	size_t cap = 0;
	DIR *d;
	struct dirent *de;

	*n = 0;
	snprintf(path, sizeof(path), "%s/en", lesson_dir());
	if ((d = opendir(path)) == NULL) {
		snprintf(msg, msgsize, _("Cannot read the lessons in %s"),
		    path);
		return NULL;
	}
	while ((de = readdir(d)) != NULL) {
		size_t len = strlen(de->d_name);

		if (len < 8 || strcmp(de->d_name + len - 7, ".lesson") != 0 ||
		    de->d_name[0] < '0' || de->d_name[0] > '9')
			continue;
		xgrow(&v, &cap, *n + 1, sizeof(*v));
		v[(*n)++] = xstrndup(de->d_name, len - 7);
	}
	closedir(d);
	if (*n > 0)
		qsort(v, *n, sizeof(*v), lc_cmp);
	return v;
}

static void
lc_fill(struct lesson_info *li, const char *lang, char *name)
{
	struct lesson l;
	size_t n = strlen(lesson_dir()) + strlen(name) + 32;

	li->name = name;
	li->num = (unsigned)strtoul(name, NULL, 10);
	li->path = xmalloc(n);
	snprintf(li->path, n, "%s/%s/%s.lesson", lesson_dir(), lang, name);
	if (access(li->path, R_OK) != 0)
		snprintf(li->path, n, "%s/en/%s.lesson", lesson_dir(), name);
	if (!lesson_load(li->path, &l, &li->err))
		return;
	li->title = xstrdup(l.title.s);
	li->summary = xstrdup(l.summary.s);
	lesson_free(&l);
}

bool
lesson_catalog_load(struct lesson_catalog *cat, const char *lang, char *msg,
    size_t msgsize)
{
	char **names;

	memset(cat, 0, sizeof(*cat));
	msg[0] = '\0';
	if ((names = lc_names(&cat->n, msg, msgsize)) == NULL &&
	    msg[0] != '\0')
		return false;
	cat->v = xcalloc(cat->n ? cat->n : 1, sizeof(*cat->v));
	for (size_t i = 0; i < cat->n; i++)
		lc_fill(&cat->v[i], lang != NULL ? lang : lesson_lang(),
		    names[i]);
	free(names);
	return true;
}

void
lesson_catalog_free(struct lesson_catalog *cat)
{
	for (size_t i = 0; i < cat->n; i++) {
		free(cat->v[i].name);
		free(cat->v[i].path);
		free(cat->v[i].title);
		free(cat->v[i].summary);
	}
	free(cat->v);
	memset(cat, 0, sizeof(*cat));
}

const struct lesson_info *
lesson_catalog_find(const struct lesson_catalog *cat, const char *which)
{
	char *end;
	unsigned long num = strtoul(which, &end, 10);

	for (size_t i = 0; i < cat->n; i++) {
		if (strcmp(cat->v[i].name, which) == 0)
			return &cat->v[i];
		if (end != which && *end == '\0' && cat->v[i].num == num)
			return &cat->v[i];
	}
	return NULL;
}

/* ----------------------------------------------------------- the CLI */

struct lc_report {
	FILE *err;
	const char *file;
};

static void
lc_report(void *ctx, unsigned line, const char *msg)
{
	struct lc_report *r = ctx;

	fprintf(r->err, "%s:%u: %s\n", r->file, line, msg);
}

/* One file: 0, 1 (does not work) or 2 (does not parse). */
static int
lc_check_file(const char *path, FILE *err)
{
	struct lesson l;
	struct lesson_err e;
	struct lc_report r = { err, path };
	unsigned bad;

	if (!lesson_load(path, &l, &e)) {
		diag_print(err, e.file, e.line, e.column, e.msg);
		return TT_EXIT_USAGE;
	}
	bad = lesson_validate(&l, lc_report, &r);
	lesson_free(&l);
	return bad > 0 ? TT_EXIT_FAIL : TT_EXIT_OK;
}

static int
lc_worse(int a, int b)
{
	return a > b ? a : b;
}

/* Every shipped lesson in every language. */
static int
lc_check_all(FILE *out, FILE *err)
{
	static const char *const langs[] = { "en", "zh_CN" };
	char msg[512], **names;
	size_t n;
	int rc = TT_EXIT_OK;
	unsigned count = 0;

	if ((names = lc_names(&n, msg, sizeof(msg))) == NULL) {
		fprintf(err, "%s\n", msg[0] ? msg : _("No lessons found"));
		return TT_EXIT_USAGE;
	}
	for (size_t i = 0; i < n; i++) {
		for (size_t k = 0; k < 2; k++) {
			char path[4400];

			snprintf(path, sizeof(path), "%s/%s/%s.lesson",
			    lesson_dir(), langs[k], names[i]);
			rc = lc_worse(rc, lc_check_file(path, err));
			count++;
		}
		free(names[i]);
	}
	free(names);
	fprintf(out, _("%u lesson files checked\n"), count);
	return rc;
}

int
lesson_cli_list(FILE *out, FILE *err)
{
	struct lesson_catalog cat;
	char msg[512];
	int rc = TT_EXIT_OK;

	if (!lesson_catalog_load(&cat, NULL, msg, sizeof(msg))) {
		fprintf(err, "%s\n", msg);
		return TT_EXIT_USAGE;
	}
	for (size_t i = 0; i < cat.n; i++) {
		const struct lesson_info *li = &cat.v[i];

		if (li->title == NULL) {
			diag_print(err, li->err.file, li->err.line,
			    li->err.column, li->err.msg);
			rc = TT_EXIT_USAGE;
			continue;
		}
		fprintf(out, "%02u\t%s\t%s\n", li->num, li->title, li->summary);
	}
	lesson_catalog_free(&cat);
	return rc;
}

int
lesson_cli_check(char **files, int nfiles, FILE *out, FILE *err)
{
	int rc = TT_EXIT_OK;

	if (nfiles == 0)
		return lc_check_all(out, err);
	for (int i = 0; i < nfiles; i++)
		rc = lc_worse(rc, lc_check_file(files[i], err));
	return rc;
}
