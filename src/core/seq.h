/*
 * Sequence-number arithmetic modulo 2^32 (RFC 9293 Section 3.4).
 *
 * Every comparison of two sequence numbers in tcpteach goes through these
 * helpers; a raw '<' on sequence numbers is a bug, because the space wraps
 * and an ISN near 0xFFFFFFFF is perfectly ordinary.
 */
#ifndef TCPTEACH_CORE_SEQ_H
#define TCPTEACH_CORE_SEQ_H

#include <stdbool.h>
#include <stdint.h>

static inline bool
seq_lt(uint32_t a, uint32_t b)
{
	return (int32_t)(a - b) < 0;
}

static inline bool
seq_leq(uint32_t a, uint32_t b)
{
	return (int32_t)(a - b) <= 0;
}

static inline bool
seq_gt(uint32_t a, uint32_t b)
{
	return seq_lt(b, a);
}

static inline bool
seq_geq(uint32_t a, uint32_t b)
{
	return seq_leq(b, a);
}

/* lo <= x < lo + len, modulo 2^32. */
static inline bool
seq_in_window(uint32_t x, uint32_t lo, uint32_t len)
{
	return x - lo < len;
}

#endif
