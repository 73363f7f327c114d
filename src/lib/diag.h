/*
 * Printing an input error the way compilers do, so editors can jump to
 * it: FILE:LINE:COLUMN: message.  A position that is not known is left
 * out (FILE:LINE: or FILE:), never printed as 0.
 */
#ifndef TCPTEACH_LIB_DIAG_H
#define TCPTEACH_LIB_DIAG_H

#include <stdio.h>

void diag_print(FILE *f, const char *file, unsigned line, unsigned column,
    const char *msg);

#endif
