/*
 * Completion of a scenario line and its help, and what a line typed at
 * the prompt is (a command, help, `pcap FILE`, or a parse error), with no
 * curses: the simulator's `:` line is its user.
 *
 * Data model: none kept.  The words a scenario line may go on with are
 * worked out from the words typed before the last one, with the parser's
 * own command table (script_commands), its setting names, the RFC state
 * names and the two hosts, so completion can never offer a word the
 * parser would refuse.  Tab completes the last word as far as the
 * candidates agree (a shell's rule); when several remain they are listed.
 */
#include <config.h>

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "core/tcp.h"
#include "lib/i18n.h"
#include "script/complete.h"
#include "script/parse.h"

#define COMPLETE_MAXW 8
#define COMPLETE_MAXC 48

struct complete_set {
	const char *w[COMPLETE_MAXC];
	size_t n;
};

static void
complete_add(struct complete_set *u, const char *w)
{
	for (size_t i = 0; i < u->n; i++)
		if (strcmp(u->w[i], w) == 0)
			return;
	if (u->n < COMPLETE_MAXC)
		u->w[u->n++] = w;
}

static bool
complete_host(const char *w)
{
	return strcmp(w, "client") == 0 || strcmp(w, "server") == 0;
}

/* The words that may follow words[0..k). */
static void
complete_candidates(char words[][32], size_t k, struct complete_set *u)
{
	const char *w0 = k > 0 ? words[0] : "";

	if (k == 0) {
		complete_add(u, "client");
		complete_add(u, "server");
		for (size_t i = 0; i < CMD_NKINDS; i++)
			if (!script_commands[i].host_first)
				complete_add(u, script_commands[i].name);
		complete_add(u, "help");
	} else if (k == 1 && complete_host(w0)) {
		for (size_t i = 0; i < CMD_NKINDS; i++)
			if (script_commands[i].host_first)
				complete_add(u, script_commands[i].name);
	} else if (k == 1 && (strcmp(w0, "isn") == 0)) {
		complete_add(u, "client");
		complete_add(u, "server");
	} else if (k == 1 && strcmp(w0, "expect") == 0) {
		complete_add(u, "client");
		complete_add(u, "server");
		for (size_t i = 0; i < CMD_NKINDS; i++)
			if (script_commands[i].sub != NULL &&
			    strcmp(script_commands[i].name, "expect") == 0)
				complete_add(u, script_commands[i].sub);
	} else if (k == 2 && strcmp(w0, "expect") == 0 &&
	    complete_host(words[1])) {
		for (int s = 0; s < TCP_NSTATES; s++)
			complete_add(u, tcp_state_name((enum tcp_state)s));
	} else if (k == 1 && strcmp(w0, "set") == 0) {
		for (size_t i = 0; i < SET_NKEYS; i++)
			complete_add(u, script_set_names[i]);
	} else if (k == 2 && strcmp(w0, "set") == 0) {
		complete_add(u, "on");
		complete_add(u, "off");
	} else if (k == 1 && strcmp(w0, "profile") == 0) {
		complete_add(u, "rfc9293");
		complete_add(u, "linux");
	} else if (k == 1 && strcmp(w0, "wait") == 0) {
		complete_add(u, "timer");
	} else if (k == 1 && strcmp(w0, "help") == 0) {
		complete_candidates(words, 0, u);
	}
}

/* Split line into words; the last one (maybe empty) is being typed. */
static size_t
complete_split(const char *line, char words[][32], const char **last)
{
	size_t k = 0;
	const char *p = line;

	for (;;) {
		const char *s;
		size_t n;

		while (*p == ' ')
			p++;
		s = p;
		while (*p != ' ' && *p != '\0')
			p++;
		if (*p == '\0') {
			*last = s;
			return k;
		}
		n = (size_t)(p - s);
		if (k < COMPLETE_MAXW) {
			snprintf(words[k], 32, "%.*s", (int)(n < 31 ? n :
			    31), s);
			k++;
		}
	}
}

size_t
script_complete(const char *line, char *out, size_t size, char *list,
    size_t lsize)
{
	char words[COMPLETE_MAXW][32];
	struct complete_set u = { .n = 0 };
	const char *last, *first = NULL;
	size_t k = complete_split(line, words, &last), plen = strlen(last);
	size_t nm = 0, common = 0, used = 0;

	snprintf(out, size, "%s", line);
	list[0] = '\0';
	complete_candidates(words, k, &u);
	for (size_t i = 0; i < u.n; i++) {
		const char *w = u.w[i];

		if (strncmp(w, last, plen) != 0)
			continue;
		if (nm++ == 0) {
			first = w;
			common = strlen(w);
		} else {
			size_t j = 0;

			while (j < common && first[j] == w[j])
				j++;
			common = j;
		}
		used += (size_t)snprintf(list + used, used < lsize ?
		    lsize - used : 0, "%s%s", used > 0 ? "  " : "", w);
		if (used >= lsize)
			used = lsize;
	}
	if (nm == 0)
		return 0;
	snprintf(out, size, "%.*s%.*s%s", (int)(last - line), line,
	    (int)common, first, nm == 1 ? " " : "");
	return nm;
}

/* `help` lists the command words; `help WORD` each form of it. */
void
script_complete_help(const char *word, char *buf, size_t size)
{
	size_t used;
	char syn[128];

	if (word == NULL || *word == '\0') {
		struct complete_set u = { .n = 0 };

		complete_candidates(NULL, 0, &u);
		/* TRANSLATORS: then the scenario command words. */
		used = (size_t)snprintf(buf, size, "%s", _("Scenario "
		    "commands (Tab completes, help WORD explains one):"));
		for (size_t i = 0; i < u.n && used < size; i++)
			used += (size_t)snprintf(buf + used, size - used,
			    " %s", u.w[i]);
		return;
	}
	used = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < CMD_NKINDS && used < size; i++) {
		const struct script_command *c = &script_commands[i];

		if (strcmp(c->name, word) != 0 && !(complete_host(word) &&
		    c->host_first))
			continue;
		used += (size_t)snprintf(buf + used, size - used, "%s%s: %s",
		    used > 0 ? "  " : "", script_command_synopsis(c, syn,
		    sizeof(syn)), _(c->help));
	}
	if (buf[0] == '\0')
		/* TRANSLATORS: a word typed after help. */
		snprintf(buf, size, _("No scenario command %s. Type help for "
		    "the list."), word);
}

/* `pcap` followed by nothing or a blank: the writer's own word, which the
 * scenario language does not have. */
static const char *
complete_pcap_word(const char *line)
{
	while (*line == ' ' || *line == '\t')
		line++;
	if (strncmp(line, "pcap", 4) != 0 || (line[4] != '\0' &&
	    line[4] != ' ' && line[4] != '\t'))
		return NULL;
	return line + 4;
}

void
script_colon_parse(const char *line, struct script_colon *out)
{
	struct script_err err;
	const char *p = complete_pcap_word(line);
	size_t n;
	int r;

	memset(out, 0, sizeof(*out));
	if (p != NULL) {
		out->kind = SCRIPT_COLON_PCAP;
		snprintf(out->text, sizeof(out->text), "%s", p + strspn(p,
		    " \t"));
		for (n = strlen(out->text); n > 0 && (out->text[n - 1] == ' ' ||
		    out->text[n - 1] == '\t'); n--)
			out->text[n - 1] = '\0';
		return;
	}
	if (strncmp(line, "help", 4) == 0 && (line[4] == '\0' ||
	    line[4] == ' ')) {
		out->kind = SCRIPT_COLON_HELP;
		script_complete_help(line[4] == ' ' ? line + 5 : NULL,
		    out->text, sizeof(out->text));
		return;
	}
	memset(&err, 0, sizeof(err));
	r = script_parse_line(line, 0, &out->cmd, &err);
	out->kind = r < 0 ? SCRIPT_COLON_ERROR : r == 1 ? SCRIPT_COLON_CMD :
	    SCRIPT_COLON_NONE;
	if (r < 0) {
		out->column = err.column;
		snprintf(out->text, sizeof(out->text), "%s", err.msg);
	}
}
