"""Chronological mode: one playhead through the bundled 1917-1920 stories in date order.

The controller is first stepped by hand on a fake clock (no window, no waiting), then the
real window plays at high speed, waiting on signals only.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fake_clock import FakeClock
from PySide6.QtCore import Qt
from windows import wait_map

from storyplayer.model.dates import format_date
from storyplayer.model.library import Library
from storyplayer.model.playback import State
from storyplayer.model.timeline import merged_order, timeline_items
from storyplayer.ui.main_window import MainWindow
from storyplayer.ui.playback_driver import PlaybackDriver
from storyplayer.ui.sync_controller import SyncController

THREE = ["october-1917", "world-war-1", "independence-1918"]


@pytest.fixture
def library(bundled_library: Library) -> Library:
    return bundled_library


@pytest.fixture
def stories(library):
    return [library.get(i) for i in THREE]


@pytest.fixture
def controller(qtbot, stories) -> Iterator[SyncController]:
    clock = FakeClock()
    drivers = [PlaybackDriver(s.durations(), clock=clock, autoplay=False) for s in stories]
    sync = SyncController(stories, drivers, clock=clock, autoplay=False)
    yield sync
    sync.stop()
    for driver in drivers:
        driver.stop()


def day_of(story, index):
    return timeline_items(story)[index].start


def test_stepping_interleaves_the_stories_by_date(controller, stories) -> None:
    drivers, seen = controller.drivers, []
    for _ in range(len(controller.schedule.order)):
        pane, index = controller.current
        seen.append((pane, index))
        assert drivers[pane].index == index  # that pane shows it...
        assert drivers[pane].state is State.PAUSED  # ...without playing by itself
        for other, driver in enumerate(drivers):  # the others show their latest so far
            if other != pane and driver.state is not State.FINISHED:
                shown = day_of(stories[other], driver.index)
                assert shown <= day_of(stories[pane], index) or (other, driver.index) not in seen
        controller.next()
    assert seen == merged_order(stories)
    days = [day_of(stories[p], i) for p, i in seen]
    assert days == sorted(days)
    assert {p for p, _ in seen[:4]} == {1} and {p for p, _ in seen[-3:]} == {2}
    assert controller.state is State.FINISHED
    assert all(d.state is State.FINISHED for d in drivers)


def test_a_story_whose_last_event_is_passed_shows_its_end(controller, stories) -> None:
    last_october = max(k for k, (p, _) in enumerate(controller.schedule.order) if p == 0)
    controller.driver.jump(last_october + 1)
    drivers = controller.drivers
    assert drivers[0].state is State.FINISHED
    assert drivers[1].state is State.PAUSED and drivers[2].state is State.PAUSED
    controller.previous()  # back onto October's last event: it shows again
    assert drivers[0].state is State.PAUSED and drivers[0].index == len(stories[0].events) - 1


def test_a_pane_jump_moves_the_shared_playhead(controller) -> None:
    controller.drivers[2].jump(3)  # e.g. a click on the timeline or the pane's strip
    assert controller.current == (2, 3)
    assert controller.drivers[2].state is State.PAUSED
    controller.drivers[2].toggle()  # the pane's Play means the shared playhead
    assert controller.state is State.PLAYING and controller.drivers[2].state is State.PAUSED
    assert controller.drivers[0].state is State.FINISHED  # October 1917 is over by then


# -- the real window ------------------------------------------------------------------------


@pytest.fixture
def make_window(windows, library):
    def make(speed: float = 1.0, sync: bool = True) -> MainWindow:
        return windows.make(library, speed=speed, sync=sync)

    return make


def test_the_window_plays_three_stories_in_date_order(qtbot, make_window, stories) -> None:
    window = make_window(speed=300)
    window.play(THREE)
    sync = window.playback.sync
    assert sync is not None and window.playback.sync_button.isChecked()
    order, panes = merged_order(stories), window.playback.panes
    seen, shown = [sync.current], []

    def on_event(_: int) -> None:
        pane, index = sync.current
        seen.append((pane, index))
        shown.append(panes[pane].event_view.title.text() == stories[pane].events[index]
                     .title.get("en"))

    sync.driver.eventChanged.connect(on_event)
    wait_map(qtbot, window)
    with qtbot.waitSignal(sync.driver.finished, timeout=30_000):
        pass
    # A busy machine may wake late and cross several events at once; never out of order.
    positions = [order.index(item) for item in seen]
    assert positions == sorted(set(positions)) and len(seen) > len(order) // 2
    assert seen[0] == order[0] and seen[-1] == order[-1]
    assert all(shown)
    for pane in window.playback.panes:
        assert pane.pages.currentWidget() is pane.end_card
        assert pane.end_card.play_again.isVisibleTo(pane)


def test_leaving_the_mode_keeps_each_pane_where_it_stands(qtbot, make_window) -> None:
    window = make_window()
    window.play(THREE)
    view = window.playback
    wait_map(qtbot, window)
    view.toggle_all()  # pause the shared playhead
    assert view.pause_all_button.text() == "Play all"
    for _ in range(7):
        view.step(True)
    assert view.sync.current == (1, 4)  # 29 September 1917 O.S.
    where = [p.driver.index for p in view.panes]
    assert where == [2, 4, 0]  # October at 1 July 1917; Estonia waits for 1918
    # Panes tell the shared playhead's state, not their own paused drivers'.
    statuses = [p.status.text() for p in view.panes]
    assert statuses[0] == "Event 3 of 11 · paused"
    assert statuses[2] == "Waiting for its first date"
    assert all(p.play_button.accessibleName() == "Play" for p in view.panes)
    view.toggle_all()
    assert view.panes[1].play_button.accessibleName() == "Pause"
    assert view.panes[1].status.text().endswith(" s left")
    view.toggle_all()
    qtbot.mouseClick(view.sync_button, Qt.LeftButton)  # leave the mode
    assert view.sync is None and not view.sync_button.isChecked()
    assert [p.driver.index for p in view.panes] == where
    view.toggle_all()  # each pane now plays by itself
    assert all(p.driver.state is State.PLAYING for p in view.panes)
    view.step(True)
    assert [p.driver.index for p in view.panes] == [3, 5, 1]
    qtbot.mouseClick(view.sync_button, Qt.LeftButton)  # and back in: from the earliest shown
    assert view.sync.current == (0, 3)
    assert all(p.driver.state is State.PAUSED for p in view.panes)


def test_date_order_starts_playing_by_itself_once_the_map_is_ready(qtbot, make_window,
                                                                  stories) -> None:
    window = make_window(sync=False)
    wait_map(qtbot, window)  # the usual case: the map is ready before the stories start
    window.playback.set_sync(True)  # as --sync does
    window.play(THREE)
    view = window.playback
    assert view.sync.state is State.PLAYING
    assert view.pause_all_button.text() == "Pause all"
    assert view.panes[1].play_button.accessibleName() == "Pause"
    # Panes the playhead has not reached show their title and first date, not an event.
    for number in (0, 2):
        pane = view.panes[number]
        assert pane.pages.currentWidget() is pane.waiting_card
        first = pane.story.events[pane.driver.index].date
        assert pane.waiting_card.starts.text() == "Starts: " + format_date(first, "en")
        assert pane.waiting_card.story_title.text() == stories[number].title.get("en")
    assert view.panes[1].pages.currentWidget() is view.panes[1].event_view
    with qtbot.waitSignal(view.sync.driver.eventChanged, timeout=10_000):
        view.set_speed(400)  # it really runs: the playhead moves on by itself


def test_the_window_toggle_starts_date_order_playing(qtbot, make_window) -> None:
    window = make_window(sync=False)
    wait_map(qtbot, window)
    window.play(THREE)
    view = window.playback
    assert all(p.driver.state is State.PLAYING for p in view.panes)
    qtbot.mouseClick(view.sync_button, Qt.LeftButton)
    assert view.sync is not None and view.sync.state is State.PLAYING
    assert view.pause_all_button.text() == "Pause all"
    view.toggle_all()  # paused by hand, leaving and coming back keeps it paused
    qtbot.mouseClick(view.sync_button, Qt.LeftButton)
    qtbot.mouseClick(view.sync_button, Qt.LeftButton)
    assert view.sync.state is State.PAUSED
