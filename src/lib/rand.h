/*
 * The one PRNG of tcpteach: splitmix64.  Small, fast, and the same on
 * every machine, so a seed names the same ISNs, the same random walk and
 * the same exam everywhere.  The caller owns the state.
 */
#ifndef TCPTEACH_LIB_RAND_H
#define TCPTEACH_LIB_RAND_H

#include <stdint.h>

static inline uint64_t
splitmix64(uint64_t *state)
{
	uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

#endif
