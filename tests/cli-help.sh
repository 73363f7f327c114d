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

echo "cli-help.sh: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
