"""The playing window keeps the map's place names at the current event's date (in date
order: the shared playhead's) and in the interface language."""

from __future__ import annotations

from typing import Any

from windows import wait_map

from storyplayer.model.gazetteer import day_key, iso_day
from storyplayer.model.library import Library


def page_names(qtbot, view) -> dict[str, Any]:
    seq = view.query_state()
    with qtbot.waitSignal(view.stateReceived, timeout=5000,
                          check_params_cb=lambda s, _state: s == seq) as blocker:
        pass
    return blocker.args[1]["names"]


def test_the_map_names_follow_the_event_and_the_shared_playhead(
        qtbot, windows, bundled_library: Library):
    window = windows.make(bundled_library)
    window.set_manual(True)
    window.play(["october-1917", "independence-1918"])
    wait_map(qtbot, window)
    view, playback = window.playback.map_view, window.playback

    def date_of(pane) -> str:
        return iso_day(day_key(pane.story.events[pane.driver.index].date))

    first = playback.panes[0]
    first.driver.next()
    qtbot.waitUntil(lambda: page_names(qtbot, view)["date"] == date_of(first), timeout=5000)
    playback.set_sync(True)  # in date order: the playhead's event gives the date
    for _ in range(3):
        playback.step(True)
        pane_index, _event = playback.sync.current
        pane = playback.panes[pane_index]
        qtbot.waitUntil(lambda p=pane: page_names(qtbot, view)["date"] == date_of(p),
                        timeout=5000)
    window.set_language("et")
    qtbot.waitUntil(lambda: page_names(qtbot, view)["lang"] == "et", timeout=5000)
