/*
 * Painting the quiz screens.
 *
 * Top to bottom: a title bar (which question, and the countdown), the
 * body (the question, the exam's list, or the report: a struct qdoc
 * scrolled by top), the entry line (what is being typed, a message, or a
 * yes/no question) and the status line (score or progress, and the main
 * keys).  Each part is its own window, painted only when a handler says
 * so; the entry line is painted last, so the cursor rests there while an
 * answer is typed.  Text is cut by display width, never by bytes.
 */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "lib/i18n.h"
#include "ui/draw_int.h"
#include "ui/quiz_int.h"

static WINDOW *
qui_win(WINDOW *old, int h, int w, int y, int x)
{
	if (old != NULL)
		delwin(old);
	return newwin(h > 0 ? h : 1, w, y, x);
}

/* Recreate the windows for the terminal's size (main loop only). */
void
qui_layout(struct qui *qu)
{
	getmaxyx(stdscr, qu->rows, qu->cols);
	qu->small = qu->rows < QUI_MIN_ROWS || qu->cols < QUI_MIN_COLS;
	if (qu->small)
		return;
	qu->wtitle = qui_win(qu->wtitle, 1, qu->cols, 0, 0);
	qu->wbody = qui_win(qu->wbody, qu->rows - 3, qu->cols, 1, 0);
	qu->wentry = qui_win(qu->wentry, 1, qu->cols, qu->rows - 2, 0);
	qu->wstat = qui_win(qu->wstat, 1, qu->cols, qu->rows - 1, 0);
	keypad(qu->wentry, TRUE);
}

int
qui_body_rows(const struct qui *qu)
{
	return qu->wbody != NULL ? getmaxy(qu->wbody) : 1;
}

static attr_t
qui_attr(const struct qui *qu, enum qdoc_role r)
{
	const attr_t *role = qu->lk.role;

	switch (r) {
	case QD_TITLE:
		return role[ROLE_TITLE];
	case QD_KEY:
		return role[ROLE_KEY];
	case QD_DIM:
		return role[ROLE_DIM];
	case QD_OK:
		return role[ROLE_OK] | A_BOLD;
	case QD_ERR:
		return role[ROLE_ERROR];
	case QD_PICK:
		return role[ROLE_KEY] | A_BOLD;
	case QD_FIG:
	case QD_TEXT:
		break;
	}
	return A_NORMAL;
}

static void
qui_doc_question(struct qui *qu)
{
	unsigned cur = qui_current(qu);
	const struct exam_answer *a = &qu->es.ans[cur];
	bool judged = qu->done || (qu->mode == QUI_DRILL && a->given);

	qdoc_question(&qu->doc, &qu->es.ex.q[cur], a, judged ? QDOC_JUDGED :
	    QDOC_ASK);
}

static void
qui_doc_resume(struct qui *qu)
{
	struct exam_score sc = exam_session_score(&qu->offer);
	char buf[640];

	qdoc_text(&qu->doc, 0, 0, QD_TITLE, _("This exam was started before "
	    "and not submitted."));
	/* TRANSLATORS: file name, answered, questions, then the exam time
	 * used as minutes:seconds. */
	snprintf(buf, sizeof(buf), _("The attempt in %s has %u of %u "
	    "questions answered and has used %llu:%02llu of exam time."),
	    qu->offer.path, sc.answered, sc.total,
	    (unsigned long long)(qu->offer.elapsed_ms / 60000),
	    (unsigned long long)(qu->offer.elapsed_ms / 1000 % 60));
	qdoc_blank(&qu->doc);
	qdoc_text(&qu->doc, 0, 0, QD_TEXT, buf);
}

static void
qui_build_doc(struct qui *qu)
{
	char buf[640];

	qdoc_clear(&qu->doc, qu->cols - 2);
	if (qu->ask == QUI_A_RESUME) {
		qui_doc_resume(qu);
		return;
	}
	switch (qu->screen) {
	case QUI_S_QUESTION:
		qui_doc_question(qu);
		break;
	case QUI_S_LIST:
		qdoc_overview(&qu->doc, &qu->es);
		break;
	case QUI_S_REPORT:
		if (qu->mode == QUI_EXAM && qu->es.path != NULL) {
			snprintf(buf, sizeof(buf), _("Your attempt is saved "
			    "in %s"), qu->es.path);
			qdoc_text(&qu->doc, 0, 0, QD_DIM, buf);
		}
		qdoc_report(&qu->doc, &qu->es, qu->mode == QUI_DRILL);
		break;
	}
}

/* Keep the list's choice, or newly shown feedback, in view. */
static void
qui_clamp_top(struct qui *qu, int h)
{
	int n = (int)qu->doc.n;

	if (qu->screen == QUI_S_LIST && qu->ask == QUI_A_NONE) {
		if ((int)qu->listsel < qu->top)
			qu->top = (int)qu->listsel;
		if ((int)qu->listsel >= qu->top + h)
			qu->top = (int)qu->listsel - h + 1;
	}
	if (qu->to_mark && qu->top + h < n)
		qu->top = (int)qu->doc.mark < n - h ? (int)qu->doc.mark : n - h;
	qu->to_mark = false;
	if (qu->top > n - h)
		qu->top = n - h;
	if (qu->top < 0)
		qu->top = 0;
}

static void
qui_draw_body(struct qui *qu)
{
	WINDOW *w = qu->wbody;
	int h = getmaxy(w);

	werase(w);
	qui_build_doc(qu);
	qui_clamp_top(qu, h);
	for (int y = 0; y < h && qu->top + y < (int)qu->doc.n; y++) {
		const struct qdoc_line *l = &qu->doc.l[qu->top + y];
		attr_t a = qui_attr(qu, l->role);
		bool sel = qu->screen == QUI_S_LIST && qu->ask == QUI_A_NONE &&
		    qu->top + y == (int)qu->listsel;

		if (sel)
			mvwaddstr(w, y, 0, ">");
		ui_draw_text(w, y, 1 + l->indent, qu->cols - 2 - l->indent,
		    l->text, sel ? a | A_REVERSE : a);
	}
	wnoutrefresh(w);
}

static void
qui_draw_help(struct qui *qu)
{
	WINDOW *w = qu->wbody;
	unsigned m = qu->mode == QUI_EXAM ? QUI_M_EXAM : QUI_M_DRILL;
	int h = getmaxy(w), y = 1, kw = 15;

	werase(w);
	ui_draw_text(w, 0, 1, qu->cols - 2, _("tcpteach keys (any key "
	    "closes this help; PgDn/PgUp scroll)"), qu->lk.role[ROLE_TITLE]);
	for (size_t i = (size_t)qu->help_top; i < qui_ncmds && y < h; i++) {
		const struct qui_cmd *uc = &qui_cmds[i];
		const char *help = _(uc->help);
		size_t st[4], ln[4], n;

		if (!(uc->modes & m))
			continue;
		ui_draw_text(w, y, 1, kw, uc->keyname, qu->lk.role[ROLE_KEY]);
		n = view_wrap(help, qu->cols - kw - 3, st, ln, 4);
		for (size_t k = 0; k < n && y < h; k++, y++)
			ui_draw_text_n(w, y, kw + 2, help + st[k], ln[k],
			    A_NORMAL);
	}
	wnoutrefresh(w);
}

/* Left text and right text on one bar; on a narrow terminal the left
 * one (progress, time) keeps its room and the key hints are cut. */
static void
qui_bar(struct qui *qu, WINDOW *w, const char *left, const char *right)
{
	attr_t a = qu->lk.role[ROLE_STATUS];
	int rw = view_width(right), room = qu->cols - view_width(left) - 2;

	wbkgdset(w, a);
	werase(w);
	if (rw > room)
		rw = room > 0 ? room : 0;
	ui_draw_text(w, 0, 0, qu->cols - rw - 1, left, a);
	if (rw > 0)
		ui_draw_text(w, 0, qu->cols - rw - 1, rw, right, a);
	wnoutrefresh(w);
}

static void
qui_draw_title(struct qui *qu)
{
	char left[256], right[64] = "";
	unsigned cur = qui_current(qu) + 1, n = (unsigned)qu->es.ex.n;
	bool exam = qu->mode == QUI_EXAM;

	if (qu->screen == QUI_S_REPORT)
		snprintf(left, sizeof(left), "%s", exam ? _(" Exam submitted: "
		    "the report") : _(" Drill over: the report"));
	else if (qu->screen == QUI_S_LIST)
		/* TRANSLATORS: title of the exam's list of questions. */
		snprintf(left, sizeof(left), _(" Exam: %u questions"), n);
	else
		snprintf(left, sizeof(left), exam ? _(" Exam: question %u of "
		    "%u") : _(" Drill: question %u of %u"), cur, n);
	if (exam && !qu->done)
		qui_exam_remaining(qu, right, sizeof(right));
	qui_bar(qu, qu->wtitle, left, right);
}

static void
qui_draw_status(struct qui *qu)
{
	struct exam_score sc = exam_session_score(&qu->es);
	char left[256];
	const char *right;

	if (qu->done || qu->mode == QUI_DRILL)
		/* TRANSLATORS: the running score of the drill. */
		snprintf(left, sizeof(left), _(" Score: %u right of %u "
		    "answered"), sc.right, sc.answered);
	else if (qu->es.save_failed)
		/* TRANSLATORS: status bar while the attempt cannot be
		 * written: the answers exist only on screen. */
		snprintf(left, sizeof(left), _(" NOT saved: %u of %u "
		    "answered on screen only"), sc.answered, sc.total);
	else
		snprintf(left, sizeof(left), _(" Answered %u of %u"),
		    sc.answered, sc.total);
	if (qu->done)
		right = _("n/p review  l report  ? help  q quit ");
	else if (qu->mode == QUI_DRILL)
		right = _("A-H answer  Enter next  ? help  q quit ");
	else
		right = _("n/p move  l list  S submit  ? help  q quit ");
	qui_bar(qu, qu->wstat, left, right);
}

static const char *
qui_ask_text(const struct qui *qu, char *buf, size_t size)
{
	struct exam_score sc = exam_session_score(&qu->es);

	switch (qu->ask) {
	case QUI_A_SUBMIT:
		snprintf(buf, size, _("Submit now? %u of %u answered. "
		    "y: submit, other key: back"), sc.answered, sc.total);
		return buf;
	case QUI_A_QUIT:
		if (qu->es.save_failed)
			return _("Quit? Your answers are NOT saved and will be "
			    "lost. y: quit, other key: back");
		return _("Quit? Answers stay saved, not submitted. y: quit, "
		    "other key: back");
	case QUI_A_RESUME:
		return _("Resume that attempt? y: resume, n: start afresh");
	case QUI_A_NONE:
		break;
	}
	return NULL;
}

/* The prompt for an ORDER or NUMERIC answer; false when none is due. */
static bool
qui_draw_prompt(struct qui *qu, WINDOW *w)
{
	unsigned cur = qui_current(qu);
	const struct quiz_question *q = &qu->es.ex.q[cur];
	const char *head;
	int hw;

	if (qu->screen != QUI_S_QUESTION || qu->done ||
	    q->type == QUIZ_T_CHOICE ||
	    (qu->mode == QUI_DRILL && qu->es.ans[cur].given))
		return false;
	head = quiz_answer_label(q);
	hw = view_width(head);
	qu->typed[qu->ntyped] = '\0';
	ui_draw_text(w, 0, 1, qu->cols - 2, head, A_BOLD);
	ui_draw_text(w, 0, 1 + hw, qu->cols - 2 - hw, qu->typed, A_NORMAL);
	wmove(w, 0, 1 + hw + (int)qu->ntyped);
	return true;
}

static void
qui_draw_entry(struct qui *qu)
{
	WINDOW *w = qu->wentry;
	char buf[256];
	const char *ask = qui_ask_text(qu, buf, sizeof(buf));
	bool below = qu->top + qui_body_rows(qu) < (int)qu->doc.n;
	/* TRANSLATORS: the body scrolls; these keys show the rest. */
	const char *more = below && qu->top > 0 ? _("more: Up Down") :
	    below ? _("more: Down PgDn") : _("more: Up PgUp");
	bool cursor = false;
	int mw = view_width(more);

	werase(w);
	if (ask != NULL)
		ui_draw_text(w, 0, 1, qu->cols - 2, ask, A_BOLD |
		    qu->lk.role[ROLE_KEY]);
	else if (qu->msg[0] != '\0')
		ui_draw_text(w, 0, 1, qu->cols - 2, qu->msg,
		    qu->lk.role[qu->msg_err ? ROLE_ERROR : ROLE_OK]);
	else if (!qu->help)
		cursor = qui_draw_prompt(qu, w);
	if (!cursor && ask == NULL && qu->msg[0] == '\0' && !qu->help &&
	    (below || qu->top > 0) && mw + 2 < qu->cols)
		ui_draw_text(w, 0, qu->cols - mw - 1, mw, more,
		    qu->lk.role[ROLE_DIM]);
	curs_set(cursor ? 1 : 0);
	wnoutrefresh(w);
}

static void
qui_draw_small(struct qui *qu)
{
	char buf[256];
	size_t st[8], ln[8], n;

	erase();
	/* TRANSLATORS: current columns x rows, needed columns x rows. */
	snprintf(buf, sizeof(buf), _("Terminal too small: %dx%d. tcpteach "
	    "needs at least %dx%d. Enlarge the window, or press q to quit."),
	    qu->cols, qu->rows, QUI_MIN_COLS, QUI_MIN_ROWS);
	n = view_wrap(buf, qu->cols > 2 ? qu->cols - 2 : 1, st, ln, 8);
	for (size_t i = 0; i < n && (int)i < qu->rows; i++)
		ui_draw_text_n(stdscr, (int)i, 1, buf + st[i], ln[i], A_BOLD);
	curs_set(0);
	wnoutrefresh(stdscr);
}

void
qui_draw(struct qui *qu, int what)
{
	if (qu->small) {
		qui_draw_small(qu);
		return;
	}
	if (what & QR_LAYOUT) {
		/* Forget what is on the glass after a resize. */
		clearok(curscr, TRUE);
		what = QR_ALL;
	}
	if (what & QR_TITLE)
		qui_draw_title(qu);
	if ((what & QR_BODY) && qu->help)
		qui_draw_help(qu);
	else if (what & QR_BODY)
		qui_draw_body(qu);
	if (what & QR_STATUS)
		qui_draw_status(qu);
	qui_draw_entry(qu);
}
