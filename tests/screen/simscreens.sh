#!/bin/sh
# The simulator's own screens at 80x24 (tester's report items 13-15):
# Tab at the : line lists what may follow (se: seed set settle; set:
# the setting names); a line with a mistake closes, so the next : starts
# empty; ? lists each key once, the what-if digits under their own
# heading, no key list cut; E opens with the newest step on the bottom
# row and the screen full above it.  English, then Chinese.
. "${top_srcdir:-.}/tests/screen/lib.sh"

last_line() {
	screen_capture | tail -n 1
}

screen_start -- --no-animation
screen_keys : s e Tab
screen_expect "seed  set  settle"
screen_keys C-u
$TMUX_CMD send-keys -l -- "set "
screen_keys Tab
screen_expect "syn_retries"
screen_expect "delayed_ack"
screen_keys Escape

screen_keys :
screen_type "wait 99999999999999999999999ms"
screen_expect ":wait 99999999999999999999999ms  column 6"
screen_keys :
screen_wait "XX" 10
[ "$(last_line)" = ":" ] || { screen_capture; exit 1; }
$TMUX_CMD send-keys -l -- "bogus"
screen_keys Enter
screen_expect ":bogus  column 1"
screen_expect_not "ms:bogus"

# Thirteen steps: more than a screen of log.  The newest step is at the
# bottom, the first one scrolled away.
screen_keys L c d d s d S d x d X d e
screen_expect "step 13/13"
screen_keys E
screen_expect "Step 13: settle"
screen_expect_not "Step 1: server listen"
screen_keys Home
screen_expect "Step 1: server listen"
screen_keys End
screen_wait "XX" 10
screen_expect_not "Step 1: server listen"
screen_keys q q
screen_socket 1

screen_start -- --lang=zh_CN --no-animation
screen_keys :
screen_type "bogus"
screen_expect ":bogus  第 1 列"
screen_keys q
screen_socket 2

# The whole help on one tall screen.
ROWS=90 screen_start -- --no-animation
screen_keys '?'
screen_expect "While the what-if switches are open (o; Esc or q closes"
screen_expect " r ^R Space n Right"
screen_expect " Up Down        select the arrow"
screen_expect " 1              what-if: rfc9293 or linux timers"
screen_expect_not "Tab Down"
screen_keys x q
screen_socket 3

ROWS=90 screen_start -- --lang=zh_CN --no-animation
screen_keys '?'
screen_expect "假设开关打开时"
screen_expect " r ^R Space n Right"
screen_keys x q
exit 0
