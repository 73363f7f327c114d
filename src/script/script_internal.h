/*
 * Internals of the scenario language module, shared by its files only.
 *
 * Data model: the lexer cuts one line into at most SCRIPT_MAXWORDS words,
 * each a slice of the caller's text (pointer, length) with the 1-based
 * column where it starts.  Nothing is copied, so a line of any length costs
 * nothing but this fixed array.  Columns count characters: every byte that
 * is not a UTF-8 continuation byte starts a new column, and a tab is one
 * column, as in most compilers' "column" output.
 */
#ifndef TCPTEACH_SCRIPT_INTERNAL_H
#define TCPTEACH_SCRIPT_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "script/parse.h"

/* The longest command (isn HOST and CMD_ISN_MAX numbers) plus room to
 * report the first word too many. */
#define SCRIPT_MAXWORDS (CMD_ISN_MAX + 4)

struct script_word {
	const char *s;
	size_t len;
	unsigned col;
};

struct script_line {
	struct script_word w[SCRIPT_MAXWORDS];
	unsigned n;		/* words kept */
	bool more;		/* there were more words than fit */
	unsigned endcol;	/* column just past the last word */
	unsigned badcol;	/* nonzero: column of a forbidden byte */
	unsigned char bad;	/* that byte */
	bool badutf;		/* it is not UTF-8 (else a control byte) */
};

/* lex.c */
void script_lex(const char *text, size_t len, struct script_line *out);
bool script_word_is(const struct script_word *w, const char *kw);
/* The word for an error message: quoted-safe, escaped, shortened. */
const char *script_word_show(const struct script_word *w, char *buf,
    size_t size);
/* Copy a word into buf (NUL-terminated); false if it does not fit. */
bool script_word_copy(const struct script_word *w, char *buf, size_t size);
/* The candidate closest to the word, or NULL when none is close. */
const char *script_suggest(const struct script_word *w,
    const char *const *cands, size_t n);

enum script_num { SCRIPT_NUM_OK, SCRIPT_NUM_BAD, SCRIPT_NUM_RANGE };
enum script_num script_num(const char *s, size_t len, uint64_t lo,
    uint64_t hi, uint64_t *out);

/* Units of a duration, in the order script_format prefers them. */
enum script_unit { SCRIPT_U_MS, SCRIPT_U_S, SCRIPT_U_MIN, SCRIPT_U_MSL,
    SCRIPT_U_BAD };

/* args.c: the argument readers and the cursor they share. */
#define SHOWSZ 64		/* a word shown in a message */

struct arg_cur {
	const struct script_line *ln;
	unsigned i;			/* next word */
	struct script_err *err;
};

#if defined(__GNUC__)
#define ARG_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define ARG_PRINTF(a, b)
#endif

/* Fill the error at column col; always returns false. */
bool arg_fail(struct arg_cur *pc, unsigned col, const char *fmt, ...)
    ARG_PRINTF(3, 4);
const struct script_word *arg_peek(const struct arg_cur *pc);
const struct script_word *arg_next(struct arg_cur *pc);
const char *arg_show(const struct script_word *w, char *buf);
bool arg_end(struct arg_cur *pc);
bool arg_host_word(const struct script_word *w, enum sim_host_id *h);
bool arg_host(struct arg_cur *pc, enum sim_host_id *h);
bool arg_number(struct arg_cur *pc, uint64_t lo, uint64_t hi, uint64_t *out);
bool arg_duration(struct arg_cur *pc, bool allow_msl, bool allow_zero,
    struct cmd_dur *d);
bool arg_is_sel(const struct script_word *w);
bool arg_sel_word(struct arg_cur *pc, const struct script_word *w,
    struct cmd_sel *sel);
/* Optional: no word left selects the oldest segment of all. */
bool arg_sel(struct arg_cur *pc, struct cmd_sel *sel);
bool arg_dir(struct arg_cur *pc, enum sim_dir *dir);
bool arg_segspec(struct arg_cur *pc, struct cmd_segspec *s);
bool arg_state(struct arg_cur *pc, enum tcp_state *st);
bool arg_notice(struct arg_cur *pc, enum tcp_notice *n);
/* One of two keywords; *first tells which. */
bool arg_choice(struct arg_cur *pc, const char *a, const char *b, bool *first);

/* parse.c: script_parse_line on a slice that need not end in NUL. */
int script_parse_span(const char *text, size_t len, unsigned lineno,
    struct cmd *out, struct script_err *err);
/* The names of the settings, indexed by enum set_key. */
extern const char *const script_set_names[SET_NKEYS];

/* format.c */
/* "SYN+ACK" in the language's canonical order; buf of TCP_FLAGS_BUFSZ. */
char *script_flags_str(uint8_t flags, char *buf);
/* Flag names, indexed by bit position (bit 0 = FIN, as in tcp.h). */
extern const char *const script_flag_names[6];

#endif
