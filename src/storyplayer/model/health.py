"""A kiosk's health: the heartbeat file and systemd's notify protocol.

The heartbeat is a small JSON file (time, version, uptime, state, stories playing, last
problem, memory, last library change) rewritten atomically, so a reader never sees half of
it; a copy may go to a shared folder under the kiosk's name, so one look shows every kiosk.

`Notifier` speaks systemd's notify protocol over $NOTIFY_SOCKET (a Unix datagram socket):
READY=1 once the window is up, WATCHDOG=1 from the event loop, so a frozen app is
restarted as well as a crashed one. Without $NOTIFY_SOCKET it does nothing. No Qt here.
"""

from __future__ import annotations

import json
import logging
import os
import re
import socket
import sys
import tempfile
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

HEARTBEAT_NAME = "heartbeat.json"
HEARTBEAT_SECONDS = 30


def kiosk_name(configured: str = "") -> str:
    """The configured name, else the computer's, made safe for a file name."""
    name = configured or socket.gethostname() or "kiosk"
    return re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip(".-") or "kiosk"


def memory_mb() -> float:
    """This process's resident memory (the map's own processes are not counted)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as stream:
            pages = int(stream.read().split()[1])
        return round(pages * os.sysconf("SC_PAGE_SIZE") / 2**20, 1)
    except (OSError, ValueError, IndexError, AttributeError):
        pass
    try:
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return round(peak / (2**20 if sys.platform == "darwin" else 2**10), 1)
    except (ImportError, OSError):
        return 0.0


def heartbeat(*, now: float, started: float, version: str, name: str, state: str,
              playing: list[str], problem: str | None, memory: float,
              library: Mapping[str, Any] | None = None) -> dict[str, Any]:
    return {
        "kiosk": name,
        "time": datetime.fromtimestamp(now, UTC).isoformat(timespec="seconds"),
        "version": version,
        "uptime_s": round(now - started),
        "state": state,
        "playing": list(playing),
        "last_problem": problem,
        "memory_mb": memory,
        "library": dict(library or {}),
    }


def write_atomically(path: Path, text: str) -> None:
    """Write `text` to a temporary file beside `path` and rename it over `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_heartbeat(data: Mapping[str, Any], paths: list[Path]) -> list[str]:
    """Write the heartbeat to every path; a sentence per path that could not be written."""
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    problems = []
    for path in paths:
        try:
            write_atomically(path, text)
        except OSError as error:
            problems.append(f"{path}: heartbeat not written: {error.strerror or error}")
    return problems


class Notifier:
    """systemd's sd_notify, by hand: one datagram per message to $NOTIFY_SOCKET."""

    def __init__(self, environ: Mapping[str, str] | None = None):
        environ = os.environ if environ is None else environ
        address = environ.get("NOTIFY_SOCKET", "")
        if address.startswith("@"):  # an abstract socket
            address = "\0" + address[1:]
        self.address = address if address and hasattr(socket, "AF_UNIX") else ""
        usec = environ.get("WATCHDOG_USEC", "")
        pid = environ.get("WATCHDOG_PID", "")
        watchdog = usec.isdigit() and int(usec) > 0 and (not pid or pid == str(os.getpid()))
        self.watchdog_s = int(usec) / 1e6 if watchdog else 0.0
        self._told = False

    @property
    def enabled(self) -> bool:
        return bool(self.address)

    @property
    def ping_interval_s(self) -> float:
        """How often to send WATCHDOG=1: half the watchdog time, as systemd advises."""
        return self.watchdog_s / 2 if self.watchdog_s else 0.0

    def notify(self, message: str) -> bool:
        if not self.address:
            return False
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
                sock.connect(self.address)
                sock.sendall(message.encode("utf-8"))
            return True
        except OSError as error:
            if not self._told:  # once: a missing socket would otherwise fill the log
                self._told = True
                log.warning("systemd notify socket %s: %s", self.address, error)
            return False

    def ready(self) -> bool:
        return self.notify("READY=1\nSTATUS=Showing stories")

    def watchdog(self) -> bool:
        return self.notify("WATCHDOG=1")

    def status(self, text: str) -> bool:
        return self.notify(f"STATUS={text}")

    def stopping(self) -> bool:
        return self.notify("STOPPING=1")
