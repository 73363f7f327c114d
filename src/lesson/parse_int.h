/*
 * Internals of the lesson parser, shared by parse.c (lines, header, tasks)
 * and parse_q.c (questions, step completeness, loading).
 *
 * Data model: see parse.c.  struct lp is the parser's cursor: the lesson
 * being built, the current step, the keyword of the previous line and the
 * text of this one.
 */
#ifndef TCPTEACH_LESSON_PARSE_INT_H
#define TCPTEACH_LESSON_PARSE_INT_H

#include "lesson/lesson.h"

/* Indexes of lesson_keywords[], in its order. */
enum lp_key { K_TITLE, K_SUMMARY, K_SETUP, K_STEP, K_FRESH, K_SAY, K_RUN,
    K_DO, K_GOAL, K_CHECK, K_HINT, K_SOLUTION, K_QUESTION, K_CHOICE, K_CORRECT,
    K_ORDER, K_PEEK, K_ANSWER_FROM, K_ANSWER, K_EXPLAIN, K_NONE };

struct lp {
	struct lesson *l;
	struct lesson_step *st;		/* NULL in the header */
	struct lesson_err *err;
	enum lp_key last;		/* keyword of the previous line */
	unsigned line;
	unsigned col;			/* column where text starts */
	char *text;			/* this line's text (NUL-terminated) */
	bool started;			/* an event has been played */
};

bool lp_fail(struct lp *, unsigned, const char *, ...)
    __attribute__((format(printf, 3, 4)));
void lp_text_add(struct lp *, struct lesson_text *, bool join);
struct lesson_text *lp_list_add(struct lp *, struct lesson_text **,
    size_t *);
bool lp_need_text(struct lp *, const char *what);
bool lp_prose(struct lp *, struct lesson_text *, enum lp_key);
bool lp_cmd(struct lp *, struct script *, struct cmd *);

/* parse_q.c */
bool lp_question(struct lp *);
bool lp_choice(struct lp *);
bool lp_correct(struct lp *);
bool lp_order(struct lp *);
bool lp_peek(struct lp *);
bool lp_answer_from(struct lp *);
bool lp_answer(struct lp *);
bool lp_explain(struct lp *);
bool lp_step_done(struct lp *);

#endif
