"""Playback state machine, driven by a fake clock: no Qt, no display, no waiting."""

import random

import pytest
from fake_clock import FakeClock
from hypothesis import given, settings
from hypothesis import strategies as st

from storyplayer.model.playback import Playback, State, event_seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(1000.0)


def make(clock, durations=(10, 20, 30), **kw) -> Playback:
    return Playback(durations, clock, **kw)


# -- construction ---------------------------------------------------------------------------


def test_starts_playing_at_event_zero(clock):
    p = make(clock)
    assert (p.index, p.count, p.state, p.speed) == (0, 3, State.PLAYING, 1.0)
    assert p.elapsed() == 0
    assert p.remaining() == 10
    assert p.seconds_to_next_change() == 10


def test_autoplay_off_starts_paused(clock):
    p = make(clock, autoplay=False)
    assert p.state is State.PAUSED
    clock.advance(100)
    assert not p.update()
    assert p.index == 0 and p.remaining() == 10
    assert p.seconds_to_next_change() is None


@pytest.mark.parametrize("durations", [(), (1, 0), (-1,), (float("nan"),), (float("inf"),)])
def test_rejects_bad_durations(clock, durations):
    with pytest.raises(ValueError):
        Playback(durations, clock)


@pytest.mark.parametrize("speed", [0, -1, float("nan"), float("inf")])
def test_rejects_bad_speed(clock, speed):
    with pytest.raises(ValueError):
        make(clock, speed=speed)
    p = make(clock)
    with pytest.raises(ValueError):
        p.set_speed(speed)


# -- time passing ---------------------------------------------------------------------------


def test_no_change_before_boundary(clock):
    p = make(clock)
    clock.advance(9.5)
    assert not p.update()
    assert p.index == 0
    assert p.elapsed() == pytest.approx(9.5)
    assert p.seconds_to_next_change() == pytest.approx(0.5)


def test_advances_at_boundary_exactly(clock):
    p = make(clock)
    clock.advance(10)
    assert p.update()
    assert p.index == 1 and p.elapsed() == 0


def test_overshoot_carries_into_next_event(clock):
    p = make(clock)
    clock.advance(10.75)
    assert p.update()
    assert p.index == 1
    assert p.elapsed() == pytest.approx(0.75)
    assert p.seconds_to_next_change() == pytest.approx(19.25)


def test_several_boundaries_in_one_update(clock):
    p = make(clock, (1, 2, 3, 4, 5))
    clock.advance(1 + 2 + 3 + 0.5)
    assert p.update()
    assert p.index == 3
    assert p.elapsed() == pytest.approx(0.5)


def test_finishes_at_end_of_last_event(clock):
    p = make(clock)
    clock.advance(1_000)
    assert p.update()
    assert p.state is State.FINISHED and p.index == 2
    assert p.remaining() == 0
    assert p.seconds_to_next_change() is None
    assert not p.update()


def test_elapsed_is_clamped_before_update(clock):
    p = make(clock)
    clock.advance(15)
    assert p.elapsed() == 10 and p.remaining() == 0
    assert p.seconds_to_next_change() == 0


# -- pause / resume -------------------------------------------------------------------------


def test_pause_keeps_remaining(clock):
    p = make(clock)
    clock.advance(4)
    p.pause()
    assert p.state is State.PAUSED
    clock.advance(3600)
    assert not p.update()
    assert p.index == 0 and p.remaining() == pytest.approx(6)


def test_resume_continues_from_pause_point(clock):
    p = make(clock)
    clock.advance(4)
    p.pause()
    clock.advance(50)
    p.resume()
    assert p.state is State.PLAYING
    assert p.seconds_to_next_change() == pytest.approx(6)
    clock.advance(6.5)
    assert p.update()
    assert p.index == 1 and p.elapsed() == pytest.approx(0.5)


def test_pause_after_missed_boundary_settles_first(clock):
    p = make(clock)
    clock.advance(12)  # nobody called update() at 10
    p.pause()
    assert p.index == 1 and p.elapsed() == pytest.approx(2)


def test_toggle(clock):
    p = make(clock)
    p.toggle()
    assert p.state is State.PAUSED
    p.toggle()
    assert p.state is State.PLAYING


def test_resume_does_not_reopen_a_finished_story(clock):
    p = make(clock)
    clock.advance(60)
    p.update()
    p.resume()
    p.toggle()
    assert p.state is State.FINISHED


# -- speed ----------------------------------------------------------------------------------


def test_speed_scales_wall_time(clock):
    p = make(clock, speed=4)
    assert p.seconds_to_next_change() == pytest.approx(2.5)
    clock.advance(2.5)
    assert p.update() and p.index == 1


def test_speed_change_mid_event_keeps_elapsed(clock):
    p = make(clock)
    clock.advance(4)  # 4 story seconds at 1x
    p.set_speed(2)
    assert p.speed == 2
    assert p.elapsed() == pytest.approx(4)
    assert p.seconds_to_next_change() == pytest.approx(3)  # 6 story seconds at 2x
    clock.advance(2)
    assert p.elapsed() == pytest.approx(8)
    clock.advance(1)
    assert p.update() and p.index == 1 and p.elapsed() == pytest.approx(0)


def test_speed_change_while_paused_applies_on_resume(clock):
    p = make(clock)
    clock.advance(4)
    p.pause()
    p.speed = 3
    clock.advance(100)
    assert p.remaining() == pytest.approx(6)
    p.resume()
    assert p.seconds_to_next_change() == pytest.approx(2)


# -- manual steps ---------------------------------------------------------------------------


def test_next_goes_to_start_of_next_event_and_keeps_state(clock):
    p = make(clock)
    clock.advance(3)
    p.next()
    assert (p.index, p.state, p.elapsed()) == (1, State.PLAYING, 0)
    p.pause()
    p.next()
    assert (p.index, p.state, p.elapsed()) == (2, State.PAUSED, 0)


def test_next_on_last_event_finishes(clock):
    p = make(clock)
    p.jump(2)
    p.next()
    assert p.state is State.FINISHED and p.index == 2
    p.next()
    assert p.state is State.FINISHED and p.index == 2


def test_previous(clock):
    p = make(clock)
    p.jump(2)
    clock.advance(5)
    p.previous()
    assert (p.index, p.elapsed()) == (1, 0)
    p.previous()
    assert p.index == 0
    clock.advance(5)
    p.pause()
    p.previous()  # at event 0: restart it
    assert (p.index, p.elapsed(), p.state) == (0, 0, State.PAUSED)


def test_previous_from_finished_shows_last_event_again(clock):
    p = make(clock)
    clock.advance(60)
    p.update()
    p.previous()
    assert (p.index, p.state, p.elapsed()) == (2, State.PLAYING, 0)


def test_jump(clock):
    p = make(clock)
    clock.advance(5)
    p.jump(2)
    assert (p.index, p.elapsed(), p.state) == (2, 0, State.PLAYING)
    clock.advance(29)
    assert not p.update()
    with pytest.raises(IndexError):
        p.jump(3)
    with pytest.raises(IndexError):
        p.jump(-1)


def test_jump_from_finished_plays(clock):
    p = make(clock)
    clock.advance(60)
    p.update()
    p.jump(1)
    assert (p.index, p.state) == (1, State.PLAYING)


def test_restart(clock):
    p = make(clock)
    clock.advance(60)
    p.update()
    p.restart()
    assert (p.index, p.state, p.elapsed()) == (0, State.PLAYING, 0)
    p.pause()
    p.restart()
    assert p.state is State.PLAYING


# -- classroom (manual) mode ---------------------------------------------------------------


def test_manual_never_advances_by_itself(clock):
    p = make(clock)
    p.manual = True
    assert p.manual
    clock.advance(10 * 3600)
    assert not p.update()
    assert (p.index, p.state) == (0, State.PLAYING)
    assert p.remaining() == 10
    assert p.seconds_to_next_change() is None
    p.next()
    clock.advance(3600)
    assert not p.update()
    assert (p.index, p.remaining()) == (1, 20)


def test_leaving_manual_runs_on_from_where_it_stood(clock):
    p = make(clock)
    clock.advance(4)
    p.manual = True
    clock.advance(500)
    p.manual = False
    assert p.elapsed() == pytest.approx(4)
    clock.advance(6)
    assert p.update() and p.index == 1


# -- drift ----------------------------------------------------------------------------------


def _story_position(p: Playback) -> float:
    """Story seconds since the start, as the playback sees it."""
    return sum(p.durations[: p.index]) + p.elapsed()


@settings(max_examples=20, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), speed=st.sampled_from([0.5, 1.0, 1.7, 3.0]))
def test_late_timer_does_not_drift_over_an_hour(seed, speed):
    rng = random.Random(seed)
    durations = [rng.uniform(8, 45) for _ in range(600)]  # longer than an hour at any speed
    clock = FakeClock(rng.uniform(0, 1e6))
    start = clock.now
    p = Playback(durations, clock, speed=speed)
    fired = 0
    while True:
        wait = p.seconds_to_next_change()
        assert wait is not None
        due = clock.now + wait + rng.uniform(0, 0.030)  # a timer that always fires late
        if due - start >= 3600:
            break
        clock.now = due
        assert p.update()
        fired += 1
        assert _story_position(p) == pytest.approx((clock.now - start) * speed, abs=1 / 60)
    assert fired > 50
    clock.now = start + 3600
    p.update()
    assert p.state is State.PLAYING
    # Where the schedule says, not 0-30 ms x (number of events) behind it.
    assert _story_position(p) == pytest.approx(3600 * speed, abs=1 / 60)


# -- event_seconds --------------------------------------------------------------------------


def test_event_seconds_prefers_explicit_then_default():
    assert event_seconds(500, explicit=12, default=20) == 12
    assert event_seconds(500, explicit=None, default=20) == 20


@pytest.mark.parametrize(
    ("words", "expected"),
    [(0, 8), (6, 8), (30, 16), (90, 36), (117, 45), (1000, 45)],
)
def test_event_seconds_from_reading_length(words, expected):
    assert event_seconds(words, explicit=None, default=None) == pytest.approx(expected)


# -- endless play ---------------------------------------------------------------------------


def test_loop_wraps_to_the_first_event_on_the_same_schedule():
    clock = FakeClock()
    playback = Playback([2.0, 3.0], clock)
    playback.loop = True
    for _ in range(999):  # many loops, each look at the clock 0.37 s late
        clock.now += 5.37
        playback.update()
    assert playback.state is State.PLAYING
    # 5364.63 s into a 5 s loop: 4.63 s into a loop, however late each look was.
    expected = (999 * 5.37) % 5.0
    position = sum(playback.durations[: playback.index]) + playback.elapsed()
    assert position == pytest.approx(expected, abs=1e-6)


def test_loop_off_finishes_again():
    clock = FakeClock()
    playback = Playback([1.0], clock)
    playback.loop = True
    clock.now += 1.5
    playback.update()
    assert playback.index == 0 and playback.elapsed() == pytest.approx(0.5)
    playback.loop = False
    clock.now += 1.0
    playback.update()
    assert playback.state is State.FINISHED
