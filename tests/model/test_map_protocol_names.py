"""The map protocol's place-name, theme and state messages (no Qt)."""

from __future__ import annotations

import json

from storyplayer.model import map_protocol as proto
from storyplayer.model.gazetteer import bundled_gazetteer, day_key


def test_names_message_carries_the_names_then_and_today():
    places = bundled_gazetteer().names_at(day_key("1917-11-07"), "en")
    message = proto.names_message("en", "1917-11-07", places, {"opacity": "Old map"})
    tallinn = next(p for p in message["places"] if p["id"] == "tallinn")
    assert tallinn == {"id": "tallinn", "name": "Reval", "today": "Tallinn", "kind": "town",
                       "lat": 59.437, "lon": 24.7535, "geonameid": 588409}
    assert message["type"] == "names" and message["date"] == "1917-11-07"
    assert message["strings"] == {"opacity": "Old map"}
    assert json.loads(proto.encode(message)) == message


def test_theme_message_keeps_the_scale_sane():
    assert proto.theme_message(True, 1.5) == {"type": "theme", "high_contrast": True,
                                             "text_scale": 1.5}
    assert proto.theme_message(False, float("nan"))["text_scale"] == 1.0
    assert proto.theme_message(False, 40)["text_scale"] == 3.0


def test_the_pages_state_answer_is_parsed():
    assert proto.query_message(7) == {"type": "query", "seq": 7}
    parsed = proto.parse_page_message('{"type": "state", "seq": 7, "state": {"zoom": 6}}')
    assert parsed == proto.PageState(7, {"zoom": 6})
    assert proto.parse_page_message('{"type": "state", "seq": 7, "state": []}') is None
    assert proto.parse_page_message('{"type": "state", "state": {}}') is None
