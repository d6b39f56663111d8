"""Ten stories over four centuries on screen: the picker shows all ten, and three stories of
different centuries fit side by side, playing, in date order and on the attract screen (the
cases of tests/layout_checks.py that the contact sheet also pictures), on one window."""

from __future__ import annotations

import pytest
from layout_checks import CENTURIES, Case, Stage, centuries_cases, problems
from PySide6.QtCore import QRectF

from storyplayer.model.library import Library

CASES = centuries_cases()


@pytest.fixture(scope="module")
def stage(qapp, bundled_library: Library):  # type: ignore[no-untyped-def]
    from PySide6.QtTest import QTest
    from pytestqt.qtbot import QtBot

    class Bot:
        def __init__(self) -> None:
            self._bot = QtBot(None)

        def waitExposed(self, widget) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
            assert QTest.qWaitForWindowExposed(widget, 5000)

        def waitUntil(self, condition, timeout: int = 5000) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
            self._bot.waitUntil(condition, timeout=timeout)

    made = Stage(bundled_library, Bot())
    yield made
    made.close()


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_three_centuries_fit(stage: Stage, case: Case) -> None:
    window = stage.show(case)
    assert problems(window) == []
    if case.screen == "picker":
        assert stage.window.picker.proxy.rowCount() == len(stage.library.stories) >= 10
    elif case.screen in ("playing", "date order"):
        panes = window.playback.panes
        assert [p.story.id for p in panes] == list(CENTURIES)
        strip = window.playback.timeline
        assert strip.isVisible()
        # Four centuries on one axis: every story's first and last event is a mark on the
        # strip, in its own lane, in time order from the left.
        area = QRectF(strip.rect())
        for pane, _ in enumerate(panes):
            count = len(panes[pane].story.events)
            first, last = strip.mark_rect(pane, 0), strip.mark_rect(pane, count - 1)
            assert area.contains(first) and area.contains(last), (pane, first, last)
            assert first.left() <= last.left()
        starts = [strip.mark_rect(pane, 0).left() for pane, _ in enumerate(panes)]
        assert starts == sorted(starts)
