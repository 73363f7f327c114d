#!/bin/sh
# `script --diagram` draws each RFC 9293 figure scenario of examples/ with
# the figure's rows in the figure's order: for every figure below, the
# rows listed (row numbers dropped, runs of blanks made one) must appear
# one after the other in the diagram.  Each row is RFC 9293's line of the
# same number, in the diagram's words; where the figure writes something a
# run cannot print, the comment above the figure says what stands for it.
# Rows before the figure's first (the handshake a close needs) and after
# its last may come and go.
#
# Every diagram of examples/ and tests/golden/ is also checked for its
# columns: the far end of every segment and the server's state start in
# one column, however long a segment's text and marks.
T=${TCPTEACH:-./tcpteach}
src=${top_srcdir:-.}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/figrows.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
LC_ALL=C.UTF-8; export LC_ALL; unset LANGUAGE
pass=0 fail=0

# figure N EXAMPLE < rows
figure() {
	if ! "$T" script --diagram "$src/examples/$2" >"$tmp/out"; then
		fail=$((fail + 1)); echo "FAIL figure $1: $2 does not run"
		cat >/dev/null; return
	fi
	sed -e 's/^ *[0-9]*\. //' -e 's/  */ /g' -e 's/^ //' "$tmp/out" \
	    >"$tmp/got"
	cat >"$tmp/want"
	if awk 'NR == FNR { w[++n] = $0; next } { g[++m] = $0 }
	    END {
		for (i = 1; i + n - 1 <= m; i++) {
			for (j = 1; j <= n && g[i + j - 1] == w[j]; j++)
				;
			if (j > n) exit 0
		}
		exit 1
	    }' "$tmp/want" "$tmp/got"; then
		pass=$((pass + 1)); echo "PASS figure $1"
	else
		fail=$((fail + 1))
		echo "FAIL figure $1: these rows, in this order:"
		cat "$tmp/want"
		echo "are not in the diagram of $2:"
		cat "$tmp/out"
	fi
}

# Figure 6 (basic three-way handshake).  Line 5's data goes as PSH+ACK.
figure 6 fig06-basic-handshake.scn <<'EOF'
CLOSED LISTEN
SYN_SENT --> <SEQ=100><CTL=SYN> --> SYN_RECEIVED
ESTABLISHED <-- <SEQ=300><ACK=101><CTL=SYN,ACK> <-- SYN_RECEIVED
ESTABLISHED --> <SEQ=101><ACK=301><CTL=ACK> --> ESTABLISHED
ESTABLISHED --> <SEQ=101><ACK=301><CTL=PSH,ACK><DATA=10> --> ESTABLISHED
EOF

# Figure 7 (simultaneous open): line 4, the SYN's arrival, comes before
# line 5, though the client sent its SYN,ACK when the other SYN arrived.
figure 7 fig07-simultaneous-open.scn <<'EOF'
CLOSED CLOSED
SYN_SENT --> <SEQ=100><CTL=SYN> ...
SYN_RECEIVED <-- <SEQ=300><CTL=SYN> <-- SYN_SENT
... <SEQ=100><CTL=SYN> --> SYN_RECEIVED
SYN_RECEIVED --> <SEQ=100><ACK=301><CTL=SYN,ACK> ...
ESTABLISHED <-- <SEQ=300><ACK=101><CTL=SYN,ACK> <-- SYN_RECEIVED
... <SEQ=100><ACK=301><CTL=SYN,ACK> --> ESTABLISHED
EOF

# Figure 8 (recovery from old duplicate SYN): the figure's "(duplicate)"
# is the mark "(injected)" of the crafted old SYN.
figure 8 fig08-old-duplicate-syn.scn <<'EOF'
CLOSED LISTEN
SYN_SENT --> <SEQ=100><CTL=SYN> ...
... <SEQ=90><CTL=SYN> (injected) --> SYN_RECEIVED
SYN_SENT <-- <SEQ=300><ACK=91><CTL=SYN,ACK> <-- SYN_RECEIVED
SYN_SENT --> <SEQ=91><CTL=RST> --> LISTEN
... <SEQ=100><CTL=SYN> --> SYN_RECEIVED
ESTABLISHED <-- <SEQ=400><ACK=101><CTL=SYN,ACK> <-- SYN_RECEIVED
ESTABLISHED --> <SEQ=101><ACK=401><CTL=ACK> --> ESTABLISHED
EOF

# Figure 9 (half-open connection discovery): "(REBOOT)" is the crash;
# where the figure writes "(??)", "(!!)" and "(Abort!!)" the diagram
# shows the state the host is in; the server's CLOSED of line 6 is on
# the RST's row; line 7's SYN is the retransmission, a second later.
figure 9 fig09-half-open-discovery.scn <<'EOF'
(Crash)
CLOSED ESTABLISHED
SYN_SENT --> <SEQ=400><CTL=SYN> --> ESTABLISHED
SYN_SENT <-- <SEQ=300><ACK=100><CTL=ACK> <-- ESTABLISHED
SYN_SENT --> <SEQ=100><CTL=RST> --> CLOSED
SYN_SENT --> <SEQ=400><CTL=SYN> (rexmit) (t=1s) ...
EOF

# Figure 10 (active side causes half-open connection discovery): as in
# Figure 9 (half-open connection discovery); the data goes as PSH+ACK.
figure 10 fig10-active-half-open.scn <<'EOF'
(Crash)
CLOSED ESTABLISHED
CLOSED <-- <SEQ=300><ACK=100><CTL=PSH,ACK><DATA=10> <-- ESTABLISHED
CLOSED --> <SEQ=100><CTL=RST> --> CLOSED
EOF

# Figure 11 (old duplicate SYN initiates a reset on two passive
# sockets): Z = 200, X = 300; the client's "(??)" is its LISTEN, and the
# server's return to LISTEN (lines 4 and 5) is on the RST's row.
figure 11 fig11-old-dup-syn-two-passive.scn <<'EOF'
LISTEN LISTEN
... <SEQ=200><CTL=SYN> (injected) --> SYN_RECEIVED
LISTEN <-- <SEQ=300><ACK=201><CTL=SYN,ACK> <-- SYN_RECEIVED
LISTEN --> <SEQ=201><CTL=RST> --> LISTEN
EOF

# Figure 12 (normal close sequence): line 1 is the handshake's last row.
figure 12 fig12-normal-close.scn <<'EOF'
ESTABLISHED --> <SEQ=100><ACK=300><CTL=ACK> --> ESTABLISHED
(Close)
FIN_WAIT_1 --> <SEQ=100><ACK=300><CTL=FIN,ACK> --> CLOSE_WAIT
FIN_WAIT_2 <-- <SEQ=300><ACK=101><CTL=ACK> <-- CLOSE_WAIT
(Close)
TIME_WAIT <-- <SEQ=300><ACK=101><CTL=FIN,ACK> <-- LAST_ACK
TIME_WAIT --> <SEQ=101><ACK=301><CTL=ACK> --> CLOSED
(2 MSL)
CLOSED (t=240s) CLOSED
EOF

# Figure 13 (simultaneous close sequence): the segments, dots and arrows
# of lines 2 and 3 row by row.  The figure writes each host's state once
# a line (the server's FIN-WAIT-1 on the client's FIN's row); the diagram
# writes it on the row where the host sends or receives, as the other
# figures do, so line 4's TIME-WAITs are on the ACKs' rows.
figure 13 fig13-simultaneous-close.scn <<'EOF'
(Close)
FIN_WAIT_1 --> <SEQ=100><ACK=300><CTL=FIN,ACK> ...
(Close)
CLOSING <-- <SEQ=300><ACK=100><CTL=FIN,ACK> <-- FIN_WAIT_1
... <SEQ=100><ACK=300><CTL=FIN,ACK> --> CLOSING
CLOSING --> <SEQ=101><ACK=301><CTL=ACK> ...
TIME_WAIT <-- <SEQ=301><ACK=101><CTL=ACK> <-- CLOSING
... <SEQ=101><ACK=301><CTL=ACK> --> TIME_WAIT
(2 MSL) (2 MSL)
CLOSED (t=240s) CLOSED
EOF

# The far column: where "server" starts in the header, every row's
# server state starts, and every segment's far end four columns before;
# also past row 999, whose number is a column wider.
{
	printf 'server listen\nclient connect\nsettle\n'
	i=0
	while [ $i -lt 520 ]; do
		printf 'client send 1000\ndeliver\ndeliver\n'
		i=$((i + 1))
	done
} >"$tmp/long.scn"
for f in "$src"/examples/*.scn "$src"/tests/golden/*.scn "$tmp/long.scn"; do
	"$T" script --diagram "$f" >"$tmp/out" 2>/dev/null
	if awk '
	function col(t) { return length($0) - length(t) + 1 }
	NR == 1 { want = index($0, "server"); next }
	!/^ *[0-9]+\. / { next }
	{
		t = $NF
		if (t ~ /^[A-Z_]+$/ && col(t) > 20) got = col(t)
		else if (t ~ /^(\.\.\.|-->|<--|-x)$/) got = col(t) + 4
		else next
		if (got != want) { print FILENAME ": " $0; bad = 1 }
	}
	END { exit bad }' "$tmp/out"; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL $f: the far column is not straight:"
		cat "$tmp/out"
	fi
done

echo "figure rows: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
