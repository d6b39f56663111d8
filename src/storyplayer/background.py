"""The one way to run work off the GUI thread: `Background.run(work, done)`.

`work` runs on a worker thread and must not touch widgets; `done(result, error)` is then
called on the thread that owns the Background (the GUI thread), with the value `work`
returned or the exception it raised. Nothing else in the app starts threads for Qt work.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

Done = Callable[[Any, "BaseException | None"], None]


class _Relay(QObject):
    """Lives on the GUI thread; a queued signal carries each finished task back to it."""

    finished = Signal(object, object, object)  # done, result, error

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @Slot(object, object, object)
    def _deliver(self, done: Done, result: Any, error: BaseException | None) -> None:
        try:
            done(result, error)
        except Exception:  # a failing callback must not end the app
            log.exception("a background task's callback failed")


class _Task(QRunnable):
    def __init__(self, relay: _Relay, work: Callable[[], Any], done: Done) -> None:
        super().__init__()
        self.relay, self.work, self.done = relay, work, done

    def run(self) -> None:
        try:
            result, error = self.work(), None
        except Exception as caught:  # noqa: BLE001 - handed to `done`, which decides
            result, error = None, caught
        try:
            self.relay.finished.emit(self.done, result, error)
        except RuntimeError:  # the Background (and its relay) is gone: nobody to tell
            pass


class Background(QObject):
    """A small pool of worker threads owned by a GUI-thread object."""

    def __init__(self, parent: QObject | None = None, *, threads: int = 1) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(threads)
        self._relay = _Relay(self)

    def run(self, work: Callable[[], Any], done: Done) -> None:
        """Run `work()` on a worker; then `done(result, error)` on this object's thread."""
        self._pool.start(_Task(self._relay, work, done))

    def wait(self, msecs: int = -1) -> bool:
        """Block until the queued work has run (for shutting down); True if it all did."""
        return self._pool.waitForDone(msecs)
