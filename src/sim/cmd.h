/*
 * One command of the scenario language as data.
 *
 * The parser (src/script) turns a line into a struct cmd; the world
 * (world.h) applies it; the formatter turns it back into the canonical line.
 * The TUI's event menu, lessons, the quiz and the tests all build these, so
 * a session is nothing more than an array of struct cmd.
 */
#ifndef TCPTEACH_SIM_CMD_H
#define TCPTEACH_SIM_CMD_H

#include <stdbool.h>
#include <stdint.h>

#include "core/tcp.h"

enum cmd_kind {
	/* setup: only before the first event */
	CMD_SEED,
	CMD_ISN,
	CMD_PROFILE,
	CMD_SET,
	/* events */
	CMD_LISTEN,
	CMD_CONNECT,
	CMD_SEND,
	CMD_CLOSE,
	CMD_SHUTDOWN,
	CMD_ABORT,
	CMD_CRASH,
	CMD_READ,
	CMD_DELIVER,
	CMD_DROP,
	CMD_DUP,
	CMD_INJECT,
	CMD_SETTLE,
	CMD_WAIT,
	CMD_WAIT_TIMER,
	/* assertions */
	CMD_EXPECT_STATE,
	CMD_EXPECT_INFLIGHT,
	CMD_EXPECT_INFLIGHT_NONE,
	CMD_EXPECT_SENT,
	CMD_EXPECT_NOTICE,
	CMD_EXPECT_TIME			/* extension: the clock reads dur */
};
#define CMD_NKINDS (CMD_EXPECT_TIME + 1)

enum sim_host_id { HOST_CLIENT = 0, HOST_SERVER = 1 };
enum sim_dir { DIR_C2S = 0, DIR_S2C = 1 };	/* index = sending host */

enum sim_profile { PROFILE_RFC9293, PROFILE_LINUX };

enum set_key {
	SET_MSL,
	SET_RTO,
	SET_SYN_RETRIES,
	SET_RETRIES,
	SET_FIN_WAIT_2_TIMEOUT,
	SET_DELAYED_ACK,
	SET_TIME_WAIT,
	SET_HANDSHAKE,
	SET_SYNACK_RETRIES,	/* extension */
	SET_RTO_MAX,		/* extension */
	SET_APP_READ,
	SET_SYN_LINEAR		/* syn_linear_timeouts */
};
#define SET_NKEYS (SET_SYN_LINEAR + 1)

enum sel_kind { SEL_ANY, SEL_ID, SEL_DIR };

struct cmd_sel {
	enum sel_kind kind;
	uint32_t id;		/* SEL_ID */
	enum sim_dir dir;	/* SEL_DIR */
};

/* A duration: ms milliseconds, or msl multiples of the MSL in force. */
struct cmd_dur {
	uint64_t ms;
	uint32_t msl;		/* when nonzero, ms is 0 and this counts */
};

/* FLAGS [seq=N] [ack=N] [len=N] of inject and expect. */
struct cmd_segspec {
	uint8_t flags;
	bool has_seq, has_ack, has_len;
	uint32_t seq, ack;
	uint16_t len;
};

#define CMD_ISN_MAX 32

struct cmd {
	enum cmd_kind kind;
	enum sim_host_id host;		/* host calls, expect state/sent/notice */
	enum sim_dir dir;		/* inject */
	struct cmd_sel sel;		/* deliver, drop, dup, expect inflight */
	struct cmd_segspec seg;		/* inject, expect inflight/sent */
	struct cmd_dur dur;		/* wait, expect time, set msl/rto/... */
	enum tcp_state state;		/* expect HOST STATE */
	enum tcp_notice notice;		/* expect notice */
	enum sim_profile profile;	/* profile */
	enum set_key key;		/* set */
	uint64_t num;			/* seed, send N, read N (0: all), set */
	bool on;			/* set ... on|off, handshake three(on)|two,
					 * app_read auto(on)|manual */
	unsigned nisn;
	uint32_t isn[CMD_ISN_MAX];
	unsigned line;			/* source line, 0 when typed */
};

static inline bool
cmd_is_setup(enum cmd_kind k)
{
	return k <= CMD_SET;
}

static inline bool
cmd_is_expect(enum cmd_kind k)
{
	return k >= CMD_EXPECT_STATE;
}

#endif
