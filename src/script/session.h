/*
 * A session: the commands a learner applied so far, the world (or the
 * kernel lab's backend) they produced, undo, redo and the marks of the
 * checks, for any front end.
 *
 * Data model: cmds[0..pos) have been applied; cmds[pos..ncmds) are what
 * redo (or, in lecture mode, the next step of the loaded scenario) would
 * apply.  A new event at pos < ncmds throws the rest away, as an editor's
 * undo does.  Undo replays cmds[0..pos-1) into a fresh world, so it is
 * exact however far back it goes.  The session draws nothing: whoever
 * shows it (the UI's view model) sets a watch and is handed each
 * command's trace and how the command came out.
 */
#ifndef TCPTEACH_SCRIPT_SESSION_H
#define TCPTEACH_SCRIPT_SESSION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sim/backend.h"
#include "sim/ladder.h"
#include "sim/ladder_text.h"
#include "sim/world.h"

enum session_mark { SESSION_NONE, SESSION_PASS, SESSION_FAIL, SESSION_BAD };

struct session;

/* Who folds what a session does (the UI's view model); any hook may be
 * NULL.  reset: the world was made afresh (undo, goto).  fold: the trace
 * of one applied command, or what a backend sent by itself; clock is the
 * capture's time of the command, or NULL.  marked: how cmds[s->pos] came
 * out (a check passed or failed, an event refused: why is in s->last);
 * settle: a replay (goto, undo) is over; say: one more sentence about
 * the newest step, which its trace does not tell (the lab's profile
 * linux beside the kernels). */
struct session_watch {
	void (*reset)(void *arg);
	void (*fold)(void *arg, const struct sim_ev *ev, size_t n,
	    const uint64_t *clock);
	void (*marked)(void *arg, const struct session *s,
	    const struct cmd *c, enum session_mark m);
	void (*settle)(void *arg);
	void (*say)(void *arg, const char *sentence);
};

struct session {
	struct world w;
	const struct session_watch *watch;
	void *watch_arg;
	struct cmd *cmds;
	enum session_mark *marks;	/* per command, once applied */
	size_t ncmds, capcmds, pos;
	unsigned npass, nfail;		/* expects in cmds[0..pos) */
	struct sim_result last;		/* of the newest command */
	/* NULL: commands go to w.  Else to this backend (the kernel lab),
	 * which rebuild() makes afresh before a replay (undo). */
	struct wbackend *be;
	bool (*rebuild)(struct session *s);
	/* With a backend, if set: told each step's trace before it is
	 * cleared, after it is folded (c: the command applied; NULL: what
	 * the backend did by itself).  True with a sentence in line to
	 * say more of the step (the lab's shadow): the session keeps it
	 * with the step's record and hands it to the watch's say. */
	bool (*observe)(struct session *s, const struct cmd *c,
	    const struct sim_ev *ev, size_t n, char *line, size_t size);
	uint64_t be_t0;		/* mono ms when the backend's clock began */
	/* A replayed capture: cmds[i] for i < nclock happened at clock[i]
	 * ms (its segment's capture time), which the ladder's rows carry
	 * instead of the simulated clock.  A new command at pos < nclock
	 * ends that. */
	uint64_t *clock;
	size_t nclock;
	/* With a backend: what each of cmds[0..pos) really did, its trace
	 * and what the backend did by itself after it (the kernel lab's
	 * event log is made from these, since a replay into the model
	 * would tell the model's run, not the kernels'). */
	struct session_rec *recs;
	size_t caprecs;
	bool unsaved;		/* a new command since the last save */
};

struct session_rec {
	struct sim_ev *ev;
	size_t n, cap;
	struct sim_result res;	/* how the step came out (with marks) */
	char **says;		/* what observe said of it, in order */
	size_t nsays;
};

void session_init(struct session *s);
void session_free(struct session *s);
/* Set the watch; it stays through session_load and replays. */
void session_watch(struct session *s, const struct session_watch *watch,
    void *arg);
/* Load a scenario to step through (lecture mode); nothing is applied. */
void session_load(struct session *s, const struct cmd *cmds, size_t n);

/* The capture times of the loaded commands (see clock); copied. */
void session_clock(struct session *s, const uint64_t *ms, size_t n);
/* The time the status line shows: the capture's time of the newest
 * command applied when it has one, else the simulated clock (ms). */
uint64_t session_now(const struct session *s);

/* A new command from the learner: refused with the reason in s->last if
 * the world says it is impossible now, else recorded and applied. */
enum sim_status session_do(struct session *s, const struct cmd *c);
/* With a backend, after be is set: w's settings as a kernel's start. */
void session_be_world(struct session *s);
/* With a backend: hand what its trace holds now (segments a kernel sent
 * by itself) to the watch. */
void session_feed_be(struct session *s);
bool session_redo(struct session *s);
bool session_undo(struct session *s);
void session_goto(struct session *s, size_t pos);

/* Save cmds[0..pos) as a scenario file, atomically.  On failure returns
 * false with a translated message in err.  A saved session has nothing
 * unsaved until the next new command. */
bool session_save(struct session *s, const char *path, char *err,
    size_t errsize);
/* Whether events were applied since the last save (or ever): what a
 * front end offers to save before it quits. */
bool session_unsaved(const struct session *s);

/* session_text.c: what a front end says about the steps.  A learner's
 * event: true if applied, else false with why it cannot be done now in
 * why, the command quoted as the scenario language writes it. */
bool session_try(struct session *s, const struct cmd *c, char *why,
    size_t size);
/* Command c as a line, an expect's numbers in mode m of ladder l (as
 * the arrows show them). */
char *session_check_line(const struct session *s, const struct cmd *c,
    const struct ladder *l, enum ladder_num m, char *line, size_t size);
/* How a step came out as a sentence: "Check passed: LINE", "Check
 * failed: LINE: MSG", or a refused event's MSG; NULL for SESSION_NONE. */
char *session_mark_text(enum session_mark m, const char *line,
    const char *msg, char *buf, size_t size);

#endif
