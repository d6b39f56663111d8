"""The kiosk's countdown, closed screen and staff page in Estonian, through Qt's translators,
and switched live back to English."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QWidget

from storyplayer.ui.kiosk.closed_screen import ClosedScreen
from storyplayer.ui.kiosk.staff_page import StaffPage
from storyplayer.ui.kiosk.still_there import StillThere


def test_the_kiosk_screens_in_estonian(qtbot, translations):
    translations.set_language("et")
    holder = QWidget()
    qtbot.addWidget(holder)
    holder.resize(1280, 720)
    still = StillThere(holder)
    still.open(10)
    assert still.heading.text() == "Kas oled veel siin?"
    assert still.countdown.text() == "Algusesse tagasi 10 sekundi pärast…"
    assert still.hint.text() == "Puuduta ekraani, et jääda."
    closed = ClosedScreen()
    qtbot.addWidget(closed)
    closed.set_opening(datetime(2026, 6, 2, 10, 0), "et")
    assert closed.heading.text() == "Suletud"
    assert closed.when.text() == "Taas avatud: teisipäev, 2. juuni kell 10:00"
    page = StaffPage(lambda: None, str, holder)
    page.open()
    assert page.heading.text() == "Töötajatele: külastuste statistika"
    assert page.totals.text() == "Selles kioskis on külastuste statistika välja lülitatud."
    assert page.leave_button.text() == "Välju kioskirežiimist"
    translations.set_language("en")  # live, as the picker's EN | ET does
    qtbot.waitUntil(lambda: still.countdown.text() == "Continuing to the start in 10…")
    qtbot.waitUntil(lambda: page.back_button.text() == "Back to visitors")
