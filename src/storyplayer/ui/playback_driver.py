"""Runs one story's :class:`~storyplayer.model.playback.Playback` on Qt timers and announces it.

The model decides everything; this adapter only wakes it at the right moment (one
single-shot timer armed for the next boundary) and turns changes into signals for the pane.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from storyplayer.model.playback import Playback, State

__all__ = ["PlaybackDriver"]

TICK_MS = 250  # "time left" display refresh, about four times a second
_MAX_TIMER_MS = 2**31 - 1  # QTimer takes a C int; a longer wait just re-arms when it fires


class PlaybackDriver(QObject):
    """Qt face of one story's playback.

    Signals: ``eventChanged(int)`` when the current event changes; ``stateChanged()`` when
    playing/paused/finished, speed or manual mode change; ``finished()`` once the story
    ends; ``tick()`` about 4x a second while time runs. Call :meth:`stop` when the pane
    closes: no timer runs after that, and further calls are ignored.
    """

    eventChanged = Signal(int)
    stateChanged = Signal()
    finished = Signal()
    tick = Signal()

    def __init__(
        self,
        durations: Sequence[float],
        *,
        speed: float = 1.0,
        autoplay: bool = True,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
        start: int = 0,
    ) -> None:
        super().__init__(parent)
        self._playback = Playback(durations, clock, speed=speed, autoplay=autoplay, start=start)
        self._stopped = False
        # Timers are children: deleting the driver deletes (and so stops) them.
        self._boundary_timer = QTimer(self)
        self._boundary_timer.setSingleShot(True)
        self._boundary_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._boundary_timer.timeout.connect(self._sync)
        self._tick_timer = QTimer(self)
        self._tick_timer.setInterval(TICK_MS)
        self._tick_timer.timeout.connect(self._on_tick)
        self._arm()

    # -- reading (the model is the single source of truth) -----------------------------

    @property
    def playback(self) -> Playback:
        """The model, for reading; change it through the driver so signals follow."""
        return self._playback

    @property
    def index(self) -> int:
        return self._playback.index

    @property
    def count(self) -> int:
        return self._playback.count

    @property
    def state(self) -> State:
        return self._playback.state

    @property
    def speed(self) -> float:
        return self._playback.speed

    @property
    def manual(self) -> bool:
        return self._playback.manual

    @manual.setter
    def manual(self, value: bool) -> None:
        self._do(lambda: setattr(self._playback, "manual", value))

    @property
    def loop(self) -> bool:
        return self._playback.loop

    @loop.setter
    def loop(self, value: bool) -> None:
        self._do(lambda: setattr(self._playback, "loop", value))

    def elapsed(self) -> float:
        return self._playback.elapsed()

    def remaining(self) -> float:
        return self._playback.remaining()

    @property
    def stopped(self) -> bool:
        return self._stopped

    # -- commands, mirrored from Playback --------------------------------------------

    def pause(self) -> None:
        self._do(self._playback.pause)

    def resume(self) -> None:
        self._do(self._playback.resume)

    def toggle(self) -> None:
        self._do(self._playback.toggle)

    def next(self) -> None:
        self._do(self._playback.next)

    def previous(self) -> None:
        self._do(self._playback.previous)

    def jump(self, index: int) -> None:
        self._do(lambda: self._playback.jump(index))

    def restart(self) -> None:
        self._do(self._playback.restart)

    def set_speed(self, speed: float) -> None:
        self._do(lambda: self._playback.set_speed(speed))

    def stop(self) -> None:
        """Stop for good (the pane is closing): timers off, later calls ignored, no signals."""
        self._stopped = True
        self._boundary_timer.stop()
        self._tick_timer.stop()

    # -- internals ---------------------------------------------------------------------

    def _snapshot(self) -> tuple[int, State, float, bool]:
        p = self._playback
        return p.index, p.state, p.speed, p.manual

    def _do(self, action: Callable[[], object]) -> None:
        """Run one model change (or just catch up with the clock) and announce what changed."""
        if self._stopped:
            return
        before = self._snapshot()
        action()
        self._playback.update()
        after = self._snapshot()
        # Re-arm before emitting: a slot may call back into the driver.
        self._arm()
        if after[0] != before[0]:
            self.eventChanged.emit(after[0])
        if after[1:] != before[1:]:
            self.stateChanged.emit()
        if after[1] is State.FINISHED and before[1] is not State.FINISHED:
            self.finished.emit()

    def _sync(self) -> None:
        self._do(lambda: None)

    def _on_tick(self) -> None:
        self._sync()  # also covers a boundary timer that Qt delivered late
        if not self._stopped and self._tick_timer.isActive():
            self.tick.emit()

    def _arm(self) -> None:
        """One boundary timer for the next change, and the tick only while time runs."""
        wait = None if self._stopped else self._playback.seconds_to_next_change()
        if wait is None:
            self._boundary_timer.stop()
            self._tick_timer.stop()
            return
        # Round up (and at least 1 ms) so the timer never fires just before the boundary;
        # if it still does, update() changes nothing and this re-arms for the remainder.
        self._boundary_timer.start(min(max(1, math.ceil(wait * 1000)), _MAX_TIMER_MS))
        if not self._tick_timer.isActive():
            self._tick_timer.start()
