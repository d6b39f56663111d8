"""How the picker paints its cards: a card painted whole goes straight to the screen and is
copied once the app is idle; a card revealed a strip at a time is copied first.

Waits on conditions only, never on sleeps.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QRect

from storyplayer.model.library import Entry, Library
from storyplayer.ui.picker.picker import Picker
from storyplayer.ui.picker.story_list_model import Role
from storyplayer.ui.shared.theme import DEFAULT

from .test_picker import STORIES, write_story


@pytest.fixture
def picker(qtbot, tmp_path: Path) -> Picker:
    root = tmp_path / "stories"
    for story_id, (title, en, et, categories, date) in STORIES.items():
        write_story(root / story_id, story_id, title, en, et, categories, date)
    story = Library.load([root]).stories[0]
    # Enough stories to scroll through.
    many = Library(Entry(story.folder, replace(story, id=f"s{n:02}")) for n in range(40))
    widget = Picker(many, "en")
    # The page on the theme's paper, as in the app's window.
    widget.setStyleSheet(DEFAULT.style_sheet() + widget.styleSheet())
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def shown_cards(picker: Picker) -> int:
    view = picker.view
    return sum(
        view.visualRect(picker.proxy.index(row, 0)).intersects(view.viewport().rect())
        for row in range(picker.proxy.rowCount())
    )


def test_cards_painted_whole_are_shown_first_and_kept_once_idle(qtbot, picker: Picker) -> None:
    delegate = picker.delegate
    delegate.forget()
    picker.view.viewport().repaint()
    assert delegate.cards == {}  # on the screen, not yet copied
    qtbot.waitUntil(lambda: len(delegate.cards) == shown_cards(picker))


def test_a_card_shown_straight_looks_like_its_kept_copy(qtbot, picker: Picker) -> None:
    delegate = picker.delegate
    delegate.forget()
    # The whole page, so that the cards lie on its paper as on the screen.
    straight = picker.grab().toImage()
    qtbot.waitUntil(lambda: len(delegate.cards) == shown_cards(picker))
    copied = picker.grab().toImage()
    assert straight == copied


def test_a_card_revealed_by_scrolling_is_copied_at_once(picker: Picker) -> None:
    delegate = picker.delegate
    delegate.forget()
    viewport = picker.view.viewport()
    # The strip that scrolling by 40 pixels uncovers at the bottom.
    viewport.repaint(QRect(0, viewport.height() - 40, viewport.width(), 40))
    assert len(delegate.cards) >= 1


def test_a_card_changed_before_it_is_kept_is_not_kept_as_it_was(qtbot, picker: Picker) -> None:
    delegate = picker.delegate
    delegate.forget()
    picker.view.viewport().repaint()
    first = picker.proxy.index(0, 0)
    story_id = first.data(Role.ID)
    picker.model.toggle(picker.proxy.mapToSource(first).row())  # chosen before the idle copy
    qtbot.waitUntil(lambda: len(delegate.cards) == shown_cards(picker))
    # Keys start (id, title, period, chosen, ...): only the chosen look is kept.
    assert [key[3] for key in delegate.cards if key[0] == story_id] == [True]
