/*
 * `tcpteach lab`: the simulator screen with the kernel lab behind it.
 *
 * Data model: struct lab_ui is a simulator (struct ui, first, so the
 * session inside it leads to the whole) plus the lab backend its session
 * sends every command to.  The commands, keys and painters are the
 * simulator's; only three things differ.  The state boxes show what the
 * kernel reports (its state) and say which fields it does not expose.
 * Undo rebuilds the namespaces (a new backend) and replays the commands,
 * since a kernel cannot be wound back.  And the loop waits on the two TUN
 * descriptors with the terminal, so a segment a kernel sends on its own
 * (a retransmission, a delayed ACK) appears without a key press.
 */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "lib/diag.h"
#include "lib/i18n.h"
#include "lib/mono.h"
#include "script/shadow.h"
#include "ui/draw_int.h"

struct lab_ui {
	struct ui ui;
	struct wbackend be;
	const struct ui_lab *lab;	/* the lab's entry points */
	const char *pcap;
	char kernel[64];	/* "Linux 6.1.0" */
	uint64_t t0;		/* mono ms when the lab opened: its clock */
	struct shadow sh;	/* profile linux beside the kernels */
};

static struct lab_ui *
lab_of(struct session *s)
{
	/* s is the first member of struct ui, which is first here. */
	return (struct lab_ui *)(void *)s;
}

/* What a kernel did by itself (a retransmission, a delayed ACK, a timer
 * that ended TIME_WAIT) is narrated as a command's effects are. */
static void
lab_drain(struct lab_ui *l)
{
	size_t n;

	(void)l->be.ops->trace(l->be.self, &n);
	if (n > 0)
		session_feed_be(&l->ui.s);
}

static int
lab_open(struct lab_ui *l, char *err, size_t size)
{
	char desc[256];
	uint64_t t0 = mono_ms();
	int rc = l->lab->open(&l->be, l->pcap, true, err, size);

	if (rc != 0)
		return rc;
	l->t0 = t0;
	shadow_free(&l->sh);
	shadow_init(&l->sh);
	l->be.ops->trace_clear(l->be.self);
	(void)l->lab->describe(&l->be, desc, sizeof(desc));
	desc[strcspn(desc, ";,-")] = '\0';
	desc[sizeof(l->kernel) - 1] = '\0';
	memcpy(l->kernel, desc, sizeof(l->kernel));
	return 0;
}

/* After each step, and after what the kernels did by themselves: where
 * profile linux, run beside them on the same commands and the lab's
 * clock, would have sent other segments or be in another state, one
 * line says so; where they agree, nothing is added. */
static void
lab_observe(struct session *s, const struct cmd *c, const struct sim_ev *ev,
    size_t n)
{
	struct lab_ui *l = lab_of(s);
	enum tcp_state ks[2];
	/* t0 is a little before the lab's own start, so the model's
	 * clock is never behind the kernels' (at most the start's few ms
	 * ahead, far from the 40 ms and 200 ms timers that could race). */
	uint64_t now = mono_ms() - l->t0;
	char line[1024];
	bool say;

	for (int h = 0; h < 2; h++)
		ks[h] = l->be.ops->state(l->be.self, (enum sim_host_id)h);
	if (c != NULL)
		say = shadow_step(&l->sh, c, &s->last, ev, n, ks, now, line,
		    sizeof(line));
	else
		say = shadow_tick(&l->sh, ev, n, ks, now, line, sizeof(line));
	if (say)
		view_narrate(&l->ui.v, line);
}

/* Undo and goto: a kernel cannot be wound back, so new namespaces. */
static bool
lab_rebuild(struct session *s)
{
	struct lab_ui *l = lab_of(s);
	char err[256];

	wbackend_destroy(&l->be);
	if (lab_open(l, err, sizeof(err)) == 0) {
		s->be_t0 = l->t0;
		screen_message(app_top(l->ui.app), false, "%s", _("New "
		    "namespaces, the commands replayed: the kernels chose new "
		    "ISNs, so the numbers changed."));
		return true;
	}
	screen_message(app_top(l->ui.app), true, "%s", err);
	return false;
}

static int
lab_fds(struct screen *sc, int *fds, int max)
{
	struct lab_ui *l = sc->state;

	if (l->ui.s.be == NULL || max < 2)
		return 0;
	l->lab->poll_fds(&l->be, fds);
	return 2;
}

static int
lab_ready(struct screen *sc)
{
	struct lab_ui *l = sc->state;

	if (l->ui.s.be == NULL)
		return 0;
	l->lab->pump(&l->be);
	lab_drain(l);
	return UI_R_BOXES | UI_R_LADDER | UI_R_NARR | UI_R_MENU |
	    UI_R_STATUS;
}

void
ui_lab_box(struct ui *ui, enum sim_host_id h, struct ladder_box *out)
{
	struct wbackend *b = ui->s.be;
	enum tcp_state st = b->ops->state(b->self, h);

	memset(out, 0, sizeof(*out));
	snprintf(out->state, sizeof(out->state), "%s", tcp_state_name(st));
	out->phase = ladder_phase_of(st);
	out->hilite = ui->v.lad.host[h].changed;
	snprintf(out->app, sizeof(out->app), "%s", _("the kernel's own state"));
	if (st == TCP_CLOSED || st == TCP_LISTEN)
		return;
	snprintf(out->nums[0], sizeof(out->nums[0]), "%s",
	    _("ISS SND.* RCV.NXT: not exposed"));
	snprintf(out->nums[1], sizeof(out->nums[1]), "%s",
	    _("by the kernel; see the ladder"));
	/* The kernel's timers as its trace told them (inet_diag). */
	ladder_box_timers(&ui->s.w, &ui->s.w.host[h].tcb, out);
}

const char *
ui_lab_title(const struct ui *ui, enum sim_host_id h, char *buf,
    size_t size)
{
	const struct lab_ui *l = (const struct lab_ui *)(const void *)ui;

	/* TRANSLATORS: a host's name, then the kernel ("Linux 6.1.0"). */
	snprintf(buf, size, _("%s, kernel %s"), sim_host_text(h), l->kernel);
	return buf;
}

int
ui_lab_main(const struct ui_opts *o, const char *pcap,
    const struct ui_lab *lab)
{
	struct lab_ui l;
	struct screen sc;
	struct app a;
	char err[256];
	int rc;

	memset(&l, 0, sizeof(l));
	l.pcap = pcap;
	l.lab = lab;
	/* Before the terminal is touched: a lab that cannot start is one
	 * line on stderr and exit status 2. */
	if ((rc = lab_open(&l, err, sizeof(err))) != 0) {
		fprintf(stderr, "%s: %s\n", diag_prog(), err);
		return rc;
	}
	/* TRANSLATORS: the program name, then the reason. */
	if (ui_term_refuse(_("%s: the kernel lab's screen needs a terminal: "
	    "%s.\n"), _("To run a scenario on the kernels without a "
	    "terminal, use: %s script --lab FILE\n")) ||
	    !ui_term_start(o->ascii)) {
		wbackend_destroy(&l.be);
		shadow_free(&l.sh);
		return TT_EXIT_USAGE;
	}
	ui_state_init(&l.ui, o);
	l.ui.v.num = LADDER_NUM_RAW;
	l.ui.s.be = &l.be;
	l.ui.s.rebuild = lab_rebuild;
	l.ui.s.observe = lab_observe;
	l.ui.s.be_t0 = l.t0;
	session_be_world(&l.ui.s);
	ui_app_init(&a);
	memset(&sc, 0, sizeof(sc));
	sc.def = &ui_lab_def;
	sc.state = &l;
	sc.fds = lab_fds;
	sc.fd_ready = lab_ready;
	l.ui.app = &a;
	app_push(&a, &sc);
	screen_message(&sc, false, _("The kernel lab: two Linux TCP stacks "
	    "(%s); tcpteach is the wire. The kernel gives no reasons: the "
	    "narration says what it did."), l.kernel);
	ui_run(&a);
	app_free(&a);
	ui_term_end();
	ui_state_free(&l.ui);
	wbackend_destroy(&l.be);
	shadow_free(&l.sh);
	ui_term_reraise();
	return TT_EXIT_OK;
}
