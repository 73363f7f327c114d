/*
 * Lecture mode's script (see lecture.h): the captions are read back from
 * the scenario file by line number, since the parser keeps a command's
 * line but not the comments; steps group an event with its checks.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/xalloc.h"
#include "script/lecture.h"

#define LECTURE_LINE_MAX 4096
#define LECTURE_CAPTION_MAX 1024

/* Append the text of a comment line (after '#' and blanks) to *cap. */
static void
lecture_caption_add(char **cap, const char *text)
{
	size_t old = *cap != NULL ? strlen(*cap) : 0;
	size_t add = strlen(text);

	while (add > 0 && (text[add - 1] == '\n' || text[add - 1] == '\r' ||
	    text[add - 1] == ' '))
		add--;
	if (add == 0 || old + add + 2 > LECTURE_CAPTION_MAX)
		return;
	*cap = xreallocarray(*cap, old + add + 2, 1);
	if (old > 0)
		(*cap)[old++] = ' ';
	memcpy(*cap + old, text, add);
	(*cap)[old + add] = '\0';
}

/* The comments above each command, read again from the file (the parser
 * drops them).  Standard input cannot be read twice: no captions. */
static void
lecture_read_captions(struct lecture *lc, const char *path)
{
	char line[LECTURE_LINE_MAX];
	char *pending = NULL;
	unsigned lineno = 0;
	size_t next = 0;
	FILE *f;

	if (strcmp(path, "-") == 0 || (f = fopen(path, "r")) == NULL)
		return;
	while (next < lc->n && fgets(line, sizeof(line), f) != NULL) {
		const char *p = line;

		lineno++;
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '#') {
			p++;
			while (*p == ' ' || *p == '\t')
				p++;
			lecture_caption_add(&pending, p);
			continue;
		}
		if (lc->cmds[next].line != lineno)
			continue;
		lc->captions[next++] = pending;
		pending = NULL;
	}
	free(pending);
	fclose(f);
}

void
lecture_load(struct lecture *lc, struct session *s, const struct cmd *cmds,
    size_t n, const char *path)
{
	session_load(s, cmds, n);
	lc->n = n;
	lc->cmds = xreallocarray(NULL, n + 1, sizeof(*cmds));
	if (n > 0)
		memcpy(lc->cmds, cmds, n * sizeof(*cmds));
	lc->captions = xreallocarray(NULL, n + 1, sizeof(*lc->captions));
	memset(lc->captions, 0, (n + 1) * sizeof(*lc->captions));
	lc->branched = false;
	if (path != NULL)
		lecture_read_captions(lc, path);
}

bool
lecture_open(struct lecture *lc, struct session *s, const char *path,
    struct script_err *err)
{
	struct script sc;

	memset(&sc, 0, sizeof(sc));
	memset(err, 0, sizeof(*err));
	if (!script_load(path, &sc, err))
		return false;
	lecture_load(lc, s, sc.cmds, sc.n, path);
	script_free(&sc);
	return true;
}

void
lecture_free(struct lecture *lc)
{
	for (size_t i = 0; lc->captions != NULL && i < lc->n; i++)
		free(lc->captions[i]);
	free(lc->captions);
	free(lc->cmds);
	memset(lc, 0, sizeof(*lc));
}

const char *
lecture_caption(const struct lecture *lc, const struct session *s)
{
	size_t k = s->pos;

	if (lc->captions == NULL || lc->branched)
		return NULL;
	while (k > 0) {
		k--;
		if (lc->captions[k] != NULL)
			return lc->captions[k];
		if (!cmd_is_expect(s->cmds[k].kind))
			break;
	}
	return NULL;
}

bool
lecture_branch(struct lecture *lc, size_t at)
{
	if (lc->cmds == NULL || lc->branched)
		return false;
	lc->branched = true;
	lc->branch_at = at;
	return true;
}

bool
lecture_resume(struct lecture *lc, struct session *s)
{
	if (!lc->branched)
		return false;
	lc->branched = false;
	session_load(s, lc->cmds, lc->n);
	session_goto(s, lc->branch_at);
	return true;
}

bool
lecture_next(struct session *s)
{
	if (!session_redo(s))
		return false;
	while (s->pos < s->ncmds && cmd_is_expect(s->cmds[s->pos].kind))
		(void)session_redo(s);
	return true;
}

bool
lecture_back(struct session *s)
{
	size_t to = s->pos;

	if (to == 0)
		return false;
	while (to > 0 && cmd_is_expect(s->cmds[to - 1].kind))
		to--;
	if (to > 0)
		to--;
	session_goto(s, to);
	return true;
}

void
lecture_jump(struct lecture *lc, struct session *s, size_t n)
{
	if (lc->branched) {
		lc->branched = false;
		session_load(s, lc->cmds, lc->n);
	}
	session_goto(s, n > s->ncmds ? s->ncmds : n);
}
