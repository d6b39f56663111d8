"""The machine a benchmark ran on: a one-line description, and what it charges for memory
a program has left alone for a moment (`memory_after_idle`)."""

from __future__ import annotations

import os
import platform
import statistics
import time


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            names = [
                line.split(":", 1)[1].strip() for line in info if line.startswith("model name")
            ]
        cpu = names[0] if names else cpu
    except OSError:
        pass
    memory = ""
    try:
        pages, size = os.sysconf("SC_PHYS_PAGES"), os.sysconf("SC_PAGE_SIZE")
        memory = f", {pages * size / 2**30:.0f} GiB"
    except (ValueError, OSError, AttributeError):
        pass
    return (
        f"{cpu}, {os.cpu_count()} cores{memory}, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}"
    )


IDLE_S = 1.6  # as long as a spaced step waits (in_process.SPACED_GAP_MS)


def memory_after_idle(rounds: int = 5) -> dict:
    """Time to read the same 40 MB of Python objects straight after reading them ("hot")
    and after IDLE_S of sleep, medians of `rounds`. On bare metal the two are close. A
    virtual machine whose host reclaims or re-maps a guest's idle memory charges for every
    page touched again after a pause: a step after the map has come to rest pays that for
    the app's pages, while the step floor touches few pages of its own."""
    data = [{"key": i} for i in range(200_000)]

    def touch() -> float:
        start = time.thread_time()
        total = 0
        for item in data[::7]:
            total += item["key"]
        return (time.thread_time() - start) * 1000

    touch()
    hot, idle = [], []
    for _ in range(rounds):
        hot.append(touch())
        time.sleep(IDLE_S)
        idle.append(touch())
    hot_ms, idle_ms = statistics.median(hot), statistics.median(idle)
    return {
        "machine_touch_hot_ms": round(hot_ms, 2),
        "machine_touch_after_idle_ms": round(idle_ms, 2),
        "machine_idle_touch_ratio": round(idle_ms / hot_ms, 1),
    }
