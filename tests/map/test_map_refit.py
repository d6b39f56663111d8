"""The map frames the current places again when the window is resized."""

from __future__ import annotations

import json

from windows import wait_map

from .conftest import PageProbe

THREE = ["october-1917", "world-war-1", "independence-1918"]


def test_the_map_refits_when_the_window_grows(qtbot, windows, bundled_library) -> None:
    window = windows.make(bundled_library, size=(1280, 720))
    wait_map(qtbot, window)
    window.set_manual(True)  # the events stay put
    view, probe = window.playback.map_view, PageProbe(qtbot)
    view.set_options(reduced_motion=True)  # every move at once: nothing to wait out
    with qtbot.waitSignal(view.shown, timeout=10_000):
        window.play(THREE)

    def state() -> dict:
        return json.loads(probe.run(view, "storyMapState()"))

    def pins() -> dict:
        return json.loads(probe.run(view, "storyMapPins()"))

    qtbot.waitUntil(lambda: len([p for p in pins()["pins"] if p["dot"]]) == 3, timeout=10_000)
    before = state()["zoom"]
    window.resize(1920, 1080)
    qtbot.waitUntil(lambda: pins()["width"] > view.width() - 5, timeout=5000)
    qtbot.waitUntil(lambda: state()["zoom"] > before, timeout=10_000)
