"""The playback session on a fake clock, without a display: every command, in each mode,
and date order's shared playhead (which drives the panes by construction)."""

from __future__ import annotations

import random

import pytest
from fake_clock import FakeClock

from storyplayer.model.library import Library
from storyplayer.model.playback import State
from storyplayer.model.session import Change, Session
from storyplayer.model.timeline import merged_order, timeline_items
from storyplayer.resources import bundled_stories_dir

THREE = ["october-1917", "world-war-1", "independence-1918"]
SLOTS = (0, 1, 2)


@pytest.fixture(scope="module")
def stories():
    library = Library.load([bundled_stories_dir()])
    return [library.get(i) for i in THREE]


def make(stories, clock=None, **options) -> tuple[Session, list[list[Change]]]:
    session = Session(dict(zip(SLOTS, stories, strict=True)), clock or FakeClock(), **options)
    heard: list[list[Change]] = []
    session.subscribe(heard.append)
    return session, heard


def check(session: Session) -> None:
    """What must hold after every step."""
    if session.date_order:
        views = session.schedule.pane_views(session.shared.index,
                                            session.shared.state is State.FINISHED)
        for slot, view in zip(session.slots, views, strict=True):
            seen = session.view(slot)
            assert seen.state is not State.PLAYING  # only the shared playhead runs
            assert seen.index == view.index and seen.waiting == view.waiting
            assert (seen.state is State.FINISHED) == view.finished
        assert sum(session.view(s).current for s in session.slots) <= 1
    if not session.running() or session.manual:
        assert session.seconds_to_next_change() is None


def test_stepping_in_date_order_interleaves_the_stories(stories) -> None:
    session, _ = make(stories, autoplay=False)
    session.set_date_order(True)
    seen = []
    while session.shared.state is not State.FINISHED:
        head = session.playhead
        seen.append((session.slots.index(head.slot), head.index))
        assert session.view(head.slot).index == head.index and session.view(head.slot).current
        check(session)
        session.next()
    assert seen == merged_order(stories)
    days = [timeline_items(stories[p])[i].start for p, i in seen]
    assert days == sorted(days)
    assert all(session.view(s).state is State.FINISHED for s in SLOTS)


@pytest.mark.parametrize("states", [
    (a, b, c) for a in State for b in State for c in State])
def test_date_order_starts_playing_when_anything_played_or_everything_had_ended(
        stories, states) -> None:
    """Built at its start in its state: it never starts paused by mistake (or playing)."""
    clock = FakeClock()
    session, _ = make(stories, clock, autoplay=False)
    for slot, state in zip(SLOTS, states, strict=True):
        session.jump(slot, 2)
        if state is State.PLAYING:
            session.play(slot)
        elif state is State.FINISHED:
            session.jump(slot, session.playback(slot).count - 1)
            session.next(slot)
        assert session.view(slot).state is state
    session.set_date_order(True)
    check(session)
    should_play = State.PLAYING in states or set(states) == {State.FINISHED}
    assert session.running() is should_play
    before = session.shared.index
    clock.advance(10_000)
    session.update()
    assert (session.shared.index > before or session.shared.state is State.FINISHED) \
        is should_play
    check(session)


def test_time_moves_the_shared_playhead_and_each_pane_follows(stories) -> None:
    clock = FakeClock()
    session, heard = make(stories, clock, autoplay=False)
    session.set_date_order(True, playing=True)
    durations = session.schedule.durations
    for position in range(1, 6):
        was = session.playhead.slot
        heard.clear()
        clock.now = sum(durations[:position]) + 1e-6
        session.update()
        assert session.shared.index == position
        head = session.playhead
        changed = {c.slot for batch in heard for c in batch if c.slot is not None}
        # The pane it reaches and the one it leaves; the others stay as they were.
        assert changed <= {head.slot, was}
        assert [c.playhead for c in heard[-1]][-1] == head
        check(session)


def test_a_panes_commands_move_the_shared_playhead(stories) -> None:
    session, _ = make(stories, autoplay=False)
    session.set_date_order(True)
    session.jump(2, 3)  # a click on the timeline, the strip or a marker
    assert (session.playhead.slot, session.playhead.index) == (2, 3)
    assert session.view(2).state is State.PAUSED and not session.running()
    session.toggle(2)  # the pane's Play means the shared playhead
    assert session.running() and session.view(2).state is State.PAUSED
    assert session.view(0).state is State.FINISHED  # October 1917 is over by then
    session.next(2)
    assert session.view(2).index == 4 and session.playhead.index == 4
    session.previous(1)
    check(session)
    session.restart(1)
    assert (session.playhead.slot, session.playhead.index) == (1, 0) and session.running()
    session.finish()
    assert all(session.view(s).state is State.FINISHED for s in SLOTS)
    session.toggle(0)  # Play on an ended pane plays again from its last event
    assert session.running() and session.playhead.slot == 0
    check(session)


def test_leaving_date_order_lets_each_pane_play_on_from_where_it_stands(stories) -> None:
    clock = FakeClock()
    session, _ = make(stories, clock, autoplay=False)
    session.set_date_order(True, playing=True)
    session.jump(1, 4)
    where = [session.view(s).index for s in SLOTS]
    session.set_date_order(False)
    assert [session.view(s).index for s in SLOTS] == where
    assert session.playhead is None and not any(session.view(s).waiting for s in SLOTS)
    assert all(session.view(s).state in (State.PLAYING, State.FINISHED) for s in SLOTS)
    clock.advance(stories[1].durations()[4])
    session.update()
    assert session.view(1).index == 5  # on its own again


def test_each_pane_on_its_own(stories) -> None:
    clock = FakeClock()
    session, heard = make(stories, clock)
    session.next(1)
    assert [session.view(s).index for s in SLOTS] == [0, 1, 0]
    session.toggle()  # Pause all
    assert not session.running()
    session.toggle()  # Play all
    assert all(session.view(s).state is State.PLAYING for s in SLOTS)
    session.set_manual(True)
    clock.advance(1000)
    session.update()
    assert [session.view(s).index for s in SLOTS] == [0, 1, 0]  # time waits for the presenter
    check(session)
    session.next()
    assert [session.view(s).index for s in SLOTS] == [1, 2, 1]
    session.set_manual(False)
    session.set_loop(True)
    session.jump(0, session.playback(0).count - 1)
    clock.advance(stories[0].durations()[-1])
    session.update()
    assert session.view(0).index == 0  # endless play starts over
    heard.clear()
    session.set_speed(2.0)
    assert all(c.view.speed == 2.0 for c in heard[0])


def test_closing_a_pane_keeps_the_playheads_day(stories) -> None:
    session, heard = make(stories, autoplay=False)
    session.set_date_order(True)
    session.jump(2, 5)
    day = session.schedule.day(session.shared.index)
    session.remove(0)
    assert session.slots == [1, 2]
    assert session.schedule.day(session.shared.index) >= day
    check(session)
    assert heard[-1][-1].slot is None  # the playhead's news comes last
    session.remove(1)
    session.remove(2)
    assert session.slots == [] and session.playhead is None


def test_random_commands_keep_every_rule(stories) -> None:
    """Hundreds of commands in any order, with time passing between them."""
    rng = random.Random(20)
    clock = FakeClock()
    session, _ = make(stories, clock, autoplay=False)
    for _ in range(600):
        slot = rng.choice([None, *session.slots])
        command = rng.randrange(11)
        if command == 0:
            session.toggle(slot)
        elif command == 1:
            session.next(slot)
        elif command == 2:
            session.previous(slot)
        elif command == 3 and slot is not None:
            session.jump(slot, rng.randrange(session.playback(slot).count))
        elif command == 4 and slot is not None:
            session.restart(slot)
        elif command == 5:
            session.set_date_order(not session.date_order)
        elif command == 6:
            session.set_manual(rng.random() < 0.3)
        elif command == 7:
            session.play(slot)
        elif command == 8:
            session.pause(slot)
        elif command == 9 and rng.random() < 0.05:
            session.finish()
        clock.advance(rng.choice([0, 1, 5, 30, 200]))
        session.update()
        check(session)
