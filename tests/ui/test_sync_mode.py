"""Chronological mode in the real window: one playhead through the bundled 1917-1920 stories
in date order, at high speed, waiting on signals only. (The session's rules are tested on a
fake clock in tests/model/test_session.py.)"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from windows import wait_map

from storyplayer.model.dates import format_date
from storyplayer.model.library import Library
from storyplayer.model.playback import State
from storyplayer.model.session import Session
from storyplayer.model.timeline import merged_order

THREE = ["october-1917", "world-war-1", "independence-1918"]


@pytest.fixture
def library(bundled_library: Library) -> Library:
    return bundled_library


@pytest.fixture
def stories(library):
    return [library.get(i) for i in THREE]


def current(session: Session) -> tuple[int, int]:
    """(pane, event index) the shared playhead is on."""
    head = session.playhead
    return session.slots.index(head.slot), head.index


# -- the real window ------------------------------------------------------------------------


@pytest.fixture
def window_options() -> dict[str, bool]:
    return {"sync": True}  # date order


def test_the_window_plays_three_stories_in_date_order(qtbot, make_window, stories) -> None:
    window = make_window(speed=100)  # about 6 s in all: a busy machine still sees most steps
    window.play(THREE)
    session = window.playback.session
    assert session.date_order and window.playback.sync_button.isChecked()
    order, panes = merged_order(stories), window.playback.panes
    seen, shown = [current(session)], []

    def on_change() -> None:
        if session.shared.state is State.FINISHED or current(session) == seen[-1]:
            return
        pane, index = current(session)
        seen.append((pane, index))
        shown.append(panes[pane].event_view.title.text() == stories[pane].events[index]
                     .title.get("en"))

    window.playback.driver.changed.connect(on_change)
    wait_map(qtbot, window)
    qtbot.waitUntil(lambda: session.shared.state is State.FINISHED, timeout=30_000)
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
    assert current(view.session) == (1, 4)  # 29 September 1917 O.S.
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
    assert not view.session.date_order and not view.sync_button.isChecked()
    assert [p.driver.index for p in view.panes] == where
    view.toggle_all()  # each pane now plays by itself
    assert all(p.driver.state is State.PLAYING for p in view.panes)
    view.step(True)
    assert [p.driver.index for p in view.panes] == [3, 5, 1]
    qtbot.mouseClick(view.sync_button, Qt.LeftButton)  # and back in: from the earliest shown
    assert current(view.session) == (0, 3)
    assert all(p.driver.state is State.PAUSED for p in view.panes)


def test_date_order_starts_playing_by_itself_once_the_map_is_ready(qtbot, make_window,
                                                                  stories) -> None:
    window = make_window(sync=False)
    wait_map(qtbot, window)  # the usual case: the map is ready before the stories start
    window.playback.set_sync(True)  # as --sync does
    window.play(THREE)
    view = window.playback
    assert view.session.shared.state is State.PLAYING
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
    start = view.session.shared.index
    view.set_speed(400)  # it really runs: the playhead moves on by itself
    qtbot.waitUntil(lambda: view.session.shared.index > start, timeout=10_000)


def test_the_window_toggle_starts_date_order_playing(qtbot, make_window) -> None:
    window = make_window(sync=False)
    wait_map(qtbot, window)
    window.play(THREE)
    view = window.playback
    assert all(p.driver.state is State.PLAYING for p in view.panes)
    qtbot.mouseClick(view.sync_button, Qt.LeftButton)
    assert view.session.date_order and view.session.shared.state is State.PLAYING
    assert view.pause_all_button.text() == "Pause all"
    view.toggle_all()  # paused by hand, leaving and coming back keeps it paused
    qtbot.mouseClick(view.sync_button, Qt.LeftButton)
    qtbot.mouseClick(view.sync_button, Qt.LeftButton)
    assert view.session.shared.state is State.PAUSED
