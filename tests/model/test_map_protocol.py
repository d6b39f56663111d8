"""The map message protocol, built and parsed without Qt."""

from __future__ import annotations

import json
import logging

import pytest

from storyplayer.model.map_protocol import (
    MapEvent,
    MapStory,
    MarkerClicked,
    PageError,
    Ready,
    Shown,
    TileSource,
    clear_message,
    encode,
    fit_message,
    fly_to_event_message,
    options_message,
    parse_page_message,
    show_message,
    stories_message,
)


def test_stories_message_shape():
    story = MapStory(
        1,
        "#1f618d",
        "War",
        (
            MapEvent(
                57.7772,
                26.0473,
                "Valga",
                "Front",
                9,
                geometry={"type": "Point", "coordinates": [26.0, 57.7]},
                overlay_url="storyplayer://app/media/s/m.png",
                overlay_bounds=((57.5, 21.5), (59.8, 28.3)),
                overlay_opacity=0.5,
            ),
            MapEvent(None, None, title="Somewhere"),
        ),
    )
    msg = stories_message([story])
    assert msg["type"] == "stories"
    (s,) = msg["stories"]
    assert (s["slot"], s["color"], s["title"]) == (1, "#1f618d", "War")
    first, second = s["events"]
    assert first == {
        "lat": 57.7772,
        "lon": 26.0473,
        "name": "Valga",
        "title": "Front",
        "zoom": 9,
        "geometry": {"type": "Point", "coordinates": [26.0, 57.7]},
        "overlay": {
            "url": "storyplayer://app/media/s/m.png",
            "bounds": [[57.5, 21.5], [59.8, 28.3]],
            "opacity": 0.5,
        },
    }
    assert second["lat"] is None and second["lon"] is None and second["overlay"] is None
    assert not story.events[1].has_place and story.events[0].has_place
    json.loads(encode(msg))  # valid JSON


def test_simple_messages():
    assert show_message(2, 5, 17) == {"type": "show", "slot": 2, "index": 5, "seq": 17}
    assert fly_to_event_message(1, 4) == {"type": "fly-to-event", "slot": 1, "index": 4}
    assert fit_message() == {"type": "fit"}
    assert clear_message() == {"type": "clear"}
    assert options_message() == {
        "type": "options",
        "reduced_motion": False,
        "borders": False,
        "tiles": None,
    }
    tiles = TileSource("storyplayer://app/tiles/{z}/{x}/{y}", "© me", 14)
    assert options_message(True, True, tiles)["tiles"] == {
        "url": "storyplayer://app/tiles/{z}/{x}/{y}",
        "attribution": "© me",
        "max_zoom": 14,
    }


def test_encode_refuses_nan_and_keeps_unicode():
    assert "Cēsis" in encode({"type": "x", "name": "Cēsis"})
    with pytest.raises(ValueError):
        encode({"type": "x", "lat": float("nan")})


@pytest.mark.parametrize(
    "text, expected",
    [
        ('{"type":"ready"}', Ready()),
        ('{"type":"shown","seq":17}', Shown(17)),
        ('{"type":"shown","seq":17.0}', Shown(17)),
        ('{"type":"marker-clicked","slot":1,"index":2}', MarkerClicked(1, 2)),
        ('{"type":"error","message":"boom"}', PageError("boom")),
    ],
)
def test_parse_valid(text, expected):
    assert parse_page_message(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "{",
        "[]",
        "null",
        '"ready"',
        '{"type":"nope"}',
        '{"seq":1}',
        '{"type":"shown"}',
        '{"type":"shown","seq":"1"}',
        '{"type":"shown","seq":true}',
        '{"type":"shown","seq":1.5}',
        '{"type":"marker-clicked","slot":1}',
        '{"type":"marker-clicked","slot":-1,"index":0}',
    ],
)
def test_parse_invalid_is_none_with_warning(text, caplog):
    with caplog.at_level(logging.WARNING, logger="storyplayer.model.map_protocol"):
        assert parse_page_message(text) is None
    assert caplog.records


def test_editor_messages_both_ways():
    from storyplayer.model.map_protocol import (
        MapClicked,
        MarkerDragged,
        edit_marker_message,
        edit_message,
    )

    assert edit_message(True) == {"type": "edit", "on": True}
    assert edit_marker_message(59.4, 24.7) == {"type": "edit-marker", "lat": 59.4, "lon": 24.7}
    assert edit_marker_message(None, None)["lat"] is None
    assert parse_page_message('{"type":"map-clicked","lat":59.5,"lon":24.5}') == MapClicked(
        59.5, 24.5)
    assert parse_page_message('{"type":"marker-dragged","lat":1,"lon":190}') == MarkerDragged(
        1.0, -170.0)
    for bad in ('{"type":"map-clicked","lat":"x","lon":1}',
                '{"type":"map-clicked","lat":95,"lon":1}',
                '{"type":"marker-dragged","lat":true,"lon":1}'):
        assert parse_page_message(bad) is None


def test_a_story_path_style_reaches_the_page():
    from storyplayer.model.story import PathStyle

    plain = stories_message([MapStory(0, "#b03a2e", "A")])["stories"][0]
    assert plain["path"] is None
    styled = MapStory(0, "#b03a2e", "A", path=PathStyle(True, "#224466", 4, "1 9"))
    assert stories_message([styled])["stories"][0]["path"] == {
        "show": True, "color": "#224466", "width": 4.0, "dash": "1 9"}
    hidden = MapStory(0, "#b03a2e", "A", path=PathStyle(show=False))
    assert stories_message([hidden])["stories"][0]["path"]["show"] is False


def test_both_sides_speak_the_messages_named_once():
    """What Python builds and parses, and what the page handles and sends, is one list."""
    import re

    from storyplayer.model import map_protocol as proto
    from storyplayer.model.map_protocol import PAGE_ANSWERS, PAGE_COMMANDS
    from storyplayer.resources import resources_dir

    page = (resources_dir() / "map" / "map.js").read_text(encoding="utf-8")
    block = page[page.index("var handlers = {"):]
    block = block[: block.index("\n  };")]
    handled = re.findall(r'^ {4}"?([a-z-]+)"?:', block, flags=re.M)
    handled += re.findall(r'table\.([a-z]+) = ', page)  # handlers added by the labels part
    handled += re.findall(r'handlers(?:\.([a-z]+)|\["([a-z-]+)"\]) = ', page)  # the editor's
    handled = [h if isinstance(h, str) else (h[0] or h[1]) for h in handled]
    assert sorted(set(handled)) == sorted(PAGE_COMMANDS)
    sent = set(re.findall(r'send\(\{ type: "([a-z-]+)"', page))
    assert sent == set(PAGE_ANSWERS)
    built = {
        proto.stories_message([])["type"], proto.show_message(0, 0, 1)["type"],
        proto.fly_to_event_message(0, 0)["type"], proto.fly_message(0, 0, 3)["type"],
        proto.fit_message()["type"],
        proto.options_message()["type"], proto.clear_message()["type"],
        proto.names_message("en", None, [])["type"], proto.theme_message()["type"],
        proto.query_message(1)["type"], proto.edit_message(True)["type"],
        proto.edit_marker_message(None, None)["type"],
    }
    assert built == set(PAGE_COMMANDS)
    samples = {"fetched": {}, "ready": {}, "shown": {"seq": 1},
               "marker-clicked": {"slot": 0, "index": 0}, "state": {"seq": 1, "state": {}},
               "map-clicked": {"lat": 1, "lon": 2},
               "marker-dragged": {"lat": 1, "lon": 2}, "error": {"message": "x"}}
    assert set(samples) == set(PAGE_ANSWERS)
    for kind, fields in samples.items():
        assert parse_page_message(json.dumps({"type": kind, **fields})) is not None
