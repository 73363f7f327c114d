/*
 * libFuzzer target for the whole pipeline below the UI: parse a scenario
 * of arbitrary bytes and, when it parses, apply every command to a fresh
 * world and format every trace event, as `tcpteach script` does.
 *
 * Data model: the input is one scenario file.  The spec promises that an
 * impossible event or a failing expect is reported, never a crash, so the
 * only outcome this target rejects is a crash, a sanitizer report or a
 * failed assertion in the core's consistency checks.
 */
#include <config.h>

#include <stdint.h>
#include <string.h>

#include "script/parse.h"
#include "script/trace.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
fuzz_ignore(void *ctx, const char *line)
{
	(void)ctx;
	(void)line;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct script s;
	struct script_err err;
	struct world w;
	struct sim_result res;
	struct diagram dg;
	char line[512];

	if (!script_parse_buf("fuzz", (const char *)data, size, &s, &err))
		return 0;
	world_init(&w);
	diagram_init(&dg, fuzz_ignore, NULL);
	for (size_t i = 0; i < s.n; i++) {
		diagram_command(&dg);
		enum sim_status st = world_apply(&w, &s.cmds[i], &res);
		for (size_t j = 0; j < w.ntrace; j++) {
			script_trace_line(&w.trace[j], line, sizeof(line));
			diagram_event(&dg, &w.trace[j]);
		}
		world_trace_clear(&w);
		if (st != SIM_OK)
			break;
	}
	diagram_finish(&dg);
	world_free(&w);
	script_free(&s);
	return 0;
}
