"""Real main windows for UI tests: shown offscreen, then deleted (web page before its
profile) and waited for, so no window outlives its test."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import QApplication

from storyplayer.map.map_view import MapView
from storyplayer.model.library import Library
from storyplayer.ui.main_window import MainWindow

MAP_READY_MS = 30_000


class Windows:
    def __init__(self, qtbot: Any) -> None:
        self.qtbot = qtbot
        self.made: list[MainWindow] = []

    def make(
        self,
        library: Library,
        *,
        lang: str = "en",
        speed: float = 1.0,
        size: Sequence[int] = (1280, 720),
        active: bool = False,
        **options: Any,
    ) -> MainWindow:
        """A shown MainWindow; `active` also waits until it is the active window, which
        keyboard shortcuts need."""
        window = MainWindow(library, MapView(), lang, speed=speed, **options)
        window.resize(*size)
        with self.qtbot.waitExposed(window):
            window.show()
        if active:
            window.activateWindow()
            self.qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        self.made.append(window)
        return window

    def close_all(self) -> None:
        gone: list[int] = []
        for window in self.made:
            window.playback.close_all(emit=False)
            window.destroyed.connect(lambda *_: gone.append(1))
            window.deleteLater()
        self.qtbot.waitUntil(lambda: len(gone) == len(self.made), timeout=5000)
        self.made = []


def wait_map(qtbot: Any, window: MainWindow) -> None:
    """Wait (on the signal) until the window's map page is ready."""
    if not window.playback.map_view.is_ready:
        with qtbot.waitSignal(window.playback.map_view.ready, timeout=MAP_READY_MS):
            pass
