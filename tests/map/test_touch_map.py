"""Touch on the map, with synthesized touch events: pinch and two-finger pan zoom and move
the map (Leaflet's own gestures), never the page."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtTest import QTest


@pytest.fixture(scope="module")
def touch_device():
    return QTest.createTouchDevice()


def js(qtbot, view, script: str):
    box: list = []
    view.page().runJavaScript(script, 0, box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=10_000)
    return box[0]


def map_zoom_center(qtbot, view) -> tuple[float, float, float]:
    seq = view.query_state()
    with qtbot.waitSignal(view.stateReceived, timeout=5000,
                          check_params_cb=lambda s, _state: s == seq) as blocker:
        pass
    state = blocker.args[1]
    return state["zoom"], state["center"]["lat"], state["center"]["lng"]


def fingers(qtbot, view, device, starts, ends, steps: int = 10) -> None:
    """Two fingers from `starts` to `ends` (map coordinates), each move waited for in the
    page. Points are given in the window's coordinates, where Qt delivers them from."""
    target = view.window()
    starts = tuple(view.mapTo(target, p) for p in starts)
    ends = tuple(view.mapTo(target, p) for p in ends)
    js(qtbot, view, "window.touchMoves = 0; document.addEventListener('touchmove',"
                    " function () { window.touchMoves++; }, {capture: true, passive: true});")
    (a0, b0), (a1, b1) = starts, ends
    QTest.touchEvent(target, device).press(0, a0).press(1, b0).commit()
    for i in range(1, steps + 1):
        t = i / steps
        a = a0 + (a1 - a0) * t
        b = b0 + (b1 - b0) * t
        QTest.touchEvent(target, device).move(0, a).move(1, b).commit()
        qtbot.waitUntil(lambda i=i: js(qtbot, view, "window.touchMoves") >= i, timeout=3000)
    QTest.touchEvent(target, device).release(0, a1).release(1, b1).commit()


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
