"""Classroom use: manual stepping that never advances by itself, the event list to jump to,
a text scale that persists, the high-contrast theme and keyboard focus."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor

from storyplayer.app import _persist_text_scale
from storyplayer.model.config import LoadedConfig, load_config
from storyplayer.model.library import Library
from storyplayer.ui.shared.theme import Theme


@pytest.fixture
def library(bundled_library: Library) -> Library:
    return bundled_library


@pytest.fixture
def window_options() -> dict[str, bool]:
    return {"active": True}  # shortcuts need the active window


def test_the_top_bar_toggle_and_keys_step_by_hand(qtbot, make_window):
    window = make_window(speed=400)  # would race through the stories if it ran
    window.play(["october-1917", "world-war-1"])
    panes = window.playback.panes
    qtbot.mouseClick(window.playback.manual_button, Qt.LeftButton)
    assert window.playback.manual and all(p.driver.manual for p in panes)
    assert "manual" in panes[0].status.text()
    for pane in panes:
        assert [t for t in pane.driver.findChildren(QTimer) if t.isActive()] == []
    assert [p.driver.index for p in panes] == [0, 0]
    window.playback.setFocus()
    qtbot.keyClick(window.playback, Qt.Key_PageDown)  # a presenter's clicker
    assert [p.driver.index for p in panes] == [1, 1]
    # New stories start in manual mode too, until the toggle goes off.
    window.play(["reformation-livonia"])
    assert window.playback.panes[0].driver.manual
    qtbot.mouseClick(window.playback.manual_button, Qt.LeftButton)
    assert not window.playback.panes[0].driver.manual


def test_set_manual_from_the_command_line_or_config(make_window):
    window = make_window()
    window.set_manual(True)
    assert window.playback.manual_button.isChecked()
    window.play(["october-1917"])
    assert window.playback.panes[0].driver.manual


def test_a_toggle_that_is_on_can_be_seen_from_the_back_of_the_room(make_window):
    window = make_window()
    window.play(["october-1917"])
    button = window.playback.manual_button

    def fill() -> QColor:  # the button's colour just inside its border, beside the text
        return button.grab().toImage().pixelColor(6, button.height() // 2)

    off = fill()
    window.set_manual(True)
    on = fill()
    assert off.lightness() > 200  # a light button on the light page...
    assert on.lightness() < 80  # ...and filled dark once it is on


def test_the_event_list_jumps_to_an_event(qtbot, make_window, library):
    window = make_window()
    window.play(["october-1917"])
    pane = window.playback.panes[0]
    qtbot.waitUntil(lambda: pane.events_button.isVisible())  # shown and laid out
    qtbot.mouseClick(pane.events_button, Qt.LeftButton)
    events = pane.event_list
    assert events.isVisible() and events.list.count() == len(library.get("october-1917").events)
    assert events.geometry() == pane.pages.rect()
    item = events.list.item(4)
    assert item.text().startswith("5. ")
    rect = events.list.visualItemRect(item)
    qtbot.mouseClick(events.list.viewport(), Qt.LeftButton, pos=rect.center())
    assert pane.driver.index == 4 and not events.isVisible()
    # By keyboard: Enter opens, arrow down, Enter jumps; Esc closes without leaving playback.
    pane.events_button.setFocus()
    qtbot.keyClick(pane.events_button, Qt.Key_Return)
    assert events.isVisible() and events.list.hasFocus()
    qtbot.keyClick(events.list, Qt.Key_Down)
    qtbot.keyClick(events.list, Qt.Key_Return)
    assert pane.driver.index == 5
    qtbot.keyClick(pane.events_button, Qt.Key_Return)
    qtbot.keyClick(events.list, Qt.Key_Escape)
    assert not events.isVisible() and window.playing


def test_text_scale_persists_to_the_config(qtbot, make_window, tmp_path):
    path = tmp_path / "config.toml"
    path.write_text("# mine\ntheme = \"light\"\n", encoding="utf-8")
    window = make_window()
    _persist_text_scale(window, load_config(path))
    qtbot.keyClick(window, Qt.Key_Plus, Qt.ControlModifier)
    qtbot.keyClick(window, Qt.Key_Plus, Qt.ControlModifier)
    assert load_config(path).config.text_scale == pytest.approx(1.2)
    assert path.read_text(encoding="utf-8").startswith("# mine\n")


def test_a_read_only_config_keeps_the_scale_in_memory_and_says_so(qtbot, make_window,
                                                                  tmp_path):
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("", encoding="utf-8")
    settings = LoadedConfig(load_config(None).config, blocked / "config.toml", [])
    window = make_window()
    _persist_text_scale(window, settings)
    qtbot.keyClick(window, Qt.Key_Plus, Qt.ControlModifier)
    assert window.text_scale == pytest.approx(1.1)
    message = window.findChild(type(window.picker.heading), "windowMessage")
    assert message.isVisible() and "read-only" in message.text()


def test_high_contrast_theme_and_visible_focus(qtbot, make_window):
    window = make_window()
    window.set_theme("high-contrast")
    assert window.theme.palette.ink == "#000000" and window.theme.high_contrast
    assert "4px solid" in window.styleSheet()
    window.set_theme("light")
    assert window.theme == Theme() and "#1f2328" in window.styleSheet()


def test_text_scale_grows_without_overlap(qtbot, make_window):
    window = make_window()
    window.play(["october-1917"])
    window.set_text_scale(1.8)
    pane = window.playback.panes[0]
    qtbot.waitUntil(lambda: pane.events_button.isVisible())
    qtbot.waitUntil(lambda: pane.event_view.title.font().pointSizeF() > 20)
    header = pane.story_title.geometry()
    assert not header.intersects(pane.events_button.geometry())
    bottom = pane.pages.mapTo(pane, pane.pages.rect().bottomLeft()).y()
    assert bottom < pane.strip.mapTo(pane, pane.strip.rect().topLeft()).y()


def test_every_control_has_an_accessible_name(make_window):
    window = make_window()
    window.play(["october-1917"])
    pane = window.playback.panes[0]
    for control in (pane.previous_button, pane.play_button, pane.next_button, pane.map_button,
                    pane.events_button, window.playback.back_button,
                    window.playback.manual_button, window.playback.pause_all_button,
                    window.picker.search_box, window.picker.play_button,
                    *window.picker.language_buttons.values()):
        assert control.accessibleName() or control.text(), control
        assert control.focusPolicy() & Qt.TabFocus, control


def test_stepping_by_hand_offers_no_pause(qtbot, make_window):
    window = make_window()
    window.set_manual(True)  # as --manual does
    window.play(["october-1917", "world-war-1"])
    view = window.playback
    qtbot.waitUntil(lambda: all(p.isVisible() for p in view.panes))
    assert not view.pause_all_button.isVisible()
    for pane in view.panes:
        assert not pane.play_button.isVisible()  # no pause icon on a pane that waits
        assert pane.play_button.accessibleName() == "Play"
        assert pane.previous_button.isVisible() and pane.next_button.isVisible()
    qtbot.mouseClick(view.manual_button, Qt.LeftButton)  # running by itself again
    assert view.pause_all_button.isVisible()
    assert all(p.play_button.isVisible() for p in view.panes)
