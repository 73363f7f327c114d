/*
 * The quiz's commands and key tables: the drill and the exam are two
 * screens that share most handlers.  Option letters and digits are key
 * ranges bound to one command each, whose argument is the option or the
 * character.  A handler calls the sitting (src/quiz/sitting.h), opens
 * the prompt or asks yes or no, never draws, and returns the parts of
 * the screen to repaint; only the body's scrolling is the screen's own.
 */
#include <config.h>

#include "lib/i18n.h"
#include "ui/quiz_int.h"

static int qui_typed(struct screen *sc, const char *text);

/* An ORDER or NUMERIC answer is typed at the loop's prompt, which the
 * first letter or digit opens; text that does not parse stays there to
 * be fixed. */
static int
qui_answer(struct screen *sc, enum sitting_change c, const char *text)
{
	struct qui *qu = sc->state;

	if (c == SITTING_TYPE)
		screen_prompt(sc, quiz_answer_label(sitting_question(&qu->sit)),
		    text, qui_typed);
	return qui_did(qu, c);
}

/* Enter at the prompt. */
static int
qui_typed(struct screen *sc, const char *text)
{
	struct qui *qu = sc->state;

	return qui_answer(sc, sitting_typed(&qu->sit, text), text);
}

/* arg: the option, 0 for A. */
static int
qh_letter(SCREEN_CMD_ARGS)
{
	struct qui *qu = sc->state;
	char first[2] = { exam_label((unsigned)arg), '\0' };

	return qui_answer(sc, sitting_letter(&qu->sit, (unsigned)arg), first);
}

/* arg: the character typed. */
static int
qh_digit(SCREEN_CMD_ARGS)
{
	struct qui *qu = sc->state;
	char first[2] = { (char)arg, '\0' };

	return qui_answer(sc, sitting_digit(&qu->sit), first);
}

/* A command that is one call of the sitting: the entry's data. */
struct qui_call {
	enum sitting_change (*fn)(struct sitting *s);
};

static const struct qui_call qui_call_enter = { sitting_enter },
    qui_call_list = { sitting_list }, qui_call_clear = { sitting_clear },
    qui_call_back = { sitting_back };

static int
qh_call(SCREEN_CMD_ARGS)
{
	struct qui *qu = sc->state;
	const struct qui_call *call = c->data;

	return qui_did(qu, call->fn(&qu->sit));
}

static int
qh_next(SCREEN_CMD_ARGS)
{
	struct qui *qu = sc->state;

	return qui_did(qu, sitting_move(&qu->sit, 1));
}

static int
qh_prev(SCREEN_CMD_ARGS)
{
	struct qui *qu = sc->state;

	return qui_did(qu, sitting_move(&qu->sit, -1));
}

/* The body by a line or a page (up when arg is negative) or to an end,
 * as the entry's data says; in the list, the choice by as many
 * questions.  The body stops at its top here and at its end when it is
 * painted (qui_clamp_top), once its lines are known. */
static int
qh_scroll(SCREEN_CMD_ARGS)
{
	struct qui *qu = sc->state;
	long page = qu->body_rows > 2 ? qu->body_rows - 1 : 1, all = 1 << 20;
	const long by[] = { [SCROLL_DOWN] = 1, [SCROLL_PAGE_DOWN] = page,
	    [SCROLL_FIRST] = -all, [SCROLL_LAST] = all };
	long step = by[*(const enum scroll_move *)c->data] * (arg < 0 ? -1 : 1);

	if (qu->sit.page == SITTING_LIST)
		return qui_did(qu, sitting_list_move(&qu->sit, (int)step));
	qu->top = qu->top + step < 0 ? 0 : (int)(qu->top + step);
	return QR_BODY | QR_ENTRY;
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
	char text[320];
	const char *ask = sitting_submit_ask(&qu->sit, text, sizeof(text));

	if (ask != NULL)
		screen_ask(sc, APP_ASK_YESNO, ask, qui_submit_done);
	return qui_did(qu, SITTING_SAID);
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
	const char *ask = sitting_quit_ask(&qu->sit);

	if (ask != NULL)
		screen_ask(sc, APP_ASK_YESNO, ask, qui_quit_done);
	else
		app_pop(sc->app);
	return QR_ENTRY;
}

#define CMD(name, help, fn) { name, help, fn, NULL, 0, NULL }
#define CALL(name, help, call) { name, help, qh_call, &call, 0, NULL }
#define SCROLL(name, help, m) { name, help, qh_scroll, \
	(const enum scroll_move[]){ m }, 0, NULL }

/* Both screens share these; each adds its own answer and mode entries. */
#define QUI_COMMON_CMDS \
	CMD("type-number", N_("type a number of seconds"), qh_digit), \
	CMD("next", N_("next question (in the review: the next one)"), \
	    qh_next), \
	CMD("prev", N_("previous question (in the review: the one before)"), \
	    qh_prev), \
	SCROLL("line", N_("scroll a line (in the list: the next or previous " \
	    "question)"), SCROLL_DOWN), \
	SCROLL("page", N_("scroll a page"), SCROLL_PAGE_DOWN), \
	SCROLL("bottom", N_("scroll to the end"), SCROLL_LAST), \
	SCROLL("top", N_("scroll to the top"), SCROLL_FIRST), \
	CMD("help", N_("this help"), screen_h_help), \
	CMD("redraw", N_("redraw the screen"), screen_h_redraw), \
	{ "back", N_("back to the question"), qh_call, &qui_call_back, \
	    SCREEN_CMD_NOHELP, NULL }

static const struct screen_cmd qui_drill_cmds[] = {
	CMD("answer", N_("answer with this option (or type the order of the "
	    "segments)"), qh_letter),
	CALL("check", N_("check the typed answer, or go on to the next "
	    "question"), qui_call_enter),
	CALL("report", N_("at the end: the score and the missed questions"),
	    qui_call_list),
	CMD("quit", N_("quit"), qh_quit),
	QUI_COMMON_CMDS,
};

static const struct screen_cmd qui_exam_cmds[] = {
	CMD("answer", N_("choose an option (another letter changes it), or "
	    "type an order"), qh_letter),
	CALL("record", N_("record the typed answer; in the list, open the "
	    "chosen question"), qui_call_enter),
	CALL("list", N_("list of questions, answered or not (after "
	    "submitting: the report)"), qui_call_list),
	CALL("clear", N_("clear the answer to this question"), qui_call_clear),
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
	SCREEN_ENTER_KEYS(enter), \
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
