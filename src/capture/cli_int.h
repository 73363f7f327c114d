/*
 * Internals of the capture command line, shared by its files only.
 *
 * Data model: struct cap_cli is the parsed options and the state of one
 * run: which connection is watched and how it is printed (trace lines, an
 * RFC-style diagram or a scenario), plus what the watched connection's
 * handshake timing says about where the capture was taken.
 */
#ifndef TCPTEACH_CAPTURE_CLI_INT_H
#define TCPTEACH_CAPTURE_CLI_INT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "capture/capture.h"
#include "capture/read.h"
#include "script/trace.h"

enum cap_mode { CAP_M_LIST, CAP_M_STATS, CAP_M_SHOW, CAP_M_SCENARIO };

struct cap_cli {
	enum cap_mode mode;
	bool diagram, relative;
	uint64_t id;			/* --show / --to-scenario */
	const char *file;
	FILE *out, *err;
	bool found, header;
	struct diagram dg;
	/* Each side's ISN while its TCB had one: --relative numbers
	 * outlive the TCB (the last ACK reaches a CLOSED server). */
	bool has_iss[2];
	uint32_t iss[2];
	/* Handshake times of the watched connection (0: not seen). */
	uint64_t t_syn, t_synack, t_ack;
	/* --list words, translated once. */
	const char *w_hs[4], *w_who[3];
};

/* show.c */
void cap_show_segment(void *ctx, const struct cap_conn *c,
    const struct cap_pkt *k, enum sim_dir dir, unsigned notes,
    const struct sim_ev *ev, size_t nev);
void cap_show_command(void *ctx, const struct cap_conn *c,
    const struct cmd *cmd, const char *why);
void cap_show_done(struct cap_cli *o, const struct cap_conn *c);
/* cli.c */
void cap_conn_line(const struct cap_cli *o, const struct cap_conn *c);
const char *cap_hs_word(enum cap_handshake hs);

#endif
