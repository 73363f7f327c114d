#!/bin/sh
# The tester's report item 9, the interface's part, at 80x24 in Chinese:
# the crossing sentence is translated (src/ui/view.c was missing from
# po/POTFILES.in), the inspector's heading has no stray spaces and says
# when the segment was sent, the inspector is 查看 (检查 is an expect
# check), and an English timer name stands one space from Chinese.
. "${top_srcdir:-.}/tests/screen/lib.sh"

screen_start NO_COLOR=1 -- --no-animation --lang=zh_CN
screen_keys L c + d
screen_expect "#2 和 #3 在线路上交叉：每一个都在对方到达之前就已发出。"
screen_expect_not "cross on the wire"
screen_keys Up
screen_expect "Enter 查看 #3"
screen_keys Enter
screen_expect "报文段查看器"
screen_expect "报文段 #3，服务器发往客户端"
screen_expect "发送于 t=0.000s，尚未到达"
screen_expect_not "客户端 发往"
screen_keys q
screen_cleanup

screen_socket 1
screen_start NO_COLOR=1 -- --no-animation --lang=zh_CN
screen_keys L c e x e X e t
screen_expect "客户端的 TIME_WAIT 2MSL 计时器到期。"
screen_expect_not "的TIME_WAIT"
screen_expect "240.000s"
screen_keys q
exit 0
