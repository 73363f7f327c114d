#!/bin/sh
# The Chinese course and interface use one term per concept: every variant
# that doc/glossary-zh_CN.md forbids (third column of its term table) is
# looked for in the Chinese lessons, the Chinese bank and the msgstr text
# of po/zh_CN.po.  Exit 1 lists each hit as FILE:LINE: variant -> term.
top=${1:-${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}}
cd "$top" || exit 99
LC_ALL=C; export LC_ALL
gloss=doc/glossary-zh_CN.md
[ -f "$gloss" ] || { echo "glossary: $gloss is missing"; exit 1; }

awk -v gloss="$gloss" '
function trim(s) { gsub(/^[ \t]+|[ \t]+$/, "", s); return s }
FILENAME == gloss {
	if ($0 ~ /^## /) terms = ($0 ~ /^## Terms/)
	if (!terms || $0 !~ /^\|/ || $0 ~ /^\|---/) next
	n = split($0, col, "|")
	if (n < 5 || trim(col[2]) == "English") next
	bad = trim(col[4])
	if (bad == "" || bad == "\xe2\x80\x94") next
	k = split(bad, v, "\xe3\x80\x81")
	for (i = 1; i <= k; i++)
		if (trim(v[i]) != "") use[trim(v[i])] = trim(col[3])
	nterms++
	next
}
FILENAME ~ /\.po$/ {
	# Only the translations: msgstr lines and the strings continuing them.
	if ($0 ~ /^msgstr/) instr = 1
	else if ($0 !~ /^"/) instr = 0
	if (!instr) next
}
{
	for (w in use)
		if (index($0, w)) {
			print FILENAME ":" FNR ": \"" w "\" -> use \"" use[w] "\""
			hits++
		}
}
END {
	if (nterms == 0) { print "glossary: no forbidden variants in " gloss; exit 1 }
	exit hits > 0
}
' "$gloss" lessons/zh_CN/*.lesson lessons/zh_CN/bank/*.quiz po/zh_CN.po
rc=$?
[ $rc -eq 0 ] && echo "glossary: no forbidden variant in the Chinese course or interface"
exit $rc
