"""The real window, offscreen: three stories side by side, stepping, pausing, the end card,
play again, close, and back to the picker."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QWidget
from windows import wait_map

from storyplayer.model.library import Library
from storyplayer.model.playback import State
from storyplayer.ui.shared.hyphenation import plain

THREE = ["october-1917", "independence-1918", "world-war-1"]


@pytest.fixture
def library(bundled_library: Library) -> Library:
    return bundled_library


@pytest.fixture
def window_options() -> dict[str, bool]:
    return {"active": True}  # shortcuts need the active window


def rect_in(widget: QWidget, ancestor: QWidget) -> QRect:
    return QRect(widget.mapTo(ancestor, widget.rect().topLeft()), widget.size())


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_three_panes_side_by_side_nothing_overlaps(qtbot, make_window, library, size) -> None:
    window = make_window(size=size)
    window.play(THREE)
    wait_map(qtbot, window)
    qtbot.waitUntil(lambda: window.playback.panes[0].width() > 100)
    panes = window.playback.panes
    assert [p.story.id for p in panes] == THREE
    widths = [p.width() for p in panes]
    assert max(widths) - min(widths) <= 2, widths
    rects = [rect_in(p, window) for p in panes]
    map_rect = rect_in(window.playback.map_view, window)
    for i, a in enumerate(rects):
        assert window.rect().contains(a)
        assert not a.intersects(map_rect)
        for b in rects[i + 1 :]:
            assert not a.intersects(b)
    for pane, story_id in zip(panes, THREE, strict=True):
        first = library.get(story_id).events[0]
        assert pane.event_view.title.text() == first.title.get("en")
        # Every control is inside its pane and fully shown.
        for button in (pane.previous_button, pane.play_button, pane.next_button, pane.map_button):
            assert pane.rect().contains(rect_in(button, pane)), button.accessibleName()
        for button in (pane.previous_button, pane.play_button, pane.next_button, pane.map_button):
            assert button.width() >= 48 and button.height() >= 48  # a fingertip
        # The header, content and footer stack without overlapping.
        title, body = rect_in(pane.story_title, pane), rect_in(pane.pages, pane)
        assert title.bottom() < body.top()
        assert body.bottom() < rect_in(pane.strip, pane).top()


def test_keys_step_focus_pause_and_resume(qtbot, make_window) -> None:
    window = make_window()
    window.play(THREE)
    wait_map(qtbot, window)
    panes = window.playback.panes
    qtbot.waitUntil(lambda: all(p.driver.state is State.PLAYING for p in panes))
    window.playback.setFocus()
    qtbot.keyClick(window.playback, Qt.Key_Right)
    assert [p.driver.index for p in panes] == [1, 1, 1]
    qtbot.keyClick(window.playback, Qt.Key_2)
    assert panes[1].hasFocus()
    qtbot.keyClick(panes[1], Qt.Key_PageDown)  # a clicker's "next"
    assert [p.driver.index for p in panes] == [1, 2, 1]
    qtbot.keyClick(panes[1], Qt.Key_PageUp)
    assert [p.driver.index for p in panes] == [1, 1, 1]
    qtbot.keyClick(panes[1], Qt.Key_Space)
    assert all(p.driver.state is State.PAUSED for p in panes)
    assert window.playback.pause_all_button.text() == "Play all"
    qtbot.keyClick(panes[1], Qt.Key_Space)
    assert all(p.driver.state is State.PLAYING for p in panes)


def test_buttons_and_progress_marks_drive_a_pane(qtbot, make_window) -> None:
    window = make_window()
    window.play(["october-1917"])
    wait_map(qtbot, window)
    pane = window.playback.panes[0]
    qtbot.mouseClick(pane.next_button, Qt.LeftButton)
    assert pane.driver.index == 1
    qtbot.mouseClick(pane.play_button, Qt.LeftButton)
    assert pane.driver.state is State.PAUSED
    assert pane.play_button.accessibleName() == "Play"
    mark = pane.strip.mark_rect(5).center().toPoint()
    qtbot.mouseClick(pane.strip, Qt.LeftButton, pos=mark)
    assert pane.driver.index == 5
    assert pane.event_view.title.text() == pane.story.events[5].title.get("en")
    assert "Event 6 of 11" in pane.status.text()


def test_a_marker_click_on_the_map_moves_its_pane(qtbot, make_window) -> None:
    window = make_window()
    window.play(THREE)
    wait_map(qtbot, window)
    window.playback.map_view.markerClicked.emit(2, 4)
    assert [p.driver.index for p in window.playback.panes] == [0, 0, 4]


def test_end_card_play_again_and_close_back_to_picker(qtbot, make_window) -> None:
    window = make_window(speed=400)
    window.play(["reformation-livonia", "world-war-1"])
    wait_map(qtbot, window)
    first, second = window.playback.panes
    with qtbot.waitSignal(first.driver.finished, timeout=20_000):
        pass
    assert first.pages.currentWidget() is first.end_card
    assert first.end_card.play_again.isVisible() and first.end_card.close_button.isVisible()
    assert "finished" in plain(first.end_card.heading.text())
    qtbot.mouseClick(first.end_card.play_again, Qt.LeftButton)
    assert first.driver.index == 0 and first.driver.state is State.PLAYING
    assert first.pages.currentWidget() is first.event_view
    second.driver.pause()
    with qtbot.waitSignal(first.driver.finished, timeout=20_000):
        pass
    width_before = second.width()
    qtbot.mouseClick(first.end_card.close_button, Qt.LeftButton)
    assert window.playback.panes == [second]
    qtbot.waitUntil(lambda: second.width() > width_before)  # the other pane widens
    second.driver.jump(second.driver.count - 1)
    second.driver.next()
    assert second.pages.currentWidget() is second.end_card
    with qtbot.waitSignal(window.pickerShown, timeout=5000):
        qtbot.mouseClick(second.end_card.close_button, Qt.LeftButton)
    assert not window.playing
    assert window.picker.chosen() == []


def test_escape_returns_to_the_picker(qtbot, make_window) -> None:
    window = make_window()
    window.play(THREE)
    window.playback.setFocus()
    with qtbot.waitSignal(window.pickerShown, timeout=5000):
        qtbot.keyClick(window.playback, Qt.Key_Escape)
    assert window.playback.panes == []


def test_text_scale_keys(qtbot, make_window) -> None:
    window = make_window()
    window.play(["october-1917"])
    size = window.playback.panes[0].event_view.title.font().pointSizeF()
    qtbot.keyClick(window, Qt.Key_Plus, Qt.ControlModifier)
    assert window.text_scale == pytest.approx(1.1)
    assert window.playback.panes[0].event_view.title.font().pointSizeF() > size


def test_show_on_map_names_the_panes_event(qtbot, make_window) -> None:
    """The map page, not the pane, decides how close "show on map" goes."""
    import json

    window = make_window()
    window.play(THREE)
    wait_map(qtbot, window)
    pane = window.playback.panes[1]
    pane.driver.pause()
    pane.driver.jump(2)
    sent: list[dict] = []
    window.playback.map_view._bridge.message.connect(lambda text: sent.append(json.loads(text)))
    qtbot.mouseClick(pane.map_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: any(m["type"] == "fly-to-event" for m in sent))
    assert [m for m in sent if m["type"] == "fly-to-event"] == [
        {"type": "fly-to-event", "slot": 1, "index": 2}]


def test_a_story_without_a_colour_never_takes_another_panes_colour(qtbot, make_window, library):
    """october-1917 is red (the first pane colour): a colourless story beside it gets
    another, in its pane, on the map and in the timeline."""
    from dataclasses import replace

    from storyplayer.model.library import Entry

    colourless = [replace(s, id=f"colourless-{n}", color=None)
                  for n, s in enumerate(library.stories[:2])]
    mixed = Library([*library.entries, *(Entry(s.path, s) for s in colourless)])
    window = make_window(mixed, size=(1280, 720), active=True)
    for ids in (["colourless-0", "october-1917"],
                ["independence-1918", "colourless-0", "colourless-1"]):
        window.play(ids)
        panes = window.playback.panes
        colors = [p.color.lower() for p in panes]
        assert len(set(colors)) == len(colors), (ids, colors)
        by_id = {s.id: s for s in mixed.stories}
        assert all(p.color == by_id[p.story.id].color for p in panes if by_id[p.story.id].color)
        sent = window.playback.map_view._stories["stories"]
        assert [s["color"] for s in sent] == [p.color for p in panes]
        assert [lane.color for lane in window.playback.timeline._lanes] == [p.color for p in panes]
