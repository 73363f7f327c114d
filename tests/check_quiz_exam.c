/*
 * The bank parser, exams, exports and the attempt model.  The exports are
 * read back by small checkers written here: a GIFT reader (one unescaped
 * brace pair per question, one right answer, Moodle's fractions only), an
 * XML well-formedness checker (balanced tags, known entities, quoted
 * attributes) that also counts question types, and an Anki reader.
 */
#include <config.h>

#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check_quiz_util.h"
#include "quiz/bank.h"
#include "quiz/exam.h"
#include "quiz/json.h"
#include "quiz/quiz_internal.h"
#include "quiz/session.h"

/* ---------------------------------------------------------------- bank */

static const char good_bank[] =
    "# a comment\n"
    "[q-one]\n"
    "topic: handshake, numbers\n"
    "ask: Why\n"
    "  three?\n"
    "figure:\n"
    "| a  b\n"
    "|   c\n"
    "right: Because.\n"
    "wrong: No.\n"
    "wrong: Never.\n"
    "explain: So.\n"
    "rfc: 3.5\n"
    "\n"
    "[q-two]\n"
    "topic: rst\n"
    "ask: 为什么\n"
    "  要复位？\n"
    "right: A\n"
    "wrong: B\n"
    "wrong: C\n"
    "explain: D\n";

START_TEST(test_bank_parses_blocks_continuations_and_figures)
{
	struct quiz_bank b;
	struct script_err e;

	quiz_bank_init(&b);
	ck_assert(quiz_bank_parse(&b, "t", good_bank, strlen(good_bank), &e));
	ck_assert_uint_eq(b.n, 2);
	ck_assert_str_eq(b.q[0].id, "q-one");
	ck_assert_str_eq(b.q[0].stem, "Why three?");
	ck_assert_str_eq(b.q[0].figure, "a  b\n  c\n");
	ck_assert_str_eq(b.q[0].opt[0].text, "Because.");
	ck_assert_uint_eq(b.q[0].nopt, 3);
	ck_assert_uint_eq(b.q[0].correct, 0);
	ck_assert_uint_eq(b.q[0].topics, QUIZ_TOPIC_BIT(QUIZ_TOP_HANDSHAKE) |
	    QUIZ_TOPIC_BIT(QUIZ_TOP_NUMBERS));
	ck_assert_str_eq(b.q[1].stem, "为什么要复位？");
	quiz_bank_free(&b);
}
END_TEST

/* A Chinese continuation keeps its space next to Latin text ("进入
 * TIME_WAIT") and joins Chinese to Chinese directly. */
START_TEST(test_bank_chinese_latin_continuation_keeps_space)
{
	static const char text[] = "[q]\ntopic: close\n"
	    "ask: 哪一方进入\n  TIME_WAIT？先调用 close()\n  的一方。\n"
	    "right: A\nwrong: B\nwrong: C\nexplain: D\n";
	struct quiz_bank b;
	struct script_err e;

	quiz_bank_init(&b);
	ck_assert(quiz_bank_parse(&b, "t", text, strlen(text), &e));
	ck_assert_str_eq(b.q[0].stem,
	    "哪一方进入 TIME_WAIT？先调用 close() 的一方。");
	quiz_bank_free(&b);
}
END_TEST

static const struct {
	const char *text;
	unsigned line, column;
	const char *words;		/* expected in the message */
} bank_errors[] = {
	{ "ask: x\n", 1, 1, "[id]" },
	{ "[a]\nbogus: x\n", 2, 1, "unknown" },
	{ "[a]\ntopic: close, nope\n", 2, 15, "topic" },
	{ "[a b]\n", 1, 3, "[id]" },
	{ "[a]\ntopic: rst\nask: q\nright: r\nwrong: w\nexplain: e\n", 1, 1,
	    "wrong" },
	{ "[a]\ntopic: rst\nask: q\nwrong: w\nwrong: x\nexplain: e\n", 1, 1,
	    "right" },
	{ "[a]\nask: q\nask: r\n", 3, 1, "too many" },
	{ "[a]\n  more\n", 2, 1, "continue" },
	{ "[a]\n| fig\n", 2, 1, "figure" },
	{ "[a]\nask:\n", 2, 5, "empty" },
	{ "[a]\nask: b\xff\n", 2, 7, "UTF-8" },
	{ "[a]\ntopic: rst\nask: q\nright: r\nwrong: r\nwrong: x\n"
	    "explain: e\n", 5, 1, "repeats" },
	{ "[a]\ntopic: rst\nask: q\nright: r\nwrong: w\nwrong: x\n"
	    "explain: e\n[a]\n", 8, 2, "already" },
};

START_TEST(test_bank_errors_name_line_and_column)
{
	struct quiz_bank b;
	struct script_err e;
	const char *t = bank_errors[_i].text;

	quiz_bank_init(&b);
	ck_assert(!quiz_bank_parse(&b, "f.quiz", t, strlen(t), &e));
	ck_assert_uint_eq(b.n, 0);
	ck_assert_str_eq(e.file, "f.quiz");
	ck_assert_uint_eq(e.line, bank_errors[_i].line);
	ck_assert_uint_eq(e.column, bank_errors[_i].column);
	ck_assert_msg(strstr(e.msg, bank_errors[_i].words) != NULL, "%s",
	    e.msg);
	quiz_bank_free(&b);
}
END_TEST

START_TEST(test_shipped_banks_match_across_languages)
{
	struct quiz_bank en, zh;
	struct script_err e;

	quiz_bank_init(&en);
	quiz_bank_init(&zh);
	ck_assert_msg(quiz_bank_load_lang(&en, "en", &e), "%s:%u:%u: %s",
	    e.file, e.line, e.column, e.msg);
	ck_assert_msg(quiz_bank_load_lang(&zh, "zh_CN", &e), "%s:%u:%u: %s",
	    e.file, e.line, e.column, e.msg);
	ck_assert_uint_ge(en.n, 20);
	ck_assert_uint_eq(en.n, zh.n);
	for (size_t i = 0; i < en.n; i++) {
		ck_assert_str_eq(en.q[i].id, zh.q[i].id);
		ck_assert_uint_eq(en.q[i].nopt, zh.q[i].nopt);
		ck_assert_uint_eq(en.q[i].topics, zh.q[i].topics);
		ck_assert_ptr_nonnull(en.q[i].explain);
	}
	printf("check_quiz_exam: bank has %zu questions in en and zh_CN\n",
	    en.n);
	quiz_bank_free(&en);
	quiz_bank_free(&zh);
}
END_TEST

/* Characters, not bytes: what a student sees of an option's length. */
static size_t
utf8_chars(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

/* The bank had the right option as the longest in 36 of 37 questions:
 * students learn to pick the longest.  At most 40% in each language. */
START_TEST(test_bank_right_option_not_systematically_longest)
{
	static const char *const langs[] = { "en", "zh_CN" };
	struct quiz_bank b;
	struct script_err e;
	size_t longest = 0;

	quiz_bank_init(&b);
	ck_assert(quiz_bank_load_lang(&b, langs[_i], &e));
	for (size_t i = 0; i < b.n; i++) {
		const struct quiz_question *q = &b.q[i];
		size_t len = utf8_chars(q->opt[q->correct].text);
		bool strict = true;

		for (unsigned j = 0; j < q->nopt; j++)
			if (j != q->correct &&
			    utf8_chars(q->opt[j].text) >= len)
				strict = false;
		longest += strict;
	}
	ck_assert_uint_ge(b.n, 20);
	ck_assert_msg(10 * longest <= 4 * b.n, "%s: the right option is the "
	    "longest in %zu of %zu questions", langs[_i], longest, b.n);
	printf("check_quiz_exam: %s bank: right option longest in %zu of "
	    "%zu\n", langs[_i], longest, b.n);
	quiz_bank_free(&b);
}
END_TEST

/* ---------------------------------------------------------------- exam */

static void
build(struct exam *ex, uint64_t seed, const char *student, unsigned count)
{
	struct exam_params p;
	struct quiz_bank b;
	struct script_err e;

	exam_params_init(&p);
	p.seed = seed;
	p.count = count;
	snprintf(p.student, sizeof(p.student), "%s", student);
	quiz_bank_init(&b);
	ck_assert(quiz_bank_load_lang(&b, "en", &e));
	ck_assert(exam_build(ex, &p, &b));
	ck_assert_uint_eq(ex->n, count);
	quiz_bank_free(&b);
}

static char *
printed(uint64_t seed, const char *student)
{
	struct exam ex;
	char *buf = NULL;
	size_t len = 0;

	build(&ex, seed, student, 20);
	CQ_CAPTURE(buf, len, exam_print(out, &ex, EXAM_FMT_MD);
	    exam_print_key(out, &ex, EXAM_FMT_TEXT);
	    exam_export_gift(out, &ex, true);
	    exam_export_moodle_xml(out, &ex, false);
	    exam_export_anki(out, &ex));
	exam_free(&ex);
	return buf;
}

START_TEST(test_exam_is_byte_identical_for_same_parameters)
{
	char *a = printed(42, ""), *b = printed(42, ""), *c = printed(43, "");
	char *d = printed(42, "alice"), *e = printed(42, "bob");

	ck_assert_str_eq(a, b);
	ck_assert_str_ne(a, c);
	ck_assert_str_ne(a, d);
	ck_assert_str_ne(d, e);
	free(a), free(b), free(c), free(d), free(e);
}
END_TEST

START_TEST(test_exam_mixes_kinds_and_bank)
{
	struct exam ex;
	unsigned seen = 0;

	build(&ex, 5, "", 24);
	for (size_t i = 0; i < ex.n; i++)
		seen |= 1u << ex.q[i].kind;
	ck_assert_uint_eq(seen, (1u << QUIZ_NKINDS) - 1);
	exam_free(&ex);
}
END_TEST

/* What a teacher gets from a 40-question exam: at least 12 generated
 * kinds and the bank, and no kind more than 4 times. */
START_TEST(test_exam_of_40_spreads_over_kinds)
{
	for (uint64_t seed = 1; seed <= 30; seed++) {
		struct exam ex;
		unsigned per[QUIZ_NKINDS] = { 0 }, kinds = 0;

		build(&ex, seed, seed % 2 ? "" : "s1", 40);
		ck_assert_uint_eq(ex.n, 40);
		for (size_t i = 0; i < ex.n; i++)
			per[ex.q[i].kind]++;
		for (unsigned k = 0; k < QUIZ_NKINDS; k++) {
			ck_assert_msg(per[k] <= 4, "seed %llu: %u of kind %s",
			    (unsigned long long)seed, per[k],
			    quiz_kind_name((enum quiz_kind)k));
			kinds += k != QUIZ_K_BANK && per[k] > 0;
		}
		ck_assert_uint_ge(kinds, 12);
		ck_assert_uint_gt(per[QUIZ_K_BANK], 0);
		exam_free(&ex);
	}
}
END_TEST

/* Seed 7 asked one "count the segments" question twice, word for word,
 * and so did 7 of the 30 exams from seed 100: no exam repeats a question
 * (same stem, figure and options). */
START_TEST(test_exam_never_asks_the_same_question_twice)
{
	for (uint64_t seed = 100; seed < 160; seed++) {
		struct exam ex;

		build(&ex, seed == 100 ? 7 : seed, "", 40);
		for (size_t i = 0; i < ex.n; i++)
			for (size_t j = i + 1; j < ex.n; j++) {
				const struct quiz_question *a = &ex.q[i],
				    *b = &ex.q[j];
				bool same = strcmp(a->stem, b->stem) == 0 &&
				    a->nopt == b->nopt &&
				    (a->figure == NULL) == (b->figure == NULL)
				    && (a->figure == NULL ||
				    strcmp(a->figure, b->figure) == 0);

				for (unsigned k = 0; same && k < a->nopt; k++) {
					bool found = false;

					for (unsigned m = 0; m < b->nopt; m++)
						found = found || strcmp(
						    a->opt[k].text,
						    b->opt[m].text) == 0;
					same = found;
				}
				ck_assert_msg(!same, "seed %llu: Q%zu and Q%zu "
				    "are the same: %s", (unsigned long long)
				    seed, i + 1, j + 1, a->stem);
			}
		exam_free(&ex);
	}
}
END_TEST

/* ---------------------------------------------------------------- GIFT */

/* One question block: "::title::[html]text{answers}".  Returns the
 * number of right answers, checking fractions and escapes. */
static unsigned
gift_question(const char *q)
{
	const char *open = NULL, *close = NULL, *p;
	unsigned right = 0;

	ck_assert_msg(strncmp(q, "::", 2) == 0, "no title: %.40s", q);
	for (p = q; *p != '\0'; p++) {
		if (*p == '\\') {
			ck_assert(strchr("~=#{}:\\n", p[1]) != NULL);
			p++;
			continue;
		}
		if (*p == '{') {
			ck_assert_ptr_null(open);
			open = p;
		} else if (*p == '}') {
			ck_assert_ptr_nonnull(open);
			ck_assert_ptr_null(close);
			close = p;
		} else if (open != NULL && close == NULL && *p == '%' &&
		    p[-1] == '~') {
			char frac[32];
			size_t n = strcspn(p + 1, "%");

			ck_assert(n < sizeof(frac));
			memcpy(frac, p + 1, n);
			frac[n] = '\0';
			ck_assert_msg(exam_fraction_ok(frac), "fraction %s",
			    frac);
			p += n + 1;
		} else if (open != NULL && close == NULL && *p == '=' &&
		    (p[-1] == '\n' || p[-1] == '{')) {
			right++;
		} else if (open != NULL && close == NULL && *p == '#' &&
		    p[-1] == '{') {
			right++;		/* numerical */
		}
	}
	ck_assert_ptr_nonnull(close);
	return right;
}

START_TEST(test_gift_reads_back)
{
	struct exam ex;
	char *buf = NULL, *save = NULL, *blk;
	size_t len = 0, nq = 0;

	build(&ex, 11, "", 30);
	CQ_CAPTURE(buf, len, exam_export_gift(out, &ex, true));
	for (blk = strtok_r(buf, "\n", &save); blk != NULL;
	    blk = strtok_r(NULL, "\n", &save)) {
		struct quiz_question *q;
		unsigned right;

		if (strncmp(blk, "//", 2) == 0)
			continue;
		ck_assert(nq < ex.n);
		q = &ex.q[nq++];
		/* Reassemble the answer lines of this question. */
		while (blk[strlen(blk) - 1] != '}') {
			char *next = strtok_r(NULL, "\n", &save);

			ck_assert_ptr_nonnull(next);
			next[-1] = '\n';
		}
		right = gift_question(blk);
		ck_assert_uint_eq(right, q->type == QUIZ_T_ORDER ? q->nopt : 1);
	}
	ck_assert_uint_eq(nq, ex.n);
	printf("check_quiz_exam: GIFT read back, %zu questions\n", nq);
	free(buf);
	exam_free(&ex);
}
END_TEST

START_TEST(test_fractions)
{
	ck_assert(exam_fraction_ok("100"));
	ck_assert(exam_fraction_ok("-33.33333"));
	ck_assert(exam_fraction_ok("14.28571"));
	ck_assert(!exam_fraction_ok("33.3"));
	ck_assert(!exam_fraction_ok("15"));
	for (unsigned n = 2; n <= QUIZ_MAXOPT; n++)
		ck_assert(exam_fraction_ok(exam_penalty_str(n)));
}
END_TEST

/* ---------------------------------------------------------- Moodle XML */

struct xmlck {
	char stack[32][32];
	int depth;
	unsigned types[4];	/* multichoice, numerical, matching, other */
};

static const char *
xml_tag(struct xmlck *x, const char *p)
{
	bool end = p[1] == '/';
	const char *name = p + 1 + end, *gt = strchr(p, '>');
	size_t n = strcspn(name, " />");

	ck_assert_ptr_nonnull(gt);
	ck_assert(n > 0 && n < 32);
	if (end) {
		ck_assert_int_gt(x->depth, 0);
		x->depth--;
		ck_assert(strncmp(x->stack[x->depth], name, n) == 0 &&
		    x->stack[x->depth][n] == '\0');
		return gt;
	}
	for (const char *a = name + n; a < gt; a++)
		if (*a == '=')
			ck_assert(a[1] == '"');
	if (strncmp(p, "<question type=\"", 16) == 0) {
		const char *t = p + 16;

		x->types[strncmp(t, "multichoice\"", 12) == 0 ? 0 :
		    strncmp(t, "numerical\"", 10) == 0 ? 1 :
		    strncmp(t, "matching\"", 9) == 0 ? 2 : 3]++;
	}
	if (gt[-1] != '/') {
		ck_assert_int_lt(x->depth, 32);
		memcpy(x->stack[x->depth], name, n);
		x->stack[x->depth++][n] = '\0';
	}
	return gt;
}

static void
xml_check(struct xmlck *x, const char *doc)
{
	const char *p = strstr(doc, "?>");

	ck_assert(strncmp(doc, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
	    38) == 0);
	memset(x, 0, sizeof(*x));
	for (p += 2; *p != '\0'; p++) {
		if (*p == '<')
			p = xml_tag(x, p);
		else if (*p == '&')
			ck_assert(strncmp(p, "&amp;", 5) == 0 ||
			    strncmp(p, "&lt;", 4) == 0 ||
			    strncmp(p, "&gt;", 4) == 0 ||
			    strncmp(p, "&quot;", 6) == 0);
		else
			ck_assert(*p != '>');
	}
	ck_assert_int_eq(x->depth, 0);
}

START_TEST(test_moodle_xml_well_formed_with_right_types)
{
	struct exam ex;
	struct xmlck x;
	char *buf = NULL;
	size_t len = 0;
	unsigned want[3] = { 0, 0, 0 };

	build(&ex, 12, "o'neil & <co>", 30);
	for (size_t i = 0; i < ex.n; i++)
		want[ex.q[i].type == QUIZ_T_CHOICE ? 0 :
		    ex.q[i].type == QUIZ_T_NUMERIC ? 1 : 2]++;
	CQ_CAPTURE(buf, len, exam_export_moodle_xml(out, &ex, true));
	xml_check(&x, buf);
	ck_assert_uint_eq(x.types[0], want[0]);
	ck_assert_uint_eq(x.types[1], want[1]);
	ck_assert_uint_eq(x.types[2], want[2]);
	ck_assert_uint_eq(x.types[3], 1);	/* the category */
	ck_assert(want[0] && want[1] && want[2]);
	free(buf);
	exam_free(&ex);
}
END_TEST

/* ---------------------------------------------------------------- Anki */

START_TEST(test_anki_headers_and_three_fields)
{
	struct exam ex;
	char *buf = NULL;
	size_t len = 0, records = 0;
	const char *p, *head = "#separator:tab\n#html:false\n"
	    "#columns:Front\tBack\tTags\n#tags column:3\n";

	build(&ex, 13, "", 15);
	CQ_CAPTURE(buf, len, exam_export_anki(out, &ex));
	ck_assert(strncmp(buf, head, strlen(head)) == 0);
	for (p = buf + strlen(head); *p != '\0'; records++) {
		unsigned fields = 1;
		bool quoted = false;

		for (; *p != '\0' && (quoted || *p != '\n'); p++) {
			if (*p == '"')
				quoted = !quoted;
			else if (*p == '\t' && !quoted)
				fields++;
		}
		ck_assert_uint_eq(fields, 3);
		ck_assert(!quoted);
		p += *p == '\n';
	}
	ck_assert_uint_eq(records, ex.n);
	free(buf);
	exam_free(&ex);
}
END_TEST

/* ------------------------------------------------------------- session */

static void
answer_all_right(struct exam_session *s)
{
	for (unsigned i = 0; i < s->ex.n; i++) {
		const struct quiz_question *q = &s->ex.q[i];
		unsigned order[QUIZ_MAXOPT];

		if (q->type == QUIZ_T_CHOICE) {
			ck_assert(exam_session_choose(s, i, q->correct));
		} else if (q->type == QUIZ_T_NUMERIC) {
			ck_assert(exam_session_number(s, i, q->answer_ms));
		} else {
			for (unsigned j = 0; j < q->nopt; j++)
				for (unsigned pos = 0; pos < q->nopt; pos++)
					if (q->shown[pos] == j)
						order[j] = pos;
			ck_assert(exam_session_order(s, i, order, q->nopt));
		}
	}
}

START_TEST(test_session_scores_saves_and_resumes)
{
	struct exam_params p;
	struct exam_session s, r;
	char dir[] = "/tmp/check_quiz_XXXXXX", err[256];
	struct exam_score sc;
	struct quiz_bank b;
	struct script_err e;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	quiz_bank_init(&b);
	ck_assert(quiz_bank_load_lang(&b, "en", &e));
	exam_params_init(&p);
	p.seed = 99;
	p.count = 12;
	p.minutes = 1;
	snprintf(p.student, sizeof(p.student), "%s", "a\"b\\c\nd");
	ck_assert(exam_session_start(&s, &p, &b, 1700000000));
	quiz_bank_free(&b);
	s.path = exam_attempt_path(dir, &s);
	ck_assert(strstr(s.path, "/a_b_c_d-99-1700000000.json") != NULL);
	answer_all_right(&s);
	ck_assert(exam_session_clear(&s, 0));
	ck_assert(!exam_session_tick(&s, 30000));
	ck_assert_uint_eq(exam_session_remaining(&s), 30000);
	ck_assert_int_eq(exam_session_save(&s), 0);
	ck_assert_msg(exam_session_resume(&r, s.path, err, sizeof(err)), "%s",
	    err);
	ck_assert_str_eq(r.ex.p.student, p.student);
	ck_assert_uint_eq(r.elapsed_ms, 30000);
	sc = exam_session_score(&r);
	ck_assert_uint_eq(sc.right, 11);
	ck_assert_uint_eq(sc.answered, 11);
	ck_assert(exam_session_tick(&r, 30000));
	/* Before submission the file must not give the key away. */
	char *doc = exam_session_json(&r);
	ck_assert_ptr_null(strstr(doc, "\"right\""));
	ck_assert_ptr_null(strstr(doc, "\"score\""));
	free(doc);
	exam_session_submit(&r);
	doc = exam_session_json(&r);
	ck_assert_ptr_nonnull(strstr(doc, "\"right\": "));
	ck_assert_ptr_nonnull(strstr(doc, "\"score\": {\"right\": 11,"));
	free(doc);
	ck_assert(!exam_session_choose(&r, 1, 0));
	unlink(s.path);
	rmdir(dir);
	exam_session_free(&s);
	exam_session_free(&r);
}
END_TEST

/* Saves an attempt of p started at t; submitted or not. */
static char *
latest_save(const char *dir, const struct exam_params *p, int64_t t,
    bool submit)
{
	struct exam_session s;
	char *path;

	ck_assert(exam_session_start(&s, p, NULL, t));
	s.path = exam_attempt_path(dir, &s);
	ck_assert(exam_session_choose(&s, 0, 0) ||
	    exam_session_number(&s, 0, 1000) || exam_session_clear(&s, 0));
	if (submit)
		exam_session_submit(&s);
	ck_assert_int_eq(exam_session_save(&s), 0);
	path = strdup(s.path);
	exam_session_free(&s);
	return path;
}

START_TEST(test_attempt_latest_finds_newest_unsubmitted)
{
	struct exam_params p, other;
	char dir[] = "/tmp/check_quiz_XXXXXX";
	char *a, *b, *c, *d, *got;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	exam_params_init(&p);
	p.seed = 7;
	p.count = 2;
	p.generated_only = true;
	snprintf(p.student, sizeof(p.student), "%s", "s1");
	other = p;
	snprintf(other.student, sizeof(other.student), "%s", "s2");
	ck_assert_ptr_null(exam_attempt_latest(dir, &p));
	a = latest_save(dir, &p, 100, false);
	b = latest_save(dir, &p, 200, false);
	c = latest_save(dir, &p, 300, true);
	d = latest_save(dir, &other, 400, false);
	got = exam_attempt_latest(dir, &p);
	ck_assert_ptr_nonnull(got);
	ck_assert_str_eq(got, b);
	free(got);
	unlink(b);
	got = exam_attempt_latest(dir, &p);
	ck_assert_str_eq(got, a);
	free(got);
	unlink(a);
	ck_assert_ptr_null(exam_attempt_latest(dir, &p));
	ck_assert_ptr_null(exam_attempt_latest("/nonexistent/dir", &p));
	unlink(c);
	unlink(d);
	rmdir(dir);
	free(a);
	free(b);
	free(c);
	free(d);
}
END_TEST

/* What a front end shows of an attempt: the clock counting down or up,
 * the wait until its next second, whether a found attempt is at the
 * same exam, how to type an answer.  (The questions to review once
 * final are the sitting's: check_quiz_sitting.) */
START_TEST(test_session_clock_same_exam_and_how)
{
	struct exam_params p, o;
	struct exam_session s;
	char buf[32];

	exam_params_init(&p);
	p.seed = 7;
	p.count = 4;
	p.generated_only = true;
	ck_assert(exam_session_start_lang(&s, &p, 0));
	ck_assert_uint_eq(s.ex.n, 4);
	ck_assert(!exam_session_tick(&s, 61500));
	ck_assert_str_eq(exam_session_clock_text(&s, buf, sizeof(buf)),
	    "1:01");
	ck_assert_int_eq(exam_session_next_second(&s), -1);
	s.limit_ms = 120000;
	ck_assert_str_eq(exam_session_clock_text(&s, buf, sizeof(buf)),
	    "0:59 left");
	ck_assert_int_eq(exam_session_next_second(&s), 500);
	answer_all_right(&s);
	ck_assert(exam_session_clear(&s, 2));
	exam_session_submit(&s);
	ck_assert_int_eq(exam_session_next_second(&s), -1);
	o = p;
	o.seed = 8;		/* the file's name tells the seed */
	ck_assert(exam_params_same(&o, &p));
	o.minutes = 30;
	ck_assert(!exam_params_same(&o, &p));
	for (size_t i = 0; i < s.ex.n; i++)
		ck_assert(strlen(exam_answer_how(&s.ex.q[i])) > 0);
	exam_session_free(&s);
}
END_TEST

START_TEST(test_answer_parse)
{
	struct exam ex;
	struct exam_answer a;

	build(&ex, 21, "", 24);
	for (size_t i = 0; i < ex.n; i++) {
		const struct quiz_question *q = &ex.q[i];
		char *right = exam_answer_str(q);

		ck_assert_msg(exam_answer_parse(q, right, &a), "%s", right);
		ck_assert(exam_answer_right(q, &a));
		ck_assert(!exam_answer_parse(q, "", &a));
		free(right);
	}
	exam_free(&ex);
}
END_TEST

START_TEST(test_json_round_trip_and_errors)
{
	static const char *const bad[] = { "", "{", "{\"a\":}", "[1,]",
	    "\"\\ud800\"", "\"a\nb\"", "{\"a\":1}x", "tru" };
	struct sbuf b = { 0 };
	static const char big[] =
	    "{\"s\": 18446744073709551615, \"u\": \"\\ud83d\\ude00\"}";
	struct json *j;
	size_t at;

	json_put_str(&b, "q\"\\\n\t\x01é");
	ck_assert_str_eq(b.p, "\"q\\\"\\\\\\n\\t\\u0001é\"");
	j = json_parse(b.p, b.len, &at);
	ck_assert_ptr_nonnull(j);
	ck_assert_str_eq(json_str(j), "q\"\\\n\t\x01é");
	json_free(j);
	free(b.p);
	j = json_parse(big, strlen(big), &at);
	ck_assert_ptr_nonnull(j);
	{
		uint64_t v;

		ck_assert(json_u64(json_get(j, "s"), &v));
		ck_assert(v == UINT64_MAX);
		ck_assert_str_eq(json_str(json_get(j, "u")),
		    "\xf0\x9f\x98\x80");
	}
	json_free(j);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		ck_assert_ptr_null(json_parse(bad[i], strlen(bad[i]), &at));
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("quiz exams");
	TCase *tc = tcase_create("exam");
	SRunner *sr;
	int failed;

	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_bank_parses_blocks_continuations_and_figures);
	tcase_add_test(tc, test_bank_chinese_latin_continuation_keeps_space);
	tcase_add_loop_test(tc, test_bank_errors_name_line_and_column, 0,
	    sizeof(bank_errors) / sizeof(bank_errors[0]));
	tcase_add_test(tc, test_shipped_banks_match_across_languages);
	tcase_add_loop_test(tc,
	    test_bank_right_option_not_systematically_longest, 0, 2);
	tcase_add_test(tc, test_exam_is_byte_identical_for_same_parameters);
	tcase_add_test(tc, test_exam_mixes_kinds_and_bank);
	tcase_add_test(tc, test_exam_of_40_spreads_over_kinds);
	tcase_add_test(tc, test_exam_never_asks_the_same_question_twice);
	tcase_add_test(tc, test_gift_reads_back);
	tcase_add_test(tc, test_fractions);
	tcase_add_test(tc, test_moodle_xml_well_formed_with_right_types);
	tcase_add_test(tc, test_anki_headers_and_three_fields);
	tcase_add_test(tc, test_session_scores_saves_and_resumes);
	tcase_add_test(tc, test_attempt_latest_finds_newest_unsubmitted);
	tcase_add_test(tc, test_answer_parse);
	tcase_add_test(tc, test_session_clock_same_exam_and_how);
	tcase_add_test(tc, test_json_round_trip_and_errors);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_set_fork_status(sr, CK_NOFORK);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
