/*
 * Whole-file reading with a type check and a size limit (see slurp.h).
 *
 * The open is non-blocking so that a FIFO with no writer cannot hang us
 * before fstat() says what the path is; a regular file then reads as
 * usual once O_NONBLOCK is cleared.
 */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lib/i18n.h"
#include "lib/slurp.h"
#include "lib/xalloc.h"

const char *
slurp_size_str(size_t n, char *buf, size_t size)
{
	if (n >= 1024 * 1024 && n % (1024 * 1024) == 0)
		snprintf(buf, size, _("%zu MiB"), n / (1024 * 1024));
	else if (n >= 1024 && n % 1024 == 0)
		snprintf(buf, size, _("%zu KiB"), n / 1024);
	else
		snprintf(buf, size, _("%zu bytes"), n);
	return buf;
}

static const char *
slurp_kind(mode_t m)
{
	if (S_ISDIR(m))
		return _("it is a directory, not a file");
	if (S_ISFIFO(m))
		return _("it is a FIFO (named pipe), not a regular file");
	if (S_ISCHR(m) || S_ISBLK(m))
		return _("it is a device, not a regular file");
	return _("it is not a regular file");
}

FILE *
slurp_open(const char *path, char *why, size_t whysize)
{
	struct stat st;
	FILE *f;
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC), e;

	if (fd < 0) {
		e = errno;
		snprintf(why, whysize, "%s", strerror(e));
		errno = e;
		return NULL;
	}
	if (fstat(fd, &st) != 0) {
		e = errno;
		snprintf(why, whysize, "%s", strerror(e));
		close(fd);
		errno = e;
		return NULL;
	}
	if (!S_ISREG(st.st_mode)) {
		snprintf(why, whysize, "%s", slurp_kind(st.st_mode));
		close(fd);
		errno = EINVAL;
		return NULL;
	}
	(void)fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	if ((f = fdopen(fd, "rb")) == NULL) {
		e = errno;
		snprintf(why, whysize, "%s", strerror(e));
		close(fd);
		errno = e;
	}
	return f;
}

char *
slurp_stream(FILE *f, size_t max, size_t *len, char *why, size_t whysize)
{
	char *buf = NULL, lim[32];
	size_t cap = 0, n = 0, got;

	do {
		xgrow(&buf, &cap, n + 8192 < max + 2 ? n + 8192 : max + 2, 1);
		got = fread(buf + n, 1, cap - 1 - n, f);
		n += got;
	} while (got > 0 && n <= max);
	if (ferror(f) || n > max) {
		if (ferror(f))
			snprintf(why, whysize, _("cannot read: %s"),
			    strerror(errno));
		else
			snprintf(why, whysize, _("larger than %s; nothing was "
			    "read"), slurp_size_str(max, lim, sizeof(lim)));
		free(buf);
		return NULL;
	}
	buf[n] = '\0';
	*len = n;
	return buf;
}

char *
slurp_file(const char *path, size_t max, size_t *len, char *why,
    size_t whysize)
{
	FILE *f;
	char *buf;

	if (strcmp(path, "-") == 0)
		return slurp_stream(stdin, max, len, why, whysize);
	if ((f = slurp_open(path, why, whysize)) == NULL)
		return NULL;
	buf = slurp_stream(f, max, len, why, whysize);
	fclose(f);
	return buf;
}

size_t
slurp_bom(const char *buf, size_t len)
{
	return len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
}

size_t
slurp_lone_cr(const char *line, size_t n)
{
	const char *cr = n > 1 ? memchr(line, '\r', n - 1) : NULL;

	return cr != NULL ? (size_t)(cr - line) : n;
}

const char *
slurp_cr_msg(void)
{
	return _("a carriage return (CR) ends a line here: the file uses old "
	    "Mac line endings; save it with LF (Unix) or CRLF line endings");
}
