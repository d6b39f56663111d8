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
        qtbot, make_window, bundled_library: Library):
    window = make_window(bundled_library)
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
        head = playback.session.playhead
        pane = playback.panes[playback.session.slots.index(head.slot)]
        qtbot.waitUntil(lambda p=pane: page_names(qtbot, view)["date"] == date_of(p),
                        timeout=5000)
    window.set_language("et")
    qtbot.waitUntil(lambda: page_names(qtbot, view)["lang"] == "et", timeout=5000)


def test_in_date_order_a_story_waiting_for_its_date_does_not_date_the_names(
        qtbot, make_window, bundled_library: Library):
    """Started in date order, the later story waits (its place is on the map) while the
    playhead stands at the earlier story's first event: the names are of that day, not of
    the waiting story's first date (Helsingfors in 1912, not Helsinki as after 1917)."""
    window = make_window(bundled_library, sync=True)
    window.set_manual(True)
    window.play(["world-war-1", "independence-1918"])
    wait_map(qtbot, window)
    view, playback = window.playback.map_view, window.playback
    first = playback.panes[0].story.events[0]
    assert playback.session.view(playback.session.slots[1]).waiting
    want = iso_day(day_key(first.date))

    def names_dated() -> None:
        assert page_names(qtbot, view)["date"] == want, (page_names(qtbot, view), want)

    qtbot.waitUntil(names_dated, timeout=5000)
    playback.step(True)
    head = playback.session.playhead
    pane = playback.panes[playback.session.slots.index(head.slot)]
    shown = iso_day(day_key(pane.story.events[pane.driver.index].date))
    qtbot.waitUntil(lambda: page_names(qtbot, view)["date"] == shown, timeout=5000)


class RecordingMap:
    """Stands in for MapView: records what MapNames would send."""

    def __init__(self) -> None:
        self.names: list[dict[str, Any]] = []
        self.themes: list[tuple[bool, float]] = []

    def set_names(self, message: dict[str, Any]) -> bool:
        self.names.append(message)
        return True

    def set_theme(self, high_contrast: bool, text_scale: float = 1.0) -> None:
        self.themes.append((high_contrast, text_scale))


def test_a_storys_own_place_names_reach_the_map(qapp, tmp_path):
    import yaml
    from story_files import story_data, write_story

    from storyplayer.model.dates import parse_date
    from storyplayer.model.loader import check_story
    from storyplayer.model.story import Event
    from storyplayer.ui.playback.map_names import MapNames
    from storyplayer.ui.shared.theme import Theme

    own = yaml.safe_load("""
- id: tallinn
  names: {en: [{name: Lindanise, until: "1219-06-15"}, {name: Reval, until: "1918-02-24"},
               {name: Tallinn}]}
- id: toompea
  lat: 59.4372
  lon: 24.7369
  names: {en: Toompea}
""")
    story, problems = check_story(write_story(tmp_path, "own", data=story_data(place_names=own)))
    assert story is not None, problems
    recorder = RecordingMap()
    names = MapNames(recorder, "en")  # type: ignore[arg-type]
    names.set_stories([story])
    names.show(story.events[0])  # 1917-10-20 O.S.
    places = {p["id"]: p for p in recorder.names[-1]["places"]}
    assert places["tallinn"]["name"] == "Reval" and places["toompea"]["name"] == "Toompea"
    names.show(Event(title=story.events[0].title, date=parse_date("1200")))
    assert {p["id"]: p for p in recorder.names[-1]["places"]}["tallinn"]["name"] == "Lindanise"
    names.send_theme(Theme.named("high-contrast", 1.5))
    assert recorder.themes[-1] == (True, 1.5)


def test_the_settings_menus_theme_reaches_the_map(qtbot, make_window, bundled_library: Library):
    window = make_window(bundled_library)
    window.play(["october-1917"])
    wait_map(qtbot, window)
    view = window.playback.map_view

    def page_theme() -> dict[str, Any]:
        seq = view.query_state()
        with qtbot.waitSignal(view.stateReceived, timeout=5000,
                              check_params_cb=lambda s, _state: s == seq) as blocker:
            pass
        return blocker.args[1]["theme"]

    window.set_theme("high-contrast")
    window.set_text_scale(1.4)
    qtbot.waitUntil(lambda: page_theme() == {**page_theme(), "high_contrast": True,
                                             "text_scale": 1.4}, timeout=5000)
    window.set_theme("light")
    qtbot.waitUntil(lambda: page_theme()["high_contrast"] is False, timeout=5000)


def test_the_maps_credits_are_in_the_interface_language(
        qtbot, make_window, bundled_library: Library, translations):
    window = make_window(bundled_library)
    window.play(["october-1917"])
    wait_map(qtbot, window)
    view = window.playback.map_view

    def credits() -> str:
        box: list[str] = []
        view.page().runJavaScript(
            "document.querySelector('.leaflet-control-attribution').textContent", 0, box.append)
        qtbot.waitUntil(lambda: bool(box), timeout=5000)
        return box[0]

    assert "Coastlines: GSHHG" in credits() and "Names: GeoNames (CC BY 4.0)" in credits()
    translations.set_language("et")
    window.set_language("et")
    qtbot.waitUntil(lambda: "Rannajooned: GSHHG" in credits(), timeout=5000)
    assert "Kohanimed: GeoNames (CC BY 4.0)" in credits() and "Coastlines" not in credits()
