/*
 * The event log: every step of the session so far with everything it
 * made happen, each sentence whole with its RFC reason, on a screen of
 * its own that scrolls (the narration under the ladder has only a few
 * rows and must cut).  No curses here; log_draw.c paints it.
 *
 * Data model: struct ui_log holds the lines, made once when the log is
 * opened by replaying the session's commands into a scratch session (the
 * view narrates one command at a time, so this is the only way to have
 * every command's sentences), and the first line shown.  In the kernel
 * lab a replay would tell the model's run, so there the scratch view is
 * fed the traces the session recorded at each step instead.  A heading line
 * names each step and its scenario line; the sentences follow it.  The
 * segment inspector is the same screen for one arrow (seg): its header
 * fields, then only the sentences that name it (#N): why it was sent and
 * what its receiver did with it.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "capture/list.h"
#include "core/tcp.h"
#include "lib/i18n.h"
#include "lib/utf8.h"
#include "lib/xalloc.h"
#include "script/menu.h"
#include "script/parse.h"
#include "script/session.h"
#include "ui/status.h"
#include "ui/ui_int.h"

static void
log_add(struct ui_log *lg, bool head, const char *text)
{
	xgrow(&lg->lines, &lg->cap, lg->n + 1, sizeof(*lg->lines));
	xgrow(&lg->heads, &lg->caph, lg->n + 1, sizeof(*lg->heads));
	lg->lines[lg->n] = xstrdup(text);
	lg->heads[lg->n++] = head;
}

/* Does a sentence name segment #id (not #id0 ...)? */
static bool
log_names(const char *text, uint32_t id)
{
	char tag[16];
	const char *p = text;
	size_t n = (size_t)snprintf(tag, sizeof(tag), "#%u", (unsigned)id);

	while ((p = strstr(p, tag)) != NULL) {
		p += n;
		if (*p < '0' || *p > '9')
			return true;
	}
	return false;
}

static const struct ladder_arrow *
log_arrow(const struct view *v, uint32_t id)
{
	return ladder_arrow_by_id(&v->lad, id);
}

static const char *
log_origin(enum flight_origin o)
{
	switch (o) {
	case ORIGIN_SENT:
		return _("sent by its host's TCP");
	case ORIGIN_REXMIT:
		return _("a retransmission by its host's TCP");
	case ORIGIN_DUP:
		return _("a copy made by the network");
	case ORIGIN_INJECT:
		return _("injected (an old duplicate)");
	}
	return "";
}

static const char *
log_fate(enum ladder_fate f)
{
	switch (f) {
	case LADDER_FLIGHT:
		return _("still in flight");
	case LADDER_DELIVERED:
		return _("delivered");
	case LADDER_LOST:
		return _("lost");
	case LADDER_EXPIRED:
		return _("expired (older than the MSL)");
	}
	return "";
}

/* When it was sent and when its fate came (the tester's report item 6:
 * six lost SYNs looked alike in the inspector). */
static void
log_times(struct ui_log *lg, const struct ladder_arrow *a)
{
	char buf[160], t0[32], t1[32];

	ui_clock_str(a->sent, t0, sizeof(t0));
	if (a->fate == LADDER_FLIGHT || a->arrived == LADDER_NOTIME) {
		/* TRANSLATORS: the time it was sent, seconds. */
		snprintf(buf, sizeof(buf), _("sent at t=%s; not arrived yet"),
		    t0);
		log_add(lg, false, buf);
		return;
	}
	ui_clock_str(a->arrived, t1, sizeof(t1));
	if (a->fate == LADDER_DELIVERED)
		/* TRANSLATORS: the times it was sent and arrived. */
		snprintf(buf, sizeof(buf), _("sent at t=%s, arrived at t=%s"),
		    t0, t1);
	else
		/* TRANSLATORS: the times it was sent and lost (or expired). */
		snprintf(buf, sizeof(buf), _("sent at t=%s, lost at t=%s"),
		    t0, t1);
	log_add(lg, false, buf);
}

/* The captured frame arrow a stands for: the k-th frame going its way
 * with its seq, flags and length, where k counts the earlier arrows with
 * the same; NULL for a segment the model inferred. */
const struct cap_frame *
ui_frame_of(const struct ui *of, const struct ladder *lad,
    const struct ladder_arrow *a)
{
	size_t k = 0;

	for (const struct ladder_arrow *b = lad->arrows; b < a; b++)
		k += b->f.dir == a->f.dir && b->f.seg.seq == a->f.seg.seq &&
		    b->f.seg.flags == a->f.seg.flags &&
		    b->f.seg.len == a->f.seg.len;
	for (size_t i = 0; i < of->nframes; i++) {
		const struct cap_frame *f = &of->frames[i];

		if (f->dir == a->f.dir && f->seg.seq == a->f.seg.seq &&
		    f->seg.flags == a->f.seg.flags &&
		    f->seg.len == a->f.seg.len && k-- == 0)
			return f;
	}
	return NULL;
}

/* On a replayed capture: the frame number, the capture's time (to the
 * microsecond) and the window as captured, not the model's (the tester's
 * report item 6: 65535 shown for a SYN captured with 65495), or that the
 * model inferred the segment.  False when this is no capture. */
static bool
log_captured(struct ui_log *lg, const struct ladder_arrow *a)
{
	const struct cap_frame *f;
	char buf[200];

	if (lg->of == NULL || lg->of->nframes == 0)
		return false;
	f = ui_frame_of(lg->of, &lg->from->v.lad, a);
	if (f == NULL) {
		snprintf(buf, sizeof(buf), _("payload %u bytes"),
		    (unsigned)a->f.seg.len);
		log_add(lg, false, buf);
		log_add(lg, false, _("not in the capture: the model inferred "
		    "this segment"));
		return true;
	}
	/* TRANSLATORS: frame number in the file, seconds since the
	 * connection's first segment (6 decimals). */
	snprintf(buf, sizeof(buf), _("frame %llu of the capture, at "
	    "+%llu.%06llu s"), (unsigned long long)f->num,
	    (unsigned long long)(f->us / 1000000),
	    (unsigned long long)(f->us % 1000000));
	log_add(lg, false, buf);
	/* TRANSLATORS: payload bytes, the window field as captured. */
	snprintf(buf, sizeof(buf), _("payload %u bytes, window %u as "
	    "captured"), (unsigned)f->seg.len, (unsigned)f->seg.wnd);
	log_add(lg, false, buf);
	return true;
}

/* The header fields of arrow a, each on a line of its own. */
static void
log_fields(struct ui_log *lg, const struct view *v,
    const struct ladder_arrow *a)
{
	const struct tcp_seg *g = &a->f.seg;
	enum sim_host_id from = (enum sim_host_id)a->f.dir;
	char buf[320], fl[TCP_FLAGS_BUFSZ], sq[32], ak[32];

	ladder_num(&v->lad, v->num, from, a->seq_inc, g->seq, sq, sizeof(sq));
	ladder_num(&v->lad, v->num, (enum sim_host_id)(1 - from), a->ack_inc,
	    g->ack, ak, sizeof(ak));
	/* TRANSLATORS: segment number, sender, receiver. */
	snprintf(buf, sizeof(buf), _("Segment #%u, %s to %s"),
	    (unsigned)a->f.id, sim_host_text(from),
	    sim_host_text((enum sim_host_id)(1 - from)));
	log_add(lg, true, buf);
	snprintf(buf, sizeof(buf), _("flags %s"), tcp_flags_str(g->flags,
	    fl));
	log_add(lg, false, buf);
	/* TRANSLATORS: the number as shown, the number on the wire. */
	snprintf(buf, sizeof(buf), _("seq %s (on the wire %u)"), sq,
	    (unsigned)g->seq);
	log_add(lg, false, buf);
	if (g->flags & TCP_ACK)
		snprintf(buf, sizeof(buf), _("ack %s (on the wire %u)"), ak,
		    (unsigned)g->ack);
	else
		snprintf(buf, sizeof(buf), "%s", _("ack: none (no ACK flag)"));
	log_add(lg, false, buf);
	if (!log_captured(lg, a)) {
		snprintf(buf, sizeof(buf), _("payload %u bytes, window %u"),
		    (unsigned)g->len, (unsigned)g->wnd);
		log_add(lg, false, buf);
	}
	/* TRANSLATORS: where it came from, then what became of it. */
	snprintf(buf, sizeof(buf), _("origin: %s; now %s"),
	    log_origin(a->f.origin), log_fate(a->fate));
	log_add(lg, false, buf);
	log_times(lg, a);
}

/* Does a sentence name some segment other than #id? */
static bool
log_names_other(const char *text, uint32_t id)
{
	for (const char *p = text; (p = strchr(p, '#')) != NULL; p++)
		if (p[1] >= '0' && p[1] <= '9' &&
		    strtoul(p + 1, NULL, 10) != id)
			return true;
	return false;
}

/* Sentence k of the step is about seg: it names it, or (in the step
 * that sent it or decided its fate) it names no other segment and stands
 * next to one about it, before (why it was sent) or after (what the
 * receiver did). */
static bool
log_about(const struct view *v, uint32_t seg, bool fated, size_t k)
{

	if (log_names(v->narr[k], seg))
		return true;
	if (!fated || log_names_other(v->narr[k], seg))
		return false;
	for (size_t b = k; b-- > 0 && !log_names_other(v->narr[b], seg);)
		if (log_names(v->narr[b], seg))
			return true;
	for (size_t f = k + 1; f < v->nnarr &&
	    !log_names_other(v->narr[f], seg); f++)
		if (log_names(v->narr[f], seg))
			return true;
	return false;
}

/* One step's sentences about seg under its heading; not the whole step:
 * `wait 10min` tells of every retransmission and expiry (the tester's
 * report item 6). */
static void
log_fill_seg(struct ui_log *lg, const struct view *v, uint32_t seg,
    bool fated, const char *head)
{
	bool named = false, any = false;

	for (size_t k = 0; k < v->nnarr; k++)
		any = any || log_names(v->narr[k], seg);
	for (size_t k = 0; k < v->nnarr; k++) {
		/* A delivery's sentences may not name it: what its
		 * receiver did comes first, up to what it sent. */
		if (fated && !any && log_names_other(v->narr[k], seg))
			break;
		if (!log_about(v, seg, fated, k) && (any || !fated))
			continue;
		if (!named)
			log_add(lg, true, head);
		named = true;
		log_add(lg, false, v->narr[k]);
	}
}

/* Fold what step i of a session with a backend really did into v. */
static void
log_feed(struct view *v, const struct session *s, size_t i)
{
	const struct session_rec *r = i < s->caprecs ? &s->recs[i] : NULL;
	char line[256], buf[640];

	view_begin(v);
	if (r != NULL)
		view_feed(v, r->ev, r->n);
	view_end(v);
	if (r == NULL)
		return;
	/* The check's verdict, or why the event was refused, as the
	 * screen said it then (session_watch's marked). */
	script_format(&s->cmds[i], line, sizeof(line));
	switch (s->marks[i]) {
	case SESSION_NONE:
		return;
	case SESSION_BAD:
		view_narrate(v, r->res.msg);
		return;
	case SESSION_PASS:
		snprintf(buf, sizeof(buf), _("Check passed: %s"), line);
		break;
	case SESSION_FAIL:
		snprintf(buf, sizeof(buf), _("Check failed: %s: %s"), line,
		    r->res.msg);
		break;
	}
	view_narrate(v, buf);
}

/* Replay cmds[0..pos) (with a backend: feed what each step recorded)
 * and keep every sentence narrated (for seg: those naming it, under
 * their step). */
static void
log_fill(struct ui_log *lg, const struct ui *from, uint32_t seg)
{
	struct session s;
	struct view v;
	char line[256], head[320];
	bool was_fated = false, was_sent = false;

	session_init(&s);
	view_init(&v);
	view_watch(&v, &s);
	v.num = from->v.num;
	/* The lab: what the kernels did, as recorded at each step (their
	 * ISNs, their retransmissions), never the model's replay. */
	if (from->s.be != NULL && seg == 0)
		log_add(lg, false, _("What the kernels did at each step, as "
		    "the lab recorded it (not the model's run)."));
	else
		session_load(&s, from->s.cmds, from->s.pos);
	for (size_t i = 0; i < from->s.pos; i++) {
		if (from->s.be != NULL)
			log_feed(&v, &from->s, i);
		else
			(void)session_redo(&s);
		script_format(&from->s.cmds[i], line, sizeof(line));
		/* TRANSLATORS: the event log: step number, scenario line. */
		snprintf(head, sizeof(head), _("Step %zu: %s"), i + 1, line);
		if (seg != 0) {
			const struct ladder_arrow *a = log_arrow(&v, seg);
			/* The step that decided its fate: all it says is
			 * what the receiver did (or that it was lost). */
			bool fated = a != NULL && ((a->fate != LADDER_FLIGHT &&
			    !was_fated) || !was_sent);

			/* And the step that sent it: all it says is why. */
			was_sent = a != NULL;
			was_fated = a != NULL && a->fate != LADDER_FLIGHT;
			log_fill_seg(lg, &v, seg, fated, head);
			continue;
		}
		log_add(lg, true, head);
		for (size_t k = 0; k < v.nnarr; k++)
			log_add(lg, false, v.narr[k]);
	}
	if (from->s.pos == 0 && seg == 0)
		log_add(lg, false, _("Nothing has happened yet."));
	session_free(&s);
	view_free(&v);
}

static void
log_clear(struct ui_log *lg)
{
	for (size_t i = 0; i < lg->n; i++)
		free(lg->lines[i]);
	lg->n = 0;
	lg->top = 0;
}

/* The inspector's lines for arrow seg. */
static void
log_inspect(struct ui_log *lg, uint32_t seg)
{
	const struct ladder_arrow *a = log_arrow(&lg->from->v, seg);

	log_clear(lg);
	lg->seg = seg;
	if (a == NULL)
		return;
	log_fields(lg, &lg->from->v, a);
	log_fill(lg, lg->from, seg);
}

static void
log_leave(struct screen *sc)
{
	struct ui_log *lg = sc->state;

	if (lg->of != NULL && lg->seg != 0)
		ui_mark_set(lg->of, lg->seg);
	log_clear(lg);
	free(lg->lines);
	free(lg->heads);
	free(lg);
}

/* The inspector: the arrow before or after this one (arg -1, 1). */
static int
log_h_other(SCREEN_CMD_ARGS)
{
	struct ui_log *lg = sc->state;
	const struct view *v = &lg->from->v;

	for (size_t i = 0; i < v->lad.narrows; i++) {
		if (v->lad.arrows[i].f.id != lg->seg)
			continue;
		if ((arg < 0 && i == 0) ||
		    (arg > 0 && i + 1 >= v->lad.narrows)) {
			screen_message(sc, false, "%s", _("No other segment "
			    "that way."));
			return UI_R_ALL;
		}
		log_inspect(lg, v->lad.arrows[arg < 0 ? i - 1 : i + 1].f.id);
		return UI_R_ALL;
	}
	return UI_R_ALL;
}

static bool
log_is_inspector(const struct screen *sc)
{
	return ((const struct ui_log *)sc->state)->seg != 0;
}

static int
log_scroll(struct screen *sc, int by)
{
	struct ui_log *lg = sc->state;

	lg->top = screen_row_clamp((long)lg->top + by, lg->n);
	return UI_R_ALL;
}

static int
log_h_line(SCREEN_CMD_ARGS)
{
	return log_scroll(sc, arg);
}

static int
log_h_page(SCREEN_CMD_ARGS)
{
	return log_scroll(sc, arg * screen_half_page(sc));
}

/* The first line shown when the newest line is on the bottom row of a
 * rows x cols screen under its title bar, the rows above it full (as
 * `less +G` opens a file): what a reader of a log expects to see. */
static size_t
log_tail_top(const struct ui_log *lg, int rows, int cols)
{
	size_t top = lg->n;
	int used = 0;

	while (top > 0) {
		size_t st[16], ln[16];
		bool h = lg->heads[top - 1];
		int w = cols - (h ? 2 : 4);
		int k = (int)utf8_wrap(lg->lines[top - 1], w > 0 ? w : 1, st,
		    ln, 16);

		if (used + k > rows - 1)
			break;
		used += k;
		top--;
	}
	/* Not even the last line fits (no size known yet): start there. */
	return top == lg->n && top > 0 ? top - 1 : top;
}

static int
log_h_end(SCREEN_CMD_ARGS)
{
	struct ui_log *lg = sc->state;

	lg->top = arg < 0 ? 0 : log_tail_top(lg, sc->rows, sc->cols);
	return UI_R_ALL;
}

static int
log_h_close(SCREEN_CMD_ARGS)
{
	app_pop(sc->app);
	return UI_R_ALL | UI_R_LAYOUT;
}

static const struct screen_cmd log_cmds[] = {
	{ "line", N_("scroll the log by a line"), log_h_line, NULL, 0, NULL },
	{ "page", N_("scroll the log by half a page"), log_h_page, NULL, 0,
	    NULL },
	{ "ends", N_("the first or the last step"), log_h_end, NULL, 0,
	    NULL },
	{ "close", N_("close the event log"), log_h_close, NULL, 0, NULL },
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
	{ '\r', 0, "close", 0, "Enter" },
	{ '\n', 0, "close", 0, NULL },
	{ UI_K_ENTER, 0, "close", 0, NULL },
	{ UI_K_LEFT, 0, "other-segment", -1, "Left" },
	{ UI_K_RIGHT, 0, "other-segment", 1, "Right" },
	{ 'p', 0, "other-segment", -1, "p" },
	{ 'n', 0, "other-segment", 1, "n" },
};

const struct screen_def ui_log_def = {
	.name = "log", SCREEN_TABLES(log_cmds, log_keys),
	.min_rows = 10, .min_cols = 40, .leave = log_leave
};

/* Open the log on the simulator's session, scrolled to its end. */
int
ui_log_push(struct screen *sc)
{
	struct ui *ui = sc->state;
	struct ui_log *lg = xcalloc(1, sizeof(*lg));

	log_fill(lg, ui, 0);
	/* Its screen has the simulator's size. */
	lg->top = log_tail_top(lg, sc->rows, sc->cols);
	lg->sc.def = &ui_log_def;
	lg->sc.state = lg;
	app_push(sc->app, &lg->sc);
	return UI_R_ALL | UI_R_LAYOUT;
}

/* Enter: the inspector on the arrow selected on the ladder, else the
 * newest; Left and Right go through the others. */
int
ui_inspect_push(struct screen *sc)
{
	struct ui *ui = sc->state;
	const struct ladder_arrow *a = ladder_arrow_by_id(&ui->v.lad, ui->mark);
	struct ui_log *lg;

	if (ui->v.lad.narrows == 0) {
		screen_message(sc, true, "%s", _("No segment has been sent "
		    "yet."));
		return UI_R_NARR;
	}
	lg = xcalloc(1, sizeof(*lg));
	lg->from = ui;
	lg->of = ui;
	log_inspect(lg, a != NULL ? a->f.id :
	    ui->v.lad.arrows[ui->v.lad.narrows - 1].f.id);
	lg->sc.def = &ui_log_def;
	lg->sc.state = lg;
	app_push(sc->app, &lg->sc);
	return UI_R_ALL | UI_R_LAYOUT;
}
