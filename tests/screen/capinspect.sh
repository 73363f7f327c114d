#!/bin/sh
# The tester's report item 6 at 80x24: on a replayed capture the segment
# inspector shows the frame number, the capture's time to the microsecond
# and the window as captured (the SYN of handshake-18989.pcap has 65495;
# the model's 65535 was shown), and when the segment was sent; in English
# and Chinese.
. "${top_srcdir:-.}/tests/screen/lib.sh"

CAP="${top_srcdir:-.}/lessons/captures/handshake-18989.pcap"

cap_start() {
	$TMUX_CMD new-session -d -x 80 -y 24 \
	    "env LC_ALL=C.UTF-8 TERM=screen NO_COLOR=1 $TCPTEACH $* \
	    capture '$CAP'; sleep 30"
	$TMUX_CMD set-option -g remain-on-exit on >/dev/null 2>&1 || true
}

cap_start
screen_expect "Connections 1"
screen_keys Enter
screen_expect "T I M E _ W A I T"
# Item 7: the time column has the capture's microseconds (the whole
# connection lasts 0.2 ms; it showed 0s), the status clock too.
screen_expect "0.000014s ESTABLISHED"
screen_expect "0.000184s "
screen_expect " t=0.000"
screen_expect_not " t=0.000s "
# Home, then Down: the oldest arrow in view, #1.
screen_keys Home
screen_expect "newer below (End)"
screen_keys Down
screen_expect "#1  u undo  ? help  q quit"
screen_step Enter "Segment #1, client to server"
screen_expect "frame 1 of the capture, at +0.000000 s"
screen_expect "payload 0 bytes, window 65495 as captured"
screen_expect_not "window 65535"
screen_expect "sent at t=0.000s, arrived at t=0.000s"
screen_step Right "Segment #2, server to client"
screen_expect "frame 2 of the capture, at +0.000014 s"
screen_expect "window 65483 as captured"
screen_keys q q q
screen_cleanup

screen_socket 1
cap_start --lang=zh_CN
screen_expect "握手"
screen_keys Enter
screen_expect "T I M E _ W A I T"
screen_keys Home
screen_keys Down
screen_step Enter "报文段 #1，客户端发往服务器"
screen_expect "抓包中的第 1 帧，时间 +0.000000 秒"
screen_expect "载荷 0 字节，窗口 65495（抓包所见）"
screen_keys q q q
exit 0
