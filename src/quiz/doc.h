/*
 * What the quiz screens show, as a text of paragraphs (lesson/panel.h's
 * struct lpanel, the same model as the lesson's step panel): no
 * terminal, so the layout of questions, feedback and reports can be
 * checked without one, and any front end can show them.
 *
 * Data model: a struct qdoc is the text and mark, the first paragraph of
 * the feedback, so the painter can scroll it into view.  Figures and the
 * exam's list are kept whole, one line each, and cut at the edge rather
 * than wrapped, since their columns mean something.
 */
#ifndef TCPTEACH_QUIZ_DOC_H
#define TCPTEACH_QUIZ_DOC_H

#include <stdbool.h>
#include <stddef.h>

#include "lesson/panel.h"
#include "quiz/session.h"

struct qdoc {
	struct lpanel p;
	size_t mark;		/* paragraph of the feedback, or p.np */
};

/* How a question is shown: while it is being answered, or judged (after
 * the drill's answer, or once the exam is submitted). */
enum qdoc_show { QDOC_ASK, QDOC_JUDGED };

void qdoc_clear(struct qdoc *d);
/* Wrapped text: the first line at indent, the others at indent + hang.
 * Newlines in s start new paragraphs. */
void qdoc_text(struct qdoc *d, int indent, int hang, enum lpanel_role r,
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
