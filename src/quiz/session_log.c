/*
 * What keeps an attempt honest on a machine the student owns: the
 * wall-clock record, submitting only what was written, the digest that
 * shows hand edits, the receipt of a submission and the lock against a
 * second instance.  None of it can stop a determined student; all of it
 * makes cheating visible to the grader (grade.c).
 *
 * Data model: events are appended to s->ev as the caller reports them
 * (the model never reads a clock).  The digest is a keyed 64-bit FNV-1a
 * over the attempt document up to its last member.  The receipt is an
 * empty dot file beside the attempt; the lock is DIR/STUDENT-SEED.lock
 * beside the attempt, holding the owner's process id.  Taking the lock
 * also checks that no attempt at the same exam in DIR was submitted.
 */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/atomic.h"
#include "lib/i18n.h"
#include "lib/xalloc.h"
#include "quiz/quiz_internal.h"
#include "quiz/session.h"

#define DIGEST_KEY "tcpteach exam attempt v2"
#define DIGEST_MEMBER "  \"digest\": \""

const char *
exam_event_name(enum exam_event_kind k)
{
	static const char *const names[EXAM_NEVENTS] = {
		"start", "suspend", "resume", "restart", "submit"
	};

	return (unsigned)k < EXAM_NEVENTS ? names[k] : "?";
}

void
exam_session_note(struct exam_session *s, enum exam_event_kind k,
    int64_t now_epoch)
{
	if (s->nev >= EXAM_MAXEVENTS)
		return;
	s->ev = xreallocarray(s->ev, s->nev + 1, sizeof(*s->ev));
	s->ev[s->nev].kind = k;
	s->ev[s->nev].at = now_epoch;
	s->ev[s->nev].elapsed_ms = s->elapsed_ms;
	s->nev++;
}

bool
exam_session_submit_save(struct exam_session *s, int64_t now_epoch)
{
	char *receipt;
	size_t nev = s->nev;

	if (s->submitted)
		return true;
	s->submitted = true;
	exam_session_note(s, EXAM_EV_SUBMIT, now_epoch);
	if (exam_session_save(s) < 0) {
		s->submitted = false;
		s->nev = nev;
		return false;
	}
	/* Best effort: the file itself already says submitted. */
	receipt = exam_receipt_path(s->path);
	(void)atomic_write_file(receipt, "", 0);
	free(receipt);
	return true;
}

void
exam_session_afresh(struct exam_session *s, const struct exam_session *old,
    int64_t now_epoch)
{
	if (old->elapsed_ms > s->elapsed_ms)
		s->elapsed_ms = old->elapsed_ms;
	exam_session_note(s, EXAM_EV_RESTART, now_epoch);
}

void
exam_session_adopt(struct exam_session *s, struct exam_session *old,
    int64_t now_epoch)
{
	char *lock = s->lock;
	long pid = s->lock_pid;

	s->lock = NULL;
	exam_session_free(s);
	*s = *old;
	memset(old, 0, sizeof(*old));
	s->lock = lock;
	s->lock_pid = pid;
	exam_session_note(s, EXAM_EV_RESUME, now_epoch);
}

char *
exam_receipt_path(const char *attempt_path)
{
	const char *slash = strrchr(attempt_path, '/');
	size_t dir = slash != NULL ? (size_t)(slash - attempt_path) + 1 : 0;

	return quiz_strdupf("%.*s.%s.submitted", (int)dir, attempt_path,
	    attempt_path + dir);
}

/* ------------------------------------------------------------- digest */

uint64_t
exam_attempt_digest(const char *text, size_t len)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	const char *key = DIGEST_KEY;

	for (; *key != '\0'; key++)
		h = (h ^ (unsigned char)*key) * 0x100000001b3ULL;
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)text[i]) * 0x100000001b3ULL;
	return quiz_mix(h, len);
}

bool
exam_attempt_digest_ok(const char *text, size_t len)
{
	const char *m = NULL, *p = text;
	unsigned long long want;
	char tail[64];

	while ((p = strstr(p, DIGEST_MEMBER)) != NULL && (size_t)(p - text)
	    < len)
		m = p++;
	if (m == NULL || sscanf(m + strlen(DIGEST_MEMBER), "%16llx", &want)
	    != 1)
		return false;
	snprintf(tail, sizeof(tail), DIGEST_MEMBER "%016llx\"\n}\n", want);
	if (strlen(m) != strlen(tail) || strcmp(m, tail) != 0)
		return false;
	return exam_attempt_digest(text, (size_t)(m - text)) == want;
}

/* --------------------------------------------------------------- lock */

bool
exam_results_ready(const char *dir, char *err, size_t errsize)
{
	if (mkdir_parents(dir) == 0)
		return true;
	snprintf(err, errsize, _("Cannot use the results directory %s: %s"),
	    dir, strerror(errno));
	return false;
}

static char *
lock_path(const char *dir, const struct exam_params *p)
{
	static const char safe[] = "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_";
	char name[64];
	const char *id = p->student[0] ? p->student : "anonymous";
	size_t i;

	for (i = 0; id[i] != '\0' && i < sizeof(name) - 1; i++)
		name[i] = strchr(safe, id[i]) != NULL ? id[i] : '_';
	name[i] = '\0';
	return quiz_strdupf("%s/%s-%llu.lock", dir, name,
	    (unsigned long long)p->seed);
}

/* The process id in an existing lock, or 0 if unreadable. */
static long
lock_owner(const char *path)
{
	FILE *f = fopen(path, "r");
	long pid = 0;

	if (f == NULL)
		return 0;
	if (fscanf(f, "%ld", &pid) != 1)
		pid = 0;
	fclose(f);
	return pid;
}

static int
lock_create(const char *path, long pid)
{
	char buf[32];
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600), n, rc;

	if (fd < 0)
		return -1;
	n = snprintf(buf, sizeof(buf), "%ld\n", pid);
	rc = write(fd, buf, (size_t)n) == n ? 0 : -1;
	if (close(fd) < 0)
		rc = -1;
	return rc;
}

/* Under the lock: refuse if another attempt at this exam was submitted
 * (checked after locking, so no submission can slip in between). */
static bool
lock_exam_open(struct exam_session *s, const char *dir, char *err,
    size_t errsize)
{
	char *done = exam_attempt_submitted(dir, &s->ex.p, s->path);

	if (done == NULL)
		return true;
	snprintf(err, errsize, _("This exam (student %s, seed %llu) was "
	    "already submitted in %s; no other attempt at it can be started "
	    "or resumed."), s->ex.p.student[0] ? s->ex.p.student :
	    "anonymous", (unsigned long long)s->ex.p.seed, done);
	free(done);
	exam_session_unlock(s);
	return false;
}

bool
exam_session_lock(struct exam_session *s, const char *results_dir,
    long pid, char *err, size_t errsize)
{
	/* The lock lives beside the attempt: a resumed file keeps its own
	 * directory whatever the default results directory is. */
	char *dir = s->path != NULL ? exam_attempt_dir(s->path) :
	    xstrdup(results_dir);
	char *path = lock_path(dir, &s->ex.p);
	long owner;
	bool open;

	for (int tries = 0; tries < 2; tries++) {
		if (lock_create(path, pid) == 0) {
			s->lock = path;
			s->lock_pid = pid;
			open = lock_exam_open(s, dir, err, errsize);
			free(dir);
			return open;
		}
		if (errno != EEXIST)
			break;
		owner = lock_owner(path);
		if (owner > 0 && owner != pid && (kill((pid_t)owner, 0) == 0 ||
		    errno == EPERM)) {
			snprintf(err, errsize, _("This exam is already open in "
			    "another tcpteach (process %ld; lock file %s). "
			    "Finish "
			    "or quit that one first."), owner, path);
			free(path);
			free(dir);
			return false;
		}
		/* Its owner is gone (a crash, a power cut): take it over. */
		(void)unlink(path);
	}
	snprintf(err, errsize, _("Cannot lock the exam with %s: %s"), path,
	    strerror(errno));
	free(path);
	free(dir);
	return false;
}

void
exam_session_unlock(struct exam_session *s)
{
	if (s->lock == NULL)
		return;
	/* A lock taken over since (this owner was thought gone) is not
	 * ours to remove. */
	if (lock_owner(s->lock) == s->lock_pid)
		(void)unlink(s->lock);
	free(s->lock);
	s->lock = NULL;
}
