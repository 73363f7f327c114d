/*
 * `script --compare`: the simulated core and the kernel lab in lockstep
 * (see compare.h for the data model).  Numbers are compared relative to
 * each side's ISNs, since the kernel chooses its own; an `inject` or
 * `expect sent` with numbers is translated from the core's ISNs to the
 * kernel's before the lab sees it.  `seed` and `isn` go to the core only
 * (the lab refuses them); `profile` goes to neither: both stay Linux.
 */
#include <config.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "lib/i18n.h"
#include "lib/xalloc.h"
#include "script/compare.h"
#include "script/script_internal.h"

#define CMP_MAXSEG 32
#define CMP_QUIET_MS 15		/* the lab's quiet window, by default */

enum cmp_aspect { CMP_STATUS, CMP_SEGMENTS, CMP_STATE, CMP_ANY };
static const char *const cmp_aspect_names[] = {
	"status", "segments", "state", "any"
};

struct cmp_known {
	char name[128];
	unsigned lo, hi;		/* line range */
	enum cmp_aspect aspect;
	char reason[200];
	bool used;			/* matched a difference of this run */
};

struct cmp_seg {
	enum sim_dir dir;
	uint8_t flags;
	uint32_t seq, ack;		/* relative */
	uint16_t len;
};

/* What one side did for one command. */
struct cmp_sum {
	enum sim_status st;
	char msg[320];
	size_t nseg;
	struct cmp_seg seg[CMP_MAXSEG];
	enum tcp_state state[2];
};

struct cmp_side {
	struct wbackend b;
	bool has_isn[2];
	uint32_t isn[2];
	struct cmp_sum sum;
	unsigned nsent;			/* segments the hosts sent, all run */
};

struct cmp_run {
	const char *file, *name;	/* name: no directory, no ".scn" */
	struct cmp_known *known;
	size_t nknown;
	unsigned ncmds, ndiff, nknowndiff;
	FILE *out, *err;
	struct cmp_side side[2];	/* 0 core, 1 kernel */
};

/* ------------------------------------------------- known differences */

static bool
cmp_known_line(struct cmp_known *k, char *s)
{
	char line[32], aspect[32], *end;
	int n = 0;

	k->used = false;
	if (sscanf(s, "%127s %31s %31s %n", k->name, line, aspect, &n) < 3 ||
	    n == 0 || s[n] == '\0')
		return false;
	snprintf(k->reason, sizeof(k->reason), "%s", s + n);
	k->reason[strcspn(k->reason, "\n")] = '\0';
	k->aspect = CMP_ANY + 1;
	for (unsigned a = 0; a <= CMP_ANY; a++)
		if (strcmp(aspect, cmp_aspect_names[a]) == 0)
			k->aspect = (enum cmp_aspect)a;
	if (k->aspect > CMP_ANY)
		return false;
	if (strcmp(line, "*") == 0) {
		k->lo = 0;
		k->hi = UINT32_MAX;
		return true;
	}
	k->lo = k->hi = (unsigned)strtoul(line, &end, 10);
	if (*end == '-' && *++end == '\0')
		k->hi = UINT32_MAX;
	else if (end[-1] == '-')
		k->hi = (unsigned)strtoul(end, &end, 10);
	return k->lo > 0 && *end == '\0' && k->hi >= k->lo;
}

/* A missing default file is no error; a missing --known file is. */
static int
cmp_known_load(struct cmp_run *cr, const char *path, bool must)
{
	FILE *f = fopen(path, "r");
	char buf[512];
	size_t cap = 0;
	unsigned lineno = 0;

	if (f == NULL) {
		if (!must)
			return TT_EXIT_OK;
		fprintf(cr->err, _("%s: cannot read: %s\n"), path,
		    strerror(errno));
		return TT_EXIT_USAGE;
	}
	while (fgets(buf, sizeof(buf), f) != NULL) {
		char *s = buf + strspn(buf, " \t");

		lineno++;
		if (*s == '#' || *s == '\n' || *s == '\0')
			continue;
		xgrow(&cr->known, &cap, cr->nknown + 1, sizeof(*cr->known));
		if (!cmp_known_line(&cr->known[cr->nknown], s)) {
			fprintf(cr->err, _("%s:%u: expected NAME LINE ASPECT "
			    "REASON (ASPECT is status, segments, state or "
			    "any)\n"), path, lineno);
			fclose(f);
			return TT_EXIT_USAGE;
		}
		cr->nknown++;
	}
	fclose(f);
	return TT_EXIT_OK;
}

static const struct cmp_known *
cmp_known_find(struct cmp_run *cr, unsigned line, enum cmp_aspect a)
{
	for (size_t i = 0; i < cr->nknown; i++) {
		struct cmp_known *k = &cr->known[i];

		if (strcmp(k->name, cr->name) == 0 && line >= k->lo &&
		    line <= k->hi && (k->aspect == a || k->aspect == CMP_ANY)) {
			k->used = true;
			return k;
		}
	}
	return NULL;
}

/* A known difference of this scenario that did not happen: the core (or
 * the kernel) has changed, and the line can go.  Said, not failed. */
static void
cmp_known_unused(const struct cmp_run *cr)
{
	for (size_t i = 0; i < cr->nknown; i++) {
		const struct cmp_known *k = &cr->known[i];

		if (strcmp(k->name, cr->name) == 0 && !k->used)
			fprintf(cr->out, _("# no longer differs (remove it from "
			    "the known differences): %s line %u %s: %s\n"),
			    k->name, k->lo, cmp_aspect_names[k->aspect],
			    k->reason);
	}
}

/* ------------------------------------------------------- summaries */

/* The client's segments first, then the server's, each in the order
 * sent: the two kernels run on their own, so which of two hosts sends
 * first within one command is the machine's business, not TCP's. */
static void
cmp_by_dir(struct cmp_sum *s)
{
	struct cmp_seg tmp[CMP_MAXSEG];
	size_t n = 0;

	for (int d = 0; d < 2; d++)
		for (size_t i = 0; i < s->nseg; i++)
			if ((int)s->seg[i].dir == d)
				tmp[n++] = s->seg[i];
	memcpy(s->seg, tmp, n * sizeof(tmp[0]));
}

static void
cmp_collect(struct cmp_side *sd)
{
	size_t n;
	const struct sim_ev *ev = sd->b.ops->trace(sd->b.self, &n);

	for (size_t i = 0; i < n; i++) {
		const struct tcp_seg *s = &ev[i].flight.seg;
		enum sim_host_id h = ev[i].host;
		struct cmp_seg *c;

		if (ev[i].kind != SIM_EV_TCP || ev[i].tcp.kind != TCP_EV_SEND)
			continue;
		/* A SYN with a new number is a new ISS (RFC 9293 Figure 8,
		 * recovery from an old duplicate SYN: the server answers the
		 * old SYN and then the real one). */
		if ((s->flags & TCP_SYN) && (!sd->has_isn[h] ||
		    sd->isn[h] != s->seq)) {
			sd->has_isn[h] = true;
			sd->isn[h] = s->seq;
		}
		if (sd->sum.nseg == CMP_MAXSEG)
			continue;
		c = &sd->sum.seg[sd->sum.nseg++];
		c->dir = ev[i].flight.dir;
		c->flags = s->flags;
		c->len = s->len;
		c->seq = s->seq - (sd->has_isn[h] ? sd->isn[h] : 0);
		c->ack = !(s->flags & TCP_ACK) ? 0 :
		    s->ack - (sd->has_isn[1 - h] ? sd->isn[1 - h] : 0);
	}
	sd->b.ops->trace_clear(sd->b.self);
	sd->nsent += (unsigned)sd->sum.nseg;
	cmp_by_dir(&sd->sum);
	for (int h = 0; h < 2; h++)
		sd->sum.state[h] = sd->b.ops->state(sd->b.self,
		    (enum sim_host_id)h);
}

/* A number of the core's (ISN space of host h) in the kernel's space. */
static uint32_t
cmp_xlate(const struct cmp_run *cr, int h, uint32_t v)
{
	const struct cmp_side *core = &cr->side[0], *kern = &cr->side[1];

	if (!core->has_isn[h] || !kern->has_isn[h])
		return v;
	return v - core->isn[h] + kern->isn[h];
}

/* The command as the lab must see it. */
static void
cmp_lab_cmd(const struct cmp_run *cr, const struct cmd *c, struct cmd *lc)
{
	int from = -1;

	*lc = *c;
	if (c->kind == CMD_INJECT)
		from = (int)c->dir;
	else if (c->kind == CMD_EXPECT_SENT)
		from = (int)c->host;
	else if (c->kind == CMD_EXPECT_INFLIGHT && c->sel.kind == SEL_DIR)
		from = (int)c->sel.dir;
	else if (c->kind == CMD_EXPECT_INFLIGHT) {
		/* The sender is not known: the numbers are compared in the
		 * segment lists anyway. */
		lc->seg.has_seq = lc->seg.has_ack = false;
		return;
	}
	if (from < 0)
		return;
	lc->seg.seq = cmp_xlate(cr, from, c->seg.seq);
	lc->seg.ack = cmp_xlate(cr, 1 - from, c->seg.ack);
}

/* The lab's settle listens until the kernels have been silent for its
 * quiet window, so the ACK of a FIN that Linux holds to the next clock
 * tick goes out and is delivered inside it.  The core's settle delivers
 * only what is in flight; so, as the lab screen's shadow does, it lets a
 * delayed-ACK timer due within that window fire (profile linux models
 * the tick as a 4 ms delayed ACK, RFC 9293 3.8.6.3) and settles again.
 * Without this a plain close differed at its settle. */
static void
cmp_core_settle(struct wbackend *b)
{
	struct world *w = b->self;
	struct cmd wait = { .kind = CMD_WAIT }, settle = { .kind = CMD_SETTLE };
	struct sim_result res;
	enum sim_host_id h;
	enum tcp_timer t;
	uint64_t due;

	for (int i = 0; i < 64; i++) {
		if (!world_next_timer(w, &h, &t, &due) || t != TCP_T_DELACK ||
		    due > w->now + CMP_QUIET_MS)
			return;
		wait.dur.ms = due > w->now ? due - w->now : 0;
		(void)world_apply(w, &wait, &res);
		if (w->nwire == 0)
			return;
		(void)world_apply(w, &settle, &res);
	}
}

static void
cmp_apply(struct cmp_run *cr, const struct cmd *c)
{
	struct cmd lc;
	struct sim_result res;

	for (int i = 0; i < 2; i++) {
		struct cmp_side *sd = &cr->side[i];
		bool core_only = c->kind == CMD_SEED || c->kind == CMD_ISN;

		memset(&sd->sum, 0, sizeof(sd->sum));
		memset(&res, 0, sizeof(res));
		if (c->kind == CMD_PROFILE) {
			/* Both stay Linux: the kernel is Linux. */
			sd->sum.st = SIM_OK;
		} else if (i == 1 && core_only) {
			sd->sum.st = cr->side[0].sum.st;
		} else {
			if (i == 1)
				cmp_lab_cmd(cr, c, &lc);
			sd->sum.st = wbackend_apply(&sd->b, i == 1 ? &lc : c,
			    &res);
			if (i == 0 && c->kind == CMD_SETTLE &&
			    sd->sum.st == SIM_OK)
				cmp_core_settle(&sd->b);
			snprintf(sd->sum.msg, sizeof(sd->sum.msg), "%s",
			    res.msg);
		}
		cmp_collect(sd);
	}
}

/* ----------------------------------------------------------- report */

static char *
cmp_seg_str(const struct cmp_seg *s, char *buf, size_t size)
{
	char fl[TCP_FLAGS_BUFSZ];

	if (s->flags & TCP_ACK)
		snprintf(buf, size, "%s %s seq=%lu ack=%lu len=%u",
		    sim_dir_name(s->dir), script_flags_str(s->flags, fl),
		    (unsigned long)s->seq, (unsigned long)s->ack,
		    (unsigned)s->len);
	else
		snprintf(buf, size, "%s %s seq=%lu len=%u",
		    sim_dir_name(s->dir), script_flags_str(s->flags, fl),
		    (unsigned long)s->seq, (unsigned)s->len);
	return buf;
}

static void
cmp_segs_str(const struct cmp_sum *s, char *buf, size_t size)
{
	size_t used = 0;
	char one[96];

	buf[0] = '\0';
	for (size_t i = 0; i < s->nseg && used + 1 < size; i++)
		used += (size_t)snprintf(buf + used, size - used, "%s%s",
		    i ? "; " : "", cmp_seg_str(&s->seg[i], one, sizeof(one)));
	if (s->nseg == 0)
		snprintf(buf, size, "%s", _("(none)"));
}

static bool
cmp_segs_same(const struct cmp_sum *a, const struct cmp_sum *b)
{
	if (a->nseg != b->nseg)
		return false;
	for (size_t i = 0; i < a->nseg; i++) {
		const struct cmp_seg *x = &a->seg[i], *y = &b->seg[i];

		if (x->dir != y->dir || x->flags != y->flags ||
		    x->seq != y->seq || x->ack != y->ack || x->len != y->len)
			return false;
	}
	return true;
}

static const char *
cmp_status_str(const struct cmp_sum *s)
{
	switch (s->st) {
	case SIM_OK:
		return _("ok");
	case SIM_IMPOSSIBLE:
	case SIM_EXPECT_FAILED:
	case SIM_STOPPED:
		return s->msg[0] != '\0' ? s->msg : _("failed");
	}
	return "";
}

/* Print one difference; "what" says it in a line. */
static void
cmp_report(struct cmp_run *cr, const struct cmd *c, bool *head,
    enum cmp_aspect a, const char *what)
{
	const struct cmp_known *k = cmp_known_find(cr, c->line, a);
	char text[160];

	if (!*head) {
		fprintf(cr->out, "%s:%u: %s\n", cr->file, c->line,
		    script_format(c, text, sizeof(text)));
		*head = true;
	}
	fprintf(cr->out, "  %s\n", what);
	if (k != NULL) {
		fprintf(cr->out, _("    known: %s\n"), k->reason);
		cr->nknowndiff++;
	} else {
		cr->ndiff++;
	}
}

static void
cmp_diff(struct cmp_run *cr, const struct cmd *c)
{
	const struct cmp_sum *s = &cr->side[0].sum, *l = &cr->side[1].sum;
	char what[1400], a[600], b[600];
	bool head = false;

	if (s->st != l->st) {
		snprintf(what, sizeof(what), _("status: core: %s | kernel: %s"),
		    cmp_status_str(s), cmp_status_str(l));
		cmp_report(cr, c, &head, CMP_STATUS, what);
	}
	if (!cmp_segs_same(s, l)) {
		cmp_segs_str(s, a, sizeof(a));
		cmp_segs_str(l, b, sizeof(b));
		snprintf(what, sizeof(what), _("segments: core: %s | kernel: "
		    "%s"), a, b);
		cmp_report(cr, c, &head, CMP_SEGMENTS, what);
	}
	for (int h = 0; h < 2; h++) {
		if (s->state[h] == l->state[h])
			continue;
		snprintf(what, sizeof(what), _("state %s: core: %s | kernel: "
		    "%s"), _(sim_host_name((enum sim_host_id)h)),
		    tcp_state_name(s->state[h]), tcp_state_name(l->state[h]));
		cmp_report(cr, c, &head, CMP_STATE, what);
	}
}

/* ------------------------------------------------------------ driver */

static void
cmp_names(struct cmp_run *cr, const char *file, char *name, size_t size)
{
	const char *base = strrchr(file, '/');
	size_t n;

	base = base != NULL ? base + 1 : file;
	snprintf(name, size, "%s", base);
	n = strlen(name);
	if (n > 4 && strcmp(name + n - 4, ".scn") == 0)
		name[n - 4] = '\0';
	cr->file = file;
	cr->name = name;
}

static void
cmp_default_known(const char *file, char *buf, size_t size)
{
	const char *slash = strrchr(file, '/');

	if (slash == NULL)
		snprintf(buf, size, "%s", COMPARE_KNOWN_FILE);
	else
		snprintf(buf, size, "%.*s/%s", (int)(slash - file), file,
		    COMPARE_KNOWN_FILE);
}

static int
cmp_open(struct cmp_run *cr, const struct script_lab *lab, const char *pcap)
{
	struct cmd prof = { .kind = CMD_PROFILE, .profile = PROFILE_LINUX };
	struct sim_result res;
	char msg[512], label[200];

	if (lab->open(&cr->side[1].b, pcap, true, msg, sizeof(msg)) != 0) {
		fprintf(cr->err, "%s script: %s\n", PACKAGE, msg);
		return TT_EXIT_USAGE;
	}
	wbackend_sim(&cr->side[0].b, true);
	(void)wbackend_apply(&cr->side[0].b, &prof, &res);
	fprintf(cr->out, _("# compare %s: %s | %s\n"), cr->file,
	    cr->side[0].b.ops->label(cr->side[0].b.self, msg, sizeof(msg)),
	    cr->side[1].b.ops->label(cr->side[1].b.self, label,
	    sizeof(label)));
	if (lab->describe != NULL)
		fprintf(cr->out, "# %s\n", lab->describe(&cr->side[1].b, msg,
		    sizeof(msg)));
	return TT_EXIT_OK;
}

/* The file's last line: how many commands and differences, each counted
 * in its own plural form (tests/lab-table.sh reads the "N known" end). */
static void
cmp_summary(FILE *out, const struct cmp_run *cr)
{
	char cmds[64], diffs[64];

	snprintf(cmds, sizeof(cmds), ngettext("%u command", "%u commands",
	    cr->ncmds), cr->ncmds);
	snprintf(diffs, sizeof(diffs), ngettext("%u difference",
	    "%u differences", cr->ndiff), cr->ndiff);
	/* TRANSLATORS: the file, "N commands", "N differences", and how
	 * many of those the known-differences file lists. */
	fprintf(out, _("# %s: %s, %s, %u known\n"), cr->file, cmds, diffs,
	    cr->nknowndiff);
}

/* Each side's whole run in one line, for tables (tests/lab-table.sh). */
static void
cmp_totals(const struct cmp_run *cr)
{
	for (int i = 0; i < 2; i++) {
		const struct cmp_side *sd = &cr->side[i];

		/* TRANSLATORS: "core" or "kernel", a count, then the final
		 * states of client and server. */
		fprintf(cr->out, ngettext("%s%s: %u segment sent, client %s, "
		    "server %s", "%s%s: %u segments sent, client %s, "
		    "server %s", sd->nsent), i == 0 ? "# " : " | ",
		    i == 0 ? "core" : "kernel", sd->nsent,
		    tcp_state_name(sd->sum.state[0]),
		    tcp_state_name(sd->sum.state[1]));
	}
	fputc('\n', cr->out);
}

int
script_compare(struct script_reader *r, const struct script_lab *lab,
    const char *known, const char *pcap, FILE *out, FILE *err)
{
	struct cmp_run cr = { .out = out, .err = err };
	char name[256], kpath[1024];
	struct script_err e;
	struct cmd c;
	int rc, more;

	cmp_names(&cr, r->name, name, sizeof(name));
	cmp_default_known(r->name, kpath, sizeof(kpath));
	rc = cmp_known_load(&cr, known != NULL ? known : kpath, known != NULL);
	if (rc == TT_EXIT_OK)
		rc = cmp_open(&cr, lab, pcap);
	if (rc != TT_EXIT_OK) {
		free(cr.known);
		return rc;
	}
	while ((more = script_reader_next(r, &c, &e)) > 0) {
		cr.ncmds++;
		cmp_apply(&cr, &c);
		cmp_diff(&cr, &c);
	}
	cmp_known_unused(&cr);
	cmp_totals(&cr);
	cmp_summary(out, &cr);
	rc = cr.ndiff > 0 ? TT_EXIT_FAIL : TT_EXIT_OK;
	if (more < 0) {
		fprintf(err, "%s:%u:%u: %s\n", e.file, e.line, e.column, e.msg);
		rc = TT_EXIT_USAGE;
	}
	for (int i = 0; i < 2; i++)
		wbackend_destroy(&cr.side[i].b);
	free(cr.known);
	return rc;
}
