/*
 * `tcpteach script --compare FILE`: one scenario on the simulated core
 * (profile linux) and on the kernel lab, side by side.
 *
 * Data model: both worlds run the file's commands in lockstep.  After each
 * command each side is summed up as its status (ok, impossible, failed
 * expect), the segments it sent with their numbers relative to the
 * sender's and the receiver's ISN, and both hosts' states.  Two summaries
 * that differ are a difference; a difference listed in the known-
 * differences file (scenario, line, aspect, reason) is reported as known
 * and does not fail the run.
 */
#ifndef TCPTEACH_SCRIPT_COMPARE_H
#define TCPTEACH_SCRIPT_COMPARE_H

#include <stdio.h>

#include "script/parse.h"
#include "script/run.h"

/* Known differences: one per line, "NAME LINE ASPECT REASON...", where
 * NAME is the scenario's file name without directory and ".scn", LINE a
 * line number, a range "N-M", "N-" (that line and every later one) or
 * "*", and ASPECT
 * one of status, segments, state or any. */
#define COMPARE_KNOWN_FILE "known-differences"

int script_compare(struct script_reader *r, const struct script_lab *lab,
    const char *known, const char *pcap, FILE *out, FILE *err);

#endif
