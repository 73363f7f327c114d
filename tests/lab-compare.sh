#!/bin/sh
# The differential suite: every life-cycle under tests/lab runs with
# `tcpteach script --compare` on the simulated core (profile linux) and on
# the real kernel (the kernel lab); a difference not listed in
# tests/lab/known-differences fails.  Also: --pcap writes a file that
# tcpdump/tshark read with the segments of the trace, and the lab refuses
# what it cannot do with exit 1 and a sentence.
#
#   lab-compare.sh          the quick cases (make check)
#   lab-compare.sh --slow   the long ones too: 60s TIME_WAIT, a default SYN
#                           give-up (make check-slow)
#
# Needs the right to create network namespaces (root, or unprivileged
# user namespaces) and /dev/net/tun; elsewhere it is skipped (exit 77)
# with the reason.  Environment: TCPTEACH and top_srcdir, as make check
# sets them.

: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${TCPTEACH:=./tcpteach}"
dir=$top_srcdir/tests/lab
known=$dir/known-differences

tmp=$(mktemp -d "${TMPDIR:-/tmp}/labcmp.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT INT TERM

passed=0
failed=0
pass() { passed=$((passed + 1)); echo "PASS: $1"; }
fail() {
	failed=$((failed + 1))
	echo "FAIL: $1"
	sed 's/^/  | /' "$tmp/out" "$tmp/err" 2>/dev/null
}

# Can this process make a lab at all?
printf 'client connect\n' >"$tmp/probe.scn"
"$TCPTEACH" script --lab --quiet "$tmp/probe.scn" >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ "$rc" -eq 2 ]; then
	echo "SKIP: the kernel lab cannot run here: $(cat "$tmp/err")"
	exit 77
fi

cases=$(ls "$dir"/*.scn)
[ "${1:-}" = --slow ] && cases="$cases $(ls "$dir"/slow/*.scn)"
first=yes
for f in $cases; do
	# Both sides failing the same expect would compare as "same": the
	# scenario must first hold on the core (profile linux) alone.
	{ echo "profile linux"; grep -v '^#' "$f"; } >"$tmp/core.scn"
	if ! "$TCPTEACH" script --quiet "$tmp/core.scn" >"$tmp/out" \
	    2>"$tmp/err"; then
		fail "$(basename "$f" .scn): does not hold on the core"
		continue
	fi
	"$TCPTEACH" script --compare --known "$known" "$f" >"$tmp/out" \
	    2>"$tmp/err"
	rc=$?
	if [ "$first" = yes ]; then
		# The kernel and its sysctls, once.
		sed -n '2p' "$tmp/out"
		first=no
	fi
	name=$(basename "$f" .scn)
	summary=$(tail -n 1 "$tmp/out" | sed 's/^# [^:]*: //')
	# A known difference that no longer happens: say so, do not fail.
	grep '^# no longer differs' "$tmp/out" | sed 's/^# /NOTE: /'
	if [ "$rc" -eq 0 ]; then
		pass "$name ($summary)"
	else
		fail "$name (exit $rc)"
	fi
done

# --pcap: the packets of a real handshake and close, readable by tcpdump
# and tshark when they are installed.
"$TCPTEACH" script --lab --pcap "$tmp/run.pcap" "$dir/client-closes-first.scn" \
    >"$tmp/out" 2>"$tmp/err"
rc=$?
nsent=$(grep -c ' sends #' "$tmp/out")
if [ "$rc" -ne 0 ] || [ ! -s "$tmp/run.pcap" ]; then
	fail "pcap: written (exit $rc)"
elif [ "$(head -c 4 "$tmp/run.pcap" | od -An -tx1 | tr -d ' ')" != d4c3b2a1 ]; then
	fail "pcap: a pcap file"
else
	pass "pcap: written"
fi
if command -v tcpdump >/dev/null 2>&1; then
	n=$(tcpdump -nr "$tmp/run.pcap" 2>/dev/null | grep -c '10.9.0.')
	if [ "$n" -eq "$nsent" ] && [ "$n" -gt 0 ]; then
		pass "pcap: tcpdump reads $n packets"
	else
		fail "pcap: tcpdump reads $n packets, the trace sent $nsent"
	fi
fi
if command -v tshark >/dev/null 2>&1; then
	n=$(tshark -r "$tmp/run.pcap" 2>/dev/null | grep -c 'TCP')
	if [ "$n" -eq "$nsent" ] && [ "$n" -gt 0 ]; then
		pass "pcap: tshark reads $n packets"
	else
		fail "pcap: tshark reads $n packets, the trace sent $nsent"
	fi
fi

# What the lab cannot do: exit 1 and a sentence naming it.
refuse() {
	printf '%s\n' "$2" >"$tmp/r.scn"
	"$TCPTEACH" script --lab "$tmp/r.scn" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	if [ "$rc" -eq 1 ] && grep -q "$3" "$tmp/err"; then
		pass "refuses: $1"
	else
		fail "refuses: $1 (exit $rc)"
	fi
}
refuse isn 'isn client 100' 'choose their own ISNs'
refuse seed 'seed 7' 'choose their own ISNs'
refuse 'profile rfc9293' 'profile rfc9293' 'is Linux'
refuse 'set msl' 'set msl 1s' 'no per-namespace setting'
refuse 'set fin_wait_2_timeout off' 'set fin_wait_2_timeout off' 'cannot turn it off'
refuse crash 'server listen
server crash' 'cannot forget'
refuse 'deliver with nothing in flight' 'deliver' 'nothing is in flight'
refuse 'wait timer with no timer' 'wait timer' 'no timer is running'

# The host's own namespace is never used and nothing outlives a SIGKILL:
# the lab runs in namespaces of its own, its devices never appear here,
# and once killed no process of it is left.
printf 'server listen\nclient connect\nsettle\nwait 30s\n' >"$tmp/k.scn"
links_before=$(cat /proc/net/dev | wc -l)
"$TCPTEACH" script --lab --quiet "$tmp/k.scn" >/dev/null 2>&1 &
pid=$!
sleep 1
if [ "$(readlink /proc/$pid/ns/net)" = "$(readlink /proc/$$/ns/net)" ]; then
	fail "sigkill: the lab left the host's namespace"
elif grep -q 'tt-' /proc/net/dev; then
	fail "sigkill: a lab device appeared in the host's namespace"
else
	kill -9 "$pid"
	wait "$pid" 2>/dev/null
	if kill -0 "$pid" 2>/dev/null ||
	    [ "$(cat /proc/net/dev | wc -l)" -ne "$links_before" ]; then
		fail "sigkill: something is left"
	else
		pass "sigkill: own namespaces, nothing left"
	fi
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
