/*
 * The event log and the segment inspector, a screen of their own that
 * scrolls (the narration under the ladder has only a few rows and must
 * cut).  No curses here; log_draw.c paints it.  The lines themselves are
 * the script layer's text model (script/evlog.h); this screen only makes
 * the narration they are built from and scrolls them (with screen.c's
 * commands of a text that scrolls).
 *
 * Data model: struct ui_log holds the lines (struct evlog), made once when
 * the log is opened by replaying the session's commands into a scratch
 * session narrated by a scratch view (the view narrates one command at a
 * time, so this is the only way to have every command's sentences), and
 * how they are scrolled (struct scroll: the first line shown).  In the
 * kernel lab a replay would tell the model's run, so there the scratch
 * view is fed the traces the session recorded at each step instead.
 * The segment inspector is the same screen for one arrow (seg), walking
 * to the one before or after it.
 */
#include <config.h>

#include <stdlib.h>

#include "capture/list.h"
#include "lib/i18n.h"
#include "lib/xalloc.h"
#include "script/session.h"
#include "ui/ui_int.h"

const struct cap_frame *
ui_frame_of(const struct ui *of, const struct ladder *lad,
    const struct ladder_arrow *a)
{
	return cap_frame_of(of->frames, of->nframes, lad, a);
}

/* Fold what step i of a session with a backend really did into v, with
 * the check's verdict as the screen said it then. */
static void
log_feed(struct view *v, const struct session *s, size_t i)
{
	const struct session_rec *r = i < s->caprecs ? &s->recs[i] : NULL;
	char buf[640];

	view_begin(v);
	if (r != NULL)
		view_feed(v, r->ev, r->n);
	view_end(v);
	for (size_t k = 0; r != NULL && k < r->nsays; k++)
		view_narrate(v, r->says[k]);
	if (evlog_verdict(s, i, buf, sizeof(buf)) != NULL)
		view_narrate(v, buf);
}

/* Replay cmds[0..pos) (with a backend: feed what each step recorded)
 * and keep every sentence narrated (for seg: those about it, under
 * their step). */
static void
log_fill(struct ui_log *lg, uint32_t seg)
{
	const struct ui *from = lg->of;
	struct evlog_seg sg = { .id = seg };
	struct session s;
	struct view v;

	session_init(&s);
	view_init(&v);
	view_watch(&v, &s);
	v.num = from->v.num;
	/* Lecture mode's status line counts every line of the script. */
	lg->log.every = from->o->play != NULL;
	/* The lab: what the kernels did, as recorded at each step (their
	 * ISNs, their retransmissions), never the model's replay. */
	if (from->s.be != NULL && seg == 0)
		evlog_add(&lg->log, false, _("What the kernels did at each "
		    "step, as the lab recorded it (not the model's run)."));
	else
		session_load(&s, from->s.cmds, from->s.pos);
	for (size_t i = 0; i < from->s.pos; i++) {
		if (from->s.be != NULL)
			log_feed(&v, &from->s, i);
		else
			(void)session_redo(&s);
		evlog_step(&lg->log, seg != 0 ? &sg : NULL, &v.lad,
		    from->s.be != NULL ? NULL : &s, v.num, &from->s.cmds[i],
		    v.narr, v.nnarr);
	}
	if (from->s.pos == 0 && seg == 0)
		evlog_add(&lg->log, false, _("Nothing has happened yet."));
	session_free(&s);
	view_free(&v);
}

/* The inspector's lines for arrow seg; on a replayed capture, with what
 * the capture says of its frame. */
static void
log_inspect(struct ui_log *lg, uint32_t seg)
{
	const struct ladder *lad = &lg->of->v.lad;
	const struct ladder_arrow *a = ladder_arrow_by_id(lad, seg);
	struct evlog_frame fr = { .found = false }, *cap = NULL;

	evlog_clear(&lg->log);
	lg->text.top = lg->text.n = 0;
	lg->seg = seg;
	if (a == NULL)
		return;
	if (lg->of->nframes > 0) {
		const struct cap_frame *f = ui_frame_of(lg->of, lad, a);

		cap = &fr;
		if (f != NULL)
			fr = (struct evlog_frame){ true, f->num, f->us,
			    f->seg.len, f->seg.wnd };
	}
	evlog_fields(&lg->log, lad, lg->of->v.num, a, cap);
	log_fill(lg, seg);
	lg->text.n = lg->log.n;
}

static void
log_leave(struct screen *sc)
{
	struct ui_log *lg = sc->state;

	if (lg->seg != 0)
		ui_mark_set(lg->of, lg->seg);
	evlog_free(&lg->log);
	free(lg);
}

/* The inspector: the arrow before or after this one (arg -1, 1). */
static int
log_h_other(SCREEN_CMD_ARGS)
{
	struct ui_log *lg = sc->state;
	const struct ladder *lad = &lg->of->v.lad;
	size_t i = ladder_arrow_index(lad, lg->seg);

	if (i == lad->narrows)
		return UI_R_ALL;
	if (arg < 0 ? i == 0 : i + 1 >= lad->narrows)
		screen_message(sc, false, "%s", _("No other segment that "
		    "way."));
	else
		log_inspect(lg, lad->arrows[arg < 0 ? i - 1 : i + 1].f.id);
	return UI_R_ALL;
}

static bool
log_is_inspector(const struct screen *sc)
{
	return ((const struct ui_log *)sc->state)->seg != 0;
}

static int
log_h_end(SCREEN_CMD_ARGS)
{
	struct ui_log *lg = sc->state;

	lg->text.top = arg < 0 ? 0 : evlog_tail_top(&lg->log, sc->rows,
	    sc->cols);
	return UI_R_ALL;
}

static const struct screen_cmd log_cmds[] = {
	SCREEN_TEXT_CMDS(N_("scroll the log by a line"),
	    N_("scroll the log by half a page")),
	{ "ends", N_("the first or the last step"), log_h_end, NULL, 0,
	    NULL },
	{ "close", N_("close the event log"), screen_h_close, NULL, 0,
	    NULL },
	{ "other-segment", N_("inspector: the previous or next segment"),
	    log_h_other, NULL, 0, log_is_inspector },
};

static const struct screen_key log_keys[] = {
	SCREEN_SCROLL_KEYS,
	{ UI_K_HOME, 0, "ends", -1, "Home" },
	{ UI_K_END, 0, "ends", 1, "End" },
	{ 'q', 0, "close", 0, "q" },
	{ UI_ESC, 0, "close", 0, "Esc" },
	{ 'E', 0, "close", 0, "E" },
	SCREEN_ENTER_KEYS("close"),
	{ UI_K_LEFT, 0, "other-segment", -1, "Left" },
	{ UI_K_RIGHT, 0, "other-segment", 1, "Right" },
	{ 'p', 0, "other-segment", -1, "p" },
	{ 'n', 0, "other-segment", 1, "n" },
};

const struct screen_def ui_log_def = {
	.name = "log", SCREEN_TABLES(log_cmds, log_keys),
	.min_rows = 10, .min_cols = 40, .leave = log_leave
};

/* The log (seg 0) or the inspector of arrow seg, opened over the
 * simulator's screen sc (its size is the log's). */
static int
log_push(struct screen *sc, uint32_t seg)
{
	struct ui_log *lg = xcalloc(1, sizeof(*lg));

	lg->of = sc->state;
	if (seg != 0)
		log_inspect(lg, seg);
	else {
		log_fill(lg, 0);
		lg->text.n = lg->log.n;
		lg->text.top = evlog_tail_top(&lg->log, sc->rows, sc->cols);
	}
	lg->sc.def = &ui_log_def;
	lg->sc.state = lg;
	lg->sc.text = &lg->text;
	app_push(sc->app, &lg->sc);
	return UI_R_ALL | UI_R_LAYOUT;
}

/* E: the log of the simulator's session, scrolled to its end. */
int
ui_log_push(struct screen *sc)
{
	return log_push(sc, 0);
}

/* Enter: the inspector on the arrow selected on the ladder, else the
 * newest; Left and Right go through the others. */
int
ui_inspect_push(struct screen *sc)
{
	struct ui *ui = sc->state;
	const struct ladder_arrow *a = ladder_arrow_by_id(&ui->v.lad, ui->mark);

	if (ui->v.lad.narrows == 0) {
		screen_message(sc, true, "%s", _("No segment has been sent "
		    "yet."));
		return UI_R_NARR;
	}
	return log_push(sc, a != NULL ? a->f.id :
	    ui->v.lad.arrows[ui->v.lad.narrows - 1].f.id);
}
