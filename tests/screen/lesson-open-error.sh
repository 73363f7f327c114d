#!/bin/sh
# A lesson that cannot be opened says why under the list, and only there:
# opening another lesson afterwards does not repeat that note in its
# panel, which opens at the top of its first step.  A scratch copy of the
# lessons holds a broken 17-broken.lesson (an unknown keyword, line 6).
. "${top_srcdir:-.}/tests/screen/lesson_lib.sh"

data=$LESSON_STATE/data
mkdir -p "$data"
cp -R "${top_srcdir:-.}/lessons" "$data/lessons"
printf '%s\n' "title: Broken" "summary: Does not parse." "" \
    "step: One" "say: Text." "bogus-key: x" \
    >"$data/lessons/en/17-broken.lesson"
LESSON_ENV="TCPTEACH_DATADIR=$data"

lesson_start "17  17-broken (cannot be read)" lessons
screen_keys End Enter
screen_expect "Cannot open lesson 17-broken: line 6:"
screen_keys Home Enter
screen_expect "Step 1/9: What we look at"
screen_expect "A TCP header has many fields"
screen_expect_not "Cannot open lesson"
screen_step q "Header fields that matter"
screen_expect_not "Cannot open lesson"
screen_keys q
screen_expect "EXITED 0"
exit 0
