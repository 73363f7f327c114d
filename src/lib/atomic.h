/*
 * Saving files so that nothing the user saved is ever half-written: write a
 * temporary file in the same directory, fsync it, rename it over the
 * target, then fsync the directory.
 */
#ifndef TCPTEACH_LIB_ATOMIC_H
#define TCPTEACH_LIB_ATOMIC_H

#include <stddef.h>

/* Tests only: when nonzero, writing the temporary file fails with this
 * errno (a full disk as the program sees it); the target stays as it was. */
extern int atomic_fault_errno;

/* Returns 0, or -1 with errno set; the target is untouched on failure. */
int atomic_write_file(const char *path, const void *data, size_t len);
/* mkdir -p with mode 0700 for the final component's parents too. */
int mkdir_parents(const char *dir);

#endif
