"""Runs a :class:`~storyplayer.model.session.Session` on Qt timers and announces its changes.

The session decides everything; this adapter only wakes it at the right moment (one
single-shot timer armed for the next boundary, a tick while time runs) and turns its lists
of changes into signals. Each slot gets a `SlotDriver`: the face a pane, its event list and
the timeline see, whose commands go to the session.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from storyplayer.model.playback import Playback, State
from storyplayer.model.session import Change, Session

__all__ = ["SessionDriver", "SlotDriver"]

TICK_MS = 250  # "time left" display refresh, about four times a second
_MAX_TIMER_MS = 2**31 - 1  # QTimer takes a C int; a longer wait just re-arms when it fires


class SlotDriver(QObject):
    """One slot of the session, as a pane sees it.

    Signals: ``eventChanged(int)`` when it shows another event; ``stateChanged()`` when its
    state, speed or manual mode (or, in date order, its place on the playhead) changes;
    ``finished()`` when it reaches its end; ``tick()`` while time runs.
    """

    eventChanged = Signal(int)
    stateChanged = Signal()
    finished = Signal()
    tick = Signal()

    def __init__(self, owner: SessionDriver, slot: int) -> None:
        super().__init__(owner)
        self._owner, self.slot = owner, slot
        self._stopped = False

    # -- reading -------------------------------------------------------------------------

    @property
    def _session(self) -> Session:
        return self._owner.session

    @property
    def index(self) -> int:
        return self._session.playback(self.slot).index

    @property
    def count(self) -> int:
        return self._session.playback(self.slot).count

    @property
    def state(self) -> State:
        return self._session.playback(self.slot).state

    @property
    def speed(self) -> float:
        return self._session.speed

    @property
    def manual(self) -> bool:
        return self._session.manual

    @property
    def loop(self) -> bool:
        return self._session.playback(self.slot).loop

    @loop.setter
    def loop(self, value: bool) -> None:
        """Endless play, for every slot of the session (a display that runs all day)."""
        self._command(lambda s: s.set_loop(value))

    @property
    def playback(self) -> Playback:
        """The slot's own playback, for reading; command it through the driver."""
        return self._session.playback(self.slot)

    def elapsed(self) -> float:
        return self._session.playback(self.slot).elapsed()

    def remaining(self) -> float:
        return self._session.playback(self.slot).remaining()

    @property
    def stopped(self) -> bool:
        return self._stopped

    # -- commands: each goes to the session ------------------------------------------------

    def pause(self) -> None:
        self._command(lambda s: s.pause(self.slot))

    def resume(self) -> None:
        self._command(lambda s: s.play(self.slot))

    def toggle(self) -> None:
        self._command(lambda s: s.toggle(self.slot))

    def next(self) -> None:
        self._command(lambda s: s.next(self.slot))

    def previous(self) -> None:
        self._command(lambda s: s.previous(self.slot))

    def jump(self, index: int) -> None:
        self._command(lambda s: s.jump(self.slot, index))

    def restart(self) -> None:
        self._command(lambda s: s.restart(self.slot))

    def stop(self) -> None:
        """The pane closes: no more signals, later commands ignored."""
        self._stopped = True

    def _command(self, action: Callable[[Session], object]) -> None:
        if not self._stopped:
            self._owner.command(action)

    def _announce(self, change: Change) -> None:
        if self._stopped:
            return
        if change.moved:
            self.eventChanged.emit(change.view.index)  # type: ignore[union-attr]
        self.stateChanged.emit()
        if change.finished:
            self.finished.emit()


class SessionDriver(QObject):
    """Qt face of the session: ``changed()`` after every list of changes (the shared
    playhead, the mode), ``tick()`` about four times a second while time runs."""

    changed = Signal()
    tick = Signal()

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._slots = {slot: SlotDriver(self, slot) for slot in session.slots}
        self._stopped = False
        # Timers are children: deleting the driver deletes (and so stops) them.
        self._boundary_timer = QTimer(self)
        self._boundary_timer.setSingleShot(True)
        self._boundary_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._boundary_timer.timeout.connect(lambda: self.command(Session.update))
        self._tick_timer = QTimer(self)
        self._tick_timer.setInterval(TICK_MS)
        self._tick_timer.timeout.connect(self._on_tick)
        session.subscribe(self._on_changes)
        self._arm()

    def slot(self, slot: int) -> SlotDriver:
        return self._slots[slot]

    def command(self, action: Callable[[Session], object]) -> None:
        """Run one session command (the session announces what changed), then re-arm."""
        if self._stopped:
            return
        action(self.session)
        self._arm()

    def stop(self) -> None:
        """Stop for good: timers off, no more signals, later commands ignored."""
        self._stopped = True
        for slot in self._slots.values():
            slot.stop()
        self._boundary_timer.stop()
        self._tick_timer.stop()

    def _on_changes(self, changes: list[Change]) -> None:
        if self._stopped:
            return
        self._arm()  # before announcing: a slot may call back into the session
        for change in changes:
            if change.slot is not None and change.slot in self._slots:
                self._slots[change.slot]._announce(change)
        self.changed.emit()

    def _on_tick(self) -> None:
        self.command(Session.update)  # also covers a boundary timer that Qt delivered late
        if self._stopped or not self._tick_timer.isActive():
            return
        self.tick.emit()
        for slot in self._slots.values():
            if not slot.stopped:
                slot.tick.emit()

    def _arm(self) -> None:
        """One boundary timer for the next change, and the tick only while time runs."""
        wait = None if self._stopped else self.session.seconds_to_next_change()
        if wait is None:
            self._boundary_timer.stop()
            self._tick_timer.stop()
            return
        # Round up (and at least 1 ms) so the timer never fires just before the boundary;
        # if it still does, update() changes nothing and this re-arms for the remainder.
        self._boundary_timer.start(min(max(1, math.ceil(wait * 1000)), _MAX_TIMER_MS))
        if not self._tick_timer.isActive():
            self._tick_timer.start()
