"""A kiosk soak: many accelerated visitor loops through the attract screen and three stories,
checking that widgets, timers, web channel objects and memory stay level. Prints JSON.

    python benchmarks/soak_kiosk.py [--loops 300]

Each loop: idle -> attract screen (featured stories cycling on the map) -> a touch -> picker ->
three stories play (stepping events at high speed) -> each reaches its end -> close -> picker.
tests/security/test_soak.py runs a short version of `soak` in CI.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from typing import Any

from storyplayer.app import allow_chromium_as_root

THREE = ["october-1917", "independence-1918", "world-war-1"]


def _settle(app: Any) -> None:
    from PySide6.QtCore import QCoreApplication, QEvent

    for _ in range(3):
        app.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)


def counts(app: Any, window: Any, kiosk: Any) -> dict[str, float]:
    import psutil
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    _settle(app)
    map_view = window.playback.map_view
    return {
        "widgets": len(QApplication.allWidgets()),
        "timers": len(window.findChildren(QTimer)) + len(kiosk.findChildren(QTimer)),
        "channel_objects": len(map_view._channel.registeredObjects()),
        "media_roots": len(map_view._scheme._media),
        "rss_mb": psutil.Process().memory_info().rss / 2**20,
    }


def one_loop(app: Any, window: Any, kiosk: Any, wait_until: Any) -> None:
    """One visitor, accelerated: attract, touch, play three stories to the end, close."""
    kiosk.show_attract()
    for _ in range(2):
        kiosk.attract.next_story()
    kiosk.begin()  # the touch
    assert window.stack.currentWidget() is window.picker
    window.picker.playRequested.emit(THREE)
    panes = list(window.playback.panes)
    for pane in panes:
        for _ in range(min(3, pane.driver.count - 1)):
            pane.driver.next()
        pane.driver.jump(pane.driver.count - 1)
        pane.driver.next()  # past the last event: the end card
    wait_until(lambda: all(p.finished for p in panes))
    for pane in panes:
        pane.closeRequested.emit()
    assert window.stack.currentWidget() is window.picker
    _settle(app)


def soak(app: Any, loops: int, wait_until: Any, warmup: int = 3) -> dict[str, Any]:
    from PySide6.QtCore import QEvent

    from storyplayer.faults import limit_image_memory
    from storyplayer.map.map_view import MapView
    from storyplayer.model.config import KioskSettings
    from storyplayer.model.library import Library
    from storyplayer.resources import bundled_stories_dir
    from storyplayer.ui.kiosk.kiosk import Kiosk
    from storyplayer.ui.main_window import MainWindow

    limit_image_memory()
    library = Library.load([bundled_stories_dir()])
    map_view = MapView()
    window = MainWindow(library, map_view, "en", speed=50.0)
    window.resize(1280, 720)
    kiosk = Kiosk(window, KioskSettings(enabled=True), idle_ms=3_600_000)
    kiosk.start(attract=True, full_screen=False)
    wait_until(lambda: map_view.is_ready, 30_000)
    started = time.perf_counter()
    for _ in range(warmup):
        one_loop(app, window, kiosk, wait_until)
    before = counts(app, window, kiosk)
    for _ in range(loops):
        one_loop(app, window, kiosk, wait_until)
    after = counts(app, window, kiosk)
    result = {"loops": loops, "warmup": warmup, "seconds": time.perf_counter() - started,
              "before": before, "after": after}
    kiosk.leave()
    window.playback.close_all(emit=False)
    window.deleteLater()
    for _ in range(3):
        app.processEvents()
        app.sendPostedEvents(None, QEvent.DeferredDelete)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loops", type=int, default=300)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("STORYPLAYER_ISOLATED", "1")
    allow_chromium_as_root()
    from storyplayer.map.scheme import register_scheme

    register_scheme()
    from PySide6.QtWidgets import QApplication

    app = QApplication([sys.argv[0]])

    def wait_until(condition: Any, timeout_ms: int = 10_000) -> None:
        deadline = time.monotonic() + timeout_ms / 1000
        while not condition():
            if time.monotonic() > deadline:
                raise TimeoutError("soak step timed out")
            app.processEvents()
            time.sleep(0.002)

    result = soak(app, args.loops, wait_until)
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
