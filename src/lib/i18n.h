/*
 * gettext glue.  Every user-facing string is _("...") at the point of use or
 * N_("...") where it is stored in a table and translated when shown.
 */
#ifndef TCPTEACH_LIB_I18N_H
#define TCPTEACH_LIB_I18N_H

#ifdef ENABLE_NLS
#include <libintl.h>
#define _(s) gettext(s)
#else
#define _(s) (s)
#define ngettext(s, p, n) ((n) == 1 ? (s) : (p))
#endif
#ifndef N_
#define N_(s) (s)
#endif

/* Set up the locale and catalogues; lang overrides (e.g. "zh_CN") or NULL. */
void i18n_init(const char *lang);

#endif
