#!/bin/sh
# `tcpteach SUB --help` for every subcommand, in English and in Chinese:
# status 0, the usage on standard output and nothing on standard error,
# every option line translated, and every option the help lists accepted
# by the parser (so the help and the parser cannot disagree).  A bad
# option is status 2 with the command named.
T=${TCPTEACH:-./tcpteach}
pass=0 fail=0
tmp=${TMPDIR:-/tmp}/cli-help.$$
mkdir -p "$tmp"
trap 'rm -rf "$tmp"' EXIT
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }

subs="script play lessons lesson quiz exam capture lab"

# The option names a help lists: "  -x, --name..." or "      --name...".
options() {
	sed -n 's/^  \(-[A-Za-z], \|    \)--\([a-z0-9-]*\)\(=\|\[=\)\{0,1\}.*/\2\3/p' "$1"
}

for sub in "" $subs; do
	name="tcpteach${sub:+ $sub}"
	# shellcheck disable=SC2086
	"$T" $sub --help >"$tmp/en" 2>"$tmp/err"
	rc=$?
	[ "$rc" -eq 0 ] && ok || bad "$name --help: status $rc"
	[ -s "$tmp/err" ] && bad "$name --help: stderr: $(cat "$tmp/err")" || ok
	head -1 "$tmp/en" | grep -q "^Usage: $name" && ok ||
	    bad "$name --help: no usage line: $(head -1 "$tmp/en")"
	grep -q '^Options:$' "$tmp/en" && ok || bad "$name --help: no options"
	grep -q -- '--lang=LANG' "$tmp/en" && ok || bad "$name --help: no --lang"
	n=$(options "$tmp/en" | wc -l)
	[ "$n" -ge 2 ] && ok || bad "$name --help lists $n options"
	# Each listed option parses: flags bare, the others with a value;
	# --help after it ends the run before anything happens.
	for o in $(options "$tmp/en"); do
		case $o in
		*=) word="--${o%=}=1" ;;
		*\[=) word="--${o%\[=}" ;;
		*) word="--$o" ;;
		esac
		# shellcheck disable=SC2086
		"$T" $sub "$word" --help >/dev/null 2>"$tmp/err" </dev/null
		if grep -q "unknown option\|ambiguous\|takes no value" "$tmp/err"
		then bad "$name $word: $(head -1 "$tmp/err")"; else ok; fi
	done
	# The same in Chinese: the usage and every option's meaning.
	# shellcheck disable=SC2086
	"$T" --lang zh_CN $sub --help >"$tmp/zh" 2>"$tmp/err"
	rc=$?
	[ "$rc" -eq 0 ] && ok || bad "$name --lang zh_CN --help: status $rc"
	[ -s "$tmp/err" ] && bad "$name zh: stderr: $(cat "$tmp/err")" || ok
	head -1 "$tmp/zh" | grep -q "^用法：$name" && ok ||
	    bad "$name zh: no usage line: $(head -1 "$tmp/zh")"
	grep -q '^选项：$' "$tmp/zh" && ok || bad "$name zh: no options heading"
	[ "$(options "$tmp/zh" | wc -l)" -eq "$n" ] && ok ||
	    bad "$name zh lists other options than en"
	# An option's meaning (after column 25, or on the next line) is
	# Chinese: it has a byte outside ASCII.
	untranslated=$(LC_ALL=C awk '
	    /^  (-[A-Za-z], |    )--/ { opt = $0; text = substr($0, 26)
		if (length($0) <= 25) { getline; text = $0 }
		if (text !~ /[\200-\377]/) print opt }' "$tmp/zh")
	[ -z "$untranslated" ] && ok ||
	    bad "$name zh: untranslated: $untranslated"
	# A wrong option: status 2, the command named, the way to help.
	# shellcheck disable=SC2086
	"$T" $sub --no-such-option >"$tmp/out" 2>"$tmp/err" </dev/null
	rc=$?
	[ "$rc" -eq 2 ] && ok || bad "$name --no-such-option: status $rc"
	grep -q "^$name: unknown option '--no-such-option'" "$tmp/err" &&
	    ok || bad "$name --no-such-option: $(head -1 "$tmp/err")"
	grep -q "^Try '$name --help'" "$tmp/err" && ok ||
	    bad "$name --no-such-option: no hint"
	[ -s "$tmp/out" ] && bad "$name --no-such-option: stdout" || ok
done

# The messages this layer prints, as a user meets them.
"$T" script --diagrm x.scn >/dev/null 2>"$tmp/err"
grep -q "^tcpteach script: unknown option '--diagrm' (did you mean --diagram?)$" \
    "$tmp/err" && ok || bad "no suggestion: $(head -1 "$tmp/err")"
"$T" exam --seed 1 --count 0 --print >/dev/null 2>"$tmp/err"
grep -q "^tcpteach exam: option '--count' wants a number from 1 to 500, not '0'$" \
    "$tmp/err" && ok || bad "no range: $(head -1 "$tmp/err")"
"$T" capture --show >/dev/null 2>"$tmp/err"
grep -q "^tcpteach capture: option '--show' needs a value (N)$" \
    "$tmp/err" && ok || bad "no missing value: $(head -1 "$tmp/err")"
"$T" --lang zh_CN script --diagrm x.scn >/dev/null 2>"$tmp/err"
grep -q "^tcpteach script: 未知选项“--diagrm”（是不是想用 --diagram？）$" \
    "$tmp/err" && ok || bad "zh: $(head -1 "$tmp/err")"

# said STATUS "FIRST LINE OF STDERR" ARG...: the status, the message as a
# user reads it, and nothing on standard output.
said() {
	want=$1 line=$2
	shift 2
	"$T" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
	rc=$?
	[ "$rc" -eq "$want" ] && ok || bad "$*: status $rc, wanted $want"
	[ "$(head -1 "$tmp/err")" = "$line" ] && ok ||
	    bad "$*: said '$(head -1 "$tmp/err")', wanted '$line'"
	[ -s "$tmp/out" ] && bad "$*: stdout: $(head -1 "$tmp/out")" || ok
}
cap=${top_srcdir:-.}/lessons/captures/handshake-18989.pcap
scn=${top_srcdir:-.}/examples/fig12-normal-close.scn

# Options that exclude each other, or need another, are refused by the
# parser with one wording, never silently ignored.
said 2 "tcpteach exam: --print and --key exclude each other" \
    exam --seed 1 --count 1 --print --key
said 2 "tcpteach exam: --print and --export exclude each other" \
    exam --seed 1 --export gift --print
said 2 "tcpteach exam: --penalty needs --export" exam --seed 1 --penalty --key
said 2 "tcpteach exam: --format needs --print or --key" \
    exam --seed 1 --format md --export gift
said 2 "tcpteach capture: --list and --stats exclude each other" \
    capture --list --stats "$cap"
said 2 "tcpteach capture: --show and --to-scenario exclude each other" \
    capture --show 1 --to-scenario 1 "$cap"
said 2 "tcpteach capture: --diagram needs --show" capture --diagram "$cap"
said 2 "tcpteach capture: --relative needs --show" capture --relative "$cap"
said 2 "tcpteach lessons: --list and --check exclude each other" \
    lessons --list --check
said 2 "tcpteach script: --known needs --compare" script --known=k "$scn"
said 2 "tcpteach quiz: --check and --seed exclude each other" \
    quiz --check --seed 3
said 2 "tcpteach capture: --list 与 --stats 不能同时使用" \
    --lang zh_CN capture --list --stats "$cap"
said 2 "tcpteach capture: --relative 需要与 --show 一起使用" \
    capture --relative "$cap" --lang=zh_CN
# What goes together still works.
"$T" capture --show 1 --diagram --relative "$cap" >/dev/null 2>&1 && ok ||
    bad "capture --show 1 --diagram --relative refused"
"$T" exam --seed 1 --count 1 --export gift --penalty >/dev/null 2>&1 &&
    ok || bad "exam --export gift --penalty refused"

# An empty value is a slip, refused before anything is written.
( cd "$tmp" && "$T" script --pcap= "$OLDPWD/$scn" ) >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] && ok || bad "script --pcap=: not status 2"
grep -qx "tcpteach script: option '--pcap' needs a value (OUT), not an empty one" \
    "$tmp/err" && ok || bad "script --pcap=: $(head -1 "$tmp/err")"

# How many operands, from each command's table, in one wording.
said 2 "tcpteach play: missing FILE" play
said 2 "tcpteach play: unexpected argument 'b'" play a b
said 2 "tcpteach lesson: missing N" lesson
said 2 "tcpteach lesson: unexpected argument '3'" lesson 2 3
said 2 "tcpteach lab: unexpected argument 'x'" lab x
said 2 "tcpteach lessons: unexpected argument 'x'" lessons x
said 2 "tcpteach capture: missing FILE" capture --stats
said 2 "tcpteach capture: unexpected argument 'b'" capture a b
said 2 "tcpteach script: missing FILE" script -q
said 2 "tcpteach quiz: unexpected argument 'x'" quiz --plain x
said 2 "tcpteach exam: missing DIR" exam --grade
said 2 "tcpteach play: 缺少文件" --lang zh_CN play

# A --lang without a value, or with a language we do not speak, is the
# command's mistake: its name and its usage.
said 2 "tcpteach script: option '--lang' needs a value (LANG)" script --lang
grep -q "^Usage: tcpteach script " "$tmp/err" && ok ||
    bad "script --lang: not script's usage"
said 2 "tcpteach capture: unsupported language 'fr' (use en or zh_CN)" \
    capture "$cap" --lang fr

# An ambiguous prefix lists what it could be; a bad topic is named alone.
said 2 "tcpteach exam: option '--p' is ambiguous (--print, --penalty)" \
    exam --seed 1 --p
said 2 "tcpteach exam: bad topic 'bogus' (handshake, close, timewait, rst, timers, numbers; several with commas)" \
    exam --seed 1 --topic handshake,bogus --print
said 2 "tcpteach exam: 主题“bogus”无效（可用 handshake、close、timewait、rst、timers、numbers；多个主题用英文逗号分隔）" \
    exam --lang zh_CN --seed 1 --topic handshake,bogus --print

# One error rule: "tcpteach COMMAND: FILE: reason" for a file that cannot
# be used at all (FILE:LINE:COLUMN: stays for a place inside a file).
nofile=$tmp/nofile
said 2 "tcpteach script: $nofile: No such file or directory" script "$nofile"
said 2 "tcpteach lessons: $nofile: No such file or directory" \
    lessons --check "$nofile"
said 2 "tcpteach quiz: $nofile: No such file or directory" \
    quiz --check "$nofile"
said 2 "tcpteach capture: $nofile: No such file or directory" capture "$nofile"
said 2 "tcpteach play: $nofile: No such file or directory" play "$nofile"
said 2 "tcpteach capture: ${top_srcdir:-.}/README.md: not a capture file that libpcap can read: unknown file format" \
    capture "${top_srcdir:-.}/README.md"
said 2 "tcpteach lesson: there is no lesson '99'; 'tcpteach lessons --list' lists them." \
    lesson 99
printf 'server listen\nclient conect\n' >"$tmp/bad.scn"
said 2 "$tmp/bad.scn:2:8: unknown command 'conect'; did you mean 'connect'?" \
    script "$tmp/bad.scn"

# The help: every command says its exit status; --present reads as the
# man page says; a meaning never touches its option; a quoted command is
# never broken across lines.
for sub in $subs; do
	"$T" $sub --help >"$tmp/en"
	grep -q "^Exit status: 0 " "$tmp/en" && ok ||
	    bad "$sub --help: no exit status"
	"$T" --lang zh_CN $sub --help >"$tmp/zh"
	grep -q "^退出状态：0 " "$tmp/zh" && ok ||
	    bad "$sub zh --help: no exit status"
	# The meaning starts at column 26, after two blank columns.
	awk '/^  (-[A-Za-z], |    )--/ && length($0) > 25 &&
	    substr($0, 24, 2) != "  " { print; bad = 1 }
	    END { exit bad }' "$tmp/en" && ok ||
	    bad "$sub --help: an option touches its meaning"
done
"$T" play --help | grep -q "for a projector: every character bold, no event menu" &&
    ok || bad "play --help: --present"
grep -q "every character bold" "${top_srcdir:-.}/doc/tcpteach.1" && ok ||
    bad "man page: --present"
"$T" --help >"$tmp/en"
grep -q "'exam --help'" "$tmp/en" && ok || bad "help: 'exam --help' broken"
grep -q "'capture --help'" "$tmp/en" && ok ||
    bad "help: 'capture --help' broken"
"$T" --lang zh_CN --help | grep -q "“exam --help”" && ok ||
    bad "zh help: “exam --help” broken"
"$T" capture --help | grep -q "^      --verify-checksums$" && ok ||
    bad "capture --help: --verify-checksums has no gap"

echo "cli-help.sh: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
