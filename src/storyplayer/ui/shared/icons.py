"""Control icons drawn as vector shapes, so they are crisp at any text scale and need no font."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPixmap

from storyplayer.ui.shared.theme import LIGHT

NAMES = ("play", "pause", "previous", "next", "pin", "replay", "close", "list", "settings")


def icon(name: str, color: str = LIGHT.ink, size: int = 64) -> QIcon:
    """The icon `name` (one of NAMES) in `color`."""
    if name not in NAMES:
        raise KeyError(f"no icon {name!r}; known: {', '.join(NAMES)}")
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.Antialiasing)
    painter.setPen(Qt.NoPen)
    painter.setBrush(QColor(color))
    s = size / 64.0
    path = QPainterPath()
    if name == "play":
        path.moveTo(20 * s, 12 * s)
        path.lineTo(52 * s, 32 * s)
        path.lineTo(20 * s, 52 * s)
        path.closeSubpath()
    elif name == "pause":
        path.addRoundedRect(QRectF(16 * s, 12 * s, 11 * s, 40 * s), 2 * s, 2 * s)
        path.addRoundedRect(QRectF(37 * s, 12 * s, 11 * s, 40 * s), 2 * s, 2 * s)
    elif name in ("previous", "next"):
        path.addRect(QRectF(12 * s, 14 * s, 7 * s, 36 * s))
        path.moveTo(52 * s, 14 * s)
        path.lineTo(22 * s, 32 * s)
        path.lineTo(52 * s, 50 * s)
        path.closeSubpath()
        if name == "next":
            path = path.toReversed()
            painter.translate(size, 0)
            painter.scale(-1, 1)
    elif name == "pin":
        path.addEllipse(QPointF(32 * s, 24 * s), 16 * s, 16 * s)
        path.moveTo(18 * s, 32 * s)
        path.lineTo(32 * s, 58 * s)
        path.lineTo(46 * s, 32 * s)
        path.closeSubpath()
        hole = QPainterPath()
        hole.addEllipse(QPointF(32 * s, 24 * s), 6 * s, 6 * s)
        path = path.simplified().subtracted(hole)
    elif name == "replay":
        ring = QPainterPath()
        ring.addEllipse(QPointF(32 * s, 34 * s), 20 * s, 20 * s)
        inner = QPainterPath()
        inner.addEllipse(QPointF(32 * s, 34 * s), 13 * s, 13 * s)
        gap = QPainterPath()
        gap.addRect(QRectF(32 * s, 8 * s, 24 * s, 22 * s))
        path = ring.subtracted(inner).subtracted(gap)
        path.moveTo(30 * s, 4 * s)
        path.lineTo(44 * s, 17.5 * s)
        path.lineTo(30 * s, 31 * s)
        path.closeSubpath()
    elif name == "list":
        for row in (14, 29, 44):
            path.addEllipse(QPointF(13 * s, (row + 3) * s), 4 * s, 4 * s)
            path.addRoundedRect(QRectF(22 * s, row * s, 32 * s, 6 * s), 2 * s, 2 * s)
    elif name == "settings":  # three sliders: the look of the app, adjustable
        for row, knob in ((14, 40), (29, 22), (44, 34)):
            path.addRoundedRect(QRectF(8 * s, (row + 1) * s, 48 * s, 4 * s), 2 * s, 2 * s)
            path.addEllipse(QPointF(knob * s, (row + 3) * s), 6 * s, 6 * s)
        path = path.simplified()
    elif name == "close":
        painter.translate(32 * s, 32 * s)
        painter.rotate(45)
        path.addRoundedRect(QRectF(-22 * s, -4 * s, 44 * s, 8 * s), 2 * s, 2 * s)
        path.addRoundedRect(QRectF(-4 * s, -22 * s, 8 * s, 44 * s), 2 * s, 2 * s)
        path = path.simplified()
    painter.drawPath(path)
    painter.end()
    return QIcon(pixmap)
