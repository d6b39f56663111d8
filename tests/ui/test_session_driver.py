"""SessionDriver on real Qt timers: signals in order, pause holds, stop leaves no timer.

Waits on signals only; short timeouts are used solely to show that something did *not* happen.
"""

import time
from pathlib import Path

import pytest
from fake_clock import FakeClock
from PySide6.QtCore import QTimer
from shiboken6 import Shiboken

from storyplayer.model.playback import State
from storyplayer.model.session import Session
from storyplayer.model.story import Event, Story
from storyplayer.model.text import LocalText
from storyplayer.ui.playback.session_driver import SessionDriver, SlotDriver


def story(durations) -> Story:  # type: ignore[no-untyped-def]
    events = tuple(Event(LocalText.from_value(f"Event {i}"), seconds=float(seconds))
                   for i, seconds in enumerate(durations))
    return Story("s", Path("."), LocalText.from_value("A story"), events)


def active_timers(driver: SlotDriver) -> list[QTimer]:
    return [t for t in driver.parent().findChildren(QTimer) if t.isActive()]


@pytest.fixture
def make_driver(qtbot):
    made: list[SessionDriver] = []

    def make(durations=(1, 1, 1), clock=time.monotonic, **kw) -> SlotDriver:
        owner = SessionDriver(Session({0: story(durations)}, clock, **kw))
        made.append(owner)
        return owner.slot(0)

    yield make
    for owner in made:
        owner.stop()


def test_plays_through_to_finished(qtbot, make_driver):
    seen: list[object] = []
    driver = make_driver(speed=50)  # 20 ms per event
    driver.eventChanged.connect(seen.append)
    driver.finished.connect(lambda: seen.append("finished"))
    with qtbot.waitSignal(driver.finished, timeout=5000):
        pass
    # A busy machine may wake late and cross two events at once; never out of order.
    assert seen[-2:] == [2, "finished"] and seen[:-1] in ([1, 2], [2])
    assert driver.state is State.FINISHED and driver.index == 2
    assert active_timers(driver) == []


def test_signals_in_order_with_wait_signals(qtbot, make_driver):
    # half a second per event: a machine that wakes late must not skip event 1 here
    driver = make_driver(speed=2, autoplay=False)
    with qtbot.waitSignals(
        [driver.eventChanged, driver.eventChanged, driver.finished],
        order="strict",
        check_params_cbs=[lambda i: i == 1, lambda i: i == 2, None],
        timeout=5000,
    ):
        driver.resume()


def test_autoplay_off_arms_nothing(make_driver):
    driver = make_driver(autoplay=False)
    assert driver.state is State.PAUSED
    assert active_timers(driver) == []


def test_pause_stops_advancing(qtbot, make_driver):
    driver = make_driver((0.2, 1, 1), speed=1)
    with qtbot.waitSignal(driver.stateChanged, timeout=1000):
        driver.pause()
    assert active_timers(driver) == []
    with qtbot.waitSignal(driver.eventChanged, timeout=400, raising=False) as blocker:
        pass
    assert not blocker.signal_triggered
    assert driver.index == 0
    with qtbot.waitSignal(driver.eventChanged, timeout=2000) as blocker:
        driver.resume()
    assert blocker.args == [1]


def test_tick_while_playing(qtbot, make_driver):
    driver = make_driver((60,))
    with qtbot.waitSignal(driver.tick, timeout=2000):
        pass
    assert 0 < driver.remaining() < 60


def test_manual_never_advances_by_itself_and_steps_emit(qtbot, make_driver):
    clock = FakeClock()
    driver = make_driver(clock=clock, manual=True)
    owner = driver.parent()
    assert driver.manual and driver.state is State.PLAYING
    moved: list[int] = []
    driver.eventChanged.connect(moved.append)
    # No timer is left to wake it: time stands still until the presenter steps.
    assert active_timers(driver) == []
    for _ in range(5):
        clock.now += 60  # a long discussion in class
        owner.command(Session.update)  # what a (late) timer would do: look at the clock
    assert moved == [] and driver.index == 0
    with qtbot.waitSignal(driver.eventChanged, timeout=1000) as blocker:
        driver.next()
    assert blocker.args == [1]
    with qtbot.waitSignal(driver.eventChanged, timeout=1000) as blocker:
        driver.jump(2)
    assert blocker.args == [2]
    with qtbot.waitSignals([driver.stateChanged, driver.finished], timeout=1000):
        driver.next()
    assert driver.state is State.FINISHED


def test_restart_after_finish_plays_again(qtbot, make_driver):
    clock = FakeClock()
    driver = make_driver(clock=clock)
    clock.now = 10  # past the end; the next look at the clock finishes the story
    with qtbot.waitSignal(driver.finished, timeout=2000):
        pass
    assert active_timers(driver) == []
    with qtbot.waitSignals([driver.eventChanged, driver.stateChanged], timeout=1000):
        driver.restart()
    assert (driver.index, driver.state) == (0, State.PLAYING)
    assert active_timers(driver)


def test_set_speed_emits_state_changed(qtbot, make_driver):
    driver = make_driver(clock=FakeClock())
    with qtbot.waitSignal(driver.stateChanged, timeout=1000):
        driver.parent().command(lambda s: s.set_speed(2))
    assert driver.speed == 2


def test_stop_leaves_no_active_timers(qtbot, make_driver):
    driver = make_driver(speed=50)
    assert active_timers(driver)
    driver.parent().stop()
    assert active_timers(driver) == []
    with qtbot.waitSignal(driver.eventChanged, timeout=200, raising=False) as blocker:
        driver.resume()
        driver.next()
    assert not blocker.signal_triggered
    assert active_timers(driver) == []
    assert driver.index == 0


def test_deleting_the_driver_deletes_its_timers(qtbot):
    owner = SessionDriver(Session({0: story((1, 1))}, time.monotonic, speed=50))
    timers = owner.findChildren(QTimer)
    assert timers
    with qtbot.waitSignal(owner.destroyed, timeout=1000):
        owner.deleteLater()
    assert not any(Shiboken.isValid(t) for t in timers)
