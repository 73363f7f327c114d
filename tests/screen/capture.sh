#!/bin/sh
# tcpteach capture FILE on a terminal, with the shipped capture of lesson
# 16: the statistics and the connection's row, a search, Enter onto the
# ladder with both ends' final states and the captured raw numbers, m for
# relative ones, q back to the list, ? help; then the same in Chinese at
# 120x40, the capture's times in the ladder's time column, and a truncated
# capture; a FIN retransmitted to TIME_WAIT counted alike everywhere.
. "${top_srcdir:-.}/tests/screen/lib.sh"

CAP="${top_srcdir:-.}/lessons/captures/handshake-18989.pcap"

capture_start() {
	$TMUX_CMD new-session -d -x "${COLS:-80}" -y "${ROWS:-24}" \
	    "env LC_ALL=C.UTF-8 TERM=screen $TCPTEACH $* '$CAP'; sleep 30"
	$TMUX_CMD set-option -g remain-on-exit on >/dev/null 2>&1 || true
}

capture_start capture
screen_expect "Connections 1   handshakes: 1 complete, 0 incomplete"
screen_expect "Closed first by client 1, server 0   reset 0   retransmissions 0"
screen_expect "   1  127.0.0.1:50630 > 127.0.0.1:18989  10  complete  client"
# At 80 columns the row is broken where a column begins and goes on
# under the endpoints: every column keeps its value.
screen_expect "      TIME_WAIT/CLOSED  0  0 fin-ack-close"
screen_expect "      rexmit  rst  flags"
screen_expect "Connection 1: 20"
screen_expect ", +0.000000 s, lasted 0.00"
screen_keys /
screen_type "nowhere"
screen_expect 'No connection matches "nowhere".'
screen_keys /
screen_type "TIME_WAIT"
screen_keys Enter
screen_expect "T I M E _ W A I T"
screen_expect "C L O S E D"
# At 80 columns a raw label is shortened by the ladder's rule (s=, a=).
screen_expect "#2 SYN+ACK s=1739291212 a=4154114727"
screen_expect "Connection 1, replayed to its end"
screen_step m "#2 SYN+ACK seq=0 ack=1"
# The checks speak in the numbers the ladder shows (relative here).
for i in $(seq 40); do screen_keys p; done
screen_expect "step 0/37"
screen_keys Space Space Space Space Space
screen_expect "Check passed: expect inflight #1 SYN seq=0 len=0"
screen_keys q
screen_expect "Connections 1   handshakes"
screen_step '?' "search the connections"
screen_keys q
screen_expect "Connections 1   handshakes"
screen_keys q
screen_cleanup

screen_socket 1
COLS=120 ROWS=40 capture_start --lang=zh_CN capture
screen_expect "握手：完整 1，不完整 0"
screen_expect "先关闭方：客户端 1，服务器 0"
screen_expect "TIME_WAIT/CLOSED  0  0 fin-ack-close"
screen_keys Enter
screen_expect "T I M E _ W A I T"
screen_keys m
for i in $(seq 40); do screen_keys p; done
screen_expect "0/37"
screen_keys Space Space Space Space Space
screen_expect "检查通过：expect inflight #1 SYN seq=0 len=0"
screen_keys q q
screen_cleanup

# The ladder's time column shows the capture's own times (since the
# connection's first segment), as a flow graph does: the server's FIN+ACK
# was captured 0.2 s in, though the simulated clock never moves.
screen_socket 3
CAP="${top_srcdir:-.}/fuzz/corpus/pcap/real-half-close.pcap"
capture_start capture
screen_keys Enter
screen_expect "0.042931s  FIN_WAIT_2"
screen_expect "0.100417s "
screen_expect "0.200747s   TIME_WAIT"
# The status line's clock is the capture's too, at the step shown, to the
# microsecond as the time column.
screen_expect " t=0.200778s "
screen_keys q q
screen_cleanup

# A truncated file: what was read is listed, the reader's reason shows.
screen_socket 2
# Under a long path (as in a distcheck build) the reason still shows.
long="${TMPDIR:-/tmp}/tcpteach-capture.$$/a-directory-with-a-rather-long-name/and-another-level-below-it"
mkdir -p "$long"
trap 'screen_cleanup_all; rm -rf "${TMPDIR:-/tmp}/tcpteach-capture.$$"' EXIT
cp "${top_srcdir:-.}/fuzz/corpus/pcap/truncated.pcap" "$long/truncated.pcap"
CAP="$long/truncated.pcap"
capture_start capture
screen_expect "frame 8: truncated"
screen_expect "   1  127.0.0.1:50630 > 127.0.0.1:18989  7  complete"
screen_keys q
screen_cleanup

# The final ACK lost: the server's FIN again 1 s later, to the client in
# TIME_WAIT, and the ACK answering it are connection 1's on the list, in
# the statistics and on the ladder alike (9 segments, 1 retransmission).
screen_socket 4
CAP="${TMPDIR:-/tmp}/tcpteach-capture.$$/lf.pcap"
$TCPTEACH script -q --pcap "$CAP" \
    "${top_srcdir:-.}/examples/lost-final-ack.scn" >/dev/null
capture_start capture
screen_expect "retransmissions 1"
screen_expect "   1  10.0.0.1:49152 > 10.0.0.2:18989  9  complete  client  TIME_WAIT/CLOSED"
screen_expect "      1  0"
screen_keys Enter
screen_expect "#9 ACK"
screen_keys q q
screen_cleanup
screen_socket 5
COLS=120 ROWS=40 capture_start --lang=zh_CN capture
screen_expect "重传 1"
screen_expect "10.0.0.2:18989  9  完整  客户端  TIME_WAIT/CLOSED  1  0"
screen_keys q
exit 0
