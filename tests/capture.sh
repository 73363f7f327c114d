#!/bin/sh
# `tcpteach capture` and `script --pcap` from the command line: the shipped
# real capture listed, shown, drawn, summarised and turned into a scenario
# that replays it; lesson 16 kept in step with that scenario; bad input
# (missing, a directory, not a capture, truncated, a FIFO, no TCP, no such
# connection) with a clear message and the documented status; and a
# simulated session written with --pcap, read by tcpdump and tshark (when
# installed) and by tcpteach itself with the same states; and segments a
# TIME_WAIT end gets counted alike by --list, --stats and --show.
NAME=capture
. "${top_srcdir:-.}/tests/cli_lib.sh"
src=${top_srcdir:-.}
cap=$src/lessons/captures/handshake-18989.pcap

# The real capture: one connection, client closed first, 3-segment close.
check list 0 "$T" capture --list "$cap"
has list-line "$tmp/out" \
    "^   1  127.0.0.1:[0-9]* > 127.0.0.1:18989  10  complete  client  TIME_WAIT/CLOSED  0  0 fin-ack-close"
check default-is-list 0 "$T" capture "$cap"
has default-line "$tmp/out" "TIME_WAIT/CLOSED"
check show 0 "$T" capture --show 1 "$cap"
has show-syn "$tmp/out" "#1 c>s SYN seq=[0-9]* len=0  (frame 1)"
has show-reason "$tmp/out" "LISTEN -> SYN_RECEIVED .*\[RFC 9293 3.10.7.2\]"
has show-fin-ack "$tmp/out" "3-segment close"
has show-final "$tmp/out" "final states: client TIME_WAIT, server CLOSED"
has show-vantage "$tmp/out" "capture point: both ends are on one host"
check show-relative 0 "$T" capture --show 1 --relative "$cap"
has relative-syn "$tmp/out" "#1 c>s SYN seq=0 len=0"
has relative-data "$tmp/out" "#4 c>s PSH+ACK seq=1 ack=1 len=5"
has relative-fin "$tmp/out" "#9 s>c FIN+ACK seq=7 ack=7 len=0"
# The last ACK reaches a CLOSED server: still counted from its ISN.
has relative-last-ack "$tmp/out" "#10 c>s ACK seq=7 ack=8 len=0"
check diagram 0 "$T" capture --show 1 --diagram --relative "$cap"
has diagram-syn "$tmp/out" "SYN_SENT     --> <SEQ=0><CTL=SYN>"
has diagram-fin "$tmp/out" "TIME_WAIT    <-- <SEQ=7><ACK=7><CTL=FIN,ACK>"
has diagram-last-ack "$tmp/out" "TIME_WAIT    --> <SEQ=7><ACK=8><CTL=ACK>  "
# Ten-digit numbers widen the middle for the whole diagram: every row's
# server state starts where the header's "server" does.
check diagram-absolute 0 "$T" capture --show 1 --diagram "$cap"
if awk '/^ +client +server$/ { want = index($0, "server") }
    /^ *[0-9]+\. / && $NF ~ /^[A-Z_]+$/ &&
    length($0) - length($NF) + 1 != want { bad = 1 }
    END { exit bad || !want }' "$tmp/out"; then pass=$((pass + 1)); else
	fail=$((fail + 1)); echo "FAIL diagram-absolute: columns"
	cat "$tmp/out"; fi
check stats 0 "$T" capture --stats "$cap"
has stats-conns "$tmp/out" "^connections: *1 "
has stats-hs "$tmp/out" "1 complete, 0 incomplete"
has stats-plot "$tmp/out" "^  TIME_WAIT *|#"
# Every state either end was in, in RFC 9293's order (3.3.2), even those
# passed while segments were held (SYN_SENT, FIN_WAIT_1, CLOSE_WAIT).
rows=$(sed -n 's/^  \([A-Z_0-9]*\) *|.*/\1/p' "$tmp/out" | tr '\n' ' ')
if [ "$rows" = "LISTEN SYN_SENT SYN_RECEIVED ESTABLISHED FIN_WAIT_1 \
CLOSE_WAIT LAST_ACK TIME_WAIT " ]; then pass=$((pass + 1)); else
	fail=$((fail + 1)); echo "FAIL stats-rows: $rows"; fi

# --to-scenario replays it, and lesson 16 plays the same commands.
check to-scenario 0 "$T" capture --to-scenario 1 "$cap"
cp "$tmp/out" "$tmp/replay.scn"
check replay 0 "$T" script "$tmp/replay.scn"
has replay-final "$tmp/out" "LAST_ACK -> CLOSED"
grep -v '^#' "$tmp/replay.scn" | grep -v '^expect' | sed 's/  *# .*//' \
    >"$tmp/cmds"
sed -n 's/^\(setup\|run\|solution\): //p' "$src/lessons/en/16-capture.lesson" \
    >"$tmp/lesson"
if cmp -s "$tmp/cmds" "$tmp/lesson"; then pass=$((pass + 1)); else
	fail=$((fail + 1)); echo "FAIL lesson 16 drifted from the capture:"
	diff "$tmp/cmds" "$tmp/lesson"; fi

# Every connection of every capture in the fuzz corpus replays through
# --to-scenario with all its expects holding (truncated files included:
# what was read must replay).
for f in "$src"/fuzz/corpus/pcap/*; do
	n=$("$T" capture --stats "$f" 2>/dev/null | sed -n 's/^[^0-9]*\([0-9]*\) .*/\1/p' | head -1)
	i=1
	while [ "$i" -le "${n:-0}" ]; do
		"$T" capture --to-scenario "$i" "$f" >"$tmp/c.scn" 2>/dev/null
		if "$T" script --quiet "$tmp/c.scn" >/dev/null 2>"$tmp/c.err"
		then pass=$((pass + 1)); else
			fail=$((fail + 1))
			echo "FAIL replay of $(basename "$f") connection $i:"
			cat "$tmp/c.err"
		fi
		i=$((i + 1))
	done
done

# A half-close (the corpus's script --pcap of examples/half-close.scn):
# the client acknowledges the server's data after its FIN, so its FIN was
# shutdown(), not close() (which would have answered the data with RST),
# and the server's lone ACK of that FIN is its delayed-ACK timer's.
hc=$src/fuzz/corpus/pcap/half-close.pcap
check half-close-list 0 "$T" capture --list "$hc"
has half-close-states "$tmp/out" "  complete  client  TIME_WAIT/CLOSED  0  0 "
hasnt half-close-unmodelled "$tmp/out" "unmodelled"
check half-close-scenario 0 "$T" capture --to-scenario 1 "$hc"
has half-close-shutdown "$tmp/out" "^client shutdown  *# a half-close"
has half-close-delack "$tmp/out" "^wait timer  *# the delayed ACK"
hasnt half-close-inject "$tmp/out" "^inject"
hasnt half-close-close "$tmp/out" "^client close"

# Real Linux connections (tests/capture-fin-remake.sh made them): the
# server's data after the client's FIN is acknowledged after shutdown()
# and reset after close(); each is explained by the model's own segments.
for m in half-close:shutdown:TIME_WAIT/CLOSED:0 \
    close-data-rst:close:CLOSED/CLOSED:1; do
	IFS=: read -r name call states rst <<EOM
$m
EOM
	f=$src/fuzz/corpus/pcap/real-$name.pcap
	check "real-$name-list" 0 "$T" capture --list "$f"
	has "real-$name-states" "$tmp/out" "  complete  client  $states  0  $rst"
	hasnt "real-$name-unmodelled" "$tmp/out" "unmodelled"
	check "real-$name-scenario" 0 "$T" capture --to-scenario 1 "$f"
	has "real-$name-call" "$tmp/out" "^client $call\b"
	hasnt "real-$name-inject" "$tmp/out" "^inject"
	hasnt "real-$name-drop" "$tmp/out" "^drop"
	hasnt "real-$name-abort" "$tmp/out" "^client abort"
done

# Bad input.
check missing 2 "$T" capture "$tmp/nope.pcap"
has missing-msg "$tmp/err" "nope.pcap: No such file"
check directory 2 "$T" capture "$tmp"
has directory-msg "$tmp/err" "is a directory"
echo "a text file of more than 24 bytes, not a capture" >"$tmp/text"
check not-pcap 2 "$T" capture "$tmp/text"
has not-pcap-msg "$tmp/err" "not a capture file"
head -c 700 "$cap" >"$tmp/cut.pcap"
check truncated 1 "$T" capture "$tmp/cut.pcap"
has truncated-msg "$tmp/err" "cut.pcap: frame [0-9]*: .*truncated"
# Every mode says a cut file is cut: status 1 (capture --help).
for m in --list --stats "--show 1" "--to-scenario 1"; do
	# shellcheck disable=SC2086
	check "truncated$m" 1 "$T" capture $m "$tmp/cut.pcap"
done
# Shorter than a file header: what it is, as a file and as a pipe.
head -c 10 "$cap" >"$tmp/ten.pcap"
check too-short 2 "$T" capture --stats "$tmp/ten.pcap"
has too-short-msg "$tmp/err" \
    "ten.pcap: not a capture: only 10 bytes, a pcap file header is 24"
check too-short-pipe 2 sh -c "'$T' capture --list - <'$tmp/ten.pcap'"
has too-short-pipe-msg "$tmp/err" \
    "-: not a capture: only 10 bytes, a pcap file header is 24"
check too-short-zh 2 env LANG=zh_CN.UTF-8 LANGUAGE=zh_CN "$T" capture \
    "$tmp/ten.pcap"
has too-short-zh-msg "$tmp/err" "只有 10 字节"
check no-such-conn 2 "$T" capture --show 9 "$cap"
has no-such-conn-msg "$tmp/err" "has no connection 9 (it has 1)"
check bad-number 2 "$T" capture --show x "$cap"
check unknown-opt 2 "$T" capture --frobnicate "$cap"
check no-file 2 "$T" capture --list
# One UDP datagram in a raw-IP pcap: nothing to report, and said so.
printf '\324\303\262\241\002\000\004\000\000\000\000\000\000\000\000\000' \
    >"$tmp/udp.pcap"
printf '\377\377\000\000\145\000\000\000' >>"$tmp/udp.pcap"
printf '\000\000\000\000\000\000\000\000\034\000\000\000\034\000\000\000' \
    >>"$tmp/udp.pcap"
printf '\105\000\000\034\000\000\100\000\100\021\000\000' >>"$tmp/udp.pcap"
printf '\012\000\000\001\012\000\000\002\000\065\000\065\000\010\000\000' \
    >>"$tmp/udp.pcap"
check udp-only 0 "$T" capture "$tmp/udp.pcap"
has udp-msg "$tmp/err" "none of the 1 frames is TCP"
if mkfifo "$tmp/fifo" 2>/dev/null; then
	cat "$cap" >"$tmp/fifo" &
	check fifo 0 "$T" capture "$tmp/fifo"
	has fifo-line "$tmp/out" "TIME_WAIT/CLOSED"
	wait
fi
check stdin 0 sh -c "'$T' capture - <'$cap'"
has stdin-line "$tmp/out" "TIME_WAIT/CLOSED"

# script --pcap: the simulated session as a capture.
scn=$src/examples/fig12-normal-close.scn
check script-pcap 0 "$T" script --pcap "$tmp/sim.pcap" "$scn"
check script-pcap-two-files 2 "$T" script --pcap "$tmp/x.pcap" "$scn" "$scn"
check read-back 0 "$T" capture --show 1 --verify-checksums "$tmp/sim.pcap"
has read-back-final "$tmp/out" "final states: client TIME_WAIT, server CLOSED"
hasnt read-back-skipped "$tmp/err" "skipped"
# A FIN retransmitted to a TIME_WAIT end, and the ACK answering it, are
# connection 1's in every view: --list, --stats and --show count alike.
check lf-pcap 0 "$T" script -q --pcap "$tmp/lf.pcap" \
    "$src/examples/lost-final-ack.scn"
check lf-list 0 "$T" capture "$tmp/lf.pcap"
has lf-list-line "$tmp/out" \
    "^   1  10.0.0.1:49152 > 10.0.0.2:18989  9  complete  client  TIME_WAIT/CLOSED  1  0"
check lf-stats 0 "$T" capture --stats "$tmp/lf.pcap"
has lf-stats-rexmit "$tmp/out" "^retransmissions: *1$"
check lf-show 0 "$T" capture --show 1 "$tmp/lf.pcap"
has lf-show-frame9 "$tmp/out" "(frame 9)"
has lf-show-count "$tmp/out" "handshake complete; 1 retransmission"
# The server's FIN again and again, the last a minute after the first:
# still connection 1 (no second one without a handshake).
printf '%s\n' 'isn client 1000' 'isn server 5000' 'server listen' \
    'client connect' settle 'client close' settle 'server close' deliver \
    'wait 1min' 'dup s>c' 'wait 2min' 'wait timer' >"$tmp/tw.scn"
check tw-pcap 0 "$T" script -q --pcap "$tmp/tw.pcap" "$tmp/tw.scn"
check tw-list 0 "$T" capture "$tmp/tw.pcap"
has tw-list-line "$tmp/out" "^   1  .*  14  complete  client  TIME_WAIT/CLOSED  7  0"
hasnt tw-list-two "$tmp/out" "^   2 "
check tw-stats 0 "$T" capture --stats "$tmp/tw.pcap"
has tw-stats-conns "$tmp/out" "^connections: *1 "
has tw-stats-rexmit "$tmp/out" "^retransmissions: *7$"
check tw-show 0 "$T" capture --show 1 "$tmp/tw.pcap"
has tw-show-frame14 "$tmp/out" "(frame 14)"
has tw-show-count "$tmp/out" "handshake complete; 7 retransmission"
check tw-show-2 2 "$T" capture --show 2 "$tmp/tw.pcap"
if command -v tcpdump >/dev/null 2>&1; then
	check tcpdump 0 tcpdump -S -nr "$tmp/sim.pcap"
	has tcpdump-fin "$tmp/out" \
	    "10.0.0.1.49152 > 10.0.0.2.18989: Flags \[F.\], seq 100, ack 300"
fi
if command -v tshark >/dev/null 2>&1; then
	check tshark 0 tshark -r "$tmp/sim.pcap" \
	    -o tcp.relative_sequence_numbers:FALSE -o tcp.check_checksum:TRUE
	has tshark-synack "$tmp/out" "\[SYN, ACK\] Seq=299 Ack=100"
	has tshark-last "$tmp/out" "\[ACK\] Seq=101 Ack=301"
	hasnt tshark-checksum "$tmp/out" "INCORRECT"
	if [ "$(wc -l <"$tmp/out")" -eq 7 ]; then pass=$((pass + 1)); else
		fail=$((fail + 1)); echo "FAIL tshark: not 7 packets"; fi
else
	echo "tshark not installed: skipping the tshark checks"
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
