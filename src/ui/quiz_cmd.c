/*
 * The quiz's commands and key tables: the drill and the exam are two
 * screens that share most handlers.  Option letters and digits are key
 * ranges bound to one command each, whose argument is the option or the
 * character.  A handler changes struct qui or the session, never draws,
 * and returns the parts of the screen to repaint.
 */
#include <config.h>

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/i18n.h"
#include "ui/quiz_int.h"

static int qui_move(struct qui *qu, int d);

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
	if (qu->mode == QUI_EXAM)
		return qui_exam_changed(qu);
	qu->to_mark = true;
	return UI_R_ALL;
}

/* Enter at the prompt: record what was typed, or show how it should
 * look and keep it to fix. */
static int
qui_typed(struct screen *sc, const char *text)
{
	struct qui *qu = sc->state;
	struct quiz_question *q = qui_q(qu);
	unsigned cur = qui_current(qu);
	struct exam_answer a;

	if (*text == '\0')
		return QR_ENTRY;
	if (!exam_answer_parse(q, text, &a)) {
		qui_message(qu, true, "%s", exam_answer_how(q));
		screen_prompt(sc, quiz_answer_label(q), text, qui_typed);
		return QR_ENTRY;
	}
	if (q->type == QUIZ_T_ORDER)
		exam_session_order(&qu->es, cur, a.order, q->nopt);
	else
		exam_session_number(&qu->es, cur, a.number_ms);
	return qui_answered(qu);
}

/* An ORDER or NUMERIC answer is typed at the loop's prompt, which the
 * first letter or digit opens. */
static int
qui_type(struct screen *sc, char first)
{
	char text[2] = { first, '\0' };

	screen_prompt(sc, quiz_answer_label(qui_q(sc->state)), text, qui_typed);
	return QR_ENTRY;
}

/* arg: the option, 0 for A. */
static int
qh_letter(SCREEN_CMD_ARGS)
{
	struct qui *qu = sc->state;
	struct quiz_question *q;
	int pos = arg;

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
	return qui_type(sc, exam_label((unsigned)pos));
}

/* arg: the character typed. */
static int
qh_digit(SCREEN_CMD_ARGS)
{
	struct qui *qu = sc->state;

	if (!qui_open(qu))
		return QR_ENTRY;
	if (qui_q(qu)->type != QUIZ_T_NUMERIC) {
		qui_message(qu, true, "%s", _("Digits answer the questions "
		    "that ask for seconds; here, press a letter."));
		return QR_ENTRY;
	}
	return qui_type(sc, (char)arg);
}

/* Open a question of the review, or the chosen one of the list. */
static int
qui_open_question(struct qui *qu, unsigned i)
{
	qu->es.current = i;
	qu->screen = QUI_S_QUESTION;
	qu->top = 0;
	return UI_R_ALL;
}

static int
qh_enter(SCREEN_CMD_ARGS)
{
	struct qui *qu = sc->state;

	if (qu->screen == QUI_S_LIST)
		return qui_open_question(qu, qu->listsel);
	if (qu->screen == QUI_S_REPORT) {
		if (qu->nreview == 0)
			return qui_nothing(qu);
		return qui_open_question(qu, qu->review[qu->rpos]);
	}
	if (qu->mode == QUI_DRILL && !qu->done && !qui_a(qu)->given) {
		qui_message(qu, false, "%s", _("Answer first, or press n to "
		    "skip this question."));
		return QR_ENTRY;
	}
	return qui_move(qu, 1);
}

static int
qui_move_review(struct qui *qu, int d)
{
	if (qu->nreview == 0) {
		qu->screen = QUI_S_REPORT;
		return UI_R_ALL;
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
		return UI_R_ALL;
	}
	return qui_open_question(qu, cur + 1);
}

static int qui_scroll(struct qui *qu, int step);

static int
qui_move(struct qui *qu, int d)
{
	unsigned cur = qui_current(qu);

	if (qu->screen == QUI_S_LIST)
		return qui_scroll(qu, d);
	if (qu->done)
		return qui_move_review(qu, d);
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
qh_next(SCREEN_CMD_ARGS)
{
	return qui_move(sc->state, 1);
}

static int
qh_prev(SCREEN_CMD_ARGS)
{
	return qui_move(sc->state, -1);
}

/* The body by step lines, or in the list the choice by step questions. */
static int
qui_scroll(struct qui *qu, int step)
{
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
qui_page(const struct qui *qu)
{
	return qu->body_rows > 2 ? qu->body_rows - 1 : 1;
}

/* arg: lines, -1 up, 1 down. */
static int
qh_line(SCREEN_CMD_ARGS)
{
	return qui_scroll(sc->state, arg);
}

/* arg: pages, -1 up, 1 down. */
static int
qh_page(SCREEN_CMD_ARGS)
{
	return qui_scroll(sc->state, arg * qui_page(sc->state));
}

static int
qh_top(SCREEN_CMD_ARGS)
{
	return qui_scroll(sc->state, -(1 << 20));
}

static int
qh_bottom(SCREEN_CMD_ARGS)
{
	return qui_scroll(sc->state, 1 << 20);
}

static int
qh_list(SCREEN_CMD_ARGS)
{
	struct qui *qu = sc->state;

	if (qu->done && qu->screen == QUI_S_REPORT)
		return qu->nreview ? qui_open_question(qu,
		    qu->review[qu->rpos]) : QR_ENTRY;
	qu->top = 0;
	if (qu->done) {
		qu->screen = QUI_S_REPORT;
		return UI_R_ALL;
	}
	if (qu->mode == QUI_DRILL) {
		qui_message(qu, false, "%s", _("The report comes at the end "
		    "of the drill."));
		return QR_ENTRY;
	}
	qu->listsel = qui_current(qu);
	qu->screen = qu->screen == QUI_S_LIST ? QUI_S_QUESTION : QUI_S_LIST;
	return UI_R_ALL;
}

static int
qh_clear(SCREEN_CMD_ARGS)
{
	struct qui *qu = sc->state;

	if (!qui_open(qu))
		return QR_ENTRY;
	exam_session_clear(&qu->es, qui_current(qu));
	return qui_exam_changed(qu);
}

static int
qui_submit_done(struct screen *sc, bool yes)
{
	return yes ? qui_exam_submit(sc->state, false) : QR_ENTRY;
}

static int
qh_submit(SCREEN_CMD_ARGS)
{
	struct qui *qu = sc->state;
	struct exam_score score = exam_session_score(&qu->es);
	char text[320];

	if (qu->done) {
		screen_message(sc, false, "%s", _("The exam is submitted "
		    "already."));
		return QR_ENTRY;
	}
	snprintf(text, sizeof(text), _("Submit now? %u of %u answered. "
	    "y: submit, other key: back"), score.answered, score.total);
	screen_ask(sc, APP_ASK_YESNO, text, qui_submit_done);
	return QR_ENTRY;
}

static int
qui_quit_done(struct screen *sc, bool yes)
{
	if (yes)
		app_pop(sc->app);
	return QR_ENTRY;
}

static int
qh_quit(SCREEN_CMD_ARGS)
{
	struct qui *qu = sc->state;

	if (qu->mode == QUI_EXAM && !qu->done)
		screen_ask(sc, APP_ASK_YESNO, qu->es.save_failed ?
		    _("Quit? Your answers are NOT saved and will be lost. "
		    "y: quit, other key: back") :
		    _("Quit? Answers stay saved, not submitted. y: quit, "
		    "other key: back"), qui_quit_done);
	else
		app_pop(sc->app);
	return QR_ENTRY;
}

/* Esc: back from the list to the question. */
static int
qh_back(SCREEN_CMD_ARGS)
{
	struct qui *qu = sc->state;

	qu->screen = QUI_S_QUESTION;
	return UI_R_ALL;
}

#define CMD(name, help, fn) { name, help, fn, NULL, 0, NULL }

/* Both screens share these; each adds its own answer and mode entries. */
#define QUI_COMMON_CMDS \
	CMD("type-number", N_("type a number of seconds"), qh_digit), \
	CMD("next", N_("next question (in the review: the next one)"), \
	    qh_next), \
	CMD("prev", N_("previous question (in the review: the one before)"), \
	    qh_prev), \
	CMD("line", N_("scroll a line (in the list: the next or previous " \
	    "question)"), qh_line), \
	CMD("page", N_("scroll a page"), qh_page), \
	CMD("bottom", N_("scroll to the end"), qh_bottom), \
	CMD("top", N_("scroll to the top"), qh_top), \
	CMD("help", N_("this help"), screen_h_help), \
	CMD("redraw", N_("redraw the screen"), screen_h_redraw), \
	{ "back", N_("back to the question"), qh_back, NULL, \
	    SCREEN_CMD_NOHELP, NULL }

static const struct screen_cmd qui_drill_cmds[] = {
	CMD("answer", N_("answer with this option (or type the order of the "
	    "segments)"), qh_letter),
	CMD("check", N_("check the typed answer, or go on to the next "
	    "question"), qh_enter),
	CMD("report", N_("at the end: the score and the missed questions"),
	    qh_list),
	CMD("quit", N_("quit"), qh_quit),
	QUI_COMMON_CMDS,
};

static const struct screen_cmd qui_exam_cmds[] = {
	CMD("answer", N_("choose an option (another letter changes it), or "
	    "type an order"), qh_letter),
	CMD("record", N_("record the typed answer; in the list, open the "
	    "chosen question"), qh_enter),
	CMD("list", N_("list of questions, answered or not (after "
	    "submitting: the report)"), qh_list),
	CMD("clear", N_("clear the answer to this question"), qh_clear),
	CMD("submit", N_("submit the exam (asks first)"), qh_submit),
	CMD("quit", N_("quit: the answers stay saved, the exam is not "
	    "submitted (asks first)"), qh_quit),
	QUI_COMMON_CMDS,
};

/* Letters beyond H are keys of their own (n, p, l, x, q...). */
#define QUI_COMMON_KEYS(enter) \
	{ 'a', 'a' + QUIZ_MAXOPT - 1, "answer", 0, "A-H" }, \
	{ 'A', 'A' + QUIZ_MAXOPT - 1, "answer", 0, NULL }, \
	{ '0', '9', "type-number", '0', "0-9" }, \
	{ '.', 0, "type-number", '.', "." }, \
	{ ',', 0, "type-number", '.', NULL }, \
	{ '\r', 0, enter, 0, "Enter" }, { '\n', 0, enter, 0, NULL }, \
	{ UI_K_ENTER, 0, enter, 0, NULL }, \
	{ 'n', 0, "next", 0, "n" }, { ' ', 0, "next", 0, "Space" }, \
	{ UI_K_RIGHT, 0, "next", 0, "Right" }, \
	{ 'p', 0, "prev", 0, "p" }, { UI_K_LEFT, 0, "prev", 0, "Left" }, \
	{ UI_K_DOWN, 0, "line", 1, "Down" }, { 'j', 0, "line", 1, "j" }, \
	{ UI_K_UP, 0, "line", -1, "Up" }, { 'k', 0, "line", -1, "k" }, \
	{ UI_K_PGDN, 0, "page", 1, "PgDn" }, \
	{ UI_K_PGUP, 0, "page", -1, "PgUp" }, \
	{ UI_K_END, 0, "bottom", 0, "End" }, \
	{ UI_K_HOME, 0, "top", 0, "Home" }, \
	{ '?', 0, "help", 0, "?" }, { UI_K_F1, 0, "help", 0, "F1" }, \
	{ UI_CTRL('l'), 0, "redraw", 0, "^L" }, \
	{ 'q', 0, "quit", 0, "q" }, { UI_ESC, 0, "back", 0, NULL }

static const struct screen_key qui_drill_keys[] = {
	QUI_COMMON_KEYS("check"),
	{ 'l', 0, "report", 0, "l" }, { '\t', 0, "report", 0, "Tab" },
};

static const struct screen_key qui_exam_keys[] = {
	QUI_COMMON_KEYS("record"),
	{ 'l', 0, "list", 0, "l" }, { '\t', 0, "list", 0, "Tab" },
	{ 'x', 0, "clear", 0, "x" }, { UI_K_DEL, 0, "clear", 0, "Del" },
	{ 'S', 0, "submit", 0, "S" },
};

const struct screen_def qui_drill_def = {
	.name = "drill", SCREEN_TABLES(qui_drill_cmds, qui_drill_keys),
	.min_rows = QUI_MIN_ROWS, .min_cols = QUI_MIN_COLS
};

const struct screen_def qui_exam_def = {
	.name = "exam", SCREEN_TABLES(qui_exam_cmds, qui_exam_keys),
	.min_rows = QUI_MIN_ROWS, .min_cols = QUI_MIN_COLS,
	.tick = qui_exam_tick, .busy = qui_exam_busy
};
