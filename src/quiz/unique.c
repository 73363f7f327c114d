/*
 * Proving that a generated question has one right answer, by simulation.
 *
 * Data model: the question alone is enough: its scenario text (and the
 * `then` steps) replay the situation on a fresh world, each option's probe
 * says when that option is true, and alts holds the other interleavings
 * the stem's wording allows.  Nothing here trusts the generator: the
 * checks parse the texts the student and the exports see.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "lib/xalloc.h"
#include "quiz/quiz_internal.h"
#include "script/parse.h"

/* Apply every command of text to w; NULL text is nothing to apply. */
static bool
unique_apply(struct world *w, const char *text)
{
	struct script s;
	struct script_err err;
	struct sim_result res;
	bool ok;

	if (text == NULL)
		return true;
	if (!script_parse_buf("question", text, strlen(text), &s, &err))
		return false;
	ok = true;
	for (size_t i = 0; ok && i < s.n; i++)
		ok = world_apply(w, &s.cmds[i], &res) == SIM_OK;
	script_free(&s);
	return ok;
}

/* Does the probe pass after scenario and then?  -1: the scenario itself
 * does not replay. */
static int
unique_probe(const char *scenario, const char *then, const char *probe)
{
	struct world w;
	int rc;

	world_init(&w);
	rc = unique_apply(&w, scenario) && unique_apply(&w, then) ? 0 : -1;
	if (rc == 0)
		rc = unique_apply(&w, probe);
	world_free(&w);
	return rc;
}

/* Exactly the right option's probe passes; for "which statement is
 * wrong", exactly the right option's probe fails. */
static bool
unique_choice(const struct quiz_question *q, const char *scenario)
{
	int want = q->kind == QUIZ_K_WRONG ? 0 : 1;
	unsigned hits = 0;

	for (unsigned i = 0; i < q->nopt; i++) {
		int rc = unique_probe(scenario, q->then, q->opt[i].probe);

		if (rc < 0 || (rc == want && i != q->correct))
			return false;
		hits += rc == want;
	}
	return hits == 1;
}

/* The items sent by the scenario contain the options, in their stored
 * order, as one run, exactly once. */
static bool
unique_order(const struct quiz_question *q, const char *scenario)
{
	struct world w;
	char *items[256];
	unsigned n = 0, found = 0;
	bool ok;

	world_init(&w);
	ok = unique_apply(&w, scenario);
	for (size_t i = 0; ok && i < w.ntrace && n < 256; i++)
		if (w.trace[i].kind == SIM_EV_TCP &&
		    w.trace[i].tcp.kind == TCP_EV_SEND)
			items[n++] = quiz_order_item(w.trace[i].host,
			    &w.trace[i].tcp.seg);
	for (unsigned s = 0; s + q->nopt <= n; s++) {
		unsigned k = 0;

		while (k < q->nopt && strcmp(items[s + k], q->opt[k].text) == 0)
			k++;
		found += k == q->nopt;
	}
	for (unsigned i = 0; i < n; i++)
		free(items[i]);
	world_free(&w);
	return ok && found == 1;
}

static bool
unique_one(const struct quiz_question *q, const char *scenario)
{
	if (q->type == QUIZ_T_ORDER)
		return unique_order(q, scenario);
	if (q->type == QUIZ_T_CHOICE && q->kind != QUIZ_K_EVENT &&
	    q->nopt > 0 && q->opt[0].probe != NULL)
		return unique_choice(q, scenario);
	/* A number's witness: the probe that holds with that number. */
	if (q->type == QUIZ_T_NUMERIC && q->nopt == 1)
		return unique_probe(scenario, q->then, q->opt[0].probe) == 1;
	return true;
}

bool
quiz_check_unique(const struct quiz_question *q)
{
	char *alts, *p;
	bool ok;

	for (unsigned i = 0; i < q->nopt; i++)
		for (unsigned j = i + 1; j < q->nopt; j++)
			if (strcmp(q->opt[i].text, q->opt[j].text) == 0)
				return false;
	if (q->scenario == NULL || !unique_one(q, q->scenario))
		return false;
	if (q->alts == NULL)
		return true;
	alts = xstrdup(q->alts);
	ok = true;
	for (p = alts; ok && p != NULL; ) {
		char *sep = strstr(p, "%%\n");

		if (sep != NULL)
			*sep = '\0';
		ok = unique_one(q, p);
		p = sep != NULL ? sep + 3 : NULL;
	}
	free(alts);
	return ok;
}
