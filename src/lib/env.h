/*
 * Where tcpteach finds its data and keeps the learner's files, and which
 * language it speaks: one answer for every module.
 *
 * Data model: three directories decided once per process.  The data
 * directory (holding lessons/) and the locale directory come from, in
 * order: the TCPTEACH_DATADIR / TCPTEACH_LOCALEDIR overrides (tests); the
 * build tree, when the running program lives in the tree it was built in
 * (so `./bootstrap && ./tcpteach` finds its lessons and translations with
 * no environment variable); else the installed paths.  The language is
 * whatever gettext actually speaks after i18n_init(), read from the
 * catalogue's own header, so lessons and interface can never disagree.
 */
#ifndef TCPTEACH_LIB_ENV_H
#define TCPTEACH_LIB_ENV_H

/* Directory holding lessons/ (no trailing slash). */
const char *env_datadir(void);
/* Directory holding LANG/LC_MESSAGES/tcpteach.mo. */
const char *env_localedir(void);
/* "zh_CN" when the interface speaks Chinese, else "en". */
const char *env_lang(void);

enum env_xdg { ENV_XDG_STATE, ENV_XDG_DATA };
/* $XDG_STATE_HOME/tcpteach/TAIL or ~/.local/state/tcpteach/TAIL (likewise
 * XDG_DATA_HOME, ~/.local/share); a relative XDG value is ignored, as the
 * XDG spec says.  NULL when neither is usable.  The caller frees. */
char *env_xdg_path(enum env_xdg which, const char *tail);

#endif
