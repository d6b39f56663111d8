"""Names for imported places that came without one: the nearest known place within a few
kilometres (a reverse look-up), else no name. Known places come as (name, lat, lon); the
app's own list is the map's place labels (resources/basemap/labels.json) when it has them.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from typing import Any

MAX_KM = 5.0
EARTH_KM = 6371.0088
Known = tuple[str, float, float]  # name, lat, lon


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(a)))


class PlaceIndex:
    """Known places in one-degree cells, so a look-up reads a few cells, not the world."""

    def __init__(self, places: Iterable[Known]) -> None:
        self._cells: dict[tuple[int, int], list[Known]] = {}
        for name, lat, lon in places:
            if name and math.isfinite(lat) and math.isfinite(lon):
                self._cells.setdefault(_cell(lat, lon), []).append((name, lat, lon))

    def __len__(self) -> int:
        return sum(len(cell) for cell in self._cells.values())

    def nearest(self, lat: float, lon: float, max_km: float = MAX_KM) -> str | None:
        """The name of the nearest known place within `max_km` of (lat, lon), or None."""
        best: tuple[float, str] | None = None
        row, col = _cell(lat, lon)
        for d_row in (-1, 0, 1):
            for d_col in (-1, 0, 1):
                key = (row + d_row, (col + d_col + 180) % 360 - 180)
                for name, p_lat, p_lon in self._cells.get(key, ()):
                    km = distance_km(lat, lon, p_lat, p_lon)
                    if km <= max_km and (best is None or km < best[0]):
                        best = (km, name)
        return best[1] if best else None


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return math.floor(lat), (math.floor(lon) + 180) % 360 - 180


def labels_places(path: Any, language: str | None = None) -> list[Known]:
    """(name, lat, lon) from the map's label file: {"fields": [...], "places": [[...], ...]},
    named in `language` where the file has that language; [] when it cannot be read."""
    try:
        with open(path, encoding="utf-8") as stream:
            data = json.load(stream)
        fields = list(data["fields"])
        rows = data["places"]
        i_lat, i_lon, i_en = fields.index("lat"), fields.index("lon"), fields.index("en")
        i_lang = fields.index(language) if language in fields else i_en
    except (OSError, ValueError, KeyError, TypeError):
        return []
    out: list[Known] = []
    for row in rows:
        try:
            name = row[i_lang] or row[i_en]
            out.append((str(name), float(row[i_lat]), float(row[i_lon])))
        except (IndexError, TypeError, ValueError):
            continue
    return out


def app_places(language: str | None = None) -> list[Known]:
    """The app's known places (the map's labels), or [] where the app has none."""
    from storyplayer.resources import resources_dir

    path = resources_dir() / "basemap" / "labels.json"
    return labels_places(path, language) if path.is_file() else []
