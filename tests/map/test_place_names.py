"""Place names on the map: labels by importance without overlaps, names as they were at the
event's date (read back through the bridge's `query` message), Estonian, the theme, the
overlay opacity slider, and markers 100 m apart.
"""

from __future__ import annotations

import json
import math
from typing import Any

import pytest

from storyplayer.map.map_view import MapView
from storyplayer.model.dates import parse_date
from storyplayer.model.map_protocol import MapEvent, MapStory
from storyplayer.model.story import Event
from storyplayer.model.text import LocalText
from storyplayer.ui.playback.map_names import MapNames


def query(qtbot, view: MapView) -> dict[str, Any]:
    seq = view.query_state()
    with qtbot.waitSignal(view.stateReceived, timeout=5000,
                          check_params_cb=lambda s, _state: s == seq) as blocker:
        pass
    return blocker.args[1]


def show(qtbot, view: MapView, index: int) -> None:
    """Shows event `index` of the first story and waits for the page to say it has."""
    seq = view.show_event(0, index)
    with qtbot.waitSignal(view.shown, check_params_cb=lambda s: s == seq):
        pass


def overlap(a: dict[str, float], b: dict[str, float]) -> bool:
    return a["l"] < b["r"] and b["l"] < a["r"] and a["t"] < b["b"] and b["t"] < a["b"]


def event(date: str) -> Event:
    return Event(title=LocalText.from_value("x"), date=parse_date(date))


def labels_at(qtbot, view: MapView, lat: float, lon: float, zoom: float) -> list[dict]:
    view.fly_to(lat, lon, zoom)
    qtbot.waitUntil(lambda: query(qtbot, view)["zoom"] == zoom, timeout=5000)
    state: dict[str, Any] = {}

    def loaded() -> bool:
        state.update(query(qtbot, view))
        return bool(state["labels"])

    qtbot.waitUntil(loaded, timeout=10_000)
    return state["labels"]


def label(labels: list[dict], today: str) -> dict | None:
    return next((x for x in labels if x["today"] == today), None)


def no_overlaps(labels: list[dict], obstacles: list[dict] = ()) -> None:
    boxes = [x["box"] for x in labels]
    for i, a in enumerate(boxes):
        assert not any(overlap(a, b) for b in boxes[i + 1:]), labels[i]
        assert not any(overlap(a, o) for o in obstacles), labels[i]


def test_labels_by_importance_more_as_you_zoom_never_overlapping(qtbot, map_view):
    map_view.set_options(reduced_motion=True)
    wide = labels_at(qtbot, map_view, 58.5, 25.0, 5)
    close = labels_at(qtbot, map_view, 58.8, 26.0, 9)
    names_wide = {x["name"] for x in wide}
    names_close = {x["name"] for x in close}
    assert {"Tallinn", "Riga", "Helsinki", "Baltic Sea", "Gulf of Finland"} <= names_wide
    assert "Paide" not in names_wide and "Türi" not in names_wide  # small towns wait
    assert {"Paide", "Türi", "Rapla"} <= names_close, names_close
    for labels in (wide, close):
        no_overlaps(labels)
        assert all(0 <= x["box"]["l"] and x["box"]["r"] <= 1000 for x in labels)


def test_labels_keep_clear_of_the_story_markers(qtbot, map_view):
    map_view.set_options(reduced_motion=True)
    story = MapStory(0, "#b03a2e", "a", (
        MapEvent(59.437, 24.7536, "Tallinn, the Governor's house", "t"),
        MapEvent(58.378, 26.729, "Tartu, the university", "t"),
    ))
    map_view.set_stories([story])
    show(qtbot, map_view, 1)
    state: dict[str, Any] = {}

    def settled() -> bool:
        state.update(query(qtbot, map_view))
        return len(state["labels"]) > 5 and len(state["obstacles"]) >= 3

    qtbot.waitUntil(settled, timeout=10_000)
    # the pin's dot, its label and the earlier event's dot are obstacles; none is covered
    no_overlaps(state["labels"], state["obstacles"])
    tartu = [o for o in state["obstacles"]
             if 20 <= o["r"] - o["l"] <= 40 and 20 <= o["b"] - o["t"] <= 40]
    assert tartu, "the pin's dot is an obstacle"
    # the town the pin stands on is named by the story's label alone, not again under it
    assert label(state["labels"], "Tartu") is None


def test_a_town_at_a_pin_is_not_named_again_beside_it(qtbot, map_view):
    """ "Tallinn ● Tallinn": at a large text size the town's own name was drawn beside the
    pin that stands on it, half under the dot, next to the story's label."""
    map_view.set_options(reduced_motion=True)
    map_view.set_theme(True, 2.5)
    story = MapStory(0, "#1f618d", "a", (MapEvent(59.4372, 24.7453, "Tallinn", "t", zoom=9),))
    map_view.set_stories([story])
    MapNames(map_view, "et").show(event("1918-02-19"))
    show(qtbot, map_view, 0)
    state: dict[str, Any] = {}

    def settled() -> bool:
        state.update(query(qtbot, map_view))
        return state["names"]["lang"] == "et" and len(state["labels"]) > 3

    qtbot.waitUntil(settled, timeout=10_000)
    assert label(state["labels"], "Tallinn") is None
    no_overlaps(state["labels"], state["obstacles"])


def test_the_names_follow_the_events_date_and_language(qtbot, map_view):
    map_view.set_options(reduced_motion=True)
    names = MapNames(map_view, "en")
    names.set_stories([])
    cases = [
        ("1917-03-01", "Saint Petersburg", "Petrograd"),
        ("1924-02-01", "Saint Petersburg", "Leningrad"),
        ("1918-02-23", "Tallinn", "Reval"),
        ("1918-02-25", "Tallinn", "Tallinn"),
        ("1918-02-10 O.S.", "Tallinn", "Reval"),  # 23 February (Gregorian)
        ("1918-02-11 O.S.", "Tallinn", "Tallinn"),  # 24 February: converted before the look-up
    ]
    labels_at(qtbot, map_view, 59.6, 27.5, 6)
    for date, today, expected in cases:
        names.show(event(date))
        state = wait_for_date(qtbot, map_view, parse_iso(date))
        found = label(state["labels"], today)
        assert found is not None, (date, [x["name"] for x in state["labels"]])
        assert found["name"] == expected, date
    # in Estonian: the Estonian names, today's name beside the old one where they differ
    names.set_language("et")
    names.show(event("1924-02-01"))
    state = {}

    def estonian() -> bool:
        state.update(query(qtbot, map_view))
        return state["names"]["lang"] == "et"

    qtbot.waitUntil(estonian, timeout=5000)
    shown = {x["today"]: x["name"] for x in state["labels"]}
    assert shown.get("Peterburi") == "Leningrad"
    assert shown.get("Tallinn") == "Tallinn"
    assert "Soome laht" in shown or "Läänemeri" in shown
    assert "Helsingi" in shown
    no_overlaps(state["labels"])


def wait_for_date(qtbot, view: MapView, iso: str) -> dict[str, Any]:
    state: dict[str, Any] = {}

    def updated() -> bool:
        state.update(query(qtbot, view))
        return state["names"]["date"] == iso

    qtbot.waitUntil(updated, timeout=5000)
    return state


def parse_iso(date: str) -> str:
    from storyplayer.model.gazetteer import day_key, iso_day

    return iso_day(day_key(date))


def test_a_step_without_a_change_of_period_sends_nothing(qtbot, map_view):
    names = MapNames(map_view, "en")
    names.set_stories([])
    names.show(event("1917-03-01"))
    sent: list[str] = []
    map_view._bridge.message.connect(sent.append)
    names.show(event("1917-03-01"))
    names.show(Event(title=LocalText.from_value("no date")))
    assert sent == []


def test_the_theme_reaches_the_page_without_a_reload(qtbot, map_view):
    map_view.set_options(reduced_motion=True)
    before = labels_at(qtbot, map_view, 58.5, 25.0, 7)
    state = query(qtbot, map_view)
    assert state["theme"]["high_contrast"] is False
    loads: list[bool] = []
    map_view.loadStarted.connect(lambda: loads.append(True))
    map_view.set_theme(True, 1.5)
    after: dict[str, Any] = {}

    def applied() -> bool:
        after.update(query(qtbot, map_view))
        return after["theme"]["high_contrast"] and after["theme"]["text_scale"] == 1.5

    qtbot.waitUntil(applied, timeout=5000)
    assert after["theme"]["coast"] == "#000000"
    assert after["theme"]["label_ink"] == "#000000"
    height = lambda labels: max(x["box"]["b"] - x["box"]["t"] for x in labels)  # noqa: E731
    assert height(after["labels"]) > height(before) * 1.2
    no_overlaps(after["labels"])
    assert loads == []


@pytest.mark.parametrize("with_overlay", [True])
def test_an_overlay_gets_an_opacity_slider(qtbot, map_view, probe, with_overlay):
    map_view.set_options(reduced_motion=True)
    old_map = MapEvent(59.437, 24.7536, "Reval", "t", overlay_url="data:image/gif;base64,"
                       "R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==",
                       overlay_bounds=((59.40, 24.70), (59.47, 24.80)), overlay_opacity=0.6)
    story = MapStory(0, "#b03a2e", "a", (old_map, MapEvent(58.378, 26.729, "Tartu", "t")))
    map_view.set_stories([story])
    show(qtbot, map_view, 0)
    state = query(qtbot, map_view)
    assert state["opacity"]["shown"] and state["opacity"]["value"] == pytest.approx(0.6)
    # a class moves the slider: the old map fades
    probe.run(map_view, "var i = document.querySelector('.opacity-control input');"
                        "i.value = '20'; i.dispatchEvent(new Event('input'));")
    state = query(qtbot, map_view)
    assert state["opacity"]["layers"] == [pytest.approx(0.2)]
    show(qtbot, map_view, 1)
    assert query(qtbot, map_view)["opacity"]["shown"] is False


def test_places_100_m_apart_are_told_apart(qtbot, map_view, probe):
    """An imported Glasgow story: the fit goes past the basemap's detail to separate them."""
    map_view.set_options(reduced_motion=True)
    story = MapStory(0, "#b03a2e", "Glasgow", (
        MapEvent(55.8609, -4.2514, "George Square", "t"),
        MapEvent(55.8618, -4.2514, "Queen Street station", "t"),  # 100 m north
    ))
    map_view.set_stories([story])
    show(qtbot, map_view, 1)
    qtbot.waitUntil(lambda: query(qtbot, map_view)["zoom"] >= 13, timeout=5000)
    points = probe.run(
        map_view,
        "JSON.stringify([probeMarker(0, 0), probeMarker(0, 1)].map(function (m) {"
        " var p = m._map.latLngToContainerPoint(m.getLatLng()); return [p.x, p.y]; }))",
    )
    import json

    (ax, ay), (bx, by) = json.loads(points)
    assert math.hypot(ax - bx, ay - by) >= 20
    # "Show on map" keeps them apart too
    map_view.fly_to(55.8618, -4.2514, 10)
    qtbot.waitUntil(lambda: query(qtbot, map_view)["center"]["lat"] > 55.86, timeout=5000)
    assert query(qtbot, map_view)["zoom"] >= 13
    # a single place elsewhere still stops at the basemap's detail
    lone = MapStory(0, "#b03a2e", "x", (MapEvent(55.8609, -4.2514, "George Square", "t"),))
    map_view.set_stories([lone])
    show(qtbot, map_view, 0)
    qtbot.waitUntil(lambda: query(qtbot, map_view)["zoom"] <= 7, timeout=5000)


def test_a_tile_layer_gets_the_slider_too(qtbot, map_view):
    from storyplayer.model.map_protocol import TileSource

    map_view.set_options(reduced_motion=True, tiles=TileSource(
        "storyplayer://app/tiles/{z}/{x}/{y}", "© museum", max_zoom=12))
    map_view.set_stories([MapStory(0, "#b03a2e", "a", (MapEvent(59.437, 24.7536, "Reval", "t"),))])
    show(qtbot, map_view, 0)
    state = query(qtbot, map_view)
    assert state["opacity"]["shown"] and state["opacity"]["layers"] == [pytest.approx(0.9)]


def test_the_storys_own_labels_grow_with_the_text_up_to_the_controls_scale(qtbot, map_view):
    """A projector's large text makes the story's place labels larger too, up to one and a
    half times (three stories' labels must still fit a narrow map), without a reload."""
    def font_px() -> float:
        box: list[str] = []
        map_view.page().runJavaScript(
            "getComputedStyle(document.querySelector('.story-label')).fontSize", 0, box.append)
        qtbot.waitUntil(lambda: bool(box))
        return float(box[0].removesuffix("px"))

    map_view.set_options(reduced_motion=True)
    story = MapStory(0, "#b03a2e", "a", (MapEvent(58.378, 26.729, "Tartu", "t"),))
    map_view.set_stories([story])
    show(qtbot, map_view, 0)
    sizes = {}
    for scale in (1.0, 1.25, 2.5):
        map_view.set_theme(False, scale)
        qtbot.waitUntil(lambda s=scale: query(qtbot, map_view)["theme"]["text_scale"] == s)
        sizes[scale] = font_px()
    assert sizes == {1.0: 14.0, 1.25: 17.5, 2.5: 21.0}


def test_place_names_grow_less_than_the_storys_own_labels(qtbot, map_view):
    """At the largest text a city's name stays smaller than the story's label beside it."""
    map_view.set_options(reduced_motion=True)
    story = MapStory(0, "#b03a2e", "a", (MapEvent(58.378, 26.729, "Tartu", "t"),))
    map_view.set_stories([story])
    show(qtbot, map_view, 0)
    MapNames(map_view, "en").show(event("1930-01-01"))
    map_view.set_theme(False, 2.5)
    script = ("JSON.stringify([getComputedStyle(document.querySelector('.story-label')).fontSize]"
              ".concat(Array.from(document.querySelectorAll('.place-label'))"
              ".filter(function (e) { return e.style.display !== 'none'; })"
              ".map(function (e) { return e.style.fontSize; })))")

    def sizes() -> list[float]:
        box: list[str] = []
        map_view.page().runJavaScript(script, 0, box.append)
        qtbot.waitUntil(lambda: bool(box))
        return [float(x.removesuffix("px")) for x in json.loads(box[0])]

    qtbot.waitUntil(lambda: query(qtbot, map_view)["theme"]["text_scale"] == 2.5)
    qtbot.waitUntil(lambda: len(sizes()) > 3, timeout=5000)  # names placed at the new size
    story_px, *place_px = sizes()
    assert story_px == 21.0
    assert 12.5 < min(place_px) and max(place_px) <= 14 * 1.25 < story_px  # grown, but less


def test_a_name_of_the_time_without_room_for_todays_shows_alone(qtbot, map_view):
    """On a map too narrow for "Helsingfors (Helsinki)" on any side of its place, the name
    of the time is shown alone rather than the town not at all."""
    map_view.set_options(reduced_motion=True)
    map_view.resize(150, 400)
    names = MapNames(map_view, "en")
    names.set_stories([])
    names.show(event("1912-01-01"))
    wait_for_date(qtbot, map_view, parse_iso("1912-01-01"))
    shown = label(labels_at(qtbot, map_view, 60.1695, 24.9354, 7), "Helsingfors")
    assert shown is not None and shown["name"] == "Helsingfors"
    assert shown["box"]["r"] - shown["box"]["l"] < 150
