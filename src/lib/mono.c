/*
 * The monotonic clock (mono.h).  No state.
 */
#include <config.h>

#include <time.h>

#include "lib/mono.h"

uint64_t
mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}
