/*
 * The kernel's own view of a host's socket, as `ss -tan` reads it: an
 * inet_diag request (SOCK_DIAG_BY_FAMILY) over a netlink socket opened in
 * the host's namespace.  Unlike getsockopt on our own
 * descriptors this also sees sockets the application no longer holds:
 * TIME_WAIT, an orphaned FIN_WAIT_2, a half-open SYN_RECV request.  Each
 * socket comes with its pending timer (kind and ms left) and, with
 * INET_DIAG_INFO, the tcp_info that holds the current RTO.
 */
#include <config.h>

#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <linux/tcp.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>

#include "lab/lab_int.h"

/* The kernel's TCP_* numbers (include/net/tcp_states.h). */
enum tcp_state
lab_kstate(int k)
{
	static const enum tcp_state map[] = {
		TCP_CLOSED, TCP_ESTABLISHED, TCP_SYN_SENT, TCP_SYN_RECEIVED,
		TCP_FIN_WAIT_1, TCP_FIN_WAIT_2, TCP_TIME_WAIT, TCP_CLOSED,
		TCP_CLOSE_WAIT, TCP_LAST_ACK, TCP_LISTEN, TCP_CLOSING,
		TCP_SYN_RECEIVED	/* NEW_SYN_RECV: a request socket */
	};

	return k >= 0 && k < (int)(sizeof(map) / sizeof(map[0])) ? map[k] :
	    TCP_CLOSED;
}

/* One exact lookup of host h's connection, by its addresses and ports:
 * the kernel returns the connection (also in TIME_WAIT or as a SYN_RECV
 * request) if there is one, else a listening socket on the port, else
 * nothing.  A dump would walk the kernel's hash tables, which all
 * namespaces share: milliseconds on a large machine, for every look. */
static bool
diag_request(const struct lab_host *hh, int h)
{
	struct {
		struct nlmsghdr n;
		struct inet_diag_req_v2 r;
	} req;

	memset(&req, 0, sizeof(req));
	req.n.nlmsg_len = sizeof(req);
	req.n.nlmsg_type = SOCK_DIAG_BY_FAMILY;
	req.n.nlmsg_flags = NLM_F_REQUEST;
	req.r.sdiag_family = AF_INET;
	req.r.sdiag_protocol = IPPROTO_TCP;
	req.r.idiag_states = 0xffffffffu;
	req.r.idiag_ext = 1u << (INET_DIAG_INFO - 1);
	req.r.id.idiag_src[0] = htonl(lab_addr(h));
	req.r.id.idiag_sport = htons(lab_port(h));
	req.r.id.idiag_dst[0] = htonl(lab_addr(1 - h));
	req.r.id.idiag_dport = htons(lab_port(1 - h));
	req.r.id.idiag_cookie[0] = req.r.id.idiag_cookie[1] =
	    INET_DIAG_NOCOOKIE;
	return send(hh->diag, &req, sizeof(req), 0) == (ssize_t)sizeof(req);
}

static void
diag_one(const struct nlmsghdr *n, struct lab_sk *sk)
{
	const struct inet_diag_msg *m = NLMSG_DATA(n);
	int rest = (int)n->nlmsg_len - NLMSG_LENGTH(sizeof(*m));
	const struct rtattr *a = (const struct rtattr *)(m + 1);

	memset(sk, 0, sizeof(*sk));
	sk->kstate = m->idiag_state;
	sk->timer = m->idiag_timer;
	sk->expires = m->idiag_expires;
	sk->retrans = m->idiag_retrans;
	for (; RTA_OK(a, rest); a = RTA_NEXT(a, rest)) {
		struct tcp_info ti;
		size_t len = RTA_PAYLOAD(a);

		if (a->rta_type != INET_DIAG_INFO)
			continue;
		memset(&ti, 0, sizeof(ti));
		memcpy(&ti, RTA_DATA(a), len < sizeof(ti) ? len : sizeof(ti));
		sk->rto_us = ti.tcpi_rto;
	}
}

/* Host h's socket into *sk: 1, or 0 when it has none, -1 when the
 * kernel cannot be asked. */
int
lab_diag(const struct lab *l, int h, struct lab_sk *sk)
{
	long buf[8192 / sizeof(long)];
	const struct nlmsghdr *m = (const struct nlmsghdr *)buf;
	ssize_t got;

	if (!diag_request(&l->host[h], h))
		return -1;
	got = recv(l->host[h].diag, buf, sizeof(buf), 0);
	if (got < (ssize_t)sizeof(*m) || !NLMSG_OK(m, (int)got))
		return -1;
	if (m->nlmsg_type == NLMSG_ERROR)
		return 0;		/* ENOENT: no such socket */
	diag_one(m, sk);
	return 1;
}
