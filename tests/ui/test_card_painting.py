"""How the picker paints its cards: a card painted whole goes straight to the screen and is
copied once the app is idle; a card revealed a strip at a time is copied first; a long list
is placed a screenful at a time.

Waits on conditions only, never on sleeps.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, QRect

from storyplayer.model.library import Entry, Library
from storyplayer.ui.picker.picker import Picker
from storyplayer.ui.picker.story_grid import LAYOUT_BATCH
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


def test_a_thousand_cards_are_placed_a_screenful_at_a_time(qtbot, picker: Picker) -> None:
    """A search keystroke shows its first matches before the last card is placed; the
    rest are placed while the app is idle, and every card can then be scrolled to."""
    story = picker.model.row_data(0, Role.STORY)
    picker.set_library(Library(Entry(story.folder, replace(story, id=f"n{n:04}"))
                               for n in range(1000)))
    view = picker.view
    placed_at_first_paint: list[bool] = []

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Paint and not placed_at_first_paint:
                last = picker.proxy.index(picker.proxy.rowCount() - 1, 0)
                placed_at_first_paint.append(view.visualRect(last).isValid())
            return False

    watch = FirstPaint(view)
    word = story.text(story.title, "en").split()[-1]
    picker.search_box.setText(word)  # every story matches: a new list of 1,000
    view.viewport().installEventFilter(watch)
    assert picker.proxy.rowCount() == 1000 > LAYOUT_BATCH
    last = picker.proxy.index(999, 0)
    qtbot.waitUntil(lambda: placed_at_first_paint == [False])
    qtbot.waitUntil(lambda: view.visualRect(last).isValid())  # placed once idle
    view.scrollTo(last)
    qtbot.waitUntil(lambda: view.visualRect(last).intersects(view.viewport().rect()))
