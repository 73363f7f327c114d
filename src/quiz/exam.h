/*
 * Exams: a reproducible list of questions, and the ways out of tcpteach
 * (printed text or Markdown, an answer key, Moodle GIFT, Moodle XML and
 * Anki), plus the model of a timed attempt (session.h).
 *
 * Data model: struct exam_params is everything that decides an exam:
 * seed, optional student id, count, topics and language (minutes only
 * labels it).  exam_build() turns it into questions, depending on nothing
 * else but the bank files, so the same parameters give the same exam byte
 * for byte; a student id is hashed into the seed so each student of a
 * class gets their own exam from one published seed.
 */
#ifndef TCPTEACH_QUIZ_EXAM_H
#define TCPTEACH_QUIZ_EXAM_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "quiz/bank.h"
#include "quiz/quiz.h"

#define EXAM_MAXCOUNT 500

struct exam_params {
	uint64_t seed;
	char student[64];		/* "" when none */
	unsigned count;
	unsigned minutes;		/* 0: no time limit */
	unsigned topics;		/* QUIZ_TOPIC_BIT mask */
	char lang[16];			/* "en", "zh_CN" */
	bool generated_only;		/* leave the bank out */
};

struct exam {
	struct exam_params p;
	uint64_t seed;			/* the seed after the student's hash */
	struct quiz_question *q;
	size_t n;
};

void exam_params_init(struct exam_params *p);
uint64_t exam_seed(const struct exam_params *p);
/* Build the exam (bank may be NULL or empty).  False only when no question
 * at all fits the topics. */
bool exam_build(struct exam *ex, const struct exam_params *p,
    const struct quiz_bank *bank);
void exam_free(struct exam *ex);

enum exam_format { EXAM_FMT_TEXT, EXAM_FMT_MD };

/* Paper: the questions, then (separately) the key with explanations. */
void exam_print(FILE *out, const struct exam *ex, enum exam_format fmt);
void exam_print_key(FILE *out, const struct exam *ex, enum exam_format fmt);
/* One question, numbered i + 1 (the drill prints them one at a time). */
void exam_print_question(FILE *out, const struct quiz_question *q, size_t i,
    enum exam_format fmt);

/* "A", "B", ...: the label of the option shown at position pos. */
char exam_label(unsigned pos);
/* The right answer as the student would write it: "B", "C A D B" (ORDER:
 * labels in the right order), "4.15" (NUMERIC, seconds). */
char *exam_answer_str(const struct quiz_question *q);

/* Exports.  penalty: wrong choices take away a share so that guessing
 * scores zero on average (GIFT and Moodle XML). */
void exam_export_gift(FILE *out, const struct exam *ex, bool penalty);
void exam_export_moodle_xml(FILE *out, const struct exam *ex, bool penalty);
void exam_export_anki(FILE *out, const struct exam *ex);
/* Fractions Moodle accepts for an answer, in percent (with their
 * negatives): 100, 90, 83.33333, ... 5. */
bool exam_fraction_ok(const char *percent);
/* The accepted fraction for -100/(n-1) percent, as text. */
const char *exam_penalty_str(unsigned nopt);

#endif
