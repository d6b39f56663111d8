"""Notices when nobody has touched the app for a while: an event filter on what it watches.

Watch the main window's QWindow (`window.windowHandle()`): every touch, click and key of the
window passes through it. (A Python event filter on the QApplication itself crashes PySide6
6.11 as soon as QtWebEngine runs.) Any touch, click, mouse move, wheel turn or key press
counts as someone being there. The wait is in milliseconds and the timer can be injected,
so tests shorten it at will.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

ACTIVITY = frozenset({
    QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseMove,
    QEvent.Type.MouseButtonDblClick, QEvent.Type.Wheel, QEvent.Type.KeyPress,
    QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TabletPress,
})


class IdleWatcher(QObject):
    """`idle()` once after `timeout_ms` without input; `active()` on the first input after."""

    idle = Signal()
    active = Signal()

    def __init__(self, timeout_ms: int, parent: QObject | None = None,
                 timer: QTimer | None = None, kinds: frozenset[QEvent.Type] = ACTIVITY):
        super().__init__(parent)
        self._kinds = kinds
        self._timer = timer or QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(max(1, int(timeout_ms)))
        self._timer.timeout.connect(self._on_timeout)
        self._idle = False
        self._target: QObject | None = None

    @property
    def timeout_ms(self) -> int:
        return self._timer.interval()

    @timeout_ms.setter
    def timeout_ms(self, value: int) -> None:
        self._timer.setInterval(max(1, int(value)))
        if self._timer.isActive():
            self._timer.start()

    @property
    def is_idle(self) -> bool:
        return self._idle

    def watch(self, target: QObject) -> None:
        """Start watching every event `target` (a top-level QWindow) sees."""
        self.unwatch()
        self._target = target
        target.installEventFilter(self)
        self.poke()

    def unwatch(self) -> None:
        if self._target is not None:
            self._target.removeEventFilter(self)
            self._target = None
        self._timer.stop()

    def poke(self) -> None:
        """Someone is here (or pretend so): start the wait again."""
        self._timer.start()
        if self._idle:
            self._idle = False
            self.active.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in self._kinds:
            self.poke()
        return False

    def _on_timeout(self) -> None:
        self._idle = True
        self.idle.emit()
