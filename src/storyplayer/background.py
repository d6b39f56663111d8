"""Slow work off the GUI thread, its result handed back on the GUI thread: one helper for
every job that may take long (an import that downloads pictures takes up to two minutes),
so the window keeps painting and answering while it runs.

The work must not touch widgets; what it returns (or raises) reaches `finished` (or
`failed`) through a queued connection, so the slots run on the GUI thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot


class BackgroundJob(QObject):
    """Runs `work()` on a thread of its own once `start()` is called; then emits `finished`
    with its result or `failed` with the exception it raised, and deletes itself."""

    finished = Signal(object)
    failed = Signal(object)
    _done = Signal(object, object)  # result, error: emitted on the worker thread

    def __init__(self, work: Callable[[], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self.running = False
        self._done.connect(self._deliver, Qt.QueuedConnection)

    def start(self) -> None:
        self.running = True
        threading.Thread(target=self._run, name="storyplayer-background", daemon=True).start()

    def _run(self) -> None:
        result: Any = None
        try:
            result = self._work()
        except Exception as error:  # noqa: BLE001 - handed to the GUI thread, which decides
            outcome: tuple[Any, Any] = (None, error)
        else:
            outcome = (result, None)
        try:
            self._done.emit(*outcome)
        except RuntimeError:
            pass  # the owner (and this job with it) went away while the work ran

    @Slot(object, object)
    def _deliver(self, result: Any, error: Any) -> None:
        self.running = False
        if error is None:
            self.finished.emit(result)
        else:
            self.failed.emit(error)
        self.deleteLater()


def run_in_background(
    work: Callable[[], Any],
    on_finished: Callable[[Any], None],
    on_failed: Callable[[BaseException], None],
    parent: QObject,
) -> BackgroundJob:
    """Starts `work` off the GUI thread; `on_finished(result)` or `on_failed(error)` is
    called on the GUI thread afterwards. `parent` keeps the job alive meanwhile."""
    job = BackgroundJob(work, parent)
    job.finished.connect(on_finished)
    job.failed.connect(on_failed)
    job.start()
    return job
