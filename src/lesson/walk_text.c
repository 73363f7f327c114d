/*
 * What a lesson walk says (see walk.h for the data): the step panel's
 * paragraphs, its heading, the prompt for a typed answer, the keys that
 * matter now and the note on leaving, all translated.
 *
 * The panel is rebuilt from the runner and the learner's answers
 * whenever it is shown (a few short strings), so a resize or a change of
 * step can never show stale text.  Lesson text goes through lrun_expand
 * first ({QUERY} placeholders against the step's world).
 */
#include <config.h>

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "lesson/walk.h"
#include "lib/i18n.h"

#define LWALK_TEXT_MAX 4096

/* Where the panel goes, and the marks its text uses. */
struct lwalk_out {
	const struct lwalk *w;
	struct lpanel *lp;
	const char *tick, *cross, *arrow;
	size_t hint_para;
};

/* Text expanded against the step's world ({QUERY} placeholders). */
static const char *
lwalk_x(const struct lwalk *w, const char *text, char *buf, size_t size)
{
	buf[0] = '\0';
	if (text != NULL)
		(void)lrun_expand(&w->lr, text, buf, size);
	return buf;
}

static void
lwalk_add(struct lwalk_out *o, enum lpanel_role role, bool gap,
    const char *text)
{
	char exp[LWALK_TEXT_MAX];

	if (text != NULL)
		lpanel_add(o->lp, role, 0, gap, lwalk_x(o->w, text, exp,
		    sizeof(exp)));
}

/* A paragraph written with printf's format. */
static void lwalk_addf(struct lwalk_out *o, enum lpanel_role role, int hang,
    bool gap, const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static void
lwalk_addf(struct lwalk_out *o, enum lpanel_role role, int hang, bool gap,
    const char *fmt, ...)
{
	char buf[LWALK_TEXT_MAX + 512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	lpanel_add(o->lp, role, hang, gap, buf);
}

static void
lwalk_text_task(struct lwalk_out *o, const struct lesson_step *st)
{
	const struct lwalk *w = o->w;
	char exp[LWALK_TEXT_MAX];

	lwalk_x(w, st->task.s, exp, sizeof(exp));
	lwalk_addf(o, LP_TASK, 0, true, st->goal ? _("Goal: %s") :
	    _("Task: %s"), exp);
	/* The newest hint is the one the panel opens at. */
	if (w->offpath && w->hint[0] != '\0') {
		o->hint_para = o->lp->np;
		/* TRANSLATORS: a hint computed from the learner's world. */
		lwalk_addf(o, LP_HINT, 0, false, _("Hint from your world: %s"),
		    w->hint);
	}
	for (size_t i = 0; !w->offpath && i < w->lr.nhints &&
	    i < st->nhints; i++) {
		o->hint_para = o->lp->np;
		lwalk_addf(o, LP_HINT, 0, false, _("Hint: %s"), lwalk_x(w,
		    st->hints[i].s, exp, sizeof(exp)));
	}
	if (w->lr.done)
		lwalk_addf(o, LP_OK, 0, true, _("%s Done \u2014 press n for "
		    "the next step."), o->tick);
	else if (w->checked && w->why[0] != '\0')
		lwalk_addf(o, LP_BAD, 0, true, w->past ? "%s" :
		    _("Not yet: %s"), w->why);
	if (!w->lr.done && w->stray[0] != '\0')
		lpanel_add(o->lp, LP_BAD, 0, false, w->stray);
	if (!w->lr.done && w->offpath && w->hint[0] == '\0')
		lpanel_add(o->lp, LP_DIM, 0, false, _("Press ! for a "
		    "hint from where you are now."));
}

/* "3 1 _ _": the display numbers picked so far for an ordering. */
static void
lwalk_text_picks(struct lwalk_out *o, size_t n)
{
	char buf[64] = "";
	size_t at = 0;

	for (size_t i = 0; i < n && at + 4 < sizeof(buf); i++) {
		if (i < o->w->npick)
			at += (size_t)snprintf(buf + at, sizeof(buf) - at,
			    "%zu ", o->w->pick[i] + 1);
		else
			at += (size_t)snprintf(buf + at, sizeof(buf) - at,
			    "_ ");
	}
	lwalk_addf(o, LP_DIM, 0, false, _("Your order: %s"), buf);
}

static void
lwalk_text_items(struct lwalk_out *o, const struct lesson_step *st,
    bool order)
{
	const struct lwalk *w = o->w;
	size_t n = st->nchoices;
	int right = w->lr.done ? lrun_correct_choice(&w->lr) : -1;
	char exp[LWALK_TEXT_MAX];

	for (size_t k = 0; k < n && (!order || k < LWALK_MAXORDER); k++) {
		size_t i = order ? w->perm[k] : k;
		char mark[32] = "";

		for (size_t j = 0; order && j < w->npick; j++)
			if (w->pick[j] == k)
				snprintf(mark, sizeof(mark), "  [%zu]", j + 1);
		if ((int)i == right)
			snprintf(mark, sizeof(mark), "  %s", o->arrow);
		lwalk_x(w, st->choices[i].s, exp, sizeof(exp));
		lwalk_addf(o, (int)i == right ? LP_OK : LP_CHOICE, 3, false,
		    "%zu) %s%s", k + 1, exp, mark);
	}
	if (order)
		lwalk_text_picks(o, n);
}

static void
lwalk_text_verdict(struct lwalk_out *o, const struct lesson_step *st)
{
	const struct lwalk *w = o->w;

	if (w->has_verdict && w->verdict == LRUN_RIGHT) {
		lwalk_addf(o, LP_OK, 0, true, _("%s Right!"), o->tick);
	} else if (w->has_verdict && !w->revealed) {
		lwalk_addf(o, LP_BAD, 0, true, _("%s Not right. Try again, or "
		    "press $ to see the answer."), o->cross);
		if (w->wrong[0] != '\0')
			lpanel_add(o->lp, LP_BAD, 0, false, w->wrong);
	}
	if (!lwalk_answered(w))
		return;
	if (!w->lr.done)
		lwalk_addf(o, LP_OK, 0, true, _("The answer: %s"),
		    w->lr.answer_text);
	lwalk_add(o, LP_TEXT, true, st->explain.s);
	lpanel_add(o->lp, LP_DIM, 0, false, _("Press n for the next step."));
}

/* For each kind of answer (enum lwalk_akind): the prompt, and how to
 * answer, in the words of that kind. */
static const struct {
	const char *prompt, *how;
} lwalk_kinds[] = {
	{ N_("Answer (a number): "), N_("Press Enter, or just start typing "
	    "the number, to answer.") },
	{ N_("Answer (a state, e.g. TIME_WAIT): "), N_("Press Enter, or just "
	    "start typing the state (e.g. TIME_WAIT), to answer.") },
	{ N_("Answer (flags, e.g. FIN+ACK): "), N_("Press Enter, or just start "
	    "typing the flags (e.g. FIN+ACK), to answer.") },
	{ N_("Answer: "), N_("Press Enter, or just start typing, to "
	    "answer.") },
};

static void
lwalk_text_question(struct lwalk_out *o, const struct lesson_step *st)
{
	const struct lwalk *w = o->w;
	const char *how = NULL;

	lwalk_add(o, LP_QUESTION, true, st->question.s);
	switch (st->qkind) {
	case LESSON_Q_CHOICE:
		lwalk_text_items(o, st, false);
		how = _("Press the number of your answer.");
		break;
	case LESSON_Q_ORDER:
		lwalk_text_items(o, st, true);
		how = _("Press the numbers in the right order (Backspace "
		    "takes one back).");
		break;
	case LESSON_Q_VALUE:
		how = _(lwalk_kinds[lwalk_answer_kind(w)].how);
		break;
	}
	if (!lwalk_answered(w))
		lpanel_add(o->lp, LP_DIM, 0, false, how);
	if (!w->lr.answer_ok)
		lwalk_addf(o, LP_BAD, 0, true, _("This question cannot be "
		    "asked: %s"), w->lr.err);
	lwalk_text_verdict(o, st);
}

static void
lwalk_text_done(struct lwalk_out *o)
{
	const struct lwalk *w = o->w;
	const struct lesson_info *next;
	size_t undone = lwalk_first_undone(w);

	if (undone != SIZE_MAX) {
		/* TRANSLATORS: a step number. */
		lwalk_addf(o, LP_BAD, 0, false, _("This is the end of the "
		    "lesson, but step %zu is not done yet, so the lesson is not "
		    "complete. Press n or q for the list of lessons: the "
		    "lesson resumes at that step."), undone + 1);
		return;
	}
	lwalk_addf(o, LP_OK, 0, false, _("%s Lesson complete!"), o->tick);
	/* TRANSLATORS: the lesson's title. */
	lwalk_addf(o, LP_TEXT, 0, true, _("You have finished "
	    "\u201c%s\u201d and your progress is saved. Press n or q to go "
	    "back to the list of lessons."), w->li->title);
	if ((next = lwalk_next_lesson(w)) != NULL && next->title != NULL)
		/* TRANSLATORS: the next lesson's number and title. */
		lwalk_addf(o, LP_TASK, 0, true, _("Next: lesson %02u, "
		    "\u201c%s\u201d. Press Enter to start it."), next->num,
		    next->title);
}

static void
lwalk_text_step(struct lwalk_out *o)
{
	const struct lwalk *w = o->w;
	const struct lesson_step *st = lrun_cur(&w->lr);

	if (w->lr.broken)
		lwalk_addf(o, LP_BAD, 0, false, _("This step cannot be played "
		    "(line %u): %s"), w->lr.err_line, w->lr.err);
	/* Said first, where a new step is read from. */
	if (w->replaced)
		lpanel_add(o->lp, LP_BAD, 0, false, _("Your events were set "
		    "aside: this step starts from the lesson's own world."));
	lwalk_add(o, LP_TEXT, w->replaced, st->say.s);
	switch (st->kind) {
	case LESSON_TASK:
		lwalk_text_task(o, st);
		break;
	case LESSON_QUESTION:
		lwalk_text_question(o, st);
		break;
	case LESSON_SAY:
		lpanel_add(o->lp, LP_DIM, 0, true, _("Press n to go on."));
		break;
	}
}

size_t
lwalk_panel(const struct lwalk *w, struct lpanel *lp, bool ascii,
    const char *msg, bool msg_err)
{
	struct lwalk_out o = { w, lp, ascii ? "[ok]" : "\u2713",
	    ascii ? "[x]" : "\u2717", ascii ? "<-" : "\u2190", SIZE_MAX };

	lpanel_clear(lp);
	if (w->finished) {
		lwalk_text_done(&o);
		return SIZE_MAX;
	}
	lwalk_text_step(&o);
	/* The front end's messages are said here, under the step. */
	if (msg != NULL && msg[0] != '\0')
		lpanel_add(lp, msg_err ? LP_BAD : LP_OK, 0, true, msg);
	return o.hint_para;
}

char *
lwalk_head(const struct lwalk *w, bool ascii, char *buf, size_t size)
{
	const struct lesson_step *st = lrun_cur(&w->lr);
	char title[LWALK_TEXT_MAX] = "";
	size_t n;

	if (st->title.s != NULL)
		(void)lrun_expand(&w->lr, st->title.s, title, sizeof(title));
	/* TRANSLATORS: step k of n, then the step's title (may be empty). */
	snprintf(buf, size, _("Step %zu/%zu%s%s"), w->lr.step + 1,
	    w->l.nsteps, title[0] != '\0' ? _(": ") : "", title);
	/* A step done before and not yet redone: one n moves on.  In the
	 * heading, so that the panel's text keeps its lines. */
	if (w->stepdone[w->lr.step] && !w->lr.done && !w->finished &&
	    st->kind != LESSON_SAY) {
		n = strlen(buf);
		snprintf(buf + n, size - n, _("  %s done before"),
		    ascii ? "[ok]" : "\u2713");
	}
	return buf;
}

const char *
lwalk_answer_prompt(const struct lwalk *w)
{
	return _(lwalk_kinds[lwalk_answer_kind(w)].prompt);
}

char *
lwalk_end_note(const struct lwalk *w, char *buf, size_t size)
{
	size_t undone = lwalk_first_undone(w);

	if (undone == SIZE_MAX)
		snprintf(buf, size, _("Lesson %02u complete: %s."), w->li->num,
		    w->li->title);
	else
		snprintf(buf, size, _("Lesson %02u is not complete: step %zu "
		    "is not done yet."), w->li->num, undone + 1);
	return buf;
}

/* The keys that answer the question asked: those that start a typed
 * answer (lwalk_starts_answer), or the choices' digits.  Capitals also
 * start a state or flags; the bar names the keys that always work. */
static const char *
lwalk_answer_keys(const struct lwalk *w)
{
	if (lrun_cur(&w->lr)->qkind != LESSON_Q_VALUE)
		return "1-9";
	return lwalk_answer_kind(w) == LWALK_A_NUMBER ? "0-9/Enter" : "Enter";
}

size_t
lwalk_keys(const struct lwalk *w, bool overflow, struct lwalk_key *k)
{
	const struct lesson_step *st = lrun_cur(&w->lr);
	size_t n = 0;

	if (w->finished) {
		if (lwalk_next_lesson(w) != NULL)
			k[n++] = (struct lwalk_key){ "Enter",
			    _("next lesson") };
		k[n++] = (struct lwalk_key){ "n q", _("back to the list") };
		k[n++] = (struct lwalk_key){ "p", _("last step") };
		return n;
	}
	if (st->kind == LESSON_TASK && !w->lr.done)
		k[n++] = (struct lwalk_key){ "!", _("hint") };
	if (st->kind == LESSON_TASK)
		k[n++] = (struct lwalk_key){ "$", _("solution") };
	if (st->kind == LESSON_QUESTION && !lwalk_answered(w)) {
		k[n++] = (struct lwalk_key){ lwalk_answer_keys(w),
		    _("answer") };
		k[n++] = (struct lwalk_key){ "$", _("show answer") };
	}
	k[n++] = (struct lwalk_key){ "n", _("next") };
	k[n++] = (struct lwalk_key){ "p", _("back") };
	/* The way out before the rest: a narrow bar drops the last ones. */
	k[n++] = (struct lwalk_key){ "q", _("list") };
	if (overflow)
		k[n++] = (struct lwalk_key){ "f/b", _("scroll") };
	k[n++] = (struct lwalk_key){ "R", _("restart step") };
	k[n++] = (struct lwalk_key){ "?", _("help") };
	return n;
}
