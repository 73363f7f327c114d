/*
 * Argument readers of the scenario language: one function per kind of
 * word (host, number, duration, selector, direction, flags and fields,
 * state, notice, keyword choice).
 *
 * Data model: a reader takes the cursor (struct arg_cur: the lexed line,
 * the index of the next word, the error to fill), consumes the words it
 * understands and either stores the value or writes an error naming the
 * offending word and its column and returns false.  A word that is
 * missing is reported at the column just past the end of the command.
 * Ranges are the spec's: sequence numbers 0..4294967295, len 0..65535,
 * durations at most 4294967295ms or 4294967295 MSLs so that the world's
 * arithmetic cannot overflow.
 */
#include <config.h>

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "lib/i18n.h"
#include "script/script_internal.h"

bool
arg_fail(struct arg_cur *pc, unsigned col, const char *fmt, ...)
{
	va_list ap;

	pc->err->column = col;
	va_start(ap, fmt);
	vsnprintf(pc->err->msg, sizeof(pc->err->msg), fmt, ap);
	va_end(ap);
	return false;
}

const struct script_word *
arg_peek(const struct arg_cur *pc)
{
	return pc->i < pc->ln->n ? &pc->ln->w[pc->i] : NULL;
}

const struct script_word *
arg_next(struct arg_cur *pc)
{
	const struct script_word *w = arg_peek(pc);

	if (w != NULL)
		pc->i++;
	return w;
}

const char *
arg_show(const struct script_word *w, char *buf)
{
	return script_word_show(w, buf, SHOWSZ);
}

bool
arg_end(struct arg_cur *pc)
{
	const struct script_word *w = arg_peek(pc);
	char b[SHOWSZ];

	if (w == NULL)
		return true;
	return arg_fail(pc, w->col, _("unexpected '%s' after the end of the "
	    "command"), arg_show(w, b));
}

bool
arg_host_word(const struct script_word *w, enum sim_host_id *h)
{
	if (script_word_is(w, "client") || script_word_is(w, "a"))
		*h = HOST_CLIENT;
	else if (script_word_is(w, "server") || script_word_is(w, "b"))
		*h = HOST_SERVER;
	else
		return false;
	return true;
}

bool
arg_host(struct arg_cur *pc, enum sim_host_id *h)
{
	const struct script_word *w = arg_next(pc);
	char b[SHOWSZ];

	if (w == NULL)
		return arg_fail(pc, pc->ln->endcol,
		    _("missing a host (client or server)"));
	if (!arg_host_word(w, h))
		return arg_fail(pc, w->col,
		    _("expected a host (client or server), got '%s'"),
		    arg_show(w, b));
	return true;
}

bool
arg_number(struct arg_cur *pc, uint64_t lo, uint64_t hi, uint64_t *out)
{
	const struct script_word *w = arg_next(pc);
	char b[SHOWSZ];

	if (w == NULL)
		return arg_fail(pc, pc->ln->endcol,
		    _("missing a number (%llu to %llu)"),
		    (unsigned long long)lo, (unsigned long long)hi);
	switch (script_num(w->s, w->len, lo, hi, out)) {
	case SCRIPT_NUM_OK:
		return true;
	case SCRIPT_NUM_BAD:
		return arg_fail(pc, w->col,
		    _("expected a number from %llu to %llu, got '%s'"),
		    (unsigned long long)lo, (unsigned long long)hi,
		    arg_show(w, b));
	case SCRIPT_NUM_RANGE:
		return arg_fail(pc, w->col,
		    _("'%s' is out of range (%llu to %llu)"), arg_show(w, b),
		    (unsigned long long)lo, (unsigned long long)hi);
	}
	return false;
}

static enum script_unit
arg_unit(const struct script_word *u)
{
	static const char *const names[] = { "ms", "s", "min", "msl" };

	for (unsigned i = 0; i < 4; i++)
		if (script_word_is(u, names[i]))
			return (enum script_unit)i;
	return SCRIPT_U_BAD;
}

/* A duration is at most UINT32_MAX milliseconds (about 49 days) or
 * UINT32_MAX MSLs, so that every sum and product below fits. */
static bool
arg_dur_value(struct arg_cur *pc, const struct script_word *w,
    bool allow_msl, struct cmd_dur *d)
{
	static const uint64_t scale[] = { 1, 1000, 60000 };
	struct script_word num = *w, unit;
	enum script_unit u;
	uint64_t v;
	char b[SHOWSZ];

	while (num.len > 0 && !isdigit((unsigned char)num.s[num.len - 1]))
		num.len--;
	unit.s = w->s + num.len;
	unit.len = w->len - num.len;
	u = arg_unit(&unit);
	/* A number past 2^64 is as "too long" as one past 49 days: one
	 * wording for one problem. */
	if (num.len > 0 && unit.len > 0 && script_num(num.s, num.len, 0,
	    UINT64_MAX, &v) == SCRIPT_NUM_RANGE)
		v = UINT64_MAX;
	else if (num.len == 0 || script_num(num.s, num.len, 0, UINT64_MAX,
	    &v) != SCRIPT_NUM_OK || unit.len == 0)
		return arg_fail(pc, w->col, _("expected a duration such as "
		    "500ms, 2s, 1min or 2msl, got '%s'"), arg_show(w, b));
	if (u == SCRIPT_U_BAD)
		return arg_fail(pc, w->col, _("unknown unit in '%s' (use ms, "
		    "s, min or msl)"), arg_show(w, b));
	if (u == SCRIPT_U_MSL && !allow_msl)
		return arg_fail(pc, w->col, _("'%s': the MSL cannot be "
		    "measured in MSLs"), arg_show(w, b));
	if (u == SCRIPT_U_MSL ? v > UINT32_MAX : v > UINT32_MAX / scale[u])
		return arg_fail(pc, w->col, _("duration '%s' is too long"),
		    arg_show(w, b));
	memset(d, 0, sizeof(*d));
	if (u == SCRIPT_U_MSL)
		d->msl = (uint32_t)v;
	else
		d->ms = v * scale[u];
	return true;
}

bool
arg_duration(struct arg_cur *pc, bool allow_msl, bool allow_zero,
    struct cmd_dur *d)
{
	const struct script_word *w = arg_next(pc);
	char b[SHOWSZ];

	if (w == NULL)
		return arg_fail(pc, pc->ln->endcol, _("missing a duration such "
		    "as 500ms, 2s, 1min or 2msl"));
	if (!arg_dur_value(pc, w, allow_msl, d))
		return false;
	if (!allow_zero && d->ms == 0 && d->msl == 0)
		return arg_fail(pc, w->col, _("duration '%s' must be more than "
		    "zero"), arg_show(w, b));
	return true;
}

bool
arg_is_sel(const struct script_word *w)
{
	return w->s[0] == '#' || script_word_is(w, "c>s") ||
	    script_word_is(w, "s>c");
}

static bool
arg_dir_word(const struct script_word *w, enum sim_dir *dir)
{
	if (script_word_is(w, "c>s"))
		*dir = DIR_C2S;
	else if (script_word_is(w, "s>c"))
		*dir = DIR_S2C;
	else
		return false;
	return true;
}

/* "#N", "c>s" or "s>c"; w is a word for which arg_is_sel() holds. */
bool
arg_sel_word(struct arg_cur *pc, const struct script_word *w,
    struct cmd_sel *sel)
{
	uint64_t id;
	char b[SHOWSZ];

	memset(sel, 0, sizeof(*sel));
	if (arg_dir_word(w, &sel->dir)) {
		sel->kind = SEL_DIR;
		return true;
	}
	switch (script_num(w->s + 1, w->len - 1, 1, UINT32_MAX, &id)) {
	case SCRIPT_NUM_OK:
		sel->kind = SEL_ID;
		sel->id = (uint32_t)id;
		return true;
	case SCRIPT_NUM_BAD:
		break;
	case SCRIPT_NUM_RANGE:
		return arg_fail(pc, w->col, _("segment id '%s' is out of range "
		    "(#1 to #4294967295)"), arg_show(w, b));
	}
	return arg_fail(pc, w->col, _("expected a segment id such as #3, got "
	    "'%s'"), arg_show(w, b));
}

/* An optional selector: nothing at all selects the oldest of all. */
bool
arg_sel(struct arg_cur *pc, struct cmd_sel *sel)
{
	const struct script_word *w = arg_peek(pc);
	char b[SHOWSZ];

	memset(sel, 0, sizeof(*sel));
	sel->kind = SEL_ANY;
	if (w == NULL)
		return true;
	if (!arg_is_sel(w))
		return arg_fail(pc, w->col, _("expected a segment (#N, c>s or "
		    "s>c), got '%s'"), arg_show(w, b));
	pc->i++;
	return arg_sel_word(pc, w, sel);
}

bool
arg_dir(struct arg_cur *pc, enum sim_dir *dir)
{
	const struct script_word *w = arg_next(pc);
	char b[SHOWSZ];

	if (w == NULL)
		return arg_fail(pc, pc->ln->endcol,
		    _("missing a direction (c>s or s>c)"));
	if (!arg_dir_word(w, dir))
		return arg_fail(pc, w->col,
		    _("expected a direction (c>s or s>c), got '%s'"),
		    arg_show(w, b));
	return true;
}

static bool
arg_flag_part(struct arg_cur *pc, const struct script_word *w,
    const struct script_word *part, uint8_t *flags)
{
	char b[SHOWSZ], b2[SHOWSZ];
	const char *near;

	for (unsigned bit = 0; bit < 6; bit++) {
		if (!script_word_is(part, script_flag_names[bit]))
			continue;
		if (*flags & (1u << bit))
			return arg_fail(pc, w->col, _("flag '%s' appears twice "
			    "in '%s'"), script_flag_names[bit], arg_show(w, b));
		*flags |= (uint8_t)(1u << bit);
		return true;
	}
	if (part->len == 0)
		return arg_fail(pc, w->col, _("empty flag name in '%s'"),
		    arg_show(w, b));
	near = script_suggest(part, script_flag_names, 6);
	if (near != NULL)
		return arg_fail(pc, w->col, _("unknown flag '%s' in '%s'; did "
		    "you mean '%s'?"), arg_show(part, b), arg_show(w, b2),
		    near);
	return arg_fail(pc, w->col, _("unknown flag '%s' in '%s' (flags are "
	    "SYN, ACK, FIN, RST, PSH and URG)"), arg_show(part, b),
	    arg_show(w, b2));
}

static bool
arg_flags(struct arg_cur *pc, uint8_t *flags)
{
	const struct script_word *w = arg_next(pc);
	struct script_word part;
	size_t start = 0;

	*flags = 0;
	if (w == NULL)
		return arg_fail(pc, pc->ln->endcol, _("missing the flags, such "
		    "as SYN+ACK"));
	for (size_t i = 0; i <= w->len; i++) {
		if (i < w->len && w->s[i] != '+' && w->s[i] != ',')
			continue;
		part.s = w->s + start;
		part.len = i - start;
		part.col = w->col;
		if (!arg_flag_part(pc, w, &part, flags))
			return false;
		start = i + 1;
	}
	return true;
}

/* One "seq=N", "ack=N" or "len=N". */
static bool
arg_field(struct arg_cur *pc, const struct script_word *w,
    struct cmd_segspec *s)
{
	static const char *const keys[] = { "seq", "ack", "len" };
	const char *eq = memchr(w->s, '=', w->len);
	struct script_word key;
	bool *has[] = { &s->has_seq, &s->has_ack, &s->has_len };
	uint64_t v;
	char b[SHOWSZ];
	unsigned k;

	key.s = w->s;
	key.len = eq != NULL ? (size_t)(eq - w->s) : w->len;
	for (k = 0; k < 3 && !script_word_is(&key, keys[k]); k++)
		continue;
	if (eq == NULL || k == 3)
		return arg_fail(pc, w->col, _("expected seq=N, ack=N or len=N, "
		    "got '%s'"), arg_show(w, b));
	if (*has[k])
		return arg_fail(pc, w->col, _("'%s' is given twice"), keys[k]);
	if (script_num(eq + 1, w->len - key.len - 1, 0,
	    k == 2 ? UINT16_MAX : UINT32_MAX, &v) != SCRIPT_NUM_OK)
		return arg_fail(pc, w->col, _("expected a number from 0 to %lu "
		    "in '%s'"), k == 2 ? 65535ul : 4294967295ul,
		    arg_show(w, b));
	*has[k] = true;
	if (k == 0)
		s->seq = (uint32_t)v;
	else if (k == 1)
		s->ack = (uint32_t)v;
	else
		s->len = (uint16_t)v;
	return true;
}

bool
arg_segspec(struct arg_cur *pc, struct cmd_segspec *s)
{
	const struct script_word *w;

	memset(s, 0, sizeof(*s));
	if (!arg_flags(pc, &s->flags))
		return false;
	while ((w = arg_next(pc)) != NULL)
		if (!arg_field(pc, w, s))
			return false;
	return true;
}

bool
arg_state(struct arg_cur *pc, enum tcp_state *st)
{
	const struct script_word *w = arg_next(pc);
	const char *names[TCP_NSTATES], *near;
	char buf[32], b[SHOWSZ];

	if (w == NULL)
		return arg_fail(pc, pc->ln->endcol, _("missing a state, such "
		    "as ESTABLISHED"));
	/* tcp_state_parse ignores case and takes '-' for '_'. */
	if (script_word_copy(w, buf, sizeof(buf)) && tcp_state_parse(buf, st))
		return true;
	for (unsigned i = 0; i < TCP_NSTATES; i++)
		names[i] = tcp_state_name((enum tcp_state)i);
	near = script_suggest(w, names, TCP_NSTATES);
	if (near != NULL)
		return arg_fail(pc, w->col, _("unknown state '%s'; did you "
		    "mean '%s'?"), arg_show(w, b), near);
	return arg_fail(pc, w->col, _("unknown state '%s' (states are CLOSED, "
	    "LISTEN, SYN_SENT, SYN_RECEIVED, ESTABLISHED, FIN_WAIT_1, "
	    "FIN_WAIT_2, CLOSE_WAIT, CLOSING, LAST_ACK and TIME_WAIT)"),
	    arg_show(w, b));
}

bool
arg_notice(struct arg_cur *pc, enum tcp_notice *n)
{
	const struct script_word *w = arg_next(pc);
	char buf[32], b[SHOWSZ];

	if (w == NULL)
		return arg_fail(pc, pc->ln->endcol, _("missing a notice, such "
		    "as connected"));
	if (script_word_copy(w, buf, sizeof(buf)) && tcp_notice_parse(buf, n))
		return true;
	return arg_fail(pc, w->col, _("unknown notice '%s' (notices are "
	    "connected, refused, reset, timeout, eof and closed)"),
	    arg_show(w, b));
}

/* A word that must be one of two keywords: sets *first when it is a. */
bool
arg_choice(struct arg_cur *pc, const char *a, const char *b, bool *first)
{
	const struct script_word *w = arg_next(pc);
	char s[SHOWSZ];

	if (w == NULL)
		return arg_fail(pc, pc->ln->endcol, _("missing '%s' or '%s'"),
		    a, b);
	if (script_word_is(w, a) || script_word_is(w, b)) {
		*first = script_word_is(w, a);
		return true;
	}
	return arg_fail(pc, w->col, _("expected '%s' or '%s', got '%s'"), a, b,
	    arg_show(w, s));
}
