#!/bin/sh
# What the words say, from the command line (tester round 5, items 2, 6,
# 7, 8): counts of one are singular in English; a diagram writes every
# time in seconds, an expired segment's row with its time; a byte that is
# not UTF-8 is named where it is; and the same in Chinese where the text
# is translated.
NAME=wording
. "${top_srcdir:-.}/tests/cli_lib.sh"
src=${top_srcdir:-.}

# One retransmitted FIN: "1 retransmission", not "1 retransmissions".
check pcap 0 "$T" script -q --pcap "$tmp/lf.pcap" \
    "$src/examples/lost-final-ack.scn"
check show 0 "$T" capture --show 1 "$tmp/lf.pcap"
has show-one-rexmit "$tmp/out" "; 1 retransmission, 0 resets$"
hasnt show-no-plural-one "$tmp/out" " 1 retransmissions"
check show-zh 0 "$T" --lang=zh_CN capture --show 1 "$tmp/lf.pcap"
has show-zh-counts "$tmp/out" "；重传 1 次，复位 0 次$"
# The reason is Chinese text in full-width brackets; the host column stays
# the scenario's word (doc/glossary-zh_CN.md).
has show-zh-reason "$tmp/out" "^            client  CLOSED -> SYN_SENT（主动打开，发送 SYN） \[RFC 9293 3.10.1\]$"
# Each frame's states line is Chinese prose, as the heading above it.
has show-zh-states "$tmp/out" "^            = 客户端 TIME_WAIT，服务器 CLOSED$"
hasnt show-zh-english-states "$tmp/out" "= client "
check trace-zh 0 "$T" --lang=zh_CN script "$src/examples/lost-final-ack.scn"
has trace-zh-reason "$tmp/out" "server  CLOSED -> LISTEN（被动打开，等待 SYN）"
hasnt trace-zh-ascii-paren "$tmp/out" " (被动打开"

# A diagram's times are all seconds: no "1min" beside "63s" and
# "120001ms"; the dup that expires with another says when too.
cat >"$tmp/tw.scn" <<'SCN'
isn client 1000
isn server 5000
server listen
client connect
settle
client close
settle
server close
deliver
wait 1min
dup s>c
wait 2min
wait timer
SCN
check diagram 0 "$T" script --diagram "$tmp/tw.scn"
has diagram-60s "$tmp/out" "(dup #8) (t=60s)"
has diagram-63s "$tmp/out" "(rexmit) (t=63s)"
has diagram-ms "$tmp/out" "(expired) (t=120.001s)"
has diagram-dup-expired "$tmp/out" "(dup #8) (expired) (t=121.001s)"
has diagram-2msl "$tmp/out" "CLOSED           (t=240s)"
hasnt diagram-min "$tmp/out" "min)"
hasnt diagram-ms-unit "$tmp/out" "[0-9]ms)"

# A byte that is not UTF-8 is named at its column, in both languages.
printf 'server listen\377\376\n' >"$tmp/badutf.scn"
check badutf 2 "$T" script "$tmp/badutf.scn"
has badutf-msg "$tmp/err" "badutf.scn:1:14: invalid UTF-8 byte 0xff$"
hasnt badutf-not-unknown "$tmp/err" "unknown command"
check badutf-zh 2 "$T" --lang=zh_CN script "$tmp/badutf.scn"
has badutf-zh-msg "$tmp/err" "badutf.scn:1:14: .*UTF-8.*0xff"

# The man page's limits: a named scenario file is read as it runs, with
# no size limit; what stops a 65 MiB file of NULs is its first line's
# length (64 KiB), not its size.
if truncate -s 65M "$tmp/big.scn" 2>/dev/null; then
	check big-file 2 "$T" script "$tmp/big.scn"
	has big-file-line "$tmp/err" "big.scn:1: the line is longer than 64 KiB$"
	hasnt big-file-size "$tmp/err" "larger than"
	rm -f "$tmp/big.scn"
fi

# An exam question with no write does not explain "0 for the write".
check exam-key 0 "$T" exam --seed 42 --count 6 --key
has exam-key-nowrite "$tmp/out" "^   3 for the handshake and 1 for the end; nothing is written\. An abort"
hasnt exam-key-zero-write "$tmp/out" "0 without one"
check exam-key-zh 0 "$T" --lang=zh_CN exam --seed 42 --count 6 --key
has exam-key-zh-nowrite "$tmp/out" "握手 3 个，结束阶段 1 个；没有写入数据。"

# quiz --plain fed from a pipe writes each answer after its prompt, so a
# saved transcript does not read "Your answer: Not quite".
printf 'z\nB\n' >"$tmp/answers"
check plain-echo 0 sh -c "\"\$0\" quiz --plain --seed 3 --count 1 --no-bank \
    <\"\$1\"" "$T" "$tmp/answers"
has plain-echo-refused "$tmp/out" "^Your answer: z$"
has plain-echo-answer "$tmp/out" "^Your answer: B$"
hasnt plain-echo-verdict "$tmp/out" "^Your answer: Right"

# The lab refuses a crash once, without "crash:" doubled after the quoted
# command; where no lab can be made (status 2) this part is left out.
printf 'server listen\nclient connect\nsettle\nclient crash\n' \
    >"$tmp/crash.scn"
"$T" --lang=zh_CN script --lab --quiet "$tmp/crash.scn" >"$tmp/out" \
    2>"$tmp/err.crash"
rc=$?
printf 'server listen\nclient connect\nsettle\nclient close\nsettle\n' \
    >"$tmp/plain.scn"
case $rc in
2)	echo "SKIP lab-crash: the kernel lab cannot run here" ;;
1)	# script --lab --diagram draws the kernels' segments, times in
	# seconds like the simulator's diagram.
	check lab-diagram 0 "$T" script --lab --diagram "$tmp/plain.scn"
	has lab-diagram-syn "$tmp/out" "SYN_SENT     --> <SEQ=[0-9]*><CTL=SYN>"
	has lab-diagram-time "$tmp/out" "(t=0\.[0-9]*s)"
	has lab-crash-zh "$tmp/err.crash" \
	    "crash.scn:4: 真实的内核不会悄无声息地忘掉它的连接，所以实验室无法让主机崩溃$"
	hasnt lab-crash-zh-doubled "$tmp/err.crash" "crash："
	# --compare's totals line counts one segment in the singular.
	printf 'client connect\n' >"$tmp/one.scn"
	check compare-one 0 "$T" script --compare "$tmp/one.scn"
	has compare-one-singular "$tmp/out" \
	    "^# core: 1 segment sent, client SYN_SENT, server CLOSED | kernel: 1 segment sent,"
	has compare-one-summary "$tmp/out" \
	    ": 1 command, 0 differences, 0 known$"
	;;
*)	fail=$((fail + 1)); echo "FAIL lab-crash: status $rc" ;;
esac

echo "wording: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
