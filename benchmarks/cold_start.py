"""Fresh-process launches for the cold-start figures: time from just before Popen to a
probe mark, and the memory (PSS) of the process and all its QtWebEngine children."""

from __future__ import annotations

import atexit
import functools
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

from storyplayer.app import allow_chromium_as_root

HERE = Path(__file__).resolve().parent
PLAY = "october-1917,world-war-1,independence-1918"


def environment(probe: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(QT_QPA_PLATFORM="offscreen", STORYPLAYER_ISOLATED="1", STORYPLAYER_PROBE=str(probe))
    # An installed app has its byte-code compiled (pip does it on install, see
    # compile_app()): a machine that forbids writing it would have every start compile the
    # app's modules again, about 0.15 s the floor never pays.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    allow_chromium_as_root(env)
    return env


@functools.cache
def user_home() -> Path:
    """A home of its own for the app's launches, removed at exit: the app runs as a user
    whose first start (the warm-up) wrote the library cache that later starts read, as on
    any machine after the first start, and never touches this machine's own folders."""
    home = Path(tempfile.mkdtemp(prefix="storyplayer-bench-home-"))
    atexit.register(shutil.rmtree, home, ignore_errors=True)
    return home


def as_user(env: dict[str, str]) -> dict[str, str]:
    """`env` for the app run as the benchmark's user (see user_home) rather than isolated."""
    env = dict(env)
    env.pop("STORYPLAYER_ISOLATED", None)
    home = user_home()
    for name in ("CONFIG", "CACHE", "DATA", "STATE"):
        env[f"XDG_{name}_HOME"] = str(home / name.lower())
    return env


def compile_app() -> None:
    """Compile the app's modules to byte-code, as installing it does."""
    import compileall

    import storyplayer

    compileall.compile_dir(Path(storyplayer.__file__).parent, quiet=1)


def command(kind: str) -> list[str]:
    if kind == "floor":
        return [sys.executable, str(HERE / "floor.py")]
    if kind == "play":
        return [sys.executable, "-m", "storyplayer", "--play", PLAY]
    return [sys.executable, "-m", "storyplayer"]  # the picker


def tree_pss_mb(pid: int, kind: str = "pss") -> float:
    """PSS of a process and all its descendants, in MiB (`kind` "uss": the memory only they
    use, which other programs sharing the same libraries do not change)."""
    root = psutil.Process(pid)
    total = 0
    for process in [root, *root.children(recursive=True)]:
        try:
            total += getattr(process.memory_full_info(), kind)
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            pass
    return total / 2**20


def tree_held_mb(pid: int) -> float:
    """The memory a process tree holds that the kernel cannot take back: its share of
    anonymous and shared-memory pages (smaps_rollup's Pss_Anon + Pss_Shmem), in MiB.

    USS and PSS also count library and file pages, which the kernel drops under reclaim
    and reads again when touched, so they swing with the machine. On a machine without
    swap, anonymous and shared-memory pages stay until freed: a leak shows here."""
    root = psutil.Process(pid)
    total_kb = 0
    for process in [root, *root.children(recursive=True)]:
        try:
            rollup = Path(f"/proc/{process.pid}/smaps_rollup").read_text()
        except OSError:
            continue
        for line in rollup.splitlines():
            key, _, value = line.partition(":")
            if key in ("Pss_Anon", "Pss_Shmem"):
                total_kb += int(value.split()[0])
    return total_kb / 2**10


def _marks(probe: Path) -> dict[str, float]:
    marks: dict[str, float] = {}
    try:
        lines = probe.read_text(encoding="utf-8").splitlines()
    except OSError:
        return marks
    for line in lines:
        try:
            record = json.loads(line)
        except ValueError:
            continue  # a line being written
        marks.setdefault(record["event"], record["t"])
    return marks


def stop(proc: subprocess.Popen) -> None:
    """Terminate the process and every child it started, politely then firmly."""
    try:
        children = psutil.Process(proc.pid).children(recursive=True)
    except psutil.NoSuchProcess:
        children = []
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)
    for child in children:  # QtWebEngine helpers would take a second or two to notice
        try:
            child.terminate()
        except psutil.NoSuchProcess:
            pass
    _, alive = psutil.wait_procs(children, timeout=5)
    for child in alive:
        try:
            child.kill()
        except psutil.NoSuchProcess:
            pass


def launch(kind: str, event: str, settle_s: float = 0.0, timeout_s: float = 60.0) -> dict:
    """Start `kind` ("floor", "play", "picker"), wait for the probe's `event`; with
    `settle_s`, wait that much longer and measure the memory of the process tree."""
    with tempfile.TemporaryDirectory() as tmp:
        probe = Path(tmp) / "probe.jsonl"
        env = environment(probe)
        if kind != "floor":
            env = as_user(env)
        start = time.time()
        proc = subprocess.Popen(command(kind), env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        try:
            deadline = start + timeout_s
            marks: dict[str, float] = {}
            while event not in marks:
                if time.time() > deadline or proc.poll() is not None:
                    raise RuntimeError(f"{kind}: no '{event}' (exit {proc.poll()})")
                time.sleep(0.01)
                marks = _marks(probe)
            result = {"seconds": marks[event] - start}
            if settle_s:
                time.sleep(settle_s)
                result["memory_mb"] = tree_pss_mb(proc.pid)
                result["processes"] = 1 + len(psutil.Process(proc.pid).children(recursive=True))
            result["marks"] = {k: round(v - start, 3) for k, v in _marks(probe).items()}
            return result
        finally:
            stop(proc)
