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
    from PySide6.QtCore import QEvent, QObject, QTimer

    class _FirstPaint(QObject):
        def eventFilter(self, watched, ev):  # type: ignore[no-untyped-def]  # noqa: N802
            if ev.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                # After this paint cycle (the whole window's) has finished.
                QTimer.singleShot(0, lambda: mark(event))
                self.deleteLater()
            return False

    widget.installEventFilter(_FirstPaint(widget))
