/*
 * The lesson browser and the lesson screen: entry points, the main loop,
 * windows, and moving between steps (see lesson_int.h for the data).
 *
 * The loop is the simulator's in shape: it blocks in wget_wch with no
 * timeout while nothing moves, wakes every frame only while an arrow is
 * animated, handles KEY_RESIZE itself and nowhere else, and stops on a
 * quit signal (ui.c's handlers set the flag; ui_term_* restores the
 * terminal).  Each step starts by loading the session with the runner's
 * commands for it, so the learner's world is always the one the lesson's
 * author checked; progress is saved on every step change and on leaving.
 */
#include <config.h>

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/i18n.h"
#include "lib/xalloc.h"
#include "ui/lesson_int.h"
#include "ui/ui_cmd.h"

#define LUI_FRAME_MS 33		/* as the simulator's loop */

void
lui_message(struct lui *lu, bool err, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(lu->msg, sizeof(lu->msg), fmt, ap);
	va_end(ap);
	lu->msg_err = err;
	lu->pfollow = true;
}

static void
lui_delwins(struct lui *lu)
{
	struct ui *ui = &lu->ui;
	WINDOW **w[] = { &ui->wbox[0], &ui->wbox[1], &ui->wlad, &ui->wnar,
	    &ui->wmenu, &ui->wstat, &lu->wpanel };

	for (size_t i = 0; i < sizeof(w) / sizeof(w[0]); i++) {
		if (*w[i] != NULL)
			delwin(*w[i]);
		*w[i] = NULL;
	}
}

/* The simulator's windows where lgeom_compute put them; ui->cols is the
 * simulator's part only, so its painters keep inside it. */
static void
lui_windows(struct lui *lu)
{
	const struct lgeom *g = &lu->geo;
	struct ui *ui = &lu->ui;
	int half = g->sim_cols / 2;

	lui_delwins(lu);
	ui->rows = lu->rows;
	ui->cols = g->sim_cols;
	ui->small = false;
	ui->wbox[0] = newwin(LGEOM_BOX_H, half, 0, 0);
	ui->wbox[1] = newwin(LGEOM_BOX_H, g->sim_cols - half, 0, half);
	ui->wlad = newwin(g->lad_h, g->sim_cols, g->lad_y, 0);
	if (g->nar_h > 0)
		ui->wnar = newwin(g->nar_h, g->sim_cols, g->nar_y, 0);
	ui->wmenu = newwin(LGEOM_MENU_H, g->sim_cols, g->menu_y, 0);
	ui->wstat = newwin(1, lu->cols, lu->rows - 1, 0);
	lu->wpanel = newwin(g->ph, g->pw, g->py, g->px);
	keypad(ui->wstat, TRUE);
}

void
lui_layout(struct lui *lu)
{
	getmaxyx(stdscr, lu->rows, lu->cols);
	lgeom_compute(lu->rows, lu->cols, &lu->geo);
	if (lu->open && !lu->geo.small)
		lui_windows(lu);
	else
		lui_delwins(lu);
}

void
lui_save(struct lui *lu, bool done)
{
	char msg[512];
	unsigned step = done ? 1 : (unsigned)lu->lr.step + 1;

	if (lesson_progress_set(&lu->prog, lu->li->name, step, done, msg,
	    sizeof(msg)) != LESSON_PROGRESS_OK)
		lui_message(lu, true, "%s", msg);
}

/* Load the step's world: the commands before its run lines at once,
 * then its run lines one by one, so that they animate. */
void
lui_enter(struct lui *lu)
{
	struct session *s = &lu->ui.s;
	const struct lesson_step *st = lrun_cur(&lu->lr);
	const struct cmd *cmds;
	size_t n, np;

	cmds = lrun_step_cmds(&lu->lr, &n, &np);
	session_load(s, cmds, n);
	session_goto(s, np);
	while (session_redo(s))
		continue;
	lu->base = s->pos;
	lu->ui.sel = 0;
	lu->ui.scroll = 0;
	lu->ui.msg[0] = '\0';
	lu->ui.overlay = UI_O_NONE;
	ui_start_anim(&lu->ui);
	lu->checked = lu->has_verdict = lu->revealed = lu->solved = false;
	lu->skip = lu->finished = lu->answering = false;
	lu->why[0] = lu->msg[0] = '\0';
	lu->npick = lu->alen = 0;
	lu->ptop = 0;
	lu->pfollow = false;
	lu->pentry = true;
	if (st->kind == LESSON_QUESTION && st->qkind == LESSON_Q_ORDER &&
	    st->nchoices <= LUI_MAXORDER)
		lrun_order_shuffle(&lu->lr, lu->perm);
	lui_save(lu, false);
}

/* After the learner's world changed: is the task done? */
int
lui_changed(struct lui *lu)
{
	if (lrun_cur(&lu->lr)->kind != LESSON_TASK || lu->lr.broken)
		return 0;
	(void)lrun_check(&lu->lr, &lu->ui.s.w, lu->why, sizeof(lu->why));
	lu->checked = true;
	lu->pfollow = true;
	return 0;
}

static void
lui_open_error(struct lui *lu, const struct lesson_info *li,
    const struct lesson_err *e)
{
	/* TRANSLATORS: lesson name, line number, the parser's message. */
	snprintf(lu->note, sizeof(lu->note), _("Cannot open lesson %s: line "
	    "%u: %s"), li->name, e->line, e->msg);
	lu->note_err = true;
}

/* Open lesson idx at the step the learner left it at. */
bool
lui_open(struct lui *lu, size_t idx)
{
	const struct lesson_info *li = &lu->cat.v[idx];
	const struct lesson_mark *m;
	struct lesson_err e;
	size_t step = 0;

	memset(&e, 0, sizeof(e));
	memset(&lu->l, 0, sizeof(lu->l));
	if (li->title == NULL || !lesson_load(li->path, &lu->l, &e) ||
	    lu->l.nsteps == 0) {
		lesson_free(&lu->l);
		lui_open_error(lu, li, li->title == NULL ? &li->err : &e);
		return false;
	}
	if ((m = lesson_progress_get(&lu->prog, li->name)) != NULL &&
	    m->step > 0)
		step = m->step - 1;
	lu->li = li;
	lu->open = true;
	session_init(&lu->ui.s);
	/* Lesson text quotes the numbers the world really carries (its
	 * author picked readable ISNs), so the ladder starts raw to match;
	 * m still switches to relative or symbolic. */
	lu->ui.s.v.num = VIEW_NUM_RAW;
	(void)lrun_start(&lu->lr, &lu->l, step);
	lpanel_init(&lu->panel);
	lu->screen = LUI_LESSON;
	lui_layout(lu);
	lui_enter(lu);
	/* A note from the list (a damaged progress file) is said once more
	 * here, for `tcpteach lesson N`, which shows no list first. */
	if (lu->note[0] != '\0')
		lui_message(lu, lu->note_err, "%s", lu->note);
	lu->note[0] = '\0';
	lu->note_err = false;
	if (lu->msg[0] == '\0' && step > 0) {
		lui_message(lu, false, _("Welcome back: you left this lesson "
		    "at step %zu."), step + 1);
		lu->pfollow = false;
	}
	return true;
}

/* Back to the list; the place is saved unless the lesson was finished. */
void
lui_close(struct lui *lu)
{
	if (!lu->open)
		return;
	if (!lu->finished)
		lui_save(lu, false);
	lrun_free(&lu->lr);
	lesson_free(&lu->l);
	session_free(&lu->ui.s);
	lpanel_free(&lu->panel);
	lui_delwins(lu);
	lu->open = false;
	lu->screen = LUI_LIST;
	lu->help = false;
	lu->msg[0] = '\0';
	clearok(curscr, TRUE);
}

/* One frame of animation, as the simulator's loop does it. */
static int
lui_tick(struct lui *lu)
{
	return ui_frame_tick(&lu->ui);
}

static int
lui_loop_key(struct lui *lu, int r, wint_t wch)
{
	if (r == KEY_CODE_YES && wch == KEY_RESIZE) {
		lui_layout(lu);
		return UI_R_LAYOUT;
	}
	if (lu->geo.small) {
		lu->quit = wch == 'q';
		return 0;
	}
	return lui_key(lu, r, wch);
}

static void
lui_loop(struct lui *lu)
{
	int redraw = UI_R_ALL;

	while (!lu->quit && ui_term_signal() == 0) {
		struct ui *ui = &lu->ui;
		bool busy = lu->open && ui->anim && (view_animating(&ui->s.v) ||
		    ui->hilite_until != 0);
		WINDOW *in = lu->open && !lu->geo.small ? ui->wstat : stdscr;
		wint_t wch;
		int r;

		if (redraw != 0) {
			lui_draw(lu, redraw);
			doupdate();
		}
		wtimeout(in, busy ? LUI_FRAME_MS : -1);
		r = wget_wch(in, &wch);
		redraw = r == ERR ? (busy ? lui_tick(lu) : 0) :
		    lui_loop_key(lu, r, wch) | UI_R_STATUS;
	}
}

/* The list and the progress file; false (msg says why) when the lesson
 * directory cannot be read. */
static bool
lui_init(struct lui *lu, const struct ui_opts *o, char *msg, size_t size)
{
	char pmsg[512];

	memset(lu, 0, sizeof(*lu));
	lu->o = *o;
	lu->o.play = NULL;
	lu->ui.o = &lu->o;
	lu->ui.anim = !o->no_animation;
	lu->ui.speed = o->speed > 0 ? o->speed : 1.0;
	if (!lesson_catalog_load(&lu->cat, NULL, msg, size))
		return false;
	lu->nsteps = xcalloc(lu->cat.n ? lu->cat.n : 1, sizeof(*lu->nsteps));
	for (size_t i = 0; i < lu->cat.n; i++) {
		struct lesson l;
		struct lesson_err e;

		memset(&l, 0, sizeof(l));
		if (lu->cat.v[i].title != NULL &&
		    lesson_load(lu->cat.v[i].path, &l, &e))
			lu->nsteps[i] = l.nsteps;
		lesson_free(&l);
	}
	if (lesson_progress_load(&lu->prog, NULL, pmsg, sizeof(pmsg)) !=
	    LESSON_PROGRESS_OK) {
		snprintf(lu->note, sizeof(lu->note), "%s", pmsg);
		lu->note_err = true;
	}
	return true;
}

static void
lui_free(struct lui *lu)
{
	lui_close(lu);
	lui_delwins(lu);
	lesson_catalog_free(&lu->cat);
	lesson_progress_free(&lu->prog);
	free(lu->nsteps);
}

/* Curses is on: the list, or lesson idx first (SIZE_MAX: the list). */
static void
lui_run(struct lui *lu, size_t idx)
{
	/* ui.c chose ASCII glyphs for --ascii or a non-UTF-8 locale. */
	lu->ascii = strcmp(lu->lk.g->hline, "-") == 0;
	lu->ui.color = lu->lk.color;
	lu->ui.g = lu->lk.g;
	memcpy(lu->ui.role, lu->lk.role, sizeof(lu->ui.role));
	keypad(stdscr, TRUE);
	lui_layout(lu);
	if (idx != SIZE_MAX) {
		lu->sel = idx;
		(void)lui_open(lu, idx);
	}
	lui_loop(lu);
}

static bool
lui_refuse(void)
{
	const char *why = ui_term_unusable();

	if (why == NULL)
		return false;
	/* TRANSLATORS: the program name, then the reason. */
	fprintf(stderr, _("%s: the lessons need a terminal: %s.\n"), PACKAGE,
	    why);
	fprintf(stderr, _("To list them without a terminal, use: %s lessons "
	    "--list\n"), PACKAGE);
	return true;
}

int
ui_lessons_main(const struct ui_opts *o, const char *which)
{
	struct lui lu;
	char msg[512];
	size_t idx = SIZE_MAX;

	if (!lui_init(&lu, o, msg, sizeof(msg))) {
		fprintf(stderr, "%s: %s\n", PACKAGE, msg);
		lui_free(&lu);
		return UI_EXIT_USAGE;
	}
	if (which != NULL) {
		const struct lesson_info *li = lesson_catalog_find(&lu.cat,
		    which);

		if (li == NULL) {
			fprintf(stderr, _("%s: there is no lesson '%s'; "
			    "'%s lessons --list' lists them.\n"), PACKAGE,
			    which, PACKAGE);
			lui_free(&lu);
			return UI_EXIT_USAGE;
		}
		idx = (size_t)(li - lu.cat.v);
	}
	if (lui_refuse() || !ui_term_start(o->ascii, &lu.lk)) {
		lui_free(&lu);
		return UI_EXIT_USAGE;
	}
	lui_run(&lu, idx);
	lui_free(&lu);
	ui_term_end();
	ui_term_reraise();
	return UI_EXIT_OK;
}

/* From the simulator: the same browser, over it, until q. */
int
ui_h_lessons(struct ui *ui, const struct ui_cmd *uc)
{
	struct lui lu;
	char msg[512];

	(void)uc;
	if (!lui_init(&lu, ui->o, msg, sizeof(msg))) {
		lui_free(&lu);
		ui_message(ui, true, "%s", msg);
		return UI_R_NARR;
	}
	lu.lk.color = ui->color;
	lu.lk.g = ui->g;
	memcpy(lu.lk.role, ui->role, sizeof(lu.lk.role));
	lui_run(&lu, SIZE_MAX);
	lui_free(&lu);
	ui_layout(ui);
	return UI_R_LAYOUT;
}
