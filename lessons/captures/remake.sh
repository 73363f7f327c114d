#!/bin/sh
# Remake handshake-18989.pcap: one real Linux TCP connection on port 18989,
# recorded with the tcpdump command of lesson 16, inside a network
# namespace of its own (nothing leaves this machine).  Run as root:
#
#   sh lessons/captures/remake.sh [OUT]
#
# The client connects, sends "hello" (5 bytes), reads the server's
# "world!" (6 bytes) and closes; the server closes as soon as it reads the
# client's FIN, so its FIN carries the ACK of the client's (a 3-segment
# close).  Needs: unshare (util-linux), ip (iproute2), tcpdump, python3.
set -eu
out=${1:-$(dirname "$0")/handshake-18989.pcap}
case $out in /*) ;; *) out=$(pwd)/$out ;; esac
if [ "${TCPTEACH_IN_NETNS:-}" != 1 ]; then
	exec env TCPTEACH_IN_NETNS=1 unshare -n sh "$0" "$out"
fi
ip link set lo up
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
tcpdump -i any port 18989 -s 0 -w 123.dat 2>tcpdump.err &
dump=$!
# Wait until tcpdump is listening (it says so on stderr): up to 20 s on a
# busy machine.
n=0
until grep -q listening tcpdump.err 2>/dev/null; do
	n=$((n + 1))
	[ "$n" -le 100 ] || { echo "remake.sh: tcpdump did not start" >&2; exit 1; }
	sleep 0.2
done
python3 - <<'PY'
import socket, threading
srv = socket.socket()
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", 18989))
srv.listen(1)
def serve():
    conn, _ = srv.accept()
    conn.recv(100)
    conn.sendall(b"world!")
    while conn.recv(100):
        pass
    conn.close()
t = threading.Thread(target=serve)
t.start()
cli = socket.create_connection(("127.0.0.1", 18989))
cli.sendall(b"hello")
cli.recv(100)
cli.close()
t.join()
PY
# libpcap hands packets over in blocks, at the latest after a second:
# wait for the last block before stopping tcpdump.
sleep 2
kill -INT "$dump"
wait "$dump" || true
# The whole connection or nothing: 10 segments on a quiet loopback.
if ! grep -q "^1[0-9]* packets captured" tcpdump.err; then
	echo "remake.sh: tcpdump did not capture the whole connection:" >&2
	cat tcpdump.err >&2
	exit 1
fi
cp 123.dat "$out"
