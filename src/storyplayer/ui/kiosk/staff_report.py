"""What kiosk visitors are spared, for staff after the staff chord: stories that cannot be
played, with their reasons, and the messages held back from the screen.

An overlay inside the window, like the PIN pad; staff leave kiosk mode from it or go back.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from storyplayer.model.library import Entry
from storyplayer.ui.shared.theme import DEFAULT, Theme


class StaffReport(QWidget):
    leaveRequested = Signal()  # "Leave kiosk mode"
    closed = Signal()  # "Back to visitors"

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("staffReport")
        self.hide()
        self._broken: list[Entry] = []
        self._messages: list[str] = []
        self.panel = QFrame(objectName="staffPanel")
        self.panel.setMaximumWidth(900)
        self.heading = QLabel(objectName="staffHeading")
        self.heading.setTextFormat(Qt.PlainText)
        self.heading.setWordWrap(True)
        self.items = QListWidget(objectName="staffItems")
        self.items.setWordWrap(True)
        self.items.setFocusPolicy(Qt.StrongFocus)
        self.leave_button = QPushButton(objectName="staffLeave")
        self.back_button = QPushButton(objectName="staffBack")
        for button in (self.leave_button, self.back_button):
            button.setMinimumHeight(56)
        self.leave_button.clicked.connect(self._leave)
        self.back_button.clicked.connect(self.close_report)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.leave_button)
        layout = QVBoxLayout(self.panel)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(14)
        layout.addWidget(self.heading)
        layout.addWidget(self.items, 1)
        layout.addLayout(buttons)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 40, 40, 40)
        outer.addWidget(self.panel, 0, Qt.AlignHCenter)
        self.apply_theme(DEFAULT)
        self._retranslate()

    def apply_theme(self, theme: Theme) -> None:
        """Drawn in `theme`'s palette."""
        self.theme = theme
        p = theme.palette
        self.setStyleSheet(f"""
            {theme.panel_rule("staffPanel")}
            #staffHeading {{ font-size: 16pt; font-weight: 600; }}
            #staffItems {{ font-size: 12pt; border: 1px solid {p.line}; }}
            #staffItems::item {{ padding: 8px; border-bottom: 1px solid {p.line}; }}
            #staffPanel QPushButton {{ font-size: 13pt; padding: 6px 18px; }}
        """)

    def open_report(self, broken: Sequence[Entry], messages: Sequence[str]) -> None:
        self._broken, self._messages = list(broken), list(messages)
        self._fill()
        host = self.parentWidget()
        self.panel.setMinimumWidth(min(900, max(320, host.width() - 80)))
        self.setGeometry(host.rect())
        self.show()
        self.raise_()
        self.back_button.setFocus(Qt.OtherFocusReason)

    def close_report(self) -> None:
        if self.isVisible():
            self.hide()
            self.closed.emit()

    def _leave(self) -> None:
        self.hide()
        self.leaveRequested.emit()

    def _fill(self) -> None:
        self.items.clear()
        for entry in self._broken:
            reasons = [p.message for p in entry.problems if p.is_error] or [entry.reason]
            text = self.tr("Story “%1” cannot be played:").replace("%1", entry.name)
            item = QListWidgetItem(text + "\n" + "\n".join(f"• {r}" for r in reasons)
                                   + "\n" + str(entry.path))
            self.items.addItem(item)
        for message in self._messages:
            self.items.addItem(QListWidgetItem(message))

    def _retranslate(self) -> None:
        self.heading.setText(self.tr("For staff: what visitors are not shown"))
        self.items.setAccessibleName(self.tr("Problems"))
        self.leave_button.setText(self.tr("Leave kiosk mode"))
        self.back_button.setText(self.tr("Back to visitors"))
        if self.isVisible():
            self._fill()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(self.theme.palette.scrim))
