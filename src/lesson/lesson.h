/*
 * Guided lessons: the lesson file format (doc/lesson-format.md) as data,
 * and the queries that compute answers and numbers from the simulation.
 *
 * Data model: a struct lesson is what one .lesson file says, parsed once
 * and never changed: a title, a summary, set-up commands and an array of
 * steps.  A step narrates (say), plays scenario commands (run), and then
 * asks for at most one thing: a task (do or goal) whose check lines are
 * scenario `expect` commands evaluated against the learner's world, or a
 * question whose answer is a literal, an ordering, or a query evaluated
 * against the simulated world.  Scenario commands are parsed by
 * src/script into struct cmd, so a lesson shares the language of every
 * other part of tcpteach.  Prose may contain {QUERY} placeholders that are
 * expanded from the world when shown, so no number in a lesson is typed by
 * hand.  Errors are values {file, line, column, message}.
 */
#ifndef TCPTEACH_LESSON_LESSON_H
#define TCPTEACH_LESSON_LESSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "script/parse.h"
#include "sim/world.h"

struct lesson_err {
	char file[256];
	unsigned line, column;		/* 1-based; 0 when not about a line */
	char msg[320];			/* translated */
};

/* ------------------------------------------------------------ queries */

enum lq_kind {
	LQ_STATE,		/* state HOST */
	LQ_NOTICE,		/* notice HOST: the application's last notice */
	LQ_ISN,			/* isn HOST: its initial sequence number */
	LQ_SENT,		/* sent HOST FIELD */
	LQ_INFLIGHT,		/* inflight SEL FIELD */
	LQ_TIME,		/* time [ms|s] */
	LQ_ENTERED,		/* entered HOST STATE [ms|s] */
	LQ_MSL,			/* msl [ms|s] */
	LQ_ANSWER,		/* the question's answer (explain: only) */
	LQ_NUM			/* a number, as in "isn client + 1" */
};

enum lq_field { LQ_F_SEQ, LQ_F_ACK, LQ_F_LEN, LQ_F_FLAGS, LQ_F_ID, LQ_F_NEXT };

struct lesson_term {
	enum lq_kind kind;
	enum sim_host_id host;
	struct cmd_sel sel;
	enum lq_field field;
	enum tcp_state state;
	bool seconds;		/* times in seconds instead of milliseconds */
	uint32_t num;		/* LQ_NUM */
};

/* Terms joined by + or - ("entered client CLOSED s - entered client
 * SYN_SENT s"): enough for the arithmetic of an exam question. */
#define LQ_MAXTERMS 4
struct lesson_query {
	struct lesson_term t[LQ_MAXTERMS];
	char op[LQ_MAXTERMS];	/* op[i] joins t[i] to the sum; op[0] '+' */
	unsigned nterms;
};

/* A computed value: a number (in thousandths, so that "1.5" seconds is
 * exact) or a word such as a state or flags name. */
struct lesson_value {
	bool is_num;
	int64_t milli;
	char word[32];
	bool in_ms;		/* a time counted in milliseconds */
};

/* When each host last entered each state, gathered from the trace while
 * the world is played (a struct world remembers only the present). */
struct lesson_hist {
	bool has[2][TCP_NSTATES];
	uint64_t at[2][TCP_NSTATES];
	bool has_notice[2];
	enum tcp_notice notice[2];	/* the newest notice */
};

/* What a query or placeholder is evaluated against. */
struct lesson_ctx {
	const struct world *w;
	const struct lesson_hist *hist;
	const char *answer;		/* {answer}, or NULL */
};

/* Parse "sent server ack" (len bytes of text).  On error returns false
 * with err->column (1-based within text) and err->msg set. */
bool lesson_query_parse(const char *text, size_t len, struct lesson_query *q,
    struct lesson_err *err);
/* Evaluate; on failure returns false with a translated reason in why. */
bool lesson_query_eval(const struct lesson_query *q,
    const struct lesson_ctx *ctx, struct lesson_value *v, char *why,
    size_t whysize);
char *lesson_value_str(const struct lesson_value *v, char *buf, size_t size);
/* Does what the learner typed equal v?  Numbers compare by value ("300",
 * "0.5"), words case-insensitively with state aliases. */
bool lesson_value_matches(const struct lesson_value *v, const char *typed);
/* Check the placeholders in text without evaluating them. */
bool lesson_text_check(const char *text, struct lesson_err *err);
/* Expand {QUERY} placeholders ("{{" is a brace).  On failure the text is
 * still expanded (a failed placeholder shows as "?") and false is returned
 * with the reason in why. */
bool lesson_expand(const char *text, const struct lesson_ctx *ctx, char *buf,
    size_t size, char *why, size_t whysize);
/* Record the state changes in w's trace into hist (the trace is kept). */
void lesson_hist_feed(struct lesson_hist *hist, const struct world *w);

/* ------------------------------------------------------------ lessons */

/* Prose with the line it came from (for --check's messages). */
struct lesson_text {
	char *s;		/* NULL: absent */
	unsigned line;
};

enum lesson_step_kind {
	LESSON_SAY,		/* narration and run commands only */
	LESSON_TASK,		/* do or goal: checked against the world */
	LESSON_QUESTION
};

enum lesson_qkind {
	LESSON_Q_CHOICE,	/* pick one of choices[] */
	LESSON_Q_VALUE,		/* type a number or a word */
	LESSON_Q_ORDER		/* put choices[] (given in order) in order */
};

struct lesson_step {
	unsigned line;			/* of its `step` line */
	bool fresh;			/* starts from a new world */
	struct lesson_text title;
	struct lesson_text say;		/* paragraphs separated by "\n" */
	struct script run;
	enum lesson_step_kind kind;
	/* LESSON_TASK */
	bool goal;			/* goal: (free) rather than do: */
	struct lesson_text task;
	struct script check;		/* expect commands only */
	struct lesson_text *hints;
	size_t nhints;
	struct script solution;
	/* LESSON_QUESTION */
	enum lesson_qkind qkind;
	struct lesson_text question;
	struct lesson_text *choices;
	size_t nchoices;
	int correct;			/* literal correct choice, or -1 */
	struct script peek;		/* played on a scratch world */
	bool has_query;
	struct lesson_query query;	/* answer-from */
	unsigned query_line;
	struct lesson_text answer;	/* answer: (a literal) */
	struct lesson_text explain;
};

struct lesson {
	char *file;			/* as given to lesson_load */
	char *name;			/* "02-handshake" */
	unsigned num;			/* 2: the name's leading number */
	struct lesson_text title, summary;
	struct script setup;
	struct lesson_step *steps;
	size_t nsteps, capsteps;
};

/* Parse a buffer; file names it in errors.  On failure *l is left empty
 * (lesson_free is still safe) and err says where and why. */
bool lesson_parse_buf(const char *file, const char *buf, size_t len,
    struct lesson *l, struct lesson_err *err);
/* Read and parse a file. */
bool lesson_load(const char *path, struct lesson *l, struct lesson_err *err);
void lesson_free(struct lesson *l);

/* The lesson keywords, for doc/lesson-format.md and the parser. */
struct lesson_keyword {
	const char *name;
	bool in_step;			/* false: header only */
	const char *help;		/* msgid */
};
extern const struct lesson_keyword lesson_keywords[];
extern const size_t lesson_nkeywords;

#endif
