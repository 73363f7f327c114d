#!/bin/sh
# The tester's report on issue 13, items 3 and 8 at 80x24: the "newer
# below" marker has a row of its own and never sits on an arrow label (it
# made "ack=901" read "ack=9"); the status line keeps "? help", "q quit",
# the clock and every what-if switch set, abbreviated by one rule, in
# English and Chinese; a capture's replay keeps them too.
. "${top_srcdir:-.}/tests/screen/lib.sh"

# The marker's row: between the time lines only the marker, no label.
marker_alone() {
	line=$(screen_capture | grep -F -- "$1")
	case $line in
	*"│"*"#"*"$1"*|*"$1"*"#"*"│"*|*"seq="*|*"ack="*|*"──"*|"")
		echo "FAIL: the marker shares its row or is missing: $line" >&2
		screen_capture >&2
		exit 1 ;;
	esac
}

screen_start NO_COLOR=1 -- --no-animation
screen_keys L c e s e s e s e s e s e x e X e
screen_expect "step 17/17"
screen_keys Home
screen_expect "10 newer below (End)"
marker_alone "newer below (End)"
screen_expect "#7 ACK seq=1 ack=201"
# Up the ladder to #7: still above the marker's row.
screen_keys End Up Up Up Up Up Up Up Up Up Up Up Up
screen_expect "Enter inspect #"
marker_alone "newer below (End)"
screen_keys q
screen_cleanup

# Switches at 80 columns: help and quit stay, every switch stays.
screen_socket 1
screen_start NO_COLOR=1 -- --no-animation
screen_keys o 1 2 3 4 Escape L c
screen_expect "#1 SYN"
screen_expect " step 2/2 t=0.000s linux no TW 2-way no delACK"
screen_expect "u undo  ? help  q quit"
# An arrow selected: the switches stay beside "Enter inspect".
screen_keys Up
screen_expect "no TW 2-way no delACK"
screen_expect "Enter #1  u undo  ? help  q quit"
screen_keys q
screen_cleanup

# The same in Chinese: no lone 无 left behind, help and quit in sight.
screen_socket 2
screen_start NO_COLOR=1 -- --no-animation --lang=zh_CN
screen_keys o 1 2 3 4 Escape L c
screen_expect "无 TW 两次握手 无延迟确认"
screen_expect "? 帮助  q 退出"
screen_keys Up
screen_expect "无 TW 两次握手 无延迟确认"
screen_expect "Enter #1  u 撤销  ? 帮助  q 退出"
screen_expect_not "检查 #1"
# With room, the selection's key is 查看 (inspect), not 检查 (a check).
screen_keys R
screen_expect "第 0/"
screen_keys L c Up
screen_expect "Enter 查看 #1"
screen_keys q
screen_cleanup

# A capture's replay with its checks: the parts stay apart and "q quit"
# is whole.
screen_socket 3
$TMUX_CMD new-session -d -x 80 -y 24 \
    "env LC_ALL=C.UTF-8 TERM=screen $TCPTEACH capture \
    '${top_srcdir:-.}/fuzz/corpus/pcap/real-half-close.pcap'; sleep 30"
screen_expect "Connections 1"
screen_keys Enter
screen_expect "T I M E _ W A I T"
screen_expect "  checks 21 ok, 0 failed"
screen_expect "? help  q quit"
screen_expect_not "failed u undo"
screen_keys q q
screen_cleanup

# Lecture mode with checks: "? help  q quit" stay whole (they were cut
# after "checks 7 ok, 0 failed Space/p step  j jump").
screen_socket 4
screen_start NO_COLOR=1 -- play --no-animation \
    "${top_srcdir:-.}/examples/lost-final-ack.scn"
screen_keys Space Space Space Space Space Space Space Space Space Space
screen_expect " ok, 0 failed"
screen_expect "Space/p step  j jump  ? help  q quit"
screen_keys Up
screen_expect "#"
screen_expect "? help  q quit"
screen_keys q
exit 0
