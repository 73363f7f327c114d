/*
 * The screen stack, key dispatch, the prompt's keys (the line editor
 * itself is lib/lineedit.c), yes/no questions, messages, the commands
 * of a text that scrolls and the help screen: written once for every
 * full-screen mode, with no curses (see screen.h for the data model).
 *
 * A key goes to the prompt while one is open, to the question while one
 * is asked, else to the top screen: its key table names a command, whose
 * handler runs if it applies now; otherwise the screen's fallback gets
 * the key, and if that does nothing either the learner is told so.  A
 * message stays until the next key, so every refusal is seen once.
 */
#include <config.h>

#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/i18n.h"
#include "lib/sbuf.h"
#include "lib/xalloc.h"
#include "ui/screen.h"

void
app_init(struct app *a)
{
	memset(a, 0, sizeof(*a));
}

void
app_free(struct app *a)
{
	while (a->depth > 0)
		app_pop(a);
	lineedit_free(&a->ed);
}

struct screen *
app_top(const struct app *a)
{
	return a->depth > 0 ? a->stack[a->depth - 1] : NULL;
}

void
app_push(struct app *a, struct screen *sc)
{
	assert(a->depth < APP_DEPTH);
	sc->app = a;
	a->stack[a->depth++] = sc;
	if (a->attach != NULL)
		a->attach(sc);
}

void
app_pop(struct app *a)
{
	struct screen *sc;

	assert(a->depth > 0);
	sc = a->stack[--a->depth];
	if (a->pscreen == sc)
		a->plabel = NULL;
	if (a->askscreen == sc)
		a->ask = APP_ASK_NONE;
	/* Off the stack a screen has no app (leave may free the screen). */
	sc->app = NULL;
	if (sc->detach != NULL)
		sc->detach(sc);
	if (sc->def->leave != NULL)
		sc->def->leave(sc);
}

void
screen_message(struct screen *sc, bool err, const char *fmt, ...)
{
	struct app *a = sc->app;
	va_list ap;

	/* Off screen (after the loop, as the exam saves a last time) there
	 * is no message line; the caller reports on stderr instead. */
	if (a == NULL)
		return;
	va_start(ap, fmt);
	vsnprintf(a->msg, sizeof(a->msg), fmt, ap);
	va_end(ap);
	a->msg_err = err;
}

void
screen_prompt(struct screen *sc, const char *label, const char *text,
    int (*done)(struct screen *sc, const char *text))
{
	struct app *a = sc->app;

	a->plabel = label;
	lineedit_start(&a->ed, label, text);
	a->pscreen = sc;
	a->pdone = done;
	a->pcomplete = NULL;
}

void
screen_prompt_complete(struct screen *sc, size_t (*fn)(const char *line,
    char *out, size_t size, char *list, size_t lsize))
{
	sc->app->pcomplete = fn;
}

/* Tab at a prompt that completes: extend the line, list the choices. */
static int
app_complete(struct app *a)
{
	char buf[LINEEDIT_BYTES], out[LINEEDIT_BYTES];

	lineedit_text(&a->ed, buf, sizeof(buf));
	if (a->pcomplete(buf, out, sizeof(out), a->msg, sizeof(a->msg)) >
	    1)
		a->msg_err = false;
	else
		a->msg[0] = '\0';
	lineedit_set(&a->ed, out);
	return UI_R_ALL;
}

void
screen_ask(struct screen *sc, enum app_ask kind, const char *text,
    int (*done)(struct screen *sc, bool yes))
{
	struct app *a = sc->app;

	a->ask = kind;
	snprintf(a->asktext, sizeof(a->asktext), "%s", text);
	a->askscreen = sc;
	a->askdone = done;
}

static const struct screen_cmd *
screen_cmd_find(const struct screen_def *d, const char *name)
{
	for (size_t i = 0; i < d->ncmds; i++)
		if (strcmp(d->cmds[i].name, name) == 0)
			return &d->cmds[i];
	return NULL;
}

const char *
screen_key_shown(const struct screen_def *d, const char *cmd)
{
	for (size_t i = 0; i < d->nkeys; i++)
		if (d->keys[i].shown != NULL &&
		    strcmp(d->keys[i].cmd, cmd) == 0)
			return d->keys[i].shown;
	return NULL;
}

int
screen_run(struct screen *sc, const char *name, int arg)
{
	const struct screen_cmd *c = screen_cmd_find(sc->def, name);

	if (c == NULL)
		return UI_UNBOUND;
	return c->fn(sc, c, arg);
}

static bool
screen_key_in(const struct screen_key *k, int key)
{
	return key == k->key || (k->last != 0 && key >= k->key &&
	    key <= k->last);
}

const struct screen_key *
screen_binding(const struct screen *sc, int key, const struct screen_cmd **cmd)
{
	const struct screen_def *d = sc->def;

	for (size_t i = 0; i < d->nkeys; i++) {
		const struct screen_cmd *c;

		if (!screen_key_in(&d->keys[i], key))
			continue;
		c = screen_cmd_find(d, d->keys[i].cmd);
		assert(c != NULL);
		if (c->applies != NULL && !c->applies(sc))
			continue;
		*cmd = c;
		return &d->keys[i];
	}
	return NULL;
}

int
screen_key(struct screen *sc, int key)
{
	struct screen *in = sc->def->inner != NULL ? sc->def->inner(sc) :
	    NULL;
	const struct screen_cmd *c;
	const struct screen_key *k;
	int r;

	if (in != NULL && in->def->grabs != NULL && in->def->grabs(in))
		return screen_key(in, key);
	k = screen_binding(sc, key, &c);

	if (k != NULL)
		return c->fn(sc, c, k->arg + (key - k->key));
	if (sc->def->fallback != NULL)
		r = sc->def->fallback(sc, key);
	else
		r = in != NULL ? screen_key(in, key) : UI_UNBOUND;
	if (r != UI_UNBOUND)
		return r;
	/* A click where nothing is is not a mistake worth a message. */
	if (key > ' ' && key != 127 && key != UI_K_CLICK)
		screen_message(sc, true, "%s", _("That key does nothing here. "
		    "Press ? for the list of keys."));
	return 0;
}

/* The line editor: Enter hands the text over, Esc, ^C or ^G gives up,
 * Up and Down recall earlier lines. */
static int
app_prompt_key(struct app *a, int key)
{
	char buf[LINEEDIT_BYTES];

	switch (key) {
	case '\r':
	case '\n':
	case UI_K_ENTER:
		lineedit_enter(&a->ed, buf, sizeof(buf));
		a->plabel = NULL;
		return a->pdone(a->pscreen, buf) | UI_R_ALL;
	case UI_K_UP:
	case UI_K_DOWN:
		return lineedit_recall(&a->ed, key == UI_K_UP ? -1 : 1) ?
		    UI_R_ALL : 0;
	case '\t':
		return a->pcomplete != NULL ? app_complete(a) : 0;
	case UI_ESC:
	case UI_CTRL('c'):
	case UI_CTRL('g'):
		a->plabel = NULL;
		return UI_R_ALL;
	case UI_CTRL('h'):
	case 127:
	case UI_K_BACKSPACE:
		lineedit_erase(&a->ed);
		return UI_R_ALL;
	case UI_CTRL('u'):
		lineedit_set(&a->ed, NULL);
		return UI_R_ALL;
	default:
		break;
	}
	if (key >= ' ' && key < UI_K_BASE)
		(void)lineedit_insert(&a->ed, (wchar_t)key);
	return UI_R_ALL;
}

/* y does it; any other key says no, except that a strict question
 * wants a clear n (or q, Esc), not a stray key. */
static int
app_ask_key(struct app *a, int key)
{
	bool yes = key == 'y' || key == 'Y';

	if (a->ask == APP_ASK_STRICT && !yes && key != 'n' && key != 'N' &&
	    key != 'q' && key != UI_ESC)
		return 0;
	a->ask = APP_ASK_NONE;
	a->askkey = key;
	return a->askdone(a->askscreen, yes) | UI_R_ALL;
}

int
app_key(struct app *a, int key)
{
	struct screen *sc = app_top(a);
	int r = 0;

	a->nkeys++;
	if (a->plabel != NULL)
		return app_prompt_key(a, key);
	if (a->ask != APP_ASK_NONE)
		return app_ask_key(a, key);
	if (sc == NULL)
		return 0;
	if (a->msg[0] != '\0') {
		a->msg[0] = '\0';
		r = UI_R_ALL;
	}
	return r | screen_key(sc, key);
}

int
app_timeout(const struct app *a, uint64_t now)
{
	int t = -1;

	for (size_t i = 0; i < a->depth; i++) {
		const struct screen *sc = a->stack[i];
		int b = sc->def->busy != NULL ? sc->def->busy(sc, now) : -1;

		if (b >= 0 && (t < 0 || b < t))
			t = b;
	}
	return t;
}

int
app_tick(struct app *a, uint64_t now)
{
	int redraw = 0;

	for (size_t i = 0; i < a->depth; i++) {
		struct screen *sc = a->stack[i];
		int r = sc->def->tick != NULL ? sc->def->tick(sc, now) : 0;

		if (i + 1 == a->depth)
			redraw |= r;
	}
	return redraw;
}

/* Are all the keys of inner's command c taken on outer, whatever the
 * state?  Then help leaves it out. */
static bool
screen_shadowed(const struct screen *outer, const struct screen_def *in,
    const struct screen_cmd *c)
{
	const struct screen_def *d = outer->def;
	bool any = false;

	for (size_t i = 0; i < in->nkeys; i++) {
		bool taken = false;

		if (strcmp(in->keys[i].cmd, c->name) != 0)
			continue;
		any = true;
		for (size_t j = 0; j < d->nkeys && !taken; j++) {
			const struct screen_cmd *oc = screen_cmd_find(d,
			    d->keys[j].cmd);

			taken = oc != NULL && oc->applies == NULL &&
			    screen_key_in(&d->keys[j], in->keys[i].key);
		}
		if (!taken)
			return false;
	}
	return any;
}

static const char *
screen_section(const struct screen_def *d, const struct screen_cmd *c)
{
	return d->section != NULL ? d->section(c) : NULL;
}

/* The help's rows as they are made. */
struct screen_help_list {
	struct screen_help_row *rows;
	size_t n, cap;
};

static void
screen_help_add(struct screen_help_list *l, const char *keys,
    const char *help)
{
	xgrow(&l->rows, &l->cap, l->n + 1, sizeof(*l->rows));
	snprintf(l->rows[l->n].keys, sizeof(l->rows[l->n].keys), "%s", keys);
	l->rows[l->n++].help = help;
}

/* The commands of d in section sect (NULL: the screen's own list). */
static void
screen_help_part(const struct screen_def *d, const struct screen *outer,
    const char *sect, struct screen_help_list *l)
{
	for (size_t i = 0; i < d->ncmds; i++) {
		const struct screen_cmd *c = &d->cmds[i];
		const char *cs = screen_section(d, c);
		char keys[SCREEN_HELP_KEYS];
		struct sbuf b = { keys, sizeof(keys), 0, false };

		if ((c->flags & SCREEN_CMD_NOHELP) != 0 ||
		    (d->offers != NULL && !d->offers(c)) || (outer != NULL &&
		    screen_shadowed(outer, d, c)) || (cs == NULL) !=
		    (sect == NULL) || (cs != NULL && strcmp(cs, sect) != 0))
			continue;
		for (size_t k = 0; k < d->nkeys; k++)
			if (d->keys[k].shown != NULL &&
			    strcmp(d->keys[k].cmd, c->name) == 0)
				sbuf_add(&b, "%s%s", b.len > 0 ? " " : "",
				    _(d->keys[k].shown));
		if (b.len > 0)
			screen_help_add(l, keys, _(c->help));
	}
}

/* d's own commands, then each mode's under its heading, once. */
static void
screen_help_of(const struct screen_def *d, const struct screen *outer,
    struct screen_help_list *l)
{
	screen_help_part(d, outer, NULL, l);
	for (size_t i = 0; i < d->ncmds; i++) {
		const char *cs = screen_section(d, &d->cmds[i]);
		bool seen = false;

		for (size_t j = 0; j < i && cs != NULL && !seen; j++) {
			const char *ps = screen_section(d, &d->cmds[j]);

			seen = ps != NULL && strcmp(ps, cs) == 0;
		}
		if (cs == NULL || seen)
			continue;
		screen_help_add(l, "", cs);
		screen_help_part(d, outer, cs, l);
	}
}

size_t
screen_help(const struct screen *sc, struct screen_help_row **rows)
{
	struct screen *in = sc->def->inner != NULL ? sc->def->inner(sc) :
	    NULL;
	struct screen_help_list l = { NULL, 0, 0 };

	screen_help_of(sc->def, NULL, &l);
	if (in != NULL) {
		screen_help_add(&l, "", _("Simulator keys, as in the "
		    "simulator:"));
		screen_help_of(in->def, sc, &l);
	}
	*rows = l.rows;
	return l.n;
}

int
screen_h_redraw(SCREEN_CMD_ARGS)
{
	(void)sc;
	return UI_R_ALL | UI_R_CLEAR;
}

int
screen_h_close(SCREEN_CMD_ARGS)
{
	app_pop(sc->app);
	return UI_R_ALL | UI_R_LAYOUT;
}

int
screen_h_help(SCREEN_CMD_ARGS)
{
	struct screen_helpst *h = xcalloc(1, sizeof(*h));

	h->sc.def = &screen_help_def;
	h->sc.state = h;
	h->sc.text = &h->text;
	h->of = sc;
	h->text.n = screen_help(sc, &h->rows);
	app_push(sc->app, &h->sc);
	return UI_R_ALL | UI_R_LAYOUT;
}

/* Half the screen's height, at least a line. */
static int
screen_half_page(const struct screen *sc)
{
	return sc->rows / 2 > 0 ? sc->rows / 2 : 1;
}

int
screen_h_line(SCREEN_CMD_ARGS)
{
	scroll_by(sc->text, arg);
	return UI_R_ALL;
}

int
screen_h_page(SCREEN_CMD_ARGS)
{
	scroll_by(sc->text, (long)arg * screen_half_page(sc));
	return UI_R_ALL;
}

/* Any other key closes the help.  A click does only on the help's title
 * bar: the help fills the screen, and a click while reading it (on the
 * ladder's place, say) must not throw it away. */
static int
screen_help_close(struct screen *sc, int key)
{
	if (key == UI_K_CLICK && sc->app->mouse_y != 0)
		return 0;
	return screen_h_close(sc, NULL, 0);
}

static void
screen_help_leave(struct screen *sc)
{
	struct screen_helpst *h = sc->state;

	free(h->rows);
	free(h);
}

static const struct screen_cmd screen_help_cmds[] = {
	SCREEN_TEXT_CMDS(N_("scroll the help by a line"),
	    N_("scroll the help by half a page")),
};

static const struct screen_key screen_help_keys[] = {
	SCREEN_SCROLL_KEYS
};

const struct screen_def screen_help_def = {
	.name = "help", SCREEN_TABLES(screen_help_cmds, screen_help_keys),
	.min_rows = 1, .min_cols = 1, .fallback = screen_help_close,
	.leave = screen_help_leave
};
