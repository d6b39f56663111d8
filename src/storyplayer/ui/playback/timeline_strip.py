"""The timeline strip under the playback screen: one time axis for every playing story.

Each story has a lane in its colour; each event is a mark at its (Gregorian) day, a bar for
a range, hatched when approximate; undated events queue as small squares at the lane's end.
The event on show in each pane is highlighted; in chronological mode a playhead line moves
along the axis. A click asks for a jump (nearest mark wins); hovering shows date and title.
Paint-only: one widget, no widget per mark.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from storyplayer.model.playback import State
from storyplayer.model.rich_text import verbatim_html
from storyplayer.model.story import Story
from storyplayer.model.timeline import TimelineItem, axis_range, ticks, timeline_items
from storyplayer.ui.playback.event_view import event_date_text
from storyplayer.ui.playback.session_driver import SlotDriver
from storyplayer.ui.shared.theme import DEFAULT, Theme, tint

__all__ = ["TimelineStrip"]

AXIS_HEIGHT = 22  # tick labels above the lanes, at least (the font may ask for more)
LANE_HEIGHT = 24  # at least
REACH = 12  # px either side of a mark that still picks it, with a mouse
TOUCH_REACH = 24  # and with a finger (kiosk): a 48 px target around every mark
LABEL_SHARE = 0.3  # the lane titles' column takes at most this share of the width
MARGIN = 8
UNDATED_SIZE = 9  # the small squares of undated events
UNDATED_GAP = 22  # between the axis end and the undated squares
TICK_SPACING = 78  # pixels a tick label needs


@dataclass
class _Lane:
    story: Story
    color: str
    driver: SlotDriver
    items: list[TimelineItem]
    rows: dict[int, int]  # overlapping range bars stack in two rows


def _bar_rows(items: list[TimelineItem]) -> dict[int, int]:
    ends: list[int] = []  # last day taken in each row
    rows = {}
    for item in sorted((i for i in items if i.is_range and i.start is not None),
                       key=lambda i: (i.start, i.index)):
        assert item.start is not None and item.end is not None
        row = next((r for r, end in enumerate(ends) if end < item.start), len(ends))
        if row == len(ends):
            ends.append(item.end)
        ends[row] = item.end
        rows[item.index] = row % 2
    return rows


class TimelineStrip(QWidget):
    """Shows the lanes of the playing panes; emits ``jumpRequested(pane, event index)``."""

    jumpRequested = Signal(int, int)

    def __init__(self, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.lang = lang
        self._lanes: list[_Lane] = []
        self._range: tuple[int, int] | None = None
        self._playhead: Callable[[], float | None] | None = None
        self._undated: float = 6.0  # the undated squares' column, fixed by the lanes
        # Ticks, lanes and every mark drawn plain, kept as a picture: a step repaints only
        # the current marks and the playhead over it. Rebuilt when `_static_key` changes.
        self._lanes_version = 0
        self._static: QPixmap | None = None
        self._static_key: tuple | None = None
        # The lane titles' column, asked for every mark at every paint: measured once per
        # width, lanes, language and font (cleared on a font change).
        self._label_cache: tuple[tuple, float] | None = None
        self.theme = DEFAULT
        self.setObjectName("timelineStrip")
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
        self.setCursor(Qt.PointingHandCursor)
        self.setMouseTracking(True)
        self.setAccessibleName(self.tr("Timeline"))
        self._fit_height()

    def apply_theme(self, theme: Theme) -> None:
        """Drawn in `theme`'s colours from now on (its text size comes from the window's
        style sheet)."""
        self.theme = theme
        self.update()

    # -- what it shows -------------------------------------------------------------------

    def set_lanes(self, lanes: Sequence[tuple[Story, str, SlotDriver]]) -> None:
        """One lane per (story, colour, driver), in pane order; follows each driver."""
        for lane in self._lanes:
            self._follow(lane.driver, False)
        self._lanes = []
        for story, color, driver in lanes:
            items = timeline_items(story)
            self._lanes.append(_Lane(story, color, driver, items, _bar_rows(items)))
        for lane in self._lanes:
            self._follow(lane.driver, True)
        self._range = axis_range([lane.story for lane in self._lanes])
        most = max((sum(1 for i in lane.items if not i.dated) for lane in self._lanes), default=0)
        self._undated = UNDATED_GAP + most * (UNDATED_SIZE + 4) if most else 6.0
        self._lanes_version += 1
        self._static = None
        self._describe()
        self._fit_height()
        self.update()

    def set_playhead(self, source: Callable[[], float | None] | None) -> None:
        """Where the playhead is (a JDN, asked at each paint); None hides it."""
        self._playhead = source
        self.update()

    def set_language(self, lang: str) -> None:
        """Lane titles, tick labels and tooltips in `lang` from the next paint on."""
        self.lang = lang
        self._static = None
        self._describe()
        self.update()

    def _describe(self) -> None:
        # The painted lane titles, for screen readers (and so they can be read back).
        self.setAccessibleName(self.tr("Timeline"))
        self.setAccessibleDescription(", ".join(
            lane.story.text(lane.story.title, self.lang) for lane in self._lanes))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.LanguageChange:
            self._describe()
        super().changeEvent(event)
        if event.type() == QEvent.FontChange:  # the text scale: room for taller labels
            self._static = self._label_cache = None
            self._fit_height()

    def _follow(self, driver: SlotDriver, on: bool) -> None:
        for signal in (driver.eventChanged, driver.stateChanged):
            try:
                signal.connect(self._changed) if on else signal.disconnect(self._changed)
            except (RuntimeError, TypeError):  # the driver is gone already
                pass

    def _changed(self, *_: object) -> None:
        self.update()

    def _fit_height(self) -> None:
        lanes = max(1, len(self._lanes))
        height = self._axis_height() + lanes * self._lane_height() + 2 * MARGIN + 4
        self.setFixedHeight(max(90, math.ceil(height)))

    def _tick_font(self, major: bool) -> QFont:
        font = QFont(self.font())
        font.setBold(major)
        return font

    def _axis_height(self) -> float:
        """Room for a tick label above the lanes and a gap before the tick lines start."""
        return max(AXIS_HEIGHT, QFontMetricsF(self._tick_font(True)).height() + 6)

    def _lane_height(self) -> float:
        return max(LANE_HEIGHT, QFontMetricsF(self.font()).height() + 2)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(600, self.height())

    # -- geometry (tests click where these say) ----------------------------------------

    def _label_width(self) -> float:
        """As wide as the longest lane title needs, up to LABEL_SHARE of the strip."""
        key = (self.width(), self._lanes_version, self.lang)
        if self._label_cache is not None and self._label_cache[0] == key:
            return self._label_cache[1]
        fm = QFontMetricsF(self.font())
        widest = max((fm.horizontalAdvance(self._title(lane)) for lane in self._lanes),
                     default=0.0)
        width = min(widest + 16, self.width() * LABEL_SHARE)
        self._label_cache = (key, width)
        return width

    def _title(self, lane: _Lane) -> str:
        return lane.story.text(lane.story.title, self.lang)

    def _undated_width(self) -> float:
        return self._undated

    def _axis(self) -> tuple[float, float]:
        left = MARGIN + self._label_width() + 10
        right = self.width() - MARGIN - self._undated_width()
        return left, max(right, left + 10)

    def _padded_range(self) -> tuple[float, float] | None:
        if self._range is None:
            return None
        start, end = self._range
        pad = max(2.0, (end - start) * 0.03)
        return start - pad, end + pad

    def x_of(self, jdn: float) -> float:
        left, right = self._axis()
        span = self._padded_range()
        if span is None:
            return left
        return left + (jdn - span[0]) / (span[1] - span[0]) * (right - left)

    def lane_rect(self, pane: int) -> QRectF:
        lanes = max(1, len(self._lanes))
        axis = self._axis_height()
        height = min(self._lane_height(), (self.height() - axis - 2 * MARGIN) / lanes)
        top = MARGIN + axis + pane * height
        return QRectF(MARGIN, top, self.width() - 2 * MARGIN, height)

    def lane_label_rect(self, pane: int) -> QRectF:
        """Where the lane's story title is written (elided to it; the tooltip has it all)."""
        band = self.lane_rect(pane)
        return QRectF(band.left() + 8, band.top(), self._label_width() - 8, band.height())

    def mark_rect(self, pane: int, index: int) -> QRectF:
        """Where event `index` of the story in `pane` is drawn."""
        lane, band = self._lanes[pane], self.lane_rect(pane)
        item = lane.items[index]
        cy = band.center().y()
        if not item.dated:
            k = sum(1 for i in lane.items[:index] if not i.dated)
            x = self._axis()[1] + UNDATED_GAP + k * (UNDATED_SIZE + 4)
            return QRectF(x, cy - UNDATED_SIZE / 2, UNDATED_SIZE, UNDATED_SIZE)
        assert item.start is not None and item.end is not None
        x0, x1 = self.x_of(item.start), self.x_of(item.end + 1)
        if item.is_range and x1 - x0 >= 8:
            if not any(lane.rows.values()):
                h = band.height() * 0.42
                return QRectF(x0, cy - h / 2, x1 - x0, h)
            h = band.height() * 0.34  # two rows of bars, either side of the lane's line
            top = cy - h - 1 if lane.rows.get(index, 0) == 0 else cy + 1
            return QRectF(x0, top, x1 - x0, h)
        size = min(12.0, band.height() * 0.55)
        return QRectF(x0 - size / 2, cy - size / 2, size, size)

    @staticmethod
    def _is_bar(item: TimelineItem, rect: QRectF) -> bool:
        return item.is_range and rect.width() > rect.height() + 4

    def mark_at(self, pos: QPointF) -> tuple[int, int] | None:
        """The (pane, index) of the mark nearest `pos` in the lane nearest it; None if none
        is near. On a touch screen a mark reaches a fingertip's width around it, beyond its
        lane's edges too: lanes are drawn no taller for that."""
        if not self._lanes:
            return None
        reach = TOUCH_REACH if self.theme.touch else REACH
        pane = min(range(len(self._lanes)),
                   key=lambda p: abs(self.lane_rect(p).center().y() - pos.y()))
        lane, band = self._lanes[pane], self.lane_rect(pane)
        slack = max(2.0, reach - band.height() / 2)
        if not band.top() - slack <= pos.y() <= band.bottom() + slack:
            return None
        best: tuple[float, int] | None = None
        for index in range(len(lane.items)):
            r = self.mark_rect(pane, index)
            if self._is_bar(lane.items[index], r):
                # Anywhere on a bar counts, but a point mark within 3 px beats it.
                dx = max(r.left() - pos.x(), 0.0, pos.x() - r.right()) + 3
            else:
                dx = abs(pos.x() - r.center().x())
            if dx <= reach and (best is None or (dx, index) < best):
                best = (dx, index)
        return (pane, best[1]) if best else None

    # -- painting ----------------------------------------------------------------------

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        p = QPainter(self)
        p.drawPixmap(0, 0, self._static_layer())
        p.setRenderHint(QPainter.Antialiasing)
        for pane, lane in enumerate(self._lanes):
            current = None if lane.driver.stopped else lane.driver.index
            finished = lane.driver.stopped or lane.driver.state is State.FINISHED
            if current is not None and not finished:
                # Twice, as when it was drawn in its place and again on top: the same edges.
                self._paint_mark(p, pane, lane, current, True)
                self._paint_mark(p, pane, lane, current, True)  # on top of everything
                self._paint_points_on(p, pane, lane, current)
        self._paint_playhead(p)
        p.end()

    def _static_layer(self) -> QPixmap:
        """Background, ticks and lanes with every mark drawn plain, for the current size,
        lanes, language and font; built once, not on every step."""
        dpr = self.devicePixelRatioF()
        key = (self.width(), self.height(), dpr, self._lanes_version, self.lang,
               self.font().key(), self.theme.palette)
        if self._static is not None and self._static_key == key:
            return self._static
        pixmap = QPixmap(max(1, round(self.width() * dpr)), max(1, round(self.height() * dpr)))
        pixmap.setDevicePixelRatio(dpr)
        pixmap.fill(QColor(self.theme.palette.card))
        p = QPainter(pixmap)
        p.setFont(self.font())
        p.setRenderHint(QPainter.Antialiasing)
        p.setPen(QColor(self.theme.palette.line))
        p.drawLine(0, 0, self.width(), 0)
        self._paint_ticks(p)
        for pane, lane in enumerate(self._lanes):
            self._paint_lane(p, pane, lane)
        p.end()
        self._static, self._static_key = pixmap, key
        return pixmap

    def _paint_ticks(self, p: QPainter) -> None:
        span = self._padded_range()
        if span is None:
            return
        for box, label, major in self.tick_labels():
            p.setFont(self._tick_font(major))
            p.setPen(QColor(self.theme.palette.ink if major else self.theme.palette.muted))
            p.drawText(box, Qt.AlignCenter, label)
        top, bottom = self._ticks_top(), self.lane_rect(len(self._lanes) - 1).bottom()
        for tick in self._ticks():
            x = self.x_of(tick.jdn)
            pale = self.theme.palette.line if not tick.major else self.theme.palette.muted
            p.setPen(QPen(QColor(pale), 1))
            p.drawLine(QPointF(x, top), QPointF(x, bottom))
        p.setFont(self.font())

    def _ticks_top(self) -> float:
        return MARGIN + self._axis_height() - 4

    def _ticks(self) -> list:  # type: ignore[type-arg]
        span = self._padded_range()
        if span is None:
            return []
        left, right = self._axis()
        return ticks(int(span[0]) + 1, int(span[1]), max(2, int((right - left) / TICK_SPACING)),
                     self.lang)

    def tick_labels(self) -> list[tuple[QRectF, str, bool]]:
        """(box, label, major) of every tick label drawn: each box holds its whole label in
        the font it is drawn in, inside the strip, above the tick lines, overlapping none."""
        left = self._axis()[0]
        taken: list[tuple[QRectF, str, bool]] = []
        found = self._ticks()
        # Major labels claim their room first; minor ones fill in where they fit.
        for major in (True, False):
            fm = QFontMetricsF(self._tick_font(major))
            for tick in (t for t in found if t.major == major):
                x = self.x_of(tick.jdn)
                width = math.ceil(fm.horizontalAdvance(tick.label)) + 8
                box = QRectF(x - width / 2, MARGIN - 2, width, math.ceil(fm.height()))
                box.moveLeft(min(max(box.left(), left - 10), self.width() - MARGIN - width))
                if box.left() < 0 or any(box.intersects(other) for other, _, _ in taken):
                    continue
                taken.append((box, tick.label, major))
        return taken

    def _paint_lane(self, p: QPainter, pane: int, lane: _Lane) -> None:
        band = self.lane_rect(pane)
        color = QColor(lane.color)
        p.setPen(Qt.NoPen)
        p.setBrush(QColor(tint(lane.color, 0.92)))
        p.drawRoundedRect(band.adjusted(0, 1, 0, -1), 4, 4)
        # The story's title at the lane's start, elided to its column.
        fm = QFontMetricsF(self.font())
        label = self.lane_label_rect(pane)
        p.setPen(color.darker(115))
        p.drawText(label, Qt.AlignVCenter | Qt.AlignLeft,
                   fm.elidedText(self._title(lane), Qt.ElideRight, label.width()))
        left, right = self._axis()
        p.setPen(QPen(QColor(tint(lane.color, 0.6)), 1))
        p.drawLine(QPointF(left, band.center().y()), QPointF(right, band.center().y()))
        order = sorted(range(len(lane.items)), key=lambda i: -self.mark_rect(pane, i).width())
        for index in order:  # wide bars first, points on top; the current one goes on later
            self._paint_mark(p, pane, lane, index, False)

    def _paint_mark(self, p: QPainter, pane: int, lane: _Lane, index: int, current: bool) -> None:
        item, r = lane.items[index], self.mark_rect(pane, index)
        color = QColor(lane.color)
        light = QColor(tint(lane.color, 0.55))
        if current:
            p.setPen(QPen(QColor(self.theme.palette.ink), 2))
            p.setBrush(color)
            r = r.adjusted(-2, -2, 2, 2)
        else:
            p.setPen(QPen(color, 1.5, Qt.DashLine if item.approximate else Qt.SolidLine))
            # Points are white-filled rings, so they stand out on the bars they sit on.
            p.setBrush(light if self._is_bar(item, r) else QColor(self.theme.palette.card))
        if not item.dated:
            p.drawRect(r)
        elif self._is_bar(item, r):
            p.drawRoundedRect(r, 3, 3)
        else:
            p.drawEllipse(r)
        if item.approximate:
            p.setPen(Qt.NoPen)
            hatch = QColor(self.theme.palette.card) if current else color
            p.setBrush(QBrush(hatch, Qt.BDiagPattern))
            p.drawRoundedRect(r.adjusted(1, 1, -1, -1), 3, 3) if item.is_range else \
                p.drawEllipse(r.adjusted(1, 1, -1, -1))

    def _paint_points_on(self, p: QPainter, pane: int, lane: _Lane, current: int) -> None:
        """The current range bar is drawn on top: the points on it go on top again, so the
        bar never hides an event."""
        bar = self.mark_rect(pane, current)
        if not self._is_bar(lane.items[current], bar):
            return
        for index, item in enumerate(lane.items):
            r = self.mark_rect(pane, index)
            if index != current and not self._is_bar(item, r) and bar.intersects(r):
                self._paint_mark(p, pane, lane, index, False)

    def _paint_playhead(self, p: QPainter) -> None:
        day = self._playhead() if self._playhead else None
        if day is None or self._range is None:
            return
        x = self.x_of(day)
        top, bottom = self._ticks_top() - 2, self.lane_rect(len(self._lanes) - 1).bottom() + 2
        p.setPen(QPen(QColor(self.theme.palette.accent), 2))
        p.drawLine(QPointF(x, top), QPointF(x, bottom))
        p.setPen(Qt.NoPen)
        p.setBrush(QColor(self.theme.palette.accent))
        p.drawPolygon([QPointF(x - 5, top - 6), QPointF(x + 5, top - 6), QPointF(x, top)])

    # -- interaction -------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        hit = self.mark_at(event.position())
        if hit is None:
            super().mousePressEvent(event)
            return
        self.jumpRequested.emit(*hit)

    def _title_at(self, pos: QPointF) -> str | None:
        """The full story title under `pos` in the lane titles' column, if any."""
        for pane, lane in enumerate(self._lanes):
            if self.lane_label_rect(pane).contains(pos):
                return self._title(lane)
        return None

    def tooltip_text(self, pane: int, index: int) -> str:
        story = self._lanes[pane].story
        event = story.events[index]
        date = event_date_text(story, event, self.lang) or self.tr("No date")
        return f"{date}\n{story.text(event.title, self.lang)}"

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.ToolTip and isinstance(event, QHelpEvent):
            hit = self.mark_at(QPointF(event.pos()))
            title = self._title_at(QPointF(event.pos()))
            if hit is not None:
                QToolTip.showText(event.globalPos(), verbatim_html(self.tooltip_text(*hit)), self)
            elif title is not None:
                QToolTip.showText(event.globalPos(), verbatim_html(title), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)
