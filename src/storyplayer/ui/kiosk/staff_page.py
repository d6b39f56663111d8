"""The staff page behind the kiosk's staff chord: the visitor statistics with simple bar
charts, what the kiosk has noticed (a share that is down, library changes), and the way out.

An overlay inside the window, like the PIN pad; it closes by itself when left alone, so a
page opened by chance returns to the visitors.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from storyplayer.model.stats_report import Report
from storyplayer.ui.shared.theme import DEFAULT, Theme

GIVE_UP_MS = 120_000
MOST_STORIES = 10
CHART_POINTS = 11.0


class BarChart(QWidget):
    """Labelled horizontal (`vertical=False`) or vertical bars: (label, value, part) where
    `part` (<= value) is drawn darker inside the bar, e.g. finished within chosen."""

    def __init__(self, vertical: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.theme = DEFAULT
        self.vertical = vertical
        self.bars: list[tuple[str, int, int]] = []
        self.notes: list[str] = []  # written after each bar; its value when empty
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)

    def set_bars(self, bars: Sequence[tuple[str, int, int]],
                 notes: Sequence[str] = ()) -> None:
        self.bars = list(bars)
        self.notes = list(notes) or [str(value) for _, value, _ in self.bars]
        self.setAccessibleDescription(", ".join(f"{label}: {note}" for (label, _, _), note
                                                in zip(self.bars, self.notes, strict=True)))
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(420, 220)

    def apply_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        if not self.bars:
            return
        font = painter.font()
        font.setPointSizeF(CHART_POINTS)  # the staff page keeps one size at any text scale
        painter.setFont(font)
        top = max(1, max(value for _, value, _ in self.bars))
        metrics = painter.fontMetrics()
        line = metrics.height()
        p = self.theme.palette
        light, dark, ink = QColor(p.line), QColor(p.accent), QColor(p.ink)
        if self.vertical:
            width = self.width() / len(self.bars)
            chart = self.height() - line - 4
            for n, (label, value, _part) in enumerate(self.bars):
                x = n * width + 1
                height = chart * value / top
                painter.fillRect(QRectF(x, chart - height, width - 2, height), dark)
                if n % 3 == 0:
                    painter.setPen(ink)
                    painter.drawText(QRectF(x - width, chart + 2, width * 3, line),
                                     Qt.AlignHCenter, label)
            return
        label_width = min(self.width() * 0.45, max(metrics.horizontalAdvance(b[0])
                                                   for b in self.bars) + 12)
        row = self.height() / len(self.bars)
        bar_height = max(4.0, min(row - 6, line + 4))
        note_width = max(metrics.horizontalAdvance(note) for note in self.notes)
        room = self.width() - label_width - note_width - 14
        for n, (label, value, part) in enumerate(self.bars):
            y = n * row + (row - bar_height) / 2
            painter.setPen(ink)
            text = metrics.elidedText(label, Qt.ElideRight, int(label_width - 12))
            painter.drawText(QRectF(0, n * row, label_width - 8, row),
                             Qt.AlignVCenter | Qt.AlignRight, text)
            width = room * value / top
            painter.fillRect(QRectF(label_width, y, width, bar_height), light)
            painter.fillRect(QRectF(label_width, y, room * part / top, bar_height), dark)
            painter.drawText(QRectF(label_width + width + 6, n * row, note_width + 8, row),
                             Qt.AlignVCenter | Qt.AlignLeft, self.notes[n])


class StaffPage(QWidget):
    leaveRequested = Signal()
    closed = Signal()
    hiddenRequested = Signal()  # "Hidden from visitors": the stories and messages they miss

    def __init__(self, summary: Callable[[], Report | None], title: Callable[[str], str],
                 parent: QWidget, hidden: Callable[[], int] = lambda: 0):
        super().__init__(parent)
        self.setObjectName("staffPage")
        self._summary, self._title, self._hidden = summary, title, hidden
        self.notes: list[str] = []
        self.hide()
        self.panel = QFrame(objectName="staffPanel")
        self.heading = QLabel(objectName="staffHeading")
        self.banner = QLabel(objectName="staffBanner")
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.totals = QLabel(objectName="staffTotals")
        self.totals.setWordWrap(True)
        self.stories_heading = QLabel(objectName="staffChartHeading")
        self.stories = BarChart()
        self.hours_heading = QLabel(objectName="staffChartHeading")
        self.hours = BarChart(vertical=True)
        self.back_button = QPushButton(objectName="primary")
        self.leave_button = QPushButton()
        for button in (self.back_button, self.leave_button):
            button.setMinimumHeight(52)
        self.back_button.clicked.connect(self.close_page)
        self.leave_button.clicked.connect(self._leave)
        self.hidden_button = QPushButton(objectName="staffHidden")
        self.hidden_button.setMinimumHeight(52)
        self.hidden_button.clicked.connect(self.hiddenRequested)
        self.hidden_button.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.hidden_button)
        buttons.addStretch(1)
        buttons.addWidget(self.leave_button)
        buttons.addWidget(self.back_button)
        layout = QVBoxLayout(self.panel)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addWidget(self.banner)
        layout.addWidget(self.totals)
        layout.addWidget(self.stories_heading)
        layout.addWidget(self.stories, 3)
        layout.addWidget(self.hours_heading)
        layout.addWidget(self.hours, 2)
        layout.addLayout(buttons)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 30, 40, 30)
        outer.addWidget(self.panel)
        self._give_up = QTimer(self, singleShot=True, interval=GIVE_UP_MS)
        self._give_up.timeout.connect(self.close_page)
        self.apply_theme(DEFAULT)
        self._retranslate()

    def apply_theme(self, theme: Theme) -> None:
        """Drawn in `theme`'s palette, the charts too."""
        self.theme = theme
        self.stories.apply_theme(theme)
        self.hours.apply_theme(theme)
        p = theme.palette
        self.setStyleSheet(f"""
            #staffPanel {{ background: {p.card}; border-radius: 18px; }}
            #staffHeading {{ color: {p.ink}; font-size: 20pt; font-weight: 600; }}
            #staffBanner {{ background: {p.banner}; color: {p.ink}; border-radius: 8px;
                            padding: 8px 12px; font-size: 12pt; }}
            #staffTotals {{ color: {p.ink}; font-size: 13pt; }}
            #staffChartHeading {{ color: {p.muted}; font-size: 12pt; font-weight: 600; }}
            #staffPanel QPushButton {{ font-size: 13pt; padding: 6px 18px; }}
        """)

    def _retranslate(self) -> None:
        self.heading.setText(self.tr("Staff: visitor statistics"))
        self.stories_heading.setText(self.tr(
            "Stories chosen (dark: watched to the end): times, share finished, median time"))
        self.hours_heading.setText(self.tr("Visits per hour of the day"))
        self.back_button.setText(self.tr("Back to visitors"))
        self.leave_button.setText(self.tr("Leave kiosk mode"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.LanguageChange:
            self._retranslate()
            if self.isVisible():
                self.refresh()
        super().changeEvent(event)

    def set_notes(self, notes: Sequence[str]) -> None:
        """What staff should know (a share that is down): the banner, for staff only."""
        self.notes = list(notes)
        self.banner.setText("\n".join(self.notes))
        self.banner.setVisible(bool(self.notes))

    def refresh(self) -> None:
        hidden = self._hidden()
        self.hidden_button.setText(self.tr("Hidden from visitors: %1").replace("%1", str(hidden)))
        self.hidden_button.setVisible(hidden > 0)
        report = self._summary()
        if report is None:
            self.totals.setText(self.tr("Visitor statistics are turned off on this kiosk."))
            self.stories.set_bars([])
            self.hours.set_bars([])
            return
        data = report.to_json()
        languages = " · ".join(f"{code} {count}" for code, count in data["languages"].items())
        self.totals.setText(
            self.tr("Visits: %1 · median length %2 s").replace("%1", str(report.visits))
            .replace("%2", f"{data['median_visit_s']:.0f}") + "\n"
            + self.tr("Languages: %1").replace("%1", languages or "–"))
        ranked = report.ranked()[:MOST_STORIES]
        self.stories.set_bars(
            [(self._title(s.story), s.chosen, min(s.finished, s.chosen)) for s in ranked],
            [f"{s.chosen} · {s.completion_rate:.0%} · {_minutes(s.median_watched)}"
             for s in ranked])
        self.hours.set_bars([(f"{hour:02d}", report.hours.get(hour, 0), 0)
                             for hour in range(24)])

    def open(self) -> None:
        self.refresh()
        self.setGeometry(self.parentWidget().rect())
        self.show()
        self.raise_()
        self.back_button.setFocus(Qt.OtherFocusReason)
        self._give_up.start()

    def close_page(self) -> None:
        self._give_up.stop()
        if self.isVisible():
            self.hide()
            self.closed.emit()

    def _leave(self) -> None:
        self._give_up.stop()
        self.hide()
        self.leaveRequested.emit()

    def mousePressEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        self._give_up.start()
        event.accept()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(self.theme.palette.scrim))


def _minutes(seconds: float) -> str:
    whole = round(seconds)
    return f"{whole // 60}:{whole % 60:02d}"
