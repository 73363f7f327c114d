/*
 * libFuzzer target for the scenario language parser.
 *
 * Data model: the input is a whole scenario file of arbitrary bytes.  It
 * must never crash the parser, and every command it yields must survive
 * the round trip the TUI and saved sessions rely on: script_format() gives
 * a line that parses back to the same command.  A broken round trip
 * aborts, which the fuzzer reports as a crash with the input that did it.
 */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "script/parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
fuzz_round_trip(const struct cmd *c)
{
	char line[1024], again[1024];
	struct cmd back;
	struct script_err err;

	script_format(c, line, sizeof(line));
	if (script_parse_line(line, c->line, &back, &err) != 1) {
		fprintf(stderr, "canonical line rejected: '%s': %s\n", line,
		    err.msg);
		abort();
	}
	script_format(&back, again, sizeof(again));
	if (strcmp(line, again) != 0 || back.kind != c->kind) {
		fprintf(stderr, "round trip: '%s' became '%s'\n", line, again);
		abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct script s;
	struct script_err err;

	if (script_parse_buf("fuzz", (const char *)data, size, &s, &err)) {
		for (size_t i = 0; i < s.n; i++)
			fuzz_round_trip(&s.cmds[i]);
		script_free(&s);
	} else if (err.msg[0] == '\0' || strlen(err.msg) >= sizeof(err.msg))
		abort();
	return 0;
}
