"""Kiosk visitors never see a broken story or a developer message; staff see both, with
their reasons, after the staff chord (and the PIN)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from story_files import write_story

from storyplayer.model.config import KioskSettings
from storyplayer.model.library import Library
from storyplayer.resources import bundled_stories_dir
from storyplayer.ui.kiosk.kiosk import Kiosk
from storyplayer.ui.main_window import MainWindow

CHORD = Qt.ControlModifier | Qt.AltModifier | Qt.ShiftModifier


@pytest.fixture
def library(tmp_path: Path) -> Library:
    write_story(tmp_path, "broken-story", text="format: 1\ntitle: B\nevents: []\n")
    return Library.load([bundled_stories_dir(), tmp_path])


@pytest.fixture
def kiosk(qtbot, make_window):
    window = make_window(show=False)
    made = Kiosk(window, KioskSettings(enabled=True, pin="2468"), idle_ms=60_000)
    make_window.before_close(lambda: made._leaving or made.leave())
    with qtbot.waitExposed(window):
        made.start(full_screen=False)
    make_window.activate(window)
    return made


def picker_names(window: MainWindow) -> list[str]:
    proxy = window.picker.proxy
    return [proxy.data(proxy.index(row), Qt.DisplayRole) for row in range(proxy.rowCount())]


def test_visitors_see_no_broken_story_and_no_message(qtbot, kiosk, library) -> None:
    window = kiosk.window
    assert library.invalid and library.invalid[0].name == "broken-story"
    kiosk.begin()
    names = picker_names(window)
    assert len(names) == len(library.stories) and "broken-story" not in names
    window.picker.search_box.setText("broken")  # not even found by searching
    assert picker_names(window) == []
    window.notices.show_notice("Stories in /x cannot be shown: not a folder.")
    window.show_message("Some settings could not be used: see --check-config.")
    assert not window.notices.isVisible() and not window._message.isVisible()


def test_staff_see_them_with_their_reasons_after_the_chord(qtbot, kiosk) -> None:
    window = kiosk.window
    window.notices.show_notice("Stories in /x cannot be shown: not a folder.")
    qtbot.keyClick(window, Qt.Key_Q, CHORD)
    kiosk.pin_pad.enter("2468")
    report = kiosk.staff_report
    assert report.isVisible() and report.geometry() == window.rect()
    lines = [report.items.item(i).text() for i in range(report.items.count())]
    assert lines[0].startswith("Story “broken-story” cannot be played:")
    assert "the story has no events: it needs at least one" in lines[0]
    assert lines[1] == "Stories in /x cannot be shown: not a folder."
    qtbot.mouseClick(report.back_button, Qt.LeftButton)  # back to the visitors' screen
    assert not report.isVisible() and window.isVisible() and not kiosk._leaving
    qtbot.keyClick(window, Qt.Key_Q, CHORD)
    kiosk.pin_pad.enter("2468")
    with qtbot.waitSignal(kiosk.exited, timeout=2000):
        qtbot.mouseClick(report.leave_button, Qt.LeftButton)
    assert not window.isVisible()


def test_the_teachers_settings_menu_is_not_for_visitors(kiosk) -> None:
    window = kiosk.window
    kiosk.begin()
    assert not any(button.isVisible() for button in window.settings_buttons)
    window.play(["october-1917"])
    assert not any(button.isVisible() for button in window.settings_buttons)
