"""The timeline strip in the real window: one lane per pane, marks that jump their pane,
nearest mark wins where marks crowd, tooltips with the dual date, and no widget per mark."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF
from PySide6.QtWidgets import QWidget

from storyplayer.model.library import Library
from storyplayer.ui.main_window import MainWindow

THREE = ["october-1917", "world-war-1", "independence-1918"]


@pytest.fixture
def window(qtbot, make_window, bundled_library: Library) -> MainWindow:
    win = make_window(bundled_library)
    win.play(THREE)
    qtbot.waitUntil(lambda: win.playback.timeline.width() > 600)
    return win


def test_a_click_on_a_mark_jumps_that_pane(qtbot, window) -> None:
    strip, panes = window.playback.timeline, window.playback.panes
    qtbot.mouseClick(strip, Qt.LeftButton, pos=strip.mark_rect(2, 4).center().toPoint())
    assert [p.driver.index for p in panes] == [0, 0, 4]
    qtbot.mouseClick(strip, Qt.LeftButton, pos=strip.mark_rect(1, 6).center().toPoint())
    assert [p.driver.index for p in panes] == [0, 6, 4]
    assert panes[1].event_view.title.text() == panes[1].story.events[6].title.get("en")


def test_lanes_follow_the_panes_and_sit_under_them(qtbot, window) -> None:
    strip = window.playback.timeline
    assert 90 <= strip.height() <= 120
    top = strip.mapTo(window, strip.rect().topLeft()).y()
    for pane in window.playback.panes:
        assert pane.mapTo(window, pane.rect().bottomLeft()).y() < top
    assert window.playback.map_view.mapTo(
        window, window.playback.map_view.rect().bottomLeft()).y() < top
    # Lanes are in pane order, each mark inside its lane, dates left to right.
    for pane in range(3):
        lane = strip.lane_rect(pane)
        for index in range(len(window.playback.panes[pane].story.events)):
            assert lane.contains(strip.mark_rect(pane, index).center())
    xs = [strip.mark_rect(2, i).center().x() for i in range(10)]
    assert xs == sorted(xs)
    window.playback.close_pane(window.playback.panes[0])
    assert [lane.story.id for lane in strip._lanes] == THREE[1:]


def test_crowded_marks_nearest_wins_and_tooltips_give_the_dual_date(qtbot, window) -> None:
    strip = window.playback.timeline
    # October 1917: events 5-7 share 25 October O.S.; 8 is a range starting that day.
    same_day = strip.mark_rect(0, 5).center()
    assert strip.mark_rect(0, 6).center() == same_day
    assert strip.mark_at(same_day) == (0, 5)  # a point beats the bar it sits on
    near_later = strip.mark_rect(0, 9).center() + QPointF(2, 0)
    assert strip.mark_at(near_later) == (0, 9)
    assert strip.mark_at(QPointF(2, 2)) is None
    text = strip.tooltip_text(0, 5)
    assert text.startswith("25 October (7 November) 1917\n")
    assert text.endswith(window.playback.panes[0].story.events[5].title.get("en"))


def test_on_a_touch_screen_a_mark_reaches_a_fingertip_around_it(qtbot, window) -> None:
    """A finger 20 px beside a mark, or just below the last lane, still picks it in a kiosk
    (the mouse's reach is 12 px); the lanes look the same."""
    from dataclasses import replace

    strip = window.playback.timeline
    mark = strip.mark_rect(2, 9).center()  # the last event: nothing to its right
    beside = mark + QPointF(20, 0)
    below = QPointF(mark.x(), strip.lane_rect(2).bottom() + 8)
    assert strip.mark_at(beside) is None and strip.mark_at(below) is None
    height = strip.height()
    window.apply_theme(replace(window.theme, touch=True))
    assert strip.mark_at(beside) == (2, 9)
    assert strip.mark_at(below) == (2, 9)
    assert strip.height() == height


def test_paint_only_and_scales_with_the_window(qtbot, window) -> None:
    strip = window.playback.timeline
    assert strip.findChildren(QWidget) == []
    assert not strip.grab().isNull()
    x_narrow = strip.mark_rect(2, 9).center().x()
    window.resize(1800, 900)
    qtbot.waitUntil(lambda: strip.width() > 1500)
    assert strip.mark_rect(2, 9).center().x() > x_narrow * 1.3


def test_tick_labels_are_whole_and_clear_of_the_ticks_at_a_larger_text_scale(
        qtbot, window) -> None:
    strip = window.playback.timeline
    for scale in (1.0, 1.3):
        window.set_text_scale(scale)
        qtbot.waitUntil(lambda: strip.height() >= strip._axis_height())
        labels = strip.tick_labels()
        assert len(labels) >= 4
        for box, label, major in labels:
            font = QFont(strip.font())
            font.setBold(major)  # measured in the font it is drawn in (major ticks are bold)
            metrics = QFontMetricsF(font)
            assert box.width() >= metrics.horizontalAdvance(label), label
            assert box.height() >= metrics.height()
            assert 0 <= box.left() and box.right() <= strip.width()
            assert box.bottom() < strip._ticks_top(), label  # above the tick lines
        for (a, _, _), (b, _, _) in itertools.combinations(labels, 2):
            assert not a.intersects(b)


def test_a_single_lane_shows_its_whole_title_at_1920(qtbot, make_window, bundled_library) -> None:
    window = make_window(bundled_library, size=(1920, 1080))
    window.play(["october-1917"])
    strip = window.playback.timeline
    qtbot.waitUntil(lambda: strip.width() > 1800)
    title = window.playback.panes[0].story.title.get("en")
    assert strip._label_width() >= QFontMetricsF(strip.font()).horizontalAdvance(title) + 8


def test_the_current_range_bar_never_hides_the_marks_on_it(qtbot, window) -> None:
    strip = window.playback.timeline
    pane = window.playback.panes[1]  # World War I: event 1 is a range over the whole war
    qtbot.waitUntil(lambda: pane.driver.index == 0)
    lane = strip._lanes[1]
    bar = strip.mark_rect(1, 0)
    assert strip._is_bar(lane.items[0], bar)
    on_bar = [i for i in range(1, len(lane.items))
              if not strip._is_bar(lane.items[i], strip.mark_rect(1, i))
              and bar.intersects(strip.mark_rect(1, i))]
    assert on_bar
    image = strip.grab().toImage()
    dpr = image.devicePixelRatio()
    for index in on_bar:
        centre = strip.mark_rect(1, index).center()
        pixel = image.pixelColor(round(centre.x() * dpr), round(centre.y() * dpr))
        # A point is a ring filled with the card colour, seen through the bar.
        assert pixel.name() == QColor(strip.theme.palette.card).name(), index
