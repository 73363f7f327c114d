/*
 * The drill without a terminal (`tcpteach quiz --plain`): one question at
 * a time on standard output, the answer read as a line, the verdict and
 * the explanation at once.  The TUI's drill does the same with keys.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/i18n.h"
#include "quiz/cli.h"
#include "quiz/session.h"

static void
drill_verdict(FILE *out, const struct quiz_question *q, bool right)
{
	char *ans = exam_answer_str(q);

	if (right)
		fprintf(out, "%s\n", _("Right."));
	else
		fprintf(out, _("Not quite: the answer is %s.\n"), ans);
	if (q->explain != NULL)
		fprintf(out, "%s\n", q->explain);
	fputc('\n', out);
	free(ans);
}

/* A terminal shows what was typed; answers from a pipe or a file are
 * written out, so that a saved transcript reads "Your answer: 42". */
static void
drill_echo(FILE *in, FILE *out, const char *line)
{
	if (!isatty(fileno(in)))
		fprintf(out, "%s\n", line);
}

int
quiz_drill_plain(const struct exam *ex, FILE *in, FILE *out)
{
	struct exam_answer a;
	char line[256];
	unsigned right = 0;
	size_t i;

	for (i = 0; i < ex->n; i++) {
		const struct quiz_question *q = &ex->q[i];

		exam_print_question(out, q, i, EXAM_FMT_TEXT);
		for (;;) {
			fprintf(out, "%s ", _("Your answer:"));
			fflush(out);
			if (fgets(line, sizeof(line), in) == NULL)
				goto done;
			line[strcspn(line, "\r\n")] = '\0';
			drill_echo(in, out, line);
			if (exam_answer_parse(q, line, &a))
				break;
			fprintf(out, "%s\n", exam_answer_how(q));
		}
		right += exam_answer_right(q, &a);
		drill_verdict(out, q, exam_answer_right(q, &a));
	}
done:
	fprintf(out, _("Score: %u of %zu.\n"), right, i);
	return TT_EXIT_OK;
}
