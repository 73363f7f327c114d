/*
 * The one-line prompt in the status line (`:` for a scenario command, `w`
 * for the file to save to) and the keys of the help screen.
 *
 * The prompt is a state of the main loop, not a loop of its own, so a
 * resize while typing is handled where every resize is.  The text is kept
 * as wide characters so Backspace removes a whole character, CJK included.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/i18n.h"
#include "script/parse.h"
#include "ui/ui_cmd.h"

#define ESC 27

static void
ui_prompt_cmd(struct ui *ui, const char *text)
{
	struct script_err err;
	struct cmd c;
	int r;

	memset(&err, 0, sizeof(err));
	r = script_parse_line(text, 0, &c, &err);
	if (r < 0) {
		/* Keep the text so the learner can fix it. */
		ui->prompt = UI_P_CMD;
		/* TRANSLATORS: column number, then the parser's message. */
		ui_message(ui, true, _("Column %u: %s"), err.column, err.msg);
		return;
	}
	if (r == 1)
		ui_event(ui, &c);
}

static void
ui_prompt_save(struct ui *ui, const char *path)
{
	char err[512];

	if (*path == '\0')
		return;
	if (session_save(&ui->s, path, err, sizeof(err)))
		/* TRANSLATORS: number of commands, file name. */
		ui_message(ui, false, _("Saved %zu commands to %s. Replay "
		    "them with: tcpteach play %s"), ui->s.pos, path, path);
	else
		ui_message(ui, true, "%s", err);
}

static int
ui_prompt_submit(struct ui *ui)
{
	char buf[UI_PROMPT_MAX * 4 + 1];
	enum ui_prompt p = ui->prompt;
	size_t n;

	ui->pbuf[ui->plen] = L'\0';
	n = wcstombs(buf, ui->pbuf, sizeof(buf) - 1);
	buf[n == (size_t)-1 ? 0 : n] = '\0';
	ui->prompt = UI_P_NONE;
	if (p == UI_P_CMD)
		ui_prompt_cmd(ui, buf);
	else
		ui_prompt_save(ui, buf);
	if (ui->prompt == UI_P_NONE)
		ui->plen = 0;
	return UI_R_ALL;
}

int
ui_prompt_key(struct ui *ui, int r, wint_t wch)
{
	if (r == KEY_CODE_YES) {
		if (wch == KEY_ENTER)
			return ui_prompt_submit(ui);
		if (wch == KEY_BACKSPACE && ui->plen > 0)
			ui->plen--;
		return UI_R_STATUS;
	}
	switch (wch) {
	case '\n':
	case '\r':
		return ui_prompt_submit(ui);
	case ESC:
	case 3:		/* ^C */
	case 7:		/* ^G */
		ui->prompt = UI_P_NONE;
		ui->plen = 0;
		return UI_R_STATUS;
	case 8:
	case 127:
		if (ui->plen > 0)
			ui->plen--;
		return UI_R_STATUS;
	case 21:	/* ^U */
		ui->plen = 0;
		return UI_R_STATUS;
	default:
		break;
	}
	if (wch >= ' ' && ui->plen + 1 < UI_PROMPT_MAX)
		ui->pbuf[ui->plen++] = (wchar_t)wch;
	return UI_R_STATUS;
}

int
ui_help_key(struct ui *ui, int key)
{
	switch (key) {
	case KEY_NPAGE:
	case KEY_DOWN:
	case ' ':
		if ((size_t)ui->help_top + 1 < ui_ncmds)
			ui->help_top += key == KEY_DOWN ? 1 : ui->rows / 2;
		if ((size_t)ui->help_top >= ui_ncmds)
			ui->help_top = (int)ui_ncmds - 1;
		return UI_R_ALL;
	case KEY_PPAGE:
	case KEY_UP:
		ui->help_top -= key == KEY_UP ? 1 : ui->rows / 2;
		if (ui->help_top < 0)
			ui->help_top = 0;
		return UI_R_ALL;
	default:
		break;
	}
	ui->overlay = UI_O_NONE;
	return UI_R_ALL;
}
