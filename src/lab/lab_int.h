/*
 * Inside the kernel lab; not for use outside src/lab.
 *
 * Data model: struct lab holds two hosts and the wire.  A host is its
 * namespace (a descriptor to setns() into), its TUN device, an inet_diag
 * socket opened in that namespace, and the application's sockets: the
 * listening one until a connection is accepted (then it is closed, so the
 * host has one connection as in the simulation) and the connection.  The
 * wire is an array of segments in flight in the order the kernels sent
 * them, each a struct flight (as the simulation's, for the trace) plus
 * the packet's bytes, which deliver writes to the other TUN unchanged.
 * The trace is struct sim_ev records, times in ms since the lab started.
 */
#ifndef TCPTEACH_LAB_INT_H
#define TCPTEACH_LAB_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "lab/lab.h"
#include "sim/world.h"

#define LAB_NET		0x0a090000u	/* 10.9.0.0/24 */
#define LAB_MTU		65535	/* a `send N` is one segment, as simulated */
#define LAB_SETTLE_MAX	1000	/* deliveries of one settle */
#define LAB_WAIT_MAX_MS	1800000	/* one `wait` in real time, at most */
#define LAB_MSL_MS	30000	/* TIME_WAIT (60s) is 2MSL */

struct lab_flight {
	struct flight f;
	unsigned char *pkt;
	size_t len;
};

/* One socket as inet_diag reports it. */
struct lab_sk {
	int kstate;		/* the kernel's TCP_* number */
	int timer;		/* 0 none, 1 retransmit, 2 keepalive/FIN_WAIT_2,
				 * 3 TIME_WAIT, 4 zero-window probe */
	uint32_t expires;	/* ms until the timer fires */
	uint32_t rto_us;	/* tcp_info, 0 when not reported */
	uint8_t retrans;
};

struct lab_host {
	int ns;			/* namespace descriptor */
	int tun;
	int diag;		/* NETLINK_INET_DIAG socket */
	int ifindex;
	int lfd, cfd;		/* listening, connection socket; -1 none */
	bool connecting;	/* connect() not finished */
	bool eof;		/* read() returned 0 */
	bool shut;		/* shutdown() or close() done */
	enum tcp_state state;	/* as last read */
	struct lab_sk sk;	/* the socket that gave state */
	bool has_sk;
	unsigned notices[TCP_NNOTICES];
	bool has_sent;
	struct flight last_sent;
	struct sim_nums nums;	/* from the segments seen on the wire */
};

struct lab {
	struct lab_host host[2];
	struct lab_flight *wire;
	size_t nwire, capwire;
	uint32_t next_id;
	struct sim_ev *trace;
	size_t ntrace, captrace;
	bool keep_trace;
	bool started;		/* an event has happened */
	uint64_t t0;		/* monotonic ms at start */
	unsigned quiet_ms;	/* silence that ends a command */
	bool quickack;		/* set delayed_ack off: route quickack */
	bool app_read_manual;	/* set app_read manual: `read` only */
	char kernel[160];	/* "Linux 6.1.0" */
	FILE *pcap;		/* NULL, or the capture (lib/pcapw) */
	lab_during_fn *during;	/* NULL, or told a wait's progress */
	void *during_arg;
};

/* ns.c: namespaces, devices, sysctls, the route. */
int lab_ns_setup(struct lab *l, char *err, size_t size);
bool lab_ns_enter(const struct lab_host *h);
/* Write "value" to /proc/sys/net/ipv4/NAME in host h's namespace;
 * false with errno set when there is no such sysctl. */
bool lab_sysctl_set(struct lab *l, int h, const char *name, const char *v);
bool lab_sysctl_get(struct lab *l, int h, const char *name, char *buf,
    size_t size);
bool lab_route(struct lab *l, int h, bool quickack);

/* pkt.c: IPv4/TCP packets. */
bool lab_pkt_parse(const unsigned char *p, size_t len, struct tcp_seg *seg);
/* A packet from host `from` to the other, checksums filled; returns the
 * length written to buf (LAB_MTU bytes). */
size_t lab_pkt_craft(unsigned char *buf, int from,
    const struct cmd_segspec *s);
uint32_t lab_addr(int h);
uint16_t lab_port(int h);

/* diag.c: the kernel's view of host h's socket: 1, 0 none, -1 error. */
int lab_diag(const struct lab *l, int h, struct lab_sk *sk);
enum tcp_state lab_kstate(int kstate);

/* app.c: the application's socket calls. */
enum sim_status lab_app_check(const struct lab *l, const struct cmd *c,
    struct sim_result *res);
enum sim_status lab_app_call(struct lab *l, const struct cmd *c,
    struct sim_result *res);
/* Accept, finish connects, read what arrived, notice errors. */
void lab_app_poll(struct lab *l);
void lab_app_close(struct lab *l);

/* wire.c: segments in flight, and time. */
uint64_t lab_now(const struct lab *l);
void lab_wire_free(struct lab *l);
enum sim_status lab_wire_check(const struct lab *l, const struct cmd *c,
    struct sim_result *res);
enum sim_status lab_wire_apply(struct lab *l, const struct cmd *c,
    struct sim_result *res);
/* Take what the kernels sent until `quiet` ms pass without a packet, or
 * until the deadline (monotonic ms). */
void lab_collect(struct lab *l, unsigned quiet, uint64_t deadline);
/* Track host h's numbers from a segment it sent; true if sent before. */
bool lab_wire_nums(struct lab *l, int h, const struct tcp_seg *s);
const struct lab_flight *lab_find(const struct lab *l,
    const struct cmd_sel *sel);

/* expect.c */
enum sim_status lab_expect(struct lab *l, const struct cmd *c,
    struct sim_result *res);

/* lab.c */
enum sim_status lab_can(void *self, const struct cmd *c,
    struct sim_result *res);
enum sim_status lab_apply(void *self, const struct cmd *c,
    struct sim_result *res);
void lab_trace(struct lab *l, const struct sim_ev *ev);
void lab_notice(struct lab *l, int h, enum tcp_notice n);
/* Read both hosts' states; trace the changes; true if one changed. */
bool lab_states(struct lab *l);

#endif
