/* Error lines in the one form every command uses (see diag.h). */
#include <config.h>

#include "lib/diag.h"

static char diag_name[64] = PACKAGE;

void
diag_command(const char *name)
{
	if (name != NULL)
		snprintf(diag_name, sizeof(diag_name), "%s %s", PACKAGE, name);
	else
		snprintf(diag_name, sizeof(diag_name), "%s", PACKAGE);
}

const char *
diag_prog(void)
{
	return diag_name;
}

void
diag_print(FILE *f, const char *file, unsigned line, unsigned column,
    const char *msg)
{
	if (line == 0)
		fprintf(f, "%s: %s: %s\n", diag_name, file, msg);
	else if (column == 0)
		fprintf(f, "%s:%u: %s\n", file, line, msg);
	else
		fprintf(f, "%s:%u:%u: %s\n", file, line, column, msg);
}
