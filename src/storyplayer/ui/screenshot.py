"""`--screenshot PNG --at SECONDS`: once the window and map are ready, wait, save, quit."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from storyplayer.map.map_view import MapView

MAP_WAIT_MS = 30_000  # give up waiting for the map after this, and say so


class Screenshot(QObject):
    def __init__(self, window: QWidget, map_view: MapView, path: Path, at: float):
        super().__init__(window)
        self.window, self.map_view, self.path, self.at = window, map_view, path, at
        self.exit_code = 0
        self._scheduled = False
        self._give_up = QTimer(self, singleShot=True, interval=MAP_WAIT_MS)
        self._give_up.timeout.connect(self._map_late)

    def start(self) -> None:
        if self.map_view.is_ready:
            self._ready()
        else:
            self.map_view.ready.connect(self._ready)
            self._give_up.start()

    def _map_late(self) -> None:
        print("storyplayer: the map did not load in time; saving the picture without it",
              file=sys.stderr)
        self._ready()

    def _ready(self) -> None:
        if self._scheduled:
            return  # the map came after all, but the picture is already on its way
        self._scheduled = True
        self._give_up.stop()
        # A short settle after the wait lets the map finish drawing its last move.
        QTimer.singleShot(int(self.at * 1000) + 600, self._save)

    def _save(self) -> None:
        picture = self.window.grab()
        if picture.isNull() or not picture.save(str(self.path), "PNG"):
            print(f"storyplayer: could not write {self.path}", file=sys.stderr)
            self.exit_code = 1
        # exit(), not quit(): quit() asks the windows, and a kiosk window refuses to close.
        QApplication.instance().exit(0)
