/*
 * The lesson list's words, without a terminal: a lesson's progress mark
 * and its row (number, title, as much of the summary as fits), cut and
 * padded by display width, so Chinese lines up as it shows.
 *
 * Data model: none kept; each function reads the catalog and the
 * progress file, or writes one row into the caller's buffer from a
 * catalog entry's fields and the progress file's mark.
 */
#ifndef TCPTEACH_LESSON_BROWSE_H
#define TCPTEACH_LESSON_BROWSE_H

#include <stdbool.h>
#include <stddef.h>

#include "lesson/catalog.h"
#include "lesson/progress.h"

/* The number of steps of each lesson of cat, 0 for one that does not
 * load (the caller frees the array). */
size_t *lbrowse_nsteps(const struct lesson_catalog *cat);
/* How many lessons of cat p records as complete. */
size_t lbrowse_done(const struct lesson_catalog *cat,
    const struct lesson_progress *p);
/* The widest title of cat in display columns, at most cap. */
int lbrowse_title_width(const struct lesson_catalog *cat, int cap);

/* The progress mark of a lesson in the list: "✓", "3/9", "·" (ASCII:
 * "[x]", "3/9", "-").  nsteps 0: unknown. */
const char *lbrowse_mark(const struct lesson_mark *m, size_t nsteps,
    bool ascii, char *buf, size_t size);
/* The rest of a list row, "02  Title   summary", padded by display width:
 * the title takes title_w columns, the summary what is left of cols. */
char *lbrowse_row(unsigned num, const char *title, const char *summary,
    int title_w, int cols, char *buf, size_t size);

/* The same on two lines, when the list has room for them: the summary
 * goes on under itself (l2 is empty when it fits on one). */
void lbrowse_row2(unsigned num, const char *title, const char *summary,
    int title_w, int cols, char *l1, char *l2, size_t size);

#endif
