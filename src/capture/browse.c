/*
 * Browsing a capture's connections (see browse.h): the list model with a
 * choice, a search and a replay, and the words shown around the rows.
 * A screen paints this text; it builds none of it.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "capture/browse.h"
#include "lib/diag.h"
#include "lib/i18n.h"
#include "lib/scroll.h"
#include "lib/utf8.h"

int
cap_browse_read(struct cap_browse *b, const char *file, char **msg)
{
	char *text = NULL;
	size_t len = 0;
	/* Kept, not printed: a screen that shows it paints over stderr. */
	FILE *err = open_memstream(&text, &len);
	int rc;

	memset(b, 0, sizeof(*b));
	b->file = file;
	if (err == NULL)
		return TT_EXIT_USAGE;
	rc = cap_list_read(file, &b->l, err);
	fclose(err);
	if (len > 0 && text[len - 1] == '\n')
		text[len - 1] = '\0';
	if (msg != NULL && len > 0)
		*msg = text;
	else
		free(text);
	return rc;
}

void
cap_browse_free(struct cap_browse *b)
{
	cap_list_free(&b->l);
	free(b->frames);
	b->frames = NULL;
	b->nframes = 0;
}

const char *
cap_browse_reason(const char *msg, const char *file)
{
	size_t n = strlen(diag_prog()), f = strlen(file);

	if (strncmp(msg, diag_prog(), n) == 0 && strncmp(msg + n, ": ", 2) == 0)
		msg += n + 2;
	if (strncmp(msg, file, f) == 0 && strncmp(msg + f, ": ", 2) == 0)
		msg += f + 2;
	return msg;
}

bool
cap_browse_move(struct cap_browse *b, enum scroll_move m)
{
	return scroll_choose(&b->sel, b->l.n, b->rows > 1 ?
	    (size_t)b->rows - 1 : 1, m);
}

void
cap_browse_scroll(struct cap_browse *b, int rows)
{
	b->rows = rows;
	b->top = scroll_keep(b->top, b->l.n, (size_t)rows, b->sel);
}

enum cap_found
cap_browse_search(struct cap_browse *b, const char *query)
{
	size_t i;

	if (query != NULL)
		snprintf(b->query, sizeof(b->query), "%s", query);
	if (b->query[0] == '\0')
		return CAP_NO_QUERY;
	i = b->l.n == 0 ? 0 : cap_list_find(&b->l, b->query,
	    b->sel + (query == NULL));
	if (i >= b->l.n)
		return CAP_NOT_FOUND;
	b->sel = i;
	return CAP_FOUND;
}

bool
cap_browse_replay(struct cap_browse *b, struct session *s)
{
	struct cmd *cmds = NULL;
	uint64_t *ms = NULL;
	size_t n = 0;
	uint64_t id = b->l.rows[b->sel].id;
	bool ok = cap_list_cmds(b->file, id, &cmds, &ms, &n, NULL);

	if (ok) {
		session_load(s, cmds, n);
		session_clock(s, ms, n);
		session_goto(s, n);
		free(b->frames);
		b->frames = NULL;	/* stays so if it has none */
		b->nframes = 0;
		(void)cap_list_frames(b->file, id, &b->frames, &b->nframes);
	}
	free(cmds);
	free(ms);
	return ok;
}

/* A column begins after two spaces in a --list line; the break is at the
 * last such place that fits, so every column keeps its whole value (80
 * columns cut the states and the resets before). */
size_t
cap_browse_break(const char *line, int cols)
{
	int used;
	size_t fit = utf8_fit(line, cols, &used);

	if (line[fit] == '\0')
		return fit;
	for (size_t i = fit; i > CAP_BROWSE_INDENT; i--)
		if (line[i - 1] == ' ' && line[i] == ' ')
			return i - 1;
	return fit;
}

int
cap_browse_row_lines(const struct cap_browse *b, int cols)
{
	const char *head = cap_browse_heading();

	if (head[cap_browse_break(head, cols)] != '\0')
		return 2;
	for (size_t i = 0; i < b->l.n; i++)
		if (b->l.rows[i].line[cap_browse_break(b->l.rows[i].line,
		    cols)] != '\0')
			return 2;
	return 1;
}

const char *
cap_browse_heading(void)
{
	return _("  id  client > server  segments  handshake  "
	    "closed-first  client/server-states  rexmit  rst  flags");
}

void
cap_browse_stats(const struct cap_browse *b, char *line1, char *line2,
    size_t size)
{
	const struct cap_stats *s = &b->l.st;

	snprintf(line1, size, _("Connections %llu   handshakes: %llu "
	    "complete, %llu incomplete, %llu refused, %llu not seen"),
	    (unsigned long long)s->conns, (unsigned long long)s->hs_complete,
	    (unsigned long long)s->hs_incomplete,
	    (unsigned long long)s->hs_refused,
	    (unsigned long long)s->hs_none);
	snprintf(line2, size, _("Closed first by client %llu, server "
	    "%llu   reset %llu   retransmissions %llu"),
	    (unsigned long long)s->closed_by[0],
	    (unsigned long long)s->closed_by[1],
	    (unsigned long long)s->reset, (unsigned long long)s->rexmit);
}

/* Local time, as tcpdump -r prints it. */
void
cap_browse_times(const struct cap_browse *b, char *buf, size_t size)
{
	const struct cap_row *r = &b->l.rows[b->sel];
	time_t t = (time_t)(r->first_us / 1000000);
	struct tm tm;
	char when[64];

	if (localtime_r(&t, &tm) == NULL ||
	    strftime(when, sizeof(when), "%Y-%m-%d %H:%M:%S", &tm) == 0)
		snprintf(when, sizeof(when), "?");
	/* TRANSLATORS: connection number, date and time, its microseconds,
	 * seconds since the capture began, seconds it lasted. */
	snprintf(buf, size, _("Connection %llu: %s.%06u, "
	    "+%.6f s, lasted %.6f s"), (unsigned long long)r->id,
	    when, (unsigned)(r->first_us % 1000000),
	    (double)(r->first_us - b->l.t0_us) / 1e6,
	    (double)(r->last_us - r->first_us) / 1e6);
}
