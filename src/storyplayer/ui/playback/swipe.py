"""Touch on a story pane: a swipe left steps to the next event, a swipe right to the previous,
and a drag up or down scrolls the text under the finger, which follows it.

The pane takes touch events itself (so a swipe that starts on a button is still a swipe);
a short tap is passed on as a click to the button under the finger, and a long press does
nothing at all — it never opens a menu or a link.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QTouchEvent
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QScrollBar, QWidget

SWIPE_PX = 60  # horizontal travel that makes a swipe
TAP_PX = 12  # a touch that moves less than this is a tap ...
TAP_MS = 500  # ... if it ends within this time; longer is a long press, which does nothing


class SwipeSteps(QObject):
    """Watches one pane's touches; `step(forward)` is called for each swipe."""

    def __init__(self, pane: QWidget, step: Callable[[bool], None]) -> None:
        super().__init__(pane)
        self.pane, self.step = pane, step
        self._start: QPointF | None = None
        self._started_ms = 0
        self._fingers = 0
        # while a drag scrolls some text: its scroll bar, and the bar's value at the touch
        self._scrolling: tuple[QScrollBar, int] | None = None
        pane.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        pane.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        kind = event.type()
        if kind not in (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd,
                        QEvent.Type.TouchCancel):
            return False
        assert isinstance(event, QTouchEvent)
        # where each finger is on the pane (from the window's coordinates, which every touch
        # event carries, however it reached the pane)
        points = [QPointF(self.pane.mapFrom(self.pane.window(), p.scenePosition().toPoint()))
                  for p in event.points()]
        if kind == QEvent.Type.TouchBegin:
            self._start = points[0] if points else None
            self._started_ms = event.timestamp()
            self._fingers = len(points)
        elif kind == QEvent.Type.TouchUpdate:
            self._fingers = max(self._fingers, len(points))
            if self._start is not None and points:
                self._drag(points[0])
        elif kind == QEvent.Type.TouchEnd and self._start is not None and points:
            if self._scrolling is None:  # a drag that scrolled is neither a swipe nor a tap
                self._finish(points[0], event.timestamp() - self._started_ms)
            self._start = self._scrolling = None
        else:
            self._start = self._scrolling = None
        event.accept()
        return True

    def _drag(self, at: QPointF) -> None:
        """A finger moving mostly up or down, over text that scrolls, scrolls it."""
        assert self._start is not None
        dx, dy = at.x() - self._start.x(), at.y() - self._start.y()
        if self._scrolling is None:
            if self._fingers != 1 or abs(dy) < TAP_PX or abs(dy) <= abs(dx):
                return
            area = self._scroll_area_at(self._start)
            if area is None:
                return
            bar = area.verticalScrollBar()
            self._scrolling = (bar, bar.value())
        bar, value = self._scrolling
        bar.setValue(round(value - dy))  # the line first touched stays under the finger

    def _scroll_area_at(self, point: QPointF) -> QAbstractScrollArea | None:
        """The scrolling text (event, end card) under `point`, if it has more than fits."""
        child = self.pane.childAt(point.toPoint())
        while child is not None and child is not self.pane:
            if isinstance(child, QAbstractScrollArea) and child.verticalScrollBar().maximum():
                return child
            child = child.parentWidget()
        return None

    def _finish(self, end: QPointF, duration_ms: int) -> None:
        assert self._start is not None
        dx, dy = end.x() - self._start.x(), end.y() - self._start.y()
        if self._fingers == 1 and abs(dx) >= SWIPE_PX and abs(dx) > 2 * abs(dy):
            self.step(dx < 0)  # the content moves with the finger: leftwards is onwards
        elif abs(dx) < TAP_PX and abs(dy) < TAP_PX and duration_ms < TAP_MS:
            child = self.pane.childAt(self._start.toPoint())
            while child is not None and not isinstance(child, QAbstractButton):
                child = child.parentWidget() if child is not self.pane else None
            if isinstance(child, QAbstractButton) and child.isEnabled():
                child.click()
