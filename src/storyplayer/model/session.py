"""One playback session: the playing stories' `Playback`s and, in date order, the one shared
playhead through all of them. Pure Python, no Qt: time comes from an injected clock.

Every command (play, pause, toggle, next, previous, jump, restart, finish, speed, date order,
manual, loop) goes to the session, which decides what it means: in date order a pane's
command moves the shared playhead and the panes' own playbacks are set from it in the same
step, so there is nothing to correct afterwards. After each command, and as time passes
(`update`), listeners get one list of `Change`s: what each slot shows and where the shared
playhead stands.

Slots are keyed by the caller's ids (the map's slot numbers), in pane order.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from storyplayer.model.playback import Playback, State
from storyplayer.model.story import Story
from storyplayer.model.timeline import SyncSchedule

__all__ = ["Change", "Playhead", "Session", "SlotView"]


@dataclass(frozen=True)
class SlotView:
    """What one slot shows. In date order `state` is never PLAYING: the shared playhead plays
    (see `Playhead`), and the slot shows an event (PAUSED) or its end card (FINISHED)."""

    index: int
    state: State
    speed: float
    manual: bool
    waiting: bool = False  # date order: the playhead has not reached this story yet
    current: bool = False  # date order: the playhead stands on this story's event


@dataclass(frozen=True)
class Playhead:
    """The shared playhead of date order: its place in the merged order and its state."""

    position: int
    slot: int
    index: int
    state: State


@dataclass(frozen=True)
class Change:
    """What changed in one step. `slot` None: only the shared playhead (or the mode)."""

    slot: int | None
    view: SlotView | None
    moved: bool = False  # the slot shows another event
    finished: bool = False  # the slot has just reached its end
    playhead: Playhead | None = None


Listener = Callable[[list[Change]], None]


class Session:
    """The playing stories (`stories`: slot id -> Story, in pane order)."""

    def __init__(
        self,
        stories: Mapping[int, Story],
        clock: Callable[[], float],
        *,
        speed: float = 1.0,
        autoplay: bool = True,
        manual: bool = False,
        loop: bool = False,
    ) -> None:
        self._clock = clock
        self._stories = dict(stories)
        self._speed, self._manual, self._loop = speed, manual, loop
        self._playbacks: dict[int, Playback] = {}
        for slot, story in self._stories.items():
            self._playbacks[slot] = self._new_playback(story.durations(), autoplay)
        self._schedule: SyncSchedule | None = None
        self._shared: Playback | None = None
        self._listeners: list[Listener] = []

    def _new_playback(self, durations: Sequence[float], playing: bool,
                      start: int = 0) -> Playback:
        playback = Playback(durations, self._clock, speed=self._speed, autoplay=playing,
                            start=start)
        playback.manual, playback.loop = self._manual, self._loop
        return playback

    # -- listening and reading -----------------------------------------------------------

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    @property
    def slots(self) -> list[int]:
        return list(self._stories)

    def story(self, slot: int) -> Story:
        return self._stories[slot]

    def playback(self, slot: int) -> Playback:
        """The slot's own playback, for reading (elapsed, remaining); command the session."""
        return self._playbacks[slot]

    @property
    def date_order(self) -> bool:
        return self._shared is not None

    @property
    def schedule(self) -> SyncSchedule | None:
        return self._schedule

    @property
    def shared(self) -> Playback | None:
        """The shared playhead's playback in date order, for reading."""
        return self._shared

    @property
    def manual(self) -> bool:
        return self._manual

    @property
    def speed(self) -> float:
        return self._speed

    def view(self, slot: int) -> SlotView:
        playback = self._playbacks[slot]
        waiting = current = False
        if self._shared is not None and self._schedule is not None:
            pane = self.slots.index(slot)
            view = self._pane_views()[pane]
            waiting = view.waiting
            current = (not view.finished and self._shared.state is not State.FINISHED
                       and self._schedule.item(self._shared.index)[0] == pane)
        return SlotView(playback.index, playback.state, playback.speed, playback.manual,
                        waiting, current)

    @property
    def playhead(self) -> Playhead | None:
        if self._shared is None or self._schedule is None:
            return None
        pane, index = self._schedule.item(self._shared.index)
        return Playhead(self._shared.index, self.slots[pane], index, self._shared.state)

    def running(self) -> bool:
        """Whether anything plays: the shared playhead in date order, else any slot."""
        if self._shared is not None:
            return self._shared.state is State.PLAYING
        return any(p.state is State.PLAYING for p in self._playbacks.values())

    def playhead_day(self) -> float | None:
        """Where the shared playhead stands on the time axis (a JDN, fractional while it
        moves towards the next event's day); None outside date order or without dates."""
        shared, schedule = self._shared, self._schedule
        if shared is None or schedule is None:
            return None
        day = schedule.day(shared.index)
        if day is None or shared.state is State.FINISHED:
            return day
        following = schedule.day(shared.index + 1) if shared.index + 1 < shared.count else None
        if following is None:
            return float(day)
        total = shared.elapsed() + shared.remaining()
        fraction = shared.elapsed() / total if total else 0.0
        return day + (following - day) * fraction

    def seconds_to_next_change(self) -> float | None:
        """Wall seconds until time next changes something; None when nothing runs."""
        running = [self._shared] if self._shared is not None else self._playbacks.values()
        waits = [w for p in running if (w := p.seconds_to_next_change()) is not None]
        return min(waits, default=None)

    # -- commands ------------------------------------------------------------------------

    def update(self) -> None:
        """Time passes: cross every boundary due by now."""
        self._do(lambda: None)

    def play(self, slot: int | None = None) -> None:
        """Run again (the slot's, every slot's, or in date order the shared playhead)."""
        self._do(lambda: self._each(slot, Playback.resume, shared=Playback.resume))

    def pause(self, slot: int | None = None) -> None:
        self._do(lambda: self._each(slot, Playback.pause, shared=Playback.pause))

    def toggle(self, slot: int | None = None) -> None:
        """A slot's Play/Pause; for every slot (None): pause all if any plays, else play."""
        def act() -> None:
            if self._shared is not None:
                if self._shared.state is State.FINISHED and slot is not None:
                    self._jump_shared(slot, self._playbacks[slot].index)
                    self._shared.resume()
                else:
                    self._shared.toggle()
            elif slot is not None:
                self._playbacks[slot].toggle()
            elif self.running():
                for playback in self._playbacks.values():
                    playback.pause()
            else:
                for playback in self._playbacks.values():
                    playback.resume()
        self._do(act)

    def next(self, slot: int | None = None) -> None:
        """The next event: of a slot's story, or (None) every slot's / the shared playhead's."""
        def act() -> None:
            if self._shared is not None and slot is not None:
                playback = self._playbacks[slot]
                if playback.state is not State.FINISHED and playback.index + 1 < playback.count:
                    self._jump_shared(slot, playback.index + 1)
            else:
                self._each(slot, Playback.next, shared=Playback.next)
        self._do(act)

    def previous(self, slot: int | None = None) -> None:
        def act() -> None:
            if self._shared is not None and slot is not None:
                self._jump_shared(slot, max(self._playbacks[slot].index - 1, 0))
            else:
                self._each(slot, Playback.previous, shared=Playback.previous)
        self._do(act)

    def jump(self, slot: int, index: int) -> None:
        """Event `index` of the slot's story (a marker, the timeline, the event list)."""
        if not 0 <= index < self._playbacks[slot].count:
            return
        def act() -> None:
            if self._shared is not None:
                self._jump_shared(slot, index)
            else:
                self._playbacks[slot].jump(index)
        self._do(act)

    def restart(self, slot: int) -> None:
        """Play again from the story's first event."""
        def act() -> None:
            if self._shared is not None:
                self._jump_shared(slot, 0)
                self._shared.resume()
            else:
                self._playbacks[slot].restart()
        self._do(act)

    def finish(self) -> None:
        """Every slot past its end: the end cards."""
        def act() -> None:
            for playback in self._all():
                if playback.state is not State.FINISHED:
                    playback.jump(playback.count - 1)
                    playback.next()
        self._do(act)

    def set_speed(self, speed: float) -> None:
        self._speed = speed
        self._do(lambda: [p.set_speed(speed) for p in self._all()])

    def set_manual(self, manual: bool) -> None:
        """Classroom mode: events move on only when someone steps."""
        self._manual = bool(manual)
        self._do(lambda: [setattr(p, "manual", self._manual) for p in self._all()])

    def set_loop(self, loop: bool) -> None:
        self._loop = bool(loop)
        self._do(lambda: [setattr(p, "loop", self._loop) for p in self._all()])

    def set_date_order(self, on: bool, *, playing: bool | None = None) -> None:
        """One playhead through every story's events in date order when `on`, starting at
        the earliest event on show, playing if any slot played (or every story had ended,
        so it plays again) unless `playing` says otherwise. Off: each slot plays on by
        itself from where it stands, playing if the shared playhead was."""
        if bool(on) == self.date_order:
            return
        self._do(lambda: self._enter_date_order(playing) if on else self._leave_date_order())

    def remove(self, slot: int) -> None:
        """The slot's pane closed. In date order the playhead stays on the day it stood at."""
        def act() -> None:
            shared, schedule = self._shared, self._schedule
            day = None
            if shared is not None and schedule is not None:
                day = schedule.day(shared.index)
                playing, finished = shared.state is State.PLAYING, shared.state is State.FINISHED
            del self._stories[slot], self._playbacks[slot]
            self._shared = self._schedule = None
            if shared is not None and self._stories:
                self._enter_date_order(playing, day=day, finished=finished)
        if slot in self._stories:
            self._do(act, gone=slot)

    # -- date order ----------------------------------------------------------------------

    def _enter_date_order(self, playing: bool | None, *, day: int | None = None,
                          finished: bool = False) -> None:
        stories = list(self._stories.values())
        if not stories:
            return
        schedule = SyncSchedule(stories)
        playbacks = list(self._playbacks.values())
        start = schedule.position_at_day(day) if day is not None else None
        if start is None:
            start = schedule.start_position([p.index for p in playbacks],
                                            [p.state is State.FINISHED for p in playbacks])
        if playing is None:
            states = {p.state for p in playbacks}
            playing = State.PLAYING in states or states <= {State.FINISHED}
        # Built at its start and in its state: nothing afterwards can leave it paused.
        self._schedule = schedule
        self._shared = self._new_playback(schedule.durations, playing, start)
        if finished:
            self._shared.jump(self._shared.count - 1)
            self._shared.next()

    def _leave_date_order(self) -> None:
        shared = self._shared
        playing = shared is not None and shared.state is State.PLAYING
        self._shared = self._schedule = None
        if playing:
            for playback in self._playbacks.values():
                playback.resume()

    def _jump_shared(self, slot: int, index: int) -> None:
        assert self._shared is not None and self._schedule is not None
        self._shared.jump(self._schedule.position_of(self.slots.index(slot), index))

    def _pane_views(self):  # type: ignore[no-untyped-def]
        assert self._shared is not None and self._schedule is not None
        return self._schedule.pane_views(self._shared.index,
                                         self._shared.state is State.FINISHED)

    def _follow_playhead(self) -> None:
        """Set each slot's playback to what the shared playhead shows there, paused."""
        for playback, view in zip(self._playbacks.values(), self._pane_views(), strict=True):
            if view.finished:
                if playback.state is not State.FINISHED:
                    playback.jump(playback.count - 1)
                    playback.next()
            elif playback.index != view.index or playback.state is State.FINISHED:
                playback.jump(view.index)
                playback.pause()
            else:
                playback.pause()

    # -- plumbing ------------------------------------------------------------------------

    def _all(self) -> list[Playback]:
        return [*self._playbacks.values(), *([self._shared] if self._shared else [])]

    def _each(self, slot: int | None, action: Callable[[Playback], None], *,
              shared: Callable[[Playback], None]) -> None:
        if self._shared is not None:
            shared(self._shared)
        elif slot is None:
            for playback in self._playbacks.values():
                action(playback)
        else:
            action(self._playbacks[slot])

    def _snapshot(self) -> tuple[dict[int, SlotView], Playhead | None]:
        return {slot: self.view(slot) for slot in self._stories}, self.playhead

    def _do(self, action: Callable[[], object], gone: int | None = None) -> None:
        before, head_before = self._snapshot()
        action()
        for playback in self._all():
            playback.update()
        if self._shared is not None:
            self._follow_playhead()
        after, head_after = self._snapshot()
        changes = [
            Change(slot, view, moved=view.index != before[slot].index,
                   finished=view.state is State.FINISHED
                   and before[slot].state is not State.FINISHED, playhead=head_after)
            for slot, view in after.items() if slot in before and view != before[slot]
        ]
        if head_after != head_before or gone is not None:
            changes.append(Change(None, None, playhead=head_after))
        if changes:
            for listener in list(self._listeners):
                listener(changes)
