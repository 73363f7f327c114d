/*
 * A temporary directory per test and small files in it, for suites that
 * run the command-line layers on real files (check_script, check_lab).
 * Header-only: each suite includes it once.
 */
#ifndef TCPTEACH_CHECK_FILES_UTIL_H
#define TCPTEACH_CHECK_FILES_UTIL_H

#include <check.h>
#include <stdio.h>
#include <stdlib.h>

static char tmpdir[256];

static void
files_setup(const char *what)
{
	snprintf(tmpdir, sizeof(tmpdir), "%s/tcpteach-%s-XXXXXX",
	    getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp", what);
	ck_assert_ptr_nonnull(mkdtemp(tmpdir));
}

static void
teardown(void)
{
	char cmd[512];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
	ck_assert_int_eq(system(cmd), 0);
}

/* Write a file in tmpdir; returns its path (static storage, 4 slots). */
static const char *
put(const char *name, const char *text)
{
	static char paths[4][512];
	static unsigned next;
	char *p = paths[next++ % 4];
	FILE *f;

	snprintf(p, 512, "%s/%s", tmpdir, name);
	f = fopen(p, "w");
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
	return p;
}

#endif
