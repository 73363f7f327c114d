#!/bin/sh
# Command-line conventions: --help and --version on stdout with status 0,
# bad usage on stderr with status 2.
NAME=cli
. "${top_srcdir:-.}/tests/cli_lib.sh"

check help 0 "$T" --help
has help-usage "$tmp/out" "Usage: tcpteach"
has help-script "$tmp/out" "script"
empty help-stderr "$tmp/err"
check version 0 "$T" --version
has version-text "$tmp/out" "^tcpteach [0-9]"
check bad-option 2 "$T" --no-such-option
has bad-option-usage "$tmp/err" "Usage:"
empty bad-option-stdout "$tmp/out"
check bad-command 2 "$T" frobnicate
has bad-command-msg "$tmp/err" "frobnicate"
check missing-file 2 "$T" script "$tmp/does-not-exist.scn"
has missing-file-msg "$tmp/err" "does-not-exist.scn"
check zh-help 0 "$T" --lang=zh_CN --help
check zh-help-2 0 "$T" --lang zh_CN --help

# The language follows the locale, even one that is not generated here,
# and --lang overrides it.  The program finds the build tree's catalogue
# by itself (no TCPTEACH_LOCALEDIR).
unset TCPTEACH_LOCALEDIR
check zh-lang-env 0 env -u LANGUAGE -u LC_ALL LANG=zh_CN.UTF-8 "$T" --help
has zh-lang-env-text "$tmp/out" "命令"
check zh-language-env 0 env LANGUAGE=zh_CN LC_ALL=C.UTF-8 "$T" --help
has zh-language-env-text "$tmp/out" "命令"
check zh-flag 0 env -u LANGUAGE LC_ALL=C.UTF-8 "$T" --lang=zh_CN --help
has zh-flag-text "$tmp/out" "命令"
check en-flag 0 env LANG=zh_CN.UTF-8 "$T" --lang=en --help
has en-flag-text "$tmp/out" "Commands:"
check lang-after-command 0 env -u LANGUAGE LC_ALL=C.UTF-8 "$T" lessons --list --lang zh_CN
has lang-after-command-text "$tmp/out" "三次握手"

# The README's quick start: the built program, run with a clean
# environment, finds its lessons and speaks Chinese when asked.
check clean-lessons 0 env -i PATH=/usr/bin:/bin HOME="$tmp" "$T" lessons --list
has clean-lessons-text "$tmp/out" "^02"
check clean-zh-help 0 env -i PATH=/usr/bin:/bin HOME="$tmp" LANG=zh_CN.UTF-8 "$T" --help
has clean-zh-help-text "$tmp/out" "命令"
check clean-zh-lessons 0 env -i PATH=/usr/bin:/bin HOME="$tmp" LANG=zh_CN.UTF-8 "$T" lessons --list
has clean-zh-lessons-text "$tmp/out" "三次握手"
check clean-zh-quiz 0 env -i PATH=/usr/bin:/bin HOME="$tmp" LANG=zh_CN.UTF-8 "$T" exam --seed 1 --count 3 --print
has clean-zh-quiz-text "$tmp/out" "考试"

# A copied build (program, lessons and locale side by side) still finds
# its course and translations.
mkdir -p "$tmp/copy"
cp "$T" "$tmp/copy/tcpteach"
cp -R "${top_srcdir:-.}/lessons" "$tmp/copy/lessons"
cp -R "${top_builddir:-.}/locale" "$tmp/copy/locale"
check copied-zh-lessons 0 env -i PATH=/usr/bin:/bin HOME="$tmp" LANG=zh_CN.UTF-8 "$tmp/copy/tcpteach" lessons --list
has copied-zh-lessons-text "$tmp/out" "三次握手"

# Lessons and interface speak one language: an English interface
# (LC_ALL=C.UTF-8 overrides LANG) gets English lessons.
check one-lang 0 env -u LANGUAGE LC_ALL=C.UTF-8 LANG=zh_CN.UTF-8 "$T" lessons --list
has one-lang-text "$tmp/out" "three-way handshake"

check bad-lang 2 "$T" --lang=fr --help
has bad-lang-msg "$tmp/err" "fr"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
