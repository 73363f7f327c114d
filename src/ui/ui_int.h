/*
 * The simulator screen, without curses: its state and its commands.
 *
 * Data model: struct ui owns the session (world, view model, commands)
 * and only presentation besides it: number mode, which in-flight segment
 * is chosen and which arrow is selected (select_cmd.c), how far the
 * ladder is scrolled back and where it is on the screen, the animation
 * clock and whether the what-if switches are open.  The same state backs three
 * screens: the simulator, lecture mode (`play`: the same screen with the
 * step commands of a script) and the simulator inside a lesson.  Each
 * command handler returns the parts to repaint (UI_R_BOXES ...); the
 * windows and colours are the painter's (draw_int.h), reached through
 * the opaque win pointer, so this header and ui_cmd.c link without
 * curses.
 */
#ifndef TCPTEACH_UI_UI_INT_H
#define TCPTEACH_UI_UI_INT_H

#include <stdbool.h>
#include <stdint.h>

#include "ui/screen.h"
#include "script/evlog.h"
#include "script/lecture.h"
#include "script/session.h"
#include "ui/view.h"
#include "ui/ui.h"

#define UI_R_BOXES	UI_R_P0
#define UI_R_LADDER	UI_R_P1
#define UI_R_NARR	UI_R_P2
#define UI_R_MENU	UI_R_P3
#define UI_R_STATUS	UI_R_P4

#define UI_MIN_COLS 64
#define UI_MIN_ROWS 20
#define UI_FRAME_MS 33

enum ui_group {
	UI_G_CLIENT,
	UI_G_SERVER,
	UI_G_WIRE,
	UI_G_TIME,
	UI_G_WHATIF
};

/* What an event command stands for: the menu shows it when possible. */
struct ui_event {
	enum ui_group group;
	const char *menu;	/* msgid for the event menu, or NULL */
	int kind;		/* enum cmd_kind, or enum menu_whatif */
	int host;		/* enum sim_host_id, or the inject direction */
};

struct ui_wins;

struct ui {
	struct session s;
	struct view v;		/* folds what s does (view_watch) */
	const struct ui_opts *o;
	bool anim;
	double speed;
	uint64_t last_tick;	/* ms, monotonic, while animating */
	uint64_t hilite_until;	/* ms; 0: no box highlighted */
	uint32_t sel;		/* chosen in-flight segment id, 0: oldest */
	uint32_t pick;		/* the #N typed so far with digit keys */
	uint32_t mark;		/* the arrow selected on the ladder, 0: none */
	int lad_y;		/* the ladder's first row on the screen */
	size_t scroll;		/* ladder rows scrolled back from newest */
	int lad_rows;		/* the ladder's height, for paging */
	bool whatif;		/* the what-if switches are open */
	bool in_lesson;		/* a lesson shows the messages */
	/* The file a save or a capture waits to overwrite; quit once the
	 * save is done. */
	bool quit_after;
	char askpath[1024];
	struct lecture lec;	/* lecture mode: the script (play_cmd.c) */
	/* Called after the learner's world changed (the lesson checks). */
	void (*changed)(void *arg);
	void *changed_arg;
	struct app *app;	/* whose message the narration shows */
	struct ui_wins *win;	/* the painter's */
	/* A replayed capture's segments as captured (capture/list.h), for
	 * the inspector's frame number, time and fields; owned by the
	 * capture screen. */
	const struct cap_frame *frames;
	size_t nframes;
};

struct cap_frame;

extern const struct screen_def ui_sim_def, ui_play_def, ui_lab_def;

/* ui_cmd.c */
void ui_state_init(struct ui *ui, const struct ui_opts *o);
void ui_state_free(struct ui *ui);
int ui_event(struct screen *sc, const struct cmd *c);
/* Nothing chosen, selected or scrolled back: a new place in the session. */
int ui_view_reset(struct ui *ui);
void ui_start_anim(struct ui *ui);
int ui_frame_tick(struct screen *sc, uint64_t now);
int ui_busy(const struct screen *sc, uint64_t now);
/* The scenario command an event entry stands for now. */
void ui_event_cmd(const struct ui *ui, const struct ui_event *e,
    struct cmd *c);
/* select_cmd.c: choosing the in-flight segment (sel) and selecting an
 * arrow on the ladder (mark); see there how the two agree. */
int ui_h_next_seg(SCREEN_CMD_ARGS);
int ui_h_prev_seg(SCREEN_CMD_ARGS);
int ui_h_nth_seg(SCREEN_CMD_ARGS);
int ui_h_mark_move(SCREEN_CMD_ARGS);
int ui_h_mark_clear(SCREEN_CMD_ARGS);
int ui_h_mark_click(SCREEN_CMD_ARGS);
bool ui_mark_walks(const struct screen *sc);
bool ui_mark_active(const struct screen *sc);
void ui_mark_set(struct ui *ui, uint32_t id);
/* The id of the arrow drawn on screen row y, or 0. */
uint32_t ui_mark_at(const struct ui *ui, int y);

/* lab_cmd.c: whether c is possible now, in the world or the backend (the
 * lab); a state box from the kernel's report; the lab screen's tick and
 * sleep (its clock runs by itself). */
bool ui_possible(const struct ui *ui, const struct cmd *c);
void ui_lab_box(struct ui *ui, enum sim_host_id h, struct ladder_box *out);
int ui_lab_tick(struct screen *sc, uint64_t now);
int ui_lab_busy(const struct screen *sc, uint64_t now);

/* lab_ui.c: the simulator with the kernel lab behind it (ui->s.be). */
const char *ui_lab_title(const struct ui *ui, enum sim_host_id h,
    char *buf, size_t size);

/* save_cmd.c: w, q (which offers to save unsaved steps), and W or
 * `:pcap FILE` (write the session as a capture, ui_pcap_to). */
int ui_h_save(SCREEN_CMD_ARGS);
int ui_h_quit(SCREEN_CMD_ARGS);
int ui_pcap_to(struct screen *sc, const char *path);
int ui_h_pcap(SCREEN_CMD_ARGS);

/* play_cmd.c: lecture mode's commands. */
/* The lecturer typed an event at step at: keep the script. */
void ui_play_branched(struct screen *sc, size_t at);
int ui_play_h_next(SCREEN_CMD_ARGS);
int ui_play_h_back(SCREEN_CMD_ARGS);
int ui_play_h_resume(SCREEN_CMD_ARGS);
int ui_play_h_jump(SCREEN_CMD_ARGS);

/* log_ui.c: the event log, a screen over the simulator. */
struct ui_log {
	struct screen sc;
	struct evlog log;	/* its lines (script/evlog.h) */
	struct scroll text;	/* its lines scrolled (n: log.n) */
	/* The segment inspector: one arrow's fields and the sentences
	 * about it (seg 0: the whole log). */
	uint32_t seg;
	/* The simulator it was opened on, whose selection follows the
	 * inspector: closed, the arrow last inspected is selected. */
	struct ui *of;
};
extern const struct screen_def ui_log_def;
/* On a replayed capture, the captured frame arrow a of lad stands for;
 * NULL for one the model inferred, or on no capture. */
const struct cap_frame *ui_frame_of(const struct ui *of,
    const struct ladder *lad, const struct ladder_arrow *a);
int ui_log_push(struct screen *sc);
/* The inspector on the chosen segment (or the newest arrow). */
int ui_inspect_push(struct screen *sc);

/* lesson_ui.c: the lesson browser over the simulator. */
int ui_lessons_push(struct app *a, const struct ui_opts *o);

#endif
