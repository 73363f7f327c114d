#!/bin/sh
# A Chinese learner at 80x24 walks lesson 08's "The FINs arrive" wrongly:
# the feedback and the hint are in Chinese and come from their own
# world.  Dropping the client's FIN is explained from the step's own way
# (`deliver c>s`), the hint then says what is in flight and which key
# leads on, u brings the author's hint back, settling past CLOSING says
# so with u, and the hint says the goal can no longer be reached.  The
# boxes keep their borders at 80 columns (CJK widths intact).  Then a
# wrong typed answer in lesson 04 is told why it is wrong.
. "${top_srcdir:-.}/tests/screen/lesson_lib.sh"
. "${top_srcdir:-.}/tests/screen/hint_lib.sh"

lesson_start "第 1/6 步" --lang=zh_CN lesson 8
screen_keys '$' n
screen_expect "第 2/6 步"
screen_keys '$' n
screen_expect "第 3/6 步"
screen_step '!' "提示：交付两个 FIN，但不要交付随后的 ACK。"

# Wrong: the client's FIN is dropped.
screen_keys z
hint_expect "你执行的是 \`drop #4\`，" \
    "而这一步本来的做法是 \`deliver c>s\`：#4 FIN+ACK 到达服务器。"
hint_expect "按 t：客户端的重传计时器在 1 秒时到期。"
hint_expect "从这里出发，还需 3 步就能达到目标。"
screen_expect_not "提示：交付两个 FIN"
# The start of the computed hint, scrolled back to.
screen_keys b
hint_expect "根据你的模拟环境给出的提示：现在在途的报文段：#5 FIN+ACK (s>c)。"
hint_expect "客户端处于 FIN_WAIT_1，服务器处于 FIN_WAIT_1。"
hint_widths

# Undone: back on the author's path, the author's hint again.
screen_step u "提示：交付两个 FIN，但不要交付随后的 ACK。"
hint_wait_not "根据你的模拟环境"

# Past the goal: said with u, and the hint agrees.
screen_keys e
hint_expect "你已经越过了目标：客户端在这一步里曾处于 CLOSING，" \
    "现在已是 TIME_WAIT。按 u 撤销你最近的操作。"
hint_expect "你执行的是 \`settle\`，" \
    "而这一步本来的做法是 \`deliver c>s\`：#4 FIN+ACK 到达服务器。"
screen_keys b
hint_expect "根据你的模拟环境给出的提示：你已经越过了目标。" \
    "现在没有在途的报文段。"
hint_expect "从这里已经无法达到目标：" \
    "按 u 撤销你最近的操作，或按 R 重新开始这一步。"
hint_widths
screen_keys u
hint_wait_not "你已经越过了目标"
screen_keys q q
screen_expect "EXITED 0"

# A wrong typed answer is explained from the simulation: lesson 04 asks
# for the server's ack; its seq is told apart.
screen_socket 1
lesson_start "第 1/8 步" --lang=zh_CN lesson 4
screen_keys '$' n
screen_expect "第 2/8 步"
screen_keys '$' n
screen_expect "服务器对它的确认号是多少？"
$TMUX_CMD send-keys -l -- 5001
screen_keys Enter
screen_expect "✗ 不对。再试一次，或按 \$ 查看答案。"
screen_expect "这是 seq，不是 ack。"
hint_widths
exit 0
