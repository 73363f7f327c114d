#!/bin/sh
# set app_read manual, then the event menu's read: 100 bytes from the
# client wait at the server, the menu offers the server's read (V) and
# not the client's, and V reads them.
. "${top_srcdir:-.}/tests/screen/lib.sh"

screen_start -- --no-animation
screen_keys :
screen_type "set app_read manual"
screen_expect "step 1/1"
screen_step L "L I S T E N"
screen_step c "S Y N _ S E N T"
screen_step e "E S T A B L I S H E D"
screen_expect_not "V read"
screen_step s "len=100"
screen_step e "step 6/6"
screen_expect "V read"
screen_expect_not "v read"
screen_step V "step 7/7"
screen_expect_not "V read"
screen_keys q
exit 0
