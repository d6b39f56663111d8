"""One theme for the whole window: a change of palette or text scale is one `apply_theme`
per widget, and reaches every part of a playing pane, the picker, the timeline and the map."""

from __future__ import annotations

import pytest

from storyplayer.model.library import Library
from storyplayer.ui.shared.theme import HIGH_CONTRAST, LIGHT


def test_a_theme_change_reaches_every_part(qtbot, make_window, bundled_library: Library):
    window = make_window(bundled_library)
    window.set_manual(True)
    window.play(["october-1917", "world-war-1"])
    pane = window.playback.panes[0]
    parts = (pane, pane.event_view, pane.end_card, pane.waiting_card, pane.event_list)
    assert all(LIGHT.card in part.styleSheet() for part in parts)
    strip = window.playback.timeline
    assert strip.grab().toImage().pixelColor(2, 0).lightness() > 140  # light's pale rule

    window.set_theme("high-contrast")
    theme = window.theme
    assert theme.high_contrast and window.playback.theme is theme and pane.theme is theme
    assert window.picker.theme is theme and window.picker.delegate.theme is theme
    assert f"border: 1px solid {HIGH_CONTRAST.line}" in pane.styleSheet()
    assert f"color: {HIGH_CONTRAST.muted}" in pane.event_view.styleSheet()
    assert f"color: {HIGH_CONTRAST.muted}" in pane.waiting_card.styleSheet()
    assert f"1px solid {HIGH_CONTRAST.line}" in pane.event_list.styleSheet()
    # The timeline is painted: its top rule is drawn afresh in the new palette's black line.
    qtbot.waitUntil(lambda: strip.grab().toImage().pixelColor(2, 0).lightness() < 140,
                    timeout=5000)

    window.set_text_scale(2.0)
    assert window.theme.high_contrast and window.theme.text_scale == 2.0
    assert f"font-size: {window.theme.pt(window.theme.sizes.title)}pt" in (
        pane.event_view.title.styleSheet())
    # The end card's heading is the interface's: it grows like the controls.
    assert f"font-size: {window.theme.chrome_pt(window.theme.sizes.heading)}pt" in (
        pane.end_card.heading.styleSheet())
    assert window.playback.map_names.text_scale == 2.0 and window.playback.map_names.high_contrast
    window.set_theme("light")
    assert f"border: 1px solid {LIGHT.line}" in pane.styleSheet()


def test_the_page_starts_in_the_configured_theme(qtbot, make_window, bundled_library: Library):
    from page_probe import page_state
    from windows import wait_map

    from storyplayer.ui.shared.theme import Theme

    window = make_window(bundled_library, theme=Theme.named("high-contrast", 1.5))
    view = window.playback.map_view
    if not view.is_ready:  # queued until the page is ready: only the configured theme waits
        themes = [m for m in view._pending if m["type"] == "theme"]
        assert themes == [{"type": "theme", "high_contrast": True, "text_scale": 1.5}]
    wait_map(qtbot, window)
    state = page_state(qtbot, view)["theme"]
    assert state["high_contrast"] is True and state["text_scale"] == 1.5
    assert window.picker.theme.high_contrast and window.text_scale == 1.5


@pytest.mark.parametrize("palette", ["light", "high-contrast"])
def test_a_button_that_cannot_be_pressed_looks_it(qtbot, palette):
    """Greyer words and a dashed edge: an Undo or Share that does nothing looks unlike one
    that works, in both palettes."""
    from PySide6.QtWidgets import QPushButton, QWidget

    from storyplayer.ui.shared.theme import Theme

    def darkest(button: QPushButton) -> int:  # of its words, inside the edge
        image = button.grab().toImage()
        return min(image.pixelColor(x, y).lightness()
                   for x in range(12, image.width() - 12) for y in range(10, image.height() - 10))

    host = QWidget()
    qtbot.addWidget(host)
    host.setStyleSheet(Theme.named(palette).style_sheet())
    working, idle = QPushButton("Share", host), QPushButton("Share", host)
    idle.setEnabled(False)
    for button in (working, idle):
        button.resize(140, 48)
    host.show()
    assert darkest(idle) > darkest(working) + 60
