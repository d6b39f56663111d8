"""The real map page in a real QWebEngineView (offscreen): handshake, bridge, markers, clicks."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QUrl

from storyplayer.model.map_protocol import MapEvent, MapStory, TileSource
from storyplayer.resources import resources_dir

from .conftest import READY_TIMEOUT_MS


def test_page_loads_and_says_ready(map_view, probe):
    assert map_view.is_ready
    state = probe.state(map_view)
    assert "world" in state["regions"]
    assert state["markers"] == []


def test_the_page_says_when_it_has_its_files_then_when_it_is_ready(qtbot, make_view, probe):
    """`fetched`: every file the page starts with has arrived, and what is left of its
    loading is its own work (app.py builds the window meanwhile). Once, before `ready`."""
    view = make_view()
    heard: list[tuple[str, bool, bool]] = []
    view.fetched.connect(lambda: heard.append(("fetched", view.has_fetched, view.is_ready)))
    view.ready.connect(lambda: heard.append(("ready", view.has_fetched, view.is_ready)))
    with qtbot.waitSignal(view.ready, timeout=READY_TIMEOUT_MS):
        pass
    assert heard == [("fetched", True, False), ("ready", True, True)]
    # What it waited for: the basemap's regions and the place names, every one arrived.
    arrived = probe.wait(view, "Promise.all(window.startupDownloads)"
                              ".then(function (rs) { return rs.map(function (r) {"
                              " return r.url.split('/').pop() + ' ' + r.ok; }); })")["ok"]
    assert sorted(arrived) == ["baltic.json true", "europe.json true", "labels.json true",
                               "world.json true"]


def test_a_page_whose_files_are_missing_still_says_fetched_and_ready(
    qtbot, make_view, tmp_path
):
    view = make_view()
    view._scheme._roots["basemap"] = tmp_path  # answered before the event loop turns: empty
    with qtbot.waitSignals([view.fetched, view.ready, view.pageError],
                           timeout=READY_TIMEOUT_MS):
        pass
    assert view.has_fetched and view.is_ready


def test_show_round_trips_its_seq(qtbot, map_view, stories):
    map_view.set_stories(stories)
    seq = map_view.show_event(0, 1)
    with qtbot.waitSignal(map_view.shown, timeout=5000) as blocker:
        pass
    assert blocker.args == [seq]


def test_commands_before_ready_are_queued(qtbot, make_view, probe, stories):
    view = make_view()
    assert not view.is_ready
    view.set_options(reduced_motion=True)
    view.set_stories(stories)
    seq = view.show_event(2, 1)  # must not block
    with qtbot.waitSignals([view.ready, view.shown], timeout=30_000):
        pass
    state = probe.state(view)
    assert {(m["slot"], m["index"]) for m in state["markers"]} == {(2, 0), (2, 1)}
    assert seq == 1


def test_three_current_markers_in_their_colours(qtbot, map_view, probe, stories):
    map_view.set_options(reduced_motion=True)
    map_view.set_stories(stories)
    last = 0
    for slot, index in ((0, 3), (1, 2), (2, 1)):
        last = map_view.show_event(slot, index)
    with qtbot.waitSignal(map_view.shown, timeout=5000, check_params_cb=lambda s: s == last):
        pass
    state = probe.state(map_view)
    current = {m["slot"]: m for m in state["markers"] if m["current"]}
    assert set(current) == {0, 1, 2}
    for slot, index in ((0, 3), (1, 2), (2, 1)):
        event = stories[slot].events[index]
        marker = current[slot]
        assert marker["index"] == index
        assert marker["color"] == stories[slot].color
        assert marker["lat"] == pytest.approx(event.lat)
        assert marker["lon"] == pytest.approx(event.lon)
    # earlier placed events are faded dots; the unplaced one has none
    dots = {(m["slot"], m["index"]) for m in state["markers"] if not m["current"]}
    assert dots == {(0, 0), (0, 1), (1, 0), (1, 1), (2, 0)}
    # the view fits all three current places (reduced motion: it is there at once)
    (south, west), (north, east) = probe.state(map_view)["bounds"]
    for lat, lon in ((58.378, 26.729), (57.1656, 24.8545), (58.3859, 24.4971)):
        assert south < lat < north and west < lon < east


def test_marker_click_emits_slot_and_index(qtbot, map_view, stories):
    map_view.set_stories(stories)
    seq = map_view.show_event(1, 2)
    with qtbot.waitSignal(map_view.shown, check_params_cb=lambda s: s == seq):
        pass
    with qtbot.waitSignal(map_view.markerClicked, timeout=5000) as blocker:
        map_view.page().runJavaScript("probeMarker(1, 1).fire('click')")
    assert blocker.args == [1, 1]


def test_label_is_text_not_html(qtbot, map_view, probe):
    evil = '<img src=x onerror="window.pwned=1">'
    story = MapStory(0, "#b03a2e", "x", (MapEvent(59.0, 25.0, name=evil, title=evil, zoom=7),))
    map_view.set_stories([story])
    seq = map_view.show_event(0, 0)
    with qtbot.waitSignal(map_view.shown, check_params_cb=lambda s: s == seq):
        pass
    text = probe.run(map_view, "document.querySelector('.story-label').textContent")
    assert text == evil
    assert probe.run(map_view, "document.querySelectorAll('.story-label img').length") == 0


def test_bad_page_message_is_ignored(qtbot, map_view, caplog):
    map_view._bridge.send("{not json")
    map_view._bridge.send('{"type": "shown", "seq": "x"}')
    assert "invalid JSON" in caplog.text


def test_geometry_overlay_and_clear(qtbot, map_view, probe, tmp_path):
    (tmp_path / "media").mkdir()
    (tmp_path / "media" / "borders.png").write_bytes(b"\x89PNG not really")
    base = map_view.add_media_root("story-a", tmp_path)
    event = MapEvent(
        59.437,
        24.7536,
        "Tallinn",
        "Front line",
        7,
        geometry={"type": "LineString", "coordinates": [[24.75, 59.44], [30.31, 59.94]]},
        overlay_url=base + "media/borders.png",
        overlay_bounds=((57.5, 21.5), (59.8, 28.3)),
        overlay_opacity=0.5,
    )
    map_view.set_stories([MapStory(0, "#b03a2e", "x", (event,))])
    seq = map_view.show_event(0, 0)
    with qtbot.waitSignal(map_view.shown, check_params_cb=lambda s: s == seq):
        pass
    overlay = probe.run(
        map_view,
        "(function () { var i = document.querySelector('img.story-overlay');"
        " return JSON.stringify(i ? [i.getAttribute('src'), i.style.opacity] : null); })()",
    )
    assert json.loads(overlay) == [base + "media/borders.png", "0.5"]
    map_view.clear()
    map_view.fit_all()  # with nothing to fit, nothing happens
    qtbot.waitUntil(lambda: probe.state(map_view)["markers"] == [], timeout=5000)
    assert probe.run(map_view, "document.querySelectorAll('img.story-overlay').length") == 0


def test_options_toggle_borders(qtbot, map_view, probe):
    map_view.set_options(reduced_motion=True, borders=True)
    qtbot.waitUntil(lambda: probe.state(map_view)["regions"].endswith("|true"), timeout=5000)
    map_view.set_stories([MapStory(0, "#1f618d", "x", (MapEvent(58.4, 26.7, "Tartu", zoom=9),))])
    map_view.fly_to_event(0, 0)
    qtbot.waitUntil(lambda: probe.state(map_view)["zoom"] == 9, timeout=5000)
    map_view.set_options(reduced_motion=True, borders=False)
    qtbot.waitUntil(lambda: probe.state(map_view)["regions"].endswith("|false"), timeout=5000)


def test_page_errors_surface_as_a_signal(qtbot, map_view):
    with qtbot.waitSignal(map_view.pageError, timeout=5000) as blocker:
        map_view._bridge.post({"type": "stories", "stories": [None]})
    assert blocker.args[0].startswith("stories:")
    with qtbot.waitSignal(map_view.pageError, timeout=5000) as blocker:
        map_view._bridge.post({"type": "teleport"})
    assert "teleport" in blocker.args[0]


def test_a_map_with_no_size_yet_moves_without_an_error(
    qtbot, map_view, probe, stories
):
    # The page can be laid out before its widget has a size; a flight planned from a zero
    # size divides by zero inside Leaflet.
    errors: list[str] = []
    map_view.pageError.connect(errors.append)
    probe.run(map_view, "document.getElementById('map').style.height = '0px';"
                        "document.getElementById('map').style.width = '0px';"
                        "window.dispatchEvent(new Event('resize'))")
    map_view.set_stories(stories[1:2])
    with qtbot.waitSignal(map_view.shown, timeout=5000):
        map_view.show_event(1, 0)
    # The show schedules its fit at once (a timer of 0): once a later timer has fired, the fit
    # has run, and a message the page sends after that follows any error it raised.
    probe.wait(map_view, "new Promise(function (done) { setTimeout(done, 20); })")
    with qtbot.waitSignal(map_view.shown, timeout=5000):
        map_view.show_event(1, 0)
    assert errors == []


def test_online_tiles_must_be_https(map_view):
    with pytest.raises(ValueError):
        map_view.set_options(tiles=TileSource("http://tiles.example.org/{z}/{x}/{y}.png"))
    # a single-label host would have let {s} match any host on the local network
    for url in ("https://{s}/{z}/{x}/{y}.png", "https://me@a.example.org/{z}/{x}/{y}.png"):
        with pytest.raises(ValueError):
            map_view.set_options(tiles=TileSource(url))
        assert map_view._guard.tile_host is None


def test_online_tile_host_is_let_through_only_when_configured(map_view):
    guard = map_view._guard
    url = QUrl("https://a.tile.example.org/3/4/2.png")
    assert not guard.allows(url)
    map_view.set_options(tiles=TileSource("https://{s}.tile.example.org/{z}/{x}/{y}.png", "© x"))
    assert guard.allows(url)
    map_view.set_options()
    assert not guard.allows(url)


def test_the_page_takes_its_constants_from_python(qtbot, map_view, probe, stories):
    """Fallback colours, the sea, the zoom limit and the regions come from model/map_style.py
    (the page once drew a colourless third story in a colour of its own)."""
    from dataclasses import replace

    from storyplayer.model.map_style import MAX_ZOOM, SEA, page_setup
    from storyplayer.model.story import PANE_COLORS

    map_view.set_options(reduced_motion=True)
    map_view.set_stories([replace(s, color="not a colour") for s in stories])
    last = 0
    for slot in (0, 1, 2):
        last = map_view.show_event(slot, 0)
    with qtbot.waitSignal(map_view.shown, timeout=5000, check_params_cb=lambda s: s == last):
        pass
    colours = {m["slot"]: m["color"] for m in probe.state(map_view)["markers"]}
    assert colours == dict(enumerate(PANE_COLORS))
    read = json.loads(probe.run(map_view, """JSON.stringify({setup: window.storyMapSetup,
        sea: getComputedStyle(document.body).backgroundColor})"""))
    assert read["setup"] == page_setup()
    red, green, blue = (int(SEA[i : i + 2], 16) for i in (1, 3, 5))
    assert read["sea"] == f"rgb({red}, {green}, {blue})"
    for source in ("map.js", "map.css", "preload.js"):
        text = (resources_dir() / "map" / source).read_text(encoding="utf-8")
        assert SEA not in text and "#7d6608" not in text and f"maxZoom: {MAX_ZOOM}" not in text


def test_the_page_handles_every_command_python_builds(qtbot, map_view, probe):
    """The live page against the one list: each message Python's builders make is handled
    (no "unknown message type"), and only those are (map_protocol.PAGE_COMMANDS)."""
    from storyplayer.model import map_protocol as proto

    built = [proto.stories_message([]), proto.show_message(0, 0, 1), proto.fit_message(),
             proto.fly_to_event_message(0, 0), proto.fly_message(58.4, 26.7, 5),
             proto.options_message(reduced_motion=True), proto.clear_message(),
             proto.names_message("en", None, []), proto.theme_message(),
             proto.query_message(99), proto.edit_message(False),
             proto.edit_marker_message(None, None)]
    assert {m["type"] for m in built} == set(proto.PAGE_COMMANDS)
    errors: list[str] = []
    map_view.pageError.connect(errors.append)
    for message in built:
        map_view._bridge.post(message)
    probe.state(map_view)  # answered after every message before it
    assert errors == []
    with qtbot.waitSignal(map_view.pageError, timeout=5000) as blocker:
        map_view._bridge.post({"type": "not-a-command"})
    assert "unknown message type" in blocker.args[0]
