/*
 * Replays a fuzz corpus through the fuzz target it is linked with, without
 * libFuzzer, so that `make check` runs every saved input (and every crash
 * once fixed) on any compiler.  Arguments are files or directories; with
 * none, the program named replay_NAME reads fuzz/corpus/NAME under
 * $top_srcdir (or the current directory), or fuzz/corpus/parse when there
 * is no such directory (replay_run shares the scenario corpus).
 */
#include <config.h>

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "lib/xalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
replay_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t cap = 0, n = 0, got;

	if (f == NULL) {
		perror(path);
		return 1;
	}
	do {
		xgrow(&buf, &cap, n + 4096, 1);
		got = fread(buf + n, 1, cap - n, f);
		n += got;
	} while (got > 0);
	fclose(f);
	/* An exact-size copy, so that ASan sees any read past the end. */
	char *exact = xmalloc(n);
	memcpy(exact, buf, n);
	free(buf);
	LLVMFuzzerTestOneInput((const uint8_t *)exact, n);
	free(exact);
	return 0;
}

static int
replay_path(const char *path, unsigned *count)
{
	struct stat st;
	DIR *d;
	struct dirent *de;
	int bad = 0;

	if (stat(path, &st) != 0) {
		perror(path);
		return 1;
	}
	if (!S_ISDIR(st.st_mode)) {
		(*count)++;
		return replay_file(path);
	}
	if ((d = opendir(path)) == NULL) {
		perror(path);
		return 1;
	}
	while ((de = readdir(d)) != NULL) {
		char sub[4096];

		if (de->d_name[0] == '.')
			continue;
		snprintf(sub, sizeof(sub), "%s/%s", path, de->d_name);
		bad |= replay_path(sub, count);
	}
	closedir(d);
	return bad;
}

/* The default corpus of the program called prog. */
static void
replay_default(const char *prog, char *dir, size_t size)
{
	const char *top = getenv("top_srcdir");
	const char *base = strrchr(prog, '/'), *name;
	struct stat st;

	base = base != NULL ? base + 1 : prog;
	name = strncmp(base, "replay_", 7) == 0 ? base + 7 : "parse";
	if (top == NULL)
		top = ".";
	snprintf(dir, size, "%s/fuzz/corpus/%s", top, name);
	if (stat(dir, &st) != 0)
		snprintf(dir, size, "%s/fuzz/corpus/parse", top);
}

int
main(int argc, char **argv)
{
	char def[4096];
	unsigned count = 0;
	int bad = 0;

	if (argc < 2) {
		replay_default(argv[0], def, sizeof(def));
		bad = replay_path(def, &count);
	}
	for (int i = 1; i < argc; i++)
		bad |= replay_path(argv[i], &count);
	printf("replayed %u inputs\n", count);
	return bad || count == 0 ? EXIT_FAILURE : EXIT_SUCCESS;
}
