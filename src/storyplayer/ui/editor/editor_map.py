"""The story being edited as the map draws it, read leniently from the working copy's data
so that a draft with problems still shows every place it has."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from storyplayer.model.map_protocol import MapEvent
from storyplayer.ui.editor.local_text import text_in


def _number(value: Any, low: float, high: float) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value) if low <= value <= high else None


def map_events(data: Any, lang: str, languages: Sequence[str]) -> list[MapEvent]:
    events = data.get("events") if isinstance(data, dict) else None
    out: list[MapEvent] = []
    for event in events if isinstance(events, list) else []:
        if not isinstance(event, dict):
            out.append(MapEvent(None, None))
            continue
        place = event.get("place") if isinstance(event.get("place"), dict) else {}
        lat, lon = _number(place.get("lat"), -90, 90), _number(place.get("lon"), -180, 180)
        zoom = _number(place.get("zoom"), 0, 19)
        title = text_in(event.get("title"), lang, languages) or text_in(
            event.get("title"), languages[0], languages)
        name = text_in(place.get("name"), lang, languages) or text_in(
            place.get("name"), languages[0], languages)
        geometry = event.get("geometry") if isinstance(event.get("geometry"), dict) else None
        out.append(MapEvent(lat if lon is not None else None, lon if lat is not None else None,
                            name or title, title, int(zoom) if zoom is not None else None,
                            geometry))
    return out
