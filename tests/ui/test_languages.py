"""The interface in Estonian through Qt's translators: strings read back from the widgets,
Estonian dates and end-of-story message, and a live switch from the picker's EN | ET."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from storyplayer.model.library import Library
from storyplayer.ui.main_window import MainWindow
from storyplayer.ui.picker.story_list_model import Role
from storyplayer.ui.shared.hyphenation import plain
from storyplayer.ui.shared.translations import translation_file


@pytest.fixture
def library(bundled_library: Library) -> Library:
    return bundled_library


@pytest.fixture
def window_in(make_window, translations):
    def make(lang: str) -> MainWindow:
        translations.set_language(lang)
        window = make_window(lang=lang)
        window.translations = translations
        return window

    return make


def test_the_estonian_translation_ships_compiled():
    assert translation_file("et") is not None
    assert translation_file("xx") is None


def test_the_picker_in_estonian(window_in, library):
    window = window_in("et")
    picker = window.picker
    assert picker.heading.text() == "Vali lood"
    assert picker.search_box.placeholderText() == "Otsi lugusid"
    assert picker.play_button.text() == "Esita"
    assert picker.category_box.itemText(0) == "Kõik teemad"
    assert picker.count_label.text().startswith("Ühtegi lugu pole veel valitud")
    assert window.windowTitle() == "Lugude mängija"
    assert picker.language_buttons["et"].isChecked()
    # Story text follows the language.
    story = library.get("october-1917")
    model = picker.model
    titles = {model.data(model.index(row), Qt.DisplayRole) for row in range(model.rowCount())}
    assert story.title.get("et") in titles and story.title.get("en") not in titles


def test_playback_in_estonian_dates_and_end_message(qtbot, window_in, library):
    window = window_in("et")
    window.play(["october-1917"])
    pane = window.playback.panes[0]
    assert window.playback.back_button.text() == "Vali lood"
    assert pane.next_button.accessibleName() == "Järgmine sündmus"
    assert pane.event_view.date.text() == "26. märts (8. aprill) 1917"
    assert pane.event_view.title.text() == library.get("october-1917").events[0].title.get("et")
    assert pane.status.text().startswith("Sündmus 1/")
    pane.driver.jump(pane.driver.count - 1)
    pane.driver.next()
    assert plain(pane.end_card.heading.text()) == "Lugu on lõppenud"
    assert pane.end_card.play_again.text() == "Esita uuesti"
    assert "Korraga saab esitada kuni kolm lugu" in plain(pane.end_card.message.text())



def test_an_estonian_date_that_starts_a_line_begins_with_a_capital(make_window, library):
    """Estonian month names are lower case; "veebruar 1944" heading an event is not."""
    window = make_window(lang="et")
    window.play(["great-flight-1944"])
    assert plain(window.playback.panes[0].event_view.date.text()) == "Veebruar 1944"
    model = window.picker.model
    periods = [model.data(model.index(row), Role.PERIOD) for row in range(model.rowCount())]
    assert all(not period or not period[0].islower() for period in periods), periods


def test_switching_language_live_from_the_picker(qtbot, window_in):
    window = window_in("en")
    picker = window.picker
    assert picker.heading.text() == "Choose stories"
    with qtbot.waitSignal(window.languageChanged, timeout=2000) as switched:
        qtbot.mouseClick(picker.language_buttons["et"], Qt.LeftButton)
    assert switched.args == ["et"]
    assert picker.heading.text() == "Vali lood"
    # Qt posts LanguageChange to every widget; hidden screens retranslate too.
    qtbot.waitUntil(lambda: window.playback.manual_button.text() == "Samm-sammult")
    assert window.playback.pause_all_button.text() == "Esita kõik"
    assert window.windowTitle() == "Lugude mängija"
    assert picker.language_buttons["et"].isChecked()
    assert not picker.language_buttons["en"].isChecked()
    window.play(["october-1917"])
    assert window.playback.panes[0].event_view.date.text() == "26. märts (8. aprill) 1917"
    window.show_picker()
    qtbot.mouseClick(picker.language_buttons["en"], Qt.LeftButton)
    assert picker.heading.text() == "Choose stories"
    qtbot.waitUntil(lambda: window.playback.manual_button.text() == "Step by hand")
    assert QApplication.instance().translate("Picker", "Choose stories") == "Choose stories"


def test_known_category_tags_follow_the_language(window_in) -> None:
    from storyplayer.ui.picker.story_card import category_label

    window = window_in("et")
    assert category_label("history") == "Ajalugu"
    assert window.picker.category_box.findText("Poliitika") > 0
    assert category_label("world-war-ii") == "World war ii"  # unknown tags as written
