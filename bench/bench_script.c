/*
 * Benchmark of `tcpteach script`: generate a scenario of repeated connect,
 * data, loss, close cycles (at least N commands), run the real program on
 * it with --quiet, and report commands/s, segments processed/s and the
 * child's peak memory.  Also replays the scenario in-process to count the
 * segments the cores processed.
 *
 *   bench_script TCPTEACH [NCOMMANDS]      (default 1000000)
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "script/parse.h"
#include "sim/world.h"

/* One cycle: handshake, data with a lost segment, a close whose final ACK
 * is lost (so TIME_WAIT answers the retransmitted FIN), 2MSL. */
static const char *const cycle[] = {
	"server listen", "client connect", "settle",
	"expect client ESTABLISHED", "client send 1000", "drop", "wait timer",
	"settle", "server send 500", "settle", "client close", "deliver",
	"deliver", "server close", "deliver", "drop", "wait timer", "deliver",
	"settle", "expect server CLOSED", "wait 2msl", "expect client CLOSED",
};
#define NCYCLE (sizeof(cycle) / sizeof(cycle[0]))

static double
now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static size_t
write_scenario(const char *path, size_t want)
{
	FILE *f = fopen(path, "w");
	size_t n = 1;

	if (f == NULL) {
		perror(path);
		exit(2);
	}
	fputs("seed 7\n", f);
	while (n < want)
		for (size_t i = 0; i < NCYCLE; i++, n++)
			fprintf(f, "%s\n", cycle[i]);
	fclose(f);
	return n;
}

/* Count the segments processed by replaying the scenario in a child
 * process: the parent stays small, because Linux counts a parent's peak
 * RSS in the ru_maxrss of every child it forks or spawns afterwards. */
static unsigned long long count_segments_here(const char *path);

static unsigned long long
count_segments(const char *path)
{
	unsigned long long n = 0;
	int fd[2], status;
	pid_t pid;

	if (pipe(fd) < 0)
		exit(2);
	pid = fork();
	if (pid == 0) {
		n = count_segments_here(path);
		_exit(write(fd[1], &n, sizeof(n)) == sizeof(n) ? 0 : 1);
	}
	close(fd[1]);
	if (read(fd[0], &n, sizeof(n)) != sizeof(n) ||
	    waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) ||
	    WEXITSTATUS(status) != 0)
		exit(1);
	close(fd[0]);
	return n;
}

static unsigned long long
count_segments_here(const char *path)
{
	struct script s = { 0 };
	struct script_err e;
	struct world w;
	struct sim_result r;

	if (!script_load(path, &s, &e)) {
		fprintf(stderr, "%s:%u:%u: %s\n", e.file, e.line, e.column, e.msg);
		exit(2);
	}
	world_init(&w);
	w.keep_trace = false;
	for (size_t i = 0; i < s.n; i++)
		if (world_apply(&w, &s.cmds[i], &r) != SIM_OK) {
			fprintf(stderr, "line %u: %s\n", s.cmds[i].line, r.msg);
			exit(1);
		}
	world_free(&w);
	script_free(&s);
	return (unsigned long long)w.nsegs_processed;
}

/* Run the program; returns seconds and the child's peak RSS.  Called
 * before the in-process replay, so the forked child does not inherit (and
 * count in ru_maxrss) the parent's pages. */
static double
run_once(const char *prog, const char *path, long *maxrss, double *cpu)
{
	struct rusage ru;
	double t0 = now_s(), dt;
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		execl(prog, prog, "script", "--quiet", path, (char *)NULL);
		_exit(127);
	}
	if (wait4(pid, &status, 0, &ru) < 0 || !WIFEXITED(status) ||
	    WEXITSTATUS(status) != 0) {
		fprintf(stderr, "bench: %s failed\n", prog);
		exit(1);
	}
	dt = now_s() - t0;
	*maxrss = ru.ru_maxrss;
	*cpu = (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
	    (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
	return dt;
}

int
main(int argc, char **argv)
{
	size_t want = argc > 2 ? strtoul(argv[2], NULL, 10) : 1000000;
	char path[] = "/tmp/tcpteach-bench-XXXXXX";
	int fd = mkstemp(path);

	if (argc < 2 || fd < 0) {
		fprintf(stderr, "usage: bench_script TCPTEACH [NCOMMANDS]\n");
		return 2;
	}
	close(fd);
	/* Memory should stay flat as the scenario grows: run 1/4, 1/2, 1x. */
	for (size_t div = 4; div >= 1; div /= 2) {
		size_t n = write_scenario(path, want / div);
		long rss;
		double cpu, dt = run_once(argv[1], path, &rss, &cpu);
		unsigned long long nseg = count_segments(path);

		/* Per CPU second as well: wall time varies with machine load. */
		printf("%9zu commands  wall %6.3f s  cpu %6.3f s  %9.0f cmd/s"
		    "  %9.0f seg/s (per cpu s)  peak RSS %5ld KiB\n", n, dt, cpu,
		    (double)n / cpu, (double)nseg / cpu, rss);
	}
	unlink(path);
	return 0;
}
