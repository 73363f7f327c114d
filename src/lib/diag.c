/* Compiler-style error lines (see diag.h). */
#include <config.h>

#include "lib/diag.h"

void
diag_print(FILE *f, const char *file, unsigned line, unsigned column,
    const char *msg)
{
	if (line == 0)
		fprintf(f, "%s: %s\n", file, msg);
	else if (column == 0)
		fprintf(f, "%s:%u: %s\n", file, line, msg);
	else
		fprintf(f, "%s:%u:%u: %s\n", file, line, column, msg);
}
