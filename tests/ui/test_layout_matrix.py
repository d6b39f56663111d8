"""The layout matrix: every screen fits at the sizes, languages, text scales and themes people
use (see tests/layout_checks.py for the cases and the checks).

All pairs of values are covered by a few dozen cases on one window that is resized, not
rebuilt. The 3840x2160 cases need a device pixel ratio of 2, which Qt fixes when it starts:
they run in a process of their own.

`STORYPLAYER_FULL_MATRIX=1` runs every combination instead (672 cases, the better part of an
hour): before a release, or after a change to the layout of a whole screen.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from layout_checks import (
    MAX_SCALE,
    SIZES,
    Case,
    Stage,
    all_cases,
    current_dpr,
    pairwise_cases,
    problems,
)

from storyplayer.model.library import Library

FULL = os.environ.get("STORYPLAYER_FULL_MATRIX", "") not in ("", "0")
CASES = all_cases() if FULL else pairwise_cases()
CHILD = "STORYPLAYER_LAYOUT_DPR"  # set in the child process that runs the ratio-2 cases


def test_the_pairwise_cases_cover_every_pair_of_values() -> None:
    dimensions = ("size", "panes", "lang", "scale", "theme", "screen")
    values = {d: {getattr(c, d) for c in all_cases()} for d in dimensions}
    assert values["size"] == set(SIZES) and len(values["screen"]) == 7
    cases = pairwise_cases()
    for i, a in enumerate(dimensions):
        for b in dimensions[i + 1:]:
            seen = {(getattr(c, a), getattr(c, b)) for c in cases}
            assert seen == {(x, y) for x in values[a] for y in values[b]}, (a, b)
    assert len(cases) < len(all_cases()) / 10  # a few dozen windows, not ~700
    assert len(set(all_cases())) == 4 * 3 * 2 * 2 * 2 * 7  # the full product, on demand


@pytest.fixture(scope="module")
def stage(qapp, bundled_library: Library):  # type: ignore[no-untyped-def]
    made = Stage(bundled_library, _ModuleBot())
    yield made
    made.close()


class _ModuleBot:
    """The two waits the stage needs, for a window that lives for the whole module."""

    def __init__(self) -> None:
        from pytestqt.qtbot import QtBot

        self._bot = QtBot(None)

    def waitExposed(self, widget) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        from PySide6.QtTest import QTest

        assert QTest.qWaitForWindowExposed(widget, 5000)

    def waitUntil(self, condition, timeout: int = 5000) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        self._bot.waitUntil(condition, timeout=timeout)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_every_screen_fits(stage: Stage, case: Case) -> None:
    if case.dpr != current_dpr():
        pytest.skip(f"checked in a process at device pixel ratio {case.dpr} "
                    "(test_the_ratio_2_cases_fit)")
    window = stage.show(case)
    assert window.devicePixelRatio() == case.dpr
    assert problems(window) == []


@pytest.mark.skipif(bool(os.environ.get(CHILD)), reason="this is the child process")
def test_the_ratio_2_cases_fit() -> None:
    """The 3840x2160 cases, at device pixel ratio 2, in a process started for them."""
    root = Path(__file__).resolve().parents[2]
    env = dict(os.environ, QT_SCALE_FACTOR="2", **{CHILD: "1"})
    env["PYTHONPATH"] = os.pathsep.join(
        [str(root / "src"), *filter(None, [os.environ.get("PYTHONPATH")])])
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(Path(__file__)),
         "-k", "test_every_screen_fits and 3840x2160"],
        cwd=root, env=env, capture_output=True, text=True, timeout=7200 if FULL else 300)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert " passed" in done.stdout and "failed" not in done.stdout


@pytest.mark.parametrize("panes", [2, 3])
@pytest.mark.parametrize("lang", ["en", "et"])
def test_the_end_card_fits_the_default_window(stage: Stage, lang: str, panes: int) -> None:
    window = stage.show(Case("1280x720", panes, lang, 1.0, "light", "end card"))
    for pane in window.playback.panes:
        card = pane.end_card
        assert card.isVisible()
        for label in (card.heading, card.story_title, card.message):
            assert label.height() >= label.heightForWidth(label.width())  # no line squeezed
    assert problems(window) == []


@pytest.mark.parametrize("scale", [1.0, 1.3, 2.5])
def test_titles_never_break_mid_word_with_three_panes(stage: Stage, scale: float) -> None:
    for lang in ("et", "en"):
        window = stage.show(Case("1280x720", 3, lang, scale, "light", "playing"))
        for pane in window.playback.panes:
            for index in range(pane.driver.count):  # every title of the three stories
                pane.driver.jump(index)
                stage.settle()
                assert [p for p in problems(pane) if "mid-word" in p] == []


@pytest.mark.parametrize("screen", ["end card", "date order"])
def test_card_titles_break_at_syllables_at_the_largest_scale(stage: Stage, screen: str) -> None:
    """The kiosk's screen at its largest text: the cards' scroll bars appear once the titles
    wrap, and the titles must break again for the narrower width ("ise-seis-vaks")."""
    window = stage.show(Case("1920x1080", 3, "et", MAX_SCALE, "high-contrast", screen))
    assert problems(window) == []
