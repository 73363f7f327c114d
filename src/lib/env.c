/*
 * Data, locale and XDG directories, and the spoken language (see env.h).
 *
 * The build tree is recognised by comparing the running executable's
 * directory with the build directory configure recorded: a program (or a
 * test program) under it reads the source tree's lessons and the locale
 * tree the build makes in BUILDDIR/locale.  An installed or moved program
 * never looks there.
 */
#include <config.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/env.h"
#include "lib/i18n.h"
#include "lib/xalloc.h"

#ifndef TCPTEACH_BUILDDIR
#define TCPTEACH_BUILDDIR ""
#endif
#ifndef TCPTEACH_SRCDIR
#define TCPTEACH_SRCDIR ""
#endif

/* Is the running program inside the tree it was built in? */
static int
env_in_build_tree(void)
{
	static int known = -1;
	char exe[PATH_MAX], *build;
	ssize_t n;
	size_t len;

	if (known >= 0)
		return known;
	known = 0;
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n <= 0 || TCPTEACH_BUILDDIR[0] == '\0')
		return known;
	exe[n] = '\0';
	build = realpath(TCPTEACH_BUILDDIR, NULL);
	if (build == NULL)
		return known;
	len = strlen(build);
	known = strncmp(exe, build, len) == 0 && exe[len] == '/';
	free(build);
	return known;
}

static const char *
env_pick(const char *var, const char *built, const char *installed)
{
	const char *v = getenv(var);

	if (v != NULL && *v != '\0')
		return v;
	return env_in_build_tree() ? built : installed;
}

const char *
env_datadir(void)
{
	return env_pick("TCPTEACH_DATADIR", TCPTEACH_SRCDIR, PKGDATADIR);
}

const char *
env_localedir(void)
{
	return env_pick("TCPTEACH_LOCALEDIR", TCPTEACH_BUILDDIR "/locale",
	    LOCALEDIR);
}

/* The catalogue in use names its language in its header ("Language:
 * zh_CN"); with no catalogue gettext returns "" and we speak English. */
const char *
env_lang(void)
{
#ifdef ENABLE_NLS
	const char *h = gettext(""), *l = strstr(h, "\nLanguage: ");

	if (l == NULL && strncmp(h, "Language: ", 10) == 0)
		l = h - 1;
	if (l != NULL && strncmp(l + 11, "zh", 2) == 0)
		return "zh_CN";
#endif
	return "en";
}

char *
env_xdg_path(enum env_xdg which, const char *tail)
{
	const char *var = which == ENV_XDG_STATE ? "XDG_STATE_HOME" :
	    "XDG_DATA_HOME";
	const char *dflt = which == ENV_XDG_STATE ? ".local/state" :
	    ".local/share";
	const char *x = getenv(var), *home = getenv("HOME");
	char *p;

	if (x != NULL && x[0] == '/') {
		p = xmalloc(strlen(x) + strlen(tail) + 12);
		sprintf(p, "%s/tcpteach/%s", x, tail);
		return p;
	}
	if (home == NULL || home[0] != '/')
		return NULL;
	p = xmalloc(strlen(home) + strlen(dflt) + strlen(tail) + 13);
	sprintf(p, "%s/%s/tcpteach/%s", home, dflt, tail);
	return p;
}
