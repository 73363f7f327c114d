/*
 * Questions: the ones the simulator generates and the curated bank's.
 *
 * Data model: a struct quiz_question is self-contained text, ready to show,
 * print or export, plus what is needed to check it again.  A generated
 * question keeps its scenario (scenario-language text that replays the
 * situation from a fresh world) and, for each option, a probe: scenario
 * text that passes after the scenario exactly when that option is right
 * (an `expect` line, or for "which event happened" the event itself).
 * Nothing in a question is computed by hand: states, segments, times and
 * outcomes come from running the core, and every option is checked by
 * simulation before the question is handed out.
 *
 * Three answer types: CHOICE (one right option among nopt), ORDER (opt[]
 * holds the items in their right order, shown[] the order they are
 * presented in) and NUMERIC (a duration in milliseconds, asked in seconds,
 * or with count set a whole number, kept times 1000 so that answers,
 * files and exports treat both alike).  A NUMERIC question may carry one
 * option that is never shown: its probe witnesses the answer.  For
 * QUIZ_K_WRONG the right option is the one statement whose probe fails.
 * All randomness comes from a struct quiz_rng the caller seeds, so the same
 * seed gives the same question, byte for byte.
 */
#ifndef TCPTEACH_QUIZ_QUIZ_H
#define TCPTEACH_QUIZ_QUIZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sim/world.h"

enum quiz_kind {
	QUIZ_K_STATE,		/* which state is HOST in now? */
	QUIZ_K_SEGMENT,		/* flags, seq and ack of HOST's next segment */
	QUIZ_K_EVENT,		/* which event just happened? */
	QUIZ_K_ORDER,		/* put these segments in order */
	QUIZ_K_TIME,		/* how long until HOST reaches CLOSED? */
	QUIZ_K_WHATIF,		/* what goes wrong without TIME_WAIT? */
	QUIZ_K_NUMBERS,		/* fill in a seq or ack number */
	QUIZ_K_WRONG,		/* which of four statements is wrong? */
	QUIZ_K_LOSSTIME,	/* the last ACK is lost: when CLOSED? */
	QUIZ_K_DIAGNOSE,	/* which segment was lost, from the states */
	QUIZ_K_COUNT,		/* how many segments in the whole connection */
	QUIZ_K_GIVEUP,		/* when does SYN_RECEIVED / LAST_ACK give up */
	QUIZ_K_PORTS,		/* connections per second, ports, TIME_WAIT */
	QUIZ_K_CLOSESTATE,	/* the state after a close-phase event */
	QUIZ_K_BANK		/* from the curated bank */
};
#define QUIZ_NGENKINDS 14	/* the generated kinds come first */
#define QUIZ_NKINDS 15

enum quiz_type { QUIZ_T_CHOICE, QUIZ_T_ORDER, QUIZ_T_NUMERIC };

enum quiz_topic {
	QUIZ_TOP_HANDSHAKE,
	QUIZ_TOP_CLOSE,
	QUIZ_TOP_TIMEWAIT,
	QUIZ_TOP_RST,
	QUIZ_TOP_TIMERS,
	QUIZ_TOP_NUMBERS
};
#define QUIZ_NTOPICS 6
#define QUIZ_TOPIC_BIT(t) (1u << (t))
#define QUIZ_TOPICS_ALL ((1u << QUIZ_NTOPICS) - 1)

#define QUIZ_MAXOPT 8

struct quiz_option {
	char *text;		/* shown to the student, translated */
	char *probe;		/* scenario text checking it, or NULL */
};

struct quiz_question {
	enum quiz_kind kind;
	enum quiz_type type;
	unsigned topics;		/* QUIZ_TOPIC_BIT mask */
	char id[64];			/* "state-1a2b3c4d", or the bank's id */
	char *stem;			/* the question, translated */
	char *figure;			/* preformatted lines, or NULL */
	char *scenario;			/* replays the situation; NULL: bank */
	char *then;			/* commands after it, or NULL */
	enum sim_host_id host;		/* the host asked about */
	struct quiz_option opt[QUIZ_MAXOPT];
	unsigned nopt;
	unsigned correct;		/* CHOICE: index into opt */
	unsigned shown[QUIZ_MAXOPT];	/* ORDER: presentation order */
	uint64_t answer_ms;		/* NUMERIC */
	bool count;			/* NUMERIC: a number, not seconds */
	char *explain;			/* why, translated; may be NULL */
	/* Scenario texts of the other interleavings the stem allows (a
	 * command that may legally come earlier), separated by lines "%%",
	 * or NULL: none.  The answer must not change under any of them. */
	char *alts;
};

/* splitmix64: the generator's own PRNG state, never rand(). */
struct quiz_rng {
	uint64_t s;
};

uint64_t quiz_rng_next(struct quiz_rng *r);
/* Uniform in [0, n); n > 0. */
unsigned quiz_rng_below(struct quiz_rng *r, unsigned n);
/* A well-mixed 64-bit value from a and b (sub-seeds, student seeds). */
uint64_t quiz_mix(uint64_t a, uint64_t b);
/* FNV-1a of a string, then mixed: per-student seeds. */
uint64_t quiz_hash_str(const char *s);

const char *quiz_topic_name(enum quiz_topic t);		/* "handshake" */
bool quiz_topic_parse(const char *word, enum quiz_topic *out);
const char *quiz_kind_name(enum quiz_kind k);		/* "state" */

void quiz_question_init(struct quiz_question *q);
void quiz_question_free(struct quiz_question *q);
/* Deep copy; dst is overwritten (not freed). */
void quiz_question_copy(struct quiz_question *dst,
    const struct quiz_question *src);
/* Index of the option shown at position pos (ORDER: shown[pos]). */
unsigned quiz_shown(const struct quiz_question *q, unsigned pos);

/*
 * Generate a question of the given kind from seed, whose topics intersect
 * want (QUIZ_TOPICS_ALL: any).  Returns false only when no such question
 * could be made (a kind that never covers those topics).  Every option is
 * checked by simulation first.
 */
bool quiz_generate(enum quiz_kind kind, uint64_t seed, unsigned want,
    struct quiz_question *q);
/*
 * Is the question's answer the only right one?  No two options equal;
 * CHOICE with probes: exactly the right probe passes; ORDER: the items come
 * out in the stored order after the scenario and after every alternative
 * interleaving in alts.  The generators run it on every question.
 */
bool quiz_check_unique(const struct quiz_question *q);
/* The topics a kind can ever cover. */
unsigned quiz_kind_topics(enum quiz_kind kind);

/*
 * Renderers shared with the checks (and the UI): the ladder of what one
 * event did, given both hosts' states before it and its trace; the ladder
 * of command ev after replaying c[0..k) (NULL if ev is impossible there);
 * an ORDER item, "client → server: SYN seq=99" (an arrow, so that
 * GIFT's "->" never appears in it).
 */
char *quiz_ladder(const enum tcp_state before[2], const struct sim_ev *ev,
    size_t n);
char *quiz_event_ladder(const struct cmd *c, unsigned k,
    const struct cmd *ev);
char *quiz_order_item(enum sim_host_id from, const struct tcp_seg *seg);

/* NUMERIC: " s" after a number of seconds, "" after a count; the hint
 * for typing one ("Type a number of seconds, e.g. 4.25."), translated. */
const char *quiz_numeric_unit(const struct quiz_question *q);
const char *quiz_numeric_hint(const struct quiz_question *q);
/* The label of the line where a typed answer goes, by the kind of answer:
 * "Order: ", "Seconds: " or "Number: " (a count), translated. */
const char *quiz_answer_label(const struct quiz_question *q);

/* "4.150": a duration in seconds, as printed and exported. */
char *quiz_seconds_str(uint64_t ms, char *buf, size_t size);

#endif
