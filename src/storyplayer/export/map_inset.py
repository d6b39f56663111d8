"""A small locator map for a handout: the bundled basemap around one place, drawn with
QPainter in a Mercator projection, with a marker in the story's colour.
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPainterPath, QPen, QPolygonF

SEA, LAND, COAST = QColor("#dbe7ef"), QColor("#f4f1e8"), QColor("#8fa3ad")
LAKE, RIVER, BORDER = QColor("#dbe7ef"), QColor("#a9c4d4"), QColor("#9a8f99")

_Ring = tuple[tuple[float, float, float, float], list[tuple[float, float]]]  # bbox, lon/lat


@dataclass(frozen=True)
class _Region:
    name: str
    bbox: tuple[float, float, float, float]  # west, south, east, north
    land: list[_Ring]
    water: list[_Ring]
    rivers: list[_Ring]
    borders: list[_Ring]


def _decode(flat: list[int], scale: int) -> _Ring:
    x = y = 0
    points = []
    for i in range(0, len(flat) - 1, 2):
        x += flat[i]
        y += flat[i + 1]
        points.append((x / scale, y / scale))
    lons = [p[0] for p in points]
    lats = [p[1] for p in points]
    return (min(lons), min(lats), max(lons), max(lats)), points


@functools.cache
def _region(name: str) -> _Region:
    from storyplayer.resources import resource

    data = json.loads(resource(f"basemap/{name}.json").read_text(encoding="utf-8"))
    scale = data["scale"]

    def rings(key: str) -> list[_Ring]:
        return [_decode(r, scale) for r in data.get(key, []) if len(r) >= 4]

    return _Region(
        name, tuple(data["bbox"]), rings("land"), rings("water"), rings("rivers"), rings("borders")
    )


def _mercator_y(lat: float) -> float:
    lat = max(-85.0, min(85.0, lat))
    return math.degrees(math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)))


def _view(
    lat: float, lon: float, zoom: float | None, aspect: float
) -> tuple[float, float, float, float]:
    """(west, south, east, north) around the place; zoom as on the player's map, widened."""
    z = 6.0 if zoom is None else zoom
    width = max(8.0, min(70.0, 360 / 2 ** max(0.0, z - 1.5)))  # a locator shows the region
    height = width / aspect
    cy = _mercator_y(lat)
    half = height / 2
    south = math.degrees(2 * math.atan(math.exp(math.radians(cy - half))) - math.pi / 2)
    north = math.degrees(2 * math.atan(math.exp(math.radians(cy + half))) - math.pi / 2)
    return lon - width / 2, south, lon + width / 2, north


def _pick_region(view: tuple[float, float, float, float]) -> str:
    west, south, east, north = view
    for name in ("baltic", "europe"):
        w, s, e, n = _region(name).bbox
        if w <= west and s <= south and east <= e and north <= n:
            return name
    return "world"


def render_inset(
    lat: float,
    lon: float,
    *,
    zoom: float | None = None,
    color: str = "#b03a2e",
    width: int = 600,
    height: int = 400,
) -> QImage:
    """A width x height picture of the land around (lat, lon) with a marker on it."""
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(SEA)
    view = _view(lat, lon, zoom, width / height)
    west, south, east, north = view
    top, bottom = _mercator_y(north), _mercator_y(south)
    sx, sy = width / (east - west), height / (top - bottom)

    def point(p: tuple[float, float]) -> QPointF:
        return QPointF((p[0] - west) * sx, (top - _mercator_y(p[1])) * sy)

    def visible(ring: _Ring) -> bool:
        (w, s, e, n), _ = ring
        return e >= west and w <= east and n >= south and s <= north

    region = _region(_pick_region(view))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    stroke = max(1.0, width / 400)

    def polygons(rings: list[_Ring], fill: QColor, edge: QColor) -> None:
        path = QPainterPath()
        path.setFillRule(Qt.FillRule.WindingFill)
        for ring in rings:
            if visible(ring):
                path.addPolygon(QPolygonF([point(p) for p in ring[1]]))
                path.closeSubpath()
        painter.setPen(QPen(edge, stroke * 0.8))
        painter.setBrush(QBrush(fill))
        painter.drawPath(path)

    def lines(rings: list[_Ring], pen: QPen) -> None:
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for ring in rings:
            if visible(ring):
                painter.drawPolyline(QPolygonF([point(p) for p in ring[1]]))

    polygons(region.land, LAND, COAST)
    polygons(region.water, LAKE, COAST)
    lines(region.rivers, QPen(RIVER, stroke * 0.8))
    border = QPen(BORDER, stroke * 0.9, Qt.PenStyle.DashLine)
    lines(region.borders, border)

    # The marker: a ring in the story's colour with a white halo, at the place.
    centre = point((lon, lat))
    radius = max(5.0, min(width, height) / 22)
    painter.setPen(QPen(QColor("white"), radius * 0.55))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawEllipse(centre, radius, radius)
    painter.setPen(QPen(QColor(color), radius * 0.35))
    painter.setBrush(QBrush(QColor(color).lighter(170)))
    painter.drawEllipse(centre, radius, radius)
    painter.setBrush(QBrush(QColor(color)))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(centre, radius * 0.3, radius * 0.3)

    painter.setPen(QPen(QColor("#6b7b83"), stroke))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(QRectF(0.5, 0.5, width - 1, height - 1))
    painter.end()
    return image
