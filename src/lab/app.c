/*
 * The applications on the lab's hosts: `listen`, `connect`, `send`,
 * `close`, `shutdown` and `abort` as real socket calls, made in the host's
 * namespace (setns before socket(); a socket stays in the namespace it was
 * made in).  Sockets are non-blocking, so a call returns at once and what
 * the kernel does next shows on the wire.  Each host binds a fixed port
 * (client 40001, server 8080) and connects to the other's, so both
 * hosts may connect at once (simultaneous open).
 *
 * What the simulated application does by itself, this one does in
 * lab_app_poll after every command: accept a connection (and close the
 * listening socket, so that the host has one connection, as in the
 * simulation), see a connect finish or fail, read everything that arrived
 * (the simulation's default), and turn errors into the scenario's
 * notices: connected, refused, reset, timeout, eof.  With `set app_read
 * manual` it reads only at `read [N]`, one recv() of at most N bytes (all
 * that waits when N is absent), and learns of the peer's FIN there, as
 * the simulated application does.
 */
#include <config.h>

#include <errno.h>
#include <netinet/in.h>
#include <linux/tcp.h>
#include <poll.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "lab/lab_int.h"
#include "lib/i18n.h"

static void
app_sin(struct sockaddr_in *sin, int h)
{
	memset(sin, 0, sizeof(*sin));
	sin->sin_family = AF_INET;
	sin->sin_addr.s_addr = htonl(lab_addr(h));
	sin->sin_port = htons(lab_port(h));
}

/* A socket of host h bound to its own address and port. */
static int
app_socket(struct lab *l, int h)
{
	struct sockaddr_in sin;
	int one = 1, fd;

	if (!lab_ns_enter(&l->host[h]))
		return -1;
	fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -1;
	app_sin(&sin, h);
	/* Nagle would hold a second small send back: one send, one
	 * segment, as simulated. */
	if (setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) != 0 ||
	    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one)) != 0 ||
	    bind(fd, (struct sockaddr *)&sin, sizeof(sin)) != 0) {
		int e = errno;

		close(fd);
		errno = e;
		return -1;
	}
	return fd;
}

static enum sim_status
app_errno(const struct cmd *c, const char *call, struct sim_result *res)
{
	/* TRANSLATORS: host, socket call, the kernel's error text. */
	return sim_fail(res, SIM_IMPOSSIBLE, _("%s: the kernel refused %s: %s"),
	    _(sim_host_name(c->host)), call, strerror(errno));
}

enum sim_status
lab_app_check(const struct lab *l, const struct cmd *c,
    struct sim_result *res)
{
	const struct lab_host *hh = &l->host[c->host];
	const char *who = _(sim_host_name(c->host));
	bool open = hh->lfd >= 0 || hh->cfd >= 0;

	if ((c->kind == CMD_LISTEN || c->kind == CMD_CONNECT) && open)
		return sim_fail(res, SIM_IMPOSSIBLE, _("%s: the application "
		    "already has a socket open (close it first)"), who);
	if (c->kind == CMD_SEND && (c->num == 0 || c->num > 65535))
		return sim_fail(res, SIM_IMPOSSIBLE,
		    _("send: the size must be 1 to 65535 bytes"));
	if (c->kind == CMD_SEND && (hh->cfd < 0 || hh->connecting))
		return sim_fail(res, SIM_IMPOSSIBLE, _("%s: send needs a "
		    "connected socket"), who);
	if (c->kind == CMD_SHUTDOWN && (hh->cfd < 0 || hh->shut))
		return sim_fail(res, SIM_IMPOSSIBLE, _("%s: shutdown needs a "
		    "connection that is still open for writing"), who);
	if ((c->kind == CMD_CLOSE || c->kind == CMD_ABORT) && !open)
		return sim_fail(res, SIM_IMPOSSIBLE, _("%s: the application "
		    "has no socket to close"), who);
	if (c->kind == CMD_READ && !l->app_read_manual)
		return sim_fail(res, SIM_IMPOSSIBLE,
		    _("%s: read is impossible: the application reads all "
		    "data at once (put 'set app_read manual' before the "
		    "first event to let data wait)"), who);
	if (c->kind == CMD_READ && (hh->cfd < 0 || hh->connecting))
		return sim_fail(res, SIM_IMPOSSIBLE, _("%s: read needs a "
		    "connected socket"), who);
	if (c->kind == CMD_CRASH)
		/* No "crash:" in front: the screen already quotes the
		 * command ("Cannot do "client crash" now: ..."). */
		return sim_fail(res, SIM_IMPOSSIBLE, _("a real kernel cannot "
		    "forget its connections silently, so the lab cannot crash "
		    "a host"));
	return SIM_OK;
}

static enum sim_status
app_open(struct lab *l, const struct cmd *c, struct sim_result *res)
{
	struct lab_host *hh = &l->host[c->host];
	struct sockaddr_in peer;
	int fd = app_socket(l, (int)c->host);

	if (fd < 0)
		return app_errno(c, "socket", res);
	if (c->kind == CMD_LISTEN) {
		if (listen(fd, 4) != 0) {
			close(fd);
			return app_errno(c, "listen", res);
		}
		hh->lfd = fd;
		return SIM_OK;
	}
	app_sin(&peer, 1 - (int)c->host);
	if (connect(fd, (struct sockaddr *)&peer, sizeof(peer)) != 0 &&
	    errno != EINPROGRESS) {
		close(fd);
		return app_errno(c, "connect", res);
	}
	hh->cfd = fd;
	hh->connecting = true;
	hh->eof = hh->shut = false;
	return SIM_OK;
}

static void
app_close_all(struct lab_host *hh, bool abort)
{
	struct linger lg = { 1, 0 };
	int *fds[] = { &hh->cfd, &hh->lfd };

	for (int i = 0; i < 2; i++) {
		if (*fds[i] < 0)
			continue;
		if (abort)
			(void)setsockopt(*fds[i], SOL_SOCKET, SO_LINGER, &lg,
			    sizeof(lg));
		close(*fds[i]);
		*fds[i] = -1;
	}
	hh->connecting = false;
	hh->shut = true;
}

static void app_read(struct lab *l, int h, uint64_t want);

enum sim_status
lab_app_call(struct lab *l, const struct cmd *c, struct sim_result *res)
{
	static const char zeros[65535];
	struct lab_host *hh = &l->host[c->host];

	if (c->kind == CMD_LISTEN || c->kind == CMD_CONNECT)
		return app_open(l, c, res);
	if (c->kind == CMD_SEND &&
	    send(hh->cfd, zeros, (size_t)c->num, MSG_NOSIGNAL) < 0)
		return app_errno(c, "send", res);
	if (c->kind == CMD_SHUTDOWN) {
		if (shutdown(hh->cfd, SHUT_WR) != 0)
			return app_errno(c, "shutdown", res);
		hh->shut = true;
	}
	if (c->kind == CMD_CLOSE || c->kind == CMD_ABORT)
		app_close_all(hh, c->kind == CMD_ABORT);
	if (c->kind == CMD_READ)
		app_read(l, (int)c->host, c->num);
	return SIM_OK;
}

/* The pending error of a socket, as a notice; the socket is done. */
static void
app_error(struct lab *l, int h, int err)
{
	struct lab_host *hh = &l->host[h];

	if (err == ECONNREFUSED)
		lab_notice(l, h, hh->connecting ? TCP_N_REFUSED : TCP_N_RESET);
	else if (err == ETIMEDOUT)
		lab_notice(l, h, TCP_N_TIMEOUT);
	else
		lab_notice(l, h, TCP_N_RESET);
	close(hh->cfd);
	hh->cfd = -1;
	hh->connecting = false;
}

static void
app_accept(struct lab *l, int h)
{
	struct lab_host *hh = &l->host[h];
	int one = 1, fd = accept4(hh->lfd, NULL, NULL,
	    SOCK_NONBLOCK | SOCK_CLOEXEC);

	if (fd < 0)
		return;
	(void)setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	close(hh->lfd);
	hh->lfd = -1;
	hh->cfd = fd;
	hh->eof = hh->shut = false;
	lab_notice(l, h, TCP_N_CONNECTED);
}

/* Read up to `want` bytes (0: all that arrived) as one event; past the
 * data, recv() returns 0 at the peer's FIN. */
static void
app_read(struct lab *l, int h, uint64_t want)
{
	struct lab_host *hh = &l->host[h];
	struct sim_ev ev = { .kind = SIM_EV_TCP, .host = (enum sim_host_id)h };
	char buf[65536];
	uint64_t got = 0;
	ssize_t n = -1;

	errno = EAGAIN;
	while (want == 0 || got < want) {
		size_t ask = sizeof(buf);

		if (want != 0 && want - got < ask)
			ask = (size_t)(want - got);
		if ((n = recv(hh->cfd, buf, ask, MSG_DONTWAIT)) <= 0)
			break;
		got += (uint64_t)n;
	}
	if (got > 0) {
		ev.time = lab_now(l);
		ev.tcp.kind = TCP_EV_DATA;
		ev.tcp.bytes = (uint32_t)got;
		lab_trace(l, &ev);
	}
	if (n == 0 && !hh->eof) {
		hh->eof = true;
		lab_notice(l, h, TCP_N_EOF);
	} else if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK) {
		app_error(l, h, errno);
	}
}

static void
app_poll_host(struct lab *l, int h)
{
	struct lab_host *hh = &l->host[h];
	struct pollfd p;
	int err = 0;
	socklen_t len = sizeof(err);

	if (hh->lfd >= 0 && hh->cfd < 0)
		app_accept(l, h);
	if (hh->cfd < 0)
		return;
	p.fd = hh->cfd;
	p.events = POLLIN | POLLOUT;
	if (poll(&p, 1, 0) <= 0)
		return;
	if (getsockopt(hh->cfd, SOL_SOCKET, SO_ERROR, &err, &len) == 0 &&
	    err != 0) {
		app_error(l, h, err);
		return;
	}
	if (hh->connecting && (p.revents & POLLOUT)) {
		hh->connecting = false;
		lab_notice(l, h, TCP_N_CONNECTED);
	}
	if (!hh->connecting && !l->app_read_manual &&
	    (p.revents & (POLLIN | POLLHUP)))
		app_read(l, h, 0);
}

void
lab_app_poll(struct lab *l)
{
	for (int h = 0; h < 2; h++)
		app_poll_host(l, h);
}

void
lab_app_close(struct lab *l)
{
	for (int h = 0; h < 2; h++) {
		if (l->host[h].cfd >= 0)
			close(l->host[h].cfd);
		if (l->host[h].lfd >= 0)
			close(l->host[h].lfd);
		l->host[h].cfd = l->host[h].lfd = -1;
	}
}
