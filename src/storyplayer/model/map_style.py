"""What Python and the map page must agree on, said once: the stories' fallback colours, the
sea's colour, how close the map may zoom, and the built-in basemap's regions.

`page_setup()` is given to the page before its own script runs (see `MapView`), so map.js,
map.css and tools/build_basemap.py hold none of these numbers themselves.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from storyplayer.model.story import PANE_COLORS

SEA = "#d5e1e6"  # the basemap's sea and lakes, and the page behind it
MAX_ZOOM = 17  # closest zoom at all; past the basemap's detail only to separate places
DEFAULT_TILE_MAX_ZOOM = 18  # a tile source that names no maximum
PLACE_ZOOM = 9  # an event's zoom when its story gives none


@dataclass(frozen=True)
class BasemapRegion:
    """One region of the bundled basemap, coarse to detailed."""

    name: str
    bbox: tuple[float, float, float, float]  # west, south, east, north
    min_zoom: float  # drawn from this zoom on
    river_zoom: float  # its rivers from this zoom on
    detail_zoom: float  # closer than this, it shows no more detail


BASEMAP_REGIONS = (
    BasemapRegion("world", (-180, -90, 180, 90), min_zoom=0, river_zoom=99, detail_zoom=5),
    BasemapRegion("europe", (-30, 30, 60, 72), min_zoom=4, river_zoom=5, detail_zoom=7),
    # Europe's rivers leave the Baltic to it.
    BasemapRegion("baltic", (19.5, 55.5, 33.0, 61.5), min_zoom=7, river_zoom=5, detail_zoom=9),
)


def region(name: str) -> BasemapRegion:
    return next(r for r in BASEMAP_REGIONS if r.name == name)


def page_setup() -> dict[str, Any]:
    """The constants the page starts with, as JSON-ready values."""
    return {
        "fallback_colors": list(PANE_COLORS),
        "sea": SEA,
        "max_zoom": MAX_ZOOM,
        "tile_max_zoom": DEFAULT_TILE_MAX_ZOOM,
        "place_zoom": PLACE_ZOOM,
        "regions": [
            {"name": r.name, "bbox": list(r.bbox), "min_zoom": r.min_zoom,
             "river_zoom": r.river_zoom, "detail_zoom": r.detail_zoom}
            for r in BASEMAP_REGIONS
        ],
    }
