#!/bin/sh
# The shipped course: every lesson passes `tcpteach lessons --check` (its
# solutions work and its answers are computable), the English and Chinese
# versions of each lesson have the same steps with identical scenario
# lines (only the prose differs), and --list works in both languages.
T=${TCPTEACH:-./tcpteach}
src=${top_srcdir:-.}
pass=0 fail=0
tmp=${TMPDIR:-/tmp}/lessons.$$
mkdir -p "$tmp"
trap 'rm -rf "$tmp"' EXIT
TCPTEACH_DATADIR=${TCPTEACH_DATADIR:-$src}
export TCPTEACH_DATADIR

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $1"; }

# The skeleton of a lesson: scenario lines verbatim, prose as its keyword
# only (consecutive lines of joinable prose count once).
skeleton() {
	sed -e 's/^[[:space:]]*//' -e '/^#/d' -e '/^$/d' "$1" | awk '
	{
		key = $0; sub(/[[:space:]]*:.*/, "", key)
		if (key ~ /^(say|explain|question|do|goal)$/) {
			if (key != last) print key
		} else if (key ~ /^(title|summary|step|choice|correct|order|hint)$/)
			print key
		else
			print
		last = key
	}'
}

for f in "$src"/lessons/en/*.lesson; do
	name=$(basename "$f")
	zh="$src/lessons/zh_CN/$name"
	if "$T" lessons --check "$f" >"$tmp/out" 2>&1; then ok; else
		bad "check en/$name"; cat "$tmp/out"; fi
	if [ ! -f "$zh" ]; then
		bad "zh_CN/$name is missing"
		continue
	fi
	if "$T" lessons --check "$zh" >"$tmp/out" 2>&1; then ok; else
		bad "check zh_CN/$name"; cat "$tmp/out"; fi
	skeleton "$f" >"$tmp/en"
	skeleton "$zh" >"$tmp/zh"
	if cmp -s "$tmp/en" "$tmp/zh"; then ok; else
		bad "en/$name and zh_CN/$name differ in structure"
		diff "$tmp/en" "$tmp/zh" | head -20
	fi
done
for f in "$src"/lessons/zh_CN/*.lesson; do
	[ -f "$src/lessons/en/$(basename "$f")" ] ||
	    bad "zh_CN/$(basename "$f") has no English original"
done

# All of them at once, and the list in both languages.
if "$T" lessons --check >"$tmp/out" 2>&1; then ok; else
	bad "lessons --check"; cat "$tmp/out"; fi
n=$(ls "$src"/lessons/en/*.lesson | wc -l)
for lang in en zh_CN; do
	if "$T" --lang=$lang lessons --list >"$tmp/list" 2>&1 &&
	    [ "$(wc -l <"$tmp/list")" -eq "$n" ] &&
	    grep -q '^01	' "$tmp/list"; then ok; else
		bad "lessons --list ($lang)"; cat "$tmp/list"; fi
done
if LANGUAGE=zh_CN "$T" lessons --list | grep -q '三次握手'; then ok; else
	bad "lessons --list does not follow LANGUAGE=zh_CN"; fi

# Hints are read as keystrokes: a scenario command in a hint must be in
# backquotes after "press :" (按 :), never bare ("Type: deliver" typed as
# keys runs d, e, l, ...).  Outside backquotes and "(settle)"-style
# glosses, no command may appear.
cmdre='(^|[ ，、：:；])(deliver( #| [cs]>|$|[，。,.])|settle|drop($|[，。,.])|wait (timer|[0-9])|(client|server) (listen|connect|close|send|shutdown|abort)([^a-z]|$)|inject )'
for f in "$src"/lessons/en/*.lesson "$src"/lessons/zh_CN/*.lesson; do
	sed -n 's/^hint:[[:space:]]*//p' "$f" >"$tmp/hints"
	if grep -E '^(Type|输入)' "$tmp/hints" >"$tmp/out"; then
		bad "$f: a hint says Type:"; cat "$tmp/out"; fi
	sed -e 's/`[^`]*`//g' -e 's/[(（][^)）]*[)）]//g' "$tmp/hints" |
	    grep -E "$cmdre" >"$tmp/out" &&
	    { bad "$f: a bare scenario command in a hint"; cat "$tmp/out"; }
	if grep '`' "$tmp/hints" | grep -v -e 'press :' -e 'Press :' \
	    -e '按 :' -e 'same way' -e '同样' >"$tmp/out"; then
		bad "$f: a quoted command without 'press :'"; cat "$tmp/out"
	fi
	ok
done

# Broken lessons: a parse error is FILE:LINE:COLUMN and exit 2, a wrong
# solution is FILE:LINE and exit 1.
printf 'title: T\nsummary: S\nstep\nrun: client conect\n' >"$tmp/p.lesson"
"$T" lessons --check "$tmp/p.lesson" >"$tmp/out" 2>&1
if [ $? -eq 2 ] && grep -q "p.lesson:4:13: " "$tmp/out"; then ok; else
	bad "parse error status and position"; cat "$tmp/out"; fi
printf 'title: T\nsummary: S\nstep\ndo: x\ncheck: expect server ESTABLISHED\nsolution: server listen\n' >"$tmp/w.lesson"
"$T" lessons --check "$tmp/w.lesson" >"$tmp/out" 2>&1
if [ $? -eq 1 ] && grep -q "w.lesson:5: " "$tmp/out"; then ok; else
	bad "failing solution status and position"; cat "$tmp/out"; fi
# A choice listed twice (lesson 16 had "client" as a choice and again as
# correct:) is a parse error at the repeat.
printf 'title: T\nsummary: S\nstep\nquestion: q\nchoice: client\nchoice: server\ncorrect: client\nexplain: e\n' >"$tmp/d.lesson"
"$T" lessons --check "$tmp/d.lesson" >"$tmp/out" 2>&1
if [ $? -eq 2 ] && grep -q "d.lesson:7:10: 'client' repeats the item on line 5" "$tmp/out"; then ok; else
	bad "repeated choice status and position"; cat "$tmp/out"; fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
