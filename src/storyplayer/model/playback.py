"""Playback of one story: which event is showing, whether it runs, and when it moves on.

Pure Python, no Qt: time comes from an injected clock, so every rule here is tested with a
fake clock and no display. The session (``model/session.py``) holds one per story, and its
Qt side (``ui/playback/session_driver.py``) only asks
:meth:`Playback.seconds_to_next_change`, arms a timer, and calls :meth:`Playback.update`.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Callable, Sequence

__all__ = ["Playback", "State", "event_seconds"]

# Reading-length rule for events that give no duration: a short pause to look at the map and
# the title, then reading at about 180 words a minute (3 words a second), bounded so a
# one-line event does not flash past and a long one does not stall a kiosk.
_BASE_SECONDS = 6.0
_WORDS_PER_SECOND = 3.0
_MIN_SECONDS = 8.0
_MAX_SECONDS = 45.0


def event_seconds(text_words: int, *, explicit: float | None, default: float | None) -> float:
    """How long an event shows, in story seconds.

    The event's own ``seconds`` wins, then the story's ``event_seconds``; otherwise the
    duration follows the reading length: about 6 s plus ``words / 3``, clamped to [8, 45] s.
    """
    if explicit is not None:
        return float(explicit)
    if default is not None:
        return float(default)
    derived = _BASE_SECONDS + max(text_words, 0) / _WORDS_PER_SECOND
    return min(max(derived, _MIN_SECONDS), _MAX_SECONDS)


class State(enum.Enum):
    PLAYING = "playing"
    PAUSED = "paused"
    FINISHED = "finished"


def _check_speed(speed: float) -> float:
    if not (math.isfinite(speed) and speed > 0):
        raise ValueError(f"speed must be a positive number, not {speed!r}")
    return float(speed)


class Playback:
    """The playback state machine of one story.

    Time is kept as an *anchor*: at wall time ``_anchor_wall`` the story stood
    ``_anchor_pos`` story seconds into the current event. While running, the position is
    ``_anchor_pos + (clock() - _anchor_wall) * speed``, computed fresh from the clock each
    time. Crossing a boundary subtracts the event's duration from ``_anchor_pos`` and leaves
    the wall anchor alone, so a timer that fires late never shifts the schedule (drift-free):
    the overshoot simply counts towards the next event. Only user actions (pause, resume,
    speed, steps) move the anchor.
    """

    def __init__(
        self,
        durations: Sequence[float],
        clock: Callable[[], float],
        *,
        speed: float = 1.0,
        autoplay: bool = True,
        start: int = 0,
    ) -> None:
        durations = tuple(float(d) for d in durations)
        if not durations:
            raise ValueError("a story needs at least one event")
        for i, d in enumerate(durations):
            if not (math.isfinite(d) and d > 0):
                raise ValueError(f"event {i} has duration {d!r}; durations must be > 0")
        self._durations = durations
        self._clock = clock
        self._speed = _check_speed(speed)
        if not 0 <= start < len(durations):
            raise IndexError(f"start event {start} out of range 0..{len(durations) - 1}")
        # Where and whether it runs are set here, never by a later jump: jump() keeps
        # playing/paused as it was, so a "start there, playing" made of steps would stay paused.
        self._index = start
        self._state = State.PLAYING if autoplay else State.PAUSED
        self._manual = False
        self._loop = False
        self._anchor_wall = clock()
        self._anchor_pos = 0.0

    # -- reading -------------------------------------------------------------------------

    @property
    def index(self) -> int:
        return self._index

    @property
    def count(self) -> int:
        return len(self._durations)

    @property
    def durations(self) -> tuple[float, ...]:
        return self._durations

    @property
    def state(self) -> State:
        return self._state

    @property
    def speed(self) -> float:
        return self._speed

    @speed.setter
    def speed(self, value: float) -> None:
        self.set_speed(value)

    @property
    def manual(self) -> bool:
        """Classroom mode: events move on only when someone steps; time stands still."""
        return self._manual

    @manual.setter
    def manual(self, value: bool) -> None:
        value = bool(value)
        if value == self._manual:
            return
        self.update()  # settle boundaries passed before the switch
        self._reanchor(self._position())
        self._manual = value

    @property
    def loop(self) -> bool:
        """Endless play (a display that runs all day): after the last event comes the first,
        on the same drift-free schedule, and the story never finishes by itself."""
        return self._loop

    @loop.setter
    def loop(self, value: bool) -> None:
        self._loop = bool(value)

    def _running(self) -> bool:
        return self._state is State.PLAYING and not self._manual

    def _position(self) -> float:
        """Raw story seconds into the current event; may exceed its duration until update()."""
        if not self._running():
            return self._anchor_pos
        return self._anchor_pos + (self._clock() - self._anchor_wall) * self._speed

    def elapsed(self) -> float:
        """Story seconds spent in the current event, as of now."""
        return min(max(self._position(), 0.0), self._durations[self._index])

    def story_position(self) -> float:
        """Story seconds since the start of the story (of this loop, in endless play) as the
        schedule stands now, even where a late timer has not yet shown the next event."""
        return sum(self._durations[: self._index]) + self._position()

    def remaining(self) -> float:
        """Story seconds left in the current event, as of now."""
        return self._durations[self._index] - self.elapsed()

    def seconds_to_next_change(self) -> float | None:
        """Wall seconds until the next boundary at the current speed; None if nothing is due."""
        if not self._running():
            return None
        left = self._durations[self._index] - self._position()
        return max(left, 0.0) / self._speed

    # -- time passing --------------------------------------------------------------------

    def update(self) -> bool:
        """Catch up with the clock, crossing every boundary passed since the last look.

        Returns True if the index or the state changed.
        """
        if not self._running():
            return False
        before = (self._index, self._state)
        pos = self._position()
        last = self.count - 1
        while pos >= self._durations[self._index]:
            if self._index == last and self._loop:
                pos -= self._durations[last]
                self._anchor_pos -= self._durations[last]
                self._index = 0
                continue
            if self._index == last:
                # Freeze at the very end of the last event: remaining() is 0.
                self._state = State.FINISHED
                self._anchor_pos = self._durations[last]
                break
            # Keep the wall anchor: the overshoot carries into the next event.
            pos -= self._durations[self._index]
            self._anchor_pos -= self._durations[self._index]
            self._index += 1
        return (self._index, self._state) != before

    # -- user actions --------------------------------------------------------------------

    def _reanchor(self, pos: float) -> None:
        self._anchor_wall = self._clock()
        self._anchor_pos = pos

    def _go(self, index: int) -> None:
        self._index = index
        self._reanchor(0.0)

    def pause(self) -> None:
        self.update()
        if self._state is State.PLAYING:
            self._reanchor(self._position())
            self._state = State.PAUSED

    def resume(self) -> None:
        """Run again from where it paused. A finished story stays finished: see restart()."""
        if self._state is State.PAUSED:
            self._reanchor(self._anchor_pos)
            self._state = State.PLAYING

    def toggle(self) -> None:
        if self._state is State.PLAYING:
            self.pause()
        else:
            self.resume()

    def next(self) -> None:
        """Start of the next event; from the last event, finish. Playing/paused is kept."""
        self.update()
        if self._state is State.FINISHED:
            return
        if self._index == self.count - 1:
            self._state = State.FINISHED
            self._reanchor(self._durations[self._index])
        else:
            self._go(self._index + 1)

    def previous(self) -> None:
        """Start of the previous event (event 0 restarts itself). Playing/paused is kept.

        From FINISHED the last event is shown again, playing, since the end card stood
        in for it.
        """
        self.update()
        if self._state is State.FINISHED:
            self._state = State.PLAYING
            self._go(self._index)
        else:
            self._go(max(self._index - 1, 0))

    def jump(self, index: int) -> None:
        """Start of event ``index``; a finished story plays again from there."""
        if not 0 <= index < self.count:
            raise IndexError(f"event index {index} out of range 0..{self.count - 1}")
        self.update()
        if self._state is State.FINISHED:
            self._state = State.PLAYING
        self._go(index)

    def restart(self) -> None:
        """Play again: event 0, playing."""
        self._state = State.PLAYING
        self._go(0)

    def set_speed(self, speed: float) -> None:
        """Change speed at once, keeping the story seconds already spent in this event."""
        speed = _check_speed(speed)
        self.update()
        self._reanchor(self._position())
        self._speed = speed
