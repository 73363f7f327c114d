/*
 * Finding and reading bank files: the data directory, the language, and
 * every *.quiz file of a language in name order (so an exam drawn from
 * the bank depends only on its seed and the files, not on readdir).
 */
#include <config.h>

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/i18n.h"
#include "lib/env.h"
#include "lib/xalloc.h"
#include "quiz/bank.h"
#include "quiz/quiz_internal.h"

#define BANK_FILE_MAX (4 * 1024 * 1024)

const char *
quiz_lang(const char *want)
{
	if (want == NULL)
		return env_lang();
	return strncmp(want, "zh", 2) == 0 ? "zh_CN" : "en";
}

char *
quiz_bank_dir(const char *lang)
{
	return quiz_strdupf("%s/lessons/%s/bank", env_datadir(), lang);
}

static char *
bank_read(const char *path, size_t *len, struct script_err *err)
{
	FILE *f = fopen(path, "rb");
	struct sbuf b = { 0 };
	char chunk[8192];
	size_t n;

	memset(err, 0, sizeof(*err));
	snprintf(err->file, sizeof(err->file), "%s", path);
	if (f == NULL) {
		snprintf(err->msg, sizeof(err->msg), "%s", strerror(errno));
		return NULL;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0 &&
	    b.len < BANK_FILE_MAX)
		sbuf_addn(&b, chunk, n);
	if (ferror(f) || b.len >= BANK_FILE_MAX)
		snprintf(err->msg, sizeof(err->msg), "%s", ferror(f) ?
		    strerror(errno) : _("file too large"));
	fclose(f);
	if (err->msg[0] != '\0') {
		free(b.p);
		return NULL;
	}
	*len = b.len;
	return sbuf_take(&b);
}

bool
quiz_bank_load(struct quiz_bank *b, const char *path, struct script_err *err)
{
	size_t len = 0;
	char *buf = bank_read(path, &len, err);
	bool ok;

	if (buf == NULL)
		return false;
	ok = quiz_bank_parse(b, path, buf, len, err);
	free(buf);
	return ok;
}

static int
bank_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

bool
quiz_bank_load_lang(struct quiz_bank *b, const char *lang,
    struct script_err *err)
{
	char *dir = quiz_bank_dir(lang), **names = NULL;
	size_t n = 0, cap = 0, l;
	struct dirent *de;
	DIR *d = opendir(dir);
	bool ok = true;

	memset(err, 0, sizeof(*err));
	if (d == NULL) {
		snprintf(err->file, sizeof(err->file), "%s", dir);
		snprintf(err->msg, sizeof(err->msg), "%s", strerror(errno));
		free(dir);
		return false;
	}
	while ((de = readdir(d)) != NULL)
		if ((l = strlen(de->d_name)) > 5 && de->d_name[0] != '.' &&
		    strcmp(de->d_name + l - 5, ".quiz") == 0) {
			xgrow(&names, &cap, n + 1, sizeof(*names));
			names[n++] = quiz_strdupf("%s/%s", dir, de->d_name);
		}
	closedir(d);
	if (n > 0)
		qsort(names, n, sizeof(*names), bank_cmp);
	for (size_t i = 0; i < n; i++) {
		if (ok)
			ok = quiz_bank_load(b, names[i], err);
		free(names[i]);
	}
	free(names);
	free(dir);
	return ok;
}
