/*
 * Locale set-up.  --lang works by setting LANGUAGE, which GNU gettext
 * consults first, and needs only *some* UTF-8 locale for LC_CTYPE: C.UTF-8
 * exists everywhere, zh_CN.UTF-8 often does not.
 */
#include <config.h>

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "lib/i18n.h"

static const char *
i18n_localedir(void)
{
	const char *d = getenv("TCPTEACH_LOCALEDIR");

	return d && *d ? d : LOCALEDIR;
}

void
i18n_init(const char *lang)
{
	if (lang != NULL)
		setenv("LANGUAGE", lang, 1);
	if (setlocale(LC_ALL, "") == NULL)
		setlocale(LC_ALL, "C.UTF-8");
	/* A "C" locale would make gettext ignore LANGUAGE; prefer UTF-8. */
	const char *ct = setlocale(LC_CTYPE, NULL);
	if (ct == NULL || strcmp(ct, "C") == 0 || strcmp(ct, "POSIX") == 0) {
		if (setlocale(LC_ALL, "C.UTF-8") == NULL)
			setlocale(LC_ALL, "C");
	}
#ifdef ENABLE_NLS
	bindtextdomain(PACKAGE, i18n_localedir());
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
#else
	(void)i18n_localedir;
#endif
}
