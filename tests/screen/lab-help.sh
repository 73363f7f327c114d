#!/bin/sh
# The lab's help in Chinese (tester round 5, item 6): the mouse's key is
# named in Chinese (单击, not "click"), the ladder is 时序图 on every line
# (never 梯形图), and no crash keys (k/K) are offered, since the lab always
# refuses a crash.  The simulator's own help still offers them.  Skipped
# (77) where the lab's namespaces cannot be made.
. "${top_srcdir:-.}/tests/screen/lib.sh"

screen_need_lab

# help_all FILE: every page of the open help, into FILE.
help_all() {
	: >"$1"
	for _p in 1 2 3 4 5 6; do
		screen_capture >>"$1"
		screen_keys NPage
		sleep 0.3
	done
}
fail_in() {
	echo "FAIL: $1" >&2
	cat "$2" >&2
	exit 1
}

out=${TMPDIR:-/tmp}/lab-help.$$
trap 'rm -f "$out"; screen_cleanup_all' EXIT
help_title="其他任意键关闭"

COLS=120 ROWS=40 screen_start -- --lang=zh_CN lab --no-animation
screen_step '?' "$help_title"
help_all "$out"
grep -q "单击" "$out" || fail_in "the click key should read 单击" "$out"
! grep -q "click" "$out" || fail_in "'click' left in English" "$out"
! grep -q "梯形图" "$out" || fail_in "the ladder is 时序图, not 梯形图" "$out"
! grep -q "主机崩溃" "$out" || fail_in "the lab offers a crash" "$out"
grep -q "时序图最新的一行" "$out" || fail_in "newest row of the 时序图" "$out"
screen_cleanup

screen_socket 1
# The simulator can crash a host: its help keeps k and K.
COLS=120 ROWS=40 screen_start -- --lang=zh_CN --no-animation
screen_step '?' "$help_title"
help_all "$out"
grep -q "主机崩溃" "$out" || fail_in "the simulator's help lost the crash" "$out"
echo "lab-help: ok"
