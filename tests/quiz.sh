#!/bin/sh
# The quiz and exam command lines: exit statuses, FILE:LINE:COLUMN errors,
# byte-identical exams for one seed, and the exports as other tools see
# them (xmllint when installed, Anki's header lines).
set -u
: "${TCPTEACH:?}" "${TCPTEACH_DATADIR:?}"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fails=0 checks=0

ok() { checks=$((checks + 1)); }
bad() { checks=$((checks + 1)); fails=$((fails + 1)); echo "FAIL: $*"; }
status() {	# status WANT CMD...
	want=$1; shift
	"$@" >"$tmp/out" 2>"$tmp/err"; got=$?
	if [ "$got" -eq "$want" ]; then ok; else
		bad "exit $got, want $want: $*"; cat "$tmp/err"; fi
}

status 0 "$TCPTEACH" quiz --check
status 0 "$TCPTEACH" quiz --check "$TCPTEACH_DATADIR"/lessons/en/bank/rst.quiz
printf '[x]\ntopic: handshake\nask: q\nright: r\nwrong: w\nwrong: w\nexplain: e\n' \
    >"$tmp/bad.quiz"
status 2 "$TCPTEACH" quiz --check "$tmp/bad.quiz"
grep -q "^$tmp/bad.quiz:6:1: " "$tmp/err" && ok || bad "no FILE:LINE:COLUMN"
status 2 "$TCPTEACH" quiz --check "$tmp/missing.quiz"
status 2 "$TCPTEACH" exam --count 3 --print
status 2 "$TCPTEACH" exam --seed x --print
status 2 "$TCPTEACH" exam --seed 1 --topic nope --print
status 2 "$TCPTEACH" exam --seed 1 --count 0 --print
status 2 "$TCPTEACH" exam --seed 1 --export pdf
status 2 "$TCPTEACH" exam --seed 1 --format html --print
status 2 "$TCPTEACH" exam --seed 1 --bogus
status 0 "$TCPTEACH" exam --help

for f in "--print" "--print --format md" "--key" "--export gift" \
    "--export moodle-xml --penalty" "--export anki"; do
	# shellcheck disable=SC2086
	"$TCPTEACH" exam --seed 2024 --count 12 --student s1 $f >"$tmp/a"
	# shellcheck disable=SC2086
	"$TCPTEACH" exam --seed 2024 --count 12 --student s1 $f >"$tmp/b"
	# shellcheck disable=SC2086
	"$TCPTEACH" exam --seed 2024 --count 12 --student s2 $f >"$tmp/c"
	cmp -s "$tmp/a" "$tmp/b" && ok || bad "$f differs for one seed"
	cmp -s "$tmp/a" "$tmp/c" && bad "$f same for two students" || ok
done

"$TCPTEACH" exam --seed 5 --count 20 --export moodle-xml >"$tmp/m.xml"
if command -v xmllint >/dev/null 2>&1; then
	xmllint --noout "$tmp/m.xml" && ok || bad "xmllint rejects Moodle XML"
else
	echo "SKIP: xmllint not installed (apt-get install libxml2-utils)"
fi
grep -q '<question type="multichoice">' "$tmp/m.xml" && ok || bad "no multichoice"

"$TCPTEACH" exam --seed 5 --count 5 --export anki >"$tmp/a.txt"
head -4 "$tmp/a.txt" | tr '\t' ' ' >"$tmp/h"
printf '#separator:tab\n#html:false\n#columns:Front Back Tags\n#tags column:3\n' |
    cmp -s - "$tmp/h" && ok || bad "Anki header lines"

"$TCPTEACH" exam --seed 8 --count 4 --topic timewait --export gift \
    >"$tmp/g.txt" && ok || bad "topic export"
grep -q '^::Q4 ' "$tmp/g.txt" && ok || bad "GIFT has no 4th question"

# A broken bank file stops every mode with FILE:LINE:COLUMN and exit 2,
# so the printed paper always matches what the students get.
mkdir -p "$tmp/dd/lessons/en" &&
    cp -R "$TCPTEACH_DATADIR/lessons/en/bank" "$tmp/dd/lessons/en/" &&
    printf '[broken' >>"$tmp/dd/lessons/en/bank/rst.quiz"
nl=$(wc -l <"$tmp/dd/lessons/en/bank/rst.quiz")
for f in "--print" "--key" "--export gift" "--export moodle-xml" \
    "--export anki" ""; do
	# shellcheck disable=SC2086
	TCPTEACH_DATADIR="$tmp/dd" status 2 "$TCPTEACH" exam --seed 1 $f \
	    </dev/null
	grep -q "/rst.quiz:$((nl + 1)):8: " "$tmp/err" && ok ||
	    bad "exam $f: no FILE:LINE:COLUMN for a broken bank"
	[ -s "$tmp/out" ] && bad "exam $f printed with a broken bank" || ok
done
TCPTEACH_DATADIR="$tmp/dd" status 2 "$TCPTEACH" quiz --plain --seed 1 \
    </dev/null
TCPTEACH_DATADIR="$tmp/dd" status 0 "$TCPTEACH" exam --seed 1 --no-bank \
    --print

# The grader: nothing to grade is exit 2, with the reason.
mkdir -p "$tmp/empty"
status 2 "$TCPTEACH" exam --grade "$tmp/empty"
grep -q "no attempt files" "$tmp/err" && ok || bad "grade: no reason"
status 2 "$TCPTEACH" exam --grade "$tmp/missing"
status 2 "$TCPTEACH" exam --grade
printf '{"format": "x"}\n' >"$tmp/empty/junk.json"
status 1 "$TCPTEACH" exam --grade "$tmp/empty"
grep -q "junk.json: not an exam attempt file" "$tmp/err" && ok ||
    bad "grade: junk file not named"
hdr='student,seed,file,score,right,answered,total,flags'
[ "$(head -1 "$tmp/out")" = "$hdr" ] && ok || bad "grade: CSV header"

# The plain drill: every answer wrong ("z" is refused, then "A"...).
printf 'z\nA\n1\nA B C D E F\nA\n' | "$TCPTEACH" quiz --plain --seed 3 \
    --count 2 --no-bank >"$tmp/d" 2>&1 && ok || bad "quiz --plain"
grep -q "Score: " "$tmp/d" && ok || bad "drill prints no score"

# The interactive modes belong to the TUI: without a terminal it refuses.
status 2 "$TCPTEACH" exam --seed 1 </dev/null
status 2 "$TCPTEACH" quiz --seed 1 </dev/null

echo "quiz.sh: $((checks - fails)) of $checks checks passed"
[ "$fails" -eq 0 ]
