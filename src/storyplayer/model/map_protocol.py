"""The map page's message protocol: what Python sends to the web map and what it answers.

Pure Python (no Qt), so the protocol is tested without a display. Every message is a JSON
object with a "type"; `storyplayer.map.map_view.MapView` sends the ones built here and
parses the page's answers with `parse_page_message`.
"""

from __future__ import annotations

import json
import logging
import math
from dataclasses import dataclass
from typing import Any

from storyplayer.model.story import PathStyle

log = logging.getLogger(__name__)

Bounds = tuple[tuple[float, float], tuple[float, float]]  # ((south, west), (north, east))


@dataclass(frozen=True)
class MapEvent:
    """One event as the map sees it; lat/lon are None for an event with no place."""

    lat: float | None
    lon: float | None
    name: str = ""
    title: str = ""
    zoom: int | None = None
    geometry: dict[str, Any] | None = None
    overlay_url: str | None = None
    overlay_bounds: Bounds | None = None
    overlay_opacity: float = 0.7

    @property
    def has_place(self) -> bool:
        return self.lat is not None and self.lon is not None


@dataclass(frozen=True)
class MapStory:
    """A story in one pane (slot 0-2), drawn in its colour."""

    slot: int
    color: str
    title: str
    events: tuple[MapEvent, ...] = ()
    path: PathStyle | None = None  # the author's path style; None: the map's own


# The messages, named once: the page handles exactly PAGE_COMMANDS and sends only
# PAGE_ANSWERS (tests/model/test_map_protocol.py reads map.js to hold both sides to it).
PAGE_COMMANDS = ("stories", "show", "fly", "fly-to-event", "fit", "options", "clear", "names",
                 "theme", "query", "edit", "edit-marker")
PAGE_ANSWERS = ("fetched", "ready", "shown", "marker-clicked", "state", "map-clicked",
                "marker-dragged", "error")


# --- Python -> page -------------------------------------------------------------------------


def _event_dict(event: MapEvent) -> dict[str, Any]:
    overlay = None
    if event.overlay_url and event.overlay_bounds:
        (s, w), (n, e) = event.overlay_bounds
        overlay = {
            "url": event.overlay_url,
            "bounds": [[float(s), float(w)], [float(n), float(e)]],
            "opacity": float(event.overlay_opacity),
        }
    return {
        "lat": None if event.lat is None else float(event.lat),
        "lon": None if event.lon is None else float(event.lon),
        "name": event.name,
        "title": event.title,
        "zoom": event.zoom,
        "geometry": event.geometry,
        "overlay": overlay,
    }


def _path_dict(path: PathStyle | None) -> dict[str, Any] | None:
    if path is None:
        return None
    width = None if path.width is None else float(path.width)
    return {"show": bool(path.show), "color": path.color, "width": width, "dash": path.dash}


def stories_message(stories: list[MapStory] | tuple[MapStory, ...]) -> dict[str, Any]:
    """Replaces every story on the map."""
    return {
        "type": "stories",
        "stories": [
            {
                "slot": story.slot,
                "color": story.color,
                "title": story.title,
                "events": [_event_dict(e) for e in story.events],
                "path": _path_dict(story.path),
            }
            for story in stories
        ],
    }


def show_message(slot: int, index: int, seq: int, fit: bool = True) -> dict[str, Any]:
    """Makes event `index` the current one of the story in `slot`; the page answers shown{seq}.
    With `fit` False the view stays where it is (the editor redrawing an edited story)."""
    message = {"type": "show", "slot": int(slot), "index": int(index), "seq": int(seq)}
    if not fit:
        message["fit"] = False
    return message


def fly_message(lat: float, lon: float, zoom: int | float) -> dict[str, Any]:
    """The view goes to a point at `zoom` (within what the map can show)."""
    return {"type": "fly", "lat": float(lat), "lon": float(lon), "zoom": zoom}


def fly_to_event_message(slot: int, index: int) -> dict[str, Any]:
    """"Show on map": the view goes close to event `index` of the story in `slot`, at the
    event's zoom or the page's default (model/map_style.py), within what the map can show."""
    return {"type": "fly-to-event", "slot": int(slot), "index": int(index)}


def fit_message() -> dict[str, Any]:
    """Fits the view to every slot's current event."""
    return {"type": "fit"}


@dataclass(frozen=True)
class TileSource:
    """An optional raster tile layer (an online URL template or the app's MBTiles route)."""

    url: str
    attribution: str = ""
    max_zoom: int = 18


def options_message(
    reduced_motion: bool = False, borders: bool = False, tiles: TileSource | None = None
) -> dict[str, Any]:
    tile_dict = None
    if tiles is not None:
        tile_dict = {"url": tiles.url, "attribution": tiles.attribution, "max_zoom": tiles.max_zoom}
    return {
        "type": "options",
        "reduced_motion": bool(reduced_motion),
        "borders": bool(borders),
        "tiles": tile_dict,
    }


def clear_message() -> dict[str, Any]:
    return {"type": "clear"}


def edit_message(on: bool) -> dict[str, Any]:
    """The story editor's mode: while on, a click on the map answers map-clicked{lat, lon}."""
    return {"type": "edit", "on": bool(on)}


def edit_marker_message(lat: float | None, lon: float | None) -> dict[str, Any]:
    """The editor's draggable marker at the selected event's place (None: no marker); a drag
    answers marker-dragged{lat, lon}."""
    if lat is None or lon is None:
        return {"type": "edit-marker", "lat": None, "lon": None}
    return {"type": "edit-marker", "lat": float(lat), "lon": float(lon)}


# Place names, theme and state read-back (the labels layer of resources/map/labels.js).


def names_message(
    lang: str, date: str | None, places: list[Any] | tuple[Any, ...],
    strings: dict[str, str] | None = None,
) -> dict[str, Any]:
    """The interface language, the date names are shown for (ISO, Gregorian; None: today),
    and the gazetteer's places as they were then (`model.gazetteer.NameAt`), so each label
    reads "Reval (Tallinn)" on the page. `strings`: the page's few words, translated."""
    return {
        "type": "names",
        "lang": str(lang),
        "date": date,
        "places": [
            {
                "id": p.id, "name": p.name, "today": p.today, "kind": p.kind,
                "lat": float(p.lat), "lon": float(p.lon), "geonameid": p.geonameid,
            }
            for p in places
            if p.lat is not None and p.lon is not None
        ],
        "strings": dict(strings or {}),
    }


def theme_message(high_contrast: bool = False, text_scale: float = 1.0) -> dict[str, Any]:
    """High contrast (darker coastlines, stronger label halos) and the text scale (labels)."""
    scale = float(text_scale) if math.isfinite(text_scale) else 1.0
    return {"type": "theme", "high_contrast": bool(high_contrast),
            "text_scale": min(3.0, max(0.5, scale))}


def query_message(seq: int) -> dict[str, Any]:
    """Asks the page what it shows; it answers state{seq, state}."""
    return {"type": "query", "seq": int(seq)}


def encode(message: dict[str, Any]) -> str:
    """JSON text for the bridge; NaN/inf are refused so the page never sees invalid JSON."""
    return json.dumps(message, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


# --- page -> Python -------------------------------------------------------------------------


@dataclass(frozen=True)
class Fetched:
    """Every file the page starts with has arrived; it is parsing and drawing them."""


@dataclass(frozen=True)
class Ready:
    pass


@dataclass(frozen=True)
class Shown:
    seq: int


@dataclass(frozen=True)
class MarkerClicked:
    slot: int
    index: int


@dataclass(frozen=True)
class PageError:
    message: str


@dataclass(frozen=True)
class MapClicked:
    """The editor's map was clicked at this place."""

    lat: float
    lon: float


@dataclass(frozen=True)
class MarkerDragged:
    """The editor's marker was dragged here."""

    lat: float
    lon: float


def _lat_lon(data: dict[str, Any]) -> tuple[float, float] | None:
    lat, lon = data.get("lat"), data.get("lon")
    if any(isinstance(v, bool) or not isinstance(v, (int, float)) for v in (lat, lon)):
        return None
    if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90):
        return None
    # Leaflet reports a click beyond the date line as lon 181, 190, ...: wrap it back.
    lon = ((float(lon) + 180) % 360) - 180
    return float(lat), lon


@dataclass(frozen=True)
class PageState:
    """The page's answer to a query: zoom, centre and bounds, the basemap regions drawn, the
    story markers, labels with their boxes, theme, overlay opacity (diagnostics and tests
    read the page only through this)."""

    seq: int
    state: dict[str, Any]


PageMessage = (Fetched | Ready | Shown | MarkerClicked | PageError | PageState | MapClicked
               | MarkerDragged)


def _int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return int(value)
    return None


def parse_page_message(text: str) -> PageMessage | None:
    """The page's message, or None (with a log warning) when it is not valid."""
    try:
        data = json.loads(text)
    except (TypeError, ValueError):
        log.warning("map page sent invalid JSON: %.200r", text)
        return None
    if not isinstance(data, dict):
        log.warning("map page sent a non-object: %.200r", text)
        return None
    kind = data.get("type")
    if kind == "fetched":
        return Fetched()
    if kind == "ready":
        return Ready()
    if kind == "shown":
        seq = _int(data.get("seq"))
        if seq is not None:
            return Shown(seq)
    elif kind == "marker-clicked":
        slot, index = _int(data.get("slot")), _int(data.get("index"))
        if slot is not None and index is not None and slot >= 0 and index >= 0:
            return MarkerClicked(slot, index)
    elif kind in ("map-clicked", "marker-dragged"):
        where = _lat_lon(data)
        if where is not None:
            return MapClicked(*where) if kind == "map-clicked" else MarkerDragged(*where)
    elif kind == "state":
        seq, state = _int(data.get("seq")), data.get("state")
        if seq is not None and isinstance(state, dict):
            return PageState(seq, state)
    elif kind == "error":
        message = data.get("message")
        return PageError(message if isinstance(message, str) else str(message))
    log.warning("map page sent an unknown or malformed message: %.200r", text)
    return None
