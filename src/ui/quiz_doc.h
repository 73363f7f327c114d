/*
 * What the quiz screens show, as plain lines: no curses, so the layout of
 * questions, feedback and reports can be checked without a terminal.
 *
 * Data model: a struct qdoc is a list of lines already broken to a width
 * (by display columns, so CJK text wraps right), each with an indent and
 * a role the painter turns into attributes.  Figures are kept whole, one
 * line per figure line, and are cut at the edge rather than wrapped, since
 * their columns mean something.  mark is the first line of the feedback,
 * so the painter can scroll it into view.
 */
#ifndef TCPTEACH_UI_QUIZ_DOC_H
#define TCPTEACH_UI_QUIZ_DOC_H

#include <stdbool.h>
#include <stddef.h>

#include "quiz/session.h"

enum qdoc_role {
	QD_TEXT,
	QD_TITLE,
	QD_KEY,
	QD_DIM,
	QD_OK,
	QD_ERR,
	QD_PICK,
	QD_FIG
};

struct qdoc_line {
	char *text;
	int indent;
	enum qdoc_role role;
};

struct qdoc {
	struct qdoc_line *l;
	size_t n, cap;
	int width;		/* columns available, indents included */
	size_t mark;		/* first line of the feedback, or n */
};

/* How a question is shown: while it is being answered, or judged (after
 * the drill's answer, or once the exam is submitted). */
enum qdoc_show { QDOC_ASK, QDOC_JUDGED };

void qdoc_init(struct qdoc *d, int width);
void qdoc_free(struct qdoc *d);
void qdoc_clear(struct qdoc *d, int width);
/* Wrapped text: the first line at indent, the others at indent + hang.
 * Newlines in s start new lines. */
void qdoc_text(struct qdoc *d, int indent, int hang, enum qdoc_role r,
    const char *s);
void qdoc_blank(struct qdoc *d);

/* The student's answer as written: "B", "C A D B", "4.15". */
char *qdoc_answer_str(const struct quiz_question *q,
    const struct exam_answer *a, char *buf, size_t size);

/* Question i: stem, figure, options (the picked one marked), then, when
 * judged, the verdict, the right answer and the explanation. */
void qdoc_question(struct qdoc *d, const struct quiz_question *q,
    const struct exam_answer *a, enum qdoc_show show);
/* The exam's question list: number, answered or not, the answer. */
void qdoc_overview(struct qdoc *d, const struct exam_session *s);
/* The score, then per question (all, or the missed ones only) the
 * verdict, the answers and the explanation. */
void qdoc_report(struct qdoc *d, const struct exam_session *s,
    bool missed_only);

#endif
