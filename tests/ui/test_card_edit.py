"""The Edit button on each picker card: where editing is allowed it opens the story in the
editor (a bundled story as a copy), it is a fingertip high and fits its card at every
window size, language and text scale, and a kiosk visitor never sees it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem

from storyplayer.resources import bundled_stories_dir
from storyplayer.ui.editor.editor_host import EditorHost
from storyplayer.ui.main_window import MAX_SCALE
from storyplayer.ui.picker.story_card import EDIT_HEIGHT
from storyplayer.ui.picker.story_list_model import Role
from storyplayer.ui.shared.translations import Translations

TOUCH = 48  # px: a fingertip, as tests/layout_checks.py counts it


@pytest.fixture
def picker_with_editing(make_window, bundled_library, tmp_path) -> Iterator[Any]:  # type: ignore[no-untyped-def]
    window = make_window(bundled_library)
    translations = Translations(QApplication.instance())
    window.translations = translations
    host = EditorHost(window, tmp_path / "library", tmp_path / "autosave",
                      bundled_stories_dir())
    yield window, host
    translations.set_language("en")  # the other tests read English


def _cards(window: Any) -> Iterator[tuple[QStyleOptionViewItem, Any]]:
    """The option and index of every card in view."""
    view = window.picker.view
    for row in range(view.model().rowCount()):
        index = view.model().index(row, 0)
        rect = view.visualRect(index)
        if rect.intersects(view.viewport().rect()):
            option = QStyleOptionViewItem()
            view.initViewItemOption(option)
            option.rect = rect
            yield option, index


def test_the_card_button_fits_at_every_size_language_and_text_scale(
        picker_with_editing, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, _host = picker_with_editing
    delegate = window.picker.delegate
    checked = 0
    for size in ((1280, 720), (1920, 1080)):
        window.resize(*size)
        for lang in ("en", "et"):
            window.set_language(lang)
            for scale in (1.0, MAX_SCALE):
                window.set_text_scale(scale)
                qtbot.waitUntil(lambda s=scale: delegate.scale == s)
                QApplication.processEvents()
                for option, index in _cards(window):
                    rect = delegate.edit_rect(option, index)
                    card, cover, _valid, _color = delegate._card_geometry(option, index)
                    label = delegate.edit_label(index)
                    assert label in (("Edit", "Edit a copy") if lang == "en"
                                     else ("Muuda", "Muuda koopiat"))
                    where = f"{size} {lang} x{scale}: {label!r}"
                    assert rect.height() >= TOUCH and EDIT_HEIGHT >= TOUCH, where
                    assert card.contains(rect) and not rect.intersects(cover), where
                    if delegate.edit_is_compact(option, index):
                        # the pencil, only where the words would hide the categories
                        words = QFontMetricsF(delegate._fonts(option.font)["meta"])
                        chips = delegate._chips_width(delegate._fonts(option.font)["chip"],
                                                      index)
                        assert card.width() - words.horizontalAdvance(label) > 0, where
                        assert card.width() - 2 * 16 * delegate.scale - (
                            words.horizontalAdvance(label) + 28 * delegate.scale) < chips + (
                            8 * delegate.scale), where
                        assert rect.width() == rect.height() >= TOUCH, where
                    else:
                        font = delegate._fonts(option.font)["meta"]
                        room = rect.width() - 20 * delegate.scale
                        assert QFontMetricsF(font).horizontalAdvance(label) <= room, where
                    checked += 1
    assert checked >= 8
    # The button takes no room of its own: a card is as large as without it.
    option, index = next(_cards(window))
    with_button = delegate.sizeHint(option, index)
    labels, delegate.edit_label = delegate.edit_label, None
    assert delegate.sizeHint(option, index) == with_button
    delegate.edit_label = labels


def test_edit_on_a_card_opens_it_in_the_editor_and_a_kiosk_hides_it(
        picker_with_editing, qtbot) -> None:  # type: ignore[no-untyped-def]
    from storyplayer.model.config import KioskSettings
    from storyplayer.ui.kiosk.kiosk import Kiosk

    window, host = picker_with_editing
    view = window.picker.view
    option, index = next(_cards(window))
    button = window.picker.delegate.edit_rect(option, index)
    assert window.picker.delegate.edit_label(index) == "Edit a copy"  # a bundled story
    story_id = index.data(Role.ID)
    # A tap on the card's body still chooses it; a tap on Edit does not.
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=option.rect.center())
    assert window.picker.chosen() == [story_id]
    with qtbot.waitSignal(window.picker.editRequested, timeout=5000) as asked:
        qtbot.mouseClick(view.viewport(), Qt.LeftButton,
                         pos=button.center().toPoint())
    assert story_id in asked.args[0]  # the story's folder
    assert window.stack.currentWidget() is host.screen
    assert f"{story_id}-copy" in str(host.screen.working.folder)  # a copy, in the library
    assert window.picker.chosen() == [story_id]
    host.screen.close_editor()

    kiosk = Kiosk(window, KioskSettings())
    kiosk.start(attract=False, full_screen=False)
    try:
        assert window.picker.delegate.edit_label is None
        assert window.picker.delegate.edit_rect(option, index) is None
        # A tap where the button was chooses the card, as any tap on it.
        window.picker.clear_choices()
        qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=QPoint(
            int(button.center().x()), int(button.center().y())))
        assert window.picker.chosen() == [story_id]
        assert host.screen.working is None
    finally:
        kiosk.leave()


def test_isolated_the_app_saves_and_installs_into_a_folder_of_its_own(
        make_window, bundled_library) -> None:  # type: ignore[no-untyped-def]
    """The composition root's editor (saves, autosaves) and Add story… (installs) use the
    isolated run's own folder, never the user's library (tests run isolated)."""
    from storyplayer.app import _add_story, _attach_editor
    from storyplayer.model.library import isolated, isolated_dir

    assert isolated()
    window = make_window(bundled_library)
    _attach_editor(window)
    host = window.editor_host
    adder = _add_story(window, bundled_library, [])
    for folder in (host.library_dir, host.autosave_dir, adder.library_dir):
        assert isolated_dir() in folder.parents, folder
    screen = host.new_story()
    assert screen.save() and isolated_dir() in screen.working.file.parents
    screen.close_editor()
