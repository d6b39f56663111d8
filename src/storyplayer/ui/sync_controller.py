"""Chronological mode: one playhead through every playing story's events in date order.

A PlaybackDriver runs over the merged durations of a
:class:`~storyplayer.model.timeline.SyncSchedule`; after each of its changes the panes' own
drivers are set (jump + pause) to what the schedule says each pane shows. The panes' drivers
stay paused while this runs, so their own timers never move a pane.

What a person does to a pane (its buttons, its progress strip, the timeline, a map marker)
still goes to that pane's driver; this controller notices the change and turns it into a
move of the shared playhead: a jump lands the playhead on that event, play/pause toggles
the shared playhead, and *Play again* plays on from that event.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Signal

from storyplayer.model.playback import State
from storyplayer.model.story import Story
from storyplayer.model.timeline import SyncSchedule
from storyplayer.ui.playback_driver import PlaybackDriver

__all__ = ["SyncController"]


class SyncController(QObject):
    """Drives `drivers` (one per story, in pane order) through `stories` in date order.

    ``changed`` fires when the playhead moves or its state changes; ``tick`` while it runs.
    Call :meth:`stop` to leave the mode: each pane then plays on by itself from where it
    stands (playing if the shared playhead was playing).
    """

    changed = Signal()
    tick = Signal()

    def __init__(
        self,
        stories: Sequence[Story],
        drivers: Sequence[PlaybackDriver],
        *,
        speed: float = 1.0,
        autoplay: bool = True,
        clock: Callable[[], float] = time.monotonic,
        start_day: int | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.schedule = SyncSchedule(stories)
        self.drivers = list(drivers)
        self._applying = False
        # From a given day (the stories playing changed), else from what the panes show.
        start = self.schedule.position_at_day(start_day) if start_day is not None else None
        if start is None:
            start = self.schedule.start_position(
                [d.index for d in drivers], [d.state is State.FINISHED for d in drivers])
        # Built at its start and in its state: playing when `autoplay`, with nothing after.
        self.driver = PlaybackDriver(self.schedule.durations, speed=speed, autoplay=autoplay,
                                     clock=clock, start=start, parent=self)
        self.driver.eventChanged.connect(self._apply)
        self.driver.stateChanged.connect(self._apply)
        self.driver.tick.connect(self.tick)
        self._links: list[tuple[object, Callable[..., None]]] = []
        for pane, driver in enumerate(self.drivers):
            for signal, slot in (
                (driver.eventChanged, lambda index, p=pane: self._pane_moved(p, index)),
                (driver.stateChanged, lambda p=pane: self._pane_state(p)),
            ):
                signal.connect(slot)
                self._links.append((signal, slot))
        self._apply()

    # -- reading -------------------------------------------------------------------------

    @property
    def state(self) -> State:
        return self.driver.state

    @property
    def current(self) -> tuple[int, int]:
        """(pane, event index) the playhead is on."""
        return self.schedule.item(self.driver.index)

    def playhead_day(self) -> float | None:
        """Where the playhead stands on the time axis (a JDN, fractional while it moves from
        one event's day towards the next one's); None when the story has no dates."""
        position = self.driver.index
        day = self.schedule.day(position)
        if day is None or self.driver.state is State.FINISHED:
            return day
        following = self.schedule.day(position + 1) if position + 1 < self.driver.count else None
        if following is None:
            return float(day)
        total = self.driver.elapsed() + self.driver.remaining()
        fraction = self.driver.elapsed() / total if total else 0.0
        return day + (following - day) * fraction

    # -- the shared playhead -----------------------------------------------------------

    def toggle(self) -> None:
        self.driver.toggle()

    def resume(self) -> None:
        self.driver.resume()

    def next(self) -> None:
        self.driver.next()

    def previous(self) -> None:
        self.driver.previous()

    def finish(self) -> None:
        """Past the last event: every pane shows its end card."""
        self.driver.jump(self.driver.count - 1)
        self.driver.next()

    def set_speed(self, speed: float) -> None:
        self.driver.set_speed(speed)

    def jump_to(self, pane: int, index: int) -> None:
        """Put the playhead on event `index` of the story in `pane`."""
        self.driver.jump(self.schedule.position_of(pane, index))
        self._apply()

    def stop(self) -> None:
        """Leave chronological mode: panes play on by themselves from where they stand."""
        playing = self.driver.state is State.PLAYING
        self.driver.stop()
        for signal, slot in self._links:
            try:
                signal.disconnect(slot)
            except (RuntimeError, TypeError):  # the pane closed meanwhile
                pass
        self._links = []
        if playing:
            for driver in self.drivers:
                if driver.state is State.PAUSED:
                    driver.resume()
        self.drivers = []

    # -- internals ---------------------------------------------------------------------

    def _apply(self) -> None:
        """Set every pane's driver to what the schedule shows at the playhead."""
        if self._applying or self.driver.stopped:
            return
        finished = self.driver.state is State.FINISHED
        views = self.schedule.pane_views(self.driver.index, finished)
        self._applying = True
        try:
            for driver, view in zip(self.drivers, views, strict=True):
                if view.finished:
                    if driver.state is not State.FINISHED:
                        driver.jump(driver.count - 1)
                        driver.next()
                elif driver.index != view.index or driver.state is State.FINISHED:
                    driver.jump(view.index)
                    driver.pause()
                elif driver.state is State.PLAYING:
                    driver.pause()
        finally:
            self._applying = False
        self.changed.emit()

    def _pane_moved(self, pane: int, index: int) -> None:
        if self._applying:
            return
        self.jump_to(pane, index)

    def _pane_state(self, pane: int) -> None:
        if self._applying or self.driver.stopped:
            return
        driver = self.drivers[pane]
        if driver.state is State.PLAYING:
            # The pane's Play (or Play again) was pressed: it means the shared playhead.
            if self.driver.state is State.FINISHED:
                self.jump_to(pane, driver.index)
            else:
                self.driver.resume()
        self._apply()
