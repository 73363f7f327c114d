/*
 * A one-line editor with a history, for any front end that reads a line
 * of text a key at a time (the terminal UI's prompts).
 *
 * Data model: the line is kept as wide characters, so Backspace removes
 * a whole character, a Chinese one included, and the text is never left
 * with half a character; the cursor is at its end.  The history holds the
 * lines entered, oldest first, each with the tag of the prompt it was
 * typed at (any pointer that names a prompt, such as its label): recall
 * walks only the lines of the current tag, and hpos is the one shown
 * (nhist: the line being typed).  Text in and out is multibyte, in the
 * locale's encoding, so the locale must be set.
 */
#ifndef TCPTEACH_LIB_LINEEDIT_H
#define TCPTEACH_LIB_LINEEDIT_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

#define LINEEDIT_MAX 256	/* characters, the terminating one included */
#define LINEEDIT_HIST 32	/* lines the history remembers */
/* A buffer that holds any line as UTF-8. */
#define LINEEDIT_BYTES (LINEEDIT_MAX * 4 + 1)

struct lineedit {
	wchar_t line[LINEEDIT_MAX];
	size_t len;
	const void *tag;	/* the prompt being edited */
	char *hist[LINEEDIT_HIST];
	const void *histtag[LINEEDIT_HIST];
	size_t nhist, hpos;
};

/* Free the history (the editor is zeroed to start). */
void lineedit_free(struct lineedit *e);
/* A new line at prompt tag, holding text (NULL: empty). */
void lineedit_start(struct lineedit *e, const void *tag, const char *text);
/* Replace the line with text (a completion; NULL: empty it). */
void lineedit_set(struct lineedit *e, const char *text);
/* The line as a multibyte string, cut to fit size. */
void lineedit_text(const struct lineedit *e, char *buf, size_t size);
/* Append c; false when the line is full. */
bool lineedit_insert(struct lineedit *e, wchar_t c);
/* Remove the last character (Backspace). */
void lineedit_erase(struct lineedit *e);
/* The previous (d -1) or next (d 1) line of this prompt's history, the
 * line being typed after the newest; false when there is none. */
bool lineedit_recall(struct lineedit *e, int d);
/* The line is done: its text in buf, remembered unless empty. */
void lineedit_enter(struct lineedit *e, char *buf, size_t size);

#endif
