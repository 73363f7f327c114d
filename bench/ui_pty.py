#!/usr/bin/env python3
"""Measure tcpteach's terminal behaviour through a pseudo-terminal.

    ui_pty.py first-frame MARKER CMD...   seconds until MARKER is on screen
    ui_pty.py frame-bytes CMD...          bytes written per animation frame
    ui_pty.py idle-cpu CMD...             CPU seconds used in 5 s of idling

The program runs at 80x24 with TERM=xterm-256color; output is read as it
comes, so a frame is one burst of writes (tcpteach draws a frame with a
single doupdate)."""

import fcntl
import os
import pty
import select
import struct
import sys
import termios
import time


def spawn(cmd):
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.environ.setdefault("LC_ALL", "C.UTF-8")
        os.execvp(cmd[0], cmd)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    return pid, fd


def read_until(fd, marker, limit=10.0):
    buf = b""
    end = time.monotonic() + limit
    while marker not in buf and time.monotonic() < end:
        r, _, _ = select.select([fd], [], [], 0.05)
        if r:
            try:
                buf += os.read(fd, 65536)
            except OSError:
                break
    return buf


def bursts(fd, quiet=0.012, done=0.4, limit=5.0):
    """Chunks of output separated by more than `quiet` seconds of silence,
    until `done` seconds pass with no output at all."""
    out, cur = [], b""
    last = time.monotonic()
    end = last + limit
    while time.monotonic() < end:
        r, _, _ = select.select([fd], [], [], quiet)
        if r:
            cur += os.read(fd, 65536)
            last = time.monotonic()
        elif cur:
            out.append(cur)
            cur = b""
        elif time.monotonic() - last > done:
            break
    return out


def stop(pid, fd):
    try:
        os.write(fd, b"q")
        time.sleep(0.1)
        os.kill(pid, 15)
    except OSError:
        pass
    os.waitpid(pid, 0)


def cpu_seconds(pid):
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main():
    mode, args = sys.argv[1], sys.argv[2:]
    if mode == "first-frame":
        marker, cmd = args[0].encode(), args[1:]
        t0 = time.monotonic()
        pid, fd = spawn(cmd)
        read_until(fd, marker)
        print("%.2f ms" % ((time.monotonic() - t0) * 1000))
        stop(pid, fd)
    elif mode == "frame-bytes":
        pid, fd = spawn(args)
        read_until(fd, b"quit")
        os.write(fd, b"L")
        bursts(fd, limit=1.0)
        os.write(fd, b"c")
        frames = bursts(fd, limit=5.0)
        # The first burst answers the key (menu, boxes, narration); the
        # rest are animation frames where only the arrow moves.
        anim = frames[1:] if len(frames) > 1 else frames
        total = sum(len(f) for f in anim)
        print("%d frames, %d bytes, %.1f bytes/frame (first burst %d bytes)"
              % (len(anim), total, total / max(1, len(anim)),
                 len(frames[0]) if frames else 0))
        stop(pid, fd)
    elif mode == "idle-cpu":
        pid, fd = spawn(args)
        read_until(fd, b"quit")
        time.sleep(0.5)
        c0 = cpu_seconds(pid)
        end = time.monotonic() + 5
        while time.monotonic() < end:
            select.select([fd], [], [], 0.5)
            r, _, _ = select.select([fd], [], [], 0)
            if r:
                os.read(fd, 65536)
        print("%.3f s CPU in 5 s idle" % (cpu_seconds(pid) - c0))
        stop(pid, fd)


if __name__ == "__main__":
    main()
