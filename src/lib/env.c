/*
 * Data, locale and XDG directories, and the spoken language (see env.h).
 *
 * The build tree is recognised by comparing the running executable's
 * directory with the build directory configure recorded: a program (or a
 * test program) under it reads the source tree's lessons and the locale
 * tree the build makes in BUILDDIR/locale.  A copied in-tree build is
 * recognised by the lessons beside it.  An installed program looks only
 * at the installed paths.
 */
#include <config.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
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

/* Where the build tree's data and catalogue are, if the running program
 * is a build-tree program: inside the tree configure recorded (a VPATH
 * build reads the source tree it names), or a copied or moved in-tree
 * build, recognised by lessons/en beside the executable. */
struct env_tree {
	int known;
	char src[PATH_MAX], locale[PATH_MAX + 8];
};

static const struct env_tree *
env_build_tree(void)
{
	static struct env_tree t = { -1, "", "" };
	char exe[PATH_MAX], probe[PATH_MAX + 16], *build, *slash;
	ssize_t n;
	size_t len;
	struct stat st;

	if (t.known >= 0)
		return t.known ? &t : NULL;
	t.known = 0;
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n <= 0)
		return NULL;
	exe[n] = '\0';
	build = TCPTEACH_BUILDDIR[0] ? realpath(TCPTEACH_BUILDDIR, NULL) : NULL;
	len = build != NULL ? strlen(build) : 0;
	if (build != NULL && strncmp(exe, build, len) == 0 && exe[len] == '/') {
		snprintf(t.src, sizeof(t.src), "%s", TCPTEACH_SRCDIR);
		snprintf(t.locale, sizeof(t.locale), "%s/locale", build);
		t.known = 1;
	} else if ((slash = strrchr(exe, '/')) != NULL) {
		*slash = '\0';
		snprintf(probe, sizeof(probe), "%s/lessons/en", exe);
		if (stat(probe, &st) == 0 && S_ISDIR(st.st_mode)) {
			snprintf(t.src, sizeof(t.src), "%s", exe);
			snprintf(t.locale, sizeof(t.locale), "%s/locale", exe);
			t.known = 1;
		}
	}
	free(build);
	return t.known ? &t : NULL;
}

static const char *
env_pick(const char *var, const char *built, const char *installed)
{
	const char *v = getenv(var);

	if (v != NULL && *v != '\0')
		return v;
	return built != NULL ? built : installed;
}

const char *
env_datadir(void)
{
	const struct env_tree *t = env_build_tree();

	return env_pick("TCPTEACH_DATADIR", t ? t->src : NULL, PKGDATADIR);
}

const char *
env_localedir(void)
{
	const struct env_tree *t = env_build_tree();

	return env_pick("TCPTEACH_LOCALEDIR", t ? t->locale : NULL,
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
