"""How the map frames the current events: labels in view, a zoom cap, pins at one place apart.

Each test reads the page back with the tests' `probePins()` (tests/page_probe.js: container
pixels of every current pin's dot and label) or the page's answer to `query`; reduced motion
makes every move happen at once.
"""

from __future__ import annotations

import json
from typing import Any

from storyplayer.map.map_view import MapView
from storyplayer.model.map_protocol import MapEvent, MapStory, TileSource

from .conftest import READY_TIMEOUT_MS, three_stories


def ev(lat: float, lon: float, name: str, zoom: int | None = 8) -> MapEvent:
    return MapEvent(lat=lat, lon=lon, name=name, title=f"At {name}", zoom=zoom)


def pins(probe, view: MapView) -> dict[str, Any]:
    return json.loads(probe.run(view, "probePins()"))


def inside(rect: dict[str, float], width: float, height: float) -> bool:
    return rect["l"] >= 0 and rect["t"] >= 0 and rect["r"] <= width and rect["b"] <= height


def overlap(a: dict[str, float], b: dict[str, float]) -> bool:
    return a["l"] < b["r"] and b["l"] < a["r"] and a["t"] < b["b"] and b["t"] < a["b"]


def labels_apart(state: dict[str, Any]) -> list[dict[str, float]]:
    """The pins' labels of a `pins()` state, asserted not to overlap one another."""
    labels = [p["label"] for p in state["pins"]]
    assert not any(overlap(a, b) for i, a in enumerate(labels) for b in labels[i + 1 :])
    return labels


def show_all(qtbot, view: MapView, stories: list[MapStory], current: dict[int, int]) -> None:
    view.set_options(reduced_motion=True)
    view.set_stories(stories)
    last = 0
    for slot, index in current.items():
        last = view.show_event(slot, index)
    with qtbot.waitSignal(view.shown, timeout=5000, check_params_cb=lambda s: s == last):
        pass


def narrow_view(qtbot, make_view, width: int = 380, height: int = 560) -> MapView:
    view = make_view()
    view.resize(width, height)
    with qtbot.waitSignal(view.ready, timeout=READY_TIMEOUT_MS):
        pass
    return view


def all_in_view(probe, view: MapView, count: int) -> bool:
    state = pins(probe, view)
    found = [p for p in state["pins"] if p["label"] and p["dot"]]
    return len(found) == count and all(
        inside(p["label"], state["width"], state["height"])
        and inside(p["dot"], state["width"], state["height"])
        for p in found
    )


def test_labels_stay_inside_a_narrow_map(qtbot, make_view, probe):
    """Petrograd lies at the east edge of the fitted places: its label must flip inward."""
    view = narrow_view(qtbot, make_view)
    stories = [
        MapStory(0, "#b03a2e", "a", (ev(59.9399, 30.3146, "Petrograd, Tauride Palace"),)),
        MapStory(1, "#1f618d", "b", (ev(59.437, 24.7536, "Tallinn"),)),
        MapStory(2, "#7d6608", "c", (ev(57.7772, 26.0473, "Valga"),)),
    ]
    show_all(qtbot, view, stories, {0: 0, 1: 0, 2: 0})
    qtbot.waitUntil(lambda: all_in_view(probe, view, 3), timeout=5000)
    state = pins(probe, view)
    east = next(p for p in state["pins"] if p["slot"] == 0)
    assert east["side"] == "left"  # the label faces into the map
    labels_apart(state)


def test_at_the_largest_text_a_narrow_map_keeps_its_places_in_view(qtbot, make_view, probe):
    """Three stories' long labels at 2.5 times the text, on the map beside three panes at
    1280x720: no zoom can fit them, so the places are fitted (not the whole world) and each
    label is shortened to fit beside its pin."""
    view = narrow_view(qtbot, make_view, width=405, height=540)
    view.set_theme(False, 2.5)
    stories = [
        MapStory(0, "#b03a2e", "a", (ev(59.4372, 24.7369, "Tallinn, Toompea Castle"),)),
        MapStory(1, "#1e8449", "b", (ev(49.4272, 2.9063, "Compiègne, Rethondes clearing"),)),
        MapStory(2, "#1f618d", "c", (ev(58.3806, 26.7251, "Tartu"),)),
    ]
    show_all(qtbot, view, stories, {0: 0, 1: 0, 2: 0})
    qtbot.waitUntil(lambda: all_in_view(probe, view, 3), timeout=5000)
    assert probe.state(view)["zoom"] >= 3.5  # Europe, not the world (2 is its whole width)
    widths = sorted(label["r"] - label["l"] for label in labels_apart(pins(probe, view)))
    assert widths[-1] <= 405 - 50 + 1  # never wider than the map can show beside a pin


def test_a_label_cut_short_on_a_narrow_map_is_whole_again_when_it_widens(
        qtbot, make_view, probe):
    """The page may lay the labels out before its view has its width (the window is built
    after the page is ready): a label's size is measured again on a resize, and the view
    fitted to what the labels measure now."""
    view = narrow_view(qtbot, make_view, width=200, height=500)
    story = MapStory(0, "#b03a2e", "a", (ev(59.9399, 30.3146, "Petrograd, Tauride Palace"),))
    show_all(qtbot, view, [story], {0: 0})
    qtbot.waitUntil(lambda: all_in_view(probe, view, 1), timeout=5000)
    narrow = pins(probe, view)["pins"][0]["label"]
    assert narrow["r"] - narrow["l"] <= 200 - 50 + 1
    view.resize(700, 500)
    qtbot.waitUntil(lambda: pins(probe, view)["width"] == 700, timeout=5000)

    def whole() -> bool:
        label = pins(probe, view)["pins"][0]["label"]
        return label["r"] - label["l"] > narrow["r"] - narrow["l"] + 40
    qtbot.waitUntil(whole, timeout=5000)
    qtbot.waitUntil(lambda: all_in_view(probe, view, 1), timeout=5000)


def test_places_whose_labels_fit_at_no_zoom_are_still_framed(qtbot, make_view, probe):
    """Three labels stacked beside one town are taller than a very low map at the largest
    text: the town is framed at its own zoom, not the whole world shown around it."""
    view = narrow_view(qtbot, make_view, width=600, height=110)
    view.set_theme(False, 2.5)
    stories = [MapStory(slot, color, name, (ev(58.3806, 26.7251, f"Tartu {slot}"),))
               for slot, (color, name) in enumerate(
                   [("#b03a2e", "a"), ("#1e8449", "b"), ("#1f618d", "c")])]
    show_all(qtbot, view, stories, {0: 0, 1: 0, 2: 0})
    assert probe.state(view)["zoom"] >= 7


def test_labels_stay_inside_after_the_map_narrows(qtbot, map_view, probe, stories):
    show_all(qtbot, map_view, stories, {0: 3, 1: 2, 2: 1})
    qtbot.waitUntil(lambda: all_in_view(probe, map_view, 3), timeout=5000)
    map_view.resize(360, 600)  # the map beside three panes
    qtbot.waitUntil(lambda: pins(probe, map_view)["width"] == 360, timeout=5000)
    qtbot.waitUntil(lambda: all_in_view(probe, map_view, 3), timeout=5000)


def test_a_single_place_is_not_zoomed_past_the_basemaps_detail(qtbot, map_view, probe):
    story = MapStory(0, "#7d3c98", "x", (ev(57.5409, 25.4275, "Valmiera (Wolmar)", zoom=12),))
    show_all(qtbot, map_view, [story], {0: 0})
    qtbot.waitUntil(lambda: all_in_view(probe, map_view, 1), timeout=5000)
    zoom = probe.state(map_view)["zoom"]
    assert 8 <= zoom <= 9  # the Baltic basemap's detail ends about here
    # "show on map" may go one level closer, no more
    map_view.fly_to_event(0, 0)
    qtbot.waitUntil(lambda: probe.state(map_view)["zoom"] == 10, timeout=5000)
    qtbot.waitUntil(lambda: all_in_view(probe, map_view, 1), timeout=5000)


def test_the_cap_is_lower_where_the_basemap_is_coarse(qtbot, map_view, probe):
    story = MapStory(0, "#7d3c98", "x", (ev(-33.86, 151.21, "Sydney", zoom=12),))
    show_all(qtbot, map_view, [story], {0: 0})
    qtbot.waitUntil(lambda: all_in_view(probe, map_view, 1), timeout=5000)
    assert probe.state(map_view)["zoom"] <= 5


def test_a_tile_source_lifts_the_cap(qtbot, map_view, probe):
    map_view.set_options(reduced_motion=True, tiles=TileSource(
        "storyplayer://app/tiles/{z}/{x}/{y}", "© museum", max_zoom=14))
    story = MapStory(0, "#7d3c98", "x", (ev(57.5409, 25.4275, "Valmiera", zoom=12),))
    view_stories = [story]
    map_view.set_stories(view_stories)
    seq = map_view.show_event(0, 0)
    with qtbot.waitSignal(map_view.shown, check_params_cb=lambda s: s == seq):
        pass
    qtbot.waitUntil(lambda: probe.state(map_view)["zoom"] == 12, timeout=5000)


def test_two_stories_at_one_place_both_show(qtbot, map_view, probe):
    stories = [
        MapStory(0, "#b03a2e", "a", (ev(59.437, 24.7536, "Tallinn"),)),
        MapStory(1, "#1f618d", "b", (ev(59.437, 24.7536, "Tallinn and the Gulf of Finland"),)),
        MapStory(2, "#7d6608", "c", (ev(58.378, 26.729, "Tartu"),)),
    ]
    show_all(qtbot, map_view, stories, {0: 0, 1: 0, 2: 0})
    qtbot.waitUntil(lambda: all_in_view(probe, map_view, 3), timeout=5000)
    state = pins(probe, map_view)
    a, b = (next(p for p in state["pins"] if p["slot"] == s) for s in (0, 1))

    def centre(r: dict[str, float]) -> tuple[float, float]:
        return (r["l"] + r["r"]) / 2, (r["t"] + r["b"]) / 2

    (ax, ay), (bx, by) = centre(a["dot"]), centre(b["dot"])
    width = a["dot"]["r"] - a["dot"]["l"]
    # the two dots sit apart, each mostly uncovered, and close to the place
    assert ((ax - bx) ** 2 + (ay - by) ** 2) ** 0.5 >= width * 0.95
    # the labels are stacked, on one side, not on top of each other
    assert a["side"] == b["side"]
    assert not overlap(a["label"], b["label"])
    assert abs(a["label"]["l"] - b["label"]["l"]) < 2 or abs(a["label"]["r"] - b["label"]["r"]) < 2
    # both colours are on the page, as dots
    colours = probe.run(
        map_view,
        "JSON.stringify([].map.call(document.querySelectorAll('.story-dot'),"
        " function (d) { return getComputedStyle(d).backgroundColor; }))",
    )
    assert set(json.loads(colours)) >= {"rgb(176, 58, 46)", "rgb(31, 97, 141)"}


def test_zoom_buttons_are_big_enough_to_touch(map_view, probe):
    sizes = json.loads(probe.run(
        map_view,
        "JSON.stringify([].map.call(document.querySelectorAll('.leaflet-control-zoom a'),"
        " function (a) { var r = a.getBoundingClientRect(); return [r.width, r.height]; }))",
    ))
    assert len(sizes) == 2
    assert all(w >= 48 and h >= 48 for w, h in sizes)


def test_current_pin_click_still_jumps(qtbot, map_view):
    stories = three_stories()
    show_all(qtbot, map_view, stories, {1: 2})
    with qtbot.waitSignal(map_view.markerClicked, timeout=5000) as blocker:
        map_view.page().runJavaScript("probeMarker(1, 2).fire('click')")
    assert blocker.args == [1, 2]


def test_mbtiles_are_drawn_over_the_basemap(qtbot, map_view, probe, tmp_path):
    import sqlite3

    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QColor, QImage

    image = QImage(256, 256, QImage.Format.Format_RGB32)
    image.fill(QColor("#8e5b3a"))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    png = bytes(buffer.data())
    file = tmp_path / "museum.mbtiles"
    with sqlite3.connect(file) as db:
        db.execute("CREATE TABLE tiles (zoom_level, tile_column, tile_row, tile_data)")
        db.executemany("INSERT INTO tiles VALUES (3, ?, ?, ?)",
                       [(x, y, png) for x in range(8) for y in range(8)])
    url = map_view.set_mbtiles(file)
    map_view.set_options(reduced_motion=True, tiles=TileSource(url, "© museum", max_zoom=3))
    map_view.set_stories([MapStory(0, "#7d3c98", "x", (ev(58.0, 25.0, "here", zoom=3),))])
    map_view.fly_to_event(0, 0)
    qtbot.waitUntil(lambda: probe.state(map_view)["zoom"] == 3, timeout=5000)
    qtbot.waitUntil(lambda: probe.run(
        map_view, "document.querySelectorAll('.leaflet-tile-loaded').length") > 0, timeout=5000)
    # the tiles' pane lies above the basemap's (same z-index would put the later pane on top)
    panes = json.loads(probe.run(map_view, "JSON.stringify(["
                                 "+getComputedStyle(document.querySelector('.leaflet-tile')"
                                 ".closest('.leaflet-pane')).zIndex,"
                                 "+getComputedStyle(document.querySelector('.leaflet-basemap-pane'))"
                                 ".zIndex])"))
    assert panes[0] > panes[1]
    map_view.set_mbtiles(None)


def test_show_on_map_uses_the_events_zoom_or_the_pages_default(qtbot, map_view, probe):
    """"Show on map" names an event; the page knows its place and the default zoom."""
    from storyplayer.model.map_style import PLACE_ZOOM

    story = MapStory(0, "#7d3c98", "x", (ev(58.378, 26.729, "Tartu", zoom=None),
                                          MapEvent(lat=None, lon=None, title="Nowhere"),
                                          ev(58.378, 26.729, "Tartu", zoom=7)))
    show_all(qtbot, map_view, [story], {0: 0})
    map_view.fly_to_event(0, 0)
    qtbot.waitUntil(lambda: probe.state(map_view)["zoom"] == PLACE_ZOOM + 1, timeout=5000)
    map_view.fly_to_event(0, 1)  # no place: the view stays
    map_view.fly_to_event(0, 2)
    qtbot.waitUntil(lambda: probe.state(map_view)["zoom"] == 7, timeout=5000)
    assert abs(probe.state(map_view)["center"]["lat"] - 58.378) < 0.5
