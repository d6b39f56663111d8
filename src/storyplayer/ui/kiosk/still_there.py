"""The second idle stage: "Are you still there?" over the visitor's screen, counting down.

An overlay inside the window (never a dialog). Any touch dismisses it: the touch reaches the
kiosk's input watch, which answers the question; the overlay itself swallows it, so the
touch that says "yes" presses nothing underneath.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from storyplayer.ui.shared.theme import DEFAULT, Theme


class StillThere(QWidget):
    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("stillThere")
        self.setAttribute(Qt.WA_AcceptTouchEvents, True)
        self.hide()
        self.seconds = 0
        self.panel = QFrame(objectName="stillPanel")
        self.panel.setMinimumWidth(560)  # the Estonian countdown on one line
        self.panel.setMaximumWidth(720)
        self.heading = QLabel(objectName="stillHeading")
        self.heading.setAlignment(Qt.AlignCenter)
        self.heading.setWordWrap(True)
        self.countdown = QLabel(objectName="stillCountdown")
        self.countdown.setAlignment(Qt.AlignCenter)
        self.countdown.setWordWrap(True)
        self.hint = QLabel(objectName="stillHint")
        self.hint.setAlignment(Qt.AlignCenter)
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self.panel)
        layout.setContentsMargins(40, 32, 40, 32)
        layout.setSpacing(14)
        for label in (self.heading, self.countdown, self.hint):
            layout.addWidget(label)
        outer = QVBoxLayout(self)
        outer.addWidget(self.panel, 0, Qt.AlignCenter)
        self.apply_theme(DEFAULT)
        self._retranslate()

    def apply_theme(self, theme: Theme) -> None:
        """Drawn in `theme`'s palette."""
        self.theme = theme
        p = theme.palette
        self.setStyleSheet(f"""
            {theme.panel_rule("stillPanel")}
            #stillHeading {{ color: {p.ink}; font-size: 26pt; font-weight: 600; }}
            #stillCountdown {{ color: {p.ink}; font-size: 17pt; }}
            #stillHint {{ color: {p.muted}; font-size: 14pt; }}
        """)

    def _retranslate(self) -> None:
        self.heading.setText(self.tr("Are you still there?"))
        self.countdown.setText(self.tr("Continuing to the start in %n…", "", self.seconds))
        self.hint.setText(self.tr("Touch the screen to stay."))
        self.setAccessibleName(self.heading.text())

    def open(self, seconds: int) -> None:
        self.seconds = seconds
        self._retranslate()
        self.setGeometry(self.parentWidget().rect())
        self.show()
        self.raise_()

    def set_seconds(self, seconds: int) -> None:
        if seconds != self.seconds:
            self.seconds = seconds
            self._retranslate()

    def close_overlay(self) -> None:
        self.hide()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        event.accept()  # the kiosk's input watch has seen it; nothing underneath is pressed

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(self.theme.palette.scrim_light))
