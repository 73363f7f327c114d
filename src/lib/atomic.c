/* Atomic file replacement: temp file, fsync, rename, fsync directory. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lib/atomic.h"
#include "lib/xalloc.h"

int atomic_fault_errno;

static int
atomic_write_all(int fd, const char *p, size_t len)
{
	if (atomic_fault_errno != 0) {
		errno = atomic_fault_errno;
		return -1;
	}
	while (len > 0) {
		ssize_t n = write(fd, p, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

static int atomic_write_real(const char *path, const void *data,
    size_t len);

static void
atomic_sync_dir(const char *path)
{
	char *dir = xstrdup(path);
	char *slash = strrchr(dir, '/');
	int fd;

	if (slash == dir)
		slash[1] = '\0';
	else if (slash != NULL)
		*slash = '\0';
	else
		strcpy(dir, ".");
	fd = open(dir, O_RDONLY | O_DIRECTORY);
	if (fd >= 0) {
		(void)fsync(fd);
		close(fd);
	}
	free(dir);
}

/* The file a write through path lands in: a symlink's target (followed
 * as the kernel would, even dangling), so that saving never replaces the
 * link itself.  Returns a new string. */
static char *
atomic_target(const char *path)
{
	char *cur = xstrdup(path);
	struct stat st;

	for (int hops = 0; hops < 40; hops++) {
		char link[4096], *slash, *next;
		ssize_t n;

		if (lstat(cur, &st) != 0 || !S_ISLNK(st.st_mode))
			break;
		n = readlink(cur, link, sizeof(link) - 1);
		if (n < 0)
			break;
		link[n] = '\0';
		slash = strrchr(cur, '/');
		if (link[0] == '/' || slash == NULL) {
			next = xstrdup(link);
		} else {
			size_t dl = (size_t)(slash - cur) + 1;

			next = xmalloc(dl + (size_t)n + 1);
			memcpy(next, cur, dl);
			memcpy(next + dl, link, (size_t)n + 1);
		}
		free(cur);
		cur = next;
	}
	return cur;
}

int
atomic_write_file(const char *path, const void *data, size_t len)
{
	char *real = atomic_target(path);
	int rc;

	rc = atomic_write_real(real, data, len);
	free(real);
	return rc;
}

static int
atomic_write_real(const char *path, const void *data, size_t len)
{
	size_t n = strlen(path) + 16;
	char *tmp = xmalloc(n);
	struct stat old;
	int fd, saved;

	snprintf(tmp, n, "%s.tmpXXXXXX", path);
	fd = mkstemp(tmp);
	if (fd < 0)
		goto fail;
	/* mkstemp makes 0600; a new file gets the usual mode, a replaced
	 * one keeps its own. */
	mode_t mask = umask(0);
	umask(mask);
	if (stat(path, &old) == 0)
		(void)fchmod(fd, old.st_mode & 07777);
	else
		(void)fchmod(fd, 0666 & ~mask);
	if (atomic_write_all(fd, data, len) < 0 || fsync(fd) < 0) {
		saved = errno;
		close(fd);
		unlink(tmp);
		errno = saved;
		goto fail;
	}
	if (close(fd) < 0 || rename(tmp, path) < 0) {
		saved = errno;
		unlink(tmp);
		errno = saved;
		goto fail;
	}
	free(tmp);
	atomic_sync_dir(path);
	return 0;
fail:
	free(tmp);
	return -1;
}

int
mkdir_parents(const char *dir)
{
	char *p = xstrdup(dir);
	int rc = 0;

	for (char *s = p + 1; ; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		char c = *s;
		*s = '\0';
		if (mkdir(p, 0700) < 0 && errno != EEXIST) {
			rc = -1;
			break;
		}
		*s = c;
		if (c == '\0')
			break;
	}
	free(p);
	return rc;
}
