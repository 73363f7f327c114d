#!/bin/sh
# A what-if exam question as the student sees it, in English and Chinese:
# the stem names the steps that run after the line "# then:", and the
# listing on screen shows that line with exactly those steps under it (the
# stem once said "Then these steps run: deliver; deliver." above a listing
# that ended with other steps).
. "${top_srcdir:-.}/tests/screen/quiz_lib.sh"

# The two lines under "# then:" on screen, joined: "deliver; deliver".
then_steps() {
	screen_capture | sed -n '/^   # then:$/,$p' | sed -n '2,3p' |
	    sed 's/^ *//; s/ *$//' | paste -s -d ';' - | sed 's/;/; /g'
}

args="--seed 1 --count 1 --no-bank --topic timewait"
"$TCPTEACH" exam $args --print | grep -q "^1\. TIME_WAIT is switched off" || {
	echo "FAIL: seed 1 no longer gives a what-if question" >&2; exit 1; }
quiz_start "Exam: question 1 of 1" exam $args
screen_expect 'run up to the line "# then:"; then the steps listed after it'
screen_expect "   # then:"
screen_expect " deliver. What happens?"
[ "$(then_steps)" = "deliver; deliver" ] || {
	echo "FAIL: steps under '# then:': $(then_steps)" >&2; exit 1; }
screen_cleanup
screen_socket 1
quiz_start "第 1 题，共 1 题" exam $args --lang zh_CN
screen_expect "已执行到“# then:”这一行为止；"
screen_expect "步骤：deliver; deliver。会发生什么？"
screen_expect "   # then:"
[ "$(then_steps)" = "deliver; deliver" ] || {
	echo "FAIL: zh steps under '# then:': $(then_steps)" >&2; exit 1; }
exit 0
