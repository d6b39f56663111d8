"""`--play` sends the stories and their first events to the map before the window exists:
the page draws their markers as soon as it is ready, and the window that comes after does
not send them again."""

from __future__ import annotations

from page_probe import page_state

from storyplayer.app import _send_stories_ahead
from storyplayer.map.map_view import MapView
from storyplayer.model.library import Library

THREE = ["october-1917", "independence-1918", "world-war-1"]
MAP_READY_MS = 30_000


def _markers(qtbot, view: MapView) -> list[dict]:  # type: ignore[no-untyped-def]
    return page_state(qtbot, view)["markers"]


def test_first_events_are_drawn_before_the_window_and_not_sent_again(
    qtbot, make_window, bundled_library: Library
) -> None:
    map_view = MapView()
    _send_stories_ahead(map_view, bundled_library, THREE, "en")
    assert not map_view.is_ready  # queued: nothing waits for the page
    assert map_view.sent_seq == 3
    assert [map_view.current_event(slot) for slot in range(3)] == [0, 0, 0]
    with qtbot.waitSignals([map_view.ready, map_view.shown], timeout=MAP_READY_MS):
        pass
    qtbot.waitUntil(lambda: map_view.shown_seq == 3, timeout=5000)
    current = {(m["slot"], m["index"]) for m in _markers(qtbot, map_view) if m["current"]}
    assert current == {(0, 0), (1, 0), (2, 0)}

    window = make_window(map_view=map_view)  # deleted after the test, page before profile
    sent = map_view.sent_seq  # the shows, and the query that read the markers back
    window.play(THREE)
    # The same stories at the same events: nothing is sent again, nothing is redrawn;
    # the place names still follow the first events' dates.
    assert map_view.sent_seq == sent
    assert window.playback.map_names.day is not None
    assert [p.event_view.title.text() for p in window.playback.panes] == [
        bundled_library.get(i).events[0].title.get("en") for i in THREE
    ]
    # A step goes to the page as before and is acknowledged.
    window.playback.panes[1].driver.next()
    assert map_view.sent_seq == sent + 1
    with qtbot.waitSignal(map_view.shown, timeout=5000,
                          check_params_cb=lambda s: s == sent + 1):
        pass
    current = {(m["slot"], m["index"]) for m in _markers(qtbot, map_view) if m["current"]}
    assert current == {(0, 0), (1, 1), (2, 0)}


def test_other_stories_after_them_are_sent(make_window, bundled_library: Library) -> None:
    map_view = MapView()
    _send_stories_ahead(map_view, bundled_library, THREE, "en")
    window = make_window(map_view=map_view, show=False)
    window.play(THREE[:2])  # not what was sent ahead: the map is told again
    assert map_view.sent_seq == 5
    assert [map_view.current_event(slot) for slot in range(3)] == [0, 0, None]
