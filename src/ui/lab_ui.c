/*
 * `tcpteach lab`: the simulator screen with the kernel lab behind it.
 *
 * Data model: struct lab_ui is a simulator (struct ui, first, so the
 * session inside it leads to the whole) plus the kernel lab its session
 * sends every command to (script/labsess.h: the backend, its clock and
 * profile linux beside it).  The commands, keys and painters are the
 * simulator's; only three things differ.  The state boxes show what the
 * kernel reports (its state) and say which fields it does not expose.
 * Undo rebuilds the namespaces (a new backend) and replays the commands,
 * since a kernel cannot be wound back; the message says so.  And the
 * loop waits on the two TUN descriptors with the terminal, so a segment
 * a kernel sends on its own (a retransmission, a delayed ACK) appears
 * without a key press.
 */
#include <config.h>

#include <stdio.h>

#include "lib/diag.h"
#include "lib/i18n.h"
#include "script/labsess.h"
#include "ui/draw_int.h"

struct lab_ui {
	struct ui ui;
	struct labsess lab;
	bool waiting;		/* a wait showed its progress */
	uint64_t stopped;	/* and a key stopped it there (ms); 0 not */
};

static struct lab_ui *
lab_of(struct session *s)
{
	/* s is the first member of struct ui, which is first here. */
	return (struct lab_ui *)(void *)s;
}

/* A wait in real time (`wait 70s`, `wait timer`): once a second the
 * boxes count down and the status line says how far it is; any key
 * stops it (the session then keeps the wait that really happened). */
static bool
lab_waiting(void *arg, uint64_t waited, uint64_t total)
{
	struct lab_ui *l = arg;
	struct screen *sc = app_top(l->ui.app);
	bool stop = waited > 0 && ui_key_pressed(l->ui.app);

	if (sc == NULL)
		return false;
	l->waiting = true;
	if (stop) {
		l->stopped = waited;
		return true;
	}
	/* TRANSLATORS: seconds waited, seconds the wait lasts. */
	screen_message(sc, false, _("Waiting in real time: %lu s of %lu s "
	    "(the kernels' clocks run). Press any key to stop the wait "
	    "here."), (unsigned long)(waited / 1000),
	    (unsigned long)((total + 999) / 1000));
	ui_repaint(l->ui.app, UI_R_BOXES | UI_R_NARR | UI_R_STATUS);
	return false;
}

/* The wait is over: its progress line goes, or says where it stopped. */
static void
lab_waited(struct lab_ui *l, const struct cmd *c)
{
	struct screen *sc = app_top(l->ui.app);

	l->waiting = false;
	if (sc != NULL && l->stopped == 0)
		sc->app->msg[0] = '\0';
	else if (sc != NULL)
		/* TRANSLATORS: seconds, then the same in milliseconds. */
		screen_message(sc, false, _("The wait stopped after %.1f s; "
		    "it is kept as \"wait %lums\" (undo and save repeat "
		    "that)."), (double)l->stopped / 1000.0,
		    (unsigned long)c->dur.ms);
	l->stopped = 0;
}

/* After each step, and after what the kernels did by themselves: one
 * line where profile linux, beside them, would have acted otherwise (the
 * session keeps it with the step and narrates it through the view). */
static bool
lab_observe(struct session *s, const struct cmd *c, const struct sim_ev *ev,
    size_t n, char *line, size_t size)
{
	struct lab_ui *l = lab_of(s);

	if (c != NULL && l->waiting)
		lab_waited(l, c);
	return labsess_observe(&l->lab, s, c, ev, n, line, size);
}

static bool
lab_rebuild(struct session *s)
{
	struct lab_ui *l = lab_of(s);
	char err[256];
	bool ok = labsess_rebuild(&l->lab, s, err, sizeof(err));

	screen_message(app_top(l->ui.app), !ok, "%s", ok ? _("New namespaces, "
	    "the commands replayed: the kernels chose new ISNs, so the "
	    "numbers changed.") : err);
	return ok;
}

static int
lab_fds(struct screen *sc, int *fds, int max)
{
	struct lab_ui *l = sc->state;

	return labsess_poll_fds(&l->lab, fds, max);
}

static int
lab_ready(struct screen *sc)
{
	struct lab_ui *l = sc->state;

	if (!labsess_pump(&l->lab, &l->ui.s))
		return 0;
	return UI_R_BOXES | UI_R_LADDER | UI_R_NARR | UI_R_MENU |
	    UI_R_STATUS;
}

const char *
ui_lab_title(const struct ui *ui, enum sim_host_id h, char *buf,
    size_t size)
{
	const struct lab_ui *l = (const struct lab_ui *)(const void *)ui;

	return labsess_title(&l->lab, h, buf, size);
}

int
ui_lab_main(const struct ui_opts *o, const char *pcap,
    const struct script_lab *lab)
{
	struct lab_ui l;
	struct screen sc = { .def = &ui_lab_def, .state = &l, .fds = lab_fds,
	    .fd_ready = lab_ready };
	struct app a;
	char err[256];
	int rc;

	/* Before the terminal is touched: a lab that cannot start is one
	 * line on stderr and exit status 2. */
	if ((rc = labsess_open(&l.lab, lab, pcap, err, sizeof(err))) != 0) {
		fprintf(stderr, "%s: %s\n", diag_prog(), err);
		return rc;
	}
	/* TRANSLATORS: the program name, then the reason. */
	if (ui_term_refuse(_("%s: the kernel lab's screen needs a terminal: "
	    "%s.\n"), _("To run a scenario on the kernels without a "
	    "terminal, use: %s script --lab FILE\n")) ||
	    !ui_term_start(o->ascii)) {
		labsess_free(&l.lab);
		return TT_EXIT_USAGE;
	}
	ui_state_init(&l.ui, o);
	l.ui.v.num = LADDER_NUM_RAW;
	l.waiting = false;
	l.stopped = 0;
	labsess_attach(&l.lab, &l.ui.s, lab_waiting, &l);
	l.ui.s.rebuild = lab_rebuild;
	l.ui.s.observe = lab_observe;
	ui_app_init(&a);
	l.ui.app = &a;
	app_push(&a, &sc);
	screen_message(&sc, false, _("The kernel lab: two Linux TCP stacks "
	    "(%s); tcpteach is the wire. The kernel gives no reasons: the "
	    "narration says what it did."), l.lab.kernel);
	ui_run(&a);
	app_free(&a);
	ui_term_end();
	ui_state_free(&l.ui);
	labsess_free(&l.lab);
	ui_term_reraise();
	return TT_EXIT_OK;
}
