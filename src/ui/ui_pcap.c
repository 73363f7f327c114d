/*
 * The simulator's "write the session as a capture" command (W, or
 * `:pcap FILE`): the learner names a file (session.pcap by default), is
 * asked before an existing file is replaced, and gets a pcap that tcpdump
 * and Wireshark open, built by the same writer as `script --pcap`.
 *
 * Data model: the session's applied commands cmds[0..pos) are replayed
 * into a scratch world whose whole trace is kept, so the capture holds
 * every segment of the session even though the live world's trace was
 * folded into the view and cleared.  The file is built in memory and
 * written atomically; the name waiting for the overwrite answer lives in
 * the ui state (pcap_path).
 */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "lib/atomic.h"
#include "lib/i18n.h"
#include "script/pcap.h"
#include "ui/ui_int.h"

#define UI_PCAP_DEFAULT "session.pcap"

struct ui_pcap_run {
	FILE *f;
	bool ok;
	size_t nsegs;
};

static bool
ui_pcap_each(void *arg, struct world *w, size_t i,
    const struct sim_result *res)
{
	struct ui_pcap_run *r = arg;

	(void)i;
	(void)res;
	for (size_t k = 0; k < w->ntrace && r->ok; k++) {
		long before = ftell(r->f);

		r->ok = script_pcap_event(r->f, &w->trace[k]);
		if (ftell(r->f) != before)
			r->nsegs++;
	}
	return r->ok;
}

bool
session_pcap(const struct session *s, const char *path, size_t *nsegs,
    char *err, size_t errsize)
{
	struct ui_pcap_run r = { NULL, true, 0 };
	struct sim_result res;
	struct world w;
	char *buf = NULL;
	size_t len = 0;
	int e = 0;

	r.f = open_memstream(&buf, &len);
	if (r.f == NULL) {
		e = errno;
		goto fail;
	}
	world_init(&w);
	w.keep_trace = true;
	r.ok = script_pcap_begin(r.f);
	if (r.ok && s->pos > 0)
		(void)world_replay(&w, s->cmds, s->pos, &res, ui_pcap_each, &r);
	world_free(&w);
	if (fclose(r.f) != 0 || !r.ok)
		e = errno ? errno : EIO;
	else if (atomic_write_file(path, buf, len) != 0)
		e = errno;
	free(buf);
	if (e == 0) {
		*nsegs = r.nsegs;
		return true;
	}
fail:
	/* TRANSLATORS: a file name, then the system's error message. */
	snprintf(err, errsize, _("Cannot write %s: %s"), path, strerror(e));
	return false;
}

static int
ui_pcap_write(struct screen *sc, const char *path)
{
	struct ui *ui = sc->state;
	char err[640];
	size_t n = 0;

	if (session_pcap(&ui->s, path, &n, err, sizeof(err)))
		/* TRANSLATORS: number of segments, then the file name twice. */
		screen_message(sc, false, _("Wrote %zu segments to %s. Read "
		    "it with: tcpdump -nr %s"), n, path, path);
	else
		screen_message(sc, true, "%s", err);
	return UI_R_ALL;
}

static int
ui_pcap_overwrite(struct screen *sc, bool yes)
{
	struct ui *ui = sc->state;

	if (!yes) {
		screen_message(sc, false, _("Not written."));
		return UI_R_ALL;
	}
	return ui_pcap_write(sc, ui->pcap_path);
}

/* Write to path, asking first if a file is there already. */
int
ui_pcap_to(struct screen *sc, const char *path)
{
	struct ui *ui = sc->state;
	char q[400];
	struct stat st;

	if (*path == '\0')
		return 0;
	if (stat(path, &st) != 0)
		return ui_pcap_write(sc, path);
	if (strlen(path) >= sizeof(ui->pcap_path)) {
		screen_message(sc, true, _("Cannot write %s: %s"), path,
		    strerror(ENAMETOOLONG));
		return UI_R_ALL;
	}
	snprintf(ui->pcap_path, sizeof(ui->pcap_path), "%s", path);
	/* TRANSLATORS: a file name; the answer is y or n. */
	snprintf(q, sizeof(q), _("%s exists. Replace it? (y/n)"), path);
	screen_ask(sc, APP_ASK_YESNO, q, ui_pcap_overwrite);
	return UI_R_STATUS;
}

int
ui_h_pcap(SCREEN_CMD_ARGS)
{
	screen_prompt(sc, _("Write capture as: "), UI_PCAP_DEFAULT, ui_pcap_to);
	return UI_R_STATUS;
}

/* `:pcap` or `:pcap FILE` at the command prompt; false if text is some
 * other command (then it is a scenario command). */
bool
ui_pcap_colon(struct screen *sc, const char *text, int *r)
{
	const char *p = text;
	char name[4096];
	size_t n;

	while (*p == ' ' || *p == '\t')
		p++;
	if (strncmp(p, "pcap", 4) != 0 || (p[4] != '\0' && p[4] != ' ' &&
	    p[4] != '\t'))
		return false;
	p += 4;
	while (*p == ' ' || *p == '\t')
		p++;
	if (*p == '\0') {
		*r = ui_h_pcap(sc, NULL, 0);
		return true;
	}
	/* Trailing blanks are not part of the name. */
	snprintf(name, sizeof(name), "%s", p);
	for (n = strlen(name); n > 0 && (name[n - 1] == ' ' ||
	    name[n - 1] == '\t'); n--)
		name[n - 1] = '\0';
	*r = ui_pcap_to(sc, name);
	return true;
}
