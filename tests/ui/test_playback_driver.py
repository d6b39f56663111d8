"""PlaybackDriver on real Qt timers: signals in order, pause holds, stop leaves no timer.

Waits on signals only; short timeouts are used solely to show that something did *not* happen.
"""

import pytest
from fake_clock import FakeClock
from PySide6.QtCore import QTimer
from shiboken6 import Shiboken

from storyplayer.model.playback import State
from storyplayer.ui.playback_driver import PlaybackDriver


def active_timers(driver: PlaybackDriver) -> list[QTimer]:
    return [t for t in driver.findChildren(QTimer) if t.isActive()]


@pytest.fixture
def make_driver(qtbot):
    made: list[PlaybackDriver] = []

    def make(durations=(1, 1, 1), **kw) -> PlaybackDriver:
        driver = PlaybackDriver(durations, **kw)
        made.append(driver)
        return driver

    yield make
    for driver in made:
        driver.stop()


def test_plays_through_to_finished(qtbot, make_driver):
    seen: list[object] = []
    driver = make_driver(speed=50)  # 20 ms per event
    driver.eventChanged.connect(seen.append)
    driver.finished.connect(lambda: seen.append("finished"))
    with qtbot.waitSignal(driver.finished, timeout=5000):
        pass
    assert seen == [1, 2, "finished"]
    assert driver.state is State.FINISHED and driver.index == 2
    assert active_timers(driver) == []


def test_signals_in_order_with_wait_signals(qtbot, make_driver):
    driver = make_driver(speed=50, autoplay=False)
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


def test_manual_steps_emit_and_finish(qtbot, make_driver):
    clock = FakeClock()
    driver = make_driver(clock=clock)
    with qtbot.waitSignal(driver.stateChanged, timeout=1000):
        driver.manual = True
    assert driver.manual
    assert active_timers(driver) == []
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
        driver.set_speed(2)
    assert driver.speed == 2


def test_stop_leaves_no_active_timers(qtbot, make_driver):
    driver = make_driver(speed=50)
    assert active_timers(driver)
    driver.stop()
    assert active_timers(driver) == []
    with qtbot.waitSignal(driver.eventChanged, timeout=200, raising=False) as blocker:
        driver.resume()
        driver.next()
    assert not blocker.signal_triggered
    assert active_timers(driver) == []
    assert driver.index == 0


def test_deleting_the_driver_deletes_its_timers(qtbot):
    driver = PlaybackDriver((1, 1), speed=50)
    timers = driver.findChildren(QTimer)
    assert timers
    with qtbot.waitSignal(driver.destroyed, timeout=1000):
        driver.deleteLater()
    assert not any(Shiboken.isValid(t) for t in timers)
