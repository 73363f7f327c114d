/*
 * The quiz's command table and its handlers (the drill and the exam share
 * them; each entry says in which modes it works).  Keys are looked up
 * here and nowhere else, and the help screen is generated from the same
 * table.  Two entries stand for a class of keys: any option letter, any
 * digit.  A handler changes struct qui or the session, never draws, and
 * returns the parts of the screen to repaint.
 */
#include <config.h>

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/i18n.h"
#include "ui/quiz_int.h"

#define CTRL(c) ((c) & 0x1f)
#define ESC 27

static int qh_letter(struct qui *, const struct qui_cmd *);
static int qh_digit(struct qui *, const struct qui_cmd *);
static int qh_erase(struct qui *, const struct qui_cmd *);
static int qh_enter(struct qui *, const struct qui_cmd *);
static int qh_move(struct qui *, const struct qui_cmd *);
static int qh_scroll(struct qui *, const struct qui_cmd *);
static int qh_list(struct qui *, const struct qui_cmd *);
static int qh_clear(struct qui *, const struct qui_cmd *);
static int qh_submit(struct qui *, const struct qui_cmd *);
static int qh_misc(struct qui *, const struct qui_cmd *);

#define QD QUI_M_DRILL
#define QE QUI_M_EXAM
#define QB QUI_M_BOTH

const struct qui_cmd qui_cmds[] = {
	{ "answer", { QK_LETTER, 0, 0 }, "A-H", N_("answer with this "
	    "option (or type the order of the segments)"), QD,
	    qh_letter, 0 },
	{ "answer", { QK_LETTER, 0, 0 }, "A-H", N_("choose an option "
	    "(another letter changes it), or type an order"), QE,
	    qh_letter, 0 },
	{ "type-number", { QK_DIGIT, '.', ',' }, "0-9 .",
	    N_("type a number of seconds"), QB, qh_digit, 0 },
	{ "erase", { KEY_BACKSPACE, 127, 8 }, "Backspace",
	    N_("erase the last letter or digit typed"), QB, qh_erase, 0 },
	{ "check", { '\r', '\n', KEY_ENTER }, "Enter", N_("check the typed "
	    "answer, or go on to the next question"), QD, qh_enter, 0 },
	{ "record", { '\r', '\n', KEY_ENTER }, "Enter", N_("record the typed "
	    "answer; in the list, open the chosen question"), QE, qh_enter,
	    0 },
	{ "next", { 'n', ' ', KEY_RIGHT }, "n Space Right",
	    N_("next question (in the review: the next one)"), QB, qh_move,
	    1 },
	{ "prev", { 'p', KEY_LEFT, 0 }, "p Left",
	    N_("previous question (in the review: the one before)"), QB,
	    qh_move, -1 },
	{ "list", { 'l', '\t', 0 }, "l Tab", N_("list of questions, "
	    "answered or not (after submitting: the report)"), QE, qh_list,
	    0 },
	{ "report", { 'l', '\t', 0 }, "l Tab",
	    N_("at the end: the score and the missed questions"), QD,
	    qh_list, 0 },
	{ "clear", { 'x', KEY_DC, 0 }, "x Del",
	    N_("clear the answer to this question"), QE, qh_clear, 0 },
	{ "submit", { 'S', 0, 0 }, "S", N_("submit the exam (asks first)"),
	    QE, qh_submit, 0 },
	{ "scroll-down", { KEY_DOWN, 'j', 0 }, "Down j",
	    N_("scroll down a line (in the list: the next question)"), QB,
	    qh_scroll, 1 },
	{ "scroll-up", { KEY_UP, 'k', 0 }, "Up k",
	    N_("scroll up a line (in the list: the question before)"), QB,
	    qh_scroll, -1 },
	{ "page-down", { KEY_NPAGE, 0, 0 }, "PgDn", N_("scroll down a page"),
	    QB, qh_scroll, 2 },
	{ "page-up", { KEY_PPAGE, 0, 0 }, "PgUp", N_("scroll up a page"),
	    QB, qh_scroll, -2 },
	{ "bottom", { KEY_END, 0, 0 }, "End", N_("scroll to the end"), QB,
	    qh_scroll, 3 },
	{ "top", { KEY_HOME, 0, 0 }, "Home", N_("scroll to the top"), QB,
	    qh_scroll, -3 },
	{ "help", { '?', KEY_F(1), 0 }, "? F1", N_("this help"), QB,
	    qh_misc, 0 },
	{ "redraw", { CTRL('l'), 0, 0 }, "^L", N_("redraw the screen"), QB,
	    qh_misc, 1 },
	{ "quit", { 'q', 0, 0 }, "q", N_("quit"), QD, qh_misc, 2 },
	{ "quit", { 'q', 0, 0 }, "q", N_("quit: the answers stay saved, "
	    "the exam is not submitted (asks first)"), QE, qh_misc, 2 },
};
const size_t qui_ncmds = sizeof(qui_cmds) / sizeof(qui_cmds[0]);

static struct quiz_question *
qui_q(struct qui *qu)
{
	return &qu->es.ex.q[qui_current(qu)];
}

static struct exam_answer *
qui_a(struct qui *qu)
{
	return &qu->es.ans[qui_current(qu)];
}

static int
qui_nothing(struct qui *qu)
{
	qui_message(qu, true, "%s", _("That key does nothing here. Press ? "
	    "for the list of keys."));
	return QR_ENTRY;
}

/* Can the question on screen still take an answer? Says why not. */
static bool
qui_open(struct qui *qu)
{
	if (qu->screen != QUI_S_QUESTION) {
		qui_nothing(qu);
		return false;
	}
	if (qu->done || (qu->mode == QUI_DRILL && qui_a(qu)->given)) {
		qui_message(qu, false, "%s", qu->done ? _("The answers are "
		    "final now: n and p walk through them.") : _("This "
		    "question is answered: press Enter for the next one."));
		return false;
	}
	return true;
}

/* An answer was recorded: judge it (drill) or save it (exam). */
static int
qui_answered(struct qui *qu)
{
	qu->ntyped = 0;
	if (qu->mode == QUI_EXAM)
		return qui_exam_changed(qu);
	qu->to_mark = true;
	return QR_ALL;
}

/* Record what was typed; false (with a hint shown) if it does not fit. */
static bool
qui_record_typed(struct qui *qu)
{
	struct quiz_question *q = qui_q(qu);
	unsigned cur = qui_current(qu);
	struct exam_answer a;

	qu->typed[qu->ntyped] = '\0';
	if (!exam_answer_parse(q, qu->typed, &a)) {
		qui_message(qu, true, "%s", q->type == QUIZ_T_NUMERIC ?
		    quiz_numeric_hint(q) :
		    _("Type every letter once, in order, e.g. C A D B."));
		return false;
	}
	if (q->type == QUIZ_T_ORDER)
		exam_session_order(&qu->es, cur, a.order, q->nopt);
	else
		exam_session_number(&qu->es, cur, a.number_ms);
	return true;
}

static int
qh_letter(struct qui *qu, const struct qui_cmd *uc)
{
	struct quiz_question *q;
	int pos = toupper(qu->key) - 'A';

	(void)uc;
	if (!qui_open(qu))
		return QR_ENTRY;
	q = qui_q(qu);
	if (q->type == QUIZ_T_NUMERIC) {
		qui_message(qu, true, "%s", quiz_numeric_hint(q));
		return QR_ENTRY;
	}
	if ((unsigned)pos >= q->nopt) {
		qui_message(qu, true, _("Only A to %c here."),
		    exam_label(q->nopt - 1));
		return QR_ENTRY;
	}
	if (q->type == QUIZ_T_CHOICE) {
		exam_session_choose(&qu->es, qui_current(qu), (unsigned)pos);
		return qui_answered(qu);
	}
	if (memchr(qu->typed, exam_label((unsigned)pos), qu->ntyped) != NULL) {
		qui_message(qu, true, _("%c is in the order already."),
		    exam_label((unsigned)pos));
		return QR_ENTRY;
	}
	if (qu->ntyped < q->nopt && qu->ntyped + 1 < QUI_TYPED_MAX)
		qu->typed[qu->ntyped++] = exam_label((unsigned)pos);
	return QR_ENTRY;
}

static int
qh_digit(struct qui *qu, const struct qui_cmd *uc)
{
	(void)uc;
	if (!qui_open(qu))
		return QR_ENTRY;
	if (qui_q(qu)->type != QUIZ_T_NUMERIC) {
		qui_message(qu, true, "%s", _("Digits answer the questions "
		    "that ask for seconds; here, press a letter."));
		return QR_ENTRY;
	}
	if (qu->ntyped + 1 < QUI_TYPED_MAX)
		qu->typed[qu->ntyped++] = qu->key == ',' ? '.' : (char)qu->key;
	return QR_ENTRY;
}

static int
qh_erase(struct qui *qu, const struct qui_cmd *uc)
{
	(void)uc;
	if (qu->ntyped > 0)
		qu->ntyped--;
	return QR_ENTRY;
}

/* Open a question of the review, or the chosen one of the list. */
static int
qui_open_question(struct qui *qu, unsigned i)
{
	qu->es.current = i;
	qu->screen = QUI_S_QUESTION;
	qu->top = 0;
	qu->ntyped = 0;
	return QR_ALL;
}

static int
qh_enter(struct qui *qu, const struct qui_cmd *uc)
{
	if (qu->screen == QUI_S_LIST)
		return qui_open_question(qu, qu->listsel);
	if (qu->screen == QUI_S_REPORT) {
		if (qu->nreview == 0)
			return qui_nothing(qu);
		return qui_open_question(qu, qu->review[qu->rpos]);
	}
	if (qu->ntyped > 0 && !qu->done)
		return qui_record_typed(qu) ? qui_answered(qu) : QR_ENTRY;
	if (qu->mode == QUI_DRILL && !qu->done && !qui_a(qu)->given) {
		qui_message(qu, false, "%s", _("Answer first, or press n to "
		    "skip this question."));
		return QR_ENTRY;
	}
	return qh_move(qu, uc);
}

static int
qui_move_review(struct qui *qu, int d)
{
	if (qu->nreview == 0) {
		qu->screen = QUI_S_REPORT;
		return QR_ALL;
	}
	if (qu->screen == QUI_S_QUESTION && (d < 0 ? qu->rpos == 0 :
	    qu->rpos + 1 >= qu->nreview)) {
		qui_message(qu, false, "%s", _("That is all: l shows the "
		    "report, q quits."));
		return QR_ENTRY;
	}
	if (qu->screen == QUI_S_QUESTION)
		qu->rpos = d < 0 ? qu->rpos - 1 : qu->rpos + 1;
	return qui_open_question(qu, qu->review[qu->rpos]);
}

/* The drill goes forward only; an unanswered question is skipped. */
static int
qui_move_drill(struct qui *qu, int d)
{
	unsigned cur = qui_current(qu);

	if (d < 0) {
		qui_message(qu, false, "%s", _("The drill goes forward only; "
		    "at the end you can review what you missed."));
		return QR_ENTRY;
	}
	if (cur + 1 >= qu->es.ex.n) {
		qui_finish(qu);
		return QR_ALL;
	}
	return qui_open_question(qu, cur + 1);
}

static int
qh_move(struct qui *qu, const struct qui_cmd *uc)
{
	unsigned cur = qui_current(qu);
	int d = uc->arg < 0 ? -1 : 1;

	if (qu->screen == QUI_S_LIST)
		return qh_scroll(qu, uc);
	if (qu->done)
		return qui_move_review(qu, d);
	if (qu->ntyped > 0) {
		if (!qui_record_typed(qu))
			return QR_ENTRY;
		return qui_answered(qu);
	}
	if (qu->mode == QUI_DRILL)
		return qui_move_drill(qu, d);
	if (d < 0 ? cur == 0 : cur + 1 >= qu->es.ex.n) {
		qui_message(qu, false, "%s", d < 0 ? _("This is the first "
		    "question.") : _("This is the last question: S submits "
		    "the exam."));
		return QR_ENTRY;
	}
	return qui_open_question(qu, d < 0 ? cur - 1 : cur + 1);
}

static int
qh_scroll(struct qui *qu, const struct qui_cmd *uc)
{
	int page = qui_body_rows(qu) - 1, step;

	if (page < 1)
		page = 1;
	switch (uc->arg) {
	case 1:
	case -1:
		step = uc->arg;
		break;
	case 2:
	case -2:
		step = uc->arg / 2 * page;
		break;
	default:
		step = uc->arg < 0 ? -(1 << 20) : 1 << 20;
		break;
	}
	if (qu->screen != QUI_S_LIST) {
		qu->top += step;
		if (qu->top < 0)
			qu->top = 0;
		return QR_BODY | QR_ENTRY;
	}
	step += (int)qu->listsel;
	step = step < 0 ? 0 : step;
	qu->listsel = (unsigned)step >= qu->es.ex.n ?
	    (unsigned)qu->es.ex.n - 1 : (unsigned)step;
	return QR_BODY | QR_ENTRY;
}

static int
qh_list(struct qui *qu, const struct qui_cmd *uc)
{
	(void)uc;
	if (qu->done && qu->screen == QUI_S_REPORT)
		return qu->nreview ? qui_open_question(qu,
		    qu->review[qu->rpos]) : QR_ENTRY;
	qu->top = 0;
	if (qu->done) {
		qu->screen = QUI_S_REPORT;
		return QR_ALL;
	}
	if (qu->mode == QUI_DRILL) {
		qui_message(qu, false, "%s", _("The report comes at the end "
		    "of the drill."));
		return QR_ENTRY;
	}
	qu->listsel = qui_current(qu);
	qu->screen = qu->screen == QUI_S_LIST ? QUI_S_QUESTION : QUI_S_LIST;
	return QR_ALL;
}

static int
qh_clear(struct qui *qu, const struct qui_cmd *uc)
{
	(void)uc;
	if (!qui_open(qu))
		return QR_ENTRY;
	if (qu->ntyped > 0) {
		qu->ntyped = 0;
		return QR_ENTRY;
	}
	exam_session_clear(&qu->es, qui_current(qu));
	return qui_exam_changed(qu);
}

static int
qh_submit(struct qui *qu, const struct qui_cmd *uc)
{
	(void)uc;
	if (qu->done) {
		qui_message(qu, false, "%s", _("The exam is submitted "
		    "already."));
		return QR_ENTRY;
	}
	qu->ask = QUI_A_SUBMIT;
	return QR_ENTRY;
}

static int
qh_misc(struct qui *qu, const struct qui_cmd *uc)
{
	switch (uc->arg) {
	case 0:
		qu->help = true;
		qu->help_top = 0;
		return QR_ALL;
	case 1:
		clearok(curscr, TRUE);
		return QR_ALL;
	default:
		if (qu->mode == QUI_EXAM && !qu->done)
			qu->ask = QUI_A_QUIT;
		else
			qu->quit = true;
		return QR_ENTRY;
	}
}

/* A yes/no question: y does it, anything else says no, except that the
 * offer to resume wants a clear answer, not a stray key. */
static int
qui_ask_key(struct qui *qu, int key)
{
	enum qui_ask ask = qu->ask;
	bool yes = key == 'y' || key == 'Y';

	if (ask == QUI_A_RESUME && !yes && key != 'n' && key != 'N' &&
	    key != 'q' && key != ESC)
		return 0;
	qu->ask = QUI_A_NONE;
	switch (ask) {
	case QUI_A_SUBMIT:
		return yes ? qui_exam_submit(qu, false) : QR_ENTRY;
	case QUI_A_QUIT:
		qu->quit = yes;
		return QR_ENTRY;
	case QUI_A_RESUME:
		return qui_exam_resume_offer(qu, yes);
	case QUI_A_NONE:
		break;
	}
	return QR_ENTRY;
}

static int
qui_help_key(struct qui *qu, int key)
{
	int n = (int)qui_ncmds;

	switch (key) {
	case KEY_NPAGE:
	case KEY_DOWN:
	case ' ':
		qu->help_top += key == KEY_DOWN ? 1 : qui_body_rows(qu) / 2;
		qu->help_top = qu->help_top >= n ? n - 1 : qu->help_top;
		return QR_ALL;
	case KEY_PPAGE:
	case KEY_UP:
		qu->help_top -= key == KEY_UP ? 1 : qui_body_rows(qu) / 2;
		qu->help_top = qu->help_top < 0 ? 0 : qu->help_top;
		return QR_ALL;
	default:
		break;
	}
	qu->help = false;
	return QR_ALL;
}

static bool
qui_key_in(int want, int r, int key)
{
	if (want == QK_LETTER)
		return r != KEY_CODE_YES && key < 128 && isalpha(key) &&
		    toupper(key) >= 'A' && toupper(key) < 'A' + QUIZ_MAXOPT;
	if (want == QK_DIGIT)
		return r != KEY_CODE_YES && key >= '0' && key <= '9';
	return want != 0 && want == key;
}

static const struct qui_cmd *
qui_lookup(const struct qui *qu, int r, int key)
{
	unsigned m = qu->mode == QUI_EXAM ? QUI_M_EXAM : QUI_M_DRILL;

	for (size_t i = 0; i < qui_ncmds; i++) {
		if (!(qui_cmds[i].modes & m))
			continue;
		for (int k = 0; k < 3; k++)
			if (qui_key_in(qui_cmds[i].keys[k], r, key))
				return &qui_cmds[i];
	}
	return NULL;
}

const struct qui_cmd *
qui_cmd_find(const char *name)
{
	for (size_t i = 0; i < qui_ncmds; i++)
		if (strcmp(qui_cmds[i].name, name) == 0)
			return &qui_cmds[i];
	return NULL;
}

/* One key from the main loop; returns what to repaint. */
int
qui_key(struct qui *qu, int r, wint_t wch)
{
	int key = (int)wch, redraw = 0;
	const struct qui_cmd *uc;

	if (qu->ask != QUI_A_NONE)
		return qui_ask_key(qu, key);
	if (qu->help)
		return qui_help_key(qu, key);
	if (qu->msg[0] != '\0') {
		qu->msg[0] = '\0';
		redraw |= QR_ENTRY;
	}
	qu->key = key;
	if (key == ESC && r != KEY_CODE_YES) {
		if (qu->screen == QUI_S_LIST)
			qu->screen = QUI_S_QUESTION;
		qu->ntyped = 0;
		return QR_ALL;
	}
	if ((uc = qui_lookup(qu, r, key)) == NULL)
		return redraw | (r == KEY_CODE_YES || key > ' ' ?
		    qui_nothing(qu) : 0);
	return redraw | uc->fn(qu, uc);
}
