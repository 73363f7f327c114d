/*
 * The lab's two hosts come to life here: for each, a network namespace of
 * this process (unshare), a TUN device in it with the host's address and
 * an MTU that keeps `send N` one segment, the route to the other host,
 * the sysctls that make runs repeatable, and an inet_diag socket.
 *
 * Privileges: root needs nothing more.  Anyone else first enters a user
 * namespace of their own (as `unshare -Urn` does) where the system allows
 * it, and is root there.  The host's own network namespace is never
 * changed: the process leaves it at the first unshare and never returns.
 * No namespace is named or mounted, so all of it disappears with the
 * process, however it ends.
 *
 * What the lab changes on both hosts, and why (everything else is the
 * kernel's default, as on a learner's machine; the screen header and
 * doc/lab.md say so):
 *  - IPv6 off on every device: no router solicitations or other chatter
 *    on the wire, only the segments of the scenario.
 * Timestamps stay on (the default, and what the linux profile assumes):
 * `inject` crafts segments without options, and Linux checks PAWS only
 * on a segment that carries a timestamp, so injected RSTs, SYNs and ACKs
 * are judged by their numbers alone (measured: tests/lab/inject-*.scn
 * give the same segments with timestamps on and off).  With them off,
 * Linux would apply Karn's rule (no RTT sample from a retransmitted SYN)
 * and keep a 1 s RTO where the profile has SRTT + 200 ms.
 * The route carries no metric unless `set delayed_ack off` asks for
 * `quickack`, the one way a route opts out of delayed ACKs.
 */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <linux/if_tun.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <net/if.h>
#include <netinet/in.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include "lab/lab_int.h"
#include "lib/i18n.h"

static bool
ns_write(const char *path, const char *v)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC);
	ssize_t n;
	int e;

	if (fd < 0)
		return false;
	n = write(fd, v, strlen(v));
	e = errno;
	close(fd);
	errno = e;
	return n == (ssize_t)strlen(v);
}

/* Not root: become root of a user namespace of our own. */
static int
ns_user(char *err, size_t size)
{
	char map[64];
	unsigned uid = (unsigned)geteuid(), gid = (unsigned)getegid();

	if (uid == 0)
		return 0;
	if (unshare(CLONE_NEWUSER) != 0) {
		snprintf(err, size, _("the kernel lab needs root, or "
		    "unprivileged user namespaces (unshare -Urn), which this "
		    "system does not allow: %s (see "
		    "user.max_user_namespaces, "
		    "kernel.unprivileged_userns_clone "
		    "and AppArmor's restrict_unprivileged_userns)"),
		    strerror(errno));
		return TT_EXIT_USAGE;
	}
	snprintf(map, sizeof(map), "0 %u 1", uid);
	if (!ns_write("/proc/self/setgroups", "deny") ||
	    !ns_write("/proc/self/uid_map", map)) {
		snprintf(err, size, _("cannot map your user id into the lab's "
		    "user namespace: %s"), strerror(errno));
		return TT_EXIT_USAGE;
	}
	snprintf(map, sizeof(map), "0 %u 1", gid);
	(void)ns_write("/proc/self/gid_map", map);
	return 0;
}

bool
lab_ns_enter(const struct lab_host *h)
{
	return setns(h->ns, CLONE_NEWNET) == 0;
}

bool
lab_sysctl_set(struct lab *l, int h, const char *name, const char *v)
{
	char path[128];

	if (l != NULL && !lab_ns_enter(&l->host[h]))
		return false;
	snprintf(path, sizeof(path), "/proc/sys/net/ipv4/%s", name);
	return ns_write(path, v);
}

bool
lab_sysctl_get(struct lab *l, int h, const char *name, char *buf,
    size_t size)
{
	char path[128];
	FILE *f;
	bool ok;

	if (!lab_ns_enter(&l->host[h]))
		return false;
	snprintf(path, sizeof(path), "/proc/sys/net/ipv4/%s", name);
	if ((f = fopen(path, "r")) == NULL)
		return false;
	ok = fgets(buf, (int)size, f) != NULL;
	fclose(f);
	buf[strcspn(buf, "\n")] = '\0';
	return ok;
}

static void
ns_rta(struct nlmsghdr *n, unsigned short type, const void *v, size_t len)
{
	struct rtattr *a = (struct rtattr *)((char *)n +
	    NLMSG_ALIGN(n->nlmsg_len));

	a->rta_type = type;
	a->rta_len = (unsigned short)RTA_LENGTH(len);
	memcpy(RTA_DATA(a), v, len);
	n->nlmsg_len = NLMSG_ALIGN(n->nlmsg_len) + RTA_ALIGN(a->rta_len);
}

/* One route metric at offset off of buf; returns the new length. */
static size_t
ns_metric(char *buf, size_t off, unsigned short type, uint32_t v)
{
	struct rtattr *m = (struct rtattr *)(buf + off);

	m->rta_type = type;
	m->rta_len = (unsigned short)RTA_LENGTH(sizeof(v));
	memcpy(RTA_DATA(m), &v, sizeof(v));
	return off + RTA_SPACE(sizeof(v));
}

/* 10.9.0.0/24 out of the TUN, with the quickack metric or none. */
bool
lab_route(struct lab *l, int h, bool quickack)
{
	struct {
		struct nlmsghdr n;
		struct rtmsg r;
		char attrs[128];
	} req;
	struct { struct nlmsghdr n; struct nlmsgerr e; } ack;
	char metrics[RTA_SPACE(sizeof(uint32_t))];
	uint32_t dst = htonl(LAB_NET), one = 1;
	int fd, oif = l->host[h].ifindex;
	size_t mlen = 0;
	bool ok;

	if (quickack)
		mlen = ns_metric(metrics, mlen, RTAX_QUICKACK, one);
	memset(&req, 0, sizeof(req));
	req.n.nlmsg_len = NLMSG_LENGTH(sizeof(req.r));
	req.n.nlmsg_type = RTM_NEWROUTE;
	req.n.nlmsg_flags = NLM_F_REQUEST | NLM_F_CREATE | NLM_F_REPLACE |
	    NLM_F_ACK;
	req.r.rtm_family = AF_INET;
	req.r.rtm_dst_len = 24;
	req.r.rtm_table = RT_TABLE_MAIN;
	req.r.rtm_protocol = RTPROT_BOOT;
	req.r.rtm_scope = RT_SCOPE_LINK;
	req.r.rtm_type = RTN_UNICAST;
	ns_rta(&req.n, RTA_DST, &dst, sizeof(dst));
	ns_rta(&req.n, RTA_OIF, &oif, sizeof(oif));
	if (mlen > 0)
		ns_rta(&req.n, RTA_METRICS, metrics, mlen);
	if (!lab_ns_enter(&l->host[h]))
		return false;
	fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
	if (fd < 0)
		return false;
	ok = send(fd, &req, req.n.nlmsg_len, 0) == (ssize_t)req.n.nlmsg_len &&
	    recv(fd, &ack, sizeof(ack), 0) >= (ssize_t)sizeof(ack.n) &&
	    ack.n.nlmsg_type == NLMSG_ERROR && ack.e.error == 0;
	close(fd);
	return ok;
}

static bool
ns_ifreq(int s, unsigned long req, struct ifreq *ifr)
{
	return ioctl(s, req, ifr) == 0;
}

static void
ns_sin(struct sockaddr *sa, uint32_t addr)
{
	struct sockaddr_in sin;

	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = htonl(addr);
	memcpy(sa, &sin, sizeof(sin));
}

/* Address, netmask /32 (the route is ours), MTU, up. */
static bool
ns_link(struct lab_host *hh, int h, const char *name)
{
	struct ifreq ifr;
	int s = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	bool ok;

	if (s < 0)
		return false;
	memset(&ifr, 0, sizeof(ifr));
	snprintf(ifr.ifr_name, IFNAMSIZ, "%s", name);
	ifr.ifr_mtu = LAB_MTU;
	ok = ns_ifreq(s, SIOCSIFMTU, &ifr);
	ns_sin(&ifr.ifr_addr, lab_addr(h));
	ok = ok && ns_ifreq(s, SIOCSIFADDR, &ifr);
	ns_sin(&ifr.ifr_netmask, 0xffffffffu);
	ok = ok && ns_ifreq(s, SIOCSIFNETMASK, &ifr);
	ok = ok && ns_ifreq(s, SIOCGIFFLAGS, &ifr);
	ifr.ifr_flags |= IFF_UP | IFF_RUNNING;
	ok = ok && ns_ifreq(s, SIOCSIFFLAGS, &ifr);
	ok = ok && ns_ifreq(s, SIOCGIFINDEX, &ifr);
	hh->ifindex = ifr.ifr_ifindex;
	close(s);
	return ok;
}

static int
ns_tun(struct lab_host *hh, int h, char *err, size_t size)
{
	const char *name = h == HOST_CLIENT ? "tt-client" : "tt-server";
	struct ifreq ifr;

	hh->tun = open("/dev/net/tun", O_RDWR | O_NONBLOCK | O_CLOEXEC);
	if (hh->tun < 0) {
		if (errno == ENOENT || errno == ENODEV || errno == ENXIO)
			snprintf(err, size, _("/dev/net/tun is missing: the "
			    "kernel lab needs TUN devices (modprobe tun)"));
		else
			snprintf(err, size, _("cannot open /dev/net/tun: %s "
			    "(it must be readable and writable by you; Debian "
			    "makes it mode 0666)"), strerror(errno));
		return TT_EXIT_USAGE;
	}
	memset(&ifr, 0, sizeof(ifr));
	ifr.ifr_flags = IFF_TUN | IFF_NO_PI;
	snprintf(ifr.ifr_name, IFNAMSIZ, "%s", name);
	if (ioctl(hh->tun, TUNSETIFF, &ifr) != 0 || !ns_link(hh, h, name)) {
		snprintf(err, size, _("cannot set up the lab's TUN device: %s"),
		    strerror(errno));
		return TT_EXIT_USAGE;
	}
	return 0;
}

static int
ns_host(struct lab *l, int h, char *err, size_t size)
{
	struct lab_host *hh = &l->host[h];

	if (unshare(CLONE_NEWNET) != 0) {
		snprintf(err, size, _("cannot create a network namespace: %s "
		    "(the kernel lab needs root or a user namespace)"),
		    strerror(errno));
		return TT_EXIT_USAGE;
	}
	hh->ns = open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC);
	/* Before the device exists, so that it never starts IPv6. */
	(void)ns_write("/proc/sys/net/ipv6/conf/default/disable_ipv6", "1");
	(void)ns_write("/proc/sys/net/ipv6/conf/all/disable_ipv6", "1");
	if (hh->ns < 0) {
		snprintf(err, size, _("cannot set up the lab's namespace: %s"),
		    strerror(errno));
		return TT_EXIT_USAGE;
	}
	if (ns_tun(hh, h, err, size) != 0)
		return TT_EXIT_USAGE;
	hh->diag = socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC,
	    NETLINK_INET_DIAG);
	if (hh->diag < 0 || !lab_route(l, h, false)) {
		snprintf(err, size, _("cannot set up the lab's route or "
		    "inet_diag socket: %s"), strerror(errno));
		return TT_EXIT_USAGE;
	}
	return 0;
}

int
lab_ns_setup(struct lab *l, char *err, size_t size)
{
	int rc = ns_user(err, size);

	for (int h = 0; h < 2 && rc == 0; h++)
		rc = ns_host(l, h, err, size);
	return rc;
}
