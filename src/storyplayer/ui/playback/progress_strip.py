"""The progress strip under a pane: one mark per event, the current one filling up with time.

A click or tap on a mark asks the pane to jump to that event.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from storyplayer.ui.shared.theme import tint


class ProgressStrip(QWidget):
    jumpRequested = Signal(int)

    def __init__(self, count: int, color: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._count, self._color = count, color
        self._index, self._fraction, self._finished = 0, 0.0, False
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
        self.setCursor(Qt.PointingHandCursor)
        self.setAccessibleName(self.tr("Story progress"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.LanguageChange:
            self.setAccessibleName(self.tr("Story progress"))
            self.set_position(self._index, self._fraction, self._finished)
        super().changeEvent(event)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(200, 22)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(60, 22)

    def set_position(self, index: int, fraction: float, finished: bool = False) -> None:
        position = (index, max(0.0, min(1.0, fraction)), finished)
        description = (
            self.tr("Event %1 of %2").replace("%1", str(index + 1)).replace("%2", str(self._count))
        )
        if description != self.accessibleDescription():
            self.setAccessibleDescription(description)
        if position != (self._index, self._fraction, self._finished):  # repaint on a change
            self._index, self._fraction, self._finished = position
            self.update()

    def mark_rect(self, index: int) -> QRectF:
        """Where event `index` is drawn; tests click here."""
        gap = 3.0
        width = (self.width() - gap * (self._count - 1)) / self._count
        return QRectF(index * (width + gap), 7, width, self.height() - 14)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        painter.setPen(Qt.NoPen)
        done, rest = QColor(self._color), QColor(tint(self._color, 0.78))
        for k in range(self._count):
            rect = self.mark_rect(k)
            painter.setBrush(done if (k < self._index or self._finished) else rest)
            painter.drawRoundedRect(rect, 3, 3)
            if k == self._index and not self._finished:
                filled = QRectF(rect)
                filled.setWidth(rect.width() * self._fraction)
                painter.setBrush(done)
                painter.drawRoundedRect(filled, 3, 3)
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        for k in range(self._count):
            rect = self.mark_rect(k).adjusted(-2, -7, 2, 7)
            if rect.contains(event.position()):
                self.jumpRequested.emit(k)
                return
        super().mousePressEvent(event)
