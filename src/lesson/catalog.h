/*
 * The shipped course: finding lesson files, listing them in the learner's
 * language, and the `tcpteach lessons` command line.
 *
 * Data model: lessons live in DATADIR/lessons/LANG/NN-name.lesson, where
 * DATADIR is $TCPTEACH_DATADIR (the tests point it at the source tree) or
 * the installed pkgdatadir, and LANG is "en" or "zh_CN".  English is the
 * master list; a lesson missing in another language falls back to English.
 * A catalog entry holds what the lesson browser shows (number, title,
 * summary) and the path to load; the lesson itself is parsed on demand.
 */
#ifndef TCPTEACH_LESSON_CATALOG_H
#define TCPTEACH_LESSON_CATALOG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "lesson/lesson.h"

struct lesson_info {
	unsigned num;
	char *name;			/* "02-handshake" */
	char *path;
	char *title, *summary;		/* NULL if the file does not parse */
	struct lesson_err err;		/* why, when title is NULL */
};

struct lesson_catalog {
	struct lesson_info *v;
	size_t n;
};

/* "zh_CN" when the interface speaks Chinese (LANGUAGE, LC_ALL,
 * LC_MESSAGES, LANG), else "en". */
const char *lesson_lang(void);
/* DATADIR/lessons. */
const char *lesson_dir(void);
/* Load the list for lang (NULL: lesson_lang()).  False only when the
 * directory cannot be read (msg says why); unparsable files are listed
 * with their error. */
bool lesson_catalog_load(struct lesson_catalog *cat, const char *lang,
    char *msg, size_t msgsize);
void lesson_catalog_free(struct lesson_catalog *cat);
/* By number ("3", "03") or name ("03-why-three"); NULL if none. */
const struct lesson_info *lesson_catalog_find(const struct lesson_catalog *cat,
    const char *which);

/* `tcpteach lessons --list` and `tcpteach lessons --check [FILE]...`
 * (no file: every shipped lesson in every language); main.c parses the
 * command line.  Return the exit status. */
int lesson_cli_list(FILE *out, FILE *err);
int lesson_cli_check(char **files, int nfiles, FILE *out, FILE *err);

#endif
