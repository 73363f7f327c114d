#!/bin/sh
# Results that are not lost: a second instance of the same exam is locked
# out; a results directory that cannot be written stops the exam before
# the first question; on a full disk (a tiny tmpfs, when root can make one
# in a mount namespace of its own) every failed save says why, a submit
# that was not written is no submit (no report, no key), the quit prompt
# says the answers will be lost, and quitting prints the reason and exits
# with status 1.
if [ "$(id -u)" -eq 0 ] && [ -z "${EXAM_NOSAVE_NS:-}" ] &&
    command -v unshare >/dev/null 2>&1 &&
    unshare -m true 2>/dev/null; then
	EXAM_NOSAVE_NS=1 exec unshare -m --propagation private sh "$0" "$@"
fi
. "${top_srcdir:-.}/tests/screen/quiz_lib.sh"
trap 'screen_cleanup_all; umount "$QTMP/ro" "$QTMP/full" 2>/dev/null;
    rm -rf "$QTMP"' EXIT

args="--seed 7 --count 3 --no-bank --student n1 --minutes 5"
quiz_key $args
a1=$(quiz_answer 1)

# A second instance for the same student and seed.
quiz_start "Exam: question 1 of 3" exam $args --results "$QTMP/r"
screen_socket 1
quiz_start "already open in another tcpteach" exam $args \
    --results "$QTMP/r" "; echo" 'exit=$?'
screen_expect "exit=2"
screen_cleanup
screen_socket 0
screen_keys q y
screen_expect "exam --resume"
screen_cleanup

if [ -z "${EXAM_NOSAVE_NS:-}" ]; then
	echo "SKIP: full disk and read-only parts need root and unshare -m"
	exit 0
fi

# A read-only results directory: refused before the first question.
mkdir -p "$QTMP/ro" && mount -t tmpfs -o ro,size=64k tmpfs "$QTMP/ro" || {
	echo "FAIL: cannot mount a tmpfs" >&2; exit 1; }
screen_socket 2
quiz_start "Cannot use the results directory $QTMP/ro/results" exam $args \
    --results "$QTMP/ro/results" "; echo" 'exit=$?'
screen_expect "only file system"
screen_expect "exit=2"
screen_cleanup
umount "$QTMP/ro"

# A full disk: the exam starts, then the disk fills up.
mkdir -p "$QTMP/full" && mount -t tmpfs -o size=64k tmpfs "$QTMP/full" || {
	echo "FAIL: cannot mount a tmpfs" >&2; exit 1; }
screen_socket 3
quiz_start "Exam: question 1 of 3" exam $args --results "$QTMP/full/r" \
    "; echo" 'exit=$?'
f=$(ls "$QTMP"/full/r/n1-7-*.json)
quiz_file_wait "$f" '"submitted": false'
dd if=/dev/zero of="$QTMP/full/filler" bs=1k count=1000 2>/dev/null
quiz_give "$a1"
screen_expect "NOT saved (No space left on device)"
# The failure stays in sight after the next key: nothing is saved.
screen_keys n
screen_expect "Exam: question 2 of 3"
screen_expect "NOT saved: 1 of 3 answered on screen only"
screen_expect_not "Answered 1 of 3"
screen_keys S
screen_expect "Submit now?"
screen_keys y
screen_expect "NOT submitted: NOT saved (No space left on device)"
screen_expect_not "Exam submitted"
screen_expect_not "Score:"
grep -q '"submitted": false' "$f" ||
    { echo "FAIL: the file no longer says submitted: false" >&2; exit 1; }
[ ! -e "$QTMP/full/r/.$(basename "$f").submitted" ] ||
    { echo "FAIL: a receipt for a submit that failed" >&2; exit 1; }
screen_keys q
screen_expect "Quit? Your answers are NOT saved and will be lost."
screen_keys y
screen_expect "the exam is NOT submitted. Tell the person"
screen_expect "exit=1"
screen_expect_not "Your attempt is saved in"
screen_cleanup
umount "$QTMP/full"
exit 0
