"""Outside opening hours: a calm, dark "closed" screen, and the display turned off if it can.

The screen says when the kiosk opens again. Turning the display off is best effort through
DPMS (`xset dpms force off` on X11); where that is not available the dark screen stays.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
from datetime import datetime

from PySide6.QtCore import QEvent, QLocale, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from storyplayer.ui.shared.theme import DEFAULT

log = logging.getLogger(__name__)


def set_display_power(on: bool) -> bool:
    """Ask X11's DPMS to turn the display on or off; False when that is not possible."""
    xset = shutil.which("xset")
    if not xset or not os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return False
    try:
        done = subprocess.run([xset, "dpms", "force", "on" if on else "off"],
                              capture_output=True, timeout=5, check=False)
    except (OSError, subprocess.SubprocessError) as error:
        log.info("display power: %s", error)
        return False
    return done.returncode == 0


class ClosedScreen(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("closedScreen")
        self.setAttribute(Qt.WA_StyledBackground, True)
        self.opens: datetime | None = None
        self.lang = "en"
        self.heading = QLabel(objectName="closedHeading")
        self.when = QLabel(objectName="closedWhen")
        for label in (self.heading, self.when):
            label.setAlignment(Qt.AlignCenter)
            label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.heading)
        layout.addSpacing(16)
        layout.addWidget(self.when)
        layout.addStretch(1)
        # Dim: dark grey on black, nothing moves.
        p = DEFAULT.palette  # the same in every palette
        self.setStyleSheet(f"""
            #closedScreen {{ background: {p.closed_background}; }}
            #closedHeading {{ color: {p.closed_heading}; font-size: 30pt; font-weight: 600; }}
            #closedWhen {{ color: {p.closed_text}; font-size: 18pt; }}
        """)
        self._retranslate()

    def set_opening(self, opens: datetime | None, lang: str) -> None:
        self.opens, self.lang = opens, lang
        self._retranslate()

    def _retranslate(self) -> None:
        self.heading.setText(self.tr("Closed"))
        if self.opens is None:
            self.when.setText("")
            return
        locale = QLocale(QLocale.Estonian if self.lang == "et" else QLocale.English)
        day = locale.toString(self.opens.date(),
                              "dddd, d. MMMM" if self.lang == "et" else "dddd d MMMM")
        hour = self.opens.strftime("%H:%M")
        self.when.setText(self.tr("Open again on %1 at %2").replace("%1", day)
                          .replace("%2", hour))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
