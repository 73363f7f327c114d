#!/bin/sh
# A whole lesson by keys: lesson 02 (the handshake) from the list, every
# task done with the simulator's event keys and every question answered
# (typed numbers, a choice, an ordering), checking the step panel, the
# "not yet" and done feedback, the completion, and the list's mark after.
. "${top_srcdir:-.}/tests/screen/lesson_lib.sh"
# The course size, so that a new lesson does not break this test.
nles=$(ls "${top_srcdir:-.}"/lessons/en/*.lesson | wc -l)

lesson_start "0 of $nles done" lessons
screen_expect "02  The three-way handshake"
screen_keys Down Enter
screen_expect "Step 1/11: Someone must be listening"
screen_expect "Task: Make the server listen."
screen_expect "! hint"

# Step 1: a wrong event first, then a hint, then the right one.
screen_step c "Not yet: the server is in CLOSED; the goal wants LISTEN"
screen_step u "Lesson 02, step 1/11"
screen_step ! "Hint: The server's menu has"
screen_step L "Done — press n for the next step."

# Step 2: the client connects.
screen_step n "Step 2/11: The client calls connect()"
screen_expect "Task: Make the client connect."
screen_step c "Done — press n for the next step."

# Step 3: a typed number; a wrong one first.
screen_step n "Step 3/11"
screen_expect "what acknowledgment number will the server send?"
screen_keys Enter
screen_expect "Answer (a number):"
screen_type "1000"
screen_expect "Not right. Try again"
screen_keys 1
screen_type "001"
screen_expect "Right!"
screen_expect "J+1 = 1001"

# Step 4: deliver the SYN.
screen_step n "Step 4/11: Second segment"
screen_step d "Done — press n for the next step."

# Step 5: the client's ack.
screen_step n "Step 5/11"
screen_keys Enter
screen_type "5001"
screen_expect "Right!"

# Step 6: a choice on the ISNs; 1 is wrong, 2 is right.
screen_step n "Step 6/11: Two ISNs, each side its own"
screen_step 1 "Not right. Try again"
screen_step 2 "Right!"

# Step 7: deliver the SYN+ACK.
screen_step n "Step 7/11: Third segment"
screen_step d "Done — press n for the next step."

# Step 8: a choice; 1 is wrong, 2 is right.
screen_step n "Step 8/11"
# The panel opens at the top of the step's text; f shows the choices.
screen_expect "connect() has returned in the client"
screen_step f "2) SYN_RECEIVED"
screen_step 1 "Not right. Try again"
screen_step 2 "Right!"

# Step 9: the goal, reached by delivering the last ACK.
screen_step n "Step 9/11: Hold the ACK back"
screen_expect "Goal: Get the server into ESTABLISHED"
screen_step d "Done — press n for the next step."

# Step 10: the kernel, not accept(), completes the handshake: 1 is right.
screen_step n "Step 10/11: The kernel does the handshake"
screen_step 1 "Right!"

# Step 11: the ordering, shown shuffled: press the items in order.
screen_step n "Step 11/11"
screen_expect "Put the handshake in order."
for item in "the server calls listen" "the client calls connect" \
    "the server sends SYN+ACK" "the client enters ESTABLISHED" \
    "the server enters ESTABLISHED"; do
	k=$(lesson_item "$item")
	[ -n "$k" ] || { echo "FAIL: no item '$item'" >&2; screen_capture >&2
	    exit 1; }
	screen_keys "$k"
	[ "$item" != "the server calls listen" ] ||
	    screen_expect "$k) $item() and enters LISTEN  [1]"
done
screen_expect "Right!"
screen_expect "Three segments: SYN, SYN+ACK, ACK."

# The end: completion, then the list with the done mark.
screen_step n "Lesson complete!"
screen_step n "Lesson 02 complete: The three-way handshake."
screen_expect "1 of $nles done"
if ! screen_capture | grep -q "✓  02  The three-way handshake"; then
	echo "FAIL: no done mark for lesson 02" >&2
	screen_capture >&2
	exit 1
fi
lesson_progress | grep -qx "02-handshake 1 done 1-11" || {
	echo "FAIL: progress file:" >&2; lesson_progress >&2; exit 1; }
screen_keys q
screen_expect "EXITED 0"
exit 0
