/*
 * The drill's and the exam's screen state (quiz_int.h): a sitting and
 * how it is shown.  What a sitting call changed becomes the parts of the
 * screen to repaint, and its message the loop's.  No curses here.
 */
#include <config.h>

#include <string.h>

#include "ui/quiz_int.h"

void
qui_init(struct qui *qu, enum sitting_mode mode)
{
	memset(qu, 0, sizeof(*qu));
	sitting_init(&qu->sit, mode);
	qu->sc.def = mode == SITTING_EXAM ? &qui_exam_def : &qui_drill_def;
	qu->sc.state = qu;
	qu->body_rows = 1;
	lpanel_init(&qu->doc.p);
}

void
qui_free(struct qui *qu)
{
	sitting_free(&qu->sit);
	lpanel_free(&qu->doc.p);
}

int
qui_did(struct qui *qu, enum sitting_change c)
{
	if (qu->sit.say[0] != '\0')
		screen_message(&qu->sc, qu->sit.say_err, "%s", qu->sit.say);
	qu->sit.say[0] = '\0';
	switch (c) {
	case SITTING_NONE:
	case SITTING_SAID:
	case SITTING_TYPE:
		return QR_ENTRY;
	case SITTING_CLOCK:
		return QR_TITLE | QR_STATUS;
	case SITTING_MOVED:
		return QR_BODY | QR_ENTRY;
	case SITTING_REDRAW:
		return UI_R_ALL;
	case SITTING_NEW_PAGE:
		qu->top = 0;
		return UI_R_ALL;
	case SITTING_JUDGED:
		qu->to_mark = true;
		return UI_R_ALL;
	}
	return UI_R_ALL;
}
