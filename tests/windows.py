"""Real main windows for UI tests: shown offscreen, then deleted (web page before its
profile) and waited for, so no window outlives its test. The `make_window` fixture
(tests/conftest.py) is the one way a test gets a window."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from storyplayer.map.map_view import MapView
from storyplayer.model.library import Library
from storyplayer.ui.main_window import MainWindow

MAP_READY_MS = 30_000


def delete_and_wait(qtbot: Any, objects: Iterable[QObject]) -> None:
    """Deletes Qt objects and waits until they are gone (a view's page before its profile)."""
    gone: list[int] = []
    made = list(objects)
    for obj in made:
        obj.destroyed.connect(lambda *_: gone.append(1))
        obj.deleteLater()
    qtbot.waitUntil(lambda: len(gone) == len(made), timeout=5000)


class Windows:
    """Makes windows with the test module's `library` and `window_options` as defaults."""

    def __init__(self, qtbot: Any, library: Library | None = None,
                 defaults: dict[str, Any] | None = None) -> None:
        self.qtbot = qtbot
        self.library = library
        self.defaults = defaults or {}
        self.made: list[MainWindow] = []
        self._before_close: list[Callable[[], None]] = []

    def __call__(self, library: Library | None = None, **options: Any) -> MainWindow:
        return self.make(library, **{**self.defaults, **options})

    def make(
        self,
        library: Library | None = None,
        *,
        lang: str = "en",
        speed: float = 1.0,
        size: Sequence[int] = (1280, 720),
        show: bool = True,
        active: bool = False,
        map_view: MapView | None = None,
        **options: Any,
    ) -> MainWindow:
        """A MainWindow, shown unless `show` is false (a kiosk shows its own); `active` also
        waits until it is the active window, which keyboard shortcuts need."""
        chosen = library if library is not None else self.library
        assert chosen is not None, "no library for the window"
        window = MainWindow(chosen, map_view or MapView(), lang, speed=speed, **options)
        window.resize(*size)
        self.made.append(window)
        if show:
            with self.qtbot.waitExposed(window):
                window.show()
        if active:
            self.activate(window)
        return window

    def activate(self, window: MainWindow) -> None:
        window.activateWindow()
        self.qtbot.waitUntil(lambda: QApplication.activeWindow() is window)

    def before_close(self, step: Callable[[], None]) -> None:
        """Runs `step` (a kiosk's leave, say) before the windows are deleted."""
        self._before_close.append(step)

    def close_all(self) -> None:
        for step in self._before_close:
            step()
        for window in self.made:
            window.playback.close_all(emit=False)
        delete_and_wait(self.qtbot, self.made)
        self.made, self._before_close = [], []


def wait_map(qtbot: Any, window: MainWindow) -> None:
    """Wait (on the signal) until the window's map page is ready."""
    if not window.playback.map_view.is_ready:
        with qtbot.waitSignal(window.playback.map_view.ready, timeout=MAP_READY_MS):
            pass
