"""Strict checking of an event's GeoJSON geometry before the map is ever given it.

The map page draws what it is sent; a geometry with text for coordinates, an open ring or
a million vertices would throw there (leaving the previous event's shape) or stall it.
So the shape is checked here: the type, each position (two or three finite numbers,
latitude and longitude in range), rings closed, and a cap on the vertices.
"""

from __future__ import annotations

import math
from typing import Any

MAX_VERTICES = 5000  # a detailed country border; the map stays smooth far above this

# How deep the positions lie under "coordinates" for each type.
_DEPTH = {
    "Point": 0,
    "MultiPoint": 1,
    "LineString": 1,
    "MultiLineString": 2,
    "Polygon": 2,
    "MultiPolygon": 3,
}


class GeometryError(ValueError):
    """str(e) says in one sentence what is wrong with the geometry."""


def check_geometry(geometry: Any) -> None:
    """Raise GeometryError unless `geometry` is a GeoJSON geometry the map can draw."""
    if not isinstance(geometry, dict):
        raise GeometryError("geometry must be a mapping with 'type' and 'coordinates'")
    kind = geometry.get("type")
    if kind not in _DEPTH:
        raise GeometryError(f"geometry type must be one of {', '.join(_DEPTH)}")
    if "coordinates" not in geometry:
        raise GeometryError(f"a {kind} geometry needs 'coordinates'")
    counter = [0]
    coordinates = geometry["coordinates"]
    if kind == "Point":
        _position(coordinates, counter)
    elif kind in ("MultiPoint", "LineString"):
        _line(coordinates, counter, kind, minimum=1)
    elif kind == "MultiLineString":
        for line in _list(coordinates, kind, 1):
            _line(line, counter, "line", minimum=1)
    elif kind == "Polygon":
        _polygon(coordinates, counter)
    else:
        for polygon in _list(coordinates, kind, 1):
            _polygon(polygon, counter)


def _list(value: Any, what: str, minimum: int) -> list[Any]:
    if not isinstance(value, list):
        raise GeometryError(f"the coordinates of a {what} must be a list")
    if len(value) < minimum:
        raise GeometryError(f"a {what} needs at least one position")
    return value


def _line(value: Any, counter: list[int], what: str, minimum: int) -> None:
    for position in _list(value, what, minimum):
        _position(position, counter)


def _polygon(value: Any, counter: list[int]) -> None:
    for ring in _list(value, "Polygon", 1):
        # A line or area still being drawn (one or two points) is drawn as far as it goes;
        # what matters is that it is not empty and a ring ends where it starts.
        _line(ring, counter, "polygon ring", minimum=1)
        if ring[0][:2] != ring[-1][:2]:
            raise GeometryError("a polygon ring must be closed: its last position repeats "
                                "the first")


def _position(value: Any, counter: list[int]) -> None:
    counter[0] += 1
    if counter[0] > MAX_VERTICES:
        raise GeometryError(f"geometry has more than {MAX_VERTICES} positions")
    if not isinstance(value, list) or len(value) not in (2, 3):
        raise GeometryError("each position must be [longitude, latitude]")
    for number in value:
        if isinstance(number, bool) or not isinstance(number, (int, float)):
            raise GeometryError("each position must be [longitude, latitude] in numbers")
        if not math.isfinite(number):
            raise GeometryError("a position holds a number that is not finite")
    lon, lat = value[0], value[1]
    if not (-180 <= lon <= 180 and -90 <= lat <= 90):
        raise GeometryError(
            f"position [{lon}, {lat}] is off the map: GeoJSON writes [longitude, latitude]"
        )
