"""Opt-in timing marks for benchmarks: when STORYPLAYER_PROBE names a file, `mark(event)`
appends `{"event": ..., "t": time.time()}` to it; otherwise every call does nothing."""

from __future__ import annotations

import json
import os
import time

_PATH = os.environ.get("STORYPLAYER_PROBE") or None


def enabled() -> bool:
    return _PATH is not None


def mark(event: str) -> None:
    """Record that the app reached `event` now (a no-op unless the probe is on)."""
    if _PATH is None:
        return
    line = json.dumps({"event": event, "t": time.time()})
    with open(_PATH, "a", encoding="utf-8") as out:
        out.write(line + "\n")


def mark_first_paint(widget, event: str) -> None:  # type: ignore[no-untyped-def]
    """Mark `event` once `widget` has painted for the first time (after that paint ends)."""
    if _PATH is None:
        return
    from storyplayer.ui.shared.first_paint import after_first_paint

    after_first_paint(widget, lambda: mark(event))


def mark_stories_shown(panes, map_view, event: str) -> None:  # type: ignore[no-untyped-def]
    """Mark `event` once every pane (or a widget in it) has painted and the map page has
    acknowledged the last event sent to it so far: the stories are on screen."""
    if _PATH is None:
        return
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QWidget

    target = map_view.sent_seq
    painted: set[int] = set()
    done: list[bool] = []
    watchers: list[QObject] = []

    def check() -> None:
        if not done and len(painted) == len(panes) and map_view.shown_seq >= target:
            done.append(True)
            mark(event)
            for watcher in watchers:  # deleting a filter uninstalls it
                watcher.deleteLater()

    class _Painted(QObject):
        def __init__(self, number: int, parent: QObject) -> None:
            super().__init__(parent)
            self.number = number

        def eventFilter(self, watched, ev):  # type: ignore[no-untyped-def]  # noqa: N802
            if ev.type() == QEvent.Type.Paint and self.number not in painted:
                painted.add(self.number)
                QTimer.singleShot(0, check)  # after this paint cycle has finished
            return False

    for number, pane in enumerate(panes):
        watcher = _Painted(number, pane)
        watchers.append(watcher)
        for widget in [pane, *pane.findChildren(QWidget)]:
            widget.installEventFilter(watcher)
    map_view.shown.connect(lambda _seq: check())
