#!/bin/sh
# The walk of lesson-hint-zh.sh in English: lesson 08's "The FINs arrive"
# played wrongly at 80x24.  Dropping the client's FIN leaves the goal in
# reach, so nothing is said to have left the way; the hint is computed
# from the learner's world (the key that leads on first, in view; what is
# in flight, the states), u brings the author's hint back, and settling
# past CLOSING is said with u, the move that made the goal unreachable
# is named by its key, and the hint says the goal can no longer be
# reached.  A wrong typed answer in lesson 04
# is told why it is wrong.
. "${top_srcdir:-.}/tests/screen/lesson_lib.sh"
. "${top_srcdir:-.}/tests/screen/hint_lib.sh"

lesson_start "Step 1/6" lesson 8
screen_keys '$' n
screen_expect "Step 2/6"
screen_keys '$' n
screen_expect "Step 3/6: The FINs arrive"
screen_step '!' "Hint: Deliver both FINs, but not the ACKs that follow."

screen_keys z
# The goal is still in reach (the FIN is sent again): no "left the
# way"; the hint opens at its key, in view at 80x24.
hint_expect "Hint from your world: Press t: the client's retransmission" \
    "timer fires at 1 s."
hint_expect "The client resends its FIN+ACK as #6." \
    "From here the goal is 3 moves away."
hint_expect "In flight now: #5 FIN+ACK (s>c)."
screen_expect_not "Hint: Deliver both FINs"
screen_expect_not "You played"
screen_expect_not "You pressed"
hint_expect "Not yet: the client is in FIN_WAIT_1; the goal wants CLOSING"
hint_widths

screen_step u "Hint: Deliver both FINs, but not the ACKs that follow."
hint_wait_not "Hint from your world"

screen_keys e
# The hint opens first, then the feedback under it (f scrolls).
hint_expect "Hint from your world: You went past the goal." \
    "From here the goal can no longer be reached: press u to undo" \
    "your last event, or R to restart the step."
screen_keys f
hint_expect "You went past the goal: client was in CLOSING earlier in" \
    "this step and is now in TIME_WAIT. Press u to undo your last events."
hint_expect "You pressed e: everything in flight is delivered, and every" \
    "answer to it. From there the goal can no longer be reached with" \
    "this step's events. Press u, then d."
screen_keys u
hint_wait_not "You went past the goal"
screen_keys q q
screen_expect "EXITED 0"

screen_socket 1
lesson_start "Step 1/8" lesson 4
screen_keys '$' n
screen_expect "Step 2/8"
screen_keys '$' n
screen_expect "What acknowledgment number will the server send for it?"
$TMUX_CMD send-keys -l -- 5001
screen_keys Enter
screen_expect "Not right. Try again, or press \$ to see the answer."
screen_expect "That is the seq, not the ack."
exit 0
