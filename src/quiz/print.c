/*
 * Exams on paper: plain text or Markdown, and the answer key.
 *
 * Data model: output is a pure function of the exam; figures are printed
 * verbatim (indented in text, fenced in Markdown), options are labelled
 * A, B, ... in the order shown, and nothing depends on the clock or the
 * environment, so two runs with the same parameters are byte-identical.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/i18n.h"
#include "quiz/exam.h"
#include "quiz/quiz_internal.h"

/* Markdown: backslash the punctuation that could start markup. */
static void
md_text(FILE *out, const char *s)
{
	for (; *s != '\0'; s++) {
		if (strchr("\\`*_[]<>#|", *s) != NULL)
			fputc('\\', out);
		fputc(*s, out);
	}
}

static void
put_text(FILE *out, const char *s, enum exam_format fmt)
{
	if (fmt == EXAM_FMT_MD)
		md_text(out, s);
	else
		fputs(s, out);
}

static void
put_figure(FILE *out, const char *fig, enum exam_format fmt)
{
	const char *p = fig;

	if (fmt == EXAM_FMT_MD) {
		fprintf(out, "\n```\n%s%s```\n", fig,
		    fig[0] != '\0' && fig[strlen(fig) - 1] != '\n' ? "\n" : "");
		return;
	}
	fputc('\n', out);
	while (*p != '\0') {
		size_t n = strcspn(p, "\n");

		if (n > 0)
			fprintf(out, "    %.*s", (int)n, p);
		fputc('\n', out);
		p += n + (p[n] != '\0');
	}
}

static void
print_header(FILE *out, const struct exam *ex, enum exam_format fmt,
    bool key)
{
	const struct exam_params *p = &ex->p;

	if (fmt == EXAM_FMT_MD)
		fputs("# ", out);
	fputs(key ? _("tcpteach exam: answer key") : _("tcpteach exam"), out);
	fputs("\n\n", out);
	fprintf(out, _("Seed %llu"), (unsigned long long)p->seed);
	if (p->student[0] != '\0') {
		/* TRANSLATORS: separates items of the exam's heading. */
		fputs(_(", "), out);
		fprintf(out, _("student %s"), p->student);
	}
	fputs(_(", "), out);
	fprintf(out, ngettext("%u question", "%u questions", ex->n),
	    (unsigned)ex->n);
	if (p->minutes > 0) {
		/* TRANSLATORS: separates items of the exam's heading. */
		fputs(_(", "), out);
		fprintf(out, ngettext("%u minute", "%u minutes",
		    p->minutes), p->minutes);
	}
	fputs(fmt == EXAM_FMT_MD ? "\n\n" : "\n", out);
	if (!key) {
		fprintf(out, "%s ________________________________\n",
		    _("Name:"));
	}
	fputc('\n', out);
}

static void
print_options(FILE *out, const struct quiz_question *q, enum exam_format fmt)
{
	fputc('\n', out);
	if (q->type == QUIZ_T_ORDER) {
		fprintf(out, "%s\n\n", _("Write the letters in the order the "
		    "segments are sent."));
	}
	for (unsigned pos = 0; pos < q->nopt; pos++) {
		fprintf(out, fmt == EXAM_FMT_MD ? "- **%c)** " : "   %c) ",
		    exam_label(pos));
		put_text(out, q->opt[quiz_shown(q, pos)].text, fmt);
		fputc('\n', out);
	}
	if (q->type == QUIZ_T_ORDER)
		fprintf(out, "\n   %s ______________________\n", _("Order:"));
}

void
exam_print_question(FILE *out, const struct quiz_question *q, size_t i,
    enum exam_format fmt)
{
	fprintf(out, fmt == EXAM_FMT_MD ? "## %zu.\n\n" : "%zu. ", i + 1);
	put_text(out, q->stem, fmt);
	fputc('\n', out);
	if (q->figure != NULL)
		put_figure(out, q->figure, fmt);
	if (q->type == QUIZ_T_NUMERIC)
		fprintf(out, "\n   %s ____________%s\n", _("Answer:"),
		    quiz_numeric_unit(q));
	else
		print_options(out, q, fmt);
	fputc('\n', out);
}

void
exam_print(FILE *out, const struct exam *ex, enum exam_format fmt)
{
	print_header(out, ex, fmt, false);
	for (size_t i = 0; i < ex->n; i++)
		exam_print_question(out, &ex->q[i], i, fmt);
}

void
exam_print_key(FILE *out, const struct exam *ex, enum exam_format fmt)
{
	print_header(out, ex, fmt, true);
	for (size_t i = 0; i < ex->n; i++) {
		const struct quiz_question *q = &ex->q[i];
		char *ans = exam_answer_str(q);

		fprintf(out, fmt == EXAM_FMT_MD ? "%zu. **%s**" : "%zu. %s",
		    i + 1, ans);
		if (q->type == QUIZ_T_CHOICE) {
			fputs(" (", out);
			put_text(out, q->opt[q->correct].text, fmt);
			fputc(')', out);
		} else if (q->type == QUIZ_T_NUMERIC) {
			fputs(quiz_numeric_unit(q), out);
		}
		fputc('\n', out);
		if (q->explain != NULL) {
			fputs("   ", out);
			put_text(out, q->explain, fmt);
			fputc('\n', out);
		}
		free(ans);
	}
}
