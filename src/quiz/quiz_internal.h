/*
 * Internals of the quiz module, shared by its files only.
 *
 * Data model: a story is a sensible run of the two hosts (an opening, maybe
 * some data, a closing) kept as an array of struct cmd with the phase each
 * command belongs to.  Generators cut a story somewhere and ask about that
 * point; replaying the commands on a fresh world recreates it exactly.
 * Text is assembled in a growing struct sbuf (lib/sbuf.h).
 */
#ifndef TCPTEACH_QUIZ_INTERNAL_H
#define TCPTEACH_QUIZ_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lib/sbuf.h"
#include "quiz/quiz.h"
#include "sim/world.h"

#if defined(__GNUC__)
#define QUIZ_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define QUIZ_PRINTF(a, b)
#endif

/* Between two sentences: a space, unless the last one ended in full-width
 * punctuation (Chinese puts no space after "。"). */
void quiz_sentence_gap(struct sbuf *b);
char *quiz_strdupf(const char *fmt, ...) QUIZ_PRINTF(1, 2);

enum story_phase { PH_SETUP, PH_OPEN, PH_DATA, PH_CLOSE, PH_END };

enum story_open { OPEN_NORMAL, OPEN_LOST_SYN, OPEN_SIMULTANEOUS,
    OPEN_REFUSED };
enum story_close { CLOSE_CLIENT, CLOSE_SERVER, CLOSE_SIMULTANEOUS,
    CLOSE_HALF, CLOSE_ABORT, CLOSE_LOST_ACK, CLOSE_NONE };

#define STORY_MAX 64

struct story {
	struct cmd cmd[STORY_MAX];
	unsigned char phase[STORY_MAX];
	/* after[i]: the last command that must come before command i as the
	 * story is told; i - 1 except where the story lets it come earlier. */
	unsigned char after[STORY_MAX];
	unsigned n, nsetup;
	enum story_open open;
	enum story_close close;
	enum sim_host_id closer;	/* who closes (or aborts) first */
	bool delayed_ack, data;
	bool linux;			/* profile linux: ACKs delayed */
	uint16_t data_len;
	enum sim_host_id data_from;
	uint32_t isn[2];
};

/* Story building (story.c). */
struct cmd quiz_cmd(enum cmd_kind k);
struct cmd quiz_cmd_host(enum cmd_kind k, enum sim_host_id h);
void quiz_story_build(struct story *st, struct quiz_rng *r);
/* The same with the opening and closing given (-1: drawn at random). */
void quiz_story_build_as(struct story *st, struct quiz_rng *r, int open,
    int close);
/* Replay n commands on a fresh world (trace off while replaying, then
 * cleared and on).  False if one of them was not possible. */
bool quiz_replay(struct world *w, const struct cmd *c, unsigned n);
/* Scenario text of the commands; annotate: each deliver/drop gets a
 * comment naming the segment, so the text reads as a story. */
char *quiz_scenario_text(const struct cmd *c, unsigned n, bool annotate);
/* The command c[k] as annotated scenario text (no newline). */
char *quiz_step_text(const struct cmd *c, unsigned k);
/* Run the probe (scenario text) after replaying c[0..n): 1 it passes, 0 it
 * fails, -1 it does not parse. */
int quiz_probe_run(const struct cmd *c, unsigned n, const char *probe);
/* Does the probe pass? */
bool quiz_probe_passes(const struct cmd *c, unsigned n, const char *probe);
/* The scenario texts of every legal alternative of the story (each
 * command with after[i] < i - 1 moved earlier), joined by "%%" lines, or
 * NULL when there is none. */
char *quiz_story_alts(const struct story *st);
/* Topics touched by the command at index i (its phase, RST, timers). */
unsigned quiz_story_topics(const struct story *st, unsigned i);

/* Options (question.c). */
/* Append an option; false if full or its text duplicates another's. */
bool quiz_opt_add(struct quiz_question *q, const char *text,
    const char *probe);
/* Shuffle options (keeping track of the right one) or, for ORDER, the
 * presentation order. */
void quiz_opt_shuffle(struct quiz_question *q, struct quiz_rng *r);

/* The generators (gen_*.c); each returns false to ask for another seed. */
bool quiz_gen_state(struct quiz_rng *r, struct quiz_question *q);
bool quiz_gen_segment(struct quiz_rng *r, struct quiz_question *q);
bool quiz_gen_event(struct quiz_rng *r, struct quiz_question *q);
bool quiz_gen_order(struct quiz_rng *r, struct quiz_question *q);
bool quiz_gen_time(struct quiz_rng *r, struct quiz_question *q);
bool quiz_gen_whatif(struct quiz_rng *r, struct quiz_question *q);
bool quiz_gen_numbers(struct quiz_rng *r, struct quiz_question *q);
bool quiz_gen_wrong(struct quiz_rng *r, struct quiz_question *q);
bool quiz_gen_losstime(struct quiz_rng *r, struct quiz_question *q);
bool quiz_gen_diagnose(struct quiz_rng *r, struct quiz_question *q);
bool quiz_gen_count(struct quiz_rng *r, struct quiz_question *q);
bool quiz_gen_giveup(struct quiz_rng *r, struct quiz_question *q);
bool quiz_gen_ports(struct quiz_rng *r, struct quiz_question *q);
bool quiz_gen_closestate(struct quiz_rng *r, struct quiz_question *q);

/* The state question about host q->host after c[0..k) (gen_state.c):
 * options, filter, stem, figure and explanation.  False if not worth
 * asking. */
bool quiz_state_question(struct quiz_question *q, struct quiz_rng *r,
    const struct story *st, unsigned k);

/* A plan: a list of commands with the point "now" (gen_plan.c). */
struct plan {
	struct cmd c[STORY_MAX];
	unsigned n, nprefix;
};
void plan_add(struct plan *p, struct cmd c);
void plan_host(struct plan *p, enum cmd_kind k, enum sim_host_id h);
void plan_wait(struct plan *p, uint64_t ms);
void plan_set(struct plan *p, enum set_key key, uint64_t ms, uint64_t num,
    bool on);
char *plan_text(const struct plan *p, unsigned from, unsigned to);
/* Readable ISNs (x99) for both hosts; listen, connect and three
 * deliveries. */
void plan_isns(struct plan *p, struct quiz_rng *r);
void plan_open(struct plan *p);
/* The time, after the prefix, of host h's last state change in the rest
 * of the plan (and the state it reached); false if there is none or a
 * step is impossible. */
bool plan_last_change(const struct plan *p, enum sim_host_id h,
    uint64_t *ms, enum tcp_state *to);

/* Checking and explaining (gen.c). */
/* Drop wrong options whose probe passes after c[0..n); false if the right
 * one fails or fewer than min options remain. */
bool quiz_filter_options(struct quiz_question *q, const struct cmd *c,
    unsigned n, unsigned min);
/* "ACK of our FIN (RFC 9293 3.10.7.4)", translated. */
char *quiz_why_str(enum tcp_why why, char *buf, size_t size);
bool quiz_last_change(const struct cmd *c, unsigned n, enum sim_host_id h,
    struct tcp_ev *out);
const char *quiz_host_str(enum sim_host_id h);	/* translated */

/* "FIN+ACK seq=100 ack=300" (no ack= without the ACK flag), and
 * "PSH+ACK seq=300 ack=100 len=200": a segment that carries data shows
 * its length, as the simulator's ladder labels do, so a question's text
 * names a data segment the way its figure draws it. */
#define quiz_seg_str(s, buf, size) \
	sim_seg_text(s, NULL, NULL, SIM_SEG_LEN_NONZERO, buf, size)

#endif
