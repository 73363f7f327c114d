/*
 * libFuzzer target for the lesson file parser and runner.
 *
 * Data model: the input is a whole lesson file of arbitrary bytes.  It
 * must never crash the parser; an error must name a line inside the input
 * and a column on that line; and a lesson that parses is then validated
 * (every step entered, every solution played, every text expanded),
 * which exercises the runner and the queries on whatever the fuzzer
 * builds.  fuzz/replay.c replays the saved corpus in `make check`.
 */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "lesson/run.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
fuzz_report(void *ctx, unsigned line, const char *msg)
{
	(void)ctx, (void)line, (void)msg;
}

static unsigned
fuzz_lines(const uint8_t *data, size_t size)
{
	unsigned n = 1;

	for (size_t i = 0; i < size; i++)
		n += data[i] == '\n';
	return n;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct lesson l;
	struct lesson_err err;

	if (!lesson_parse_buf("fuzz", (const char *)data, size, &l, &err)) {
		if (err.line > fuzz_lines(data, size) || err.msg[0] == '\0') {
			fprintf(stderr, "bad error position %u:%u: %s\n",
			    err.line, err.column, err.msg);
			abort();
		}
		return 0;
	}
	/* Long waits make slow inputs, not bugs; the world caps them. */
	(void)lesson_validate(&l, fuzz_report, NULL);
	lesson_free(&l);
	return 0;
}
