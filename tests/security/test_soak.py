"""A short kiosk soak (the long one is benchmarks/soak_kiosk.py): many accelerated visitor
loops through attract screen, picker and three stories leave no widgets, timers, web channel
objects or memory behind."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

BENCHMARK = Path(__file__).resolve().parents[2] / "benchmarks" / "soak_kiosk.py"
LOOPS = 25


def load_benchmark():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("soak_kiosk", BENCHMARK)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_kiosk_loops_leave_nothing_behind(qapp, qtbot) -> None:
    soak = load_benchmark()

    def wait_until(condition, timeout_ms: int = 10_000) -> None:  # type: ignore[no-untyped-def]
        qtbot.waitUntil(lambda: bool(condition()), timeout=timeout_ms)

    result = soak.soak(qapp, LOOPS, wait_until)
    before, after = result["before"], result["after"]
    for key in ("widgets", "timers", "channel_objects", "media_roots"):
        assert after[key] <= before[key], (key, before, after)
    # Generous: Python's allocator and Chromium's caches settle slowly; a leak of one pane's
    # widgets per loop would add far more than this over the loops.
    assert after["rss_mb"] - before["rss_mb"] < 60, (before, after)
