"""The kiosk as systemd starts it: a separate process with $NOTIFY_SOCKET set (a fake
systemd socket here) says READY=1 once its window is up, and pings the watchdog."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path


def test_the_kiosk_tells_systemd_it_is_ready(tmp_path: Path) -> None:
    address = str(tmp_path / "notify")
    server = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    server.bind(address)
    try:
        env = dict(os.environ, NOTIFY_SOCKET=address, WATCHDOG_USEC="2000000")
        done = subprocess.run(
            [sys.executable, "-m", "storyplayer", "--kiosk", "--screenshot",
             str(tmp_path / "kiosk.png"), "--at", "2"],
            capture_output=True, text=True, timeout=120, env=env)
        assert done.returncode == 0, done.stderr[-2000:]
        server.setblocking(False)
        said = []
        while True:
            try:
                said.append(server.recv(256))
            except BlockingIOError:
                break
    finally:
        server.close()
    assert said and said[0].startswith(b"READY=1")
    assert b"WATCHDOG=1" in said  # every second, from the event loop
    assert said[-1] == b"STOPPING=1"
