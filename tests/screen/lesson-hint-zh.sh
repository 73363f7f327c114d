#!/bin/sh
# A Chinese learner at 80x24 walks lesson 08's "The FINs arrive" wrongly:
# the feedback and the hint are in Chinese and come from their own
# world.  Dropping the client's FIN leaves the goal in reach (no "left
# the way"), the hint opens at the key that leads on and says what is in
# flight, u brings the author's hint back, settling past CLOSING says so
# with u and names the key that made the goal unreachable, and the hint
# says the goal can no longer be reached.  The
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

# The client's FIN is dropped: the goal is still in reach, nothing is
# said to have left the way, and the hint opens at its key.
screen_keys z
hint_expect "根据你的模拟环境给出的提示：按 t：客户端的重传计时器在 1 秒时到期。"
hint_expect "从这里出发，还需 3 步就能达到目标。"
hint_expect "现在在途的报文段：#5 FIN+ACK (s>c)。"
screen_expect_not "提示：交付两个 FIN"
screen_expect_not "你执行的是"
screen_expect_not "你按了"
hint_expect "尚未完成：客户端处于 FIN_WAIT_1；目标要求 CLOSING"
hint_widths

# Undone: back on the author's path, the author's hint again.
screen_step u "提示：交付两个 FIN，但不要交付随后的 ACK。"
hint_wait_not "根据你的模拟环境"

# Past the goal: the hint first, then (f) the feedback, said with u,
# and the key that made the goal unreachable.
screen_keys e
hint_expect "根据你的模拟环境给出的提示：你已经越过了目标。" \
    "从这里已经无法达到目标：" \
    "按 u 撤销你最近的操作，或按 R 重新开始这一步。"
screen_keys f
hint_expect "你已经越过了目标：客户端在这一步里曾处于 CLOSING，" \
    "现在已是 TIME_WAIT。按 u 撤销你最近的操作。"
hint_expect "你按了 e：所有在途的报文段以及由此引出的应答全部交付。" \
    "从那一步起，用这一步的操作已经无法达到目标。按 u，再按 d。"
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
