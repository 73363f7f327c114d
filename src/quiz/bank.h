/*
 * The curated question bank: why-questions written by people, one file per
 * theme and language under lessons/LANG/bank/NAME.quiz (doc/quiz-format.md).
 *
 * Data model: a bank is an array of CHOICE questions of kind QUIZ_K_BANK,
 * each with its right option first (opt[0]); whoever shows one shuffles a
 * copy.  Parse errors are values naming file, line, column and message,
 * never output.
 */
#ifndef TCPTEACH_QUIZ_BANK_H
#define TCPTEACH_QUIZ_BANK_H

#include <stdbool.h>
#include <stddef.h>

#include "quiz/quiz.h"
/* struct script_err: {file, line, column, msg}, shared with scripts. */
#include "script/parse.h"

struct quiz_bank {
	struct quiz_question *q;
	size_t n, cap;
};

/* The keys of a question block, in the table the parser reads and the
 * format documentation lists. */
struct quiz_bank_key {
	const char *name;
	unsigned min, max;		/* occurrences per question */
	const char *help;		/* msgid */
};
extern const struct quiz_bank_key quiz_bank_keys[];
extern const size_t quiz_bank_nkeys;

void quiz_bank_init(struct quiz_bank *b);
void quiz_bank_free(struct quiz_bank *b);
/* Parse a buffer, appending its questions to b.  On error nothing of this
 * buffer is kept and *err says where. */
bool quiz_bank_parse(struct quiz_bank *b, const char *file, const char *buf,
    size_t len, struct script_err *err);
/* Read and parse one file. */
bool quiz_bank_load(struct quiz_bank *b, const char *path,
    struct script_err *err);
/* All *.quiz files of a language, in name order. */
bool quiz_bank_load_lang(struct quiz_bank *b, const char *lang,
    struct script_err *err);
/* DATADIR/lessons/LANG/bank (TCPTEACH_DATADIR overrides DATADIR). */
char *quiz_bank_dir(const char *lang);
/* "en" or "zh_CN": the bank language for a --lang value or the locale. */
const char *quiz_lang(const char *want);

#endif
