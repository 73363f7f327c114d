/*
 * Helpers shared by the quiz suites: replaying scenario text through the
 * parser and the world, independently of the generators' own code.
 */
#ifndef TCPTEACH_CHECK_QUIZ_UTIL_H
#define TCPTEACH_CHECK_QUIZ_UTIL_H

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "script/parse.h"
#include "sim/world.h"

/* Apply every command of text to w; true if all were possible. */
static inline bool
cq_apply(struct world *w, const char *text)
{
	struct script s;
	struct script_err err;
	struct sim_result res;
	bool ok;

	if (text == NULL)
		return true;
	ok = script_parse_buf("q", text, strlen(text), &s, &err);
	if (!ok)
		fprintf(stderr, "parse: %u:%u: %s\n%s", err.line, err.column,
		    err.msg, text);
	for (size_t i = 0; ok && i < s.n; i++)
		ok = world_apply(w, &s.cmds[i], &res) == SIM_OK;
	script_free(&s);
	return ok;
}

/* A fresh world that has run the scenario (trace cleared). */
static inline void
cq_world(struct world *w, const char *scenario)
{
	world_init(w);
	ck_assert_msg(cq_apply(w, scenario), "scenario does not replay:\n%s",
	    scenario);
	world_trace_clear(w);
}

/* Capture what fn writes to a FILE into a heap string. */
#define CQ_CAPTURE(buf, len, call) do {					\
	FILE *cq_f_ = open_memstream(&(buf), &(len));			\
	ck_assert_ptr_nonnull(cq_f_);					\
	{ FILE *out = cq_f_; call; }					\
	fclose(cq_f_);							\
} while (0)

#endif
