"""The window's own settings menu for a teacher: text size, high contrast and language on
the picker and the playback screen, saved to the config like Ctrl+plus; not in kiosk mode."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint

from storyplayer.app import _persist_text_scale, _persist_theme
from storyplayer.model.config import load_config


@pytest.fixture
def window(make_window, bundled_library, translations):
    made = make_window(bundled_library)
    made.translations = translations
    return made


def test_the_menu_is_on_both_screens_and_saves_what_it_changes(qtbot, window, tmp_path):
    path = tmp_path / "config.toml"
    path.write_text("# mine\nlanguage = \"en\"\n", encoding="utf-8")
    settings = load_config(path)
    _persist_text_scale(window, settings)
    _persist_theme(window, settings)
    picker_button, playback_button = window.settings_buttons
    assert picker_button.isVisible() and window.picker.isAncestorOf(picker_button)
    assert picker_button.menu() is window.settings_menu
    assert picker_button.accessibleName() == "Settings"
    assert picker_button.sizeHint().expandedTo(picker_button.minimumSize()).height() >= 48
    menu = window.settings_menu
    menu.larger.trigger()
    menu.larger.trigger()
    assert window.text_scale == pytest.approx(1.2)
    assert load_config(path).config.text_scale == pytest.approx(1.2)
    menu.high_contrast.trigger()
    assert window.theme.high_contrast
    assert load_config(path).config.theme == "high-contrast"
    # The menu ticks what is in force when it opens.
    menu.popup(picker_button.mapToGlobal(QPoint(0, picker_button.height())))
    assert menu.high_contrast.isChecked() and menu.language_actions["en"].isChecked()
    assert "120 %" in menu.normal.text()
    menu.hide()
    window.play(["october-1917"])
    assert playback_button.isVisible() and window.playback.isAncestorOf(playback_button)
    menu.smaller.trigger()
    assert window.playback.text_scale == pytest.approx(1.1)
    menu.normal.trigger()
    assert load_config(path).config.text_scale == pytest.approx(1.0)
    menu.high_contrast.trigger()
    assert load_config(path).config.theme == "light"
    menu.language_actions["et"].trigger()  # also while a story plays
    assert window.lang == "et" and window.playback.panes[0].lang == "et"
    assert path.read_text(encoding="utf-8").startswith("# mine\n")
