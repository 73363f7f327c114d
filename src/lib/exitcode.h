/*
 * The one set of exit statuses every subcommand uses (documented in
 * --help and the man page).
 */
#ifndef TCPTEACH_LIB_EXITCODE_H
#define TCPTEACH_LIB_EXITCODE_H

#define TT_EXIT_OK 0		/* success; every expect held */
#define TT_EXIT_FAIL 1		/* a failed expect, an impossible event,
				   a check that found a problem */
#define TT_EXIT_USAGE 2		/* bad usage, a file that cannot be read or
				   parsed, an environment that cannot run it */

#endif
