#!/bin/sh
# Benchmark (not a test): how long generating 10,000 simulator questions
# takes, every option checked by simulation.  20 exams of 500 generated
# questions each (--no-bank), written as GIFT to /dev/null.
#   make bench-quiz            or
#   TCPTEACH=./tcpteach TCPTEACH_DATADIR=. sh bench/quiz-bench.sh
set -eu
: "${TCPTEACH:=./tcpteach}"
runs=20 per=500
start=$(date +%s%N)
i=0
while [ "$i" -lt "$runs" ]; do
	"$TCPTEACH" exam --seed "$i" --count "$per" --no-bank --export gift \
	    >/dev/null
	i=$((i + 1))
done
end=$(date +%s%N)
ms=$(( (end - start) / 1000000 ))
echo "quiz-bench: $((runs * per)) generated questions in ${ms} ms" \
    "($runs processes of $per)"
