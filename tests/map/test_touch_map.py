"""Touch on the map, with synthesized touch events: pinch and two-finger pan zoom and move
the map (Leaflet's own gestures), never the page."""

from __future__ import annotations

import pytest
from map_gestures import fingers, js, map_zoom_center
from PySide6.QtCore import QPoint
from PySide6.QtTest import QTest


@pytest.fixture(scope="module")
def touch_device():
    return QTest.createTouchDevice()


def test_pinch_and_two_finger_pan_move_the_map_not_the_page(qtbot, map_view, touch_device):
    view = map_view
    view.set_options(reduced_motion=True)
    view.fly_to(58.5, 25.0, 6)
    qtbot.waitUntil(lambda: map_zoom_center(qtbot, view)[0] == 6, timeout=5000)
    c = QPoint(view.width() // 2, view.height() // 2)
    fingers(qtbot, view, touch_device, (c - QPoint(40, 0), c + QPoint(40, 0)),
            (c - QPoint(160, 0), c + QPoint(160, 0)))
    qtbot.waitUntil(lambda: map_zoom_center(qtbot, view)[0] >= 7, timeout=5000)
    assert js(qtbot, view, "window.visualViewport.scale") == 1  # the page never zooms
    zoom, lat, lon = map_zoom_center(qtbot, view)
    fingers(qtbot, view, touch_device, (c - QPoint(40, 0), c + QPoint(40, 0)),
            (c + QPoint(-40, 120), c + QPoint(40, 120)))
    qtbot.waitUntil(lambda: map_zoom_center(qtbot, view)[1] > lat + 0.05, timeout=5000)
    assert js(qtbot, view, "window.visualViewport.scale") == 1


def test_the_app_turns_chromiums_page_pinch_off(monkeypatch):
    import os

    from storyplayer.app import prepare_environment

    monkeypatch.setenv("QTWEBENGINE_CHROMIUM_FLAGS", "")
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert prepare_environment(screenshot=True) is None
    assert "--disable-pinch" in os.environ["QTWEBENGINE_CHROMIUM_FLAGS"].split()
