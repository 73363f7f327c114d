#!/bin/sh
# Remake the two real Linux captures in fuzz/corpus/pcap that tell close()
# from shutdown() (tests/capture.sh reads them): the client sends "hello"
# and then either shuts down its sending side and keeps reading
# (real-half-close.pcap) or closes (real-close-data-rst.pcap); 100 ms later
# the server sends 9 bytes.  After shutdown() the client acknowledges
# them; after close() its kernel answers them with a RST.  Recorded with
# lesson 16's tcpdump command inside a network namespace of its own
# (nothing leaves the machine).  Run as root from the source tree:
#
#   sh tests/capture-fin-remake.sh
#
# Needs: unshare (util-linux), ip (iproute2), tcpdump, python3.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
if [ "${TCPTEACH_IN_NETNS:-}" != 1 ]; then
	for m in shut close; do
		env TCPTEACH_IN_NETNS=1 unshare -n sh "$0" "$m"
	done
	exit 0
fi
mode=$1
case $mode in
shut) out=$top/fuzz/corpus/pcap/real-half-close.pcap ;;
*) out=$top/fuzz/corpus/pcap/real-close-data-rst.pcap ;;
esac
ip link set lo up
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
tcpdump -i any port 18989 -s 0 -w 123.dat 2>tcpdump.err &
dump=$!
n=0
until grep -q listening tcpdump.err 2>/dev/null; do
	n=$((n + 1))
	[ "$n" -le 100 ] || { echo "tcpdump did not start" >&2; exit 1; }
	sleep 0.2
done
python3 - "$mode" <<'PY'
import socket, sys, threading, time
srv = socket.socket()
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", 18989))
srv.listen(1)
def serve():
    conn, _ = srv.accept()
    conn.recv(100)
    time.sleep(0.1)
    try:
        conn.sendall(b"late data")
        time.sleep(0.1)
        conn.recv(100)
    except OSError:
        pass
    conn.close()
t = threading.Thread(target=serve)
t.start()
cli = socket.create_connection(("127.0.0.1", 18989))
cli.sendall(b"hello")
if sys.argv[1] == "shut":
    cli.shutdown(socket.SHUT_WR)
    while cli.recv(100):
        pass
cli.close()
t.join()
PY
# libpcap hands packets over in blocks, at the latest after a second.
sleep 2
kill -INT "$dump"
wait "$dump" || true
cp 123.dat "$out"
