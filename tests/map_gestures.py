"""For tests that touch the map: run a script in its page, read its view back through the
`query` message, and move two fingers across it with synthesized touch events."""

from __future__ import annotations

from typing import Any

from PySide6.QtTest import QTest


def js(qtbot, view, script: str) -> Any:  # type: ignore[no-untyped-def]
    """The value of `script` in the page, waited for without sleeping."""
    box: list = []
    view.page().runJavaScript(script, 0, box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=10_000)
    return box[0]


def map_state(qtbot, view) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    """What the page shows now, as its answer to a `query` message."""
    seq = view.query_state()
    with qtbot.waitSignal(view.stateReceived, timeout=5000,
                          check_params_cb=lambda s, _state: s == seq) as blocker:
        pass
    return blocker.args[1]


def map_zoom_center(qtbot, view) -> tuple[float, float, float]:  # type: ignore[no-untyped-def]
    state = map_state(qtbot, view)
    return state["zoom"], state["center"]["lat"], state["center"]["lng"]


def fingers(qtbot, view, device, starts, ends, steps: int = 10) -> None:  # type: ignore[no-untyped-def]
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
