#!/bin/sh
# Every citation of an RFC 9293 figure names it by RFC 9293's number *and*
# title, so that RFC 793's older numbering (one higher from the handshake
# on, with a Figure 14) cannot creep back into the course, the examples,
# the docs or the interface.  A citation is "Figure N" (or "Figures N to M",
# "Figures N and M"), or the Chinese "图 N", followed by its title after a
# colon, a comma or a parenthesis, or (one figure) just after its title:
#
#     RFC 9293 Figure 12 (normal close)
#     the normal close (RFC 9293 Figure 12)
#     Figures 12 and 13 (normal close, simultaneous close)
#     RFC 9293 图 9（发现半开连接）
#
# A file named after a figure (figNN-slug, figNN_slug) must carry that
# figure's number.  Usage: figures.sh [TOPDIR]; exit 1 lists each bad
# citation as FILE: message.
top=${1:-${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}}
cd "$top" || exit 99
LC_ALL=C; export LC_ALL

files=$(
	find lessons examples doc src po tests/golden tests/screen \
	    fuzz/corpus -type f \( -name '*.lesson' -o -name '*.quiz' \
	    -o -name '*.scn' -o -name '*.md' -o -name '*.1' -o -name '*.c' \
	    -o -name '*.h' -o -name '*.po' -o -name '*.sh' -o -name GLOSSARY \) \
	    2>/dev/null | sort
	echo README.md
)

# The titles, as lower-case prefixes that may follow the number: RFC
# 9293's own words, the short forms the course uses, and the Chinese.
# shellcheck disable=SC2086
awk '
function titles_init() {
	T[1] = "tcp header format|header format|首部格式"
	T[2] = "ipv4 pseudo-header|pseudo-header|伪首部"
	T[3] = "send sequence space|发送序号空间"
	T[4] = "receive sequence space|接收序号空间"
	T[5] = "tcp connection state diagram|connection state diagram|state diagram|连接状态图|状态图|状态转换图"
	T[6] = "basic three-way handshake|basic handshake|three-way handshake|the three-way handshake|基本的三次握手|三次握手"
	T[7] = "simultaneous connection synchronization|simultaneous open|同时打开"
	T[8] = "recovery from old duplicate syn|recovery from an old duplicate syn|从旧的重复 syn 中恢复"
	T[9] = "half-open connection discovery|half-open discovery|发现半开连接"
	T[10] = "active side causes half-open connection discovery|active side causes half-open discovery|the active side causing half-open discovery|the active side causes half-open connection discovery|主动方引发的半开连接发现"
	T[11] = "old duplicate syn initiates a reset on two passive sockets|old duplicate syn resets two passive sockets|an old duplicate syn resetting two passive sockets|旧的重复 syn 使两个被动套接字复位"
	T[12] = "normal close sequence|normal close|正常关闭"
	T[13] = "simultaneous close sequence|simultaneous close|同时关闭"
	SLUG[6] = "basic-handshake|handshake"
	SLUG[7] = "simultaneous-open"
	SLUG[8] = "old-duplicate-syn"
	SLUG[9] = "half-open"
	SLUG[10] = "active-half-open"
	SLUG[11] = "old-dup-syn-two-passive"
	SLUG[12] = "normal-close"
	SLUG[13] = "simultaneous-close"
}
function bad(msg) { print cur ": " msg; nbad++ }
# Does text t start with one of the titles of figure n?
function titled(n, t,    k, i, a) {
	if (!(n in T)) return 0
	k = split(T[n], a, "|")
	for (i = 1; i <= k; i++)
		if (substr(t, 1, length(a[i])) == a[i]) return 1
	return 0
}
# Does text t end with one of the titles of figure n?
function titled_before(n, t,    k, i, a, l) {
	if (!(n in T)) return 0
	sub(/( |\(|,|:|rfc 9293|\x27s|\xef\xbc\x88|\xef\xbc\x8c)+$/, "", t)
	k = split(T[n], a, "|")
	for (i = 1; i <= k; i++) {
		l = length(a[i])
		if (length(t) >= l && substr(t, length(t) - l + 1) == a[i]) return 1
	}
	return 0
}
function slugged(n, t,    k, i, a) {
	if (!(n in SLUG)) return 0
	k = split(SLUG[n], a, "|")
	for (i = 1; i <= k; i++)
		if (substr(t, 1, length(a[i])) == a[i]) return 1
	return 0
}
function skipsep(t) {
	sub(/^( |:|,|\(|\x27|\x60|"|\xef\xbc\x88|\xef\xbc\x9a|\xef\xbc\x8c)+/, "", t)
	return t
}
# One citation: "figure(s) " at the start of t (lower case).
function cite(t, shown, before,    nums, n, m, i, k, rest, item, list) {
	sub(/^figures? */, "", t)
	n = 0
	while (match(t, /^[0-9]+/)) {
		m = substr(t, 1, RLENGTH) + 0
		t = substr(t, RLENGTH + 1)
		if (n > 0 && range) {
			for (i = nums[n] + 1; i <= m; i++) nums[++n] = i
		} else
			nums[++n] = m
		range = 0
		if (match(t, /^ to /)) { range = 1; t = substr(t, RLENGTH + 1) }
		else if (match(t, /^(, and |, | and )/)) t = substr(t, RLENGTH + 1)
		else break
	}
	if (n == 0) return
	for (i = 1; i <= n; i++)
		if (nums[i] < 1 || nums[i] > 13) {
			bad("\"" shown "\": RFC 9293 has no Figure " nums[i])
			return
		}
	if (n == 1) {
		if (!titled(nums[1], skipsep(t)) && !titled_before(nums[1], before))
			bad("\"" shown "\": not followed by the title of RFC 9293 Figure " nums[1])
		return
	}
	# Several numbers: a parenthesised list of as many titles.
	if (!match(t, /^ *\(/)) {
		bad("\"" shown "\": give each figure its title in parentheses")
		return
	}
	rest = substr(t, RLENGTH + 1)
	for (i = 1; i <= n; i++) {
		sub(/^(, and |, | and )/, "", rest)
		if (!titled(nums[i], rest)) {
			bad("\"" shown "\": item " i " is not the title of RFC 9293 Figure " nums[i])
			return
		}
		# Skip this title: up to the next comma or closing parenthesis.
		match(rest, /^[^,)]*/)
		rest = substr(rest, RLENGTH + 1)
	}
}
function zhcite(t, shown, before,    m) {
	sub(/^\xe5\x9b\xbe */, "", t)
	if (!match(t, /^[0-9]+/)) return
	m = substr(t, 1, RLENGTH) + 0
	t = substr(t, RLENGTH + 1)
	if (m < 1 || m > 13) { bad("\"" shown "\": RFC 9293 has no Figure " m); return }
	if (!titled(m, skipsep(t)) && !titled_before(m, before))
		bad("\"" shown "\": not followed by the title of RFC 9293 Figure " m)
}
function check(text,    low, p, s, slug) {
	low = tolower(text)
	while (match(low, /figures? *[0-9]+|\xe5\x9b\xbe *[0-9]+|fig[0-9][0-9][-_][a-z]/)) {
		p = RSTART
		s = substr(low, p)
		if (substr(s, 1, 3) == "fig" && substr(s, 4, 1) ~ /[0-9]/) {
			slug = substr(s, 7)
			gsub(/_/, "-", slug)
			if (!slugged(substr(s, 4, 2) + 0, slug))
				bad("\"" substr(text, p, 30) "\": file named after the wrong RFC 9293 figure (or a figure it does not have)")
		} else if (substr(s, 1, 1) == "f")
			cite(s, substr(text, p, 60), substr(low, 1, p - 1))
		else
			zhcite(s, substr(text, p, 60), substr(low, 1, p - 1))
		low = substr(low, p + 3)
		text = substr(text, p + 3)
	}
}
BEGIN { titles_init() }
FNR == 1 {
	if (NR > 1) check(buf)
	buf = ""
	cur = FILENAME
	fname = FILENAME
	sub(/.*\//, "", fname)
	check(fname)
}
{
	line = $0
	sub(/^[ \t]*(#+|\*|\/\/|-)?[ \t]*/, "", line)
	sub(/^(msgid|msgstr|msgctxt) /, "", line)
	sub(/^[a-z_-]+: /, "", line)
	gsub(/\\n|"/, "", line)
	buf = buf " " line
}
END { check(buf); exit nbad > 0 }
' $files
rc=$?
[ $rc -eq 0 ] && echo "figures: every RFC 9293 figure citation has its number and title"
exit $rc
