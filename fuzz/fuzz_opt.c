/*
 * libFuzzer target for the option layer (src/lib/opt.c).
 *
 * Data model: the input is a command line, one word per line (at most 24
 * words, the first byte choosing which subcommand's table reads them).
 * Parsing must never crash, read past a word or leave an operand out:
 * after a parse that goes on, the operands are words of the input in
 * their order, and an option with its bit in `seen` is one of the table's.
 */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "capture/cli.h"
#include "lib/opt.h"
#include "quiz/cli.h"
#include "script/run.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_WORDS 24

static const struct opt_cmd *const fuzz_cmds[] = {
	&script_opt_cmd, &quiz_opt_cmd, &exam_opt_cmd, &capture_opt_cmd,
};

/* Split the input at newlines into NUL-terminated words in buf. */
static int
fuzz_words(const uint8_t *data, size_t size, char *buf, char **argv)
{
	int argc = 1;

	memcpy(buf, data, size);
	buf[size] = '\0';
	for (char *p = buf; argc < FUZZ_WORDS; argc++) {
		char *nl = strchr(p, '\n');

		argv[argc] = p;
		if (nl == NULL) {
			argc++;
			break;
		}
		*nl = '\0';
		p = nl + 1;
	}
	argv[argc] = NULL;
	return argc;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *null;
	char *buf, *argv[FUZZ_WORDS + 1], *copy[FUZZ_WORDS + 1];
	char dest[4096] __attribute__((aligned(16))) = { 0 };
	const struct opt_cmd *cmd;
	struct opt_args a;
	int argc;

	if (size == 0 || size > 4096)
		return 0;
	if (null == NULL && (null = fopen("/dev/null", "w")) == NULL)
		abort();
	cmd = fuzz_cmds[data[0] % (sizeof(fuzz_cmds) / sizeof(fuzz_cmds[0]))];
	buf = malloc(size);
	if (buf == NULL)
		abort();
	argv[0] = (char *)(uintptr_t)cmd->name;
	argc = fuzz_words(data + 1, size - 1, buf, argv);
	memcpy(copy, argv, sizeof(argv));
	if (opt_parse(cmd, argc, argv, dest, &a, null, null) == OPT_GO_ON) {
		int k = 1;

		/* Each operand is a later word than the one before. */
		for (int i = 0; i < a.argc; i++, k++) {
			while (k < argc && copy[k] != a.argv[i])
				k++;
			if (k == argc)
				abort();
		}
		if (a.seen >> (cmd->nopts + 2) != 0)
			abort();
	}
	free(buf);
	return 0;
}
