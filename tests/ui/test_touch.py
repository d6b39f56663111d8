"""Touch, with synthesized touch events: pinch and two-finger pan move the map (never the
page), a swipe on a pane steps it, a tap presses a button, a long press opens nothing."""

from __future__ import annotations

import json

import pytest
from map_gestures import js
from PySide6.QtCore import QPoint, QPointF
from PySide6.QtGui import QEventPoint, QTouchEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from windows import wait_map

from storyplayer.model.library import Library


@pytest.fixture(scope="module")
def touch_device():
    return QTest.createTouchDevice()


@pytest.fixture
def window(make_window, bundled_library: Library, qtbot):
    window = make_window(bundled_library)
    window.set_manual(True)  # events wait for a swipe
    window.play(["october-1917"])
    wait_map(qtbot, window)
    return window


def send_touch(widget, device, kind, point: QPointF, state, timestamp: int) -> None:
    in_window = QPointF(widget.mapTo(widget.window(), point.toPoint()))
    event = QTouchEvent(kind, device, QApplication.keyboardModifiers(),
                        [QEventPoint(1, state, in_window, widget.mapToGlobal(point))])
    event.setTimestamp(timestamp)
    QApplication.sendEvent(widget, event)


def touch(widget, device, start: QPointF, end: QPointF, duration_ms: int) -> None:
    from PySide6.QtCore import QEvent

    send_touch(widget, device, QEvent.Type.TouchBegin, start, QEventPoint.State.Pressed, 1000)
    send_touch(widget, device, QEvent.Type.TouchUpdate, (start + end) / 2,
               QEventPoint.State.Updated, 1000 + duration_ms // 2)
    send_touch(widget, device, QEvent.Type.TouchEnd, end, QEventPoint.State.Released,
               1000 + duration_ms)


def test_a_swipe_on_a_pane_steps_it_a_tap_clicks_a_long_press_opens_nothing(
        qtbot, window, touch_device):
    pane = window.playback.panes[0]
    driver = pane.driver
    assert driver.index == 0
    mid = QPointF(pane.width() / 2, pane.height() / 2)
    # through Qt's own delivery, starting on the event's text (a child of the pane)
    top, m = pane.window(), pane.mapTo(pane.window(), mid.toPoint())
    QTest.touchEvent(top, touch_device).press(0, m + QPoint(120, 0)).commit()
    QTest.touchEvent(top, touch_device).move(0, m).commit()
    QTest.touchEvent(top, touch_device).release(0, m - QPoint(120, 0)).commit()
    qtbot.waitUntil(lambda: driver.index == 1, timeout=3000)
    touch(pane, touch_device, mid - QPointF(120, 0), mid + QPointF(120, 0), 250)  # rightwards
    assert driver.index == 0
    touch(pane, touch_device, mid, mid + QPointF(10, 150), 250)  # mostly down: not a swipe
    assert driver.index == 0
    # a tap on the "next" button presses it; a long press on it does nothing at all
    button = pane.next_button
    at = QPointF(button.mapTo(pane, button.rect().center()))
    touch(pane, touch_device, at, at, 120)
    assert driver.index == 1
    touch(pane, touch_device, at, at, 1500)
    assert driver.index == 1
    assert QApplication.activePopupWidget() is None


def test_a_long_press_on_the_map_opens_no_menu(qtbot, window, touch_device):
    view = window.playback.map_view
    js(qtbot, view, "window.menus = []; document.addEventListener('contextmenu',"
                    " function (e) { window.menus.push(e.defaultPrevented); });")
    target = view.window()
    at = view.mapTo(target, QPoint(view.width() // 2, view.height() // 2))
    QTest.touchEvent(target, touch_device).press(0, at).commit()
    # Chromium turns a held finger into a context-menu request; the page refuses it
    qtbot.waitUntil(lambda: json.loads(js(qtbot, view, "JSON.stringify(window.menus)")) != [],
                    timeout=5000)
    QTest.touchEvent(target, touch_device).release(0, at).commit()
    assert all(json.loads(js(qtbot, view, "JSON.stringify(window.menus)")))
    assert QApplication.activePopupWidget() is None


def drag(widget, device, start: QPointF, end: QPointF, steps: int = 8,
         step_ms: int = 30) -> None:
    """A finger put down at `start` and moved to `end` in `steps` moves, then lifted."""
    from PySide6.QtCore import QEvent

    send_touch(widget, device, QEvent.Type.TouchBegin, start, QEventPoint.State.Pressed, 1000)
    for i in range(1, steps + 1):
        at = start + (end - start) * (i / steps)
        send_touch(widget, device, QEvent.Type.TouchUpdate, at, QEventPoint.State.Updated,
                   1000 + i * step_ms)
    send_touch(widget, device, QEvent.Type.TouchEnd, end, QEventPoint.State.Released,
               1000 + (steps + 1) * step_ms)


def test_a_drag_up_or_down_on_a_long_text_scrolls_it_and_does_not_step(
        qtbot, window, touch_device):
    pane = window.playback.panes[0]
    view, driver = pane.event_view, pane.driver
    bar = view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 100, timeout=3000)  # the first event is long
    assert bar.value() == 0
    text = QPointF(view.mapTo(pane, view.rect().center()))
    drag(pane, touch_device, text, text - QPointF(0, 90))
    assert bar.value() == 90  # the line first touched has stayed under the finger
    drag(pane, touch_device, text, text + QPointF(0, 40))
    assert bar.value() == 50
    drag(pane, touch_device, text, text + QPointF(0, 400))  # down past the top: at the top
    assert bar.value() == 0 and driver.index == 0
    # a sideways swipe over the same text still steps the story, and the next event's text
    # starts at its top
    drag(pane, touch_device, text + QPointF(100, 0), text - QPointF(100, 0))
    qtbot.waitUntil(lambda: driver.index == 1, timeout=3000)
    assert bar.value() == 0
