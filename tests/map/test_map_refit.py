"""The map fits its view to the shown events again when its size changes (the window, a pane
opening or closing), but keeps a view the viewer chose by hand until the next step."""

from __future__ import annotations

import pytest
from map_gestures import fingers, map_state, map_zoom_center
from PySide6.QtCore import QPoint
from PySide6.QtTest import QTest

from .test_map_layout import all_in_view, show_all

WIDE, NARROW = (1000, 700), (360, 600)
WAIT_MS = 15_000  # generous: the page answers late on a loaded machine


@pytest.fixture(scope="module")
def touch_device():
    return QTest.createTouchDevice()


def resized(qtbot, view, size: tuple[int, int]) -> None:
    view.resize(*size)
    qtbot.waitUntil(lambda: map_state(qtbot, view)["size"]["width"] == size[0], timeout=WAIT_MS)


def test_a_resize_fits_the_view_again_unless_the_viewer_moved_it(
        qtbot, map_view, probe, stories, touch_device):
    view = map_view
    show_all(qtbot, view, stories, {0: 3, 1: 2, 2: 1})
    qtbot.waitUntil(lambda: all_in_view(probe, view, 3), timeout=WAIT_MS)
    wide = map_zoom_center(qtbot, view)[0]
    resized(qtbot, view, NARROW)
    qtbot.waitUntil(lambda: map_zoom_center(qtbot, view)[0] < wide, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: all_in_view(probe, view, 3), timeout=WAIT_MS)
    # Wider again: fitted closer again (Leaflet by itself keeps the narrow map's zoom).
    resized(qtbot, view, WIDE)
    qtbot.waitUntil(lambda: map_zoom_center(qtbot, view)[0] == wide, timeout=WAIT_MS)

    # Two fingers move the map: that view is the viewer's, and a resize keeps it.
    _zoom, lat, _lon = map_zoom_center(qtbot, view)
    c = QPoint(view.width() // 2, view.height() // 2)
    fingers(qtbot, view, touch_device, (c - QPoint(40, 0), c + QPoint(40, 0)),
            (c + QPoint(-40, 120), c + QPoint(40, 120)))
    qtbot.waitUntil(lambda: map_zoom_center(qtbot, view)[1] > lat + 0.05, timeout=WAIT_MS)
    chosen = map_zoom_center(qtbot, view)
    resized(qtbot, view, NARROW)
    # Well past the refit's wait for the size to settle (a timer in the page, not a sleep).
    probe.wait(view, "new Promise(function (done) { setTimeout(done, 1500); })")
    zoom, lat, lon = map_zoom_center(qtbot, view)
    assert zoom == chosen[0]
    assert abs(lat - chosen[1]) < 0.05 and abs(lon - chosen[2]) < 0.05  # the same centre

    # The next step fits the view again, and so does the next resize.
    seq = view.show_event(1, 1)
    with qtbot.waitSignal(view.shown, timeout=5000, check_params_cb=lambda s: s == seq):
        pass
    qtbot.waitUntil(lambda: all_in_view(probe, view, 3), timeout=WAIT_MS)
    stepped = map_zoom_center(qtbot, view)[0]
    resized(qtbot, view, WIDE)
    qtbot.waitUntil(lambda: map_zoom_center(qtbot, view)[0] > stepped, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: all_in_view(probe, view, 3), timeout=WAIT_MS)
