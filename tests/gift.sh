#!/bin/sh
# The GIFT export as a real GIFT parser reads it: the npm package
# gift-pegjs (installed under the build tree on first use).  Every exam
# question must come out as one question of the right type: multiple
# choice with exactly one right answer, numerical with the key's number,
# matching for an ordering.  Skipped (77) when node, npm or the package
# cannot be had.
set -u
: "${TCPTEACH:?}" "${top_builddir:?}"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1
then
	echo "SKIP: node and npm are needed (apt-get install nodejs npm)"
	exit 77
fi
dir="$top_builddir/node"
if [ ! -f "$dir/node_modules/gift-pegjs/package.json" ] &&
    ! npm install --prefix "$dir" --no-audit --no-fund gift-pegjs \
    >"$tmp/npm.log" 2>&1; then
	cat "$tmp/npm.log"
	echo "SKIP: npm could not install gift-pegjs"
	exit 77
fi

cat >"$tmp/check.js" <<'JS'
const gift = require(process.argv[2] + '/node_modules/gift-pegjs');
const fs = require('fs');
const text = fs.readFileSync(process.argv[3], 'utf8');
const key = fs.readFileSync(process.argv[4], 'utf8').split('\n')
    .filter(l => /^\d+\. /.test(l)).map(l => l.replace(/^\d+\. /, ''));
const want = Number(process.argv[5]);
const qs = gift.parse(text);
let bad = 0;
function fail(i, why) { console.log('Q' + (i + 1) + ': ' + why); bad++; }
if (qs.length !== want)
	fail(-1, qs.length + ' questions parsed, ' + want + ' exported');
qs.forEach((q, i) => {
	if (q.type === 'MC') {
		const right = q.choices.filter(c => c.isCorrect).length;
		if (right !== 1) fail(i, right + ' right choices');
	} else if (q.type === 'Numerical') {
		const c = Array.isArray(q.choices) ? q.choices[0].text : q.choices;
		const num = parseFloat(key[i]);
		if (!c || Math.abs(c.number - num) > 1e-9)
			fail(i, 'number ' + JSON.stringify(c) + ', key ' + key[i]);
	} else if (q.type === 'Matching') {
		if (!q.matchPairs || q.matchPairs.length < 3)
			fail(i, 'matching without pairs');
	} else
		fail(i, 'unexpected type ' + q.type);
});
process.exit(bad ? 1 : 0);
JS

fails=0 n=0
for lang in en zh_CN; do
	for seed in 1 2 3 4 5; do
		for pen in "" --penalty; do
			n=$((n + 1))
			# shellcheck disable=SC2086
			"$TCPTEACH" exam --seed $seed --count 40 --lang $lang \
			    --export gift $pen >"$tmp/q.gift" &&
			    "$TCPTEACH" exam --seed $seed --count 40 \
			    --lang $lang --key >"$tmp/key.txt" || fails=$((fails + 1))
			if ! node "$tmp/check.js" "$dir" "$tmp/q.gift" \
			    "$tmp/key.txt" 40; then
				echo "FAIL: gift-pegjs: seed $seed $lang $pen"
				fails=$((fails + 1))
			fi
		done
	done
done
echo "gift.sh: $((n * 40)) questions parsed by gift-pegjs, $fails failures"
[ "$fails" -eq 0 ]
