/*
 * Building struct cmd values in C for the world tests (check_sim,
 * check_random), without going through the parser, so that a parser bug
 * cannot hide or fake a world bug.  Each builder returns a command by
 * value with .line zero, as if typed.
 */
#ifndef TCPTEACH_TESTS_CHECK_SIM_UTIL_H
#define TCPTEACH_TESTS_CHECK_SIM_UTIL_H

#include <check.h>
#include <stdint.h>
#include <string.h>

#include "sim/cmd.h"
#include "sim/world.h"

static inline struct cmd
c_kind(enum cmd_kind k)
{
	struct cmd c;

	memset(&c, 0, sizeof(c));
	c.kind = k;
	return c;
}

static inline struct cmd
c_host(enum cmd_kind k, enum sim_host_id h)
{
	struct cmd c = c_kind(k);

	c.host = h;
	return c;
}

static inline struct cmd
c_send(enum sim_host_id h, uint64_t n)
{
	struct cmd c = c_host(CMD_SEND, h);

	c.num = n;
	return c;
}

/* deliver, drop, dup or expect inflight: #id (id > 0), else any. */
static inline struct cmd
c_sel_id(enum cmd_kind k, uint32_t id)
{
	struct cmd c = c_kind(k);

	c.sel.kind = id > 0 ? SEL_ID : SEL_ANY;
	c.sel.id = id;
	return c;
}

static inline struct cmd
c_sel_dir(enum cmd_kind k, enum sim_dir d)
{
	struct cmd c = c_kind(k);

	c.sel.kind = SEL_DIR;
	c.sel.dir = d;
	return c;
}

static inline struct cmd
c_wait(uint64_t ms)
{
	struct cmd c = c_kind(CMD_WAIT);

	c.dur.ms = ms;
	return c;
}

static inline struct cmd
c_wait_msl(uint32_t n)
{
	struct cmd c = c_kind(CMD_WAIT);

	c.dur.msl = n;
	return c;
}

static inline struct cmd
c_inject(enum sim_dir d, uint8_t flags, uint32_t seq, uint32_t ack,
    uint16_t len)
{
	struct cmd c = c_kind(CMD_INJECT);

	c.dir = d;
	c.seg.flags = flags;
	c.seg.has_seq = c.seg.has_ack = c.seg.has_len = true;
	c.seg.seq = seq;
	c.seg.ack = ack;
	c.seg.len = len;
	return c;
}

static inline struct cmd
c_isn(enum sim_host_id h, uint32_t a, uint32_t b)
{
	struct cmd c = c_host(CMD_ISN, h);

	c.nisn = 2;
	c.isn[0] = a;
	c.isn[1] = b;
	return c;
}

static inline struct cmd
c_set(enum set_key key, bool on, uint64_t num, uint64_t ms)
{
	struct cmd c = c_kind(CMD_SET);

	c.key = key;
	c.on = on;
	c.num = num;
	c.dur.ms = ms;
	return c;
}

static inline struct cmd
c_expect_state(enum sim_host_id h, enum tcp_state s)
{
	struct cmd c = c_host(CMD_EXPECT_STATE, h);

	c.state = s;
	return c;
}

static inline struct cmd
c_expect_notice(enum sim_host_id h, enum tcp_notice n)
{
	struct cmd c = c_host(CMD_EXPECT_NOTICE, h);

	c.notice = n;
	return c;
}

/* check_ladder.c: the shared ladder model's case of the sim suite. */
TCase *ladder_tcase(void);
/* check_ladder_text.c: the ladder's words. */
TCase *ladder_text_tcase(void);
/* check_lib.c: the helpers of src/lib a front end uses. */
void lib_add_tcases(Suite *su);

#endif
