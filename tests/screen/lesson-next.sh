#!/bin/sh
# The lesson screen as a student meets it at 80x24: a flags question
# answered by just typing FIN+ACK (no simulator key runs), a step that
# opens at the top of its text with `q list` still in the key bar, going
# past a goal and undoing it, and the end of a lesson offering the next
# one, which Enter opens with no leftover "complete" message.
. "${top_srcdir:-.}/tests/screen/lesson_lib.sh"

lesson_start "Step 1/9" lesson 1
screen_step n "Step 2/9: A first segment"
screen_expect "Which flags will the client's first segment carry?"
$TMUX_CMD send-keys -l -- "FIN+ACK"
screen_expect "Answer (flags, e.g. FIN+ACK): FIN+ACK"
screen_keys Enter
screen_expect "Not right. Try again"
# No key reached the simulator: the client has sent nothing, the server
# neither listens nor was aborted.
screen_expect_not "#2"
screen_expect "Lesson 01, step 2/9"

# Every step solved by $, then n; the end offers lesson 02.
screen_keys '$' n
for s in 3 4 5 6 7 8 9; do
	screen_expect "Step $s/9"
	screen_keys '$' n
done
screen_expect "Lesson complete!"
screen_expect "Next: lesson 02, “The three-way handshake”. Press Enter"
screen_expect "Enter next lesson"
screen_step Enter "Step 1/11: Someone must be listening"
screen_expect "Lesson 02, step 1/11"
screen_expect_not "complete"
screen_keys q
screen_expect "1 of"

# Lesson 03 step 3: more text than the panel; it opens at its top, and
# the key bar keeps q list beside f/b scroll.
screen_keys Down Enter
screen_expect "Step 1/10"
screen_keys n n n
screen_expect "Step 3/10"
screen_expect "(recovery from an old duplicate SYN)"
screen_expect "q list  f/b scroll"
screen_keys q q
screen_expect "EXITED 0"

# Lesson 08: settling goes past CLOSING; the panel says so, u undoes.
screen_socket 1
lesson_start "Step 1/6" lesson 8
screen_keys '$' n
screen_expect "Step 2/6"
screen_keys '$' n
screen_expect "Step 3/6: The FINs arrive"
screen_expect "Goal: Get both hosts into CLOSING"
screen_step e "You went past the goal: client was in CLOSING"
screen_expect "Press u"
screen_keys u
screen_wait "You went past" 10 && {
	echo "FAIL: the message stays after u" >&2; screen_capture >&2; exit 1; }
# Past it again, then n twice: the next step says the world was replaced.
screen_step e "You went past the goal"
screen_keys n n
screen_expect "Step 4/6"
screen_expect "Your events were set aside"

# The list at 120x40 uses its width: every summary is read in full, on a
# second line, instead of being cut after its first words.
screen_socket 2
COLS=120 ROWS=40 lesson_start "of" lessons
screen_expect "Six of the eight control flags, the sequence number and the"
screen_expect "acknowledgment number."
screen_expect "how the third segment defeats it, and"
screen_expect "what happens without it."
exit 0
