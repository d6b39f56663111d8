"""Story covers for the picker's cards: decoded once at the size shown, cached, and a drawn
placeholder (the story colour, a faint map graticule and the period) when there is no cover.
"""

from __future__ import annotations

import logging
import math
from collections import OrderedDict
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QImage, QLinearGradient, QPainter, QPen

from storyplayer.images import read_image
from storyplayer.ui.shared.theme import PICTURE_LINES, PICTURE_TEXT

log = logging.getLogger(__name__)


class CoverCache:
    """Covers scaled and cropped to fill a card's cover area, least recently used dropped first.

    Only the cards on screen are painted, so only those covers are ever decoded: a library of
    1,000 stories costs what one screenful costs. A cover that cannot be read is remembered
    as missing, so a broken file is reported once and not re-read at every paint.
    """

    def __init__(self, capacity: int = 240) -> None:
        self._capacity = capacity
        self._images: OrderedDict[tuple[str, int, int], QImage | None] = OrderedDict()
        self._failed: set[str] = set()

    def get(self, path: Path | None, size: QSize) -> QImage | None:
        """The cover at `path` filling `size` (device pixels), or None when there is none."""
        if path is None or size.isEmpty() or str(path) in self._failed:
            return None
        key = (str(path), size.width(), size.height())
        if key in self._images:
            self._images.move_to_end(key)
            return self._images[key]
        image = _read_filling(path, size)
        if image is None:
            self._failed.add(str(path))
            return None
        self._images[key] = image
        while len(self._images) > self._capacity:
            self._images.popitem(last=False)
        return image

    def placeholder(self, color: str, period: str, size: QSize, dpr: float, scale: float) -> QImage:
        """The drawn stand-in cover, rendered once per colour, period and size."""
        key = (f"placeholder:{color}:{period}:{dpr}:{scale}", size.width(), size.height())
        image = self._images.get(key)
        if image is None:
            image = QImage(size, QImage.Format_ARGB32_Premultiplied)
            image.setDevicePixelRatio(dpr)
            image.fill(Qt.transparent)
            painter = QPainter(image)
            rect = QRectF(0, 0, size.width() / dpr, size.height() / dpr)
            paint_placeholder(painter, rect, color, period, scale)
            painter.end()
            self._images[key] = image
            while len(self._images) > self._capacity:
                self._images.popitem(last=False)
        else:
            self._images.move_to_end(key)
        return image

    def clear(self) -> None:
        self._images.clear()
        self._failed.clear()


def _read_filling(path: Path, size: QSize) -> QImage | None:
    """Decode `path` straight at the size that covers `size`, then crop the middle.

    Decoding at the target size (rather than full size, then scaling) keeps big photos cheap
    and renders SVG covers sharp at any text scale.
    """
    image = read_image(path, cover=size, what="cover")  # refuses SVG "bombs" and devices
    if image is None:
        return None
    if image.size() != size:
        image = image.scaled(size, Qt.KeepAspectRatioByExpanding, Qt.SmoothTransformation)
        x = (image.width() - size.width()) // 2
        y = (image.height() - size.height()) // 2
        image = image.copy(x, y, size.width(), size.height())
    return image


def paint_placeholder(
    painter: QPainter, rect: QRectF, color: str, period: str, scale: float
) -> None:
    """A calm stand-in cover: `color` with a faint conic graticule and `period` in large type."""
    painter.save()
    painter.setClipRect(rect, Qt.IntersectClip)
    base = QColor(color)
    gradient = QLinearGradient(rect.topLeft(), rect.bottomRight())
    gradient.setColorAt(0.0, base.lighter(112))
    gradient.setColorAt(1.0, base.darker(118))
    painter.fillRect(rect, gradient)

    # Parallels and meridians of a conic projection, as on an old atlas page.
    painter.setRenderHint(QPainter.Antialiasing, True)
    pen = QPen(QColor(PICTURE_LINES), max(1.0, 1.2 * scale))
    painter.setPen(pen)
    painter.setBrush(Qt.NoBrush)
    apex = QPointF(rect.center().x() + rect.width() * 0.18, rect.top() - rect.height() * 1.6)
    step = rect.height() * 0.28
    first = (rect.top() - apex.y()) - step
    radius = first
    while radius < (rect.bottom() - apex.y()) + rect.width():
        painter.drawEllipse(apex, radius, radius)
        radius += step
    reach = rect.height() * 4 + rect.width()
    for degrees in range(-40, 41, 8):
        angle = math.radians(90 + degrees)
        end = QPointF(apex.x() + reach * math.cos(angle), apex.y() + reach * math.sin(angle))
        painter.drawLine(apex, end)

    if period:
        font = QFont(painter.font())
        font.setPointSizeF(26 * scale)
        font.setWeight(QFont.DemiBold)
        painter.setFont(font)
        painter.setPen(QColor(PICTURE_TEXT))
        margin = 18 * scale
        text_rect = rect.adjusted(margin, margin, -margin, -margin * 0.8)
        painter.drawText(text_rect, int(Qt.AlignLeft | Qt.AlignBottom | Qt.TextWordWrap), period)
    painter.restore()
