/*
 * Lecture mode's own commands, with no curses: stepping a script with its
 * checks, branching off it and back, jumping to a step, and the
 * scenario's comments as captions.
 *
 * Data model: struct ui keeps a copy of the loaded script (script,
 * nscript) besides the session, and per script command the comment lines
 * written just above it (captions[i], or NULL).  The session's commands
 * are the script until the lecturer types an event of their own: the
 * session then drops the rest, as the simulator does, but the copy stays,
 * branched is set and branch_at remembers the step it left from, so the
 * resume command loads the script again and goes back there.  A step is
 * an event with the expect lines after it: next applies them together and
 * back undoes them together, so a check never costs a key press.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/i18n.h"
#include "lib/xalloc.h"
#include "ui/ui_int.h"

#define PLAY_LINE_MAX 4096
#define PLAY_CAPTION_MAX 1024

/* Append the text of a comment line (after '#' and blanks) to *cap. */
static void
play_caption_add(char **cap, const char *text)
{
	size_t old = *cap != NULL ? strlen(*cap) : 0;
	size_t add = strlen(text);

	while (add > 0 && (text[add - 1] == '\n' || text[add - 1] == '\r' ||
	    text[add - 1] == ' '))
		add--;
	if (add == 0 || old + add + 2 > PLAY_CAPTION_MAX)
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
play_read_captions(struct ui *ui, const char *path)
{
	char line[PLAY_LINE_MAX];
	char *pending = NULL;
	unsigned lineno = 0;
	size_t next = 0;
	FILE *f;

	if (strcmp(path, "-") == 0 || (f = fopen(path, "r")) == NULL)
		return;
	while (next < ui->nscript && fgets(line, sizeof(line), f) != NULL) {
		const char *p = line;

		lineno++;
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '#') {
			p++;
			while (*p == ' ' || *p == '\t')
				p++;
			play_caption_add(&pending, p);
			continue;
		}
		if (ui->script[next].line != lineno)
			continue;
		ui->captions[next++] = pending;
		pending = NULL;
	}
	free(pending);
	fclose(f);
}

void
ui_play_load(struct ui *ui, const struct cmd *cmds, size_t n,
    const char *path)
{
	session_load(&ui->s, cmds, n);
	ui->nscript = n;
	ui->script = xreallocarray(NULL, n + 1, sizeof(*cmds));
	if (n > 0)
		memcpy(ui->script, cmds, n * sizeof(*cmds));
	ui->captions = xreallocarray(NULL, n + 1, sizeof(*ui->captions));
	memset(ui->captions, 0, (n + 1) * sizeof(*ui->captions));
	if (path != NULL)
		play_read_captions(ui, path);
}

void
ui_play_free(struct ui *ui)
{
	for (size_t i = 0; ui->captions != NULL && i < ui->nscript; i++)
		free(ui->captions[i]);
	free(ui->captions);
	free(ui->script);
	ui->captions = NULL;
	ui->script = NULL;
	ui->nscript = 0;
}

const char *
ui_play_caption(const struct ui *ui)
{
	size_t k = ui->s.pos;

	if (ui->captions == NULL || ui->branched)
		return NULL;
	while (k > 0) {
		k--;
		if (ui->captions[k] != NULL)
			return ui->captions[k];
		if (!cmd_is_expect(ui->s.cmds[k].kind))
			break;
	}
	return NULL;
}

void
ui_play_branched(struct screen *sc, size_t at)
{
	struct ui *ui = sc->state;

	if (ui->script == NULL || ui->branched)
		return;
	ui->branched = true;
	ui->branch_at = at;
	screen_message(sc, false, _("Your own event: the script is kept. "
	    "Press b to go back to it at step %zu."), at);
}

static int
play_view_reset(struct ui *ui)
{
	ui->sel = 0;
	ui->mark = 0;
	ui->scroll = 0;
	return UI_R_ALL;
}

int
ui_play_h_resume(SCREEN_CMD_ARGS)
{
	struct ui *ui = sc->state;

	if (!ui->branched) {
		screen_message(sc, false, "%s", _("You are on the script "
		    "already."));
		return UI_R_NARR;
	}
	ui->branched = false;
	session_load(&ui->s, ui->script, ui->nscript);
	session_goto(&ui->s, ui->branch_at);
	screen_message(sc, false, _("Back on the script at step %zu/%zu."),
	    ui->s.pos, ui->s.ncmds);
	return play_view_reset(ui);
}

/* The next step: an event and the checks that follow it. */
int
ui_play_h_next(SCREEN_CMD_ARGS)
{
	struct ui *ui = sc->state;

	if (!session_redo(&ui->s)) {
		if (ui->branched)
			screen_message(sc, false, _("Your own events end here. "
			    "Press b to go back to the script at step %zu."),
			    ui->branch_at);
		else
			screen_message(sc, false, "%s", _("This is the end of "
			    "the scenario."));
		return UI_R_NARR;
	}
	while (ui->s.pos < ui->s.ncmds &&
	    cmd_is_expect(ui->s.cmds[ui->s.pos].kind))
		(void)session_redo(&ui->s);
	ui_start_anim(ui);
	return play_view_reset(ui);
}

/* Back to where the step before began: its checks and its event. */
int
ui_play_h_back(SCREEN_CMD_ARGS)
{
	struct ui *ui = sc->state;
	size_t to = ui->s.pos;

	if (to == 0) {
		screen_message(sc, false, "%s", _("This is the beginning: "
		    "nothing to undo."));
		return UI_R_NARR;
	}
	while (to > 0 && cmd_is_expect(ui->s.cmds[to - 1].kind))
		to--;
	if (to > 0)
		to--;
	session_goto(&ui->s, to);
	return play_view_reset(ui);
}

static int
play_jump_done(struct screen *sc, const char *text)
{
	struct ui *ui = sc->state;
	char *end;
	unsigned long n = strtoul(text, &end, 10);

	if (*text == '\0')
		return 0;
	if (end == text || *end != '\0') {
		screen_message(sc, true, _("Not a step number: %s"), text);
		return UI_R_NARR;
	}
	if (ui->branched) {
		ui->branched = false;
		session_load(&ui->s, ui->script, ui->nscript);
	}
	session_goto(&ui->s, n > ui->s.ncmds ? ui->s.ncmds : (size_t)n);
	screen_message(sc, false, _("Step %zu/%zu."), ui->s.pos,
	    ui->s.ncmds);
	return play_view_reset(ui);
}

int
ui_play_h_jump(SCREEN_CMD_ARGS)
{
	screen_prompt(sc, _("Go to step: "), NULL, play_jump_done);
	return UI_R_STATUS;
}
