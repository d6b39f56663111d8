"""The staff PIN pad: an overlay inside the window (never a dialog a visitor could be stuck in).

Big digit keys for a finger; `accepted` when the PIN is right, `cancelled` on Cancel or
after a short wait without input, so a pad opened by chance closes by itself.
"""

from __future__ import annotations

import hmac
import math

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from storyplayer.model.pin_guard import PinGuard
from storyplayer.ui.shared.theme import DEFAULT, Theme

GIVE_UP_MS = 30_000


class PinPad(QWidget):
    accepted = Signal()
    cancelled = Signal()

    def __init__(self, pin: str, parent: QWidget, guard: PinGuard | None = None):
        super().__init__(parent)
        self.setObjectName("pinPad")
        self._pin, self.entered = pin, ""
        self.guard = guard or PinGuard()  # growing waits after wrong codes: no brute force
        self.hide()
        self.panel = QFrame(objectName="pinPanel")
        self.panel.setFixedWidth(380)
        self.heading = QLabel(objectName="pinHeading")
        self.heading.setTextFormat(Qt.PlainText)
        self.heading.setAlignment(Qt.AlignCenter)
        self.heading.setWordWrap(True)
        self.display = QLabel(objectName="pinDisplay")
        self.display.setTextFormat(Qt.PlainText)
        self.display.setAlignment(Qt.AlignCenter)
        self.wait_note = QLabel(objectName="pinWait")  # how long until the next try
        self.wait_note.setTextFormat(Qt.PlainText)
        self.wait_note.setAlignment(Qt.AlignCenter)
        self.wait_note.setWordWrap(True)
        self.wait_note.hide()
        self._wait_timer = QTimer(self, interval=1000)  # counts the wait down on screen
        self._wait_timer.timeout.connect(self._show_wait)
        grid = QGridLayout()
        grid.setSpacing(10)
        self.keys: dict[str, QPushButton] = {}
        for n, digit in enumerate("123456789"):
            grid.addWidget(self._key(digit), n // 3, n % 3)
        self.clear_button = self._key("⌫")
        self.clear_button.clicked.disconnect()
        self.clear_button.clicked.connect(self._backspace)
        grid.addWidget(self.clear_button, 3, 0)
        grid.addWidget(self._key("0"), 3, 1)
        self.ok_button = self._key("OK")
        self.ok_button.clicked.disconnect()
        self.ok_button.clicked.connect(self._check)
        grid.addWidget(self.ok_button, 3, 2)
        self.cancel_button = QPushButton(objectName="pinCancel")
        self.cancel_button.setMinimumHeight(56)
        self.cancel_button.clicked.connect(self.cancel)
        layout = QVBoxLayout(self.panel)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(14)
        layout.addWidget(self.heading)
        layout.addWidget(self.display)
        layout.addWidget(self.wait_note)
        layout.addLayout(grid)
        layout.addWidget(self.cancel_button)
        outer = QVBoxLayout(self)
        outer.addWidget(self.panel, 0, Qt.AlignCenter)
        self._give_up = QTimer(self, singleShot=True, interval=GIVE_UP_MS)
        self._give_up.timeout.connect(self.cancel)
        self.apply_theme(DEFAULT)
        self._retranslate()

    def apply_theme(self, theme: Theme) -> None:
        """Drawn in `theme`'s palette."""
        self.theme = theme
        self.setStyleSheet(f"""
            {theme.panel_rule("pinPanel")}
            #pinHeading {{ font-size: 16pt; font-weight: 600; }}
            #pinDisplay {{ font-size: 26pt; letter-spacing: 8px; min-height: 48px; }}
            #pinWait {{ font-size: 14pt; }}
            #pinPanel QPushButton {{ font-size: 20pt; min-height: 64px; min-width: 64px; }}
        """)

    def _key(self, text: str) -> QPushButton:
        button = QPushButton(text)
        button.setMinimumSize(72, 64)
        button.setFocusPolicy(Qt.StrongFocus)
        button.clicked.connect(lambda: self._digit(text))
        self.keys[text] = button
        return button

    def _retranslate(self) -> None:
        self.heading.setText(self.tr("Staff only: enter the PIN to leave kiosk mode"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel and return"))
        self.clear_button.setAccessibleName(self.tr("Delete the last digit"))
        self.ok_button.setAccessibleName(self.tr("Confirm the PIN"))
        self.display.setAccessibleName(self.tr("Digits entered"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    # -- behaviour -------------------------------------------------------------------------

    def open(self) -> None:
        self.entered = ""
        self._show_entered()
        self.setGeometry(self.parentWidget().rect())
        self.show()
        self.raise_()
        self.keys["1"].setFocus(Qt.OtherFocusReason)
        self._give_up.start()

    def cancel(self) -> None:
        self._give_up.stop()
        self._wait_timer.stop()
        self.entered = ""
        if self.isVisible():
            self.hide()
            self.cancelled.emit()

    def enter(self, digits: str) -> None:
        """Type `digits` (tests, a keyboard) and check them."""
        for digit in digits:
            self._digit(digit)
        self._check()

    def _digit(self, digit: str) -> None:
        self._give_up.start()
        if len(self.entered) < 12:
            self.entered += digit
        self._show_entered()

    def _backspace(self) -> None:
        self._give_up.start()
        self.entered = self.entered[:-1]
        self._show_entered()

    def _show_entered(self, wrong: bool = False) -> None:
        if wrong:
            self.display.setText(self.tr("Wrong PIN"))
        else:
            self.display.setText("•" * len(self.entered) or "–")
        self._show_wait()

    def _show_wait(self) -> None:
        wait = math.ceil(self.guard.wait_left())
        if wait > 0:
            if wait >= 60:
                text = self.tr("Try again in {minutes} min").format(minutes=math.ceil(wait / 60))
            else:
                text = self.tr("Try again in {seconds} s").format(seconds=wait)
            self.wait_note.setText(text)
            self.wait_note.show()
            self._wait_timer.start()
        else:
            self._wait_timer.stop()
            self.wait_note.hide()

    def _check(self) -> None:
        right = hmac.compare_digest(self.entered.encode(), self._pin.encode())
        self.entered = ""
        result = self.guard.attempt(right)
        if result:
            self._give_up.stop()
            self.hide()
            self.accepted.emit()
        else:  # wrong, or too early to be checked at all
            self._show_entered(wrong=True)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        text = event.text()
        if text.isdigit():
            self._digit(text)
        elif event.key() in (Qt.Key_Return, Qt.Key_Enter):
            self._check()
        elif event.key() == Qt.Key_Backspace:
            self._backspace()
        elif event.key() == Qt.Key_Escape:
            self.cancel()
        else:
            super().keyPressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(self.theme.palette.scrim))
