/*
 * Exports for Moodle (GIFT, Moodle XML) and Anki.
 *
 * Data model: each question becomes one HTML fragment (a paragraph for the
 * stem, <pre> for the figure) that both Moodle formats embed, escaped in
 * their own way: GIFT backslashes its special characters ~ = # { } : and
 * writes line breaks as \n so a question never contains a blank line;
 * Moodle XML escapes the markup as character data.  A question of type
 * ORDER becomes a Moodle "matching" question (each segment matched with
 * its position), which every Moodle since 2.x imports without plugins.
 * Anki gets plain text, tab-separated, with its header lines.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/i18n.h"
#include "quiz/exam.h"
#include "quiz/quiz_internal.h"

/* Fractions (percent) Moodle accepts for an answer. */
static const char *const exam_fractions[] = {
	"100", "90", "83.33333", "80", "75", "70", "66.66667", "60", "50",
	"40", "33.33333", "30", "25", "20", "16.66667", "14.28571", "12.5",
	"11.11111", "10", "5", "0"
};

bool
exam_fraction_ok(const char *percent)
{
	if (percent[0] == '-')
		percent++;
	for (size_t i = 0; i < sizeof(exam_fractions) /
	    sizeof(exam_fractions[0]); i++)
		if (strcmp(percent, exam_fractions[i]) == 0)
			return true;
	return false;
}

/* -100/(n-1): the expected score of a blind guess is then zero. */
const char *
exam_penalty_str(unsigned nopt)
{
	static const char *const pen[] = { "-100", "-100", "-100", "-50",
	    "-33.33333", "-25", "-20", "-16.66667", "-14.28571" };

	return nopt < sizeof(pen) / sizeof(pen[0]) ? pen[nopt] : "-10";
}

static void
html_escape(struct sbuf *b, const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s == '&')
			sbuf_add(b, "&amp;");
		else if (*s == '<')
			sbuf_add(b, "&lt;");
		else if (*s == '>')
			sbuf_add(b, "&gt;");
		else if (*s == '"')
			sbuf_add(b, "&quot;");
		else
			sbuf_addn(b, s, 1);
	}
}

static char *
html_of(const char *text)
{
	struct sbuf b = { 0 };

	html_escape(&b, text);
	return sbuf_take(&b);
}

static char *
question_html(const struct quiz_question *q)
{
	struct sbuf b = { 0 };

	sbuf_add(&b, "<p>");
	html_escape(&b, q->stem);
	sbuf_add(&b, "</p>");
	if (q->figure != NULL) {
		sbuf_add(&b, "<pre>");
		html_escape(&b, q->figure);
		sbuf_add(&b, "</pre>");
	}
	if (q->type == QUIZ_T_ORDER) {
		sbuf_add(&b, "<p>");
		html_escape(&b, _("Match each segment with its position (1 is "
		    "sent first)."));
		sbuf_add(&b, "</p>");
	}
	return sbuf_take(&b);
}

/* ---------------------------------------------------------------- GIFT */

static void
gift_put(FILE *out, const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s == '\n') {
			fputs("\\n", out);
			continue;
		}
		if (strchr("~=#{}:\\", *s) != NULL)
			fputc('\\', out);
		fputc(*s, out);
	}
}

static void
gift_html(FILE *out, const char *text)
{
	char *h = html_of(text);

	gift_put(out, h);
	free(h);
}

static void
gift_answers(FILE *out, const struct quiz_question *q, bool penalty)
{
	char num[32];

	if (q->type == QUIZ_T_NUMERIC) {
		fprintf(out, "#%s:0.001", quiz_seconds_str(q->answer_ms, num,
		    sizeof(num)));
		return;
	}
	fputc('\n', out);
	for (unsigned pos = 0; pos < q->nopt; pos++) {
		unsigned i = quiz_shown(q, pos);

		if (q->type == QUIZ_T_ORDER) {
			fputc('=', out);
			gift_html(out, q->opt[pos].text);
			fprintf(out, " -> %u\n", pos + 1);
			continue;
		}
		if (i == q->correct)
			fputc('=', out);
		else if (penalty)
			fprintf(out, "~%%%s%%", exam_penalty_str(q->nopt));
		else
			fputc('~', out);
		gift_html(out, q->opt[i].text);
		fputc('\n', out);
	}
}

void
exam_export_gift(FILE *out, const struct exam *ex, bool penalty)
{
	fprintf(out, "// tcpteach %s, seed %llu%s%s\n\n", PACKAGE_VERSION,
	    (unsigned long long)ex->p.seed, ex->p.student[0] ? ", student " :
	    "", ex->p.student);
	for (size_t i = 0; i < ex->n; i++) {
		const struct quiz_question *q = &ex->q[i];
		char *h = question_html(q);

		fprintf(out, "// %s\n::Q%zu %s::[html]", q->id, i + 1, q->id);
		gift_put(out, h);
		fputc('{', out);
		gift_answers(out, q, penalty);
		if (q->explain != NULL) {
			fputs("####", out);
			gift_html(out, q->explain);
			if (q->type != QUIZ_T_NUMERIC)
				fputc('\n', out);
		}
		fputs("}\n\n", out);
		free(h);
	}
}

/* ---------------------------------------------------------- Moodle XML */

static void
xml_put(FILE *out, const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s == '&')
			fputs("&amp;", out);
		else if (*s == '<')
			fputs("&lt;", out);
		else if (*s == '>')
			fputs("&gt;", out);
		else
			fputc(*s, out);
	}
}

static void
xml_text(FILE *out, const char *tag, const char *html)
{
	fprintf(out, "    <%s format=\"html\"><text>", tag);
	xml_put(out, html);
	fprintf(out, "</text></%s>\n", tag);
}

static void
xml_head(FILE *out, const struct quiz_question *q, size_t i)
{
	char *h = question_html(q), *e;

	fprintf(out, "  <question type=\"%s\">\n    <name><text>Q%zu ",
	    q->type == QUIZ_T_CHOICE ? "multichoice" :
	    q->type == QUIZ_T_ORDER ? "matching" : "numerical", i + 1);
	xml_put(out, q->id);
	fputs("</text></name>\n", out);
	xml_text(out, "questiontext", h);
	free(h);
	e = q->explain != NULL ? html_of(q->explain) : NULL;
	xml_text(out, "generalfeedback", e != NULL ? e : "");
	free(e);
	fputs("    <defaultgrade>1</defaultgrade>\n"
	    "    <penalty>0</penalty>\n    <hidden>0</hidden>\n", out);
	fputs("    <tags><tag><text>tcpteach</text></tag>", out);
	for (unsigned t = 0; t < QUIZ_NTOPICS; t++)
		if (q->topics & QUIZ_TOPIC_BIT(t))
			fprintf(out, "<tag><text>%s</text></tag>",
			    quiz_topic_name((enum quiz_topic)t));
	fputs("</tags>\n", out);
}

static void
xml_choice(FILE *out, const struct quiz_question *q, bool penalty)
{
	fputs("    <single>true</single>\n"
	    "    <shuffleanswers>false</shuffleanswers>\n"
	    "    <answernumbering>ABCD</answernumbering>\n", out);
	for (unsigned i = 0; i < q->nopt; i++) {
		char *h = html_of(q->opt[i].text);

		fprintf(out, "    <answer fraction=\"%s\" format=\"html\">"
		    "<text>", i == q->correct ? "100" : penalty ?
		    exam_penalty_str(q->nopt) : "0");
		xml_put(out, h);
		fputs("</text><feedback format=\"html\"><text></text>"
		    "</feedback></answer>\n", out);
		free(h);
	}
}

static void
xml_matching(FILE *out, const struct quiz_question *q)
{
	fputs("    <shuffleanswers>true</shuffleanswers>\n", out);
	for (unsigned pos = 0; pos < q->nopt; pos++) {
		char *h = html_of(q->opt[q->shown[pos]].text);

		fputs("    <subquestion format=\"html\"><text>", out);
		xml_put(out, h);
		fprintf(out, "</text><answer><text>%u</text></answer>"
		    "</subquestion>\n", q->shown[pos] + 1);
		free(h);
	}
}

static void
xml_numerical(FILE *out, const struct quiz_question *q)
{
	char num[32];

	fprintf(out, "    <answer fraction=\"100\"><text>%s</text>"
	    "<tolerance>0.001</tolerance><feedback format=\"html\"><text>"
	    "</text></feedback></answer>\n", quiz_seconds_str(q->answer_ms,
	    num, sizeof(num)));
	fputs("    <unitgradingtype>0</unitgradingtype>\n"
	    "    <unitpenalty>0</unitpenalty>\n"
	    "    <showunits>3</showunits>\n"
	    "    <unitsleft>0</unitsleft>\n", out);
}

void
exam_export_moodle_xml(FILE *out, const struct exam *ex, bool penalty)
{
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n", out);
	fprintf(out, "  <question type=\"category\">\n    <category><text>"
	    "$course$/tcpteach/seed-%llu", (unsigned long long)ex->p.seed);
	if (ex->p.student[0] != '\0') {
		fputc('-', out);
		xml_put(out, ex->p.student);
	}
	fputs("</text></category>\n  </question>\n", out);
	for (size_t i = 0; i < ex->n; i++) {
		const struct quiz_question *q = &ex->q[i];

		xml_head(out, q, i);
		if (q->type == QUIZ_T_CHOICE)
			xml_choice(out, q, penalty);
		else if (q->type == QUIZ_T_ORDER)
			xml_matching(out, q);
		else
			xml_numerical(out, q);
		fputs("  </question>\n", out);
	}
	fputs("</quiz>\n", out);
}

/* ---------------------------------------------------------------- Anki */

/* A field: quoted (quotes doubled) when it holds a quote or a newline;
 * tabs become spaces since the tab separates fields. */
static void
anki_field(FILE *out, const char *s)
{
	bool quote = strpbrk(s, "\"\n") != NULL;

	if (quote)
		fputc('"', out);
	for (; *s != '\0'; s++) {
		if (*s == '\t')
			fputc(' ', out);
		else if (*s == '"')
			fputs("\"\"", out);
		else
			fputc(*s, out);
	}
	if (quote)
		fputc('"', out);
}

static char *
anki_front(const struct quiz_question *q)
{
	struct sbuf b = { 0 };

	sbuf_add(&b, "%s\n", q->stem);
	if (q->figure != NULL)
		sbuf_add(&b, "\n%s", q->figure);
	for (unsigned pos = 0; pos < q->nopt; pos++)
		sbuf_add(&b, "\n%c) %s", exam_label(pos),
		    q->opt[quiz_shown(q, pos)].text);
	return sbuf_take(&b);
}

static char *
anki_back(const struct quiz_question *q)
{
	struct sbuf b = { 0 };
	char *ans = exam_answer_str(q);

	sbuf_add(&b, "%s", ans);
	if (q->type == QUIZ_T_CHOICE)
		sbuf_add(&b, ") %s", q->opt[q->correct].text);
	else if (q->type == QUIZ_T_NUMERIC)
		sbuf_add(&b, "%s", quiz_numeric_unit(q));
	if (q->explain != NULL)
		sbuf_add(&b, "\n\n%s", q->explain);
	free(ans);
	return sbuf_take(&b);
}

void
exam_export_anki(FILE *out, const struct exam *ex)
{
	fputs("#separator:tab\n#html:false\n#columns:Front\tBack\tTags\n"
	    "#tags column:3\n", out);
	for (size_t i = 0; i < ex->n; i++) {
		const struct quiz_question *q = &ex->q[i];
		char *front = anki_front(q), *back = anki_back(q);

		anki_field(out, front);
		fputc('\t', out);
		anki_field(out, back);
		fprintf(out, "\ttcpteach tcpteach::%s",
		    quiz_kind_name(q->kind));
		for (unsigned t = 0; t < QUIZ_NTOPICS; t++)
			if (q->topics & QUIZ_TOPIC_BIT(t))
				fprintf(out, " tcpteach::topic::%s",
				    quiz_topic_name((enum quiz_topic)t));
		fputc('\n', out);
		free(front);
		free(back);
	}
}
