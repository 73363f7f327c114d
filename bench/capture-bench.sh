#!/bin/sh
# Benchmark (not a test): `tcpteach capture --list` and `--stats` on
# generated captures of 256 MB, 512 MB and 1 GB (100k+ connections of mixed
# life-cycles in the largest), against `tshark -q -z conv,tcp -r` and
# `tcpdump -r FILE -w /dev/null` on the same 1 GB file in the same run, as
# ratios, and tcpteach's peak RSS as the file grows.  Files go to a
# temporary directory and are deleted.  Aims: >= 10x faster than tshark,
# within 2x of tcpdump, flat memory.
#   make bench-capture      or
#   TCPTEACH=./tcpteach GEN=bench/gen_capture sh bench/capture-bench.sh
# SIZES="8 16" (megabytes) tries it quickly; the comparisons run on the last.
set -eu
: "${TCPTEACH:=./tcpteach}" "${GEN:=bench/gen_capture}" "${SIZES:=256 512 1024}"
last=$(echo $SIZES | awk '{ print $NF }')
tmp=$(mktemp -d "${TMPDIR:-/tmp}/capture-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# CPU seconds (user + system), wall seconds and peak RSS (KiB) of a
# command, output discarded.  Ratios use CPU time: the machine is shared,
# and wall time follows the load of others.
measure() {
	/usr/bin/time -f '%U %S %e %M' -o "$tmp/time" "$@" >/dev/null 2>&1 ||
	    true
	awk '{ printf "%.2f %.2f %d\n", $1 + $2, $3, $4 }' "$tmp/time"
}

for mb in $SIZES; do
	f=$tmp/bench-$mb.pcap
	printf '%5d MB: ' "$mb"
	"$GEN" "$f" $((mb * 1024 * 1024)) 7
	cat "$f" >/dev/null		# into the page cache for every reader
	set -- $(measure "$TCPTEACH" capture --list "$f")
	list_s=$1 list_kb=$3
	echo "          capture --list: CPU ${1} s (wall ${2} s), peak RSS" \
	    "${3} KiB"
	set -- $(measure "$TCPTEACH" capture --stats "$f")
	stats_s=$1 stats_kb=$3
	echo "          capture --stats: CPU ${1} s (wall ${2} s), peak RSS" \
	    "${3} KiB"
	if [ "$mb" -eq "$last" ]; then
		"$TCPTEACH" capture --stats "$f" | head -2
		set -- $(measure tcpdump -r "$f" -w /dev/null)
		dump_s=$1
		echo "          tcpdump -r FILE -w /dev/null: CPU ${1} s" \
		    "(wall ${2} s), peak RSS ${3} KiB"
		if command -v tshark >/dev/null 2>&1; then
			set -- $(measure tshark -q -z conv,tcp -r "$f")
			shark_s=$1
			echo "          tshark -q -z conv,tcp -r FILE: CPU ${1}" \
			    "s (wall ${2} s), peak RSS ${3} KiB"
			awk -v l="$list_s" -v s="$stats_s" -v t="$shark_s" \
			    'BEGIN { printf "          tshark/list %.1fx, " \
			    "tshark/stats %.1fx\n", t / l, t / s }'
		fi
		awk -v l="$list_s" -v s="$stats_s" -v d="$dump_s" \
		    'BEGIN { printf "          list/tcpdump %.2fx, " \
		    "stats/tcpdump %.2fx\n", l / d, s / d }'
	fi
	rm -f "$f"
done
