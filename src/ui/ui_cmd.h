/*
 * The table of named UI commands (tmux's cmd_entry): every key the UI
 * understands is one entry with a name, its keys, a help msgid and a
 * handler that returns what to redraw.  Event entries also carry the
 * scenario command they build, and the menu group they are listed in.
 */
#ifndef TCPTEACH_UI_UI_CMD_H
#define TCPTEACH_UI_UI_CMD_H

#include "ui/ui_int.h"

enum ui_group {
	UI_G_NONE,
	UI_G_CLIENT,
	UI_G_SERVER,
	UI_G_WIRE,
	UI_G_TIME,
	UI_G_WHATIF
};

struct ui_cmd {
	const char *name;
	int keys[3];		/* 0 ends the list early */
	const char *keyname;	/* how the menu and help show the keys */
	const char *help;	/* msgid for the help screen */
	const char *menu;	/* msgid for the event menu, or NULL */
	enum ui_group group;
	int (*fn)(struct ui *, const struct ui_cmd *);
	int arg;		/* enum cmd_kind, or a handler's argument */
	int host;
};

extern const struct ui_cmd ui_cmds[];
extern const size_t ui_ncmds;

const struct ui_cmd *ui_cmd_find(const char *name);
/* The scenario command an event entry stands for; false if none. */
bool ui_cmd_cmd(const struct ui *ui, const struct ui_cmd *uc, struct cmd *c);

#endif
