/*
 * Benchmark of the kernel lab (not a timed test; figures go to
 * doc/benchmarks.md):
 *  - lab start: namespaces, TUN devices, sysctls, routes, diag sockets;
 *  - a command to the real segment in flight: `client connect` until the
 *    kernel's SYN has come out of the TUN and is a segment in flight, and
 *    `deliver` of that SYN until the SYN+ACK is in flight (the quiet
 *    window that ends a command is set to 1ms here, so what is measured
 *    is the socket call, the kernel, the TUN read and the state read);
 *  - CPU while idle: five seconds blocked on the lab's descriptors, as a
 *    screen would be, and a `wait 5s` command.
 *
 *   bench_lab [ROUNDS]      (default 20; needs root or user namespaces)
 */
#include <config.h>

#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "lab/lab.h"
#include "script/parse.h"

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static double
cpu_ms(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 +
	    (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
}

static double
run(struct wbackend *b, const char *line)
{
	struct cmd c;
	struct script_err e;
	struct sim_result res;
	double t0;

	if (script_parse_line(line, 1, &c, &e) != 1) {
		fprintf(stderr, "bench_lab: bad line %s\n", line);
		exit(2);
	}
	t0 = now_ms();
	if (wbackend_apply(b, &c, &res) != SIM_OK) {
		fprintf(stderr, "bench_lab: %s: %s\n", line, res.msg);
		exit(1);
	}
	b->ops->trace_clear(b->self);
	return now_ms() - t0;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static void
report(const char *what, double *v, int n)
{
	qsort(v, (size_t)n, sizeof(*v), cmp_double);
	printf("%-34s median %7.2f ms   min %7.2f   max %7.2f   (n=%d)\n",
	    what, v[n / 2], v[0], v[n - 1], n);
}

static void
idle(struct wbackend *b)
{
	struct pollfd p[2];
	int fds[2];
	double c0, w;

	lab_poll_fds(b, fds);
	for (int i = 0; i < 2; i++) {
		p[i].fd = fds[i];
		p[i].events = POLLIN;
	}
	c0 = cpu_ms();
	w = now_ms();
	(void)poll(p, 2, 5000);
	printf("idle, blocked on the TUNs          %.1f ms CPU in %.0f ms\n",
	    cpu_ms() - c0, now_ms() - w);
	c0 = cpu_ms();
	w = run(b, "wait 5s");
	printf("'wait 5s'                          %.1f ms CPU in %.0f ms\n",
	    cpu_ms() - c0, w);
}

int
main(int argc, char **argv)
{
	int rounds = argc > 1 ? atoi(argv[1]) : 20;
	double *start, *conn, *deliv;
	struct wbackend b;
	char err[512];

	if (rounds < 1)
		rounds = 1;
	setenv("TCPTEACH_LAB_QUIET_MS", "1", 1);
	start = calloc((size_t)rounds, sizeof(double));
	conn = calloc((size_t)rounds, sizeof(double));
	deliv = calloc((size_t)rounds, sizeof(double));
	for (int i = 0; i < rounds; i++) {
		double t0 = now_ms();

		if (lab_backend_open(&b, NULL, true, err, sizeof(err)) != 0) {
			fprintf(stderr, "bench_lab: %s\n", err);
			return 77;
		}
		start[i] = now_ms() - t0;
		(void)run(&b, "server listen");
		conn[i] = run(&b, "client connect");
		deliv[i] = run(&b, "deliver c>s");
		if (i == rounds - 1) {
			(void)run(&b, "settle");
			idle(&b);
		}
		wbackend_destroy(&b);
	}
	report("lab start", start, rounds);
	report("'client connect' to SYN in flight", conn, rounds);
	report("'deliver' SYN to SYN+ACK in flight", deliv, rounds);
	free(start);
	free(conn);
	free(deliv);
	return 0;
}
