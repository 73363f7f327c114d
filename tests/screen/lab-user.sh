#!/bin/sh
# `tcpteach lab` as an unprivileged user: uid 65534 (nobody), which makes
# its own user namespace (CLONE_NEWUSER) and the two network namespaces
# in it.  Where /dev/net/tun is mode 0600 (as on this kind of machine)
# nobody cannot open it, so the test runs the lab in a private mount
# namespace (unshare -m) where a 0666 node of the same device is
# bind-mounted over /dev/net/tun: the real node's mode is never changed,
# and the test checks that it is not.  On screen: a real handshake with
# the final ACK held (the server in SYN_RECEIVED per the kernel, a `:`
# expect passes), the close to TIME_WAIT, the process really running as
# uid 65534, and nothing of it left after q.
#
# Needs root (for the mount namespace); skipped (77) elsewhere, or where
# unprivileged user namespaces are not allowed (the reason is printed).
. "${top_srcdir:-.}/tests/screen/lib.sh"

if [ "$(id -u)" != 0 ]; then
	echo "not root: cannot make the private mount namespace: skipping" >&2
	exit 77
fi
for t in unshare setpriv mknod mount stat; do
	if ! command -v $t >/dev/null 2>&1; then
		echo "$t not found: skipping" >&2
		exit 77
	fi
done
if [ ! -c /dev/net/tun ]; then
	echo "no /dev/net/tun: skipping" >&2
	exit 77
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/labuser.XXXXXX") || exit 99
chmod 0755 "$tmp"
mkdir "$tmp/home"
chown 65534:65534 "$tmp/home"
trap 'screen_cleanup_all; rm -rf "$tmp"' EXIT INT TERM
mode0=$(stat -c %a /dev/net/tun)
major=$((0x$(stat -c %t /dev/net/tun)))
minor=$((0x$(stat -c %T /dev/net/tun)))

# The wrapper: a private mount namespace with a 0666 copy of the node
# (made in a directory of the test, removed once bind-mounted), then
# tcpteach as uid 65534.
cat >"$tmp/as-nobody" <<EOF
#!/bin/sh
exec unshare -m --propagation private sh -c '
	mknod "$tmp/tun" c $major $minor && chmod 0666 "$tmp/tun" &&
	    mount --bind "$tmp/tun" /dev/net/tun && rm -f "$tmp/tun" ||
	    exit 2
	exec setpriv --reuid=65534 --regid=65534 --clear-groups \
	    env HOME="$tmp/home" "$TCPTEACH" "\$@"' as-nobody "\$@"
EOF
chmod 0755 "$tmp/as-nobody"

# Can nobody run the lab at all here (user namespaces allowed)?
printf 'server listen\nclient connect\n' >"$tmp/probe.scn"
chmod 0644 "$tmp/probe.scn"
if ! why=$("$tmp/as-nobody" script --lab --quiet "$tmp/probe.scn" 2>&1); then
	echo "the lab cannot start as uid 65534 here: skipping ($why)" >&2
	exit 77
fi

TCPTEACH="$tmp/as-nobody"
COLS=120 ROWS=40 screen_start -- lab --no-animation
screen_expect "client, kernel Linux"
screen_step L "L I S T E N"
screen_step c "S Y N _ S E N T"
screen_step d "S Y N _ R E C E I V E D"
screen_step d "E S T A B L I S H E D"
screen_expect "#3 ACK seq="
screen_keys :
screen_type "expect server SYN_RECEIVED"
screen_expect "Check passed: expect server SYN_RECEIVED"

# The process on the screen is tcpteach as uid 65534.
pid=$($TMUX_CMD display -p '#{pane_pid}')
lab=
for _ in 1 2 3 4 5 6; do
	kid=$(ps -o pid= --ppid "$pid" | head -n 1 | tr -d ' ')
	[ -n "$kid" ] || break
	pid=$kid
	if [ "$(ps -o comm= -p "$pid")" = tcpteach ]; then
		lab=$pid
		break
	fi
done
uid=$(awk '/^Uid:/ { print $2 }' "/proc/$lab/status" 2>/dev/null)
if [ -z "$lab" ] || [ "$uid" != 65534 ]; then
	echo "FAIL: the lab is not running as uid 65534 (pid '$lab'," \
	    "uid '$uid')" >&2
	ps -ef --forest >&2
	exit 1
fi

screen_step d "server: SYN_RECEIVED -> ESTABLISHED"
screen_step x "F I N _ W A I T _ 1"
screen_step e "C L O S E _ W A I T"
screen_step X "L A S T _ A C K"
screen_step e "T I M E _ W A I T"
screen_expect "2MSL 5"
screen_step q "before quitting?"
screen_keys n
tries=100
while kill -0 "$lab" 2>/dev/null && [ $tries -gt 0 ]; do
	sleep 0.05
	tries=$((tries - 1))
done
if kill -0 "$lab" 2>/dev/null; then
	echo "FAIL: the lab (pid $lab) is still running after q" >&2
	ps -o pid,stat,comm -p "$lab" >&2; screen_capture >&2
	exit 1
fi
# The 0666 node was only ever in the lab's own mount namespace.
if grep -q " /dev/net/tun " /proc/self/mountinfo; then
	echo "FAIL: /dev/net/tun is a mount point outside the lab" >&2
	exit 1
fi
if [ "$(stat -c %a /dev/net/tun)" != "$mode0" ]; then
	echo "FAIL: /dev/net/tun changed mode: $mode0 -> " \
	    "$(stat -c %a /dev/net/tun)" >&2
	exit 1
fi
exit 0
