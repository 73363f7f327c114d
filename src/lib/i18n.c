/*
 * Locale set-up.  --lang works by setting LANGUAGE, which GNU gettext
 * consults first, and needs only *some* UTF-8 locale for LC_CTYPE: C.UTF-8
 * exists everywhere, zh_CN.UTF-8 often does not.
 */
#include <config.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/env.h"
#include "lib/i18n.h"

/*
 * The language the environment asks for, as gettext would read it
 * (LC_ALL, then LC_MESSAGES, then LANG), without codeset: "zh_CN".
 */
static void
i18n_env_language(char *buf, size_t size)
{
	static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };

	buf[0] = '\0';
	for (size_t i = 0; i < sizeof(vars) / sizeof(vars[0]); i++) {
		const char *v = getenv(vars[i]);

		if (v == NULL || *v == '\0')
			continue;
		snprintf(buf, size, "%.*s", (int)strcspn(v, ".@"), v);
		return;
	}
}

void
i18n_init(const char *lang)
{
	char want[32];

	if (lang != NULL)
		setenv("LANGUAGE", lang, 1);
	/* A learner with LANG=zh_CN.UTF-8 on a machine where that locale is
	 * not generated would get English, since setlocale() fails and the
	 * fallback below is C.UTF-8.  Carry the wish over in LANGUAGE. */
	i18n_env_language(want, sizeof(want));
	if (lang == NULL && want[0] != '\0' && strcmp(want, "C") != 0 &&
	    strcmp(want, "POSIX") != 0 && getenv("LANGUAGE") == NULL &&
	    setlocale(LC_MESSAGES, "") == NULL)
		setenv("LANGUAGE", want, 1);
	if (setlocale(LC_ALL, "") == NULL)
		setlocale(LC_ALL, "C.UTF-8");
	/* A "C" locale would make gettext ignore LANGUAGE; prefer UTF-8. */
	const char *ct = setlocale(LC_CTYPE, NULL);
	if (ct == NULL || strcmp(ct, "C") == 0 || strcmp(ct, "POSIX") == 0) {
		if (setlocale(LC_ALL, "C.UTF-8") == NULL)
			setlocale(LC_ALL, "C");
	}
#ifdef ENABLE_NLS
	bindtextdomain(PACKAGE, env_localedir());
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
#endif
}
