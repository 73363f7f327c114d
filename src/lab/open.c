/*
 * A lab's life: open (pcap file, namespaces, devices), the world
 * interface's remaining operations, and close.  Closing frees the
 * descriptors; the namespaces go with the last of them.
 */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "lab/lab_int.h"
#include "lib/i18n.h"
#include "lib/mono.h"
#include "lib/pcapw.h"
#include "lib/xalloc.h"

#define LAB_QUIET_DEFAULT 15	/* ms of silence that ends a command */

static enum sim_status
op_expect(void *self, const struct cmd *c, struct sim_result *res)
{
	return lab_expect(self, c, res);
}

static const struct sim_ev *
op_trace(void *self, size_t *n)
{
	struct lab *l = self;

	*n = l->ntrace;
	return l->trace;
}

static void
op_trace_clear(void *self)
{
	((struct lab *)self)->ntrace = 0;
}

static enum tcp_state
op_state(void *self, enum sim_host_id h)
{
	struct lab *l = self;

	/* As read at the end of the last command (expect reads afresh). */
	return l->host[h].state;
}

static const char *
op_label(void *self, char *buf, size_t size)
{
	struct lab *l = self;

	/* TRANSLATORS: %s is "Linux 6.1.0-18-amd64"; the rest names what
	 * the lab changes in the kernels (see doc/lab.md). */
	snprintf(buf, size, _("kernel lab, %s, IPv6 off%s"), l->kernel,
	    l->quickack ? _(", route quickack") : "");
	return buf;
}

static void
op_destroy(void *self)
{
	struct lab *l = self;

	lab_app_close(l);
	for (int h = 0; h < 2; h++) {
		int fds[] = { l->host[h].tun, l->host[h].diag, l->host[h].ns };

		for (int i = 0; i < 3; i++)
			if (fds[i] >= 0)
				close(fds[i]);
	}
	lab_wire_free(l);
	free(l->trace);
	if (l->pcap != NULL)
		fclose(l->pcap);
	free(l);
}

/* The capture file, its header written; every packet is flushed to it
 * (wire.c), so it is complete whenever the program stops. */
static bool
lab_pcap_open(struct lab *l, const char *path, char *err, size_t size)
{
	l->pcap = fopen(path, "wb");
	if (l->pcap != NULL && pcapw_header(l->pcap) && fflush(l->pcap) == 0)
		return true;
	snprintf(err, size, _("cannot write the pcap file %s: %s"), path,
	    strerror(errno));
	return false;
}

const struct wbackend_ops lab_ops = {
	lab_apply, lab_can, op_expect, op_trace, op_trace_clear, op_state,
	op_label, op_destroy
};

static unsigned
lab_quiet(void)
{
	const char *e = getenv("TCPTEACH_LAB_QUIET_MS");
	long v = e != NULL ? strtol(e, NULL, 10) : 0;

	return v > 0 && v < 10000 ? (unsigned)v : LAB_QUIET_DEFAULT;
}

int
lab_backend_open(struct wbackend *b, const char *pcap, bool keep_trace,
    char *err, size_t size)
{
	struct lab *l = xcalloc(1, sizeof(*l));
	struct utsname u;
	int rc = 0;

	for (int h = 0; h < 2; h++)
		l->host[h].ns = l->host[h].tun = l->host[h].diag =
		    l->host[h].lfd = l->host[h].cfd = -1;
	l->next_id = 1;
	l->keep_trace = keep_trace;
	l->quiet_ms = lab_quiet();
	snprintf(l->kernel, sizeof(l->kernel), "Linux");
	if (uname(&u) == 0)
		snprintf(l->kernel, sizeof(l->kernel), "%s %s", u.sysname,
		    u.release);
	if (pcap != NULL && !lab_pcap_open(l, pcap, err, size))
		rc = TT_EXIT_USAGE;
	if (rc == 0)
		rc = lab_ns_setup(l, err, size);
	if (rc != 0) {
		op_destroy(l);
		return rc;
	}
	l->t0 = mono_ms();
	b->ops = &lab_ops;
	b->self = l;
	return 0;
}

const char *
lab_describe(struct wbackend *b, char *buf, size_t size)
{
	static const char *const names[] = {
		"tcp_fin_timeout", "tcp_syn_retries", "tcp_synack_retries",
		"tcp_retries2", "tcp_syn_linear_timeouts", "tcp_timestamps",
		"tcp_invalid_ratelimit", "tcp_early_retrans", "tcp_rto_min_us"
	};
	struct lab *l = b->self;
	/* What the lab changed first, then the kernel's own values. */
	size_t used = (size_t)snprintf(buf, size, "%s; set by the lab: "
	    "IPv6 off%s; kernel defaults:", l->kernel,
	    l->quickack ? ", route quickack" : "");
	char v[32];

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (used < size && lab_sysctl_get(l, 0, names[i], v, sizeof(v)))
			used += (size_t)snprintf(buf + used, size - used,
			    " %s=%s", names[i], v);
	return buf;
}

void
lab_poll_fds(struct wbackend *b, int fds[2])
{
	struct lab *l = b->self;

	fds[0] = l->host[0].tun;
	fds[1] = l->host[1].tun;
}

void
lab_pump(struct wbackend *b)
{
	struct lab *l = b->self;

	lab_collect(l, l->quiet_ms, mono_ms() + l->quiet_ms);
}
